#include "core/risk/Calibration.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <sstream>

namespace modelguard::risk {

namespace {

constexpr double kBinsPerDoubling = 8.0;
constexpr double kCombinedBinsPerUnit = 2.0;
constexpr double kMinProbability = 1e-12;

std::size_t scaleIndex(WindowScale s) noexcept
{
    return static_cast<std::size_t>(s);
}

double sanitize(double v) noexcept
{
    if (std::isnan(v)) {
        return 0.0;
    }
    return std::clamp(v, 0.0, 1e18);
}

std::size_t featureBin(FeatureScale scale, double v) noexcept
{
    v = sanitize(v);
    double b = scale == FeatureScale::Share ? std::round(std::min(v, 1.0) * 100.0)
                                            : std::floor(kBinsPerDoubling * std::log2(1.0 + v));
    return static_cast<std::size_t>(std::clamp(b, 0.0, static_cast<double>(Calibration::kBins - 1)));
}

std::size_t combinedBin(double v) noexcept
{
    v = sanitize(v);
    return static_cast<std::size_t>(
        std::clamp(std::floor(v * kCombinedBinsPerUnit), 0.0, static_cast<double>(Calibration::kBins - 1)));
}

/// Empirical upper tail with +1/2 smoothing, exponential continuation beyond the largest observed bin.
double empiricalTail(const std::array<std::uint64_t, Calibration::kBins>& hist, std::uint64_t total, std::size_t bin,
                     double decayPerBin) noexcept
{
    std::uint64_t tail = 0;
    std::size_t maxBin = 0;
    for (std::size_t i = 0; i < Calibration::kBins; ++i) {
        if (hist[i] != 0) {
            maxBin = i;
            if (i >= bin) {
                tail += hist[i];
            }
        }
    }
    const double n = static_cast<double>(total);
    if (tail > 0) {
        return std::clamp((static_cast<double>(tail) + 0.5) / (n + 1.0), kMinProbability, 1.0);
    }
    const double beyond = static_cast<double>(bin - maxBin);
    return std::max(kMinProbability, 0.5 / (n + 1.0) * std::exp(-decayPerBin * beyond));
}

} // namespace

Calibration::Calibration() = default;

void Calibration::learn(WindowScale scale, Feature feature, double value) noexcept
{
    if (std::isnan(value) || feature >= Feature::Count) {
        return;
    }
    auto& s = m_scales[scaleIndex(scale)];
    const auto f = static_cast<std::size_t>(feature);
    ++s.features[f][featureBin(featureInfo(feature).scale, value)];
    ++s.totals[f];
}

void Calibration::learnCombined(WindowScale scale, double value) noexcept
{
    if (std::isnan(value)) {
        return;
    }
    auto& s = m_scales[scaleIndex(scale)];
    ++s.combined[combinedBin(value)];
    ++s.combinedTotal;
}

void Calibration::merge(const Calibration& other) noexcept
{
    for (std::size_t sc = 0; sc < kWindowScales; ++sc) {
        auto& mine = m_scales[sc];
        const auto& theirs = other.m_scales[sc];
        for (std::size_t f = 0; f < kFeatureCount; ++f) {
            for (std::size_t b = 0; b < kBins; ++b) {
                mine.features[f][b] += theirs.features[f][b];
            }
            mine.totals[f] += theirs.totals[f];
        }
        for (std::size_t b = 0; b < kBins; ++b) {
            mine.combined[b] += theirs.combined[b];
        }
        mine.combinedTotal += theirs.combinedTotal;
    }
}

void Calibration::clear() noexcept
{
    m_scales = {};
}

std::uint64_t Calibration::sampleCount(WindowScale scale, Feature feature) const noexcept
{
    if (feature >= Feature::Count) {
        return 0;
    }
    return m_scales[scaleIndex(scale)].totals[static_cast<std::size_t>(feature)];
}

std::uint64_t Calibration::combinedSampleCount(WindowScale scale) const noexcept
{
    return m_scales[scaleIndex(scale)].combinedTotal;
}

double Calibration::tailProbability(WindowScale scale, Feature feature, double value) const noexcept
{
    if (feature >= Feature::Count) {
        return 1.0;
    }
    const auto& info = featureInfo(feature);
    const auto& s = m_scales[scaleIndex(scale)];
    const auto f = static_cast<std::size_t>(feature);
    value = sanitize(value);
    if (s.totals[f] < kMinSamples) {
        if (value <= info.defaultKnee) {
            return 1.0;
        }
        return std::max(kMinProbability, std::exp(-(value - info.defaultKnee) / info.defaultSpread));
    }
    // Shares: e^-4 for a window 100 points beyond benign; magnitudes: e^-2 per doubling beyond benign.
    const double decay = info.scale == FeatureScale::Share ? 0.04 : 0.25;
    return empiricalTail(s.features[f], s.totals[f], featureBin(info.scale, value), decay);
}

double Calibration::combinedTailProbability(WindowScale scale, double value) const noexcept
{
    const auto& s = m_scales[scaleIndex(scale)];
    value = sanitize(value);
    if (s.combinedTotal < kMinSamples) {
        return std::max(kMinProbability, std::exp(-value / 2.0));
    }
    return empiricalTail(s.combined, s.combinedTotal, combinedBin(value), 0.5);
}

std::optional<double> Calibration::combinedQuantile(WindowScale scale, double q) const noexcept
{
    const auto& s = m_scales[scaleIndex(scale)];
    if (s.combinedTotal < kMinSamples || !(q >= 0.0 && q <= 1.0)) {
        return std::nullopt;
    }
    const double target = q * static_cast<double>(s.combinedTotal);
    double cumulative = 0.0;
    for (std::size_t b = 0; b < kBins; ++b) {
        cumulative += static_cast<double>(s.combined[b]);
        if (cumulative >= target) {
            return (static_cast<double>(b) + 1.0) / kCombinedBinsPerUnit;
        }
    }
    return static_cast<double>(kBins) / kCombinedBinsPerUnit;
}

std::string Calibration::toJson() const
{
    using nlohmann::json;
    auto sparse = [](const Histogram& h) {
        json bins = json::array();
        for (std::size_t b = 0; b < kBins; ++b) {
            if (h[b] != 0) {
                bins.push_back(json::array({b, h[b]}));
            }
        }
        return bins;
    };
    json scales = json::array();
    for (std::size_t sc = 0; sc < kWindowScales; ++sc) {
        const auto& s = m_scales[sc];
        json features = json::object();
        for (const auto& info : featureTable()) {
            const auto f = static_cast<std::size_t>(info.feature);
            if (s.totals[f] != 0) {
                features[std::string(info.id)] = sparse(s.features[f]);
            }
        }
        scales.push_back(
            {{"window", sc == 0 ? "short" : "long"}, {"features", features}, {"combined", sparse(s.combined)}});
    }
    json root {{"format", "modelguard-risk-calibration"}, {"version", 1}, {"scales", scales}};
    return root.dump();
}

std::optional<Calibration> Calibration::fromJson(std::string_view text, std::string* error)
{
    using nlohmann::json;
    auto fail = [error](const std::string& why) -> std::optional<Calibration> {
        if (error != nullptr) {
            *error = "calibration: " + why;
        }
        return std::nullopt;
    };
    json root = json::parse(text.begin(), text.end(), nullptr, false);
    if (root.is_discarded() || !root.is_object()) {
        return fail("not a JSON object");
    }
    const auto format = root.find("format");
    if (format == root.end() || !format->is_string() || *format != "modelguard-risk-calibration") {
        return fail("missing or wrong \"format\"");
    }
    if (!root.contains("version") || !root["version"].is_number_integer() || root["version"].get<int>() != 1) {
        return fail("unsupported \"version\" (expected 1)");
    }
    const auto it = root.find("scales");
    if (it == root.end() || !it->is_array() || it->size() != kWindowScales) {
        return fail("\"scales\" must be an array of 2 window scales");
    }
    auto readHist = [](const json& bins, Histogram& hist, std::uint64_t& total, std::string& why) {
        if (!bins.is_array()) {
            why = "histogram is not an array";
            return false;
        }
        for (const auto& pair : bins) {
            if (!pair.is_array() || pair.size() != 2 || !pair[0].is_number_unsigned()
                || !pair[1].is_number_unsigned()) {
                why = "histogram entry must be [bin, count] with non-negative integers";
                return false;
            }
            const auto bin = pair[0].get<std::uint64_t>();
            const auto count = pair[1].get<std::uint64_t>();
            if (bin >= kBins) {
                why = "histogram bin out of range";
                return false;
            }
            if (count > (std::uint64_t {1} << 53) || total > (std::uint64_t {1} << 60)) {
                why = "histogram count too large";
                return false;
            }
            hist[bin] += count;
            total += count;
        }
        return true;
    };
    Calibration result;
    for (std::size_t sc = 0; sc < kWindowScales; ++sc) {
        const json& s = (*it)[sc];
        if (!s.is_object()) {
            return fail("window scale is not an object");
        }
        auto& data = result.m_scales[sc];
        std::string why;
        if (const auto feats = s.find("features"); feats != s.end()) {
            if (!feats->is_object()) {
                return fail("\"features\" is not an object");
            }
            for (const auto& [name, bins] : feats->items()) {
                const auto feature = featureFromId(name);
                if (!feature) {
                    return fail("unknown feature \"" + name + "\"");
                }
                const auto f = static_cast<std::size_t>(*feature);
                if (!readHist(bins, data.features[f], data.totals[f], why)) {
                    return fail(name + ": " + why);
                }
            }
        }
        if (const auto comb = s.find("combined"); comb != s.end()) {
            if (!readHist(*comb, data.combined, data.combinedTotal, why)) {
                return fail("combined: " + why);
            }
        }
    }
    return result;
}

bool Calibration::save(const std::string& path, std::string* error) const
{
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    if (!out) {
        if (error != nullptr) {
            *error = "calibration: cannot open " + path + " for writing";
        }
        return false;
    }
    out << toJson() << '\n';
    out.flush();
    if (!out) {
        if (error != nullptr) {
            *error = "calibration: write to " + path + " failed";
        }
        return false;
    }
    return true;
}

std::optional<Calibration> Calibration::load(const std::string& path, std::string* error)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        if (error != nullptr) {
            *error = "calibration: cannot open " + path;
        }
        return std::nullopt;
    }
    std::ostringstream buffer;
    buffer << in.rdbuf();
    return fromJson(buffer.str(), error);
}

} // namespace modelguard::risk
