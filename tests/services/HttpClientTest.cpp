// services/common HttpClient against the real HttpServer and the upstream simulator on 127.0.0.1.
#include "services/common/HttpClient.h"
#include "services/common/HttpServer.h"
#include "services/sim/upstream/TextModel.h"
#include "services/sim/upstream/UpstreamSimulator.h"
#include "tests/services/AsyncTestUtil.h"
#include "tests/services/TestHttpClient.h"

#include <boost/asio/detached.hpp>
#include <boost/asio/experimental/awaitable_operators.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/write.hpp>
#include <boost/json.hpp>
#include <gtest/gtest.h>

#include <atomic>
#include <thread>

namespace modelguard::http {
namespace {

using namespace std::chrono_literals;
using namespace boost::asio::experimental::awaitable_operators;
namespace net = boost::asio;
namespace json = boost::json;
using net::awaitable;
using test::runAsync;
using test::sleepAsync;
using Clock = std::chrono::steady_clock;

/// A 200 text/plain response (built outside the coroutine: GCC 12 mishandles aggregate temporaries in co_await).
HttpResponse textResponse(std::string body)
{
    HttpResponse response;
    response.contentType = "text/plain";
    response.body = std::move(body);
    return response;
}

struct Probe
{
    std::atomic<int> stallCancelled {0};
    std::atomic<int> sleepCancelled {0};
};

Router clientTestRouter(Probe& probe)
{
    Router router;
    router.add("GET", "/hello", [](const HttpRequest&, Responder& responder) -> awaitable<void> {
        co_await responder.send(textResponse("hello world"));
    });
    router.add("GET", "/api/hello", [](const HttpRequest&, Responder& responder) -> awaitable<void> {
        co_await responder.send(textResponse("base path"));
    });
    router.add("POST", "/echo", [](const HttpRequest& request, Responder& responder) -> awaitable<void> {
        HttpResponse response = textResponse(request.body);
        response.headers.emplace_back("X-Seen-Host", std::string(request.header("Host").value_or("")));
        response.headers.emplace_back("X-Seen-Custom", std::string(request.header("X-Custom").value_or("")));
        co_await responder.send(std::move(response));
    });
    // Five SSE events, 40 ms apart.
    router.add("GET", "/stream", [](const HttpRequest&, Responder& responder) -> awaitable<void> {
        if (!co_await responder.beginStream(200, "text/event-stream")) {
            co_return;
        }
        for (int i = 0; i < 5; ++i) {
            if (i > 0 && !co_await responder.sleepFor(40ms)) {
                co_return;
            }
            if (!co_await responder.writeChunk("data: " + std::to_string(i) + "\n\n")) {
                co_return;
            }
        }
    });
    // One chunk, then silence for 3 s.
    router.add("GET", "/stall", [&probe](const HttpRequest&, Responder& responder) -> awaitable<void> {
        if (!co_await responder.beginStream(200, "text/plain") || !co_await responder.writeChunk("first")) {
            co_return;
        }
        if (!co_await responder.sleepFor(3s)) {
            ++probe.stallCancelled;
            co_return;
        }
        co_await responder.writeChunk("late");
    });
    // No response head for 3 s.
    router.add("GET", "/sleep", [&probe](const HttpRequest&, Responder& responder) -> awaitable<void> {
        if (!co_await responder.sleepFor(3s)) {
            ++probe.sleepCancelled;
            co_return;
        }
        co_await responder.send(textResponse("slept"));
    });
    router.add("GET", "/big", [](const HttpRequest&, Responder& responder) -> awaitable<void> {
        co_await responder.send(textResponse(std::string(5000, 'b')));
    });
    router.add("GET", "/bigchunked", [](const HttpRequest&, Responder& responder) -> awaitable<void> {
        if (!co_await responder.beginStream(200, "text/plain")) {
            co_return;
        }
        for (int i = 0; i < 10; ++i) {
            if (!co_await responder.writeChunk(std::string(500, 'c'))) {
                co_return;
            }
        }
    });
    router.add("GET", "/bigheader", [](const HttpRequest&, Responder& responder) -> awaitable<void> {
        HttpResponse response = textResponse("x");
        response.headers.emplace_back("X-Padding", std::string(2048, 'p'));
        co_await responder.send(std::move(response));
    });
    return router;
}

class HttpClientTest : public ::testing::Test
{
protected:
    void SetUp() override { startServer(30s); }
    void TearDown() override { m_server->stop(); }

