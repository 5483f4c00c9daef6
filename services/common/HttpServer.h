#pragma once
// HTTP/1.1 server on Boost.Asio with C++20 coroutines: listener, keep-alive sessions, per-read deadlines, size
// limits, graceful shutdown. Beast stays behind this pimpl (see docs/upstream-simulator.md, "services/common").

#include "services/common/Router.h"
#include "services/common/ServerConfig.h"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

namespace modelguard::http {

class HttpServer
{
public:
    HttpServer(ServerConfig config, Router router);
    /// Stops (gracefully) if still running.
    ~HttpServer();
    HttpServer(const HttpServer&) = delete;
    HttpServer& operator=(const HttpServer&) = delete;

    /// Binds, listens and starts the worker threads; returns once connections are accepted. Throws
    /// std::runtime_error if the address is invalid or the port cannot be bound. Call once.
    void start();

    /// Graceful stop, blocking: stop accepting, close idle connections, let in-flight requests finish within
    /// gracePeriod, then cut the rest (streams see Responder::cancelled()), join the threads. Idempotent.
    /// Must not be called from a handler.
    void stop();

    /// Bound port (valid after start()).
    std::uint16_t port() const;
    /// Bound address as given in the config.
    const std::string& address() const;
    /// Connections currently open (accepted and not yet closed).
    std::size_t activeSessions() const;
    /// Connections accepted since start().
    std::uint64_t acceptedSessions() const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace modelguard::http
