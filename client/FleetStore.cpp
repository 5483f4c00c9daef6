// The console's fleet model, see FleetStore.h.

#include "client/FleetStore.h"

#include <QDateTime>
#include <QJsonArray>
#include <QMetaObject>
#include <QThread>

#include <algorithm>
#include <set>

namespace modelguard::client {

namespace {

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

qint64 toMs(const QJsonValue& v)
{
    return static_cast<qint64>(v.toDouble());
}

int actionRank(const QString& action)
{
    if (action == QLatin1String("block")) {
        return 3;
    }
    if (action == QLatin1String("throttle")) {
        return 2;
    }
    if (action == QLatin1String("strip_logits")) {
        return 1;
    }
    return 0;
}

QList<RiskContribution> contributionsFromJson(const QJsonArray& array)
{
    QList<RiskContribution> out;
    out.reserve(array.size());
    for (const QJsonValue& v : array) {
        const QJsonObject o = v.toObject();
        out.append({o.value(QLatin1String("feature")).toString(), o.value(QLatin1String("share")).toDouble(),
                    o.value(QLatin1String("sentence")).toString()});
    }
    return out;
}

} // namespace

// ---- Ring ----------------------------------------------------------------------------------------------------------

void FleetStore::Ring::add(qint64 second, double requests, double tokens)
{
    if (buckets.empty()) {
        buckets.resize(kRingSeconds);
    }
    Bucket& b = buckets[static_cast<std::size_t>(second % kRingSeconds)];
    if (b.second != second) {
        if (b.second > second) { // the slot holds a newer second: this one is older than the ring
            return;
        }
        b = Bucket {second, 0, 0};
    }
    b.requests += requests;
    b.tokens += tokens;
}

void FleetStore::Ring::sumInto(qint64 fromSecond, qint64 toSecond, std::vector<SeriesPoint>& out) const
{
    if (buckets.empty()) {
        return;
    }
    for (qint64 s = fromSecond; s <= toSecond; ++s) {
        const Bucket& b = buckets[static_cast<std::size_t>(s % kRingSeconds)];
        if (b.second == s) {
            SeriesPoint& p = out[static_cast<std::size_t>(s - fromSecond)];
            p.requestsPerSec += b.requests;
            p.tokensPerSec += b.tokens;
        }
    }
}

QPair<double, double> FleetStore::Ring::sum(qint64 fromSecond, qint64 toSecond) const
{
    QPair<double, double> total {0, 0};
    if (buckets.empty()) {
        return total;
    }
    for (qint64 s = fromSecond; s <= toSecond; ++s) {
        const Bucket& b = buckets[static_cast<std::size_t>(s % kRingSeconds)];
        if (b.second == s) {
            total.first += b.requests;
            total.second += b.tokens;
        }
    }
    return total;
}

// ---- History -------------------------------------------------------------------------------------------------------

void FleetStore::History::addInto(const Ring& live, qint64 fromSecond, qint64 toSecond,
                                  std::vector<SeriesPoint>& out) const
{
    for (const auto& [minuteMs, usage] : minutes) {
        const qint64 first = minuteMs / 1000;
        const qint64 end = first + 60; // exclusive
        // The seconds of this minute before the live events: the minute's usage is spread over them.
        const qint64 uncoveredEnd = std::min(end, liveFromSecond);
        const qint64 uncovered = uncoveredEnd - first;
        if (uncovered <= 0 || uncoveredEnd <= fromSecond || first > toSecond) {
            continue;
        }
        // What the ring holds of the minute from liveFromSecond until the history was read is in both: count it once.
        // The second of the read counts as read: a usage event that reached the console before the read was made
        // carries a time at or before it, so its requests are in the history.
        const auto [liveRequests, liveTokens] =
            live.sum(std::max(first, liveFromSecond), std::min(end - 1, asOfSecond));
        const double requests = std::max(0.0, usage.first - liveRequests) / static_cast<double>(uncovered);
        const double tokens = std::max(0.0, usage.second - liveTokens) / static_cast<double>(uncovered);
        const qint64 last = std::min(uncoveredEnd - 1, toSecond);
        for (qint64 s = std::max(first, fromSecond); s <= last; ++s) {
            SeriesPoint& p = out[static_cast<std::size_t>(s - fromSecond)];
            p.requestsPerSec += requests;
            p.tokensPerSec += tokens;
        }
    }
}

void FleetStore::seriesInto(const Ring& live, const std::optional<History>& history, qint64 fromSecond, qint64 toSecond,
                            std::vector<SeriesPoint>& out)
{
    if (!history) {
        live.sumInto(fromSecond, toSecond, out);
        return;
    }
    // Before the live events the history is complete (the ring may hold leftovers with gaps there).
    history->addInto(live, fromSecond, toSecond, out);
    const qint64 liveFrom = std::max(fromSecond, history->liveFromSecond);
    if (liveFrom <= toSecond) {
        std::vector<SeriesPoint> tail(static_cast<std::size_t>(toSecond - liveFrom + 1));
        live.sumInto(liveFrom, toSecond, tail);
        for (std::size_t i = 0; i < tail.size(); ++i) {
            SeriesPoint& p = out[static_cast<std::size_t>(liveFrom - fromSecond) + i];
            p.requestsPerSec += tail[i].requestsPerSec;
            p.tokensPerSec += tail[i].tokensPerSec;
        }
    }
}

FleetStore::History FleetStore::historyFromJson(const GatewayState& gw, const QJsonObject& json, qint64 now)
{
    History h;
    qint64 asOfMs = toMs(json.value(QLatin1String("time_ms")));
    if (asOfMs <= 0) {
        // Not given: the gateway's clock now, estimated from the last snapshot's time.
        asOfMs = gw.snapshotTimeMs > 0 ? gw.snapshotTimeMs + (now - gw.snapshotLocalMs) : now;
    }
    h.asOfSecond = asOfMs / 1000;
    h.liveFromSecond = (gw.snapshotTimeMs > 0 ? std::min(gw.snapshotTimeMs, asOfMs) : asOfMs) / 1000;
    const qint64 oldestMs = asOfMs - 2LL * kRingSeconds * 1000; // more is never shown
    for (const QJsonValue& v : json.value(QLatin1String("points")).toArray()) {
        const QJsonObject p = v.toObject();
        const qint64 minuteMs = toMs(p.value(QLatin1String("minute_ms")));
        if (minuteMs < oldestMs || minuteMs % 60'000 != 0) {
            continue;
        }
        auto& [requests, tokens] = h.minutes[minuteMs];
        requests += std::max(0.0, p.value(QLatin1String("requests")).toDouble());
        tokens += std::max(0.0, p.value(QLatin1String("prompt_tokens")).toDouble())
                  + std::max(0.0, p.value(QLatin1String("completion_tokens")).toDouble());
    }
    return h;
}

// ---- FleetStore ----------------------------------------------------------------------------------------------------

FleetStore::FleetStore(QObject* parent)
    : QObject(parent)
{
    qRegisterMetaType<modelguard::client::AlertRow>();
    qRegisterMetaType<modelguard::client::ClientRow>();
    m_changedTimer.setSingleShot(true);
    m_changedTimer.setInterval(100);
    connect(&m_changedTimer, &QTimer::timeout, this, [this] {
        m_changePending.store(false);
        emit changed();
    });
    m_evictTimer.setInterval(60'000);
    connect(&m_evictTimer, &QTimer::timeout, this, [this] { evictIdle(nowMs()); });
    m_evictTimer.start();
}

FleetStore::~FleetStore() = default;

void FleetStore::markChanged()
{
    ++m_revision;
    if (m_changePending.exchange(true)) {
        return; // a changed() is already scheduled
    }
    if (QThread::currentThread() == thread()) {
        m_changedTimer.start();
    } else {
        QMetaObject::invokeMethod(
            this, [this] { m_changedTimer.start(); }, Qt::QueuedConnection);
    }
}

void FleetStore::appendRisk(ClientState& state, qint64 timeMs, double score)
{
    if (!state.risk.empty() && state.risk.back().first == timeMs && state.risk.back().second == score) {
        return;
    }
    state.risk.emplace_back(timeMs, score);
    if (state.risk.size() > static_cast<std::size_t>(kRiskHistoryPoints)) {
        state.risk.erase(state.risk.begin(),
                         state.risk.begin() + static_cast<std::ptrdiff_t>(state.risk.size() - kRiskHistoryPoints));
    }
}

void FleetStore::applyClientJson(ClientState& state, const QJsonObject& c, qint64 snapshotTimeMs)
{
    state.keyPrefixes.clear();
    for (const QJsonValue& v : c.value(QLatin1String("key_prefixes")).toArray()) {
        state.keyPrefixes.append(v.toString());
    }
    state.baseRequestsPerMin = c.value(QLatin1String("requests_per_min")).toDouble();
    state.baseTokensPerMin = c.value(QLatin1String("tokens_per_min")).toDouble();
    state.baseTimeMs = snapshotTimeMs;
    state.quotaUsedPct = c.value(QLatin1String("quota_used_pct")).toDouble();
    const QJsonObject risk = c.value(QLatin1String("risk")).toObject();
    state.riskScore = risk.value(QLatin1String("score")).toDouble();
    state.action = risk.value(QLatin1String("action")).toString(QStringLiteral("none"));
    state.pinned = risk.value(QLatin1String("pinned")).toBool();
    state.contributions = contributionsFromJson(risk.value(QLatin1String("contributions")).toArray());
    state.lastSeenMs = std::max(state.lastSeenMs, toMs(c.value(QLatin1String("last_seen_ms"))));
    state.touchedMs = nowMs();
    if (state.riskScore > 0 || !state.risk.empty()) {
        appendRisk(state, snapshotTimeMs, state.riskScore);
    }
}

AlertRow FleetStore::alertFromJson(const QString& gatewayId, const QJsonObject& a)
{
    AlertRow row;
    row.gatewayId = gatewayId;
    row.id = toMs(a.value(QLatin1String("id")));
    row.timeMs = toMs(a.value(QLatin1String("time_ms")));
    row.severity = a.value(QLatin1String("severity")).toString();
    row.clientId = a.value(QLatin1String("client")).toString();
    row.reason = a.value(QLatin1String("reason")).toString();
    row.acknowledged = a.value(QLatin1String("acknowledged")).toBool();
    return row;
}

void FleetStore::insertAlertLocked(const AlertRow& alert)
{
    // Newest first (by time, then id); the list is short (capped), a linear insert is fine.
    auto pos = std::find_if(m_alerts.begin(), m_alerts.end(), [&](const AlertRow& a) {
        return a.timeMs < alert.timeMs || (a.timeMs == alert.timeMs && a.id < alert.id);
    });
    m_alerts.insert(pos, alert);
    while (m_alerts.size() > kMaxAlerts) {
        m_alerts.removeLast();
    }
}

void FleetStore::applySnapshot(const QString& gatewayId, const QJsonObject& snapshot)
{
    if (gatewayId.isEmpty()) {
        return;
    }
    qint64 timeMs = toMs(snapshot.value(QLatin1String("time_ms")));
    if (timeMs <= 0) {
        timeMs = nowMs();
    }
    {
        QWriteLocker lock(&m_lock);
        GatewayState& gw = m_gateways[gatewayId];
        gw.snapshotTimeMs = timeMs;
        gw.snapshotLocalMs = nowMs();
        std::map<QString, ClientState> next;
        for (const QJsonValue& v : snapshot.value(QLatin1String("clients")).toArray()) {
            const QJsonObject c = v.toObject();
            const QString id = c.value(QLatin1String("id")).toString();
            if (id.isEmpty()) {
                continue;
            }
            ClientState state;
            if (auto old = gw.clients.find(id); old != gw.clients.end()) {
                state = std::move(old->second); // keeps the usage and risk history
            }
            applyClientJson(state, c, timeMs);
            next.insert_or_assign(id, std::move(state));
        }
        gw.clients = std::move(next);
        ++m_membership;

        m_alerts.removeIf([&](const AlertRow& a) { return a.gatewayId == gatewayId; });
        for (const QJsonValue& v : snapshot.value(QLatin1String("alerts")).toArray()) {
            insertAlertLocked(alertFromJson(gatewayId, v.toObject()));
        }
    }
    markChanged();
}

void FleetStore::applyUsage(GatewayState& gw, const QJsonObject& data, qint64 now)
{
    qint64 timeMs = toMs(data.value(QLatin1String("time_ms")));
    if (timeMs <= 0) {
        timeMs = now;
    }
    const qint64 second = timeMs / 1000;
    double fleetRequests = 0, fleetTokens = 0;
    for (const QJsonValue& v : data.value(QLatin1String("clients")).toArray()) {
        const QJsonObject c = v.toObject();
        const QString id = c.value(QLatin1String("client")).toString();
        if (id.isEmpty()) {
            continue;
        }
        const double requests = std::max(0.0, c.value(QLatin1String("requests")).toDouble());
        const double tokens = std::max(0.0, c.value(QLatin1String("prompt_tokens")).toDouble())
                              + std::max(0.0, c.value(QLatin1String("completion_tokens")).toDouble());
        ClientState& state = clientFor(gw, id);
        state.usage.add(second, requests, tokens);
        if (const QJsonValue quota = c.value(QLatin1String("quota_used_pct")); quota.isDouble()) {
            state.quotaUsedPct = std::clamp(quota.toDouble(), 0.0, 1e6); // live, between snapshots
        }
        state.touchedMs = now;
        if (requests > 0 || tokens > 0 || c.value(QLatin1String("rejected")).toDouble() > 0) {
            state.lastSeenMs = std::max(state.lastSeenMs, timeMs);
        }
        fleetRequests += requests;
        fleetTokens += tokens;
    }
    gw.fleet.add(second, fleetRequests, fleetTokens);
}

void FleetStore::applyEvent(const QString& gatewayId, const QString& type, const QJsonObject& data)
{
    if (gatewayId.isEmpty()) {
        return;
    }
    std::optional<AlertRow> raised;
    const qint64 now = nowMs();
    {
        QWriteLocker lock(&m_lock);
        GatewayState& gw = m_gateways[gatewayId];
        if (type == QLatin1String("usage")) {
            applyUsage(gw, data, now);
        } else if (type == QLatin1String("risk")) {
            const QString id = data.value(QLatin1String("client")).toString();
            if (id.isEmpty()) {
                return;
            }
            ClientState& state = clientFor(gw, id);
            state.riskScore = data.value(QLatin1String("score")).toDouble();
            if (data.contains(QLatin1String("action"))) {
                state.action = data.value(QLatin1String("action")).toString(QStringLiteral("none"));
            }
            if (data.contains(QLatin1String("pinned"))) {
                state.pinned = data.value(QLatin1String("pinned")).toBool();
            }
            if (data.contains(QLatin1String("contributions"))) {
                state.contributions = contributionsFromJson(data.value(QLatin1String("contributions")).toArray());
            }
            const qint64 t = toMs(data.value(QLatin1String("time_ms")));
            appendRisk(state, t > 0 ? t : now, state.riskScore);
            state.touchedMs = now;
        } else if (type == QLatin1String("action")) {
            const QString id = data.value(QLatin1String("client")).toString();
            if (id.isEmpty()) {
                return;
            }
            ClientState& state = clientFor(gw, id);
            const QString action = data.value(QLatin1String("action")).toString();
            state.action = (action.isEmpty() || action == QLatin1String("clear")) ? QStringLiteral("none") : action;
            if (data.contains(QLatin1String("pinned"))) {
                state.pinned = data.value(QLatin1String("pinned")).toBool();
            } else if (data.value(QLatin1String("source")).toString() == QLatin1String("admin")) {
                state.pinned = state.action != QLatin1String("none"); // an admin's action pins the client
            }
            state.touchedMs = now;
        } else if (type == QLatin1String("alert")) {
            AlertRow row = alertFromJson(gatewayId, data);
            const bool known = std::any_of(m_alerts.cbegin(), m_alerts.cend(), [&](const AlertRow& a) {
                return a.gatewayId == gatewayId && a.id == row.id;
            });
            if (known) {
                return;
            }
            if (row.timeMs <= 0) {
                row.timeMs = now;
            }
            insertAlertLocked(row);
            raised = row;
        } else if (type != QLatin1String("admin")) {
            return; // unknown types change nothing
        }
    }
    markChanged();
    if (raised) {
        emit alertRaised(*raised);
    }
}

void FleetStore::applyUsageHistory(const QString& gatewayId, const QJsonObject& history)
{
    if (gatewayId.isEmpty()) {
        return;
    }
    {
        QWriteLocker lock(&m_lock);
        GatewayState& gw = m_gateways[gatewayId];
        gw.history = historyFromJson(gw, history, nowMs());
    }
    markChanged();
}

void FleetStore::applyClientUsageHistory(const QString& gatewayId, const QString& clientId, const QJsonObject& history)
{
    {
        QWriteLocker lock(&m_lock);
        auto gw = m_gateways.find(gatewayId);
        if (gw == m_gateways.end()) {
            return;
        }
        auto state = gw->second.clients.find(clientId);
        if (state == gw->second.clients.end()) {
            return;
        }
        state->second.history = historyFromJson(gw->second, history, nowMs());
    }
    markChanged();
}

qint64 FleetStore::liveSinceMs(const QString& gatewayId) const
{
    QReadLocker lock(&m_lock);
    auto gw = m_gateways.find(gatewayId);
    return gw == m_gateways.end() ? 0 : gw->second.snapshotTimeMs;
}

void FleetStore::removeGateway(const QString& gatewayId)
{
    {
        QWriteLocker lock(&m_lock);
        m_gateways.erase(gatewayId);
        ++m_membership;
        m_alerts.removeIf([&](const AlertRow& a) { return a.gatewayId == gatewayId; });
    }
    markChanged();
}

ClientRow FleetStore::rowFor(const QString& clientId, const std::vector<std::pair<QString, const ClientState*>>& parts,
                             qint64 now)
{
    ClientRow row;
    row.clientId = clientId;
    row.action = QStringLiteral("none");
    const qint64 nowSecond = now / 1000;
    const qint64 windowStartSecond = nowSecond - 59; // the ring's last 60 one-second buckets
    const qint64 windowStartMs = now - 60'000;
    double bestRisk = -1;
    for (const auto& [gatewayId, s] : parts) {
        row.gateways.append(gatewayId);
        for (const QString& p : s->keyPrefixes) {
            if (!row.keyPrefixes.contains(p)) {
                row.keyPrefixes.append(p);
            }
        }
        // Requests/tokens per minute: the ring's last 60 s; the part of the window before the snapshot (if any) is
        // filled from the snapshot's rate.
        qint64 from = windowStartSecond;
        double baseFraction = 0;
        if (s->baseTimeMs > windowStartMs) {
            from = s->baseTimeMs / 1000;
            baseFraction = std::min(1.0, static_cast<double>(s->baseTimeMs - windowStartMs) / 60'000.0);
        }
        const auto [requests, tokens] = s->usage.sum(from, nowSecond);
        row.requestsPerMin += requests + s->baseRequestsPerMin * baseFraction;
        row.tokensPerMin += tokens + s->baseTokensPerMin * baseFraction;
        row.quotaUsedPct = std::max(row.quotaUsedPct, s->quotaUsedPct);
        if (s->riskScore > bestRisk) {
            bestRisk = s->riskScore;
            row.riskScore = s->riskScore;
            row.contributions = s->contributions;
        }
        if (actionRank(s->action) > actionRank(row.action)) {
            row.action = s->action;
        }
        row.pinned = row.pinned || s->pinned;
        row.lastSeenMs = std::max(row.lastSeenMs, s->lastSeenMs);
    }
    return row;
}

QVector<ClientRow> FleetStore::clients() const
{
    const qint64 now = nowMs();
    QReadLocker lock(&m_lock);
    std::map<QString, std::vector<std::pair<QString, const ClientState*>>> byClient;
    for (const auto& [gatewayId, gw] : m_gateways) {
        for (const auto& [clientId, state] : gw.clients) {
            byClient[clientId].emplace_back(gatewayId, &state);
        }
    }
    QVector<ClientRow> rows;
    rows.reserve(static_cast<qsizetype>(byClient.size()));
    for (const auto& [clientId, parts] : byClient) {
        rows.append(rowFor(clientId, parts, now));
    }
    return rows;
}

FleetStore::ClientState& FleetStore::clientFor(GatewayState& gw, const QString& clientId)
{
    auto [it, inserted] = gw.clients.try_emplace(clientId);
    if (inserted)
        ++m_membership;
    return it->second;
}

QStringList FleetStore::clientIds() const
{
    QReadLocker lock(&m_lock);
    // The set of ids changes rarely (a new client, an eviction, a snapshot) while the pages ask on every change: the
    // list is kept until the membership changes.
    QMutexLocker cacheLock(&m_idsCacheMutex);
    const quint64 membership = m_membership.load();
    if (m_idsCacheMembership == membership)
        return m_idsCache;
    QStringList ids;
    for (const auto& [gatewayId, gw] : m_gateways) {
        for (const auto& [clientId, state] : gw.clients)
            ids.append(clientId);
    }
    if (m_gateways.size() > 1) {
        std::sort(ids.begin(), ids.end());
        ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    }
    m_idsCache = ids;
    m_idsCacheMembership = membership;
    return ids;
}

FleetSummary FleetStore::summary(int topK, double atRiskScore) const
{
    const qint64 now = nowMs();
    QReadLocker lock(&m_lock);
    // Per client id: the highest risk and the strongest action over its gateways (one pass, no rows yet).
    struct Merged
    {
        const QString* clientId = nullptr;
        double risk = 0;
        int actionRank = 0;
    };
    std::vector<Merged> merged;
    if (m_gateways.size() == 1) {
        const auto& clients = m_gateways.begin()->second.clients;
        merged.reserve(clients.size());
        for (const auto& [clientId, state] : clients)
            merged.push_back({&clientId, state.riskScore, actionRank(state.action)});
    } else {
        std::map<QStringView, Merged> byClient;
        for (const auto& [gatewayId, gw] : m_gateways) {
            for (const auto& [clientId, state] : gw.clients) {
                auto [it, inserted] = byClient.try_emplace(
                    QStringView(clientId), Merged {&clientId, state.riskScore, actionRank(state.action)});
                if (!inserted) {
                    it->second.risk = std::max(it->second.risk, state.riskScore);
                    it->second.actionRank = std::max(it->second.actionRank, actionRank(state.action));
                }
            }
        }
        merged.reserve(byClient.size());
        for (const auto& [id, m] : byClient)
            merged.push_back(m);
    }

    FleetSummary out;
    out.clients = static_cast<qsizetype>(merged.size());
    for (const Merged& m : merged) {
        out.atRisk += m.risk >= atRiskScore ? 1 : 0;
        out.enforced += m.actionRank >= actionRank(QStringLiteral("throttle")) ? 1 : 0;
    }
    const auto riskier = [](const Merged& a, const Merged& b) {
        if (a.risk != b.risk)
            return a.risk > b.risk;
        return *a.clientId < *b.clientId;
    };
    const auto k = static_cast<std::ptrdiff_t>(
        std::clamp<std::size_t>(static_cast<std::size_t>(std::max(topK, 0)), 0, merged.size()));
    std::partial_sort(merged.begin(), merged.begin() + k, merged.end(), riskier);
    out.top.reserve(k);
    std::vector<std::pair<QString, const ClientState*>> parts;
    for (std::ptrdiff_t i = 0; i < k; ++i) {
        parts.clear();
        for (const auto& [gatewayId, gw] : m_gateways) {
            if (auto it = gw.clients.find(*merged[i].clientId); it != gw.clients.end())
                parts.emplace_back(gatewayId, &it->second);
        }
        out.top.append(rowFor(*merged[i].clientId, parts, now));
    }
    return out;
}

std::optional<ClientRow> FleetStore::client(const QString& clientId) const
{
    const qint64 now = nowMs();
    QReadLocker lock(&m_lock);
    std::vector<std::pair<QString, const ClientState*>> parts;
    for (const auto& [gatewayId, gw] : m_gateways) {
        if (auto it = gw.clients.find(clientId); it != gw.clients.end()) {
            parts.emplace_back(gatewayId, &it->second);
        }
    }
    if (parts.empty()) {
        return std::nullopt;
    }
    return rowFor(clientId, parts, now);
}

namespace {

/// The per-second range [from, to] of a series since `sinceMs`, bounded by the ring length.
std::pair<qint64, qint64> seriesRange(qint64 sinceMs, qint64 now, int ringSeconds)
{
    const qint64 to = now / 1000;
    qint64 from = std::max(sinceMs, qint64 {0}) / 1000;
    from = std::max(from, to - ringSeconds + 1);
    return {from, to};
}

QVector<SeriesPoint> toSeries(std::vector<SeriesPoint>& points, qint64 from)
{
    QVector<SeriesPoint> out;
    out.reserve(static_cast<qsizetype>(points.size()));
    for (std::size_t i = 0; i < points.size(); ++i) {
        points[i].timeMs = (from + static_cast<qint64>(i)) * 1000;
        out.append(points[i]);
    }
    return out;
}

} // namespace

QVector<SeriesPoint> FleetStore::fleetSeries(qint64 sinceMs) const
{
    const auto [from, to] = seriesRange(sinceMs, nowMs(), kRingSeconds);
    if (from > to) {
        return {};
    }
    std::vector<SeriesPoint> points(static_cast<std::size_t>(to - from + 1));
    QReadLocker lock(&m_lock);
    for (const auto& [gatewayId, gw] : m_gateways) {
        seriesInto(gw.fleet, gw.history, from, to, points);
    }
    return toSeries(points, from);
}

QVector<SeriesPoint> FleetStore::clientSeries(const QString& clientId, qint64 sinceMs) const
{
    const auto [from, to] = seriesRange(sinceMs, nowMs(), kRingSeconds);
    if (from > to) {
        return {};
    }
    std::vector<SeriesPoint> points(static_cast<std::size_t>(to - from + 1));
    QReadLocker lock(&m_lock);
    bool found = false;
    for (const auto& [gatewayId, gw] : m_gateways) {
        if (auto it = gw.clients.find(clientId); it != gw.clients.end()) {
            seriesInto(it->second.usage, it->second.history, from, to, points);
            found = true;
        }
    }
    if (!found) {
        return {};
    }
    return toSeries(points, from);
}

QVector<QPair<qint64, double>> FleetStore::riskSeries(const QString& clientId) const
{
    QVector<QPair<qint64, double>> out;
    {
        QReadLocker lock(&m_lock);
        for (const auto& [gatewayId, gw] : m_gateways) {
            if (auto it = gw.clients.find(clientId); it != gw.clients.end()) {
                for (const auto& p : it->second.risk) {
                    out.append(p);
                }
            }
        }
    }
    std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    return out;
}

QVector<AlertRow> FleetStore::alerts() const
{
    QReadLocker lock(&m_lock);
    return QVector<AlertRow>(m_alerts.cbegin(), m_alerts.cend());
}

void FleetStore::acknowledgeAlert(const QString& gatewayId, qint64 alertId)
{
    bool found = false;
    {
        QWriteLocker lock(&m_lock);
        for (AlertRow& a : m_alerts) {
            if (a.gatewayId == gatewayId && a.id == alertId && !a.acknowledged) {
                a.acknowledged = true;
                found = true;
            }
        }
    }
    if (found) {
        markChanged();
    }
}

quint64 FleetStore::revision() const
{
    return m_revision.load();
}

int FleetStore::evictIdle(qint64 now)
{
    int dropped = 0;
    {
        QWriteLocker lock(&m_lock);
        const qint64 limit = now - kIdleEvictionMs;
        for (auto& [gatewayId, gw] : m_gateways) {
            for (auto it = gw.clients.begin(); it != gw.clients.end();) {
                const ClientState& s = it->second;
                const bool idle = s.lastSeenMs < limit && s.touchedMs < limit;
                const bool risky = s.riskScore >= 1.0 || s.pinned || s.action != QLatin1String("none");
                if (idle && !risky) {
                    it = gw.clients.erase(it);
                    ++dropped;
                    ++m_membership;
                } else {
                    ++it;
                }
            }
        }
    }
    if (dropped > 0) {
        markChanged();
    }
    return dropped;
}

} // namespace modelguard::client
