#pragma once
// Parsing and validation of the OpenAI request bodies the simulator serves. Every violation throws RequestError with
// the status, message, param and code that OpenAI's API would give (400 for bad bodies, 404 for unknown models).

#include "services/sim/upstream/TextModel.h"

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace modelguard::sim::upstream {

class RequestError : public std::runtime_error
{
public:
    RequestError(int status, std::string message, std::optional<std::string> param, std::optional<std::string> code)
        : std::runtime_error(std::move(message))
        , m_status(status)
        , m_param(std::move(param))
        , m_code(std::move(code))
    { }
    int status() const { return m_status; }
    const std::optional<std::string>& param() const { return m_param; }
    const std::optional<std::string>& code() const { return m_code; }

private:
    int m_status;
    std::optional<std::string> m_param;
    std::optional<std::string> m_code;
};

/// A chat or legacy text completion request, validated.
struct CompletionRequest
{
    bool chat = true;
    std::string model;
    /// The prompt(s) as the hidden model sees them: one for chat (messages rendered by chatPromptText), one per
    /// prompt string for /v1/completions.
    std::vector<std::string> prompts;
    std::size_t promptTokens = 0;
    std::size_t n = 1;
    double temperature = 1.0;
    std::optional<std::size_t> maxTokens; ///< max_tokens or max_completion_tokens
    std::vector<std::string> stop;
    std::map<TokenId, double> logitBias;
    bool logprobs = false;
    std::size_t topLogprobs = 0; ///< chat: top_logprobs; completions: the integer logprobs
    bool stream = false;
    bool includeUsage = false; ///< stream_options.include_usage
    std::optional<std::int64_t> seed;
};

struct EmbeddingRequest
{
    std::string model;
    std::vector<std::string> inputs;
    std::size_t dimensions = 0;
    bool base64 = false; ///< encoding_format "base64" (little-endian float32) instead of "float"
    std::size_t promptTokens = 0;
};

struct RequestLimits
{
    std::vector<std::string> models;
    std::size_t maxTokensCap = 4096;
    std::size_t maxChoices = 16;
    std::size_t embeddingDimensions = 1536;
};

/// Renders chat messages (role, content) as the single prompt string the hidden model is keyed by.
std::string chatPromptText(const std::vector<std::pair<std::string, std::string>>& messages);

CompletionRequest parseChatCompletionRequest(std::string_view body, const RequestLimits& limits);
CompletionRequest parseTextCompletionRequest(std::string_view body, const RequestLimits& limits);
EmbeddingRequest parseEmbeddingRequest(std::string_view body, const RequestLimits& limits);

} // namespace modelguard::sim::upstream
