#include "services/gateway/inspect/RequestInspector.h"

#include "core/text/Utf8.h"

#include <boost/json.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>

namespace modelguard::gateway::inspect {

namespace json = boost::json;

namespace {

struct Failure
{
    InspectError error;
};

[[noreturn]] void fail(std::string message, std::string param = {}, std::string code = "invalid_value",
                       int status = 400)
{
    throw Failure {InspectError {status, std::move(message), std::move(param), std::move(code), std::nullopt}};
}

const char* kindName(const json::value& value)
{
    switch (value.kind()) {
    case json::kind::string:
        return "a string";
    case json::kind::int64:
    case json::kind::uint64:
        return "an integer";
    case json::kind::double_:
        return "a number";
    case json::kind::bool_:
        return "a boolean";
    case json::kind::object:
        return "an object";
    case json::kind::array:
        return "an array";
    case json::kind::null:
        return "null";
    }
    return "a value";
}

[[noreturn]] void wrongType(const std::string& param, std::string_view expected, const json::value& got)
{
    fail("Invalid type for '" + param + "': expected " + std::string(expected) + ", but got " + kindName(got)
             + " instead.",
         param, "invalid_type");
}

[[noreturn]] void denied(const std::string& param, std::string_view what)
{
    fail("The parameter '" + param + "' is not allowed by this API provider's policy (" + std::string(what) + ").",
         param, "policy_violation");
}

/// The field, or nullptr when absent or JSON null (OpenAI treats null as "not given").
const json::value* field(const json::object& object, std::string_view name)
{
    const json::value* value = object.if_contains(name);
    return (value && !value->is_null()) ? value : nullptr;
}

std::string numberText(double value)
{
    if (value == std::floor(value) && std::fabs(value) < 1e15) {
        return std::to_string(static_cast<long long>(value));
    }
    std::string text = std::to_string(value);
    while (!text.empty() && text.back() == '0') {
        text.pop_back();
    }
    return text;
}

std::optional<double> optionalNumber(const json::object& object, const std::string& name, double min, double max)
{
    const json::value* value = field(object, name);
    if (!value) {
        return std::nullopt;
    }
    double number = 0;
    if (value->is_double()) {
        number = value->as_double();
    } else if (value->is_int64()) {
        number = static_cast<double>(value->as_int64());
    } else if (value->is_uint64()) {
        number = static_cast<double>(value->as_uint64());
    } else {
        wrongType(name, "a number", *value);
    }
    if (!std::isfinite(number) || number < min || number > max) {
        fail("Invalid '" + name + "': " + json::serialize(*value) + " is out of range; expected a value between "
                 + numberText(min) + " and " + numberText(max) + ".",
             name);
    }
    return number;
}

std::optional<std::int64_t> optionalInteger(const json::object& object, const std::string& name, std::int64_t min,
                                            std::int64_t max)
{
    const json::value* value = field(object, name);
    if (!value) {
        return std::nullopt;
    }
    std::int64_t number = 0;
    if (value->is_int64()) {
        number = value->as_int64();
    } else if (value->is_uint64()) {
        fail("Invalid '" + name + "': integer above maximum value " + std::to_string(max) + ".", name);
    } else {
        wrongType(name, "an integer", *value);
    }
    if (number < min || number > max) {
        fail("Invalid '" + name + "': " + std::to_string(number) + " is out of range; expected an integer between "
                 + std::to_string(min) + " and " + std::to_string(max) + ".",
             name);
    }
    return number;
}

std::optional<bool> optionalBool(const json::object& object, const std::string& name)
{
    const json::value* value = field(object, name);
    if (!value) {
        return std::nullopt;
    }
    if (!value->is_bool()) {
        wrongType(name, "a boolean", *value);
    }
    return value->as_bool();
}

std::string requiredModel(const json::object& object)
{
    const json::value* value = field(object, "model");
    if (!value) {
        fail("you must provide a model parameter", "model", "missing_required_parameter");
    }
    if (!value->is_string()) {
        wrongType("model", "a string", *value);
    }
    if (value->as_string().empty() || value->as_string().size() > 256) {
        fail("Invalid 'model': expected a model name of 1 to 256 characters.", "model");
    }
    return std::string(value->as_string());
}

/// Text of a chat message's content: a string, or an array of parts of which the "text" ones count.
std::string messageContent(const json::value& content, const std::string& param)
{
    if (content.is_string()) {
        return std::string(content.as_string());
    }
    if (!content.is_array()) {
        wrongType(param, "a string or an array of content parts", content);
    }
    std::string text;
    std::size_t index = 0;
    for (const json::value& part : content.as_array()) {
        const std::string partParam = param + ".[" + std::to_string(index++) + "]";
        if (!part.is_object()) {
            wrongType(partParam, "an object", part);
        }
        const json::value* type = field(part.as_object(), "type");
        if (!type) {
            fail("Missing required parameter: '" + partParam + ".type'.", partParam + ".type",
                 "missing_required_parameter");
        }
        if (!type->is_string()) {
            wrongType(partParam + ".type", "a string", *type);
        }
        if (type->as_string() == "text") {
            const json::value* partText = field(part.as_object(), "text");
            if (!partText) {
                fail("Missing required parameter: '" + partParam + ".text'.", partParam + ".text",
                     "missing_required_parameter");
            }
            if (!partText->is_string()) {
                wrongType(partParam + ".text", "a string", *partText);
            }
            text += std::string_view(partText->as_string());
        }
    }
    return text;
}

std::int64_t clampToInt32(std::int64_t value)
{
    return std::clamp<std::int64_t>(value, std::numeric_limits<std::int32_t>::min(),
                                    std::numeric_limits<std::int32_t>::max());
}

class Inspector
{
public:
    Inspector(Endpoint endpoint, const policy::OutputPolicy& output, const policy::LimitPolicy& limits,
              bool stripLogits)
        : m_endpoint(endpoint)
        , m_output(output)
        , m_limits(limits)
        , m_stripLogits(stripLogits)
    { }

