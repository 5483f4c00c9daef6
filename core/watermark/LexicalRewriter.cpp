#include "core/watermark/LexicalRewriter.h"

#include "core/text/Utf8.h"
#include "core/watermark/LexicalEnglish.h"

#include <algorithm>

namespace modelguard::watermark {

namespace {

bool isBlank(char32_t cp) noexcept
{
    return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == 0xA0 || text::isDefaultIgnorable(cp);
}

std::string toLower(std::string_view s)
{
    std::string out(s);
    for (char& c : out) {
        if (c >= 'A' && c <= 'Z') {
            c = static_cast<char>(c - 'A' + 'a');
        }
    }
    return out;
}

} // namespace

LexicalRewriter::LexicalRewriter(const LexicalKey* key, double strength)
    : m_key(key)
    , m_strength(strength)
{ }

void LexicalRewriter::emitTo(std::size_t offset, std::string& out)
{
    offset = std::min(offset, streamEnd());
    if (offset <= m_emitted) {
        return;
    }
    out.append(m_pending, m_emitted - m_bufStart, offset - m_emitted);
    m_emitted = offset;
}

void LexicalRewriter::dropTo(std::size_t offset)
{
    m_emitted = std::max(m_emitted, std::min(offset, streamEnd()));
}

bool LexicalRewriter::gapIsBlank(std::size_t from, std::size_t to) const
{
    if (from < m_bufStart || to < from || to > streamEnd()) {
        return false;
    }
    const std::string_view gap = std::string_view(m_pending).substr(from - m_bufStart, to - from);
    std::size_t pos = 0;
    while (pos < gap.size()) {
        const text::DecodedChar c = text::decodeAt(gap, pos);
        if (!isBlank(c.codePoint)) {
            return false;
        }
        pos += c.length;
    }
    return true;
}

void LexicalRewriter::releaseArticle(std::string& out)
{
    m_article.reset(); // its bytes are still pending, unchanged
    flushSafe(out);
}

void LexicalRewriter::flushSafe(std::string& out)
{
    if (m_article) {
        return; // held from the article on
    }
    if (m_tokenizer.inWord() && !m_tokenizer.currentOverflow()) {
        emitTo(m_tokenizer.currentWordBegin(), out);
    } else {
        emitTo(m_processed, out);
    }
}

std::optional<std::string> LexicalRewriter::replacementFor(const WordToken& w)
{
    if (m_key == nullptr || !w.scorable()) {
        return std::nullopt;
    }
    const Lexicon& lex = m_key->lexicon();
    const auto entry = lex.find(w.lower, w.hash);
    if (!entry) {
        return std::nullopt;
    }
    ++m_scorable;
    const PairDecision d = m_key->decide(m_context, entry->classId);
    if ((d.greenMask >> entry->member) & 1U) {
        return std::nullopt; // already green
    }
    const bool steer = m_strength >= 1.0 || static_cast<double>(d.steerDraw >> 11) * 0x1.0p-53 < m_strength;
    if (!steer || d.greenMask == 0) {
        return std::nullopt;
    }
    // The most common green member that has this inflection: the most natural-sounding substitute.
    const auto& members = lex.classes()[entry->classId].members;
    std::size_t best = members.size();
    for (std::size_t i = 0; i < members.size() && i < Lexicon::kMaxMembers; ++i) {
        if (((d.greenMask >> i) & 1U) == 0 || lex.form(entry->classId, i, entry->slot).empty()) {
            continue;
        }
        if (best == members.size() || members[i].frequency > members[best].frequency) {
            best = i;
        }
    }
    if (best == members.size()) {
        return std::nullopt;
    }
    ++m_replaced;
    return applyCase(lex.form(entry->classId, best, entry->slot), w.letterCase);
}

void LexicalRewriter::onWord(const WordToken& w, std::string& out)
{
    const std::optional<std::string> replacement = replacementFor(w);

    if (m_article) {
        const WordToken& art = *m_article;
        std::string articleText = m_pending.substr(art.begin - m_bufStart, art.end - art.begin);
        if (replacement && gapIsBlank(art.end, w.begin)) {
            const bool an = takesAn(toLower(*replacement));
            if (takesAn(w.lower) != an) {
                articleText = articleFor(art, an, w.letterCase);
            }
        }
        emitTo(art.begin, out);
        out += articleText;
        dropTo(art.end);
        m_article.reset();
    }
    if (w.begin < m_emitted) {
        // An over-long word already passed through: nothing of it is held.
        emitTo(w.end, out);
    } else {
        emitTo(w.begin, out);
        if (replacement) {
            out += *replacement;
            dropTo(w.end);
        } else if (!(m_key != nullptr && w.isArticle())) {
            emitTo(w.end, out);
        }
    }
    if (m_key != nullptr && m_key->params().contextWidth > 0) {
        m_context = replacement ? toLower(*replacement) : std::string(contextKeyOf(w));
    }
    if (m_key != nullptr && w.isArticle() && w.begin >= m_emitted) {
        m_article = w;
    }
}

void LexicalRewriter::onCodePoint(char32_t cp, std::size_t offset, std::size_t length, std::string& out)
{
    m_processed = offset + length;
    if (m_tokenizer.push(cp, offset, length)) {
        onWord(m_tokenizer.word(), out);
    }
    if (m_article) {
        // Keep the article only while a blank gap and then its noun follow; anything else releases it unchanged.
        const bool inWord = m_tokenizer.inWord();
        const bool blank = inWord || isBlank(cp) || isWordApostrophe(cp);
        const std::size_t heldEnd = inWord ? m_tokenizer.currentWordBegin() : offset + length;
        if (!blank || heldEnd - m_article->end > kMaxArticleGap || (inWord && m_tokenizer.currentOverflow())) {
            releaseArticle(out);
        }
    } else if (m_tokenizer.inWord() && m_tokenizer.currentOverflow()) {
        emitTo(offset + length, out); // an over-long word is never replaced: pass it through
    }
}

void LexicalRewriter::push(std::string_view utf8, std::string& out)
{
    if (m_key == nullptr) {
        out.append(utf8); // no lexical scheme: nothing to hold back
        return;
    }
    const std::size_t start = streamEnd();
    m_pending.append(utf8);
    std::size_t pos = 0;
    while (pos < utf8.size()) {
        const auto b = static_cast<unsigned char>(utf8[pos]);
        if (b < 0x80) {
            onCodePoint(b, start + pos, 1, out);
            ++pos;
            continue;
        }
        const text::DecodedChar c = text::decodeAt(utf8, pos);
        onCodePoint(c.codePoint, start + pos, c.length, out);
        pos += c.length;
    }
    flushSafe(out);
    // Forget what was returned.
    const std::size_t done = m_emitted - m_bufStart;
    if (done > 0) {
        m_pending.erase(0, done);
        m_bufStart = m_emitted;
    }
}

void LexicalRewriter::finish(std::string& out)
{
    if (m_tokenizer.finish()) {
        onWord(m_tokenizer.word(), out);
    }
    m_article.reset();
    m_processed = streamEnd();
    emitTo(streamEnd(), out);
    m_pending.clear();
    m_bufStart = m_emitted;
}

} // namespace modelguard::watermark
