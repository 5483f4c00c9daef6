// The per-connection coroutine and the Responder given to handlers. Beast lives here and in HttpServer.cpp only.
#include "services/common/detail/HttpSession.h"

#include "services/common/OpenAiError.h"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/http.hpp>

#include <cstdio>
#include <exception>
#include <string>

namespace modelguard::http::detail {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using net::awaitable;
using tcp = net::ip::tcp;

namespace {

constexpr auto asTuple = net::as_tuple(net::use_awaitable);

/// Status to answer a failed request read with; 0 = close without a response (peer gone, timeout, shutdown).
int statusForReadError(const boost::system::error_code& ec)
{
    if (ec == bhttp::error::header_limit) {
        return 431;
    }
    if (ec == bhttp::error::body_limit) {
        return 413;
    }
    if (ec == bhttp::error::end_of_stream || ec == bhttp::error::partial_message || ec == beast::error::timeout) {
        return 0;
    }
    if (&ec.category() == &bhttp::make_error_code(bhttp::error::bad_method).category()) {
        return 400;
    }
    return 0;
}

std::string messageForStatus(int status, const boost::system::error_code& ec)
{
    switch (status) {
    case 413:
        return "Request body too large.";
    case 431:
        return "Request header fields too large.";
    default:
        return "Malformed HTTP request: " + ec.message() + ".";
    }
}

} // namespace

/// The Responder of one request. Lives on the session coroutine's frame; all calls happen on the session's strand.
class SessionResponder final : public Responder
{
public:
    SessionResponder(HttpSession& session, unsigned version, bool keepAlive)
        : m_session(session)
        , m_version(version)
        , m_keepAlive(keepAlive)
    { }

    awaitable<bool> send(HttpResponse response) override
    {
        if (m_started || m_cancelled) {
            co_return false;
        }
        m_started = true;
        bhttp::response<bhttp::string_body> res;
        res.version(m_version);
        res.result(static_cast<unsigned>(response.status));
        res.set(bhttp::field::server, m_session.m_state->config.serverName);
        res.set(bhttp::field::content_type, response.contentType);
        for (const HeaderField& field : response.headers) {
            res.insert(field.first, field.second);
        }
        res.body() = std::move(response.body);
        res.keep_alive(m_keepAlive);
        res.prepare_payload();
        m_session.m_stream.expires_after(m_session.m_state->config.writeTimeout);
        auto [ec, n] = co_await bhttp::async_write(m_session.m_stream, res, asTuple);
        co_return noteResult(ec);
    }

    awaitable<bool> beginStream(int status, std::string contentType, std::vector<HeaderField> headers) override
    {
        if (m_started || m_cancelled) {
            co_return false;
        }
        m_started = true;
        m_streamOpen = true;
        m_chunked = m_version >= 11;
        bhttp::response<bhttp::empty_body> res;
        res.version(m_version);
        res.result(static_cast<unsigned>(status));
        res.set(bhttp::field::server, m_session.m_state->config.serverName);
        res.set(bhttp::field::content_type, contentType);
        res.set(bhttp::field::cache_control, "no-cache");
        for (const HeaderField& field : headers) {
            res.insert(field.first, field.second);
        }
        if (m_chunked) {
            res.keep_alive(m_keepAlive);
            res.chunked(true);
        } else {
            // HTTP/1.0 has no chunked coding: the body ends when the connection closes.
            m_keepAlive = false;
            res.keep_alive(false);
        }
        bhttp::response_serializer<bhttp::empty_body> serializer {res};
        m_session.m_stream.expires_after(m_session.m_state->config.writeTimeout);
        auto [ec, n] = co_await bhttp::async_write_header(m_session.m_stream, serializer, asTuple);
        co_return noteResult(ec);
    }

    awaitable<bool> writeChunk(std::string_view data) override
    {
        if (!m_streamOpen || m_cancelled) {
            co_return false;
        }
        if (data.empty()) {
            co_return true; // an empty chunk would terminate the body
        }
        m_session.m_stream.expires_after(m_session.m_state->config.writeTimeout);
        if (m_chunked) {
            auto [ec, n] = co_await net::async_write(m_session.m_stream, bhttp::make_chunk(net::buffer(data)), asTuple);
            co_return noteResult(ec);
        }
        auto [ec, n] = co_await net::async_write(m_session.m_stream, net::buffer(data), asTuple);
        co_return noteResult(ec);
    }

    awaitable<bool> endStream() override
    {
        if (!m_streamOpen || m_cancelled) {
            co_return false;
        }
        m_streamOpen = false;
        if (!m_chunked) {
            co_return true;
        }
        m_session.m_stream.expires_after(m_session.m_state->config.writeTimeout);
        auto [ec, n] = co_await net::async_write(m_session.m_stream, bhttp::make_chunk_last(), asTuple);
        co_return noteResult(ec);
    }

