// Routes of the upstream simulator and the OpenAI response shapes. Sees Asio's awaitable and Boost.JSON, not Beast.
#include "services/sim/upstream/UpstreamSimulator.h"

#include "services/common/HttpServer.h"
#include "services/common/OpenAiError.h"
#include "services/sim/upstream/Embedder.h"
#include "services/sim/upstream/FaultPlan.h"
#include "services/sim/upstream/Generator.h"
#include "services/sim/upstream/LogitModel.h"
#include "services/sim/upstream/OpenAiRequest.h"
#include "services/sim/upstream/SimHash.h"
#include "services/sim/upstream/SimTokenizer.h"
#include "services/sim/upstream/TextModel.h"

#include <boost/json.hpp>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <cstring>
#include <ctime>

namespace modelguard::sim::upstream {

namespace json = boost::json;
using boost::asio::awaitable;
using http::HttpRequest;
using http::HttpResponse;
using http::Responder;

namespace {

std::string hex64(std::uint64_t value)
{
    char text[17];
    std::snprintf(text, sizeof text, "%016llx", static_cast<unsigned long long>(value));
    return text;
}

std::string sseEvent(const json::value& value)
{
    return "data: " + json::serialize(value) + "\n\n";
}

json::array byteArray(const std::string& text)
{
    json::array bytes;
    for (const char c : text) {
        bytes.emplace_back(static_cast<unsigned char>(c));
    }
    return bytes;
}

json::object usageJson(std::size_t prompt, std::size_t completion)
{
    return json::object {
        {"prompt_tokens", prompt}, {"completion_tokens", completion}, {"total_tokens", prompt + completion}};
}

HttpResponse jsonResponse(const json::value& value)
{
    HttpResponse response;
    response.body = json::serialize(value);
    return response;
}

std::string base64Floats(const std::vector<float>& values)
{
    static constexpr char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string bytes(values.size() * 4, '\0');
    for (std::size_t i = 0; i < values.size(); ++i) {
        std::uint32_t bits = 0;
        std::memcpy(&bits, &values[i], 4);
        for (int b = 0; b < 4; ++b) {
            bytes[i * 4 + static_cast<std::size_t>(b)] = static_cast<char>((bits >> (8 * b)) & 0xFF); // little endian
        }
    }
    std::string out;
    for (std::size_t i = 0; i < bytes.size(); i += 3) {
        std::uint32_t chunk = static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[i])) << 16;
        if (i + 1 < bytes.size()) {
            chunk |= static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[i + 1])) << 8;
        }
        if (i + 2 < bytes.size()) {
            chunk |= static_cast<unsigned char>(bytes[i + 2]);
        }
        out.push_back(alphabet[(chunk >> 18) & 63]);
        out.push_back(alphabet[(chunk >> 12) & 63]);
        out.push_back(i + 1 < bytes.size() ? alphabet[(chunk >> 6) & 63] : '=');
        out.push_back(i + 2 < bytes.size() ? alphabet[chunk & 63] : '=');
    }
    return out;
}

/// One choice of a completion response.
struct Choice
{
    std::size_t index;
    Completion completion;
};

} // namespace

struct UpstreamSimulator::Impl
{
    Impl(UpstreamSimulatorConfig c, std::shared_ptr<const TextModel> m)
        : config(std::move(c))
        , model(m ? std::move(m) : TextModel::load(config.fortunesDir))
        , generator(*model)
        , embedder(config.seed)
        , limits {config.models, config.maxTokensCap, config.maxChoices, config.embeddingDimensions}
    { }

    http::Router routes()
    {
        http::Router router;
        router.add("POST", "/v1/chat/completions",
                   [this](const HttpRequest& r, Responder& s) { return completions(r, s, true); });
        router.add("POST", "/v1/completions",
                   [this](const HttpRequest& r, Responder& s) { return completions(r, s, false); });
        router.add("POST", "/v1/embeddings", [this](const HttpRequest& r, Responder& s) { return embeddings(r, s); });
        router.add("GET", "/v1/models", [this](const HttpRequest& r, Responder& s) { return models(r, s); });
        router.add("POST", "/sim/tokenize", [this](const HttpRequest& r, Responder& s) { return tokenize(r, s); });
        router.add("GET", "/health", [this](const HttpRequest& r, Responder& s) { return health(r, s); });
        return router;
    }

