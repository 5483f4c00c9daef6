#include "core/risk/Feature.h"

namespace modelguard::risk {

namespace {

// Default knees/spreads are deliberately conservative (benign traffic rarely gets there); a learned Calibration
// replaces them. Weights: parameter abuse and content signals weigh more than pacing, which benign batch jobs share.
constexpr std::array<FeatureInfo, kFeatureCount> kTable {{
    {Feature::LogitProbe, "logit_probe", FeatureScale::Share, 1.0, 0.3, 0.1},
    {Feature::BiasExtreme, "bias_extreme", FeatureScale::Share, 1.0, 0.3, 0.1},
    {Feature::TinyOutput, "tiny_output", FeatureScale::Share, 0.5, 0.8, 0.1},
    {Feature::TempZero, "temperature_zero", FeatureScale::Share, 0.3, 0.9, 0.1},
    {Feature::MultiSample, "multi_sample", FeatureScale::Share, 0.5, 0.5, 0.1},
    {Feature::TemplateShare, "template_share", FeatureScale::Share, 0.5, 0.9, 0.05},
    {Feature::SingleTurn, "single_turn", FeatureScale::Share, 0.3, 1.0, 0.05},
    {Feature::Novelty, "novelty", FeatureScale::Share, 0.3, 1.0, 0.05},
    {Feature::NearDuplicate, "near_duplicate", FeatureScale::Share, 1.0, 0.3, 0.1},
    {Feature::ExactRepeat, "exact_repeat", FeatureScale::Share, 0.5, 0.5, 0.1},
    {Feature::InstructLong, "instruct_long", FeatureScale::Share, 1.0, 0.3, 0.1},
    {Feature::StructuredOutput, "structured_output", FeatureScale::Share, 1.0, 0.3, 0.1},
    {Feature::ChainOfThought, "chain_of_thought", FeatureScale::Share, 1.0, 0.2, 0.1},
    {Feature::Boundary, "boundary", FeatureScale::Share, 1.0, 0.15, 0.05},
    {Feature::RatePerHour, "rate", FeatureScale::Magnitude, 0.5, 600.0, 300.0},
    {Feature::RateVsOwn, "rate_vs_own", FeatureScale::Magnitude, 0.3, 8.0, 4.0},
    {Feature::TokenRate, "token_rate", FeatureScale::Magnitude, 0.5, 200000.0, 100000.0},
    {Feature::Regularity, "regularity", FeatureScale::Share, 0.5, 0.8, 0.05},
    {Feature::ActiveHours, "active_hours", FeatureScale::Share, 0.5, 0.75, 0.1},
    {Feature::OutputTokens, "output_tokens", FeatureScale::Magnitude, 0.3, 1500.0, 500.0},
    {Feature::OutputInputRatio, "output_input_ratio", FeatureScale::Magnitude, 0.3, 20.0, 10.0},
    {Feature::Coverage, "coverage", FeatureScale::Share, 0.5, 0.9, 0.05},
    {Feature::HarvestShape, "harvest_shape", FeatureScale::Share, 1.0, 0.3, 0.1},
}};

constexpr bool tableInEnumOrder()
{
    for (std::size_t i = 0; i < kFeatureCount; ++i) {
        if (static_cast<std::size_t>(kTable[i].feature) != i || kTable[i].id.empty()) {
            return false;
        }
    }
    return true;
}
static_assert(tableInEnumOrder(), "featureTable() rows must follow the Feature enum");

} // namespace

const std::array<FeatureInfo, kFeatureCount>& featureTable() noexcept
{
    return kTable;
}

const FeatureInfo& featureInfo(Feature f) noexcept
{
    return kTable[static_cast<std::size_t>(f)];
}

std::optional<Feature> featureFromId(std::string_view id) noexcept
{
    for (const auto& info : kTable) {
        if (info.id == id) {
            return info.feature;
        }
    }
    return std::nullopt;
}

} // namespace modelguard::risk
