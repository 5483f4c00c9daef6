#pragma once
// Small deterministic, non-cryptographic hashing used by the simulator's text and logit models (FNV-1a over bytes,
// splitmix64 to mix words). Stable across platforms and runs: the simulator's outputs depend on it.

#include <cmath>
#include <cstdint>
#include <string_view>

namespace modelguard::sim::upstream {

inline std::uint64_t mix64(std::uint64_t x)
{
    x += 0x9E3779B97F4A7C15ull;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
    return x ^ (x >> 31);
}

inline std::uint64_t hashBytes(std::string_view bytes, std::uint64_t basis = 0xCBF29CE484222325ull)
{
    std::uint64_t h = basis;
    for (const char c : bytes) {
        h ^= static_cast<unsigned char>(c);
        h *= 0x100000001B3ull;
    }
    return mix64(h);
}

inline std::uint64_t hashCombine(std::uint64_t a, std::uint64_t b)
{
    return mix64(a ^ (b + 0x9E3779B97F4A7C15ull + (a << 6) + (a >> 2)));
}

/// Uniform in the open interval (0, 1).
inline double unitInterval(std::uint64_t h)
{
    return (static_cast<double>(h >> 11) + 0.5) / 9007199254740992.0;
}

/// Standard Gumbel variate: argmax of (log p + Gumbel) is a draw from p.
inline double gumbel(std::uint64_t h)
{
    return -std::log(-std::log(unitInterval(h)));
}

/// Standard normal variate (Box-Muller on two hashes).
inline double gaussian(std::uint64_t h)
{
    const double u1 = unitInterval(h);
    const double u2 = unitInterval(mix64(h ^ 0x5851F42D4C957F2Dull));
    return std::sqrt(-2.0 * std::log(u1)) * std::cos(6.283185307179586 * u2);
}

} // namespace modelguard::sim::upstream
