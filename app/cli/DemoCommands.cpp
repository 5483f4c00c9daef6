// `modelguard-cli demo`: the local demo stack on 127.0.0.1 — the upstream simulator, a gateway with fresh state in
// its own directory, a demo admin token, and a traffic mix of benign personas and attackers, so that usage, risk
// scores and enforcement actions show up in the console within a minute. Runs until SIGINT/SIGTERM.
// Exit codes: 0 after a clean stop, 1 if the stack cannot start.
#include "app/cli/Commands.h"

#include "services/gateway/Gateway.h"
#include "services/sim/drive/TrafficDriver.h"
#include "services/sim/upstream/UpstreamSimulator.h"

#include <atomic>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <pthread.h>
#include <string>
#include <sys/stat.h>
#include <thread>

namespace modelguard::cli {

namespace {

struct DemoOptions
{
    std::string stateDir;
    std::string readyFile;
    unsigned benignIntervalMs = 4000;
    unsigned attackerIntervalMs = 700;
    std::uint64_t seed = 2026;
    bool quiet = false;
};

void writePrivateFile(const std::filesystem::path& path, const std::string& text)
{
    std::ofstream f(path, std::ios::trunc);
    f << text;
    f.close();
    ::chmod(path.c_str(), 0600);
}

int runDemo(const DemoOptions& options)
{
    namespace fs = std::filesystem;
    fs::path dir = options.stateDir;
    if (dir.empty()) {
        char pattern[] = "/tmp/modelguard-demo-XXXXXX";
        if (!::mkdtemp(pattern)) {
            std::fprintf(stderr, "modelguard-cli demo: cannot create a state directory\n");
            return 1;
        }
        dir = pattern;
    }
    std::error_code ec;
    fs::create_directories(dir, ec);
    const auto db = dir / "gateway.db";
    if (fs::exists(db)) {
        std::fprintf(stderr,
                     "modelguard-cli demo: %s exists: the demo starts from fresh state, give an empty "
                     "--state-dir\n",
                     db.c_str());
        return 1;
    }

    sigset_t stopSignals;
    sigemptyset(&stopSignals);
    sigaddset(&stopSignals, SIGINT);
    sigaddset(&stopSignals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stopSignals, nullptr);

    std::unique_ptr<sim::upstream::UpstreamSimulator> upstream;
    std::unique_ptr<gateway::Gateway> gw;
    std::string token;
    try {
        sim::upstream::UpstreamSimulatorConfig upstreamConfig;
        upstreamConfig.server.threads = 2;
        upstreamConfig.seed = options.seed;
        upstreamConfig.tokenLatency = std::chrono::milliseconds(2);
        upstream = std::make_unique<sim::upstream::UpstreamSimulator>(upstreamConfig);
        upstream->start();

        token = gateway::bootstrapAdminToken(db.string(), "demo", "admin");
        gateway::GatewayOptions gatewayOptions;
        gatewayOptions.data.threads = 2;
        gatewayOptions.admin.threads = 1;
        gatewayOptions.upstreamUrl = upstream->baseUrl();
        gatewayOptions.databasePath = db.string();
        gatewayOptions.gatewayId = "gw-demo";
        gw = std::make_unique<gateway::Gateway>(gatewayOptions);
        gw->start();
    } catch (const std::exception& e) {
        std::fprintf(stderr, "modelguard-cli demo: %s\n", e.what());
        return 1;
    }
    const auto tokenFile = dir / "admin.token";
    writePrivateFile(tokenFile, token + "\n");
    const std::string dataUrl = "http://127.0.0.1:" + std::to_string(gw->dataPort());
    const std::string adminUrl = "http://127.0.0.1:" + std::to_string(gw->adminPort());

    std::atomic<bool> stop {false};
    sim::DriverOptions driver;
    driver.gatewayUrl = dataUrl;
    driver.adminUrl = adminUrl;
    driver.adminToken = token;
    driver.seed = options.seed;
    driver.personas = {{"chat_user", 10},      {"chat_app", 2},         {"rag_app", 2},          {"developer", 3},
                       {"eval_harness", 1},    {"batch_summariser", 1}, {"logit_bias_sweep", 1}, {"template_sweep", 1},
                       {"boundary_prober", 1}, {"harvester", 1}};
    driver.benignInterval = std::chrono::milliseconds(options.benignIntervalMs);
    driver.attackerInterval = std::chrono::milliseconds(options.attackerIntervalMs);
    driver.duration = std::chrono::hours(24 * 30);
    driver.stop = &stop;
    std::string trafficError;
    std::thread traffic([&] {
        auto report = sim::runTraffic(driver);
        trafficError = report.error;
    });

    if (!options.readyFile.empty()) {
        const auto tmp = options.readyFile + ".tmp";
        {
            std::ofstream f(tmp, std::ios::trunc);
            f << "{\"admin_url\":\"" << adminUrl << "\",\"data_url\":\"" << dataUrl << "\",\"upstream_url\":\""
              << upstream->baseUrl() << "\",\"token_file\":\"" << tokenFile.string() << "\",\"state_dir\":\""
              << dir.string() << "\"}\n";
        }
        fs::rename(tmp, options.readyFile, ec);
    }
    if (!options.quiet) {
        std::printf("ModelGuard demo stack is running (Ctrl+C stops it)\n"
                    "  upstream simulator  %s\n"
                    "  gateway data plane  %s   (OpenAI-compatible: /v1/chat/completions ...)\n"
                    "  gateway admin API   %s\n"
                    "  admin token file    %s\n"
                    "  traffic             22 benign clients and 4 attackers\n\n"
                    "Connect the console:\n"
                    "  modelguard --connect %s --token-file %s --connection-name demo\n",
                    upstream->baseUrl().c_str(), dataUrl.c_str(), adminUrl.c_str(), tokenFile.c_str(), adminUrl.c_str(),
                    tokenFile.c_str());
        std::fflush(stdout);
    }

    int received = 0;
    sigwait(&stopSignals, &received);
    stop = true;
    traffic.join();
    gw->stop();
    upstream->stop();
    if (!trafficError.empty()) {
        std::fprintf(stderr, "modelguard-cli demo: traffic stopped early: %s\n", trafficError.c_str());
    }
    return 0;
}

} // namespace

void registerDemoCommands(CLI::App& app, CommandContext& context)
{
    auto options = std::make_shared<DemoOptions>();
    CLI::App* demo = app.add_subcommand(
        "demo", "Run the local demo stack: upstream simulator, gateway, admin token and synthetic traffic");
    demo->add_option("--state-dir", options->stateDir, "Empty directory for the gateway's state (default: a new one)");
    demo->add_option("--ready-file", options->readyFile, "Write the URLs and the token file path as JSON here");
    demo->add_option("--benign-interval-ms", options->benignIntervalMs, "Mean gap between a benign client's requests")
        ->check(CLI::Range(10u, 600'000u))
        ->capture_default_str();
    demo->add_option("--attacker-interval-ms", options->attackerIntervalMs, "Gap between an attacker's requests")
        ->check(CLI::Range(0u, 600'000u))
        ->capture_default_str();
    demo->add_option("--seed", options->seed, "Seed of the simulator and the personas")->capture_default_str();
    demo->add_flag("--quiet", options->quiet, "Print nothing when ready");
    demo->callback([options, &context] { context.exitCode = runDemo(*options); });
}

} // namespace modelguard::cli
