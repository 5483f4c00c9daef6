#include "services/gateway/inspect/ResponseTransformer.h"

#include <boost/json.hpp>
#include <gtest/gtest.h>

#include <map>
#include <random>

using namespace modelguard;
using namespace modelguard::gateway::inspect;
namespace json = boost::json;

namespace {

const std::vector<std::string> kTexts {
    "The quick answer is that a large model can be copied by anyone who asks it enough questions. We think the "
    "best defence is to watch how clients use the service, and to mark every answer so that a stolen copy shows "
    "where it came from. It is a simple idea, but the details matter a great deal.",
    "An old house stood at the end of the road. Nobody had lived there for years, yet every evening a light "
    "appeared in the upper window and stayed until dawn. The children of the village said it was a ghost.",
};

class ResponseTransformerTest : public ::testing::Test
{
protected:
    watermark::GatewayKey key = watermark::GatewayKey::generate("gw-test");
    watermark::Embedder embedder {key, "acme", watermark::EmbedOptions {watermark::Scheme::Both, 1.0, 29000000}};

    ResponseTransformer::EmbedderFactory factory()
    {
        return [this] { return embedder.stream(); };
    }
};

std::string head(bool chat, bool chunk)
{
    return std::string(R"({"id":"chatcmpl-1","object":")")
           + (chat ? (chunk ? "chat.completion.chunk" : "chat.completion") : "text_completion")
           + R"(","created":1700000000,"model":"sim-gpt-1","system_fingerprint":"fp_modelguard_sim",)";
}

/// Word-sized pieces, like the simulator's tokens.
std::vector<std::string> pieces(const std::string& text)
{
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find(' ', start + 1);
        end = end == std::string::npos ? text.size() : end;
        out.push_back(text.substr(start, end - start));
        start = end;
    }
    return out;
}

/// An upstream stream in the simulator's shape (services/sim/upstream/UpstreamSimulator.cpp).
std::string upstreamStream(bool chat, bool includeUsage, bool done = true)
{
    auto chunk = [&](const std::string& choice) {
        return "data: " + head(chat, true) + R"("choices":[)" + choice + "]" + (includeUsage ? R"(,"usage":null)" : "")
               + "}\n\n";
    };
    std::string out;
    if (chat) {
        for (std::size_t i = 0; i < kTexts.size(); ++i) {
            out += chunk(R"({"index":)" + std::to_string(i)
                         + R"(,"delta":{"role":"assistant","content":""},"logprobs":null,"finish_reason":null})");
        }
    }
    std::vector<std::vector<std::string>> split;
    std::size_t longest = 0;
    for (const auto& text : kTexts) {
        split.push_back(pieces(text));
        longest = std::max(longest, split.back().size());
    }
    for (std::size_t step = 0; step < longest; ++step) {
        for (std::size_t i = 0; i < kTexts.size(); ++i) {
            if (step >= split[i].size()) {
                continue;
            }
            const std::string text = json::serialize(json::value(split[i][step]));
            out += chunk(R"({"index":)" + std::to_string(i)
                         + (chat ? R"(,"delta":{"content":)" + text + "}" : R"(,"text":)" + text)
                         + R"(,"logprobs":null,"finish_reason":null})");
        }
    }
    for (std::size_t i = 0; i < kTexts.size(); ++i) {
        out += chunk(R"({"index":)" + std::to_string(i) + (chat ? R"(,"delta":{})" : R"(,"text":"")")
                     + R"(,"logprobs":null,"finish_reason":")" + (i == 0 ? "stop" : "length") + "\"}");
    }
    if (includeUsage) {
        out += "data: " + head(chat, true)
               + R"("choices":[],"usage":{"prompt_tokens":11,"completion_tokens":97,"total_tokens":108}})" + "\n\n";
    }
    if (done) {
        out += "data: [DONE]\n\n";
    }
    return out;
}

struct ParsedStream
{
    std::map<std::int64_t, std::string> text;
    std::vector<json::object> events;
    bool done = false;
    bool usageChunk = false;
    bool usageField = false;
    bool flushBeforeFinish = true;
};

