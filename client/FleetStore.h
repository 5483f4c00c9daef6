#pragma once
// The console's aggregated, thread-safe model of the fleet (all gateways). Writers are the connections (snapshot +
// live events of the admin API contract); readers (views) get copies. Per client per gateway: 1-second usage ring
// buffers covering 15 minutes and a bounded risk history. Memory is bounded: clients idle for more than 1 h with no
// risk are evicted, alerts are capped at 1000, old seconds fall out of the rings.

#include <QJsonObject>
#include <QList>
#include <QMetaType>
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
    void removeGateway(const QString& gatewayId);

    QVector<ClientRow> clients() const; ///< merged across gateways by client id, sorted by client id
    std::optional<ClientRow> client(const QString& clientId) const;
    /// Fleet-wide usage per second from max(sinceMs, now - 15 min) to now (one point per second, zeros included).
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
        std::vector<QPair<qint64, double>> risk; ///< bounded history
    };
    struct GatewayState
    {
        std::map<QString, ClientState> clients;
        Ring fleet; ///< the sum of the gateway's client rings (fleetSeries reads only this)
    };

    void markChanged(); ///< after a write (lock released): bumps the revision, schedules changed()
    void applyUsage(GatewayState& gw, const QJsonObject& data, qint64 nowMs);
    static void applyClientJson(ClientState& state, const QJsonObject& client, qint64 snapshotTimeMs);
    static void appendRisk(ClientState& state, qint64 timeMs, double score);
    static AlertRow alertFromJson(const QString& gatewayId, const QJsonObject& alert);
    static ClientRow rowFor(const QString& clientId, const std::vector<std::pair<QString, const ClientState*>>& parts,
                            qint64 nowMs);
    void insertAlertLocked(const AlertRow& alert);

    mutable QReadWriteLock m_lock;
    std::map<QString, GatewayState> m_gateways;
    QList<AlertRow> m_alerts; ///< newest first, capped
    std::atomic<quint64> m_revision {0};
    std::atomic<bool> m_changePending {false};
    QTimer m_changedTimer;
    QTimer m_evictTimer;
};

} // namespace modelguard::client

Q_DECLARE_METATYPE(modelguard::client::AlertRow)
Q_DECLARE_METATYPE(modelguard::client::ClientRow)
