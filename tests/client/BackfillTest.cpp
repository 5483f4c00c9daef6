// Back-fill of the console's charts from the gateways' per-minute usage history: the FleetStore's merge of history and
// live events (each minute spread evenly, what the live ring already holds counted once), and against the real
// gateway: GET /admin/v1/usage (totals, range errors), a console that connects after the traffic (or after a gateway
// restart) sees it at once, and a client's chart back-filled on request.

#include "client/FleetStore.h"
#include "client/GatewayConnection.h"

#include "tests/client/TestSupport.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <map>
#include <memory>

using modelguard::client::ConnectionProfile;
using modelguard::client::FleetStore;
using modelguard::client::GatewayConnection;
using modelguard::client::SeriesPoint;
using modelguard::client::test::await;
using modelguard::client::test::waitUntil;
using State = modelguard::client::GatewayConnection::State;
using namespace std::chrono_literals;

namespace {

constexpr qint64 kMinuteMs = 60'000;
constexpr qint64 kWindowMs = 15 * kMinuteMs;

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

QJsonObject snapshotAt(qint64 timeMs, const QStringList& clients)
{
    QJsonArray list;
    for (const QString& id : clients) {
        list.append(QJsonObject {{"id", id},
                                 {"key_prefixes", QJsonArray {}},
                                 {"requests_per_min", 0},
                                 {"tokens_per_min", 0},
                                 {"quota_used_pct", 0},
                                 {"last_seen_ms", timeMs}});
    }
    return QJsonObject {{"gateway_id", "gw-1"},
                        {"time_ms", timeMs},
                        {"last_event_id", 1},
                        {"clients", list},
                        {"alerts", QJsonArray {}}};
}

QJsonObject usageEvent(qint64 timeMs, const QString& client, double requests, double tokens)
{
    return QJsonObject {{"time_ms", timeMs},
                        {"interval_ms", 1000},
                        {"clients", QJsonArray {QJsonObject {{"client", client},
                                                             {"requests", requests},
                                                             {"prompt_tokens", tokens},
                                                             {"completion_tokens", 0},
                                                             {"rejected", 0}}}}};
}

/// {time_ms, points} as GET /admin/v1/usage answers; minutes: minute_ms -> (requests, tokens).
QJsonObject history(qint64 timeMs, const std::map<qint64, std::pair<double, double>>& minutes)
{
    QJsonArray points;
    for (const auto& [minute, usage] : minutes) {
        points.append(QJsonObject {{"minute_ms", minute},
                                   {"requests", usage.first},
                                   {"prompt_tokens", usage.second},
                                   {"completion_tokens", 0},
                                   {"rejected", 0}});
    }
    QJsonObject o {{"points", points}};
    if (timeMs > 0) {
        o.insert("time_ms", timeMs);
    }
    return o;
}

double requestsIn(const QVector<SeriesPoint>& series, qint64 fromMs, qint64 toMs)
{
    double sum = 0;
    for (const SeriesPoint& p : series) {
        if (p.timeMs >= fromMs && p.timeMs < toMs) {
            sum += p.requestsPerSec;
        }
    }
    return sum;
}

double requestsIn(const QVector<SeriesPoint>& series)
{
    return requestsIn(series, 0, std::numeric_limits<qint64>::max());
}

double tokensIn(const QVector<SeriesPoint>& series)
{
    double sum = 0;
    for (const SeriesPoint& p : series) {
        sum += p.tokensPerSec;
    }
    return sum;
}

double rateAt(const QVector<SeriesPoint>& series, qint64 timeMs)
{
    for (const SeriesPoint& p : series) {
        if (p.timeMs == timeMs) {
            return p.requestsPerSec;
        }
    }
    ADD_FAILURE() << "no point at " << timeMs;
    return -1;
}

} // namespace

// ---- the store's merge ---------------------------------------------------------------------------------------------

