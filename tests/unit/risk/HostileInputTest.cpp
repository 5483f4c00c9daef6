#include "core/risk/RiskEngine.h"

#include "tests/unit/risk/RecordFactory.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

namespace modelguard::risk {
namespace {

using namespace test;

void expectSane(const RiskAssessment& a)
{
    EXPECT_TRUE(std::isfinite(a.score));
    EXPECT_GE(a.score, 0.0);
    EXPECT_LE(a.score, 100.0);
    EXPECT_TRUE(std::isfinite(a.clusterScore));
    for (const auto& c : a.explanation) {
        EXPECT_TRUE(std::isfinite(c.points));
        EXPECT_FALSE(c.sentence.empty());
    }
}

TEST(RiskHostileInput, HugeAndInvalidPromptsAreHandledWithBoundedMemory)
{
    RiskEngine engine;
    TestRandom r(1);
    RequestRecord rec = chatRecord("huge", kStart, r);
    rec.prompt.assign(10 * 1024 * 1024, 'x');
    expectSane(engine.observe(rec));
    for (int i = 0; i < 30; ++i) {
        rec.time += kSecond;
        rec.prompt[static_cast<std::size_t>(i)] = static_cast<char>(0x80 + i); // invalid UTF-8 at the head
        rec.prompt.back() = static_cast<char>(0xFF);
        expectSane(engine.observe(rec));
    }
    // The engine keeps sketches, never the prompt.
    EXPECT_LT(engine.memoryBytes(), 1024u * 1024u);
}

TEST(RiskHostileInput, AbsurdParametersAreTolerated)
{
    RiskEngine engine;
    TestRandom r(2);
    const double temperatures[] = {std::numeric_limits<double>::quiet_NaN(),
                                   std::numeric_limits<double>::infinity(),
                                   -std::numeric_limits<double>::infinity(),
                                   -5.0,
                                   1e308,
                                   0.0,
                                   0.5};
    int i = 0;
    for (double temperature : temperatures) {
        for (std::int32_t maxTokens :
             {std::numeric_limits<std::int32_t>::max(), std::numeric_limits<std::int32_t>::min(), -1, 0}) {
            RequestRecord rec = chatRecord("absurd", kStart + (i++) * kSecond, r);
            rec.temperature = temperature;
            rec.maxTokens = maxTokens;
            rec.n = i % 2 == 0 ? std::numeric_limits<std::int32_t>::max() : -7;
            rec.topLogprobs = std::numeric_limits<std::int32_t>::min();
            rec.messageCount = std::numeric_limits<std::uint32_t>::max();
            rec.promptTokens = std::numeric_limits<std::uint32_t>::max();
            rec.completionTokens = std::numeric_limits<std::uint32_t>::max();
            rec.stopCount = std::numeric_limits<std::uint32_t>::max();
            rec.logitBias = {{std::numeric_limits<std::int64_t>::min(), std::numeric_limits<double>::quiet_NaN()},
                             {-1, std::numeric_limits<double>::infinity()},
                             {std::numeric_limits<std::int64_t>::max(), -1e308}};
            expectSane(engine.observe(rec));
        }
    }
    const auto w = engine.lastWindow("absurd", WindowScale::Short);
    ASSERT_TRUE(w.has_value());
    for (double v : w->values) {
        EXPECT_TRUE(std::isfinite(v));
    }
}

TEST(RiskHostileInput, AMillionLogitBiasEntriesCostBoundedWork)
{
    RiskEngine engine;
    RequestRecord rec;
    rec.clientId = "bias-flood";
    rec.prompt = "x";
    rec.logitBias.reserve(1'000'000);
    for (std::int64_t i = 0; i < 1'000'000; ++i) {
        rec.logitBias.emplace_back(i, i % 2 == 0 ? 100.0 : -100.0);
    }
    for (int i = 0; i < 20; ++i) {
        rec.time = kStart + i;
        rec.logitBias[0].second = i; // a different map each time
        expectSane(engine.observe(rec));
    }
    EXPECT_LT(engine.memoryBytes(), 1024u * 1024u);
}

TEST(RiskHostileInput, EmptyAndOverlongIdsAndAddresses)
{
    RiskEngine engine;
    TestRandom r(3);
    RequestRecord rec = chatRecord("", kStart, r);
    rec.keyId.clear();
    rec.sourceIp = "";
    expectSane(engine.observe(rec));
    EXPECT_TRUE(engine.assessment("anonymous", kStart).has_value());

    rec.keyId = "key-only";
    expectSane(engine.observe(rec));
    EXPECT_TRUE(engine.assessment("key-only", kStart).has_value());

    const std::string longId(100'000, 'k');
    rec.clientId = longId;
    for (const char* ip : {"not an ip", "999.1.1.1", "::ffff:1.2.3.4", "[2001:db8::1]:443", "1.2.3.4:8080",
                           "2001:db8:1:2::5", "\xff\xfe"}) {
        rec.sourceIp = ip;
        rec.time += kSecond;
        const auto a = engine.observe(rec);
        expectSane(a);
        EXPECT_LE(a.clientId.size(), 256u);
    }
    EXPECT_EQ(engine.clientCount(), 3u);
}

TEST(RiskHostileInput, TimeGoingBackwardsOrToTheExtremes)
{
    RiskEngine engine;
    TestRandom r(4);
    const TimestampMs times[] = {kStart,
                                 kStart - 10 * kHour,
                                 0,
                                 -5,
                                 std::numeric_limits<TimestampMs>::min(),
                                 std::numeric_limits<TimestampMs>::max(),
                                 kStart};
    for (int round = 0; round < 10; ++round) {
        for (TimestampMs t : times) {
            expectSane(engine.observe(chatRecord("timewarp", t, r)));
            expectSane(engine.observe(chatRecord("other", kStart + round, r)));
        }
    }
    const auto a = engine.assessment("timewarp", std::numeric_limits<TimestampMs>::min());
    ASSERT_TRUE(a.has_value());
    expectSane(*a);
    const auto b = engine.assessment("timewarp", std::numeric_limits<TimestampMs>::max());
    ASSERT_TRUE(b.has_value());
    expectSane(*b);
}

TEST(RiskHostileInput, HostileConfigurationIsClamped)
{
    RiskConfig config;
    config.shortWindow = 0;
    config.longWindow = 0;
    config.halfLifeHours = std::numeric_limits<double>::quiet_NaN();
    config.evidenceScale = -1;
    config.maxClients = 0;
    config.maxLinks = 0;
    RiskEngine engine(config);
    TestRandom r(5);
    for (int i = 0; i < 50; ++i) {
        expectSane(engine.observe(chatRecord("c" + std::to_string(i % 3), kStart + i * kSecond, r)));
    }
    EXPECT_EQ(engine.clientCount(), 1u);
}

} // namespace
} // namespace modelguard::risk
