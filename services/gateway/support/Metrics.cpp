#include "services/gateway/support/Metrics.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <mutex>
#include <stdexcept>

namespace modelguard::gateway {

namespace {

bool isMetricName(std::string_view name)
{
    if (name.empty()) {
        return false;
    }
    for (std::size_t i = 0; i < name.size(); ++i) {
        const char c = name[i];
        const bool alpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':';
        if (!alpha && !(i > 0 && c >= '0' && c <= '9')) {
            return false;
        }
    }
    return true;
}

bool isLabelName(std::string_view name)
{
    if (name.empty() || name.starts_with("__")) {
        return false;
    }
    for (std::size_t i = 0; i < name.size(); ++i) {
        const char c = name[i];
        const bool alpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
        if (!alpha && !(i > 0 && c >= '0' && c <= '9')) {
            return false;
        }
    }
    return true;
}

std::string escapeHelp(std::string_view help)
{
    std::string out;
    out.reserve(help.size());
    for (const char c : help) {
        if (c == '\\') {
            out += "\\\\";
        } else if (c == '\n') {
            out += "\\n";
        } else {
            out += c;
        }
    }
    return out;
}

/// Orders label value lists; compares stored keys (values only) with a call's name/value pairs without copying.
struct LabelValuesLess
{
    using is_transparent = void;

    /// <0, 0, >0 like strcmp: lexicographic over the values.
    static int compare(const std::vector<std::string>& stored, const MetricLabels& given)
    {
        const std::size_t n = std::min(stored.size(), given.size());
        for (std::size_t i = 0; i < n; ++i) {
            const int c = stored[i].compare(given[i].second);
            if (c != 0) {
                return c;
            }
        }
        return stored.size() < given.size() ? -1 : (stored.size() > given.size() ? 1 : 0);
    }
    bool operator()(const std::vector<std::string>& a, const std::vector<std::string>& b) const { return a < b; }
    bool operator()(const std::vector<std::string>& a, const MetricLabels& b) const { return compare(a, b) < 0; }
    bool operator()(const MetricLabels& a, const std::vector<std::string>& b) const { return compare(b, a) > 0; }
};

template <typename T>
using MemberMap = std::map<std::vector<std::string>, T, LabelValuesLess>;

std::vector<std::string> valuesOf(const MetricLabels& labels)
{
    std::vector<std::string> values;
    values.reserve(labels.size());
    for (const auto& [name, value] : labels) {
        values.push_back(value);
    }
    return values;
}

void addAtomic(std::atomic<double>& target, double v)
{
    target.fetch_add(v, std::memory_order_relaxed);
}

} // namespace

struct Metrics::Family
{
    std::string name;
    std::string help;
    Type type = Type::Counter;
    std::vector<std::string> labelNames;
    std::vector<double> bounds; // histograms
    MemberMap<std::unique_ptr<Counter>> counters;
    MemberMap<std::unique_ptr<Gauge>> gauges;
    MemberMap<std::function<double()>> callbacks;
    MemberMap<std::unique_ptr<Histogram>> histograms;

