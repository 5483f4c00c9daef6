// Tests of the invisible signed payload: round trips, every 40-word fragment, re-wrapping, forgery and tampering,
// truncated frames, hostile bytes.
#include "core/watermark/Payload.h"

#include "core/crypto/Crypto.h"
#include "core/text/Utf8.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <random>
#include <stdexcept>

namespace modelguard::watermark {
namespace {

constexpr std::uint32_t kMinute = 29'000'000; // 2025-02-20, in minutes since the epoch

GatewayKey fixedKey(std::string id, std::uint8_t seed)
{
    crypto::Bytes secret(32);
    for (std::size_t i = 0; i < secret.size(); ++i) {
        secret[i] = static_cast<std::uint8_t>(seed + 7 * i);
    }
    return GatewayKey {std::move(id), std::move(secret)};
}

/// Prose-like words of random letters, some capitalised, some followed by punctuation, separated by spaces and
/// the odd newline.
std::string randomProse(std::size_t words, std::uint32_t seed)
{
    std::mt19937 rng(seed);
    std::uniform_int_distribution<int> length(1, 9);
    std::uniform_int_distribution<int> letter('a', 'z');
    std::uniform_int_distribution<int> percent(0, 99);
    std::string out;
    for (std::size_t w = 0; w < words; ++w) {
        if (w > 0) {
            out += percent(rng) < 5 ? "\n" : " ";
        }
        const int n = length(rng);
        for (int i = 0; i < n; ++i) {
            char c = static_cast<char>(letter(rng));
            if (i == 0 && percent(rng) < 10) {
                c = static_cast<char>(c - 'a' + 'A');
            }
            out += c;
        }
        const int p = percent(rng);
        if (p < 8) {
            out += ',';
        } else if (p < 12) {
            out += '.';
        } else if (p < 13) {
            out += "\xE2\x80\x94"; // em dash
        }
    }
    return out;
}

bool isSpace(char c)
{
    return c == ' ' || c == '\n' || c == '\t' || c == '\r';
}

/// Byte ranges [begin, end) of the whitespace-separated tokens of text.
std::vector<std::pair<std::size_t, std::size_t>> tokens(std::string_view text)
{
    std::vector<std::pair<std::size_t, std::size_t>> out;
    std::size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && isSpace(text[i])) {
            ++i;
        }
        const std::size_t begin = i;
        while (i < text.size() && !isSpace(text[i])) {
            ++i;
        }
        if (i > begin) {
            out.emplace_back(begin, i);
        }
    }
    return out;
}

/// Every whitespace run replaced by 1..3 random spaces, newlines or tabs.
std::string rewrap(std::string_view text, std::uint32_t seed)
{
    std::mt19937 rng(seed);
    std::uniform_int_distribution<int> count(1, 3);
    std::uniform_int_distribution<int> kind(0, 9);
    std::string out;
    std::size_t i = 0;
    while (i < text.size()) {
        if (!isSpace(text[i])) {
            out += text[i++];
            continue;
        }
        while (i < text.size() && isSpace(text[i])) {
            ++i;
        }
        for (int n = count(rng); n > 0; --n) {
            const int k = kind(rng);
            out += k < 6 ? ' ' : (k < 9 ? '\n' : '\t');
        }
    }
    return out;
}

std::vector<DecodedPayload> decode(std::string_view text, const std::vector<GatewayKey>& keys)
{
    return decodePayloads(text, std::span<const GatewayKey>(keys));
}

/// The payload bytes carried by text (payload code points after an anchor or another payload code point).
std::vector<std::uint8_t> payloadBytes(std::string_view text)
{
    std::vector<std::uint8_t> out;
    for (std::size_t pos = 0; pos < text.size();) {
        const text::DecodedChar c = text::decodeAt(text, pos);
        if (c.valid && c.codePoint >= 0xFE00 && c.codePoint <= 0xFE0F) {
            out.push_back(static_cast<std::uint8_t>(c.codePoint - 0xFE00));
        } else if (c.valid && c.codePoint >= 0xE0100 && c.codePoint <= 0xE01EF) {
            out.push_back(static_cast<std::uint8_t>(c.codePoint - 0xE0100 + 16));
        }
        pos += c.length;
    }
    return out;
}

