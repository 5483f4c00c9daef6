#include "services/gateway/inspect/ResponseTransformer.h"

#include <boost/json.hpp>

#include <algorithm>
#include <map>
#include <utility>
#include <vector>

namespace modelguard::gateway::inspect {

namespace json = boost::json;

namespace {

std::optional<double> numberOf(const json::value& value)
{
    if (value.is_double()) {
        return value.as_double();
    }
    if (value.is_int64()) {
        return static_cast<double>(value.as_int64());
    }
    if (value.is_uint64()) {
        return static_cast<double>(value.as_uint64());
    }
    return std::nullopt;
}

std::int64_t integerOf(const json::value* value)
{
    if (!value) {
        return 0;
    }
    if (value->is_int64()) {
        return std::max<std::int64_t>(0, value->as_int64());
    }
    if (value->is_uint64()) {
        return static_cast<std::int64_t>(std::min<std::uint64_t>(value->as_uint64(), INT64_MAX));
    }
    if (value->is_double() && value->as_double() >= 0 && value->as_double() < 9e18) {
        return static_cast<std::int64_t>(value->as_double());
    }
    return 0;
}

risk::FinishReason finishReasonOf(std::string_view text)
{
    if (text == "stop") {
        return risk::FinishReason::Stop;
    }
    if (text == "length") {
        return risk::FinishReason::Length;
    }
    if (text == "content_filter") {
        return risk::FinishReason::ContentFilter;
    }
    if (text == "tool_calls" || text == "function_call") {
        return risk::FinishReason::ToolCalls;
    }
    return risk::FinishReason::Unknown;
}

std::size_t codePoints(std::string_view text)
{
    std::size_t count = 0;
    for (const char c : text) {
        count += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
    }
    return count;
}

} // namespace

struct ResponseTransformer::Impl
{
    struct ChoiceState
    {
        std::unique_ptr<watermark::StreamingEmbedder> embedder;
        bool open = false; ///< text pushed and not yet flushed by finish()
    };

    Endpoint endpoint;
    policy::OutputPolicy output;
    EmbedderFactory factory;
    policy::LogprobTransform logprobs;
    bool forwardUsage;

    Usage usage;
    bool done = false;
    bool bad = false;
    risk::FinishReason finish = risk::FinishReason::Unknown;
    bool finishFromZero = false;
    std::size_t chars = 0;

    // Streaming state.
    std::map<std::int64_t, ChoiceState> choices;
    std::string buffer;      ///< bytes not yet split into lines
    std::size_t scanned = 0; ///< buffer[0, scanned) holds no '\n'
    std::string data;        ///< data lines of the current event
    bool hasData = false;
    json::object envelope; ///< id, object, created, model, system_fingerprint of the last chunk
    bool usageNullField = false;

    Impl(Endpoint e, const policy::OutputPolicy& o, EmbedderFactory f, std::uint64_t seed, bool forward)
        : endpoint(e)
        , output(o)
        , factory(std::move(f))
        , logprobs(o, seed)
        , forwardUsage(forward)
    { }

    bool chat() const { return endpoint == Endpoint::Chat; }

    void noteFinish(std::int64_t index, std::string_view reason)
    {
        if (finishFromZero) {
            return;
        }
        if (index == 0 || finish == risk::FinishReason::Unknown) {
            finish = finishReasonOf(reason);
            finishFromZero = index == 0;
        }
    }

    void captureUsage(const json::value& value)
    {
        if (!value.is_object()) {
            return;
        }
        const json::object& object = value.as_object();
        usage.promptTokens = integerOf(object.if_contains("prompt_tokens"));
        usage.completionTokens = integerOf(object.if_contains("completion_tokens"));
        usage.reported = true;
    }

    // --- logprobs -----------------------------------------------------------------------------------------------

    void transformValue(json::value& value)
    {
        if (const auto number = numberOf(value)) {
            value = logprobs.value(*number);
        }
    }

