// AdminService against the real gateway: every change recorded in the local audit log (accepted, refused, not sent),
// secrets never recorded, refusals in words, fleet-wide changes with one outcome and one entry per gateway, nothing
// sent with a viewer token or without an open audit log. Also the gateway's per-client policies endpoint the editors
// read their state from.

#include "tests/ui/admin/AdminFixture.h"

#include "ui/DetectPage.h"

#include <QSignalSpy>

#include <algorithm>

namespace modelguard::ui::test {
namespace {

using client::AdminChange;
using client::AdminOutcome;

AdminChange createKeyChange(const QString& client)
{
    AdminChange change;
    change.action = QStringLiteral("create_key");
    change.target = QStringLiteral("client:%1").arg(client);
    change.method = "POST";
    change.path = QStringLiteral("/admin/v1/keys");
    change.body = QJsonObject {{"client", client}, {"name", "from the console"}};
    return change;
}

int keyCount(AdminFixture& f, const QString& client)
{
    return static_cast<int>(
        f.get(QStringLiteral("/admin/v1/keys?client=%1").arg(client)).object().value("keys").toArray().size());
}

class AdminServiceTest : public AdminFixture
{
};

TEST_F(AdminServiceTest, AcceptedChangeIsRecordedWithoutTheSecret)
{
    QSignalSpy applied(m_service.get(), &client::AdminService::applied);
    ASSERT_TRUE(m_service->canWrite(m_gateway)) << m_service->readOnlyReason(m_gateway).toStdString();
    const auto outcome = await(m_service->apply(m_gateway, createKeyChange(QStringLiteral("acme"))));
    ASSERT_TRUE(outcome.has_value());
    EXPECT_TRUE(outcome->ok()) << outcome->message.toStdString();
    EXPECT_EQ(outcome->reply.status, 201);
    const QString secret = outcome->reply.json.object().value("secret").toString();
    ASSERT_TRUE(secret.startsWith(QStringLiteral("mg_"))) << secret.toStdString();
    EXPECT_EQ(keyCount(*this, QStringLiteral("acme")), 1);
    EXPECT_EQ(applied.count(), 1);

    const auto records = auditRecords();
    ASSERT_EQ(records.size(), 1u);
    const auto& e = records.front().entry;
    EXPECT_EQ(e.action, "create_key");
    EXPECT_EQ(e.target, "client:acme");
    EXPECT_EQ(e.result, "ok");
    EXPECT_NE(e.gateway.find("gw-a"), std::string::npos) << e.gateway;
    EXPECT_NE(e.after_json.find("\"client\":\"acme\""), std::string::npos) << e.after_json;
    EXPECT_EQ(e.after_json.find(secret.toStdString()), std::string::npos) << "the secret reached the audit log";
    EXPECT_EQ(e.after_json.find("\"secret\""), std::string::npos) << e.after_json;
    EXPECT_FALSE(e.os_user.empty());
    EXPECT_NE(e.console_identity.find("console"), std::string::npos);
    EXPECT_TRUE(m_audit->verify().intact()) << m_audit->verify().detail;
}

TEST_F(AdminServiceTest, RefusedChangeIsExplainedAndRecordedWithTheStateBefore)
{
    // An override the gateway accepts, then one it refuses: the "before" of the refused change is the first one.
    AdminChange good;
    good.action = QStringLiteral("set_limits");
    good.target = QStringLiteral("client:acme");
    good.method = "PUT";
    good.path = QStringLiteral("/admin/v1/clients/acme/limits");
    good.body = QJsonObject {{"tokens_per_day", 5000}};
    good.beforePath = QStringLiteral("/admin/v1/clients/acme/policies");
    good.beforeField = QStringLiteral("overrides");
    const auto first = await(m_service->apply(m_gateway, good));
    ASSERT_TRUE(first && first->ok()) << (first ? first->message.toStdString() : "no outcome");

    AdminChange bad = good;
    bad.body = QJsonObject {{"tokens_per_day", -3}};
    const auto refused = await(m_service->apply(m_gateway, bad));
    ASSERT_TRUE(refused.has_value());
    EXPECT_FALSE(refused->ok());
    EXPECT_EQ(refused->reply.status, 400);
    EXPECT_TRUE(refused->message.startsWith(QStringLiteral("gw-a refused the change: ")))
        << refused->message.toStdString();
    EXPECT_NE(refused->auditSeq, 0u);

    // Nothing changed on the gateway.
    const QJsonObject policies = get(QStringLiteral("/admin/v1/clients/acme/policies")).object();
    EXPECT_EQ(policies.value("overrides").toObject().value("limits").toObject().value("tokens_per_day").toInt(), 5000);

    const auto records = auditRecords();
    ASSERT_EQ(records.size(), 2u);
    const auto& e = records.back().entry;
    EXPECT_EQ(e.action, "set_limits");
    EXPECT_EQ(e.result.rfind("refused: HTTP 400 invalid_policy: ", 0), 0u) << e.result;
    EXPECT_NE(e.before_json.find("\"tokens_per_day\":5000"), std::string::npos) << e.before_json;
    EXPECT_NE(e.after_json.find("-3"), std::string::npos) << e.after_json;
}

TEST_F(AdminServiceTest, ViewerTokenSendsNothingButTheAttemptIsRecorded)
{
    client::GatewayConnection* viewer = connectViewer(*m_stack, QStringLiteral("gw-a viewer"));
    ASSERT_TRUE(viewer);
    EXPECT_FALSE(m_service->canWrite(viewer));
    EXPECT_NE(m_service->readOnlyReason(viewer).indexOf(QStringLiteral("viewer role")), -1)
        << m_service->readOnlyReason(viewer).toStdString();
    const auto outcome = await(m_service->apply(viewer, createKeyChange(QStringLiteral("acme"))));
    ASSERT_TRUE(outcome.has_value());
    EXPECT_FALSE(outcome->ok());
    EXPECT_EQ(outcome->reply.status, 0);
    EXPECT_EQ(keyCount(*this, QStringLiteral("acme")), 0);
    // The gateway's own log has no create_key either: the request never left the console.
    const QJsonArray gatewayAudit = get(QStringLiteral("/admin/v1/audit")).object().value("entries").toArray();
    for (const QJsonValue& entry : gatewayAudit) {
        EXPECT_NE(entry.toObject().value("action").toString(), QStringLiteral("create_key"));
    }
    const auto records = auditRecords();
    ASSERT_EQ(records.size(), 1u);
    EXPECT_EQ(records.front().entry.result.rfind("not sent: ", 0), 0u) << records.front().entry.result;
}

TEST_F(AdminServiceTest, FleetWideChangeHasOneOutcomeAndOneEntryPerGateway)
{
    auto second = startStack();
    ASSERT_TRUE(second);
    client::GatewayConnection* b =
        connect(*second, QStringLiteral("gw-b"), QString::fromStdString(second->adminToken()));
    ASSERT_TRUE(b);
    // A third gateway that is down by the time the change is sent.
    auto third = startStack();
    ASSERT_TRUE(third);
    client::GatewayConnection* c = connect(*third, QStringLiteral("gw-c"), QString::fromStdString(third->adminToken()));
    ASSERT_TRUE(c);
    third->killGateway();

    const auto outcomes = await(m_service->applyAll({m_gateway, b, c}, createKeyChange(QStringLiteral("fleet"))), 30s);
    ASSERT_TRUE(outcomes.has_value());
    ASSERT_EQ(outcomes->size(), 3);
    EXPECT_TRUE((*outcomes)[0].ok()) << (*outcomes)[0].message.toStdString();
    EXPECT_TRUE((*outcomes)[1].ok()) << (*outcomes)[1].message.toStdString();
    EXPECT_FALSE((*outcomes)[2].ok());
    EXPECT_EQ((*outcomes)[2].gatewayName, QStringLiteral("gw-c"));
    EXPECT_FALSE((*outcomes)[2].message.isEmpty());
    EXPECT_EQ(keyCount(*this, QStringLiteral("fleet")), 1);
    EXPECT_EQ(get(QStringLiteral("/admin/v1/keys?client=fleet"), b).object().value("keys").toArray().size(), 1);

    const auto records = auditRecords();
    ASSERT_EQ(records.size(), 3u);
    EXPECT_NE(records[0].entry.gateway.find("gw-a"), std::string::npos);
    EXPECT_NE(records[1].entry.gateway.find("gw-b"), std::string::npos);
    EXPECT_NE(records[2].entry.gateway.find("gw-c"), std::string::npos);
    EXPECT_EQ(records[0].entry.result, "ok");
    EXPECT_EQ(records[1].entry.result, "ok");
    EXPECT_NE(records[2].entry.result, "ok");
}

TEST_F(AdminServiceTest, NoChangeWithoutAnOpenAuditLog)
{
    client::ConsoleAudit closed(m_dir.filePath(QStringLiteral("never-opened.sqlite")), QStringLiteral("unused"));
    client::AdminService service(&closed);
    EXPECT_FALSE(service.canWrite(m_gateway));
    EXPECT_NE(service.readOnlyReason(m_gateway).indexOf(QStringLiteral("audit log")), -1);
    const auto outcome = await(service.apply(m_gateway, createKeyChange(QStringLiteral("unaudited"))));
    ASSERT_TRUE(outcome.has_value());
    EXPECT_FALSE(outcome->ok());
    EXPECT_EQ(outcome->auditSeq, 0u);
    EXPECT_EQ(keyCount(*this, QStringLiteral("unaudited")), 0);
}

TEST_F(AdminServiceTest, AnAuditLogWithEntriesButNoKeyStaysClosed)
{
    ASSERT_NE(m_audit->record(QStringLiteral("test"), QStringLiteral("gw"), QStringLiteral("x"), {}, {},
                              QStringLiteral("ok")),
              0u);
    // Same file, a keychain entry that does not exist: a new key would make the old entries look forged.
    client::ConsoleAudit other(m_audit->path(), QStringLiteral("test-missing-%1").arg(QUuid::createUuid().toString()));
    const auto opened = await(other.open());
    ASSERT_TRUE(opened.has_value());
    EXPECT_FALSE(*opened);
    EXPECT_FALSE(other.isOpen());
    EXPECT_NE(other.error().indexOf(QStringLiteral("key is not in the keychain")), -1) << other.error().toStdString();
    EXPECT_EQ(m_audit->log()->size(), 1u);
}

TEST_F(AdminServiceTest, SecondInstanceSharesTheKeyAndTheChain)
{
    ASSERT_NE(m_audit->record(QStringLiteral("first"), QStringLiteral("gw"), QStringLiteral("x"), {}, {},
                              QStringLiteral("ok")),
              0u);
    const QString hex = m_audit->keyHex();
    ASSERT_EQ(hex.size(), 64);
    // A second console instance on the same file and keychain entry reads the same key and extends the same chain.
    client::ConsoleAudit second(m_audit->path(), m_audit->keyEntry());
    const auto opened = await(second.open());
    ASSERT_TRUE(opened.has_value() && *opened) << second.error().toStdString();
    EXPECT_EQ(second.keyHex(), hex);
    for (int i = 0; i < 10; ++i) {
        ASSERT_NE((i % 2 ? m_audit.get() : &second)
                      ->record(QStringLiteral("turn"), QStringLiteral("gw"), QString::number(i), {}, {},
                               QStringLiteral("ok")),
                  0u);
    }
    EXPECT_EQ(m_audit->log()->size(), 11u);
    EXPECT_TRUE(m_audit->verify().intact()) << m_audit->verify().detail;
    EXPECT_TRUE(second.verify().intact());
}

TEST_F(AdminServiceTest, ClientPoliciesEndpointShowsOverridesAndEffectivePolicies)
{
    QJsonObject p = get(QStringLiteral("/admin/v1/clients/newcomer/policies")).object();
    EXPECT_EQ(p.value("client").toString(), QStringLiteral("newcomer"));
    EXPECT_TRUE(p.value("overrides").toObject().value("limits").isNull());
    EXPECT_TRUE(p.value("overrides").toObject().value("output").isNull());
    EXPECT_TRUE(p.value("overrides").toObject().value("watermark").isNull());
    const QJsonObject defaults = get(QStringLiteral("/admin/v1/policies/default")).object();
    EXPECT_EQ(p.value("effective").toObject().value("output"), defaults.value("output"));
    EXPECT_EQ(p.value("effective").toObject().value("risk"), defaults.value("risk"));

    const auto put = await(m_gateway->call("PUT", QStringLiteral("/admin/v1/clients/newcomer/output-policy"),
                                           QJsonObject {{"logprobs", "strip"}}));
    ASSERT_TRUE(put && put->ok());
    p = get(QStringLiteral("/admin/v1/clients/newcomer/policies")).object();
    EXPECT_EQ(p.value("overrides").toObject().value("output").toObject().value("logprobs").toString(),
              QStringLiteral("strip"));
    EXPECT_EQ(p.value("effective").toObject().value("output").toObject().value("logprobs").toString(),
              QStringLiteral("strip"));

    const auto bad = await(m_gateway->call("GET", QStringLiteral("/admin/v1/clients/bad%20id/policies")));
    ASSERT_TRUE(bad.has_value());
    EXPECT_EQ(bad->status, 400);
}

TEST_F(AdminServiceTest, WatermarkKeyFetchIsAnAuditedExportThatNeverRecordsTheKey)
{
    WatermarkKeyring keyring(m_connections.get());
    keyring.setAdminService(m_service.get());
    keyring.refresh();
    ASSERT_TRUE(waitUntil([&] { return keyring.keys().size() == 1; }, 15s))
        << keyring.problems().join(';').toStdString();
    EXPECT_EQ(keyring.entries().front().source, WatermarkKeyring::Source::Gateway);
    auto records = auditRecords();
    ASSERT_EQ(records.size(), 1u);
    EXPECT_EQ(records.front().entry.action, "export_watermark_secret");
    EXPECT_EQ(records.front().entry.result, "ok");
    EXPECT_EQ(records.front().entry.after_json.find("modelguard-watermark-key"), std::string::npos)
        << records.front().entry.after_json;
    // A reconnect does not fetch (and record) the same key again; an explicit refresh does.
    keyring.refreshMissing();
    QCoreApplication::processEvents();
    EXPECT_EQ(auditRecords().size(), 1u);

    // A viewer connection is not asked at all: no entry, a readable problem.
    auto second = startStack();
    ASSERT_TRUE(second);
    ASSERT_TRUE(connectViewer(*second, QStringLiteral("gw-viewer")));
    keyring.refreshMissing();
    ASSERT_TRUE(waitUntil([&] { return !keyring.problems().isEmpty(); }, 5s));
    EXPECT_NE(keyring.problems().join(' ').indexOf(QStringLiteral("viewer role")), -1)
        << keyring.problems().join(';').toStdString();
    EXPECT_EQ(auditRecords().size(), 1u);
}

TEST_F(AdminServiceTest, WatermarkKeyIsFetchedOnceTheAuditLogOpensAfterTheConnectionIsLive)
{
    // At start the connection can be live before the audit log has its key from the keychain: the export is refused
    // then, and must happen by itself once the log is open (no user action).
    client::ConsoleAudit lateAudit(
        m_dir.filePath(QStringLiteral("late-audit.sqlite")),
        QStringLiteral("test-late-audit-key-%1").arg(QUuid::createUuid().toString(QUuid::Id128)));
    client::AdminService lateService(&lateAudit);
    WatermarkKeyring keyring(m_connections.get());
    keyring.setAdminService(&lateService);
    keyring.refresh();
    ASSERT_TRUE(waitUntil([&] { return !keyring.problems().isEmpty(); }, 5s));
    EXPECT_NE(keyring.problems().join(' ').indexOf(QStringLiteral("audit log")), -1)
        << keyring.problems().join(';').toStdString();

    const auto opened = await(lateAudit.open());
    ASSERT_TRUE(opened.has_value() && *opened) << lateAudit.error().toStdString();
    // (Earlier tests leave their gateways' keys in the keychain cache: wait for one fetched from the gateway.)
    const auto fetched = [&] {
        const auto entries = keyring.entries();
        return std::any_of(entries.begin(), entries.end(), [](const WatermarkKeyring::Entry& e) {
            return e.source == WatermarkKeyring::Source::Gateway;
        });
    };
    ASSERT_TRUE(waitUntil(fetched, 15s)) << keyring.problems().join(';').toStdString();
    EXPECT_TRUE(keyring.problems().isEmpty()) << keyring.problems().join(';').toStdString();
    const auto records = lateAudit.log()->query();
    ASSERT_EQ(records.size(), 1u);
    EXPECT_EQ(records.front().entry.action, "export_watermark_secret");
}

} // namespace
} // namespace modelguard::ui::test
