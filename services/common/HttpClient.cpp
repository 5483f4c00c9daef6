// The upstream client: connection pool, connect/TLS, request write, response head and streamed body reads. Every
// I/O step races a timer with Asio's awaitable operators, so deadlines and the caller's per-operation cancellation
// work the same way on plain and TLS connections (no Beast stream timers: a pooled connection may be used from
// another strand next time).
#include "services/common/HttpClient.h"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/connect.hpp>
#include <boost/asio/experimental/awaitable_operators.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http.hpp>
#include <openssl/ssl.h>
#include <openssl/x509.h>

#include <sys/socket.h>

#include <atomic>
#include <cerrno>
#include <charconv>
#include <limits>
#include <mutex>
#include <set>
#include <stdexcept>
#include <variant>

namespace modelguard::http {

namespace net = boost::asio;
namespace ssl = boost::asio::ssl;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using net::awaitable;
using tcp = net::ip::tcp;
using Clock = std::chrono::steady_clock;
using namespace net::experimental::awaitable_operators;

std::string_view clientErrorKindName(ClientErrorKind kind)
{
    switch (kind) {
    case ClientErrorKind::None:
        return "none";
    case ClientErrorKind::Connect:
        return "connect";
    case ClientErrorKind::ConnectTimeout:
        return "connect_timeout";
    case ClientErrorKind::Tls:
        return "tls";
    case ClientErrorKind::FirstByteTimeout:
        return "first_byte_timeout";
    case ClientErrorKind::IdleTimeout:
        return "idle_timeout";
    case ClientErrorKind::Reset:
        return "reset";
    case ClientErrorKind::Protocol:
        return "protocol";
    case ClientErrorKind::TooLarge:
        return "too_large";
    case ClientErrorKind::Cancelled:
        return "cancelled";
    }
    return "unknown";
}

namespace {

constexpr auto asTuple = net::as_tuple(net::use_awaitable);
constexpr std::size_t kReadChunk = 32 * 1024;

/// Outcome of one I/O step raced against its deadline.
struct StepResult
{
    boost::system::error_code ec;
    std::size_t bytes = 0;
    bool timedOut = false;
};

/// Runs `op` (an awaitable of tuple<error_code, size_t> or tuple<error_code, X>) against a deadline. A deadline
/// timer that ends with operation_aborted was cancelled with the whole step (the caller's cancellation): reported
/// as ec = operation_aborted, not as a timeout.
template <class Op>
awaitable<StepResult> raceDeadline(Op op, Clock::time_point deadline)
{
    net::steady_timer timer(co_await net::this_coro::executor);
    timer.expires_at(deadline);
    auto result = co_await (std::move(op) || timer.async_wait(asTuple));
    StepResult step;
    if (result.index() == 0) {
        const auto& values = std::get<0>(result);
        using Values = std::decay_t<decltype(values)>;
        step.ec = std::get<0>(values);
        if constexpr (std::tuple_size_v<Values> >= 2) {
            if constexpr (std::is_convertible_v<std::tuple_element_t<1, Values>, std::size_t>) {
                step.bytes = std::get<1>(values);
            }
        }
    } else {
        const auto [timerError] = std::get<1>(result);
        if (timerError) {
            step.ec = net::error::operation_aborted;
        } else {
            step.timedOut = true;
            step.ec = net::error::timed_out;
        }
    }
    co_return step;
}

bool isSslError(const boost::system::error_code& ec)
{
    return ec.category() == net::error::get_ssl_category() || ec.category() == ssl::error::get_stream_category();
}

bool isClosedError(const boost::system::error_code& ec)
{
    return ec == net::error::eof || ec == net::error::connection_reset || ec == net::error::broken_pipe
           || ec == net::error::connection_aborted || ec == bhttp::error::end_of_stream
           || ec == bhttp::error::partial_message || ec == ssl::error::stream_truncated;
}

struct Origin
{
    std::string scheme;
    std::string host; ///< without IPv6 brackets
    std::uint16_t port = 0;
    std::string basePath; ///< "" or "/base" (no trailing slash)
    std::string hostHeader;
    bool https = false;
    bool hostIsAddress = false;
};

Origin parseBaseUrl(const std::string& url)
{
    auto fail = [&url](const std::string& why) {
        throw std::invalid_argument("invalid base URL '" + url + "': " + why);
    };
    Origin origin;
    std::string_view rest(url);
    if (rest.substr(0, 7) == "http://") {
        origin.scheme = "http";
        rest.remove_prefix(7);
    } else if (rest.substr(0, 8) == "https://") {
        origin.scheme = "https";
        origin.https = true;
        rest.remove_prefix(8);
    } else {
        fail("the scheme must be http:// or https://");
    }
    if (rest.find_first_of("?#@ \t\r\n\\") != std::string_view::npos) {
        fail("user info, query, fragment, spaces and backslashes are not allowed");
    }
    const std::size_t slash = rest.find('/');
    std::string_view authority = rest.substr(0, slash);
    std::string_view path = slash == std::string_view::npos ? std::string_view() : rest.substr(slash);
    std::string_view portText;
    if (!authority.empty() && authority.front() == '[') {
        const std::size_t close = authority.find(']');
        if (close == std::string_view::npos) {
            fail("unterminated IPv6 address");
        }
        origin.host = std::string(authority.substr(1, close - 1));
        const std::string_view after = authority.substr(close + 1);
        if (!after.empty()) {
            if (after.front() != ':') {
                fail("unexpected text after the IPv6 address");
            }
            portText = after.substr(1);
            if (portText.empty()) {
                fail("empty port");
            }
        }
        boost::system::error_code ec;
        const auto address = net::ip::make_address_v6(origin.host, ec);
        if (ec) {
            fail("bad IPv6 address");
        }
        (void)address;
        origin.hostIsAddress = true;
    } else {
        const std::size_t colon = authority.find(':');
        origin.host = std::string(authority.substr(0, colon));
        if (colon != std::string_view::npos) {
            portText = authority.substr(colon + 1);
            if (portText.empty()) {
                fail("empty port");
            }
        }
        for (const char c : origin.host) {
            const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-'
                            || c == '.' || c == '_';
            if (!ok) {
                fail("bad character in the host name");
            }
        }
        boost::system::error_code ec;
        (void)net::ip::make_address_v4(origin.host, ec);
        origin.hostIsAddress = !ec;
    }
    if (origin.host.empty()) {
        fail("missing host");
    }
    if (!portText.empty()) {
        unsigned value = 0;
        const auto [end, ec] = std::from_chars(portText.data(), portText.data() + portText.size(), value);
        if (ec != std::errc() || end != portText.data() + portText.size() || value == 0 || value > 65535) {
            fail("bad port");
        }
        origin.port = static_cast<std::uint16_t>(value);
    } else {
        origin.port = origin.https ? 443 : 80;
    }
    while (!path.empty() && path.back() == '/') {
        path.remove_suffix(1);
    }
    origin.basePath = std::string(path);
    const std::string hostPart = origin.host.find(':') != std::string::npos ? "[" + origin.host + "]" : origin.host;
    const bool defaultPort = origin.port == (origin.https ? 443 : 80);
    origin.hostHeader = defaultPort ? hostPart : hostPart + ":" + std::to_string(origin.port);
    return origin;
}

bool isHopByHop(std::string_view name)
{
    for (const std::string_view hop : {"connection", "content-length", "transfer-encoding", "keep-alive", "te",
                                       "trailer", "upgrade", "proxy-connection"}) {
        if (headerNameEquals(name, hop)) {
            return true;
        }
    }
    return false;
}

} // namespace

/// One TCP (optionally TLS) connection. Closed on destruction.
struct Connection
{
    Connection(const net::any_io_executor& executor, ssl::context* tlsContext)
    {
        if (tlsContext) {
            tls.emplace(executor, *tlsContext);
        } else {
            plain.emplace(executor);
        }
    }
    ~Connection() { close(); }
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    tcp::socket& socket() { return tls ? tls->next_layer() : *plain; }