char32_t payloadChar(std::uint8_t b)
{
    return b < 16 ? char32_t {0xFE00} + b : char32_t {0xE0100} + (b - 16U);
}

/// "x" followed by the payload code points of bytes: a minimal carrier text.
std::string carrier(const std::vector<std::uint8_t>& bytes)
{
    std::string out = "x";
    for (std::uint8_t b : bytes) {
        text::appendUtf8(out, payloadChar(b));
    }
    return out;
}

/// Independent COBS encoder (Cheshire & Baker 1999) for forging frames in tests.
std::vector<std::uint8_t> cobs(const std::vector<std::uint8_t>& data)
{
    std::vector<std::uint8_t> out {0};
    std::size_t codeAt = 0;
    for (std::uint8_t b : data) {
        if (b == 0) {
            out[codeAt] = static_cast<std::uint8_t>(out.size() - codeAt);
            codeAt = out.size();
            out.push_back(0);
        } else {
            out.push_back(b);
        }
    }
    out[codeAt] = static_cast<std::uint8_t>(out.size() - codeAt);
    return out;
}

/// A frame built from the documented layout; mac computed with macKey.
std::vector<std::uint8_t> buildFrame(const GatewayKey& gateway, std::string_view clientId, std::uint32_t minute,
                                     const crypto::Bytes& macKey)
{
    std::vector<std::uint8_t> frame {kPayloadVersion};
    const auto tag = gateway.tag();
    frame.insert(frame.end(), tag.begin(), tag.end());
    for (int shift = 24; shift >= 0; shift -= 8) {
        frame.push_back(static_cast<std::uint8_t>(minute >> shift));
    }
    frame.push_back(static_cast<std::uint8_t>(clientId.size()));
    frame.insert(frame.end(), clientId.begin(), clientId.end());
    const auto mac = crypto::hmacSha256(macKey, frame);
    frame.insert(frame.end(), mac.begin(), mac.begin() + 8);
    return frame;
}

std::vector<std::uint8_t> delimited(const std::vector<std::uint8_t>& frame)
{
    std::vector<std::uint8_t> out {0};
    const auto encoded = cobs(frame);
    out.insert(out.end(), encoded.begin(), encoded.end());
    return out;
}

class PayloadTest : public ::testing::Test
{
protected:
    GatewayKey m_gateway = fixedKey("gw-eu-1", 1);
    GatewayKey m_other = fixedKey("gw-us-2", 99);
    std::vector<GatewayKey> m_keys {m_other, m_gateway};
    std::string m_client = "client-0123456789"; // 17 bytes
};

void expectAll(const std::vector<DecodedPayload>& found, std::string_view gateway, std::string_view client,
               std::uint32_t minute)
{
    for (const DecodedPayload& p : found) {
        EXPECT_EQ(p.gatewayId, gateway);
        EXPECT_EQ(p.clientId, client);
        EXPECT_EQ(p.issuedAtMinutes, minute);
        EXPECT_LT(p.begin, p.end);
    }
}

