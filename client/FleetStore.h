#pragma once
// The console's aggregated, thread-safe model of the fleet (all gateways). Writers are the connections (snapshot +
// live events of the admin API contract); readers (views) get copies. Per client per gateway: 1-second usage ring
// buffers covering 15 minutes and a bounded risk history. Memory is bounded: clients idle for more than 1 h with no
// risk are evicted, alerts are capped at 1000, old seconds fall out of the rings. The time before the live events
// (before the last snapshot) is back-filled from the gateways' per-minute usage history (applyUsageHistory()).

#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QMutex>
#include <QObject>
#include <QPair>
#include <QReadWriteLock>
#include <QString>
#include <QStringList>
#include <QTimer>
#include <QVector>

#include <atomic>
#include <map>
#include <memory>
#include <optional>

namespace modelguard::client {

struct RiskContribution
{
    QString feature;
    double share = 0;
    QString sentence;
};

struct ClientRow
{
    QString clientId;
    QStringList gateways;
    QStringList keyPrefixes;
    double requestsPerMin = 0, tokensPerMin = 0, quotaUsedPct = 0, riskScore = 0;
    QString action; ///< "none" | "strip_logits" | "throttle" | "block"
    bool pinned = false;
    QList<RiskContribution> contributions;
    qint64 lastSeenMs = 0;
};

/// What the Overview shows of the clients: counts over all of them and the riskiest few as full rows.
struct FleetSummary
{
    qsizetype clients = 0;  ///< distinct client ids across gateways
    qsizetype atRisk = 0;   ///< clients whose (highest) risk score is at least the threshold
    qsizetype enforced = 0; ///< clients throttled or blocked on at least one gateway
    QVector<ClientRow> top; ///< the riskiest clients, highest first (ties by client id)
};

struct AlertRow
{
    QString gatewayId;
    qint64 id = 0;
    qint64 timeMs = 0;
    QString severity;
    QString clientId;
    QString reason;
    bool acknowledged = false;
};

struct SeriesPoint
{
    qint64 timeMs = 0;
    double requestsPerSec = 0;
    double tokensPerSec = 0;
};

class FleetStore : public QObject
{
    Q_OBJECT
public:
    static constexpr int kRingSeconds = 15 * 60;        ///< usage history per client per gateway
    static constexpr int kRiskHistoryPoints = 1000;     ///< risk points kept per client per gateway
    static constexpr qsizetype kMaxAlerts = 1000;       ///< oldest alerts are dropped beyond this
    static constexpr qint64 kIdleEvictionMs = 3600'000; ///< idle clients with no risk are evicted after this

    explicit FleetStore(QObject* parent = nullptr);
    ~FleetStore() override;

    /// Replaces that gateway's clients and alerts with the snapshot's (usage history of clients that remain is kept).
    void applySnapshot(const QString& gatewayId, const QJsonObject& snapshot);
    /// One live event ("usage", "risk", "action", "alert", "admin"; others are ignored).
    void applyEvent(const QString& gatewayId, const QString& type, const QJsonObject& data);
    /// The gateway's per-minute usage history, the answer of GET /admin/v1/usage ({time_ms, points: [{minute_ms,
    /// requests, prompt_tokens, completion_tokens}]}): fleetSeries() shows it for the seconds before the gateway's
    /// last snapshot, where the live events begin. Each minute is spread evenly over its seconds as a per-second rate,
    /// less what the live ring already holds of it (usage before time_ms, the gateway's clock when it was read; without
    /// time_ms: estimated from the snapshot's time). Replaces the gateway's previous history.
    void applyUsageHistory(const QString& gatewayId, const QJsonObject& history);
    /// The same for one client on that gateway (GET /admin/v1/clients/{client}/usage), for clientSeries(). Ignored
    /// when the gateway does not know the client.
    void applyClientUsageHistory(const QString& gatewayId, const QString& clientId, const QJsonObject& history);
    /// The gateway clock's time of the gateway's last snapshot (where its live events begin); 0 if none yet.
    qint64 liveSinceMs(const QString& gatewayId) const;
    void removeGateway(const QString& gatewayId);

    QVector<ClientRow> clients() const; ///< merged across gateways by client id, sorted by client id
    std::optional<ClientRow> client(const QString& clientId) const;
    /// The client ids of every gateway, sorted, without duplicates — for pickers (cheap: no rows, no usage sums).
    QStringList clientIds() const;
    /// Counts and the `topK` riskiest clients without building a row per client (the Overview redraws with 10k
    /// clients several times a second: only the top rows pay for usage sums and string lists).
    FleetSummary summary(int topK, double atRiskScore) const;
    /// Fleet-wide usage per second from max(sinceMs, now - 15 min) to now (one point per second, zeros included):
    /// the live events, and before them the back-filled history.
    QVector<SeriesPoint> fleetSeries(qint64 sinceMs) const;
    QVector<SeriesPoint> clientSeries(const QString& clientId, qint64 sinceMs) const;
    /// (time_ms, score) of the client's risk history on every gateway, oldest first.
    QVector<QPair<qint64, double>> riskSeries(const QString& clientId) const;
    QVector<AlertRow> alerts() const; ///< newest first
    void acknowledgeAlert(const QString& gatewayId, qint64 alertId);
    quint64 revision() const; ///< increments on every change