    /// Calls f with the stream to read and write (the TLS stream or the socket); f returns an awaitable.
    template <class F>
    auto visit(F&& f)
    {
        return tls ? f(*tls) : f(*plain);
    }

    void close()
    {
        boost::system::error_code ignored;
        tcp::socket& s = socket();
        if (s.is_open()) {
            s.shutdown(tcp::socket::shutdown_both, ignored);
            s.close(ignored);
        }
    }

    /// A pooled connection is usable if the peer has not closed it and sent nothing unexpected.
    bool looksAlive()
    {
        tcp::socket& s = socket();
        if (!s.is_open() || buffer.size() != 0) {
            return false;
        }
        char byte = 0;
        const ssize_t n = ::recv(s.native_handle(), &byte, 1, MSG_PEEK | MSG_DONTWAIT);
        if (n == 0) {
            return false; // orderly close
        }
        if (n < 0) {
            return errno == EAGAIN || errno == EWOULDBLOCK;
        }
        // Bytes on an idle plain connection are not ours to read; on TLS they may be a session ticket or alert,
        // which the retry-once rule covers.
        return tls.has_value();
    }

    std::optional<tcp::socket> plain;
    std::optional<ssl::stream<tcp::socket>> tls;
    beast::flat_buffer buffer;
    net::execution_context* context = nullptr; ///< the io_context the socket is registered with
};

struct HttpClient::Impl : std::enable_shared_from_this<HttpClient::Impl>
{
    Origin origin;
    ClientConfig config;
    std::unique_ptr<ssl::context> tlsContext;
    mutable std::mutex mutex;
    std::vector<std::unique_ptr<Connection>> idle; ///< oldest first
    std::atomic<std::uint64_t> opened {0};

