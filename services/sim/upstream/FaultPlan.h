#pragma once
// Per-request failure injection, chosen by the client with the header `x-sim-fault` (see
// docs/upstream-simulator.md, "Fault injection"). Parsing is separate from acting so that it can be tested alone.

#include "services/common/HttpMessage.h"

#include <chrono>
#include <optional>
#include <string>

namespace modelguard::sim::upstream {

enum class FaultKind {
    None,
    Status,         ///< status-NNN: an OpenAI error with that status (400..599), Retry-After: 1 on 429
    Stall,          ///< no (further) bytes for the delay, then a TCP reset; streams stall after half their tokens
    ResetMidStream, ///< half the response (stream: half the tokens), then a TCP reset
    Garbage,        ///< bytes that are not HTTP, then close
    SlowFirstByte,  ///< wait the delay before anything, then answer normally
    Truncate        ///< stream: end the chunked body after half the tokens, without [DONE]; else half a JSON body
};

struct FaultPlan
{
    FaultKind kind = FaultKind::None;
    int status = 0;                                        ///< for Status
    std::optional<std::chrono::milliseconds> delay;        ///< x-sim-fault-delay-ms, for Stall and SlowFirstByte
    std::optional<std::chrono::milliseconds> tokenLatency; ///< x-sim-token-latency-ms override

    /// Reads x-sim-fault, x-sim-fault-delay-ms and x-sim-token-latency-ms; an invalid value yields an error
    /// response (400) in `error`.
    static FaultPlan fromRequest(const http::HttpRequest& request, std::optional<http::HttpResponse>& error);
};

} // namespace modelguard::sim::upstream
