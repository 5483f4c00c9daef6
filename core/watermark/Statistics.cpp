#include "core/watermark/Statistics.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace modelguard::watermark {

namespace {

constexpr double kNegInf = -std::numeric_limits<double>::infinity();

double logChoose(double n, double k) noexcept
{
    return std::lgamma(n + 1.0) - std::lgamma(k + 1.0) - std::lgamma(n - k + 1.0);
}

// log(exp(a) + exp(b))
double logAdd(double a, double b) noexcept
{
    if (a == kNegInf) {
        return b;
    }
    if (b == kNegInf) {
        return a;
    }
    return a > b ? a + std::log1p(std::exp(b - a)) : b + std::log1p(std::exp(a - b));
}

// Sum of pmf(j) for j = from, from + step, ... until the terms become negligible or the range ends; all in logs.
// The terms decrease monotonically in the direction walked when the walk starts on the far side of the mode.
double logTailSum(std::uint64_t from, std::uint64_t n, double p, bool upward) noexcept
{
    const double logP = std::log(p);
    const double log1mP = std::log1p(-p);
    const double dn = static_cast<double>(n);
    double j = static_cast<double>(from);
    double term = logChoose(dn, j) + j * logP + (dn - j) * log1mP;
    double sum = term;
    const double logOdds = logP - log1mP;
    while (true) {
        if (upward) {
            if (j >= dn) {
                break;
            }
            term += std::log((dn - j) / (j + 1.0)) + logOdds;
            j += 1.0;
        } else {
            if (j <= 0.0) {
                break;
            }
            term += std::log(j / (dn - j + 1.0)) - logOdds;
            j -= 1.0;
        }
        sum = logAdd(sum, term);
        // The terms shrink at least geometrically in the walked direction; stop when the rest cannot matter
        // (e^-50 relative per term, even summed over many terms).
        if (term < sum - 50.0) {
            break;
        }
    }
    return sum;
}

} // namespace

double zScore(std::uint64_t green, std::uint64_t total, double gamma) noexcept
{
    if (total == 0 || !(gamma > 0.0 && gamma < 1.0)) {
        return 0.0;
    }
    const double t = static_cast<double>(total);
    return (static_cast<double>(green) - gamma * t) / std::sqrt(t * gamma * (1.0 - gamma));
}

double logBinomialUpperTail(std::uint64_t k, std::uint64_t n, double p) noexcept
{
    if (k == 0) {
        return 0.0;
    }
    if (k > n || !(p > 0.0)) {
        return kNegInf;
    }
    if (!(p < 1.0)) {
        return 0.0;
    }
    const double mean = static_cast<double>(n) * p;
    if (static_cast<double>(k) >= mean) {
        // Upper tail beyond the mean: sum upward from k, terms decrease.
        return logTailSum(k, n, p, true);
    }
    // k below the mean: P[X >= k] = 1 - P[X <= k - 1], and that lower tail is small; sum it downward.
    const double lower = logTailSum(k - 1, n, p, false);
    if (lower >= 0.0) {
        return 0.0;
    }
    return std::log1p(-std::exp(lower));
}

double expNonZero(double logValue) noexcept
{
    if (logValue == kNegInf || std::isnan(logValue)) {
        return 0.0;
    }
    const double v = std::exp(logValue);
    return v > 0.0 ? v : std::numeric_limits<double>::denorm_min();
}

double binomialUpperTail(std::uint64_t k, std::uint64_t n, double p) noexcept
{
    return expNonZero(logBinomialUpperTail(k, n, p));
}

double logCorrectedMinimum(double logPMin, std::uint64_t tests) noexcept
{
    if (tests <= 1 || logPMin == kNegInf) {
        return logPMin;
    }
    if (logPMin >= 0.0) {
        return 0.0;
    }
    const double n = static_cast<double>(tests);
    const double p = std::exp(logPMin);
    if (p == 0.0) {
        // Below the double range: 1 - (1 - p)^N = N p (1 - O(N p)), exact to double precision in logs.
        return std::min(0.0, std::log(n) + logPMin);
    }
    return std::log(-std::expm1(n * std::log1p(-p)));
}

} // namespace modelguard::watermark