    std::unique_ptr<Connection> take(net::execution_context& context);
    void giveBack(std::unique_ptr<Connection> connection);
    /// Closes the pooled connections of an io_context that is being destroyed.
    void dropContext(net::execution_context* context);
    awaitable<std::pair<std::unique_ptr<Connection>, ClientError>> connect();
};

namespace {

/// Per io_context: closes pooled connections when the io_context shuts down, while its socket services still exist
/// (a pool may outlive the io_context its idle sockets belong to).
class PoolRegistry : public net::execution_context::service
{
public:
    inline static net::execution_context::id id;

    explicit PoolRegistry(net::execution_context& context)
        : net::execution_context::service(context)
    { }

    void add(const std::shared_ptr<HttpClient::Impl>& pool)
    {
        std::lock_guard lock(m_mutex);
        for (auto it = m_pools.begin(); it != m_pools.end();) {
            it = it->expired() ? m_pools.erase(it) : std::next(it);
        }
        for (const auto& existing : m_pools) {
            if (existing.lock() == pool) {
                return;
            }
        }
        m_pools.push_back(pool);
    }

private:
    void shutdown() override
    {
        std::vector<std::weak_ptr<HttpClient::Impl>> pools;
        {
            std::lock_guard lock(m_mutex);
            pools.swap(m_pools);
        }
        for (const auto& weak : pools) {
            if (auto pool = weak.lock()) {
                pool->dropContext(&context());
            }
        }
    }

