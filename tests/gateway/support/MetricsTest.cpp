// Metrics: Prometheus text exposition 0.0.4, checked by parsing the rendered text back.

#include "services/gateway/support/Metrics.h"

#include <gtest/gtest.h>

#include <charconv>
#include <cmath>
#include <map>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

using modelguard::gateway::Counter;
using modelguard::gateway::Metrics;

namespace {

struct Sample
{
    std::string name;
    std::vector<std::pair<std::string, std::string>> labels; // unescaped
    double value = 0;
};

struct Parsed
{
    std::map<std::string, std::string> help; // name -> help text (escaped form)
    std::map<std::string, std::string> type;
    std::vector<Sample> samples;
    std::vector<std::string> errors;

    /// Value of the sample with this name and exactly these labels; NaN when absent.
    double value(const std::string& name, const std::vector<std::pair<std::string, std::string>>& labels = {}) const
    {
        for (const Sample& s : samples) {
            if (s.name == name && s.labels == labels) {
                return s.value;
            }
        }
        return std::nan("");
    }
};

double parseNumber(const std::string& text, bool& ok)
{
    ok = true;
    if (text == "+Inf") {
        return INFINITY;
    }
    if (text == "-Inf") {
        return -INFINITY;
    }
    if (text == "NaN") {
        return NAN;
    }
    double v = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), v);
    ok = error == std::errc {} && end == text.data() + text.size();
    return v;
}

/// A strict reader of the text format: every line is a HELP/TYPE comment or `name{labels} value`.
Parsed parseExposition(const std::string& text)
{
    Parsed out;
    if (!text.empty() && text.back() != '\n') {
        out.errors.push_back("output does not end with a line feed");
    }
    std::istringstream in(text);
    std::string line;
    while (std::getline(in, line)) {
        if (line.starts_with("# HELP ")) {
            const auto rest = line.substr(7);
            const auto space = rest.find(' ');
            out.help[rest.substr(0, space)] = space == std::string::npos ? "" : rest.substr(space + 1);
            continue;
        }
        if (line.starts_with("# TYPE ")) {
            const auto rest = line.substr(7);
            const auto space = rest.find(' ');
            out.type[rest.substr(0, space)] = rest.substr(space + 1);
            continue;
        }
        Sample s;
        std::size_t i = 0;
        while (i < line.size() && line[i] != '{' && line[i] != ' ') {
            s.name += line[i++];
        }
        if (i < line.size() && line[i] == '{') {
            ++i;
            while (i < line.size() && line[i] != '}') {
                std::string name;
                while (i < line.size() && line[i] != '=') {
                    name += line[i++];
                }
                if (i + 1 >= line.size() || line[i + 1] != '"') {
                    out.errors.push_back("bad label in: " + line);
                    break;
                }
                i += 2;
                std::string value;
                while (i < line.size() && line[i] != '"') {
                    if (line[i] == '\\' && i + 1 < line.size()) {
                        const char next = line[i + 1];
                        value += next == 'n' ? '\n' : next;
                        i += 2;
                    } else {
                        value += line[i++];
                    }
                }
                ++i; // closing quote
                if (i < line.size() && line[i] == ',') {
                    ++i;
                }
                s.labels.emplace_back(name, value);
            }
            ++i; // '}'
        }
        if (i >= line.size() || line[i] != ' ') {
            out.errors.push_back("no value in: " + line);
            continue;
        }
        bool ok = false;
        s.value = parseNumber(line.substr(i + 1), ok);
        if (!ok) {
            out.errors.push_back("bad number in: " + line);
        }
        out.samples.push_back(std::move(s));
    }
    return out;
}

} // namespace

TEST(Metrics, CounterAndGaugeRenderWithHelpAndType)
{
    Metrics m;
    m.counter("mg_requests_total", "Requests received.", {{"endpoint", "chat"}, {"status", "200"}}).inc();
    m.counter("mg_requests_total", "Requests received.", {{"endpoint", "chat"}, {"status", "200"}}).inc(2);
    m.counter("mg_requests_total", "Requests received.", {{"endpoint", "embeddings"}, {"status", "429"}}).inc();
    auto& inflight = m.gauge("mg_inflight", "Requests in flight.");
    inflight.inc(5);
    inflight.dec(2);
    m.gauge("mg_temperature", "Fractional.").set(-0.25);

    const std::string text = m.render();
    const Parsed p = parseExposition(text);
    ASSERT_TRUE(p.errors.empty()) << p.errors.front() << "\n" << text;
    EXPECT_EQ(p.type.at("mg_requests_total"), "counter");
    EXPECT_EQ(p.help.at("mg_requests_total"), "Requests received.");
    EXPECT_EQ(p.type.at("mg_inflight"), "gauge");
    EXPECT_EQ(p.value("mg_requests_total", {{"endpoint", "chat"}, {"status", "200"}}), 3.0);
    EXPECT_EQ(p.value("mg_requests_total", {{"endpoint", "embeddings"}, {"status", "429"}}), 1.0);
    EXPECT_EQ(p.value("mg_inflight"), 3.0);
    EXPECT_EQ(p.value("mg_temperature"), -0.25);
    // Integral values print without a fraction; HELP and TYPE come before the family's samples.
    EXPECT_NE(text.find("mg_inflight 3\n"), std::string::npos) << text;
    EXPECT_LT(text.find("# TYPE mg_requests_total counter"), text.find("mg_requests_total{"));
    // Families are sorted by name.
    EXPECT_LT(text.find("# HELP mg_inflight"), text.find("# HELP mg_requests_total"));
}

