#pragma once
// Detection side of the lexical watermark: extracts the scored (context, class) pairs of a text once, then scores
// them against any number of client keys.
//
// Thread safety: stateless functions; a LexicalScan is an immutable value.

#include "core/watermark/LexicalKey.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace modelguard::watermark {

struct LexicalScan
{
    struct Pair
    {
        std::string context; ///< context key (empty for width 0)
        std::uint32_t classId = 0;
        std::uint8_t member = 0; ///< the scored member: the pair's most frequent one (ties: the first seen)
    };
    struct Occurrence
    {
        std::size_t begin = 0; ///< byte offsets of the word in the scanned text
        std::size_t end = 0;
        std::uint32_t pair = 0; ///< index into pairs
        std::uint8_t member = 0;
    };
    std::vector<Pair> pairs;             ///< unique pairs, in order of first occurrence
    std::vector<Occurrence> occurrences; ///< every scored word
    std::size_t words = 0;               ///< ASCII words (scorable or not)
    std::size_t foreignRuns = 0;         ///< runs of non-ASCII letters (words of other scripts)
};

struct LexicalScore
{
    std::uint32_t scored = 0; ///< T
    std::uint32_t green = 0;  ///< S
    double logP = 0.0;        ///< natural log of P[Bin(T, gamma) >= S]
    double z = 0.0;
};

/// Scans any bytes (invalid UTF-8 is read as U+FFFD; offsets refer to the input). Never throws except bad_alloc.
LexicalScan scanLexical(std::string_view text, const Lexicon& lexicon, unsigned contextWidth);

/// Scores a scan with one key. greenPerPair, when given, receives one flag per unique pair.
LexicalScore scoreLexical(const LexicalScan& scan, const LexicalKey& key, std::vector<bool>* greenPerPair = nullptr);

} // namespace modelguard::watermark
