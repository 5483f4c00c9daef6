// bench_console_stack: one gateway under steady client load for the console bench (bench_console starts several
// of these, each in its own process so that the console's memory and event-loop lag are its own). In one process:
// the upstream simulator, a gateway with fresh state in a new directory, an admin token, and N benign clients
// (chat_user personas, one API key each) that each send a request every --interval-ms on average (exponential gaps,
// starts spread over the first interval), so that every client shows up in the gateway's per-second usage events.
// All requests are real HTTP requests through the real gateway on 127.0.0.1.
//
//   bench_console_stack [--clients N] [--interval-ms MS] [--max-tokens T] [--prefix P] [--seed S]
//
// Prints one line when the gateway listens:
//   READY admin_url=http://127.0.0.1:PORT token_file=PATH state_dir=DIR
// and runs until SIGINT/SIGTERM or until its standard input closes (so it ends with the bench that started it).
// Then it removes its state directory and prints "DONE".

#include "services/gateway/Gateway.h"
#include "services/sim/drive/TrafficDriver.h"
#include "services/sim/upstream/UpstreamSimulator.h"

#include <atomic>
#include <condition_variable>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>
#include <mutex>
#include <pthread.h>
#include <string>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>

namespace {

struct Options
{
    int clients = 2000;
    unsigned intervalMs = 15'000;
    int maxTokens = 16;
    std::string prefix;
    std::uint64_t seed = 2026;
};

bool parseArgs(int argc, char** argv, Options& o)
{
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        const bool hasValue = i + 1 < argc;
        if (arg == "--clients" && hasValue) {
            o.clients = std::atoi(argv[++i]);
        } else if (arg == "--interval-ms" && hasValue) {
            o.intervalMs = static_cast<unsigned>(std::strtoul(argv[++i], nullptr, 10));
        } else if (arg == "--max-tokens" && hasValue) {
            o.maxTokens = std::atoi(argv[++i]);
        } else if (arg == "--prefix" && hasValue) {
            o.prefix = argv[++i];
        } else if (arg == "--seed" && hasValue) {
            o.seed = std::strtoull(argv[++i], nullptr, 10);
        } else {
            std::fprintf(stderr,
                         "usage: bench_console_stack [--clients N] [--interval-ms MS] [--max-tokens T] [--prefix P] "
                         "[--seed S]\n");
            return false;
        }
    }
    return o.clients > 0 && o.intervalMs >= 10 && o.maxTokens > 0;
}

struct StopFlag
{
    std::mutex mutex;
    std::condition_variable cv;
    bool stop = false;

    void set()
    {
        std::lock_guard lock(mutex);
        stop = true;
        cv.notify_all();
    }
};

} // namespace

int main(int argc, char** argv)
{
    namespace fs = std::filesystem;
    namespace gw = modelguard::gateway;
    namespace sim = modelguard::sim;

    Options options;
    if (!parseArgs(argc, argv, options)) {
        return 2;
    }

    sigset_t stopSignals;
    sigemptyset(&stopSignals);
    sigaddset(&stopSignals, SIGINT);
    sigaddset(&stopSignals, SIGTERM);
    sigaddset(&stopSignals, SIGPIPE);
    pthread_sigmask(SIG_BLOCK, &stopSignals, nullptr);

    char pattern[] = "/tmp/modelguard-bench-stack-XXXXXX";
    if (!::mkdtemp(pattern)) {
        std::fprintf(stderr, "bench_console_stack: cannot create a state directory\n");
        return 1;
    }
    const fs::path dir = pattern;
    const auto db = dir / "gateway.db";

    std::unique_ptr<sim::upstream::UpstreamSimulator> upstream;
    std::unique_ptr<gw::Gateway> gateway;
    std::string token;
    try {
        sim::upstream::UpstreamSimulatorConfig upstreamConfig;
        upstreamConfig.server.threads = 1;
        upstreamConfig.seed = options.seed;
        upstream = std::make_unique<sim::upstream::UpstreamSimulator>(upstreamConfig);
        upstream->start();

        token = gw::bootstrapAdminToken(db.string(), "bench", "admin");
        gw::GatewayOptions gatewayOptions;
        gatewayOptions.data.threads = 1;
        gatewayOptions.admin.threads = 1;
        gatewayOptions.upstreamUrl = upstream->baseUrl();
        gatewayOptions.databasePath = db.string();
        gatewayOptions.gatewayId = "gw-bench-" + (options.prefix.empty() ? std::string("0") : options.prefix);
        gateway = std::make_unique<gw::Gateway>(gatewayOptions);
        gateway->start();
    } catch (const std::exception& e) {
        std::fprintf(stderr, "bench_console_stack: %s\n", e.what());
        std::error_code ec;
        fs::remove_all(dir, ec);
        return 1;
    }
    const auto tokenFile = dir / "admin.token";
    {
        std::ofstream f(tokenFile, std::ios::trunc);
        f << token << "\n";
    }
    ::chmod(tokenFile.c_str(), 0600);
    const std::string dataUrl = "http://127.0.0.1:" + std::to_string(gateway->dataPort());
    const std::string adminUrl = "http://127.0.0.1:" + std::to_string(gateway->adminPort());

    std::atomic<bool> stopTraffic {false};
    sim::DriverOptions driver;
    driver.gatewayUrl = dataUrl;
    driver.adminUrl = adminUrl;
    driver.adminToken = token;
    driver.seed = options.seed;
    driver.personas = {{"chat_user", options.clients}};
    driver.benignInterval = std::chrono::milliseconds(options.intervalMs);
    driver.duration = std::chrono::hours(24);
    driver.maxTokensCap = options.maxTokens;
    driver.stop = &stopTraffic;
    driver.clientPrefix = options.prefix;
    std::thread traffic([driver] {
        const auto report = sim::runTraffic(driver);
        if (!report.error.empty()) {
            std::fprintf(stderr, "bench_console_stack: traffic: %s\n", report.error.c_str());
        }
    });

    std::printf("READY admin_url=%s token_file=%s state_dir=%s\n", adminUrl.c_str(), tokenFile.c_str(), dir.c_str());
    std::fflush(stdout);

    // Stop on a signal, or when the parent closes our standard input (it ended, or it is done with us).
    StopFlag stop;
    std::thread signals([&stop, stopSignals] {
        int received = 0;
        sigwait(&stopSignals, &received);
        stop.set();
    });
    signals.detach();
    std::thread input([&stop] {
        char buffer[256];
        while (::read(STDIN_FILENO, buffer, sizeof buffer) > 0) {
        }
        stop.set();
    });
    input.detach();
    {
        std::unique_lock lock(stop.mutex);
        stop.cv.wait(lock, [&stop] { return stop.stop; });
    }

    // The clients wait on timers of up to minutes: do not join them. Stop the listeners (the gateway flushes its
    // usage), remove the state and leave.
    stopTraffic = true;
    traffic.detach();
    gateway->stop();
    upstream->stop();
    std::error_code ec;
    fs::remove_all(dir, ec);
    std::printf("DONE\n");
    std::fflush(stdout);
    std::_Exit(0);
}