TEST_F(PayloadTest, AlphabetIsDefaultIgnorableAndOneBytePerCodePoint)
{
    std::size_t count = 0;
    for (char32_t cp = 0; cp <= 0x10FFFF; ++cp) {
        if (isPayloadCodePoint(cp)) {
            ++count;
            EXPECT_TRUE(text::isDefaultIgnorable(cp)) << std::hex << static_cast<std::uint32_t>(cp);
            EXPECT_FALSE(isPayloadAnchor(cp));
        }
    }
    EXPECT_EQ(count, 256U);
    EXPECT_TRUE(isPayloadAnchor(U'a'));
    EXPECT_TRUE(isPayloadAnchor(U'Z'));
    EXPECT_TRUE(isPayloadAnchor(U'\u00E9'));
    EXPECT_TRUE(isPayloadAnchor(U'\u0436'));
    EXPECT_TRUE(isPayloadAnchor(U'\u0301'));
    // Bases after which a variation selector is visible (emoji, keycaps, ideographs) or that are not letters.
    for (char32_t cp :
         {U'0', U'9', U'#', U'*', U' ', U',', U'\u00A9', U'\u2764', U'\U0001F600', U'\u4E00', U'\u00D7', U'\u3042'}) {
        EXPECT_FALSE(isPayloadAnchor(cp)) << std::hex << static_cast<std::uint32_t>(cp);
    }
}

TEST_F(PayloadTest, SpreadGivesTwoFramesPerFortyWords)
{
    for (std::size_t idLength : {std::size_t {1}, std::size_t {16}, std::size_t {40}, kMaxClientIdBytes}) {
        PayloadStamper stamper(m_gateway, std::string(idLength, 'c'), kMinute);
        EXPECT_EQ(stamper.period(), idLength + 20);
        EXPECT_GE(stamper.codePointsPerWord() * kPayloadWindowWords, 3 * stamper.period() - 2);
    }
    EXPECT_EQ(PayloadStamper(m_gateway, std::string(16, 'c'), kMinute).codePointsPerWord(), 3U);
}

TEST_F(PayloadTest, RoundTripKeepsVisibleText)
{
    const std::string text = randomProse(300, 1);
    PayloadStamper stamper(m_gateway, m_client, kMinute);
    const std::string stamped = stampPayload(text, stamper);
    EXPECT_GT(stamped.size(), text.size());
    EXPECT_TRUE(text::isValidUtf8(stamped));
    EXPECT_EQ(stripPayload(stamped), text);

    const auto found = decode(stamped, m_keys);
    // 300 words x k code points: every whole period of the stream is one verified frame.
    const std::size_t expected = 300 * stamper.codePointsPerWord() / stamper.period();
    EXPECT_EQ(found.size(), expected);
    expectAll(found, m_gateway.gatewayId, m_client, kMinute);
    for (std::size_t i = 1; i < found.size(); ++i) {
        EXPECT_LE(found[i - 1].end, found[i].begin); // in text order, not overlapping
    }
    for (const DecodedPayload& p : found) {
        ASSERT_LE(p.end, stamped.size());
        EXPECT_TRUE(isPayloadCodePoint(text::decodeAt(stamped, p.begin).codePoint));
    }
}

TEST_F(PayloadTest, VisibleTextUnchangedForMixedScripts)
{
    const std::string text =
        "Caf\xC3\xA9 cre\xCC\x80me, \xD0\xBF\xD1\x80\xD0\xB8\xD0\xB2\xD0\xB5\xD1\x82! "
        "I \xE2\x9D\xA4\xEF\xB8\x8F it \xE2\x80\x94 1984 \xE4\xB8\x80\xE4\xBA\x8C 2\xEF\xB8\x8F\xE2\x83\xA3 "
        "\xF0\x9F\x98\x80 end.";
    PayloadStamper stamper(m_gateway, m_client, kMinute);
    const std::string stamped = stampPayload(text, stamper);
    EXPECT_EQ(stripPayload(stamped), text);
    // The emoji's variation selectors were neither taken for payload nor removed.
    EXPECT_NE(stripPayload(stamped).find("\xE2\x9D\xA4\xEF\xB8\x8F"), std::string::npos);
    EXPECT_NE(stamped.find("\xE2\x9D\xA4\xEF\xB8\x8F"), std::string::npos);
    // No payload after digits, emoji or ideographs.
    EXPECT_NE(stamped.find("1984 "), std::string::npos);
    EXPECT_NE(stamped.find("\xE4\xB8\x80\xE4\xBA\x8C "), std::string::npos);
}

