// The invisible signed payload (format and rationale in Payload.h).
#include "core/watermark/Payload.h"

#include "core/crypto/Crypto.h"
#include "core/text/Utf8.h"

#include <algorithm>
#include <array>
#include <optional>
#include <stdexcept>

namespace modelguard::watermark {

namespace {

constexpr std::size_t kTagBytes = 4;
constexpr std::size_t kMinuteBytes = 4;
constexpr std::size_t kMacBytes = 8;
constexpr std::size_t kHeaderBytes = 1 + kTagBytes + kMinuteBytes + 1; // version, tag, minute, id length
constexpr std::size_t kMinFrameBytes = kHeaderBytes + 1 + kMacBytes;
constexpr std::size_t kMaxFrameBytes = kHeaderBytes + kMaxClientIdBytes + kMacBytes;
// COBS adds one byte per started block of 254 data bytes; frames are shorter than that.
constexpr std::size_t kMaxEncodedBytes = kMaxFrameBytes + 1;
constexpr std::size_t kMinEncodedBytes = kMinFrameBytes + 1;
static_assert(kMaxFrameBytes < 254, "a frame must fit one COBS block");

// Client MACs keyed during one decode call, so that the copies of a frame cost one HKDF. Bounded: hostile input
// can name any number of client ids under a known (public) tag.
constexpr std::size_t kClientKeyCacheSize = 16;

char32_t codePointOfByte(std::uint8_t b) noexcept
{
    return b < 16 ? char32_t {0xFE00} + b : char32_t {0xE0100} + (b - 16U);
}

/// The payload byte of cp, or -1.
int byteOfCodePoint(char32_t cp) noexcept
{
    if (cp >= 0xFE00 && cp <= 0xFE0F) {
        return static_cast<int>(cp - 0xFE00);
    }
    if (cp >= 0xE0100 && cp <= 0xE01EF) {
        return static_cast<int>(cp - 0xE0100 + 16);
    }
    return -1;
}

std::vector<std::uint8_t> cobsEncode(std::span<const std::uint8_t> data)
{
    std::vector<std::uint8_t> out;
    out.reserve(data.size() + 2);
    std::size_t codeIndex = 0;
    out.push_back(0); // placeholder for the first code byte
    std::uint8_t code = 1;
    for (std::uint8_t b : data) {
        if (b != 0) {
            out.push_back(b);
            ++code;
        }
        if (b == 0 || code == 0xFF) {
            out[codeIndex] = code;
            codeIndex = out.size();
            out.push_back(0);
            code = 1;
        }
    }
    out[codeIndex] = code;
    return out;
}

/// COBS decoding of a segment (no zero byte inside). Returns the decoded length, or 0 when malformed or too long.
std::size_t cobsDecode(std::span<const std::uint8_t> in, std::span<std::uint8_t> out) noexcept
{
    std::size_t written = 0;
    std::size_t i = 0;
    while (i < in.size()) {
        const std::size_t code = in[i];
        // A code byte announces code - 1 data bytes; they must all be present.
        if (code == 0 || i + code > in.size()) {
            return 0;
        }
        if (written + (code - 1) > out.size()) {
            return 0;
        }
        std::copy_n(in.begin() + static_cast<std::ptrdiff_t>(i + 1), code - 1,
                    out.begin() + static_cast<std::ptrdiff_t>(written));
        written += code - 1;
        i += code;
        if (code != 0xFF && i < in.size()) {
            if (written >= out.size()) {
                return 0;
            }
            out[written++] = 0;
        }
    }
    return written;
}

void appendBigEndian(std::vector<std::uint8_t>& out, std::uint32_t v)
{
    out.push_back(static_cast<std::uint8_t>(v >> 24));
    out.push_back(static_cast<std::uint8_t>(v >> 16));
    out.push_back(static_cast<std::uint8_t>(v >> 8));
    out.push_back(static_cast<std::uint8_t>(v));
}

std::uint32_t readBigEndian(const std::uint8_t* p) noexcept
{
    return (std::uint32_t {p[0]} << 24) | (std::uint32_t {p[1]} << 16) | (std::uint32_t {p[2]} << 8)
           | std::uint32_t {p[3]};
}

/// Verifies decoded frames against the keys; owns the caches of one decode call. Tags are computed on the first
/// frame that needs them, so that text without payload costs no key derivation.
class FrameVerifier
{
public:
    explicit FrameVerifier(std::span<const GatewayKey> keys)
        : m_keys(keys)
    { }

