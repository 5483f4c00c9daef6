// FleetStore: snapshot base values, usage rings and per-minute rates, merging gateways, bounds, concurrency and the
// coalesced changed() signal.

#include "client/FleetStore.h"

#include "tests/client/TestSupport.h"

#include <QDateTime>
#include <QJsonArray>
#include <QSignalSpy>
#include <QThread>

#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

using modelguard::client::AlertRow;
using modelguard::client::FleetStore;
using modelguard::client::test::waitUntil;

namespace {

qint64 now()
{
    return QDateTime::currentMSecsSinceEpoch();
}

QJsonObject clientJson(const QString& id, double rpm, double tpm, double risk, const QString& action, qint64 lastSeenMs,
                       const QStringList& prefixes = {})
{
    QJsonArray contributions;
    contributions.append(QJsonObject {{"feature", "logit_bias_probing"}, {"share", 0.61}, {"sentence", "Probes."}});
    return QJsonObject {
        {"id", id},
        {"key_prefixes", QJsonArray::fromStringList(prefixes)},
        {"requests_per_min", rpm},
        {"tokens_per_min", tpm},
        {"quota_used_pct", 12.5},
        {"risk",
         QJsonObject {{"score", risk}, {"action", action}, {"pinned", false}, {"contributions", contributions}}},
        {"last_seen_ms", static_cast<double>(lastSeenMs)}};
}

QJsonObject snapshot(qint64 timeMs, const QJsonArray& clients, const QJsonArray& alerts = {})
{
    return QJsonObject {{"gateway_id", "gw"},
                        {"time_ms", static_cast<double>(timeMs)},
                        {"last_event_id", 10},
                        {"clients", clients},
                        {"alerts", alerts}};
}

QJsonObject usage(qint64 timeMs, const QString& client, double requests, double prompt, double completion)
{
    QJsonArray clients;
    clients.append(QJsonObject {{"client", client},
                                {"requests", requests},
                                {"prompt_tokens", prompt},
                                {"completion_tokens", completion},
                                {"rejected", 0}});
    return QJsonObject {{"time_ms", static_cast<double>(timeMs)}, {"interval_ms", 1000}, {"clients", clients}};
}

QJsonObject alertJson(qint64 id, qint64 timeMs, const QString& client)
{
    return QJsonObject {{"id", static_cast<double>(id)},
                        {"time_ms", static_cast<double>(timeMs)},
                        {"severity", "high"},
                        {"client", client},
                        {"reason", "extraction risk"},
                        {"acknowledged", false}};
}

} // namespace

TEST(FleetStore, SnapshotGivesBaseValues)
{
    FleetStore store;
    const qint64 t = now();
    QJsonArray clients {clientJson("acme", 12, 3400, 73.2, "throttle", t - 5000, {"mg_ab12cd34ef"}),
                        clientJson("beta", 0, 0, 0, "none", t - 1000)};
    QJsonArray alerts {alertJson(1, t - 100, "acme"), alertJson(2, t - 50, "acme")};
    store.applySnapshot("gw1", snapshot(t, clients, alerts));

    const auto rows = store.clients();
    ASSERT_EQ(rows.size(), 2);
    const auto acme = store.client("acme");
    ASSERT_TRUE(acme.has_value());
    EXPECT_NEAR(acme->requestsPerMin, 12, 0.1);
    EXPECT_NEAR(acme->tokensPerMin, 3400, 10);
    EXPECT_DOUBLE_EQ(acme->riskScore, 73.2);
    EXPECT_EQ(acme->action, QStringLiteral("throttle"));
    EXPECT_EQ(acme->keyPrefixes, QStringList {"mg_ab12cd34ef"});
    EXPECT_EQ(acme->gateways, QStringList {"gw1"});
    EXPECT_DOUBLE_EQ(acme->quotaUsedPct, 12.5);
    ASSERT_EQ(acme->contributions.size(), 1);
    EXPECT_EQ(acme->contributions[0].feature, QStringLiteral("logit_bias_probing"));
    EXPECT_EQ(acme->lastSeenMs, t - 5000);
    EXPECT_FALSE(store.client("nobody").has_value());

    const auto alertRows = store.alerts();
    ASSERT_EQ(alertRows.size(), 2);
    EXPECT_EQ(alertRows[0].id, 2); // newest first
    EXPECT_EQ(alertRows[0].gatewayId, QStringLiteral("gw1"));

    // A second snapshot replaces the gateway's clients and alerts.
    store.applySnapshot("gw1", snapshot(t, QJsonArray {clientJson("beta", 1, 1, 0, "none", t)}));
    EXPECT_FALSE(store.client("acme").has_value());
    EXPECT_TRUE(store.alerts().isEmpty());
}

