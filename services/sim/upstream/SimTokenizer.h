#pragma once
// The simulator's tokenizer: a word is a run of letters, digits, apostrophes and non-ASCII bytes; each other
// non-space character is a token of its own; white space separates and is not a token. Deterministic and
// documented (docs/upstream-simulator.md) so that clients and the gateway can predict usage figures exactly.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace modelguard::sim::upstream {

class SimTokenizer
{
public:
    /// Splits text into token strings.
    static std::vector<std::string_view> split(std::string_view text);
    /// Number of tokens in text (same as split(text).size(), without allocating the pieces).
    static std::size_t count(std::string_view text);
    /// True for the characters that end a sentence as a token of their own.
    static bool isSentenceEnd(std::string_view token);
    /// True for a punctuation token that attaches to the previous word (no space before it).
    static bool isClosingPunctuation(std::string_view token);
};

} // namespace modelguard::sim::upstream