ParsedStream parseForwarded(const std::string& forwarded, bool chat)
{
    ParsedStream parsed;
    std::size_t pos = 0;
    std::map<std::int64_t, bool> finished;
    while (pos < forwarded.size()) {
        const std::size_t end = forwarded.find("\n\n", pos);
        EXPECT_NE(end, std::string::npos) << "incomplete event";
        if (end == std::string::npos) {
            break;
        }
        const std::string event = forwarded.substr(pos, end - pos);
        pos = end + 2;
        EXPECT_EQ(event.rfind("data: ", 0), 0u) << event;
        const std::string data = event.substr(6);
        EXPECT_FALSE(parsed.done) << "event after [DONE]";
        if (data == "[DONE]") {
            parsed.done = true;
            continue;
        }
        json::object object = json::parse(data).as_object();
        parsed.usageField = parsed.usageField || object.contains("usage");
        const json::array& choices = object.at("choices").as_array();
        if (choices.empty()) {
            parsed.usageChunk = true;
        }
        for (const json::value& c : choices) {
            const json::object& choice = c.as_object();
            const std::int64_t index = choice.at("index").as_int64();
            const json::value* text =
                chat ? choice.at("delta").as_object().if_contains("content") : choice.if_contains("text");
            if (text && text->is_string()) {
                if (finished[index] && !text->as_string().empty()) {
                    parsed.flushBeforeFinish = false; // text after the finish chunk
                }
                parsed.text[index] += std::string_view(text->as_string());
            }
            if (choice.at("finish_reason").is_string()) {
                finished[index] = true;
            }
        }
        parsed.events.push_back(std::move(object));
    }
    return parsed;
}

const std::string kChatBody =
    std::string(R"({"id":"chatcmpl-1","object":"chat.completion","created":1,"model":"m",)")
    + R"("choices":[{"index":0,"message":{"role":"assistant","content":)" + json::serialize(json::value(kTexts[0]))
    + R"(,"refusal":null},"logprobs":{"content":[{"token":"The","logprob":-0.123456,)"
    + R"("bytes":[84,104,101],"top_logprobs":[{"token":"A","logprob":-2.3456,"bytes":[65]},)"
    + R"({"token":"The","logprob":-0.123456,"bytes":[84,104,101]},)"
    + R"({"token":"In","logprob":-3.5,"bytes":[73,110]}]}],"refusal":null},)" + R"("finish_reason":"length"},)"
    + R"({"index":1,"message":{"role":"assistant","content":)" + json::serialize(json::value(kTexts[1]))
    + R"(,"refusal":null},"logprobs":null,"finish_reason":"stop"}],)"
    + R"("usage":{"prompt_tokens":12,"completion_tokens":150,"total_tokens":162}})";

} // namespace

TEST_F(ResponseTransformerTest, NonStreamingChatIsWatermarkedPerChoice)
{
    ResponseTransformer transformer(Endpoint::Chat, {}, factory(), 1);
    const auto out = transformer.transformBody(kChatBody);
    ASSERT_TRUE(out);
    const json::object body = json::parse(*out).as_object();
    const json::array& choices = body.at("choices").as_array();
    for (std::size_t i = 0; i < 2; ++i) {
        const std::string content(choices[i].at("message").at("content").as_string());
        EXPECT_EQ(content, embedder.embed(kTexts[i]));
        EXPECT_NE(content, kTexts[i]);
    }
    // Allow: logprobs untouched.
    EXPECT_DOUBLE_EQ(choices[0].at("logprobs").at("content").at(0).at("logprob").as_double(), -0.123456);
    const Usage usage = transformer.usage();
    EXPECT_TRUE(usage.reported);
    EXPECT_EQ(usage.promptTokens, 12);
    EXPECT_EQ(usage.completionTokens, 150);
    EXPECT_EQ(transformer.finishReason(), risk::FinishReason::Length);
    EXPECT_EQ(transformer.completionChars(), kTexts[0].size() + kTexts[1].size());
}

