#pragma once
// Fast non-cryptographic 64-bit hashing for the engine's sketches. These hashes only bucket and compare prompt
// fragments; where an attacker must not predict them (MinHash), a secret 64-bit salt derived with HKDF from
// RiskConfig::secret is mixed in before the final avalanche step. Nothing here authenticates anything.

#include <cstdint>
#include <string_view>

namespace modelguard::risk::detail {

/// SplitMix64 finaliser: a bijective avalanche of 64 bits.
constexpr std::uint64_t mix64(std::uint64_t x) noexcept
{
    x ^= x >> 30;
    x *= 0xbf58476d1ce4e5b9ULL;
    x ^= x >> 27;
    x *= 0x94d049bb133111ebULL;
    x ^= x >> 31;
    return x;
}

constexpr std::uint64_t combine(std::uint64_t a, std::uint64_t b) noexcept
{
    return mix64(a ^ (b + 0x9e3779b97f4a7c15ULL + (a << 6) + (a >> 2)));
}

/// Hash of a byte string, 8 bytes per multiply.
inline std::uint64_t hashBytes(std::string_view s, std::uint64_t seed = 0) noexcept
{
    std::uint64_t h = seed ^ (s.size() * 0x9e3779b97f4a7c15ULL);
    std::uint64_t acc = 0;
    std::size_t n = 0;
    for (unsigned char c : s) {
        acc = (acc << 8) | c;
        if (++n == 8) {
            h = (h ^ acc) * 0xff51afd7ed558ccdULL;
            h ^= h >> 29;
            acc = 0;
            n = 0;
        }
    }
    return mix64(h ^ acc ^ (n << 56));
}

/// Hash of a lower-case ASCII word, used by the phrase tables (compile-time computable).
constexpr std::uint64_t wordHash(std::string_view word) noexcept
{
    std::uint64_t h = 0x84222325cbf29ce4ULL;
    std::uint64_t acc = 0;
    std::size_t n = 0;
    for (char ch : word) {
        acc = (acc << 8) | static_cast<unsigned char>(ch);
        if (++n == 8) {
            h = (h ^ acc) * 0xff51afd7ed558ccdULL;
            acc = 0;
            n = 0;
        }
    }
    return mix64(h ^ acc ^ (static_cast<std::uint64_t>(word.size()) << 56));
}

} // namespace modelguard::risk::detail
