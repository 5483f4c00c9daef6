#pragma once
// Token-bucket rate limiting per scope key ("key:ID", "client:ID", ...): requests per second (burst
// max(1, rate)), requests per minute and tokens per minute. Thread-safe; the buckets live in sharded maps, each
// shard behind its own mutex, and a bucket that has refilled completely is evicted (it equals a fresh one).

#include "core/policy/Policy.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <mutex>
#include <string>
#include <unordered_map>

namespace modelguard::policy {

class RateLimiter
{
public:
    RateLimiter() = default;
    RateLimiter(const RateLimiter&) = delete;
    RateLimiter& operator=(const RateLimiter&) = delete;

    /// Takes one request from the requests/s and requests/min buckets, or from neither when either is empty. A
    /// refusal names the limit and retryAfterMs is exact to the millisecond at which a request would pass
    /// (rounded up). When allowed, limit/remaining describe the requests/min bucket (else requests/s).
    Decision admitRequest(const std::string& scopeKey, const RateLimits& limits, std::int64_t nowMs);
    /// Takes `tokens` (e.g. the prompt estimate) from the tokens/min bucket if that many are available; a request
    /// larger than the whole bucket needs a full bucket. Refusal: reason "tokens_per_minute".
    Decision admitTokens(const std::string& scopeKey, const RateLimits& limits, std::int64_t tokens,
                         std::int64_t nowMs);
    /// Charges tokens after the fact (the real usage beyond what admitTokens took; negative refunds). The bucket may
    /// go into debt, which delays the scope's next admitTokens. Uses the limits of the scope's last admit call;
    /// a scope without a tokens/min limit ignores it.
    void addTokens(const std::string& scopeKey, std::int64_t tokens, std::int64_t nowMs);

    /// Drops every bucket that is full at nowMs and unused for kIdleMs. Also done incrementally by the admit calls.
    void evictIdle(std::int64_t nowMs);
    /// Buckets currently held (for tests and metrics).
    std::size_t bucketCount() const;

private:
    struct Level
    {
        double tokens = 0;
        double capacity = 0; ///< 0 = unlimited
        double perMs = 0;
    };
    struct Bucket
    {
        std::int64_t lastMs = 0;    ///< levels are refilled up to this time
        std::int64_t lastUseMs = 0; ///< last admit call
        Level second;
        Level minute;
        Level tokens;
    };
    struct Shard
    {
        mutable std::mutex mutex;
        std::unordered_map<std::string, Bucket> buckets;
        std::uint32_t operations = 0;
        std::int64_t lastSweepMs = 0;
    };
    static constexpr std::size_t kShards = 16;

public:
    static constexpr std::int64_t kIdleMs = 10 * 60'000;

private:
    Shard& shardFor(const std::string& scopeKey);
    static Bucket& bucketIn(Shard& shard, const std::string& scopeKey, std::int64_t nowMs);
    static void refill(Bucket& bucket, std::int64_t nowMs);
    static void configure(Bucket& bucket, const RateLimits& limits, bool tokensToo);
    static bool isFull(const Bucket& bucket);
    static void sweep(Shard& shard, std::int64_t nowMs);

    std::array<Shard, kShards> m_shards;
};

} // namespace modelguard::policy