TEST(FleetBackfill, HistoryFillsTheTimeBeforeTheSnapshotAndCountsTheLiveOverlapOnce)
{
    FleetStore store;
    const qint64 minute = (nowMs() - 3 * kMinuteMs) / kMinuteMs * kMinuteMs; // a whole minute, 2-3 minutes ago
    const qint64 snapshot = minute + 30'000;                                 // live events from here on
    store.applySnapshot("gw-1", snapshotAt(snapshot, {"acme"}));
    // Live: 10 requests (100 tokens) in each of the 5 seconds after the snapshot.
    for (int i = 1; i <= 5; ++i) {
        store.applyEvent("gw-1", "usage", usageEvent(snapshot + i * 1000, "acme", 10, 100));
    }
    // History read 3.5 s after the snapshot: the previous minute (120 requests) and this minute, which holds 60
    // requests before the snapshot plus the 3 live seconds before it was read (30); a minute after the snapshot's
    // minute is all live and must be ignored.
    store.applyUsageHistory(
        "gw-1", history(snapshot + 3'500,
                        {{minute - kMinuteMs, {120, 1200}}, {minute, {90, 900}}, {minute + kMinuteMs, {20, 200}}}));

    const QVector<SeriesPoint> series = store.fleetSeries(nowMs() - kWindowMs);
    EXPECT_NEAR(requestsIn(series), 120 + 60 + 50, 1e-9);
    EXPECT_NEAR(tokensIn(series), 1200 + 600 + 500, 1e-9);
    EXPECT_NEAR(requestsIn(series, minute - kMinuteMs, minute), 120, 1e-9);
    EXPECT_NEAR(requestsIn(series, minute, snapshot), 60, 1e-9);
    EXPECT_NEAR(requestsIn(series, snapshot, snapshot + kMinuteMs), 50, 1e-9); // only the live events
    // Spread evenly as a per-second rate: no spike at the start of a minute.
    EXPECT_NEAR(rateAt(series, minute - kMinuteMs), 2, 1e-9);
    EXPECT_NEAR(rateAt(series, minute - 1000), 2, 1e-9);
    EXPECT_NEAR(rateAt(series, minute), 2, 1e-9); // 60 requests over the 30 seconds before the snapshot
    EXPECT_NEAR(rateAt(series, snapshot - 1000), 2, 1e-9);
    EXPECT_NEAR(rateAt(series, snapshot + 1000), 10, 1e-9);

    // A new history (after a resync, say) replaces the old one instead of adding to it.
    store.applyUsageHistory("gw-1", history(snapshot + 3'500, {{minute, {90, 900}}}));
    EXPECT_NEAR(requestsIn(store.fleetSeries(nowMs() - kWindowMs)), 60 + 50, 1e-9);
}

TEST(FleetBackfill, WithoutHistoryTheRingAloneAsBefore)
{
    FleetStore store;
    const qint64 t = nowMs() - 10'000;
    store.applySnapshot("gw-1", snapshotAt(t, {"acme"}));
    store.applyEvent("gw-1", "usage", usageEvent(t - 2000, "acme", 3, 30)); // before the snapshot: still shown
    store.applyEvent("gw-1", "usage", usageEvent(t + 2000, "acme", 4, 40));
    EXPECT_NEAR(requestsIn(store.fleetSeries(nowMs() - kWindowMs)), 7, 1e-9);
    EXPECT_NEAR(requestsIn(store.clientSeries("acme", nowMs() - kWindowMs)), 7, 1e-9);
}

TEST(FleetBackfill, ClientHistoryBackFillsOnlyThatClient)
{
    FleetStore store;
    const qint64 minute = (nowMs() - 4 * kMinuteMs) / kMinuteMs * kMinuteMs;
    const qint64 snapshot = minute + 2 * kMinuteMs + 15'000;
    store.applySnapshot("gw-1", snapshotAt(snapshot, {"acme", "beta"}));
    store.applyEvent("gw-1", "usage", usageEvent(snapshot + 1000, "acme", 5, 50));

    // Without time_ms (the client endpoint does not give it) the store estimates the gateway's clock from the
    // snapshot: the snapshot was applied just now, so the history counts as read right at the snapshot, before the
    // live event (which a real gateway would then not have had in it yet).
    store.applyClientUsageHistory("gw-1", "acme",
                                  history(0, {{minute, {30, 300}}, {minute + 2 * kMinuteMs, {12, 120}}}));
    store.applyClientUsageHistory("gw-2", "acme", history(0, {{minute, {1000, 1}}}));   // unknown gateway
    store.applyClientUsageHistory("gw-1", "nobody", history(0, {{minute, {1000, 1}}})); // unknown client

    const QVector<SeriesPoint> acme = store.clientSeries("acme", nowMs() - kWindowMs);
    EXPECT_NEAR(requestsIn(acme, minute, minute + kMinuteMs), 30, 1e-9);
    EXPECT_NEAR(rateAt(acme, minute + 59'000), 0.5, 1e-9);
    // The snapshot's minute: its 12 requests over the 15 s before the snapshot, then the live event.
    EXPECT_NEAR(requestsIn(acme, minute + 2 * kMinuteMs, snapshot), 12, 1e-9);
    EXPECT_NEAR(rateAt(acme, snapshot - 1000), 12.0 / 15, 1e-9);
    EXPECT_NEAR(requestsIn(acme), 30 + 12 + 5, 1e-9);
    EXPECT_NEAR(requestsIn(store.clientSeries("beta", nowMs() - kWindowMs)), 0, 1e-9);
    EXPECT_FALSE(store.client("nobody").has_value());                         // the history did not invent a client
    EXPECT_NEAR(requestsIn(store.fleetSeries(nowMs() - kWindowMs)), 5, 1e-9); // the fleet has no history of its own
}

// ---- against the real gateway --------------------------------------------------------------------------------------

namespace {

/// A child process that is killed (SIGKILL) and reaped when the test ends.
struct Child
{
    std::unique_ptr<QProcess> process = std::make_unique<QProcess>();
    ~Child()
    {
        if (process->state() != QProcess::NotRunning) {
            process->kill();
            process->waitForFinished(5000);
        }
    }
};

class BackfillFixture : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_dir.isValid());
        m_upstream.process->setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_upstream.process->start(QStringLiteral(MG_CLI_BIN),
                                  {"sim", "upstream", "--port", "0", "--print-port", "--token-latency-ms", "0"});
        ASSERT_TRUE(waitUntil([&] { return m_upstream.process->canReadLine(); }, 10s));
        m_upstreamPort = m_upstream.process->readLine().trimmed().toInt();
        ASSERT_GT(m_upstreamPort, 0);
        m_db = m_dir.filePath(QStringLiteral("gateway.db"));
        QProcess p;
        p.start(QStringLiteral(MG_GATEWAY_BIN),
                {"bootstrap-token", "--db", m_db, "--name", "backfill-test", "--role", "admin"});
        ASSERT_TRUE(p.waitForFinished(15000) && p.exitCode() == 0) << p.readAllStandardError().toStdString();
        m_token = QString::fromUtf8(p.readAllStandardOutput()).trimmed();
        ASSERT_TRUE(m_token.startsWith(QStringLiteral("mga_")));
    }

    void startGateway(int dataPort = 0, int adminPort = 0)
    {
        const QString ready = m_dir.filePath(QStringLiteral("ready-%1.json").arg(++m_starts));
        m_gateway = std::make_unique<Child>();
        m_gateway->process->setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_gateway->process->start(QStringLiteral(MG_GATEWAY_BIN),
                                  {"--listen", QStringLiteral("127.0.0.1:%1").arg(dataPort), "--admin-listen",
                                   QStringLiteral("127.0.0.1:%1").arg(adminPort), "--upstream",
                                   QStringLiteral("http://127.0.0.1:%1").arg(m_upstreamPort), "--db", m_db, "--threads",
                                   "1", "--ready-file", ready});
        ASSERT_TRUE(waitUntil(
            [&] { return QFile::exists(ready) || m_gateway->process->state() == QProcess::NotRunning; }, 15s));
        QFile f(ready);
        ASSERT_TRUE(f.open(QIODevice::ReadOnly)) << "the gateway did not start";
        const QJsonObject ports = QJsonDocument::fromJson(f.readAll()).object();
        m_dataPort = ports.value(QLatin1String("data_port")).toInt();
        m_adminPort = ports.value(QLatin1String("admin_port")).toInt();
        ASSERT_GT(m_dataPort, 0);
        ASSERT_GT(m_adminPort, 0);
    }

    ConnectionProfile profile() const
    {
        ConnectionProfile p;
        p.id = QStringLiteral("backfill-profile");
        p.name = QStringLiteral("backfill");
        p.adminUrl = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_adminPort));
        return p;
    }

    QString createKey(GatewayConnection& connection, const QString& client)
    {
        const auto reply = await(connection.call("POST", QStringLiteral("/admin/v1/keys"),
                                                 QJsonObject {{"client", client}, {"name", "backfill-test"}}));
        if (!reply || !reply->ok()) {
            ADD_FAILURE() << "creating a key failed: " << (reply ? reply->error.toStdString() : "no answer");
            return {};
        }
        return reply->json.object().value(QLatin1String("secret")).toString();
    }

    int sendChats(const QString& apiKey, int count)
    {
        QNetworkAccessManager nam;
        int ok = 0;
        for (int i = 0; i < count; ++i) {
            QNetworkRequest request(QUrl(QStringLiteral("http://127.0.0.1:%1/v1/chat/completions").arg(m_dataPort)));
            request.setRawHeader("Authorization", "Bearer " + apiKey.toUtf8());
            request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
            request.setTransferTimeout(10000);
            const QJsonObject body {
                {"model", "sim-gpt-1"},
                {"max_tokens", 8},
                {"messages",
                 QJsonArray {QJsonObject {{"role", "user"}, {"content", QStringLiteral("hello %1").arg(i)}}}}};
            QNetworkReply* reply = nam.post(request, QJsonDocument(body).toJson(QJsonDocument::Compact));
            waitUntil([&] { return reply->isFinished(); }, 15s);
            if (reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 200) {
                ++ok;
            }
            reply->deleteLater();
        }
        return ok;
    }

    /// A live connection that created a key for `client` and sent `count` requests, which the gateway has flushed
    /// to its usage table (its usage events, published after that, arrived). Returns the key.
    QString trafficThrough(GatewayConnection& connection, FleetStore& store, const QString& client, int count)
    {
        connection.start();
        if (!waitUntil([&] { return connection.state() == State::Live; }, 10s)) {
            ADD_FAILURE() << connection.stateText().toStdString();
            return {};
        }
        const QString key = createKey(connection, client);
        EXPECT_EQ(sendChats(key, count), count);
        EXPECT_TRUE(
            waitUntil([&] { return requestsIn(store.clientSeries(client, nowMs() - kWindowMs)) >= count - 1e-6; }, 10s))
            << "the usage events did not arrive";
        return key;
    }

    /// Rounded to 1e-6: spreading a minute over its seconds leaves floating-point dust.
    static double fleetRequests(const FleetStore& store)
    {
        return std::round(requestsIn(store.fleetSeries(nowMs() - kWindowMs)) * 1e6) / 1e6;
    }

    QTemporaryDir m_dir;
    Child m_upstream;
    std::unique_ptr<Child> m_gateway;
    int m_upstreamPort = 0;
    int m_dataPort = 0;
    int m_adminPort = 0;
    int m_starts = 0;
    QString m_db;
    QString m_token;
};

} // namespace

