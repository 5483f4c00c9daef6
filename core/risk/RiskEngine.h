#pragma once
// The extraction-risk engine: fed one RequestRecord per request, it keeps bounded per-client state, scores each
// client 0-100 with an explanation, and decides the enforcement action with hysteresis.
// Thread safety: not thread-safe; the gateway serialises calls (one engine per worker thread, or a mutex).

#include "core/risk/RequestRecord.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace modelguard::risk {

enum class Action : std::uint8_t {
    None,        ///< serve normally
    StripLogits, ///< strip logprobs / logit_bias from requests
    Throttle,    ///< rate-limit hard
    Block,       ///< refuse until an admin reviews
};
std::string_view actionName(Action a) noexcept; ///< "none", "strip_logits", "throttle", "block"

struct RiskThresholds
{
    double strip = 40.0;
    double throttle = 60.0;
    double block = 80.0;
};

/// One feature's share of the score, as a short sentence an analyst understands.
struct Contribution
{
    std::string feature;  ///< stable id, e.g. "logit_sweep"
    double points = 0.0;  ///< contribution to the 0-100 score
    std::string sentence; ///< e.g. "312 requests with logit_bias and logprobs over the same prompt in 10 min"
};

struct RiskAssessment
{
    std::string clientId;
    double score = 0.0; ///< 0-100
    Action action = Action::None;
    std::vector<Contribution> explanation; ///< top contributions, largest first
    std::optional<std::string> clusterId;  ///< set when the client is linked to a sybil cluster
};

struct RiskConfig
{
    RiskThresholds thresholds;
    // The engine's tunables live here; see RiskEngine.cpp/docs/risk.md for each one's meaning and default.
};

class RiskEngine
{
public:
    explicit RiskEngine(RiskConfig config = {});
    ~RiskEngine();
    RiskEngine(RiskEngine&&) noexcept;
    RiskEngine& operator=(RiskEngine&&) noexcept;

    /// Feeds one request; records must arrive in non-decreasing time order (late records are clamped). Returns the
    /// client's assessment after the update.
    RiskAssessment observe(const RequestRecord& record);

    /// The client's current assessment at time `now` (applies decay), or nullopt for an unknown client.
    std::optional<RiskAssessment> assessment(const std::string& clientId, TimestampMs now) const;

    /// Number of clients with state, and an estimate of the memory they use (bytes).
    std::size_t clientCount() const noexcept;
    std::size_t memoryBytes() const noexcept;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace modelguard::risk
