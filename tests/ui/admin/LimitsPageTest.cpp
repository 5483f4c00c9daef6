// The Quotas & limits editor against the real gateway: a client's, a key's and the default limits changed through
// the page, each change checked on the gateway and in the local audit log (before and after); "Use default" and
// "Remove key limits"; input the gateway would not want refused before anything is sent; a gateway's refusal shown
// in words with the per-gateway results; fleet-wide changes; "admin" events re-reading the form (edits kept); a
// viewer token changes nothing. Also the LimitsEditor form on its own.

#include "tests/ui/admin/AdminFixture.h"

#include "ui/AdminResultsDialog.h"
#include "ui/GatewayTargets.h"
#include "ui/LimitsEditor.h"
#include "ui/LimitsPage.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>

namespace modelguard::ui::test {
namespace {

using client::AdminOutcome;
using Scope = LimitsPage::Scope;

class LimitsPageTest : public AdminFixture
{
public:
    std::unique_ptr<LimitsPage> makePage(client::ConnectionManager* connections = nullptr)
    {
        auto page = std::make_unique<LimitsPage>(connections ? connections : m_connections.get(), m_store.get(),
                                                 m_service.get());
        page->resize(1000, 700);
        return page;
    }

    QJsonObject clientPolicies(const QString& client, client::GatewayConnection* via = nullptr)
    {
        return get(QStringLiteral("/admin/v1/clients/%1/policies").arg(client), via).object();
    }

    QJsonValue clientOverride(const QString& client, client::GatewayConnection* via = nullptr)
    {
        return clientPolicies(client, via).value("overrides").toObject().value("limits");
    }

    QJsonValue keyLimits(const QString& client, const QString& keyId)
    {
        for (const QJsonValue& k :
             get(QStringLiteral("/admin/v1/keys?client=%1").arg(client)).object().value("keys").toArray()) {
            if (k.toObject().value("id").toString() == keyId)
                return k.toObject().value("limits");
        }
        ADD_FAILURE() << "no key " << keyId.toStdString();
        return {};
    }

    /// The page's scope, set and read; fails the test if it could not be read.
    static void show(LimitsPage& page, Scope scope, const QString& client = {}, const QString& key = {})
    {
        const auto loaded = await(page.setScope(scope, client, key));
        ASSERT_TRUE(loaded.has_value());
        ASSERT_TRUE(*loaded) << page.stateText().toStdString();
    }