    awaitable<bool> sleepFor(std::chrono::milliseconds duration) override
    {
        if (m_cancelled) {
            co_return false;
        }
        net::steady_timer timer(co_await net::this_coro::executor);
        timer.expires_after(duration);
        m_timer = &timer;
        co_await timer.async_wait(asTuple);
        m_timer = nullptr;
        co_return !m_cancelled;
    }

    bool cancelled() const override { return m_cancelled; }
    bool responseStarted() const override { return m_started; }

    awaitable<bool> writeRaw(std::string_view bytes) override
    {
        if (m_cancelled) {
            co_return false;
        }
        m_started = true;
        m_mustClose = true;
        m_session.m_stream.expires_after(m_session.m_state->config.writeTimeout);
        auto [ec, n] = co_await net::async_write(m_session.m_stream, net::buffer(bytes), asTuple);
        co_return noteResult(ec);
    }

    void resetConnection() override
    {
        m_started = true;
        m_mustClose = true;
        m_session.closeSocket(true);
        cancel();
    }

    /// Client gone or server cutting: wake a sleeping handler and fail every later call.
    void cancel()
    {
        m_cancelled = true;
        if (m_timer) {
            m_timer->cancel();
        }
    }

    bool streamOpen() const { return m_streamOpen; }
    bool mustClose() const { return m_mustClose || m_cancelled || !m_keepAlive; }

private:
    bool noteResult(const boost::system::error_code& ec)
    {
        if (ec) {
            cancel();
            return false;
        }
        return true;
    }