TEST_F(BackfillFixture, UsageEndpointSumsAllClientsPerMinuteAndChecksTheRange)
{
    ASSERT_NO_FATAL_FAILURE(startGateway());
    FleetStore store;
    GatewayConnection connection(profile(), m_token, &store);
    trafficThrough(connection, store, QStringLiteral("acme"), 2);
    const QString beta = createKey(connection, QStringLiteral("beta"));
    ASSERT_EQ(sendChats(beta, 3), 3);
    ASSERT_TRUE(waitUntil([&] { return fleetRequests(store) >= 5; }, 10s));

    const qint64 before = nowMs();
    const auto reply = await(connection.call("GET", QStringLiteral("/admin/v1/usage")));
    ASSERT_TRUE(reply && reply->ok()) << (reply ? reply->error.toStdString() : "no answer");
    const QJsonObject body = reply->json.object();
    EXPECT_EQ(body.value("gateway_id").toString(), connection.gatewayId());
    EXPECT_GE(static_cast<qint64>(body.value("time_ms").toDouble()), before - 5000); // the gateway's clock, here
    double requests = 0, tokens = 0;
    qint64 lastMinute = 0;
    for (const QJsonValue& v : body.value("points").toArray()) {
        const QJsonObject p = v.toObject();
        const auto minute = static_cast<qint64>(p.value("minute_ms").toDouble());
        EXPECT_EQ(minute % kMinuteMs, 0);
        EXPECT_GT(minute, lastMinute) << "one point per minute, in order";
        lastMinute = minute;
        requests += p.value("requests").toDouble();
        tokens += p.value("prompt_tokens").toDouble() + p.value("completion_tokens").toDouble();
        EXPECT_EQ(p.value("rejected").toDouble(), 0);
    }
    EXPECT_EQ(requests, 5); // both clients' requests
    EXPECT_NEAR(tokens, tokensIn(store.fleetSeries(nowMs() - kWindowMs)), 1e-9);

    // The same range checks as the client usage endpoint; malformed numbers are refused too.
    const qint64 now = nowMs();
    for (const QString& query :
         {QStringLiteral("?from_ms=%1&to_ms=%1").arg(now), QStringLiteral("?from_ms=%1&to_ms=%2").arg(now).arg(now - 1),
          QStringLiteral("?from_ms=0&to_ms=%1").arg(32LL * 86'400'000),
          QStringLiteral("?from_ms=%1").arg(now + 3'600'000), QStringLiteral("?from_ms=abc"),
          QStringLiteral("?to_ms=12x")}) {
        const auto bad = await(connection.call("GET", QStringLiteral("/admin/v1/usage") + query));
        ASSERT_TRUE(bad.has_value());
        EXPECT_EQ(bad->status, 400) << query.toStdString();
        EXPECT_FALSE(bad->error.isEmpty());
    }
    const auto empty = await(connection.call("GET", QStringLiteral("/admin/v1/usage?from_ms=0&to_ms=60000")));
    ASSERT_TRUE(empty && empty->ok());
    EXPECT_TRUE(empty->json.object().value("points").toArray().isEmpty());
}

