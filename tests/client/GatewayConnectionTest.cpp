// GatewayConnection against the real modelguard-gateway (and the upstream simulator behind it): live state, snapshot,
// live usage events from data-plane traffic, reconnect after kill -9 without losing events, wrong token, TLS with a
// self-signed certificate generated here (pinned: Live; not pinned: TlsError).

#include "client/GatewayConnection.h"
#include "client/FleetStore.h"

#include "tests/client/TestSupport.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <memory>

using modelguard::client::ConnectionProfile;
using modelguard::client::FleetStore;
using modelguard::client::GatewayConnection;
using modelguard::client::test::await;
using modelguard::client::test::waitUntil;
using State = modelguard::client::GatewayConnection::State;
using namespace std::chrono_literals;

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

class GatewayFixture : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_dir.isValid());
        // The simulated upstream LLM on a free port.
        m_upstream.process->setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_upstream.process->start(QStringLiteral(MG_CLI_BIN),
                                  {"sim", "upstream", "--port", "0", "--print-port", "--token-latency-ms", "0"});
        ASSERT_TRUE(waitUntil([&] { return m_upstream.process->canReadLine(); }, 10s))
            << m_upstream.process->readAllStandardError().toStdString();
        m_upstreamPort = m_upstream.process->readLine().trimmed().toInt();
        ASSERT_GT(m_upstreamPort, 0);
        m_db = m_dir.filePath(QStringLiteral("gateway.db"));
        m_token = bootstrapToken(QStringLiteral("admin"));
        ASSERT_TRUE(m_token.startsWith(QStringLiteral("mga_"))) << m_token.toStdString();
    }

    QString bootstrapToken(const QString& role)
    {
        QProcess p;
        p.start(QStringLiteral(MG_GATEWAY_BIN),
                {"bootstrap-token", "--db", m_db, "--name", "client-test", "--role", role});
        if (!p.waitForFinished(15000) || p.exitCode() != 0) {
            ADD_FAILURE() << "bootstrap-token failed: " << p.readAllStandardError().toStdString();
            return {};
        }
        return QString::fromUtf8(p.readAllStandardOutput()).trimmed();
    }

    /// Starts the gateway (ports 0 = pick free ones) and waits for its ready file.
    void startGateway(int dataPort = 0, int adminPort = 0, const QStringList& extra = {})
    {
        const QString ready = m_dir.filePath(QStringLiteral("ready-%1.json").arg(++m_starts));
        m_gateway = std::make_unique<Child>();
        m_gateway->process->setProcessChannelMode(QProcess::ForwardedErrorChannel);
        QStringList args {"--listen",       QStringLiteral("127.0.0.1:%1").arg(dataPort),
                          "--admin-listen", QStringLiteral("127.0.0.1:%1").arg(adminPort),
                          "--upstream",     QStringLiteral("http://127.0.0.1:%1").arg(m_upstreamPort),
                          "--db",           m_db,
                          "--threads",      "1",
                          "--ready-file",   ready};
        m_gateway->process->start(QStringLiteral(MG_GATEWAY_BIN), args + extra);
        ASSERT_TRUE(waitUntil(
            [&] { return QFile::exists(ready) || m_gateway->process->state() == QProcess::NotRunning; }, 15s));
        ASSERT_TRUE(QFile::exists(ready)) << "the gateway did not start";
        QFile f(ready);
        ASSERT_TRUE(f.open(QIODevice::ReadOnly));
        const QJsonObject ports = QJsonDocument::fromJson(f.readAll()).object();
        m_dataPort = ports.value(QLatin1String("data_port")).toInt();
        m_adminPort = ports.value(QLatin1String("admin_port")).toInt();
        ASSERT_GT(m_dataPort, 0);
        ASSERT_GT(m_adminPort, 0);
    }

    ConnectionProfile profile(const QString& scheme = QStringLiteral("http")) const
    {
        ConnectionProfile p;
        p.id = QStringLiteral("test-profile");
        p.name = QStringLiteral("test");
        p.adminUrl = QUrl(QStringLiteral("%1://127.0.0.1:%2").arg(scheme).arg(m_adminPort));
        return p;
    }

    /// A new API key for `client` through the admin API; returns its secret.
    QString createKey(GatewayConnection& connection, const QString& client)
    {
        const auto reply = await(connection.call("POST", QStringLiteral("/admin/v1/keys"),
                                                 QJsonObject {{"client", client}, {"name", "client-test"}}));
        if (!reply || !reply->ok()) {
            ADD_FAILURE() << "creating a key failed: " << (reply ? reply->error.toStdString() : "no answer");
            return {};
        }
        EXPECT_EQ(reply->status, 201);
        return reply->json.object().value(QLatin1String("secret")).toString();
    }

    /// Sends `count` chat completions through the data plane; returns how many succeeded.
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

    /// Sum of the client's requests in the store's last minute.
    static double requestsPerMin(const FleetStore& store, const QString& client)
    {
        const auto row = store.client(client);
        return row ? row->requestsPerMin : 0;
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

/// Records every event's id (lastEventId() during eventReceived) and type, and every state.
struct Recorder
{
    QList<quint64> ids;
    QStringList types;
    QList<State> states;
    void attach(GatewayConnection& c)
    {
        QObject::connect(&c, &GatewayConnection::eventReceived, &c,
                         [this, &c](const QString& type, const QJsonObject&) {
                             ids.append(c.lastEventId());
                             types.append(type);
                         });
        QObject::connect(&c, &GatewayConnection::stateChanged, &c,
                         [this](GatewayConnection::State s, const QString&) { states.append(s); });
    }
};

} // namespace

