#include "core/risk/SybilIndex.h"

#include <algorithm>
#include <cmath>

namespace modelguard::risk::detail {

SybilIndex::SybilIndex(Settings settings) noexcept
    : m_settings(settings)
{
    m_settings.maxLinks = std::max<std::size_t>(m_settings.maxLinks, 1);
}

double SybilIndex::decayed(const Entry& e, TimestampMs now) const noexcept
{
    const double dt = static_cast<double>(std::max<TimestampMs>(0, now - e.evidenceTime));
    return e.evidence * std::exp2(-dt / m_settings.halfLifeMs);
}

std::uint32_t SybilIndex::activeMembers(const Entry& e, TimestampMs now) const noexcept
{
    std::uint32_t n = 0;
    for (std::size_t i = 0; i < kMaxMembers; ++i) {
        n += (e.members[i] != 0 && now - e.memberSeen[i] <= m_settings.ttlMs) ? 1 : 0;
    }
    return n;
}

void SybilIndex::expire(TimestampMs now)
{
    // Oldest links sit at the back; drop a few per call so the cost stays O(1) amortised.
    for (int i = 0; i < 4 && !m_lru.empty(); ++i) {
        const auto it = m_links.find(m_lru.back());
        if (it == m_links.end() || now - it->second.lastSeen > m_settings.ttlMs) {
            m_links.erase(m_lru.back());
            m_lru.pop_back();
        } else {
            break;
        }
    }
}

void SybilIndex::contribute(std::uint64_t link, LinkKind kind, std::uint64_t member, double increment,
                            std::uint32_t requests, TimestampMs now)
{
    if (link == 0) {
        return;
    }
    member = member == 0 ? 1 : member;
    expire(now);
    auto it = m_links.find(link);
    if (it == m_links.end()) {
        if (m_links.size() >= m_settings.maxLinks) {
            m_links.erase(m_lru.back());
            m_lru.pop_back();
        }
        it = m_links.emplace(link, Entry {}).first;
        m_lru.push_front(link);
        it->second.lruPosition = m_lru.begin();
        it->second.kind = kind;
        it->second.evidenceTime = now;
    } else {
        m_lru.splice(m_lru.begin(), m_lru, it->second.lruPosition);
    }
    Entry& e = it->second;
    e.evidence = std::max(0.0, decayed(e, now) + increment);
    e.evidenceTime = std::max(e.evidenceTime, now);
    e.lastSeen = std::max(e.lastSeen, now);
    e.requests += requests;

    // Member table: refresh, else take an empty slot, else the stalest one.
    std::size_t slot = kMaxMembers;
    for (std::size_t i = 0; i < kMaxMembers && slot == kMaxMembers; ++i) {
        slot = e.members[i] == member ? i : slot;
    }
    for (std::size_t i = 0; i < kMaxMembers && slot == kMaxMembers; ++i) {
        slot = e.members[i] == 0 ? i : slot;
    }
    if (slot == kMaxMembers) {
        slot = 0;
        for (std::size_t i = 1; i < kMaxMembers; ++i) {
            slot = e.memberSeen[i] < e.memberSeen[slot] ? i : slot;
        }
    }
    e.members[slot] = member;
    e.memberSeen[slot] = now;
}

std::uint32_t SybilIndex::members(std::uint64_t link, TimestampMs now) const noexcept
{
    const auto it = m_links.find(link);
    return it == m_links.end() ? 0 : activeMembers(it->second, now);
}

std::optional<SybilIndex::LinkView> SybilIndex::view(std::uint64_t link, TimestampMs now) const noexcept
{
    const auto it = m_links.find(link);
    if (it == m_links.end() || now - it->second.lastSeen > m_settings.ttlMs) {
        return std::nullopt;
    }
    return LinkView {it->second.kind, decayed(it->second, now), activeMembers(it->second, now), it->second.requests};
}

std::size_t SybilIndex::memoryBytes() const noexcept
{
    // Entry + hash-node overhead + list node.
    return m_links.size() * (sizeof(Entry) + sizeof(std::uint64_t) + 4 * sizeof(void*));
}

} // namespace modelguard::risk::detail
