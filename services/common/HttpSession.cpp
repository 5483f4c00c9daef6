// The per-connection coroutine and the Responder given to handlers, over plain TCP or TLS (Session<Stream>). Beast
// lives here, in HttpServer.cpp and in HttpClient.cpp only.
#include "services/common/detail/HttpSession.h"

#include "services/common/OpenAiError.h"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <openssl/bio.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>

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

using PlainStream = beast::tcp_stream;
using TlsStream = beast::ssl_stream<beast::tcp_stream>;

/// Subject of the verified peer certificate (RFC 2253), or empty.
std::string peerSubject(SSL* ssl)
{
    X509* cert = SSL_get0_peer_certificate(ssl);
    if (!cert || SSL_get_verify_result(ssl) != X509_V_OK) {
        return {};
    }
    BIO* bio = BIO_new(BIO_s_mem());
    if (!bio) {
        return {};
    }
    std::string subject;
    if (X509_NAME_print_ex(bio, X509_get_subject_name(cert), 0, XN_FLAG_RFC2253) >= 0) {
        char* data = nullptr;
        const long length = BIO_get_mem_data(bio, &data);
        if (data && length > 0) {
            subject.assign(data, static_cast<std::size_t>(length));
        }
    }
    BIO_free(bio);
    return subject;
}

template <class Stream>
class SessionResponder;

/// One connection over Stream (PlainStream or TlsStream).
template <class Stream>
class Session final : public HttpSession, public std::enable_shared_from_this<Session<Stream>>
{
public:
    static constexpr bool isTls = std::is_same_v<Stream, TlsStream>;

    template <class... Args>
    explicit Session(std::shared_ptr<ServerState> state, Args&&... streamArgs)
        : m_state(std::move(state))
        , m_stream(std::forward<Args>(streamArgs)...)
    { }
    ~Session() override
    {
        if (m_id != 0) {
            m_state->removeSession(m_id);
        }
    }
    Session(const Session&) = delete;
    Session& operator=(const Session&) = delete;

    void drain() override;
    void cut() override;

    std::uint64_t m_id = 0;
    awaitable<void> run();

private:
    friend class SessionResponder<Stream>;
    beast::tcp_stream& tcp() { return beast::get_lowest_layer(m_stream); }
    awaitable<void> sendErrorAndClose(int status, std::string message);
    awaitable<void> lingeringClose();
    void watchForDisconnect();
    void closeSocket(bool reset);

    std::shared_ptr<ServerState> m_state;
    Stream m_stream;
    beast::flat_buffer m_buffer;
    std::uint64_t m_watchGeneration = 0;
    std::string m_remoteAddress;
    std::string m_clientCertSubject;
    boost::system::error_code m_remoteError;
    bool m_busy = false;    ///< a request is being read or served
    bool m_closing = false; ///< drain requested: close after the current response
    bool m_cut = false;
    SessionResponder<Stream>* m_responder = nullptr; ///< the in-flight request's responder, if any
};

/// The Responder of one request. Lives on the session coroutine's frame; all calls happen on the session's strand.
template <class Stream>
class SessionResponder final : public Responder
{
public:
    SessionResponder(Session<Stream>& session, unsigned version, bool keepAlive)
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
        m_session.tcp().expires_after(m_session.m_state->config.writeTimeout);
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
        m_session.tcp().expires_after(m_session.m_state->config.writeTimeout);
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
        m_session.tcp().expires_after(m_session.m_state->config.writeTimeout);
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
        m_session.tcp().expires_after(m_session.m_state->config.writeTimeout);
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
        // Cleared on every way out: a sleep that is itself cancelled (e.g. the losing side of an `||` race) ends by
        // an exception at the co_await, and m_timer must not keep pointing into the frame that unwinds.
        struct ClearOnExit
        {
            net::steady_timer*& slot;
            ~ClearOnExit() { slot = nullptr; }
        } clear {m_timer};
        m_timer = &timer;
        co_await timer.async_wait(asTuple);
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
        m_session.tcp().expires_after(m_session.m_state->config.writeTimeout);
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

    Session<Stream>& m_session;
    unsigned m_version;
    bool m_keepAlive;
    bool m_started = false;
    bool m_streamOpen = false;
    bool m_chunked = true;
    bool m_cancelled = false;
    bool m_mustClose = false;
    net::steady_timer* m_timer = nullptr; ///< the handler's current sleep, if any
};

} // namespace

