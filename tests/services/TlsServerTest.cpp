// HttpServer over TLS and mTLS with certificates made at test time, reached by HttpClient over HTTPS.
#include "services/common/HttpClient.h"
#include "services/common/HttpServer.h"
#include "tests/services/AsyncTestUtil.h"
#include "tests/services/TestCerts.h"
#include "tests/services/TestHttpClient.h"

#include <gtest/gtest.h>

#include <atomic>

namespace modelguard::http {
namespace {

using namespace std::chrono_literals;
using boost::asio::awaitable;
using test::runAsync;

/// A 200 text/plain response (built outside the coroutine: GCC 12 mishandles aggregate temporaries in co_await).
HttpResponse textResponse(std::string body)
{
    HttpResponse response;
    response.contentType = "text/plain";
    response.body = std::move(body);
    return response;
}

struct Outcome
{
    ClientError error;
    int status = 0;
    std::string body;
};

/// One GET through `client`.
Outcome get(HttpClient& client, const std::string& target)
{
    return runAsync<Outcome>([&]() -> awaitable<Outcome> {
        Outcome outcome;
        auto [exchange, error] = co_await client.send("GET", target, {}, {});
        outcome.error = error;
        if (exchange) {
            outcome.status = exchange->status();
            if (auto body = co_await exchange->readAll()) {
                outcome.body = *body;
            } else {
                outcome.error = exchange->error();
            }
        }
        co_return outcome;
    });
}

class TlsServerTest : public ::testing::Test
{
protected:
    Router router()
    {
        Router r;
        r.add("GET", "/whoami", [this](const HttpRequest& request, Responder& responder) -> awaitable<void> {
            ++m_handled;
            co_await responder.send(textResponse("subject=" + request.clientCertSubject));
        });
        return r;
    }

    std::unique_ptr<HttpServer> start(TlsServerOptions tls)
    {
        ServerConfig config;
        config.threads = 2;
        config.gracePeriod = 300ms;
        config.headerTimeout = 2s;
        config.tls = std::move(tls);
        auto server = std::make_unique<HttpServer>(config, router());
        server->start();
        return server;
    }

    static std::string url(const HttpServer& server) { return "https://127.0.0.1:" + std::to_string(server.port()); }

