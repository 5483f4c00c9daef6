#include "tests/services/TestHttpClient.h"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

namespace modelguard::test {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = net::ip::tcp;
using Clock = std::chrono::steady_clock;

namespace {

constexpr auto asTuple = net::as_tuple(net::use_awaitable);

tcp::endpoint loopback(std::uint16_t port)
{
    return {net::ip::make_address("127.0.0.1"), port};
}

std::chrono::milliseconds since(Clock::time_point start)
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start);
}

bhttp::request<bhttp::string_body> makeRequest(const std::string& method, const std::string& target,
                                               const std::string& body, const Headers& headers)
{
    bhttp::request<bhttp::string_body> request;
    request.method_string(method);
    request.target(target);
    request.version(11);
    request.set(bhttp::field::host, "127.0.0.1");
    if (!body.empty()) {
        request.set(bhttp::field::content_type, "application/json");
    }
    for (const auto& [name, value] : headers) {
        request.set(name, value);
    }
    request.body() = body;
    request.prepare_payload();
    return request;
}

void copyResponse(bhttp::response<bhttp::string_body>& message, TestResponse& out)
{
    out.status = static_cast<int>(message.result_int());
    out.body = std::move(message.body());
    for (const auto& field : message) {
        out.headers.emplace_back(std::string(field.name_string()), std::string(field.value()));
    }
}

/// Connects to 127.0.0.1:port and writes request; false (with out.error set) when either step fails.
net::awaitable<bool> connectAndSend(beast::tcp_stream& stream, std::uint16_t port,
                                    bhttp::request<bhttp::string_body>& request, TestResponse& out)
{
    auto [connectError] = co_await stream.async_connect(loopback(port), asTuple);
    if (connectError) {
        out.error = "connect: " + connectError.message();
        co_return false;
    }
    auto [writeError, written] = co_await bhttp::async_write(stream, request, asTuple);
    if (writeError) {
        out.error = "write: " + writeError.message();
        co_return false;
    }
    co_return true;
}

} // namespace

std::optional<std::string> TestResponse::header(std::string_view name) const
{
    for (const auto& [key, value] : headers) {
        if (beast::iequals(key, name)) {
            return value;
        }
    }
    return std::nullopt;
}

TestResponse httpRequest(std::uint16_t port, const std::string& method, const std::string& target,
                         const std::string& body, const Headers& headers, std::chrono::milliseconds timeout)
{
    net::io_context ioc;
    TestResponse out;
    const auto start = Clock::now();
    net::co_spawn(
        ioc,
        [&]() -> net::awaitable<void> {
            beast::tcp_stream stream(co_await net::this_coro::executor);
            stream.expires_after(timeout);
            auto request = makeRequest(method, target, body, headers);
            if (!co_await connectAndSend(stream, port, request, out)) {
                co_return;
            }
            beast::flat_buffer buffer;
            bhttp::response_parser<bhttp::string_body> parser;
            parser.body_limit(256 * 1024 * 1024);
            parser.header_limit(64 * 1024);
            auto [readError, read] = co_await bhttp::async_read(stream, buffer, parser, asTuple);
            if (readError) {
                out.error = "read: " + readError.message();
                if (parser.is_header_done()) {
                    copyResponse(parser.get(), out); // partial body, for mid-stream fault tests
                }
                co_return;
            }
            copyResponse(parser.get(), out);
            boost::system::error_code ignored;
            stream.socket().shutdown(tcp::socket::shutdown_both, ignored);
        },
        net::detached);
    ioc.run();
    out.elapsed = since(start);
    return out;
}

