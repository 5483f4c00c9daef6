// The upstream simulator in-process on 127.0.0.1, port 0, over real sockets.
#include "services/sim/upstream/UpstreamSimulator.h"
#include "services/sim/upstream/Generator.h"
#include "services/sim/upstream/LogitModel.h"
#include "services/sim/upstream/OpenAiRequest.h"
#include "services/sim/upstream/SimTokenizer.h"
#include "services/sim/upstream/TextModel.h"
#include "tests/services/TestHttpClient.h"

#include <boost/json.hpp>
#include <gtest/gtest.h>

#include <cctype>
#include <cmath>
#include <set>
#include <thread>

namespace modelguard::sim::upstream {
namespace {

using namespace std::chrono_literals;
namespace json = boost::json;
using test::httpRequest;

const char* kModel = "sim-gpt-1";

std::shared_ptr<const TextModel> sharedModel()
{
    static const std::shared_ptr<const TextModel> model = TextModel::load("/usr/share/games/fortunes");
    return model;
}

/// Tokens of a completion text: the tokenizer's count plus the paragraph breaks (a token of their own).
std::size_t tokenCount(const std::string& text)
{
    std::size_t breaks = 0;
    for (std::size_t pos = text.find("\n\n"); pos != std::string::npos; pos = text.find("\n\n", pos + 2)) {
        ++breaks;
    }
    return SimTokenizer::count(text) + breaks;
}

/// A chat request body with one user message and extra top-level fields.
std::string chatBody(const std::string& prompt, json::object extra = {})
{
    json::object body {{"model", kModel},
                       {"messages", json::array {json::object {{"role", "user"}, {"content", prompt}}}}};
    for (auto& field : extra) {
        body[field.key()] = field.value();
    }
    return json::serialize(body);
}

class UpstreamSimulatorTest : public ::testing::Test
{
protected:
    static UpstreamSimulatorConfig baseConfig(std::uint64_t seed = 7)
    {
        UpstreamSimulatorConfig config;
        config.seed = seed;
        config.server.port = 0;
        config.server.threads = 2;
        config.server.headerTimeout = 300ms;
        config.server.gracePeriod = 300ms;
        config.server.maxBodyBytes = 256 * 1024;
        return config;
    }

    void SetUp() override
    {
        m_sim = std::make_unique<UpstreamSimulator>(baseConfig(), sharedModel());
        m_sim->start();
        m_port = m_sim->port();
    }
    void TearDown() override { m_sim->stop(); }

    json::value chat(const std::string& prompt, json::object extra = {}, const test::Headers& headers = {})
    {
        const auto response = httpRequest(m_port, "POST", "/v1/chat/completions", chatBody(prompt, extra), headers);
        EXPECT_EQ(response.status, 200) << response.body << response.error;
        return response.status == 200 ? json::parse(response.body) : json::value();
    }

    static std::string content(const json::value& completion, std::size_t choice = 0)
    {
        return std::string(completion.at("choices").at(choice).at("message").at("content").as_string());
    }

    /// The hidden logit of `id` at the first position of a chat completion of `prompt` (what an attacker recovers).
    static double hiddenLogit(const std::string& prompt, TokenId id, std::uint64_t seed = 7)
    {
        const LogitModel logits(*sharedModel(), seed, kModel, chatPromptText({{"user", prompt}}));
        return logits.hiddenLogit({}, id);
    }

