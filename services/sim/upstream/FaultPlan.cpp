#include "services/sim/upstream/FaultPlan.h"

#include "services/common/OpenAiError.h"

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

FaultPlan FaultPlan::fromRequest(const http::HttpRequest& request, std::optional<http::HttpResponse>& error)
{
    FaultPlan plan;
    if (const auto latency = request.header("x-sim-token-latency-ms")) {
        const auto ms = parseMillis(*latency, 10'000);
        if (!ms) {
            error = http::openAiError(400, "x-sim-token-latency-ms must be an integer from 0 to 10000.",
                                      "invalid_sim_header", "x-sim-token-latency-ms");
            return plan;
        }
        plan.tokenLatency = std::chrono::milliseconds(*ms);
    }
    if (const auto delay = request.header("x-sim-fault-delay-ms")) {
        const auto ms = parseMillis(*delay, 3'600'000);
        if (!ms) {
            error = http::openAiError(400, "x-sim-fault-delay-ms must be an integer from 0 to 3600000.",
                                      "invalid_sim_header", "x-sim-fault-delay-ms");
            return plan;
        }
        plan.delay = std::chrono::milliseconds(*ms);
    }
    const auto fault = request.header("x-sim-fault");
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