    InspectedRequest run(std::string_view body)
    {
        if (body.size() > kMaxRequestBytes) {
            fail("The request body is too large (at most " + std::to_string(kMaxRequestBytes) + " bytes).", {},
                 "request_too_large", 413);
        }
        if (!text::isValidUtf8(body)) {
            fail("The request body is not valid UTF-8.", {}, "invalid_utf8");
        }
        json::parse_options options;
        options.max_depth = kMaxRequestDepth;
        boost::system::error_code ec;
        json::value value = json::parse(body, ec, {}, options);
        if (ec == json::error::too_deep) {
            fail("The JSON body of your request is nested too deeply (at most " + std::to_string(kMaxRequestDepth)
                     + " levels).",
                 {}, "invalid_json");
        }
        if (ec) {
            fail("We could not parse the JSON body of your request. (HINT: This likely means you aren't using your "
                 "HTTP library correctly. The OpenAI API expects a JSON payload.)",
                 {}, "invalid_json");
        }
        if (!value.is_object()) {
            fail("The JSON body of your request must be an object.", {}, "invalid_json");
        }
        json::object& object = value.as_object();

        m_result.endpoint = m_endpoint;
        m_result.model = requiredModel(object);
        m_result.record.model = m_result.model;
        switch (m_endpoint) {
        case Endpoint::Chat:
            readMessages(object);
            break;
        case Endpoint::Completions:
            readPrompts(object);
            break;
        case Endpoint::Embeddings:
            readInputs(object);
            break;
        }
        for (const char* name : {"tools", "functions", "response_format"}) {
            if (const json::value* extra = field(object, name)) {
                m_promptBytes += static_cast<std::int64_t>(json::serialize(*extra).size());
            }
        }
        m_result.record.prompt = m_prompt;
        m_result.promptBytes = m_promptBytes + static_cast<std::int64_t>(m_prompt.size());
        if (m_endpoint != Endpoint::Embeddings) {
            readSampling(object);
            try {
                applyOutputPolicy(object);
            } catch (Failure& refused) {
                // Well-formed but not allowed: the request as asked for goes to the risk engine all the same.
                refused.error.record = m_result.record;
                throw;
            }
            applyMaxTokens(object);
            applyStreaming(object);
        } else {
            m_result.effectiveMaxTokens = 0;
            m_result.choiceCount = 1;
        }
        m_result.upstreamBody = json::serialize(value);
        return std::move(m_result);
    }

private:
    void addPrompt(std::string_view text)
    {
        if (m_promptParts++ > 0) {
            m_prompt += '\n';
        }
        m_prompt += text;
    }

