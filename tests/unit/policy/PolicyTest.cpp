#include "core/policy/Policy.h"

#include <gtest/gtest.h>

using namespace modelguard::policy;
using modelguard::watermark::Scheme;

TEST(PolicyNames, LogprobsModesRoundTrip)
{
    for (auto mode : {LogprobsMode::Allow, LogprobsMode::Cap, LogprobsMode::Round, LogprobsMode::Noise,
                      LogprobsMode::Strip, LogprobsMode::Deny}) {
        EXPECT_EQ(parseLogprobsMode(logprobsModeName(mode)), mode);
    }
    EXPECT_EQ(logprobsModeName(LogprobsMode::Noise), "noise");
    EXPECT_FALSE(parseLogprobsMode("Noise"));
    EXPECT_FALSE(parseLogprobsMode(""));
}

TEST(PolicyNames, LogitBiasModesRoundTrip)
{
    for (auto mode : {LogitBiasMode::Allow, LogitBiasMode::Cap, LogitBiasMode::Strip, LogitBiasMode::Deny,
                      LogitBiasMode::DenyWithLogprobs}) {
        EXPECT_EQ(parseLogitBiasMode(logitBiasModeName(mode)), mode);
    }
    EXPECT_EQ(logitBiasModeName(LogitBiasMode::DenyWithLogprobs), "deny_with_logprobs");
    EXPECT_FALSE(parseLogitBiasMode("round"));
}

TEST(PolicyNames, ActionsAndSchemes)
{
    EXPECT_EQ(actionKindName(ActionKind::StripLogits), "strip_logits");
    EXPECT_EQ(parseActionKind("block"), ActionKind::Block);
    EXPECT_FALSE(parseActionKind("clear"));
    EXPECT_EQ(schemesName(Scheme::Payload | Scheme::Lexical), "both");
    EXPECT_EQ(parseSchemes("lexical"), Scheme::Lexical);
    EXPECT_EQ(parseSchemes("none"), Scheme::None);
    EXPECT_FALSE(parseSchemes("all"));
    EXPECT_EQ(WatermarkPolicy {}.schemes, Scheme::Both);
}

TEST(PolicyCalendar, UtcDayAndMonthBoundaries)
{
    // 2024-02-29T23:59:59.999Z (leap day) and the instant after.
    const std::int64_t leapDayEnd = 1709251199999;
    EXPECT_EQ(utcDayStart(leapDayEnd), 1709164800000);     // 2024-02-29T00:00Z
    EXPECT_EQ(utcNextDayStart(leapDayEnd), 1709251200000); // 2024-03-01T00:00Z
    EXPECT_EQ(utcMonthStart(leapDayEnd), 1706745600000);   // 2024-02-01T00:00Z
    EXPECT_EQ(utcNextMonthStart(leapDayEnd), 1709251200000);
    EXPECT_EQ(utcMonthStart(leapDayEnd + 1), 1709251200000);
    // December rolls into the next year.
    const std::int64_t dec15 = 1734220800000;           // 2024-12-15T00:00Z
    EXPECT_EQ(utcNextMonthStart(dec15), 1735689600000); // 2025-01-01T00:00Z
    // Before the epoch days still start at midnight.
    EXPECT_EQ(utcDayStart(-1), -86'400'000);
}
