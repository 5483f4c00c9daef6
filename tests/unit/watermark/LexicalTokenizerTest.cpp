// Word boundaries, taint, case and offsets of the shared tokenizer.
#include "core/watermark/LexicalTokenizer.h"
#include "core/text/Utf8.h"

#include <gtest/gtest.h>

#include <vector>

using namespace modelguard::watermark;

namespace {

std::vector<WordToken> tokens(std::string_view text)
{
    std::vector<WordToken> out;
    LexicalTokenizer t;
    std::size_t pos = 0;
    while (pos < text.size()) {
        const auto c = modelguard::text::decodeAt(text, pos);
        if (t.push(c.valid ? c.codePoint : modelguard::text::kReplacementChar, pos, c.length)) {
            out.push_back(t.word());
        }
        pos += c.length;
    }
    if (t.finish()) {
        out.push_back(t.word());
    }
    return out;
}

} // namespace

TEST(LexicalTokenizerTest, SplitsAsciiWordsWithInternalApostrophes)
{
    const auto w = tokens("Don't stop, the dogs' toys-are here!");
    ASSERT_EQ(w.size(), 7u);
    EXPECT_EQ(w[0].lower, "don't");
    EXPECT_TRUE(w[0].hasApostrophe);
    EXPECT_FALSE(w[0].scorable());
    EXPECT_EQ(w[1].lower, "stop");
    EXPECT_TRUE(w[1].scorable());
    EXPECT_EQ(w[3].lower, "dogs");
    EXPECT_FALSE(w[3].hasApostrophe);
    EXPECT_EQ(w[4].lower, "toys");
    EXPECT_EQ(w[5].lower, "are");
    EXPECT_EQ(w[6].lower, "here");
    EXPECT_EQ(w[6].begin, 31u);
    EXPECT_EQ(w[6].end, 35u);
}

TEST(LexicalTokenizerTest, IgnorablesDoNotSplitWords)
{
    // ZERO WIDTH SPACE and a variation selector inside and after a word.
    const std::string text = "ca\xE2\x80\x8Br\xEF\xB8\x8F is";
    const auto w = tokens(text);
    ASSERT_EQ(w.size(), 2u);
    EXPECT_EQ(w[0].lower, "car");
    EXPECT_TRUE(w[0].scorable());
    EXPECT_EQ(w[0].begin, 0u);
    EXPECT_EQ(w[0].end, 6u); // up to the last letter, the ignorable inside included
}

TEST(LexicalTokenizerTest, NonAsciiLettersDigitsTaintNeighbours)
{
    const auto w = tokens("caf\xC3\xA9 na\xC3\xAFve x86 \xD0\xBC\xD0\xB8\xD1\x80 big word");
    ASSERT_EQ(w.size(), 6u);
    EXPECT_EQ(w[0].lower, "caf");
    EXPECT_TRUE(w[0].tainted);
    EXPECT_TRUE(w[1].tainted); // "na"
    EXPECT_TRUE(w[2].tainted); // "ve"
    EXPECT_TRUE(w[3].tainted); // "x" next to a digit
    EXPECT_FALSE(w[4].tainted);
    EXPECT_FALSE(w[5].tainted);
    // Punctuation and symbols do not taint: “quoted” — dash … and an emoji 😀.
    for (const auto& t : tokens("\xE2\x80\x9Cquoted\xE2\x80\x9D\xE2\x80\x94word\xE2\x80\xA6 \xF0\x9F\x98\x80go")) {
        EXPECT_FALSE(t.tainted) << t.lower;
    }
}

TEST(LexicalTokenizerTest, CasePatterns)
{
    const auto w = tokens("word Word WORD wOrD A I McDonald");
    ASSERT_EQ(w.size(), 7u);
    EXPECT_EQ(w[0].letterCase, LetterCase::Lower);
    EXPECT_EQ(w[1].letterCase, LetterCase::Capitalised);
    EXPECT_EQ(w[2].letterCase, LetterCase::Upper);
    EXPECT_EQ(w[3].letterCase, LetterCase::Mixed);
    EXPECT_EQ(w[4].letterCase, LetterCase::Capitalised);
    EXPECT_TRUE(w[4].isArticle());
    EXPECT_EQ(w[6].letterCase, LetterCase::Mixed);
    EXPECT_FALSE(w[6].scorable());
}

TEST(LexicalTokenizerTest, OverlongWordsAreNotScorable)
{
    const std::string longWord(LexicalTokenizer::kMaxLetters + 10, 'a');
    const auto w = tokens(longWord + " ok");
    ASSERT_EQ(w.size(), 2u);
    EXPECT_TRUE(w[0].overflow);
    EXPECT_FALSE(w[0].scorable());
    EXPECT_EQ(w[0].end, longWord.size());
    EXPECT_EQ(contextKeyOf(w[1]), "ok");
}

TEST(LexicalTokenizerTest, ArticleContextIsFolded)
{
    const auto w = tokens("an a An");
    ASSERT_EQ(w.size(), 3u);
    for (const auto& t : w) {
        EXPECT_EQ(contextKeyOf(t), "a");
    }
}