    std::mutex m_mutex;
    std::vector<std::weak_ptr<HttpClient::Impl>> m_pools;
};

} // namespace

std::unique_ptr<Connection> HttpClient::Impl::take(net::execution_context& context)
{
    std::vector<std::unique_ptr<Connection>> stale;
    std::unique_ptr<Connection> found;
    {
        std::lock_guard lock(mutex);
        for (std::size_t i = idle.size(); i-- > 0;) {
            if (idle[i]->context != &context) {
                continue;
            }
            std::unique_ptr<Connection> candidate = std::move(idle[i]);
            idle.erase(idle.begin() + static_cast<std::ptrdiff_t>(i));
            if (candidate->looksAlive()) {
                found = std::move(candidate);
                break;
            }
            stale.push_back(std::move(candidate));
        }
    }
    return found; // stale ones close here, outside the lock
}

void HttpClient::Impl::giveBack(std::unique_ptr<Connection> connection)
{
    if (config.maxIdleConnections == 0 || !connection->context) {
        return;
    }
    net::use_service<PoolRegistry>(*connection->context).add(shared_from_this());
    std::unique_ptr<Connection> evicted;
    std::lock_guard lock(mutex);
    if (idle.size() >= config.maxIdleConnections) {
        evicted = std::move(idle.front());
        idle.erase(idle.begin());
    }
    idle.push_back(std::move(connection));
}

void HttpClient::Impl::dropContext(net::execution_context* context)
{
    std::vector<std::unique_ptr<Connection>> dropped;
    std::lock_guard lock(mutex);
    for (auto it = idle.begin(); it != idle.end();) {
        if ((*it)->context == context) {
            dropped.push_back(std::move(*it));
            it = idle.erase(it);
        } else {
            ++it;
        }
    }
}

awaitable<std::pair<std::unique_ptr<Connection>, ClientError>> HttpClient::Impl::connect()
{
    const net::any_io_executor executor = co_await net::this_coro::executor;
    const Clock::time_point deadline = Clock::now() + config.connectTimeout;
    const std::string where = origin.host + ":" + std::to_string(origin.port);
    auto failure = [](ClientErrorKind kind, std::string message) {
        return std::pair<std::unique_ptr<Connection>, ClientError>(nullptr, ClientError {kind, std::move(message)});
    };

    tcp::resolver resolver(executor);
    tcp::resolver::results_type endpoints;
    {
        net::steady_timer timer(executor);
        timer.expires_at(deadline);
        auto result = co_await (resolver.async_resolve(origin.host, std::to_string(origin.port), asTuple)
                                || timer.async_wait(asTuple));
        if (result.index() == 1) {
            const bool cancelled = static_cast<bool>(std::get<0>(std::get<1>(result)));
            co_return failure(cancelled ? ClientErrorKind::Cancelled : ClientErrorKind::ConnectTimeout,
                              cancelled ? "cancelled" : "timed out resolving " + origin.host);
        }
        auto& [ec, results] = std::get<0>(result);
        if (ec) {
            co_return failure(ec == net::error::operation_aborted ? ClientErrorKind::Cancelled
                                                                  : ClientErrorKind::Connect,
                              "cannot resolve " + origin.host + ": " + ec.message());
        }
        endpoints = results;
    }

    auto connection = std::make_unique<Connection>(executor, tlsContext.get());
    connection->context = &net::query(executor, net::execution::context);
    {
        net::steady_timer timer(executor);
        timer.expires_at(deadline);
        auto result =
            co_await (net::async_connect(connection->socket(), endpoints, asTuple) || timer.async_wait(asTuple));
        if (result.index() == 1) {
            const bool cancelled = static_cast<bool>(std::get<0>(std::get<1>(result)));
            co_return failure(cancelled ? ClientErrorKind::Cancelled : ClientErrorKind::ConnectTimeout,
                              cancelled ? "cancelled" : "timed out connecting to " + where);
        }
        const auto& ec = std::get<0>(std::get<0>(result));
        if (ec) {
            co_return failure(ec == net::error::operation_aborted ? ClientErrorKind::Cancelled
                                                                  : ClientErrorKind::Connect,
                              "cannot connect to " + where + ": " + ec.message());
        }
    }
    opened.fetch_add(1);
    boost::system::error_code ignored;
    connection->socket().set_option(tcp::no_delay(true), ignored);

    if (connection->tls) {
        SSL* native = connection->tls->native_handle();
        if (!origin.hostIsAddress) {
            // SSL_set_tlsext_host_name without its C cast.
            SSL_ctrl(native, SSL_CTRL_SET_TLSEXT_HOSTNAME, TLSEXT_NAMETYPE_host_name,
                     const_cast<char*>(origin.host.c_str()));
        }
        if (config.verifyPeer) {
            connection->tls->set_verify_mode(ssl::verify_peer);
            connection->tls->set_verify_callback(ssl::host_name_verification(origin.host));
        } else {
            connection->tls->set_verify_mode(ssl::verify_none);
        }
        const StepResult step =
            co_await raceDeadline(connection->tls->async_handshake(ssl::stream_base::client, asTuple), deadline);
        if (step.timedOut) {
            co_return failure(ClientErrorKind::ConnectTimeout, "TLS handshake with " + where + " timed out");
        }
        if (step.ec == net::error::operation_aborted) {
            co_return failure(ClientErrorKind::Cancelled, "cancelled");
        }
        if (step.ec) {
            std::string message = "TLS handshake with " + where + " failed: " + step.ec.message();
            const long verify = SSL_get_verify_result(native);
            if (verify != X509_V_OK) {
                message += " (certificate: " + std::string(X509_verify_cert_error_string(verify)) + ")";
            }
            co_return failure(ClientErrorKind::Tls, std::move(message));
        }
    }
    co_return std::pair<std::unique_ptr<Connection>, ClientError>(std::move(connection), ClientError {});
}

namespace {

ClientError classify(const StepResult& step, ClientErrorKind timeoutKind, const std::string& what)
{
    if (step.timedOut) {
        return {timeoutKind, what + ": timed out"};
    }
    const boost::system::error_code& ec = step.ec;
    if (ec == net::error::operation_aborted || ec == net::error::bad_descriptor) {
        return {ClientErrorKind::Cancelled, what + ": cancelled"};
    }
    if (ec == bhttp::error::header_limit) {
        return {ClientErrorKind::TooLarge, what + ": response header too large"};
    }
    if (ec == bhttp::error::body_limit) {
        return {ClientErrorKind::TooLarge, what + ": response body too large"};
    }
    if (isClosedError(ec)) {
        return {ClientErrorKind::Reset, what + ": connection closed by the server (" + ec.message() + ")"};
    }
    if (isSslError(ec)) {
        return {ClientErrorKind::Tls, what + ": TLS error: " + ec.message()};
    }
    if (ec.category() == bhttp::make_error_code(bhttp::error::bad_version).category()) {
        return {ClientErrorKind::Protocol, what + ": invalid HTTP response: " + ec.message()};
    }
    return {ClientErrorKind::Reset, what + ": " + ec.message()};
}

using ResponseParser = bhttp::response_parser<bhttp::buffer_body>;

class Exchange final : public ClientExchange
{
public:
    Exchange(std::shared_ptr<HttpClient::Impl> client, std::unique_ptr<Connection> connection,
             std::unique_ptr<ResponseParser> parser)
        : m_client(std::move(client))
        , m_connection(std::move(connection))
        , m_parser(std::move(parser))
    {
        const auto& head = m_parser->get();
        m_status = static_cast<int>(head.result_int());
        for (const auto& field : head) {
            m_headers.emplace_back(std::string(field.name_string()), std::string(field.value()));
        }
        if (m_parser->is_done()) {
            finish();
        }
    }