    /// Applies the faults that act before the request is looked at. Returns true if the response is done.
    awaitable<bool> preFault(const HttpRequest& request, Responder& responder, FaultPlan& plan)
    {
        ++requests;
        std::optional<HttpResponse> error;
        plan = FaultPlan::fromRequest(request, error);
        if (error) {
            co_await responder.send(std::move(*error));
            co_return true;
        }
        switch (plan.kind) {
        case FaultKind::Status: {
            HttpResponse response = http::openAiError(plan.status, "Simulated failure (x-sim-fault).", "sim_fault");
            if (plan.status == 429) {
                response.headers.emplace_back("Retry-After", "1");
            }
            co_await responder.send(std::move(response));
            co_return true;
        }
        case FaultKind::Garbage:
            co_await responder.writeRaw("\x16\x03\x01 GARBAGE \xff\xfe not HTTP at all\r\n\r\n{{{{");
            co_return true;
        case FaultKind::SlowFirstByte:
            co_return !co_await responder.sleepFor(plan.delay.value_or(std::chrono::milliseconds(2000)));
        default:
            co_return false;
        }
    }

    /// Sends a complete response, or the part of it that a Stall/ResetMidStream/Truncate fault lets through.
    awaitable<void> sendWithFault(Responder& responder, const FaultPlan& plan, HttpResponse response)
    {
        switch (plan.kind) {
        case FaultKind::Stall:
            if (co_await responder.sleepFor(plan.delay.value_or(config.maxStall))) {
                responder.resetConnection();
            }
            co_return;
        case FaultKind::ResetMidStream: {
            const std::string head = "HTTP/1.1 " + std::to_string(response.status)
                                     + " OK\r\nContent-Type: " + response.contentType
                                     + "\r\nContent-Length: " + std::to_string(response.body.size()) + "\r\n\r\n";
            if (co_await responder.writeRaw(head + response.body.substr(0, response.body.size() / 2))) {
                responder.resetConnection();
            }
            co_return;
        }
        case FaultKind::Truncate:
            response.body.resize(response.body.size() / 2);
            break;
        default:
            break;
        }
        co_await responder.send(std::move(response));
    }

    awaitable<void> completions(const HttpRequest& request, Responder& responder, bool chat)
    {
        FaultPlan plan;
        if (co_await preFault(request, responder, plan)) {
            co_return;
        }
        CompletionRequest parsed;
        std::optional<HttpResponse> error;
        try {
            parsed = chat ? parseChatCompletionRequest(request.body, limits)
                          : parseTextCompletionRequest(request.body, limits);
        } catch (const RequestError& e) {
            error = http::openAiError(e.status(), e.what(), e.code(), e.param());
        }
        if (error) {
            co_await responder.send(std::move(*error));
            co_return;
        }

        std::vector<Choice> choices;
        std::uint64_t idKey = 0;
        for (const std::string& prompt : parsed.prompts) {
            const LogitModel logits(*model, config.seed, parsed.model, prompt);
            idKey = hashCombine(idKey, logits.contextHash());
            for (std::size_t i = 0; i < parsed.n; ++i) {
                SamplingParams params;
                params.temperature = parsed.temperature;
                params.maxTokens = parsed.maxTokens.value_or(config.maxTokensCap);
                params.stop = parsed.stop;
                params.logitBias = parsed.logitBias;
                params.topLogprobs = parsed.logprobs ? parsed.topLogprobs : 0;
                params.samplerSeed = hashCombine(hashCombine(logits.contextHash(), i),
                                                 static_cast<std::uint64_t>(parsed.seed.value_or(0)));
                choices.push_back(Choice {choices.size(), generator.generate(logits, params)});
            }
        }
        std::size_t completionTokens = 0;
        std::size_t longest = 0;
        for (const Choice& choice : choices) {
            completionTokens += choice.completion.completionTokens;
            longest = std::max(longest, choice.completion.tokens.size());
        }
        const std::string id = (chat ? "chatcmpl-" : "cmpl-") + hex64(hashCombine(idKey, ++idCounter));
        const auto created = static_cast<std::int64_t>(std::time(nullptr));
        const std::chrono::milliseconds latency = plan.tokenLatency.value_or(config.tokenLatency);

        Envelope envelope {id, created, parsed.model, chat};
        if (!parsed.stream) {
            if (config.latencyForNonStreaming && latency.count() > 0
                && !co_await responder.sleepFor(latency * static_cast<long>(longest))) {
                co_return;
            }
            json::object body = envelope.head(false);
            json::array list;
            for (const Choice& choice : choices) {
                list.push_back(choiceJson(choice, parsed));
            }
            body["choices"] = std::move(list);
            body["usage"] = usageJson(parsed.promptTokens, completionTokens);
            co_await sendWithFault(responder, plan, jsonResponse(body));
            co_return;
        }
        co_await stream(responder, plan, parsed, envelope, choices, latency, completionTokens);
    }

