#pragma once
// A small HTTP/1.1 client for the service tests: one connection per call, 127.0.0.1 only, every call bounded by a
// timeout. Beast stays in TestHttpClient.cpp.

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace modelguard::test {

using Headers = std::vector<std::pair<std::string, std::string>>;

struct TestResponse
{
    int status = 0;   ///< 0 if no complete response arrived
    std::string body; ///< de-chunked
    Headers headers;
    std::string error; ///< transport or parse error, empty on success
    std::chrono::milliseconds elapsed {0};

    std::optional<std::string> header(std::string_view name) const;
};

/// Sends one request and reads the whole response.
TestResponse httpRequest(std::uint16_t port, const std::string& method, const std::string& target,
                         const std::string& body = {}, const Headers& headers = {},
                         std::chrono::milliseconds timeout = std::chrono::seconds(20));

/// Sends the request, reads the response header and body until at least `bytes` body bytes have arrived, then
/// closes the connection abruptly (a client that goes away mid-stream).
TestResponse httpRequestThenDisconnect(std::uint16_t port, const std::string& target, const std::string& body,
                                       const Headers& headers, std::size_t bytes,
                                       std::chrono::milliseconds timeout = std::chrono::seconds(10));

struct RawResult
{
    std::string received;
    bool closedByPeer = false; ///< EOF or reset seen (not our timeout)
    std::chrono::milliseconds elapsed {0};
};

/// Writes bytes as they are, then reads until the server closes or the timeout elapses.
RawResult rawExchange(std::uint16_t port, const std::string& bytes,
                      std::chrono::milliseconds timeout = std::chrono::seconds(5));

/// Slowloris: sends a request line, then one header line every `interval`, never finishing the header. Returns the
/// time until the server closed the connection, or nullopt if it was still open after `maxDuration`.
std::optional<std::chrono::milliseconds> slowloris(std::uint16_t port, std::chrono::milliseconds interval,
                                                   std::chrono::milliseconds maxDuration);

/// The `data:` payloads of a server-sent-events body, in order.
std::vector<std::string> sseData(const std::string& body);

} // namespace modelguard::test
