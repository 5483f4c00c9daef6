// Replacement by green members with case, inflection and a/an agreement, on a hand-made lexicon.
#include "core/watermark/LexicalRewriter.h"
#include "LexicalTestLexicon.h"
#include "core/watermark/LexicalKey.h"

#include <gtest/gtest.h>

#include <memory>
#include <random>

using namespace modelguard::watermark;
using lextest::miniLexicon;

namespace {

std::string rewrite(const LexicalKey& key, std::string_view text, double strength = 1.0)
{
    LexicalRewriter r(&key, strength);
    std::string out;
    r.push(text, out);
    r.finish(out);
    return out;
}

bool isGreen(const LexicalKey& key, std::string_view word)
{
    const auto e = key.lexicon().find(word);
    return e && ((key.decide({}, e->classId).greenMask >> e->member) & 1U) != 0;
}

// A width-0 key under which `red` is not green and `green` is (found by trying seeds in order).
std::unique_ptr<LexicalKey> keyPreferring(std::string_view green, std::string_view red)
{
    for (std::uint8_t seed = 1; seed < 200; ++seed) {
        auto key = std::make_unique<LexicalKey>(std::vector<std::uint8_t>(32, seed), miniLexicon());
        if (isGreen(*key, green) && !isGreen(*key, red)) {
            return key;
        }
    }
    return nullptr;
}

} // namespace

TEST(LexicalRewriterTest, KeepsInflectionAndCase)
{
    const auto key = keyPreferring("commence", "start");
    ASSERT_NE(key, nullptr);
    EXPECT_EQ(rewrite(*key, "She started; he starts, they are starting. Start! STARTED it was started."),
              "She commenced; he commences, they are commencing. Commence! COMMENCED it was commenced.");
    // Green words are left alone.
    EXPECT_EQ(rewrite(*key, "We commence now."), "We commence now.");
    // Mixed case and tainted words are never touched.
    EXPECT_EQ(rewrite(*key, "sTart start9 start\xC3\xA9"), "sTart start9 start\xC3\xA9");
}

TEST(LexicalRewriterTest, FixesArticles)
{
    const auto toEnormous = keyPreferring("enormous", "huge");
    ASSERT_NE(toEnormous, nullptr);
    EXPECT_EQ(rewrite(*toEnormous, "It was a huge success. A huge one. A HUGE ONE. a  huge"),
              "It was an enormous success. An enormous one. AN ENORMOUS ONE. an  enormous");
    // Not an article of this word: punctuation in between.
    EXPECT_EQ(rewrite(*toEnormous, "a, huge"), "a, enormous");
    const auto toHuge = keyPreferring("huge", "enormous");
    ASSERT_NE(toHuge, nullptr);
    EXPECT_EQ(rewrite(*toHuge, "An enormous task and an\nenormous one"), "A huge task and a\nhuge one");
    // "a unique" and "a singular": the initial sound does not change, neither does the article.
    const auto toSingular = keyPreferring("singular", "unique");
    ASSERT_NE(toSingular, nullptr);
    EXPECT_EQ(rewrite(*toSingular, "a unique thing"), "a singular thing");
    const auto toGlory = keyPreferring("glory", "honour");
    ASSERT_NE(toGlory, nullptr);
    EXPECT_EQ(rewrite(*toGlory, "It is an honour."), "It is a glory.");
}

TEST(LexicalRewriterTest, StrengthZeroChangesNothingAndStrengthScales)
{
    const auto key = keyPreferring("automobile", "car");
    ASSERT_NE(key, nullptr);
    const std::string text = "The car, the cars.";
    EXPECT_EQ(rewrite(*key, text, 0.0), text);
    EXPECT_EQ(rewrite(*key, text, 1.0), "The automobile, the automobiles.");
}

TEST(LexicalRewriterTest, LookaheadIsTheCurrentWordAndOnePendingArticle)
{
    const auto key = keyPreferring("enormous", "huge");
    ASSERT_NE(key, nullptr);
    LexicalRewriter r(key.get(), 1.0);
    std::string out;
    auto feed = [&](std::string_view s) { r.push(s, out); };
    feed("Some words here and");
    EXPECT_EQ(out, "Some words here "); // "and" may still grow
    feed(" a ");
    EXPECT_EQ(out, "Some words here and "); // the article waits for its noun
    feed("hu");
    EXPECT_EQ(out, "Some words here and ");
    feed("ge,");
    EXPECT_EQ(out, "Some words here and an enormous,");
    r.finish(out);
    EXPECT_EQ(out, "Some words here and an enormous,");
}

TEST(LexicalRewriterTest, AnyChunkingGivesTheSameOutput)
{
    // Random texts dense in articles, replaceable words, blanks, apostrophes, ignorables and tainting characters.
    const std::vector<std::string> pieces {
        "a", "an", "A", "AN", "huge", "enormous",     "unique", "Glory",    "car", "HONOUR", "started",
        " ", "  ", ",", "\n", "'",    "\xE2\x80\x8B", "9",      "\xC3\xA9", "ok",  "x"};
    const auto key = keyPreferring("enormous", "huge");
    ASSERT_NE(key, nullptr);
    std::mt19937_64 rng(4242);
    std::uniform_int_distribution<std::size_t> pick(0, pieces.size() - 1);
    std::uniform_int_distribution<std::size_t> chunk(1, 9);
    for (int round = 0; round < 300; ++round) {
        std::string text;
        for (int i = 0; i < 60; ++i) {
            text += pieces[pick(rng)];
        }
        const std::string whole = rewrite(*key, text);
        LexicalRewriter r(key.get(), 1.0);
        std::string out;
        std::size_t pos = 0;
        while (pos < text.size()) {
            std::size_t n = std::min(chunk(rng), text.size() - pos);
            // Chunks end on code point boundaries, as the Embedder guarantees.
            while (pos + n < text.size() && (static_cast<unsigned char>(text[pos + n]) & 0xC0U) == 0x80U) {
                ++n;
            }
            r.push(std::string_view(text).substr(pos, n), out);
            pos += n;
        }
        r.finish(out);
        ASSERT_EQ(out, whole) << text;
    }
}