    /// Fields shared by every response object or chunk of one completion.
    struct Envelope
    {
        std::string id;
        std::int64_t created;
        std::string model;
        bool chat;

        json::object head(bool chunk) const
        {
            json::object object;
            object["id"] = id;
            object["object"] = chat ? (chunk ? "chat.completion.chunk" : "chat.completion") : "text_completion";
            object["created"] = created;
            object["model"] = model;
            object["system_fingerprint"] = "fp_modelguard_sim";
            return object;
        }
    };

    json::value logprobsJson(const std::vector<GeneratedToken>& tokens, bool chat, std::size_t textOffset) const
    {
        if (chat) {
            json::array content;
            for (const GeneratedToken& token : tokens) {
                json::array top;
                for (const TokenLogprob& alt : token.top) {
                    top.push_back(
                        json::object {{"token", alt.piece}, {"logprob", alt.logprob}, {"bytes", byteArray(alt.piece)}});
                }
                content.push_back(json::object {{"token", token.piece},
                                                {"logprob", token.logprob},
                                                {"bytes", byteArray(token.piece)},
                                                {"top_logprobs", std::move(top)}});
            }
            return json::object {{"content", std::move(content)}, {"refusal", nullptr}};
        }
        json::array pieces;
        json::array logprobs;
        json::array tops;
        json::array offsets;
        std::size_t offset = textOffset;
        for (const GeneratedToken& token : tokens) {
            pieces.emplace_back(token.piece);
            logprobs.emplace_back(token.logprob);
            json::object top;
            for (const TokenLogprob& alt : token.top) {
                top[alt.piece] = alt.logprob;
            }
            tops.emplace_back(std::move(top));
            offsets.emplace_back(offset);
            offset += token.piece.size();
        }
        return json::object {{"tokens", std::move(pieces)},
                             {"token_logprobs", std::move(logprobs)},
                             {"top_logprobs", std::move(tops)},
                             {"text_offset", std::move(offsets)}};
    }

    json::object choiceJson(const Choice& choice, const CompletionRequest& parsed) const
    {
        json::object object;
        object["index"] = choice.index;
        if (parsed.chat) {
            object["message"] =
                json::object {{"role", "assistant"}, {"content", choice.completion.text}, {"refusal", nullptr}};
        } else {
            object["text"] = choice.completion.text;
        }
        object["logprobs"] =
            parsed.logprobs ? logprobsJson(choice.completion.tokens, parsed.chat, 0) : json::value(nullptr);
        object["finish_reason"] = choice.completion.finishReason;
        return object;
    }