    void startServer(std::chrono::milliseconds idleTimeout)
    {
        if (m_server) {
            m_server->stop();
        }
        ServerConfig config;
        config.threads = 2;
        config.idleTimeout = idleTimeout;
        config.gracePeriod = 300ms;
        m_server = std::make_unique<HttpServer>(config, clientTestRouter(m_probe));
        m_server->start();
        m_baseUrl = "http://127.0.0.1:" + std::to_string(m_server->port());
    }

    /// Waits (bounded) until a probe counter reaches `value`.
    static bool waitFor(const std::atomic<int>& counter, int value)
    {
        for (int i = 0; i < 200 && counter.load() < value; ++i) {
            std::this_thread::sleep_for(10ms);
        }
        return counter.load() >= value;
    }

    Probe m_probe;
    std::unique_ptr<HttpServer> m_server;
    std::string m_baseUrl;
};

TEST_F(HttpClientTest, SequentialRequestsReuseOneKeptAliveConnection)
{
    HttpClient client(m_baseUrl);
    const int ok = runAsync<int>([&]() -> awaitable<int> {
        int good = 0;
        for (int i = 0; i < 3; ++i) {
            auto [exchange, error] = co_await client.send("GET", "/hello", {}, {});
            EXPECT_EQ(error.kind, ClientErrorKind::None) << error.message;
            if (!exchange) {
                co_return good;
            }
            EXPECT_EQ(exchange->status(), 200);
            const auto body = co_await exchange->readAll();
            EXPECT_EQ(body.value_or("<error>"), "hello world");
            good += body == "hello world" ? 1 : 0;
            EXPECT_EQ(client.idleConnections(), 1u);
        }
        std::vector<HeaderField> echoHeaders {{"X-Custom", "yes"}, {"Connection", "close"}};
        auto [echo, error] = co_await client.send("POST", "echo", std::move(echoHeaders), std::string("payload"));
        EXPECT_EQ(error.kind, ClientErrorKind::None);
        if (echo) {
            EXPECT_EQ((co_await echo->readAll()).value_or(""), "payload");
            bool sawHost = false;
            for (const auto& [name, value] : echo->headers()) {
                if (headerNameEquals(name, "X-Seen-Host")) {
                    sawHost = value == "127.0.0.1:" + std::to_string(m_server->port());
                }
                if (headerNameEquals(name, "X-Seen-Custom")) {
                    EXPECT_EQ(value, "yes");
                }
            }
            EXPECT_TRUE(sawHost);
        }
        co_return good;
    });
    EXPECT_EQ(ok, 3);
    EXPECT_EQ(client.connectionsOpened(), 1u); // the caller's "Connection: close" is dropped (hop-by-hop)
    EXPECT_EQ(m_server->acceptedSessions(), 1u);

    HttpClient based(m_baseUrl + "/api/");
    EXPECT_EQ(based.basePath(), "/api");
    const auto body = runAsync<std::string>([&]() -> awaitable<std::string> {
        auto [exchange, error] = co_await based.send("GET", "/hello", {}, {});
        if (!exchange) {
            co_return error.message;
        }
        co_return (co_await exchange->readAll()).value_or("");
    });
    EXPECT_EQ(body, "base path");
}

TEST_F(HttpClientTest, ChunkedStreamArrivesPieceByPieceAndThenReturnsToThePool)
{
    HttpClient client(m_baseUrl);
    struct Result
    {
        std::string all;
        std::chrono::milliseconds firstAfter {0};
        std::chrono::milliseconds total {0};
        ClientErrorKind error = ClientErrorKind::None;
    };
    const Result result = runAsync<Result>([&]() -> awaitable<Result> {
        Result r;
        const auto start = Clock::now();
        auto [exchange, error] = co_await client.send("GET", "/stream", {}, {});
        if (!exchange) {
            r.error = error.kind;
            co_return r;
        }
        bool first = true;
        while (auto piece = co_await exchange->read()) {
            EXPECT_FALSE(piece->empty());
            if (first) {
                r.firstAfter = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start);
                first = false;
            }
            r.all += *piece;
        }
        r.total = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start);
        r.error = exchange->error().kind;
        co_return r;
    });
    EXPECT_EQ(result.error, ClientErrorKind::None);
    EXPECT_EQ(test::sseData(result.all), (std::vector<std::string> {"0", "1", "2", "3", "4"}));
    EXPECT_GE(result.total.count(), 150);
    EXPECT_LT(result.firstAfter.count(), result.total.count() - 100); // streamed, not buffered
    EXPECT_EQ(client.idleConnections(), 0u); // the io_context is gone: its pooled sockets were closed with it
    EXPECT_EQ(client.connectionsOpened(), 1u);
}

