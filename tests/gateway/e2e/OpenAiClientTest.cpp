// The official OpenAI client library (the `openai` package for Node.js, tests/gateway/node) talks to the real
// gateway, streaming and not, and the text it receives carries a watermark that `modelguard-cli watermark detect`
// attributes to the client whose key was used. The harness's node_modules come from scripts/node-deps.sh (run by
// scripts/test.sh before ctest).
#include "tests/gateway/e2e/GatewayTestSupport.h"

#include <cstdio>
#include <filesystem>
#include <fstream>

namespace modelguard::test {
namespace {

using namespace std::chrono_literals;

class OpenAiClient : public ::testing::Test
{
protected:
    void SetUp() override
    {
        harness = std::filesystem::path(MG_SOURCE_DIR) / "tests/gateway/node";
        ASSERT_TRUE(std::filesystem::exists(harness / "node_modules/openai/package.json"))
            << "the openai package is not installed: run scripts/node-deps.sh";
        stack = std::make_unique<GatewayStack>(stackOptions());
        ASSERT_TRUE(stack->start()) << stack->error();
    }

    boost::json::value call(const std::string& key, bool stream, const std::string& prompt, int maxTokens = 300)
    {
        std::vector<std::string> args {"/usr/bin/env",
                                       "node",
                                       (harness / "openai-client.mjs").string(),
                                       "--base-url",
                                       "http://127.0.0.1:" + std::to_string(stack->dataPort()) + "/v1",
                                       "--api-key",
                                       key,
                                       "--model",
                                       "sim-gpt-1",
                                       "--prompt",
                                       prompt,
                                       "--max-tokens",
                                       std::to_string(maxTokens)};
        if (stream) {
            args.push_back("--stream");
        }
        auto r = runCommand(args, 60s);
        auto v = parseJson(r.out);
        EXPECT_TRUE(v.is_object()) << r.out;
        return v;
    }

    std::string detectClient(const std::string& text)
    {
        auto secret = parseJson(admin(*stack, "GET", "/admin/v1/watermark/secret").body);
        const auto keyFile = stack->dir() / "gateway.key";
        {
            std::ofstream f(keyFile, std::ios::trunc);
            f << secret.at("key").as_string().c_str();
        }
        auto r = runCommand({MG_CLI_PATH, "watermark", "detect", "--key", keyFile.string(), "--clients",
                             "acme,globex,initech", "--json"},
                            60s, text);
        auto v = parseJson(r.out);
        if (!v.is_object() || v.at("verdict").as_string() != "watermarked" || !v.at("client").is_string()) {
            return "not watermarked: " + r.out;
        }
        return std::string(v.at("client").as_string());
    }

    std::filesystem::path harness;
    std::unique_ptr<GatewayStack> stack;
};

TEST_F(OpenAiClient, NonStreamingAndStreamingCallsGetWatermarkedTextAttributedToTheirClient)
{
    auto [acmeId, acme] = createKey(*stack, "acme");
    auto [globexId, globex] = createKey(*stack, "globex");

    auto plain = call(acme, false, "Write a long story about a lighthouse keeper.");
    ASSERT_TRUE(plain.at("error").is_null()) << boost::json::serialize(plain);
    const std::string plainText(plain.at("text").as_string());
    EXPECT_GT(plainText.size(), 300u);
    EXPECT_GT(plain.at("usage").at("completion_tokens").to_number<int>(), 100);
    EXPECT_EQ(detectClient(plainText), "acme");

    auto streamed = call(globex, true, "Write a long story about a mountain village.");
    // Node 18's fetch was seen ending one of these streams with a transport error ("terminated") on a loaded CI
    // machine (not reproduced elsewhere; under investigation): one retry for a transport error, never for an API
    // error from the gateway.
    if (streamed.at("error").is_object() && streamed.at("error").at("status").is_null()) {
        std::fprintf(stderr, "note: streaming call failed in transport (%s); retrying once\n",
                     boost::json::serialize(streamed.at("error")).c_str());
        streamed = call(globex, true, "Write a long story about a mountain village.");
    }
    ASSERT_TRUE(streamed.at("error").is_null()) << boost::json::serialize(streamed);
    const std::string streamedText(streamed.at("text").as_string());
    EXPECT_GT(streamedText.size(), 300u);
    EXPECT_GT(streamed.at("chunks").to_number<int>(), 5);
    ASSERT_TRUE(streamed.at("usage").is_object()) << "include_usage was asked for";
    EXPECT_EQ(detectClient(streamedText), "globex");
}

TEST_F(OpenAiClient, GatewayErrorsReachTheClientLibraryAsApiErrors)
{
    auto bad = call("mg_notakey_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", false, "hello");
    ASSERT_TRUE(bad.at("error").is_object()) << boost::json::serialize(bad);
    EXPECT_EQ(bad.at("error").at("status").to_number<int>(), 401);

    auto [id, key] = createKey(*stack, "acme");
    ASSERT_EQ(
        admin(*stack, "POST", "/admin/v1/clients/acme/action", "{\"action\":\"block\",\"reason\":\"test\"}").status,
        200);
    auto blocked = call(key, true, "hello");
    ASSERT_TRUE(blocked.at("error").is_object()) << boost::json::serialize(blocked);
    EXPECT_EQ(blocked.at("error").at("status").to_number<int>(), 403);
}

} // namespace
} // namespace modelguard::test
