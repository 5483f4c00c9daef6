#pragma once
// The handler's side of one HTTP exchange: send a complete response, or stream one (chunked transfer, e.g. SSE),
// and learn when the client has gone. Implemented by the server plumbing (HttpSession.cpp); handlers see only this
// interface, so their translation units stay free of Beast.
//
// Thread/lifetime: a Responder lives for one request and is used only from the handler coroutine, which runs on the
// connection's strand. Every awaitable returns false once the client is gone or the server cuts the request
// (shutdown grace period over); a streaming handler must then stop.

#include "services/common/HttpMessage.h"

#include <boost/asio/awaitable.hpp>

#include <chrono>
#include <string>
#include <string_view>
#include <vector>

namespace modelguard::http {

class Responder
{
public:
    virtual ~Responder() = default;

    /// Sends a complete response. At most one response per request (a second call returns false).
    virtual boost::asio::awaitable<bool> send(HttpResponse response) = 0;

    /// Starts a chunked response with this status and content type (for SSE "text/event-stream"; the server adds
    /// Cache-Control: no-cache). Follow with writeChunk calls and endStream.
    virtual boost::asio::awaitable<bool> beginStream(int status, std::string contentType,
                                                     std::vector<HeaderField> headers = {}) = 0;
    /// Sends one chunk (empty data is ignored). Each call is flushed to the socket before it returns.
    virtual boost::asio::awaitable<bool> writeChunk(std::string_view data) = 0;
    /// Sends the terminating chunk. Called automatically if the handler returns with the stream still open.
    virtual boost::asio::awaitable<bool> endStream() = 0;

    /// Waits on a timer (the thread serves other connections meanwhile). Returns false early if the request is
    /// cancelled: client disconnected or server shutdown cutting in-flight requests.
    virtual boost::asio::awaitable<bool> sleepFor(std::chrono::milliseconds duration) = 0;
    /// True once the client has disconnected or the server has cut this request.
    virtual bool cancelled() const = 0;
    /// True once a status line has been sent (send, beginStream or writeRaw).
    virtual bool responseStarted() const = 0;

    /// Fault injection for test fixtures: writes bytes as they are, outside HTTP framing. The connection is closed
    /// after the handler returns.
    virtual boost::asio::awaitable<bool> writeRaw(std::string_view bytes) = 0;
    /// Fault injection for test fixtures: aborts the connection with a TCP reset (SO_LINGER 0), immediately.
    virtual void resetConnection() = 0;
};

} // namespace modelguard::http
