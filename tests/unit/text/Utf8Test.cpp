// Tests of core/text/Utf8: decoding by maximal subparts (Unicode 15 §3.9, Tables 3-7 and 3-8), encoding,
// sanitizing, stream splitting, and Default_Ignorable_Code_Point against ICU.
#include "core/text/Utf8.h"

#include <gtest/gtest.h>
#include <unicode/uchar.h>

#include <random>
#include <utility>
#include <vector>

namespace modelguard::text {
namespace {

using Decoded = std::vector<std::pair<char32_t, std::size_t>>; // (code point, bytes consumed)

Decoded decodeAll(std::string_view text)
{
    Decoded out;
    std::size_t pos = 0;
    while (pos < text.size()) {
        const DecodedChar c = decodeAt(text, pos);
        EXPECT_GE(c.length, 1U);
        EXPECT_EQ(c.valid, c.codePoint != kReplacementChar || text.substr(pos, 3) == "\xEF\xBF\xBD");
        out.emplace_back(c.codePoint, c.length);
        pos += c.length;
    }
    return out;
}

Decoded replacements(std::initializer_list<std::size_t> lengths)
{
    Decoded out;
    for (std::size_t n : lengths) {
        out.emplace_back(kReplacementChar, n);
    }
    return out;
}

/// Reference validity of one complete sequence, written from the definition (shortest form, scalar value) rather
/// than from Table 3-7: decode the bit pattern blindly, then check range, surrogates and overlong forms.
bool referenceValid(std::string_view s)
{
    const auto b0 = static_cast<unsigned char>(s[0]);
    std::size_t n = 0;
    char32_t cp = 0;
    if (b0 < 0x80) {
        return s.size() == 1;
    } else if ((b0 & 0xE0) == 0xC0) {
        n = 2;
        cp = b0 & 0x1FU;
    } else if ((b0 & 0xF0) == 0xE0) {
        n = 3;
        cp = b0 & 0x0FU;
    } else if ((b0 & 0xF8) == 0xF0) {
        n = 4;
        cp = b0 & 0x07U;
    } else {
        return false;
    }
    if (s.size() != n) {
        return false;
    }
    for (std::size_t i = 1; i < n; ++i) {
        const auto b = static_cast<unsigned char>(s[i]);
        if ((b & 0xC0) != 0x80) {
            return false;
        }
        cp = (cp << 6) | (b & 0x3FU);
    }
    const char32_t minimum = n == 2 ? 0x80 : (n == 3 ? 0x800 : 0x10000);
    return cp >= minimum && cp <= 0x10FFFF && !(cp >= 0xD800 && cp <= 0xDFFF);
}

TEST(Utf8Test, UnicodeTable3_8Example)
{
    // The example of Unicode 15 §3.9, Table 3-8: 61 F1 80 80 E1 80 C2 62 80 63 80 BF 64.
    const Decoded got = decodeAll("\x61\xF1\x80\x80\xE1\x80\xC2\x62\x80\x63\x80\xBF\x64");
    const Decoded expected {{U'a', 1},
                            {kReplacementChar, 3},
                            {kReplacementChar, 2},
                            {kReplacementChar, 1},
                            {U'b', 1},
                            {kReplacementChar, 1},
                            {U'c', 1},
                            {kReplacementChar, 1},
                            {kReplacementChar, 1},
                            {U'd', 1}};
    EXPECT_EQ(got, expected);
}

TEST(Utf8Test, MaximalSubpartsOfMalformedSequences)
{
    // Overlong forms: the lead byte (C0, C1) or the second byte is already impossible, so every byte is one U+FFFD.
    EXPECT_EQ(decodeAll("\xC0\x80"), replacements({1, 1}));
    EXPECT_EQ(decodeAll("\xC1\xBF"), replacements({1, 1}));
    EXPECT_EQ(decodeAll("\xE0\x80\x80"), replacements({1, 1, 1}));
    EXPECT_EQ(decodeAll("\xE0\x9F\xBF"), replacements({1, 1, 1}));
    EXPECT_EQ(decodeAll("\xF0\x80\x80\x80"), replacements({1, 1, 1, 1}));
    EXPECT_EQ(decodeAll("\xF0\x8F\xBF\xBF"), replacements({1, 1, 1, 1}));
    // Surrogates.
    EXPECT_EQ(decodeAll("\xED\xA0\x80"), replacements({1, 1, 1}));
    EXPECT_EQ(decodeAll("\xED\xBF\xBF"), replacements({1, 1, 1}));
    // Above U+10FFFF, and lead bytes that can never start a sequence.
    EXPECT_EQ(decodeAll("\xF4\x90\x80\x80"), replacements({1, 1, 1, 1}));
    EXPECT_EQ(decodeAll("\xF5\x80\x80\x80"), replacements({1, 1, 1, 1}));
    EXPECT_EQ(decodeAll("\xF8\x88\x80\x80\x80"), replacements({1, 1, 1, 1, 1}));
    EXPECT_EQ(decodeAll("\xFE\xFF"), replacements({1, 1}));
    // Truncated sequences: the valid prefix is one U+FFFD, at the end of input or before another character.
    EXPECT_EQ(decodeAll("\xE2\x82"), replacements({2}));
    EXPECT_EQ(decodeAll("\xF0\x9F\x98"), replacements({3}));
    EXPECT_EQ(decodeAll("\xF0\x9F"), replacements({2}));
    EXPECT_EQ(decodeAll("\xC3"), replacements({1}));
    EXPECT_EQ(decodeAll("\xF0\x9F\x98"
                        "a"),
              (Decoded {{kReplacementChar, 3}, {U'a', 1}}));
    EXPECT_EQ(decodeAll("\xE2\x82\xE2\x82\xAC"), (Decoded {{kReplacementChar, 2}, {0x20AC, 3}}));
    // Stray continuation bytes.
    EXPECT_EQ(decodeAll("\x80\xBF"), replacements({1, 1}));
}

TEST(Utf8Test, BoundaryCodePoints)
{
    const std::pair<std::string_view, char32_t> cases[] = {
        {"\x7F", 0x7F},
        {"\xC2\x80", 0x80},
        {"\xDF\xBF", 0x7FF},
        {"\xE0\xA0\x80", 0x800},
        {"\xED\x9F\xBF", 0xD7FF},
        {"\xEE\x80\x80", 0xE000},
        {"\xEF\xBF\xBF", 0xFFFF},
        {"\xF0\x90\x80\x80", 0x10000},
        {"\xF4\x8F\xBF\xBF", 0x10FFFF},
        {std::string_view("\0", 1), 0},
    };
    for (const auto& [bytes, cp] : cases) {
        const DecodedChar c = decodeAt(bytes, 0);
        EXPECT_TRUE(c.valid);
        EXPECT_EQ(c.codePoint, cp);
        EXPECT_EQ(c.length, bytes.size());
        EXPECT_TRUE(isValidUtf8(bytes));
    }
}

TEST(Utf8Test, EveryScalarValueRoundTrips)
{
    for (char32_t cp = 0; cp <= 0x10FFFF; ++cp) {
        if (cp >= 0xD800 && cp <= 0xDFFF) {
            continue;
        }
        std::string s;
        appendUtf8(s, cp);
        const std::size_t expectedLength = cp < 0x80 ? 1 : (cp < 0x800 ? 2 : (cp < 0x10000 ? 3 : 4));
        ASSERT_EQ(s.size(), expectedLength) << std::hex << static_cast<std::uint32_t>(cp);
        const DecodedChar c = decodeAt(s, 0);
        ASSERT_TRUE(c.valid);
        ASSERT_EQ(c.codePoint, cp);
        ASSERT_EQ(c.length, expectedLength);
    }
    for (char32_t bad : {char32_t {0xD800}, char32_t {0xDFFF}, char32_t {0x110000}, char32_t {0xFFFFFFFF}}) {
        std::string s;
        appendUtf8(s, bad);
        EXPECT_EQ(s, "\xEF\xBF\xBD");
    }
}

TEST(Utf8Test, ValidityAgreesWithTheDefinitionOnAllShortSequences)
{
    // Every 1-, 2- and 3-byte string, and every 4-byte string with a possible lead byte and two continuations.
    std::string s;
    for (int a = 0; a < 256; ++a) {
        s.assign(1, static_cast<char>(a));
        ASSERT_EQ(isValidUtf8(s), referenceValid(s)) << a;
        for (int b = 0; b < 256; ++b) {
            s.assign({static_cast<char>(a), static_cast<char>(b)});
            ASSERT_EQ(decodeAt(s, 0).valid && decodeAt(s, 0).length == 2, referenceValid(s)) << a << ' ' << b;
            if (a < 0xE0 || a > 0xF4) {
                continue;
            }
            for (int c = 0; c < 256; ++c) {
                s.assign({static_cast<char>(a), static_cast<char>(b), static_cast<char>(c)});
                const DecodedChar d = decodeAt(s, 0);
                ASSERT_EQ(d.valid && d.length == 3, referenceValid(s)) << a << ' ' << b << ' ' << c;
                if (a < 0xF0 || (c & 0xC0) != 0x80) {
                    continue;
                }
                for (int e = 0; e < 256; ++e) {
                    s.push_back(static_cast<char>(e));
                    const DecodedChar d4 = decodeAt(s, 0);
                    ASSERT_EQ(d4.valid && d4.length == 4, referenceValid(s)) << a << ' ' << b << ' ' << c << ' ' << e;
                    s.pop_back();
                }
            }
        }
    }
}

TEST(Utf8Test, SanitizeReplacesEachMaximalSubpart)
{
    EXPECT_EQ(sanitizeUtf8("plain caf\xC3\xA9 \xF0\x9F\x98\x80"), "plain caf\xC3\xA9 \xF0\x9F\x98\x80");
    EXPECT_EQ(sanitizeUtf8("\x61\xF1\x80\x80\xE1\x80\xC2\x62\x80\x63\x80\xBF\x64"),
              "a\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"
              "b\xEF\xBF\xBD"
              "c\xEF\xBF\xBD\xEF\xBF\xBD"
              "d");
    EXPECT_EQ(sanitizeUtf8(""), "");
    EXPECT_EQ(sanitizeUtf8(std::string_view("a\0b", 3)), std::string("a\0b", 3));

    std::mt19937 rng(7);
    std::uniform_int_distribution<int> byte(0, 255);
    for (int round = 0; round < 2000; ++round) {
        std::string input(static_cast<std::size_t>(round % 40), '\0');
        for (char& c : input) {
            c = static_cast<char>(byte(rng));
        }
        const std::string clean = sanitizeUtf8(input);
        ASSERT_TRUE(isValidUtf8(clean));
        EXPECT_EQ(sanitizeUtf8(clean), clean);
        // One U+FFFD per invalid subpart, every valid character copied: the decoded sequences agree.
        Decoded expected;
        for (const auto& [cp, length] : decodeAll(input)) {
            expected.emplace_back(cp, 0);
        }
        Decoded got;
        for (const auto& [cp, length] : decodeAll(clean)) {
            got.emplace_back(cp, 0);
        }
        EXPECT_EQ(got, expected);
    }
}

TEST(Utf8Test, CompletePrefixLengthHoldsBackOnlyIncompleteSequences)
{
    for (std::string_view ch : {"\xC3\xA9", "\xDF\xBF", "\xE2\x82\xAC", "\xE0\xA0\x80", "\xED\x9F\xBF", "\xEF\xBF\xBF",
                                "\xF0\x9F\x98\x80", "\xF0\x90\x80\x80", "\xF4\x8F\xBF\xBF"}) {
        const std::string whole = "ab" + std::string(ch);
        EXPECT_EQ(completePrefixLength(whole), whole.size());
        for (std::size_t split = 1; split < ch.size(); ++split) {
            const std::string partial = "ab" + std::string(ch.substr(0, split));
            EXPECT_EQ(completePrefixLength(partial), 2U) << "split " << split << " of " << ch.size();
        }
    }
    EXPECT_EQ(completePrefixLength(""), 0U);
    EXPECT_EQ(completePrefixLength("\xC3"), 0U);
    EXPECT_EQ(completePrefixLength("abc"), 3U);
    // Already malformed: waiting for more bytes cannot help, so nothing is held back.
    for (std::string_view bad : {"a\x80", "a\xC0", "a\xC1", "a\xF5", "a\xFF", "a\xE0\x80", "a\xED\xA0", "a\xF4\x90",
                                 "a\xF0\x80", "a\xF0\x9F\x98\x80\x80", "a\xE2\x82\x41"}) {
        EXPECT_EQ(completePrefixLength(bad), bad.size()) << "length " << bad.size();
    }
}

TEST(Utf8Test, StreamingWithCompletePrefixEqualsOneShot)
{
    const std::string text = "na\xC3\xAFve \xE2\x82\xAC 5 \xF0\x9F\x98\x80 \xE4\xB8\x80\xFF\xE2\x82 end\xF0\x9F\x98";
    for (std::size_t chunk = 1; chunk <= 5; ++chunk) {
        std::string pending;
        std::string out;
        for (std::size_t i = 0; i < text.size(); i += chunk) {
            pending.append(text.substr(i, chunk));
            const std::size_t ready = completePrefixLength(pending);
            out += sanitizeUtf8(std::string_view(pending).substr(0, ready));
            pending.erase(0, ready);
        }
        out += sanitizeUtf8(pending);
        EXPECT_EQ(out, sanitizeUtf8(text)) << "chunk " << chunk;
    }
}

TEST(Utf8Test, DefaultIgnorableSpotChecks)
{
    for (char32_t cp : {0x00AD, 0x034F,  0x061C,  0x115F,  0x180B,  0x180E,  0x200B,  0x200D,  0x200F,
                        0x202E, 0x2060,  0x2064,  0x2065,  0x3164,  0xFE00,  0xFE0F,  0xFEFF,  0xFFA0,
                        0xFFF0, 0x1BCA0, 0x1D173, 0xE0000, 0xE0001, 0xE007F, 0xE0100, 0xE01EF, 0xE0FFF}) {
        EXPECT_TRUE(isDefaultIgnorable(cp)) << std::hex << static_cast<std::uint32_t>(cp);
    }
    for (char32_t cp : {0x0000, 0x0009, 0x0020, 0x0041, 0x00A0, 0x0600, 0x06DD, 0x200A, 0x2028, 0x2029, 0x3000, 0xFE10,
                        0xFFF9, 0xFFFD, 0x1F600, 0xE1000, 0x10FFFF}) {
        EXPECT_FALSE(isDefaultIgnorable(cp)) << std::hex << static_cast<std::uint32_t>(cp);
    }
}

TEST(Utf8Test, DefaultIgnorableAgreesWithIcu)
{
    std::size_t mismatches = 0;
    for (char32_t cp = 0; cp <= 0x10FFFF; ++cp) {
        const bool icu = u_hasBinaryProperty(static_cast<UChar32>(cp), UCHAR_DEFAULT_IGNORABLE_CODE_POINT) != 0;
        if (icu != isDefaultIgnorable(cp)) {
            ADD_FAILURE() << "U+" << std::hex << static_cast<std::uint32_t>(cp) << " ICU says " << icu;
            if (++mismatches > 20) {
                break;
            }
        }
    }
    EXPECT_EQ(mismatches, 0U);
}

} // namespace
} // namespace modelguard::text
