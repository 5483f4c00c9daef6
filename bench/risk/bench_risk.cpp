// Benchmark of the extraction-risk engine (core/risk).
//
// Feeds a realistic request stream (10,000 clients; prompts of 200-2,000 characters: chat questions, templated
// RAG/classification prompts, some logit_bias/logprobs traffic) through one RiskEngine on one thread and reports:
//   - requests/s through RiskEngine::observe (median of repetitions),
//   - the baseline: requests/s of only hashing each prompt (std::hash), and the engine/baseline cost ratio,
//   - requests/s of only the prompt analysis, with the best kernel for this CPU and with the x86-64 baseline one,
//   - memory per active client (RiskEngine::memoryBytes() / clientCount()) once every client has full windows.
// Usage: bench_risk [requests-per-repetition (default 200000)] [repetitions (default 5)]
// Target: >= 200,000 requests/s per core; <= 64 KiB per active client.

#include "core/risk/PromptAnalyzer.h"
#include "core/risk/RiskEngine.h"

#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace {

using modelguard::risk::RequestRecord;
using modelguard::risk::RiskConfig;
using modelguard::risk::RiskEngine;
using modelguard::risk::TimestampMs;

class Random
{
public:
    explicit Random(std::uint64_t seed)
        : m_state(seed)
    { }
    std::uint64_t next()
    {
        std::uint64_t z = (m_state += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }
    std::size_t index(std::size_t n) { return static_cast<std::size_t>(next() % n); }

private:
    std::uint64_t m_state;
};

const char* const kWords[] = {
    "the",     "of",       "and",     "to",        "in",        "is",       "that",   "for",     "it",       "as",
    "with",    "was",      "on",      "be",        "by",        "this",     "garden", "river",   "planet",   "engine",
    "violin",  "harbour",  "forest",  "castle",    "kitchen",   "winter",   "market", "doctor",  "pencil",   "mountain",
    "window",  "bridge",   "library", "island",    "camera",    "rocket",   "coffee", "ticket",  "museum",   "desert",
    "pillow",  "tunnel",   "lantern", "meadow",    "compass",   "anchor",   "basket", "glacier", "orchard",  "printer",
    "saddle",  "thunder",  "velvet",  "wallet",    "history",   "science",  "music",  "network", "server",   "budget",
    "explain", "describe", "compare", "summarise", "translate", "question", "answer", "context", "customer", "order"};

std::string words(Random& r, std::size_t chars)
{
    std::string s;
    while (s.size() < chars) {
        s += kWords[r.index(std::size(kWords))];
        s += r.index(12) == 0 ? ". " : " ";
    }
    return s;
}

std::string prompt(Random& r)
{
    const std::size_t length = 200 + r.index(1800); // 200-2,000 characters
    switch (r.index(4)) {
    case 0:
        return "You answer questions about our products using the context.\nContext: " + words(r, length)
               + "\nQuestion: what is the " + kWords[r.index(std::size(kWords))] + "?";
    case 1:
        return "Classify the sentiment of the review as positive or negative. Return only JSON.\nReview: "
               + words(r, length);
    default:
        return "Can you help me with this: " + words(r, length) + "?";
    }
}

std::vector<RequestRecord> makeStream(std::size_t count, std::size_t clients)
{
    Random r(7);
    std::vector<std::string> prompts;
    for (int i = 0; i < 4096; ++i) {
        prompts.push_back(prompt(r));
    }
    std::vector<RequestRecord> stream;
    stream.reserve(count);
    for (std::size_t i = 0; i < count; ++i) {
        RequestRecord rec;
        const std::size_t client = r.index(clients);
        rec.clientId = "client-" + std::to_string(client);
        rec.keyId = "key-" + std::to_string(client);
        rec.sourceIp = "198.51." + std::to_string(client % 250) + "." + std::to_string(1 + client / 250 % 250);
        rec.model = "chat";
        rec.prompt = prompts[r.index(prompts.size())];
        rec.messageCount = 1 + static_cast<std::uint32_t>(r.index(4));
        rec.maxTokens = r.index(10) == 0 ? 1 : 512;
        rec.temperature = r.index(3) == 0 ? 0.0 : 0.7;
        if (r.index(50) == 0) {
            rec.logprobs = true;
            rec.topLogprobs = 5;
            for (int k = 0; k < 8; ++k) {
                rec.logitBias.emplace_back(static_cast<std::int64_t>(r.index(100000)), 100.0);
            }
        }
        rec.completed = true;
        rec.promptTokens = static_cast<std::uint32_t>(rec.prompt.size() / 4);
        rec.completionTokens = 50 + static_cast<std::uint32_t>(r.index(500));
        stream.push_back(std::move(rec));
    }
    return stream;
}

/// CPU time of this thread: the figure is per core even when other processes share the machine.
double threadSeconds()
{
    timespec ts {};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v.empty() ? 0.0 : v[v.size() / 2];
}

} // namespace

