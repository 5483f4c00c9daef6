#pragma once
// An OpenAI-compatible LLM API simulator on 127.0.0.1 (or any address): the upstream that the gateway's tests,
// benchmarks and demo talk to. Deterministic text from Debian's fortunes, a hidden logit model over a fixed
// 50,000-id vocabulary (logprobs, top_logprobs and logit_bias behave consistently), per-token latency and
// per-request fault injection. Documented in docs/upstream-simulator.md. No Beast in this header.

#include "services/common/ServerConfig.h"

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace modelguard::sim::upstream {

class TextModel;

struct UpstreamSimulatorConfig
{
    http::ServerConfig server;                  ///< address, port (0 = ephemeral), threads, timeouts, limits
    std::uint64_t seed = 42;                    ///< with the request, fixes every generated text, logit and embedding
    std::chrono::milliseconds tokenLatency {0}; ///< per generated token; 0 = as fast as possible
    bool latencyForNonStreaming = true;         ///< non-streamed responses also wait tokens x tokenLatency
    std::vector<std::string> models {"sim-gpt-1", "sim-gpt-1-mini", "sim-embedding-1"};
    std::size_t maxTokensCap = 4096;        ///< larger max_tokens -> 400; also the bound when max_tokens is absent
    std::size_t maxChoices = 16;            ///< largest n
    std::size_t embeddingDimensions = 1536; ///< default and largest `dimensions`
    std::chrono::milliseconds maxStall {600'000}; ///< the "stall" fault waits this long unless told otherwise
    std::filesystem::path fortunesDir = "/usr/share/games/fortunes";
};

class UpstreamSimulator
{
public:
    /// Loads the text model from config.fortunesDir unless `model` is given (share one across simulators to save
    /// start-up time). Throws std::runtime_error if the corpus is missing.
    explicit UpstreamSimulator(UpstreamSimulatorConfig config, std::shared_ptr<const TextModel> model = nullptr);
    ~UpstreamSimulator();
    UpstreamSimulator(const UpstreamSimulator&) = delete;
    UpstreamSimulator& operator=(const UpstreamSimulator&) = delete;

    /// Starts listening; throws std::runtime_error if the address cannot be bound.
    void start();
    /// Graceful stop (see HttpServer::stop). Idempotent; also done by the destructor.
    void stop();

    std::uint16_t port() const;
    /// "http://<address>:<port>" (IPv6 addresses in brackets).
    std::string baseUrl() const;
    /// Open connections (for leak checks).
    std::size_t activeSessions() const;
    /// Requests answered so far, of every kind.
    std::uint64_t requestCount() const;

    const TextModel& textModel() const;
    std::shared_ptr<const TextModel> sharedTextModel() const;
    const UpstreamSimulatorConfig& config() const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace modelguard::sim::upstream
