// bench_upstream: how fast the upstream simulator generates, in-process and over loopback HTTP, so that gateway
// benchmarks know the simulator is not their bottleneck. Prints medians of several runs and the ratio of HTTP
// throughput to the in-process generator measured in the same run.
// Run: bench_upstream [--requests N] [--clients C]
#include "services/sim/upstream/Generator.h"
#include "services/sim/upstream/LogitModel.h"
#include "services/sim/upstream/TextModel.h"
#include "services/sim/upstream/UpstreamSimulator.h"

#include <algorithm>
#include <arpa/inet.h>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <string>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>
#include <vector>

using namespace modelguard::sim::upstream;
using Clock = std::chrono::steady_clock;

namespace {

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

double seconds(Clock::time_point start)
{
    return std::chrono::duration<double>(Clock::now() - start).count();
}

/// Tokens per second of the in-process generator over `prompts` completions of `maxTokens` tokens.
double generatorTokensPerSecond(const TextModel& model, int prompts, std::size_t maxTokens, bool probing)
{
    const Generator generator(model);
    std::size_t tokens = 0;
    const auto start = Clock::now();
    for (int i = 0; i < prompts; ++i) {
        const LogitModel logits(model, 42, "sim-gpt-1", "benchmark prompt number " + std::to_string(i));
        SamplingParams params;
        params.temperature = 1.0;
        params.maxTokens = maxTokens;
        params.samplerSeed = static_cast<std::uint64_t>(i);
        if (probing) { // what a logit read-out attacker asks for
            params.topLogprobs = 20;
            for (TokenId id = 1000; id < 1010; ++id) {
                params.logitBias[id] = 30;
            }
        }
        tokens += generator.generate(logits, params).completionTokens;
    }
    return static_cast<double>(tokens) / seconds(start);
}

/// A blocking keep-alive HTTP/1.1 client on one socket: enough for a benchmark against our own server.
class LoopbackClient
{
public:
    explicit LoopbackClient(std::uint16_t port)
    {
        m_fd = socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in address {};
        address.sin_family = AF_INET;
        address.sin_port = htons(port);
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        int one = 1;
        setsockopt(m_fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        if (connect(m_fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
            close(m_fd);
            m_fd = -1;
        }
    }
    ~LoopbackClient()
    {
        if (m_fd >= 0) {
            close(m_fd);
        }
    }
    LoopbackClient(const LoopbackClient&) = delete;
    LoopbackClient& operator=(const LoopbackClient&) = delete;

    /// POSTs body and reads a Content-Length or chunked response; returns the body size, or -1 on error.
    long post(const std::string& target, const std::string& body)
    {
        const std::string request = "POST " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: "
                                    + "application/json\r\nContent-Length: " + std::to_string(body.size()) + "\r\n\r\n"
                                    + body;
        if (m_fd < 0
            || send(m_fd, request.data(), request.size(), MSG_NOSIGNAL) != static_cast<ssize_t>(request.size())) {
            return -1;
        }
        std::size_t headerEnd = std::string::npos;
        while ((headerEnd = m_buffer.find("\r\n\r\n")) == std::string::npos) {
            if (!fill()) {
                return -1;
            }
        }
        const std::string header = m_buffer.substr(0, headerEnd);
        m_buffer.erase(0, headerEnd + 4);
        if (header.find("chunked") != std::string::npos) {
            long total = 0;
            for (;;) {
                std::size_t lineEnd = 0;
                while ((lineEnd = m_buffer.find("\r\n")) == std::string::npos) {
                    if (!fill()) {
                        return -1;
                    }
                }
                const std::size_t size = std::strtoul(m_buffer.c_str(), nullptr, 16);
                while (m_buffer.size() < lineEnd + 2 + size + 2) {
                    if (!fill()) {
                        return -1;
                    }
                }
                m_buffer.erase(0, lineEnd + 2 + size + 2);
                total += static_cast<long>(size);
                if (size == 0) {
                    return total;
                }
            }
        }
        const std::size_t lengthAt = header.find("Content-Length: ");
        if (lengthAt == std::string::npos) {
            return -1;
        }
        const std::size_t length = std::strtoul(header.c_str() + lengthAt + 16, nullptr, 10);
        while (m_buffer.size() < length) {
            if (!fill()) {
                return -1;
            }
        }
        m_buffer.erase(0, length);
        return static_cast<long>(length);
    }

private:
    bool fill()
    {
        char chunk[16384];
        const ssize_t n = recv(m_fd, chunk, sizeof chunk, 0);
        if (n <= 0) {
            return false;
        }
        m_buffer.append(chunk, static_cast<std::size_t>(n));
        return true;
    }

    int m_fd = -1;
    std::string m_buffer;
};

/// Requests per second over loopback with `clients` keep-alive connections.
double httpRequestsPerSecond(std::uint16_t port, int clients, int requestsPerClient, bool stream, int maxTokens,
                             std::atomic<long>& failures)
{
    std::vector<std::thread> threads;
    const auto start = Clock::now();
    for (int c = 0; c < clients; ++c) {
        threads.emplace_back([&, c] {
            LoopbackClient client(port);
            for (int i = 0; i < requestsPerClient; ++i) {
                const std::string body = R"({"model":"sim-gpt-1","max_tokens":)" + std::to_string(maxTokens)
                                         + R"(,"stream":)" + (stream ? "true" : "false")
                                         + R"(,"messages":[{"role":"user","content":"client )" + std::to_string(c)
                                         + " request " + std::to_string(i) + R"("}]})";
                if (client.post("/v1/chat/completions", body) < 0) {
                    ++failures;
                    return;
                }
            }
        });
    }
    for (std::thread& t : threads) {
        t.join();
    }
    return clients * requestsPerClient / seconds(start);
}

} // namespace