TEST_F(PayloadTest, EveryFortyWordWindowDecodes)
{
    for (const std::string& client : {std::string("a"), m_client, std::string(kMaxClientIdBytes, 'z')}) {
        SCOPED_TRACE(client.size());
        PayloadStamper stamper(m_gateway, client, kMinute);
        const std::string stamped = stampPayload(randomProse(600, 2), stamper);
        const auto words = tokens(stamped);
        ASSERT_EQ(words.size(), 600U);
        for (std::size_t first = 0; first + kPayloadWindowWords <= words.size(); ++first) {
            const std::size_t begin = words[first].first;
            const std::size_t end = words[first + kPayloadWindowWords - 1].second;
            const std::string_view window = std::string_view(stamped).substr(begin, end - begin);
            const auto found = decode(window, m_keys);
            ASSERT_GE(found.size(), 2U) << "window at word " << first;
            expectAll(found, m_gateway.gatewayId, client, kMinute);
        }
    }
}

TEST_F(PayloadTest, RewrappedFragmentsDecode)
{
    PayloadStamper stamper(m_gateway, m_client, kMinute);
    const std::string stamped = stampPayload(randomProse(600, 3), stamper);
    for (std::uint32_t seed = 0; seed < 5; ++seed) {
        const std::string wrapped = rewrap(stamped, seed);
        EXPECT_NE(wrapped, stamped);
        const auto words = tokens(wrapped);
        ASSERT_EQ(words.size(), 600U);
        for (std::size_t first = seed; first + kPayloadWindowWords <= words.size(); first += 7) {
            const std::size_t begin = words[first].first;
            const std::size_t end = words[first + kPayloadWindowWords - 1].second;
            const auto found = decode(std::string_view(wrapped).substr(begin, end - begin), m_keys);
            ASSERT_GE(found.size(), 2U) << "seed " << seed << " window at word " << first;
            expectAll(found, m_gateway.gatewayId, m_client, kMinute);
        }
    }
}

TEST_F(PayloadTest, WrongKeyVerifiesNothing)
{
    PayloadStamper stamper(m_gateway, m_client, kMinute);
    const std::string stamped = stampPayload(randomProse(200, 4), stamper);
    ASSERT_FALSE(decode(stamped, m_keys).empty());
    EXPECT_TRUE(decode(stamped, {m_other}).empty());
    EXPECT_TRUE(decode(stamped, {}).empty());
    // Same gateway id, another secret.
    EXPECT_TRUE(decode(stamped, {fixedKey(m_gateway.gatewayId, 2)}).empty());
    // A key without a secret among the keys matches nothing and does not stop the others.
    const auto found = decode(stamped, {GatewayKey {"no-secret", {}}, m_gateway});
    ASSERT_FALSE(found.empty());
    expectAll(found, m_gateway.gatewayId, m_client, kMinute);
}

TEST_F(PayloadTest, ForgedFrameFollowsTheDocumentedLayout)
{
    // Positive control: a frame built from the documented layout with the right client key verifies...
    const auto good = buildFrame(m_gateway, "mallory", 123, m_gateway.clientKey("mallory"));
    const auto found = decode(carrier(delimited(good)), m_keys);
    ASSERT_EQ(found.size(), 1U);
    EXPECT_EQ(found[0].clientId, "mallory");
    EXPECT_EQ(found[0].issuedAtMinutes, 123U);
    EXPECT_EQ(found[0].gatewayId, m_gateway.gatewayId);
    // ... and is byte for byte what the stamper produces.
    PayloadStamper stamper(m_gateway, "mallory", 123);
    std::string stream;
    while (payloadBytes(stream).size() < stamper.period()) {
        stream += stamper.afterWord();
    }
    const auto streamBytes = payloadBytes(stream);
    const auto expected = delimited(good);
    ASSERT_GE(streamBytes.size(), expected.size());
    EXPECT_TRUE(std::equal(expected.begin(), expected.end(), streamBytes.begin()));

    // A MAC made with another client's key, or with the gateway secret itself, does not verify.
    EXPECT_TRUE(decode(carrier(delimited(buildFrame(m_gateway, "mallory", 123, m_gateway.clientKey("alice")))), m_keys)
                    .empty());
    EXPECT_TRUE(decode(carrier(delimited(buildFrame(m_gateway, "mallory", 123, m_gateway.secret))), m_keys).empty());
}

