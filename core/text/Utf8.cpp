#include "core/text/Utf8.h"

namespace modelguard::text {

namespace {

unsigned char byteAt(std::string_view text, std::size_t pos) noexcept
{
    return static_cast<unsigned char>(text[pos]);
}

bool isContinuation(unsigned char b) noexcept
{
    return (b & 0xC0U) == 0x80U;
}

} // namespace

DecodedChar decodeAt(std::string_view text, std::size_t pos) noexcept
{
    DecodedChar result;
    if (pos >= text.size()) {
        return result;
    }
    const unsigned char b0 = byteAt(text, pos);
    result.length = 1;
    if (b0 < 0x80U) {
        result.codePoint = b0;
        result.valid = true;
        return result;
    }
    // Lead byte → sequence length and the allowed range of the second byte (Unicode Table 3-7), which rules out
    // overlong forms, surrogates and values above U+10FFFF at the first possible byte.
    std::size_t need = 0;
    unsigned char lo = 0x80U;
    unsigned char hi = 0xBFU;
    char32_t cp = 0;
    if (b0 >= 0xC2U && b0 <= 0xDFU) {
        need = 1;
        cp = b0 & 0x1FU;
    } else if (b0 >= 0xE0U && b0 <= 0xEFU) {
        need = 2;
        cp = b0 & 0x0FU;
        if (b0 == 0xE0U) {
            lo = 0xA0U;
        } else if (b0 == 0xEDU) {
            hi = 0x9FU;
        }
    } else if (b0 >= 0xF0U && b0 <= 0xF4U) {
        need = 3;
        cp = b0 & 0x07U;
        if (b0 == 0xF0U) {
            lo = 0x90U;
        } else if (b0 == 0xF4U) {
            hi = 0x8FU;
        }
    } else {
        return result; // stray continuation byte or invalid lead byte: one byte of U+FFFD
    }
    for (std::size_t i = 1; i <= need; ++i) {
        if (pos + i >= text.size()) {
            return result; // truncated: the maximal subpart so far becomes one U+FFFD
        }
        const unsigned char b = byteAt(text, pos + i);
        const bool ok = (i == 1) ? (b >= lo && b <= hi) : isContinuation(b);
        if (!ok) {
            return result;
        }
        cp = (cp << 6) | (b & 0x3FU);
        result.length = i + 1;
    }
    result.codePoint = cp;
    result.valid = true;
    return result;
}

void appendUtf8(std::string& out, char32_t cp)
{
    if ((cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) {
        cp = kReplacementChar;
    }
    if (cp < 0x80) {
        out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
}

bool isValidUtf8(std::string_view text) noexcept
{
    std::size_t pos = 0;
    while (pos < text.size()) {
        if (byteAt(text, pos) < 0x80U) {
            ++pos;
            continue;
        }
        const DecodedChar c = decodeAt(text, pos);
        if (!c.valid) {
            return false;
        }
        pos += c.length;
    }
    return true;
}

std::string sanitizeUtf8(std::string_view text)
{
    if (isValidUtf8(text)) {
        return std::string(text);
    }
    std::string out;
    out.reserve(text.size() + 8);
    std::size_t pos = 0;
    while (pos < text.size()) {
        const DecodedChar c = decodeAt(text, pos);
        if (c.valid) {
            out.append(text.substr(pos, c.length));
        } else {
            appendUtf8(out, kReplacementChar);
        }
        pos += c.length;
    }
    return out;
}

std::size_t completePrefixLength(std::string_view text) noexcept
{
    // Look back at most 3 bytes for a lead byte whose sequence is not complete yet.
    const std::size_t n = text.size();
    for (std::size_t back = 1; back <= 3 && back <= n; ++back) {
        const unsigned char b = byteAt(text, n - back);
        if (isContinuation(b)) {
            continue;
        }
        std::size_t need = 0;
        if (b >= 0xC2U && b <= 0xDFU) {
            need = 2;
        } else if (b >= 0xE0U && b <= 0xEFU) {
            need = 3;
        } else if (b >= 0xF0U && b <= 0xF4U) {
            need = 4;
        }
        if (need > back) {
            // Incomplete only if what we have so far is a valid prefix; otherwise it is malformed already and
            // waiting for more bytes cannot fix it.
            const DecodedChar c = decodeAt(text, n - back);
            if (c.length == back) {
                return n - back;
            }
        }
        return n;
    }
    return n;
}

bool isDefaultIgnorable(char32_t cp) noexcept
{
    // DerivedCoreProperties.txt, Default_Ignorable_Code_Point (Unicode 15).
    return cp == 0x00AD || cp == 0x034F || cp == 0x061C || (cp >= 0x115F && cp <= 0x1160)
           || (cp >= 0x17B4 && cp <= 0x17B5) || (cp >= 0x180B && cp <= 0x180F) || (cp >= 0x200B && cp <= 0x200F)
           || (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2060 && cp <= 0x206F) || cp == 0x3164
           || (cp >= 0xFE00 && cp <= 0xFE0F) || cp == 0xFEFF || cp == 0xFFA0 || (cp >= 0xFFF0 && cp <= 0xFFF8)
           || (cp >= 0x1BCA0 && cp <= 0x1BCA3) || (cp >= 0x1D173 && cp <= 0x1D17A) || (cp >= 0xE0000 && cp <= 0xE0FFF);
}

} // namespace modelguard::text
