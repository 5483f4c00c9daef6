// Router path parameters: matching rules, precedence, decoding, and the values as a handler sees them.
#include "services/common/Router.h"
#include "services/common/HttpServer.h"
#include "tests/services/TestHttpClient.h"

#include <gtest/gtest.h>

namespace modelguard::http {
namespace {

using boost::asio::awaitable;

/// A 200 text/plain response (built outside the coroutine: GCC 12 mishandles aggregate temporaries in co_await).
HttpResponse textResponse(std::string body)
{
    HttpResponse response;
    response.contentType = "text/plain";
    response.body = std::move(body);
    return response;
}

Handler tagged(std::string tag)
{
    return [tag](const HttpRequest& request, Responder& responder) -> awaitable<void> {
        std::string body = tag;
        for (const auto& [name, value] : request.pathParams) {
            body += " " + name + "=" + value;
        }
        co_await responder.send(textResponse(body));
    };
}

TEST(RouterTest, ParametersMatchOneNonEmptySegmentAndAreDecoded)
{
    Router router;
    router.add("GET", "/admin/v1/clients/{client}", tagged("client"));
    router.add("GET", "/admin/v1/clients/{client}/usage", tagged("usage"));
    router.add("POST", "/admin/v1/keys/{id}/rotate", tagged("rotate"));
    PathParams params;
    ASSERT_NE(router.find("GET", "/admin/v1/clients/acme", nullptr, &params), nullptr);
    EXPECT_EQ(params, (PathParams {{"client", "acme"}}));
    ASSERT_NE(router.find("GET", "/admin/v1/clients/acme%20co%2Fx/usage", nullptr, &params), nullptr);
    EXPECT_EQ(params, (PathParams {{"client", "acme co/x"}}));
    ASSERT_NE(router.find("POST", "/admin/v1/keys/ab12/rotate", nullptr, &params), nullptr);
    EXPECT_EQ(params, (PathParams {{"id", "ab12"}}));

    EXPECT_EQ(router.find("GET", "/admin/v1/clients/", nullptr, &params), nullptr); // empty segment
    EXPECT_EQ(router.find("GET", "/admin/v1/clients//usage", nullptr, &params), nullptr);
    EXPECT_EQ(router.find("GET", "/admin/v1/clients/a/b", nullptr, &params), nullptr);   // one segment only
    EXPECT_EQ(router.find("GET", "/admin/v1/clients/bad%2", nullptr, &params), nullptr); // bad percent-encoding
    EXPECT_EQ(router.find("GET", "/admin/v1/clients/bad%zz", nullptr, &params), nullptr);

    std::vector<std::string> allowed;
    EXPECT_EQ(router.find("DELETE", "/admin/v1/keys/ab12/rotate", &allowed, &params), nullptr);
    EXPECT_EQ(allowed, (std::vector<std::string> {"POST"}));
}

TEST(RouterTest, ExactRoutesWinThenLiteralSegmentsWin)
{
    Router router;
    router.add("GET", "/keys/{id}", tagged("param"));
    router.add("GET", "/keys/{id}/x", tagged("param-x"));
    router.add("GET", "/keys/special", tagged("exact"));
    router.add("GET", "/{any}/{id}/x", tagged("all-params"));
    router.add("GET", "/keys/{id}/{tail}", tagged("two-params"));
    PathParams params {{"stale", "value"}};
    const Handler* exact = router.find("GET", "/keys/special", nullptr, &params);
    ASSERT_NE(exact, nullptr);
    EXPECT_TRUE(params.empty());
    EXPECT_NE(exact, router.find("GET", "/keys/other", nullptr, &params));
    // "/keys/{id}/x" beats "/keys/{id}/{tail}" and "/{any}/{id}/x" (leftmost literal wins).
    const Handler* literalTail = router.find("GET", "/keys/7/x", nullptr, &params);
    EXPECT_EQ(params, (PathParams {{"id", "7"}}));
    EXPECT_NE(literalTail, router.find("GET", "/keys/7/y", nullptr, &params));
    EXPECT_EQ(params, (PathParams {{"id", "7"}, {"tail", "y"}}));
    router.find("GET", "/other/7/x", nullptr, &params);
    EXPECT_EQ(params, (PathParams {{"any", "other"}, {"id", "7"}}));
}

TEST(RouterTest, MalformedPatternsAreRejected)
{
    Router router;
    EXPECT_THROW(router.add("GET", "/a/{}", tagged("x")), std::invalid_argument);
    EXPECT_THROW(router.add("GET", "/a/x{id}", tagged("x")), std::invalid_argument);
    EXPECT_THROW(router.add("GET", "/a/{id", tagged("x")), std::invalid_argument);
    EXPECT_THROW(router.add("GET", "/a/{id}/{id}", tagged("x")), std::invalid_argument);
    EXPECT_THROW(router.add("GET", "/a/{i{d}}", tagged("x")), std::invalid_argument);
}

TEST(RouterTest, HandlersSeeTheParametersThroughTheServer)
{
    Router router;
    router.add("GET", "/admin/v1/clients/{client}/usage", tagged("usage"));
    router.add("GET", "/admin/v1/clients/{client}",
               [](const HttpRequest& request, Responder& responder) -> awaitable<void> {
                   std::string body = std::string(request.pathParam("client").value_or("?")) + "|"
                                      + std::string(request.pathParam("nope").value_or("none"));
                   co_await responder.send(textResponse(std::move(body)));
               });
    ServerConfig config;
    HttpServer server(config, std::move(router));
    server.start();
    const auto usage = test::httpRequest(server.port(), "GET", "/admin/v1/clients/acme%2Dcorp/usage?from_ms=1");
    EXPECT_EQ(usage.status, 200);
    EXPECT_EQ(usage.body, "usage client=acme-corp");
    const auto client = test::httpRequest(server.port(), "GET", "/admin/v1/clients/beta");
    EXPECT_EQ(client.body, "beta|none");
    EXPECT_EQ(test::httpRequest(server.port(), "GET", "/admin/v1/clients/").status, 404);
    EXPECT_EQ(test::httpRequest(server.port(), "POST", "/admin/v1/clients/beta").status, 405);
    server.stop();
}

} // namespace
} // namespace modelguard::http