TEST(Metrics, HistogramBucketsAreCumulativeWithSumAndCount)
{
    Metrics m;
    auto& h = m.histogram("mg_upstream_seconds", "Upstream latency.", {0.1, 1, 10}, {{"endpoint", "chat"}});
    for (const double v : {0.05, 0.1, 0.5, 0.5, 5.0, 50.0}) {
        h.observe(v);
    }
    h.observe(std::nan("")); // ignored

    const std::string text = m.render();
    const Parsed p = parseExposition(text);
    ASSERT_TRUE(p.errors.empty()) << p.errors.front() << "\n" << text;
    EXPECT_EQ(p.type.at("mg_upstream_seconds"), "histogram");
    EXPECT_EQ(p.value("mg_upstream_seconds_bucket", {{"endpoint", "chat"}, {"le", "0.1"}}), 2.0); // le is inclusive
    EXPECT_EQ(p.value("mg_upstream_seconds_bucket", {{"endpoint", "chat"}, {"le", "1"}}), 4.0);
    EXPECT_EQ(p.value("mg_upstream_seconds_bucket", {{"endpoint", "chat"}, {"le", "10"}}), 5.0);
    EXPECT_EQ(p.value("mg_upstream_seconds_bucket", {{"endpoint", "chat"}, {"le", "+Inf"}}), 6.0);
    EXPECT_EQ(p.value("mg_upstream_seconds_count", {{"endpoint", "chat"}}), 6.0);
    EXPECT_DOUBLE_EQ(p.value("mg_upstream_seconds_sum", {{"endpoint", "chat"}}), 56.15);

    const auto snapshot = h.snapshot();
    EXPECT_EQ(snapshot.cumulative, (std::vector<std::uint64_t> {2, 4, 5, 6}));
}

TEST(Metrics, HistogramWithoutLabelsAndDefaultBuckets)
{
    Metrics m;
    m.histogram("mg_latency_seconds", "Latency.", {}).observe(0.2);
    const Parsed p = parseExposition(m.render());
    ASSERT_TRUE(p.errors.empty());
    EXPECT_EQ(p.value("mg_latency_seconds_bucket", {{"le", "0.1"}}), 0.0);
    EXPECT_EQ(p.value("mg_latency_seconds_bucket", {{"le", "0.25"}}), 1.0);
    EXPECT_EQ(p.value("mg_latency_seconds_bucket", {{"le", "+Inf"}}), 1.0);
    EXPECT_EQ(p.value("mg_latency_seconds_count"), 1.0);
}

TEST(Metrics, LabelValuesAndHelpAreEscaped)
{
    Metrics m;
    const std::string nasty = "a\"b\\c\nd";
    m.counter("mg_weird_total", "Help with \\ and\nnewline.", {{"client", nasty}}).inc();
    const std::string text = m.render();
    EXPECT_NE(text.find(R"(mg_weird_total{client="a\"b\\c\nd"} 1)"), std::string::npos) << text;
    EXPECT_NE(text.find(R"(# HELP mg_weird_total Help with \\ and\nnewline.)"), std::string::npos) << text;
    const Parsed p = parseExposition(text);
    ASSERT_TRUE(p.errors.empty()) << p.errors.front();
    EXPECT_EQ(p.value("mg_weird_total", {{"client", nasty}}), 1.0);
}

TEST(Metrics, SameLabelsGiveTheSameMember)
{
    Metrics m;
    Counter& a = m.counter("mg_c_total", "c", {{"k", "1"}});
    Counter& b = m.counter("mg_c_total", "c", {{"k", "1"}});
    Counter& c = m.counter("mg_c_total", "c", {{"k", "2"}});
    EXPECT_EQ(&a, &b);
    EXPECT_NE(&a, &c);
    a.inc();
    EXPECT_EQ(b.value(), 1.0);
    EXPECT_EQ(c.value(), 0.0);
}