TEST_F(HttpClientTest, ConnectionClosedByTheServerWhileIdleIsReplaced)
{
    startServer(150ms); // the server closes kept-alive connections after 150 ms
    HttpClient client(m_baseUrl);
    const int ok = runAsync<int>([&]() -> awaitable<int> {
        int good = 0;
        for (int i = 0; i < 2; ++i) {
            auto [exchange, error] = co_await client.send("POST", "/echo", {}, "round " + std::to_string(i));
            EXPECT_EQ(error.kind, ClientErrorKind::None) << error.message;
            if (exchange && co_await exchange->readAll() == "round " + std::to_string(i)) {
                ++good;
            }
            EXPECT_EQ(client.idleConnections(), 1u);
            co_await sleepAsync(400ms);
        }
        co_return good;
    });
    EXPECT_EQ(ok, 2);
    EXPECT_EQ(client.connectionsOpened(), 2u);
}

TEST_F(HttpClientTest, RefusedAndTimedOutConnects)
{
    std::uint16_t closedPort = 0;
    {
        net::io_context ioc;
        net::ip::tcp::acceptor acceptor(ioc, {net::ip::make_address("127.0.0.1"), 0});
        closedPort = acceptor.local_endpoint().port();
    }
    HttpClient refused("http://127.0.0.1:" + std::to_string(closedPort));
    const ClientError refusedError = runAsync<ClientError>([&]() -> awaitable<ClientError> {
        auto [exchange, error] = co_await refused.send("GET", "/", {}, {});
        EXPECT_EQ(exchange, nullptr);
        co_return error;
    });
    EXPECT_EQ(refusedError.kind, ClientErrorKind::Connect) << refusedError.message;
    EXPECT_FALSE(refusedError.message.empty());

    // A listener that never answers: TCP connects (backlog), the TLS handshake never completes.
    net::io_context silentContext;
    net::ip::tcp::acceptor silent(silentContext, {net::ip::make_address("127.0.0.1"), 0});
    ClientConfig config;
    config.connectTimeout = 200ms;
    HttpClient timedOut("https://127.0.0.1:" + std::to_string(silent.local_endpoint().port()), config);
    const auto start = Clock::now();
    const ClientError timeoutError = runAsync<ClientError>([&]() -> awaitable<ClientError> {
        auto [exchange, error] = co_await timedOut.send("GET", "/", {}, {});
        co_return error;
    });
    const auto elapsed = Clock::now() - start;
    EXPECT_EQ(timeoutError.kind, ClientErrorKind::ConnectTimeout) << timeoutError.message;
    EXPECT_GE(elapsed, 180ms);
    EXPECT_LT(elapsed, 1500ms);
}