    void readMessages(const json::object& object)
    {
        const json::value* messages = field(object, "messages");
        if (!messages) {
            fail("Missing required parameter: 'messages'.", "messages", "missing_required_parameter");
        }
        if (!messages->is_array()) {
            wrongType("messages", "an array", *messages);
        }
        if (messages->as_array().empty()) {
            fail("Invalid 'messages': empty array. Expected an array with minimum length 1, but got an empty array "
                 "instead.",
                 "messages", "empty_array");
        }
        std::size_t index = 0;
        for (const json::value& message : messages->as_array()) {
            const std::string param = "messages.[" + std::to_string(index++) + "]";
            if (!message.is_object()) {
                wrongType(param, "an object", message);
            }
            const json::object& m = message.as_object();
            const json::value* role = field(m, "role");
            if (!role) {
                fail("Missing required parameter: '" + param + ".role'.", param + ".role",
                     "missing_required_parameter");
            }
            if (!role->is_string()) {
                wrongType(param + ".role", "a string", *role);
            }
            std::string content;
            if (const json::value* c = field(m, "content")) {
                content = messageContent(*c, param + ".content");
            } else if (role->as_string() != "assistant") {
                fail("Missing required parameter: '" + param + ".content'.", param + ".content",
                     "missing_required_parameter");
            }
            addPrompt(content);
            m_promptBytes += 16;
        }
        m_result.record.messageCount = static_cast<std::uint32_t>(std::min<std::size_t>(index, UINT32_MAX));
    }

    void readPrompts(const json::object& object)
    {
        const json::value* prompt = field(object, "prompt");
        if (!prompt) {
            fail("Missing required parameter: 'prompt'.", "prompt", "missing_required_parameter");
        }
        if (prompt->is_string()) {
            addPrompt(prompt->as_string());
            m_prompts = 1;
        } else if (prompt->is_array() && !prompt->as_array().empty()) {
            for (const json::value& p : prompt->as_array()) {
                if (!p.is_string()) {
                    wrongType("prompt", "a string or an array of strings", p);
                }
                addPrompt(p.as_string());
            }
            m_prompts = static_cast<std::int64_t>(prompt->as_array().size());
        } else if (prompt->is_array()) {
            fail("Invalid 'prompt': empty array. Expected a non-empty array of strings.", "prompt", "empty_array");
        } else {
            wrongType("prompt", "a string or an array of strings", *prompt);
        }
        m_result.record.messageCount = 1;
    }

    void readInputs(const json::object& object)
    {
        const json::value* input = field(object, "input");
        if (!input) {
            fail("Missing required parameter: 'input'.", "input", "missing_required_parameter");
        }
        auto tokenArray = [](const json::array& ids) {
            std::string text;
            for (const json::value& id : ids) {
                if (!id.is_int64() || id.as_int64() < 0) {
                    wrongType("input", "a string, an array of strings, or arrays of token ids", id);
                }
                text += '#' + std::to_string(id.as_int64()) + ' ';
            }
            return text;
        };
        const char* expected = "a string, an array of strings, or arrays of token ids";
        if (input->is_string()) {
            addPrompt(input->as_string());
        } else if (input->is_array() && !input->as_array().empty()) {
            const json::array& items = input->as_array();
            if (items.front().is_int64() || items.front().is_uint64()) {
                addPrompt(tokenArray(items));
            } else {
                for (const json::value& item : items) {
                    if (item.is_string()) {
                        addPrompt(item.as_string());
                    } else if (item.is_array() && !item.as_array().empty()) {
                        addPrompt(tokenArray(item.as_array()));
                    } else {
                        wrongType("input", expected, item);
                    }
                }
            }
        } else if (input->is_array()) {
            fail("Invalid 'input': empty array. Expected a non-empty array.", "input", "empty_array");
        } else {
            wrongType("input", expected, *input);
        }
        m_result.record.messageCount = 1;
        m_result.record.maxTokens = -1;
    }