    /// Appends a DecodedPayload to out when frame verifies under one of the keys.
    void verify(std::span<const std::uint8_t> frame, std::size_t begin, std::size_t end,
                std::vector<DecodedPayload>& out)
    {
        if (frame.size() < kMinFrameBytes || frame.size() > kMaxFrameBytes || frame[0] != kPayloadVersion) {
            return;
        }
        const std::size_t idLength = frame[kHeaderBytes - 1];
        if (idLength == 0 || idLength > kMaxClientIdBytes || frame.size() != kHeaderBytes + idLength + kMacBytes) {
            return;
        }
        const std::string_view clientId(reinterpret_cast<const char*>(frame.data() + kHeaderBytes), idLength);
        if (!text::isValidUtf8(clientId)) {
            return;
        }
        // The copies of a frame are byte for byte the same: verifying the same bytes again gives the same answer.
        if (!std::equal(frame.begin(), frame.end(), m_lastFrame.begin(), m_lastFrame.end())) {
            m_lastFrame.assign(frame.begin(), frame.end());
            m_lastKey = findKey(frame, clientId);
        }
        if (m_lastKey) {
            out.push_back(DecodedPayload {m_keys[*m_lastKey].gatewayId, std::string(clientId),
                                          readBigEndian(frame.data() + 1 + kTagBytes), begin, end});
        }
    }

private:
    struct CachedMac
    {
        std::size_t keyIndex = 0;
        std::string clientId;
        crypto::HmacSha256 mac;
    };

    std::optional<std::size_t> findKey(std::span<const std::uint8_t> frame, std::string_view clientId)
    {
        if (m_tags.empty()) {
            m_tags.reserve(m_keys.size());
            for (const GatewayKey& key : m_keys) {
                try {
                    m_tags.emplace_back(key.tag());
                } catch (const crypto::CryptoError&) {
                    m_tags.emplace_back(); // an unusable key (no secret) matches nothing; the others still work
                }
            }
        }
        const auto signedPart = frame.first(frame.size() - kMacBytes);
        const auto mac = frame.last(kMacBytes);
        for (std::size_t k = 0; k < m_keys.size(); ++k) {
            if (!m_tags[k] || !std::equal(m_tags[k]->begin(), m_tags[k]->end(), frame.begin() + 1)) {
                continue;
            }
            const crypto::Sha256Digest expected = clientMac(k, clientId).mac(signedPart);
            if (crypto::constantTimeEqual(crypto::ByteView(expected.data(), kMacBytes), mac)) {
                return k;
            }
        }
        return std::nullopt;
    }

    const crypto::HmacSha256& clientMac(std::size_t keyIndex, std::string_view clientId)
    {
        for (const CachedMac& cached : m_cache) {
            if (cached.keyIndex == keyIndex && cached.clientId == clientId) {
                return cached.mac;
            }
        }
        CachedMac fresh {keyIndex, std::string(clientId), crypto::HmacSha256(m_keys[keyIndex].clientKey(clientId))};
        if (m_cache.size() < kClientKeyCacheSize) {
            m_cache.push_back(std::move(fresh));
            return m_cache.back().mac;
        }
        CachedMac& slot = m_cache[m_evict];
        m_evict = (m_evict + 1) % kClientKeyCacheSize;
        slot = std::move(fresh);
        return slot.mac;
    }

    std::span<const GatewayKey> m_keys;
    std::vector<std::optional<std::array<std::uint8_t, 4>>> m_tags;
    std::vector<CachedMac> m_cache;
    std::size_t m_evict = 0;
    std::vector<std::uint8_t> m_lastFrame;
    std::optional<std::size_t> m_lastKey;
};

/// Finds, left to right, the payload code points of a text that a decoder reads: those right after an anchor or
/// after another such payload code point. Forward UTF-8 decoding resynchronises at every byte that is not a
/// continuation byte, so the code point before a candidate can be decoded backwards from the candidate: the scan
/// only decodes around the lead bytes of the payload alphabet (0xEF for U+FE0x, 0xF3 for U+E01xx) and is as exact as
/// decoding every character.
class PayloadScanner
{
public:
    explicit PayloadScanner(std::string_view text) noexcept
        : m_text(text)
    { }

    struct Hit
    {
        std::size_t pos = 0;    ///< byte offset of the code point
        std::size_t length = 0; ///< its UTF-8 length
        std::uint8_t byte = 0;  ///< the payload byte it carries
    };

