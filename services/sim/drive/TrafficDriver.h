#pragma once
// Drives a real modelguard-gateway over HTTP with the traffic personas of services/sim: creates one API key per
// simulated key through the admin API, then sends each client's requests (their content from the persona, their
// pacing from the driver: benign clients at a human pace, attackers as fast as their scripts run) and records what
// the gateway answered. Used by `modelguard-cli sim traffic --gateway`, by `modelguard-cli demo` and by the
// gateway's end-to-end tests. No Beast here.

#include <atomic>
#include <chrono>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace modelguard::sim {

struct DriverOptions
{
    std::string gatewayUrl; ///< data plane, e.g. "http://127.0.0.1:8080"
    std::string adminUrl;   ///< admin listener, e.g. "http://127.0.0.1:8081"
    std::string adminToken; ///< admin role: keys are created with it
    /// Personas and how many clients of each ("chat_user", "logit_bias_sweep", ...; see personaNames()).
    std::vector<std::pair<std::string, int>> personas;
    std::uint64_t seed = 1;
    std::string model = "sim-gpt-1"; ///< every request is sent for this model
    /// Mean gap between two requests of one benign client (exponential), and between two requests of one attacker.
    std::chrono::milliseconds benignInterval {15'000};
    std::chrono::milliseconds attackerInterval {250};
    std::chrono::milliseconds duration {60'000}; ///< stop after this long...
    std::uint64_t maxRequests = 0;               ///< ...or after this many requests in all (0 = no bound)
    std::int32_t maxTokensCap = 256;             ///< requests ask for at most this many tokens (keeps runs short)
    std::int64_t vocabulary = 50'000;            ///< logit_bias token ids are folded into [0, vocabulary)
    const std::atomic<bool>* stop = nullptr;     ///< set from another thread to end early
    std::string clientPrefix;                    ///< prepended to every client id (several runs against one gateway)
};

struct ClientOutcome
{
    std::string clientId;
    std::string persona;
    bool attacker = false;
    std::uint64_t sent = 0;
    std::uint64_t ok = 0;
    std::uint64_t rateLimited = 0;    ///< 429 other than the risk throttle
    std::uint64_t throttled = 0;      ///< 429 code risk_throttled
    std::uint64_t blocked = 0;        ///< 403 code client_blocked
    std::uint64_t failed = 0;         ///< any other status or transport error
    std::int64_t firstThrottled = -1; ///< 1-based index of the client's first throttled request
    std::int64_t firstBlocked = -1;   ///< 1-based index of the client's first blocked request
};

struct DriverReport
{
    std::vector<ClientOutcome> clients;
    std::uint64_t requests = 0;
    std::chrono::milliseconds elapsed {0};
    std::string error; ///< set when the run could not start (admin API unreachable, ...)
};

/// Persona names the driver knows.
std::vector<std::string> personaNames();

/// Runs the traffic (blocking) and returns the per-client outcome.
DriverReport runTraffic(const DriverOptions& options);

/// The report as JSON (one object).
std::string reportJson(const DriverReport& report);

} // namespace modelguard::sim
