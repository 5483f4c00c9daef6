#include "core/policy/RateLimiter.h"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

using namespace modelguard::policy;

namespace {
constexpr std::int64_t kT0 = 1'700'000'000'000;
}

TEST(RateLimiter, UnlimitedAlwaysAllows)
{
    RateLimiter limiter;
    for (int i = 0; i < 100; ++i) {
        EXPECT_TRUE(limiter.admitRequest("k", RateLimits {}, kT0).allowed);
        EXPECT_TRUE(limiter.admitTokens("k", RateLimits {}, 1'000'000, kT0).allowed);
    }
    EXPECT_EQ(limiter.bucketCount(), 0u);
}

TEST(RateLimiter, RequestsPerSecondBurstAndExactRetryAfter)
{
    RateLimiter limiter;
    RateLimits limits;
    limits.requestsPerSecond = 2;
    EXPECT_TRUE(limiter.admitRequest("k", limits, kT0).allowed);
    const Decision second = limiter.admitRequest("k", limits, kT0);
    EXPECT_TRUE(second.allowed);
    EXPECT_EQ(second.remaining, 0);
    EXPECT_EQ(second.limit, 2);
    const Decision third = limiter.admitRequest("k", limits, kT0);
    EXPECT_FALSE(third.allowed);
    EXPECT_EQ(third.reason, "requests_per_second");
    EXPECT_EQ(third.retryAfterMs, 500);
    // One millisecond early is still refused, with 1 ms to go; on time it passes.
    const Decision early = limiter.admitRequest("k", limits, kT0 + 499);
    EXPECT_FALSE(early.allowed);
    EXPECT_EQ(early.retryAfterMs, 1);
    EXPECT_TRUE(limiter.admitRequest("k", limits, kT0 + 500).allowed);
    EXPECT_FALSE(limiter.admitRequest("k", limits, kT0 + 500).allowed);
    // Scopes are independent.
    EXPECT_TRUE(limiter.admitRequest("other", limits, kT0).allowed);
}

TEST(RateLimiter, FractionalRateHasBurstOne)
{
    RateLimiter limiter;
    RateLimits limits;
    limits.requestsPerSecond = 0.5; // throttled client
    EXPECT_TRUE(limiter.admitRequest("k", limits, kT0).allowed);
    const Decision refused = limiter.admitRequest("k", limits, kT0 + 1);
    EXPECT_FALSE(refused.allowed);
    EXPECT_EQ(refused.retryAfterMs, 1999);
    EXPECT_TRUE(limiter.admitRequest("k", limits, kT0 + 2000).allowed);
}

