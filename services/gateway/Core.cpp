// The gateway's state and decisions (see detail/Core.h).
#include "services/gateway/detail/Core.h"

#include "core/crypto/Crypto.h"
#include "services/gateway/inspect/PolicyJson.h"
#include "services/gateway/store/Secrets.h"

#include <boost/json.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>

namespace modelguard::gateway::detail {

namespace json = boost::json;

std::int64_t nowMs()
{
    using namespace std::chrono;
    return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

boost::json::array contributionsJson(const std::vector<risk::Contribution>& cs, double score)
{
    boost::json::array out;
    for (const auto& c : cs) {
        boost::json::object o;
        o["feature"] = c.feature;
        o["points"] = c.points;
        o["share"] = score > 0 ? std::min(1.0, c.points / score) : 0.0;
        o["sentence"] = c.sentence;
        out.push_back(std::move(o));
    }
    return out;
}

std::optional<risk::Action> parseAction(std::string_view name)
{
    if (name == "none" || name == "clear") {
        return risk::Action::None;
    }
    if (name == "strip_logits") {
        return risk::Action::StripLogits;
    }
    if (name == "throttle") {
        return risk::Action::Throttle;
    }
    if (name == "block") {
        return risk::Action::Block;
    }
    return std::nullopt;
}

namespace {

constexpr std::size_t kRecentEvents = 50;
constexpr std::size_t kMaxAlerts = 1000;

/// The largest share (per cent) of a quota the client has used: tokens today or this month, requests today.
double quotaUsedPct(const policy::Quotas& q, const policy::QuotaLedger::Usage& usage)
{
    double pct = 0;
    if (q.tokensPerDay > 0) {
        pct = std::max(pct, 100.0 * static_cast<double>(usage.tokensToday) / static_cast<double>(q.tokensPerDay));
    }
    if (q.tokensPerMonth > 0) {
        pct = std::max(pct, 100.0 * static_cast<double>(usage.tokensMonth) / static_cast<double>(q.tokensPerMonth));
    }
    if (q.requestsPerDay > 0) {
        pct = std::max(pct, 100.0 * static_cast<double>(usage.requestsToday) / static_cast<double>(q.requestsPerDay));
    }
    return pct;
}

risk::RiskConfig riskConfig(std::string secret)
{
    risk::RiskConfig config;
    config.secret = std::move(secret);
    return config;
}

std::string riskSecretFor(GatewayStore& store, std::string given)
{
    if (!given.empty()) {
        return given;
    }
    if (auto stored = store.setting("risk_secret")) {
        return *stored;
    }
    auto secret = crypto::toHex(crypto::randomBytes(32));
    store.putSetting("risk_secret", secret);
    return secret;
}

watermark::GatewayKey watermarkKeyFor(GatewayStore& store, const std::string& gatewayId)
{
    if (auto stored = store.setting("watermark_key")) {
        return watermark::parseGatewayKey(*stored);
    }
    auto key = watermark::GatewayKey::generate(gatewayId);
    store.putSetting("watermark_key", watermark::serializeGatewayKey(key));
    return key;
}

std::string gatewayIdFor(GatewayStore& store, std::string given)
{
    if (auto stored = store.setting("gateway_id")) {
        return *stored;
    }
    if (given.empty()) {
        given = newGatewayId();
    }
    store.putSetting("gateway_id", given);
    return given;
}

void pushRecent(ClientLive& live, EnforcementEvent e)
{
    live.recent.push_back(std::move(e));
    while (live.recent.size() > kRecentEvents) {
        live.recent.pop_front();
    }
}

std::string_view severityFor(risk::Action a)
{
    switch (a) {
    case risk::Action::Block:
        return "high";
    case risk::Action::Throttle:
        return "medium";
    default:
        return "low";
    }
}

} // namespace

Core::Core(std::unique_ptr<GatewayStore> store, std::string gatewayId, std::string riskSecret)
    : m_store(std::move(store))
    , m_keys(*m_store)
    , m_adminTokens(*m_store)
    , m_events(65536, static_cast<std::uint64_t>(nowMs()) * 1000)
    , m_gatewayId(gatewayIdFor(*m_store, std::move(gatewayId)))
    , m_watermarkKey(watermarkKeyFor(*m_store, m_gatewayId))
    , m_startedMs(nowMs())
    , m_risk(riskConfig(riskSecretFor(*m_store, std::move(riskSecret))))
{
    loadPolicies();
    // Quota ledgers continue from the journal: today's and this month's usage of every known client.
    const auto now = nowMs();
    for (const auto& client : m_store->knownClients()) {
        const auto dayStart = policy::utcDayStart(now);
        const auto today = m_store->usageTotal(client, dayStart, now + 1);
        const auto month = m_store->usageTotal(client, policy::utcMonthStart(now), now + 1);
        m_ledger.restore(client, today.promptTokens + today.completionTokens, today.requests,
                         month.promptTokens + month.completionTokens, now);
    }
}

// --- policies ------------------------------------------------------------------------------------------------

void Core::loadPolicies()
{
    std::unique_lock lock(m_policyMutex);
    for (const auto& row : m_store->loadPolicies()) {
        const bool isDefault = row.scope == "default";
        const bool isClient = row.scope == "client";
        if (row.kind == "limits") {
            if (auto p = inspect::limitsFromJson(row.json)) {
                if (isDefault) {
                    m_defaults.limits = *p;
                } else if (isClient) {
                    m_clientLimits[row.scopeId] = *p;
                } else if (row.scope == "key") {
                    m_keyLimits[row.scopeId] = *p;
                }
            }
        } else if (row.kind == "output") {
            if (auto p = inspect::outputPolicyFromJson(row.json)) {
                if (isDefault) {
                    m_defaults.output = *p;
                } else if (isClient) {
                    m_clientOutput[row.scopeId] = *p;
                }
            }
        } else if (row.kind == "watermark") {
            if (auto p = inspect::watermarkPolicyFromJson(row.json)) {
                if (isDefault) {
                    m_defaults.watermark = *p;
                } else if (isClient) {
                    m_clientWatermark[row.scopeId] = *p;
                }
            }
        } else if (row.kind == "risk" && isDefault) {
            if (auto p = inspect::riskPolicyFromJson(row.json)) {
                m_defaults.risk = *p;
            }
        } else if (row.kind == "action" && isClient) {
            std::error_code ec;
            auto value = json::parse(row.json, ec);
            if (!ec && value.is_object()) {
                const auto& o = value.as_object();
                if (const auto* a = o.if_contains("action"); a && a->is_string()) {
                    if (auto action = parseAction(a->as_string())) {
                        std::lock_guard clientLock(m_clientMutex);
                        auto& live = m_clients[row.scopeId];
                        live.pinned = *action;
                        if (const auto* r = o.if_contains("reason"); r && r->is_string()) {
                            live.pinReason = std::string(r->as_string());
                        }
                    }
                }
            }
        }
    }
}

void Core::persistPolicy(const std::string& scope, const std::string& scopeId, const std::string& kind,
                         const std::optional<std::string>& json)
{
    if (json) {
        m_store->putPolicy(PolicyRow {scope, scopeId, kind, *json, nowMs()});
    } else {
        m_store->deletePolicy(scope, scopeId, kind);
    }
}

EffectivePolicy Core::resolve(const std::string& clientId, const std::string& keyId) const
{
    std::shared_lock lock(m_policyMutex);
    EffectivePolicy p;
    if (auto k = m_keyLimits.find(keyId); !keyId.empty() && k != m_keyLimits.end()) {
        p.keyLimits = k->second;
    }
    auto l = m_clientLimits.find(clientId);
    p.clientLimits = l != m_clientLimits.end() ? l->second : m_defaults.limits;
    auto o = m_clientOutput.find(clientId);
    p.output = o != m_clientOutput.end() ? o->second : m_defaults.output;
    auto w = m_clientWatermark.find(clientId);
    p.watermark = w != m_clientWatermark.end() ? w->second : m_defaults.watermark;
    p.risk = m_defaults.risk;
    return p;
}

Core::DefaultPolicies Core::defaults() const
{
    std::shared_lock lock(m_policyMutex);
    return m_defaults;
}

void Core::setDefaults(const DefaultPolicies& p)
{
    persistPolicy("default", "", "limits", inspect::toJson(p.limits));
    persistPolicy("default", "", "output", inspect::toJson(p.output));
    persistPolicy("default", "", "watermark", inspect::toJson(p.watermark));
    persistPolicy("default", "", "risk", inspect::toJson(p.risk));
    std::unique_lock lock(m_policyMutex);
    m_defaults = p;
}

void Core::setClientLimits(const std::string& client, const std::optional<policy::LimitPolicy>& p)
{
    persistPolicy("client", client, "limits", p ? std::optional(inspect::toJson(*p)) : std::nullopt);
    std::unique_lock lock(m_policyMutex);
    if (p) {
        m_clientLimits[client] = *p;
    } else {
        m_clientLimits.erase(client);
    }
}

void Core::setClientOutput(const std::string& client, const std::optional<policy::OutputPolicy>& p)
{
    persistPolicy("client", client, "output", p ? std::optional(inspect::toJson(*p)) : std::nullopt);
    std::unique_lock lock(m_policyMutex);
    if (p) {
        m_clientOutput[client] = *p;
    } else {
        m_clientOutput.erase(client);
    }
}

void Core::setClientWatermark(const std::string& client, const std::optional<policy::WatermarkPolicy>& p)
{
    persistPolicy("client", client, "watermark", p ? std::optional(inspect::toJson(*p)) : std::nullopt);
    std::unique_lock lock(m_policyMutex);
    if (p) {
        m_clientWatermark[client] = *p;
    } else {
        m_clientWatermark.erase(client);
    }
}

std::optional<policy::LimitPolicy> Core::clientLimits(const std::string& client) const
{
    std::shared_lock lock(m_policyMutex);
    auto it = m_clientLimits.find(client);
    return it == m_clientLimits.end() ? std::nullopt : std::optional(it->second);
}

void Core::setKeyLimits(const std::string& keyId, const std::optional<policy::LimitPolicy>& p)
{
    persistPolicy("key", keyId, "limits", p ? std::optional(inspect::toJson(*p)) : std::nullopt);
    std::unique_lock lock(m_policyMutex);
    if (p) {
        m_keyLimits[keyId] = *p;
    } else {
        m_keyLimits.erase(keyId);
    }
}

std::optional<policy::LimitPolicy> Core::keyLimits(const std::string& keyId) const
{
    std::shared_lock lock(m_policyMutex);
    auto it = m_keyLimits.find(keyId);
    return it == m_keyLimits.end() ? std::nullopt : std::optional(it->second);
}

std::optional<policy::OutputPolicy> Core::clientOutput(const std::string& client) const
{
    std::shared_lock lock(m_policyMutex);
    auto it = m_clientOutput.find(client);
    return it == m_clientOutput.end() ? std::nullopt : std::optional(it->second);
}

std::optional<policy::WatermarkPolicy> Core::clientWatermark(const std::string& client) const
{
    std::shared_lock lock(m_policyMutex);
    auto it = m_clientWatermark.find(client);
    return it == m_clientWatermark.end() ? std::nullopt : std::optional(it->second);
}

// --- enforcement -----------------------------------------------------------------------------------------------

risk::Action Core::actionFor(const std::string& clientId) const
{
    std::lock_guard lock(m_clientMutex);
    auto it = m_clients.find(clientId);
    if (it == m_clients.end()) {
        return risk::Action::None;
    }
    return it->second.pinned ? *it->second.pinned : it->second.autoAction;
}

risk::Action Core::thresholdAction(const policy::RiskPolicy& p, double score, risk::Action current) const
{
    if (!p.automatic) {
        return risk::Action::None;
    }
    // Hysteresis: an action is lowered only once the score is 10 points below its threshold.
    constexpr double margin = 10.0;
    auto level = [&](double s) {
        if (s >= p.blockScore) {
            return risk::Action::Block;
        }
        if (s >= p.throttleScore) {
            return risk::Action::Throttle;
        }
        if (s >= p.stripScore) {
            return risk::Action::StripLogits;
        }
        return risk::Action::None;
    };
    const auto up = level(score);
    if (up >= current) {
        return up;
    }
    return std::max(up, level(score + margin));
}

void Core::pinAction(const std::string& clientId, std::optional<risk::Action> action, const std::string& reason,
                     const std::string& actor)
{
    const auto now = nowMs();
    if (action) {
        json::object o;
        o["action"] = std::string(risk::actionName(*action));
        o["reason"] = reason;
        o["actor"] = actor;
        persistPolicy("client", clientId, "action", json::serialize(o));
    } else {
        persistPolicy("client", clientId, "action", std::nullopt);
    }
    std::vector<std::pair<std::string, std::string>> out;
    {
        std::lock_guard lock(m_clientMutex);
        auto& live = m_clients[clientId];
        live.pinned = action;
        live.pinReason = action ? reason : std::string();
        if (!action) {
            live.autoAction = risk::Action::None;
        }
        const auto effective = live.pinned ? *live.pinned : live.autoAction;
        pushRecent(live, EnforcementEvent {now, "action",
                                           std::string(action ? risk::actionName(*action) : "clear")
                                               + " (admin: " + actor + "): " + reason});
        json::object e;
        e["client"] = clientId;
        e["action"] = std::string(risk::actionName(effective));
        e["source"] = "admin";
        e["reason"] = reason;
        out.emplace_back("action", json::serialize(e));
        publishRisk(clientId, live, now, true, out);
    }
    for (auto& [type, body] : out) {
        m_events.publish(type, body, now);
    }
    m_metrics
        .counter("modelguard_risk_actions_total", "Risk actions applied, by action and source",
                 {{"action", std::string(action ? risk::actionName(*action) : "clear")}, {"source", "admin"}})
        .inc();
}

void Core::noteRejected(const std::string& clientId, const std::string& keyId, std::string_view reason)
{
    const auto now = nowMs();
    m_events.addUsage(clientId, 0, 0, 0, 1);
    {
        std::lock_guard lock(m_clientMutex);
        auto& live = m_clients[clientId];
        live.lastSeenMs = now;
        pushRecent(live, EnforcementEvent {now, "rejected", std::string(reason)});
        auto& delta = m_journal[{clientId, keyId, now - now % 60'000}];
        delta.clientId = clientId;
        delta.keyId = keyId;
        delta.minuteMs = now - now % 60'000;
        delta.rejected += 1;
    }
    m_metrics
        .counter("modelguard_rejections_total", "Requests refused by the gateway, by reason",
                 {{"reason", std::string(reason)}})
        .inc();
}

void Core::noteRefused(risk::RequestRecord record, std::string_view reason)
{
    record.completed = false;
    noteRejected(record.clientId, record.keyId, reason);
    observeRisk(record, 0, false);
}

void Core::noteServed(risk::RequestRecord record, std::int64_t promptTokens, std::int64_t completionTokens)
{
    m_events.addUsage(record.clientId, 1, promptTokens, completionTokens, 0);
    observeRisk(record, promptTokens + completionTokens, true);
    std::lock_guard lock(m_clientMutex);
    auto& delta = m_journal[{record.clientId, record.keyId, record.time - record.time % 60'000}];
    delta.clientId = record.clientId;
    delta.keyId = record.keyId;
    delta.minuteMs = record.time - record.time % 60'000;
    delta.requests += 1;
    delta.promptTokens += promptTokens;
    delta.completionTokens += completionTokens;
}

void Core::observeRisk(const risk::RequestRecord& record, std::int64_t tokens, bool served)
{
    const auto now = record.time;

    risk::RiskAssessment assessment;
    {
        std::lock_guard lock(m_riskMutex);
        assessment = m_risk.observe(record);
    }
    const auto riskPolicy = defaults().risk;

    std::vector<std::pair<std::string, std::string>> out;
    std::optional<std::pair<risk::Action, risk::Action>> escalated;
    bool storeRisk = false;
    risk::Action storedAction = risk::Action::None;
    {
        std::lock_guard lock(m_clientMutex);
        auto& live = m_clients[record.clientId];
        live.lastSeenMs = now;
        if (served) {
            auto& bucket = live.ring[static_cast<std::size_t>((now / 1000) % 60)];
            if (bucket.second != now / 1000) {
                bucket = ClientLive::Second {now / 1000, 0, 0};
            }
            bucket.requests += 1;
            bucket.tokens += tokens;
        }

        live.score = assessment.score;
        live.contributions = assessment.explanation;
        const auto before = live.autoAction;
        live.autoAction = thresholdAction(riskPolicy, assessment.score, live.autoAction);
        if (live.autoAction != before) {
            const auto effective = live.pinned ? *live.pinned : live.autoAction;
            json::object e;
            e["client"] = record.clientId;
            e["action"] = std::string(risk::actionName(effective));
            e["source"] = "auto";
            char score[32];
            std::snprintf(score, sizeof score, "%.1f", assessment.score);
            const std::string reason =
                std::string("risk score ") + score
                + (assessment.explanation.empty() ? std::string() : ": " + assessment.explanation[0].sentence);
            e["reason"] = reason;
            out.emplace_back("action", json::serialize(e));
            pushRecent(live, EnforcementEvent {now, "action",
                                               std::string(risk::actionName(live.autoAction)) + " (auto): " + reason});
            if (live.autoAction > before) {
                escalated = std::pair(before, live.autoAction);
                raiseAlert(record.clientId, std::string(severityFor(live.autoAction)),
                           std::string("automatic ") + std::string(risk::actionName(live.autoAction)) + ": " + reason,
                           now);
                auto& a = m_alerts.back();
                json::object ao;
                ao["id"] = a.id;
                ao["time_ms"] = a.timeMs;
                ao["severity"] = a.severity;
                ao["client"] = a.client;
                ao["reason"] = a.reason;
                ao["acknowledged"] = false;
                out.emplace_back("alert", json::serialize(ao));
            }
        }
        publishRisk(record.clientId, live, now, live.autoAction != before, out);
        // Risk history: a point whenever the score moved by a whole point or the action changed.
        storedAction = live.pinned ? *live.pinned : live.autoAction;
        if (std::abs(live.storedScore - assessment.score) >= 1.0 || live.autoAction != before) {
            live.storedScore = assessment.score;
            storeRisk = true;
        }
    }
    for (auto& [type, body] : out) {
        m_events.publish(type, body, now);
    }
    if (escalated) {
        m_metrics
            .counter("modelguard_risk_actions_total", "Risk actions applied, by action and source",
                     {{"action", std::string(risk::actionName(escalated->second))}, {"source", "auto"}})
            .inc();
    }
    if (storeRisk) {
        m_store->appendRiskPoint(record.clientId,
                                 RiskPoint {now, assessment.score, std::string(risk::actionName(storedAction))});
    }
}

void Core::publishRisk(const std::string& client, ClientLive& live, std::int64_t /*now*/, bool force,
                       std::vector<std::pair<std::string, std::string>>& out)
{
    const auto effective = live.pinned ? *live.pinned : live.autoAction;
    if (!force && std::abs(live.score - live.publishedScore) < 1.0 && effective == live.publishedAction) {
        return;
    }
    live.publishedScore = live.score;
    live.publishedAction = effective;
    json::object e;
    e["client"] = client;
    e["score"] = std::round(live.score * 10) / 10;
    e["action"] = std::string(risk::actionName(effective));
    e["pinned"] = live.pinned.has_value();
    e["contributions"] = contributionsJson(live.contributions, live.score);
    out.emplace_back("risk", json::serialize(e));
}

void Core::raiseAlert(const std::string& client, std::string severity, std::string reason, std::int64_t now)
{
    m_alerts.push_back(Alert {m_nextAlertId++, now, std::move(severity), client, std::move(reason), false});
    while (m_alerts.size() > kMaxAlerts) {
        m_alerts.pop_front();
    }
}

std::shared_ptr<const watermark::Embedder> Core::embedder(const std::string& clientId,
                                                          const policy::WatermarkPolicy& policy, std::int64_t now)
{
    const auto minute = now / 60'000;
    std::lock_guard lock(m_embedderMutex);
    auto& cached = m_embedders[clientId];
    if (!cached.embedder || cached.scheme != policy.schemes || cached.strength != policy.strength
        || cached.minute != minute) {
        watermark::EmbedOptions options;
        options.scheme = policy.schemes;
        options.strength = policy.strength;
        options.issuedAtMinutes = static_cast<std::uint32_t>(minute);
        cached = CachedEmbedder {policy.schemes, policy.strength, minute,
                                 std::make_shared<const watermark::Embedder>(m_watermarkKey, clientId, options)};
    }
    return cached.embedder;
}

// --- read side -------------------------------------------------------------------------------------------------

Core::ClientView Core::viewLocked(const std::string& id, const ClientLive* live, std::int64_t now) const
{
    ClientView v;
    v.id = id;
    if (live) {
        for (const auto& s : live->ring) {
            if (s.second > now / 1000 - 60 && s.second <= now / 1000) {
                v.requestsPerMin += static_cast<double>(s.requests);
                v.tokensPerMin += static_cast<double>(s.tokens);
            }
        }
        v.score = live->score;
        v.action = live->pinned ? *live->pinned : live->autoAction;
        v.pinned = live->pinned.has_value();
        v.pinReason = live->pinReason;
        v.contributions = live->contributions;
        v.lastSeenMs = live->lastSeenMs;
        v.recent.assign(live->recent.begin(), live->recent.end());
    }
    return v;
}

std::vector<Core::ClientView> Core::clientViews(std::int64_t now) const
{
    std::vector<std::string> ids;
    for (auto& k : m_keys.list()) {
        ids.push_back(k.clientId);
    }
    std::vector<ClientView> views;
    {
        std::lock_guard lock(m_clientMutex);
        for (const auto& [id, live] : m_clients) {
            ids.push_back(id);
        }
        std::sort(ids.begin(), ids.end());
        ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
        for (const auto& id : ids) {
            auto it = m_clients.find(id);
            views.push_back(viewLocked(id, it == m_clients.end() ? nullptr : &it->second, now));
        }
    }
    std::unordered_map<std::string, std::vector<std::string>> prefixes;
    for (auto& k : m_keys.list()) {
        if (!k.revoked) {
            prefixes[k.clientId].push_back("mg_" + k.id);
        }
    }
    for (auto& v : views) {
        v.keyPrefixes = prefixes[v.id];
        v.usage = m_ledger.usage(v.id, now);
        v.limits = resolve(v.id, {}).clientLimits;
        v.quotaUsedPct = quotaUsedPct(v.limits.quota, v.usage);
    }
    return views;
}

std::optional<Core::ClientView> Core::clientView(const std::string& id, std::int64_t now) const
{
    for (auto& v : clientViews(now)) {
        if (v.id == id) {
            return v;
        }
    }
    return std::nullopt;
}

std::vector<Alert> Core::alerts() const
{
    std::lock_guard lock(m_clientMutex);
    return {m_alerts.begin(), m_alerts.end()};
}

bool Core::acknowledgeAlert(std::uint64_t id)
{
    std::lock_guard lock(m_clientMutex);
    for (auto& a : m_alerts) {
        if (a.id == id) {
            a.acknowledged = true;
            return true;
        }
    }
    return false;
}

void Core::tick(std::int64_t now)
{
    flush(now);
    // Each client in the usage event also carries its quota use, so consoles show it live, not only per snapshot.
    m_events.flushUsage(now, [this, now](const std::string& clientId) {
        return quotaUsedPct(resolve(clientId, {}).clientLimits.quota, m_ledger.usage(clientId, now));
    });
}

void Core::flush(std::int64_t now)
{
    std::vector<UsageDelta> deltas;
    {
        std::lock_guard lock(m_clientMutex);
        deltas.reserve(m_journal.size());
        for (auto& [key, d] : m_journal) {
            deltas.push_back(std::move(d));
        }
        m_journal.clear();
    }
    if (!deltas.empty()) {
        m_store->addUsage(deltas);
    }
    m_keys.flush();
    m_store->putSetting("last_event_id", std::to_string(m_events.lastId()));
    (void)now;
}

} // namespace modelguard::gateway::detail
