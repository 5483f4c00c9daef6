#pragma once
// Incremental word tokenizer shared by the lexical embedder and detector, so both agree on every word.
//
// A word is a run of ASCII letters, with internal apostrophes (' or U+2019) between letters ("don't"). Default_
// Ignorable code points (zero-width characters, variation selectors, tags, ...) are skipped transparently: they
// neither split nor end a word. A word is *tainted* (never scored, never replaced) when a non-ASCII letter-like
// character, a digit or an underscore touches it on either side (ignoring ignorables), so "café", "naïve", "x86"
// and words of non-Latin scripts are left alone; non-English text therefore yields no scorable word.
//
// The tokenizer sees one code point at a time with its byte offset; it reports a word once the first code point
// after it (skipping ignorables, and the one after a trailing apostrophe) shows that the word has ended. Lookahead
// is therefore the word itself plus trailing ignorables plus at most two code points.
//
// Thread safety: one instance per text/stream.

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>

namespace modelguard::watermark {

enum class LetterCase : std::uint8_t {
    Lower,       ///< "word"
    Capitalised, ///< "Word" (also a single capital letter)
    Upper,       ///< "WORD"
    Mixed,       ///< "wOrD", "McDonald": never scored or replaced
};

struct WordToken
{
    std::size_t begin = 0;  ///< byte offset of the first letter
    std::size_t end = 0;    ///< one past the last letter
    std::string lower;      ///< lower-case letters and apostrophes (at most kMaxLetters letters kept)
    std::uint64_t hash = 0; ///< fnv1a64(lower), computed on the fly for the lexicon lookup
    LetterCase letterCase = LetterCase::Lower;
    bool hasApostrophe = false;
    bool tainted = false;       ///< touches a non-ASCII letter, digit or '_'
    bool overflow = false;      ///< longer than kMaxLetters: never scorable
    char32_t lastCodePoint = 0; ///< the last letter

    /// Candidate for the lexicon: untainted, no apostrophe, not too long, not mixed case.
    bool scorable() const noexcept
    {
        return !tainted && !hasApostrophe && !overflow && letterCase != LetterCase::Mixed;
    }
    /// "a" or "an" (any case) that an embedder may have to adjust.
    bool isArticle() const noexcept
    {
        return !tainted && !lower.empty() && lower[0] == 'a'
               && (lower.size() == 1 || (lower.size() == 2 && lower[1] == 'n'));
    }
};

/// The context key of a word as the lexical scheme sees it: its lower-case form, with "an" folded into "a" so that
/// fixing an article never changes the context of the next word.
std::string_view contextKeyOf(const WordToken& word) noexcept;

/// Characters that taint an adjacent word: digits, '_' and every non-ASCII code point that is not whitespace,
/// punctuation, a symbol or default-ignorable (approximated by ranges: Latin-1 punctuation, General Punctuation,
/// currency, arrows, math, box drawing, CJK punctuation, emoji and other symbols are not letters).
bool isTaintingCodePoint(char32_t cp) noexcept;
bool isWordApostrophe(char32_t cp) noexcept;

class LexicalTokenizer
{
public:
    static constexpr std::size_t kMaxLetters = 64;

    /// Feeds one code point that occupies [offset, offset + length) of the stream. Returns true when a word was
    /// completed by it; the word is then in word() until the next call.
    bool push(char32_t cp, std::size_t offset, std::size_t length)
    {
        // Hot path, inline: one more ASCII letter of the current word.
        if (m_state == State::InWord && ((cp | 0x20U) >= 'a' && (cp | 0x20U) <= 'z')) {
            addLetter(cp, offset, length);
            return false;
        }
        return pushSlow(cp, offset, length);
    }
    /// End of the stream: true when a word was pending (then available in word()).
    bool finish();

    const WordToken& word() const noexcept { return m_done; }
    /// True while letters of an unfinished word have been seen (its first letter is at currentWordBegin()).
    bool inWord() const noexcept { return m_state != State::Outside; }
    std::size_t currentWordBegin() const noexcept { return m_current.begin; }
    /// The unfinished word is already too long to be scorable.
    bool currentOverflow() const noexcept { return m_current.overflow; }

private:
    enum class State : std::uint8_t { Outside, InWord, AfterApostrophe };
    bool pushSlow(char32_t cp, std::size_t offset, std::size_t length);
    void startWord(char32_t cp, std::size_t offset, std::size_t length);
    void addLetter(char32_t cp, std::size_t offset, std::size_t length)
    {
        const bool upper = cp <= 'Z';
        m_upper += upper ? 1 : 0;
        ++m_letters;
        if (m_bufLen < kMaxLetters) {
            appendLower(static_cast<char>(upper ? cp + ('a' - 'A') : cp));
        } else {
            m_current.overflow = true;
        }
        m_current.end = offset + length;
        m_current.lastCodePoint = cp;
    }
    void appendLower(char c)
    {
        m_buf[m_bufLen++] = c;
        m_current.hash = (m_current.hash ^ static_cast<unsigned char>(c)) * 0x100000001b3ULL;
    }
    void complete(bool taintAfter);

    State m_state = State::Outside;
    bool m_lastTainting = false; // last non-ignorable code point outside a word taints the next word
    std::size_t m_upper = 0;
    std::size_t m_letters = 0;
    bool m_firstUpper = false;
    WordToken m_current;
    WordToken m_done;
    std::array<char, kMaxLetters> m_buf {};
    std::size_t m_bufLen = 0;
};

} // namespace modelguard::watermark
