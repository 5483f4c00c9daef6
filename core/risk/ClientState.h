#pragma once
// Per-client state of the extraction-risk engine (internal to mg_risk). Every member has a fixed size, so a
// client's memory is bounded (about 4 KiB) whatever it sends; see RiskEngine::memoryBytes().

#include "core/risk/Calibration.h"
#include "core/risk/PromptAnalyzer.h"
#include "core/risk/RequestRecord.h"
#include "core/risk/RiskEngine.h"

#include <array>
#include <cstdint>
#include <list>
#include <string>

namespace modelguard::risk::detail {

/// Counters of one window of requests; shares are computed when the window closes.
struct WindowCounters
{
    std::uint32_t requests = 0;
    std::uint32_t logitProbe = 0;
    std::uint32_t biasExtreme = 0;
    std::uint32_t tinyOutput = 0;
    std::uint32_t tempZero = 0;
    std::uint32_t multiSample = 0;
    std::uint32_t templated = 0; ///< requests matching their window's dominant skeleton
    std::uint32_t singleTurn = 0;
    std::uint32_t novel = 0;
    std::uint32_t nearDuplicate = 0;
    std::uint32_t exactRepeat = 0;
    std::uint32_t instructLong = 0;
    std::uint32_t structuredOutput = 0;
    std::uint32_t chainOfThought = 0;
    std::uint32_t boundary = 0;
    std::uint32_t harvestShape = 0;
    std::uint32_t gaps = 0;
    double gapSum = 0.0;   ///< seconds
    double gapSumSq = 0.0; ///< seconds^2
    std::uint64_t promptTokens = 0;
    std::uint64_t completionTokens = 0;
    TimestampMs start = 0; ///< time of the request before the window (or of its first request)
    TimestampMs last = 0;
    std::uint32_t contentSampled = 0;
    std::array<std::uint64_t, 16> contentBits {}; ///< 1024-bit linear-counting bitmap of content words

    void addContent(const PromptProfile& p) noexcept;
    double distinctContent() const noexcept;
};

/// Misra-Gries heavy hitters over skeleton hashes of the current short window.
struct SkeletonCounter
{
    static constexpr std::size_t kSlots = 6;
    std::array<std::uint64_t, kSlots> keys {};
    std::array<std::uint32_t, kSlots> counts {};
    void add(std::uint64_t key) noexcept;
    std::pair<std::uint64_t, std::uint32_t> top() const noexcept;
    void clear() noexcept { *this = {}; }
};

/// logit_bias activity over one prompt (Carlini et al. read-out and the bisection variant).
struct LogitSlot
{
    std::uint64_t promptHash = 0;
    TimestampMs first = 0;
    TimestampMs last = 0;
    std::uint32_t requests = 0;
    std::uint32_t withLogprobs = 0;
    std::uint32_t tiny = 0;
    std::uint32_t extreme = 0;
    std::array<std::uint64_t, 8> idBits {};  ///< 512-bit linear counting of biased token ids
    std::array<std::uint64_t, 8> sigBits {}; ///< 512-bit linear counting of whole logit_bias maps
    double distinctIds() const noexcept;
    double distinctSignatures() const noexcept;
};

struct RecentPrompt
{
    std::uint64_t exactHash = 0;
    std::array<std::uint16_t, PromptProfile::kSketchBins> sketch {};
};

struct ClientState
{
    static constexpr std::size_t kRecent = 32;
    static constexpr std::size_t kLogitSlots = 4;
    static constexpr std::size_t kLinks = 3;

    std::string id;
    std::list<ClientState*>::iterator lruPosition;

    std::uint64_t requests = 0;
    TimestampMs firstSeen = 0;
    TimestampMs lastSeen = 0;
    std::uint32_t activeHours = 0; ///< bit i: activity i hours before lastHour
    std::int64_t lastHour = 0;

    std::array<RecentPrompt, kRecent> recent {};
    std::uint32_t recentCount = 0;

    WindowCounters shortWindow;
    WindowCounters longWindow;
    SkeletonCounter prefixes;
    SkeletonCounter suffixes;
    std::uint64_t dominantSkeleton = 0; ///< of the last closed short window (0 = none dominant)
    double ownRate = 0.0;               ///< EWMA of short-window request rates (per hour)
    std::uint32_t windowsClosed = 0;

    std::array<LogitSlot, kLogitSlots> logit {};

    // Evidence, decayed with the configured half-life from evidenceTime.
    TimestampMs evidenceTime = 0;
    double cusum = 0.0;
    std::array<float, kFeatureCount> featureEvidence {};
    double sweepFloor = 0.0;
    double boundaryHits = 0.0;
    double recentRequests = 0.0; ///< decayed request count (same half-life), the base of boundaryHits
    double harvestCusum = 0.0;   ///< per-request Bernoulli CUSUM of distillation-shaped requests (nats)
    double harvestEvents = 0.0;  ///< decayed count of those requests (for the explanation)
    std::array<std::array<float, kFeatureCount>, kWindowScales> lastValue {};
    std::array<std::array<float, kFeatureCount>, kWindowScales> lastEvidence {};
    std::array<std::uint32_t, kWindowScales> lastWindowRequests {};
    std::array<TimestampMs, kWindowScales> lastWindowSpan {};
    std::uint32_t refusals = 0;

    // Sweep facts for the explanation.
    std::uint32_t sweepRequests = 0;
    TimestampMs sweepSpan = 0;
    double sweepIds = 0.0;
    bool sweepWithLogprobs = false;

    std::array<std::uint64_t, kLinks> links {}; ///< sybil link keys (0 = none)
    std::uint32_t ipv4Net = 0;
    bool ipKnown = false;

    Action action = Action::None;
    double lastScore = 0.0;
};

} // namespace modelguard::risk::detail