TEST(Metrics, RejectsInconsistentOrInvalidRegistrations)
{
    Metrics m;
    m.counter("mg_x_total", "x", {{"a", "1"}});
    EXPECT_THROW(m.gauge("mg_x_total", "x", {{"a", "1"}}), std::invalid_argument);   // other type
    EXPECT_THROW(m.counter("mg_x_total", "x", {{"b", "1"}}), std::invalid_argument); // other label name
    EXPECT_THROW(m.counter("mg_x_total", "x", {{"a", "1"}, {"b", "2"}}), std::invalid_argument);
    EXPECT_THROW(m.counter("1bad", "x"), std::invalid_argument);                              // metric name
    EXPECT_THROW(m.counter("mg_y_total", "y", {{"__reserved", "1"}}), std::invalid_argument); // label name
    EXPECT_THROW(m.counter("mg_y_total", "y", {{"a-b", "1"}}), std::invalid_argument);
    EXPECT_THROW(m.counter("mg_y_total", "y", {{"a", "1"}, {"a", "2"}}), std::invalid_argument);
    EXPECT_THROW(m.histogram("mg_h", "h", {1, 1}), std::invalid_argument);        // not increasing
    EXPECT_THROW(m.histogram("mg_h", "h", {1, INFINITY}), std::invalid_argument); // not finite
    EXPECT_THROW(m.histogram("mg_h", "h", {1}, {{"le", "x"}}), std::invalid_argument);
    m.histogram("mg_h2", "h", {1, 2});
    EXPECT_THROW(m.histogram("mg_h2", "h", {1, 3}), std::invalid_argument); // other buckets
    EXPECT_THROW(m.counter("mg_x_total", "x", {{"a", "1"}}).inc(-1), std::invalid_argument);

    // Failed registrations left nothing behind.
    const Parsed p = parseExposition(m.render());
    ASSERT_TRUE(p.errors.empty());
    EXPECT_EQ(p.type.count("mg_y_total"), 0u);
    EXPECT_EQ(p.type.count("mg_h"), 0u);
    EXPECT_EQ(p.value("mg_x_total", {{"a", "1"}}), 0.0);
}

TEST(Metrics, CallbackGaugesAreReadAtRenderTime)
{
    Metrics m;
    double pool = 3;
    m.callbackGauge("mg_pool_idle", "Idle connections.", {{"origin", "up"}}, [&] { return pool; });
    m.gauge("mg_pool_idle", "Idle connections.", {{"origin", "other"}}).set(1);
    EXPECT_THROW(m.gauge("mg_pool_idle", "Idle connections.", {{"origin", "up"}}), std::invalid_argument);
    EXPECT_EQ(parseExposition(m.render()).value("mg_pool_idle", {{"origin", "up"}}), 3.0);
    pool = 7;
    const Parsed p = parseExposition(m.render());
    EXPECT_EQ(p.value("mg_pool_idle", {{"origin", "up"}}), 7.0);
    EXPECT_EQ(p.value("mg_pool_idle", {{"origin", "other"}}), 1.0);
}

TEST(Metrics, FormatsSpecialValues)
{
    EXPECT_EQ(Metrics::formatValue(0), "0");
    EXPECT_EQ(Metrics::formatValue(42), "42");
    EXPECT_EQ(Metrics::formatValue(0.1), "0.1");
    EXPECT_EQ(Metrics::formatValue(INFINITY), "+Inf");
    EXPECT_EQ(Metrics::formatValue(-INFINITY), "-Inf");
    EXPECT_EQ(Metrics::formatValue(NAN), "NaN");
    bool ok = false;
    EXPECT_EQ(parseNumber(Metrics::formatValue(1e300), ok), 1e300);
    EXPECT_TRUE(ok);
}

TEST(Metrics, ConcurrentIncrementsAreNotLost)
{
    Metrics m;
    constexpr int kThreads = 4;
    constexpr int kIncrements = 20000;
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) {
        threads.emplace_back([&, t] {
            for (int i = 0; i < kIncrements; ++i) {
                // Lookup on every call (the shared-lock path) plus creation races on new label values.
                m.counter("mg_hits_total", "Hits.", {{"shard", std::to_string(i % 4)}}).inc();
                m.histogram("mg_obs_seconds", "Obs.", {0.5}, {{"thread", std::to_string(t)}}).observe(1.0);
            }
        });
    }
    for (auto& t : threads) {
        t.join();
    }
    const Parsed p = parseExposition(m.render());
    ASSERT_TRUE(p.errors.empty());
    double total = 0;
    for (int s = 0; s < 4; ++s) {
        total += p.value("mg_hits_total", {{"shard", std::to_string(s)}});
    }
    EXPECT_EQ(total, double {kThreads} * kIncrements);
    for (int t = 0; t < kThreads; ++t) {
        EXPECT_EQ(p.value("mg_obs_seconds_count", {{"thread", std::to_string(t)}}), double {kIncrements});
        EXPECT_EQ(p.value("mg_obs_seconds_sum", {{"thread", std::to_string(t)}}), double {kIncrements});
    }
}