TEST_F(HttpClientTest, FirstByteTimeoutClosesTheConnection)
{
    ClientConfig config;
    config.firstByteTimeout = 200ms;
    HttpClient client(m_baseUrl, config);
    const auto start = Clock::now();
    const ClientError error = runAsync<ClientError>([&]() -> awaitable<ClientError> {
        auto [exchange, e] = co_await client.send("GET", "/sleep", {}, {});
        co_return e;
    });
    EXPECT_EQ(error.kind, ClientErrorKind::FirstByteTimeout) << error.message;
    EXPECT_LT(Clock::now() - start, 1500ms);
    EXPECT_TRUE(waitFor(m_probe.sleepCancelled, 1)); // the server saw the client go
    EXPECT_EQ(client.idleConnections(), 0u);
}

TEST_F(HttpClientTest, IdleTimeoutMidStream)
{
    ClientConfig config;
    config.idleTimeout = 200ms;
    HttpClient client(m_baseUrl, config);
    const auto start = Clock::now();
    const auto [first, second, kind] = runAsync<std::tuple<std::string, bool, ClientErrorKind>>(
        [&]() -> awaitable<std::tuple<std::string, bool, ClientErrorKind>> {
            auto [exchange, error] = co_await client.send("GET", "/stall", {}, {});
            if (!exchange) {
                co_return std::tuple {error.message, false, error.kind};
            }
            const auto piece = co_await exchange->read();
            const auto next = co_await exchange->read();
            co_return std::tuple {piece.value_or(""), next.has_value(), exchange->error().kind};
        });
    EXPECT_EQ(first, "first");
    EXPECT_FALSE(second);
    EXPECT_EQ(kind, ClientErrorKind::IdleTimeout);
    EXPECT_LT(Clock::now() - start, 1500ms);
    EXPECT_TRUE(waitFor(m_probe.stallCancelled, 1));
    EXPECT_EQ(client.idleConnections(), 0u);
}

TEST_F(HttpClientTest, BodyAndHeaderCaps)
{
    ClientConfig config;
    config.maxResponseBodyBytes = 1000;
    config.maxResponseHeaderBytes = 1024;
    HttpClient client(m_baseUrl, config);
    runAsync<int>([&]() -> awaitable<int> {
        for (const char* path : {"/big", "/bigchunked"}) {
            auto [exchange, error] = co_await client.send("GET", path, {}, {});
            EXPECT_EQ(error.kind, ClientErrorKind::None) << path;
            if (!exchange) {
                continue;
            }
            EXPECT_EQ(exchange->status(), 200);
            EXPECT_FALSE((co_await exchange->readAll()).has_value()) << path;
            EXPECT_EQ(exchange->error().kind, ClientErrorKind::TooLarge) << path;
        }
        auto [exchange, error] = co_await client.send("GET", "/bigheader", {}, {});
        EXPECT_EQ(exchange, nullptr);
        EXPECT_EQ(error.kind, ClientErrorKind::TooLarge) << error.message;
        // Within the caps all is well.
        auto [small, smallError] = co_await client.send("GET", "/hello", {}, {});
        EXPECT_EQ(smallError.kind, ClientErrorKind::None);
        if (small) {
            EXPECT_EQ((co_await small->readAll()).value_or(""), "hello world");
        }
        co_return 0;
    });
    EXPECT_EQ(client.connectionsOpened(), 4u); // every capped exchange closed its connection
}

