#include "services/gateway/inspect/PolicyJson.h"

#include <boost/json.hpp>

#include <cmath>
#include <functional>
#include <limits>
#include <map>

namespace modelguard::gateway::inspect {

namespace json = boost::json;

namespace {

struct Refusal
{
    std::string message;
};

[[noreturn]] void refuse(std::string message)
{
    throw Refusal {std::move(message)};
}

std::string rangeText(double value)
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

double number(const json::value& value, std::string_view name, double min, double max)
{
    double n = 0;
    if (value.is_double()) {
        n = value.as_double();
    } else if (value.is_int64()) {
        n = static_cast<double>(value.as_int64());
    } else if (value.is_uint64()) {
        n = static_cast<double>(value.as_uint64());
    } else {
        refuse("'" + std::string(name) + "' must be a number.");
    }
    if (!std::isfinite(n) || n < min || n > max) {
        refuse("'" + std::string(name) + "' must be between " + rangeText(min) + " and " + rangeText(max) + ".");
    }
    return n;
}

std::int64_t integer(const json::value& value, std::string_view name, std::int64_t min, std::int64_t max)
{
    std::int64_t n = 0;
    if (value.is_int64()) {
        n = value.as_int64();
    } else if (value.is_uint64()) {
        n = max == std::numeric_limits<std::int64_t>::max() ? max : max + 1; // certainly out of range
        if (value.as_uint64() <= static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
            n = static_cast<std::int64_t>(value.as_uint64());
        } else {
            refuse("'" + std::string(name) + "' must be between " + std::to_string(min) + " and " + std::to_string(max)
                   + ".");
        }
    } else if (value.is_double() && value.as_double() == std::floor(value.as_double())
               && std::fabs(value.as_double()) < 9.0e15) {
        n = static_cast<std::int64_t>(value.as_double()); // e.g. 1024.0 from a JSON library that writes doubles
    } else {
        refuse("'" + std::string(name) + "' must be an integer.");
    }
    if (n < min || n > max) {
        refuse("'" + std::string(name) + "' must be between " + std::to_string(min) + " and " + std::to_string(max)
               + ".");
    }
    return n;
}

bool boolean(const json::value& value, std::string_view name)
{
    if (!value.is_bool()) {
        refuse("'" + std::string(name) + "' must be true or false.");
    }
    return value.as_bool();
}

std::string_view string(const json::value& value, std::string_view name, std::string_view allowed)
{
    if (!value.is_string()) {
        refuse("'" + std::string(name) + "' must be a string, one of " + std::string(allowed) + ".");
    }
    return value.as_string();
}

/// Calls the handler of every field; unknown fields are refused.
using FieldHandler = std::function<void(const json::value&)>;
void readFields(const json::value& value, std::string_view what,
                const std::map<std::string_view, FieldHandler>& handlers)
{
    if (!value.is_object()) {
        refuse(std::string(what) + " must be a JSON object.");
    }
    for (const auto& entry : value.as_object()) {
        const auto handler = handlers.find(entry.key());
        if (handler == handlers.end()) {
            refuse("Unknown field '" + std::string(entry.key()) + "' in " + std::string(what) + ".");
        }
        handler->second(entry.value());
    }
}

constexpr std::int64_t kInt32Max = std::numeric_limits<std::int32_t>::max();
constexpr std::int64_t kInt64Max = std::numeric_limits<std::int64_t>::max();
constexpr double kMaxRate = 1e9;

template <typename Policy, typename Reader>
std::optional<std::string> readInto(const json::value& value, Policy& out, Reader reader)
{
    Policy next = out;
    try {
        reader(value, next);
    } catch (const Refusal& refusal) {
        return refusal.message;
    }
    out = next;
    return std::nullopt;
}

template <typename Policy>
std::optional<Policy> parseText(std::string_view text, std::string* error)
{
    boost::system::error_code ec;
    json::parse_options options;
    options.max_depth = 16;
    const json::value value = json::parse(text, ec, {}, options);
    if (ec) {
        if (error) {
            *error = "The policy is not valid JSON.";
        }
        return std::nullopt;
    }
    Policy policy;
    if (auto problem = policyFromJson(value, policy)) {
        if (error) {
            *error = std::move(*problem);
        }
        return std::nullopt;
    }
    if (error) {
        error->clear();
    }
    return policy;
}

} // namespace

json::object policyToJson(const policy::LimitPolicy& p)
{
    return json::object {
        {"requests_per_second", p.rate.requestsPerSecond}, {"requests_per_minute", p.rate.requestsPerMinute},
        {"tokens_per_minute", p.rate.tokensPerMinute},     {"tokens_per_day", p.quota.tokensPerDay},
        {"tokens_per_month", p.quota.tokensPerMonth},      {"requests_per_day", p.quota.requestsPerDay},
        {"default_max_tokens", p.defaultMaxTokens},        {"max_tokens_cap", p.maxTokensCap},
    };
}

json::object policyToJson(const policy::OutputPolicy& p)
{
    return json::object {
        {"logprobs", policy::logprobsModeName(p.logprobs)},
        {"top_logprobs_cap", p.topLogprobsCap},
        {"round_decimals", p.roundDecimals},
        {"noise_stddev", p.noiseStddev},
        {"logit_bias", policy::logitBiasModeName(p.logitBias)},
        {"logit_bias_max_count", p.logitBiasMaxCount},
        {"logit_bias_max_magnitude", p.logitBiasMaxMagnitude},
        {"max_n", p.maxN},
        {"min_temperature", p.minTemperature},
    };
}

json::object policyToJson(const policy::WatermarkPolicy& p)
{
    return json::object {{"schemes", policy::schemesName(p.schemes)}, {"strength", p.strength}};
}

json::object policyToJson(const policy::RiskPolicy& p)
{
    return json::object {
        {"strip_score", p.stripScore},
        {"throttle_score", p.throttleScore},
        {"block_score", p.blockScore},
        {"automatic", p.automatic},
        {"throttle_requests_per_second", p.throttleRequestsPerSecond},
    };
}

std::optional<std::string> policyFromJson(const json::value& value, policy::LimitPolicy& out)
{
    return readInto(value, out, [](const json::value& v, policy::LimitPolicy& p) {
        readFields(
            v, "limits",
            {
                {"requests_per_second",
                 [&](const json::value& f) {
                     p.rate.requestsPerSecond = number(f, "requests_per_second", 0, kMaxRate);
                 }},
                {"requests_per_minute",
                 [&](const json::value& f) {
                     p.rate.requestsPerMinute = number(f, "requests_per_minute", 0, kMaxRate);
                 }},
                {"tokens_per_minute",
                 [&](const json::value& f) {
                     p.rate.tokensPerMinute = integer(f, "tokens_per_minute", 0, kInt64Max / 4);
                 }},
                {"tokens_per_day",
                 [&](const json::value& f) { p.quota.tokensPerDay = integer(f, "tokens_per_day", 0, kInt64Max / 4); }},
                {"tokens_per_month",
                 [&](const json::value& f) {
                     p.quota.tokensPerMonth = integer(f, "tokens_per_month", 0, kInt64Max / 4);
                 }},
                {"requests_per_day",
                 [&](const json::value& f) {
                     p.quota.requestsPerDay = integer(f, "requests_per_day", 0, kInt64Max / 4);
                 }},
                {"default_max_tokens",
                 [&](const json::value& f) {
                     p.defaultMaxTokens = static_cast<std::int32_t>(integer(f, "default_max_tokens", 1, kInt32Max));
                 }},
                {"max_tokens_cap",
                 [&](const json::value& f) {
                     p.maxTokensCap = static_cast<std::int32_t>(integer(f, "max_tokens_cap", 0, kInt32Max));
                 }},
            });
    });
}

std::optional<std::string> policyFromJson(const json::value& value, policy::OutputPolicy& out)
{
    return readInto(value, out, [](const json::value& v, policy::OutputPolicy& p) {
        readFields(
            v, "output policy",
            {
                {"logprobs",
                 [&](const json::value& f) {
                     const char* allowed = "'allow', 'cap', 'round', 'noise', 'strip', 'deny'";
                     const auto mode = policy::parseLogprobsMode(string(f, "logprobs", allowed));
                     if (!mode) {
                         refuse("'logprobs' must be one of " + std::string(allowed) + ".");
                     }
                     p.logprobs = *mode;
                 }},
                {"top_logprobs_cap",
                 [&](const json::value& f) {
                     p.topLogprobsCap = static_cast<std::int32_t>(integer(f, "top_logprobs_cap", 0, 20));
                 }},
                {"round_decimals",
                 [&](const json::value& f) {
                     p.roundDecimals = static_cast<std::int32_t>(integer(f, "round_decimals", 0, 6));
                 }},
                {"noise_stddev", [&](const json::value& f) { p.noiseStddev = number(f, "noise_stddev", 0, 10); }},
                {"logit_bias",
                 [&](const json::value& f) {
                     const char* allowed = "'allow', 'cap', 'strip', 'deny', 'deny_with_logprobs'";
                     const auto mode = policy::parseLogitBiasMode(string(f, "logit_bias", allowed));
                     if (!mode) {
                         refuse("'logit_bias' must be one of " + std::string(allowed) + ".");
                     }
                     p.logitBias = *mode;
                 }},
                {"logit_bias_max_count",
                 [&](const json::value& f) {
                     p.logitBiasMaxCount = static_cast<std::int32_t>(integer(f, "logit_bias_max_count", 0, 1024));
                 }},
                {"logit_bias_max_magnitude",
                 [&](const json::value& f) {
                     p.logitBiasMaxMagnitude = number(f, "logit_bias_max_magnitude", 0, 100);
                 }},
                {"max_n",
                 [&](const json::value& f) { p.maxN = static_cast<std::int32_t>(integer(f, "max_n", 0, 128)); }},
                {"min_temperature",
                 [&](const json::value& f) { p.minTemperature = number(f, "min_temperature", 0, 2); }},
            });
    });
}

std::optional<std::string> policyFromJson(const json::value& value, policy::WatermarkPolicy& out)
{
    return readInto(value, out, [](const json::value& v, policy::WatermarkPolicy& p) {
        readFields(v, "watermark policy",
                   {
                       {"schemes",
                        [&](const json::value& f) {
                            const char* allowed = "'payload', 'lexical', 'both', 'none'";
                            const auto schemes = policy::parseSchemes(string(f, "schemes", allowed));
                            if (!schemes) {
                                refuse("'schemes' must be one of " + std::string(allowed) + ".");
                            }
                            p.schemes = *schemes;
                        }},
                       {"strength", [&](const json::value& f) { p.strength = number(f, "strength", 0, 1); }},
                   });
    });
}

std::optional<std::string> policyFromJson(const json::value& value, policy::RiskPolicy& out)
{
    return readInto(value, out, [](const json::value& v, policy::RiskPolicy& p) {
        readFields(v, "risk policy",
                   {
                       {"strip_score", [&](const json::value& f) { p.stripScore = number(f, "strip_score", 0, 100); }},
                       {"throttle_score",
                        [&](const json::value& f) { p.throttleScore = number(f, "throttle_score", 0, 100); }},
                       {"block_score", [&](const json::value& f) { p.blockScore = number(f, "block_score", 0, 100); }},
                       {"automatic", [&](const json::value& f) { p.automatic = boolean(f, "automatic"); }},
                       {"throttle_requests_per_second",
                        [&](const json::value& f) {
                            p.throttleRequestsPerSecond = number(f, "throttle_requests_per_second", 0.001, 1000);
                        }},
                   });
        if (!(p.stripScore <= p.throttleScore && p.throttleScore <= p.blockScore)) {
            refuse("The scores must satisfy strip_score <= throttle_score <= block_score.");
        }
    });
}

std::string toJson(const policy::LimitPolicy& p)
{
    return json::serialize(policyToJson(p));
}
std::string toJson(const policy::OutputPolicy& p)
{
    return json::serialize(policyToJson(p));
}
std::string toJson(const policy::WatermarkPolicy& p)
{
    return json::serialize(policyToJson(p));
}
std::string toJson(const policy::RiskPolicy& p)
{
    return json::serialize(policyToJson(p));
}

std::optional<policy::LimitPolicy> limitsFromJson(std::string_view text, std::string* error)
{
    return parseText<policy::LimitPolicy>(text, error);
}
std::optional<policy::OutputPolicy> outputPolicyFromJson(std::string_view text, std::string* error)
{
    return parseText<policy::OutputPolicy>(text, error);
}
std::optional<policy::WatermarkPolicy> watermarkPolicyFromJson(std::string_view text, std::string* error)
{
    return parseText<policy::WatermarkPolicy>(text, error);
}
std::optional<policy::RiskPolicy> riskPolicyFromJson(std::string_view text, std::string* error)
{
    return parseText<policy::RiskPolicy>(text, error);
}

} // namespace modelguard::gateway::inspect