    static QList<AdminOutcome> save(LimitsPage& page)
    {
        const auto outcomes = await(page.save(), 30s);
        if (!outcomes) {
            ADD_FAILURE() << "save() did not finish";
            return {};
        }
        return *outcomes;
    }
};

TEST_F(LimitsPageTest, ClientQuotaSetThroughThePage)
{
    auto page = makePage();
    show(*page, Scope::Client, QStringLiteral("acme"));
    EXPECT_FALSE(page->hasOverride());
    EXPECT_NE(page->stateText().indexOf(QStringLiteral("uses the default limits")), -1)
        << page->stateText().toStdString();
    EXPECT_TRUE(page->readOnlyLabel()->isHidden());
    EXPECT_TRUE(page->saveButton()->isEnabled()) << page->saveButton()->toolTip().toStdString();

    LimitsEditor* editor = page->editor();
    QDoubleSpinBox* perDay = editor->field(QStringLiteral("tokens_per_day"));
    ASSERT_TRUE(perDay);
    EXPECT_EQ(perDay->text(), QStringLiteral("Unlimited"));
    perDay->setValue(5000);
    EXPECT_TRUE(editor->label(QStringLiteral("tokens_per_day"))->font().bold()) << "a changed value is not marked";
    EXPECT_FALSE(editor->label(QStringLiteral("tokens_per_minute"))->font().bold());

    QSignalSpy finished(page.get(), &LimitsPage::changeFinished);
    const QList<AdminOutcome> outcomes = save(*page);
    ASSERT_EQ(outcomes.size(), 1);
    EXPECT_TRUE(outcomes.front().ok()) << outcomes.front().message.toStdString();
    EXPECT_EQ(finished.count(), 1);
    EXPECT_EQ(page->statusText(), outcomes.front().message);

    // The gateway has the override; the rest of the limits are what the form showed (the default's).
    const QJsonValue override = clientOverride(QStringLiteral("acme"));
    ASSERT_TRUE(override.isObject()) << "no override on the gateway";
    EXPECT_EQ(override.toObject().value("tokens_per_day").toInteger(), 5000);
    EXPECT_EQ(override.toObject().value("default_max_tokens").toInteger(), 1024);

    // The form shows the gateway's state, no longer marked as changed.
    EXPECT_TRUE(page->hasOverride());
    EXPECT_NE(page->stateText().indexOf(QStringLiteral("limits of its own")), -1) << page->stateText().toStdString();
    EXPECT_EQ(perDay->value(), 5000);
    EXPECT_FALSE(editor->isModified());
    EXPECT_FALSE(editor->label(QStringLiteral("tokens_per_day"))->font().bold());

    const auto records = auditRecords();
    ASSERT_EQ(records.size(), 1u);
    const auto& e = records.back().entry;
    EXPECT_EQ(e.action, "set_limits");
    EXPECT_EQ(e.target, "client:acme");
    EXPECT_EQ(e.result, "ok");
    EXPECT_NE(e.gateway.find("gw-a"), std::string::npos) << e.gateway;
    EXPECT_NE(e.before_json.find("\"limits\":null"), std::string::npos) << e.before_json;
    EXPECT_NE(e.after_json.find("\"tokens_per_day\":5000"), std::string::npos) << e.after_json;
}

TEST_F(LimitsPageTest, UseDefaultRemovesTheClientOverride)
{
    auto page = makePage();
    show(*page, Scope::Client, QStringLiteral("acme"));
    page->editor()->field(QStringLiteral("requests_per_minute"))->setValue(30);
    ASSERT_TRUE(save(*page).value(0).ok());
    ASSERT_TRUE(clientOverride(QStringLiteral("acme")).isObject());
    EXPECT_TRUE(page->useDefaultButton()->isEnabled());

    const auto outcomes = await(page->resetToDefault(), 30s);
    ASSERT_TRUE(outcomes.has_value());
    ASSERT_EQ(outcomes->size(), 1);
    EXPECT_TRUE(outcomes->front().ok()) << outcomes->front().message.toStdString();
    EXPECT_TRUE(clientOverride(QStringLiteral("acme")).isNull());
    EXPECT_FALSE(page->hasOverride());
    EXPECT_EQ(page->editor()->field(QStringLiteral("requests_per_minute"))->value(), 0) << "the form kept the override";

    const auto records = auditRecords();
    ASSERT_EQ(records.size(), 2u);
    EXPECT_EQ(records.back().entry.action, "clear_limits");
    EXPECT_EQ(records.back().entry.target, "client:acme");
    EXPECT_EQ(records.back().entry.result, "ok");
    EXPECT_NE(records.back().entry.before_json.find("\"requests_per_minute\":30"), std::string::npos)
        << records.back().entry.before_json;
}

TEST_F(LimitsPageTest, KeyLimitsSetAndCleared)
{
    const QString keyId =
        createKey(QStringLiteral("acme"), QStringLiteral("backend")).value("key").toObject().value("id").toString();
    ASSERT_FALSE(keyId.isEmpty());
    auto page = makePage();
    show(*page, Scope::Key, QStringLiteral("acme"));
    EXPECT_EQ(page->keyId(), keyId) << "the client's key is not chosen";
    EXPECT_EQ(page->keyCombo()->count(), 1);
    EXPECT_NE(page->keyCombo()->currentText().indexOf(QStringLiteral("backend")), -1);
    EXPECT_FALSE(page->hasOverride());
    EXPECT_EQ(page->useDefaultButton()->text(), QStringLiteral("Remove key limits"));

    page->editor()->field(QStringLiteral("tokens_per_minute"))->setValue(700);
    const QList<AdminOutcome> set = save(*page);
    ASSERT_EQ(set.size(), 1);
    EXPECT_TRUE(set.front().ok()) << set.front().message.toStdString();
    const QJsonValue limits = keyLimits(QStringLiteral("acme"), keyId);
    ASSERT_TRUE(limits.isObject());
    EXPECT_EQ(limits.toObject().value("tokens_per_minute").toInteger(), 700);
    EXPECT_TRUE(page->hasOverride());
    // The client itself is untouched.
    EXPECT_TRUE(clientOverride(QStringLiteral("acme")).isNull());

    const auto cleared = await(page->resetToDefault(), 30s);
    ASSERT_TRUE(cleared.has_value());
    ASSERT_EQ(cleared->size(), 1);
    EXPECT_TRUE(cleared->front().ok()) << cleared->front().message.toStdString();
    EXPECT_TRUE(keyLimits(QStringLiteral("acme"), keyId).isNull());
    EXPECT_FALSE(page->hasOverride());

    const auto records = auditRecords();
    ASSERT_EQ(records.size(), 2u);
    EXPECT_EQ(records[0].entry.action, "set_key_limits");
    EXPECT_EQ(records[0].entry.target, "key:" + keyId.toStdString());
    EXPECT_EQ(records[0].entry.result, "ok");
    EXPECT_NE(records[0].entry.after_json.find("\"tokens_per_minute\":700"), std::string::npos);
    EXPECT_EQ(records[1].entry.action, "clear_key_limits");
    EXPECT_EQ(records[1].entry.result, "ok");
    EXPECT_NE(records[1].entry.before_json.find("\"tokens_per_minute\":700"), std::string::npos)
        << records[1].entry.before_json;

    // Typing another client shows that client's keys (none here), and back.
    auto* clientBox = page->findChild<QComboBox*>(QStringLiteral("scopeClient"));
    ASSERT_TRUE(clientBox);
    clientBox->setEditText(QStringLiteral("keyless"));
    emit clientBox->lineEdit()->editingFinished();
    EXPECT_TRUE(waitUntil([&] { return page->stateText().contains(QStringLiteral("keyless has no keys")); }, 10s))
        << page->stateText().toStdString();
    EXPECT_FALSE(page->saveButton()->isEnabled());
    clientBox->setEditText(QStringLiteral("acme"));
    emit clientBox->lineEdit()->editingFinished();
    ASSERT_TRUE(
        waitUntil([&] { return page->keyId() == keyId && page->stateText().contains(QStringLiteral("backend")); }, 10s))
        << page->stateText().toStdString();
    EXPECT_EQ(page->keyId(), keyId);
    EXPECT_TRUE(page->saveButton()->isEnabled());
}

TEST_F(LimitsPageTest, DefaultLimitsChanged)
{
    auto page = makePage();
    show(*page, Scope::Default);
    EXPECT_TRUE(page->useDefaultButton()->isHidden());
    page->editor()->field(QStringLiteral("requests_per_minute"))->setValue(120);
    page->editor()->field(QStringLiteral("max_tokens_cap"))->setValue(4096);
    const QList<AdminOutcome> outcomes = save(*page);
    ASSERT_EQ(outcomes.size(), 1);
    EXPECT_TRUE(outcomes.front().ok()) << outcomes.front().message.toStdString();

    const QJsonObject limits = get(QStringLiteral("/admin/v1/policies/default")).object().value("limits").toObject();
    EXPECT_EQ(limits.value("requests_per_minute").toDouble(), 120);
    EXPECT_EQ(limits.value("max_tokens_cap").toInteger(), 4096);
    // A client without limits of its own now has the new default in force.
    const QJsonObject effective = clientPolicies(QStringLiteral("anyone")).value("effective").toObject();
    EXPECT_EQ(effective.value("limits").toObject().value("requests_per_minute").toDouble(), 120);

    const auto records = auditRecords();
    ASSERT_EQ(records.size(), 1u);
    EXPECT_EQ(records.front().entry.action, "set_default_policies");
    EXPECT_EQ(records.front().entry.target, "default");
    EXPECT_EQ(records.front().entry.result, "ok");
    EXPECT_NE(records.front().entry.after_json.find("\"max_tokens_cap\":4096"), std::string::npos);
}

TEST_F(LimitsPageTest, InvalidInputIsRefusedBeforeSending)
{
    auto page = makePage();
    show(*page, Scope::Client, QStringLiteral("acme"));
    LimitsEditor* editor = page->editor();
    editor->field(QStringLiteral("tokens_per_day"))->setValue(100);
    editor->field(QStringLiteral("default_max_tokens"))->setValue(0);
    EXPECT_NE(editor->validate().indexOf(QStringLiteral("at least 1")), -1) << editor->validate().toStdString();
    auto outcomes = await(page->save());
    ASSERT_TRUE(outcomes.has_value());
    EXPECT_TRUE(outcomes->isEmpty());
    EXPECT_TRUE(page->statusText().startsWith(QStringLiteral("Not saved: "))) << page->statusText().toStdString();
    EXPECT_NE(page->statusText().indexOf(QStringLiteral("at least 1")), -1);

    // A cap below the default max_tokens.
    editor->field(QStringLiteral("default_max_tokens"))->setValue(2000);
    editor->field(QStringLiteral("max_tokens_cap"))->setValue(100);
    outcomes = await(page->save());
    ASSERT_TRUE(outcomes.has_value());
    EXPECT_TRUE(outcomes->isEmpty());
    EXPECT_NE(page->statusText().indexOf(QStringLiteral("cap")), -1) << page->statusText().toStdString();

    // A client id the gateway would not take.
    const auto loaded = await(page->setScope(Scope::Client, QStringLiteral("no spaces allowed")));
    ASSERT_TRUE(loaded.has_value());
    EXPECT_FALSE(*loaded);
    EXPECT_NE(page->stateText().indexOf(QStringLiteral("not a valid client id")), -1)
        << page->stateText().toStdString();
    EXPECT_FALSE(page->saveButton()->isEnabled());
    outcomes = await(page->save());
    ASSERT_TRUE(outcomes.has_value());
    EXPECT_TRUE(outcomes->isEmpty());
    EXPECT_NE(page->statusText().indexOf(QStringLiteral("not a valid client id")), -1)
        << page->statusText().toStdString();

    // Nothing reached the gateway or the audit log.
    EXPECT_TRUE(clientOverride(QStringLiteral("acme")).isNull());
    EXPECT_TRUE(auditRecords().empty());
}

TEST_F(LimitsPageTest, RefusalIsShownInWordsAndTheFormShowsTheGatewaysState)
{
    // A key exists on gw-a only: the same key limits applied to both gateways are refused by gw-b.
    auto second = startStack();
    ASSERT_TRUE(second);
    client::GatewayConnection* b =
        connect(*second, QStringLiteral("gw-b"), QString::fromStdString(second->adminToken()));
    ASSERT_TRUE(b);
    const QString keyId = createKey(QStringLiteral("acme")).value("key").toObject().value("id").toString();
    ASSERT_FALSE(keyId.isEmpty());

    auto page = makePage();
    page->targets()->selectAllWritable();
    ASSERT_EQ(page->targets()->selected().size(), 2);
    show(*page, Scope::Key, QStringLiteral("acme"), keyId);
    EXPECT_EQ(page->sourceGateway(), m_gateway);
    page->editor()->field(QStringLiteral("tokens_per_day"))->setValue(9000);

    const QList<AdminOutcome> outcomes = save(*page);
    ASSERT_EQ(outcomes.size(), 2);
    EXPECT_TRUE(outcomes[0].ok()) << outcomes[0].message.toStdString();
    EXPECT_FALSE(outcomes[1].ok());
    EXPECT_EQ(outcomes[1].reply.status, 404);
    EXPECT_TRUE(outcomes[1].message.startsWith(QStringLiteral("gw-b does not know")))
        << outcomes[1].message.toStdString();
    EXPECT_NE(outcomes[1].message.indexOf(keyId), -1) << "the gateway's words are missing";

    // Per-gateway results, in words.
    auto* dialog = page->findChild<AdminResultsDialog*>();
    ASSERT_TRUE(dialog) << "no per-gateway results";
    ASSERT_EQ(dialog->table()->rowCount(), 2);
    EXPECT_EQ(dialog->table()->item(1, 0)->text(), QStringLiteral("gw-b"));
    EXPECT_EQ(dialog->table()->item(1, 2)->text(), outcomes[1].message);
    EXPECT_NE(page->statusText().indexOf(QStringLiteral("1 of 2")), -1) << page->statusText().toStdString();

    // The form shows what the source gateway has now, nothing half-edited.
    EXPECT_FALSE(page->editor()->isModified());
    EXPECT_EQ(page->editor()->field(QStringLiteral("tokens_per_day"))->value(), 9000);
    EXPECT_EQ(keyLimits(QStringLiteral("acme"), keyId).toObject().value("tokens_per_day").toInteger(), 9000);

    const auto records = auditRecords();
    ASSERT_EQ(records.size(), 2u);
    EXPECT_EQ(records[0].entry.result, "ok");
    EXPECT_NE(records[1].entry.gateway.find("gw-b"), std::string::npos);
    EXPECT_EQ(records[1].entry.result.rfind("refused: HTTP 404", 0), 0u) << records[1].entry.result;
}

TEST_F(LimitsPageTest, FleetWideQuotaOnTwoGateways)
{
    auto second = startStack();
    ASSERT_TRUE(second);
    client::GatewayConnection* b =
        connect(*second, QStringLiteral("gw-b"), QString::fromStdString(second->adminToken()));
    ASSERT_TRUE(b);

    auto page = makePage();
    // Two gateways: none is chosen until the admin chooses.
    EXPECT_TRUE(page->targets()->selected().isEmpty());
    show(*page, Scope::Client, QStringLiteral("fleet"));
    EXPECT_FALSE(page->saveButton()->isEnabled());
    page->targets()->selectAllWritable();
    ASSERT_TRUE(waitUntil([&] { return page->saveButton()->isEnabled(); }, 5s))
        << page->saveButton()->toolTip().toStdString();
    page->editor()->field(QStringLiteral("tokens_per_day"))->setValue(4242);

    const QList<AdminOutcome> outcomes = save(*page);
    ASSERT_EQ(outcomes.size(), 2);
    EXPECT_TRUE(outcomes[0].ok()) << outcomes[0].message.toStdString();
    EXPECT_TRUE(outcomes[1].ok()) << outcomes[1].message.toStdString();
    EXPECT_EQ(clientOverride(QStringLiteral("fleet")).toObject().value("tokens_per_day").toInteger(), 4242);
    EXPECT_EQ(clientOverride(QStringLiteral("fleet"), b).toObject().value("tokens_per_day").toInteger(), 4242);

    auto* dialog = page->findChild<AdminResultsDialog*>();
    ASSERT_TRUE(dialog) << "no per-gateway results";
    EXPECT_EQ(dialog->table()->rowCount(), 2);

    const auto records = auditRecords();
    ASSERT_EQ(records.size(), 2u);
    EXPECT_NE(records[0].entry.gateway.find("gw-a"), std::string::npos);
    EXPECT_NE(records[1].entry.gateway.find("gw-b"), std::string::npos);
    for (const auto& r : records) {
        EXPECT_EQ(r.entry.action, "set_limits");
        EXPECT_EQ(r.entry.result, "ok");
    }

    // "Use default" fleet-wide too.
    const auto cleared = await(page->resetToDefault(), 30s);
    ASSERT_TRUE(cleared.has_value());
    ASSERT_EQ(cleared->size(), 2);
    EXPECT_TRUE(clientOverride(QStringLiteral("fleet")).isNull());
    EXPECT_TRUE(clientOverride(QStringLiteral("fleet"), b).isNull());
}

TEST_F(LimitsPageTest, AdminEventsRereadTheFormAndKeepEdits)
{
    auto page = makePage();
    show(*page, Scope::Client, QStringLiteral("acme"));
    // An edit in progress.
    page->editor()->field(QStringLiteral("requests_per_second"))->setValue(2.5);

    // Someone else sets the client's limits on the gateway.
    const QJsonObject body {{"tokens_per_month", 777000}};
    const auto reply = await(m_gateway->call("PUT", QStringLiteral("/admin/v1/clients/acme/limits"), body));
    ASSERT_TRUE(reply && reply->ok());

    ASSERT_TRUE(waitUntil([&] { return page->hasOverride(); }, 10s)) << "the page did not re-read after the event";
    LimitsEditor* editor = page->editor();
    EXPECT_EQ(editor->field(QStringLiteral("tokens_per_month"))->value(), 777000);
    EXPECT_EQ(editor->field(QStringLiteral("requests_per_second"))->value(), 2.5) << "the edit was lost";
    EXPECT_EQ(editor->modifiedFields(), QStringList {QStringLiteral("requests_per_second")});

    page->revert();
    EXPECT_EQ(editor->field(QStringLiteral("requests_per_second"))->value(), 0);
    EXPECT_FALSE(editor->isModified());
}

TEST_F(LimitsPageTest, UsageShownNextToTheQuotas)
{
    // Some traffic of the client, so that the gateway knows its usage.
    const QString secret = createKey(QStringLiteral("busy")).value("secret").toString();
    ASSERT_FALSE(secret.isEmpty());
    const QJsonObject request {{"model", "sim-gpt-1"},
                               {"messages", QJsonArray {QJsonObject {{"role", "user"}, {"content", "hello"}}}},
                               {"max_tokens", 16}};
    QNetworkAccessManager nam;
    QNetworkRequest http(QUrl(QStringLiteral("http://127.0.0.1:%1/v1/chat/completions").arg(m_stack->dataPort())));
    http.setRawHeader("Authorization", "Bearer " + secret.toUtf8());
    http.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    http.setTransferTimeout(10000);
    std::unique_ptr<QNetworkReply> sent(nam.post(http, QJsonDocument(request).toJson(QJsonDocument::Compact)));
    ASSERT_TRUE(waitUntil([&] { return sent->isFinished(); }, 12s));
    ASSERT_EQ(sent->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200) << sent->readAll().toStdString();

    auto page = makePage();
    show(*page, Scope::Client, QStringLiteral("busy"));
    EXPECT_NE(page->usageText().indexOf(QStringLiteral("requests today")), -1) << page->usageText().toStdString();
    QLabel* usage = page->editor()->usageLabel(QStringLiteral("requests_per_day"));
    ASSERT_TRUE(usage);
    EXPECT_FALSE(usage->isHidden());
    EXPECT_TRUE(usage->text().startsWith(QStringLiteral("1 used today"))) << usage->text().toStdString();
    // A new quota shows what share of it is in use.
    page->editor()->field(QStringLiteral("requests_per_day"))->setValue(4);
    EXPECT_NE(usage->text().indexOf(QStringLiteral("25 %")), -1) << usage->text().toStdString();
}

TEST_F(LimitsPageTest, ViewerTokenIsReadOnly)
{
    client::ConnectionManager viewerOnly(m_store.get());
    client::ConnectionProfile profile;
    profile.name = QStringLiteral("gw-a viewer");
    profile.adminUrl = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_stack->adminPort()));
    client::GatewayConnection* viewer =
        viewerOnly.addTransient(profile, QString::fromStdString(m_stack->bootstrapToken("viewer")));
    ASSERT_TRUE(waitUntil([viewer] { return viewer->state() == client::GatewayConnection::State::Live; }, 15s));
    ASSERT_EQ(viewer->role(), QStringLiteral("viewer"));

