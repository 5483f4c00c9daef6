#include "core/policy/QuotaLedger.h"

#include <gtest/gtest.h>

#include <atomic>
#include <random>
#include <thread>
#include <vector>

using namespace modelguard::policy;

namespace {

constexpr std::int64_t kJan31Late = 1706745599000; // 2024-01-31T23:59:59Z
constexpr std::int64_t kFeb1 = 1706745600000;      // 2024-02-01T00:00:00Z
constexpr std::int64_t kJan15 = 1705320000000;     // 2024-01-15T12:00:00Z

QuotaLedger::Reservation expectReserved(std::variant<QuotaLedger::Reservation, Decision> result)
{
    EXPECT_TRUE(std::holds_alternative<QuotaLedger::Reservation>(result))
        << (std::holds_alternative<Decision>(result) ? std::get<Decision>(result).reason : "");
    return std::holds_alternative<QuotaLedger::Reservation>(result) ? std::get<QuotaLedger::Reservation>(result)
                                                                    : QuotaLedger::Reservation {};
}

} // namespace

TEST(QuotaLedger, ReserveThenSettleReplacesTheWorstCase)
{
    QuotaLedger ledger;
    Quotas quotas;
    quotas.tokensPerDay = 1000;
    const auto first = expectReserved(ledger.reserve("acme", quotas, 600, kJan15));
    EXPECT_EQ(first.tokens, 600);
    EXPECT_EQ(ledger.usage("acme", kJan15).reservedTokens, 600);
    // 600 reserved: a second worst case of 600 does not fit, and the refusal changes nothing.
    const auto refused = ledger.reserve("acme", quotas, 600, kJan15);
    ASSERT_TRUE(std::holds_alternative<Decision>(refused));
    const Decision& decision = std::get<Decision>(refused);
    EXPECT_FALSE(decision.allowed);
    EXPECT_EQ(decision.reason, "tokens_per_day");
    EXPECT_EQ(decision.limit, 1000);
    EXPECT_EQ(decision.remaining, 400);
    EXPECT_EQ(decision.resetMs, utcNextDayStart(kJan15));
    EXPECT_EQ(decision.retryAfterMs, utcNextDayStart(kJan15) - kJan15);
    EXPECT_EQ(ledger.usage("acme", kJan15).requestsToday, 1);
    // The real usage was 150: 850 are left.
    ledger.settle(first, 150, kJan15);
    auto usage = ledger.usage("acme", kJan15);
    EXPECT_EQ(usage.tokensToday, 150);
    EXPECT_EQ(usage.tokensMonth, 150);
    EXPECT_EQ(usage.reservedTokens, 0);
    const auto second = expectReserved(ledger.reserve("acme", quotas, 850, kJan15));
    // Settling twice changes nothing; a charge above the reservation is capped at it.
    ledger.settle(first, 150, kJan15);
    ledger.settle(second, 5000, kJan15);
    usage = ledger.usage("acme", kJan15);
    EXPECT_EQ(usage.tokensToday, 1000);
    EXPECT_EQ(usage.requestsToday, 2);
    EXPECT_EQ(ledger.outstanding(), 0u);
    EXPECT_TRUE(std::holds_alternative<Decision>(ledger.reserve("acme", quotas, 1, kJan15)));
    EXPECT_TRUE(std::holds_alternative<QuotaLedger::Reservation>(ledger.reserve("acme", quotas, 0, kJan15)));
}

TEST(QuotaLedger, RequestsPerDayAndMonthQuota)
{
    QuotaLedger ledger;
    Quotas quotas;
    quotas.requestsPerDay = 2;
    quotas.tokensPerMonth = 100;
    ledger.settle(expectReserved(ledger.reserve("c", quotas, 40, kJan15)), 0, kJan15); // failed: request counts
    expectReserved(ledger.reserve("c", quotas, 40, kJan15));
    auto refused = ledger.reserve("c", quotas, 1, kJan15);
    ASSERT_TRUE(std::holds_alternative<Decision>(refused));
    EXPECT_EQ(std::get<Decision>(refused).reason, "requests_per_day");
    // Next day: requests reset, but the month still holds the 40 reserved yesterday.
    const std::int64_t nextDay = kJan15 + 86'400'000;
    refused = ledger.reserve("c", quotas, 61, nextDay);
    ASSERT_TRUE(std::holds_alternative<Decision>(refused));
    EXPECT_EQ(std::get<Decision>(refused).reason, "tokens_per_month");
    EXPECT_EQ(std::get<Decision>(refused).resetMs, kFeb1);
    expectReserved(ledger.reserve("c", quotas, 60, nextDay));
}

