// Runs the real `modelguard-cli risk eval --json` and checks the JSON it prints; and its handling of bad input.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <array>
#include <cstdio>
#include <memory>
#include <set>
#include <string>
#include <sys/wait.h>

namespace {

struct CliRun
{
    int exitCode = -1;
    std::string output;
};

CliRun runCli(const std::string& arguments)
{
    const std::string command = std::string(MG_CLI_PATH) + ' ' + arguments + " 2>/dev/null";
    CliRun result;
    FILE* pipe = popen(command.c_str(), "r");
    if (pipe == nullptr) {
        return result;
    }
    std::array<char, 4096> buffer {};
    std::size_t n = 0;
    while ((n = fread(buffer.data(), 1, buffer.size(), pipe)) > 0) {
        result.output.append(buffer.data(), n);
    }
    const int status = pclose(pipe);
    result.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return result;
}

TEST(RiskEvalCli, JsonHasOneObjectPerPersonaWithTheDocumentedFields)
{
    const CliRun r = runCli("risk eval --json --days 1 --seed 7");
    ASSERT_EQ(r.exitCode, 0) << r.output;
    const auto json = nlohmann::json::parse(r.output);
    ASSERT_TRUE(json.is_array());
    ASSERT_EQ(json.size(), 14U);
    std::set<std::string> personas;
    std::size_t benignClients = 0;
    for (const auto& p : json) {
        const std::string name = p.at("persona").get<std::string>();
        personas.insert(name);
        const std::string kind = p.at("kind").get<std::string>();
        ASSERT_TRUE(kind == "benign" || kind == "attacker") << kind;
        EXPECT_GT(p.at("clients").get<std::size_t>(), 0U) << name;
        const double share = p.at("flagged_share").get<double>();
        EXPECT_GE(share, 0.0);
        EXPECT_LE(share, 1.0);
        ASSERT_TRUE(p.contains("median_requests_to_flag"));
        ASSERT_TRUE(p.contains("max_requests_to_flag"));
        ASSERT_TRUE(p.contains("flagged_keys_per_day_share"));
        if (kind == "benign") {
            benignClients += p.at("clients").get<std::size_t>();
            EXPECT_TRUE(p.at("median_requests_to_flag").is_null()) << name;
            EXPECT_TRUE(p.at("max_requests_to_flag").is_null()) << name;
            ASSERT_TRUE(p.at("flagged_keys_per_day_share").is_number()) << name;
            EXPECT_GE(p.at("flagged_keys_per_day_share").get<double>(), 0.0);
        } else {
            EXPECT_TRUE(p.at("flagged_keys_per_day_share").is_null()) << name;
            // Numbers exactly when every unit (max) / at least half the units (median) were flagged.
            if (share == 1.0) {
                EXPECT_TRUE(p.at("max_requests_to_flag").is_number()) << name;
            }
            if (!p.at("max_requests_to_flag").is_null()) {
                EXPECT_LE(p.at("median_requests_to_flag").get<double>(), p.at("max_requests_to_flag").get<double>());
            }
        }
    }
    EXPECT_GE(benignClients, 1000U);
    for (const char* expected : {"chat_user", "rag_app", "eval_harness", "batch_summariser", "developer", "harvester",
                                 "logit_bias_sweep", "bisection_sweep", "sybil_campaign", "mixed_10", "mixed_25"}) {
        EXPECT_EQ(personas.count(expected), 1U) << expected;
    }
}

TEST(RiskEvalCli, BadArgumentsExitWithTwo)
{
    EXPECT_EQ(runCli("risk eval --days 0").exitCode, 2);
    EXPECT_EQ(runCli("risk eval --days abc").exitCode, 2);
    EXPECT_EQ(runCli("risk eval --seed 5 --calibration-seed 5 --days 1").exitCode, 2);
    EXPECT_EQ(runCli("risk traffic --persona no_such_persona").exitCode, 2);
}

TEST(RiskEvalCli, TrafficPrintsJsonLinesOfOnePersona)
{
    const CliRun r = runCli("risk traffic --persona logit_bias_sweep --limit 5 --seed 3");
    ASSERT_EQ(r.exitCode, 0);
    std::size_t lines = 0;
    std::size_t start = 0;
    while (start < r.output.size()) {
        const auto end = r.output.find('\n', start);
        const auto line = nlohmann::json::parse(r.output.substr(start, end - start));
        EXPECT_EQ(line.at("persona"), "logit_bias_sweep");
        EXPECT_EQ(line.at("max_tokens"), 1);
        EXPECT_TRUE(line.at("logprobs").get<bool>());
        EXPECT_FALSE(line.at("logit_bias").empty());
        ++lines;
        start = end == std::string::npos ? r.output.size() : end + 1;
    }
    EXPECT_EQ(lines, 5U);
}

} // namespace
