// The extraction-risk engine inside the real gateway: a logit-bias read-out driven by the personas over HTTP
// (`modelguard-cli sim traffic`) is throttled, then blocked, within 200 requests, while benign personas running
// beside it are never flagged; and probes that the output policy refuses (logit_bias denied) still reach the engine.
#include "tests/gateway/e2e/GatewayTestSupport.h"

#include <fstream>

namespace modelguard::test {
namespace {

using namespace std::chrono_literals;

TEST(RiskThroughGateway, LogitBiasReadOutIsThrottledThenBlockedWhileBenignClientsRunUnflagged)
{
    GatewayStack stack(stackOptions());
    ASSERT_TRUE(stack.start()) << stack.error();
    const auto tokenFile = stack.dir() / "admin.token";
    {
        std::ofstream f(tokenFile);
        f << stack.adminToken() << "\n";
    }
    const auto run = runCommand({MG_CLI_PATH,
                                 "sim",
                                 "traffic",
                                 "--gateway",
                                 "http://127.0.0.1:" + std::to_string(stack.dataPort()),
                                 "--admin",
                                 "http://127.0.0.1:" + std::to_string(stack.adminPort()),
                                 "--admin-token-file",
                                 tokenFile.string(),
                                 "--persona",
                                 "chat_user:5",
                                 "--persona",
                                 "rag_app:2",
                                 "--persona",
                                 "developer:2",
                                 "--persona",
                                 "eval_harness:1",
                                 "--persona",
                                 "batch_summariser:1",
                                 "--persona",
                                 "logit_bias_sweep:1",
                                 "--benign-interval-ms",
                                 "400",
                                 "--attacker-interval-ms",
                                 "20",
                                 "--max-requests",
                                 "900",
                                 "--duration-s",
                                 "40",
                                 "--seed",
                                 "3"},
                                90s);
    ASSERT_EQ(run.status, 0) << run.out << stack.gatewayLog();
    const auto report = parseJson(run.out);
    ASSERT_TRUE(report.is_object()) << run.out;

    int benign = 0;
    bool sawAttacker = false;
    for (const auto& c : report.at("clients").as_array()) {
        const std::string client(c.at("client").as_string());
        const auto sent = c.at("sent").to_number<std::int64_t>();
        if (c.at("attacker").as_bool()) {
            sawAttacker = true;
            const auto throttledAt = c.at("first_throttled").to_number<std::int64_t>();
            const auto blockedAt = c.at("first_blocked").to_number<std::int64_t>();
            EXPECT_GT(throttledAt, 0) << client;
            EXPECT_GT(blockedAt, throttledAt) << client << ": throttled first, then blocked";
            EXPECT_LE(blockedAt, 200) << client;
            EXPECT_GE(sent, 200) << client;
            auto view = parseJson(admin(stack, "GET", "/admin/v1/clients/" + client).body);
            EXPECT_EQ(view.at("risk").at("action").as_string(), "block");
            EXPECT_FALSE(view.at("risk").at("contributions").as_array().empty());
        } else {
            ++benign;
            EXPECT_GE(sent, 5) << client;
            EXPECT_EQ(c.at("throttled").to_number<std::int64_t>(), 0) << client;
            EXPECT_EQ(c.at("blocked").to_number<std::int64_t>(), 0) << client;
            EXPECT_EQ(c.at("ok").to_number<std::int64_t>(), sent) << client;
            auto view = parseJson(admin(stack, "GET", "/admin/v1/clients/" + client).body);
            EXPECT_EQ(view.at("risk").at("action").as_string(), "none") << client;
        }
    }
    EXPECT_TRUE(sawAttacker);
    EXPECT_EQ(benign, 11);
}

TEST(RiskThroughGateway, LogitBiasProbesRefusedByThePolicyStillRaiseTheRisk)
{
    GatewayStack stack(stackOptions());
    ASSERT_TRUE(stack.start()) << stack.error();
    // Every logit_bias request is refused with 400: the read-out learns nothing, but the probing is still evidence.
    const auto put = admin(stack, "PUT", "/admin/v1/policies/default", R"({"output":{"logit_bias":"deny"}})");
    ASSERT_EQ(put.status, 200) << put.body;
    const auto tokenFile = stack.dir() / "admin.token";
    {
        std::ofstream f(tokenFile);
        f << stack.adminToken() << "\n";
    }
    const auto run =
        runCommand({MG_CLI_PATH, "sim", "traffic", "--gateway", "http://127.0.0.1:" + std::to_string(stack.dataPort()),
                    "--admin", "http://127.0.0.1:" + std::to_string(stack.adminPort()), "--admin-token-file",
                    tokenFile.string(), "--persona", "logit_bias_sweep:1", "--attacker-interval-ms", "20",
                    "--max-requests", "400", "--duration-s", "30", "--seed", "5"},
                   60s);
    ASSERT_EQ(run.status, 0) << run.out << stack.gatewayLog();
    const auto report = parseJson(run.out);
    ASSERT_TRUE(report.is_object()) << run.out;
    const auto& clients = report.at("clients").as_array();
    ASSERT_EQ(clients.size(), 1u) << run.out;
    const auto& c = clients.front();
    const std::string client(c.at("client").as_string());
    // The persona's few plain requests pass; its logit_bias probes are refused (400, counted as failed) until the
    // engine, fed with those refusals, throttles and then blocks the client.
    EXPECT_LT(c.at("ok").to_number<std::int64_t>(), 20) << run.out;
    EXPECT_GT(c.at("failed").to_number<std::int64_t>(), 0) << run.out;
    EXPECT_GT(c.at("first_blocked").to_number<std::int64_t>(), 0) << run.out;
    EXPECT_LE(c.at("first_blocked").to_number<std::int64_t>(), 300) << run.out;
    auto view = parseJson(admin(stack, "GET", "/admin/v1/clients/" + client).body);
    EXPECT_EQ(view.at("risk").at("action").as_string(), "block") << boost::json::serialize(view);
    EXPECT_GT(view.at("risk").at("score").to_number<double>(), 60.0);
}

} // namespace
} // namespace modelguard::test