    /// Chat: [{"token","logprob","bytes","top_logprobs":[{"token","logprob","bytes"}]}]
    void transformChatTokens(json::value& list)
    {
        if (!list.is_array()) {
            return;
        }
        for (json::value& token : list.as_array()) {
            if (!token.is_object()) {
                continue;
            }
            json::object& t = token.as_object();
            if (json::value* lp = t.if_contains("logprob")) {
                transformValue(*lp);
            }
            json::value* top = t.if_contains("top_logprobs");
            if (!top || !top->is_array()) {
                continue;
            }
            json::array& alternatives = top->as_array();
            if (logprobs.capsTopList()) {
                std::stable_sort(
                    alternatives.begin(), alternatives.end(), [](const json::value& a, const json::value& b) {
                        auto value = [](const json::value& v) {
                            const json::value* lp = v.is_object() ? v.as_object().if_contains("logprob") : nullptr;
                            return lp ? numberOf(*lp).value_or(-1e300) : -1e300;
                        };
                        return value(a) > value(b);
                    });
                alternatives.resize(logprobs.topCount(alternatives.size()));
            }
            for (json::value& alternative : alternatives) {
                if (alternative.is_object()) {
                    if (json::value* lp = alternative.as_object().if_contains("logprob")) {
                        transformValue(*lp);
                    }
                }
            }
        }
    }

    /// Completions: {"tokens","token_logprobs":[..],"top_logprobs":[{piece: lp}|null],"text_offset"}
    void transformCompletionLogprobs(json::object& object)
    {
        if (json::value* values = object.if_contains("token_logprobs"); values && values->is_array()) {
            for (json::value& value : values->as_array()) {
                transformValue(value);
            }
        }
        json::value* tops = object.if_contains("top_logprobs");
        if (!tops || !tops->is_array()) {
            return;
        }
        for (json::value& top : tops->as_array()) {
            if (!top.is_object()) {
                continue;
            }
            json::object& alternatives = top.as_object();
            if (logprobs.capsTopList()) {
                std::vector<std::pair<double, std::string>> ranked;
                for (const auto& entry : alternatives) {
                    ranked.emplace_back(numberOf(entry.value()).value_or(-1e300), std::string(entry.key()));
                }
                std::stable_sort(ranked.begin(), ranked.end(),
                                 [](const auto& a, const auto& b) { return a.first > b.first; });
                const std::size_t keep = logprobs.topCount(ranked.size());
                for (std::size_t i = keep; i < ranked.size(); ++i) {
                    alternatives.erase(ranked[i].second);
                }
            }
            for (auto& entry : alternatives) {
                transformValue(entry.value());
            }
        }
    }

    void transformLogprobs(json::object& choice)
    {
        const auto it = choice.find("logprobs");
        if (it == choice.end() || it->value().is_null()) {
            return;
        }
        if (output.logprobs == policy::LogprobsMode::Strip || output.logprobs == policy::LogprobsMode::Deny) {
            it->value() = nullptr;
            return;
        }
        if (!logprobs.changesValues() && !logprobs.capsTopList()) {
            return;
        }
        if (!it->value().is_object()) {
            return;
        }
        json::object& object = it->value().as_object();
        if (chat()) {
            for (const char* name : {"content", "refusal"}) {
                if (json::value* list = object.if_contains(name)) {
                    transformChatTokens(*list);
                }
            }
        } else {
            transformCompletionLogprobs(object);
        }
    }

    // --- text ---------------------------------------------------------------------------------------------------

    /// Where a choice carries its text: message.content (chat body), delta.content (chat chunk), text.
    static json::value* textField(json::object& choice, bool chatEndpoint, bool streaming)
    {
        if (!chatEndpoint) {
            return choice.if_contains("text");
        }
        json::value* holder = choice.if_contains(streaming ? "delta" : "message");
        if (!holder || !holder->is_object()) {
            return nullptr;
        }
        return holder->as_object().if_contains("content");
    }

    std::string watermarkWhole(std::string_view text)
    {
        if (!factory) {
            return std::string(text);
        }
        auto embedder = factory();
        if (!embedder) {
            return std::string(text);
        }
        std::string out = embedder->push(text);
        out += embedder->finish();
        return out;
    }