TEST_F(GatewayFixture, LiveSnapshotAndUsageEvents)
{
    ASSERT_NO_FATAL_FAILURE(startGateway());
    FleetStore store;
    GatewayConnection connection(profile(), m_token, &store);
    Recorder recorder;
    recorder.attach(connection);
    connection.start();
    ASSERT_TRUE(waitUntil([&] { return connection.state() == State::Live; }, 10s))
        << connection.stateText().toStdString();
    EXPECT_EQ(recorder.states.front(), State::Connecting);
    EXPECT_TRUE(connection.gatewayId().startsWith(QStringLiteral("gw-"))) << connection.gatewayId().toStdString();
    EXPECT_EQ(connection.role(), QStringLiteral("admin"));
    EXPECT_EQ(connection.stateText(), QStringLiteral("Live"));

    const QString key = createKey(connection, QStringLiteral("acme"));
    ASSERT_TRUE(key.startsWith(QStringLiteral("mg_")));
    ASSERT_EQ(sendChats(key, 3), 3);
    ASSERT_TRUE(waitUntil([&] { return requestsPerMin(store, "acme") >= 3; }, 10s))
        << "requests/min " << requestsPerMin(store, "acme");
    EXPECT_DOUBLE_EQ(requestsPerMin(store, "acme"), 3);
    EXPECT_TRUE(recorder.types.contains(QStringLiteral("usage")));
    EXPECT_GT(store.client("acme")->tokensPerMin, 0);
    for (int i = 1; i < recorder.ids.size(); ++i) {
        EXPECT_EQ(recorder.ids[i], recorder.ids[i - 1] + 1) << "event ids must be contiguous";
    }
    EXPECT_EQ(connection.lastEventId(), recorder.ids.back());

    // A second console connecting now gets the client from the snapshot, before any event.
    FleetStore second;
    GatewayConnection late(profile(), m_token, &second);
    late.start();
    ASSERT_TRUE(waitUntil([&] { return late.state() == State::Live; }, 10s));
    const auto acme = second.client(QStringLiteral("acme"));
    ASSERT_TRUE(acme.has_value()) << "the snapshot did not bring client acme";
    EXPECT_EQ(acme->gateways, QStringList {connection.gatewayId()});
    EXPECT_GE(late.lastEventId(), recorder.ids.back());
}

