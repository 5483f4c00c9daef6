// Binomial tail, z-score and multiple-testing correction of the lexical test.
#include "core/watermark/Statistics.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

using namespace modelguard::watermark;

namespace {

// Independent reference: direct summation of the pmf in long double log space.
long double referenceLogTail(std::uint64_t k, std::uint64_t n, long double p)
{
    long double maxTerm = -std::numeric_limits<long double>::infinity();
    std::vector<long double> terms;
    for (std::uint64_t j = k; j <= n; ++j) {
        const long double t =
            std::lgamma(static_cast<long double>(n) + 1) - std::lgamma(static_cast<long double>(j) + 1)
            - std::lgamma(static_cast<long double>(n - j) + 1) + static_cast<long double>(j) * std::log(p)
            + static_cast<long double>(n - j) * std::log1p(-p);
        terms.push_back(t);
        maxTerm = std::max(maxTerm, t);
    }
    long double sum = 0;
    for (long double t : terms) {
        sum += std::exp(t - maxTerm);
    }
    return maxTerm + std::log(sum);
}

} // namespace

TEST(StatisticsTest, BinomialTailKnownValues)
{
    // P[Bin(100, .5) >= 60]
    EXPECT_NEAR(binomialUpperTail(60, 100, 0.5), 0.028443966820490, 1e-14);
    // P[Bin(100, .5) >= 50]
    EXPECT_NEAR(binomialUpperTail(50, 100, 0.5), 0.5397946186935894, 1e-13);
    // P[Bin(10, .3) >= 3] = 1 - P[X <= 2] = 1 - (0.0282475249 + 0.121060821 + 0.2334744405)
    EXPECT_NEAR(binomialUpperTail(3, 10, 0.3), 1.0 - 0.0282475249 - 0.121060821 - 0.2334744405, 1e-10);
    // P[Bin(20, .5) >= 20] = 2^-20
    EXPECT_NEAR(binomialUpperTail(20, 20, 0.5) / std::ldexp(1.0, -20), 1.0, 1e-12);
    EXPECT_DOUBLE_EQ(binomialUpperTail(0, 10, 0.5), 1.0);
    EXPECT_EQ(binomialUpperTail(11, 10, 0.5), 0.0);
    EXPECT_EQ(binomialUpperTail(1, 10, 0.0), 0.0);
}

TEST(StatisticsTest, TinyTailsAreAccurateInLogSpace)
{
    // 2^-1000 ≈ 9.33e-302: a representable double far below 1e-300.
    EXPECT_NEAR(logBinomialUpperTail(1000, 1000, 0.5), -1000.0 * std::log(2.0), 1e-9);
    EXPECT_NEAR(binomialUpperTail(1000, 1000, 0.5) / std::ldexp(1.0, -1000), 1.0, 1e-9);
    // (1000 + 1) * 2^-1000
    EXPECT_NEAR(logBinomialUpperTail(999, 1000, 0.5), std::log(1001.0) - 1000.0 * std::log(2.0), 1e-9);
    // Below the double range: the log is still exact and the value does not become 0.
    EXPECT_NEAR(logBinomialUpperTail(3000, 3000, 0.5), -3000.0 * std::log(2.0), 1e-8);
    EXPECT_GT(binomialUpperTail(3000, 3000, 0.5), 0.0);
    for (auto [k, n, p] : {std::tuple {300u, 500u, 0.25}, std::tuple {700u, 1000u, 0.5}, std::tuple {90u, 100u, 0.3},
                           std::tuple {5000u, 6000u, 0.5}, std::tuple {40u, 60u, 0.5}}) {
        const long double ref = referenceLogTail(k, n, p);
        EXPECT_NEAR(logBinomialUpperTail(k, n, p), static_cast<double>(ref),
                    1e-9 * std::fabs(static_cast<double>(ref)) + 1e-12)
            << k << "/" << n << " p=" << p;
    }
}

TEST(StatisticsTest, BelowTheMeanUsesTheComplement)
{
    for (auto [k, n, p] : {std::tuple {10u, 100u, 0.5}, std::tuple {45u, 100u, 0.5}, std::tuple {1u, 1000u, 0.01}}) {
        const long double upper = referenceLogTail(k, n, p);
        EXPECT_NEAR(std::exp(logBinomialUpperTail(k, n, p)), std::exp(static_cast<double>(upper)), 1e-12);
    }
}

TEST(StatisticsTest, ZScoreFormula)
{
    EXPECT_DOUBLE_EQ(zScore(60, 100, 0.5), 2.0);
    EXPECT_DOUBLE_EQ(zScore(50, 100, 0.5), 0.0);
    EXPECT_NEAR(zScore(40, 100, 0.25), 15.0 / std::sqrt(18.75), 1e-12);
    EXPECT_DOUBLE_EQ(zScore(0, 0, 0.5), 0.0);
    EXPECT_LT(zScore(10, 100, 0.5), 0.0);
}

TEST(StatisticsTest, MultipleTestingCorrection)
{
    // 1 - (1 - p)^N
    const double p = 1e-3;
    EXPECT_NEAR(std::exp(logCorrectedMinimum(std::log(p), 10)), 1.0 - std::pow(1.0 - p, 10), 1e-15);
    EXPECT_NEAR(std::exp(logCorrectedMinimum(std::log(0.5), 3)), 0.875, 1e-15);
    // Tiny p: N p.
    EXPECT_NEAR(logCorrectedMinimum(std::log(1e-200), 1000), std::log(1e-197), 1e-9);
    EXPECT_NEAR(logCorrectedMinimum(-2000.0, 1000), -2000.0 + std::log(1000.0), 1e-9);
    EXPECT_DOUBLE_EQ(logCorrectedMinimum(std::log(0.2), 1), std::log(0.2));
    EXPECT_LE(logCorrectedMinimum(std::log(0.9), 100), 0.0);
}