    std::unique_ptr<UpstreamSimulator> m_sim;
    std::uint16_t m_port = 0;
};

TEST_F(UpstreamSimulatorTest, ChatCompletionHasOpenAiShapeAndConsistentUsage)
{
    const std::string prompt = "Tell me something wise about work, please.";
    const json::value completion = chat(prompt);
    ASSERT_TRUE(completion.is_object());
    EXPECT_EQ(completion.at("object").as_string(), "chat.completion");
    EXPECT_EQ(completion.at("model").as_string(), kModel);
    EXPECT_TRUE(completion.at("id").as_string().starts_with("chatcmpl-"));
    const json::value& choice = completion.at("choices").at(0);
    EXPECT_EQ(choice.at("index").as_int64(), 0);
    EXPECT_EQ(choice.at("message").at("role").as_string(), "assistant");
    EXPECT_TRUE(choice.at("logprobs").is_null());
    const std::string finish(choice.at("finish_reason").as_string());
    EXPECT_TRUE(finish == "stop" || finish == "length");
    const std::string text = content(completion);
    ASSERT_GT(text.size(), 100u);

    // Plenty of ordinary English words, which the gateway's lexical watermark needs.
    std::size_t common = 0;
    const std::set<std::string> ordinary {"the", "a", "of", "to", "and", "is", "in", "you", "it", "that", "I"};
    const auto tokens = SimTokenizer::split(text);
    for (const auto token : tokens) {
        common += ordinary.count(std::string(token));
    }
    EXPECT_GT(common * 20, tokens.size()) << text;

    const json::value& usage = completion.at("usage");
    const auto promptTokens = usage.at("prompt_tokens").as_int64();
    const auto completionTokens = usage.at("completion_tokens").as_int64();
    EXPECT_EQ(promptTokens, static_cast<std::int64_t>(3 + 3 + SimTokenizer::count(prompt)));
    EXPECT_EQ(usage.at("total_tokens").as_int64(), promptTokens + completionTokens);
    // Every word and punctuation mark is a token; a natural stop adds the end-of-text token.
    EXPECT_EQ(static_cast<std::size_t>(completionTokens), tokenCount(text) + (finish == "stop" ? 1 : 0));
}

TEST_F(UpstreamSimulatorTest, SameRequestSameTextAcrossRunsAndInstances)
{
    const std::string first = content(chat("What is the meaning of life?"));
    EXPECT_EQ(first, content(chat("What is the meaning of life?")));
    EXPECT_NE(first, content(chat("What is the meaning of death?")));

    UpstreamSimulator sameSeed(baseConfig(7), sharedModel());
    sameSeed.start();
    const auto again =
        httpRequest(sameSeed.port(), "POST", "/v1/chat/completions", chatBody("What is the meaning of life?"));
    EXPECT_EQ(content(json::parse(again.body)), first);
    UpstreamSimulator otherSeed(baseConfig(8), sharedModel());
    otherSeed.start();
    const auto other =
        httpRequest(otherSeed.port(), "POST", "/v1/chat/completions", chatBody("What is the meaning of life?"));
    EXPECT_NE(content(json::parse(other.body)), first);
}

TEST_F(UpstreamSimulatorTest, StreamDeltasConcatenateToTheNonStreamedText)
{
    const std::string prompt = "Write a paragraph about cats.";
    const json::value whole = chat(prompt);
    const auto response =
        httpRequest(m_port, "POST", "/v1/chat/completions",
                    chatBody(prompt, {{"stream", true}, {"stream_options", json::object {{"include_usage", true}}}}));
    ASSERT_EQ(response.status, 200);
    EXPECT_EQ(response.header("Content-Type").value_or(""), "text/event-stream");
    EXPECT_EQ(response.header("Transfer-Encoding").value_or(""), "chunked");
    const auto events = test::sseData(response.body);
    ASSERT_GE(events.size(), 4u);
    EXPECT_EQ(events.back(), "[DONE]");
    std::string text;
    std::string finish;
    std::optional<json::value> usage;
    for (std::size_t i = 0; i + 1 < events.size(); ++i) {
        const json::value chunk = json::parse(events[i]);
        EXPECT_EQ(chunk.at("object").as_string(), "chat.completion.chunk");
        const json::array& choices = chunk.at("choices").as_array();
        if (choices.empty()) {
            usage = chunk.at("usage");
            continue;
        }
        EXPECT_TRUE(chunk.at("usage").is_null());
        const json::value& delta = choices.at(0).at("delta");
        if (const auto* piece = delta.as_object().if_contains("content")) {
            text += std::string(piece->as_string());
        }
        if (!choices.at(0).at("finish_reason").is_null()) {
            finish = std::string(choices.at(0).at("finish_reason").as_string());
        }
    }
    EXPECT_EQ(text, content(whole));
    EXPECT_EQ(finish, std::string(whole.at("choices").at(0).at("finish_reason").as_string()));
    ASSERT_TRUE(usage.has_value());
    EXPECT_EQ(usage->at("completion_tokens"), whole.at("usage").at("completion_tokens"));
    EXPECT_EQ(usage->at("prompt_tokens"), whole.at("usage").at("prompt_tokens"));

    // Without include_usage there is no usage chunk.
    const auto plain = httpRequest(m_port, "POST", "/v1/chat/completions", chatBody(prompt, {{"stream", true}}));
    for (const std::string& event : test::sseData(plain.body)) {
        if (event != "[DONE]") {
            EXPECT_FALSE(json::parse(event).as_object().contains("usage"));
        }
    }
}

TEST_F(UpstreamSimulatorTest, MaxTokensCutsWithFinishReasonLengthAndStopSequencesStop)
{
    const std::string prompt = "Say something about the law.";
    const std::string full = content(chat(prompt));
    const json::value cut = chat(prompt, {{"max_tokens", 5}});
    EXPECT_EQ(cut.at("choices").at(0).at("finish_reason").as_string(), "length");
    EXPECT_EQ(cut.at("usage").at("completion_tokens").as_int64(), 5);
    EXPECT_EQ(tokenCount(content(cut)), 5u);
    EXPECT_EQ(full.rfind(content(cut), 0), 0u) << "a cut completion is a prefix of the whole one";

    // Stop at the third word of the full text.
    const auto words = SimTokenizer::split(full);
    ASSERT_GT(words.size(), 5u);
    std::size_t pick = 3;
    while (pick < words.size() && !std::isalpha(static_cast<unsigned char>(words[pick][0]))) {
        ++pick;
    }
    ASSERT_LT(pick, words.size());
    const std::string stop = " " + std::string(words[pick]);
    const json::value stopped = chat(prompt, {{"stop", json::array {stop, "@@never@@"}}});
    const std::string stoppedText = content(stopped);
    EXPECT_EQ(stopped.at("choices").at(0).at("finish_reason").as_string(), "stop");
    EXPECT_EQ(stoppedText, full.substr(0, full.find(stop)));
    EXPECT_EQ(stoppedText.find(stop), std::string::npos);
}

TEST_F(UpstreamSimulatorTest, SeveralChoicesAndTemperature)
{
    const json::value greedy = chat("Tell a story.", {{"n", 3}, {"temperature", 0}});
    ASSERT_EQ(greedy.at("choices").as_array().size(), 3u);
    EXPECT_EQ(content(greedy, 0), content(greedy, 1)); // argmax is the same for every choice
    const json::value sampled = chat("Tell a story.", {{"n", 3}, {"temperature", 1.5}, {"max_tokens", 30}});
    std::int64_t sum = 0;
    std::set<std::string> distinct;
    for (std::size_t i = 0; i < 3; ++i) {
        EXPECT_EQ(sampled.at("choices").at(i).at("index").as_int64(), static_cast<std::int64_t>(i));
        distinct.insert(content(sampled, i));
        sum += static_cast<std::int64_t>(tokenCount(content(sampled, i)));
    }
    EXPECT_GT(distinct.size(), 1u);
    EXPECT_EQ(sampled.at("usage").at("completion_tokens").as_int64(), sum); // all cut by length: no end token
    // Sampling is seeded by the request: same request, same choices.
    const json::value again = chat("Tell a story.", {{"n", 3}, {"temperature", 1.5}, {"max_tokens", 30}});
    EXPECT_EQ(content(again, 2), content(sampled, 2));
}

TEST_F(UpstreamSimulatorTest, LogitBiasPlus100ForcesATokenAtTemperatureZero)
{
    const TokenId pseudo = 45'000; // a pseudo-word: never produced without a bias
    const std::string word = sharedModel()->tokenText(pseudo);
    const json::value forced = chat(
        "Hello there.",
        {{"temperature", 0}, {"max_tokens", 3}, {"logprobs", true}, {"logit_bias", json::object {{"45000", 100}}}});
    EXPECT_EQ(content(forced), word + " " + word + " " + word);
    const json::value& first = forced.at("choices").at(0).at("logprobs").at("content").at(0);
    EXPECT_EQ(first.at("token").as_string(), word);
    EXPECT_GT(first.at("logprob").as_double(), -1e-3); // nearly all the mass

    // -100 on the greedy first token removes it.
    const json::value greedy = chat("Hello there.", {{"temperature", 0}, {"max_tokens", 1}});
    const auto greedyId = sharedModel()->tokenId(content(greedy));
    ASSERT_TRUE(greedyId.has_value());
    const json::value banned =
        chat("Hello there.",
             {{"temperature", 0}, {"max_tokens", 1}, {"logit_bias", json::object {{std::to_string(*greedyId), -100}}}});
    EXPECT_NE(content(banned), content(greedy));
}

TEST_F(UpstreamSimulatorTest, TopLogprobsAreSortedAndSumToAtMostOne)
{
    const json::value completion =
        chat("Explain science.", {{"temperature", 0}, {"max_tokens", 20}, {"logprobs", true}, {"top_logprobs", 10}});
    const json::array& entries = completion.at("choices").at(0).at("logprobs").at("content").as_array();
    ASSERT_EQ(entries.size(), 20u);
    for (const json::value& entry : entries) {
        const json::array& top = entry.at("top_logprobs").as_array();
        ASSERT_EQ(top.size(), 10u);
        double mass = 0;
        for (std::size_t i = 0; i < top.size(); ++i) {
            const double lp = top[i].at("logprob").as_double();
            EXPECT_LE(lp, 0.0);
            if (i > 0) {
                EXPECT_LE(lp, top[i - 1].at("logprob").as_double());
            }
            mass += std::exp(lp);
        }
        EXPECT_LE(mass, 1.0 + 1e-9);
        // At temperature 0 the chosen token is the most likely one.
        EXPECT_EQ(entry.at("token"), top[0].at("token"));
        EXPECT_DOUBLE_EQ(entry.at("logprob").as_double(), top[0].at("logprob").as_double());
    }
}

TEST_F(UpstreamSimulatorTest, LogitReadOutRecoversHiddenLogitDifferences)
{
    // Carlini et al. 2024: bias two tokens by the same large amount so that both enter top_logprobs; the difference
    // of their log-probabilities is the difference of their hidden logits.
    const std::string prompt = "Read my logits.";
    const TokenId a = *sharedModel()->tokenId("dog");
    const TokenId b = *sharedModel()->tokenId("Some");
    const json::value result =
        chat(prompt, {{"temperature", 0},
                      {"max_tokens", 1},
                      {"logprobs", true},
                      {"top_logprobs", 5},
                      {"logit_bias", json::object {{std::to_string(a), 60}, {std::to_string(b), 60}}}});
    const json::array& top =
        result.at("choices").at(0).at("logprobs").at("content").at(0).at("top_logprobs").as_array();
    std::optional<double> lpA;
    std::optional<double> lpB;
    for (const json::value& entry : top) {
        if (entry.at("token").as_string() == "dog") {
            lpA = entry.at("logprob").as_double();
        }
        if (entry.at("token").as_string() == "Some") {
            lpB = entry.at("logprob").as_double();
        }
    }
    ASSERT_TRUE(lpA && lpB);
    EXPECT_NEAR(*lpA - *lpB, hiddenLogit(prompt, a) - hiddenLogit(prompt, b), 1e-6);

    // The bisection variant needs no logprobs: the smallest bias that makes `a` win at temperature 0 is the gap
    // between the top hidden logit and a's.
    double low = 0;
    double high = 100;
    for (int i = 0; i < 24; ++i) {
        const double mid = (low + high) / 2;
        const json::value probe = chat(
            prompt, {{"temperature", 0}, {"max_tokens", 1}, {"logit_bias", json::object {{std::to_string(a), mid}}}});
        (content(probe) == "dog" ? high : low) = mid;
    }
    const LogitModel logits(*sharedModel(), 7, kModel, chatPromptText({{"user", prompt}}));
    std::vector<std::pair<TokenId, double>> candidates;
    logits.candidates({}, candidates);
    double top1 = -1e9;
    for (const auto& [id, logit] : candidates) {
        top1 = std::max(top1, logit);
    }
    EXPECT_NEAR(high, top1 - hiddenLogit(prompt, a), 1e-4);
}

TEST_F(UpstreamSimulatorTest, LegacyCompletionsEndpoint)
{
    const auto response =
        httpRequest(m_port, "POST", "/v1/completions",
                    json::serialize(json::object {
                        {"model", kModel}, {"prompt", "Once upon a time"}, {"max_tokens", 12}, {"logprobs", 3}}));
    ASSERT_EQ(response.status, 200) << response.body;
    const json::value value = json::parse(response.body);
    EXPECT_EQ(value.at("object").as_string(), "text_completion");
    const json::value& choice = value.at("choices").at(0);
    EXPECT_EQ(tokenCount(std::string(choice.at("text").as_string())), 12u);
    EXPECT_EQ(choice.at("logprobs").at("tokens").as_array().size(), 12u);
    EXPECT_EQ(choice.at("logprobs").at("top_logprobs").at(0).as_object().size(), 3u);
    EXPECT_EQ(value.at("usage").at("prompt_tokens").as_int64(), 4);
}

TEST_F(UpstreamSimulatorTest, EmbeddingsAreDeterministicUnitVectorsOfTheRightSize)
{
    auto embed = [&](json::object body) {
        body["model"] = "sim-embedding-1";
        const auto response = httpRequest(m_port, "POST", "/v1/embeddings", json::serialize(body));
        EXPECT_EQ(response.status, 200) << response.body;
        return json::parse(response.body);
    };
    const json::value one = embed({{"input", json::array {"the cat sat", "a dog ran"}}});
    const json::array& first = one.at("data").at(0).at("embedding").as_array();
    EXPECT_EQ(first.size(), 1536u);
    double norm = 0;
    for (const json::value& v : first) {
        norm += v.as_double() * v.as_double();
    }
    EXPECT_NEAR(norm, 1.0, 1e-5);
    EXPECT_NE(one.at("data").at(0).at("embedding"), one.at("data").at(1).at("embedding"));
    EXPECT_EQ(one.at("usage").at("prompt_tokens").as_int64(), 6);
    const json::value again = embed({{"input", "the cat sat"}});
    EXPECT_EQ(again.at("data").at(0).at("embedding"), one.at("data").at(0).at("embedding"));
    const json::value small = embed({{"input", "the cat sat"}, {"dimensions", 64}});
    EXPECT_EQ(small.at("data").at(0).at("embedding").as_array().size(), 64u);
    const json::value packed = embed({{"input", "the cat sat"}, {"dimensions", 64}, {"encoding_format", "base64"}});
    EXPECT_EQ(packed.at("data").at(0).at("embedding").as_string().size(), (64u * 4 + 2) / 3 * 4);
}

TEST_F(UpstreamSimulatorTest, ModelsAreListed)
{
    const auto response = httpRequest(m_port, "GET", "/v1/models");
    ASSERT_EQ(response.status, 200);
    const json::value value = json::parse(response.body);
    std::set<std::string> ids;
    for (const json::value& model : value.at("data").as_array()) {
        ids.insert(std::string(model.at("id").as_string()));
    }
    EXPECT_EQ(ids, (std::set<std::string> {"sim-gpt-1", "sim-gpt-1-mini", "sim-embedding-1"}));
}

TEST_F(UpstreamSimulatorTest, InvalidRequestsGetOpenAiErrors)
{
    struct Case
    {
        std::string body;
        int status;
        std::string param; ///< expected error.param, "" = null
    };
    const std::string messages = R"("messages":[{"role":"user","content":"hi"}])";
    const std::vector<Case> cases {
        {"{not json", 400, ""},
        {"[1,2,3]", 400, ""},
        {R"({"model":"sim-gpt-1"})", 400, "messages"},
        {R"({"messages":[{"role":"user","content":"hi"}]})", 400, "model"},
        {R"({"model":"no-such-model",)" + messages + "}", 404, ""},
        {R"({"model":"sim-gpt-1","messages":"hi"})", 400, "messages"},
        {R"({"model":"sim-gpt-1","messages":[]})", 400, "messages"},
        {R"({"model":"sim-gpt-1","messages":[{"role":"wizard","content":"hi"}]})", 400, "messages.[0].role"},
        {R"({"model":"sim-gpt-1",)" + messages + R"(,"temperature":"hot"})", 400, "temperature"},
        {R"({"model":"sim-gpt-1",)" + messages + R"(,"temperature":3})", 400, "temperature"},
        {R"({"model":"sim-gpt-1",)" + messages + R"(,"max_tokens":0})", 400, "max_tokens"},
        {R"({"model":"sim-gpt-1",)" + messages + R"(,"max_tokens":100000})", 400, "max_tokens"},
        {R"({"model":"sim-gpt-1",)" + messages + R"(,"logit_bias":{"abc":1}})", 400, "logit_bias"},
        {R"({"model":"sim-gpt-1",)" + messages + R"(,"logit_bias":{"50000":1}})", 400, "logit_bias"},
        {R"({"model":"sim-gpt-1",)" + messages + R"(,"logit_bias":{"5":101}})", 400, "logit_bias"},
        {R"({"model":"sim-gpt-1",)" + messages + R"(,"top_logprobs":3})", 400, "top_logprobs"},
        {R"({"model":"sim-gpt-1",)" + messages + R"(,"n":0})", 400, "n"},
        {R"({"model":"sim-gpt-1",)" + messages + R"(,"stop":[1]})", 400, "stop"},
        {"{\"model\":\"sim-gpt-1\",\"messages\":[{\"role\":\"user\",\"content\":\"bad \xff\xfe utf8\"}]}", 400, ""},
    };
    for (const Case& c : cases) {
        const auto response = httpRequest(m_port, "POST", "/v1/chat/completions", c.body);
        EXPECT_EQ(response.status, c.status) << c.body << " -> " << response.body;
        const json::value value = json::parse(response.body);
        const json::object& error = value.at("error").as_object();
        EXPECT_TRUE(error.at("message").is_string());
        EXPECT_EQ(error.at("type").as_string(), "invalid_request_error");
        if (c.param.empty()) {
            EXPECT_TRUE(error.at("param").is_null()) << c.body;
        } else {
            EXPECT_EQ(error.at("param").as_string(), c.param) << c.body;
        }
        EXPECT_TRUE(error.contains("code"));
    }
    const auto emptyEmbedding =
        httpRequest(m_port, "POST", "/v1/embeddings", R"({"model":"sim-embedding-1","input":""})");
    EXPECT_EQ(emptyEmbedding.status, 400);
    EXPECT_EQ(httpRequest(m_port, "POST", "/v1/nothing", "{}").status, 404);
    EXPECT_EQ(httpRequest(m_port, "POST", "/v1/chat/completions", std::string(300 * 1024, ' ')).status, 413);
}

TEST_F(UpstreamSimulatorTest, TokenLatencyPacesStreamsAndNonStreamedResponses)
{
    const test::Headers slow {{"x-sim-token-latency-ms", "20"}};
    const auto plain =
        httpRequest(m_port, "POST", "/v1/chat/completions", chatBody("Pace me.", {{"max_tokens", 10}}), slow);
    EXPECT_EQ(plain.status, 200);
    EXPECT_GE(plain.elapsed.count(), 200);
    const auto streamed = httpRequest(m_port, "POST", "/v1/chat/completions",
                                      chatBody("Pace me.", {{"max_tokens", 10}, {"stream", true}}), slow);
    EXPECT_EQ(streamed.status, 200);
    EXPECT_GE(streamed.elapsed.count(), 200);
    EXPECT_EQ(test::sseData(streamed.body).back(), "[DONE]");
}

TEST_F(UpstreamSimulatorTest, ClientDisconnectMidStreamLeavesNoSession)
{
    const auto partial = test::httpRequestThenDisconnect(
        m_port, "/v1/chat/completions", chatBody("Stream slowly.", {{"stream", true}, {"max_tokens", 200}}),
        {{"x-sim-token-latency-ms", "30"}}, 300);
    EXPECT_EQ(partial.status, 200);
    EXPECT_GE(partial.body.size(), 300u);
    for (int i = 0; i < 300 && m_sim->activeSessions() != 0; ++i) {
        std::this_thread::sleep_for(10ms);
    }
    EXPECT_EQ(m_sim->activeSessions(), 0u);
    EXPECT_LT(partial.elapsed.count(), 3000); // 200 tokens x 30 ms would take 6 s
    EXPECT_EQ(httpRequest(m_port, "GET", "/v1/models").status, 200);
}

TEST_F(UpstreamSimulatorTest, FaultInjection)
{
    const std::string body = chatBody("Fail for me.", {{"max_tokens", 40}});
    const std::string streamBody = chatBody("Fail for me.", {{"max_tokens", 40}, {"stream", true}});

    const auto unavailable = httpRequest(m_port, "POST", "/v1/chat/completions", body, {{"x-sim-fault", "status-503"}});
    EXPECT_EQ(unavailable.status, 503);
    EXPECT_EQ(json::parse(unavailable.body).at("error").at("type").as_string(), "server_error");
    const auto limited = httpRequest(m_port, "POST", "/v1/chat/completions", body, {{"x-sim-fault", "status-429"}});
    EXPECT_EQ(limited.status, 429);
    EXPECT_EQ(limited.header("Retry-After").value_or(""), "1");

    const auto garbage = httpRequest(m_port, "POST", "/v1/chat/completions", body, {{"x-sim-fault", "garbage"}});
    EXPECT_EQ(garbage.status, 0);
    EXPECT_FALSE(garbage.error.empty());

    const auto reset =
        httpRequest(m_port, "POST", "/v1/chat/completions", streamBody, {{"x-sim-fault", "reset-mid-stream"}});
    EXPECT_EQ(reset.status, 200);
    EXPECT_FALSE(reset.error.empty());
    EXPECT_GT(test::sseData(reset.body).size(), 1u);
    EXPECT_EQ(reset.body.find("[DONE]"), std::string::npos);
    const auto resetPlain =
        httpRequest(m_port, "POST", "/v1/chat/completions", body, {{"x-sim-fault", "reset-mid-stream"}});
    EXPECT_FALSE(resetPlain.error.empty());

    const auto truncated =
        httpRequest(m_port, "POST", "/v1/chat/completions", streamBody, {{"x-sim-fault", "truncate"}});
    EXPECT_EQ(truncated.status, 200);
    EXPECT_TRUE(truncated.error.empty()); // well-framed, but the SSE stream lacks its end
    EXPECT_EQ(truncated.body.find("[DONE]"), std::string::npos);

    const auto slow = httpRequest(m_port, "POST", "/v1/chat/completions", body,
                                  {{"x-sim-fault", "slow-first-byte"}, {"x-sim-fault-delay-ms", "300"}});
    EXPECT_EQ(slow.status, 200);
    EXPECT_GE(slow.elapsed.count(), 300);

    const auto stalled = httpRequest(m_port, "POST", "/v1/chat/completions", body,
                                     {{"x-sim-fault", "stall"}, {"x-sim-fault-delay-ms", "10000"}}, 400ms);
    EXPECT_EQ(stalled.status, 0); // nothing within the client's 400 ms
    EXPECT_FALSE(stalled.error.empty());

    const auto unknown = httpRequest(m_port, "POST", "/v1/chat/completions", body, {{"x-sim-fault", "explode"}});
    EXPECT_EQ(unknown.status, 400);
    EXPECT_EQ(json::parse(unknown.body).at("error").at("param").as_string(), "x-sim-fault");
    // The server survives all of it.
    EXPECT_EQ(httpRequest(m_port, "POST", "/v1/chat/completions", body).status, 200);
}

TEST(SimTokenizerTest, WordsAndPunctuationAreTokens)
{
    EXPECT_EQ(SimTokenizer::count("Hello, world! It's 42."), 7u);
    EXPECT_EQ(SimTokenizer::count(""), 0u);
    EXPECT_EQ(SimTokenizer::count("   \n\t "), 0u);
    const auto tokens = SimTokenizer::split("don't stop");
    ASSERT_EQ(tokens.size(), 2u);
    EXPECT_EQ(tokens[0], "don't");
}

TEST(TextModelTest, VocabularyIsFixedAndMissingCorpusIsAClearError)
{
    const auto model = sharedModel();
    EXPECT_GT(model->corpusWordCount(), 5000u);
    EXPECT_EQ(model->tokenText(TextModel::kParagraph), "\n\n");
    std::set<std::string> unique;
    for (TokenId id = TextModel::kFirstWord; id < TextModel::kVocabularySize; ++id) {
        unique.insert(model->tokenText(id));
    }
    EXPECT_EQ(unique.size(), TextModel::kVocabularySize - TextModel::kFirstWord);
    try {
        TextModel::load("/nonexistent/fortunes");
        ADD_FAILURE() << "expected an error";
    } catch (const std::runtime_error& e) {
        EXPECT_NE(std::string(e.what()).find("fortunes"), std::string::npos);
    }
}

} // namespace
} // namespace modelguard::sim::upstream
