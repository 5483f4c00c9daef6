#pragma once
// Inspection of OpenAI request bodies (/v1/chat/completions, /v1/completions, /v1/embeddings) before they go
// upstream: OpenAI-style validation (400 with param and message), the output policy (deny / strip / cap of
// logprobs and logit_bias, n and temperature bounds), max_tokens injection and cap, forced usage reporting for
// streams, and the admission part of the risk engine's RequestRecord, filled from what the client REQUESTED.

#include "core/policy/Policy.h"
#include "core/risk/RequestRecord.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace modelguard::gateway::inspect {

enum class Endpoint { Chat, Completions, Embeddings };

/// "chat", "completions", "embeddings" (the API key endpoint scopes).
std::string_view endpointName(Endpoint endpoint) noexcept;

/// OpenAI error fields. param and code are empty when JSON null.
struct InspectError
{
    int status = 400;
    std::string message;
    std::string param;
    std::string code;
    /// A well-formed request that the output policy refused ("policy_violation"): its admission record, as the
    /// client requested it, so that the risk engine still sees the probe. Empty for malformed requests.
    std::optional<risk::RequestRecord> record;
};

struct InspectedRequest
{
    Endpoint endpoint = Endpoint::Chat;
    std::string model;
    bool stream = false;
    /// The client's own stream_options.include_usage (upstream always gets true for streams): pass it to the
    /// ResponseTransformer so that a client that did not ask for usage does not see the usage chunk.
    bool clientIncludeUsage = false;
    std::int64_t effectiveMaxTokens = 0; ///< after default injection / cap (0 for embeddings)
    /// Choices the upstream generates: n (after the policy) x number of prompts (completions); 1 for embeddings.
    /// The worst case of completion tokens is effectiveMaxTokens x choiceCount.
    std::int64_t choiceCount = 1;
    /// Bytes the model reads: prompt text, plus 16 per chat message (role and template), plus the JSON of tools,
    /// functions and response_format. An upper bound of the prompt tokens of byte-level tokenizers.
    std::int64_t promptBytes = 0;
    risk::RequestRecord record;        ///< admission part filled (prompt text, params as REQUESTED)
    std::vector<std::string> stripped; ///< parameters removed by policy, e.g. "logit_bias"
    /// Serialized body to send upstream (max_tokens injected, stream_options.include_usage=true when streaming).
    std::string upstreamBody;
};

/// Largest body accepted (413 beyond) and deepest JSON nesting (400 beyond).
inline constexpr std::size_t kMaxRequestBytes = 16 * 1024 * 1024;
inline constexpr std::size_t kMaxRequestDepth = 64;

/// Validates and rewrites a request body. stripLogits (the risk engine's StripLogits action or stronger) removes
/// logprobs, top_logprobs and logit_bias whatever the output policy says. Never throws.
std::variant<InspectedRequest, InspectError> inspectRequest(Endpoint endpoint, std::string_view body,
                                                            const policy::OutputPolicy& output,
                                                            const policy::LimitPolicy& limits, bool stripLogits);

} // namespace modelguard::gateway::inspect
