#pragma once
// Small English helpers of the lexical embedder: the a/an rule and case transfer.

#include "core/watermark/LexicalTokenizer.h"

#include <string>
#include <string_view>

namespace modelguard::watermark {

/// True when a lower-case word takes "an": it starts with a vowel sound. Vowel letters give "an" except words that
/// start with a "yoo"/"w" sound (one, once, unique, university, unit, use, usual, euro, ewe, ...); "hour", "honest",
/// "honour"/"honor" and "heir" (silent h) take "an".
bool takesAn(std::string_view lowerWord) noexcept;

/// word (lower-case) written in the given case pattern: Capitalised upper-cases the first letter, Upper all.
std::string applyCase(std::string_view lowerWord, LetterCase letterCase);

/// The article that goes before `nextWord`, written like `article` was ("a", "A", "an", "An", "AN"). When the
/// article is a single capital "A" and the next word is all capitals, "AN" is used.
std::string articleFor(const WordToken& article, bool an, LetterCase nextCase);

} // namespace modelguard::watermark
