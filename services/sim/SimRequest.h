#pragma once
// One simulated request: what a persona would send to an OpenAI-compatible API (messages and sampling parameters),
// when, from which key and address, plus the completion a plausible model would have returned. It carries no
// transport: the evaluation turns it into a risk::RequestRecord (toRecord), a traffic driver can turn it into an
// HTTP request to a real gateway.

#include "core/risk/RequestRecord.h"

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace modelguard::sim {

enum class PersonaKind : std::uint8_t { Benign, Attacker };

struct ChatMessage
{
    std::string role; ///< "system", "user" or "assistant"
    std::string content;
};

struct SimRequest
{
    risk::TimestampMs time = 0;
    std::string clientId;
    std::string keyId;
    std::string sourceIp;
    std::string model;
    std::vector<ChatMessage> messages; ///< the last one is the user's new message

    std::int32_t maxTokens = -1;
    double temperature = 1.0;
    std::int32_t n = 1;
    bool logprobs = false;
    std::int32_t topLogprobs = 0;
    std::vector<std::pair<std::int64_t, double>> logitBias;
    std::uint32_t stopCount = 0;

    // Simulated completion.
    std::uint32_t promptTokens = 0;
    std::uint32_t completionTokens = 0;
    risk::FinishReason finishReason = risk::FinishReason::Stop;
    bool refused = false;

    // Ground truth for the evaluation (never sent to a gateway).
    bool attackTraffic = false; ///< this request serves an extraction/probing goal
};

/// The prompt as RequestRecord defines it: the messages' contents joined with "\n", the last user message last.
std::string joinedPrompt(const SimRequest& request);

/// The record the gateway would feed to the risk engine after serving `request`.
risk::RequestRecord toRecord(const SimRequest& request);
/// The same, taking the identity strings and the bias list from `request` (left valid but unspecified).
risk::RequestRecord toRecord(SimRequest&& request);

/// Rough token count of English text (about 4 characters per token, at least 1 for non-empty text).
std::uint32_t estimateTokens(const std::string& text) noexcept;

} // namespace modelguard::sim