TestResponse httpRequestThenDisconnect(std::uint16_t port, const std::string& target, const std::string& body,
                                       const Headers& headers, std::size_t bytes, std::chrono::milliseconds timeout)
{
    net::io_context ioc;
    TestResponse out;
    const auto start = Clock::now();
    net::co_spawn(
        ioc,
        [&]() -> net::awaitable<void> {
            beast::tcp_stream stream(co_await net::this_coro::executor);
            stream.expires_after(timeout);
            auto request = makeRequest("POST", target, body, headers);
            if (!co_await connectAndSend(stream, port, request, out)) {
                co_return;
            }
            beast::flat_buffer buffer;
            bhttp::response_parser<bhttp::string_body> parser;
            parser.body_limit(256 * 1024 * 1024);
            while (!parser.is_done() && parser.get().body().size() < bytes) {
                auto [readError, read] = co_await bhttp::async_read_some(stream, buffer, parser, asTuple);
                if (readError) {
                    out.error = "read: " + readError.message();
                    break;
                }
            }
            if (parser.is_header_done()) {
                out.status = static_cast<int>(parser.get().result_int());
                out.body = parser.get().body();
            }
            boost::system::error_code ignored;
            stream.socket().set_option(net::socket_base::linger(true, 0), ignored);
            stream.socket().close(ignored);
        },
        net::detached);
    ioc.run();
    out.elapsed = since(start);
    return out;
}

RawResult rawExchange(std::uint16_t port, const std::string& bytes, std::chrono::milliseconds timeout)
{
    net::io_context ioc;
    RawResult out;
    const auto start = Clock::now();
    net::co_spawn(
        ioc,
        [&]() -> net::awaitable<void> {
            beast::tcp_stream stream(co_await net::this_coro::executor);
            stream.expires_after(timeout);
            auto [connectError] = co_await stream.async_connect(loopback(port), asTuple);
            if (connectError) {
                co_return;
            }
            // A write error (server closed early) still leaves its response, if any, to be read.
            [[maybe_unused]] auto [writeError, written] =
                co_await net::async_write(stream, net::buffer(bytes), asTuple);
            char chunk[4096];
            for (;;) {
                auto [readError, read] = co_await stream.async_read_some(net::buffer(chunk), asTuple);
                out.received.append(chunk, read);
                if (readError) {
                    out.closedByPeer = readError != beast::error::timeout;
                    break;
                }
            }
        },
        net::detached);
    ioc.run();
    out.elapsed = since(start);
    return out;
}

std::optional<std::chrono::milliseconds> slowloris(std::uint16_t port, std::chrono::milliseconds interval,
                                                   std::chrono::milliseconds maxDuration)
{
    net::io_context ioc;
    std::optional<std::chrono::milliseconds> closedAfter;
    const auto start = Clock::now();
    net::co_spawn(
        ioc,
        [&]() -> net::awaitable<void> {
            tcp::socket socket(co_await net::this_coro::executor);
            auto [connectError] = co_await socket.async_connect(loopback(port), asTuple);
            if (connectError) {
                co_return;
            }
            std::string line = "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n";
            net::steady_timer timer(co_await net::this_coro::executor);
            while (since(start) < maxDuration) {
                auto [writeError, written] = co_await net::async_write(socket, net::buffer(line), asTuple);
                if (writeError) {
                    closedAfter = since(start);
                    co_return;
                }
                // Readable with nothing to read = the server closed.
                socket.non_blocking(true);
                char probe = 0;
                boost::system::error_code peekError;
                const std::size_t n = socket.receive(net::buffer(&probe, 1), tcp::socket::message_peek, peekError);
                if ((!peekError && n == 0) || (peekError && peekError != net::error::would_block)) {
                    closedAfter = since(start);
                    co_return;
                }
                timer.expires_after(interval);
                co_await timer.async_wait(asTuple);
                line = "X-Slow: still-coming\r\n";
            }
        },
        net::detached);
    ioc.run();
    return closedAfter;
}

std::vector<std::string> sseData(const std::string& body)
{
    std::vector<std::string> events;
    std::size_t pos = 0;
    while (pos < body.size()) {
        std::size_t end = body.find('\n', pos);
        if (end == std::string::npos) {
            end = body.size();
        }
        const std::string_view line(body.data() + pos, end - pos);
        if (line.starts_with("data: ")) {
            events.emplace_back(line.substr(6));
        }
        pos = end + 1;
    }
    return events;
}

} // namespace modelguard::test