    test::TestPki m_pki;
    std::atomic<int> m_handled {0};
};

TEST_F(TlsServerTest, HttpsWithTrustedSelfSignedCertificateAndKeepAlive)
{
    const auto cert = m_pki.selfSigned("server", "localhost", {"DNS:localhost", "IP:127.0.0.1"});
    auto server = start({cert.certFile, cert.keyFile, {}});
    ClientConfig config;
    config.caFile = cert.certFile;
    HttpClient client(url(*server), config);
    for (int i = 0; i < 3; ++i) {
        const Outcome outcome = get(client, "/whoami");
        EXPECT_EQ(outcome.error.kind, ClientErrorKind::None) << outcome.error.message;
        EXPECT_EQ(outcome.status, 200);
        EXPECT_EQ(outcome.body, "subject="); // no client certificate without mTLS
    }
    // Each get() runs on its own io_context, so a pooled connection is not reused across them; within one
    // io_context it is.
    HttpClient pooled(url(*server), config);
    const int good = runAsync<int>([&]() -> awaitable<int> {
        int ok = 0;
        for (int i = 0; i < 3; ++i) {
            auto [exchange, error] = co_await pooled.send("GET", "/whoami", {}, {});
            if (exchange && (co_await exchange->readAll()).has_value()) {
                ++ok;
            }
        }
        co_return ok;
    });
    EXPECT_EQ(good, 3);
    EXPECT_EQ(pooled.connectionsOpened(), 1u);

    // A plain-HTTP client gets no answer from the TLS listener.
    const auto plain = test::httpRequest(server->port(), "GET", "/whoami", {}, {}, 2s);
    EXPECT_NE(plain.status, 200);
}

TEST_F(TlsServerTest, UntrustedOrMismatchedCertificateFailsVerification)
{
    const auto cert = m_pki.selfSigned("server", "localhost", {"DNS:localhost", "IP:127.0.0.1"});
    auto server = start({cert.certFile, cert.keyFile, {}});
    HttpClient untrusted(url(*server)); // system CAs only
    const Outcome outcome = get(untrusted, "/whoami");
    EXPECT_EQ(outcome.error.kind, ClientErrorKind::Tls) << outcome.error.message;
    EXPECT_EQ(outcome.status, 0);

    ClientConfig noVerify;
    noVerify.verifyPeer = false;
    HttpClient insecure(url(*server), noVerify);
    EXPECT_EQ(get(insecure, "/whoami").status, 200);

    // Trusted issuer, but the certificate is for another host name.
    const auto other = m_pki.selfSigned("other", "other.test", {"DNS:other.test"});
    auto otherServer = start({other.certFile, other.keyFile, {}});
    ClientConfig trusting;
    trusting.caFile = other.certFile;
    HttpClient mismatched(url(*otherServer), trusting);
    const Outcome wrongHost = get(mismatched, "/whoami");
    EXPECT_EQ(wrongHost.error.kind, ClientErrorKind::Tls) << wrongHost.error.message;
    EXPECT_EQ(m_handled.load(), 1);
}

TEST_F(TlsServerTest, MutualTlsRequiresAClientCertificateFromTheCa)
{
    const auto serverCert = m_pki.selfSigned("server", "localhost", {"DNS:localhost", "IP:127.0.0.1"});
    const auto ca = m_pki.authority("ca", "ModelGuard Test CA");
    const auto clientCert = m_pki.clientSignedBy(ca, "console", "console-1", "Acme Security");
    const auto rogueCa = m_pki.authority("rogue", "Rogue CA");
    const auto rogueCert = m_pki.clientSignedBy(rogueCa, "rogue-client", "intruder", "Rogue");
    auto server = start({serverCert.certFile, serverCert.keyFile, ca.certFile});

    ClientConfig anonymous;
    anonymous.caFile = serverCert.certFile;
    HttpClient withoutCert(url(*server), anonymous);
    const Outcome refused = get(withoutCert, "/whoami");
    EXPECT_NE(refused.error.kind, ClientErrorKind::None);
    EXPECT_EQ(refused.status, 0);

    ClientConfig rogue = anonymous;
    rogue.clientCertFile = rogueCert.certFile;
    rogue.clientKeyFile = rogueCert.keyFile;
    HttpClient withRogueCert(url(*server), rogue);
    const Outcome rogueOutcome = get(withRogueCert, "/whoami");
    EXPECT_NE(rogueOutcome.error.kind, ClientErrorKind::None);
    EXPECT_EQ(rogueOutcome.status, 0);
    EXPECT_EQ(m_handled.load(), 0);

    ClientConfig authorised = anonymous;
    authorised.clientCertFile = clientCert.certFile;
    authorised.clientKeyFile = clientCert.keyFile;
    HttpClient withCert(url(*server), authorised);
    const Outcome accepted = get(withCert, "/whoami");
    EXPECT_EQ(accepted.error.kind, ClientErrorKind::None) << accepted.error.message;
    EXPECT_EQ(accepted.status, 200);
    EXPECT_NE(accepted.body.find("CN=console-1"), std::string::npos) << accepted.body;
    EXPECT_NE(accepted.body.find("O=Acme Security"), std::string::npos) << accepted.body;
    EXPECT_EQ(m_handled.load(), 1);
}

TEST_F(TlsServerTest, BadTlsConfigurationIsRefusedAtStart)
{
    const auto cert = m_pki.selfSigned("server", "localhost", {"DNS:localhost"});
    ServerConfig config;
    config.tls.certFile = (m_pki.directory() / "missing.crt").string();
    config.tls.keyFile = cert.keyFile;
    HttpServer missingCert(config, router());
    EXPECT_THROW(missingCert.start(), std::runtime_error);

    config.tls.certFile = cert.certFile;
    config.tls.keyFile = {};
    HttpServer missingKey(config, router());
    EXPECT_THROW(missingKey.start(), std::runtime_error);

    const auto other = m_pki.selfSigned("other", "other", {"DNS:other"});
    config.tls.keyFile = other.keyFile; // key of another certificate
    HttpServer wrongKey(config, router());
    EXPECT_THROW(wrongKey.start(), std::runtime_error);
}

} // namespace
} // namespace modelguard::http
