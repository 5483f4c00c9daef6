#include "services/sim/TrafficSource.h"

namespace modelguard::sim {

std::vector<std::unique_ptr<ClientStream>> buildPopulation(const PersonaContext& context,
                                                           const PopulationOptions& population)
{
    std::vector<std::unique_ptr<ClientStream>> streams;
    // About a third of the chat users work in organisations of ~15 people sharing an office /24.
    for (std::size_t i = 0; i < population.chatUsers; ++i) {
        const int org = i % 3 == 0 ? static_cast<int>(i / 45) : -1;
        streams.push_back(makeChatUser(context, i, org));
    }
    for (std::size_t i = 0; i < population.chatApps; ++i) {
        streams.push_back(makeChatApp(context, "chat_app", i, 0.0));
    }
    for (std::size_t i = 0; i < population.ragApps; ++i) {
        streams.push_back(makeRagApp(context, i));
    }
    for (std::size_t i = 0; i < population.evalHarnesses; ++i) {
        streams.push_back(makeEvalHarness(context, i));
    }
    for (std::size_t i = 0; i < population.batchSummarisers; ++i) {
        streams.push_back(makeBatchSummariser(context, i));
    }
    for (std::size_t i = 0; i < population.developers; ++i) {
        streams.push_back(makeDeveloper(context, i));
    }
    for (std::size_t i = 0; i < population.harvesters; ++i) {
        streams.push_back(makeHarvester(context, i));
    }
    for (std::size_t i = 0; i < population.templateSweeps; ++i) {
        streams.push_back(makeTemplateSweep(context, i));
    }
    for (std::size_t i = 0; i < population.logitBiasSweeps; ++i) {
        streams.push_back(makeLogitBiasSweep(context, i));
    }
    for (std::size_t i = 0; i < population.bisectionSweeps; ++i) {
        streams.push_back(makeBisectionSweep(context, i));
    }
    for (std::size_t i = 0; i < population.boundaryProbers; ++i) {
        streams.push_back(makeBoundaryProber(context, i));
    }
    for (std::size_t i = 0; i < population.sybilCampaigns; ++i) {
        streams.push_back(makeSybilCampaign(context, i, population.sybilKeysPerCampaign));
    }
    for (std::size_t i = 0; i < population.mixed10; ++i) {
        streams.push_back(makeChatApp(context, "mixed_10", i, 0.10));
    }
    for (std::size_t i = 0; i < population.mixed25; ++i) {
        streams.push_back(makeChatApp(context, "mixed_25", i, 0.25));
    }
    return streams;
}

TrafficSource::TrafficSource(std::vector<std::unique_ptr<ClientStream>> streams)
    : m_streams(std::move(streams))
{
    for (std::size_t i = 0; i < m_streams.size(); ++i) {
        if (const auto t = m_streams[i]->nextTime()) {
            m_queue.emplace(*t, i);
        }
    }
}

bool TrafficSource::next(Item& item)
{
    if (m_queue.empty()) {
        return false;
    }
    const std::size_t stream = m_queue.top().second;
    m_queue.pop();
    item.stream = stream;
    item.request = m_streams[stream]->next(item.key);
    if (const auto t = m_streams[stream]->nextTime()) {
        m_queue.emplace(*t, stream);
    }
    return true;
}

} // namespace modelguard::sim