int main(int argc, char** argv)
{
    int requests = 200;
    int clients = 4;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (std::strcmp(argv[i], "--requests") == 0) {
            requests = std::max(1, std::atoi(argv[i + 1]));
        } else if (std::strcmp(argv[i], "--clients") == 0) {
            clients = std::max(1, std::atoi(argv[i + 1]));
        }
    }
    const auto loadStart = Clock::now();
    const auto model = TextModel::load("/usr/share/games/fortunes");
    std::printf("model_load_ms %.1f (corpus words %zu)\n", seconds(loadStart) * 1000, model->corpusWordCount());

    const int runs = 5;
    std::vector<double> plain;
    std::vector<double> probing;
    for (int r = 0; r < runs; ++r) {
        plain.push_back(generatorTokensPerSecond(*model, 100, 50, false));
        probing.push_back(generatorTokensPerSecond(*model, 100, 50, true));
    }
    const double generatorTps = median(plain);
    std::printf("generator_tokens_per_s %.0f\n", generatorTps);
    std::printf("generator_probing_tokens_per_s %.0f (top_logprobs 20 + 10 biased ids; ratio %.2f)\n", median(probing),
                median(probing) / generatorTps);

    UpstreamSimulatorConfig config;
    config.server.threads = 2;
    UpstreamSimulator simulator(config, model);
    simulator.start();
    std::atomic<long> failures {0};
    const int perClient = std::max(1, requests / clients);
    for (const bool stream : {false, true}) {
        std::vector<double> rates;
        for (int r = 0; r < 3; ++r) {
            rates.push_back(httpRequestsPerSecond(simulator.port(), clients, perClient, stream, 50, failures));
        }
        const double rps = median(rates);
        std::printf(
            "http_%s_requests_per_s %.0f (%d clients, up to 50 tokens each; tokens/s %.0f = %.2f x generator)\n",
            stream ? "stream" : "plain", rps, clients, rps * 50, rps * 50 / generatorTps);
    }
    simulator.stop();
    std::printf("http_failures %ld\n", failures.load());
    return failures.load() == 0 ? 0 : 1;
}
