// The a/an rule and case transfer.
#include "core/watermark/LexicalEnglish.h"

#include <gtest/gtest.h>

using namespace modelguard::watermark;

TEST(LexicalEnglishTest, ArticleRule)
{
    for (const char* w : {"apple", "enormous", "idea", "orange", "umbrella", "hour", "hours", "honest", "honour",
                          "heir", "uninformed", "unimportant", "understanding"}) {
        EXPECT_TRUE(takesAn(w)) << w;
    }
    for (const char* w : {"banana", "huge", "unique", "university", "unit", "one", "once", "user", "usual", "euro",
                          "european", "ewe", "house", "historic", "year", "uniform", "utility"}) {
        EXPECT_FALSE(takesAn(w)) << w;
    }
    EXPECT_FALSE(takesAn(""));
}

TEST(LexicalEnglishTest, CaseTransfer)
{
    EXPECT_EQ(applyCase("commence", LetterCase::Lower), "commence");
    EXPECT_EQ(applyCase("commence", LetterCase::Capitalised), "Commence");
    EXPECT_EQ(applyCase("commence", LetterCase::Upper), "COMMENCE");
    WordToken a;
    a.lower = "a";
    a.letterCase = LetterCase::Capitalised;
    EXPECT_EQ(articleFor(a, true, LetterCase::Lower), "An");
    EXPECT_EQ(articleFor(a, true, LetterCase::Upper), "AN");
    a.letterCase = LetterCase::Lower;
    EXPECT_EQ(articleFor(a, true, LetterCase::Lower), "an");
    WordToken an;
    an.lower = "an";
    an.letterCase = LetterCase::Upper;
    EXPECT_EQ(articleFor(an, false, LetterCase::Upper), "A");
    an.letterCase = LetterCase::Capitalised;
    EXPECT_EQ(articleFor(an, false, LetterCase::Lower), "A");
}
