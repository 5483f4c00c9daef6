#pragma once
// One accepted connection: reads requests (with a deadline before every read and capped sizes), dispatches them to
// the router, writes responses, until the client closes, a limit is hit or the server drains. Internal to
// services/common; includes Beast.

#include "services/common/detail/ServerState.h"

#include <boost/asio/awaitable.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>

#include <memory>
#include <string>

namespace modelguard::http::detail {

class HttpSession : public std::enable_shared_from_this<HttpSession>
{
public:
    /// `socket` must have been accepted on its own strand (the session's executor).
    HttpSession(std::shared_ptr<ServerState> state, boost::asio::ip::tcp::socket socket);
    ~HttpSession();
    HttpSession(const HttpSession&) = delete;
    HttpSession& operator=(const HttpSession&) = delete;

    /// Spawns the session coroutine on the socket's strand; the session keeps itself alive until it ends.
    static void launch(std::shared_ptr<ServerState> state, boost::asio::ip::tcp::socket socket);

    /// Thread-safe (posts to the strand): close now if idle, otherwise after the current response.
    void drain();
    /// Thread-safe (posts to the strand): cancel the in-flight request and close the connection.
    void cut();

private:
    friend class SessionResponder;
    boost::asio::awaitable<void> run();
    boost::asio::awaitable<void> sendErrorAndClose(int status, std::string message);
    boost::asio::awaitable<void> lingeringClose();
    void watchForDisconnect();
    void closeSocket(bool reset);

    std::shared_ptr<ServerState> m_state;
    boost::beast::tcp_stream m_stream;
    boost::beast::flat_buffer m_buffer;
    std::uint64_t m_id = 0;
    std::uint64_t m_watchGeneration = 0;
    std::string m_remoteAddress;
    boost::system::error_code m_remoteError;
    bool m_busy = false;    ///< a request is being read or served
    bool m_closing = false; ///< drain requested: close after the current response
    bool m_cut = false;
    class SessionResponder* m_responder = nullptr; ///< the in-flight request's responder, if any
};

} // namespace modelguard::http::detail
