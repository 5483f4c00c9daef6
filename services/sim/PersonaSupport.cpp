#include "services/sim/PersonaSupport.h"

#include <algorithm>
#include <cctype>
#include <cmath>

namespace modelguard::sim {
namespace {
constexpr int kConsumerFirstOctets[] = {24, 50, 67,  68,  71,  73,  76,  81,  82,  86,  88,  90,  92,
                                        98, 99, 109, 151, 174, 176, 185, 188, 189, 201, 212, 213, 217};
constexpr int kHostingFirstOctets[] = {3,   13,  18,  20,  34,  35,  40,  45,  52,  54,  104, 138, 139,
                                       143, 146, 157, 159, 161, 164, 165, 167, 172, 178, 188, 195, 206};
} // namespace

std::string residentialIp(SimRandom& rng)
{
    const int a = kConsumerFirstOctets[rng.index(std::size(kConsumerFirstOctets))];
    return std::to_string(a) + '.' + std::to_string(rng.uniformInt(0, 255)) + '.'
           + std::to_string(rng.uniformInt(0, 255)) + '.' + std::to_string(rng.uniformInt(1, 254));
}

std::string hostingPrefix(SimRandom& rng)
{
    const int a = kHostingFirstOctets[rng.index(std::size(kHostingFirstOctets))];
    return std::to_string(a) + '.' + std::to_string(rng.uniformInt(0, 255)) + '.'
           + std::to_string(rng.uniformInt(0, 255));
}

std::string hostInPrefix(const std::string& prefix, SimRandom& rng)
{
    return prefix + '.' + std::to_string(rng.uniformInt(2, 250));
}

void simulateCompletion(SimRequest& request, SimRandom& rng, const CompletionProfile& profile)
{
    std::uint32_t promptTokens = 0;
    for (const auto& m : request.messages) {
        promptTokens += estimateTokens(m.content) + 4;
    }
    request.promptTokens = promptTokens;
    const std::uint32_t choices = request.n > 1 ? static_cast<std::uint32_t>(request.n) : 1U;
    if (rng.chance(profile.refusalRate)) {
        request.refused = true;
        request.finishReason = rng.chance(0.2) ? risk::FinishReason::ContentFilter : risk::FinishReason::Stop;
        request.completionTokens = static_cast<std::uint32_t>(rng.uniformInt(12, 60)) * choices;
        if (request.maxTokens > 0) {
            request.completionTokens =
                std::min(request.completionTokens, static_cast<std::uint32_t>(request.maxTokens) * choices);
        }
        return;
    }
    double tokens = std::max(1.0, std::round(rng.logNormal(profile.medianTokens, profile.sigma)));
    request.finishReason = risk::FinishReason::Stop;
    if (request.maxTokens > 0 && tokens >= request.maxTokens) {
        tokens = request.maxTokens;
        request.finishReason = risk::FinishReason::Length;
    }
    tokens = std::min(tokens, 16384.0);
    request.completionTokens = static_cast<std::uint32_t>(tokens) * choices;
}

std::string fill(std::string_view pattern, const std::vector<std::string_view>& values)
{
    std::string out;
    out.reserve(pattern.size() + 64);
    std::size_t next = 0;
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        if (pattern[i] == '{' && i + 1 < pattern.size() && pattern[i + 1] == '}') {
            if (next < values.size()) {
                out += values[next++];
            }
            ++i;
        } else {
            out += pattern[i];
        }
    }
    return out;
}

std::string capitalised(std::string text)
{
    if (!text.empty()) {
        text[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(text[0])));
    }
    return text;
}

} // namespace modelguard::sim
