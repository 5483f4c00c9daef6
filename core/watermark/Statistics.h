#pragma once
// Statistics of the lexical watermark test: under the null hypothesis (text written without the key) each unique
// (context, class) pair is green with probability gamma, independently, so the number of green hits S among T
// pairs is Binomial(T, gamma). All tails are computed in log space so that p-values stay accurate far below 1e-300
// (the natural-log value is exact where the double itself would underflow).

#include <cstdint>

namespace modelguard::watermark {

/// z = (S - gamma T) / sqrt(T gamma (1 - gamma)); 0 when T == 0 or gamma is not in (0, 1).
double zScore(std::uint64_t green, std::uint64_t total, double gamma) noexcept;

/// Natural log of P[X >= k] for X ~ Binomial(n, p), exact up to rounding (summation of the log-space terms with
/// the pmf ratio recurrence, stopping when the remaining terms cannot change the sum). 0 for k == 0; -infinity
/// for k > n or (p == 0 and k > 0).
double logBinomialUpperTail(std::uint64_t k, std::uint64_t n, double p) noexcept;

/// P[X >= k] = exp(logBinomialUpperTail). A tail below the smallest positive double returns that smallest
/// positive double (4.9e-324) instead of 0 when the tail is not exactly 0, so "p == 0" never means "impossible"
/// by accident; use the log form for ordering such values.
double binomialUpperTail(std::uint64_t k, std::uint64_t n, double p) noexcept;

/// Multiple-testing correction of the smallest of `tests` independent p-values (in natural log):
/// log(1 - (1 - p)^tests), computed stably (-expm1(tests * log1p(-p)) and, for tiny p, log(tests) + log p).
double logCorrectedMinimum(double logPMin, std::uint64_t tests) noexcept;

/// exp() that returns the smallest positive double instead of 0 for a finite log value.
double expNonZero(double logValue) noexcept;

} // namespace modelguard::watermark