TEST_F(HttpClientTest, CancellationClosesTheConnection)
{
    HttpClient client(m_baseUrl);
    runAsync<int>([&]() -> awaitable<int> {
        // Explicit cancel() mid-body.
        {
            auto [exchange, error] = co_await client.send("GET", "/stall", {}, {});
            EXPECT_TRUE(exchange);
            if (exchange) {
                EXPECT_EQ((co_await exchange->read()).value_or(""), "first");
                exchange->cancel();
                EXPECT_FALSE((co_await exchange->read()).has_value());
                EXPECT_EQ(exchange->error().kind, ClientErrorKind::Cancelled);
            }
        }
        // Per-operation cancellation of a read: the timer wins.
        {
            auto [exchange, error] = co_await client.send("GET", "/stall", {}, {});
            EXPECT_TRUE(exchange);
            if (exchange) {
                EXPECT_EQ((co_await exchange->read()).value_or(""), "first");
                net::steady_timer timer(co_await net::this_coro::executor, 100ms);
                const auto raced = co_await (exchange->read() || timer.async_wait(net::use_awaitable));
                EXPECT_EQ(raced.index(), 1u);
                EXPECT_EQ(exchange->error().kind, ClientErrorKind::Cancelled);
                EXPECT_FALSE((co_await exchange->read()).has_value());
            }
        }
        // Per-operation cancellation of send() while waiting for the head.
        {
            net::steady_timer timer(co_await net::this_coro::executor, 100ms);
            const auto raced = co_await (client.send("GET", "/sleep", {}, {}) || timer.async_wait(net::use_awaitable));
            EXPECT_EQ(raced.index(), 1u);
        }
        EXPECT_EQ(client.idleConnections(), 0u);
        // The client is still usable.
        auto [exchange, error] = co_await client.send("GET", "/hello", {}, {});
        EXPECT_EQ(error.kind, ClientErrorKind::None);
        if (exchange) {
            EXPECT_EQ((co_await exchange->readAll()).value_or(""), "hello world");
        }
        EXPECT_EQ(client.idleConnections(), 1u);
        co_return 0;
    });
    EXPECT_EQ(client.connectionsOpened(), 4u);
    EXPECT_TRUE(waitFor(m_probe.stallCancelled, 2));
    EXPECT_TRUE(waitFor(m_probe.sleepCancelled, 1));
}

TEST_F(HttpClientTest, ConcurrentUseFromManyCoroutinesOnTwoThreads)
{
    HttpClient client(m_baseUrl);
    constexpr int kCoroutines = 40;
    constexpr int kRounds = 5;
    std::atomic<int> good {0};
    runAsync<int>(
        [&]() -> awaitable<int> {
            auto executor = co_await net::this_coro::executor;
            std::atomic<int> finished {0};
            for (int c = 0; c < kCoroutines; ++c) {
                net::co_spawn(
                    executor,
                    [&, c]() -> awaitable<void> {
                        for (int round = 0; round < kRounds; ++round) {
                            const std::string body = std::to_string(c) + ":" + std::to_string(round);
                            auto [exchange, error] = co_await client.send("POST", "/echo", {}, body);
                            if (exchange && co_await exchange->readAll() == body) {
                                ++good;
                            }
                        }
                        ++finished;
                    },
                    net::detached);
            }
            for (int i = 0; i < 1000 && finished.load() < kCoroutines; ++i) {
                co_await sleepAsync(10ms);
            }
            EXPECT_GE(client.idleConnections(), 1u);
            co_return 0;
        },
        2);
    EXPECT_EQ(good.load(), kCoroutines * kRounds);
    EXPECT_LE(client.connectionsOpened(), static_cast<std::uint64_t>(kCoroutines));
    EXPECT_GE(client.connectionsOpened(), 1u);
}

/// A scripted HTTP peer on 127.0.0.1 (blocking sockets on its own thread): for each accepted connection, a list of
/// raw responses; each is sent after one request header has arrived, and after the list the connection is closed
/// once the next request header arrives (or at once if `closeRightAway`).
class ScriptedPeer
{
public:
    struct Connection
    {
        std::vector<std::string> responses;
        bool closeRightAway = false;
    };

    explicit ScriptedPeer(std::vector<Connection> script)
        : m_acceptor(m_context, {net::ip::make_address("127.0.0.1"), 0})
        , m_thread([this, script = std::move(script)] { serve(script); })
    { }
    ~ScriptedPeer()
    {
        boost::system::error_code ignored;
        m_acceptor.close(ignored);
        m_thread.join();
    }

    std::uint16_t port() const { return m_acceptor.local_endpoint().port(); }
    int requestsSeen() const { return m_requests.load(); }

private:
    /// Reads until the end of a request header (bodies are not used by these tests); false on EOF.
    bool readRequest(net::ip::tcp::socket& socket)
    {
        std::string data;
        char buffer[1024];
        while (data.find("\r\n\r\n") == std::string::npos) {
            boost::system::error_code ec;
            const std::size_t n = socket.read_some(net::buffer(buffer), ec);
            if (ec) {
                return false;
            }
            data.append(buffer, n);
        }
        ++m_requests;
        return true;
    }