TEST(QuotaLedger, UtcWindowsRollOver)
{
    QuotaLedger ledger;
    Quotas quotas;
    quotas.tokensPerDay = 100;
    quotas.tokensPerMonth = 150;
    ledger.settle(expectReserved(ledger.reserve("c", quotas, 100, kJan31Late)), 100, kJan31Late);
    EXPECT_TRUE(std::holds_alternative<Decision>(ledger.reserve("c", quotas, 1, kJan31Late + 999)));
    // A reservation open across midnight is settled into the old windows.
    ledger.restore("c", 0, 0, 0, kJan31Late);
    const auto open = expectReserved(ledger.reserve("c", quotas, 100, kJan31Late));
    EXPECT_EQ(ledger.usage("c", kFeb1).tokensToday, 0);
    EXPECT_EQ(ledger.usage("c", kFeb1).tokensMonth, 0);
    const auto fresh = expectReserved(ledger.reserve("c", quotas, 100, kFeb1));
    ledger.settle(open, 100, kFeb1 + 5);
    auto usage = ledger.usage("c", kFeb1 + 5);
    EXPECT_EQ(usage.tokensToday, 0);
    EXPECT_EQ(usage.reservedTokens, 100);
    ledger.settle(fresh, 30, kFeb1 + 6);
    usage = ledger.usage("c", kFeb1 + 6);
    EXPECT_EQ(usage.tokensToday, 30);
    EXPECT_EQ(usage.tokensMonth, 30);
    EXPECT_EQ(usage.requestsToday, 1);
}

TEST(QuotaLedger, RestoreSetsTheCurrentWindows)
{
    QuotaLedger ledger;
    Quotas quotas;
    quotas.tokensPerDay = 1000;
    ledger.restore("c", 900, 7, 5000, kJan15);
    const auto usage = ledger.usage("c", kJan15);
    EXPECT_EQ(usage.tokensToday, 900);
    EXPECT_EQ(usage.requestsToday, 7);
    EXPECT_EQ(usage.tokensMonth, 5000);
    EXPECT_TRUE(std::holds_alternative<Decision>(ledger.reserve("c", quotas, 101, kJan15)));
    expectReserved(ledger.reserve("c", quotas, 100, kJan15));
    EXPECT_EQ(ledger.usage("unknown", kJan15).tokensToday, 0);
}

TEST(QuotaLedger, InvariantHoldsUnderConcurrency)
{
    QuotaLedger ledger;
    Quotas quotas;
    quotas.tokensPerDay = 50'000;
    quotas.tokensPerMonth = 60'000;
    constexpr int kThreads = 16;
    constexpr int kIterations = 2000;
    std::atomic<std::int64_t> charged {0};
    std::atomic<int> admitted {0};
    std::atomic<bool> violated {false};
    std::atomic<bool> stop {false};
    // A watcher checks the invariant while the workers run.
    std::thread watcher([&] {
        while (!stop.load()) {
            const auto usage = ledger.usage("shared", kJan15);
            if (usage.tokensToday + usage.reservedTokens > quotas.tokensPerDay
                || usage.tokensMonth + usage.reservedTokens > quotas.tokensPerMonth) {
                violated = true;
            }
        }
    });
    std::vector<std::thread> workers;
    for (int t = 0; t < kThreads; ++t) {
        workers.emplace_back([&, t] {
            std::mt19937 random(static_cast<unsigned>(t));
            std::vector<QuotaLedger::Reservation> held;
            for (int i = 0; i < kIterations; ++i) {
                const std::int64_t worst = 1 + static_cast<std::int64_t>(random() % 200);
                auto result = ledger.reserve("shared", quotas, worst, kJan15);
                if (auto* reservation = std::get_if<QuotaLedger::Reservation>(&result)) {
                    ++admitted;
                    held.push_back(*reservation);
                }
                if (held.size() > 3 || (!held.empty() && random() % 2)) {
                    const auto r = held.back();
                    held.pop_back();
                    const std::int64_t actual = static_cast<std::int64_t>(random() % (r.tokens + 1));
                    ledger.settle(r, actual, kJan15);
                    charged += actual;
                }
            }
            for (const auto& r : held) {
                ledger.settle(r, r.tokens / 2, kJan15);
                charged += r.tokens / 2;
            }
        });
    }
    for (auto& worker : workers) {
        worker.join();
    }
    stop = true;
    watcher.join();
    EXPECT_FALSE(violated.load());
    const auto usage = ledger.usage("shared", kJan15);
    EXPECT_EQ(usage.reservedTokens, 0);
    EXPECT_EQ(usage.tokensToday, charged.load());
    EXPECT_EQ(usage.tokensMonth, charged.load());
    EXPECT_EQ(usage.requestsToday, admitted.load());
    EXPECT_LE(usage.tokensToday, quotas.tokensPerDay);
    EXPECT_GT(admitted.load(), 100);
    EXPECT_EQ(ledger.outstanding(), 0u);
}
