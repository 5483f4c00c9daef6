#include "services/sim/Evaluation.h"

#include <algorithm>
#include <chrono>
#include <limits>
#include <map>
#include <stdexcept>

namespace modelguard::sim {
namespace {

struct KeyTrack
{
    std::size_t persona = 0;
    std::size_t unit = 0;
    std::uint64_t requests = 0;
    bool flagged = false;
    int lastActiveDay = -1;
    int lastFlaggedDay = -1;
};

struct UnitTrack
{
    std::size_t persona = 0;
    std::uint64_t requests = 0;
    std::optional<std::uint64_t> requestsToFlag;
};

} // namespace

double PersonaResult::flaggedWithin(std::uint64_t limit) const noexcept
{
    if (requestsToFlag.empty()) {
        return 0.0;
    }
    const auto within = std::count_if(requestsToFlag.begin(), requestsToFlag.end(),
                                      [&](const auto& r) { return r.has_value() && *r <= limit; });
    return static_cast<double>(within) / static_cast<double>(requestsToFlag.size());
}

const PersonaResult* EvaluationResult::find(std::string_view persona) const noexcept
{
    for (const auto& p : personas) {
        if (p.persona == persona) {
            return &p;
        }
    }
    return nullptr;
}

risk::Calibration calibrateOnBenign(const EvaluationOptions& options, std::uint64_t seed, int days,
                                    std::uint64_t* requests)
{
    if (days < 1 || days > 60) {
        throw std::invalid_argument("evaluation: calibration days must be between 1 and 60");
    }
    PersonaContext context;
    context.corpus =
        options.corpus ? options.corpus : std::make_shared<const TextCorpus>(TextCorpus::load(options.corpusPaths));
    context.seed = seed;
    context.days = days;
    PopulationOptions benignOnly = options.population;
    benignOnly.harvesters = benignOnly.templateSweeps = benignOnly.logitBiasSweeps = 0;
    benignOnly.bisectionSweeps = benignOnly.boundaryProbers = benignOnly.sybilCampaigns = 0;
    benignOnly.mixed10 = benignOnly.mixed25 = 0;
    risk::RiskConfig learning = options.riskConfig;
    learning.learnCalibration = true;
    risk::RiskEngine learner(learning);
    TrafficSource source(buildPopulation(context, benignOnly));
    TrafficSource::Item item;
    std::uint64_t fed = 0;
    while (source.next(item)) {
        learner.observe(toRecord(std::move(item.request)));
        ++fed;
    }
    if (requests != nullptr) {
        *requests = fed;
    }
    return learner.learnedCalibration();
}

EvaluationResult runEvaluation(const EvaluationOptions& options)
{
    if (options.days < 1 || options.days > 60) {
        throw std::invalid_argument("evaluation: days must be between 1 and 60");
    }
    if (!(options.flagScore > 0.0 && options.flagScore <= 100.0)) {
        throw std::invalid_argument("evaluation: the flag score must be in (0, 100]");
    }
    if (options.calibrationSeed && *options.calibrationSeed == options.seed) {
        throw std::invalid_argument("evaluation: the calibration seed must differ from the evaluation seed");
    }
    if (options.calibrationDays < 1 || options.calibrationDays > 60) {
        throw std::invalid_argument("evaluation: calibration days must be between 1 and 60");
    }
    const auto wallStart = std::chrono::steady_clock::now();
    PersonaContext context;
    context.corpus =
        options.corpus ? options.corpus : std::make_shared<const TextCorpus>(TextCorpus::load(options.corpusPaths));
    context.seed = options.seed;
    context.days = options.days;

    EvaluationResult result;
    risk::RiskConfig riskConfig = options.riskConfig;
    if (options.calibrationSeed) {
        EvaluationOptions calibration = options;
        calibration.corpus = context.corpus;
        riskConfig.calibration = calibrateOnBenign(calibration, *options.calibrationSeed, options.calibrationDays,
                                                   &result.calibrationRequests);
        result.calibrationSeed = options.calibrationSeed;
    }

    TrafficSource source(buildPopulation(context, options.population));

    // Index personas, keys and attack units.
    result.seed = options.seed;
    result.days = options.days;
    std::map<std::string, std::size_t, std::less<>> personaIndex;
    std::vector<std::size_t> streamKeyBase;
    std::vector<KeyTrack> keys;
    std::vector<UnitTrack> units;
    std::vector<std::size_t> streamUnitBase;
    for (const auto& stream : source.streams()) {
        auto [it, inserted] = personaIndex.try_emplace(stream->persona(), result.personas.size());
        if (inserted) {
            PersonaResult p;
            p.persona = stream->persona();
            p.kind = stream->kind();
            result.personas.push_back(std::move(p));
        }
        const std::size_t persona = it->second;
        const bool campaign = stream->keys().size() > 1;
        streamKeyBase.push_back(keys.size());
        streamUnitBase.push_back(units.size());
        if (campaign) {
            units.push_back(UnitTrack {persona, 0, std::nullopt});
        }
        for (std::size_t k = 0; k < stream->keys().size(); ++k) {
            if (!campaign) {
                units.push_back(UnitTrack {persona, 0, std::nullopt});
            }
            keys.push_back(KeyTrack {persona, units.size() - 1, 0, false, -1, -1});
        }
        result.personas[persona].clients += stream->keys().size();
    }

    risk::RiskEngine engine(riskConfig);
    TrafficSource::Item item;
    while (source.next(item)) {
        ++result.totalRequests;
        auto& key = keys[streamKeyBase[item.stream] + item.key];
        auto& unit = units[key.unit];
        auto& persona = result.personas[key.persona];
        ++key.requests;
        ++unit.requests;
        ++persona.requests;
        const int day = static_cast<int>((item.request.time - kSimEpochMs) / kDayMs);
        if (key.lastActiveDay != day) {
            key.lastActiveDay = day;
            ++persona.activeKeyDays;
        }
        const risk::RiskAssessment assessment = engine.observe(toRecord(std::move(item.request)));
        if (assessment.score >= options.flagScore) {
            if (!key.flagged) {
                key.flagged = true;
                ++persona.flaggedClients;
            }
            if (!unit.requestsToFlag) {
                unit.requestsToFlag = unit.requests;
            }
            if (key.lastFlaggedDay != day) {
                key.lastFlaggedDay = day;
                ++persona.flaggedKeyDays;
            }
        }
    }

    for (const auto& unit : units) {
        result.personas[unit.persona].requestsToFlag.push_back(unit.requestsToFlag);
    }
    std::uint64_t benignActive = 0;
    std::uint64_t benignFlagged = 0;
    for (auto& p : result.personas) {
        p.flaggedShare = p.clients == 0 ? 0.0 : static_cast<double>(p.flaggedClients) / static_cast<double>(p.clients);
        if (p.kind == PersonaKind::Benign) {
            p.requestsToFlag.clear();
            p.flaggedKeysPerDayShare =
                p.activeKeyDays == 0 ? 0.0
                                     : static_cast<double>(p.flaggedKeyDays) / static_cast<double>(p.activeKeyDays);
            benignActive += p.activeKeyDays;
            benignFlagged += p.flaggedKeyDays;
            continue;
        }
        std::vector<double> sorted;
        for (const auto& r : p.requestsToFlag) {
            sorted.push_back(r ? static_cast<double>(*r) : std::numeric_limits<double>::infinity());
        }
        std::sort(sorted.begin(), sorted.end());
        if (!sorted.empty()) {
            const std::size_t n = sorted.size();
            const double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
            if (median != std::numeric_limits<double>::infinity()) {
                p.medianRequestsToFlag = median;
            }
            if (sorted.back() != std::numeric_limits<double>::infinity()) {
                p.maxRequestsToFlag = static_cast<std::uint64_t>(sorted.back());
            }
        }
    }
    result.benignFlaggedKeysPerDayShare =
        benignActive == 0 ? 0.0 : static_cast<double>(benignFlagged) / static_cast<double>(benignActive);
    result.engineClients = engine.clientCount();
    result.engineMemoryBytes = engine.memoryBytes();
    result.wallSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - wallStart).count();
    return result;
}

} // namespace modelguard::sim
