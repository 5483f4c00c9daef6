#include "core/policy/RateLimiter.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>

namespace modelguard::policy {

namespace {

constexpr double kEpsilon = 1e-9;
constexpr std::uint32_t kSweepEveryOps = 4096;
constexpr std::int64_t kSweepEveryMs = 10'000;

/// Sets capacity and rate; a new limit (from unlimited) starts full, a smaller one clips the level.
void setLimit(double& tokens, double& capacity, double& perMs, double newCapacity, double newPerMs)
{
    if (newCapacity <= 0 || !std::isfinite(newCapacity) || newPerMs <= 0 || !std::isfinite(newPerMs)) {
        capacity = 0;
        perMs = 0;
        tokens = 0;
        return;
    }
    if (capacity <= 0) {
        tokens = newCapacity;
    }
    capacity = newCapacity;
    perMs = newPerMs;
    tokens = std::min(tokens, capacity);
}

/// Whole milliseconds until the level reaches `need` (rounded up, at least 1 when it is short now).
std::int64_t msUntil(double tokens, double need, double perMs)
{
    if (tokens + kEpsilon >= need) {
        return 0;
    }
    const double ms = std::ceil((need - tokens) / perMs - kEpsilon);
    if (!(ms < 9.0e15)) {
        return std::numeric_limits<std::int64_t>::max() / 4;
    }
    return std::max<std::int64_t>(1, static_cast<std::int64_t>(ms));
}

std::int64_t floorCount(double tokens)
{
    if (tokens <= 0) {
        return 0;
    }
    return static_cast<std::int64_t>(std::floor(tokens + kEpsilon));
}

} // namespace

RateLimiter::Shard& RateLimiter::shardFor(const std::string& scopeKey)
{
    return m_shards[std::hash<std::string> {}(scopeKey) % kShards];
}

RateLimiter::Bucket& RateLimiter::bucketIn(Shard& shard, const std::string& scopeKey, std::int64_t nowMs)
{
    if (++shard.operations >= kSweepEveryOps || nowMs - shard.lastSweepMs >= kSweepEveryMs) {
        sweep(shard, nowMs);
    }
    auto [it, inserted] = shard.buckets.try_emplace(scopeKey);
    if (inserted) {
        it->second.lastMs = nowMs;
    }
    it->second.lastUseMs = std::max(it->second.lastUseMs, nowMs);
    return it->second;
}

void RateLimiter::refill(Bucket& bucket, std::int64_t nowMs)
{
    if (nowMs <= bucket.lastMs) {
        return; // time never runs backwards for a bucket
    }
    const double elapsed = static_cast<double>(nowMs - bucket.lastMs);
    for (Level* level : {&bucket.second, &bucket.minute, &bucket.tokens}) {
        if (level->capacity > 0) {
            level->tokens = std::min(level->capacity, level->tokens + elapsed * level->perMs);
        }
    }
    bucket.lastMs = nowMs;
}

void RateLimiter::configure(Bucket& bucket, const RateLimits& limits, bool tokensToo)
{
    const double rps = limits.requestsPerSecond;
    setLimit(bucket.second.tokens, bucket.second.capacity, bucket.second.perMs, rps > 0 ? std::max(1.0, rps) : 0,
             rps / 1000.0);
    const double rpm = limits.requestsPerMinute;
    setLimit(bucket.minute.tokens, bucket.minute.capacity, bucket.minute.perMs, rpm, rpm / 60'000.0);
    if (tokensToo) {
        const auto tpm = static_cast<double>(limits.tokensPerMinute);
        setLimit(bucket.tokens.tokens, bucket.tokens.capacity, bucket.tokens.perMs, tpm, tpm / 60'000.0);
    }
}

bool RateLimiter::isFull(const Bucket& bucket)
{
    for (const Level* level : {&bucket.second, &bucket.minute, &bucket.tokens}) {
        if (level->capacity > 0 && level->tokens + kEpsilon < level->capacity) {
            return false;
        }
    }
    return true;
}

void RateLimiter::sweep(Shard& shard, std::int64_t nowMs)
{
    shard.operations = 0;
    shard.lastSweepMs = nowMs;
    for (auto it = shard.buckets.begin(); it != shard.buckets.end();) {
        refill(it->second, nowMs);
        if (isFull(it->second) && nowMs - it->second.lastUseMs >= kIdleMs) {
            it = shard.buckets.erase(it);
        } else {
            ++it;
        }
    }
}

Decision RateLimiter::admitRequest(const std::string& scopeKey, const RateLimits& limits, std::int64_t nowMs)
{
    Decision decision;
    if (limits.requestsPerSecond <= 0 && limits.requestsPerMinute <= 0) {
        return decision;
    }
    Shard& shard = shardFor(scopeKey);
    const std::lock_guard lock(shard.mutex);
    Bucket& bucket = bucketIn(shard, scopeKey, nowMs);
    refill(bucket, nowMs);
    configure(bucket, limits, false);

    struct Named
    {
        Level* level;
        const char* reason;
    };
    const Named levels[] = {{&bucket.second, "requests_per_second"}, {&bucket.minute, "requests_per_minute"}};
    std::int64_t wait = 0;
    const char* reason = nullptr;
    const Level* refused = nullptr;
    for (const Named& named : levels) {
        if (named.level->capacity <= 0) {
            continue;
        }
        const std::int64_t ms = msUntil(named.level->tokens, 1.0, named.level->perMs);
        if (ms > wait) {
            wait = ms;
            reason = named.reason;
            refused = named.level;
        }
    }
    const Level& shown = refused ? *refused : (bucket.minute.capacity > 0 ? bucket.minute : bucket.second);
    if (reason) {
        decision.allowed = false;
        decision.reason = reason;
        decision.retryAfterMs = wait;
    } else {
        for (const Named& named : levels) {
            if (named.level->capacity > 0) {
                named.level->tokens -= 1.0;
            }
        }
    }
    decision.limit = static_cast<std::int64_t>(std::ceil(shown.capacity));
    decision.remaining = floorCount(shown.tokens);
    decision.resetMs = nowMs + msUntil(shown.tokens, shown.capacity, shown.perMs);
    return decision;
}

Decision RateLimiter::admitTokens(const std::string& scopeKey, const RateLimits& limits, std::int64_t tokens,
                                  std::int64_t nowMs)
{
    Decision decision;
    if (limits.tokensPerMinute <= 0) {
        return decision;
    }
    Shard& shard = shardFor(scopeKey);
    const std::lock_guard lock(shard.mutex);
    Bucket& bucket = bucketIn(shard, scopeKey, nowMs);
    refill(bucket, nowMs);
    configure(bucket, limits, true);
    Level& level = bucket.tokens;
    const double need = std::min(level.capacity, static_cast<double>(std::max<std::int64_t>(0, tokens)));
    const std::int64_t wait = msUntil(level.tokens, need, level.perMs);
    if (wait > 0) {
        decision.allowed = false;
        decision.reason = "tokens_per_minute";
        decision.retryAfterMs = wait;
    } else {
        level.tokens -= static_cast<double>(std::max<std::int64_t>(0, tokens));
    }
    decision.limit = limits.tokensPerMinute;
    decision.remaining = floorCount(level.tokens);
    decision.resetMs = nowMs + msUntil(level.tokens, level.capacity, level.perMs);
    return decision;
}

void RateLimiter::addTokens(const std::string& scopeKey, std::int64_t tokens, std::int64_t nowMs)
{
    Shard& shard = shardFor(scopeKey);
    const std::lock_guard lock(shard.mutex);
    auto it = shard.buckets.find(scopeKey);
    if (it == shard.buckets.end()) {
        return; // full or never limited: nothing to charge against
    }
    Bucket& bucket = it->second;
    refill(bucket, nowMs);
    Level& level = bucket.tokens;
    if (level.capacity <= 0) {
        return;
    }
    // Debt is bounded so that one absurd report cannot lock a scope out for more than an hour.
    level.tokens = std::clamp(level.tokens - static_cast<double>(tokens), -60.0 * level.capacity, level.capacity);
}

void RateLimiter::evictIdle(std::int64_t nowMs)
{
    for (Shard& shard : m_shards) {
        const std::lock_guard lock(shard.mutex);
        sweep(shard, nowMs);
    }
}

std::size_t RateLimiter::bucketCount() const
{
    std::size_t count = 0;
    for (const Shard& shard : m_shards) {
        const std::lock_guard lock(shard.mutex);
        count += shard.buckets.size();
    }
    return count;
}

} // namespace modelguard::policy
