#include "core/watermark/LexicalEnglish.h"

#include <array>

namespace modelguard::watermark {

namespace {

bool startsWith(std::string_view s, std::string_view prefix) noexcept
{
    return s.substr(0, prefix.size()) == prefix;
}

} // namespace

bool takesAn(std::string_view w) noexcept
{
    if (w.empty()) {
        return false;
    }
    static constexpr std::array<std::string_view, 6> silentH {"hour", "honest", "honor", "honour", "heir", "herb"};
    for (std::string_view p : silentH) {
        if (startsWith(w, p)) {
            return true;
        }
    }
    const char c = w.front();
    if (c != 'a' && c != 'e' && c != 'i' && c != 'o' && c != 'u') {
        return false;
    }
    // Vowel letters with a consonant sound: "w" (one, once) and "yoo" (unique, use, euro, ewe, ...).
    if (w == "one" || startsWith(w, "ones") || startsWith(w, "onef") || startsWith(w, "once")) {
        return false;
    }
    if (startsWith(w, "eu") || startsWith(w, "ewe")) {
        return false;
    }
    if (c == 'u') {
        // "uni..." is "yoo" except the un-i prefixes (unimportant, uninformed, unidentified, unintended, ...).
        if (startsWith(w, "uni")) {
            static constexpr std::array<std::string_view, 4> unPrefix {"unim", "unin", "unid", "unill"};
            bool un = false;
            for (std::string_view p : unPrefix) {
                un = un || startsWith(w, p);
            }
            return un;
        }
        static constexpr std::array<std::string_view, 14> yoo {"use", "usu", "usa", "uti", "ute", "ura", "ure",
                                                               "uri", "uro", "ubi", "uku", "uga", "uvu", "ufo"};
        for (std::string_view p : yoo) {
            if (startsWith(w, p)) {
                return false;
            }
        }
    }
    return true;
}

std::string applyCase(std::string_view lowerWord, LetterCase letterCase)
{
    std::string out(lowerWord);
    if (out.empty()) {
        return out;
    }
    auto up = [](char ch) { return (ch >= 'a' && ch <= 'z') ? static_cast<char>(ch - 'a' + 'A') : ch; };
    if (letterCase == LetterCase::Capitalised) {
        out[0] = up(out[0]);
    } else if (letterCase == LetterCase::Upper) {
        for (char& ch : out) {
            ch = up(ch);
        }
    }
    return out;
}

std::string articleFor(const WordToken& article, bool an, LetterCase nextCase)
{
    std::string_view base = an ? "an" : "a";
    LetterCase c = article.letterCase;
    if (article.lower == "an" && c == LetterCase::Upper) {
        c = LetterCase::Upper;
    } else if (article.lower == "a" && c == LetterCase::Capitalised && nextCase == LetterCase::Upper) {
        c = LetterCase::Upper;
    } else if (c == LetterCase::Mixed) {
        c = LetterCase::Capitalised; // "aN" is not something to preserve
    }
    return applyCase(base, c);
}

} // namespace modelguard::watermark
