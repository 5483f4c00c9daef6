#include "core/policy/Logprobs.h"

#include <algorithm>
#include <cmath>

namespace modelguard::policy {

namespace {

double validLogprob(double value) noexcept
{
    if (std::isnan(value)) {
        return -9999.0;
    }
    value = std::clamp(value, -9999.0, 0.0);
    return value == 0.0 ? 0.0 : value; // no -0
}

} // namespace

double roundLogprob(double value, std::int32_t decimals) noexcept
{
    if (!std::isfinite(value)) {
        return value;
    }
    const int d = std::clamp(decimals, 0, 9);
    const double scale = std::pow(10.0, d);
    const double rounded = std::round(value * scale) / scale;
    return rounded == 0.0 ? 0.0 : rounded;
}

std::size_t cappedCount(std::size_t available, std::int32_t cap) noexcept
{
    if (cap <= 0) {
        return 0;
    }
    return std::min(available, static_cast<std::size_t>(cap));
}

LogprobTransform::LogprobTransform(const OutputPolicy& policy, std::uint64_t seed)
    : m_policy(policy)
    , m_engine(seed)
{ }

bool LogprobTransform::changesValues() const noexcept
{
    return m_policy.logprobs == LogprobsMode::Round || m_policy.logprobs == LogprobsMode::Noise;
}

bool LogprobTransform::capsTopList() const noexcept
{
    return m_policy.logprobs == LogprobsMode::Cap;
}

double LogprobTransform::noise(double stddev)
{
    if (!(stddev > 0) || !std::isfinite(stddev)) {
        return 0.0;
    }
    return m_normal(m_engine) * stddev;
}

double LogprobTransform::value(double logprob)
{
    switch (m_policy.logprobs) {
    case LogprobsMode::Round:
        return validLogprob(roundLogprob(validLogprob(logprob), m_policy.roundDecimals));
    case LogprobsMode::Noise:
        return validLogprob(validLogprob(logprob) + noise(m_policy.noiseStddev));
    default:
        return logprob;
    }
}

std::size_t LogprobTransform::topCount(std::size_t available) const noexcept
{
    if (!capsTopList()) {
        return available;
    }
    return cappedCount(available, m_policy.topLogprobsCap);
}

} // namespace modelguard::policy
