#pragma once
// One request as the gateway sees it: the input of the extraction-risk engine (core/risk). The gateway fills the
// admission part when the request arrives and the completion part when the response has been served; the engine
// is fed once per request, after completion (a request that never completes is fed with completed = false).

#include <cstdint>
#include <string>
#include <vector>

namespace modelguard::risk {

/// Milliseconds since the Unix epoch. The engine never reads a clock itself: time is always passed in, so that a
/// simulation can run days of traffic in seconds and tests are deterministic.
using TimestampMs = std::int64_t;

enum class FinishReason : std::uint8_t {
    Unknown,
    Stop,
    Length,
    ContentFilter,
    ToolCalls,
    Error,
};

struct RequestRecord
{
    // --- admission ---------------------------------------------------------------------------------------------
    TimestampMs time = 0;
    std::string clientId; ///< the billing/tenant identity; several keys may share it
    std::string keyId;    ///< the API key's public id (prefix), never the secret
    std::string sourceIp; ///< textual IPv4 or IPv6 address as seen by the gateway
    std::string model;
    /// The prompt as text: for chat requests the messages' contents joined with "\n" (the last user message last).
    /// The engine only keeps bounded sketches of it; callers may truncate very long prompts.
    std::string prompt;
    std::uint32_t messageCount = 1; ///< chat messages in the request (1 = single-turn)

    std::int32_t maxTokens = -1; ///< -1 = not given
    double temperature = 1.0;    ///< as requested (NaN/negative/huge values must be tolerated)
    std::int32_t n = 1;
    bool logprobs = false;
    std::int32_t topLogprobs = 0;
    /// logit_bias as (token id, bias) pairs, as requested (before any policy stripping).
    std::vector<std::pair<std::int64_t, double>> logitBias;
    std::uint32_t stopCount = 0; ///< number of stop sequences

    // --- completion --------------------------------------------------------------------------------------------
    bool completed = false;
    std::uint32_t promptTokens = 0;
    std::uint32_t completionTokens = 0;
    FinishReason finishReason = FinishReason::Unknown;
    bool refused = false; ///< the model declined (refusal text or content filter)
};

} // namespace modelguard::risk
