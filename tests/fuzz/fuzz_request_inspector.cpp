// libFuzzer target: any bytes → inspectRequest on the three endpoints under two output policies (with and without
// the risk engine's strip), then the same bytes as an upstream response: ResponseTransformer::transformBody and
// pushStream (whole, and split at input-chosen points) + finishStream. Checks that nothing crashes and that results
// are coherent: an accepted request's upstream body is a JSON object that inspects again without error, and a
// stream gives the same output whatever the split.
#include "core/text/Utf8.h"
#include "core/watermark/Watermark.h"
#include "services/gateway/inspect/RequestInspector.h"
#include "services/gateway/inspect/ResponseTransformer.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

namespace {

namespace wm = modelguard::watermark;
namespace inspect = modelguard::gateway::inspect;
namespace policy = modelguard::policy;

const wm::Embedder& embedder()
{
    static const wm::Embedder instance = [] {
        wm::GatewayKey key;
        key.gatewayId = "gw-fuzz";
        key.secret.assign(32, 0x5A);
        return wm::Embedder(key, "alice", wm::EmbedOptions {wm::Scheme::Both, 1.0, 29000000});
    }();
    return instance;
}

policy::OutputPolicy strictPolicy()
{
    policy::OutputPolicy p;
    p.logprobs = policy::LogprobsMode::Cap;
    p.topLogprobsCap = 2;
    p.logitBias = policy::LogitBiasMode::Cap;
    p.logitBiasMaxCount = 2;
    p.maxN = 2;
    p.minTemperature = 0.5;
    return p;
}

policy::OutputPolicy noisePolicy()
{
    policy::OutputPolicy p;
    p.logprobs = policy::LogprobsMode::Noise;
    p.logitBias = policy::LogitBiasMode::DenyWithLogprobs;
    return p;
}

void check(bool condition)
{
    if (!condition) {
        std::abort();
    }
}

std::string stream(inspect::Endpoint endpoint, const policy::OutputPolicy& output, std::string_view bytes,
                   std::size_t splitEvery, bool includeUsage)
{
    inspect::ResponseTransformer transformer(
        endpoint, output, [] { return embedder().stream(); }, 7, includeUsage);
    std::string out;
    for (std::size_t pos = 0; pos < bytes.size(); pos += splitEvery) {
        out += transformer.pushStream(bytes.substr(pos, splitEvery));
    }
    out += transformer.finishStream();
    return out;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    policy::LimitPolicy limits;
    limits.maxTokensCap = 512;
    const policy::OutputPolicy policies[] = {policy::OutputPolicy {}, strictPolicy(), noisePolicy()};
    for (const auto endpoint :
         {inspect::Endpoint::Chat, inspect::Endpoint::Completions, inspect::Endpoint::Embeddings}) {
        for (const auto& output : policies) {
            for (const bool strip : {false, true}) {
                const auto result = inspect::inspectRequest(endpoint, bytes, output, limits, strip);
                if (const auto* request = std::get_if<inspect::InspectedRequest>(&result)) {
                    check(modelguard::text::isValidUtf8(request->upstreamBody));
                    check(request->effectiveMaxTokens >= 0 && request->effectiveMaxTokens <= 512);
                    // What the gateway sends upstream is itself a valid request (and a fixed point of the policy).
                    const auto again = inspect::inspectRequest(endpoint, request->upstreamBody, output, limits, strip);
                    check(std::holds_alternative<inspect::InspectedRequest>(again));
                } else {
                    const auto& error = std::get<inspect::InspectError>(result);
                    check(error.status == 400 || error.status == 413);
                    check(!error.message.empty());
                }
            }
        }
        if (endpoint == inspect::Endpoint::Embeddings) {
            continue;
        }
        inspect::ResponseTransformer body(
            endpoint, policies[2], [] { return embedder().stream(); }, 7);
        if (const auto out = body.transformBody(bytes)) {
            check(!out->empty());
        }
        // The same stream, whole and split: identical output (every malformed case included).
        const std::size_t split = size > 0 ? 1 + data[0] % 17 : 1;
        const std::string whole = stream(endpoint, policies[1], bytes, bytes.size() + 1, size % 2 == 0);
        const std::string pieces = stream(endpoint, policies[1], bytes, split, size % 2 == 0);
        check(whole == pieces);
    }
    return 0;
}
