#include "services/gateway/inspect/RequestInspector.h"

#include <boost/json.hpp>
#include <gtest/gtest.h>

#include <algorithm>

using namespace modelguard;
using namespace modelguard::gateway::inspect;
namespace json = boost::json;

namespace {

struct Outcome
{
    std::variant<InspectedRequest, InspectError> result;

    const InspectedRequest& ok() const
    {
        if (const auto* error = std::get_if<InspectError>(&result)) {
            ADD_FAILURE() << "unexpected error: " << error->message;
            static const InspectedRequest empty;
            return empty;
        }
        return std::get<InspectedRequest>(result);
    }
    const InspectError& error() const
    {
        if (!std::holds_alternative<InspectError>(result)) {
            ADD_FAILURE() << "expected an error";
            static const InspectError none;
            return none;
        }
        return std::get<InspectError>(result);
    }
    json::object upstream() const { return json::parse(ok().upstreamBody).as_object(); }
};

Outcome inspect(Endpoint endpoint, std::string_view body, const policy::OutputPolicy& output = {},
                const policy::LimitPolicy& limits = {}, bool stripLogits = false)
{
    return Outcome {inspectRequest(endpoint, body, output, limits, stripLogits)};
}

Outcome chat(std::string_view extra, const policy::OutputPolicy& output = {}, const policy::LimitPolicy& limits = {},
             bool stripLogits = false)
{
    std::string body = R"({"model":"sim-gpt-1","messages":[{"role":"user","content":"Hi"}])";
    if (!extra.empty()) {
        body += ",";
        body += extra;
    }
    body += "}";
    return inspect(Endpoint::Chat, body, output, limits, stripLogits);
}

bool contains(const std::vector<std::string>& list, std::string_view name)
{
    return std::find(list.begin(), list.end(), name) != list.end();
}

} // namespace

TEST(RequestInspector, ChatRecordAndInjectedMaxTokens)
{
    const auto outcome = inspect(Endpoint::Chat, R"({"model":"sim-gpt-1","messages":[
        {"role":"system","content":"Be brief."},
        {"role":"user","content":[{"type":"text","text":"Hello "},{"type":"image_url","image_url":{"url":"x"}},
                                   {"type":"text","text":"world"}]},
        {"role":"assistant","content":null,"tool_calls":[]},
        {"role":"user","content":"Again"}],
        "temperature":0.3,"n":2,"logprobs":true,"top_logprobs":3,"logit_bias":{"17":-100,"42":2.5},
        "stop":["a","b"],"user":"u1"})");
    const InspectedRequest& request = outcome.ok();
    EXPECT_EQ(request.endpoint, Endpoint::Chat);
    EXPECT_EQ(request.model, "sim-gpt-1");
    EXPECT_FALSE(request.stream);
    EXPECT_EQ(request.record.prompt, "Be brief.\nHello world\n\nAgain");
    EXPECT_EQ(request.record.messageCount, 4u);
    EXPECT_EQ(request.record.maxTokens, -1);
    EXPECT_DOUBLE_EQ(request.record.temperature, 0.3);
    EXPECT_EQ(request.record.n, 2);
    EXPECT_TRUE(request.record.logprobs);
    EXPECT_EQ(request.record.topLogprobs, 3);
    ASSERT_EQ(request.record.logitBias.size(), 2u);
    EXPECT_EQ(request.record.logitBias[0], (std::pair<std::int64_t, double>(17, -100.0)));
    EXPECT_EQ(request.record.logitBias[1], (std::pair<std::int64_t, double>(42, 2.5)));
    EXPECT_EQ(request.record.stopCount, 2u);
    EXPECT_EQ(request.effectiveMaxTokens, 1024);
    EXPECT_EQ(request.choiceCount, 2);
    EXPECT_GE(request.promptBytes, static_cast<std::int64_t>(request.record.prompt.size()) + 4 * 16);
    EXPECT_TRUE(request.stripped.empty());
    const json::object upstream = outcome.upstream();
    EXPECT_EQ(upstream.at("max_tokens").as_int64(), 1024);
    EXPECT_EQ(upstream.at("user").as_string(), "u1"); // unknown parameters pass through
    EXPECT_EQ(upstream.at("top_logprobs").as_int64(), 3);
}

