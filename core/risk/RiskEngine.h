#pragma once
// The extraction-risk engine: fed one RequestRecord per request, it keeps bounded per-client state, scores each
// client 0-100 with an explanation, and decides the enforcement action with hysteresis.
// Thread safety: not thread-safe; the gateway serialises calls (one engine per worker thread, or a mutex).

#include "core/risk/Calibration.h"
#include "core/risk/RequestRecord.h"

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
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
    double clusterScore = 0.0;             ///< score of that cluster (already folded into score)
    std::uint64_t requests = 0;            ///< requests observed for this client (while it has state)
};

/// The features of a client's last closed window (for analysts and tests).
struct WindowFeatures
{
    WindowScale scale = WindowScale::Short;
    std::uint32_t requests = 0;
    TimestampMs span = 0;                          ///< ms between the window's start and its last request
    std::array<double, kFeatureCount> values {};   ///< see Feature
    std::array<double, kFeatureCount> evidence {}; ///< weighted -ln(benign tail probability), nats
};

struct RiskConfig
{
    RiskThresholds thresholds;
    /// An action is lowered only once the score is this many points below the action's threshold.
    double hysteresisMargin = 10.0;
    /// Evidence (and so the score) halves every this many hours once the behaviour stops.
    double halfLifeHours = 6.0;
    /// Secret that salts the prompt sketches (HKDF-SHA256), so that an attacker cannot craft prompts around them.
    /// Set it per deployment; it also seeds the calibration reservoir.
    std::string secret = "modelguard-risk-default-secret";
    /// Benign calibration of the features (a conservative built-in default until learned).
    Calibration calibration;
    /// Record every window's features so that learnedCalibration() can return a calibration of this traffic.
    bool learnCalibration = false;
    std::uint32_t shortWindow = 25; ///< requests per short window (fast reaction)
    std::uint32_t longWindow = 250; ///< requests per long window (diluted, mixed-in behaviour)
    /// Score = 100 * (1 - exp(-evidence / evidenceScale)); evidence in nats of the sequential test.
    double evidenceScale = 20.0;
    /// CUSUM reference value: per-window evidence (nats) below it counts against the client. With a learned
    /// combined calibration the engine uses max(drift, ln(2 (n + 1)) + driftMargin), n = learned windows, so that
    /// only windows beyond every benign window seen accumulate.
    double drift = 8.0;
    double driftMargin = 0.5;
    /// Per-feature evidence (nats, before weighting): -ln(tail probability) minus the floor, capped.
    double featureEvidenceFloor = 2.3;
    double featureEvidenceCap = 12.0;
    /// Decisive logit_bias sweep: distinct logit_bias maps over one prompt before the sweep rule applies.
    std::uint32_t sweepMinRequests = 8;
    /// Boundary probing: decayed count of system-prompt/jailbreak hits (refusals count half) before it scores.
    double boundaryFreeHits = 2.0;
    double boundaryPointsPerHit = 12.0;
    /// ... and only when hits are at least this share of the recent requests (full weight at twice the share).
    double boundaryMinShare = 0.15;
    /// Sequential test on distillation-shaped requests (single-turn, asking for long/structured/step-by-step output,
    /// max_tokens unset or >= 2048, answer of at least harvestMinCompletionTokens): share expected from benign
    /// clients against the share that indicates harvesting mixed into a key.
    double harvestRateBenign = 0.005;
    double harvestRateAttack = 0.05;
    std::uint32_t harvestMinCompletionTokens = 500;
    std::uint64_t harvestMinRequests = 30; ///< the harvest sequence scores only clients with this many requests
    std::size_t maxClients = 1'000'000;    ///< least recently seen clients are evicted beyond this
    TimestampMs clientIdleTtlMs = 7LL * 24 * 3600 * 1000; ///< clients idle for longer are evicted
    bool sybilLinks = true;
    std::size_t maxLinks = 1 << 16;
    TimestampMs linkTtlMs = 48LL * 3600 * 1000;
    std::uint32_t clusterMinMembers = 3; ///< a link scores its members only from this many distinct members
    double clusterNegativeCap = 2.0; ///< a benign-looking member window lowers its cluster's evidence by at most this
    double clusterBonus = 0.0;       ///< extra nats per member window on a template+network link with enough members
    std::size_t explanationSize = 3; ///< contributions reported
    std::size_t learnReservoir = 100'000; ///< windows kept per scale to learn the combined statistic
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

    /// Number of clients with state, and an estimate of the memory they use (bytes): per-client state, index
    /// overhead, sybil links and the calibration reservoir.
    std::size_t clientCount() const noexcept;
    std::size_t memoryBytes() const noexcept;
    std::size_t linkCount() const noexcept;

    /// Features of the client's last closed window of that scale; nullopt for an unknown client or before its
    /// first window has closed.
    std::optional<WindowFeatures> lastWindow(const std::string& clientId, WindowScale scale) const;

    const RiskConfig& config() const noexcept;

    /// With RiskConfig::learnCalibration: the calibration learned from the windows observed so far (feature
    /// histograms of every window, the combined statistic recomputed under them from a bounded reservoir).
    Calibration learnedCalibration() const;
    std::uint64_t learnedWindows() const noexcept;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace modelguard::risk
