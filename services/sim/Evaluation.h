#pragma once
// The evaluation harness of the extraction-risk engine: simulates the whole population for a number of days, feeds
// every request in time order to one risk::RiskEngine, and measures per persona how many clients get flagged
// (score >= flagScore at any observation), how quickly attackers are flagged and how often benign keys are.

#include "core/risk/RiskEngine.h"
#include "services/sim/TextCorpus.h"
#include "services/sim/TrafficSource.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace modelguard::sim {

struct EvaluationOptions
{
    std::uint64_t seed = 1;
    int days = 7; ///< simulated days, 1..60
    PopulationOptions population;
    risk::RiskConfig riskConfig;
    double flagScore = 60.0; ///< a key is "flagged" when an observation returns a score >= this
    CorpusPaths corpusPaths;
    /// Optional: an already loaded corpus (saves loading it again across runs).
    std::shared_ptr<const TextCorpus> corpus;
    /// When set, the engine is first calibrated on benign traffic only: the benign personas simulated with this
    /// seed (which must differ from `seed`, so that the evaluated tenants are not the calibration tenants) for
    /// calibrationDays, through an engine with learnCalibration; the evaluation then runs with the learned
    /// calibration (riskConfig.calibration is replaced).
    std::optional<std::uint64_t> calibrationSeed;
    int calibrationDays = 2;
};

struct PersonaResult
{
    std::string persona;
    PersonaKind kind = PersonaKind::Benign;
    std::size_t clients = 0;        ///< keys
    std::size_t flaggedClients = 0; ///< keys flagged at least once
    double flaggedShare = 0.0;
    std::uint64_t requests = 0;

    /// Attackers: requests until the first flag per attacking unit (a key; for sybil_campaign a campaign, counting
    /// the requests of all its keys); nullopt = never flagged within the simulated period.
    std::vector<std::optional<std::uint64_t>> requestsToFlag;
    /// Median and maximum of requestsToFlag with "never" counted as infinite: nullopt when that statistic is
    /// infinite (for the maximum: when any unit was never flagged). Benign: always nullopt.
    std::optional<double> medianRequestsToFlag;
    std::optional<std::uint64_t> maxRequestsToFlag;

    /// Benign: flagged key-days / active key-days (a key-day is active when the key sent a request that simulated
    /// UTC day, flagged when one of that day's observations scored >= flagScore). Attackers: nullopt.
    std::optional<double> flaggedKeysPerDayShare;
    std::uint64_t activeKeyDays = 0;
    std::uint64_t flaggedKeyDays = 0;

    /// Share of units flagged within `limit` requests (units never flagged count as not flagged).
    double flaggedWithin(std::uint64_t limit) const noexcept;
};

struct EvaluationResult
{
    std::uint64_t seed = 0;
    int days = 0;
    std::uint64_t totalRequests = 0;
    std::optional<std::uint64_t> calibrationSeed;
    std::uint64_t calibrationRequests = 0; ///< benign requests the calibration pass fed
    double wallSeconds = 0.0;
    std::size_t engineClients = 0;
    std::size_t engineMemoryBytes = 0;
    std::vector<PersonaResult> personas; ///< benign personas first, then attackers, in population order
    /// All benign personas together: flagged key-days / active key-days.
    double benignFlaggedKeysPerDayShare = 0.0;

    const PersonaResult* find(std::string_view persona) const noexcept;
};

/// The calibration pass on its own: the benign personas of `options.population` simulated with `seed` for `days`
/// through an engine configured with `options.riskConfig` and learnCalibration; returns the learned calibration.
/// `requests` (optional) receives the number of requests fed.
risk::Calibration calibrateOnBenign(const EvaluationOptions& options, std::uint64_t seed, int days,
                                    std::uint64_t* requests = nullptr);

/// Runs the evaluation. Throws std::invalid_argument for out-of-range options and std::runtime_error when the
/// corpus files are missing.
EvaluationResult runEvaluation(const EvaluationOptions& options);

} // namespace modelguard::sim