TEST(RequestInspector, MaxTokensKeptOrCapped)
{
    policy::LimitPolicy limits;
    limits.maxTokensCap = 100;
    auto outcome = chat(R"("max_tokens":50)", {}, limits);
    EXPECT_EQ(outcome.ok().effectiveMaxTokens, 50);
    EXPECT_EQ(outcome.ok().record.maxTokens, 50);
    outcome = chat(R"("max_completion_tokens":5000)", {}, limits);
    EXPECT_EQ(outcome.ok().effectiveMaxTokens, 100);
    EXPECT_EQ(outcome.ok().record.maxTokens, 5000); // as requested
    EXPECT_EQ(outcome.upstream().at("max_completion_tokens").as_int64(), 100);
    EXPECT_FALSE(outcome.upstream().contains("max_tokens"));
    limits.defaultMaxTokens = 4000;
    outcome = chat("", {}, limits);
    EXPECT_EQ(outcome.ok().effectiveMaxTokens, 100);
    EXPECT_EQ(outcome.upstream().at("max_tokens").as_int64(), 100);
}

TEST(RequestInspector, WrongTypesGiveOpenAiErrors)
{
    auto error = chat(R"("temperature":"hot")").error();
    EXPECT_EQ(error.status, 400);
    EXPECT_EQ(error.param, "temperature");
    EXPECT_EQ(error.code, "invalid_type");
    EXPECT_EQ(error.message, "Invalid type for 'temperature': expected a number, but got a string instead.");

    error = chat(R"("temperature":2.5)").error();
    EXPECT_EQ(error.param, "temperature");
    EXPECT_EQ(error.code, "invalid_value");
    EXPECT_NE(error.message.find("out of range"), std::string::npos);

    struct Case
    {
        const char* extra;
        const char* param;
    };
    for (const Case& c :
         {Case {R"("max_tokens":-1)", "max_tokens"}, Case {R"("max_tokens":1.5)", "max_tokens"},
          Case {R"("max_completion_tokens":"9")", "max_completion_tokens"}, Case {R"("n":0)", "n"},
          Case {R"("top_logprobs":21)", "top_logprobs"}, Case {R"("logprobs":1)", "logprobs"},
          Case {R"("logit_bias":[1])", "logit_bias"}, Case {R"("logit_bias":{"x":1})", "logit_bias"},
          Case {R"("logit_bias":{"5":101})", "logit_bias"}, Case {R"("logit_bias":{"5":"1"})", "logit_bias"},
          Case {R"("stop":["a","b","c","d","e"])", "stop"}, Case {R"("stop":5)", "stop"},
          Case {R"("stream":"yes")", "stream"}, Case {R"("stream_options":true)", "stream_options"},
          Case {R"("top_p":2)", "top_p"}}) {
        const auto outcome = chat(c.extra);
        ASSERT_TRUE(std::holds_alternative<InspectError>(outcome.result)) << c.extra;
        EXPECT_EQ(std::get<InspectError>(outcome.result).param, c.param) << c.extra;
        EXPECT_EQ(std::get<InspectError>(outcome.result).status, 400) << c.extra;
    }

    error = inspect(Endpoint::Chat, R"({"messages":[{"role":"user","content":"x"}]})").error();
    EXPECT_EQ(error.param, "model");
    EXPECT_EQ(error.code, "missing_required_parameter");
    error = inspect(Endpoint::Chat, R"({"model":7,"messages":[]})").error();
    EXPECT_EQ(error.message, "Invalid type for 'model': expected a string, but got an integer instead.");
    error = inspect(Endpoint::Chat, R"({"model":"m","messages":[]})").error();
    EXPECT_EQ(error.param, "messages");
    error = inspect(Endpoint::Chat, R"({"model":"m","messages":[{"role":"user","content":5}]})").error();
    EXPECT_EQ(error.param, "messages.[0].content");
    error =
        inspect(Endpoint::Chat, R"({"model":"m","messages":[{"role":"user","content":[{"type":"text"}]}]})").error();
    EXPECT_EQ(error.param, "messages.[0].content.[0].text");
}

TEST(RequestInspector, MalformedBodies)
{
    EXPECT_EQ(inspect(Endpoint::Chat, "").error().code, "invalid_json");
    EXPECT_EQ(inspect(Endpoint::Chat, "{\"model\":").error().code, "invalid_json");
    EXPECT_EQ(inspect(Endpoint::Chat, "[1,2]").error().code, "invalid_json");
    const auto utf8 =
        inspect(Endpoint::Chat, "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"\xC3\x28\"}]}");
    EXPECT_EQ(utf8.error().status, 400);
    EXPECT_EQ(utf8.error().code, "invalid_utf8");
    std::string deep = R"({"model":"m","messages":[{"role":"user","content":"x"}],"metadata":)";
    deep += std::string(200, '[') + std::string(200, ']') + "}";
    const auto tooDeep = inspect(Endpoint::Chat, deep);
    EXPECT_EQ(tooDeep.error().status, 400);
    EXPECT_NE(tooDeep.error().message.find("nested too deeply"), std::string::npos);
    const std::string huge(kMaxRequestBytes + 1, ' ');
    EXPECT_EQ(inspect(Endpoint::Chat, huge).error().status, 413);
}

