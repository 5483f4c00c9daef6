// modelguard-cli sim ...: simulators. `sim upstream` runs the OpenAI-compatible upstream simulator
// (docs/upstream-simulator.md). Exit codes: 0 after a clean SIGINT/SIGTERM stop, 1 if it cannot start (port in use,
// fortunes corpus missing), 2 usage error.
#include "app/cli/Commands.h"

#include "services/sim/upstream/UpstreamSimulator.h"

#include <csignal>
#include <cstdio>
#include <exception>
#include <memory>
#include <pthread.h>
#include <string>

namespace modelguard::cli {

namespace {

struct UpstreamOptions
{
    std::string host = "127.0.0.1";
    std::uint16_t port = 0;
    std::uint64_t seed = 42;
    unsigned tokenLatencyMs = 0;
    unsigned threads = 2;
    bool printPort = false;
    std::string fortunesDir = "/usr/share/games/fortunes";
    std::vector<std::string> models;
    std::size_t maxTokens = 4096;
};

int runUpstream(const UpstreamOptions& options)
{
    sim::upstream::UpstreamSimulatorConfig config;
    config.server.address = options.host;
    config.server.port = options.port;
    config.server.threads = options.threads;
    config.seed = options.seed;
    config.tokenLatency = std::chrono::milliseconds(options.tokenLatencyMs);
    config.fortunesDir = options.fortunesDir;
    config.maxTokensCap = options.maxTokens;
    if (!options.models.empty()) {
        config.models = options.models;
    }

    // Block the stop signals before any worker thread exists, so that they all inherit the mask and this thread
    // alone receives SIGINT/SIGTERM through sigwait.
    sigset_t stopSignals;
    sigemptyset(&stopSignals);
    sigaddset(&stopSignals, SIGINT);
    sigaddset(&stopSignals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stopSignals, nullptr);

    std::unique_ptr<sim::upstream::UpstreamSimulator> simulator;
    try {
        simulator = std::make_unique<sim::upstream::UpstreamSimulator>(config);
        simulator->start();
    } catch (const std::exception& e) {
        std::fprintf(stderr, "modelguard-cli sim upstream: %s\n", e.what());
        return 1;
    }
    if (options.printPort) {
        std::printf("%u\n", static_cast<unsigned>(simulator->port()));
    } else {
        std::printf("listening on %s\n", simulator->baseUrl().c_str());
    }
    std::fflush(stdout);

    int received = 0;
    sigwait(&stopSignals, &received);
    std::fprintf(stderr, "modelguard-cli sim upstream: %s received, stopping\n",
                 received == SIGINT ? "SIGINT" : "SIGTERM");
    simulator->stop();
    return 0;
}

} // namespace

void registerSimCommands(CLI::App& app, CommandContext& context)
{
    CLI::App* sim = app.add_subcommand("sim", "Simulators for tests, benchmarks and demos");
    sim->require_subcommand(1);

    auto options = std::make_shared<UpstreamOptions>();
    CLI::App* upstream = sim->add_subcommand(
        "upstream", "Run the OpenAI-compatible upstream simulator until SIGINT/SIGTERM (prints its URL when ready)");
    upstream->add_option("--port", options->port, "TCP port; 0 picks a free one")->capture_default_str();
    upstream->add_option("--host", options->host, "Address to listen on")->capture_default_str();
    upstream->add_option("--seed", options->seed, "Seed of every generated text, logit and embedding")
        ->capture_default_str();
    upstream->add_option("--token-latency-ms", options->tokenLatencyMs, "Delay per generated token")
        ->check(CLI::Range(0u, 10'000u))
        ->capture_default_str();
    upstream->add_option("--threads", options->threads, "Worker threads")
        ->check(CLI::Range(1u, 64u))
        ->capture_default_str();
    upstream->add_option("--fortunes-dir", options->fortunesDir, "Directory of the fortunes text (Debian 'fortunes')")
        ->capture_default_str();
    upstream->add_option("--model", options->models, "Model name to serve (repeatable; default: the built-in list)");
    upstream->add_option("--max-tokens", options->maxTokens, "Largest accepted max_tokens")
        ->check(CLI::Range(std::size_t {1}, std::size_t {1'000'000}))
        ->capture_default_str();
    upstream->add_flag("--print-port", options->printPort, "Print only the bound port number instead of the URL");
    upstream->callback([options, &context] { context.exitCode = runUpstream(*options); });
}

} // namespace modelguard::cli
