#pragma once
// The per-window features of the extraction-risk engine. Each is a number computed over a window of a client's
// requests, oriented so that larger is more suspicious; Calibration turns it into a benign tail probability.

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

namespace modelguard::risk {

enum class Feature : std::uint8_t {
    LogitProbe,       ///< share of requests with logit_bias together with logprobs
    BiasExtreme,      ///< share of requests with some |logit_bias| >= 50
    TinyOutput,       ///< share of requests with max_tokens <= 2
    TempZero,         ///< share of requests at temperature 0
    MultiSample,      ///< share of requests with n > 1
    TemplateShare,    ///< share of the window's requests that reuse its dominant prompt skeleton
    SingleTurn,       ///< share of single-message requests
    Novelty,          ///< share of prompts that are neither repeats nor near-duplicates of recent ones
    NearDuplicate,    ///< share of prompts that are near-duplicates (not exact repeats) of recent ones
    ExactRepeat,      ///< share of prompts identical to a recent one
    InstructLong,     ///< share of prompts asking for long or detailed output
    StructuredOutput, ///< share of prompts forcing an output format ("return only JSON", "numbered list only")
    ChainOfThought,   ///< share of prompts asking for step-by-step / internal reasoning
    Boundary,         ///< share of refusals, system-prompt extraction and jailbreak phrasing
    RatePerHour,      ///< requests per hour over the window
    RateVsOwn,        ///< window rate divided by the client's own long-run rate
    TokenRate,        ///< completion tokens per hour over the window
    Regularity,       ///< 1/(1+CV) of inter-arrival times (1 = perfectly periodic)
    ActiveHours,      ///< share of the last 24 hours with activity
    OutputTokens,     ///< mean completion tokens per request
    OutputInputRatio, ///< mean completion tokens / mean prompt tokens
    Coverage,         ///< distinct content words per sampled content word (topic spread)
    HarvestShape,     ///< share of single-turn prompts asking for long/structured/reasoned output with a large budget
    Count
};

inline constexpr std::size_t kFeatureCount = static_cast<std::size_t>(Feature::Count);

/// How a feature's values are binned by Calibration: shares in [0,1] linearly, magnitudes on a log scale.
enum class FeatureScale : std::uint8_t { Share, Magnitude };

struct FeatureInfo
{
    Feature feature;
    std::string_view id; ///< stable id used in JSON and explanations, e.g. "logit_probe"
    FeatureScale scale;
    double weight; ///< weight of its evidence in the combined score
    /// Built-in calibration used until benign traffic has been learned: p(x) = 1 for x <= knee, then
    /// exp(-(x - knee) / spread) (on the feature's own scale).
    double defaultKnee;
    double defaultSpread;
};

const std::array<FeatureInfo, kFeatureCount>& featureTable() noexcept;
const FeatureInfo& featureInfo(Feature f) noexcept;
std::optional<Feature> featureFromId(std::string_view id) noexcept;

} // namespace modelguard::risk
