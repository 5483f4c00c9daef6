#pragma once
// Benign calibration of the risk features: for each feature (and for the combined per-window statistic) a histogram
// of the values benign clients produce, learned from live traffic, saved and loaded as JSON. It answers "how often
// does a benign window look at least this extreme?" (an upper-tail probability). Until a feature has enough learned
// samples, a conservative built-in default tail is used.
// Thread safety: none; copy it to share.

#include "core/risk/Feature.h"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace modelguard::risk {

/// Windows of two lengths are scored: short windows react fast, long windows see diluted (mixed-in) behaviour.
enum class WindowScale : std::uint8_t { Short = 0, Long = 1 };
inline constexpr std::size_t kWindowScales = 2;

class Calibration
{
public:
    static constexpr std::size_t kBins = 256;
    /// Fewer learned samples than this and a feature keeps its built-in default tail.
    static constexpr std::uint64_t kMinSamples = 200;

    Calibration();

    /// Records one benign window's value of a feature (NaN is ignored, infinities are clamped).
    void learn(WindowScale scale, Feature feature, double value) noexcept;
    /// Records one benign window's combined statistic (see RiskEngine: the weighted sum of feature evidence).
    void learnCombined(WindowScale scale, double value) noexcept;
    /// Adds another calibration's learned counts to this one (e.g. from several gateways).
    void merge(const Calibration& other) noexcept;
    void clear() noexcept;

    std::uint64_t sampleCount(WindowScale scale, Feature feature) const noexcept;
    std::uint64_t combinedSampleCount(WindowScale scale) const noexcept;

    /// P(benign value >= value), in (0, 1]. Beyond the largest learned value the tail keeps falling exponentially
    /// with the distance, so that values far outside benign behaviour weigh more than values just outside it.
    double tailProbability(WindowScale scale, Feature feature, double value) const noexcept;
    double combinedTailProbability(WindowScale scale, double value) const noexcept;
    /// The learned q-quantile of the combined statistic (nullopt until enough samples).
    std::optional<double> combinedQuantile(WindowScale scale, double q) const noexcept;

    /// JSON text: {"format":"modelguard-risk-calibration","version":1,"scales":[...]} with sparse histograms.
    std::string toJson() const;
    /// Parses toJson() output. On error returns nullopt and sets *error (when given); nothing else changes.
    static std::optional<Calibration> fromJson(std::string_view json, std::string* error = nullptr);
    /// File helpers: false/nullopt with *error set on I/O or format errors.
    bool save(const std::string& path, std::string* error = nullptr) const;
    static std::optional<Calibration> load(const std::string& path, std::string* error = nullptr);

    bool operator==(const Calibration& other) const noexcept = default;

private:
    using Histogram = std::array<std::uint64_t, kBins>;
    struct ScaleData
    {
        std::array<Histogram, kFeatureCount> features {};
        std::array<std::uint64_t, kFeatureCount> totals {};
        Histogram combined {};
        std::uint64_t combinedTotal = 0;
        bool operator==(const ScaleData&) const noexcept = default;
    };
    std::array<ScaleData, kWindowScales> m_scales {};
};

} // namespace modelguard::risk
