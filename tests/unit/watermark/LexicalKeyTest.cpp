// Keyed green selection: determinism, key separation and calibration (each member green with probability gamma,
// green frequency mass close to gamma).
#include "core/watermark/LexicalKey.h"
#include "LexicalTestLexicon.h"
#include "core/watermark/Lexicon.h"

#include <gtest/gtest.h>

#include <bit>
#include <random>

using namespace modelguard::watermark;

namespace {

std::vector<std::uint8_t> keyBytes(std::uint8_t seed)
{
    return std::vector<std::uint8_t>(32, seed);
}

Lexicon::WordClass makeClass(std::vector<double> freqs)
{
    Lexicon::WordClass c;
    double sum = 0;
    for (double f : freqs) {
        sum += f;
    }
    for (double f : freqs) {
        c.members.push_back(Lexicon::Member {"m", f / sum, {"m"}});
    }
    return c;
}

} // namespace

TEST(LexicalKeyTest, DeterministicAndKeyed)
{
    const Lexicon& lex = lextest::miniLexicon();
    ASSERT_EQ(lex.classes().size(), 5u);
    LexicalParams width1;
    width1.contextWidth = 1;
    LexicalKey a(keyBytes(1), lex, width1);
    LexicalKey a2(keyBytes(1), lex, width1);
    LexicalKey b(keyBytes(2), lex, width1);
    int differs = 0;
    int contextDiffers = 0;
    for (std::uint32_t c = 0; c < lex.classes().size(); ++c) {
        for (int i = 0; i < 20; ++i) {
            const std::string ctx = "w" + std::to_string(i);
            EXPECT_EQ(a.decide(ctx, c).greenMask, a2.decide(ctx, c).greenMask);
            EXPECT_EQ(a.decide(ctx, c).steerDraw, a2.decide(ctx, c).steerDraw);
            differs += a.decide(ctx, c).steerDraw != b.decide(ctx, c).steerDraw ? 1 : 0;
            contextDiffers += a.decide(ctx, c).steerDraw != a.decide("other", c).steerDraw ? 1 : 0;
        }
    }
    EXPECT_EQ(differs, 100);
    EXPECT_EQ(contextDiffers, 100);
    // Width 0 ignores the context.
    LexicalKey z(keyBytes(1), lex);
    EXPECT_EQ(z.decide("x", 0).steerDraw, z.decide("y", 0).steerDraw);
    EXPECT_THROW(LexicalKey(keyBytes(1), lex, LexicalParams {1.0, 0}), std::invalid_argument);
    EXPECT_THROW(LexicalKey(keyBytes(1), lex, LexicalParams {0.5, 2}), std::invalid_argument);
}

TEST(LexicalKeyTest, EveryMemberIsGreenWithProbabilityGammaAndMassStaysNearGamma)
{
    std::mt19937_64 rng(7);
    std::uniform_real_distribution<double> u(0.0, 1.0);
    for (const auto& freqs : {std::vector<double> {1, 1}, std::vector<double> {9, 1}, std::vector<double> {5, 3, 2},
                              std::vector<double> {40, 8, 2, 1, 1}}) {
        for (double gamma : {0.5, 0.25}) {
            const auto cls = makeClass(freqs);
            std::vector<double> greenCount(freqs.size(), 0);
            double massSum = 0;
            double massAbsDev = 0;
            const int n = 200000;
            for (int i = 0; i < n; ++i) {
                const std::uint64_t mask = LexicalKey::greenMask(LexicalKey::layout(cls, gamma), gamma, u(rng), u(rng));
                double mass = 0;
                for (std::size_t m = 0; m < freqs.size(); ++m) {
                    if ((mask >> m) & 1U) {
                        greenCount[m] += 1;
                        mass += cls.members[m].frequency;
                    }
                }
                massSum += mass;
                if (gamma * static_cast<double>(freqs.size()) >= 1.0) {
                    ASSERT_NE(mask, 0u); // always steerable
                }
                massAbsDev += std::fabs(mass - gamma);
            }
            for (std::size_t m = 0; m < freqs.size(); ++m) {
                EXPECT_NEAR(greenCount[m] / n, gamma, 0.005) << "member " << m << " gamma " << gamma;
            }
            EXPECT_NEAR(massSum / n, gamma, 0.005);
            // Two equal members at gamma 1/2: exactly one is green, the mass is exactly gamma.
            if (freqs.size() == 2 && freqs[0] == freqs[1] && gamma == 0.5) {
                EXPECT_LT(massAbsDev / n, 1e-9);
            }
        }
    }
}

TEST(LexicalKeyTest, TwoMemberClassesHaveExactlyOneGreenMember)
{
    // Gamma 1/2 caps both lengths at 1/2, whatever the frequencies: exactly one member is green.
    for (const auto& freqs : {std::vector<double> {1, 1}, std::vector<double> {9, 1}}) {
        const auto cls = makeClass(freqs);
        const auto lengths = LexicalKey::layout(cls, 0.5);
        EXPECT_DOUBLE_EQ(lengths[0], 0.5);
        std::mt19937_64 rng(3);
        std::uniform_real_distribution<double> u(0.0, 1.0);
        for (int i = 0; i < 10000; ++i) {
            EXPECT_EQ(std::popcount(LexicalKey::greenMask(lengths, 0.5, u(rng), u(rng))), 1);
        }
    }
}

TEST(LexicalKeyTest, LayoutFollowsFrequencyUnderTheCap)
{
    const auto lengths = LexicalKey::layout(makeClass({6, 2, 1, 1}), 0.5);
    ASSERT_EQ(lengths.size(), 4u);
    EXPECT_DOUBLE_EQ(lengths[0], 0.5);
    EXPECT_NEAR(lengths[1], 0.25, 1e-12);
    EXPECT_NEAR(lengths[2], 0.125, 1e-12);
    EXPECT_NEAR(lengths[3], 0.125, 1e-12);
    const auto free = LexicalKey::layout(makeClass({3, 3, 2, 2}), 0.5);
    EXPECT_NEAR(free[0], 0.3, 1e-12);
    EXPECT_NEAR(free[3], 0.2, 1e-12);
}