TEST(RateLimiter, RequestsPerMinuteAndRefusalConsumesNothing)
{
    RateLimiter limiter;
    RateLimits limits;
    limits.requestsPerMinute = 3;
    limits.requestsPerSecond = 10;
    for (int i = 0; i < 3; ++i) {
        EXPECT_TRUE(limiter.admitRequest("k", limits, kT0).allowed) << i;
    }
    const Decision refused = limiter.admitRequest("k", limits, kT0);
    EXPECT_FALSE(refused.allowed);
    EXPECT_EQ(refused.reason, "requests_per_minute");
    EXPECT_EQ(refused.retryAfterMs, 20'000);
    EXPECT_EQ(refused.limit, 3);
    EXPECT_EQ(refused.remaining, 0);
    EXPECT_EQ(refused.resetMs, kT0 + 60'000);
    // The refused request consumed nothing: exactly one more passes at the retry time.
    EXPECT_TRUE(limiter.admitRequest("k", limits, kT0 + 20'000).allowed);
    EXPECT_FALSE(limiter.admitRequest("k", limits, kT0 + 20'000).allowed);
}

TEST(RateLimiter, TokensPerMinuteAdmitAndSettle)
{
    RateLimiter limiter;
    RateLimits limits;
    limits.tokensPerMinute = 6000; // 100 per second
    EXPECT_TRUE(limiter.admitTokens("k", limits, 5000, kT0).allowed);
    const Decision refused = limiter.admitTokens("k", limits, 2000, kT0);
    EXPECT_FALSE(refused.allowed);
    EXPECT_EQ(refused.reason, "tokens_per_minute");
    EXPECT_EQ(refused.retryAfterMs, 10'000); // 1000 missing at 0.1 per ms
    EXPECT_EQ(refused.remaining, 1000);
    // The real usage was 3000 more: the bucket goes into debt.
    limiter.addTokens("k", 3000, kT0);
    const Decision afterDebt = limiter.admitTokens("k", limits, 1, kT0);
    EXPECT_FALSE(afterDebt.allowed);
    EXPECT_EQ(afterDebt.retryAfterMs, 20'010);
    // A refund brings it back.
    limiter.addTokens("k", -3000, kT0);
    EXPECT_TRUE(limiter.admitTokens("k", limits, 1000, kT0).allowed);
    // A request larger than the whole bucket passes when the bucket is full.
    EXPECT_TRUE(limiter.admitTokens("big", limits, 50'000, kT0).allowed);
    EXPECT_FALSE(limiter.admitTokens("big", limits, 1, kT0).allowed);
}

TEST(RateLimiter, LoweredLimitClipsTheLevel)
{
    RateLimiter limiter;
    RateLimits limits;
    limits.requestsPerMinute = 100;
    EXPECT_TRUE(limiter.admitRequest("k", limits, kT0).allowed);
    limits.requestsPerMinute = 2;
    EXPECT_TRUE(limiter.admitRequest("k", limits, kT0).allowed);
    EXPECT_TRUE(limiter.admitRequest("k", limits, kT0).allowed);
    EXPECT_FALSE(limiter.admitRequest("k", limits, kT0).allowed);
}

TEST(RateLimiter, IdleFullBucketsAreEvicted)
{
    RateLimiter limiter;
    RateLimits limits;
    limits.requestsPerSecond = 1;
    for (int i = 0; i < 50; ++i) {
        EXPECT_TRUE(limiter.admitRequest("scope" + std::to_string(i), limits, kT0).allowed);
    }
    EXPECT_EQ(limiter.bucketCount(), 50u);
    limiter.evictIdle(kT0 + 1000);
    EXPECT_EQ(limiter.bucketCount(), 50u); // full again but not idle long enough
    limiter.admitRequest("scope0", limits, kT0 + RateLimiter::kIdleMs);
    limiter.evictIdle(kT0 + RateLimiter::kIdleMs + 1);
    EXPECT_EQ(limiter.bucketCount(), 1u); // scope0 was used (and is not full)
    // The admit calls sweep their shard by themselves as time passes.
    limiter.admitRequest("late", limits, kT0 + 3 * RateLimiter::kIdleMs);
    EXPECT_LE(limiter.bucketCount(), 2u);
    limiter.evictIdle(kT0 + 3 * RateLimiter::kIdleMs);
    EXPECT_EQ(limiter.bucketCount(), 1u); // "late" was just used
    // An evicted scope behaves like a fresh one.
    EXPECT_TRUE(limiter.admitRequest("scope1", limits, kT0 + 3 * RateLimiter::kIdleMs).allowed);
}

TEST(RateLimiter, ConcurrentAdmissionsNeverExceedTheBurst)
{
    RateLimiter limiter;
    RateLimits limits;
    limits.requestsPerMinute = 1000;
    std::atomic<int> admitted {0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 8; ++t) {
        threads.emplace_back([&, t] {
            for (int i = 0; i < 500; ++i) {
                if (limiter.admitRequest(i % 2 ? "a" : "b", limits, kT0).allowed) {
                    ++admitted;
                }
                (void)t;
            }
        });
    }
    for (auto& thread : threads) {
        thread.join();
    }
    EXPECT_EQ(admitted.load(), 2000); // 1000 per scope, of 4000 attempts
}
