#pragma once
// Links between clients that share a prompt template, a source network (/24 for IPv4, /48 for IPv6) or both
// (internal to mg_risk). Each link key aggregates the window evidence of all its members as one cluster-level
// CUSUM, so that a campaign spread over many light keys accumulates evidence as fast as one heavy key would.
// Memory is bounded: at most maxLinks keys (least recently used evicted), each with at most kMaxMembers members;
// links idle for longer than the TTL expire and evidence decays with the engine's half-life.

#include "core/risk/RequestRecord.h"

#include <array>
#include <cstdint>
#include <list>
#include <optional>
#include <unordered_map>

namespace modelguard::risk::detail {

enum class LinkKind : std::uint8_t { TemplateAndNetwork = 1, Template = 2, Network = 3 };

class SybilIndex
{
public:
    static constexpr std::size_t kMaxMembers = 16;

    struct Settings
    {
        std::size_t maxLinks = 1 << 16;
        TimestampMs ttlMs = 48LL * 3600 * 1000;
        double halfLifeMs = 6.0 * 3600 * 1000;
    };

    struct LinkView
    {
        LinkKind kind = LinkKind::Network;
        double evidence = 0.0;     ///< decayed cluster CUSUM (nats)
        std::uint32_t members = 0; ///< distinct members active within the TTL (capped at kMaxMembers)
        std::uint64_t requests = 0;
    };

    explicit SybilIndex(Settings settings) noexcept;

    /// Adds one member window's evidence increment (may be negative) to the link, creating it if needed.
    void contribute(std::uint64_t link, LinkKind kind, std::uint64_t member, double increment, std::uint32_t requests,
                    TimestampMs now);
    /// Member count of the link at `now` without changing it (0 when unknown).
    std::uint32_t members(std::uint64_t link, TimestampMs now) const noexcept;
    std::optional<LinkView> view(std::uint64_t link, TimestampMs now) const noexcept;

    std::size_t size() const noexcept { return m_links.size(); }
    std::size_t memoryBytes() const noexcept;

private:
    struct Entry
    {
        LinkKind kind = LinkKind::Network;
        double evidence = 0.0;
        TimestampMs evidenceTime = 0;
        TimestampMs lastSeen = 0;
        std::uint64_t requests = 0;
        std::array<std::uint64_t, kMaxMembers> members {};
        std::array<TimestampMs, kMaxMembers> memberSeen {};
        std::list<std::uint64_t>::iterator lruPosition;
    };

    void expire(TimestampMs now);
    double decayed(const Entry& e, TimestampMs now) const noexcept;
    std::uint32_t activeMembers(const Entry& e, TimestampMs now) const noexcept;

    Settings m_settings;
    std::unordered_map<std::uint64_t, Entry> m_links;
    std::list<std::uint64_t> m_lru; ///< most recent first
};

} // namespace modelguard::risk::detail