TEST_F(GatewayFixture, ReconnectsAfterKillWithoutSkippingEvents)
{
    ASSERT_NO_FATAL_FAILURE(startGateway());
    FleetStore store;
    GatewayConnection connection(profile(), m_token, &store);
    Recorder recorder;
    recorder.attach(connection);
    connection.start();
    ASSERT_TRUE(waitUntil([&] { return connection.state() == State::Live; }, 10s));
    const QString key = createKey(connection, QStringLiteral("acme"));
    ASSERT_EQ(sendChats(key, 2), 2);
    ASSERT_TRUE(waitUntil([&] { return requestsPerMin(store, "acme") >= 2; }, 10s));
    const quint64 idBefore = connection.lastEventId();
    const QString gatewayId = connection.gatewayId();

    m_gateway->process->kill(); // SIGKILL
    ASSERT_TRUE(m_gateway->process->waitForFinished(5000));
    ASSERT_TRUE(waitUntil([&] { return connection.state() == State::Reconnecting; }, 50s))
        << connection.stateText().toStdString();
    EXPECT_TRUE(connection.stateText().startsWith(QStringLiteral("Reconnecting")))
        << connection.stateText().toStdString();

    // Same ports, same database. Traffic passes while the console is still away: it must not be lost (replayed
    // after Last-Event-ID, or, when the gateway answers with a resync, contained in the snapshot).
    ASSERT_NO_FATAL_FAILURE(startGateway(m_dataPort, m_adminPort));
    ASSERT_EQ(sendChats(key, 3), 3); // the key survived the restart
    ASSERT_TRUE(waitUntil([&] { return connection.state() == State::Live; }, 20s))
        << connection.stateText().toStdString();
    EXPECT_EQ(connection.gatewayId(), gatewayId);
    EXPECT_TRUE(recorder.states.contains(State::Reconnecting));
    ASSERT_TRUE(waitUntil([&] { return requestsPerMin(store, "acme") >= 3; }, 10s))
        << "requests/min " << requestsPerMin(store, "acme");

    // Live again: new traffic arrives as events whose ids follow on without a gap. (Right after Live the stream may
    // still carry the gateway's resync, whose snapshot then already contains the next requests: retry a few times.)
    const qsizetype eventsAtReconnect = recorder.ids.size();
    for (int round = 0; round < 5 && recorder.ids.size() == eventsAtReconnect; ++round) {
        ASSERT_EQ(sendChats(key, 1), 1);
        waitUntil([&] { return recorder.types.mid(eventsAtReconnect).contains(QStringLiteral("usage")); }, 3s);
    }
    ASSERT_GT(recorder.ids.size(), eventsAtReconnect) << "no live event after the reconnect";
    EXPECT_GE(requestsPerMin(store, "acme"), 4);
    EXPECT_GT(connection.lastEventId(), idBefore);
    for (qsizetype i = 1; i < recorder.ids.size(); ++i) {
        EXPECT_GT(recorder.ids[i], recorder.ids[i - 1]) << "event ids must increase (no duplicates)";
        if (i > eventsAtReconnect) {
            EXPECT_EQ(recorder.ids[i], recorder.ids[i - 1] + 1) << "an event id was skipped";
        }
    }
    // Caught up: the console has applied every event up to the gateway's newest one.
    const auto snapshot = await(connection.call("GET", QStringLiteral("/admin/v1/snapshot")));
    ASSERT_TRUE(snapshot && snapshot->ok());
    const auto gatewayLast = static_cast<quint64>(snapshot->json.object().value("last_event_id").toDouble());
    EXPECT_TRUE(waitUntil([&] { return connection.lastEventId() >= gatewayLast; }, 5s))
        << connection.lastEventId() << " < " << gatewayLast;
}

