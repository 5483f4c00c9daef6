// The Keys editor against the real gateway: keys created, edited, rotated and revoked through the page's dialogs (or
// its actions), each change checked on the gateway, on the data plane (the shown secret authenticates; a revoked one
// does not) and in the local audit log (never a secret); refused input never sent; fleet-wide bulk revocation with
// per-gateway results; a viewer token changes nothing. Also the table model and its filter on their own.

#include "tests/ui/admin/AdminFixture.h"

#include "ui/AdminResultsDialog.h"
#include "ui/GatewayTargets.h"
#include "ui/KeyDialogs.h"
#include "ui/KeyTableModel.h"
#include "ui/KeysPage.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QGuiApplication>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
#include <QTableWidget>

namespace modelguard::ui::test {
namespace {

using client::AdminOutcome;
using client::test::awaitVoid;

/// The gateway's keys (all, or of one client).
QJsonArray gatewayKeys(AdminFixture& f, const QString& client = {}, client::GatewayConnection* via = nullptr)
{
    const QString path =
        client.isEmpty() ? QStringLiteral("/admin/v1/keys") : QStringLiteral("/admin/v1/keys?client=%1").arg(client);
    return f.get(path, via).object().value("keys").toArray();
}

QJsonObject gatewayKey(AdminFixture& f, const QString& id, client::GatewayConnection* via = nullptr)
{
    for (const QJsonValue& k : gatewayKeys(f, {}, via)) {
        if (k.toObject().value("id").toString() == id)
            return k.toObject();
    }
    return {};
}

/// HTTP status of GET /v1/models on the stack's data plane with `secret` as the bearer token (0: no answer).
int dataPlaneStatus(const modelguard::test::GatewayStack& stack, const QString& secret)
{
    QNetworkAccessManager nam;
    QNetworkRequest request(QUrl(QStringLiteral("http://127.0.0.1:%1/v1/models").arg(stack.dataPort())));
    request.setRawHeader("Authorization", "Bearer " + secret.toUtf8());
    request.setTransferTimeout(10000);
    QNetworkReply* reply = nam.get(request);
    waitUntil([reply] { return reply->isFinished(); }, 12s);
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    delete reply;
    return status;
}

class KeysPageTest : public AdminFixture
{
public:
    /// A page on the fixture's connections whose confirmations are answered by `m_answer` and recorded.
    std::unique_ptr<KeysPage> makePage(client::ConnectionManager* connections = nullptr)
    {
        auto page =
            std::make_unique<KeysPage>(connections ? connections : m_connections.get(), m_store.get(), m_service.get());
        page->confirm = [this](const QString& question) {
            m_questions.append(question);
            return m_answer;
        };
        page->resize(1100, 600);
        if (!awaitVoid(page->reload()))
            ADD_FAILURE() << "the keys were not read";
        return page;
    }

    /// Waits for the page's next changeFinished (after the reload that follows every change).
    static bool waitForChange(QSignalSpy& spy, int count = 1)
    {
        return waitUntil([&] { return spy.count() >= count; }, 30s);
    }

