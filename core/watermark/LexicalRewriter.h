#pragma once
// Streaming lexical embedding: replaces scorable words by green members of their class as the code points of a
// response arrive, and fixes "a"/"an" before a replaced word whose initial sound changed.
//
// Lookahead (what push() may hold back before returning it): at most the current word (with its trailing
// ignorables and one apostrophe), plus one pending article "a"/"an" followed by up to kMaxArticleGap bytes of
// whitespace. Everything before is returned at once. A word longer than LexicalTokenizer::kMaxLetters letters
// cannot be scored and is passed through without being held.
//
// The output is a pure function of the sequence of code points, not of how it was split into calls, so any
// chunking gives the same concatenated output.
//
// Thread safety: one instance per stream; the LexicalKey may be shared.

#include "core/watermark/LexicalKey.h"
#include "core/watermark/LexicalTokenizer.h"

#include <optional>
#include <string>

namespace modelguard::watermark {

class LexicalRewriter
{
public:
    static constexpr std::size_t kMaxArticleGap = 64;

    /// key == nullptr: pass-through (no replacement). strength in [0, 1].
    LexicalRewriter(const LexicalKey* key, double strength);

    /// Next piece of the stream, valid UTF-8 ending on a code point boundary (the caller sanitizes). Appends to
    /// out everything that became final; what is held back is bounded as described above.
    void push(std::string_view utf8, std::string& out);
    /// End of stream: appends everything still held.
    void finish(std::string& out);

    /// Scorable words seen and words replaced so far (for figures and tests).
    std::size_t scorableWords() const noexcept { return m_scorable; }
    std::size_t replacedWords() const noexcept { return m_replaced; }

private:
    void onCodePoint(char32_t cp, std::size_t offset, std::size_t length, std::string& out);
    void onWord(const WordToken& w, std::string& out);
    std::optional<std::string> replacementFor(const WordToken& w);
    void emitTo(std::size_t offset, std::string& out);
    void dropTo(std::size_t offset);
    void releaseArticle(std::string& out);
    void flushSafe(std::string& out);
    bool gapIsBlank(std::size_t from, std::size_t to) const;
    std::size_t streamEnd() const noexcept { return m_bufStart + m_pending.size(); }

    const LexicalKey* m_key;
    double m_strength;
    LexicalTokenizer m_tokenizer;
    // m_pending[0] is at stream offset m_bufStart; bytes before stream offset m_emitted were already returned
    // (or dropped because a replacement took their place).
    std::string m_pending;
    std::size_t m_bufStart = 0;
    std::size_t m_emitted = 0;
    std::size_t m_processed = 0; // stream offset after the last code point seen by the tokenizer
    std::string m_context;       // context key of the previous output word (width 1 only)
    std::optional<WordToken> m_article;
    std::size_t m_scorable = 0;
    std::size_t m_replaced = 0;
};

} // namespace modelguard::watermark
