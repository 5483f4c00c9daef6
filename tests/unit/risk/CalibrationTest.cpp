#include "core/risk/Calibration.h"

#include "tests/unit/risk/RecordFactory.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

namespace modelguard::risk {
namespace {

Calibration learnedSample(std::uint64_t seed, int windows)
{
    Calibration c;
    test::TestRandom r(seed);
    for (int i = 0; i < windows; ++i) {
        for (const auto& info : featureTable()) {
            const double v = info.scale == FeatureScale::Share ? r.uniform() * 0.5 : r.uniform() * 300.0;
            c.learn(WindowScale::Short, info.feature, v);
            c.learn(WindowScale::Long, info.feature, v * 0.8);
        }
        c.learnCombined(WindowScale::Short, r.uniform() * 20.0);
        c.learnCombined(WindowScale::Long, r.uniform() * 10.0);
    }
    return c;
}

TEST(Calibration, DefaultTailIsOneInTheBenignRangeAndFallsBeyondIt)
{
    const Calibration c;
    EXPECT_DOUBLE_EQ(c.tailProbability(WindowScale::Short, Feature::LogitProbe, 0.0), 1.0);
    const double p = c.tailProbability(WindowScale::Short, Feature::LogitProbe, 0.9);
    EXPECT_LT(p, 0.01);
    EXPECT_GT(p, 0.0);
    EXPECT_EQ(c.sampleCount(WindowScale::Short, Feature::LogitProbe), 0u);
    EXPECT_FALSE(c.combinedQuantile(WindowScale::Short, 0.5).has_value());
}

TEST(Calibration, LearnedTailIsMonotoneAndExtrapolatesBeyondTheLargestBenignValue)
{
    Calibration c;
    for (int i = 0; i < 1000; ++i) {
        c.learn(WindowScale::Short, Feature::TemplateShare, (i % 50) / 100.0); // benign: 0 .. 0.49
    }
    double previous = 1.0;
    for (double v = 0.0; v <= 1.0; v += 0.05) {
        const double p = c.tailProbability(WindowScale::Short, Feature::TemplateShare, v);
        EXPECT_LE(p, previous + 1e-12) << v;
        previous = p;
    }
    EXPECT_NEAR(c.tailProbability(WindowScale::Short, Feature::TemplateShare, 0.25), 0.5, 0.02);
    const double justBeyond = c.tailProbability(WindowScale::Short, Feature::TemplateShare, 0.55);
    const double farBeyond = c.tailProbability(WindowScale::Short, Feature::TemplateShare, 1.0);
    EXPECT_LT(justBeyond, 1.0 / 1000.0);
    EXPECT_LT(farBeyond, justBeyond / 2.0);
    // Other scales and features are untouched.
    EXPECT_EQ(c.sampleCount(WindowScale::Long, Feature::TemplateShare), 0u);
}

TEST(Calibration, JsonRoundTripKeepsEveryCount)
{
    const Calibration c = learnedSample(11, 500);
    std::string error;
    const auto back = Calibration::fromJson(c.toJson(), &error);
    ASSERT_TRUE(back.has_value()) << error;
    EXPECT_TRUE(*back == c);
    EXPECT_EQ(back->combinedSampleCount(WindowScale::Long), 500u);
    EXPECT_DOUBLE_EQ(back->tailProbability(WindowScale::Short, Feature::Coverage, 0.3),
                     c.tailProbability(WindowScale::Short, Feature::Coverage, 0.3));
    ASSERT_TRUE(c.combinedQuantile(WindowScale::Short, 0.5).has_value());
    EXPECT_NEAR(*c.combinedQuantile(WindowScale::Short, 0.5), 10.0, 1.5);
}

TEST(Calibration, SaveAndLoadAFile)
{
    const Calibration c = learnedSample(12, 300);
    const auto path = (std::filesystem::temp_directory_path() / "mg_risk_calibration_test.json").string();
    std::string error;
    ASSERT_TRUE(c.save(path, &error)) << error;
    const auto loaded = Calibration::load(path, &error);
    std::filesystem::remove(path);
    ASSERT_TRUE(loaded.has_value()) << error;
    EXPECT_TRUE(*loaded == c);
    EXPECT_FALSE(Calibration::load(path + ".missing", &error).has_value());
    EXPECT_NE(error.find("cannot open"), std::string::npos);
}

TEST(Calibration, MalformedJsonIsRejectedWithAClearError)
{
    const char* bad[] = {
        "",
        "not json",
        "[]",
        R"({"format":"other","version":1,"scales":[{},{}]})",
        R"({"format":"modelguard-risk-calibration","version":2,"scales":[{},{}]})",
        R"({"format":"modelguard-risk-calibration","version":1,"scales":[{}]})",
        R"({"format":"modelguard-risk-calibration","version":1,"scales":[{"features":{"nope":[[1,2]]}},{}]})",
        R"({"format":"modelguard-risk-calibration","version":1,"scales":[{"features":{"rate":[[999,2]]}},{}]})",
        R"({"format":"modelguard-risk-calibration","version":1,"scales":[{"features":{"rate":[[1,-2]]}},{}]})",
        R"({"format":"modelguard-risk-calibration","version":1,"scales":[{"combined":[[1]]},{}]})",
        R"({"format":"modelguard-risk-calibration","version":1,"scales":[{"combined":[[1,1e300]]},{}]})",
    };
    for (const char* text : bad) {
        std::string error;
        EXPECT_FALSE(Calibration::fromJson(text, &error).has_value()) << text;
        EXPECT_NE(error.find("calibration:"), std::string::npos) << text;
    }
}

TEST(Calibration, MergeAddsCountsAndClearForgets)
{
    Calibration a = learnedSample(1, 100);
    const Calibration b = learnedSample(2, 150);
    a.merge(b);
    EXPECT_EQ(a.sampleCount(WindowScale::Short, Feature::RatePerHour), 250u);
    EXPECT_EQ(a.combinedSampleCount(WindowScale::Short), 250u);
    a.clear();
    EXPECT_TRUE(a == Calibration());
}

TEST(Calibration, NanIsIgnoredAndInfinityClamped)
{
    Calibration c;
    c.learn(WindowScale::Short, Feature::RatePerHour, std::numeric_limits<double>::quiet_NaN());
    EXPECT_EQ(c.sampleCount(WindowScale::Short, Feature::RatePerHour), 0u);
    c.learn(WindowScale::Short, Feature::RatePerHour, std::numeric_limits<double>::infinity());
    EXPECT_EQ(c.sampleCount(WindowScale::Short, Feature::RatePerHour), 1u);
    const double p =
        c.tailProbability(WindowScale::Short, Feature::RatePerHour, std::numeric_limits<double>::quiet_NaN());
    EXPECT_GT(p, 0.0);
    EXPECT_LE(p, 1.0);
}

} // namespace
} // namespace modelguard::risk
