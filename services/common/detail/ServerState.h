#pragma once
// State shared by the listener and all sessions of one HttpServer. Internal to services/common.

#include "services/common/Router.h"
#include "services/common/ServerConfig.h"

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <unordered_map>

namespace boost::asio::ssl {
class context;
}

namespace modelguard::http::detail {

class HttpSession;

struct ServerState
{
    ServerState(ServerConfig c, Router r)
        : config(std::move(c))
        , router(std::move(r))
    { }

    const ServerConfig config;
    const Router router;

    /// Server TLS context when config.tls.certFile is set (created by HttpServer::start before any accept).
    std::shared_ptr<boost::asio::ssl::context> tls;

    std::atomic<bool> draining {false}; ///< stop() has begun: no new requests on kept-alive connections
    std::atomic<std::uint64_t> accepted {0};

    /// Registers a live session; returns its id. Thread-safe.
    std::uint64_t addSession(const std::shared_ptr<HttpSession>& session);
    /// Unregisters; wakes waitUntilIdle. Thread-safe.
    void removeSession(std::uint64_t id);
    std::size_t activeSessions() const;
    /// Calls f for every live session (under no lock: a snapshot is taken first).
    void forEachSession(const std::function<void(const std::shared_ptr<HttpSession>&)>& f) const;
    /// Blocks until no session is left or the timeout elapses; true if none is left.
    bool waitUntilIdle(std::chrono::milliseconds timeout) const;

private:
    mutable std::mutex m_mutex;
    mutable std::condition_variable m_idle;
    std::uint64_t m_nextId = 1;
    std::unordered_map<std::uint64_t, std::weak_ptr<HttpSession>> m_sessions;
};

} // namespace modelguard::http::detail
