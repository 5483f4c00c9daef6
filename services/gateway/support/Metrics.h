#pragma once
// Prometheus metrics of the gateway: counter, gauge and histogram families with labels, rendered in the Prometheus
// text exposition format 0.0.4 (GET /metrics). Thread-safe. Updating a metric is lock-free (atomics); looking up a
// family member by label values takes a shared lock, creating one an exclusive lock. References returned stay valid
// for the life of the Metrics object, so hot paths may look a metric up once and keep the reference.

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace modelguard::gateway {

/// Label name/value pairs, e.g. {{"endpoint", "chat"}, {"status", "200"}}. Every member of a family has the same
/// label names in the same order; values may hold any bytes (they are escaped when rendered).
using MetricLabels = std::vector<std::pair<std::string, std::string>>;

/// Monotonic counter.
class Counter
{
public:
    /// Adds v (>= 0; a negative or NaN v throws std::invalid_argument: counters never go down).
    void inc(double v = 1.0);
    double value() const { return value_.load(std::memory_order_relaxed); }

private:
    std::atomic<double> value_ {0.0};
};

/// Value that goes up and down.
class Gauge
{
public:
    void set(double v) { value_.store(v, std::memory_order_relaxed); }
    void inc(double v = 1.0) { value_.fetch_add(v, std::memory_order_relaxed); }
    void dec(double v = 1.0) { value_.fetch_sub(v, std::memory_order_relaxed); }
    double value() const { return value_.load(std::memory_order_relaxed); }

private:
    std::atomic<double> value_ {0.0};
};

/// Distribution over fixed buckets (upper bounds, e.g. seconds).
class Histogram
{
public:
    explicit Histogram(std::vector<double> upperBounds);
    /// Counts v in the first bucket whose upper bound is >= v (the implicit +Inf bucket otherwise). NaN is ignored.
    void observe(double v);

    struct Snapshot
    {
        std::vector<double> upperBounds;       ///< without +Inf
        std::vector<std::uint64_t> cumulative; ///< one per bound, then one for +Inf (== count)
        double sum = 0;
        std::uint64_t count = 0;
    };
    Snapshot snapshot() const;

private:
    std::vector<double> bounds_;
    std::unique_ptr<std::atomic<std::uint64_t>[]> counts_; // bounds_.size() + 1, not cumulative
    std::atomic<double> sum_ {0.0};
};

class Metrics
{
public:
    Metrics();
    ~Metrics();
    Metrics(const Metrics&) = delete;
    Metrics& operator=(const Metrics&) = delete;

    /// The member of family `name` with these labels, created on first use. The first call for a name fixes its
    /// type, help text, label names (and buckets); a later call that disagrees on type, label names or buckets, or an
    /// invalid metric/label name, throws std::invalid_argument. Names: [a-zA-Z_:][a-zA-Z0-9_:]*; label names:
    /// [a-zA-Z_][a-zA-Z0-9_]*, not starting with "__"; "le" is reserved for histograms.
    Counter& counter(std::string_view name, std::string_view help, const MetricLabels& labels = {});
    Gauge& gauge(std::string_view name, std::string_view help, const MetricLabels& labels = {});
    /// upperBounds: finite, strictly increasing (the +Inf bucket is implicit); empty = defaultBuckets().
    Histogram& histogram(std::string_view name, std::string_view help, std::vector<double> upperBounds,
                         const MetricLabels& labels = {});
    /// A gauge whose value is read from `read` at render time (e.g. open connections, pool size). `read` must stay
    /// callable for the life of this object and must not call back into it. Re-registering the same labels
    /// replaces the function.
    void callbackGauge(std::string_view name, std::string_view help, const MetricLabels& labels,
                       std::function<double()> read);

    /// Latency buckets in seconds: 5 ms .. 120 s (suits LLM calls).
    static std::vector<double> defaultBuckets();

    /// Every family, sorted by name, members sorted by label values:
    ///   # HELP name help
    ///   # TYPE name counter|gauge|histogram
    ///   name{label="value"} 1
    ///   name_bucket{label="value",le="0.5"} 3   ... le="+Inf", then name_sum and name_count
    std::string render() const;

    /// Content-Type of render()'s output.
    static constexpr std::string_view kContentType = "text/plain; version=0.0.4; charset=utf-8";

    /// The exposition format's number syntax: shortest round-trip decimal, "+Inf", "-Inf", "NaN".
    static std::string formatValue(double v);
    /// Label value escaping: backslash, double quote and line feed become \\, \" and \n.
    static std::string escapeLabelValue(std::string_view value);

private:
    enum class Type { Counter, Gauge, Histogram };
    struct Family;
    Family& family(std::string_view name, std::string_view help, Type type, const MetricLabels& labels,
                   const std::vector<double>* bounds);

    mutable std::shared_mutex mutex_;
    std::map<std::string, std::unique_ptr<Family>, std::less<>> families_;
};

} // namespace modelguard::gateway
