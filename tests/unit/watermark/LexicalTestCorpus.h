#pragma once
// Shared helpers of the lexical watermark tests: the human-written corpus (Debian's fortunes), fixed test keys,
// word-level sampling and the text attacks of the robustness tests. Everything is deterministic.

#include "core/crypto/Crypto.h"
#include "core/watermark/Watermark.h"

#include <cstdint>
#include <random>
#include <string>
#include <vector>

namespace modelguard::watermark::lextest {

/// Directory of the fortunes data files (Debian packages fortunes, fortunes-min).
inline constexpr const char* kFortunesDir = "/usr/share/games/fortunes";

/// All fortune entries of the extension-less files of kFortunesDir, except the 'art' and 'ascii-art' files and
/// the offensive subdirectory; backspace overstrikes removed. Files in sorted order, so the result is stable.
const std::vector<std::string>& fortuneEntries();

/// The whitespace-separated words of all entries, in order.
const std::vector<std::string>& fortuneWords();

/// Consecutive samples of `wordsPerSample` words (joined by single spaces) taken from fortuneWords() starting at
/// word `firstWord`, at most `maxSamples` of them.
std::vector<std::string> wordSamples(std::size_t wordsPerSample, std::size_t firstWord, std::size_t maxSamples);

/// A gateway key with a secret derived from `seed` (sha256 of a label), so tests need no randomness.
GatewayKey testGatewayKey(std::uint32_t seed, std::string gatewayId = "gw-test");

std::vector<std::string> splitWords(std::string_view text);
std::string joinWords(const std::vector<std::string>& words);

/// Deletes or replaces (each with probability 1/2) a share `rate` of the words, replacements drawn at random from
/// fortuneWords().
std::string editWords(std::string_view text, double rate, std::mt19937_64& rng);
/// Re-wraps the words to lines of at most `width` columns.
std::string rewrap(std::string_view text, std::size_t width);
std::string toUpperAscii(std::string_view text);
std::string toLowerAscii(std::string_view text);

} // namespace modelguard::watermark::lextest