    void readSampling(const json::object& object)
    {
        risk::RequestRecord& record = m_result.record;
        const bool chat = m_endpoint == Endpoint::Chat;
        for (const char* name : {"max_tokens", "max_completion_tokens"}) {
            if (const auto max = optionalInteger(object, name, 0, std::numeric_limits<std::int64_t>::max())) {
                m_requestedMax = m_requestedMax ? std::min(*m_requestedMax, *max) : *max;
            }
        }
        record.maxTokens = m_requestedMax ? static_cast<std::int32_t>(clampToInt32(*m_requestedMax)) : -1;
        m_n = optionalInteger(object, "n", 1, 128).value_or(1);
        record.n = static_cast<std::int32_t>(m_n);
        if (!chat) {
            optionalInteger(object, "best_of", 1, 128);
        }
        record.temperature = optionalNumber(object, "temperature", 0.0, 2.0).value_or(1.0);
        optionalNumber(object, "top_p", 0.0, 1.0);
        optionalNumber(object, "presence_penalty", -2.0, 2.0);
        optionalNumber(object, "frequency_penalty", -2.0, 2.0);
        optionalInteger(object, "seed", std::numeric_limits<std::int64_t>::min(),
                        std::numeric_limits<std::int64_t>::max());
        if (chat) {
            record.logprobs = optionalBool(object, "logprobs").value_or(false);
            if (const auto top = optionalInteger(object, "top_logprobs", 0, 20)) {
                record.topLogprobs = static_cast<std::int32_t>(*top);
            }
        } else if (const auto logprobs = optionalInteger(object, "logprobs", 0, 5)) {
            record.logprobs = true;
            record.topLogprobs = static_cast<std::int32_t>(*logprobs);
        }
        if (const json::value* bias = field(object, "logit_bias")) {
            if (!bias->is_object()) {
                wrongType("logit_bias", "an object mapping token ids to numbers", *bias);
            }
            if (bias->as_object().size() > 1024) {
                fail("Invalid 'logit_bias': at most 1024 entries are allowed.", "logit_bias");
            }
            for (const auto& entry : bias->as_object()) {
                const std::string_view key = entry.key();
                std::int64_t id = 0;
                bool valid = !key.empty() && key.size() <= 18;
                for (const char c : key) {
                    valid = valid && c >= '0' && c <= '9';
                    id = valid ? id * 10 + (c - '0') : 0;
                }
                if (!valid) {
                    fail("Invalid key in 'logit_bias': '" + std::string(key)
                             + "'. Keys must be token ids (non-negative integers as strings).",
                         "logit_bias");
                }
                json::object single;
                single["logit_bias"] = entry.value();
                const auto value = optionalNumber(single, "logit_bias", -100.0, 100.0);
                if (!value) {
                    wrongType("logit_bias", "numbers as values", entry.value());
                }
                record.logitBias.emplace_back(id, *value);
            }
        }
        if (const json::value* stop = field(object, "stop")) {
            if (stop->is_string()) {
                record.stopCount = 1;
            } else if (stop->is_array()) {
                if (stop->as_array().size() > 4) {
                    fail("Invalid 'stop': at most 4 stop sequences are allowed.", "stop");
                }
                for (const json::value& s : stop->as_array()) {
                    if (!s.is_string()) {
                        wrongType("stop", "a string or an array of strings", s);
                    }
                }
                record.stopCount = static_cast<std::uint32_t>(stop->as_array().size());
            } else {
                wrongType("stop", "a string or an array of strings", *stop);
            }
        }
        m_result.stream = optionalBool(object, "stream").value_or(false);
        if (const json::value* options = field(object, "stream_options")) {
            if (!options->is_object()) {
                wrongType("stream_options", "an object", *options);
            }
            const auto include = optionalBool(options->as_object(), "include_usage");
            m_result.clientIncludeUsage = include.value_or(false);
        }
    }

    void strip(json::object& object, const char* name)
    {
        if (const auto it = object.find(name); it != object.end()) {
            const bool given = !it->value().is_null();
            object.erase(it);
            if (given) {
                m_result.stripped.emplace_back(name);
            }
        }
    }

    bool logprobsRequested(const json::object& object) const
    {
        if (m_endpoint == Endpoint::Chat) {
            const json::value* logprobs = field(object, "logprobs");
            const json::value* top = field(object, "top_logprobs");
            return (logprobs && logprobs->as_bool()) || (top && top->as_int64() > 0);
        }
        return field(object, "logprobs") != nullptr;
    }