TEST(RequestInspector, LogprobsPolicy)
{
    policy::OutputPolicy output;
    output.logprobs = policy::LogprobsMode::Deny;
    auto error = chat(R"("logprobs":true)", output).error();
    EXPECT_EQ(error.status, 400);
    EXPECT_EQ(error.code, "policy_violation");
    EXPECT_EQ(error.param, "logprobs");
    EXPECT_EQ(chat(R"("logprobs":false,"top_logprobs":2)", output).error().param, "top_logprobs");
    EXPECT_EQ(chat(R"("logprobs":false)", output).ok().stripped.size(), 0u); // asking for none is fine

    output.logprobs = policy::LogprobsMode::Strip;
    auto outcome = chat(R"("logprobs":true,"top_logprobs":5)", output);
    EXPECT_TRUE(contains(outcome.ok().stripped, "logprobs"));
    EXPECT_TRUE(contains(outcome.ok().stripped, "top_logprobs"));
    EXPECT_FALSE(outcome.upstream().contains("logprobs"));
    EXPECT_FALSE(outcome.upstream().contains("top_logprobs"));
    EXPECT_TRUE(outcome.ok().record.logprobs); // the record keeps what was requested
    EXPECT_EQ(outcome.ok().record.topLogprobs, 5);

    output.logprobs = policy::LogprobsMode::Cap;
    output.topLogprobsCap = 2;
    outcome = chat(R"("logprobs":true,"top_logprobs":5)", output);
    EXPECT_EQ(outcome.upstream().at("top_logprobs").as_int64(), 2);
    EXPECT_TRUE(outcome.ok().stripped.empty());
    outcome = inspect(Endpoint::Completions, R"({"model":"m","prompt":"p","logprobs":5})", output);
    EXPECT_EQ(outcome.upstream().at("logprobs").as_int64(), 2);

    output.logprobs = policy::LogprobsMode::Round;
    outcome = chat(R"("logprobs":true,"top_logprobs":5)", output);
    EXPECT_EQ(outcome.upstream().at("top_logprobs").as_int64(), 5);
}

TEST(RequestInspector, LogitBiasPolicy)
{
    policy::OutputPolicy output;
    output.logitBias = policy::LogitBiasMode::Deny;
    auto error = chat(R"("logit_bias":{"1":5})", output).error();
    EXPECT_EQ(error.code, "policy_violation");
    EXPECT_EQ(error.param, "logit_bias");
    EXPECT_TRUE(chat(R"("logit_bias":{})", output).ok().stripped.empty());

    output.logitBias = policy::LogitBiasMode::DenyWithLogprobs;
    EXPECT_EQ(chat(R"("logit_bias":{"1":5})", output).upstream().at("logit_bias").as_object().size(), 1u);
    EXPECT_EQ(chat(R"("logit_bias":{"1":5},"logprobs":true)", output).error().param, "logit_bias");

    output.logitBias = policy::LogitBiasMode::Strip;
    auto outcome = chat(R"("logit_bias":{"1":5})", output);
    EXPECT_EQ(outcome.ok().stripped, std::vector<std::string> {"logit_bias"});
    EXPECT_FALSE(outcome.upstream().contains("logit_bias"));
    EXPECT_EQ(outcome.ok().record.logitBias.size(), 1u);

    output.logitBias = policy::LogitBiasMode::Cap;
    output.logitBiasMaxCount = 2;
    output.logitBiasMaxMagnitude = 5;
    outcome = chat(R"("logit_bias":{"1":100,"2":-100,"3":1,"4":2})", output);
    const json::object bias = outcome.upstream().at("logit_bias").as_object();
    ASSERT_EQ(bias.size(), 2u);
    EXPECT_DOUBLE_EQ(bias.at("1").to_number<double>(), 5.0);
    EXPECT_DOUBLE_EQ(bias.at("2").to_number<double>(), -5.0);
    EXPECT_EQ(outcome.ok().record.logitBias.size(), 4u);
}