int main(int argc, char** argv)
{
    const std::size_t count = argc > 1 ? std::strtoull(argv[1], nullptr, 10) : 200'000;
    const int repetitions = argc > 2 ? std::max(1, std::atoi(argv[2])) : 5;
    constexpr std::size_t kClients = 10'000;
    std::vector<RequestRecord> stream = makeStream(std::max<std::size_t>(count, 1), kClients);
    double promptBytes = 0;
    for (const auto& rec : stream) {
        promptBytes += static_cast<double>(rec.prompt.size());
    }

    std::vector<double> engineRates;
    std::vector<double> hashRates;
    std::vector<double> wallRates;
    std::vector<double> analyzeRates;
    std::vector<double> baselineAnalyzeRates;
    std::size_t sink = 0;
    double bytesPerClient = 0;
    std::size_t clients = 0;
    TimestampMs t = 1'760'000'000'000;
    for (int rep = 0; rep < repetitions; ++rep) {
        // Baseline: only hashing the prompt of each request.
        double start = threadSeconds();
        auto wallStart = std::chrono::steady_clock::now();
        for (const auto& rec : stream) {
            sink += std::hash<std::string_view> {}(rec.prompt);
        }
        double seconds = threadSeconds() - start;
        hashRates.push_back(static_cast<double>(stream.size()) / seconds);

        // The engine's text work alone (prompt sketch and phrase flags).
        const modelguard::risk::PromptAnalyzer analyzer(1);
        start = threadSeconds();
        for (const auto& rec : stream) {
            sink += analyzer.analyze(rec.prompt).exactHash;
        }
        seconds = threadSeconds() - start;
        analyzeRates.push_back(static_cast<double>(stream.size()) / seconds);
        // The same with the x86-64 baseline kernel (SSE2), for machines without AVX-512.
        start = threadSeconds();
        for (const auto& rec : stream) {
            sink += analyzer.analyze(rec.prompt, modelguard::risk::PromptAnalyzer::Kernel::Baseline).exactHash;
        }
        seconds = threadSeconds() - start;
        baselineAnalyzeRates.push_back(static_cast<double>(stream.size()) / seconds);

        // The engine, fresh per repetition, 5 ms of simulated time per request.
        RiskEngine engine(RiskConfig {});
        start = threadSeconds();
        wallStart = std::chrono::steady_clock::now();
        for (auto& rec : stream) {
            rec.time = (t += 5);
            sink += static_cast<std::size_t>(engine.observe(rec).score);
        }
        seconds = threadSeconds() - start;
        engineRates.push_back(static_cast<double>(stream.size()) / seconds);
        wallRates.push_back(static_cast<double>(stream.size())
                            / std::chrono::duration<double>(std::chrono::steady_clock::now() - wallStart).count());
        clients = engine.clientCount();
        bytesPerClient =
            static_cast<double>(engine.memoryBytes()) / static_cast<double>(std::max<std::size_t>(clients, 1));
    }
    const double engineRate = median(engineRates);
    const double hashRate = median(hashRates);
    std::printf("bench_risk: %zu requests x %d repetitions, %zu clients, mean prompt %.0f bytes\n", stream.size(),
                repetitions, clients, promptBytes / static_cast<double>(stream.size()));
    std::printf("  engine observe():      %12.0f requests/s per core (median, thread CPU time)  %.2f us/request\n",
                engineRate, 1e6 / engineRate);
    std::printf("  engine observe():      %12.0f requests/s wall clock (median; lower when the machine is shared)\n",
                median(wallRates));
    std::printf("  baseline hash prompt:  %12.0f requests/s (median)  %.3f us/request\n", hashRate, 1e6 / hashRate);
    std::printf("  prompt analysis only:  %12.0f requests/s (median)  %.3f us/request  (kernel %s)\n",
                median(analyzeRates), 1e6 / median(analyzeRates), modelguard::risk::PromptAnalyzer::bestKernelName());
    std::printf("  prompt analysis, baseline kernel: %.0f requests/s (median)  %.3f us/request\n",
                median(baselineAnalyzeRates), 1e6 / median(baselineAnalyzeRates));
    std::printf("  cost ratio engine/baseline: %.1f\n", hashRate / engineRate);
    std::printf("  memory per active client: %.0f bytes (%.2f KiB; target <= 64 KiB)\n", bytesPerClient,
                bytesPerClient / 1024.0);
    std::printf("  target >= 200000 requests/s: %s\n", engineRate >= 200'000 ? "met" : "NOT met");
    std::printf("{\"bench\":\"risk\",\"requests\":%zu,\"repetitions\":%d,\"clients\":%zu,\"requests_per_s\":%.0f,"
                "\"wall_requests_per_s\":%.0f,\"analysis_requests_per_s\":%.0f,\"analysis_kernel\":\"%s\","
                "\"baseline_hash_requests_per_s\":%.0f,\"cost_ratio\":%.2f,\"bytes_per_"
                "client\":%.0f,"
                "\"target_requests_per_s\":200000,\"target_met\":%s,\"sink\":%zu}\n",
                stream.size(), repetitions, clients, engineRate, median(wallRates), median(analyzeRates),
                modelguard::risk::PromptAnalyzer::bestKernelName(), hashRate, hashRate / engineRate, bytesPerClient,
                engineRate >= 200'000 ? "true" : "false", sink % 10);
    return 0;
}