    std::optional<std::string> transformBody(std::string_view body)
    {
        boost::system::error_code ec;
        json::parse_options options;
        options.max_depth = 128;
        json::value value = json::parse(body, ec, {}, options);
        if (ec || !value.is_object()) {
            return std::nullopt;
        }
        json::object& object = value.as_object();
        if (const json::value* u = object.if_contains("usage")) {
            captureUsage(*u);
        }
        if (endpoint == Endpoint::Embeddings) {
            const json::value* list = object.if_contains("data");
            if (!list || !list->is_array()) {
                return std::nullopt;
            }
            return std::string(body);
        }
        json::value* list = object.if_contains("choices");
        if (!list || !list->is_array()) {
            return std::nullopt;
        }
        for (json::value& entry : list->as_array()) {
            if (!entry.is_object()) {
                return std::nullopt;
            }
            json::object& choice = entry.as_object();
            const std::int64_t index = integerOf(choice.if_contains("index"));
            if (json::value* text = textField(choice, chat(), false); text && text->is_string()) {
                const std::string_view original = text->as_string();
                chars += codePoints(original);
                *text = watermarkWhole(original);
            }
            transformLogprobs(choice);
            if (const json::value* reason = choice.if_contains("finish_reason"); reason && reason->is_string()) {
                noteFinish(index, reason->as_string());
            }
        }
        return json::serialize(value);
    }

    // --- streaming ----------------------------------------------------------------------------------------------

    std::string event(const json::value& value) const { return "data: " + json::serialize(value) + "\n\n"; }

    /// A chunk carrying `text` for choice `index` in the shape of the endpoint's chunks.
    std::string contentChunk(std::int64_t index, std::string text) const
    {
        json::object chunk = envelope;
        json::object choice;
        choice["index"] = index;
        if (chat()) {
            choice["delta"] = json::object {{"content", std::move(text)}};
        } else {
            choice["text"] = std::move(text);
        }
        choice["logprobs"] = nullptr;
        choice["finish_reason"] = nullptr;
        chunk["choices"] = json::array {std::move(choice)};
        if (usageNullField && forwardUsage) {
            chunk["usage"] = nullptr;
        }
        return event(chunk);
    }

    /// Text the choice's embedder still holds ("" when none is open); closes it.
    std::string flushChoice(ChoiceState& state)
    {
        if (!state.open || !state.embedder) {
            return {};
        }
        state.open = false;
        std::string tail = state.embedder->finish();
        state.embedder.reset();
        return tail;
    }

    std::string flushAll()
    {
        std::string out;
        for (auto& [index, state] : choices) {
            std::string tail = flushChoice(state);
            if (!tail.empty()) {
                out += contentChunk(index, std::move(tail));
            }
        }
        return out;
    }

    void rememberEnvelope(const json::object& chunk)
    {
        for (const char* name : {"id", "object", "created", "model", "system_fingerprint", "service_tier"}) {
            if (const json::value* value = chunk.if_contains(name)) {
                envelope[name] = *value;
            }
        }
    }

    void dispatch(std::string& out)
    {
        const std::string payload = std::move(data);
        data.clear();
        hasData = false;
        if (payload == "[DONE]") {
            out += flushAll();
            out += "data: [DONE]\n\n";
            done = true;
            return;
        }
        boost::system::error_code ec;
        json::parse_options options;
        options.max_depth = 128;
        json::value value = json::parse(payload, ec, {}, options);
        if (ec || !value.is_object()) {
            bad = true;
            return;
        }
        json::object& chunk = value.as_object();
        if (chunk.contains("error")) {
            out += event(value); // an upstream error event: forwarded as it is
            return;
        }
        rememberEnvelope(chunk);
        if (const auto it = chunk.find("usage"); it != chunk.end()) {
            if (it->value().is_null()) {
                usageNullField = true;
            } else {
                captureUsage(it->value());
            }
            if (!forwardUsage) {
                chunk.erase(it);
            }
        }
        json::value* list = chunk.if_contains("choices");
        if (!forwardUsage && (!list || (list->is_array() && list->as_array().empty()))) {
            return; // the usage-only chunk the client did not ask for
        }
        std::string before; // flushed text of finishing choices, sent just before this chunk
        if (list && list->is_array()) {
            for (json::value& entry : list->as_array()) {
                if (!entry.is_object()) {
                    continue;
                }
                json::object& choice = entry.as_object();
                const std::int64_t index = integerOf(choice.if_contains("index"));
                ChoiceState& state = choices[index];
                json::value* text = textField(choice, chat(), true);
                if (text && text->is_string()) {
                    const std::string_view piece = text->as_string();
                    chars += codePoints(piece);
                    if (!state.embedder && factory) {
                        state.embedder = factory();
                    }
                    if (state.embedder) {
                        state.open = true;
                        *text = state.embedder->push(piece);
                    }
                }
                transformLogprobs(choice);
                const json::value* reason = choice.if_contains("finish_reason");
                if (reason && reason->is_string()) {
                    noteFinish(index, reason->as_string());
                    std::string tail = flushChoice(state);
                    if (!tail.empty()) {
                        if (text && text->is_string()) {
                            text->as_string().append(tail);
                        } else {
                            before += contentChunk(index, std::move(tail));
                        }
                    }
                }
            }
        }
        out += before;
        out += event(value);
    }

