#include "services/sim/SimRequest.h"

namespace modelguard::sim {

std::string joinedPrompt(const SimRequest& request)
{
    std::size_t size = 0;
    for (const auto& m : request.messages) {
        size += m.content.size() + 1;
    }
    std::string prompt;
    prompt.reserve(size);
    for (const auto& m : request.messages) {
        if (!prompt.empty()) {
            prompt += '\n';
        }
        prompt += m.content;
    }
    return prompt;
}

risk::RequestRecord toRecord(const SimRequest& request)
{
    risk::RequestRecord r;
    r.time = request.time;
    r.clientId = request.clientId;
    r.keyId = request.keyId;
    r.sourceIp = request.sourceIp;
    r.model = request.model;
    r.prompt = joinedPrompt(request);
    r.messageCount = static_cast<std::uint32_t>(request.messages.size());
    r.maxTokens = request.maxTokens;
    r.temperature = request.temperature;
    r.n = request.n;
    r.logprobs = request.logprobs;
    r.topLogprobs = request.topLogprobs;
    r.logitBias = request.logitBias;
    r.stopCount = request.stopCount;
    r.completed = true;
    r.promptTokens = request.promptTokens;
    r.completionTokens = request.completionTokens;
    r.finishReason = request.finishReason;
    r.refused = request.refused;
    return r;
}

risk::RequestRecord toRecord(SimRequest&& request)
{
    risk::RequestRecord r;
    r.time = request.time;
    r.clientId = std::move(request.clientId);
    r.keyId = std::move(request.keyId);
    r.sourceIp = std::move(request.sourceIp);
    r.model = std::move(request.model);
    if (request.messages.size() == 1) {
        r.prompt = std::move(request.messages.front().content);
    } else {
        r.prompt = joinedPrompt(request);
    }
    r.messageCount = static_cast<std::uint32_t>(request.messages.size());
    r.maxTokens = request.maxTokens;
    r.temperature = request.temperature;
    r.n = request.n;
    r.logprobs = request.logprobs;
    r.topLogprobs = request.topLogprobs;
    r.logitBias = std::move(request.logitBias);
    r.stopCount = request.stopCount;
    r.completed = true;
    r.promptTokens = request.promptTokens;
    r.completionTokens = request.completionTokens;
    r.finishReason = request.finishReason;
    r.refused = request.refused;
    return r;
}

std::uint32_t estimateTokens(const std::string& text) noexcept
{
    if (text.empty()) {
        return 0;
    }
    return static_cast<std::uint32_t>(text.size() / 4 + 1);
}

} // namespace modelguard::sim
