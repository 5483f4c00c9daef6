#pragma once
// Daily and monthly quotas per client. At admission a request reserves its worst case (prompt bound +
// max_tokens); settle() replaces the reservation with the real usage. Invariant, under any concurrency: for each
// window, used + reserved <= quota. Day and month windows are UTC calendar days and months. Thread-safe (sharded).

#include "core/policy/Policy.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <mutex>
#include <string>
#include <unordered_map>
#include <variant>

namespace modelguard::policy {

class QuotaLedger
{
public:
    struct Reservation
    {
        std::uint64_t id = 0;
        std::string clientId;
        std::int64_t tokens = 0;
        std::int64_t dayStartMs = 0;
        std::int64_t monthStartMs = 0;
    };
    struct Usage
    {
        std::int64_t tokensToday = 0;
        std::int64_t tokensMonth = 0;
        std::int64_t requestsToday = 0;
        std::int64_t reservedTokens = 0; ///< outstanding reservations of the current day
    };

    QuotaLedger() = default;
    QuotaLedger(const QuotaLedger&) = delete;
    QuotaLedger& operator=(const QuotaLedger&) = delete;

    /// Reserves worstCaseTokens in the current day and month and counts the request; or refuses (nothing
    /// changes) with reason "requests_per_day", "tokens_per_day" or "tokens_per_month", retryAfterMs until the
    /// window ends, remaining = quota - used - reserved. Negative worst cases count as 0.
    std::variant<Reservation, Decision> reserve(const std::string& clientId, const Quotas& quotas,
                                                std::int64_t worstCaseTokens, std::int64_t nowMs);
    /// Releases the reservation and charges actualTokens (0 for a failed request; the request stays counted).
    /// The charge is capped at the reservation, which is the worst case and keeps the invariant. A reservation of
    /// a window that has ended since is charged to that window (which no longer counts). Settling an unknown or
    /// already settled reservation does nothing.
    void settle(const Reservation& reservation, std::int64_t actualTokens, std::int64_t nowMs);
    Usage usage(const std::string& clientId, std::int64_t nowMs) const;
    /// Sets the counters of the current windows (e.g. from the usage store at start-up).
    void restore(const std::string& clientId, std::int64_t tokensToday, std::int64_t requestsToday,
                 std::int64_t tokensMonth, std::int64_t nowMs);
    /// Outstanding reservations of all clients (for tests and metrics).
    std::size_t outstanding() const;

private:
    struct Account
    {
        std::int64_t dayStartMs = 0;
        std::int64_t monthStartMs = 0;
        std::int64_t tokensToday = 0;
        std::int64_t tokensMonth = 0;
        std::int64_t requestsToday = 0;
        std::int64_t reservedDay = 0;   ///< outstanding reservations made in the current day
        std::int64_t reservedMonth = 0; ///< ... and in the current month
        std::unordered_map<std::uint64_t, Reservation> open;
    };
    struct Shard
    {
        mutable std::mutex mutex;
        std::unordered_map<std::string, Account> accounts;
        std::uint64_t nextId = 1;
    };
    static constexpr std::size_t kShards = 16;

    std::size_t shardIndex(const std::string& clientId) const;
    static void roll(Account& account, std::int64_t nowMs);

    std::array<Shard, kShards> m_shards;
};

} // namespace modelguard::policy