TEST_F(BackfillFixture, ConnectingLaterShowsTheLastMinutesAtOnceAndCountsLiveTrafficOnce)
{
    ASSERT_NO_FATAL_FAILURE(startGateway());
    FleetStore first;
    GatewayConnection sender(profile(), m_token, &first);
    const QString key = trafficThrough(sender, first, QStringLiteral("acme"), 4);
    ASSERT_FALSE(key.isEmpty());
    const double firstTokens = tokensIn(first.fleetSeries(nowMs() - kWindowMs));
    ASSERT_GT(firstTokens, 0);

    // A new console connects after the traffic: its charts show it at once.
    const qint64 connectedAt = nowMs();
    FleetStore store;
    GatewayConnection late(profile(), m_token, &store);
    late.start();
    ASSERT_TRUE(waitUntil([&] { return late.state() == State::Live; }, 10s)) << late.stateText().toStdString();
    ASSERT_TRUE(waitUntil([&] { return fleetRequests(store) >= 4; }, 10s))
        << "no back-fill: " << fleetRequests(store) << " requests";
    const QVector<SeriesPoint> series = store.fleetSeries(nowMs() - kWindowMs);
    EXPECT_NEAR(requestsIn(series), 4, 1e-9);
    EXPECT_NEAR(tokensIn(series), firstTokens, 1e-9);
    EXPECT_NEAR(requestsIn(series, 0, connectedAt), 4, 1e-9) << "the traffic lies before the connection";
    // Each minute's usage is spread evenly over its seconds before the live events (no spike).
    std::map<qint64, double> rateOfMinute;
    const qint64 liveFrom = store.liveSinceMs(late.gatewayId()) / 1000 * 1000;
    ASSERT_GT(liveFrom, 0);
    for (const SeriesPoint& p : series) {
        if (p.timeMs < liveFrom && p.requestsPerSec > 0) {
            const auto [it, inserted] = rateOfMinute.emplace(p.timeMs / kMinuteMs, p.requestsPerSec);
            EXPECT_NEAR(it->second, p.requestsPerSec, 1e-9) << "uneven within a minute at " << p.timeMs;
        }
    }
    EXPECT_FALSE(rateOfMinute.empty());

    // The client's chart: empty until asked for, then back-filled.
    EXPECT_NEAR(requestsIn(store.clientSeries(QStringLiteral("acme"), nowMs() - kWindowMs)), 0, 1e-9);
    const auto fetched = await(late.fetchClientUsageHistory(QStringLiteral("acme")));
    ASSERT_TRUE(fetched.has_value());
    EXPECT_TRUE(*fetched);
    EXPECT_NEAR(requestsIn(store.clientSeries(QStringLiteral("acme"), nowMs() - kWindowMs)), 4, 1e-9);
    const auto unknown = await(late.fetchClientUsageHistory(QStringLiteral("no such client")));
    ASSERT_TRUE(unknown.has_value());
    EXPECT_FALSE(store.client(QStringLiteral("no such client")).has_value());

    // Live traffic after the connection is counted once, also when a history read afterwards holds it as well.
    // (Not right at a minute's end: the gateway files a request under the minute it arrived in, its usage event
    // comes up to a second later; that second's split between history and live is not exact.)
    waitUntil([] { return nowMs() % kMinuteMs > 3000 && nowMs() % kMinuteMs < 50'000; }, 15s);
    ASSERT_EQ(sendChats(key, 3), 3);
    ASSERT_TRUE(waitUntil([&] { return fleetRequests(store) >= 7; }, 10s)) << fleetRequests(store);
    const auto again =
        await(late.call("GET", QStringLiteral("/admin/v1/usage?from_ms=%1").arg(connectedAt - kWindowMs)));
    ASSERT_TRUE(again && again->ok());
    store.applyUsageHistory(late.gatewayId(), again->json.object());
    ASSERT_TRUE(await(late.fetchClientUsageHistory(QStringLiteral("acme"))).value_or(false));
    waitUntil([] { return false; }, 1500ms); // a late duplicate would show up here
    EXPECT_NEAR(fleetRequests(store), 7, 1e-9);
    EXPECT_NEAR(requestsIn(store.clientSeries(QStringLiteral("acme"), nowMs() - kWindowMs)), 7, 1e-9);
}

TEST_F(BackfillFixture, QuotaUseFollowsLiveTrafficWithoutANewSnapshot)
{
    ASSERT_NO_FATAL_FAILURE(startGateway());
    FleetStore store;
    GatewayConnection connection(profile(), m_token, &store);
    connection.start();
    ASSERT_TRUE(waitUntil([&] { return connection.state() == State::Live; }, 10s))
        << connection.stateText().toStdString();
    const QString key = createKey(connection, QStringLiteral("metered"));
    ASSERT_FALSE(key.isEmpty());
    const auto limits = await(connection.call("PUT", QStringLiteral("/admin/v1/clients/metered/limits"),
                                              QJsonObject {{"requests_per_day", 10}}));
    ASSERT_TRUE(limits && limits->ok()) << (limits ? limits->error.toStdString() : "no answer");

    // After the snapshot (taken at connect, before any traffic) only the usage events can tell: 4 of 10 requests.
    ASSERT_EQ(sendChats(key, 4), 4);
    ASSERT_TRUE(waitUntil(
        [&] {
            const auto row = store.client(QStringLiteral("metered"));
            return row && row->quotaUsedPct >= 40 - 1e-9;
        },
        10s))
        << "quota use not updated live: "
        << (store.client(QStringLiteral("metered")) ? store.client(QStringLiteral("metered"))->quotaUsedPct : -1);
    EXPECT_NEAR(store.client(QStringLiteral("metered"))->quotaUsedPct, 40, 1e-9);

    // The same figure as the gateway's own snapshot.
    const auto snapshot = await(connection.call("GET", QStringLiteral("/admin/v1/snapshot")));
    ASSERT_TRUE(snapshot && snapshot->ok());
    double fromSnapshot = -1;
    for (const QJsonValue& c : snapshot->json.object().value(QLatin1String("clients")).toArray()) {
        if (c.toObject().value(QLatin1String("id")).toString() == QLatin1String("metered"))
            fromSnapshot = c.toObject().value(QLatin1String("quota_used_pct")).toDouble();
    }
    EXPECT_NEAR(fromSnapshot, 40, 1e-9);
}

TEST_F(BackfillFixture, HistorySurvivesAGatewayRestart)
{
    ASSERT_NO_FATAL_FAILURE(startGateway());
    {
        FleetStore first;
        GatewayConnection sender(profile(), m_token, &first);
        ASSERT_FALSE(trafficThrough(sender, first, QStringLiteral("acme"), 3).isEmpty());
    }
    m_gateway->process->kill(); // SIGKILL: only what the gateway had written survives
    ASSERT_TRUE(m_gateway->process->waitForFinished(5000));
    ASSERT_NO_FATAL_FAILURE(startGateway());

    FleetStore store;
    GatewayConnection connection(profile(), m_token, &store);
    connection.start();
    ASSERT_TRUE(waitUntil([&] { return connection.state() == State::Live; }, 10s));
    ASSERT_TRUE(waitUntil([&] { return fleetRequests(store) >= 3; }, 10s)) << fleetRequests(store);
    EXPECT_NEAR(fleetRequests(store), 3, 1e-9);
    ASSERT_TRUE(await(connection.fetchClientUsageHistory(QStringLiteral("acme"))).value_or(false));
    EXPECT_NEAR(requestsIn(store.clientSeries(QStringLiteral("acme"), nowMs() - kWindowMs)), 3, 1e-9);
}
