#include "services/sim/upstream/FaultPlan.h"

#include "services/common/OpenAiError.h"

#include <boost/json.hpp>

#include <charconv>

namespace modelguard::sim::upstream {

namespace {

std::optional<long> parseMillis(std::string_view text, long max)
{
    long value = -1;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size() || value < 0 || value > max) {
        return std::nullopt;
    }
    return value;
}

} // namespace

/// A fault can also travel in the request body, in OpenAI's free-form "user" field: "sim-fault:NAME" or
/// "sim-fault:NAME:DELAY_MS". A gateway passes that field on unchanged, so tests can inject upstream faults through
/// it without the gateway knowing about the simulator.
std::optional<std::pair<std::string, std::optional<std::string>>> faultFromBody(std::string_view body)
{
    if (body.find("sim-fault:") == std::string_view::npos) {
        return std::nullopt;
    }
    std::error_code ec;
    auto value = boost::json::parse(body, ec);
    if (ec || !value.is_object()) {
        return std::nullopt;
    }
    const auto* user = value.as_object().if_contains("user");
    if (!user || !user->is_string() || !user->as_string().starts_with("sim-fault:")) {
        return std::nullopt;
    }
    std::string spec(user->as_string().subview().substr(10));
    const auto colon = spec.find(':');
    if (colon == std::string::npos) {
        return std::pair(spec, std::optional<std::string>());
    }
    return std::pair(spec.substr(0, colon), std::optional<std::string>(spec.substr(colon + 1)));
}

FaultPlan FaultPlan::fromRequest(const http::HttpRequest& request, std::optional<http::HttpResponse>& error)
{
    FaultPlan plan;
    const auto fromBody = request.header("x-sim-fault") ? std::nullopt : faultFromBody(request.body);
    if (const auto latency = request.header("x-sim-token-latency-ms")) {
        const auto ms = parseMillis(*latency, 10'000);
        if (!ms) {
            error = http::openAiError(400, "x-sim-token-latency-ms must be an integer from 0 to 10000.",
                                      "invalid_sim_header", "x-sim-token-latency-ms");
            return plan;
        }
        plan.tokenLatency = std::chrono::milliseconds(*ms);
    }
    auto delayText = request.header("x-sim-fault-delay-ms");
    if (fromBody && fromBody->second) {
        delayText = *fromBody->second;
    }
    if (const auto delay = delayText) {
        const auto ms = parseMillis(*delay, 3'600'000);
        if (!ms) {
            error = http::openAiError(400, "x-sim-fault-delay-ms must be an integer from 0 to 3600000.",
                                      "invalid_sim_header", "x-sim-fault-delay-ms");
            return plan;
        }
        plan.delay = std::chrono::milliseconds(*ms);
    }
    auto fault = request.header("x-sim-fault");
    if (fromBody) {
        fault = fromBody->first;
    }
    if (!fault) {
        return plan;
    }
    const std::string_view name = *fault;
    if (name == "stall") {
        plan.kind = FaultKind::Stall;
    } else if (name == "reset-mid-stream") {
        plan.kind = FaultKind::ResetMidStream;
    } else if (name == "garbage") {
        plan.kind = FaultKind::Garbage;
    } else if (name == "slow-first-byte") {
        plan.kind = FaultKind::SlowFirstByte;
    } else if (name == "truncate") {
        plan.kind = FaultKind::Truncate;
    } else if (name.starts_with("status-")) {
        int status = 0;
        const std::string_view digits = name.substr(7);
        const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), status);
        if (ec == std::errc() && end == digits.data() + digits.size() && status >= 400 && status <= 599) {
            plan.kind = FaultKind::Status;
            plan.status = status;
        }
    }
    if (plan.kind == FaultKind::None) {
        error = http::openAiError(400,
                                  "Unknown x-sim-fault '" + std::string(name)
                                      + "'. Expected stall, reset-mid-stream, garbage, slow-first-byte, truncate or "
                                        "status-NNN (400..599).",
                                  "invalid_sim_header", "x-sim-fault");
    }
    return plan;
}

} // namespace modelguard::sim::upstream