    bool sameLabelNames(const MetricLabels& labels) const
    {
        return std::equal(labelNames.begin(), labelNames.end(), labels.begin(), labels.end(),
                          [](const std::string& n, const auto& l) { return n == l.first; });
    }
};

// ---- Counter / Histogram ----------------------------------------------------------------------------------------

void Counter::inc(double v)
{
    if (!(v >= 0.0)) {
        throw std::invalid_argument("Counter::inc: a counter only goes up (got a negative or NaN increment)");
    }
    addAtomic(value_, v);
}

Histogram::Histogram(std::vector<double> upperBounds)
    : bounds_(std::move(upperBounds))
    , counts_(new std::atomic<std::uint64_t>[bounds_.size() + 1])
{
    for (std::size_t i = 0; i <= bounds_.size(); ++i) {
        counts_[i].store(0, std::memory_order_relaxed);
    }
}

void Histogram::observe(double v)
{
    if (std::isnan(v)) {
        return;
    }
    const auto it = std::lower_bound(bounds_.begin(), bounds_.end(), v);
    counts_[static_cast<std::size_t>(it - bounds_.begin())].fetch_add(1, std::memory_order_relaxed);
    addAtomic(sum_, v);
}

Histogram::Snapshot Histogram::snapshot() const
{
    Snapshot s;
    s.upperBounds = bounds_;
    s.cumulative.reserve(bounds_.size() + 1);
    std::uint64_t running = 0;
    for (std::size_t i = 0; i <= bounds_.size(); ++i) {
        running += counts_[i].load(std::memory_order_relaxed);
        s.cumulative.push_back(running);
    }
    s.count = running;
    s.sum = sum_.load(std::memory_order_relaxed);
    return s;
}

// ---- Metrics ----------------------------------------------------------------------------------------------------

Metrics::Metrics() = default;
Metrics::~Metrics() = default;

std::vector<double> Metrics::defaultBuckets()
{
    return {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120};
}

Metrics::Family& Metrics::family(std::string_view name, std::string_view help, Type type, const MetricLabels& labels,
                                 const std::vector<double>* bounds)
{
    // Called with mutex_ held exclusively.
    auto it = families_.find(name);
    if (it == families_.end()) {
        if (!isMetricName(name)) {
            throw std::invalid_argument("Metrics: invalid metric name '" + std::string(name) + "'");
        }
        auto created = std::make_unique<Family>();
        created->name = std::string(name);
        created->help = std::string(help);
        created->type = type;
        for (const auto& [labelName, value] : labels) {
            if (!isLabelName(labelName) || (type == Type::Histogram && labelName == "le")) {
                throw std::invalid_argument("Metrics: invalid label name '" + labelName + "' for '" + std::string(name)
                                            + "'");
            }
            if (std::find(created->labelNames.begin(), created->labelNames.end(), labelName)
                != created->labelNames.end()) {
                throw std::invalid_argument("Metrics: label '" + labelName + "' given twice for '" + std::string(name)
                                            + "'");
            }
            created->labelNames.push_back(labelName);
        }
        if (bounds != nullptr) {
            created->bounds = *bounds;
        }
        it = families_.emplace(std::string(name), std::move(created)).first;
    }
    Family& f = *it->second;
    if (f.type != type) {
        throw std::invalid_argument("Metrics: '" + f.name + "' is already registered with another type");
    }
    if (!f.sameLabelNames(labels)) {
        throw std::invalid_argument("Metrics: '" + f.name + "' is registered with other label names");
    }
    if (bounds != nullptr && *bounds != f.bounds) {
        throw std::invalid_argument("Metrics: '" + f.name + "' is registered with other buckets");
    }
    return f;
}

namespace {

template <typename T>
T* findMember(const MemberMap<std::unique_ptr<T>>& members, const MetricLabels& labels)
{
    const auto it = members.find(labels);
    return it == members.end() ? nullptr : it->second.get();
}

} // namespace

Counter& Metrics::counter(std::string_view name, std::string_view help, const MetricLabels& labels)
{
    {
        std::shared_lock lock(mutex_);
        const auto it = families_.find(name);
        if (it != families_.end() && it->second->type == Type::Counter && it->second->sameLabelNames(labels)) {
            if (Counter* c = findMember(it->second->counters, labels)) {
                return *c;
            }
        }
    }
    std::unique_lock lock(mutex_);
    Family& f = family(name, help, Type::Counter, labels, nullptr);
    auto& slot = f.counters[valuesOf(labels)];
    if (!slot) {
        slot = std::make_unique<Counter>();
    }
    return *slot;
}

Gauge& Metrics::gauge(std::string_view name, std::string_view help, const MetricLabels& labels)
{
    {
        std::shared_lock lock(mutex_);
        const auto it = families_.find(name);
        if (it != families_.end() && it->second->type == Type::Gauge && it->second->sameLabelNames(labels)) {
            if (Gauge* g = findMember(it->second->gauges, labels)) {
                return *g;
            }
        }
    }
    std::unique_lock lock(mutex_);
    Family& f = family(name, help, Type::Gauge, labels, nullptr);
    if (f.callbacks.find(labels) != f.callbacks.end()) {
        throw std::invalid_argument("Metrics: '" + f.name + "' has a callback gauge with these labels");
    }
    auto& slot = f.gauges[valuesOf(labels)];
    if (!slot) {
        slot = std::make_unique<Gauge>();
    }
    return *slot;
}

Histogram& Metrics::histogram(std::string_view name, std::string_view help, std::vector<double> upperBounds,
                              const MetricLabels& labels)
{
    if (upperBounds.empty()) {
        upperBounds = defaultBuckets();
    }
    {
        std::shared_lock lock(mutex_);
        const auto it = families_.find(name);
        if (it != families_.end() && it->second->type == Type::Histogram && it->second->sameLabelNames(labels)
            && it->second->bounds == upperBounds) {
            if (Histogram* h = findMember(it->second->histograms, labels)) {
                return *h;
            }
        }
    }
    for (std::size_t i = 0; i < upperBounds.size(); ++i) {
        if (!std::isfinite(upperBounds[i]) || (i > 0 && !(upperBounds[i] > upperBounds[i - 1]))) {
            throw std::invalid_argument("Metrics: histogram '" + std::string(name)
                                        + "' needs finite, strictly increasing bucket bounds");
        }
    }
    std::unique_lock lock(mutex_);
    Family& f = family(name, help, Type::Histogram, labels, &upperBounds);
    auto& slot = f.histograms[valuesOf(labels)];
    if (!slot) {
        slot = std::make_unique<Histogram>(f.bounds);
    }
    return *slot;
}

void Metrics::callbackGauge(std::string_view name, std::string_view help, const MetricLabels& labels,
                            std::function<double()> read)
{
    if (!read) {
        throw std::invalid_argument("Metrics: callback gauge '" + std::string(name) + "' needs a function");
    }
    std::unique_lock lock(mutex_);
    Family& f = family(name, help, Type::Gauge, labels, nullptr);
    if (f.gauges.find(labels) != f.gauges.end()) {
        throw std::invalid_argument("Metrics: '" + f.name + "' has a plain gauge with these labels");
    }
    f.callbacks[valuesOf(labels)] = std::move(read);
}

std::string Metrics::formatValue(double v)
{
    if (std::isnan(v)) {
        return "NaN";
    }
    if (std::isinf(v)) {
        return v > 0 ? "+Inf" : "-Inf";
    }
    char buffer[64];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, v);
    return std::string(buffer, result.ptr);
}

