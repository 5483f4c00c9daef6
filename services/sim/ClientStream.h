#pragma once
// One simulated API client (or, for a sybil campaign, one coordinated group of keys): a lazy, time-ordered stream
// of SimRequests. Personas plan one simulated day at a time (a handful of timestamps per key and day), so memory
// stays bounded however many days are simulated; requests are built only when they are taken.

#include "services/sim/SimRandom.h"
#include "services/sim/SimRequest.h"
#include "services/sim/TextCorpus.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace modelguard::sim {

/// Start of every simulation: 2026-03-02T00:00:00Z, a Monday (ms since the Unix epoch).
inline constexpr risk::TimestampMs kSimEpochMs = 1772409600000;
inline constexpr risk::TimestampMs kMinuteMs = 60'000;
inline constexpr risk::TimestampMs kHourMs = 60 * kMinuteMs;
inline constexpr risk::TimestampMs kDayMs = 24 * kHourMs;

struct KeyIdentity
{
    std::string clientId;
    std::string keyId;
    std::string sourceIp;
};

class ClientStream
{
public:
    ClientStream(std::string persona, PersonaKind kind, std::vector<KeyIdentity> keys, SimRandom rng,
                 std::shared_ptr<const TextCorpus> corpus, int days);
    virtual ~ClientStream();
    ClientStream(const ClientStream&) = delete;
    ClientStream& operator=(const ClientStream&) = delete;

    /// Time of the next request, or nullopt when the client has nothing more to send in the simulated period.
    std::optional<risk::TimestampMs> nextTime();
    /// Takes the next request (precondition: nextTime() has a value). keyIndex receives the index in keys().
    SimRequest next(std::size_t& keyIndex);

    const std::string& persona() const noexcept { return m_persona; }
    PersonaKind kind() const noexcept { return m_kind; }
    const std::vector<KeyIdentity>& keys() const noexcept { return m_keys; }

protected:
    struct Event
    {
        risk::TimestampMs time = 0;
        std::uint32_t key = 0; ///< index into keys()
        std::uint32_t a = 0;   ///< persona-defined (session, item, ...)
        std::uint32_t b = 0;   ///< persona-defined (turn, ...)
        bool attack = false;   ///< this request serves the attack (ground truth)
    };

    /// Plans day `day` (0-based; starts at dayStart): pushes events with time >= dayStart (they may run past the
    /// day's end). Called in day order, only when every earlier event has been taken or lies after dayStart.
    virtual void planDay(int day, risk::TimestampMs dayStart, std::vector<Event>& out) = 0;
    /// Builds the request of one planned event. Time, key identity and attack flag are filled in by the caller.
    virtual SimRequest makeRequest(const Event& event) = 0;

    /// Per-day activity weights of a person in the given UTC offset, for a local-time hourly profile.
    static double humanActivity(double localHour) noexcept;
    /// `count` arrival times in [start, start + length) drawn from the hourly weight function (local hour).
    template <typename WeightFn>
    void drawTimes(std::size_t count, risk::TimestampMs start, risk::TimestampMs length, double utcOffsetHours,
                   WeightFn&& weight, std::vector<risk::TimestampMs>& out)
    {
        for (std::size_t i = 0; i < count; ++i) {
            for (int attempt = 0; attempt < 64; ++attempt) {
                const auto t = start + static_cast<risk::TimestampMs>(m_rng.uniform() * static_cast<double>(length));
                const double hour = localHour(t, utcOffsetHours);
                if (attempt == 63 || m_rng.uniform() < weight(hour)) {
                    out.push_back(t);
                    break;
                }
            }
        }
    }
    static double localHour(risk::TimestampMs t, double utcOffsetHours) noexcept;
    static bool isWeekend(int day) noexcept { return day % 7 >= 5; }

    /// Adds a key (personas whose address is drawn from their own generator add it in their constructor).
    void addKey(KeyIdentity key) { m_keys.push_back(std::move(key)); }
    SimRandom& rng() noexcept { return m_rng; }
    const TextCorpus& corpus() const noexcept { return *m_corpus; }
    int days() const noexcept { return m_days; }
    risk::TimestampMs simEnd() const noexcept { return kSimEpochMs + m_days * kDayMs; }

private:
    void refill();

    std::string m_persona;
    PersonaKind m_kind;
    std::vector<KeyIdentity> m_keys;
    SimRandom m_rng;
    std::shared_ptr<const TextCorpus> m_corpus;
    int m_days;
    int m_nextDay = 0;
    /// Planned events in time order (ties in planning order); m_cursor is the next one to take.
    std::vector<Event> m_events;
    std::size_t m_cursor = 0;
    std::vector<Event> m_scratch;
    std::vector<Event> m_merged;
};

} // namespace modelguard::sim
