#pragma once
// The gateway's shared state and decisions, free of HTTP: keys, policies, limits, quotas, risk, live per-client
// figures, alerts, events, metrics and the usage journal. The data plane (DataPlane.cpp) and the admin API
// (AdminApi.cpp) are thin HTTP layers over it; Gateway.cpp owns it and runs its one-second tick.
//
// Locking: every member object is thread-safe on its own (store, key registry, limiter, ledger, event hub,
// metrics). The members below guarded by a mutex say which one. Lock order: m_policyMutex, then m_clientMutex,
// then m_riskMutex; never call the store while holding m_clientMutex.

#include "core/policy/Policy.h"
#include "core/policy/QuotaLedger.h"
#include "core/policy/RateLimiter.h"
#include "core/risk/RiskEngine.h"
#include "core/watermark/Watermark.h"
#include "services/gateway/auth/JwtVerifier.h"
#include "services/gateway/store/AdminTokens.h"
#include "services/gateway/store/GatewayStore.h"
#include "services/gateway/store/KeyRegistry.h"
#include "services/gateway/support/EventHub.h"
#include "services/gateway/support/Metrics.h"

#include <boost/json/array.hpp>

#include <array>
#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <shared_mutex>
#include <string>
#include <unordered_map>
#include <vector>

namespace modelguard::gateway::detail {

std::int64_t nowMs();

/// The policies that apply to one request, resolved from the defaults, the client's and the key's overrides.
struct EffectivePolicy
{
    policy::LimitPolicy clientLimits;             ///< default or client override: quotas and client-wide rates
    std::optional<policy::LimitPolicy> keyLimits; ///< key override: additional per-key rates/quotas
    policy::OutputPolicy output;
    policy::WatermarkPolicy watermark;
    policy::RiskPolicy risk;
};

/// What an analyst sees of one enforcement decision (kept per client, newest last, bounded).
struct EnforcementEvent
{
    std::int64_t timeMs = 0;
    std::string kind;   ///< "rejected", "action", "stripped"
    std::string detail; ///< e.g. "tokens_per_day", "throttle (auto): score 71"
};

struct Alert
{
    std::uint64_t id = 0;
    std::int64_t timeMs = 0;
    std::string severity; ///< "high" | "medium" | "low"
    std::string client;
    std::string reason;
    bool acknowledged = false;
};

/// Live figures of one client (guarded by Core::m_clientMutex).
struct ClientLive
{
    struct Second
    {
        std::int64_t second = 0; ///< epoch second this bucket holds
        std::int64_t requests = 0;
        std::int64_t tokens = 0;
    };
    std::array<Second, 60> ring {}; ///< last minute, per second
    std::int64_t lastSeenMs = 0;
    double score = 0.0;
    risk::Action autoAction = risk::Action::None;
    std::optional<risk::Action> pinned; ///< admin override (Action::None = pinned clear)
    std::string pinReason;
    std::vector<risk::Contribution> contributions;
    double publishedScore = -1.0;
    double storedScore = 0.0; ///< last score written to the risk history
    risk::Action publishedAction = risk::Action::None;
    std::deque<EnforcementEvent> recent;
};

class Core
{
public:
    Core(std::unique_ptr<GatewayStore> store, std::string gatewayId, std::string riskSecret);

    GatewayStore& store() { return *m_store; }
    KeyRegistry& keys() { return m_keys; }
    AdminTokens& adminTokens() { return m_adminTokens; }
    EventHub& events() { return m_events; }
    Metrics& metrics() { return m_metrics; }
    policy::RateLimiter& limiter() { return m_limiter; }
    policy::QuotaLedger& ledger() { return m_ledger; }
    const std::string& gatewayId() const { return m_gatewayId; }
    const watermark::GatewayKey& watermarkKey() const { return m_watermarkKey; }
    std::int64_t startedMs() const { return m_startedMs; }
    /// JWT bearer tokens on the data plane; nullptr when no JWKS file is configured. Set once, before serving.
    auth::JwtVerifier* jwt() const { return m_jwt.get(); }
    void setJwt(std::unique_ptr<auth::JwtVerifier> verifier) { m_jwt = std::move(verifier); }

    // --- policies -------------------------------------------------------------------------------------------
    EffectivePolicy resolve(const std::string& clientId, const std::string& keyId) const;
    struct DefaultPolicies
    {
        policy::LimitPolicy limits;
        policy::OutputPolicy output;
        policy::WatermarkPolicy watermark;
        policy::RiskPolicy risk;
    };
    DefaultPolicies defaults() const;
    /// Replaces the defaults (persisted before it returns).
    void setDefaults(const DefaultPolicies& p);
    /// Client overrides; nullopt clears the override. Persisted before returning.
    void setClientLimits(const std::string& client, const std::optional<policy::LimitPolicy>& p);
    void setClientOutput(const std::string& client, const std::optional<policy::OutputPolicy>& p);
    void setClientWatermark(const std::string& client, const std::optional<policy::WatermarkPolicy>& p);
    std::optional<policy::LimitPolicy> clientLimits(const std::string& client) const;
    /// Per-key limits, on top of the client's (both apply). Persisted before returning.
    void setKeyLimits(const std::string& keyId, const std::optional<policy::LimitPolicy>& p);
    std::optional<policy::LimitPolicy> keyLimits(const std::string& keyId) const;
    std::optional<policy::OutputPolicy> clientOutput(const std::string& client) const;
    std::optional<policy::WatermarkPolicy> clientWatermark(const std::string& client) const;