    int status() const override { return m_status; }
    const std::vector<HeaderField>& headers() const override { return m_headers; }
    const ClientError& error() const override { return m_error; }

    void cancel() override
    {
        if (m_done || m_error.kind != ClientErrorKind::None) {
            return;
        }
        m_error = {ClientErrorKind::Cancelled, "exchange cancelled"};
        if (m_connection) {
            m_connection->close(); // a pending read completes with operation_aborted
        }
    }

    awaitable<std::optional<std::string>> read() override
    {
        try {
            co_return co_await readPiece();
        } catch (const boost::system::system_error& e) {
            fail({ClientErrorKind::Cancelled, std::string("read cancelled: ") + e.what()});
        }
        co_return std::nullopt;
    }

    awaitable<std::optional<std::string>> readAll() override
    {
        std::string all;
        for (;;) {
            std::optional<std::string> piece = co_await read();
            if (!piece) {
                break;
            }
            all += *piece;
        }
        if (m_error.kind != ClientErrorKind::None) {
            co_return std::nullopt;
        }
        co_return all;
    }

private:
    awaitable<std::optional<std::string>> readPiece()
    {
        if (m_done || m_error.kind != ClientErrorKind::None || !m_connection) {
            co_return std::nullopt;
        }
        const std::size_t cap = m_client->config.maxResponseBodyBytes;
        if (const auto length = m_parser->content_length(); length && *length > cap) {
            fail({ClientErrorKind::TooLarge,
                  "response body of " + std::to_string(*length) + " bytes exceeds the cap of " + std::to_string(cap)});
            co_return std::nullopt;
        }
        if (!m_chunk) {
            m_chunk = std::make_unique_for_overwrite<char[]>(kReadChunk); // not zeroed: only what is read is used
        }
        for (int emptyReads = 0; emptyReads < 100'000; ++emptyReads) {
            auto& body = m_parser->get().body();
            body.data = m_chunk.get();
            body.size = kReadChunk;
            body.more = true;
            Connection& connection = *m_connection;
            StepResult step = co_await raceDeadline(connection.visit([&](auto& stream) {
                return bhttp::async_read_some(stream, connection.buffer, *m_parser, asTuple);
            }),
                                                    Clock::now() + m_client->config.idleTimeout);
            if (step.ec == bhttp::error::need_buffer) {
                step.ec = {};
            }
            if (m_error.kind == ClientErrorKind::Cancelled) {
                fail(m_error);
                co_return std::nullopt;
            }
            if (step.ec) {
                fail(classify(step, ClientErrorKind::IdleTimeout, "reading the response body"));
                co_return std::nullopt;
            }
            const std::size_t produced = kReadChunk - m_parser->get().body().size;
            m_received += produced;
            if (m_received > cap) {
                fail({ClientErrorKind::TooLarge, "response body exceeds the cap of " + std::to_string(cap)});
                co_return std::nullopt;
            }
            if (m_parser->is_done()) {
                finish();
            }
            if (produced > 0) {
                co_return std::string(m_chunk.get(), produced);
            }
            if (m_done) {
                co_return std::nullopt;
            }
        }
        fail({ClientErrorKind::Protocol, "response body makes no progress"});
        co_return std::nullopt;
    }

