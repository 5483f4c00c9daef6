// Properties of the simulated personas, checked on the generated request streams themselves (no risk engine):
// each attacker really has the traffic signature it claims, benign personas look like their description, the
// population has the promised size, and a seed fully determines the stream.
#include "services/sim/Evaluation.h"
#include "services/sim/TrafficSource.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <stdexcept>

namespace modelguard::sim {
namespace {

std::shared_ptr<const TextCorpus> corpus()
{
    static const auto loaded = std::make_shared<const TextCorpus>(TextCorpus::load());
    return loaded;
}

PersonaContext context(std::uint64_t seed, int days)
{
    PersonaContext c;
    c.corpus = corpus();
    c.seed = seed;
    c.days = days;
    return c;
}

/// Drains a single client's stream.
std::vector<SimRequest> drain(ClientStream& stream, std::size_t limit = 1'000'000)
{
    std::vector<SimRequest> out;
    std::size_t key = 0;
    while (out.size() < limit && stream.nextTime()) {
        out.push_back(stream.next(key));
    }
    return out;
}

std::string prefix24(const std::string& ip)
{
    return ip.substr(0, ip.rfind('.'));
}

std::size_t userMessages(const SimRequest& r)
{
    return static_cast<std::size_t>(
        std::count_if(r.messages.begin(), r.messages.end(), [](const auto& m) { return m.role == "user"; }));
}

TEST(PersonaProperties, CorpusLoadsFromDebianData)
{
    EXPECT_GT(corpus()->nounCount(), 50'000U);
    EXPECT_GT(corpus()->fortuneCount(), 1'000U);
    EXPECT_GT(corpus()->exampleCount(), 10'000U);
}

TEST(PersonaProperties, MissingCorpusIsAClearError)
{
    CorpusPaths paths;
    paths.fortuneDir = "/nonexistent/fortunes";
    try {
        (void)TextCorpus::load(paths);
        FAIL() << "loading from a missing directory must throw";
    } catch (const std::runtime_error& e) {
        EXPECT_NE(std::string(e.what()).find("fortunes"), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find("/nonexistent/fortunes"), std::string::npos) << e.what();
    }
}

TEST(PersonaProperties, LogitBiasSweepSetsExtremeRotatingBiasWithLogprobsAndOneToken)
{
    for (std::size_t index = 0; index < 6; ++index) {
        auto stream = makeLogitBiasSweep(context(11, 7), index);
        const auto requests = drain(*stream, 400);
        ASSERT_EQ(requests.size(), 400U);
        std::set<std::string> prompts;
        std::set<std::int64_t> ids;
        for (const auto& r : requests) {
            EXPECT_TRUE(r.attackTraffic);
            EXPECT_EQ(r.maxTokens, 1);
            EXPECT_EQ(r.temperature, 0.0);
            EXPECT_TRUE(r.logprobs);
            EXPECT_GE(r.topLogprobs, 5);
            ASSERT_GE(r.logitBias.size(), 4U);
            for (const auto& [id, bias] : r.logitBias) {
                EXPECT_GE(std::abs(bias), 50.0);
                ids.insert(id);
            }
            prompts.insert(joinedPrompt(r));
            EXPECT_EQ(r.completionTokens, 1U);
            EXPECT_EQ(r.finishReason, risk::FinishReason::Length);
        }
        EXPECT_LE(prompts.size(), 3U) << "a sweep repeats the same prompt(s)";
        EXPECT_GE(ids.size(), 300U) << "the biased ids rotate over the vocabulary";
    }
}

TEST(PersonaProperties, BisectionSweepVariesBiasMagnitudeWithoutLogprobs)
{
    for (std::size_t index = 0; index < 6; ++index) {
        auto stream = makeBisectionSweep(context(12, 7), index);
        const auto requests = drain(*stream, 300);
        ASSERT_EQ(requests.size(), 300U);
        std::set<std::string> prompts;
        std::set<double> magnitudes;
        std::set<std::int64_t> searches;
        for (const auto& r : requests) {
            EXPECT_EQ(r.maxTokens, 1);
            EXPECT_EQ(r.temperature, 0.0);
            EXPECT_FALSE(r.logprobs);
            ASSERT_FALSE(r.logitBias.empty());
            for (const auto& [id, bias] : r.logitBias) {
                magnitudes.insert(bias);
                EXPECT_EQ(bias, r.logitBias.front().second) << "one magnitude per request";
            }
            searches.insert(r.logitBias.front().first);
            prompts.insert(joinedPrompt(r));
        }
        EXPECT_EQ(prompts.size(), 1U);
        EXPECT_GE(magnitudes.size(), 6U) << "the bias magnitude is searched";
        EXPECT_GE(searches.size(), 20U) << "about ten requests per id (or id group), then the next";
        EXPECT_LE(searches.size(), 300U / 5U);
    }
}

TEST(PersonaProperties, SybilCampaignKeysShareA24StayLightAndShareTemplates)
{
    const int days = 3;
    auto stream = makeSybilCampaign(context(13, days), 0, 24);
    ASSERT_EQ(stream->keys().size(), 24U);
    std::set<std::string> clients;
    std::set<std::string> prefixes;
    for (const auto& k : stream->keys()) {
        clients.insert(k.clientId);
        prefixes.insert(prefix24(k.sourceIp));
    }
    EXPECT_EQ(clients.size(), 24U) << "every sybil key is its own account";
    EXPECT_EQ(prefixes.size(), 1U) << "all keys come from one /24";

    std::map<std::pair<std::size_t, int>, int> perKeyDay;
    std::set<std::string> firstLines;
    std::vector<risk::TimestampMs> times;
    std::size_t key = 0;
    std::size_t total = 0;
    while (stream->nextTime()) {
        const auto r = stream->next(key);
        ++perKeyDay[{key, static_cast<int>((r.time - kSimEpochMs) / kDayMs)}];
        const std::string prompt = joinedPrompt(r);
        firstLines.insert(prompt.substr(0, std::min<std::size_t>(40, prompt.find('\n'))));
        EXPECT_EQ(userMessages(r), 1U);
        times.push_back(r.time);
        ++total;
    }
    EXPECT_GT(total, 24U * 50U * static_cast<std::size_t>(days) - 24U * 50U);
    for (const auto& [kd, count] : perKeyDay) {
        EXPECT_LT(count, 100) << "key " << kd.first << " day " << kd.second;
    }
    EXPECT_LE(firstLines.size(), 3U) << "the keys share two or three templates";
    // Synchronised, load-balanced timing: the campaign's gaps are regular (low coefficient of variation).
    double sum = 0;
    double sumSq = 0;
    for (std::size_t i = 1; i < times.size(); ++i) {
        const auto gap = static_cast<double>(times[i] - times[i - 1]);
        sum += gap;
        sumSq += gap * gap;
    }
    const double n = static_cast<double>(times.size() - 1);
    const double mean = sum / n;
    const double cv = std::sqrt(std::max(0.0, sumSq / n - mean * mean)) / mean;
    EXPECT_LT(cv, 0.6);
}

TEST(PersonaProperties, HarvesterIsSingleTurnLongOutputVolume)
{
    for (std::size_t index = 0; index < 5; ++index) {
        auto stream = makeHarvester(context(14, 7), index);
        const auto requests = drain(*stream);
        EXPECT_GE(requests.size(), 600U) << "a harvesting key sends at least 600 requests";
        std::set<std::string> prompts;
        for (const auto& r : requests) {
            EXPECT_EQ(userMessages(r), 1U);
            EXPECT_TRUE(r.maxTokens >= 2048 || r.maxTokens == -1);
            prompts.insert(joinedPrompt(r));
        }
        EXPECT_GT(static_cast<double>(prompts.size()), 0.95 * static_cast<double>(requests.size()))
            << "diverse prompts";
    }
}

TEST(PersonaProperties, MixedKeysCarryTheirAttackShare)
{
    for (const double share : {0.10, 0.25}) {
        std::size_t attack = 0;
        std::size_t total = 0;
        for (std::size_t index = 0; index < 4; ++index) {
            auto stream = makeChatApp(context(15, 3), "mixed", index, share);
            for (const auto& r : drain(*stream)) {
                attack += r.attackTraffic ? 1 : 0;
                ++total;
                if (r.attackTraffic) {
                    EXPECT_EQ(userMessages(r), 1U);
                }
            }
        }
        ASSERT_GT(total, 4000U);
        EXPECT_NEAR(static_cast<double>(attack) / static_cast<double>(total), share, 0.02);
    }
    auto benign = makeChatApp(context(15, 2), "chat_app", 0, 0.0);
    EXPECT_EQ(benign->kind(), PersonaKind::Benign);
    for (const auto& r : drain(*benign)) {
        EXPECT_FALSE(r.attackTraffic);
    }
}

TEST(PersonaProperties, EvalHarnessIsDeterministicTemperatureZeroAndRepeatsItsSuite)
{
    std::size_t repeatedSuites = 0;
    for (std::size_t index = 0; index < 10; ++index) {
        auto stream = makeEvalHarness(context(16, 7), index);
        std::map<std::string, int> seen;
        for (const auto& r : drain(*stream)) {
            EXPECT_EQ(r.temperature, 0.0);
            EXPECT_LE(r.maxTokens, 10);
            if (!r.logitBias.empty()) {
                EXPECT_EQ(r.maxTokens, 1);
            }
            ++seen[joinedPrompt(r)];
        }
        repeatedSuites += std::any_of(seen.begin(), seen.end(), [](const auto& s) { return s.second > 1; }) ? 1 : 0;
    }
    EXPECT_GE(repeatedSuites, 5U) << "re-runs send the same benchmark items again";
}

TEST(PersonaProperties, ChatUsersAreMostlyActiveAndHoldMultiTurnConversations)
{
    std::size_t total = 0;
    std::size_t multiTurn = 0;
    std::size_t activeKeys = 0;
    for (std::size_t index = 0; index < 60; ++index) {
        auto stream = makeChatUser(context(17, 7), index, -1);
        const auto requests = drain(*stream);
        activeKeys += requests.empty() ? 0 : 1;
        for (const auto& r : requests) {
            ++total;
            multiTurn += userMessages(r) > 1 ? 1 : 0;
        }
    }
    EXPECT_GT(activeKeys, 50U);
    ASSERT_GT(total, 1000U);
    EXPECT_GT(static_cast<double>(multiTurn) / static_cast<double>(total), 0.3);
}

TEST(PersonaProperties, PopulationSizeAndMergedStreamOrder)
{
    const PopulationOptions population;
    EXPECT_GE(population.benignClients(), 1000U);
    auto streams = buildPopulation(context(18, 1), population);
    std::map<std::string, std::size_t> keysPerPersona;
    std::set<std::string> clientIds;
    for (const auto& s : streams) {
        keysPerPersona[s->persona()] += s->keys().size();
        for (const auto& k : s->keys()) {
            EXPECT_TRUE(clientIds.insert(k.clientId).second) << "duplicate client id " << k.clientId;
        }
    }
    EXPECT_EQ(keysPerPersona.size(), 14U);
    for (const auto& [persona, keys] : keysPerPersona) {
        EXPECT_GE(keys, 20U) << persona;
    }
    TrafficSource source(std::move(streams));
    TrafficSource::Item item;
    risk::TimestampMs last = kSimEpochMs;
    std::size_t count = 0;
    while (source.next(item) && count < 200'000) {
        EXPECT_GE(item.request.time, last);
        EXPECT_LT(item.request.time, kSimEpochMs + kDayMs);
        last = item.request.time;
        ++count;
    }
    EXPECT_EQ(count, 200'000U);
}

TEST(PersonaProperties, SameSeedSameStreamOtherSeedOtherStream)
{
    const auto digest = [](std::uint64_t seed) {
        TrafficSource source(buildPopulation(context(seed, 1), PopulationOptions {}));
        TrafficSource::Item item;
        std::uint64_t h = 0;
        for (int i = 0; i < 30'000 && source.next(item); ++i) {
            const auto record = toRecord(item.request);
            h = h * 1099511628211ULL
                ^ SimRandom::hashName(record.clientId + '|' + record.sourceIp + '|' + record.prompt + '|'
                                      + std::to_string(record.time) + '|' + std::to_string(record.maxTokens) + '|'
                                      + std::to_string(record.logitBias.size()) + '|'
                                      + std::to_string(record.completionTokens));
        }
        return h;
    };
    EXPECT_EQ(digest(21), digest(21));
    EXPECT_NE(digest(21), digest(22));
}

TEST(PersonaProperties, BadEvaluationOptionsAreRejected)
{
    EvaluationOptions options;
    options.corpus = corpus();
    options.days = 0;
    EXPECT_THROW(runEvaluation(options), std::invalid_argument);
    options.days = 61;
    EXPECT_THROW(runEvaluation(options), std::invalid_argument);
    options.days = 1;
    options.calibrationSeed = options.seed;
    EXPECT_THROW(runEvaluation(options), std::invalid_argument);
}

} // namespace
} // namespace modelguard::sim
