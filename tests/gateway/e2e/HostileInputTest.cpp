// Hostile input against the real gateway: malformed and mistyped JSON, huge bodies, invalid UTF-8, header
// injection, slowloris, and an upstream that fails (status, stall, reset mid-stream, garbage, truncation). Each
// gets a clear OpenAI-shaped error or a cut-off stream with an error event; the gateway keeps serving.
#include "tests/gateway/e2e/GatewayTestSupport.h"

namespace modelguard::test {
namespace {

using namespace std::chrono_literals;

class HostileInput : public ::testing::Test
{
protected:
    void SetUp() override
    {
        auto options = stackOptions();
        options.extraGatewayArgs = {"--upstream-first-byte-timeout-ms",
                                    "1500",
                                    "--upstream-idle-timeout-ms",
                                    "1500",
                                    "--max-body-bytes",
                                    "262144"};
        stack = std::make_unique<GatewayStack>(options);
        ASSERT_TRUE(stack->start()) << stack->error();
        key = createKey(*stack, "hostile").second;
        ASSERT_FALSE(key.empty());
    }

    TestResponse post(const std::string& body, const Headers& extra = {})
    {
        Headers headers {{"Authorization", "Bearer " + key}, {"Content-Type", "application/json"}};
        headers.insert(headers.end(), extra.begin(), extra.end());
        return httpRequest(stack->dataPort(), "POST", "/v1/chat/completions", body, headers);
    }

    void expectStillServing()
    {
        auto ok = post(chatBody("still there?", 8));
        EXPECT_EQ(ok.status, 200) << ok.body;
    }

    std::unique_ptr<GatewayStack> stack;
    std::string key;
};

TEST_F(HostileInput, MalformedAndMistypedRequestsGetClear400s)
{
    const std::pair<std::string, std::string> cases[] = {
        {"{not json", ""},
        {"[]", ""},
        {"{\"model\":42,\"messages\":[]}", "model"},
        {"{\"model\":\"sim-gpt-1\",\"messages\":\"hi\"}", "messages"},
        {"{\"model\":\"sim-gpt-1\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"temperature\":\"hot\"}",
         "temperature"},
        {"{\"model\":\"sim-gpt-1\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"max_tokens\":-5}",
         "max_tokens"},
        {"{\"model\":\"sim-gpt-1\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"logit_bias\":[1,2]}",
         "logit_bias"},
        {"{\"model\":\"sim-gpt-1\",\"messages\":[{\"role\":\"user\",\"content\":\"\xff\xfe bad utf8\"}]}", ""},
        {std::string(200, '[') + std::string(200, ']'), ""},
    };
    for (const auto& [body, param] : cases) {
        auto r = post(body);
        EXPECT_EQ(r.status, 400) << body.substr(0, 80) << " -> " << r.body;
        auto v = parseJson(r.body);
        ASSERT_TRUE(v.is_object()) << r.body;
        EXPECT_EQ(v.at("error").at("type").as_string(), "invalid_request_error");
        EXPECT_FALSE(v.at("error").at("message").as_string().empty());
        if (!param.empty()) {
            EXPECT_EQ(v.at("error").at("param").as_string(), param) << r.body;
        }
    }
    expectStillServing();
}

TEST_F(HostileInput, HugeBodiesHeaderInjectionAndSlowClients)
{
    auto huge = post(chatBody(std::string(400'000, 'a'), 8));
    EXPECT_EQ(huge.status, 413) << huge.body.substr(0, 200);

    // A CR/LF smuggled into a header value is not a header: the request is refused or the value kept whole.
    auto injected = rawExchange(
        stack->dataPort(),
        "GET /v1/models HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + key + "\rX-Injected: yes\r\n\r\n", 3s);
    EXPECT_EQ(injected.received.find("200 OK"), std::string::npos) << injected.received.substr(0, 200);

    // Slowloris: the header must be complete within the header deadline, or the connection is closed.
    auto held = slowloris(stack->dataPort(), 1s, 25s);
    ASSERT_TRUE(held.has_value()) << "the gateway kept a slowloris connection open";
    EXPECT_LT(held->count(), 20'000);
    expectStillServing();
}

TEST_F(HostileInput, UpstreamFailuresBecomeClearErrors)
{
    const auto faulty = [&](const std::string& fault, bool stream) {
        return post(chatBody("tell me a story", 200, stream, "\"user\":\"sim-fault:" + fault + "\""));
    };
    auto status500 = faulty("status-500", false);
    EXPECT_EQ(status500.status, 502) << status500.body;
    EXPECT_NE(status500.body.find("upstream"), std::string::npos);

    auto status429 = faulty("status-429", false);
    EXPECT_EQ(status429.status, 429) << status429.body;

    auto garbage = faulty("garbage", false);
    EXPECT_EQ(garbage.status, 502) << garbage.body;

    auto stall = faulty("stall:10000", false);
    EXPECT_EQ(stall.status, 504) << stall.body;
    EXPECT_LT(stall.elapsed.count(), 8000);

    auto reset = faulty("reset-mid-stream", false);
    EXPECT_EQ(reset.status, 502) << reset.body;

    auto truncated = faulty("truncate", false);
    EXPECT_EQ(truncated.status, 502) << truncated.body;

    // Streams: what was generated arrives, then an error event; never a silent cut.
    for (const char* fault : {"reset-mid-stream", "truncate", "stall:10000"}) {
        auto r = faulty(fault, true);
        EXPECT_EQ(r.status, 200) << fault;
        const auto data = sseData(r.body);
        ASSERT_FALSE(data.empty()) << fault;
        EXPECT_NE(data.back().find("\"error\""), std::string::npos) << fault << ": " << data.back();
    }
    // Nothing is charged for failed requests beyond what was reserved and released.
    auto view = parseJson(admin(*stack, "GET", "/admin/v1/clients/hostile").body);
    EXPECT_EQ(view.at("reserved_tokens").to_number<std::int64_t>(), 0);
    expectStillServing();
}

} // namespace
} // namespace modelguard::test
