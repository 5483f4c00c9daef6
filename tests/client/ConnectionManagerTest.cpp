// ConnectionManager: add saves the profile (QSettings) and the token (keychain), restore brings both back and
// starts the connection, transient connections leave no trace, remove deletes profile, token and the gateway's data.

#include "client/ConnectionManager.h"
#include "client/FleetStore.h"
#include "client/ProfileStore.h"
#include "client/SecretStore.h"

#include "tests/client/MisbehavingPeer.h"
#include "tests/client/TestSupport.h"

#include <QSignalSpy>

#include <gtest/gtest.h>

using modelguard::client::ConnectionManager;
using modelguard::client::ConnectionProfile;
using modelguard::client::FleetStore;
using modelguard::client::GatewayConnection;
using modelguard::client::ProfileStore;
using modelguard::client::SecretStore;
using modelguard::client::test::await;
using modelguard::client::test::MisbehavingPeer;
using modelguard::client::test::waitUntil;
using State = modelguard::client::GatewayConnection::State;
using namespace std::chrono_literals;

namespace {
std::optional<QString> readSecret(const QString& id)
{
    auto r = await(SecretStore::read(id));
    return r ? *r : std::nullopt;
}
} // namespace

TEST(ConnectionManager, AddRestoreTransientRemove)
{
    if (!qEnvironmentVariableIsSet("MG_REQUIRE_SECRET_SERVICE")) {
        GTEST_SKIP() << "needs the private Secret Service of the test run (see CMakeLists.txt)";
    }
    MisbehavingPeer peer(MisbehavingPeer::gateway([](const auto&) {
        return MisbehavingPeer::streamHead()
               + "id: 101\nevent: alert\ndata: {\"id\":1,\"time_ms\":5,\"severity\":\"high\",\"client\":\"a\"}\n\n";
    }));
    ProfileStore().save({});
    FleetStore store;
    ConnectionProfile profile;
    profile.name = QStringLiteral("peer");
    profile.adminUrl = peer.url();
    QString id;
    {
        ConnectionManager manager(&store);
        QSignalSpy added(&manager, &ConnectionManager::connectionAdded);
        QSignalSpy notSaved(&manager, &ConnectionManager::tokenNotSaved);
        GatewayConnection* c = manager.add(profile, QStringLiteral("mga_secret_token"));
        ASSERT_NE(c, nullptr);
        id = c->profile().id;
        EXPECT_FALSE(id.isEmpty());
        EXPECT_EQ(added.count(), 1);
        ASSERT_TRUE(waitUntil([&] { return c->state() == State::Live; }, 5s)) << c->stateText().toStdString();
        ASSERT_TRUE(waitUntil([&] { return store.alerts().size() == 1; }, 5s));

        const auto saved = ProfileStore().load();
        ASSERT_EQ(saved.size(), 1);
        EXPECT_EQ(saved[0].id, id);
        EXPECT_EQ(saved[0].adminUrl, peer.url());
        ASSERT_TRUE(waitUntil([&] { return readSecret(id).has_value(); }, 5s));
        EXPECT_EQ(readSecret(id), QStringLiteral("mga_secret_token"));
        EXPECT_EQ(notSaved.count(), 0);

        ConnectionProfile session;
        session.name = QStringLiteral("session");
        session.adminUrl = peer.url();
        GatewayConnection* t = manager.addTransient(session, QStringLiteral("mga_session"));
        EXPECT_EQ(manager.connections().size(), 2);
        EXPECT_EQ(ProfileStore().load().size(), 1); // not saved
        EXPECT_FALSE(readSecret(t->profile().id).has_value());
    }

    // A new console: restore() brings the saved connection back with its token and starts it.
    {
        ConnectionManager manager(&store);
        peer.requests.clear();
        ASSERT_TRUE(modelguard::client::test::awaitVoid(manager.restore()));
        ASSERT_EQ(manager.connections().size(), 1);
        GatewayConnection* c = manager.connections().front();
        EXPECT_EQ(c->profile().id, id);
        ASSERT_TRUE(waitUntil([&] { return c->state() == State::Live; }, 5s)) << c->stateText().toStdString();
        ASSERT_FALSE(peer.requests.isEmpty());
        EXPECT_EQ(peer.requests.back().authorization, QByteArray("Bearer mga_secret_token")); // the token came back

        QSignalSpy removed(&manager, &ConnectionManager::connectionRemoved);
        manager.remove(id);
        EXPECT_EQ(removed.count(), 1);
        EXPECT_TRUE(manager.connections().isEmpty());
        EXPECT_TRUE(ProfileStore().load().isEmpty());
        EXPECT_TRUE(store.alerts().isEmpty()); // the gateway's data went with it
        ASSERT_TRUE(waitUntil([&] { return !readSecret(id).has_value(); }, 5s));
    }
}