std::string Metrics::escapeLabelValue(std::string_view value)
{
    std::string out;
    out.reserve(value.size());
    for (const char c : value) {
        if (c == '\\') {
            out += "\\\\";
        } else if (c == '"') {
            out += "\\\"";
        } else if (c == '\n') {
            out += "\\n";
        } else {
            out += c;
        }
    }
    return out;
}

namespace {

/// `{a="x",b="y"` plus an optional extra label, closed with '}'; empty when there are no labels at all.
std::string labelBlock(const std::vector<std::string>& names, const std::vector<std::string>& values,
                       std::string_view extraName = {}, std::string_view extraValue = {})
{
    if (names.empty() && extraName.empty()) {
        return {};
    }
    std::string out = "{";
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (i > 0) {
            out += ',';
        }
        out += names[i];
        out += "=\"";
        out += Metrics::escapeLabelValue(values[i]);
        out += '"';
    }
    if (!extraName.empty()) {
        if (!names.empty()) {
            out += ',';
        }
        out += extraName;
        out += "=\"";
        out += extraValue;
        out += '"';
    }
    out += '}';
    return out;
}

void sampleLine(std::string& out, std::string_view name, std::string_view suffix, const std::string& labels,
                double value)
{
    out += name;
    out += suffix;
    out += labels;
    out += ' ';
    out += Metrics::formatValue(value);
    out += '\n';
}

} // namespace

std::string Metrics::render() const
{
    std::string out;
    std::shared_lock lock(mutex_);
    for (const auto& [name, familyPtr] : families_) {
        const Family& f = *familyPtr;
        out += "# HELP ";
        out += name;
        out += ' ';
        out += escapeHelp(f.help);
        out += "\n# TYPE ";
        out += name;
        switch (f.type) {
        case Type::Counter:
            out += " counter\n";
            for (const auto& [values, c] : f.counters) {
                sampleLine(out, name, {}, labelBlock(f.labelNames, values), c->value());
            }
            break;
        case Type::Gauge: {
            out += " gauge\n";
            // Plain and callback members, merged in label order.
            std::map<std::vector<std::string>, double> merged;
            for (const auto& [values, g] : f.gauges) {
                merged.emplace(values, g->value());
            }
            for (const auto& [values, read] : f.callbacks) {
                merged.emplace(values, read());
            }
            for (const auto& [values, v] : merged) {
                sampleLine(out, name, {}, labelBlock(f.labelNames, values), v);
            }
            break;
        }
        case Type::Histogram:
            out += " histogram\n";
            for (const auto& [values, h] : f.histograms) {
                const Histogram::Snapshot s = h->snapshot();
                for (std::size_t i = 0; i < s.upperBounds.size(); ++i) {
                    sampleLine(out, name, "_bucket",
                               labelBlock(f.labelNames, values, "le", formatValue(s.upperBounds[i])),
                               static_cast<double>(s.cumulative[i]));
                }
                sampleLine(out, name, "_bucket", labelBlock(f.labelNames, values, "le", "+Inf"),
                           static_cast<double>(s.count));
                const std::string labels = labelBlock(f.labelNames, values);
                sampleLine(out, name, "_sum", labels, s.sum);
                sampleLine(out, name, "_count", labels, static_cast<double>(s.count));
            }
            break;
        }
    }
    return out;
}

} // namespace modelguard::gateway