TEST(RequestInspector, RiskStripLogitsOverridesThePolicy)
{
    policy::OutputPolicy output; // allow everything
    const auto outcome = chat(R"("logprobs":true,"top_logprobs":5,"logit_bias":{"9":1})", output, {}, true);
    EXPECT_EQ(outcome.ok().stripped.size(), 3u);
    const json::object upstream = outcome.upstream();
    EXPECT_FALSE(upstream.contains("logprobs"));
    EXPECT_FALSE(upstream.contains("top_logprobs"));
    EXPECT_FALSE(upstream.contains("logit_bias"));
    EXPECT_TRUE(outcome.ok().record.logprobs);
    EXPECT_EQ(outcome.ok().record.logitBias.size(), 1u);
}

TEST(RequestInspector, MaxNAndMinTemperature)
{
    policy::OutputPolicy output;
    output.maxN = 2;
    output.minTemperature = 0.7;
    auto outcome = chat(R"("n":8,"temperature":0)", output);
    EXPECT_EQ(outcome.upstream().at("n").as_int64(), 2);
    EXPECT_DOUBLE_EQ(outcome.upstream().at("temperature").to_number<double>(), 0.7);
    EXPECT_EQ(outcome.ok().record.n, 8);
    EXPECT_DOUBLE_EQ(outcome.ok().record.temperature, 0.0);
    EXPECT_EQ(outcome.ok().choiceCount, 2);
    output.minTemperature = 1.5;
    outcome = chat("", output); // absent = 1.0 < 1.5
    EXPECT_DOUBLE_EQ(outcome.upstream().at("temperature").to_number<double>(), 1.5);
    outcome = chat(R"("temperature":1.8)", output);
    EXPECT_DOUBLE_EQ(outcome.upstream().at("temperature").to_number<double>(), 1.8);
}

TEST(RequestInspector, StreamingForcesUsageReporting)
{
    auto outcome = chat(R"("stream":true)");
    EXPECT_TRUE(outcome.ok().stream);
    EXPECT_FALSE(outcome.ok().clientIncludeUsage);
    EXPECT_TRUE(outcome.upstream().at("stream_options").at("include_usage").as_bool());
    outcome = chat(R"("stream":true,"stream_options":{"include_usage":true,"other":1})");
    EXPECT_TRUE(outcome.ok().clientIncludeUsage);
    EXPECT_EQ(outcome.upstream().at("stream_options").at("other").as_int64(), 1);
    outcome = chat(R"("stream":false)");
    EXPECT_FALSE(outcome.upstream().contains("stream_options"));
}

TEST(RequestInspector, CompletionsAndEmbeddings)
{
    auto outcome = inspect(Endpoint::Completions,
                           R"({"model":"m","prompt":["one","two"],"n":3,"logprobs":2,"max_tokens":7,"stop":"x"})");
    EXPECT_EQ(outcome.ok().record.prompt, "one\ntwo");
    EXPECT_EQ(outcome.ok().record.messageCount, 1u);
    EXPECT_TRUE(outcome.ok().record.logprobs);
    EXPECT_EQ(outcome.ok().record.topLogprobs, 2);
    EXPECT_EQ(outcome.ok().record.stopCount, 1u);
    EXPECT_EQ(outcome.ok().choiceCount, 6);
    EXPECT_EQ(outcome.ok().effectiveMaxTokens, 7);
    EXPECT_EQ(inspect(Endpoint::Completions, R"({"model":"m","prompt":3})").error().param, "prompt");
    EXPECT_EQ(inspect(Endpoint::Completions, R"({"model":"m","prompt":[]})").error().param, "prompt");
    EXPECT_EQ(inspect(Endpoint::Completions, R"({"model":"m","prompt":"p","logprobs":true})").error().param,
              "logprobs");

    outcome = inspect(Endpoint::Embeddings, R"({"model":"e","input":["a","b"],"encoding_format":"float"})");
    EXPECT_EQ(outcome.ok().record.prompt, "a\nb");
    EXPECT_EQ(outcome.ok().effectiveMaxTokens, 0);
    EXPECT_FALSE(outcome.upstream().contains("max_tokens"));
    EXPECT_EQ(inspect(Endpoint::Embeddings, R"({"model":"e","input":[1,2,3]})").ok().record.prompt, "#1 #2 #3 ");
    EXPECT_EQ(inspect(Endpoint::Embeddings, R"({"model":"e","input":{}})").error().param, "input");
    EXPECT_EQ(inspect(Endpoint::Embeddings, R"({"model":"e"})").error().code, "missing_required_parameter");
    EXPECT_EQ(endpointName(Endpoint::Embeddings), "embeddings");
}
