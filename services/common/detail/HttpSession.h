#pragma once
// One accepted connection: reads requests (with a deadline before every read and capped sizes), dispatches them to
// the router, writes responses, until the client closes, a limit is hit or the server drains. Plain TCP or TLS (the
// implementation is a template over the stream in HttpSession.cpp). Internal to services/common.

#include "services/common/detail/ServerState.h"

#include <boost/asio/ip/tcp.hpp>

#include <memory>

namespace modelguard::http::detail {

class HttpSession
{
public:
    virtual ~HttpSession() = default;

    /// Creates the session (TLS if the server has a TLS context) and spawns its coroutine on the socket's strand;
    /// the session keeps itself alive until it ends. `socket` must have been accepted on its own strand.
    static void launch(std::shared_ptr<ServerState> state, boost::asio::ip::tcp::socket socket);

    /// Thread-safe (posts to the strand): close now if idle, otherwise after the current response.
    virtual void drain() = 0;
    /// Thread-safe (posts to the strand): cancel the in-flight request and close the connection.
    virtual void cut() = 0;
};

} // namespace modelguard::http::detail
