// The Policies editor against the real gateway: a client's output and watermark overrides saved and removed, the
// default risk thresholds changed, each checked on the gateway and in the local audit log; invalid thresholds and a
// manual action without a reason never sent; a block pinned on two gateways at once with per-gateway results and
// cleared again; a viewer token changes nothing. Also the forms on their own.

#include "tests/ui/admin/AdminFixture.h"

#include "ui/GatewayTargets.h"
#include "ui/PoliciesPage.h"
#include "ui/PolicyForms.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>

namespace modelguard::ui::test {
namespace {

using client::AdminOutcome;
using client::test::awaitVoid;

/// The audit records with this action, oldest first.
std::vector<audit::AuditRecord> recordsOf(const AdminFixture& f, const std::string& action)
{
    std::vector<audit::AuditRecord> out;
    for (const auto& r : f.auditRecords()) {
        if (r.entry.action == action)
            out.push_back(r);
    }
    return out;
}

QJsonObject parse(const std::string& json)
{
    return QJsonDocument::fromJson(QByteArray::fromStdString(json)).object();
}

bool allOk(const std::optional<QList<AdminOutcome>>& outcomes)
{
    if (!outcomes || outcomes->isEmpty())
        return false;
    for (const AdminOutcome& o : *outcomes) {
        if (!o.ok())
            return false;
    }
    return true;
}

class PoliciesPageTest : public AdminFixture
{
public:
    /// A page on the fixture's connections showing `scope`, whose confirmations are answered by `m_answer`.
    std::unique_ptr<PoliciesPage> makePage(const QString& scope = {})
    {
        auto page = std::make_unique<PoliciesPage>(m_connections.get(), m_store.get(), m_service.get());
        page->confirm = [this](const QString& question) {
            m_questions.append(question);
            return m_answer;
        };
        page->resize(1100, 800);
        page->setScope(scope);
        if (!awaitVoid(page->reload()))
            ADD_FAILURE() << "the policies were not read";
        return page;
    }