    bool m_answer = true;
    QStringList m_questions;
};

TEST_F(KeysPageTest, CreateThroughTheDialogShowsTheSecretOnceAndRecordsNoSecret)
{
    auto page = makePage();
    QSignalSpy finished(page.get(), &KeysPage::changeFinished);
    ASSERT_TRUE(page->newButton()->isEnabled()) << page->newButton()->toolTip().toStdString();
    EXPECT_TRUE(page->readOnlyLabel()->isHidden());

    KeyCreateDialog* dialog = page->openCreateDialog();
    ASSERT_TRUE(dialog);
    EXPECT_FALSE(dialog->okButton()->isEnabled()) << "no client yet";
    dialog->clientBox()->setEditText(QStringLiteral("acme"));
    dialog->fields().name->setText(QStringLiteral("backend"));
    ASSERT_TRUE(dialog->targets()->checkBox(m_gateway->profile().id));
    EXPECT_TRUE(dialog->targets()->checkBox(m_gateway->profile().id)->isChecked());
    ASSERT_TRUE(dialog->okButton()->isEnabled()) << dialog->problem().toStdString();
    dialog->okButton()->click();
    ASSERT_TRUE(waitForChange(finished));

    // The gateway has the key.
    const QJsonArray keys = gatewayKeys(*this, QStringLiteral("acme"));
    ASSERT_EQ(keys.size(), 1);
    const QJsonObject key = keys.first().toObject();
    EXPECT_EQ(key.value("name").toString(), QStringLiteral("backend"));
    const QString prefix = key.value("prefix").toString();

    // The secret was shown once, in the dialog, and it is the key's.
    SecretDialog* secrets = page->secretDialog();
    ASSERT_TRUE(secrets);
    EXPECT_TRUE(secrets->isVisible());
    ASSERT_EQ(secrets->count(), 1);
    const QString secret = secrets->secret(0);
    EXPECT_TRUE(secret.startsWith(QStringLiteral("mg_"))) << secret.toStdString();
    EXPECT_TRUE(secret.startsWith(prefix + QLatin1Char('_'))) << prefix.toStdString();
    EXPECT_TRUE(secrets->secretField(0)->isReadOnly());
    EXPECT_FALSE(secrets->findChild<QLabel*>(QStringLiteral("secretWarning"))->text().isEmpty());
    secrets->copyButton(0)->click();
    EXPECT_EQ(QGuiApplication::clipboard()->text(), secret);
    // ... and it works on the data plane.
    const int status = dataPlaneStatus(*m_stack, secret);
    EXPECT_NE(status, 0);
    EXPECT_NE(status, 401) << "the shown secret does not authenticate";
    EXPECT_EQ(dataPlaneStatus(*m_stack, secret + QLatin1Char('x')), 401) << "the data plane accepts anything";

    // The outcomes handed on carry no secret.
    const auto outcomes = finished.first().at(1).value<QList<AdminOutcome>>();
    ASSERT_EQ(outcomes.size(), 1);
    EXPECT_TRUE(outcomes.first().ok()) << outcomes.first().message.toStdString();
    EXPECT_FALSE(outcomes.first().reply.json.object().contains("secret"));

    // Audit: create_key, ok, without the secret.
    const auto records = auditRecords();
    ASSERT_EQ(records.size(), 1u);
    const auto& e = records.front().entry;
    EXPECT_EQ(e.action, "create_key");
    EXPECT_EQ(e.target, "client:acme");
    EXPECT_EQ(e.result, "ok");
    EXPECT_EQ(e.after_json.find(secret.toStdString()), std::string::npos) << "the secret reached the audit log";
    EXPECT_EQ(e.after_json.find("\"secret\""), std::string::npos) << e.after_json;
    EXPECT_NE(e.after_json.find(prefix.toStdString()), std::string::npos) << e.after_json;

    // The table shows it (re-read after the change).
    EXPECT_TRUE(page->selectKey(m_gateway->profile().id, key.value("id").toString()));
    EXPECT_EQ(page->selectedKey()->clientId, QStringLiteral("acme"));
    EXPECT_EQ(page->statusText(), QStringLiteral("Applied on gw-a."));

    // Closing the dialog wipes what it showed.
    secrets->done(QDialog::Accepted);
    EXPECT_TRUE(secrets->secret(0).isEmpty());
    EXPECT_TRUE(waitUntil([&] { return page->secretDialog() == nullptr; }, 5s));
}

TEST_F(KeysPageTest, EditChangesExpiryAndScopesAndCanRemoveTheExpiry)
{
    const QString id = createKey(QStringLiteral("acme")).value("key").toObject().value("id").toString();
    ASSERT_FALSE(id.isEmpty());
    auto page = makePage();
    QSignalSpy finished(page.get(), &KeysPage::changeFinished);
    ASSERT_TRUE(page->selectKey(m_gateway->profile().id, id));
    ASSERT_TRUE(page->editButton()->isEnabled()) << page->editButton()->toolTip().toStdString();

    KeyEditDialog* dialog = page->openEditDialog();
    ASSERT_TRUE(dialog);
    EXPECT_FALSE(dialog->okButton()->isEnabled()) << "nothing changed yet";
    const QDateTime expiry = QDateTime::currentDateTime().addDays(2);
    dialog->fields().expires->setChecked(true);
    dialog->fields().expiry->setDateTime(expiry);
    dialog->fields().models->setText(QStringLiteral("model-a, model-b"));
    dialog->fields().endpoints.value(QStringLiteral("chat"))->setChecked(true);
    const QDateTime shown = dialog->fields().expiry->dateTime(); // as precise as the field is
    const QJsonObject patch = dialog->patch();
    EXPECT_EQ(patch.keys(), (QStringList {"endpoints", "expires_ms", "models"}));
    ASSERT_TRUE(dialog->okButton()->isEnabled()) << dialog->problem().toStdString();
    dialog->okButton()->click();
    ASSERT_TRUE(waitForChange(finished));

    QJsonObject key = gatewayKey(*this, id);
    EXPECT_NEAR(key.value("expires_ms").toDouble(), static_cast<double>(shown.toMSecsSinceEpoch()), 1000.0);
    EXPECT_NEAR(key.value("expires_ms").toDouble(), static_cast<double>(expiry.toMSecsSinceEpoch()), 60'000.0);
    EXPECT_EQ(key.value("models").toArray(), (QJsonArray {"model-a", "model-b"}));
    EXPECT_EQ(key.value("endpoints").toArray(), (QJsonArray {"chat"}));
    auto records = auditRecords();
    ASSERT_EQ(records.size(), 1u);
    EXPECT_EQ(records[0].entry.action, "update_key");
    EXPECT_EQ(records[0].entry.target, "key:" + id.toStdString());
    EXPECT_EQ(records[0].entry.result, "ok");
    EXPECT_NE(records[0].entry.before_json.find(id.toStdString()), std::string::npos) << records[0].entry.before_json;
    EXPECT_EQ(records[0].entry.before_json.find("model-a"), std::string::npos) << records[0].entry.before_json;
    EXPECT_NE(records[0].entry.after_json.find("model-a"), std::string::npos) << records[0].entry.after_json;

    // The table shows the new state.
    const int row = page->model()->rowOf(m_gateway->profile().id, id);
    ASSERT_GE(row, 0);
    EXPECT_TRUE(
        page->model()->index(row, KeyTableModel::StatusCol).data().toString().startsWith(QStringLiteral("Expires in")));
    EXPECT_NE(page->model()->index(row, KeyTableModel::ScopesCol).data().toString().indexOf("model-b"), -1);

    // Removing the expiry sends "expires_ms": null.
    ASSERT_TRUE(page->selectKey(m_gateway->profile().id, id));
    dialog = page->openEditDialog();
    ASSERT_TRUE(dialog);
    EXPECT_TRUE(dialog->fields().expires->isChecked());
    dialog->fields().expires->setChecked(false);
    EXPECT_TRUE(dialog->patch().value("expires_ms").isNull());
    ASSERT_TRUE(dialog->okButton()->isEnabled()) << dialog->problem().toStdString();
    dialog->okButton()->click();
    ASSERT_TRUE(waitForChange(finished, 2));
    key = gatewayKey(*this, id);
    EXPECT_TRUE(key.value("expires_ms").isNull());
    EXPECT_EQ(key.value("models").toArray().size(), 2) << "fields not edited stay as they were";
    records = auditRecords();
    ASSERT_EQ(records.size(), 2u);
    EXPECT_EQ(records[1].entry.action, "update_key");
    EXPECT_EQ(records[1].entry.result, "ok");
    EXPECT_NE(records[1].entry.after_json.find("\"expires_ms\":null"), std::string::npos)
        << records[1].entry.after_json;
}

TEST_F(KeysPageTest, RotateKeepsTheOldKeyForTheGracePeriodAndShowsTheNewSecret)
{
    const QJsonObject created = createKey(QStringLiteral("acme"));
    const QString id = created.value("key").toObject().value("id").toString();
    const QString oldSecret = created.value("secret").toString();
    ASSERT_FALSE(id.isEmpty());
    auto page = makePage();
    QSignalSpy finished(page.get(), &KeysPage::changeFinished);
    ASSERT_TRUE(page->selectKey(m_gateway->profile().id, id));
    RotateDialog* dialog = page->openRotateDialog();
    ASSERT_TRUE(dialog);
    EXPECT_EQ(dialog->graceSeconds(), 3600) << "default: one hour";
    dialog->setGrace(2, RotateDialog::Hours);
    const qint64 before = QDateTime::currentMSecsSinceEpoch();
    dialog->okButton()->click();
    ASSERT_TRUE(waitForChange(finished));

    const QJsonObject old = gatewayKey(*this, id);
    ASSERT_FALSE(old.value("grace_until_ms").isNull()) << QJsonDocument(old).toJson().toStdString();
    EXPECT_NEAR(old.value("grace_until_ms").toDouble(), static_cast<double>(before + 2 * 3600 * 1000), 60'000.0);
    const QString newId = old.value("replaced_by").toString();
    ASSERT_FALSE(newId.isEmpty());
    EXPECT_FALSE(gatewayKey(*this, newId).isEmpty());

    SecretDialog* secrets = page->secretDialog();
    ASSERT_TRUE(secrets);
    ASSERT_EQ(secrets->count(), 1);
    const QString newSecret = secrets->secret(0);
    EXPECT_TRUE(newSecret.startsWith(QStringLiteral("mg_%1_").arg(newId))) << newSecret.toStdString();
    EXPECT_NE(newSecret, oldSecret);
    EXPECT_NE(dataPlaneStatus(*m_stack, newSecret), 401);
    EXPECT_NE(dataPlaneStatus(*m_stack, oldSecret), 401) << "the old key works during the grace period";

    const auto records = auditRecords();
    ASSERT_EQ(records.size(), 1u);
    EXPECT_EQ(records[0].entry.action, "rotate_key");
    EXPECT_EQ(records[0].entry.target, "key:" + id.toStdString());
    EXPECT_EQ(records[0].entry.result, "ok");
    EXPECT_EQ(records[0].entry.after_json.find(newSecret.toStdString()), std::string::npos);

    const int row = page->model()->rowOf(m_gateway->profile().id, id);
    ASSERT_GE(row, 0);
    EXPECT_EQ(page->model()->data(page->model()->index(row, 0), KeyTableModel::StatusRole).toInt(),
              static_cast<int>(KeyStatus::RotatedGrace));
    EXPECT_TRUE(page->model()->index(row, KeyTableModel::StatusCol).data().toString().startsWith("Old key until"));
    // An old key cannot be rotated again.
    ASSERT_TRUE(page->selectKey(m_gateway->profile().id, id));
    EXPECT_FALSE(page->rotateButton()->isEnabled());
    EXPECT_EQ(page->openRotateDialog(), nullptr);
    secrets->done(QDialog::Accepted);
}

TEST_F(KeysPageTest, RevokeAsksFirstAndDoesNothingWhenDeclined)
{
    const QJsonObject created = createKey(QStringLiteral("acme"), QStringLiteral("to go"));
    const QString id = created.value("key").toObject().value("id").toString();
    const QString secret = created.value("secret").toString();
    auto page = makePage();
    QSignalSpy finished(page.get(), &KeysPage::changeFinished);
    ASSERT_TRUE(page->selectKey(m_gateway->profile().id, id));
    ASSERT_TRUE(page->revokeButton()->isEnabled());

    m_answer = false;
    page->revokeButton()->click();
    ASSERT_TRUE(waitUntil([&] { return !m_questions.isEmpty(); }, 5s));
    EXPECT_NE(m_questions.first().indexOf(QStringLiteral("mg_") + id), -1) << m_questions.first().toStdString();
    EXPECT_NE(m_questions.first().indexOf(QStringLiteral("acme")), -1);
    EXPECT_FALSE(gatewayKey(*this, id).value("revoked").toBool());
    EXPECT_TRUE(auditRecords().empty());
    EXPECT_EQ(finished.count(), 0);

    m_answer = true;
    page->revokeButton()->click();
    ASSERT_TRUE(waitForChange(finished));
    EXPECT_EQ(m_questions.size(), 2);
    EXPECT_TRUE(gatewayKey(*this, id).value("revoked").toBool());
    EXPECT_EQ(dataPlaneStatus(*m_stack, secret), 401) << "a revoked key still authenticates";
    const auto records = auditRecords();
    ASSERT_EQ(records.size(), 1u);
    EXPECT_EQ(records[0].entry.action, "revoke_key");
    EXPECT_EQ(records[0].entry.target, "key:" + id.toStdString());
    EXPECT_EQ(records[0].entry.result, "ok");
    EXPECT_NE(records[0].entry.after_json.find("\"revoked\":true"), std::string::npos) << records[0].entry.after_json;

    // Revoked keys are hidden unless asked for.
    EXPECT_EQ(page->proxy()->rowCount(), 0);
    page->setShowRevoked(true);
    ASSERT_EQ(page->proxy()->rowCount(), 1);
    EXPECT_EQ(page->proxy()->index(0, KeyTableModel::StatusCol).data().toString(), QStringLiteral("Revoked"));
    ASSERT_TRUE(page->selectKey(m_gateway->profile().id, id));
    EXPECT_FALSE(page->revokeButton()->isEnabled());
    EXPECT_FALSE(page->editButton()->isEnabled());
}

TEST_F(KeysPageTest, BulkRevokeOnTwoGatewaysWithPerGatewayResults)
{
    auto second = startStack();
    ASSERT_TRUE(second);
    client::GatewayConnection* b =
        connect(*second, QStringLiteral("gw-b"), QString::fromStdString(second->adminToken()));
    ASSERT_TRUE(b);
    createKey(QStringLiteral("fleet"), QStringLiteral("one"));
    createKey(QStringLiteral("fleet"), QStringLiteral("two"));
    const QString otherId = createKey(QStringLiteral("other")).value("key").toObject().value("id").toString();
    {
        const auto reply = await(
            b->call("POST", QStringLiteral("/admin/v1/keys"), QJsonObject {{"client", "fleet"}, {"name", "on b"}}));
        ASSERT_TRUE(reply && reply->status == 201);
    }
    auto page = makePage();
    QSignalSpy finished(page.get(), &KeysPage::changeFinished);
    EXPECT_EQ(page->model()->rowCount(), 4);

    BulkRevokeDialog* dialog = page->openBulkRevokeDialog();
    ASSERT_TRUE(dialog);
    dialog->clientBox()->setEditText(QStringLiteral("fleet"));
    dialog->targets()->selectAllWritable();
    ASSERT_EQ(dialog->targets()->selected().size(), 2);
    ASSERT_TRUE(dialog->okButton()->isEnabled()) << dialog->problem().toStdString();
    dialog->okButton()->click();
    ASSERT_TRUE(waitForChange(finished));

    ASSERT_EQ(m_questions.size(), 1);
    EXPECT_NE(m_questions[0].indexOf(QStringLiteral("“fleet”")), -1) << m_questions[0].toStdString();
    EXPECT_NE(m_questions[0].indexOf(QStringLiteral("3 key")), -1) << m_questions[0].toStdString();
    EXPECT_NE(m_questions[0].indexOf(QStringLiteral("gw-b")), -1) << m_questions[0].toStdString();

    const auto outcomes = finished.first().at(1).value<QList<AdminOutcome>>();
    ASSERT_EQ(outcomes.size(), 2);
    EXPECT_TRUE(outcomes[0].ok()) << outcomes[0].message.toStdString();
    EXPECT_TRUE(outcomes[1].ok()) << outcomes[1].message.toStdString();
    EXPECT_EQ(outcomes[0].reply.json.object().value("revoked").toInt(), 2);
    EXPECT_EQ(outcomes[1].reply.json.object().value("revoked").toInt(), 1);
    auto* results = page->findChild<AdminResultsDialog*>(QStringLiteral("adminResultsDialog"));
    ASSERT_TRUE(results);
    EXPECT_EQ(results->table()->rowCount(), 2);
    EXPECT_EQ(results->table()->item(1, 0)->text(), QStringLiteral("gw-b"));

    for (const QJsonValue& k : gatewayKeys(*this, QStringLiteral("fleet")))
        EXPECT_TRUE(k.toObject().value("revoked").toBool());
    for (const QJsonValue& k : gatewayKeys(*this, QStringLiteral("fleet"), b))
        EXPECT_TRUE(k.toObject().value("revoked").toBool());
    EXPECT_FALSE(gatewayKey(*this, otherId).value("revoked").toBool()) << "another client's key was revoked";

    const auto records = auditRecords();
    ASSERT_EQ(records.size(), 2u);
    EXPECT_EQ(records[0].entry.action, "revoke_client_keys");
    EXPECT_EQ(records[0].entry.target, "client:fleet");
    EXPECT_NE(records[0].entry.gateway.find("gw-a"), std::string::npos);
    EXPECT_NE(records[1].entry.gateway.find("gw-b"), std::string::npos);
    EXPECT_EQ(records[0].entry.result, "ok");
    EXPECT_EQ(records[1].entry.result, "ok");
    EXPECT_NE(records[0].entry.before_json.find("\"client\":\"fleet\""), std::string::npos)
        << records[0].entry.before_json;
    // The table shows only the other client's key now.
    EXPECT_EQ(page->proxy()->rowCount(), 1);
    EXPECT_EQ(page->activeKeyCount(QStringLiteral("fleet"), {m_gateway, b}), 0);
}

TEST_F(KeysPageTest, InvalidInputIsRefusedBeforeAnythingIsSent)
{
    const QString id = createKey(QStringLiteral("acme")).value("key").toObject().value("id").toString();
    auto page = makePage();
    QSignalSpy finished(page.get(), &KeysPage::changeFinished);

    KeyCreateDialog* dialog = page->openCreateDialog();
    ASSERT_TRUE(dialog);
    dialog->clientBox()->setEditText(QStringLiteral("bad id!"));
    EXPECT_FALSE(dialog->clientError()->isHidden());
    EXPECT_NE(dialog->clientError()->text().indexOf(QStringLiteral("client id")), -1)
        << dialog->clientError()->text().toStdString();
    EXPECT_FALSE(dialog->okButton()->isEnabled());

    dialog->clientBox()->setEditText(QStringLiteral("acme"));
    EXPECT_TRUE(dialog->clientError()->isHidden());
    EXPECT_TRUE(dialog->okButton()->isEnabled());
    dialog->fields().expires->setChecked(true);
    dialog->fields().expiry->setDateTime(QDateTime::currentDateTime().addSecs(-3600));
    EXPECT_FALSE(dialog->fields().expiryError->isHidden());
    EXPECT_NE(dialog->fields().expiryError->text().indexOf(QStringLiteral("future")), -1);
    EXPECT_FALSE(dialog->okButton()->isEnabled());
    dialog->accept(); // even forced, the dialog refuses
    EXPECT_TRUE(dialog->isVisible());
    dialog->reject();

    // The page's actions check the same things.
    KeySpec bad;
    bad.clientId = QStringLiteral("bad id!");
    auto outcomes = await(page->createKey(bad, {m_gateway}));
    ASSERT_TRUE(outcomes.has_value());
    EXPECT_TRUE(outcomes->isEmpty());
    EXPECT_NE(page->statusText().indexOf(QStringLiteral("not created")), -1) << page->statusText().toStdString();
    KeySpec past;
    past.clientId = QStringLiteral("acme");
    past.expires = QDateTime::currentDateTime().addDays(-1);
    outcomes = await(page->createKey(past, {m_gateway}));
    ASSERT_TRUE(outcomes.has_value());
    EXPECT_TRUE(outcomes->isEmpty());
    EXPECT_NE(page->statusText().indexOf(QStringLiteral("future")), -1) << page->statusText().toStdString();

    const std::optional<KeyRow> key = [&]() -> std::optional<KeyRow> {
        const int row = page->model()->rowOf(m_gateway->profile().id, id);
        return row < 0 ? std::nullopt : std::optional<KeyRow>(page->model()->rows()[row]);
    }();
    ASSERT_TRUE(key);
    const auto rotated = await(page->rotateKey(*key, 31LL * 86400));
    ASSERT_TRUE(rotated.has_value());
    EXPECT_FALSE(rotated->has_value());
    QJsonObject pastExpiry;
    pastExpiry.insert("expires_ms", QDateTime::currentMSecsSinceEpoch() - 60'000);
    const auto updated = await(page->updateKey(*key, pastExpiry));
    ASSERT_TRUE(updated.has_value());
    EXPECT_FALSE(updated->has_value());

    ASSERT_TRUE(page->selectKey(m_gateway->profile().id, id));
    RotateDialog* rotate = page->openRotateDialog();
    ASSERT_TRUE(rotate);
    rotate->setGrace(31, RotateDialog::Days);
    EXPECT_FALSE(rotate->graceError()->isHidden());
    EXPECT_FALSE(rotate->okButton()->isEnabled());
    rotate->reject();

    // Nothing reached the gateway or the audit log.
    QCoreApplication::processEvents();
    EXPECT_EQ(finished.count(), 0);
    EXPECT_TRUE(auditRecords().empty());
    const QJsonArray keys = gatewayKeys(*this);
    ASSERT_EQ(keys.size(), 1);
    EXPECT_TRUE(keys[0].toObject().value("grace_until_ms").isNull());
    EXPECT_TRUE(keys[0].toObject().value("expires_ms").isNull());
}

TEST_F(KeysPageTest, ViewerTokenChangesNothing)
{
    const QString id = createKey(QStringLiteral("acme")).value("key").toObject().value("id").toString();
    // A console that knows the gateway only through a viewer token.
    client::ConnectionManager viewerOnly(m_store.get());
    client::ConnectionProfile profile;
    profile.name = QStringLiteral("gw-a viewer");
    profile.adminUrl = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_stack->adminPort()));
    client::GatewayConnection* viewer =
        viewerOnly.addTransient(profile, QString::fromStdString(m_stack->bootstrapToken("viewer")));
    ASSERT_TRUE(waitUntil([viewer] { return viewer->state() == client::GatewayConnection::State::Live; }, 15s));
    ASSERT_EQ(viewer->role(), QStringLiteral("viewer"));

    auto page = makePage(&viewerOnly);
    ASSERT_EQ(page->model()->rowCount(), 1) << "a viewer can read the keys";
    EXPECT_FALSE(page->readOnlyLabel()->isHidden());
    EXPECT_NE(page->readOnlyLabel()->text().indexOf(QStringLiteral("viewer role")), -1)
        << page->readOnlyLabel()->text().toStdString();
    ASSERT_TRUE(page->selectKey(viewer->profile().id, id));
    for (QPushButton* button : {page->newButton(), page->editButton(), page->rotateButton(), page->revokeButton(),
                                page->revokeClientButton()}) {
        EXPECT_FALSE(button->isEnabled()) << button->objectName().toStdString();
        EXPECT_NE(button->toolTip().indexOf(QStringLiteral("viewer role")), -1)
            << button->objectName().toStdString() << ": " << button->toolTip().toStdString();
    }
    EXPECT_TRUE(page->refreshButton()->isEnabled());
    EXPECT_EQ(page->openCreateDialog(), nullptr);
    EXPECT_EQ(page->openEditDialog(), nullptr);

    // Even called directly, AdminService refuses to send.
    KeySpec spec;
    spec.clientId = QStringLiteral("acme");
    const auto created = await(page->createKey(spec, {viewer}));
    ASSERT_TRUE(created.has_value());
    ASSERT_EQ(created->size(), 1);
    EXPECT_FALSE(created->first().ok());
    EXPECT_EQ(created->first().reply.status, 0);
    EXPECT_EQ(page->secretDialog(), nullptr);
    const auto revoked = await(page->revokeKey(*page->selectedKey()));
    ASSERT_TRUE(revoked.has_value() && revoked->has_value());
    EXPECT_FALSE((*revoked)->ok());
    EXPECT_NE((*revoked)->message.indexOf(QStringLiteral("viewer role")), -1) << (*revoked)->message.toStdString();

    const QJsonArray keys = gatewayKeys(*this);
    ASSERT_EQ(keys.size(), 1);
    EXPECT_FALSE(keys[0].toObject().value("revoked").toBool());
    const auto records = auditRecords();
    ASSERT_EQ(records.size(), 2u);
    for (const auto& r : records)
        EXPECT_EQ(r.entry.result.rfind("not sent: ", 0), 0u) << r.entry.result;
}

// ---------------------------------------------------------------------------------------------------------------
// The model and its filter, without a gateway.

KeyRow row(const QString& profile, const QString& id, const QString& client, const QString& name)
{
    KeyRow k;
    k.profileId = profile;
    k.gatewayName = profile;
    k.id = id;
    k.prefix = QStringLiteral("mg_") + id;
    k.clientId = client;
    k.name = name;
    k.createdMs = 1'700'000'000'000;
    return k;
}

TEST(KeyTableModelTest, FilterSortStatusAndIncrementalUpdates)
{
    KeyTableModel model;
    KeyFilterProxy proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester sourceTester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::Fatal);
    const qint64 now = 1'800'000'000'000;
    model.setNow(now);

    KeyRow active = row("a", "aaaaaaaaaa", "acme", "backend");
    KeyRow expiring = row("a", "bbbbbbbbbb", "acme", "batch");
    expiring.expiresMs = now + 3 * 86400'000LL;
    expiring.models = {"m1"};
    KeyRow revoked = row("a", "cccccccccc", "globex", "old");
    revoked.revoked = true;
    KeyRow grace = row("b", "dddddddddd", "globex", "rotated");
    grace.graceUntilMs = now + 3600'000;
    grace.replacedBy = "eeeeeeeeee";
    KeyRow expired = row("b", "ffffffffff", "initech", "Expired one");
    expired.expiresMs = now - 1;

    model.setGatewayKeys("a", {active, expiring, revoked});
    model.setGatewayKeys("b", {grace, expired});
    EXPECT_EQ(model.rowCount(), 5);
    EXPECT_EQ(proxy.rowCount(), 4) << "revoked keys are hidden by default";
    proxy.setShowRevoked(true);
    EXPECT_EQ(proxy.rowCount(), 5);

    auto status = [&](const KeyRow& k) {
        return model.index(model.rowOf(k.profileId, k.id), KeyTableModel::StatusCol).data().toString();
    };
    EXPECT_EQ(status(active), QStringLiteral("Active"));
    EXPECT_EQ(status(expiring), QStringLiteral("Expires in 3 d"));
    EXPECT_EQ(status(revoked), QStringLiteral("Revoked"));
    EXPECT_TRUE(status(grace).startsWith(QStringLiteral("Old key until"))) << status(grace).toStdString();
    EXPECT_EQ(status(expired), QStringLiteral("Expired"));
    EXPECT_EQ(model.index(model.rowOf("a", active.id), KeyTableModel::ScopesCol).data().toString(),
              QStringLiteral("all"));
    EXPECT_EQ(model.index(model.rowOf("a", expiring.id), KeyTableModel::ScopesCol).data().toString(),
              QStringLiteral("models: m1 · endpoints: all"));
    EXPECT_EQ(model.index(model.rowOf("a", active.id), KeyTableModel::LastUsedCol).data().toString(),
              QStringLiteral("never"));
    EXPECT_EQ(model.index(model.rowOf("a", active.id), KeyTableModel::ExpiresCol).data().toString(),
              QStringLiteral("never"));
    EXPECT_FALSE(KeyTableModel::isUsable(expired, now));
    EXPECT_TRUE(KeyTableModel::isUsable(grace, now));

    // Filter by client, name or prefix, case-insensitive.
    proxy.setFilterText(QStringLiteral("GLOBEX"));
    EXPECT_EQ(proxy.rowCount(), 2);
    proxy.setShowRevoked(false);
    EXPECT_EQ(proxy.rowCount(), 1);
    proxy.setFilterText(QStringLiteral("batch"));
    ASSERT_EQ(proxy.rowCount(), 1);
    EXPECT_EQ(proxy.index(0, KeyTableModel::PrefixCol).data().toString(), QStringLiteral("mg_bbbbbbbbbb"));
    proxy.setFilterText(QStringLiteral("mg_ffff"));
    ASSERT_EQ(proxy.rowCount(), 1);
    EXPECT_EQ(proxy.index(0, KeyTableModel::ClientCol).data().toString(), QStringLiteral("initech"));
    proxy.setFilterText(QString());

    // Sort by expiry: the soonest first, keys that never expire last.
    proxy.sort(KeyTableModel::ExpiresCol, Qt::AscendingOrder);
    EXPECT_EQ(proxy.index(0, KeyTableModel::PrefixCol).data().toString(), QStringLiteral("mg_ffffffffff"));
    EXPECT_EQ(proxy.index(1, KeyTableModel::PrefixCol).data().toString(), QStringLiteral("mg_bbbbbbbbbb"));

    // A reload of gateway "a": one key gone, one changed, one new; gateway "b" untouched.
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    KeyRow renamed = active;
    renamed.name = "renamed";
    KeyRow added = row("a", "gggggggggg", "acme", "new");
    model.setGatewayKeys("a", {renamed, revoked, added});
    EXPECT_EQ(removed.count(), 1);
    EXPECT_EQ(inserted.count(), 1);
    EXPECT_EQ(changed.count(), 1);
    EXPECT_EQ(model.rowCount(), 5);
    EXPECT_EQ(model.rowOf("a", expiring.id), -1);
    EXPECT_EQ(model.rows()[model.rowOf("a", active.id)].name, QStringLiteral("renamed"));
    model.retainGateways({"a"});
    EXPECT_EQ(model.rowCount(), 3);
    EXPECT_EQ(model.rowOf("b", grace.id), -1);
}

TEST(KeyInputTest, ChecksWhatTheGatewayChecks)
{
    EXPECT_TRUE(KeyInput::clientIdProblem(QStringLiteral("acme-prod.eu:1@x_y")).isEmpty());
    EXPECT_FALSE(KeyInput::clientIdProblem(QString()).isEmpty());
    EXPECT_FALSE(KeyInput::clientIdProblem(QStringLiteral("a b")).isEmpty());
    EXPECT_FALSE(KeyInput::clientIdProblem(QStringLiteral("ä")).isEmpty());
    EXPECT_FALSE(KeyInput::clientIdProblem(QString(129, QLatin1Char('a'))).isEmpty());
    EXPECT_TRUE(KeyInput::clientIdProblem(QString(128, QLatin1Char('a'))).isEmpty());
    EXPECT_FALSE(KeyInput::nameProblem(QString(201, QLatin1Char('n'))).isEmpty());
    EXPECT_FALSE(KeyInput::nameProblem(QStringLiteral("tab\there")).isEmpty());
    const QDateTime now = QDateTime::currentDateTime();
    EXPECT_FALSE(KeyInput::expiryProblem(now.addSecs(-1), now).isEmpty());
    EXPECT_TRUE(KeyInput::expiryProblem(now.addSecs(60), now).isEmpty());
    EXPECT_EQ(KeyInput::parseModels(QStringLiteral(" a, b ,, a,c ")), (QStringList {"a", "b", "c"}));
    EXPECT_TRUE(KeyInput::graceProblem(0).isEmpty());
    EXPECT_TRUE(KeyInput::graceProblem(30LL * 86400).isEmpty());
    EXPECT_FALSE(KeyInput::graceProblem(30LL * 86400 + 1).isEmpty());
    KeySpec spec;
    spec.clientId = QStringLiteral("acme");
    spec.endpoints = {QStringLiteral("chat"), QStringLiteral("telepathy")};
    EXPECT_NE(KeyInput::problem(spec, now).indexOf(QStringLiteral("telepathy")), -1);
    spec.endpoints = {QStringLiteral("chat")};
    spec.expires = now.addDays(1);
    EXPECT_TRUE(KeyInput::problem(spec, now).isEmpty());
    const QJsonObject body = spec.toJson();
    EXPECT_EQ(body.value("client").toString(), QStringLiteral("acme"));
    EXPECT_EQ(body.value("endpoints").toArray(), (QJsonArray {"chat"}));
    EXPECT_EQ(static_cast<qint64>(body.value("expires_ms").toDouble()), spec.expires->toMSecsSinceEpoch());
    EXPECT_FALSE(body.contains("models"));
}

} // namespace
} // namespace modelguard::ui::test
