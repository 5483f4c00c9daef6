// libFuzzer target: any bytes → Detector::detect with one gateway and three candidate clients. Checks that it never
// crashes and that its result is coherent: every evidence span lies within the input and starts and ends on the
// boundary of a decoded character (a valid code point or one maximal malformed subpart, as core/text decodes).
// Short inputs are also embedded (one-shot and streamed in input-chosen chunks): the output must be valid UTF-8, the
// same both ways, and a payload embed of anything must still be detected as not crashing.
#include "core/text/Utf8.h"
#include "core/watermark/Watermark.h"

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

namespace {

namespace wm = modelguard::watermark;

wm::GatewayKey fuzzKey()
{
    wm::GatewayKey key;
    key.gatewayId = "gw-fuzz";
    key.secret.assign(32, 0x5A); // fixed: runs are reproducible
    return key;
}

const wm::Detector& detector()
{
    static const wm::Detector instance(std::vector<wm::GatewayKey> {fuzzKey()});
    return instance;
}

const wm::DetectOptions& options()
{
    static const wm::DetectOptions instance = [] {
        wm::DetectOptions o;
        o.candidateClients = {"alice", "bob", "carol"};
        o.collectEvidence = true;
        return o;
    }();
    return instance;
}

/// Embedders are built once per scheme: key derivation is not what this target explores.
const wm::Embedder& embedderFor(wm::Scheme scheme)
{
    auto make = [](wm::Scheme s) {
        wm::EmbedOptions o;
        o.scheme = s;
        o.issuedAtMinutes = 28000000;
        return wm::Embedder(fuzzKey(), "bob", o);
    };
    static const wm::Embedder both = make(wm::Scheme::Both);
    static const wm::Embedder lexical = make(wm::Scheme::Lexical);
    return scheme == wm::Scheme::Both ? both : lexical;
}

void check(bool condition)
{
    if (!condition) {
        std::abort();
    }
}

/// Marks the offsets at which a decoded character starts, plus the end of the text.
std::vector<bool> characterBoundaries(std::string_view text)
{
    std::vector<bool> boundary(text.size() + 1, false);
    std::size_t pos = 0;
    while (pos < text.size()) {
        boundary[pos] = true;
        pos += modelguard::text::decodeAt(text, pos).length;
    }
    boundary[text.size()] = true;
    return boundary;
}

void checkResult(std::string_view text, const wm::DetectionResult& result)
{
    check(result.green <= result.scored);
    check(std::isnan(result.pValue) || (result.pValue >= 0.0 && result.pValue <= 1.0));
    check(result.verdict != wm::Verdict::Watermarked || result.schemes != wm::Scheme::None);
    check(result.payloadCopies == 0 || result.clientId.has_value());
    const std::vector<bool> boundary = characterBoundaries(text);
    for (const wm::EvidenceSpan& span : result.evidence) {
        check(span.begin <= span.end);
        check(span.end <= text.size());
        check(boundary[span.begin]);
        check(boundary[span.end]);
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    checkResult(text, detector().detect(text, options()));

    if (size > 0 && size <= 4096) {
        // First byte: scheme and chunk size for the streamed embed; the rest is the text.
        const auto control = static_cast<unsigned>(data[0]);
        const std::string_view body = text.substr(1);
        const wm::Embedder& embedder =
            (control & 1U) != 0 ? embedderFor(wm::Scheme::Both) : embedderFor(wm::Scheme::Lexical);
        const std::string oneShot = embedder.embed(body);
        check(modelguard::text::isValidUtf8(oneShot));

        const std::size_t chunk = 1 + (control >> 1);
        const auto stream = embedder.stream();
        std::string streamed;
        for (std::size_t pos = 0; pos < body.size(); pos += chunk) {
            streamed += stream->push(body.substr(pos, chunk));
        }
        streamed += stream->finish();
        check(streamed == oneShot);

        checkResult(oneShot, detector().detect(oneShot, options()));
    }
    return 0;
}
