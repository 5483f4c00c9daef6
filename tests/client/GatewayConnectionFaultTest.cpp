// GatewayConnection facing faults the real gateway does not produce: a peer on loopback that answers with a wrong
// API version, a wrong content type, malformed or oversize events, a silent stream, no answer at all. (The behaviour
// against the real gateway is in GatewayConnectionTest.cpp.)

#include "client/FleetStore.h"
#include "client/GatewayConnection.h"

#include "tests/client/MisbehavingPeer.h"
#include "tests/client/TestSupport.h"

#include <QJsonDocument>

#include <gtest/gtest.h>

#include <functional>
#include <memory>

using modelguard::client::ApiReply;
using modelguard::client::ConnectionProfile;
using modelguard::client::FleetStore;
using modelguard::client::GatewayConnection;
using modelguard::client::test::await;
using modelguard::client::test::MisbehavingPeer;
using modelguard::client::test::waitUntil;
using State = modelguard::client::GatewayConnection::State;
using namespace std::chrono_literals;

namespace {

ConnectionProfile profileFor(const MisbehavingPeer& peer)
{
    ConnectionProfile p;
    p.id = QStringLiteral("fault");
    p.adminUrl = peer.url();
    return p;
}

} // namespace

TEST(GatewayConnectionFaults, OtherApiVersionIsIncompatible)
{
    MisbehavingPeer peer(MisbehavingPeer::gateway([](const auto&) { return MisbehavingPeer::streamHead(); }, 2));
    FleetStore store;
    GatewayConnection c(profileFor(peer), "mga_x", &store);
    c.start();
    ASSERT_TRUE(waitUntil([&] { return c.state() == State::Incompatible; }, 5s)) << c.stateText().toStdString();
    EXPECT_TRUE(c.stateDetail().contains(QStringLiteral("version 2"))) << c.stateDetail().toStdString();
    EXPECT_EQ(peer.count("/admin/v1/whoami"), 0);
}

TEST(GatewayConnectionFaults, WrongContentTypeIsProtocolErrorThenRetried)
{
    MisbehavingPeer peer(
        MisbehavingPeer::gateway([](const auto&) { return MisbehavingPeer::streamHead("text/html"); }));
    FleetStore store;
    GatewayConnection c(profileFor(peer), "mga_x", &store);
    c.start();
    ASSERT_TRUE(waitUntil([&] { return c.state() == State::ProtocolError; }, 5s)) << c.stateText().toStdString();
    EXPECT_TRUE(c.stateDetail().contains(QStringLiteral("text/html"))) << c.stateDetail().toStdString();
    EXPECT_EQ(c.role(), QStringLiteral("viewer"));
    // Reconnects with backoff (the first delay is 0.5 s +- 20 %).
    ASSERT_TRUE(waitUntil([&] { return peer.count("/admin/v1/events") >= 2; }, 5s));
}

TEST(GatewayConnectionFaults, MalformedJsonEventIsProtocolErrorAfterTheGoodOnes)
{
    MisbehavingPeer peer(MisbehavingPeer::gateway([](const auto&) {
        return MisbehavingPeer::streamHead()
               + "id: 101\nevent: alert\ndata: {\"id\":1,\"time_ms\":5,\"severity\":\"high\",\"client\":\"a\"}\n\n"
                 "id: 102\nevent: usage\ndata: {not json\n\n";
    }));
    FleetStore store;
    GatewayConnection c(profileFor(peer), "mga_x", &store);
    c.start();
    ASSERT_TRUE(waitUntil([&] { return c.state() == State::ProtocolError; }, 5s)) << c.stateText().toStdString();
    EXPECT_TRUE(c.stateDetail().contains(QStringLiteral("malformed JSON in event 102")))
        << c.stateDetail().toStdString();
    EXPECT_EQ(c.lastEventId(), 101u);
    EXPECT_EQ(store.alerts().size(), 1);
    // The reconnect continues after the last good event.
    ASSERT_TRUE(waitUntil([&] { return peer.count("/admin/v1/events") >= 2; }, 5s));
    EXPECT_EQ(peer.requests.back().lastEventId, QByteArray("101"));
    EXPECT_EQ(peer.count("/admin/v1/snapshot"), 1); // no snapshot on a reconnect
}