    auto page = makePage(&viewerOnly);
    show(*page, Scope::Client, QStringLiteral("acme")); // a viewer can read
    EXPECT_FALSE(page->readOnlyLabel()->isHidden());
    EXPECT_NE(page->readOnlyLabel()->text().indexOf(QStringLiteral("viewer role")), -1)
        << page->readOnlyLabel()->text().toStdString();
    EXPECT_TRUE(page->editor()->isReadOnly());
    EXPECT_TRUE(page->editor()->field(QStringLiteral("tokens_per_day"))->isReadOnly());
    EXPECT_FALSE(page->saveButton()->isEnabled());
    EXPECT_NE(page->saveButton()->toolTip().indexOf(QStringLiteral("viewer role")), -1);
    EXPECT_FALSE(page->useDefaultButton()->isEnabled());

    // Even called directly, nothing is sent.
    page->editor()->setValues(QJsonObject {{"tokens_per_day", 10}});
    const auto outcomes = await(page->save());
    ASSERT_TRUE(outcomes.has_value());
    EXPECT_TRUE(outcomes->isEmpty());
    EXPECT_NE(page->statusText().indexOf(QStringLiteral("viewer role")), -1) << page->statusText().toStdString();
    EXPECT_TRUE(clientOverride(QStringLiteral("acme")).isNull());
    EXPECT_TRUE(auditRecords().empty());
}

