#include "core/policy/Logprobs.h"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

using namespace modelguard::policy;

TEST(Logprobs, RoundToDecimals)
{
    EXPECT_DOUBLE_EQ(roundLogprob(-1.23456, 1), -1.2);
    EXPECT_DOUBLE_EQ(roundLogprob(-1.25, 1), -1.3);
    EXPECT_DOUBLE_EQ(roundLogprob(-1.23456, 3), -1.235);
    EXPECT_DOUBLE_EQ(roundLogprob(-1.6, 0), -2.0);
    const double zero = roundLogprob(-0.04, 1);
    EXPECT_EQ(zero, 0.0);
    EXPECT_FALSE(std::signbit(zero));
}

TEST(Logprobs, CappedCount)
{
    EXPECT_EQ(cappedCount(20, 5), 5u);
    EXPECT_EQ(cappedCount(3, 5), 3u);
    EXPECT_EQ(cappedCount(3, 0), 0u);
    EXPECT_EQ(cappedCount(3, -1), 0u);
}

TEST(Logprobs, TransformModes)
{
    OutputPolicy policy;
    policy.logprobs = LogprobsMode::Round;
    policy.roundDecimals = 2;
    LogprobTransform round(policy, 1);
    EXPECT_TRUE(round.changesValues());
    EXPECT_FALSE(round.capsTopList());
    EXPECT_DOUBLE_EQ(round.value(-0.123456), -0.12);
    EXPECT_EQ(round.topCount(7), 7u);

    policy.logprobs = LogprobsMode::Cap;
    policy.topLogprobsCap = 2;
    LogprobTransform cap(policy, 1);
    EXPECT_EQ(cap.value(-0.123456), -0.123456);
    EXPECT_EQ(cap.topCount(7), 2u);

    policy.logprobs = LogprobsMode::Allow;
    LogprobTransform allow(policy, 1);
    EXPECT_FALSE(allow.changesValues());
    EXPECT_EQ(allow.topCount(7), 7u);
}

TEST(Logprobs, NoiseIsSeededGaussianAndStaysValid)
{
    OutputPolicy policy;
    policy.logprobs = LogprobsMode::Noise;
    policy.noiseStddev = 0.5;
    LogprobTransform a(policy, 42);
    LogprobTransform b(policy, 42);
    LogprobTransform c(policy, 43);
    bool differs = false;
    for (int i = 0; i < 100; ++i) {
        const double va = a.value(-3.0);
        EXPECT_EQ(va, b.value(-3.0));
        differs = differs || va != c.value(-3.0);
        EXPECT_LE(va, 0.0);
    }
    EXPECT_TRUE(differs);
    // Near 0 the result is clamped to a valid logprob.
    for (int i = 0; i < 100; ++i) {
        EXPECT_LE(a.value(-0.01), 0.0);
    }
    // Mean ~0 and stddev ~sigma over many draws.
    LogprobTransform stats(policy, 7);
    const int count = 20000;
    double sum = 0;
    double squares = 0;
    for (int i = 0; i < count; ++i) {
        const double x = stats.noise(2.0);
        sum += x;
        squares += x * x;
    }
    const double mean = sum / count;
    const double sd = std::sqrt(squares / count - mean * mean);
    EXPECT_NEAR(mean, 0.0, 0.06);
    EXPECT_NEAR(sd, 2.0, 0.06);
    EXPECT_EQ(stats.noise(0.0), 0.0);
}