TEST_F(PayloadTest, StreamMatchesIndependentKnownAnswers)
{
    // Computed with Python's hmac/hashlib (RFC 5869 HKDF written out) and a textbook COBS encoder, from the layout
    // documented in Payload.h. Secret 00 01 .. 1f, client "alice". The second minute (0x01000000) puts zero bytes
    // into the frame, which COBS must encode.
    GatewayKey counting {"gw", crypto::Bytes(32)};
    for (std::size_t i = 0; i < 32; ++i) {
        counting.secret[i] = static_cast<std::uint8_t>(i);
    }
    const std::pair<std::uint32_t, std::string_view> cases[] = {
        {29'000'000, "00180138104b3201ba814005616c696365294e6a78fe5a6dcf"},
        {0x01000000, "00070138104b320101010f05616c696365b649f4a1ca71b443"},
    };
    for (const auto& [minute, hex] : cases) {
        PayloadStamper stamper(counting, "alice", minute);
        std::string stream;
        while (payloadBytes(stream).size() < stamper.period()) {
            stream += stamper.afterWord();
        }
        auto bytes = payloadBytes(stream);
        bytes.resize(stamper.period());
        EXPECT_EQ(crypto::toHex(bytes), hex);
        const auto found = decode(carrier(bytes), {counting});
        ASSERT_EQ(found.size(), 1U);
        EXPECT_EQ(found[0].issuedAtMinutes, minute);
    }
}

TEST_F(PayloadTest, AlteredClientIdOrMinuteIsRejected)
{
    const std::string client = "alice-0000000001";
    const auto frame = buildFrame(m_gateway, client, kMinute, m_gateway.clientKey(client));
    ASSERT_EQ(decode(carrier(delimited(frame)), m_keys).size(), 1U);

    auto renamed = frame;
    renamed[10 + 15] = '2'; // "alice-0000000002", MAC left as it was
    EXPECT_TRUE(decode(carrier(delimited(renamed)), m_keys).empty());

    auto later = frame;
    later[8] ^= 1; // minute + 1
    EXPECT_TRUE(decode(carrier(delimited(later)), m_keys).empty());

    // A longer id with a consistent length byte, old MAC.
    auto longer = buildFrame(m_gateway, client + "x", kMinute, m_gateway.clientKey(client + "x"));
    std::copy(frame.end() - 8, frame.end(), longer.end() - 8);
    EXPECT_TRUE(decode(carrier(delimited(longer)), m_keys).empty());

    // Length byte disagreeing with the frame's size.
    auto inconsistent = frame;
    inconsistent[9] = static_cast<std::uint8_t>(client.size() - 1);
    EXPECT_TRUE(decode(carrier(delimited(inconsistent)), m_keys).empty());
}

TEST_F(PayloadTest, EveryFlippedBitIsRejected)
{
    const auto frame = buildFrame(m_gateway, m_client, kMinute, m_gateway.clientKey(m_client));
    const auto stream = delimited(frame);
    ASSERT_EQ(decode(carrier(stream), m_keys).size(), 1U);
    for (std::size_t i = 1; i < stream.size(); ++i) {
        for (int bit = 0; bit < 8; ++bit) {
            auto flipped = stream;
            flipped[i] ^= static_cast<std::uint8_t>(1U << bit);
            EXPECT_TRUE(decode(carrier(flipped), m_keys).empty()) << "byte " << i << " bit " << bit;
        }
    }
}

