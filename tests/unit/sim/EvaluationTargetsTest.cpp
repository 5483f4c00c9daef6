// The evaluation targets of the extraction-risk engine (docs/risk.md, "Evaluation"), asserted on the simulated
// population: seed 1 over the full 7 days, and five more seeds over 2 days each (the 6-seed x 7-day run is
// scripts/risk-eval-seeds.sh). Flagged = score >= 60 at any request. One test, so that the benign calibration pass
// runs once per process.
#include "services/sim/Evaluation.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <cstdio>

namespace modelguard::sim {
namespace {

/// Benign traffic of this seed calibrates the engine before every evaluation; no evaluated seed uses it.
constexpr std::uint64_t kCalibrationSeed = 9001;

constexpr int kCalibrationDays = 2;

EvaluationResult evaluate(std::uint64_t seed, int days, const std::shared_ptr<const TextCorpus>& corpus,
                          const risk::Calibration& calibration)
{
    EvaluationOptions options;
    options.seed = seed;
    options.days = days;
    options.corpus = corpus;
    options.riskConfig.calibration = calibration;
    EvaluationResult result = runEvaluation(options);
    std::printf("seed %llu, %d days, %llu requests, %.1f s\n", static_cast<unsigned long long>(seed), days,
                static_cast<unsigned long long>(result.totalRequests), result.wallSeconds);
    for (const auto& p : result.personas) {
        std::printf("  %-18s clients %4zu flagged %6.2f%%", p.persona.c_str(), p.clients, 100.0 * p.flaggedShare);
        if (p.kind == PersonaKind::Attacker) {
            std::printf(" median %8.1f worst %8lld\n", p.medianRequestsToFlag.value_or(-1.0),
                        p.maxRequestsToFlag ? static_cast<long long>(*p.maxRequestsToFlag) : -1LL);
        } else {
            std::printf(" flagged key-days %llu / %llu\n", static_cast<unsigned long long>(p.flaggedKeyDays),
                        static_cast<unsigned long long>(p.activeKeyDays));
        }
    }
    return result;
}

const PersonaResult& persona(const EvaluationResult& result, std::string_view name)
{
    const PersonaResult* p = result.find(name);
    if (p == nullptr) {
        throw std::logic_error("persona missing from the evaluation: " + std::string(name));
    }
    return *p;
}

void expectTargets(const EvaluationResult& result)
{
    for (const char* sweep : {"logit_bias_sweep", "bisection_sweep"}) {
        const auto& p = persona(result, sweep);
        ASSERT_GE(p.clients, 20U);
        EXPECT_EQ(p.flaggedWithin(200), 1.0)
            << sweep << ": every key flagged within 200 requests; worst "
            << (p.maxRequestsToFlag ? std::to_string(*p.maxRequestsToFlag) : std::string("never"));
    }
    {
        const auto& p = persona(result, "harvester");
        EXPECT_TRUE(p.medianRequestsToFlag.has_value()) << "harvester: most keys never flagged";
        EXPECT_LE(p.medianRequestsToFlag.value_or(1e18), 150.0) << "harvester median requests to flag";
        EXPECT_EQ(p.flaggedWithin(500), 1.0) << "harvester: every key within 500 requests";
    }
    EXPECT_GE(persona(result, "mixed_25").flaggedWithin(500), 0.99) << "25 % mixed keys within 500 requests";
    EXPECT_GE(persona(result, "mixed_10").flaggedWithin(1000), 0.90) << "10 % mixed keys within 1,000 requests";
    {
        const auto& p = persona(result, "sybil_campaign");
        EXPECT_FALSE(p.requestsToFlag.empty());
        for (const auto& r : p.requestsToFlag) {
            EXPECT_TRUE(r.has_value()) << "a sybil campaign was never flagged";
            EXPECT_LT(r.value_or(UINT64_MAX), 10'000U) << "requests across the campaign's keys before its flag";
        }
    }
    for (const auto& p : result.personas) {
        if (p.kind != PersonaKind::Benign) {
            continue;
        }
        EXPECT_TRUE(p.flaggedKeysPerDayShare.has_value());
        EXPECT_GT(p.activeKeyDays, 0U) << p.persona;
        EXPECT_LE(p.flaggedKeysPerDayShare.value_or(1.0), 0.001)
            << p.persona << ": " << p.flaggedKeyDays << " of " << p.activeKeyDays << " key-days flagged";
    }
    // Legitimate bulk tenants are reported on their own (and are each within the bound above).
    EXPECT_GE(persona(result, "rag_app").clients, 20U);
    EXPECT_GE(persona(result, "eval_harness").clients, 20U);
    EXPECT_LE(result.benignFlaggedKeysPerDayShare, 0.001);
}

TEST(EvaluationTargets, SevenDaysSeed1AndTwoDaysSeeds2To6)
{
    EvaluationOptions base;
    base.corpus = std::make_shared<const TextCorpus>(TextCorpus::load());
    std::uint64_t calibrationRequests = 0;
    const risk::Calibration calibration =
        calibrateOnBenign(base, kCalibrationSeed, kCalibrationDays, &calibrationRequests);
    std::printf("calibrated on %llu benign requests of seed %llu\n",
                static_cast<unsigned long long>(calibrationRequests),
                static_cast<unsigned long long>(kCalibrationSeed));
    {
        SCOPED_TRACE("seed 1, 7 days");
        expectTargets(evaluate(1, 7, base.corpus, calibration));
    }
    for (std::uint64_t seed = 2; seed <= 6; ++seed) {
        SCOPED_TRACE("seed " + std::to_string(seed) + ", 2 days");
        expectTargets(evaluate(seed, 2, base.corpus, calibration));
    }
}

} // namespace
} // namespace modelguard::sim
