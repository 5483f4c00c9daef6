#pragma once
// Logprob post-processing for the output policy: rounding to a number of decimals, Gaussian noise from a seeded
// deterministic generator (blurring, not cryptography) and a top-k cap. Values stay valid log-probabilities
// (<= 0, finite).

#include "core/policy/Policy.h"

#include <cstddef>
#include <cstdint>
#include <random>

namespace modelguard::policy {

/// value rounded to `decimals` decimals (0..9; others are clamped), half away from zero; -0 becomes 0.
double roundLogprob(double value, std::int32_t decimals) noexcept;

/// How many of `available` top alternatives a cap of `cap` keeps (cap < 0 counts as 0).
std::size_t cappedCount(std::size_t available, std::int32_t cap) noexcept;

/// Applies an OutputPolicy's logprob mode to single values. One per response (not thread-safe); the same seed
/// gives the same sequence of noise.
class LogprobTransform
{
public:
    LogprobTransform(const OutputPolicy& policy, std::uint64_t seed);

    /// Whether values change (Round or Noise) / top lists are cut (Cap).
    bool changesValues() const noexcept;
    bool capsTopList() const noexcept;
    /// The value to report for an upstream logprob: rounded, or with noise added; always finite and <= 0.
    double value(double logprob);
    /// Number of top alternatives to keep out of `available`.
    std::size_t topCount(std::size_t available) const noexcept;
    /// Standard Gaussian noise scaled by stddev (exposed for tests).
    double noise(double stddev);

private:
    OutputPolicy m_policy;
    std::mt19937_64 m_engine;
    std::normal_distribution<double> m_normal {0.0, 1.0};
};

} // namespace modelguard::policy
