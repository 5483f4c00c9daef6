#pragma once
// Fixture of the editor tests: a real upstream simulator + modelguard-gateway (GatewayStack), the console's client
// layer connected to it (FleetStore, ConnectionManager, a live GatewayConnection with an admin token), a fresh local
// audit log (its key in the test keyring under an entry of its own) and the AdminService the editors use.

#include "client/AdminService.h"
#include "client/ConnectionManager.h"
#include "client/ConsoleAudit.h"
#include "client/FleetStore.h"
#include "client/GatewayConnection.h"
#include "tests/client/TestSupport.h"
#include "tests/support/Processes.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QUuid>

#include <gtest/gtest.h>

#include <memory>
#include <optional>
#include <vector>

namespace modelguard::ui::test {

using client::test::await;
using client::test::waitUntil;
using namespace std::chrono_literals;

class AdminFixture : public ::testing::Test
{
public: // the tests and their helper functions use these directly
    void SetUp() override
    {
        ASSERT_TRUE(m_dir.isValid());
        m_stack = startStack();
        ASSERT_TRUE(m_stack);
        m_store = std::make_unique<client::FleetStore>();
        m_connections = std::make_unique<client::ConnectionManager>(m_store.get());
        m_gateway = connect(*m_stack, QStringLiteral("gw-a"), QString::fromStdString(m_stack->adminToken()));
        ASSERT_TRUE(m_gateway);
        m_audit = std::make_unique<client::ConsoleAudit>(
            m_dir.filePath(QStringLiteral("audit.sqlite")),
            QStringLiteral("test-audit-key-%1").arg(QUuid::createUuid().toString(QUuid::Id128)));
        const auto opened = await(m_audit->open());
        ASSERT_TRUE(opened.has_value() && *opened) << m_audit->error().toStdString();
        m_service = std::make_unique<client::AdminService>(m_audit.get());
    }

    void TearDown() override
    {
        m_service.reset();
        m_connections.reset();
        m_store.reset();
        m_audit.reset();
    }

    /// A further simulator + gateway (for fleet-wide changes); nullptr (with a test failure) if it did not start.
    std::unique_ptr<modelguard::test::GatewayStack> startStack()
    {
        modelguard::test::GatewayStack::Options options;
        options.cliPath = MG_CLI_BIN;
        options.gatewayPath = MG_GATEWAY_BIN;
        auto stack = std::make_unique<modelguard::test::GatewayStack>(options);
        if (!stack->start()) {
            ADD_FAILURE() << "the gateway stack did not start: " << stack->error();
            return nullptr;
        }
        return stack;
    }

    /// A transient connection to the stack's admin API with `token`; waits until it is Live (nullptr if not).
    client::GatewayConnection* connect(const modelguard::test::GatewayStack& stack, const QString& name,
                                       const QString& token)
    {
        client::ConnectionProfile profile;
        profile.name = name;
        profile.adminUrl = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(stack.adminPort()));
        client::GatewayConnection* c = m_connections->addTransient(profile, token);
        if (!waitUntil([c] { return c->state() == client::GatewayConnection::State::Live; }, 15s)) {
            ADD_FAILURE() << "connection " << name.toStdString() << " not live: " << c->stateText().toStdString();
            return nullptr;
        }
        return c;
    }

    /// A viewer token of the stack's gateway, connected (Live).
    client::GatewayConnection* connectViewer(modelguard::test::GatewayStack& stack, const QString& name)
    {
        return connect(stack, name, QString::fromStdString(stack.bootstrapToken("viewer")));
    }

    /// A REST call straight to the gateway with the fixture's admin connection (to read the gateway's state or set
    /// it up, independent of the code under test).
    QJsonDocument get(const QString& path, client::GatewayConnection* via = nullptr)
    {
        const auto reply = await((via ? via : m_gateway)->call("GET", path));
        if (!reply || !reply->ok()) {
            ADD_FAILURE() << "GET " << path.toStdString() << " failed: " << (reply ? reply->error.toStdString() : "");
            return {};
        }
        return reply->json;
    }

    /// Creates a key for `client` directly through the admin API; returns the key object (with "secret").
    QJsonObject createKey(const QString& client, const QString& name = QStringLiteral("fixture"))
    {
        const auto reply = await(m_gateway->call("POST", QStringLiteral("/admin/v1/keys"),
                                                 QJsonObject {{"client", client}, {"name", name}}));
        if (!reply || reply->status != 201) {
            ADD_FAILURE() << "creating a key failed: " << (reply ? reply->error.toStdString() : "no answer");
            return {};
        }
        return reply->json.object();
    }

    /// The audit records, oldest first.
    std::vector<audit::AuditRecord> auditRecords() const { return m_audit->log()->query(); }

    QTemporaryDir m_dir;
    std::unique_ptr<modelguard::test::GatewayStack> m_stack;
    std::unique_ptr<client::FleetStore> m_store;
    std::unique_ptr<client::ConnectionManager> m_connections;
    client::GatewayConnection* m_gateway = nullptr;
    std::unique_ptr<client::ConsoleAudit> m_audit;
    std::unique_ptr<client::AdminService> m_service;
};

} // namespace modelguard::ui::test
