#pragma once
// The invisible signed payload: who received a text (gateway, client) and when, carried by invisible code points
// attached to the words of the text itself, repeated so that any verbatim fragment of about 40 words attributes it.
//
// Alphabet. One payload byte is one variation selector: bytes 0..15 are VS1..VS16 (U+FE00..U+FE0F, 3 UTF-8 bytes),
// bytes 16..255 are VS17..VS256 (U+E0100..U+E01EF, 4 UTF-8 bytes). Why variation selectors:
//  * they are Default_Ignorable_Code_Point, so renderers draw nothing for them (a variation selector after a base
//    that has no registered variation sequence is ignored by the shaper) and the lexical detector skips them;
//  * 256 of them give a whole byte per code point (about 3.94 UTF-8 bytes per payload byte). Tag characters
//    (U+E0020..U+E007F) carry 7 bits in 4 bytes and are increasingly stripped as a prompt-injection vector;
//    zero-width characters (ZWSP, ZWNJ, ZWJ, WJ) carry 2 bits in 3 bytes and ZWJ/ZWNJ change shaping;
//  * they are ordinary non-control characters: clipboards, browsers, word processors, JSON and terminals keep
//    them when text is copied and pasted, and Unicode normalisation (NFC/NFKC) leaves them alone.
// Variation selectors do have a meaning after some bases (emoji presentation after emoji and digits, glyph
// variants after CJK ideographs and a few symbols). So a run of payload code points is only ever placed right after
// an "anchor": a letter of an alphabetic script that has no variation sequences (isPayloadAnchor), and the decoder
// only reads payload code points that follow an anchor or another payload code point. An emoji's U+FE0F is thus
// neither misread as payload nor removed by stripPayload.
//
// Frame (before encoding), all integers big-endian:
//     version (1) = 1 | gateway tag (4) | issue minute (4) | client id length n (1, 1..64) | client id (n bytes)
//     | MAC (8) = HMAC-SHA256(client key, everything before it), truncated
// 18 + n bytes. The frame is COBS-encoded (no zero byte inside, one byte of overhead for frames < 254 bytes) and
// preceded by the delimiter byte 0 (U+FE00), so that a decoder that starts anywhere in the middle of the stream
// finds the next frame start at the next delimiter; partial frames at the edges of a fragment fail the length or
// MAC check and are ignored. The stream is the period "0, COBS(frame)" repeated: P = n + 20 payload bytes.
//
// Spread. Each word (anchor) carries k consecutive bytes of the stream, k = ceil((3P - 2) / 40). Any window of 40
// consecutive anchored words covers 40k >= 3P - 2 consecutive stream bytes, which always contains at least two
// complete encoded frames. For a 16-byte client id: P = 36, k = 3, i.e. about 3 x 3.94 = 11.8 UTF-8 bytes added
// per word (bench_payload prints the measured figure); a 1-byte id gives k = 2, a 64-byte id k = 7.
//
// Thread safety: a PayloadStamper is used by one thread at a time; the free functions are thread-safe.

#include "core/watermark/Watermark.h"

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace modelguard::watermark {

inline constexpr std::uint8_t kPayloadVersion = 1;
inline constexpr std::size_t kMaxClientIdBytes = 64;
/// Words (anchors) in which every payload frame repeats at least twice.
inline constexpr std::size_t kPayloadWindowWords = 40;

/// True for the 256 code points of the payload alphabet (all variation selectors).
bool isPayloadCodePoint(char32_t cp) noexcept;

/// True when a payload run may follow cp: letters of Latin (incl. IPA and Latin Extended Additional), Greek,
/// Cyrillic, Armenian and Hebrew, and combining diacritical marks U+0300..U+036F. Digits, punctuation, symbols,
/// emoji and CJK are not anchors (variation selectors have a visible meaning after some of them).
bool isPayloadAnchor(char32_t cp) noexcept;

/// Produces the invisible payload of one (gateway, client, issue minute), a few code points per word.
/// Deterministic: the same inputs and the same sequence of calls give the same output, so a streaming embedder
/// and a one-shot embedder agree as long as they agree on where words end.
class PayloadStamper
{
public:
    /// Throws std::invalid_argument when clientId is empty, longer than kMaxClientIdBytes bytes or not valid
    /// UTF-8, or the gateway secret is empty. Throws crypto::CryptoError if OpenSSL fails.
    PayloadStamper(const GatewayKey& gateway, std::string_view clientId, std::uint32_t issuedAtMinutes);

    /// Invisible UTF-8 (codePointsPerWord() payload code points) to append right after the last letter of the
    /// next word, before any punctuation or whitespace. Valid until the next call or the stamper's destruction.
    std::string_view afterWord() noexcept;
    /// As afterWord(), but only when lastCodePoint (the word's last code point) is an anchor; otherwise returns
    /// an empty view and does not advance. Prefer this overload: it keeps the contract of isPayloadAnchor.
    std::string_view afterWord(char32_t lastCodePoint) noexcept;

    std::size_t codePointsPerWord() const noexcept { return m_perWord; }
    /// Payload bytes in one repetition of the stream (delimiter + encoded frame).
    std::size_t period() const noexcept { return m_period; }

private:
    std::string m_utf8;                   // two periods of the stream as UTF-8
    std::vector<std::uint32_t> m_offsets; // byte offset in m_utf8 of each code point, plus the end
    std::size_t m_period = 0;
    std::size_t m_perWord = 0;
    std::size_t m_next = 0; // stream position (mod period) of the next code point to emit
};

/// Reference one-shot embedding: sanitizes text (invalid UTF-8 → U+FFFD), drops payload code points it already
/// carries (those that stripPayload removes) and appends stamper.afterWord() after every anchor that is not
/// followed by another anchor (the end of each word's run of letters). Used by tests, benchmarks and the CLI.
std::string stampPayload(std::string_view text, PayloadStamper& stamper);

/// A frame that decoded and verified.
struct DecodedPayload
{
    std::string gatewayId;
    std::string clientId;
    std::uint32_t issuedAtMinutes = 0;
    std::size_t begin = 0; ///< byte offset of the frame's first code point in the text
    std::size_t end = 0;   ///< one past the frame's last code point (visible words in between included)
};

/// Every frame of text that verifies against one of keys (matched by tag, then MAC checked in constant time with
/// the client key derived from the frame's client id), in text order. Frames that fail the length, version or MAC
/// check, or name an unknown gateway, are ignored. Never throws and never crashes on any bytes (invalid UTF-8
/// included); linear time; memory bounded by one frame plus the results (at most one per 60 input bytes).
std::vector<DecodedPayload> decodePayloads(std::string_view text, std::span<const GatewayKey> keys) noexcept;

/// Copy of text without its payload code points (those that follow an anchor or another payload code point);
/// everything else, invalid bytes included, is kept as is.
std::string stripPayload(std::string_view text);

} // namespace modelguard::watermark