TEST_F(GatewayFixture, WrongTokenIsUnauthorisedWithoutHammering)
{
    ASSERT_NO_FATAL_FAILURE(startGateway());
    FleetStore store;
    GatewayConnection connection(profile(), QStringLiteral("mga_aaaaaaaaaa_0123456789abcdef0123456789abcdef"), &store);
    Recorder recorder;
    recorder.attach(connection);
    connection.start();
    ASSERT_TRUE(waitUntil([&] { return connection.state() == State::Unauthorised; }, 10s))
        << connection.stateText().toStdString();
    EXPECT_FALSE(connection.gatewayId().isEmpty()); // health (no auth) worked
    // Stays there without retrying quickly.
    waitUntil([] { return false; }, 1500ms);
    EXPECT_EQ(connection.state(), State::Unauthorised);
    EXPECT_EQ(recorder.states.count(State::Unauthorised), 1);
    EXPECT_TRUE(connection.stateText().contains(QStringLiteral("retrying in"))) << connection.stateText().toStdString();
    EXPECT_TRUE(store.clients().isEmpty());

    // The REST call reports 401 with the gateway's message.
    const auto reply = await(connection.call("GET", QStringLiteral("/admin/v1/keys")));
    ASSERT_TRUE(reply.has_value());
    EXPECT_EQ(reply->status, 401);
    EXPECT_FALSE(reply->ok());
    EXPECT_FALSE(reply->error.isEmpty());
}

namespace {

/// Runs the openssl command line; returns stdout (fails the test on error).
QByteArray openssl(const QStringList& args)
{
    QProcess p;
    p.start(QStringLiteral("openssl"), args);
    if (!p.waitForFinished(30000) || p.exitCode() != 0) {
        ADD_FAILURE() << "openssl " << args.join(' ').toStdString() << ": " << p.readAllStandardError().toStdString();
    }
    return p.readAllStandardOutput();
}

} // namespace

TEST_F(GatewayFixture, TlsPinnedSelfSignedIsLiveUnpinnedIsTlsError)
{
    const QString cert = m_dir.filePath(QStringLiteral("admin-cert.pem"));
    const QString key = m_dir.filePath(QStringLiteral("admin-key.pem"));
    openssl({"req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-days", "1",
             "-subj", "/CN=modelguard-test", "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", key, "-out", cert});
    // "sha256 Fingerprint=AB:CD:..." (the profile accepts the colon form).
    const QByteArray fingerprint = openssl({"x509", "-in", cert, "-noout", "-fingerprint", "-sha256"}).trimmed();
    const QString pin = QString::fromLatin1(fingerprint.mid(fingerprint.indexOf('=') + 1));
    ASSERT_EQ(pin.size(), 95) << fingerprint.toStdString();
    ASSERT_NO_FATAL_FAILURE(startGateway(0, 0, {"--admin-tls-cert", cert, "--admin-tls-key", key}));

    FleetStore store;
    {
        ConnectionProfile p = profile(QStringLiteral("https"));
        p.pinnedSha256 = pin;
        GatewayConnection pinned(p, m_token, &store);
        pinned.start();
        ASSERT_TRUE(waitUntil([&] { return pinned.state() == State::Live; }, 10s)) << pinned.stateText().toStdString();
        const auto reply = await(pinned.call("GET", QStringLiteral("/admin/v1/whoami")));
        ASSERT_TRUE(reply && reply->ok()) << (reply ? reply->error.toStdString() : "no answer");
    }
    {
        GatewayConnection unpinned(profile(QStringLiteral("https")), m_token, &store);
        unpinned.start();
        ASSERT_TRUE(waitUntil([&] { return unpinned.state() == State::TlsError; }, 10s))
            << unpinned.stateText().toStdString();
        EXPECT_FALSE(unpinned.stateDetail().isEmpty());
    }
    {
        ConnectionProfile p = profile(QStringLiteral("https"));
        p.pinnedSha256 = QString(64, QLatin1Char('0'));
        GatewayConnection wrongPin(p, m_token, &store);
        wrongPin.start();
        ASSERT_TRUE(waitUntil([&] { return wrongPin.state() == State::TlsError; }, 10s))
            << wrongPin.stateText().toStdString();
        EXPECT_TRUE(wrongPin.stateDetail().contains(QStringLiteral("pinned"))) << wrongPin.stateDetail().toStdString();
    }
    {
        // The self-signed certificate as the trusted CA (its SAN names 127.0.0.1): Live without a pin.
        ConnectionProfile p = profile(QStringLiteral("https"));
        p.caFile = cert;
        GatewayConnection trusted(p, m_token, &store);
        trusted.start();
        ASSERT_TRUE(waitUntil([&] { return trusted.state() == State::Live; }, 10s))
            << trusted.stateText().toStdString();
    }
}