    void serve(const std::vector<Connection>& script)
    {
        for (const Connection& connection : script) {
            boost::system::error_code ec;
            net::ip::tcp::socket socket(m_context);
            m_acceptor.accept(socket, ec);
            if (ec) {
                return;
            }
            for (const std::string& response : connection.responses) {
                if (!readRequest(socket)) {
                    break;
                }
                net::write(socket, net::buffer(response), ec);
            }
            if (!connection.closeRightAway) {
                readRequest(socket);
            }
            socket.shutdown(net::ip::tcp::socket::shutdown_both, ec);
            socket.close(ec);
        }
    }

    net::io_context m_context;
    net::ip::tcp::acceptor m_acceptor;
    std::atomic<int> m_requests {0};
    std::thread m_thread;
};

TEST(HttpClientPeerTest, RequestOnAPooledConnectionThatTheServerDropsIsSentAgain)
{
    // Connection 1 answers once (keep-alive), then takes the next request and closes without a byte.
    // Connection 2 answers the repeated request.
    ScriptedPeer peer({{{"HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\none"}, false},
                       {{"HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\ntwo"}, true}});
    HttpClient client("http://127.0.0.1:" + std::to_string(peer.port()));
    const auto bodies = runAsync<std::vector<std::string>>([&]() -> awaitable<std::vector<std::string>> {
        std::vector<std::string> seen;
        for (int i = 0; i < 2; ++i) {
            auto [exchange, error] = co_await client.send("GET", "/", {}, {});
            if (!exchange) {
                seen.push_back(error.message);
                continue;
            }
            seen.push_back((co_await exchange->readAll()).value_or("<error>"));
        }
        co_return seen;
    });
    EXPECT_EQ(bodies, (std::vector<std::string> {"one", "two"}));
    EXPECT_EQ(client.connectionsOpened(), 2u);
    EXPECT_EQ(peer.requestsSeen(), 3);
}

TEST(HttpClientPeerTest, BodyDelimitedByCloseAndGarbageResponses)
{
    ScriptedPeer peer({{{"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nConnection: close\r\n\r\nuntil close"}, true},
                       {{"NOT HTTP AT ALL\r\n\r\n"}, true}});
    HttpClient client("http://127.0.0.1:" + std::to_string(peer.port()));
    const auto [body, garbage] =
        runAsync<std::pair<std::string, ClientErrorKind>>([&]() -> awaitable<std::pair<std::string, ClientErrorKind>> {
            std::string text;
            auto [exchange, error] = co_await client.send("GET", "/", {}, {});
            if (exchange) {
                text = (co_await exchange->readAll()).value_or("<error>");
            }
            auto [second, secondError] = co_await client.send("GET", "/", {}, {});
            co_return std::pair {text, secondError.kind};
        });
    EXPECT_EQ(body, "until close");
    EXPECT_EQ(garbage, ClientErrorKind::Protocol);
    EXPECT_EQ(client.idleConnections(), 0u);
    EXPECT_EQ(client.connectionsOpened(), 2u);
}

TEST(HttpClientUrlTest, BaseUrlsAreValidated)
{
    for (const char* bad : {"ftp://host", "http://", "http://:80", "http://h:0", "http://h:99999",
                            "http://h:", "http://[::1", "http://a b", "http://u@h", "http://h/?q", "localhost:80"}) {
        EXPECT_THROW(HttpClient {bad}, std::invalid_argument) << bad;
    }
    HttpClient v6("http://[::1]:8080/base/");
    EXPECT_EQ(v6.host(), "::1");
    EXPECT_EQ(v6.port(), 8080);
    EXPECT_EQ(v6.basePath(), "/base");
    HttpClient https("https://example.com");
    EXPECT_EQ(https.scheme(), "https");
    EXPECT_EQ(https.port(), 443);
    EXPECT_EQ(https.basePath(), "");
    ClientConfig missingCa;
    missingCa.caFile = "/nonexistent/ca.pem";
    EXPECT_THROW(HttpClient("https://example.com", missingCa), std::invalid_argument);
    EXPECT_EQ(clientErrorKindName(ClientErrorKind::FirstByteTimeout), "first_byte_timeout");
}

