#include "core/watermark/LexicalTokenizer.h"

#include "core/text/Utf8.h"

namespace modelguard::watermark {

namespace {

bool isAsciiLetter(char32_t cp) noexcept
{
    return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
}

} // namespace

std::string_view contextKeyOf(const WordToken& word) noexcept
{
    if (word.isArticle()) {
        return "a";
    }
    return word.lower;
}

bool isWordApostrophe(char32_t cp) noexcept
{
    return cp == '\'' || cp == 0x2019;
}

bool isTaintingCodePoint(char32_t cp) noexcept
{
    if (cp < 0x80) {
        return (cp >= '0' && cp <= '9') || cp == '_';
    }
    if (text::isDefaultIgnorable(cp)) {
        return false;
    }
    // Not letters: Latin-1 punctuation and symbols, × and ÷, spacing modifiers, general punctuation and spaces,
    // super/subscripts, currency, letterlike symbols .. dingbats, CJK symbols and punctuation, private use,
    // specials, emoji and pictographs.
    const bool nonLetter = (cp >= 0x80 && cp <= 0xBF) || cp == 0xD7 || cp == 0xF7 || (cp >= 0x2000 && cp <= 0x2BFF)
                           || (cp >= 0x2E00 && cp <= 0x2E7F) || (cp >= 0x3000 && cp <= 0x303F)
                           || (cp >= 0xE000 && cp <= 0xF8FF) || (cp >= 0xFE10 && cp <= 0xFE6F)
                           || (cp >= 0xFF00 && cp <= 0xFF0F) || (cp >= 0xFFF0 && cp <= 0xFFFF)
                           || (cp >= 0x1F000 && cp <= 0x1FAFF);
    return !nonLetter;
}

void LexicalTokenizer::startWord(char32_t cp, std::size_t offset, std::size_t length)
{
    // Letters collect in a fixed buffer; the word's string is written once, when it completes.
    m_bufLen = 0;
    m_current.hash = 0xcbf29ce484222325ULL; // FNV-1a offset basis, as in fnv1a64()
    m_current.begin = offset;
    m_current.letterCase = LetterCase::Lower;
    m_current.hasApostrophe = false;
    m_current.overflow = false;
    m_current.tainted = m_lastTainting;
    m_upper = 0;
    m_letters = 0;
    m_firstUpper = cp >= 'A' && cp <= 'Z';
    m_state = State::InWord;
    addLetter(cp, offset, length);
}

void LexicalTokenizer::complete(bool taintAfter)
{
    m_current.tainted = m_current.tainted || taintAfter;
    if (m_upper == 0) {
        m_current.letterCase = LetterCase::Lower;
    } else if (m_upper == m_letters) {
        m_current.letterCase = m_letters == 1 ? LetterCase::Capitalised : LetterCase::Upper;
    } else if (m_upper == 1 && m_firstUpper) {
        m_current.letterCase = LetterCase::Capitalised;
    } else {
        m_current.letterCase = LetterCase::Mixed;
    }
    // Field by field: the word's string keeps its capacity from word to word.
    m_done.begin = m_current.begin;
    m_done.end = m_current.end;
    m_done.lower.assign(m_buf.data(), m_bufLen);
    m_done.hash = m_current.hash;
    m_done.letterCase = m_current.letterCase;
    m_done.hasApostrophe = m_current.hasApostrophe;
    m_done.tainted = m_current.tainted;
    m_done.overflow = m_current.overflow;
    m_done.lastCodePoint = m_current.lastCodePoint;
    m_state = State::Outside;
}

bool LexicalTokenizer::pushSlow(char32_t cp, std::size_t offset, std::size_t length)
{
    if (cp >= 0x80 && text::isDefaultIgnorable(cp)) {
        return false; // transparent
    }
    const bool letter = isAsciiLetter(cp);
    switch (m_state) {
    case State::Outside:
        if (letter) {
            startWord(cp, offset, length);
        } else {
            m_lastTainting = isTaintingCodePoint(cp);
        }
        return false;
    case State::InWord:
        if (letter) {
            addLetter(cp, offset, length);
            return false;
        }
        if (isWordApostrophe(cp)) {
            m_state = State::AfterApostrophe;
            return false;
        }
        m_lastTainting = isTaintingCodePoint(cp);
        complete(m_lastTainting);
        return true;
    case State::AfterApostrophe:
        if (letter) {
            if (m_bufLen < kMaxLetters) {
                appendLower('\'');
            }
            m_current.hasApostrophe = true;
            m_state = State::InWord;
            addLetter(cp, offset, length);
            return false;
        }
        // The apostrophe closed the word ("dogs' "); the code point after it starts the outside state.
        complete(false);
        m_lastTainting = isTaintingCodePoint(cp);
        return true;
    }
    return false;
}

bool LexicalTokenizer::finish()
{
    if (m_state == State::Outside) {
        return false;
    }
    complete(false);
    m_lastTainting = false;
    return true;
}

} // namespace modelguard::watermark