    void applyOutputPolicy(json::object& object)
    {
        const bool chat = m_endpoint == Endpoint::Chat;
        const char* topName = chat ? "top_logprobs" : "logprobs";
        if (m_stripLogits) {
            strip(object, "logprobs");
            strip(object, "top_logprobs");
            strip(object, "logit_bias");
        } else {
            switch (m_output.logprobs) {
            case policy::LogprobsMode::Deny:
                if (logprobsRequested(object)) {
                    const bool viaTop = chat && !(field(object, "logprobs") && object.at("logprobs").as_bool());
                    denied(viaTop ? "top_logprobs" : "logprobs", "log probabilities are not available");
                }
                break;
            case policy::LogprobsMode::Strip:
                strip(object, "logprobs");
                strip(object, "top_logprobs");
                break;
            case policy::LogprobsMode::Cap:
                if (const json::value* top = field(object, topName)) {
                    const std::int64_t cap = std::max<std::int32_t>(0, m_output.topLogprobsCap);
                    if (top->as_int64() > cap) {
                        object[topName] = cap;
                    }
                }
                break;
            default:
                break;
            }
            const json::value* bias = field(object, "logit_bias");
            if (bias && !bias->as_object().empty()) {
                switch (m_output.logitBias) {
                case policy::LogitBiasMode::Deny:
                    denied("logit_bias", "logit bias is not available");
                case policy::LogitBiasMode::DenyWithLogprobs:
                    if (logprobsRequested(object)) {
                        denied("logit_bias", "logit bias cannot be combined with log probabilities");
                    }
                    break;
                case policy::LogitBiasMode::Strip:
                    strip(object, "logit_bias");
                    break;
                case policy::LogitBiasMode::Cap: {
                    json::object capped;
                    const double magnitude = std::max(0.0, m_output.logitBiasMaxMagnitude);
                    const std::size_t count =
                        static_cast<std::size_t>(std::max<std::int32_t>(0, m_output.logitBiasMaxCount));
                    for (const auto& entry : bias->as_object()) {
                        if (capped.size() >= count) {
                            break;
                        }
                        const json::value& v = entry.value();
                        const double number = v.is_double()  ? v.as_double()
                                              : v.is_int64() ? static_cast<double>(v.as_int64())
                                                             : static_cast<double>(v.as_uint64());
                        capped[entry.key()] = std::clamp(number, -magnitude, magnitude);
                    }
                    object["logit_bias"] = std::move(capped);
                    break;
                }
                default:
                    break;
                }
            }
        }
        if (m_output.maxN > 0 && m_n > m_output.maxN) {
            m_n = m_output.maxN;
            object["n"] = m_n;
        }
        if (!chat && m_output.maxN > 0) {
            if (const json::value* bestOf = field(object, "best_of"); bestOf && bestOf->as_int64() > m_output.maxN) {
                object["best_of"] = m_output.maxN;
            }
        }
        if (m_output.minTemperature > 0 && std::isfinite(m_output.minTemperature)) {
            const double floor = std::min(2.0, m_output.minTemperature);
            if (m_result.record.temperature < floor) {
                object["temperature"] = floor;
            }
        }
        m_result.choiceCount = m_n * m_prompts;
    }

    void applyMaxTokens(json::object& object)
    {
        if (!m_requestedMax && m_limits.defaultMaxTokens > 0) {
            object["max_tokens"] = static_cast<std::int64_t>(m_limits.defaultMaxTokens);
        }
        std::optional<std::int64_t> effective;
        for (const char* name : {"max_tokens", "max_completion_tokens"}) {
            const json::value* value = field(object, name);
            if (!value) {
                continue;
            }
            std::int64_t max = value->as_int64();
            if (m_limits.maxTokensCap > 0 && max > m_limits.maxTokensCap) {
                max = m_limits.maxTokensCap;
                object[name] = max;
            }
            effective = effective ? std::min(*effective, max) : max;
        }
        m_result.effectiveMaxTokens = effective.value_or(std::max<std::int32_t>(0, m_limits.maxTokensCap));
    }

    void applyStreaming(json::object& object)
    {
        if (!m_result.stream) {
            return;
        }
        json::value& options = object["stream_options"];
        if (!options.is_object()) {
            options = json::object {};
        }
        options.as_object()["include_usage"] = true;
    }

    Endpoint m_endpoint;
    const policy::OutputPolicy& m_output;
    const policy::LimitPolicy& m_limits;
    bool m_stripLogits;
    InspectedRequest m_result;
    std::string m_prompt;
    std::size_t m_promptParts = 0;
    std::int64_t m_promptBytes = 0;
    std::int64_t m_prompts = 1;
    std::int64_t m_n = 1;
    std::optional<std::int64_t> m_requestedMax;
};

} // namespace

std::string_view endpointName(Endpoint endpoint) noexcept
{
    switch (endpoint) {
    case Endpoint::Chat:
        return "chat";
    case Endpoint::Completions:
        return "completions";
    case Endpoint::Embeddings:
        return "embeddings";
    }
    return "chat";
}

std::variant<InspectedRequest, InspectError> inspectRequest(Endpoint endpoint, std::string_view body,
                                                            const policy::OutputPolicy& output,
                                                            const policy::LimitPolicy& limits, bool stripLogits)
{
    try {
        return Inspector(endpoint, output, limits, stripLogits).run(body);
    } catch (const Failure& failure) {
        return failure.error;
    } catch (const std::exception&) {
        return InspectError {400, "The request could not be processed.", {}, "invalid_request", std::nullopt};
    }
}

} // namespace modelguard::gateway::inspect