// Against the OpenAI-compatible upstream simulator.
class HttpClientSimulatorTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        static const std::shared_ptr<const sim::upstream::TextModel> model =
            sim::upstream::TextModel::load("/usr/share/games/fortunes");
        sim::upstream::UpstreamSimulatorConfig config;
        config.seed = 7;
        config.server.threads = 2;
        config.server.gracePeriod = 300ms;
        m_sim = std::make_unique<sim::upstream::UpstreamSimulator>(config, model);
        m_sim->start();
    }
    void TearDown() override { m_sim->stop(); }

    static std::string chatBody(bool stream)
    {
        json::object body {{"model", "sim-gpt-1"},
                           {"max_tokens", 40},
                           {"messages", json::array {json::object {{"role", "user"}, {"content", "Tell me a story"}}}}};
        if (stream) {
            body["stream"] = true;
        }
        return json::serialize(body);
    }

    std::unique_ptr<sim::upstream::UpstreamSimulator> m_sim;
};

TEST_F(HttpClientSimulatorTest, ChatCompletionsPlainAndStreamedOnOneConnection)
{
    HttpClient client(m_sim->baseUrl() + "/v1");
    const std::vector<HeaderField> headers {{"Content-Type", "application/json"}};
    const auto [plain, events] = runAsync<std::pair<std::string, std::vector<std::string>>>(
        [&]() -> awaitable<std::pair<std::string, std::vector<std::string>>> {
            std::string plainText;
            auto [exchange, error] = co_await client.send("POST", "/chat/completions", headers, chatBody(false));
            EXPECT_EQ(error.kind, ClientErrorKind::None) << error.message;
            if (exchange) {
                EXPECT_EQ(exchange->status(), 200);
                plainText = (co_await exchange->readAll()).value_or("");
            }
            std::string sse;
            int pieces = 0;
            auto [stream, streamError] = co_await client.send("POST", "/chat/completions", headers, chatBody(true));
            EXPECT_EQ(streamError.kind, ClientErrorKind::None) << streamError.message;
            if (stream) {
                while (auto piece = co_await stream->read()) {
                    sse += *piece;
                    ++pieces;
                }
                EXPECT_EQ(stream->error().kind, ClientErrorKind::None);
            }
            EXPECT_GT(pieces, 1);
            auto [models, modelsError] = co_await client.send("GET", "/models", {}, {});
            if (models) {
                EXPECT_TRUE((co_await models->readAll()).has_value());
            }
            co_return std::pair {plainText, test::sseData(sse)};
        });
    const json::value completion = json::parse(plain);
    EXPECT_FALSE(completion.at("choices").as_array().empty());
    ASSERT_GE(events.size(), 2u);
    EXPECT_EQ(events.back(), "[DONE]");
    EXPECT_TRUE(json::parse(events.front()).as_object().contains("choices"));
    EXPECT_EQ(client.connectionsOpened(), 1u);
}

TEST_F(HttpClientSimulatorTest, ResetMidStreamIsReported)
{
    HttpClient client(m_sim->baseUrl() + "/v1");
    const ClientErrorKind kind = runAsync<ClientErrorKind>([&]() -> awaitable<ClientErrorKind> {
        std::vector<HeaderField> headers {{"Content-Type", "application/json"}, {"x-sim-fault", "reset-mid-stream"}};
        auto [exchange, error] = co_await client.send("POST", "/chat/completions", std::move(headers), chatBody(true));
        if (!exchange) {
            co_return error.kind;
        }
        while (co_await exchange->read()) {
        }
        co_return exchange->error().kind;
    });
    EXPECT_EQ(kind, ClientErrorKind::Reset);
    EXPECT_EQ(client.idleConnections(), 0u);
}

} // namespace
} // namespace modelguard::http