TEST_F(PayloadTest, TruncatedFramesAtTheEdgesAreIgnored)
{
    PayloadStamper stamper(m_gateway, m_client, kMinute);
    const std::size_t period = stamper.period();
    std::string raw;
    while (payloadBytes(raw).size() < 4 * period) {
        raw += stamper.afterWord();
    }
    const auto stream = payloadBytes(raw);
    // Every cut [s, e) of the stream decodes exactly the frames whose encoded bytes it holds whole.
    for (std::size_t s = 0; s <= period + 1; ++s) {
        for (std::size_t e = s; e <= 3 * period; ++e) {
            const std::vector<std::uint8_t> cut(stream.begin() + static_cast<std::ptrdiff_t>(s),
                                                stream.begin() + static_cast<std::ptrdiff_t>(e));
            std::size_t whole = 0;
            for (std::size_t j = 0; j < 3; ++j) {
                if (s <= j * period + 1 && (j + 1) * period <= e) {
                    ++whole;
                }
            }
            const auto found = decode(carrier(cut), m_keys);
            ASSERT_EQ(found.size(), whole) << "cut [" << s << ", " << e << ")";
            expectAll(found, m_gateway.gatewayId, m_client, kMinute);
        }
    }
}

TEST_F(PayloadTest, PayloadNeedsAnAnchor)
{
    const auto stream = delimited(buildFrame(m_gateway, m_client, kMinute, m_gateway.clientKey(m_client)));
    std::string afterDigit = carrier(stream);
    afterDigit[0] = '7';
    EXPECT_TRUE(decode(afterDigit, m_keys).empty());
    EXPECT_EQ(stripPayload(afterDigit), afterDigit);
    EXPECT_EQ(stripPayload(carrier(stream)), "x");
    // Split over words with spaces and emoji in between: still one frame.
    std::string spread;
    const std::string emoji = "\xE2\x9D\xA4\xEF\xB8\x8F ";
    for (std::size_t i = 0; i < stream.size(); i += 4) {
        const std::vector<std::uint8_t> part(stream.begin() + static_cast<std::ptrdiff_t>(i),
                                             stream.begin()
                                                 + static_cast<std::ptrdiff_t>(std::min(i + 4, stream.size())));
        spread += carrier(part) + " " + emoji;
    }
    EXPECT_EQ(decode(spread, m_keys).size(), 1U);
}

TEST_F(PayloadTest, StamperIsDeterministic)
{
    const std::string text = randomProse(100, 5);
    PayloadStamper a(m_gateway, m_client, kMinute);
    PayloadStamper b(m_gateway, m_client, kMinute);
    const std::string stampedA = stampPayload(text, a);
    EXPECT_EQ(stampedA, stampPayload(text, b));
    PayloadStamper later(m_gateway, m_client, kMinute + 1);
    EXPECT_NE(stampedA, stampPayload(text, later));
    // Word-by-word (streaming) use of afterWord() equals the one-shot reference.
    PayloadStamper c(m_gateway, m_client, kMinute);
    std::string manual;
    for (std::size_t i = 0; i < text.size(); ++i) {
        manual += text[i];
        const bool letter = std::isalpha(static_cast<unsigned char>(text[i])) != 0;
        const bool nextLetter = i + 1 < text.size() && std::isalpha(static_cast<unsigned char>(text[i + 1])) != 0;
        if (letter && !nextLetter) {
            manual += c.afterWord(static_cast<char32_t>(text[i]));
        }
    }
    EXPECT_EQ(manual, stampedA);
    EXPECT_TRUE(c.afterWord(U'5').empty());
}