TEST(LimitsEditorTest, RoundTripMarksAndValidation)
{
    LimitsEditor editor;
    QSignalSpy edited(&editor, &LimitsEditor::edited);
    // Absent fields take the gateway's defaults.
    editor.setLimits(QJsonObject {{"tokens_per_day", 5000}, {"requests_per_second", 0.5}});
    EXPECT_EQ(edited.count(), 0) << "loading is not an edit";
    const QJsonObject limits = editor.limits();
    EXPECT_EQ(limits.size(), LimitsEditor::fieldNames().size());
    EXPECT_EQ(limits.value("tokens_per_day").toInteger(), 5000);
    EXPECT_EQ(limits.value("requests_per_second").toDouble(), 0.5);
    EXPECT_EQ(limits.value("default_max_tokens").toInteger(), 1024);
    EXPECT_EQ(limits.value("tokens_per_month").toInteger(), 0);
    EXPECT_FALSE(editor.isModified());
    EXPECT_EQ(editor.field(QStringLiteral("tokens_per_month"))->text(), QStringLiteral("Unlimited"));
    EXPECT_EQ(editor.field(QStringLiteral("max_tokens_cap"))->text(), QStringLiteral("No cap"));
    EXPECT_TRUE(editor.validate().isEmpty()) << editor.validate().toStdString();

    // Large quotas are kept exactly (beyond 32 bits).
    editor.field(QStringLiteral("tokens_per_month"))->setValue(5'000'000'000.0);
    EXPECT_EQ(edited.count(), 1);
    EXPECT_EQ(editor.limits().value("tokens_per_month").toInteger(), 5'000'000'000LL);
    EXPECT_EQ(editor.modifiedFields(), QStringList {QStringLiteral("tokens_per_month")});
    EXPECT_TRUE(editor.label(QStringLiteral("tokens_per_month"))->font().bold());
    editor.setLimits(editor.limits()); // saved
    EXPECT_FALSE(editor.label(QStringLiteral("tokens_per_month"))->font().bold());

    editor.field(QStringLiteral("default_max_tokens"))->setValue(0);
    EXPECT_NE(editor.validate().indexOf(QStringLiteral("at least 1")), -1);
    editor.field(QStringLiteral("default_max_tokens"))->setValue(512);
    editor.field(QStringLiteral("max_tokens_cap"))->setValue(256);
    EXPECT_NE(editor.validate().indexOf(QStringLiteral("cap")), -1);
    editor.field(QStringLiteral("max_tokens_cap"))->setValue(512);
    EXPECT_TRUE(editor.validate().isEmpty());

    editor.setReadOnly(true);
    EXPECT_TRUE(editor.field(QStringLiteral("tokens_per_day"))->isReadOnly());
    editor.setReadOnly(false);
    EXPECT_FALSE(editor.field(QStringLiteral("tokens_per_day"))->isReadOnly());

    EXPECT_TRUE(LimitsEditor::summary(QJsonObject {}).startsWith(QStringLiteral("No limits")));
    EXPECT_NE(LimitsEditor::summary(QJsonObject {{"tokens_per_day", 5}}).indexOf(QStringLiteral("5 tokens/day")), -1);
}

} // namespace
} // namespace modelguard::ui::test