    // --- enforcement state ----------------------------------------------------------------------------------
    /// The action in force for a client: the admin's pin if any, else the automatic one.
    risk::Action actionFor(const std::string& clientId) const;
    /// Admin override; `clear` removes the pin and resets the automatic action. Persisted.
    void pinAction(const std::string& clientId, std::optional<risk::Action> action, const std::string& reason,
                   const std::string& actor);

    /// A request was refused before reaching the upstream.
    void noteRejected(const std::string& clientId, const std::string& keyId, std::string_view reason);
    /// A request was served (or failed upstream): usage, live figures, risk.
    void noteServed(risk::RequestRecord record, std::int64_t promptTokens, std::int64_t completionTokens);
    /// A well-formed request was refused by a limit or a risk action: counted as rejected, and still fed to the
    /// risk engine (an attacker that keeps probing while throttled keeps adding evidence).
    void noteRefused(risk::RequestRecord record, std::string_view reason);

    /// Watermark embedder for a client under a policy (cached per client, scheme, strength and minute).
    std::shared_ptr<const watermark::Embedder> embedder(const std::string& clientId,
                                                        const policy::WatermarkPolicy& policy, std::int64_t nowMs);

    // --- read side for the admin API ------------------------------------------------------------------------
    struct ClientView
    {
        std::string id;
        std::vector<std::string> keyPrefixes;
        double requestsPerMin = 0, tokensPerMin = 0;
        policy::QuotaLedger::Usage usage {};
        policy::LimitPolicy limits;
        double quotaUsedPct = 0;
        double score = 0;
        risk::Action action = risk::Action::None;
        bool pinned = false;
        std::string pinReason;
        std::vector<risk::Contribution> contributions;
        std::int64_t lastSeenMs = 0;
        std::vector<EnforcementEvent> recent;
    };
    std::vector<ClientView> clientViews(std::int64_t now) const;
    std::optional<ClientView> clientView(const std::string& id, std::int64_t now) const;
    std::vector<Alert> alerts() const;
    bool acknowledgeAlert(std::uint64_t id);

    /// Once a second: usage journal to the store, batched usage event, key last-used, risk decay.
    void tick(std::int64_t now);
    /// Writes everything pending (stop()).
    void flush(std::int64_t now);

private:
    void loadPolicies();
    void observeRisk(const risk::RequestRecord& record, std::int64_t tokens, bool served);
    void persistPolicy(const std::string& scope, const std::string& scopeId, const std::string& kind,
                       const std::optional<std::string>& json);
    void raiseAlert(const std::string& client, std::string severity, std::string reason, std::int64_t now);
    void publishRisk(const std::string& client, ClientLive& live, std::int64_t now, bool force,
                     std::vector<std::pair<std::string, std::string>>& out);
    risk::Action thresholdAction(const policy::RiskPolicy& p, double score, risk::Action current) const;
    ClientView viewLocked(const std::string& id, const ClientLive* live, std::int64_t now) const;

    std::unique_ptr<GatewayStore> m_store;
    KeyRegistry m_keys;
    AdminTokens m_adminTokens;
    EventHub m_events;
    Metrics m_metrics;
    policy::RateLimiter m_limiter;
    policy::QuotaLedger m_ledger;
    std::string m_gatewayId;
    watermark::GatewayKey m_watermarkKey;
    std::int64_t m_startedMs;
    std::unique_ptr<auth::JwtVerifier> m_jwt;

    mutable std::shared_mutex m_policyMutex;
    DefaultPolicies m_defaults;
    std::unordered_map<std::string, policy::LimitPolicy> m_clientLimits;
    std::unordered_map<std::string, policy::LimitPolicy> m_keyLimits;
    std::unordered_map<std::string, policy::OutputPolicy> m_clientOutput;
    std::unordered_map<std::string, policy::WatermarkPolicy> m_clientWatermark;

    mutable std::mutex m_clientMutex;
    std::unordered_map<std::string, ClientLive> m_clients;
    std::deque<Alert> m_alerts;
    std::uint64_t m_nextAlertId = 1;
    std::map<std::tuple<std::string, std::string, std::int64_t>, UsageDelta> m_journal; ///< (client,key,minute)

    mutable std::mutex m_riskMutex;
    risk::RiskEngine m_risk;

    std::mutex m_embedderMutex;
    struct CachedEmbedder
    {
        watermark::Scheme scheme;
        double strength;
        std::int64_t minute;
        std::shared_ptr<const watermark::Embedder> embedder;
    };
    std::unordered_map<std::string, CachedEmbedder> m_embedders;
};

/// A risk explanation as the admin API and the event stream show it: feature, points, share of the score, sentence.
boost::json::array contributionsJson(const std::vector<risk::Contribution>& contributions, double score);

/// "none" | "strip_logits" | "throttle" | "block" | "clear" (parse only) -> action; nullopt if unknown.
std::optional<risk::Action> parseAction(std::string_view name);

} // namespace modelguard::gateway::detail
