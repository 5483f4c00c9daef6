#pragma once
// A small, fully specified pseudo-random generator for the traffic simulation. The standard library's distributions
// are implementation-defined, so a seed would give different traffic on different platforms; everything here is
// defined bit for bit (xoshiro256** seeded through SplitMix64), so one seed means one stream everywhere.

#include <cmath>
#include <cstdint>
#include <string_view>
#include <vector>

namespace modelguard::sim {

class SimRandom
{
public:
    explicit SimRandom(std::uint64_t seed) noexcept
    {
        std::uint64_t x = seed;
        for (auto& s : m_state) {
            s = splitMix(x);
        }
    }

    /// A child generator whose stream depends on this seed and `salt` only (not on how much was drawn so far).
    static SimRandom derive(std::uint64_t seed, std::uint64_t salt) noexcept
    {
        std::uint64_t x = seed ^ (salt * 0x9E3779B97F4A7C15ULL);
        return SimRandom(splitMix(x) ^ salt);
    }

    std::uint64_t next() noexcept
    {
        const std::uint64_t result = rotl(m_state[1] * 5, 7) * 9;
        const std::uint64_t t = m_state[1] << 17;
        m_state[2] ^= m_state[0];
        m_state[3] ^= m_state[1];
        m_state[1] ^= m_state[2];
        m_state[0] ^= m_state[3];
        m_state[2] ^= t;
        m_state[3] = rotl(m_state[3], 45);
        return result;
    }

    /// Uniform in [0, 1).
    double uniform() noexcept { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
    double uniform(double lo, double hi) noexcept { return lo + (hi - lo) * uniform(); }
    /// Uniform integer in [lo, hi] (inclusive); hi < lo returns lo.
    std::int64_t uniformInt(std::int64_t lo, std::int64_t hi) noexcept
    {
        if (hi <= lo) {
            return lo;
        }
        const auto span = static_cast<std::uint64_t>(hi - lo) + 1;
        return lo + static_cast<std::int64_t>(next() % span);
    }
    std::size_t index(std::size_t size) noexcept
    {
        return size == 0 ? 0 : static_cast<std::size_t>(next() % static_cast<std::uint64_t>(size));
    }
    bool chance(double p) noexcept { return uniform() < p; }
    /// Exponential with the given mean.
    double exponential(double mean) noexcept { return -mean * std::log(1.0 - uniform()); }
    double normal(double mean, double sd) noexcept
    {
        const double u1 = 1.0 - uniform();
        const double u2 = uniform();
        return mean + sd * std::sqrt(-2.0 * std::log(u1)) * std::cos(6.283185307179586 * u2);
    }
    /// Log-normal whose median is `median`; sigma is the sd of the log.
    double logNormal(double median, double sigma) noexcept { return median * std::exp(normal(0.0, sigma)); }
    /// Poisson (Knuth for small means, normal approximation above 50).
    std::int64_t poisson(double mean) noexcept
    {
        if (mean <= 0) {
            return 0;
        }
        if (mean > 50) {
            const double v = std::round(normal(mean, std::sqrt(mean)));
            return v < 0 ? 0 : static_cast<std::int64_t>(v);
        }
        const double limit = std::exp(-mean);
        std::int64_t k = 0;
        double p = uniform();
        while (p > limit) {
            ++k;
            p *= uniform();
        }
        return k;
    }

    template <typename T>
    const T& pick(const std::vector<T>& items) noexcept
    {
        return items[index(items.size())];
    }

    /// Index drawn with probability proportional to weights (all weights >= 0, at least one > 0).
    std::size_t weighted(const std::vector<double>& weights) noexcept
    {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double r = uniform() * total;
        for (std::size_t i = 0; i < weights.size(); ++i) {
            r -= weights[i];
            if (r < 0) {
                return i;
            }
        }
        return weights.empty() ? 0 : weights.size() - 1;
    }

    /// A stable 64-bit hash of a string (FNV-1a), for deriving sub-seeds from names.
    static std::uint64_t hashName(std::string_view text) noexcept
    {
        std::uint64_t h = 0xcbf29ce484222325ULL;
        for (unsigned char c : text) {
            h ^= c;
            h *= 0x100000001b3ULL;
        }
        return h;
    }

private:
    static std::uint64_t rotl(std::uint64_t x, int k) noexcept { return (x << k) | (x >> (64 - k)); }
    static std::uint64_t splitMix(std::uint64_t& x) noexcept
    {
        std::uint64_t z = (x += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }

    std::uint64_t m_state[4] {};
};

} // namespace modelguard::sim
