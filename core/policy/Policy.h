#pragma once
// The gateway's policy types: rate limits, quotas, output (logprobs / logit_bias) policy, watermark and risk policy,
// and the Decision a limiter returns. Enum names match the admin API's JSON strings (docs/api).

#include "core/watermark/Watermark.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace modelguard::policy {

/// Request and token rates; 0 = unlimited.
struct RateLimits
{
    double requestsPerSecond = 0; ///< token bucket, burst = max(1, requestsPerSecond)
    double requestsPerMinute = 0; ///< token bucket, burst = requestsPerMinute
    std::int64_t tokensPerMinute = 0;

    bool operator==(const RateLimits&) const = default;
};

/// Usage quotas over UTC calendar windows; 0 = unlimited.
struct Quotas
{
    std::int64_t tokensPerDay = 0;
    std::int64_t tokensPerMonth = 0;
    std::int64_t requestsPerDay = 0;

    bool operator==(const Quotas&) const = default;
};

struct LimitPolicy
{
    RateLimits rate;
    Quotas quota;
    std::int32_t defaultMaxTokens = 1024; ///< injected when a completion request gives no max_tokens
    std::int32_t maxTokensCap = 0;        ///< max_tokens is clamped to this; 0 = no cap

    bool operator==(const LimitPolicy&) const = default;
};

enum class LogprobsMode { Allow, Cap, Round, Noise, Strip, Deny };
enum class LogitBiasMode { Allow, Cap, Strip, Deny, DenyWithLogprobs };

/// What a client may ask of the model's output distribution, and how the answers are blurred.
struct OutputPolicy
{
    LogprobsMode logprobs = LogprobsMode::Allow;
    std::int32_t topLogprobsCap = 5; ///< Cap: top_logprobs clamped to this (request and response)
    std::int32_t roundDecimals = 1;  ///< Round: logprobs rounded to this many decimals
    double noiseStddev = 0.5;        ///< Noise: Gaussian noise added to every logprob
    LogitBiasMode logitBias = LogitBiasMode::Allow;
    std::int32_t logitBiasMaxCount = 10; ///< Cap: entries beyond this are dropped
    double logitBiasMaxMagnitude = 5.0;  ///< Cap: |bias| clamped to this
    std::int32_t maxN = 0;               ///< n clamped to this; 0 = no limit
    double minTemperature = 0;           ///< temperature raised to at least this

    bool operator==(const OutputPolicy&) const = default;
};

struct WatermarkPolicy
{
    watermark::Scheme schemes = watermark::Scheme::Payload | watermark::Scheme::Lexical;
    double strength = 1.0; ///< lexical strength in [0, 1]

    bool operator==(const WatermarkPolicy&) const = default;
};

/// Score thresholds (0..100) at which the risk engine's actions apply.
struct RiskPolicy
{
    double stripScore = 40;
    double throttleScore = 60;
    double blockScore = 80;
    bool automatic = true;                  ///< false: actions only when an admin sets them
    double throttleRequestsPerSecond = 0.5; ///< rate while throttled

    bool operator==(const RiskPolicy&) const = default;
};

/// Mirrors risk::Action.
enum class ActionKind { None, StripLogits, Throttle, Block };

/// The answer of a limiter. When a request is refused, `reason` names the limit ("requests_per_second",
/// "requests_per_minute", "tokens_per_minute", "tokens_per_day", "tokens_per_month", "requests_per_day") and
/// retryAfterMs says when it can next succeed. limit/remaining describe the most relevant limit (for
/// x-ratelimit-* headers); resetMs is the absolute time (ms since the epoch, UTC) at which that limit is whole again.
struct Decision
{
    bool allowed = true;
    std::string reason;
    std::int64_t retryAfterMs = 0;
    std::int64_t limit = 0;
    std::int64_t remaining = 0;
    std::int64_t resetMs = 0;
};

/// "allow", "cap", "round", "noise", "strip", "deny".
std::string_view logprobsModeName(LogprobsMode mode) noexcept;
std::optional<LogprobsMode> parseLogprobsMode(std::string_view name) noexcept;
/// "allow", "cap", "strip", "deny", "deny_with_logprobs".
std::string_view logitBiasModeName(LogitBiasMode mode) noexcept;
std::optional<LogitBiasMode> parseLogitBiasMode(std::string_view name) noexcept;
/// "none", "strip_logits", "throttle", "block".
std::string_view actionKindName(ActionKind kind) noexcept;
std::optional<ActionKind> parseActionKind(std::string_view name) noexcept;
/// "payload", "lexical", "both", "none" (watermark::schemeName / parseScheme).
std::string_view schemesName(watermark::Scheme schemes) noexcept;
std::optional<watermark::Scheme> parseSchemes(std::string_view name) noexcept;

/// Start of the UTC day / month that contains timeMs (ms since the epoch), and the start of the next one.
std::int64_t utcDayStart(std::int64_t timeMs) noexcept;
std::int64_t utcNextDayStart(std::int64_t timeMs) noexcept;
std::int64_t utcMonthStart(std::int64_t timeMs) noexcept;
std::int64_t utcNextMonthStart(std::int64_t timeMs) noexcept;

} // namespace modelguard::policy
