// services/common: the HTTP server plumbing with a small router of its own, over real loopback sockets.
#include "services/common/HttpServer.h"
#include "services/common/OpenAiError.h"
#include "tests/services/TestHttpClient.h"

#include <boost/json.hpp>
#include <gtest/gtest.h>

#include <atomic>
#include <thread>

namespace modelguard::http {
namespace {

using namespace std::chrono_literals;
namespace json = boost::json;
using test::httpRequest;

/// Counters the handlers update, read by the tests.
struct Probe
{
    std::atomic<int> streamsStarted {0};
    std::atomic<int> streamsCancelled {0};
    std::atomic<int> streamsFinished {0};
};

Router testRouter(Probe& probe)
{
    Router router;
    router.add("POST", "/echo", [](const HttpRequest& request, Responder& responder) -> boost::asio::awaitable<void> {
        HttpResponse response;
        response.contentType = "text/plain";
        response.body = request.body;
        co_await responder.send(std::move(response));
    });
    router.add("GET", "/silent", [](const HttpRequest&, Responder&) -> boost::asio::awaitable<void> { co_return; });
    router.add("GET", "/throws", [](const HttpRequest&, Responder&) -> boost::asio::awaitable<void> {
        throw std::runtime_error("handler failure");
        co_return;
    });
    // 50 events, 40 ms apart (2 s in all), unless cancelled.
    Handler stream = [&probe](const HttpRequest&, Responder& responder) -> boost::asio::awaitable<void> {
        ++probe.streamsStarted;
        if (!co_await responder.beginStream(200, "text/event-stream")) {
            co_return;
        }
        for (int i = 0; i < 50; ++i) {
            if (!co_await responder.writeChunk("data: " + std::to_string(i) + "\n\n")
                || !co_await responder.sleepFor(40ms)) {
                ++probe.streamsCancelled;
                co_return;
            }
        }
        ++probe.streamsFinished;
    };
    router.add("GET", "/stream", stream);
    router.add("POST", "/stream", stream); // the disconnecting test client POSTs
    return router;
}

class HttpServerTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ServerConfig config;
        config.port = 0;
        config.threads = 2;
        config.headerTimeout = 300ms;
        config.idleTimeout = 2s;
        config.gracePeriod = 300ms;
        config.maxBodyBytes = 64 * 1024;
        config.maxHeaderBytes = 4 * 1024;
        m_server = std::make_unique<HttpServer>(config, testRouter(m_probe));
        m_server->start();
        m_port = m_server->port();
        ASSERT_NE(m_port, 0);
    }
    void TearDown() override { m_server->stop(); }

    /// Waits (bounded) until the server has no open connection.
    bool waitForNoSessions()
    {
        for (int i = 0; i < 300 && m_server->activeSessions() != 0; ++i) {
            std::this_thread::sleep_for(10ms);
        }
        return m_server->activeSessions() == 0;
    }

    Probe m_probe;
    std::unique_ptr<HttpServer> m_server;
    std::uint16_t m_port = 0;
};

TEST_F(HttpServerTest, EchoesBodyAndKeepsConnectionsAlive)
{
    const auto response = httpRequest(m_port, "POST", "/echo", "hello");
    EXPECT_EQ(response.status, 200);
    EXPECT_EQ(response.body, "hello");
    // Two pipelined requests on one connection get two responses in order.
    const auto raw = test::rawExchange(m_port,
                                       "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\nonePOST /echo "
                                       "HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nConnection: close\r\n\r\ntwo",
                                       2s);
    const auto first = raw.received.find("HTTP/1.1 200");
    const auto second = raw.received.find("HTTP/1.1 200", first + 1);
    EXPECT_NE(first, std::string::npos);
    EXPECT_NE(second, std::string::npos);
    EXPECT_LT(raw.received.find("one"), raw.received.find("two"));
    EXPECT_TRUE(raw.closedByPeer);
}

TEST_F(HttpServerTest, UnknownPathIs404AndWrongMethodIs405InOpenAiShape)
{
    const auto missing = httpRequest(m_port, "GET", "/nowhere");
    EXPECT_EQ(missing.status, 404);
    const json::value error = json::parse(missing.body);
    EXPECT_EQ(error.at("error").at("type").as_string(), "invalid_request_error");
    EXPECT_TRUE(error.at("error").at("param").is_null());
    EXPECT_TRUE(error.at("error").as_object().contains("code"));
    EXPECT_TRUE(error.at("error").at("message").is_string());

    const auto wrongMethod = httpRequest(m_port, "GET", "/echo");
    EXPECT_EQ(wrongMethod.status, 405);
    EXPECT_EQ(wrongMethod.header("Allow").value_or(""), "POST");
}

TEST_F(HttpServerTest, HandlerWithoutResponseOrThrowingGets500)
{
    EXPECT_EQ(httpRequest(m_port, "GET", "/silent").status, 500);
    const auto thrown = httpRequest(m_port, "GET", "/throws");
    EXPECT_EQ(thrown.status, 500);
    EXPECT_EQ(json::parse(thrown.body).at("error").at("type").as_string(), "server_error");
    EXPECT_EQ(httpRequest(m_port, "POST", "/echo", "still alive").body, "still alive");
}

TEST_F(HttpServerTest, OversizedBodyIs413WithJsonError)
{
    const auto response = httpRequest(m_port, "POST", "/echo", std::string(100 * 1024, 'x'));
    EXPECT_EQ(response.status, 413);
    EXPECT_EQ(json::parse(response.body).at("error").at("type").as_string(), "invalid_request_error");
    // Chunked transfer hides the size until the body arrives: still 413.
    std::string chunked = "POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n";
    for (int i = 0; i < 20; ++i) {
        chunked += "1000\r\n" + std::string(4096, 'y') + "\r\n";
    }
    chunked += "0\r\n\r\n";
    const auto raw = test::rawExchange(m_port, chunked, 3s);
    EXPECT_EQ(raw.received.rfind("HTTP/1.1 413", 0), 0u) << raw.received.substr(0, 100);
}

