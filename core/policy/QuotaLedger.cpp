#include "core/policy/QuotaLedger.h"

#include <algorithm>
#include <functional>

namespace modelguard::policy {

std::size_t QuotaLedger::shardIndex(const std::string& clientId) const
{
    return std::hash<std::string> {}(clientId) % kShards;
}

void QuotaLedger::roll(Account& account, std::int64_t nowMs)
{
    const std::int64_t day = utcDayStart(nowMs);
    if (day > account.dayStartMs) {
        account.dayStartMs = day;
        account.tokensToday = 0;
        account.requestsToday = 0;
        account.reservedDay = 0;
    }
    const std::int64_t month = utcMonthStart(nowMs);
    if (month > account.monthStartMs) {
        account.monthStartMs = month;
        account.tokensMonth = 0;
        account.reservedMonth = 0;
    }
}

std::variant<QuotaLedger::Reservation, Decision> QuotaLedger::reserve(const std::string& clientId, const Quotas& quotas,
                                                                      std::int64_t worstCaseTokens, std::int64_t nowMs)
{
    const std::int64_t tokens = std::max<std::int64_t>(0, worstCaseTokens);
    Shard& shard = m_shards[shardIndex(clientId)];
    const std::lock_guard lock(shard.mutex);
    Account& account = shard.accounts[clientId];
    roll(account, nowMs);

    auto refuse = [&](const char* reason, std::int64_t limit, std::int64_t used, std::int64_t resetMs) {
        Decision decision;
        decision.allowed = false;
        decision.reason = reason;
        decision.limit = limit;
        decision.remaining = std::max<std::int64_t>(0, limit - used);
        decision.resetMs = resetMs;
        decision.retryAfterMs = std::max<std::int64_t>(1, resetMs - nowMs);
        return decision;
    };
    if (quotas.requestsPerDay > 0 && account.requestsToday + 1 > quotas.requestsPerDay) {
        return refuse("requests_per_day", quotas.requestsPerDay, account.requestsToday, utcNextDayStart(nowMs));
    }
    if (quotas.tokensPerDay > 0) {
        const std::int64_t used = account.tokensToday + account.reservedDay;
        if (tokens > quotas.tokensPerDay - used) {
            return refuse("tokens_per_day", quotas.tokensPerDay, used, utcNextDayStart(nowMs));
        }
    }
    if (quotas.tokensPerMonth > 0) {
        const std::int64_t used = account.tokensMonth + account.reservedMonth;
        if (tokens > quotas.tokensPerMonth - used) {
            return refuse("tokens_per_month", quotas.tokensPerMonth, used, utcNextMonthStart(nowMs));
        }
    }
    Reservation reservation;
    reservation.id = shard.nextId++;
    reservation.clientId = clientId;
    reservation.tokens = tokens;
    reservation.dayStartMs = account.dayStartMs;
    reservation.monthStartMs = account.monthStartMs;
    account.reservedDay += tokens;
    account.reservedMonth += tokens;
    account.requestsToday += 1;
    account.open.emplace(reservation.id, reservation);
    return reservation;
}

void QuotaLedger::settle(const Reservation& reservation, std::int64_t actualTokens, std::int64_t nowMs)
{
    Shard& shard = m_shards[shardIndex(reservation.clientId)];
    const std::lock_guard lock(shard.mutex);
    const auto found = shard.accounts.find(reservation.clientId);
    if (found == shard.accounts.end()) {
        return;
    }
    Account& account = found->second;
    const auto open = account.open.find(reservation.id);
    if (open == account.open.end()) {
        return;
    }
    const Reservation held = open->second; // trust our copy, not the caller's
    account.open.erase(open);
    roll(account, nowMs);
    const std::int64_t charged = std::clamp<std::int64_t>(actualTokens, 0, held.tokens);
    if (held.dayStartMs == account.dayStartMs) {
        account.reservedDay -= held.tokens;
        account.tokensToday += charged;
    }
    if (held.monthStartMs == account.monthStartMs) {
        account.reservedMonth -= held.tokens;
        account.tokensMonth += charged;
    }
}

QuotaLedger::Usage QuotaLedger::usage(const std::string& clientId, std::int64_t nowMs) const
{
    const Shard& shard = m_shards[shardIndex(clientId)];
    const std::lock_guard lock(shard.mutex);
    Usage usage;
    const auto found = shard.accounts.find(clientId);
    if (found == shard.accounts.end()) {
        return usage;
    }
    const Account& account = found->second;
    if (utcDayStart(nowMs) <= account.dayStartMs) {
        usage.tokensToday = account.tokensToday;
        usage.requestsToday = account.requestsToday;
        usage.reservedTokens = account.reservedDay;
    }
    if (utcMonthStart(nowMs) <= account.monthStartMs) {
        usage.tokensMonth = account.tokensMonth;
    }
    return usage;
}

void QuotaLedger::restore(const std::string& clientId, std::int64_t tokensToday, std::int64_t requestsToday,
                          std::int64_t tokensMonth, std::int64_t nowMs)
{
    Shard& shard = m_shards[shardIndex(clientId)];
    const std::lock_guard lock(shard.mutex);
    Account& account = shard.accounts[clientId];
    roll(account, nowMs);
    account.tokensToday = std::max<std::int64_t>(0, tokensToday);
    account.requestsToday = std::max<std::int64_t>(0, requestsToday);
    account.tokensMonth = std::max<std::int64_t>(0, tokensMonth);
}

std::size_t QuotaLedger::outstanding() const
{
    std::size_t count = 0;
    for (const Shard& shard : m_shards) {
        const std::lock_guard lock(shard.mutex);
        for (const auto& [id, account] : shard.accounts) {
            count += account.open.size();
        }
    }
    return count;
}

} // namespace modelguard::policy