    /// The next payload code point that follows an anchor or the previous hit directly; false at the end.
    bool next(Hit& hit) noexcept
    {
        const auto* data = reinterpret_cast<const unsigned char*>(m_text.data());
        const std::size_t size = m_text.size();
        std::size_t pos = m_pos;
        while (pos < size) {
            const unsigned char b = data[pos];
            if (b != 0xEFU && b != 0xF3U) {
                ++pos;
                continue;
            }
            // Payload code points: EF B8 80..8F (U+FE00..U+FE0F) and F3 A0 84..87 80..BF (U+E0100..U+E01EF).
            int value = -1;
            std::size_t length = 0;
            if (b == 0xEFU) {
                if (pos + 2 < size && data[pos + 1] == 0xB8U && (data[pos + 2] & 0xF0U) == 0x80U) {
                    value = data[pos + 2] & 0x0F;
                    length = 3;
                }
            } else if (pos + 3 < size && data[pos + 1] == 0xA0U && data[pos + 2] >= 0x84U && data[pos + 2] <= 0x87U
                       && (data[pos + 3] & 0xC0U) == 0x80U) {
                value = 16 + ((data[pos + 2] - 0x84) << 6) + (data[pos + 3] & 0x3F);
                length = value <= 255 ? 4 : 0;
            }
            // Not a payload code point: its continuation bytes are never 0xEF or 0xF3, so moving one byte on is as
            // good as skipping the whole character.
            if (length == 0 || !(pos == m_lastHitEnd || anchorEndsAt(pos))) {
                ++pos;
                continue;
            }
            hit = Hit {pos, length, static_cast<std::uint8_t>(value)};
            m_pos = pos + length;
            m_lastHitEnd = m_pos;
            return true;
        }
        m_pos = size;
        return false;
    }

private:
    /// True when the code point that ends right before end is an anchor (a well-formed one).
    bool anchorEndsAt(std::size_t end) const noexcept
    {
        if (end == 0) {
            return false;
        }
        const auto last = static_cast<unsigned char>(m_text[end - 1]);
        if (last < 0x80U) {
            return isPayloadAnchor(last);
        }
        for (std::size_t back = 2; back <= 4 && back <= end; ++back) {
            const auto b = static_cast<unsigned char>(m_text[end - back]);
            if ((b & 0xC0U) == 0x80U) {
                continue;
            }
            const text::DecodedChar c = text::decodeAt(m_text, end - back);
            return c.valid && c.length == back && isPayloadAnchor(c.codePoint);
        }
        return false;
    }