TEST_F(PayloadTest, RestampingReplacesAnExistingPayload)
{
    const std::string text = randomProse(120, 6);
    PayloadStamper first(m_gateway, "first-client", kMinute);
    PayloadStamper second(m_gateway, "second-client", kMinute);
    const std::string twice = stampPayload(stampPayload(text, first), second);
    EXPECT_EQ(stripPayload(twice), text);
    const auto found = decode(twice, m_keys);
    ASSERT_FALSE(found.empty());
    expectAll(found, m_gateway.gatewayId, "second-client", kMinute);
}

TEST_F(PayloadTest, BadClientIdsAreRefused)
{
    EXPECT_THROW(PayloadStamper(m_gateway, "", kMinute), std::invalid_argument);
    EXPECT_THROW(PayloadStamper(m_gateway, std::string(kMaxClientIdBytes + 1, 'a'), kMinute), std::invalid_argument);
    EXPECT_THROW(PayloadStamper(m_gateway, "bad\xC0\x80", kMinute), std::invalid_argument);
    EXPECT_THROW(PayloadStamper(GatewayKey {"gw", {}}, "alice", kMinute), std::invalid_argument);
    const std::string longest(kMaxClientIdBytes, 'a');
    PayloadStamper ok(m_gateway, longest, kMinute);
    const auto found = decode(stampPayload(randomProse(60, 7), ok), m_keys);
    ASSERT_FALSE(found.empty());
    expectAll(found, m_gateway.gatewayId, longest, kMinute);
    // UTF-8 client ids are carried as is.
    const std::string utf8 = "\xC3\xA9quipe-\xE6\x97\xA5\xE6\x9C\xAC";
    PayloadStamper accented(m_gateway, utf8, 0);
    const auto foundUtf8 = decode(stampPayload(randomProse(60, 8), accented), m_keys);
    ASSERT_FALSE(foundUtf8.empty());
    expectAll(foundUtf8, m_gateway.gatewayId, utf8, 0);
}

TEST_F(PayloadTest, InvalidUtf8InputGivesValidOutput)
{
    std::string text = randomProse(80, 9);
    text.insert(10, "\xFF\xC0");
    text.insert(30, "\xE2\x82");
    text += "\xF0\x9F";
    PayloadStamper stamper(m_gateway, m_client, kMinute);
    const std::string stamped = stampPayload(text, stamper);
    EXPECT_TRUE(text::isValidUtf8(stamped));
    EXPECT_EQ(stripPayload(stamped), text::sanitizeUtf8(text));
    EXPECT_FALSE(decode(stamped, m_keys).empty());
}

TEST_F(PayloadTest, HostileBytesNeverVerifyOrCrash)
{
    std::mt19937 rng(12345);
    std::uniform_int_distribution<int> byte(0, 255);
    std::uniform_int_distribution<int> length(0, 600);
    std::uniform_int_distribution<int> choice(0, 9);
    const auto tag = m_gateway.tag();
    for (int round = 0; round < 3000; ++round) {
        std::string input;
        const int n = length(rng);
        for (int i = 0; i < n; ++i) {
            const int c = choice(rng);
            if (c < 3) {
                input += static_cast<char>(byte(rng));
            } else if (c < 5) {
                input += 'a';
            } else if (c < 6) {
                input += ' ';
            } else if (c < 7) {
                // Payload code points for the known tag, to push frames towards the MAC check.
                text::appendUtf8(input, payloadChar(tag[static_cast<std::size_t>(i % 4)]));
            } else {
                text::appendUtf8(input, payloadChar(static_cast<std::uint8_t>(byte(rng))));
            }
        }
        EXPECT_TRUE(decode(input, m_keys).empty()) << "round " << round;
        const std::string stripped = stripPayload(input);
        EXPECT_LE(stripped.size(), input.size());
        EXPECT_EQ(stripPayload(stripped), stripped);
    }
}

} // namespace
} // namespace modelguard::watermark