    void line(std::string_view text, std::string& out)
    {
        if (text.empty()) {
            if (hasData) {
                dispatch(out);
            }
            return;
        }
        if (text.front() == ':') {
            return; // comment
        }
        const std::size_t colon = text.find(':');
        const std::string_view name = text.substr(0, colon);
        std::string_view value = colon == std::string_view::npos ? std::string_view {} : text.substr(colon + 1);
        if (!value.empty() && value.front() == ' ') {
            value.remove_prefix(1);
        }
        if (name != "data") {
            return; // event, id, retry: OpenAI sends none
        }
        if (hasData) {
            data += '\n';
        }
        data += value;
        hasData = true;
        if (data.size() > kMaxStreamEventBytes) {
            bad = true;
        }
    }

    std::string push(std::string_view bytes)
    {
        std::string out;
        if (bad || done) {
            return out;
        }
        buffer.append(bytes);
        std::size_t start = 0;
        while (!bad && !done) {
            const std::size_t newline = buffer.find('\n', std::max(start, scanned));
            if (newline == std::string::npos) {
                break;
            }
            std::string_view text(buffer.data() + start, newline - start);
            if (!text.empty() && text.back() == '\r') {
                text.remove_suffix(1);
            }
            line(text, out);
            start = newline + 1;
        }
        buffer.erase(0, start);
        scanned = buffer.size();
        if (buffer.size() > kMaxStreamEventBytes) {
            bad = true;
        }
        return out; // the events before a malformed one are still forwarded
    }

    std::string finishStream()
    {
        if (bad || done) {
            return {};
        }
        buffer.clear();
        scanned = 0;
        data.clear();
        hasData = false;
        return flushAll();
    }
};

ResponseTransformer::ResponseTransformer(Endpoint endpoint, const policy::OutputPolicy& output, EmbedderFactory factory,
                                         std::uint64_t noiseSeed, bool clientIncludeUsage)
    : m_impl(std::make_unique<Impl>(endpoint, output, std::move(factory), noiseSeed, clientIncludeUsage))
{ }

ResponseTransformer::~ResponseTransformer() = default;

std::optional<std::string> ResponseTransformer::transformBody(std::string_view body)
{
    try {
        return m_impl->transformBody(body);
    } catch (const std::exception&) {
        return std::nullopt;
    }
}

std::string ResponseTransformer::pushStream(std::string_view upstreamBytes)
{
    try {
        return m_impl->push(upstreamBytes);
    } catch (const std::exception&) {
        m_impl->bad = true;
        return {};
    }
}

std::string ResponseTransformer::finishStream()
{
    try {
        return m_impl->finishStream();
    } catch (const std::exception&) {
        m_impl->bad = true;
        return {};
    }
}

Usage ResponseTransformer::usage() const
{
    return m_impl->usage;
}
bool ResponseTransformer::sawDone() const
{
    return m_impl->done;
}
bool ResponseTransformer::malformed() const
{
    return m_impl->bad;
}
risk::FinishReason ResponseTransformer::finishReason() const
{
    return m_impl->finish;
}
std::size_t ResponseTransformer::completionChars() const
{
    return m_impl->chars;
}

} // namespace modelguard::gateway::inspect