TEST_F(HttpServerTest, HugeHeaderIs431)
{
    const auto response = httpRequest(m_port, "POST", "/echo", "x", {{"X-Big", std::string(8 * 1024, 'h')}});
    EXPECT_EQ(response.status, 431);
}

TEST_F(HttpServerTest, MalformedRequestsGet400AndClose)
{
    for (const std::string& garbage :
         {std::string("GARBAGE\r\n\r\n"), std::string("GET / HTTQ/1.1\r\n\r\n"),
          std::string("POST /echo HTTP/1.1\r\nContent-Length: -5\r\n\r\n"), std::string("\x00\xff\xfe\r\n\r\n", 7),
          std::string("GET /echo HTTP/1.1\r\nBad Header Line\r\n\r\n")}) {
        const auto raw = test::rawExchange(m_port, garbage, 3s);
        EXPECT_EQ(raw.received.rfind("HTTP/1.1 400", 0), 0u) << raw.received.substr(0, 60);
        EXPECT_TRUE(raw.closedByPeer);
    }
    // Pipelined garbage after a good request: the good one is answered, then 400 and close.
    const auto raw = test::rawExchange(
        m_port, "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\nokNOT HTTP AT ALL\x01\r\n\r\n", 3s);
    EXPECT_EQ(raw.received.rfind("HTTP/1.1 200", 0), 0u);
    EXPECT_NE(raw.received.find("HTTP/1.1 400"), std::string::npos);
    EXPECT_TRUE(raw.closedByPeer);
    EXPECT_TRUE(waitForNoSessions());
}

TEST_F(HttpServerTest, SlowlorisIsCutByTheHeaderTimeout)
{
    const auto closedAfter = test::slowloris(m_port, 50ms, 5s);
    ASSERT_TRUE(closedAfter.has_value()) << "connection still open after 5 s";
    EXPECT_LT(closedAfter->count(), 2000);
    // An idle connection that never sends a byte is closed too.
    const auto idle = test::rawExchange(m_port, "", 5s);
    EXPECT_TRUE(idle.closedByPeer);
    EXPECT_LT(idle.elapsed.count(), 2000);
}

TEST_F(HttpServerTest, ClientDisconnectCancelsTheStreamingHandler)
{
    const auto partial = test::httpRequestThenDisconnect(m_port, "/stream", "", {}, 10);
    EXPECT_EQ(partial.status, 200);
    // The handler learns it at its next sleep or write, at the latest 40 ms later.
    for (int i = 0; i < 300 && m_probe.streamsCancelled.load() == 0; ++i) {
        std::this_thread::sleep_for(10ms);
    }
    EXPECT_EQ(m_probe.streamsCancelled.load(), 1);
    EXPECT_EQ(m_probe.streamsFinished.load(), 0);
    EXPECT_TRUE(waitForNoSessions());
}

TEST_F(HttpServerTest, GracefulStopClosesIdleConnectionsAndCutsLongStreams)
{
    test::TestResponse streamed;
    std::thread client([&] { streamed = httpRequest(m_port, "GET", "/stream", "", {}, 10s); });
    for (int i = 0; i < 300 && m_probe.streamsStarted.load() == 0; ++i) {
        std::this_thread::sleep_for(10ms);
    }
    const auto start = std::chrono::steady_clock::now();
    m_server->stop();
    const auto stopTime = std::chrono::steady_clock::now() - start;
    client.join();
    EXPECT_LT(stopTime, 1500ms); // grace period 300 ms, then the 2 s stream is cut
    EXPECT_EQ(m_probe.streamsCancelled.load(), 1);
    EXPECT_EQ(m_server->activeSessions(), 0u);
    EXPECT_FALSE(streamed.error.empty()); // the client saw the stream end early
    EXPECT_FALSE(httpRequest(m_port, "GET", "/nowhere", "", {}, 1s).error.empty()); // no longer accepting
}

TEST(OpenAiErrorTest, ShapeAndTypesAndInvalidUtf8)
{
    const HttpResponse response = openAiError(429, "slow down \xff\xfe", "rate_limit_exceeded");
    EXPECT_EQ(response.status, 429);
    const json::value value = json::parse(response.body);
    EXPECT_EQ(value.at("error").at("type").as_string(), "rate_limit_error");
    EXPECT_EQ(value.at("error").at("code").as_string(), "rate_limit_exceeded");
    EXPECT_TRUE(value.at("error").at("param").is_null());
    EXPECT_EQ(errorTypeForStatus(500), "server_error");
    EXPECT_EQ(errorTypeForStatus(401), "authentication_error");
    EXPECT_EQ(errorTypeForStatus(413), "invalid_request_error");
}

TEST(HttpServerConfigTest, InvalidAddressOrBusyPortThrows)
{
    ServerConfig bad;
    bad.address = "not-an-address";
    HttpServer invalid(bad, Router {});
    EXPECT_THROW(invalid.start(), std::runtime_error);

    ServerConfig first;
    HttpServer a(first, Router {});
    a.start();
    ServerConfig second;
    second.port = a.port();
    HttpServer b(second, Router {});
    // SO_REUSEADDR does not allow two listeners on one port.
    EXPECT_THROW(b.start(), std::runtime_error);
}

} // namespace
} // namespace modelguard::http