    awaitable<void> stream(Responder& responder, const FaultPlan& plan, const CompletionRequest& parsed,
                           const Envelope& envelope, const std::vector<Choice>& choices,
                           std::chrono::milliseconds latency, std::size_t completionTokens)
    {
        auto chunk = [&](json::object choiceObject) {
            json::object object = envelope.head(true);
            object["choices"] = json::array {std::move(choiceObject)};
            if (parsed.includeUsage) {
                object["usage"] = nullptr;
            }
            return sseEvent(object);
        };
        if (!co_await responder.beginStream(200, "text/event-stream")) {
            co_return;
        }
        std::string events;
        if (parsed.chat) {
            for (const Choice& choice : choices) {
                events += chunk(json::object {{"index", choice.index},
                                              {"delta", json::object {{"role", "assistant"}, {"content", ""}}},
                                              {"logprobs", nullptr},
                                              {"finish_reason", nullptr}});
            }
            if (!co_await responder.writeChunk(events)) {
                co_return;
            }
        }
        std::size_t longest = 0;
        for (const Choice& choice : choices) {
            longest = std::max(longest, choice.completion.tokens.size());
        }
        const std::size_t faultAt = std::max<std::size_t>(1, longest / 2);
        for (std::size_t step = 0; step < longest; ++step) {
            if (plan.kind != FaultKind::None && step == faultAt) {
                if (plan.kind == FaultKind::Stall) {
                    if (co_await responder.sleepFor(plan.delay.value_or(config.maxStall))) {
                        responder.resetConnection();
                    }
                    co_return;
                }
                if (plan.kind == FaultKind::ResetMidStream) {
                    responder.resetConnection();
                    co_return;
                }
                if (plan.kind == FaultKind::Truncate) {
                    co_await responder.endStream();
                    co_return;
                }
            }
            if (latency.count() > 0 && !co_await responder.sleepFor(latency)) {
                co_return; // client gone or server stopping
            }
            events.clear();
            for (const Choice& choice : choices) {
                if (step >= choice.completion.tokens.size()) {
                    continue;
                }
                const GeneratedToken& token = choice.completion.tokens[step];
                json::object object {{"index", choice.index}};
                if (parsed.chat) {
                    object["delta"] = json::object {{"content", token.piece}};
                } else {
                    object["text"] = token.piece;
                }
                std::size_t offset = 0;
                for (std::size_t i = 0; i < step; ++i) {
                    offset += choice.completion.tokens[i].piece.size();
                }
                object["logprobs"] =
                    parsed.logprobs ? logprobsJson({token}, parsed.chat, offset) : json::value(nullptr);
                object["finish_reason"] = nullptr;
                events += chunk(std::move(object));
            }
            if (!co_await responder.writeChunk(events)) {
                co_return;
            }
        }
        events.clear();
        for (const Choice& choice : choices) {
            json::object object {{"index", choice.index}};
            if (parsed.chat) {
                object["delta"] = json::object {};
            } else {
                object["text"] = "";
            }
            object["logprobs"] = nullptr;
            object["finish_reason"] = choice.completion.finishReason;
            events += chunk(std::move(object));
        }
        if (parsed.includeUsage) {
            json::object object = envelope.head(true);
            object["choices"] = json::array {};
            object["usage"] = usageJson(parsed.promptTokens, completionTokens);
            events += sseEvent(object);
        }
        events += "data: [DONE]\n\n";
        if (co_await responder.writeChunk(events)) {
            co_await responder.endStream();
        }
    }

    awaitable<void> embeddings(const HttpRequest& request, Responder& responder)
    {
        FaultPlan plan;
        if (co_await preFault(request, responder, plan)) {
            co_return;
        }
        EmbeddingRequest parsed;
        std::optional<HttpResponse> error;
        try {
            parsed = parseEmbeddingRequest(request.body, limits);
        } catch (const RequestError& e) {
            error = http::openAiError(e.status(), e.what(), e.code(), e.param());
        }
        if (error) {
            co_await responder.send(std::move(*error));
            co_return;
        }
        json::array data;
        for (std::size_t i = 0; i < parsed.inputs.size(); ++i) {
            const std::vector<float> vector = embedder.embed(parsed.model, parsed.inputs[i], parsed.dimensions);
            json::value embedding;
            if (parsed.base64) {
                embedding = base64Floats(vector);
            } else {
                json::array values;
                values.reserve(vector.size());
                for (const float v : vector) {
                    values.emplace_back(static_cast<double>(v));
                }
                embedding = std::move(values);
            }
            data.push_back(json::object {{"object", "embedding"}, {"index", i}, {"embedding", std::move(embedding)}});
        }
        json::object body {
            {"object", "list"},
            {"data", std::move(data)},
            {"model", parsed.model},
            {"usage", json::object {{"prompt_tokens", parsed.promptTokens}, {"total_tokens", parsed.promptTokens}}}};
        co_await sendWithFault(responder, plan, jsonResponse(body));
    }