    /// Body complete: back to the pool if the server keeps the connection alive.
    void finish()
    {
        m_done = true;
        if (m_connection && m_parser->keep_alive() && m_connection->buffer.size() == 0) {
            m_client->giveBack(std::move(m_connection));
        }
        m_connection.reset();
    }

    void fail(ClientError error)
    {
        if (m_error.kind == ClientErrorKind::None || error.kind == m_error.kind) {
            m_error = std::move(error);
        }
        m_connection.reset(); // closes
    }

    std::shared_ptr<HttpClient::Impl> m_client;
    std::unique_ptr<Connection> m_connection;
    std::unique_ptr<ResponseParser> m_parser;
    std::unique_ptr<char[]> m_chunk;
    int m_status = 0;
    std::vector<HeaderField> m_headers;
    ClientError m_error;
    std::uint64_t m_received = 0;
    bool m_done = false;
};

} // namespace

HttpClient::HttpClient(std::string baseUrl, ClientConfig config)
    : m_impl(std::make_shared<Impl>())
{
    m_impl->origin = parseBaseUrl(baseUrl);
    m_impl->config = std::move(config);
    const ClientConfig& c = m_impl->config;
    if (!m_impl->origin.https) {
        return;
    }
    auto context = std::make_unique<ssl::context>(ssl::context::tls_client);
    context->set_options(ssl::context::default_workarounds | ssl::context::no_sslv2 | ssl::context::no_sslv3
                         | ssl::context::no_tlsv1 | ssl::context::no_tlsv1_1);
    boost::system::error_code ec;
    context->set_default_verify_paths(ec);
    if (!c.caFile.empty()) {
        context->load_verify_file(c.caFile, ec);
        if (ec) {
            throw std::invalid_argument("cannot load CA file '" + c.caFile + "': " + ec.message());
        }
    }
    if (!c.clientCertFile.empty() || !c.clientKeyFile.empty()) {
        context->use_certificate_chain_file(c.clientCertFile, ec);
        if (ec) {
            throw std::invalid_argument("cannot load client certificate '" + c.clientCertFile + "': " + ec.message());
        }
        context->use_private_key_file(c.clientKeyFile, ssl::context::pem, ec);
        if (ec) {
            throw std::invalid_argument("cannot load client key '" + c.clientKeyFile + "': " + ec.message());
        }
    }
    m_impl->tlsContext = std::move(context);
}

HttpClient::~HttpClient() = default;

std::size_t HttpClient::idleConnections() const
{
    std::lock_guard lock(m_impl->mutex);
    return m_impl->idle.size();
}

std::uint64_t HttpClient::connectionsOpened() const
{
    return m_impl->opened.load();
}

const std::string& HttpClient::scheme() const
{
    return m_impl->origin.scheme;
}

const std::string& HttpClient::host() const
{
    return m_impl->origin.host;
}

std::uint16_t HttpClient::port() const
{
    return m_impl->origin.port;
}

const std::string& HttpClient::basePath() const
{
    return m_impl->origin.basePath;
}

awaitable<std::pair<std::unique_ptr<ClientExchange>, ClientError>>
HttpClient::send(std::string method, std::string target, std::vector<HeaderField> headers, std::string body)
{
    using Result = std::pair<std::unique_ptr<ClientExchange>, ClientError>;
    const std::shared_ptr<Impl> impl = m_impl; // the pool outlives this call even if the client goes away
    const ClientConfig& config = impl->config;

    if (method.empty() || method.find_first_of(" \t\r\n") != std::string::npos
        || target.find_first_of(" \t\r\n") != std::string::npos) {
        co_return Result(nullptr, ClientError {ClientErrorKind::Protocol, "invalid method or target"});
    }
    std::string fullTarget = impl->origin.basePath;
    if (target.empty() || target.front() != '/') {
        fullTarget += '/';
    }
    fullTarget += target;

    bhttp::request<bhttp::string_body> request;
    request.method_string(method);
    request.target(fullTarget);
    request.version(11);
    bool hostGiven = false;
    for (const HeaderField& field : headers) {
        if (isHopByHop(field.first)) {
            continue;
        }
        if (field.first.find_first_of(" \t\r\n:") != std::string::npos || field.first.empty()
            || field.second.find_first_of("\r\n") != std::string::npos) {
            co_return Result(nullptr, ClientError {ClientErrorKind::Protocol, "invalid header field"});
        }
        hostGiven = hostGiven || headerNameEquals(field.first, "host");
        request.insert(field.first, field.second);
    }
    if (!hostGiven) {
        request.set(bhttp::field::host, impl->origin.hostHeader);
    }
    request.body() = std::move(body);
    request.keep_alive(true);
    request.prepare_payload();
    const bool head = method == "HEAD";

    try {
        net::execution_context& context = net::query(co_await net::this_coro::executor, net::execution::context);
        for (int attempt = 0; attempt < 2; ++attempt) {
            std::unique_ptr<Connection> connection = impl->take(context);
            const bool reused = connection != nullptr;
            if (!connection) {
                auto [fresh, error] = co_await impl->connect();
                if (!fresh) {
                    co_return Result(nullptr, std::move(error));
                }
                connection = std::move(fresh);
            }
            Connection& c = *connection;

            StepResult step = co_await raceDeadline(
                c.visit([&](auto& stream) { return bhttp::async_write(stream, request, asTuple); }),
                Clock::now() + config.idleTimeout);
            if (step.ec && reused && !step.timedOut && isClosedError(step.ec)) {
                continue; // the server had closed the pooled connection: once more on a fresh one
            }
            if (step.ec) {
                co_return Result(nullptr, classify(step, ClientErrorKind::IdleTimeout, "sending the request"));
            }

            // First response byte: a reused connection that the server closed fails here without any byte.
            const Clock::time_point headDeadline = Clock::now() + config.firstByteTimeout;
            step = co_await raceDeadline(
                c.visit([&](auto& stream) { return stream.async_read_some(c.buffer.prepare(16 * 1024), asTuple); }),
                headDeadline);
            if (!step.ec) {
                c.buffer.commit(step.bytes);
            } else if (reused && !step.timedOut && isClosedError(step.ec)) {
                continue;
            } else {
                co_return Result(nullptr,
                                 classify(step, ClientErrorKind::FirstByteTimeout, "waiting for the response"));
            }

            auto parser = std::make_unique<ResponseParser>();
            for (int informational = 0;; ++informational) {
                parser->header_limit(static_cast<std::uint32_t>(
                    std::min<std::size_t>(config.maxResponseHeaderBytes, std::numeric_limits<std::uint32_t>::max())));
                parser->body_limit(std::numeric_limits<std::uint64_t>::max()); // the cap is enforced by read()
                if (head) {
                    parser->skip(true);
                }
                step = co_await raceDeadline(
                    c.visit([&](auto& stream) { return bhttp::async_read_header(stream, c.buffer, *parser, asTuple); }),
                    headDeadline);
                if (step.ec) {
                    co_return Result(nullptr,
                                     classify(step, ClientErrorKind::FirstByteTimeout, "reading the response head"));
                }
                const unsigned status = parser->get().result_int();
                if (status >= 200 || status == 101 || informational >= 8) {
                    break;
                }
                parser = std::make_unique<ResponseParser>(); // 1xx: the real response follows
            }
            co_return Result(std::make_unique<Exchange>(impl, std::move(connection), std::move(parser)),
                             ClientError {});
        }
        co_return Result(nullptr, ClientError {ClientErrorKind::Reset, "connection closed by the server twice"});
    } catch (const boost::system::system_error& e) {
        co_return Result(nullptr, ClientError {ClientErrorKind::Cancelled, std::string("cancelled: ") + e.what()});
    }
}

} // namespace modelguard::http
