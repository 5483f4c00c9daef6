#pragma once
// UTF-8 primitives shared by the engines. Any byte sequence is accepted: malformed sequences (overlong forms,
// surrogates, truncated or stray continuation bytes, code points above U+10FFFF) decode as U+FFFD one maximal
// subpart at a time, as Unicode recommends (Unicode 15, §3.9 "U+FFFD Substitution of Maximal Subparts").

#include <cstddef>
#include <string>
#include <string_view>

namespace modelguard::text {

inline constexpr char32_t kReplacementChar = 0xFFFD;

struct DecodedChar
{
    char32_t codePoint = kReplacementChar; ///< U+FFFD when the bytes were malformed
    std::size_t length = 0;                ///< bytes consumed, >= 1 unless at end of input
    bool valid = false;                    ///< false when the bytes were malformed
};

/// Decodes the code point that starts at text[pos]. pos must be < text.size().
DecodedChar decodeAt(std::string_view text, std::size_t pos) noexcept;

/// Appends the UTF-8 encoding of cp (U+FFFD for surrogates and values above U+10FFFF).
void appendUtf8(std::string& out, char32_t cp);

bool isValidUtf8(std::string_view text) noexcept;

/// Copy of text with every malformed subpart replaced by U+FFFD; valid input is returned unchanged.
std::string sanitizeUtf8(std::string_view text);

/// Length of the longest prefix of text that does not end inside a (possibly still incomplete) multi-byte
/// sequence: what a streaming consumer can safely process now, keeping the rest for the next chunk.
std::size_t completePrefixLength(std::string_view text) noexcept;

/// Default_Ignorable_Code_Point (zero-width characters, variation selectors, tags, bidi controls, ...): invisible
/// when rendered. Detectors skip them so that they cannot split a word.
bool isDefaultIgnorable(char32_t cp) noexcept;

} // namespace modelguard::text