    HttpSession& m_session;
    unsigned m_version;
    bool m_keepAlive;
    bool m_started = false;
    bool m_streamOpen = false;
    bool m_chunked = true;
    bool m_cancelled = false;
    bool m_mustClose = false;
    net::steady_timer* m_timer = nullptr; ///< the handler's current sleep, if any
};

HttpSession::HttpSession(std::shared_ptr<ServerState> state, tcp::socket socket)
    : m_state(std::move(state))
    , m_stream(std::move(socket))
{ }

HttpSession::~HttpSession()
{
    if (m_id != 0) {
        m_state->removeSession(m_id);
    }
}

void HttpSession::launch(std::shared_ptr<ServerState> state, tcp::socket socket)
{
    auto session = std::make_shared<HttpSession>(state, std::move(socket));
    session->m_id = state->addSession(session);
    auto executor = session->m_stream.get_executor();
    net::co_spawn(
        executor, [session]() -> awaitable<void> { co_await session->run(); },
        [](std::exception_ptr failure) {
            if (failure) {
                try {
                    std::rethrow_exception(failure);
                } catch (const std::exception& e) {
                    std::fprintf(stderr, "http session failed: %s\n", e.what());
                }
            }
        });
}

void HttpSession::drain()
{
    net::post(m_stream.get_executor(), [self = shared_from_this()] {
        self->m_closing = true;
        if (!self->m_busy) {
            self->m_stream.cancel();
        }
    });
}

void HttpSession::cut()
{
    net::post(m_stream.get_executor(), [self = shared_from_this()] {
        self->m_closing = true;
        self->m_cut = true;
        if (self->m_responder) {
            self->m_responder->cancel();
        }
        self->closeSocket(false);
    });
}

void HttpSession::closeSocket(bool reset)
{
    boost::system::error_code ignored;
    tcp::socket& socket = m_stream.socket();
    if (!socket.is_open()) {
        return;
    }
    if (reset) {
        socket.set_option(net::socket_base::linger(true, 0), ignored);
    } else {
        socket.shutdown(tcp::socket::shutdown_both, ignored);
    }
    socket.close(ignored);
}

void HttpSession::watchForDisconnect()
{
    // Waits for readability without consuming data: readable with nothing to read means the peer closed (or reset).
    // Pipelined bytes of a next request also make the socket readable; then watching stops and a vanished client is
    // noticed at the next write instead.
    m_stream.socket().async_wait(tcp::socket::wait_read, [self = shared_from_this(), generation = m_watchGeneration](
                                                             const boost::system::error_code& ec) {
        if (ec || generation != self->m_watchGeneration || !self->m_responder) {
            return;
        }
        boost::system::error_code availableError;
        const std::size_t pending = self->m_stream.socket().available(availableError);
        if (availableError || pending == 0) {
            self->m_responder->cancel();
        }
    });
}

awaitable<void> HttpSession::lingeringClose()
{
    // Half-close, then read and discard what the client is still sending for a moment, so that a close with unread
    // data (e.g. the rest of a refused body) does not turn into a reset that destroys our error response.
    boost::system::error_code ignored;
    m_stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
    m_stream.expires_after(std::chrono::milliseconds(500));
    std::size_t discarded = 0;
    char sink[8192];
    while (discarded < 4 * 1024 * 1024) {
        auto [ec, n] = co_await m_stream.async_read_some(net::buffer(sink), asTuple);
        if (ec) {
            break;
        }
        discarded += n;
    }
    closeSocket(false);
}

awaitable<void> HttpSession::sendErrorAndClose(int status, std::string message)
{
    SessionResponder responder(*this, 11, false);
    co_await responder.send(openAiError(status, message));
    co_await lingeringClose();
}

awaitable<void> HttpSession::run()
{
    const ServerConfig& config = m_state->config;
    if (const auto remote = m_stream.socket().remote_endpoint(m_remoteError); !m_remoteError) {
        m_remoteAddress = remote.address().to_string();
    }
    bool first = true;
    for (;;) {
        m_busy = false;
        if (m_closing || m_cut || m_state->draining) {
            break;
        }
        if (m_buffer.size() == 0) {
            // Idle: wait for the first byte of the next request.
            m_stream.expires_after(first ? config.headerTimeout : config.idleTimeout);
            auto [ec, n] = co_await m_stream.async_read_some(m_buffer.prepare(4096), asTuple);
            if (ec) {
                break;
            }
            m_buffer.commit(n);
        }
        first = false;
        if (m_cut) {
            break;
        }
        m_busy = true;

        bhttp::request_parser<bhttp::string_body> parser;
        parser.header_limit(static_cast<std::uint32_t>(config.maxHeaderBytes));
        parser.body_limit(config.maxBodyBytes);
        m_stream.expires_after(config.headerTimeout);
        auto [headerError, headerBytes] = co_await bhttp::async_read_header(m_stream, m_buffer, parser, asTuple);
        if (headerError) {
            if (const int status = statusForReadError(headerError); status != 0) {
                co_await sendErrorAndClose(status, messageForStatus(status, headerError));
            }
            break;
        }
        if (!parser.is_done()) {
            if (const auto length = parser.content_length(); length && *length > config.maxBodyBytes) {
                co_await sendErrorAndClose(413, messageForStatus(413, {}));
                break;
            }
            if (beast::iequals(parser.get()[bhttp::field::expect], "100-continue")) {
                bhttp::response<bhttp::empty_body> proceed {bhttp::status::continue_, parser.get().version()};
                m_stream.expires_after(config.writeTimeout);
                auto [ec, n] = co_await bhttp::async_write(m_stream, proceed, asTuple);
                if (ec) {
                    break;
                }
            }
            m_stream.expires_after(config.bodyTimeout);
            auto [bodyError, bodyBytes] = co_await bhttp::async_read(m_stream, m_buffer, parser, asTuple);
            if (bodyError) {
                if (const int status = statusForReadError(bodyError); status != 0) {
                    co_await sendErrorAndClose(status, messageForStatus(status, bodyError));
                }
                break;
            }
        }
        m_stream.expires_never();

        bhttp::request<bhttp::string_body>& message = parser.get();
        HttpRequest request;
        request.method = std::string(message.method_string());
        request.target = std::string(message.target());
        const std::size_t question = request.target.find('?');
        request.path = request.target.substr(0, question);
        if (question != std::string::npos) {
            request.query = request.target.substr(question + 1);
        }
        for (const auto& field : message) {
            request.headers.emplace_back(std::string(field.name_string()), std::string(field.value()));
        }
        request.body = std::move(message.body());
        request.remoteAddress = m_remoteAddress;
        const bool keepAlive = message.keep_alive() && !m_closing && !m_state->draining;

        SessionResponder responder(*this, message.version(), keepAlive);
        m_responder = &responder;
        std::vector<std::string> allowed;
        const Handler* handler = m_state->router.find(request.method, request.path, &allowed);
        if (!handler) {
            HttpResponse response;
            if (allowed.empty()) {
                response = openAiError(404, "Unknown request URL: " + request.method + " " + request.path + ".",
                                       "unknown_url");
            } else {
                std::string allow;
                for (const std::string& method : allowed) {
                    allow += (allow.empty() ? "" : ", ") + method;
                }
                response = openAiError(405, "Method " + request.method + " is not allowed on " + request.path + ".",
                                       "method_not_allowed");
                response.headers.emplace_back("Allow", allow);
            }
            co_await responder.send(std::move(response));
        } else {
            ++m_watchGeneration;
            watchForDisconnect();
            bool failed = false;
            try {
                co_await (*handler)(request, responder);
            } catch (const std::exception& e) {
                std::fprintf(stderr, "handler for %s %s failed: %s\n", request.method.c_str(), request.path.c_str(),
                             e.what());
                failed = true;
            }
            ++m_watchGeneration; // the pending wait, if any, is now stale
            if (!responder.responseStarted() && !responder.cancelled()) {
                co_await responder.send(openAiError(
                    500, failed ? "The server had an error while processing your request." : "No response produced."));
            } else if (responder.streamOpen() && !responder.cancelled()) {
                co_await responder.endStream();
            }
        }
        m_responder = nullptr;
        if (responder.mustClose()) {
            break;
        }
    }
    m_busy = false;
    closeSocket(false);
}

} // namespace modelguard::http::detail
