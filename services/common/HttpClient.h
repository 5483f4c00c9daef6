#pragma once
// Upstream HTTP/1.1 client for the daemons (the gateway's proxy): C++20 coroutines on Boost.Asio, one keep-alive
// connection pool per client (= per origin), HTTPS with OpenSSL (chain + host name verification, SNI, optional
// client certificate), connect / first-byte / idle deadlines, a body size cap, streamed body reads and cancellation.
// Beast stays in HttpClient.cpp.

#include "services/common/HttpMessage.h"

#include <boost/asio/awaitable.hpp>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace modelguard::http {

struct ClientConfig
{
    std::chrono::milliseconds connectTimeout {5'000};     ///< name resolution + TCP connect + TLS handshake
    std::chrono::milliseconds firstByteTimeout {120'000}; ///< request written -> response head complete
    std::chrono::milliseconds idleTimeout {60'000};       ///< max gap between two body reads (also bounds the write)
    std::size_t maxIdleConnections = 256;                 ///< per origin, kept-alive pool
    std::size_t maxResponseHeaderBytes = 64 * 1024;
    std::size_t maxResponseBodyBytes = 64 * 1024 * 1024;
    bool verifyPeer = true;     ///< HTTPS: verify certificate chain and host name (SNI is always set for host names)
    std::string caFile;         ///< HTTPS: extra CA bundle (PEM); empty = system default paths only
    std::string clientCertFile; ///< HTTPS: client certificate chain (PEM) for mTLS; empty = none
    std::string clientKeyFile;  ///< HTTPS: its private key (PEM)
};

enum class ClientErrorKind {
    None,
    Connect,          ///< resolution failed, connection refused or unreachable
    ConnectTimeout,   ///< connect + TLS handshake did not finish within connectTimeout
    Tls,              ///< handshake failed (certificate not trusted, wrong host, peer refused us) or TLS error later
    FirstByteTimeout, ///< no complete response head within firstByteTimeout
    IdleTimeout,      ///< body stalled for idleTimeout
    Reset,            ///< connection closed or reset before the response was complete
    Protocol,         ///< not a valid HTTP/1.x response
    TooLarge,         ///< response head above maxResponseHeaderBytes or body above maxResponseBodyBytes
    Cancelled         ///< ClientExchange::cancel() or Asio per-operation cancellation
};

struct ClientError
{
    ClientErrorKind kind = ClientErrorKind::None;
    std::string message;
};

/// Lower-case name of a kind, e.g. "first_byte_timeout" (for logs and metrics labels).
std::string_view clientErrorKindName(ClientErrorKind kind);

/// One request/response exchange on a pooled connection. Use from one coroutine at a time (and cancel() from the
/// same executor). Destroying an exchange whose body was not read to its end closes the connection.
class ClientExchange
{
public:
    virtual ~ClientExchange() = default;
    virtual int status() const = 0;
    virtual const std::vector<HeaderField>& headers() const = 0;
    /// Next piece of the (de-chunked) body as it arrives; std::nullopt at the end or on error (then error() says).
    /// Every piece is non-empty. Each read waits at most idleTimeout.
    virtual boost::asio::awaitable<std::optional<std::string>> read() = 0;
    /// Reads the rest of the body (bounded by maxResponseBodyBytes); std::nullopt on error.
    virtual boost::asio::awaitable<std::optional<std::string>> readAll() = 0;
    virtual const ClientError& error() const = 0;
    /// Abandons the exchange: the connection is closed (never returned to the pool); a pending read ends with
    /// ClientErrorKind::Cancelled. Safe to call any time, also after the end (then it does nothing).
    virtual void cancel() = 0;
};

class HttpClient
{
public:
    /// baseUrl: "http://host:port[/base]" or "https://host[:port][/base]" (host name, IPv4 or [IPv6]). Throws
    /// std::invalid_argument if the URL is bad or a configured TLS file cannot be loaded.
    explicit HttpClient(std::string baseUrl, ClientConfig config = {});
    ~HttpClient();
    HttpClient(const HttpClient&) = delete;
    HttpClient& operator=(const HttpClient&) = delete;

    /// Sends method + (base path + target) with headers (Host and Content-Length added; hop-by-hop fields such as
    /// Connection, Transfer-Encoding, Content-Length, Keep-Alive, TE, Trailer, Upgrade given by the caller are
    /// dropped; a caller's Host wins) and body, waits for the response head. Runs on the calling coroutine's
    /// executor; thread-safe (handlers on several threads may share one client). Returns the exchange, or the
    /// error. A finished exchange (body fully read, keep-alive) returns its connection to the pool. A pooled
    /// connection that the server has closed is detected; if sending on a reused connection fails before any
    /// response byte, the request is sent once more on a fresh connection. Supports Asio per-operation
    /// cancellation (e.g. `co_await (client.send(...) || timer.async_wait(...))`): cancelled = connection closed.
    boost::asio::awaitable<std::pair<std::unique_ptr<ClientExchange>, ClientError>>
    send(std::string method, std::string target, std::vector<HeaderField> headers, std::string body);

    std::size_t idleConnections() const;     ///< for tests/metrics
    std::uint64_t connectionsOpened() const; ///< TCP connections established since construction

    /// "http" or "https", host (without brackets), port and base path ("" or "/base") of the base URL.
    const std::string& scheme() const;
    const std::string& host() const;
    std::uint16_t port() const;
    const std::string& basePath() const;

    struct Impl;

private:
    std::shared_ptr<Impl> m_impl;
};

} // namespace modelguard::http
