// modelguard-cli sim ...: simulators. `sim upstream` runs the OpenAI-compatible upstream simulator
// (docs/upstream-simulator.md). Exit codes: 0 after a clean SIGINT/SIGTERM stop, 1 if it cannot start (port in use,
// fortunes corpus missing), 2 usage error.
#include "app/cli/Commands.h"

#include "services/sim/drive/TrafficDriver.h"
#include "services/sim/upstream/UpstreamSimulator.h"

#include <algorithm>
#include <chrono>
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

struct TrafficOptions
{
    sim::DriverOptions driver;
    std::vector<std::string> personas;
    std::string adminTokenFile;
    unsigned durationS = 60;
    unsigned benignIntervalMs = 15'000;
    unsigned attackerIntervalMs = 250;
};

/// "name" or "name:count" -> (name, count).
std::pair<std::string, int> parsePersona(const std::string& text)
{
    const auto colon = text.find(':');
    if (colon == std::string::npos) {
        return {text, 1};
    }
    return {text.substr(0, colon), std::stoi(text.substr(colon + 1))};
}

int runTraffic(TrafficOptions& options)
{
    auto& d = options.driver;
    if (!options.adminTokenFile.empty()) {
        std::FILE* f = std::fopen(options.adminTokenFile.c_str(), "r");
        if (!f) {
            std::fprintf(stderr, "modelguard-cli sim traffic: cannot read %s\n", options.adminTokenFile.c_str());
            return 2;
        }
        char buffer[512] = {};
        const auto n = std::fread(buffer, 1, sizeof buffer - 1, f);
        std::fclose(f);
        d.adminToken.assign(buffer, n);
        while (!d.adminToken.empty() && (d.adminToken.back() == '\n' || d.adminToken.back() == '\r')) {
            d.adminToken.pop_back();
        }
    }
    if (d.adminToken.empty()) {
        std::fprintf(stderr, "modelguard-cli sim traffic: an admin token is needed (--admin-token-file)\n");
        return 2;
    }
    const auto known = sim::personaNames();
    for (const auto& p : options.personas) {
        std::pair<std::string, int> persona;
        try {
            persona = parsePersona(p);
        } catch (const std::exception&) {
            persona.second = -1;
        }
        if (std::find(known.begin(), known.end(), persona.first) == known.end() || persona.second < 1
            || persona.second > 1000) {
            std::fprintf(stderr, "modelguard-cli sim traffic: bad persona '%s' (NAME[:COUNT], NAME one of:", p.c_str());
            for (const auto& k : known) {
                std::fprintf(stderr, " %s", k.c_str());
            }
            std::fprintf(stderr, ")\n");
            return 2;
        }
        d.personas.push_back(persona);
    }
    d.duration = std::chrono::seconds(options.durationS);
    d.benignInterval = std::chrono::milliseconds(options.benignIntervalMs);
    d.attackerInterval = std::chrono::milliseconds(options.attackerIntervalMs);
    auto report = sim::runTraffic(d);
    std::printf("%s\n", sim::reportJson(report).c_str());
    if (!report.error.empty()) {
        std::fprintf(stderr, "modelguard-cli sim traffic: %s\n", report.error.c_str());
        return 1;
    }
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

    auto traffic = std::make_shared<TrafficOptions>();
    traffic->personas = {"chat_user:4", "rag_app:1", "developer:1", "logit_bias_sweep:1"};
    CLI::App* drive = sim->add_subcommand(
        "traffic", "Drive a real gateway with the traffic personas over HTTP; prints a JSON report per client");
    drive->add_option("--gateway", traffic->driver.gatewayUrl, "Data-plane URL of the gateway")->required();
    drive->add_option("--admin", traffic->driver.adminUrl, "Admin URL of the gateway (keys are created there)")
        ->required();
    drive->add_option("--admin-token-file", traffic->adminTokenFile, "File holding an admin token")->required();
    drive->add_option("--persona", traffic->personas, "NAME[:COUNT], repeatable")->capture_default_str();
    drive->add_option("--seed", traffic->driver.seed, "Seed of the personas")->capture_default_str();
    drive->add_option("--model", traffic->driver.model, "Model every request asks for")->capture_default_str();
    drive->add_option("--duration-s", traffic->durationS, "Stop after this many seconds")
        ->check(CLI::Range(1u, 30u * 86400u))
        ->capture_default_str();
    drive->add_option("--max-requests", traffic->driver.maxRequests, "Stop after this many requests (0 = no bound)")
        ->capture_default_str();
    drive->add_option("--benign-interval-ms", traffic->benignIntervalMs, "Mean gap between a benign client's requests")
        ->check(CLI::Range(1u, 3'600'000u))
        ->capture_default_str();
    drive->add_option("--attacker-interval-ms", traffic->attackerIntervalMs, "Gap between an attacker's requests")
        ->check(CLI::Range(0u, 3'600'000u))
        ->capture_default_str();
    drive->add_option("--client-prefix", traffic->driver.clientPrefix, "Prepended to every client id");
    drive->callback([traffic, &context] { context.exitCode = runTraffic(*traffic); });
}

} // namespace modelguard::cli