TEST_F(ResponseTransformerTest, NonStreamingWithoutWatermark)
{
    ResponseTransformer transformer(Endpoint::Chat, {}, {}, 1);
    const auto out = transformer.transformBody(kChatBody);
    ASSERT_TRUE(out);
    EXPECT_EQ(json::parse(*out).at("choices").at(1).at("message").at("content").as_string(), kTexts[1]);
}

TEST_F(ResponseTransformerTest, LogprobPolicyOnChatBodies)
{
    policy::OutputPolicy output;
    output.logprobs = policy::LogprobsMode::Round;
    output.roundDecimals = 1;
    ResponseTransformer round(Endpoint::Chat, output, {}, 1);
    auto out = round.transformBody(kChatBody);
    ASSERT_TRUE(out);
    json::value body = json::parse(*out);
    const json::object& token = body.at("choices").at(0).at("logprobs").at("content").at(0).as_object();
    EXPECT_DOUBLE_EQ(token.at("logprob").as_double(), -0.1);
    EXPECT_DOUBLE_EQ(token.at("top_logprobs").at(0).at("logprob").as_double(), -2.3);
    EXPECT_EQ(token.at("top_logprobs").as_array().size(), 3u);

    output.logprobs = policy::LogprobsMode::Cap;
    output.topLogprobsCap = 1;
    ResponseTransformer cap(Endpoint::Chat, output, {}, 1);
    out = cap.transformBody(kChatBody);
    ASSERT_TRUE(out);
    body = json::parse(*out);
    const json::array& top = body.at("choices").at(0).at("logprobs").at("content").at(0).at("top_logprobs").as_array();
    ASSERT_EQ(top.size(), 1u);
    EXPECT_EQ(top.at(0).at("token").as_string(), "The"); // the most likely one is kept

    output.logprobs = policy::LogprobsMode::Noise;
    output.noiseStddev = 0.5;
    ResponseTransformer noiseA(Endpoint::Chat, output, {}, 99);
    ResponseTransformer noiseB(Endpoint::Chat, output, {}, 99);
    const auto a = noiseA.transformBody(kChatBody);
    ASSERT_TRUE(a);
    EXPECT_EQ(*a, noiseB.transformBody(kChatBody).value_or(""));
    const double noisy =
        json::parse(*a).at("choices").at(0).at("logprobs").at("content").at(0).at("logprob").as_double();
    EXPECT_NE(noisy, -0.123456);
    EXPECT_LE(noisy, 0.0);

    output.logprobs = policy::LogprobsMode::Strip;
    ResponseTransformer strip(Endpoint::Chat, output, {}, 1);
    out = strip.transformBody(kChatBody);
    ASSERT_TRUE(out);
    EXPECT_TRUE(json::parse(*out).at("choices").at(0).at("logprobs").is_null());
}

TEST_F(ResponseTransformerTest, CompletionsBodyAndLogprobs)
{
    const std::string body = std::string(R"({"id":"cmpl-1","object":"text_completion","created":1,"model":"m",)")
                             + R"("choices":[{"index":0,"text":)" + json::serialize(json::value(kTexts[1]))
                             + R"(,"logprobs":{"tokens":["An"," old"],"token_logprobs":[-0.26,-1.04],)"
                             + R"("top_logprobs":[{"An":-0.26,"The":-1.9,"A":-2.5},{" old":-1.04," new":-0.9}],)"
                             + R"("text_offset":[0,2]},"finish_reason":"stop"}],)"
                             + R"("usage":{"prompt_tokens":3,"completion_tokens":40,"total_tokens":43}})";
    policy::OutputPolicy output;
    output.logprobs = policy::LogprobsMode::Cap;
    output.topLogprobsCap = 1;
    ResponseTransformer transformer(Endpoint::Completions, output, factory(), 1);
    const auto out = transformer.transformBody(body);
    ASSERT_TRUE(out);
    const json::value parsed = json::parse(*out);
    EXPECT_EQ(parsed.at("choices").at(0).at("text").as_string(), embedder.embed(kTexts[1]));
    const json::array& tops = parsed.at("choices").at(0).at("logprobs").at("top_logprobs").as_array();
    EXPECT_EQ(tops.at(0).as_object().size(), 1u);
    EXPECT_TRUE(tops.at(0).as_object().contains("An"));
    EXPECT_TRUE(tops.at(1).as_object().contains(" new"));
    EXPECT_EQ(transformer.finishReason(), risk::FinishReason::Stop);
    EXPECT_EQ(transformer.usage().completionTokens, 40);
}