TEST(FleetStore, UsageEventsGiveSeriesAndPerMinuteRates)
{
    FleetStore store;
    const qint64 t = now();
    // Snapshot taken two minutes ago: the whole last minute comes from the ring.
    store.applySnapshot("gw1",
                        snapshot(t - 120'000, QJsonArray {clientJson("acme", 500, 500, 0, "none", t - 120'000)}));
    const quint64 before = store.revision();
    store.applyEvent("gw1", "usage", usage(t - 90'000, "acme", 7, 70, 7)); // older than a minute: series only
    store.applyEvent("gw1", "usage", usage(t - 30'000, "acme", 5, 100, 50));
    store.applyEvent("gw1", "usage", usage(t - 20'000, "acme", 5, 100, 50));
    store.applyEvent("gw1", "usage", usage(t - 10'000, "acme", 5, 100, 50));
    store.applyEvent("gw1", "usage", usage(t - 10'000, "newcomer", 2, 10, 10)); // not in the snapshot
    EXPECT_EQ(store.revision(), before + 5);

    const auto acme = store.client("acme");
    ASSERT_TRUE(acme.has_value());
    EXPECT_DOUBLE_EQ(acme->requestsPerMin, 15);
    EXPECT_DOUBLE_EQ(acme->tokensPerMin, 450);
    EXPECT_EQ(acme->lastSeenMs, t - 10'000);
    const auto newcomer = store.client("newcomer");
    ASSERT_TRUE(newcomer.has_value());
    EXPECT_DOUBLE_EQ(newcomer->requestsPerMin, 2);

    const auto series = store.clientSeries("acme", t - 100'000);
    ASSERT_GE(series.size(), 100);
    ASSERT_LE(series.size(), 102);
    double requests = 0, tokens = 0;
    for (const auto& p : series) {
        requests += p.requestsPerSec;
        tokens += p.tokensPerSec;
        if (p.timeMs == (t - 30'000) / 1000 * 1000) {
            EXPECT_DOUBLE_EQ(p.requestsPerSec, 5);
            EXPECT_DOUBLE_EQ(p.tokensPerSec, 150);
        }
    }
    EXPECT_DOUBLE_EQ(requests, 22);
    EXPECT_DOUBLE_EQ(tokens, 527);
    for (int i = 1; i < series.size(); ++i) {
        EXPECT_EQ(series[i].timeMs - series[i - 1].timeMs, 1000);
    }

    double fleetRequests = 0;
    for (const auto& p : store.fleetSeries(t - 100'000)) {
        fleetRequests += p.requestsPerSec;
    }
    EXPECT_DOUBLE_EQ(fleetRequests, 24);
    EXPECT_TRUE(store.clientSeries("nobody", 0).isEmpty());
}

TEST(FleetStore, SnapshotRateFillsTheWindowUntilTheRingCoversIt)
{
    FleetStore store;
    const qint64 t = now();
    // Snapshot 30 s ago said 60 requests/min; since then the ring saw 10 requests: about half the window each.
    store.applySnapshot("gw1", snapshot(t - 30'000, QJsonArray {clientJson("acme", 60, 600, 0, "none", t)}));
    store.applyEvent("gw1", "usage", usage(t - 5'000, "acme", 10, 50, 50));
    const auto acme = store.client("acme");
    ASSERT_TRUE(acme.has_value());
    EXPECT_NEAR(acme->requestsPerMin, 10 + 30, 1.5);
    EXPECT_NEAR(acme->tokensPerMin, 100 + 300, 15);
}

TEST(FleetStore, MergesAcrossTwoGateways)
{
    FleetStore store;
    const qint64 t = now();
    store.applySnapshot(
        "gw1", snapshot(t - 120'000, QJsonArray {clientJson("acme", 0, 0, 20, "none", t - 9000, {"mg_aaaaaaaaaa"})}));
    store.applySnapshot(
        "gw2", snapshot(t - 120'000, QJsonArray {clientJson("acme", 0, 0, 85, "block", t - 3000, {"mg_bbbbbbbbbb"}),
                                                 clientJson("solo", 0, 0, 0, "none", t)}));
    store.applyEvent("gw1", "usage", usage(t - 2000, "acme", 3, 30, 0));
    store.applyEvent("gw2", "usage", usage(t - 2000, "acme", 4, 40, 0));

    const auto acme = store.client("acme");
    ASSERT_TRUE(acme.has_value());
    EXPECT_EQ(acme->gateways, (QStringList {"gw1", "gw2"}));
    EXPECT_EQ(acme->keyPrefixes, (QStringList {"mg_aaaaaaaaaa", "mg_bbbbbbbbbb"}));
    EXPECT_DOUBLE_EQ(acme->requestsPerMin, 7);
    EXPECT_DOUBLE_EQ(acme->tokensPerMin, 70);
    EXPECT_DOUBLE_EQ(acme->riskScore, 85);
    EXPECT_EQ(acme->action, QStringLiteral("block"));
    EXPECT_EQ(acme->lastSeenMs, t - 2000);
    EXPECT_EQ(store.clients().size(), 2);

    double fleet = 0;
    for (const auto& p : store.fleetSeries(t - 10'000)) {
        fleet += p.requestsPerSec;
    }
    EXPECT_DOUBLE_EQ(fleet, 7);

    store.removeGateway("gw2");
    const auto after = store.client("acme");
    ASSERT_TRUE(after.has_value());
    EXPECT_EQ(after->gateways, QStringList {"gw1"});
    EXPECT_DOUBLE_EQ(after->requestsPerMin, 3);
    EXPECT_DOUBLE_EQ(after->riskScore, 20);
    EXPECT_FALSE(store.client("solo").has_value());
}

TEST(FleetStore, SummaryAndClientIdsAgreeWithTheFullClientList)
{
    // Three gateways, 300 clients, overlapping ids; risk and action differ per gateway. summary() must count and rank
    // exactly as the full merged list does.
    FleetStore store;
    const qint64 t = now();
    const QString actions[] = {"none", "strip_logits", "throttle", "block"};
    for (int g = 0; g < 3; ++g) {
        QJsonArray clients;
        for (int i = g * 50; i < g * 50 + 150; ++i) {
            const double risk = static_cast<double>((i * 37 + g * 11) % 101);
            clients.append(clientJson(QStringLiteral("c%1").arg(i, 3, 10, QLatin1Char('0')), i % 7, i % 13, risk,
                                      actions[(i + g) % 4], t));
        }
        store.applySnapshot(QStringLiteral("gw%1").arg(g), snapshot(t, clients));
    }
    auto all = store.clients();
    ASSERT_EQ(all.size(), 250);
    QStringList ids;
    for (const auto& row : all)
        ids.append(row.clientId);
    EXPECT_EQ(store.clientIds(), ids) << "the same ids, sorted, each once";
    const auto summary = store.summary(10, 60);
    EXPECT_EQ(summary.clients, all.size());
    EXPECT_EQ(summary.atRisk, std::count_if(all.begin(), all.end(), [](const auto& c) { return c.riskScore >= 60; }));
    EXPECT_EQ(summary.enforced, std::count_if(all.begin(), all.end(), [](const auto& c) {
                  return c.action == QLatin1String("throttle") || c.action == QLatin1String("block");
              }));
    EXPECT_GT(summary.atRisk, 0);
    EXPECT_GT(summary.enforced, 0);
    std::sort(all.begin(), all.end(), [](const auto& a, const auto& b) {
        return a.riskScore != b.riskScore ? a.riskScore > b.riskScore : a.clientId < b.clientId;
    });
    ASSERT_EQ(summary.top.size(), 10);
    for (int i = 0; i < 10; ++i) {
        EXPECT_EQ(summary.top[i].clientId, all[i].clientId) << i;
        EXPECT_EQ(summary.top[i].riskScore, all[i].riskScore) << i;
        EXPECT_EQ(summary.top[i].action, all[i].action) << i;
        EXPECT_EQ(summary.top[i].gateways, all[i].gateways) << i;
        // The rate decays with the clock between the two calls: equal within a few milliseconds of it.
        EXPECT_NEAR(summary.top[i].requestsPerMin, all[i].requestsPerMin, 0.01 * all[i].requestsPerMin + 1e-9) << i;
    }
    // More asked for than there are; none asked for; an empty store.
    EXPECT_EQ(store.summary(1000, 60).top.size(), 250);
    EXPECT_TRUE(store.summary(0, 60).top.isEmpty());
    FleetStore empty;
    const auto nothing = empty.summary(10, 60);
    EXPECT_EQ(nothing.clients, 0);
    EXPECT_TRUE(nothing.top.isEmpty());
}

TEST(FleetStore, RiskActionAndAlertEvents)
{
    FleetStore store;
    const qint64 t = now();
    store.applySnapshot("gw1", snapshot(t, QJsonArray {clientJson("acme", 0, 0, 10, "none", t)}));
    QSignalSpy raised(&store, &FleetStore::alertRaised);

    store.applyEvent("gw1", "risk",
                     QJsonObject {{"client", "acme"},
                                  {"score", 64.0},
                                  {"action", "throttle"},
                                  {"contributions", QJsonArray {QJsonObject {{"feature", "sweep"}, {"share", 1.0}}}}});
    auto acme = store.client("acme");
    ASSERT_TRUE(acme.has_value());
    EXPECT_DOUBLE_EQ(acme->riskScore, 64);
    EXPECT_EQ(acme->action, QStringLiteral("throttle"));
    ASSERT_EQ(acme->contributions.size(), 1);
    EXPECT_EQ(acme->contributions[0].feature, QStringLiteral("sweep"));
    const auto risk = store.riskSeries("acme");
    ASSERT_GE(risk.size(), 2);
    EXPECT_DOUBLE_EQ(risk.back().second, 64);

    store.applyEvent("gw1", "action",
                     QJsonObject {{"client", "acme"}, {"action", "block"}, {"source", "admin"}, {"reason", "manual"}});
    acme = store.client("acme");
    EXPECT_EQ(acme->action, QStringLiteral("block"));
    EXPECT_TRUE(acme->pinned);
    store.applyEvent("gw1", "action", QJsonObject {{"client", "acme"}, {"action", "clear"}, {"source", "admin"}});
    EXPECT_EQ(store.client("acme")->action, QStringLiteral("none"));

    store.applyEvent("gw1", "alert", alertJson(7, t, "acme"));
    store.applyEvent("gw1", "alert", alertJson(7, t, "acme")); // the same alert again (replay): not new
    ASSERT_EQ(raised.count(), 1);
    EXPECT_EQ(raised.at(0).at(0).value<AlertRow>().id, 7);
    ASSERT_EQ(store.alerts().size(), 1);
    store.acknowledgeAlert("gw1", 7);
    EXPECT_TRUE(store.alerts()[0].acknowledged);

    // Unknown types and malformed data change nothing.
    const quint64 revision = store.revision();
    store.applyEvent("gw1", "no-such-type", QJsonObject {{"x", 1}});
    store.applyEvent("gw1", "risk", QJsonObject {{"score", "high"}});
    EXPECT_EQ(store.revision(), revision);
    EXPECT_EQ(store.clients().size(), 1);
}

TEST(FleetStore, BoundedAlertsRingsAndEviction)
{
    FleetStore store;
    const qint64 t = now();
    for (int i = 1; i <= 1100; ++i) {
        store.applyEvent("gw1", "alert", alertJson(i, t - 2000'000 + i, "acme"));
    }
    const auto alerts = store.alerts();
    ASSERT_EQ(alerts.size(), FleetStore::kMaxAlerts);
    EXPECT_EQ(alerts.front().id, 1100); // the newest are kept
    EXPECT_EQ(alerts.back().id, 101);

    // 20 minutes of usage, one event per second: the ring keeps 15 minutes.
    for (int s = 0; s < 1200; ++s) {
        store.applyEvent("gw1", "usage", usage(t - 1200'000 + s * 1000, "busy", 1, 1, 0));
    }
    const auto series = store.clientSeries("busy", 0);
    ASSERT_LE(series.size(), FleetStore::kRingSeconds);
    double total = 0;
    for (const auto& p : series) {
        total += p.requestsPerSec;
    }
    EXPECT_NEAR(total, 900, 2); // only the last 15 minutes are left

    // Idle eviction: idle clients with no risk go, a risky one stays.
    store.applySnapshot("gw2", snapshot(t, QJsonArray {clientJson("idle", 0, 0, 0, "none", t - 7200'000),
                                                       clientJson("risky", 0, 0, 55, "none", t - 7200'000)}));
    EXPECT_EQ(store.evictIdle(t), 0); // just arrived: not idle yet
    const int dropped = store.evictIdle(t + 2 * 3600'000);
    EXPECT_GE(dropped, 1);
    EXPECT_FALSE(store.client("idle").has_value());
    EXPECT_TRUE(store.client("risky").has_value());
}

TEST(FleetStore, ConcurrentWritersAndReader)
{
    FleetStore store;
    const qint64 t = now();
    constexpr int kWriters = 4;
    constexpr int kEvents = 2000;
    std::atomic<bool> stop {false};
    std::atomic<int> reads {0};
    std::thread reader([&] {
        while (!stop.load()) {
            const auto rows = store.clients();
            for (const auto& r : rows) {
                EXPECT_GE(r.requestsPerMin, 0);
            }
            store.fleetSeries(t - 60'000);
            store.clientSeries("c0", t - 60'000);
            store.alerts();
            ++reads;
        }
    });
    std::vector<std::thread> writers;
    for (int w = 0; w < kWriters; ++w) {
        writers.emplace_back([&, w] {
            const QString gateway = QStringLiteral("gw%1").arg(w % 2);
            for (int i = 0; i < kEvents; ++i) {
                store.applyEvent(gateway, "usage",
                                 usage(t - (i % 50) * 1000, QStringLiteral("c%1").arg(i % 7), 1, 2, 1));
                if (i % 100 == 0) {
                    store.applyEvent(gateway, "alert", alertJson(w * kEvents + i, t, "c0"));
                }
            }
        });
    }
    for (auto& w : writers) {
        w.join();
    }
    stop = true;
    reader.join();
    EXPECT_GT(reads.load(), 0);

    double requests = 0, tokens = 0;
    for (const auto& p : store.fleetSeries(t - 60'000)) {
        requests += p.requestsPerSec;
        tokens += p.tokensPerSec;
    }
    EXPECT_DOUBLE_EQ(requests, kWriters * kEvents);
    EXPECT_DOUBLE_EQ(tokens, 3.0 * kWriters * kEvents);
    double perMinute = 0;
    for (const auto& r : store.clients()) {
        perMinute += r.requestsPerMin;
    }
    EXPECT_DOUBLE_EQ(perMinute, kWriters * kEvents);
    EXPECT_EQ(store.alerts().size(), kWriters * kEvents / 100);
}

TEST(FleetStore, ChangedIsCoalescedOnTheStoreThread)
{
    FleetStore store;
    int emitted = 0;
    bool onStoreThread = true;
    QObject::connect(&store, &FleetStore::changed, [&] {
        ++emitted;
        onStoreThread = onStoreThread && QThread::currentThread() == store.thread();
    });
    const qint64 t = now();
    for (int i = 0; i < 500; ++i) {
        store.applyEvent("gw1", "usage", usage(t, "acme", 1, 1, 1));
    }
    EXPECT_EQ(emitted, 0); // never synchronously
    ASSERT_TRUE(waitUntil([&] { return emitted >= 1; }, std::chrono::seconds(2)));
    waitUntil([] { return false; }, std::chrono::milliseconds(250));
    EXPECT_EQ(emitted, 1);

    // Writes from other threads: still coalesced, still delivered on the store's thread.
    emitted = 0;
    std::atomic<bool> stop {false};
    std::thread writer([&] {
        while (!stop.load()) {
            store.applyEvent("gw1", "usage", usage(now(), "acme", 1, 1, 1));
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
        }
    });
    QElapsedTimer clock;
    clock.start();
    waitUntil([] { return false; }, std::chrono::milliseconds(600));
    stop = true;
    writer.join();
    const qint64 elapsed = clock.elapsed();
    waitUntil([] { return false; }, std::chrono::milliseconds(150));
    EXPECT_TRUE(onStoreThread);
    EXPECT_GE(emitted, 3);
    EXPECT_LE(emitted, elapsed / 100 + 2);
}
