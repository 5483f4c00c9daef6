#pragma once
// The whole simulated population as one time-ordered request stream: a k-way merge (priority queue) of the clients'
// lazy streams, so memory stays bounded by the number of clients, not by the number of requests. Transport-free:
// the evaluation feeds the stream to a RiskEngine in simulated time; a traffic driver can replay it over HTTP.

#include "services/sim/ClientStream.h"
#include "services/sim/Personas.h"

#include <memory>
#include <queue>
#include <vector>

namespace modelguard::sim {

/// How many clients of each persona to simulate. The defaults give 1,000 benign keys in a realistic mix and a few
/// dozen clients per attacker persona.
struct PopulationOptions
{
    std::size_t chatUsers = 650;
    std::size_t chatApps = 20;
    std::size_t ragApps = 30;
    std::size_t evalHarnesses = 50;
    std::size_t batchSummarisers = 40;
    std::size_t developers = 210;

    std::size_t harvesters = 30;
    std::size_t templateSweeps = 24;
    std::size_t logitBiasSweeps = 24;
    std::size_t bisectionSweeps = 24;
    std::size_t boundaryProbers = 24;
    std::size_t sybilCampaigns = 2;
    std::size_t sybilKeysPerCampaign = 24;
    std::size_t mixed10 = 24; ///< chat_app keys with 10 % harvester traffic
    std::size_t mixed25 = 24; ///< chat_app keys with 25 % harvester traffic

    std::size_t benignClients() const noexcept
    {
        return chatUsers + chatApps + ragApps + evalHarnesses + batchSummarisers + developers;
    }
};

/// Builds every client of the population (benign personas first, then attackers).
std::vector<std::unique_ptr<ClientStream>> buildPopulation(const PersonaContext& context,
                                                           const PopulationOptions& population);

class TrafficSource
{
public:
    explicit TrafficSource(std::vector<std::unique_ptr<ClientStream>> streams);

    struct Item
    {
        SimRequest request;
        std::size_t stream = 0; ///< index into streams()
        std::size_t key = 0;    ///< index into streams()[stream]->keys()
    };

    /// The next request of the whole population in time order (ties: lower stream index first); false at the end.
    bool next(Item& item);

    const std::vector<std::unique_ptr<ClientStream>>& streams() const noexcept { return m_streams; }

private:
    using Entry = std::pair<risk::TimestampMs, std::size_t>;
    std::vector<std::unique_ptr<ClientStream>> m_streams;
    std::priority_queue<Entry, std::vector<Entry>, std::greater<>> m_queue;
};

} // namespace modelguard::sim