TEST_F(ResponseTransformerTest, BodiesOfTheWrongShape)
{
    ResponseTransformer chat(Endpoint::Chat, {}, factory(), 1);
    EXPECT_FALSE(chat.transformBody("not json"));
    EXPECT_FALSE(chat.transformBody("[]"));
    EXPECT_FALSE(chat.transformBody(R"({"choices":{}})"));
    EXPECT_FALSE(chat.transformBody(R"({"choices":[1]})"));
    EXPECT_FALSE(chat.transformBody(R"({"error":{"message":"x"}})"));
    EXPECT_TRUE(chat.transformBody(R"({"choices":[{"index":0,"message":{"content":null}}]})"));

    ResponseTransformer embeddings(Endpoint::Embeddings, {}, {}, 1);
    const std::string body =
        R"({"object":"list","data":[{"object":"embedding","index":0,"embedding":[0.1]}],"model":"e","usage":{"prompt_tokens":4,"total_tokens":4}})";
    EXPECT_EQ(embeddings.transformBody(body).value_or(""), body);
    EXPECT_EQ(embeddings.usage().promptTokens, 4);
    EXPECT_FALSE(embeddings.transformBody(R"({"object":"list"})"));
}

TEST_F(ResponseTransformerTest, StreamedWatermarkIsIdenticalWhateverTheSplits)
{
    for (const bool chat : {true, false}) {
        for (const bool includeUsage : {true, false}) {
            const std::string upstream = upstreamStream(chat, true);
            std::mt19937 random(chat * 2 + includeUsage);
            for (int round = 0; round < 12; ++round) {
                ResponseTransformer transformer(chat ? Endpoint::Chat : Endpoint::Completions, {}, factory(),
                                                static_cast<std::uint64_t>(round), includeUsage);
                std::string forwarded;
                std::size_t pos = 0;
                while (pos < upstream.size()) {
                    // Mostly small pieces, sometimes single bytes, sometimes large ones.
                    const std::size_t kind = random() % 4;
                    const std::size_t size = kind == 0 ? 1 : kind == 1 ? 1 + random() % 8 : 1 + random() % 400;
                    forwarded += transformer.pushStream(std::string_view(upstream).substr(pos, size));
                    pos += size;
                }
                forwarded += transformer.finishStream();
                ASSERT_FALSE(transformer.malformed());
                EXPECT_TRUE(transformer.sawDone());
                const ParsedStream parsed = parseForwarded(forwarded, chat);
                EXPECT_TRUE(parsed.done);
                EXPECT_TRUE(parsed.flushBeforeFinish);
                for (std::size_t i = 0; i < kTexts.size(); ++i) {
                    EXPECT_EQ(parsed.text.at(static_cast<std::int64_t>(i)), embedder.embed(kTexts[i]))
                        << "choice " << i << " round " << round;
                }
                EXPECT_EQ(parsed.usageChunk, includeUsage);
                EXPECT_EQ(parsed.usageField, includeUsage);
                const Usage usage = transformer.usage();
                EXPECT_TRUE(usage.reported);
                EXPECT_EQ(usage.promptTokens, 11);
                EXPECT_EQ(usage.completionTokens, 97);
                EXPECT_EQ(transformer.finishReason(), risk::FinishReason::Stop);
                EXPECT_EQ(transformer.completionChars(), kTexts[0].size() + kTexts[1].size());
                EXPECT_EQ(parsed.events.front().at("id").as_string(), "chatcmpl-1");
            }
        }
    }
}

