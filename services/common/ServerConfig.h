#pragma once
// Listener, threading, timeout and size limits of an HttpServer. Defaults suit a data-plane daemon.

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>

namespace modelguard::http {

/// HTTPS for a listener. Files are read once by HttpServer::start (which throws std::runtime_error if one cannot be
/// loaded). TLS 1.2 is the oldest version accepted.
struct TlsServerOptions
{
    std::string certFile;     ///< PEM chain (leaf first); empty = plain HTTP
    std::string keyFile;      ///< PEM private key of the leaf certificate
    std::string clientCaFile; ///< non-empty = mTLS: client certificate required and verified against this CA (PEM)
};

struct ServerConfig
{
    std::string address = "127.0.0.1"; ///< IPv4 or IPv6 literal to bind
    std::uint16_t port = 0;            ///< 0 = ephemeral; HttpServer::port() tells the bound one
    unsigned threads = 1; ///< worker threads running one shared io_context; each connection has its own strand

    /// Whole request header (request line + fields) must arrive within this time of its first byte: slowloris cut.
    std::chrono::milliseconds headerTimeout {10'000};
    /// A kept-alive connection (or a new one) may wait this long for the first byte of its next request.
    std::chrono::milliseconds idleTimeout {30'000};
    /// Whole request body must arrive within this time after the header.
    std::chrono::milliseconds bodyTimeout {30'000};
    /// Each write (a response, one chunk) must be accepted by the client's socket within this time.
    std::chrono::milliseconds writeTimeout {30'000};
    /// On stop(): in-flight requests may finish within this time, then they are cut.
    std::chrono::milliseconds gracePeriod {5'000};

    std::size_t maxHeaderBytes = 16 * 1024; ///< larger header -> 431 and close
    std::size_t maxBodyBytes = 1024 * 1024; ///< larger body -> 413 (OpenAI error JSON) and close
    std::size_t maxConnections = 10'000;    ///< further connections are closed right after accept

    std::string serverName = "modelguard"; ///< Server header

    TlsServerOptions tls; ///< certFile set = HTTPS (the TLS handshake must finish within headerTimeout)
};

} // namespace modelguard::http