    bool m_answer = true;
    QStringList m_questions;
};

TEST_F(PoliciesPageTest, ClientOutputOverrideSavedAndRemoved)
{
    auto page = makePage(QStringLiteral("acme"));
    ASSERT_EQ(page->scope(), QStringLiteral("acme"));
    EXPECT_TRUE(page->readOnlyLabel()->isHidden());
    EXPECT_FALSE(page->hasOutputOverride());
    EXPECT_FALSE(page->outputOverrideBox()->isChecked());
    EXPECT_FALSE(page->outputForm()->logprobsBox()->isEnabled()) << "inherited values are not edited";

    // The user overrides the default and strips logprobs.
    page->outputOverrideBox()->click();
    ASSERT_TRUE(page->outputOverrideBox()->isChecked());
    ASSERT_TRUE(page->outputForm()->logprobsBox()->isEnabled());
    OutputPolicyForm* form = page->outputForm();
    form->logprobsBox()->setCurrentIndex(form->logprobsBox()->findData(QStringLiteral("strip")));
    EXPECT_FALSE(form->topLogprobsCapField()->isEnabled()) << "only matters with cap";
    form->maxNField()->setValue(2);
    ASSERT_TRUE(page->saveOutputButton()->isEnabled());
    const auto saved = await(page->saveOutput(), 30s);
    ASSERT_TRUE(allOk(saved)) << page->statusText().toStdString();

    // The gateway has the override.
    const QJsonObject policies = get(QStringLiteral("/admin/v1/clients/acme/policies")).object();
    const QJsonObject output = policies.value("overrides").toObject().value("output").toObject();
    EXPECT_EQ(output.value("logprobs").toString(), QStringLiteral("strip"));
    EXPECT_EQ(output.value("max_n").toInt(), 2);
    EXPECT_EQ(policies.value("effective").toObject().value("output").toObject().value("logprobs").toString(),
              QStringLiteral("strip"));
    // The page shows the gateway's state.
    EXPECT_TRUE(page->hasOutputOverride());
    EXPECT_EQ(form->logprobsBox()->currentData().toString(), QStringLiteral("strip"));

    // The audit entry: ok, target, before (no override) and after (the gateway's answer).
    auto records = recordsOf(*this, "set_output_policy");
    ASSERT_EQ(records.size(), 1u);
    EXPECT_EQ(records[0].entry.result, "ok");
    EXPECT_EQ(records[0].entry.target, "client:acme");
    const QJsonObject before = parse(records[0].entry.before_json);
    EXPECT_TRUE(before.contains("output")) << records[0].entry.before_json;
    EXPECT_TRUE(before.value("output").isNull()) << records[0].entry.before_json;
    EXPECT_NE(records[0].entry.after_json.find("strip"), std::string::npos) << records[0].entry.after_json;

    // Unchecking the override removes it on the gateway.
    QSignalSpy finished(page.get(), &PoliciesPage::changeFinished);
    page->outputOverrideBox()->click();
    ASSERT_TRUE(waitUntil([&] { return finished.count() >= 1; }, 30s));
    EXPECT_EQ(finished.first().at(0).toString(), QStringLiteral("clear_output_policy"));
    const QJsonObject after = get(QStringLiteral("/admin/v1/clients/acme/policies")).object();
    EXPECT_TRUE(after.value("overrides").toObject().value("output").isNull());
    EXPECT_EQ(after.value("effective").toObject().value("output").toObject().value("logprobs").toString(),
              QStringLiteral("allow"));
    records = recordsOf(*this, "clear_output_policy");
    ASSERT_EQ(records.size(), 1u);
    EXPECT_EQ(records[0].entry.result, "ok");
    EXPECT_EQ(records[0].entry.target, "client:acme");
    EXPECT_NE(records[0].entry.before_json.find("strip"), std::string::npos) << records[0].entry.before_json;
    EXPECT_FALSE(page->hasOutputOverride());
    EXPECT_FALSE(page->outputOverrideBox()->isChecked());
}

TEST_F(PoliciesPageTest, ClientWatermarkOverride)
{
    auto page = makePage(QStringLiteral("beta"));
    page->watermarkOverrideBox()->click();
    WatermarkPolicyForm* form = page->watermarkForm();
    form->schemesBox()->setCurrentIndex(form->schemesBox()->findData(QStringLiteral("payload")));
    form->strengthField()->setValue(0.4);
    const auto saved = await(page->saveWatermark(), 30s);
    ASSERT_TRUE(allOk(saved)) << page->statusText().toStdString();

    const QJsonObject watermark = get(QStringLiteral("/admin/v1/clients/beta/policies"))
                                      .object()
                                      .value("overrides")
                                      .toObject()
                                      .value("watermark")
                                      .toObject();
    EXPECT_EQ(watermark.value("schemes").toString(), QStringLiteral("payload"));
    EXPECT_DOUBLE_EQ(watermark.value("strength").toDouble(), 0.4);
    const auto records = recordsOf(*this, "set_watermark_policy");
    ASSERT_EQ(records.size(), 1u);
    EXPECT_EQ(records[0].entry.result, "ok");
    EXPECT_EQ(records[0].entry.target, "client:beta");
    EXPECT_TRUE(page->hasWatermarkOverride());
    // The default is untouched.
    EXPECT_EQ(get(QStringLiteral("/admin/v1/policies/default"))
                  .object()
                  .value("watermark")
                  .toObject()
                  .value("schemes")
                  .toString(),
              QStringLiteral("both"));
}

TEST_F(PoliciesPageTest, DefaultRiskThresholdsChanged)
{
    auto page = makePage();
    ASSERT_TRUE(page->scope().isEmpty());
    EXPECT_TRUE(page->outputOverrideBox()->isHidden());
    RiskPolicyForm* form = page->riskForm();
    ASSERT_TRUE(form->stripField()->isEnabled());
    EXPECT_DOUBLE_EQ(form->blockField()->value(), 80);
    form->stripField()->setValue(30);
    form->throttleField()->setValue(55);
    form->blockField()->setValue(90);
    form->automaticBox()->setChecked(false);
    ASSERT_TRUE(page->saveRiskButton()->isEnabled());
    const auto saved = await(page->saveRisk(), 30s);
    ASSERT_TRUE(allOk(saved)) << page->statusText().toStdString();

    const QJsonObject risk = get(QStringLiteral("/admin/v1/policies/default")).object().value("risk").toObject();
    EXPECT_DOUBLE_EQ(risk.value("strip_score").toDouble(), 30);
    EXPECT_DOUBLE_EQ(risk.value("throttle_score").toDouble(), 55);
    EXPECT_DOUBLE_EQ(risk.value("block_score").toDouble(), 90);
    EXPECT_FALSE(risk.value("automatic").toBool(true));
    const auto records = recordsOf(*this, "set_default_policies");
    ASSERT_EQ(records.size(), 1u);
    EXPECT_EQ(records[0].entry.result, "ok");
    EXPECT_EQ(records[0].entry.target, "default");
    EXPECT_DOUBLE_EQ(parse(records[0].entry.before_json).value("block_score").toDouble(), 80)
        << records[0].entry.before_json;
    EXPECT_NE(records[0].entry.after_json.find("90"), std::string::npos) << records[0].entry.after_json;
    EXPECT_DOUBLE_EQ(form->blockField()->value(), 90);
}

TEST_F(PoliciesPageTest, InvalidThresholdsAreNotSent)
{
    auto page = makePage();
    const QJsonObject before = get(QStringLiteral("/admin/v1/policies/default")).object();
    const auto recordsBefore = auditRecords().size();
    RiskPolicyForm* form = page->riskForm();
    form->throttleField()->setValue(70);
    form->blockField()->setValue(50); // block below throttle
    EXPECT_FALSE(form->validate().isEmpty());
    EXPECT_FALSE(page->saveRiskButton()->isEnabled());
    const auto saved = await(page->saveRisk(), 30s);
    ASSERT_TRUE(saved.has_value());
    EXPECT_TRUE(saved->isEmpty());
    EXPECT_TRUE(page->statusText().contains(QStringLiteral("block score"))) << page->statusText().toStdString();
    EXPECT_EQ(auditRecords().size(), recordsBefore);
    EXPECT_EQ(get(QStringLiteral("/admin/v1/policies/default")).object(), before);
}

TEST_F(PoliciesPageTest, BlockOnTwoGatewaysThenClear)
{
    auto second = startStack();
    ASSERT_TRUE(second);
    client::GatewayConnection* gatewayB =
        connect(*second, QStringLiteral("gw-b"), QString::fromStdString(second->adminToken()));
    ASSERT_TRUE(gatewayB);
    // The client must exist on both gateways.
    ASSERT_FALSE(createKey(QStringLiteral("fleet-client")).isEmpty());
    const auto keyB = await(gatewayB->call("POST", QStringLiteral("/admin/v1/keys"),
                                           QJsonObject {{"client", "fleet-client"}, {"name", "fixture"}}));
    ASSERT_TRUE(keyB && keyB->status == 201);

    auto page = makePage(QStringLiteral("fleet-client"));
    page->targets()->selectAllWritable();
    ASSERT_EQ(page->targets()->selected().size(), 2);

    // Without a reason the buttons are disabled and nothing is sent.
    page->reasonEdit()->clear();
    EXPECT_FALSE(page->blockButton()->isEnabled());
    const auto recordsBefore = auditRecords().size();
    const auto unsent = await(page->pinAction(QStringLiteral("block"), QStringLiteral("   ")), 30s);
    ASSERT_TRUE(unsent.has_value());
    EXPECT_TRUE(unsent->isEmpty());
    EXPECT_EQ(auditRecords().size(), recordsBefore);
    EXPECT_TRUE(m_questions.isEmpty());

    // Declined confirmation: nothing sent either.
    m_answer = false;
    const auto declined = await(page->pinAction(QStringLiteral("block"), QStringLiteral("scraping")), 30s);
    ASSERT_TRUE(declined.has_value());
    EXPECT_TRUE(declined->isEmpty());
    EXPECT_EQ(m_questions.size(), 1);
    EXPECT_EQ(auditRecords().size(), recordsBefore);

    // With a reason, through the button: confirmed, applied on both gateways.
    m_answer = true;
    QSignalSpy finished(page.get(), &PoliciesPage::changeFinished);
    page->reasonEdit()->setText(QStringLiteral("systematic logprob harvesting"));
    ASSERT_TRUE(page->blockButton()->isEnabled());
    page->blockButton()->click();
    ASSERT_TRUE(waitUntil([&] { return finished.count() >= 1; }, 30s));
    EXPECT_EQ(m_questions.size(), 2);
    EXPECT_TRUE(m_questions.last().contains(QStringLiteral("gw-b")));
    const auto outcomes = finished.first().at(1).value<QList<AdminOutcome>>();
    ASSERT_EQ(outcomes.size(), 2);
    for (const AdminOutcome& o : outcomes)
        EXPECT_TRUE(o.ok()) << o.message.toStdString();
    for (client::GatewayConnection* via : {m_gateway, gatewayB}) {
        const QJsonObject risk =
            get(QStringLiteral("/admin/v1/clients/fleet-client"), via).object().value("risk").toObject();
        EXPECT_EQ(risk.value("action").toString(), QStringLiteral("block")) << via->profile().name.toStdString();
        EXPECT_TRUE(risk.value("pinned").toBool()) << via->profile().name.toStdString();
    }
    auto records = recordsOf(*this, "pin_action");
    ASSERT_EQ(records.size(), 2u);
    std::set<std::string> gateways;
    for (const auto& r : records) {
        EXPECT_EQ(r.entry.result, "ok");
        EXPECT_EQ(r.entry.target, "client:fleet-client");
        EXPECT_NE(r.entry.after_json.find("block"), std::string::npos) << r.entry.after_json;
        gateways.insert(r.entry.gateway.substr(0, 4));
    }
    EXPECT_EQ(gateways, (std::set<std::string> {"gw-a", "gw-b"}));
    EXPECT_EQ(page->currentAction(), QStringLiteral("block"));
    EXPECT_TRUE(page->currentPinned());
    EXPECT_TRUE(page->reasonEdit()->text().isEmpty()) << "the reason is used once";

    // Clear: the action is none again on both.
    const auto cleared = await(page->pinAction(QStringLiteral("clear"), QStringLiteral("false alarm")), 30s);
    ASSERT_TRUE(allOk(cleared)) << page->statusText().toStdString();
    EXPECT_EQ(cleared->size(), 2);
    for (client::GatewayConnection* via : {m_gateway, gatewayB}) {
        const QJsonObject risk =
            get(QStringLiteral("/admin/v1/clients/fleet-client"), via).object().value("risk").toObject();
        EXPECT_EQ(risk.value("action").toString(), QStringLiteral("none")) << via->profile().name.toStdString();
        EXPECT_FALSE(risk.value("pinned").toBool(true)) << via->profile().name.toStdString();
    }
    records = recordsOf(*this, "clear_action");
    ASSERT_EQ(records.size(), 2u);
    EXPECT_EQ(records[0].entry.result, "ok");
    EXPECT_EQ(page->currentAction(), QStringLiteral("none"));
}

TEST_F(PoliciesPageTest, ViewerTokenIsReadOnly)
{
    // The fixture's admin connection goes away; only a viewer remains.
    const QString adminId = m_gateway->profile().id;
    m_connections->remove(adminId);
    m_gateway = nullptr;
    client::GatewayConnection* viewer = connectViewer(*m_stack, QStringLiteral("viewer"));
    ASSERT_TRUE(viewer);
    ASSERT_EQ(viewer->role(), QStringLiteral("viewer"));
    m_gateway = viewer; // get() reads through it

    auto page = makePage(QStringLiteral("acme"));
    EXPECT_FALSE(page->anyWritable());
    EXPECT_FALSE(page->readOnlyLabel()->isHidden());
    EXPECT_FALSE(page->readOnlyLabel()->text().isEmpty());
    EXPECT_EQ(page->readOnlyLabel()->objectName(), QStringLiteral("readOnlyReason"));
    EXPECT_FALSE(page->outputOverrideBox()->isEnabled());
    EXPECT_FALSE(page->outputForm()->logprobsBox()->isEnabled());
    EXPECT_FALSE(page->saveOutputButton()->isEnabled());
    EXPECT_FALSE(page->saveWatermarkButton()->isEnabled());
    page->reasonEdit()->setText(QStringLiteral("test"));
    EXPECT_FALSE(page->blockButton()->isEnabled());
    EXPECT_FALSE(page->clearPinButton()->isEnabled());

    // Called directly, the changes are not sent.
    const auto output = await(page->saveOutput(), 30s);
    ASSERT_TRUE(output.has_value());
    EXPECT_TRUE(output->isEmpty());
    const auto pinned = await(page->pinAction(QStringLiteral("block"), QStringLiteral("test")), 30s);
    ASSERT_TRUE(pinned.has_value());
    EXPECT_TRUE(pinned->isEmpty());
    EXPECT_TRUE(auditRecords().empty());
    EXPECT_TRUE(get(QStringLiteral("/admin/v1/clients/acme/policies"))
                    .object()
                    .value("overrides")
                    .toObject()
                    .value("output")
                    .isNull());

    // The default scope is read-only as well, but shows the gateway's values.
    page->setScope({});
    ASSERT_TRUE(awaitVoid(page->reload()));
    EXPECT_FALSE(page->riskForm()->blockField()->isEnabled());
    EXPECT_DOUBLE_EQ(page->riskForm()->blockField()->value(), 80);
    EXPECT_FALSE(page->saveRiskButton()->isEnabled());
}

TEST_F(PoliciesPageTest, ScopeShowsInheritedValuesAndRejectsBadIds)
{
    // A default changed elsewhere shows up in a client's inherited values.
    const QJsonObject body {{"output", QJsonObject {{"logprobs", "round"}, {"round_decimals", 2}}}};
    const auto put = await(m_gateway->call("PUT", QStringLiteral("/admin/v1/policies/default"), body));
    ASSERT_TRUE(put && put->ok());
    auto page = makePage(QStringLiteral("gamma"));
    EXPECT_FALSE(page->hasOutputOverride());
    EXPECT_EQ(page->outputForm()->logprobsBox()->currentData().toString(), QStringLiteral("round"));
    EXPECT_EQ(page->outputForm()->roundDecimalsField()->value(), 2);
    EXPECT_FALSE(page->findChild<QLabel*>(QStringLiteral("outputInherited"))->isHidden());
    EXPECT_FALSE(page->riskGroup()->findChild<QPushButton*>(QStringLiteral("saveRisk"))->isVisibleTo(page.get()));

    page->setScope(QStringLiteral("bad id with spaces"));
    EXPECT_EQ(page->scope(), QStringLiteral("gamma"));
    EXPECT_FALSE(page->statusText().isEmpty());
}

TEST(PolicyFormsTest, ValuesRoundTripAndFieldsFollowTheMode)
{
    OutputPolicyForm output;
    const QJsonObject policy {{"logprobs", "noise"},
                              {"top_logprobs_cap", 3},
                              {"round_decimals", 2},
                              {"noise_stddev", 0.25},
                              {"logit_bias", "cap"},
                              {"logit_bias_max_count", 4},
                              {"logit_bias_max_magnitude", 1.5},
                              {"max_n", 1},
                              {"min_temperature", 0.7}};
    QSignalSpy edited(&output, &PolicyForm::edited);
    output.set(policy);
    EXPECT_EQ(edited.count(), 0);
    EXPECT_EQ(output.value(), policy);
    EXPECT_TRUE(output.noiseField()->isEnabled());
    EXPECT_FALSE(output.roundDecimalsField()->isEnabled());
    EXPECT_TRUE(output.logitBiasCountField()->isEnabled());
    output.logitBiasBox()->setCurrentIndex(output.logitBiasBox()->findData(QStringLiteral("strip")));
    EXPECT_EQ(edited.count(), 1);
    EXPECT_FALSE(output.logitBiasCountField()->isEnabled());
    output.setReadOnly(true);
    EXPECT_FALSE(output.logprobsBox()->isEnabled());
    EXPECT_FALSE(output.noiseField()->isEnabled());
    EXPECT_FALSE(output.logprobsBox()->toolTip().isEmpty());

    // Absent fields take the API's defaults.
    output.set({});
    EXPECT_EQ(output.value().value("logprobs").toString(), QStringLiteral("allow"));
    EXPECT_EQ(output.value().value("top_logprobs_cap").toInt(), 5);

    WatermarkPolicyForm watermark;
    watermark.set(QJsonObject {{"schemes", "none"}, {"strength", 1.0}});
    EXPECT_FALSE(watermark.strengthField()->isEnabled());
    EXPECT_EQ(watermark.value().value("schemes").toString(), QStringLiteral("none"));

    RiskPolicyForm risk;
    EXPECT_TRUE(risk.validate().isEmpty());
    risk.set(QJsonObject {{"strip_score", 50}, {"throttle_score", 40}, {"block_score", 80}});
    EXPECT_FALSE(risk.validate().isEmpty());
    risk.set(QJsonObject {{"strip_score", 50}, {"throttle_score", 50}, {"block_score", 50}});
    EXPECT_TRUE(risk.validate().isEmpty()) << "equal thresholds are allowed";
    EXPECT_TRUE(risk.value().value("automatic").toBool());
}

} // namespace
} // namespace modelguard::ui::test