    /// Drops clients idle (no usage) since before nowMs - 1 h with no risk, no action and no pin. Runs every minute
    /// by itself; public for tests. Returns how many client entries (per gateway) were dropped.
    int evictIdle(qint64 nowMs);

signals:
    void changed(); ///< coalesced: at most once per 100 ms, on the store's thread
    void alertRaised(const modelguard::client::AlertRow& alert);

private:
    struct Bucket
    {
        qint64 second = -1;
        double requests = 0;
        double tokens = 0;
    };
    struct Ring
    {
        std::vector<Bucket> buckets; ///< kRingSeconds entries once used, indexed by second % kRingSeconds
        void add(qint64 second, double requests, double tokens);
        void sumInto(qint64 fromSecond, qint64 toSecond, std::vector<SeriesPoint>& out) const;
        QPair<double, double> sum(qint64 fromSecond, qint64 toSecond) const;
    };
    /// Per-minute usage from a gateway's store, shown for the seconds before the live events.
    struct History
    {
        std::map<qint64, QPair<double, double>> minutes; ///< minute start (ms) -> (requests, tokens)
        qint64 liveFromSecond = 0; ///< the live ring counts from this second on; the history before it
        qint64 asOfSecond = 0;     ///< the history holds the live usage up to and including this second (gateway clock)
        /// Adds the history's share of [fromSecond, toSecond] (what the ring does not hold) to out.
        void addInto(const Ring& live, qint64 fromSecond, qint64 toSecond, std::vector<SeriesPoint>& out) const;
    };
    struct ClientState
    {
        QStringList keyPrefixes;
        double baseRequestsPerMin = 0; ///< from the snapshot
        double baseTokensPerMin = 0;
        qint64 baseTimeMs = 0; ///< when the snapshot was taken (gateway clock); 0 = no snapshot base
        double quotaUsedPct = 0;
        double riskScore = 0;
        QString action = QStringLiteral("none");
        bool pinned = false;
        QList<RiskContribution> contributions;
        qint64 lastSeenMs = 0;
        qint64 touchedMs = 0; ///< last time anything about the client arrived
        Ring usage;
        std::optional<History> history;          ///< back-fill of usage (when the Clients view asked for it)
        std::vector<QPair<qint64, double>> risk; ///< bounded history
    };
    struct GatewayState
    {
        std::map<QString, ClientState> clients;
        Ring fleet;                     ///< the sum of the gateway's client rings (fleetSeries reads only this)
        std::optional<History> history; ///< back-fill of fleet
        qint64 snapshotTimeMs = 0;      ///< the last snapshot's time_ms (gateway clock): live events from here on
        qint64 snapshotLocalMs = 0;     ///< this machine's clock when that snapshot was applied
    };

    void markChanged(); ///< after a write (lock released): bumps the revision, schedules changed()
    void applyUsage(GatewayState& gw, const QJsonObject& data, qint64 nowMs);
    static void applyClientJson(ClientState& state, const QJsonObject& client, qint64 snapshotTimeMs);
    static void appendRisk(ClientState& state, qint64 timeMs, double score);
    static History historyFromJson(const GatewayState& gw, const QJsonObject& json, qint64 nowMs);
    static void seriesInto(const Ring& live, const std::optional<History>& history, qint64 fromSecond, qint64 toSecond,
                           std::vector<SeriesPoint>& out);
    static AlertRow alertFromJson(const QString& gatewayId, const QJsonObject& alert);
    static ClientRow rowFor(const QString& clientId, const std::vector<std::pair<QString, const ClientState*>>& parts,
                            qint64 nowMs);
    void insertAlertLocked(const AlertRow& alert);
    /// The client's state on the gateway, created if new (which counts as a membership change). Write lock held.
    ClientState& clientFor(GatewayState& gw, const QString& clientId);

    mutable QReadWriteLock m_lock;
    std::map<QString, GatewayState> m_gateways;
    QList<AlertRow> m_alerts; ///< newest first, capped
    std::atomic<quint64> m_revision {0};
    std::atomic<quint64> m_membership {0}; ///< bumped whenever a client appears or disappears on some gateway
    mutable QMutex m_idsCacheMutex;
    mutable quint64 m_idsCacheMembership = ~quint64 {0};
    mutable QStringList m_idsCache; ///< clientIds() as of m_idsCacheMembership
    std::atomic<bool> m_changePending {false};
    QTimer m_changedTimer;
    QTimer m_evictTimer;
};

} // namespace modelguard::client

Q_DECLARE_METATYPE(modelguard::client::AlertRow)
Q_DECLARE_METATYPE(modelguard::client::ClientRow)