    awaitable<void> models(const HttpRequest& request, Responder& responder)
    {
        FaultPlan plan;
        if (co_await preFault(request, responder, plan)) {
            co_return;
        }
        json::array data;
        for (const std::string& name : config.models) {
            data.push_back(json::object {
                {"id", name}, {"object", "model"}, {"created", 1700000000}, {"owned_by", "modelguard-sim"}});
        }
        // (GCC 12 rejects braced initialisers with string literals inside a co_await expression: build first.)
        const json::object body {{"object", "list"}, {"data", data}};
        co_await sendWithFault(responder, plan, jsonResponse(body));
    }

    awaitable<void> tokenize(const HttpRequest& request, Responder& responder)
    {
        ++requests;
        boost::system::error_code ec;
        const json::value value = json::parse(request.body, ec);
        const json::value* text = (!ec && value.is_object()) ? value.as_object().if_contains("text") : nullptr;
        if (!text || !text->is_string()) {
            co_await responder.send(
                http::openAiError(400, "Expected a JSON object with a string 'text'.", "invalid_value", "text"));
            co_return;
        }
        json::array tokens;
        for (const std::string_view token : SimTokenizer::split(text->as_string())) {
            const auto tokenId = model->tokenId(token);
            tokens.push_back(json::object {{"text", std::string(token)},
                                           {"id", tokenId ? json::value(*tokenId) : json::value(nullptr)}});
        }
        const std::size_t count = tokens.size();
        const json::object body {{"tokens", std::move(tokens)}, {"count", count}};
        co_await responder.send(jsonResponse(body));
    }

    awaitable<void> health(const HttpRequest&, Responder& responder)
    {
        const json::object body {{"status", "ok"}};
        co_await responder.send(jsonResponse(body));
    }

    UpstreamSimulatorConfig config;
    std::shared_ptr<const TextModel> model;
    Generator generator;
    Embedder embedder;
    RequestLimits limits;
    std::atomic<std::uint64_t> idCounter {0};
    std::atomic<std::uint64_t> requests {0};
    std::unique_ptr<http::HttpServer> server; // last: stopped and destroyed before what its handlers use
};

UpstreamSimulator::UpstreamSimulator(UpstreamSimulatorConfig config, std::shared_ptr<const TextModel> model)
    : m_impl(std::make_unique<Impl>(std::move(config), std::move(model)))
{
    m_impl->server = std::make_unique<http::HttpServer>(m_impl->config.server, m_impl->routes());
}

UpstreamSimulator::~UpstreamSimulator()
{
    stop();
}

void UpstreamSimulator::start()
{
    m_impl->server->start();
}

void UpstreamSimulator::stop()
{
    m_impl->server->stop();
}

std::uint16_t UpstreamSimulator::port() const
{
    return m_impl->server->port();
}

std::string UpstreamSimulator::baseUrl() const
{
    const std::string& address = m_impl->config.server.address;
    const bool v6 = address.find(':') != std::string::npos;
    return "http://" + (v6 ? "[" + address + "]" : address) + ":" + std::to_string(port());
}

std::size_t UpstreamSimulator::activeSessions() const
{
    return m_impl->server->activeSessions();
}

std::uint64_t UpstreamSimulator::requestCount() const
{
    return m_impl->requests.load();
}

const TextModel& UpstreamSimulator::textModel() const
{
    return *m_impl->model;
}

std::shared_ptr<const TextModel> UpstreamSimulator::sharedTextModel() const
{
    return m_impl->model;
}

const UpstreamSimulatorConfig& UpstreamSimulator::config() const
{
    return m_impl->config;
}

} // namespace modelguard::sim::upstream
