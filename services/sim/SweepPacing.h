#pragma once
// Pacing of scripted probing attacks (logit-bias sweeps): bursts of requests as fast as the rate limit allows,
// separated by pauses, from a start time until a request budget is spent.

#include "services/sim/Personas.h"

#include <algorithm>
#include <vector>

namespace modelguard::sim {

class SweepPacing
{
public:
    SweepPacing(SimRandom& rng, int days)
        : m_cursor(attackerStart(rng, days))
        , m_budget(static_cast<std::int64_t>(std::clamp(rng.logNormal(1200, 0.4), 600.0, 5000.0)))
        , m_intervalMs(rng.uniform(80, 600))
        , m_burst(rng.uniform(200, 1500))
        , m_pauseMs(rng.uniform(5, 90) * 60'000.0)
    { }

    /// Appends the times of the bursts that start before dayEnd.
    template <typename Emit>
    void plan(SimRandom& rng, risk::TimestampMs dayEnd, Emit&& emit)
    {
        while (m_cursor < dayEnd && m_budget > 0) {
            const auto burst = std::min<std::int64_t>(m_budget, std::max<std::int64_t>(20, rng.poisson(m_burst)));
            double t = static_cast<double>(m_cursor);
            for (std::int64_t i = 0; i < burst; ++i) {
                emit(static_cast<risk::TimestampMs>(t));
                t += rng.exponential(m_intervalMs) + 20.0;
            }
            m_budget -= burst;
            m_cursor = static_cast<risk::TimestampMs>(t + rng.exponential(m_pauseMs));
        }
    }

private:
    risk::TimestampMs m_cursor;
    std::int64_t m_budget;
    double m_intervalMs;
    double m_burst;
    double m_pauseMs;
};

} // namespace modelguard::sim