TEST_F(ResponseTransformerTest, StreamCutWithoutDoneFlushesWhatIsHeld)
{
    std::string upstream = upstreamStream(true, false, false);
    // Cut before the finish chunks: the embedders still hold text.
    upstream = upstream.substr(0, upstream.find(R"("finish_reason":"stop")"));
    upstream = upstream.substr(0, upstream.rfind("data: ")); // drop the partial event
    upstream += "data: {\"id\":\"chatcmpl-1\",\"obj";        // and add an incomplete one
    ResponseTransformer transformer(Endpoint::Chat, {}, factory(), 1, false);
    std::string forwarded = transformer.pushStream(upstream);
    forwarded += transformer.finishStream();
    EXPECT_FALSE(transformer.sawDone());
    EXPECT_FALSE(transformer.malformed());
    EXPECT_FALSE(transformer.usage().reported);
    const ParsedStream parsed = parseForwarded(forwarded, true);
    EXPECT_FALSE(parsed.done);
    for (std::size_t i = 0; i < kTexts.size(); ++i) {
        EXPECT_EQ(parsed.text.at(static_cast<std::int64_t>(i)), embedder.embed(kTexts[i]));
    }
    EXPECT_EQ(transformer.finishStream(), "");
}

TEST_F(ResponseTransformerTest, MalformedUpstreamStopsForwarding)
{
    ResponseTransformer transformer(Endpoint::Chat, {}, factory(), 1);
    std::string first = transformer.pushStream("data: " + head(true, true)
                                               + R"("choices":[{"index":0,"delta":{"content":"Hello there friend"},)"
                                               + R"("finish_reason":null}]})" + "\n\ndata: {not json}\n\n");
    EXPECT_TRUE(transformer.malformed());
    EXPECT_NE(first.find("data: "), std::string::npos); // the valid event before it was forwarded
    EXPECT_EQ(transformer.pushStream("data: [DONE]\n\n"), "");
    EXPECT_EQ(transformer.finishStream(), "");
    EXPECT_FALSE(transformer.sawDone());

    ResponseTransformer array(Endpoint::Chat, {}, factory(), 1);
    EXPECT_EQ(array.pushStream("data: [1,2]\n\n"), "");
    EXPECT_TRUE(array.malformed());
}

TEST_F(ResponseTransformerTest, StreamDetails)
{
    // CRLF line endings, comments, a finish chunk that carries content itself, logprobs in chunks.
    policy::OutputPolicy output;
    output.logprobs = policy::LogprobsMode::Round;
    output.roundDecimals = 0;
    ResponseTransformer transformer(Endpoint::Chat, output, factory(), 1);
    const std::string upstream =
        ": keep-alive\r\n\r\n"
        "data: "
        + head(true, true)
        + R"("choices":[{"index":0,"delta":{"content":"An old house stood"},"logprobs":{"content":[{"token":"An","logprob":-1.7,"bytes":[],"top_logprobs":[]}]},"finish_reason":null}]})"
        + "\r\n\r\ndata: " + head(true, true)
        + R"("choices":[{"index":0,"delta":{"content":" at the end of the road."},"logprobs":null,"finish_reason":"stop"}]})"
        + "\r\n\r\ndata: [DONE]\r\n\r\n";
    const std::string forwarded = transformer.pushStream(upstream) + transformer.finishStream();
    const ParsedStream parsed = parseForwarded(forwarded, true);
    EXPECT_TRUE(parsed.done);
    EXPECT_EQ(parsed.text.at(0), embedder.embed("An old house stood at the end of the road."));
    EXPECT_EQ(parsed.events.size(), 2u);
    EXPECT_DOUBLE_EQ(parsed.events[0].at("choices").at(0).at("logprobs").at("content").at(0).at("logprob").as_double(),
                     -2.0);
}
