#include "services/sim/upstream/OpenAiRequest.h"

#include "services/sim/upstream/SimTokenizer.h"

#include <boost/json.hpp>

#include <algorithm>
#include <cmath>

namespace modelguard::sim::upstream {

namespace json = boost::json;

namespace {

[[noreturn]] void invalid(std::string message, std::optional<std::string> param,
                          std::optional<std::string> code = "invalid_value")
{
    throw RequestError(400, std::move(message), std::move(param), std::move(code));
}

[[noreturn]] void wrongType(const std::string& param, std::string_view expected)
{
    invalid("Invalid type for '" + param + "': expected " + std::string(expected) + ".", param, "invalid_type");
}

json::object parseBody(std::string_view body)
{
    json::parse_options options;
    options.max_depth = 64;
    boost::system::error_code ec;
    json::value value = json::parse(body, ec, {}, options);
    if (ec) {
        invalid("We could not parse the JSON body of your request. (HINT: This likely means you aren't using your "
                "HTTP library correctly. The OpenAI API expects a JSON payload.)",
                std::nullopt, "invalid_json");
    }
    if (!value.is_object()) {
        invalid("The JSON body of your request must be an object.", std::nullopt, "invalid_json");
    }
    return std::move(value.as_object());
}

const json::value* field(const json::object& object, std::string_view name)
{
    const json::value* value = object.if_contains(name);
    return (value && !value->is_null()) ? value : nullptr;
}

std::string requireModel(const json::object& object, const RequestLimits& limits)
{
    const json::value* value = field(object, "model");
    if (!value) {
        invalid("you must provide a model parameter", "model", "missing_required_parameter");
    }
    if (!value->is_string()) {
        wrongType("model", "a string");
    }
    std::string model(value->as_string());
    if (std::find(limits.models.begin(), limits.models.end(), model) == limits.models.end()) {
        throw RequestError(404, "The model '" + model + "' does not exist or you do not have access to it.",
                           std::nullopt, "model_not_found");
    }
    return model;
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
        wrongType(name, "a number");
    }
    if (!std::isfinite(number) || number < min || number > max) {
        invalid("Invalid '" + name + "': " + json::serialize(*value) + " is out of range; expected a value between "
                    + json::serialize(json::value(min)) + " and " + json::serialize(json::value(max)) + ".",
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
        number = max; // beyond int64: certainly too large
        if (value->as_uint64() > static_cast<std::uint64_t>(max)) {
            invalid("Invalid '" + name + "': integer above maximum value " + std::to_string(max) + ".", name);
        }
    } else {
        wrongType(name, "an integer");
    }
    if (number < min || number > max) {
        invalid("Invalid '" + name + "': " + std::to_string(number) + " is out of range; expected an integer between "
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
        wrongType(name, "a boolean");
    }
    return value->as_bool();
}

void parseSamplingFields(const json::object& object, const RequestLimits& limits, CompletionRequest& request)
{
    request.n = static_cast<std::size_t>(
        optionalInteger(object, "n", 1, static_cast<std::int64_t>(limits.maxChoices)).value_or(1));
    request.temperature = optionalNumber(object, "temperature", 0.0, 2.0).value_or(1.0);
    optionalNumber(object, "top_p", 0.0, 1.0);
    optionalNumber(object, "presence_penalty", -2.0, 2.0);
    optionalNumber(object, "frequency_penalty", -2.0, 2.0);
    for (const char* name : {"max_tokens", "max_completion_tokens"}) {
        if (const auto max = optionalInteger(object, name, 1, INT64_MAX)) {
            if (static_cast<std::uint64_t>(*max) > limits.maxTokensCap) {
                invalid(std::string(name) + " is too large: " + std::to_string(*max) + ". This model supports at most "
                            + std::to_string(limits.maxTokensCap) + " completion tokens.",
                        std::string(name));
            }
            request.maxTokens = static_cast<std::size_t>(*max);
        }
    }
    if (const json::value* stop = field(object, "stop")) {
        if (stop->is_string()) {
            request.stop.emplace_back(stop->as_string());
        } else if (stop->is_array()) {
            if (stop->as_array().size() > 4) {
                invalid("Invalid 'stop': at most 4 stop sequences are allowed.", "stop");
            }
            for (const json::value& s : stop->as_array()) {
                if (!s.is_string()) {
                    wrongType("stop", "a string or an array of strings");
                }
                request.stop.emplace_back(s.as_string());
            }
        } else {
            wrongType("stop", "a string or an array of strings");
        }
        for (const std::string& s : request.stop) {
            if (s.empty()) {
                invalid("Invalid 'stop': stop sequences must not be empty.", "stop");
            }
        }
    }
    if (const json::value* bias = field(object, "logit_bias")) {
        if (!bias->is_object()) {
            wrongType("logit_bias", "an object mapping token ids to numbers");
        }
        if (bias->as_object().size() > 1024) {
            invalid("Invalid 'logit_bias': at most 1024 entries are allowed.", "logit_bias");
        }
        for (const auto& entry : bias->as_object()) {
            const std::string key(entry.key());
            std::size_t used = 0;
            unsigned long id = 0;
            try {
                id = std::stoul(key, &used);
            } catch (const std::exception&) {
                used = 0;
            }
            if (key.empty() || used != key.size() || key[0] == '-' || key[0] == '+'
                || id >= TextModel::kVocabularySize) {
                invalid("Invalid key in 'logit_bias': " + key + ". Keys must be token ids between 0 and "
                            + std::to_string(TextModel::kVocabularySize - 1) + ".",
                        "logit_bias");
            }
            json::object single;
            single["logit_bias"] = entry.value();
            const auto value = optionalNumber(single, "logit_bias", -100.0, 100.0);
            if (!value) {
                wrongType("logit_bias", "numbers as values");
            }
            request.logitBias[static_cast<TokenId>(id)] = *value;
        }
    }
    request.stream = optionalBool(object, "stream").value_or(false);
    if (const json::value* options = field(object, "stream_options")) {
        if (!options->is_object()) {
            wrongType("stream_options", "an object");
        }
        request.includeUsage = optionalBool(options->as_object(), "include_usage").value_or(false);
    }
    request.seed = optionalInteger(object, "seed", INT64_MIN, INT64_MAX);
}

/// Text of a chat message's content: a string, or an array of parts of which the "text" ones count.
std::string messageContent(const json::value& content, std::size_t index)
{
    const std::string param = "messages.[" + std::to_string(index) + "].content";
    if (content.is_string()) {
        return std::string(content.as_string());
    }
    if (!content.is_array()) {
        wrongType(param, "a string or an array of content parts");
    }
    std::string text;
    for (const json::value& part : content.as_array()) {
        if (!part.is_object()) {
            wrongType(param, "an array of content part objects");
        }
        const json::value* type = part.as_object().if_contains("type");
        if (!type || !type->is_string()) {
            invalid("Missing required parameter: '" + param + ".type'.", param, "missing_required_parameter");
        }
        if (type->as_string() == "text") {
            const json::value* partText = part.as_object().if_contains("text");
            if (!partText || !partText->is_string()) {
                invalid("Missing required parameter: '" + param + ".text'.", param, "missing_required_parameter");
            }
            text += std::string(partText->as_string());
        }
    }
    return text;
}

} // namespace

std::string chatPromptText(const std::vector<std::pair<std::string, std::string>>& messages)
{
    std::string text;
    for (const auto& [role, content] : messages) {
        text += role;
        text += ": ";
        text += content;
        text += '\n';
    }
    return text;
}

CompletionRequest parseChatCompletionRequest(std::string_view body, const RequestLimits& limits)
{
    const json::object object = parseBody(body);
    CompletionRequest request;
    request.chat = true;
    request.model = requireModel(object, limits);
    const json::value* messages = field(object, "messages");
    if (!messages) {
        invalid("Missing required parameter: 'messages'.", "messages", "missing_required_parameter");
    }
    if (!messages->is_array()) {
        wrongType("messages", "an array");
    }
    if (messages->as_array().empty()) {
        invalid("Invalid 'messages': empty array. Expected an array with minimum length 1.", "messages", "empty_array");
    }
    std::vector<std::pair<std::string, std::string>> rendered;
    std::size_t index = 0;
    request.promptTokens = 3; // the reply primer
    for (const json::value& message : messages->as_array()) {
        const std::string param = "messages.[" + std::to_string(index) + "]";
        if (!message.is_object()) {
            wrongType(param, "an object");
        }
        const json::value* role = message.as_object().if_contains("role");
        if (!role || !role->is_string()) {
            invalid("Missing required parameter: '" + param + ".role'.", param + ".role", "missing_required_parameter");
        }
        const std::string roleText(role->as_string());
        static const std::vector<std::string> roles {"system", "developer", "user", "assistant", "tool", "function"};
        if (std::find(roles.begin(), roles.end(), roleText) == roles.end()) {
            invalid("Invalid value: '" + roleText
                        + "'. Supported values are: 'system', 'developer', 'user', "
                          "'assistant', 'tool' and 'function'.",
                    param + ".role");
        }
        const json::value* content = message.as_object().if_contains("content");
        std::string contentText;
        if (content && !content->is_null()) {
            contentText = messageContent(*content, index);
        } else if (roleText != "assistant") {
            invalid("Missing required parameter: '" + param + ".content'.", param + ".content",
                    "missing_required_parameter");
        }
        request.promptTokens += 3 + SimTokenizer::count(contentText);
        rendered.emplace_back(roleText, std::move(contentText));
        ++index;
    }
    request.prompts.push_back(chatPromptText(rendered));
    parseSamplingFields(object, limits, request);
    request.logprobs = optionalBool(object, "logprobs").value_or(false);
    if (const auto top = optionalInteger(object, "top_logprobs", 0, 20)) {
        if (!request.logprobs) {
            invalid("Invalid value for 'top_logprobs': 'logprobs' must be set to true.", "top_logprobs");
        }
        request.topLogprobs = static_cast<std::size_t>(*top);
    }
    return request;
}

CompletionRequest parseTextCompletionRequest(std::string_view body, const RequestLimits& limits)
{
    const json::object object = parseBody(body);
    CompletionRequest request;
    request.chat = false;
    request.model = requireModel(object, limits);
    const json::value* prompt = field(object, "prompt");
    if (!prompt) {
        invalid("Missing required parameter: 'prompt'.", "prompt", "missing_required_parameter");
    }
    if (prompt->is_string()) {
        request.prompts.emplace_back(prompt->as_string());
    } else if (prompt->is_array() && !prompt->as_array().empty()) {
        for (const json::value& p : prompt->as_array()) {
            if (!p.is_string()) {
                wrongType("prompt", "a string or an array of strings");
            }
            request.prompts.emplace_back(p.as_string());
        }
    } else {
        wrongType("prompt", "a string or a non-empty array of strings");
    }
    if (request.prompts.size() > 64) {
        invalid("Invalid 'prompt': at most 64 prompts per request.", "prompt");
    }
    for (const std::string& p : request.prompts) {
        request.promptTokens += SimTokenizer::count(p);
    }
    parseSamplingFields(object, limits, request);
    if (request.prompts.size() * request.n > limits.maxChoices * 4) {
        invalid("Too many choices: prompts x n must not exceed " + std::to_string(limits.maxChoices * 4) + ".", "n");
    }
    if (optionalBool(object, "echo").value_or(false)) {
        invalid("'echo' is not supported by this server.", "echo", "unsupported_value");
    }
    if (const auto logprobs = optionalInteger(object, "logprobs", 0, 5)) {
        request.logprobs = true;
        request.topLogprobs = static_cast<std::size_t>(*logprobs);
    }
    return request;
}

EmbeddingRequest parseEmbeddingRequest(std::string_view body, const RequestLimits& limits)
{
    const json::object object = parseBody(body);
    EmbeddingRequest request;
    request.model = requireModel(object, limits);
    const json::value* input = field(object, "input");
    if (!input) {
        invalid("Missing required parameter: 'input'.", "input", "missing_required_parameter");
    }
    auto tokenArrayText = [](const json::array& ids) {
        std::string text;
        for (const json::value& id : ids) {
            if (!id.is_int64() && !id.is_uint64()) {
                wrongType("input", "a string, an array of strings, or token id arrays");
            }
            text += "#" + json::serialize(id) + " ";
        }
        return text;
    };
    if (input->is_string()) {
        request.inputs.emplace_back(input->as_string());
    } else if (input->is_array() && !input->as_array().empty()) {
        const json::array& items = input->as_array();
        if (items.front().is_int64() || items.front().is_uint64()) {
            request.inputs.push_back(tokenArrayText(items));
        } else {
            for (const json::value& item : items) {
                if (item.is_string()) {
                    request.inputs.emplace_back(item.as_string());
                } else if (item.is_array() && !item.as_array().empty()) {
                    request.inputs.push_back(tokenArrayText(item.as_array()));
                } else {
                    wrongType("input", "a string, an array of strings, or token id arrays");
                }
            }
        }
    } else {
        wrongType("input", "a string or a non-empty array");
    }
    if (request.inputs.size() > 2048) {
        invalid("Invalid 'input': at most 2048 inputs per request.", "input");
    }
    for (const std::string& text : request.inputs) {
        const std::size_t tokens = SimTokenizer::count(text);
        if (tokens == 0) {
            invalid("Invalid 'input': input cannot be an empty string.", "input");
        }
        if (tokens > 8192) {
            invalid("This model's maximum context length is 8192 tokens, however you requested "
                        + std::to_string(tokens) + " tokens in the input.",
                    "input", "context_length_exceeded");
        }
        request.promptTokens += tokens;
    }
    request.dimensions = static_cast<std::size_t>(
        optionalInteger(object, "dimensions", 1, static_cast<std::int64_t>(limits.embeddingDimensions))
            .value_or(static_cast<std::int64_t>(limits.embeddingDimensions)));
    if (const json::value* format = field(object, "encoding_format")) {
        if (!format->is_string() || (format->as_string() != "float" && format->as_string() != "base64")) {
            invalid("Invalid value for 'encoding_format': expected 'float' or 'base64'.", "encoding_format");
        }
        request.base64 = format->as_string() == "base64";
    }
    return request;
}

} // namespace modelguard::sim::upstream
