#include "services/sim/ClientStream.h"

#include <algorithm>
#include <cmath>
#include <iterator>

namespace modelguard::sim {

ClientStream::ClientStream(std::string persona, PersonaKind kind, std::vector<KeyIdentity> keys, SimRandom rng,
                           std::shared_ptr<const TextCorpus> corpus, int days)
    : m_persona(std::move(persona))
    , m_kind(kind)
    , m_keys(std::move(keys))
    , m_rng(rng)
    , m_corpus(std::move(corpus))
    , m_days(days)
{ }

ClientStream::~ClientStream() = default;

void ClientStream::refill()
{
    while (m_nextDay < m_days) {
        const risk::TimestampMs dayStart = kSimEpochMs + m_nextDay * kDayMs;
        if (m_cursor < m_events.size() && m_events[m_cursor].time < dayStart) {
            return;
        }
        m_scratch.clear();
        planDay(m_nextDay, dayStart, m_scratch);
        ++m_nextDay;
        for (auto& e : m_scratch) {
            e.time = std::max(e.time, dayStart);
        }
        std::erase_if(m_scratch, [&](const Event& e) { return e.time >= simEnd(); });
        const auto byTime = [](const Event& x, const Event& y) { return x.time < y.time; };
        std::stable_sort(m_scratch.begin(), m_scratch.end(), byTime);
        // Events left over from earlier days (a session running past midnight) come first on equal times.
        m_merged.clear();
        std::merge(m_events.begin() + static_cast<std::ptrdiff_t>(m_cursor), m_events.end(), m_scratch.begin(),
                   m_scratch.end(), std::back_inserter(m_merged), byTime);
        m_events.swap(m_merged);
        m_cursor = 0;
    }
}

std::optional<risk::TimestampMs> ClientStream::nextTime()
{
    refill();
    if (m_cursor >= m_events.size()) {
        return std::nullopt;
    }
    return m_events[m_cursor].time;
}

SimRequest ClientStream::next(std::size_t& keyIndex)
{
    refill();
    const Event event = m_events.at(m_cursor++);
    SimRequest request = makeRequest(event);
    const auto& key = m_keys.at(event.key);
    request.time = event.time;
    request.clientId = key.clientId;
    request.keyId = key.keyId;
    if (request.sourceIp.empty()) {
        request.sourceIp = key.sourceIp; // personas with several egress addresses set their own
    }
    request.attackTraffic = event.attack;
    keyIndex = event.key;
    return request;
}

double ClientStream::localHour(risk::TimestampMs t, double utcOffsetHours) noexcept
{
    const double hours = static_cast<double>(t % kDayMs) / static_cast<double>(kHourMs) + utcOffsetHours;
    return std::fmod(hours + 48.0, 24.0);
}

double ClientStream::humanActivity(double localHourValue) noexcept
{
    // Relative activity of people at a keyboard by local hour (peak 1.0 late morning / afternoon).
    static constexpr double kProfile[24] = {0.10, 0.06, 0.04, 0.03, 0.03, 0.05, 0.12, 0.30, 0.60, 0.85, 0.95, 1.00,
                                            0.80, 0.90, 1.00, 0.95, 0.85, 0.70, 0.55, 0.50, 0.50, 0.45, 0.35, 0.20};
    const int h = static_cast<int>(localHourValue) % 24;
    return kProfile[h < 0 ? 0 : h];
}

} // namespace modelguard::sim