TEST(GatewayConnectionFaults, OversizeEventIsProtocolError)
{
    MisbehavingPeer peer(MisbehavingPeer::gateway([](const auto&) {
        return MisbehavingPeer::streamHead() + "id: 101\nevent: usage\ndata: " + QByteArray(5000, 'x') + "\n\n";
    }));
    FleetStore store;
    GatewayConnection c(profileFor(peer), "mga_x", &store);
    c.setMaxEventBytes(1024);
    c.start();
    ASSERT_TRUE(waitUntil([&] { return c.state() == State::ProtocolError; }, 5s)) << c.stateText().toStdString();
    EXPECT_TRUE(c.stateDetail().contains(QStringLiteral("1024"))) << c.stateDetail().toStdString();
    EXPECT_TRUE(c.stateText().startsWith(QStringLiteral("Protocol error"))) << c.stateText().toStdString();
}

TEST(GatewayConnectionFaults, SilentStreamIsDeadAfterTheIdleTimeout)
{
    MisbehavingPeer peer(MisbehavingPeer::gateway([](const auto&) { return MisbehavingPeer::streamHead(); }));
    FleetStore store;
    GatewayConnection c(profileFor(peer), "mga_x", &store);
    c.setStreamIdleTimeout(400ms);
    c.start();
    ASSERT_TRUE(waitUntil([&] { return c.state() == State::Live; }, 5s)) << c.stateText().toStdString();
    ASSERT_TRUE(waitUntil([&] { return c.state() == State::Reconnecting; }, 3s)) << c.stateText().toStdString();
    EXPECT_TRUE(c.stateDetail().contains(QStringLiteral("no data"))) << c.stateDetail().toStdString();
    EXPECT_TRUE(c.stateText().startsWith(QStringLiteral("Reconnecting in"))) << c.stateText().toStdString();
    ASSERT_TRUE(waitUntil([&] { return peer.count("/admin/v1/events") >= 2; }, 5s));
    EXPECT_EQ(peer.requests.back().lastEventId, QByteArray("100")); // the snapshot's last_event_id
}

TEST(GatewayConnectionFaults, ResyncEventFetchesTheSnapshotAgain)
{
    MisbehavingPeer peer(MisbehavingPeer::gateway([](const MisbehavingPeer::Request& r) {
        if (r.lastEventId == "100") {
            return MisbehavingPeer::streamHead() + "event: resync\ndata: {\"reason\":\"gap\"}\n\n";
        }
        return MisbehavingPeer::streamHead() + ": keep-alive\n\n";
    }));
    FleetStore store;
    GatewayConnection c(profileFor(peer), "mga_x", &store);
    c.start();
    ASSERT_TRUE(waitUntil([&] { return peer.count("/admin/v1/snapshot") >= 2; }, 5s));
    ASSERT_TRUE(waitUntil([&] { return peer.count("/admin/v1/events") >= 2; }, 5s));
    EXPECT_EQ(c.state(), State::Live);
}

TEST(GatewayConnectionFaults, CallTimesOutAndDestructionEndsPendingCalls)
{
    MisbehavingPeer peer(MisbehavingPeer::gateway([](const auto&) { return MisbehavingPeer::streamHead(); }));
    FleetStore store;
    auto c = std::make_unique<GatewayConnection>(profileFor(peer), "mga_x", &store);
    const auto timedOut = await(c->call("GET", QStringLiteral("/admin/v1/slow"), {}, 300ms), 5s);
    ASSERT_TRUE(timedOut.has_value());
    EXPECT_EQ(timedOut->status, 0);
    EXPECT_TRUE(timedOut->error.contains(QStringLiteral("no response within"))) << timedOut->error.toStdString();

    // A call still waiting when the connection goes away ends (with an error) instead of hanging.
    auto pending = std::make_shared<std::optional<ApiReply>>();
    auto task = modelguard::client::test::storeResult(c->call("GET", QStringLiteral("/admin/v1/slow")), pending);
    waitUntil([&] { return peer.count("/admin/v1/slow") >= 2; }, 5s);
    c.reset();
    ASSERT_TRUE(waitUntil([&] { return pending->has_value(); }, 2s));
    EXPECT_FALSE((*pending)->ok());
}

TEST(GatewayConnectionFaults, NoTokenMeansNoTraffic)
{
    MisbehavingPeer peer(MisbehavingPeer::gateway([](const auto&) { return MisbehavingPeer::streamHead(); }));
    FleetStore store;
    GatewayConnection c(profileFor(peer), QString(), &store);
    c.start();
    EXPECT_EQ(c.state(), State::Unauthorised);
    waitUntil([] { return false; }, 200ms);
    EXPECT_TRUE(peer.requests.isEmpty());
    c.stop();
    EXPECT_EQ(c.state(), State::Disconnected);
}
