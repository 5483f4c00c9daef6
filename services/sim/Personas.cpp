#include "services/sim/Personas.h"

#include <algorithm>

namespace modelguard::sim {

SimRandom personaRandom(const PersonaContext& context, std::string_view persona, std::size_t index)
{
    return SimRandom::derive(context.seed, SimRandom::hashName(persona) + 0x100000001ULL * index);
}

KeyIdentity keyIdentity(std::string_view persona, std::size_t index, std::string sourceIp)
{
    std::string client = std::string(persona) + '-' + std::to_string(index);
    return KeyIdentity {client, "k-" + client, std::move(sourceIp)};
}

risk::TimestampMs attackerStart(SimRandom& rng, int days)
{
    const double window = 0.25 * std::max(days, 1);
    return kSimEpochMs + static_cast<risk::TimestampMs>(rng.uniform() * window * static_cast<double>(kDayMs));
}

} // namespace modelguard::sim