void HttpSession::launch(std::shared_ptr<ServerState> state, tcp::socket socket)
{
    auto report = [](std::exception_ptr failure) {
        if (failure) {
            try {
                std::rethrow_exception(failure);
            } catch (const std::exception& e) {
                std::fprintf(stderr, "http session failed: %s\n", e.what());
            }
        }
    };
    auto executor = socket.get_executor();
    if (state->tls) {
        auto session = std::make_shared<Session<TlsStream>>(state, std::move(socket), *state->tls);
        session->m_id = state->addSession(session);
        net::co_spawn(
            executor, [session]() -> awaitable<void> { co_await session->run(); }, report);
    } else {
        auto session = std::make_shared<Session<PlainStream>>(state, std::move(socket));
        session->m_id = state->addSession(session);
        net::co_spawn(
            executor, [session]() -> awaitable<void> { co_await session->run(); }, report);
    }
}

template <class Stream>
void Session<Stream>::drain()
{
    net::post(tcp().get_executor(), [self = this->shared_from_this()] {
        self->m_closing = true;
        if (!self->m_busy) {
            self->tcp().cancel();
        }
    });
}

template <class Stream>
void Session<Stream>::cut()
{
    net::post(tcp().get_executor(), [self = this->shared_from_this()] {
        self->m_closing = true;
        self->m_cut = true;
        if (self->m_responder) {
            self->m_responder->cancel();
        }
        self->closeSocket(false);
    });
}

template <class Stream>
void Session<Stream>::closeSocket(bool reset)
{
    boost::system::error_code ignored;
    tcp::socket& socket = tcp().socket();
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

template <class Stream>
void Session<Stream>::watchForDisconnect()
{
    // Waits for readability without consuming data: readable with nothing to read means the peer closed (or reset).
    // Pipelined bytes of a next request also make the socket readable; then watching stops and a vanished client is
    // noticed at the next write instead.
    tcp().socket().async_wait(tcp::socket::wait_read, [self = this->shared_from_this(), generation = m_watchGeneration](
                                                          const boost::system::error_code& ec) {
        if (ec || generation != self->m_watchGeneration || !self->m_responder) {
            return;
        }
        boost::system::error_code availableError;
        const std::size_t pending = self->tcp().socket().available(availableError);
        if (availableError || pending == 0) {
            self->m_responder->cancel();
        }
    });
}

template <class Stream>
awaitable<void> Session<Stream>::lingeringClose()
{
    // Half-close, then read and discard what the client is still sending for a moment, so that a close with unread
    // data (e.g. the rest of a refused body) does not turn into a reset that destroys our error response.
    boost::system::error_code ignored;
    tcp().socket().shutdown(tcp::socket::shutdown_send, ignored);
    tcp().expires_after(std::chrono::milliseconds(500));
    std::size_t discarded = 0;
    char sink[8192];
    while (discarded < 4 * 1024 * 1024) {
        auto [ec, n] = co_await tcp().async_read_some(net::buffer(sink), asTuple);
        if (ec) {
            break;
        }
        discarded += n;
    }
    closeSocket(false);
}

template <class Stream>
awaitable<void> Session<Stream>::sendErrorAndClose(int status, std::string message)
{
    SessionResponder<Stream> responder(*this, 11, false);
    co_await responder.send(openAiError(status, message));
    co_await lingeringClose();
}

template <class Stream>
awaitable<void> Session<Stream>::run()
{
    const ServerConfig& config = m_state->config;
    if (const auto remote = tcp().socket().remote_endpoint(m_remoteError); !m_remoteError) {
        m_remoteAddress = remote.address().to_string();
    }
    if constexpr (isTls) {
        tcp().expires_after(config.headerTimeout);
        auto [ec] = co_await m_stream.async_handshake(net::ssl::stream_base::server, asTuple);
        if (ec) {
            closeSocket(false);
            co_return;
        }
        m_clientCertSubject = peerSubject(m_stream.native_handle());
    }
    bool first = true;
    for (;;) {
        m_busy = false;
        if (m_closing || m_cut || m_state->draining) {
            break;
        }
        if (m_buffer.size() == 0) {
            // Idle: wait for the first byte of the next request.
            tcp().expires_after(first ? config.headerTimeout : config.idleTimeout);
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
        tcp().expires_after(config.headerTimeout);
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
                tcp().expires_after(config.writeTimeout);
                auto [ec, n] = co_await bhttp::async_write(m_stream, proceed, asTuple);
                if (ec) {
                    break;
                }
            }
            tcp().expires_after(config.bodyTimeout);
            auto [bodyError, bodyBytes] = co_await bhttp::async_read(m_stream, m_buffer, parser, asTuple);
            if (bodyError) {
                if (const int status = statusForReadError(bodyError); status != 0) {
                    co_await sendErrorAndClose(status, messageForStatus(status, bodyError));
                }
                break;
            }
        }
        tcp().expires_never();

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
        request.clientCertSubject = m_clientCertSubject;
        const bool keepAlive = message.keep_alive() && !m_closing && !m_state->draining;

        SessionResponder<Stream> responder(*this, message.version(), keepAlive);
        m_responder = &responder;
        std::vector<std::string> allowed;
        const Handler* handler = m_state->router.find(request.method, request.path, &allowed, &request.pathParams);
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
