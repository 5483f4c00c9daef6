#pragma once
// One connection of the console to a gateway's admin API: REST calls with the admin token, and the live event stream
// (SSE) feeding the FleetStore, with version check, snapshot resync, reconnect with backoff, certificate pinning.
// After every snapshot it back-fills the store with the gateway's per-minute usage of the 15 minutes before it.
// Gateway-specific steps are in methods named for them, so that a vault connection can share the rest later.

#include "client/ApiReply.h"
#include "client/ConnectionProfile.h"
#include "client/SseParser.h"

#include <QByteArray>
#include <QCoroTask>
#include <QElapsedTimer>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QNetworkAccessManager>
#include <QObject>
#include <QPointer>
#include <QSslConfiguration>
#include <QSslError>
#include <QTimer>

#include <chrono>
#include <optional>

class QNetworkReply;

namespace modelguard::client {

class FleetStore;

class GatewayConnection : public QObject
{
    Q_OBJECT
public:
    enum class State {
        Disconnected,
        Connecting,
        Live,
        Reconnecting,
        Unauthorised,
        TlsError,
        Incompatible,
        ProtocolError
    };
    Q_ENUM(State)

    static constexpr int kApiVersion = 1;

    GatewayConnection(ConnectionProfile profile, QString token, FleetStore* store, QObject* parent = nullptr);
    ~GatewayConnection() override;

    State state() const { return m_state; }
    /// e.g. "Reconnecting in 4 s (connection refused)"
    QString stateText() const;
    /// The detail of the current state (the error, or empty).
    QString stateDetail() const { return m_detail; }
    /// From /admin/v1/health once connected.
    QString gatewayId() const { return m_gatewayId; }
    /// "admin" | "viewer" from /admin/v1/whoami.
    QString role() const { return m_role; }
    const ConnectionProfile& profile() const { return m_profile; }

    /// health (version check: api_version 1) -> whoami -> snapshot -> SSE events; reconnects with backoff.
    void start();
    /// Stops the stream and every retry; state Disconnected. The store keeps what it has.
    void stop();
    bool isRunning() const { return m_running; }
    /// Replaces profile and (if given) token; restarts when it was running.
    void reconfigure(ConnectionProfile profile, std::optional<QString> token);

    /// REST call on the admin API with the token; timeout (default 10 s); JSON body optional (null/undefined = none).
    /// `path` is relative to the admin URL, e.g. "/admin/v1/keys?client=acme".
    QCoro::Task<ApiReply> call(QByteArray method, QString path, QJsonValue body = {},
                               std::chrono::milliseconds timeout = std::chrono::seconds(10));

    /// The id of the last event applied (during eventReceived: the id of that event).
    quint64 lastEventId() const { return m_lastEventId; }

    /// Back-fills the store with the client's per-minute usage on this gateway from 15 minutes before the last
    /// snapshot on (GET /admin/v1/clients/{client}/usage): FleetStore::clientSeries() then covers the time before the
    /// live events too. False (store unchanged) without a snapshot yet or when the call fails.
    QCoro::Task<bool> fetchClientUsageHistory(QString clientId);

    /// A stream that delivers nothing (not even a keep-alive comment) for this long is treated as dead (45 s).
    void setStreamIdleTimeout(std::chrono::milliseconds timeout) { m_streamIdleTimeout = timeout; }
    /// The limit of one event's size on the stream (1 MiB).
    void setMaxEventBytes(qsizetype bytes) { m_maxEventBytes = bytes; }

signals:
    void stateChanged(modelguard::client::GatewayConnection::State state, const QString& detail);
    void eventReceived(const QString& type, const QJsonObject& data); ///< after the store applied it

private:
    enum class Failure { Network, Unauthorised, Tls, Incompatible, Protocol };
    struct CallResult
    {
        ApiReply reply;
        bool tls = false; ///< the failure was a TLS one (handshake, pin, certificate files)
    };

    void setState(State state, const QString& detail);
    QCoro::Task<void> runAttempt(quint64 generation);
    /// health -> version check; fills m_gatewayId. Returns false after handling a failure.
    QCoro::Task<bool> checkGatewayHealth(quint64 generation);
    QCoro::Task<bool> fetchWhoami(quint64 generation);
    QCoro::Task<bool> fetchGatewaySnapshot(quint64 generation);
    void openGatewayEvents(quint64 generation);
    QCoro::Task<void> resyncGateway(quint64 generation);
    /// After a snapshot: the gateway's per-minute usage from 15 minutes before it (GET /admin/v1/usage) into the
    /// store. A failure (e.g. an older gateway without the endpoint) only leaves the charts without back-fill.
    QCoro::Task<void> fetchGatewayHistory(quint64 generation);
    /// "?from_ms=..." for the usage endpoints: 15 minutes before the last snapshot, on a minute boundary.
    QString historyQuery() const;
    void onStreamData();
    void onStreamFinished();
    bool checkStreamHead();
    void handleEvent(const SseParser::Event& event);
    void closeStream();
    /// Ends the current attempt: state, then a retry after a delay suited to the failure.
    void fail(Failure failure, const QString& detail);
    void scheduleRetry(std::chrono::milliseconds delay);
    std::chrono::milliseconds nextBackoff();
    bool current(quint64 generation) const { return m_running && generation == m_generation; }
    QCoro::Task<CallResult> request(QByteArray method, QString path, QJsonValue body,
                                    std::chrono::milliseconds timeout);
    static Failure classify(const CallResult& result);
    QString normalisedPin() const;

    QNetworkRequest makeRequest(const QString& path) const;
    void prepareTls();
    void watchTls(QNetworkReply* reply);

    ConnectionProfile m_profile;
    QString m_token;
    QPointer<FleetStore> m_store;
    QNetworkAccessManager m_nam;
    std::optional<QSslConfiguration> m_tls; ///< https only
    QString m_tlsSetupError;                ///< a CA/client-certificate file could not be loaded
    State m_state = State::Disconnected;
    QString m_detail;
    QString m_gatewayId;
    QString m_role;
    quint64 m_lastEventId = 0;
    qint64 m_snapshotTimeMs = 0; ///< the last snapshot's time_ms (gateway clock); 0 = none yet
    bool m_running = false;
    bool m_everConnected = false;
    bool m_needSnapshot = true;
    quint64 m_generation = 0; ///< bumps on every attempt/stop: stale coroutines and replies see it and stop
    int m_failures = 0;       ///< consecutive failed attempts (backoff exponent)
    QTimer m_retryTimer;
    QElapsedTimer m_retryClock;
    std::chrono::milliseconds m_retryDelay {0};
    QPointer<QNetworkReply> m_stream;
    std::optional<SseParser> m_parser;
    bool m_streamHeadChecked = false;
    int m_streamEvents = 0;
    QTimer m_idleTimer;
    std::chrono::milliseconds m_streamIdleTimeout {45'000};
    qsizetype m_maxEventBytes = 1 << 20;
    QList<QPointer<QNetworkReply>> m_calls; ///< in-flight REST replies (aborted on destruction)
    bool m_destroying = false;
};

} // namespace modelguard::client
