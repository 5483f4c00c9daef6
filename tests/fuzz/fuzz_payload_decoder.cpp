// libFuzzer target: any bytes → decodePayloads (two gateways), stripPayload and stampPayload. Checks that nothing
// crashes and that the results are coherent:
//  * every decoded frame names one of the keys' gateways, a 1..64-byte UTF-8 client id, and a span inside the input
//    that starts on a payload code point;
//  * stripPayload never grows the text, is idempotent, and leaves nothing to decode;
//  * stamping the input gives valid UTF-8 whose stripped form is the stripped, sanitized input, and every frame
//    decoded from it is the stamper's own (a payload the input carried is replaced, never kept).
#include "core/text/Utf8.h"
#include "core/watermark/Payload.h"
#include "core/watermark/Watermark.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace {

namespace wm = modelguard::watermark;

const std::vector<wm::GatewayKey>& keys()
{
    static const std::vector<wm::GatewayKey> instance = [] {
        std::vector<wm::GatewayKey> k(2);
        k[0].gatewayId = "gw-fuzz-a";
        k[0].secret.assign(32, 0x5A); // fixed: runs are reproducible
        k[1].gatewayId = "gw-fuzz-b";
        k[1].secret.assign(32, 0xA5);
        return k;
    }();
    return instance;
}

constexpr std::string_view kStampClient = "fuzz-client-0001";
constexpr std::uint32_t kStampMinute = 29'000'000;

void check(bool condition)
{
    if (!condition) {
        std::abort();
    }
}

void checkDecoded(std::string_view text, const std::vector<wm::DecodedPayload>& found)
{
    for (const wm::DecodedPayload& p : found) {
        check(p.gatewayId == keys()[0].gatewayId || p.gatewayId == keys()[1].gatewayId);
        check(!p.clientId.empty() && p.clientId.size() <= wm::kMaxClientIdBytes);
        check(modelguard::text::isValidUtf8(p.clientId));
        check(p.begin < p.end && p.end <= text.size());
        const auto first = modelguard::text::decodeAt(text, p.begin);
        check(first.valid && wm::isPayloadCodePoint(first.codePoint));
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    const std::span<const wm::GatewayKey> gateways(keys());

    checkDecoded(input, wm::decodePayloads(input, gateways));

    const std::string stripped = wm::stripPayload(input);
    check(stripped.size() <= input.size());
    check(wm::stripPayload(stripped) == stripped);
    check(wm::decodePayloads(stripped, gateways).empty());

    if (size <= 4096) {
        wm::PayloadStamper stamper(keys()[0], kStampClient, kStampMinute);
        const std::string stamped = wm::stampPayload(input, stamper);
        check(modelguard::text::isValidUtf8(stamped));
        check(wm::stripPayload(stamped) == wm::stripPayload(modelguard::text::sanitizeUtf8(input)));
        const auto found = wm::decodePayloads(stamped, gateways);
        checkDecoded(stamped, found);
        for (const wm::DecodedPayload& p : found) {
            check(p.gatewayId == keys()[0].gatewayId && p.clientId == kStampClient
                  && p.issuedAtMinutes == kStampMinute);
        }
    }
    return 0;
}
