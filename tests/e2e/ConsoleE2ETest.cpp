// The real console under Xvfb against the real demo stack (`modelguard-cli demo`: upstream simulator, gateway,
// synthetic traffic with attackers): screenshots of the Overview and the Clients view with live data, and the
// console's own report of what those views show (chart points, table rows, an attacker's non-zero risk).
#include "tests/support/Processes.h"

#include <boost/json.hpp>
#include <gtest/gtest.h>

#include <csignal>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

namespace modelguard::test {
namespace {

using namespace std::chrono_literals;
namespace json = boost::json;
namespace fs = std::filesystem;

json::value readJson(const fs::path& path)
{
    std::ifstream f(path);
    std::stringstream s;
    s << f.rdbuf();
    std::error_code ec;
    auto v = json::parse(s.str(), ec);
    return ec ? json::value(nullptr) : v;
}

class ConsoleE2E : public ::testing::Test
{
protected:
    void SetUp() override
    {
        const auto ready = dir.path() / "ready.json";
        demo = std::make_unique<ChildProcess>(
            std::vector<std::string> {MG_CLI_PATH, "demo", "--state-dir", (dir.path() / "state").string(),
                                      "--ready-file", ready.string(), "--quiet", "--benign-interval-ms", "1500",
                                      "--attacker-interval-ms", "150"},
            dir.path() / "demo.log");
        const auto deadline = std::chrono::steady_clock::now() + 30s;
        while (!fs::exists(ready) && std::chrono::steady_clock::now() < deadline) {
            std::this_thread::sleep_for(50ms);
        }
        ASSERT_TRUE(fs::exists(ready)) << "the demo stack did not start";
        auto info = readJson(ready);
        ASSERT_TRUE(info.is_object());
        adminUrl = std::string(info.at("admin_url").as_string());
        tokenFile = std::string(info.at("token_file").as_string());
        fs::create_directories(shots);
    }
    void TearDown() override
    {
        if (demo) {
            EXPECT_EQ(demo->signalAndWait(SIGTERM, 20s), std::optional<int>(0))
                << "the demo stack did not stop cleanly";
        }
    }

    /// Runs the console under xvfb-run on one section; returns its state report.
    json::value shoot(const std::string& section, int afterMs)
    {
        const auto png = shots / ("console-" + section + ".png");
        const auto report = dir.path() / ("report-" + section + ".json");
        fs::remove(png);
        auto r = runCommand({"/usr/bin/xvfb-run", "-a", "-s", "-screen 0 1600x1000x24", MG_CONSOLE_PATH, "--connect",
                             adminUrl, "--token-file", tokenFile, "--connection-name", "demo", "--section", section,
                             "--screenshot", png.string(), "--screenshot-after-ms", std::to_string(afterMs),
                             "--state-report", report.string()},
                            90s);
        EXPECT_EQ(r.status, 0) << r.out;
        EXPECT_TRUE(fs::exists(png)) << png;
        EXPECT_GT(fs::file_size(png), 20'000u) << "a screenshot of a live window is not that small";
        return readJson(report);
    }

    TempDir dir;
    fs::path shots = fs::path(MG_BINARY_DIR) / "e2e-screenshots";
    std::unique_ptr<ChildProcess> demo;
    std::string adminUrl;
    std::string tokenFile;
};

TEST_F(ConsoleE2E, OverviewAndClientsShowLiveDataAndAnAttackersRisk)
{
    // Let the attackers run long enough for the risk engine to act on them.
    std::this_thread::sleep_for(15s);

    auto overview = shoot("overview", 5000);
    ASSERT_TRUE(overview.is_object());
    ASSERT_FALSE(overview.at("connections").as_array().empty());
    EXPECT_NE(std::string(overview.at("connections").at(0).as_string()).find("Live"), std::string::npos)
        << json::serialize(overview.at("connections"));
    EXPECT_GT(overview.at("overview").at("requests_points").to_number<int>(), 0);
    EXPECT_GT(overview.at("overview").at("tokens_points").to_number<int>(), 0);

    auto clients = shoot("clients", 4000);
    ASSERT_TRUE(clients.is_object());
    const auto& rows = clients.at("clients").as_array();
    EXPECT_GE(rows.size(), 20u);
    double attackerRisk = 0;
    double benignMax = 0;
    for (const auto& row : rows) {
        const std::string client(row.at("client").as_string());
        const double risk = row.at("risk").to_number<double>();
        if (client.starts_with("logit_bias_sweep") || client.starts_with("boundary_prober")) {
            attackerRisk = std::max(attackerRisk, risk);
        } else if (client.starts_with("chat_user")) {
            benignMax = std::max(benignMax, risk);
        }
    }
    EXPECT_GT(attackerRisk, 40.0);
    EXPECT_LT(benignMax, 40.0);
}

} // namespace
} // namespace modelguard::test