TEST_F(GatewayFixture, MutualTlsNeedsTheConsolesClientCertificate)
{
    // A server certificate, and a CA that signs the console's client certificate; the admin listener requires one.
    const QString cert = m_dir.filePath(QStringLiteral("admin-cert.pem"));
    const QString key = m_dir.filePath(QStringLiteral("admin-key.pem"));
    openssl({"req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-days", "1",
             "-subj", "/CN=modelguard-test", "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", key, "-out", cert});
    const QString caCert = m_dir.filePath(QStringLiteral("console-ca.pem"));
    const QString caKey = m_dir.filePath(QStringLiteral("console-ca-key.pem"));
    openssl({"req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-days", "1",
             "-subj", "/CN=console-ca", "-keyout", caKey, "-out", caCert});
    const QString clientKey = m_dir.filePath(QStringLiteral("console-key.pem"));
    const QString clientCsr = m_dir.filePath(QStringLiteral("console.csr"));
    const QString clientCert = m_dir.filePath(QStringLiteral("console-cert.pem"));
    openssl({"req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-subj",
             "/CN=analyst-console", "-keyout", clientKey, "-out", clientCsr});
    openssl({"x509", "-req", "-in", clientCsr, "-CA", caCert, "-CAkey", caKey, "-CAcreateserial", "-days", "1", "-out",
             clientCert});
    ASSERT_TRUE(QFile::exists(clientCert));
    ASSERT_NO_FATAL_FAILURE(
        startGateway(0, 0, {"--admin-tls-cert", cert, "--admin-tls-key", key, "--admin-client-ca", caCert}));

    FleetStore store;
    {
        ConnectionProfile p = profile(QStringLiteral("https"));
        p.caFile = cert;
        p.clientCertFile = clientCert;
        p.clientKeyFile = clientKey;
        GatewayConnection withCert(p, m_token, &store);
        withCert.start();
        ASSERT_TRUE(waitUntil([&] { return withCert.state() == State::Live; }, 10s))
            << withCert.stateText().toStdString();
        const auto reply = await(withCert.call("GET", QStringLiteral("/admin/v1/whoami")));
        ASSERT_TRUE(reply && reply->ok()) << (reply ? reply->error.toStdString() : "no answer");
    }
    {
        // The right server, the right token, but no client certificate: the handshake fails, nothing is served.
        ConnectionProfile p = profile(QStringLiteral("https"));
        p.caFile = cert;
        GatewayConnection withoutCert(p, m_token, &store);
        withoutCert.start();
        ASSERT_TRUE(waitUntil(
            [&] { return withoutCert.state() == State::TlsError || withoutCert.state() == State::Reconnecting; }, 10s))
            << withoutCert.stateText().toStdString();
        EXPECT_NE(withoutCert.state(), State::Live);
        const auto reply = await(withoutCert.call("GET", QStringLiteral("/admin/v1/whoami")));
        ASSERT_TRUE(reply.has_value());
        EXPECT_EQ(reply->status, 0) << "served without a client certificate";
    }
}