    std::string_view m_text;
    std::size_t m_pos = 0;
    std::size_t m_lastHitEnd = static_cast<std::size_t>(-1);
};

} // namespace

bool isPayloadCodePoint(char32_t cp) noexcept
{
    return byteOfCodePoint(cp) >= 0;
}

bool isPayloadAnchor(char32_t cp) noexcept
{
    if (cp < 0x80) {
        const char32_t lower = cp | 0x20U;
        return lower >= U'a' && lower <= U'z';
    }
    return (cp >= 0x00C0 && cp <= 0x024F && cp != 0x00D7 && cp != 0x00F7) // Latin-1 letters, Latin Extended-A/B
           || (cp >= 0x0250 && cp <= 0x02AF)                              // IPA extensions
           || (cp >= 0x0300 && cp <= 0x036F)                              // combining diacritical marks
           || (cp >= 0x0370 && cp <= 0x03FF)                              // Greek and Coptic
           || (cp >= 0x0400 && cp <= 0x052F)                              // Cyrillic and its supplement
           || (cp >= 0x0531 && cp <= 0x0587)                              // Armenian
           || (cp >= 0x05D0 && cp <= 0x05EA)                              // Hebrew letters
           || (cp >= 0x1E00 && cp <= 0x1FFF);                             // Latin Extended Additional, Greek Ext.
}

PayloadStamper::PayloadStamper(const GatewayKey& gateway, std::string_view clientId, std::uint32_t issuedAtMinutes)
{
    if (clientId.empty() || clientId.size() > kMaxClientIdBytes) {
        throw std::invalid_argument("watermark payload: the client id must be 1 to 64 bytes long, not "
                                    + std::to_string(clientId.size()));
    }
    if (!text::isValidUtf8(clientId)) {
        throw std::invalid_argument("watermark payload: the client id is not valid UTF-8");
    }
    if (gateway.secret.empty()) {
        throw std::invalid_argument("watermark payload: the gateway key has no secret");
    }
    std::vector<std::uint8_t> frame;
    frame.reserve(kMaxFrameBytes);
    frame.push_back(kPayloadVersion);
    const auto tag = gateway.tag();
    frame.insert(frame.end(), tag.begin(), tag.end());
    appendBigEndian(frame, issuedAtMinutes);
    frame.push_back(static_cast<std::uint8_t>(clientId.size()));
    const auto id = crypto::asBytes(clientId);
    frame.insert(frame.end(), id.begin(), id.end());
    const crypto::Sha256Digest mac = crypto::hmacSha256(gateway.clientKey(clientId), frame);
    frame.insert(frame.end(), mac.begin(), mac.begin() + kMacBytes);

    std::vector<std::uint8_t> stream = cobsEncode(frame);
    stream.insert(stream.begin(), std::uint8_t {0});
    m_period = stream.size();
    m_perWord = (3 * m_period - 2 + kPayloadWindowWords - 1) / kPayloadWindowWords;
    m_perWord = std::clamp<std::size_t>(m_perWord, 1, m_period);

    m_offsets.reserve(2 * m_period + 1);
    for (int copy = 0; copy < 2; ++copy) {
        for (std::uint8_t b : stream) {
            m_offsets.push_back(static_cast<std::uint32_t>(m_utf8.size()));
            text::appendUtf8(m_utf8, codePointOfByte(b));
        }
    }
    m_offsets.push_back(static_cast<std::uint32_t>(m_utf8.size()));
}

std::string_view PayloadStamper::afterWord() noexcept
{
    const std::size_t first = m_offsets[m_next];
    const std::size_t last = m_offsets[m_next + m_perWord];
    m_next = (m_next + m_perWord) % m_period;
    return std::string_view(m_utf8).substr(first, last - first);
}

std::string_view PayloadStamper::afterWord(char32_t lastCodePoint) noexcept
{
    if (!isPayloadAnchor(lastCodePoint)) {
        return {};
    }
    return afterWord();
}

std::string stampPayload(std::string_view input, PayloadStamper& stamper)
{
    const std::string clean = text::sanitizeUtf8(input);
    const std::string_view text(clean);
    std::string out;
    out.reserve(text.size() + text.size() / 4 * stamper.codePointsPerWord() * 4 + 64);
    std::size_t copied = 0; // text[copied, pos) is still to be copied to out
    bool carries = false;   // a payload code point here would be read: it follows an anchor (or payload)
    bool wordOpen = false;  // the last kept code point is an anchor: a run goes before the next non-anchor
    std::size_t pos = 0;
    while (pos < text.size()) {
        const auto b = static_cast<unsigned char>(text[pos]);
        char32_t cp = b;
        std::size_t length = 1;
        if (b >= 0x80U) {
            const text::DecodedChar c = text::decodeAt(text, pos);
            cp = c.codePoint;
            length = c.length;
            if (carries && isPayloadCodePoint(cp)) {
                out.append(text.substr(copied, pos - copied)); // drop a payload code point the text already had
                pos += length;
                copied = pos;
                continue;
            }
        }
        const bool anchor = b < 0x80U ? static_cast<unsigned>((b | 0x20U) - 'a') < 26U : isPayloadAnchor(cp);
        if (wordOpen && !anchor) {
            out.append(text.substr(copied, pos - copied));
            copied = pos;
            out.append(stamper.afterWord());
        }
        wordOpen = anchor;
        carries = anchor;
        pos += length;
    }
    out.append(text.substr(copied));
    if (wordOpen) {
        out.append(stamper.afterWord());
    }
    return out;
}

std::vector<DecodedPayload> decodePayloads(std::string_view text, std::span<const GatewayKey> keys) noexcept
{
    std::vector<DecodedPayload> found;
    if (keys.empty()) {
        return found;
    }
    try {
        FrameVerifier verifier(keys);
        std::array<std::uint8_t, kMaxEncodedBytes> segment {};
        std::array<std::uint8_t, kMaxFrameBytes> frame {};
        std::size_t segmentLength = 0;
        bool overflow = false;
        std::size_t segmentBegin = 0;
        std::size_t segmentEnd = 0;
        const auto flush = [&]() {
            if (!overflow && segmentLength >= kMinEncodedBytes) {
                const std::size_t n = cobsDecode(std::span(segment.data(), segmentLength), frame);
                if (n > 0) {
                    verifier.verify(std::span(frame.data(), n), segmentBegin, segmentEnd, found);
                }
            }
            segmentLength = 0;
            overflow = false;
        };
        PayloadScanner scanner(text);
        PayloadScanner::Hit hit;
        while (scanner.next(hit)) {
            if (hit.byte == 0) {
                flush();
            } else if (segmentLength < segment.size()) {
                if (segmentLength == 0) {
                    segmentBegin = hit.pos;
                }
                segment[segmentLength++] = hit.byte;
                segmentEnd = hit.pos + hit.length;
            } else {
                overflow = true;
            }
        }
        flush();
    } catch (...) {
        // Only allocation or OpenSSL failures get here; what verified so far stands.
    }
    return found;
}

std::string stripPayload(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    std::size_t copied = 0;
    PayloadScanner scanner(text);
    PayloadScanner::Hit hit;
    while (scanner.next(hit)) {
        out.append(text.substr(copied, hit.pos - copied));
        copied = hit.pos + hit.length;
    }
    out.append(text.substr(copied));
    return out;
}

} // namespace modelguard::watermark
