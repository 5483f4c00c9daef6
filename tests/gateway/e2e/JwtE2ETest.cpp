// JWT bearer tokens against the real modelguard-gateway (--jwt-jwks-file) in front of the real upstream simulator:
// RS256 and ES256 tokens made here with OpenSSL are served and accounted to the client their claim names (usage,
// limits, block action, watermark attribution), bad tokens get 401 with the right code, API keys keep working, and
// without a JWKS a token is just an invalid API key.
#include "tests/gateway/auth/JwtTestKeys.h"
#include "tests/gateway/e2e/GatewayTestSupport.h"

#include <fstream>

namespace modelguard::test {
namespace {

using namespace std::chrono_literals;
namespace json = boost::json;
using jwt::TestKey;

const TestKey& rsaKey()
{
    static const TestKey key = TestKey::rsa();
    return key;
}
const TestKey& ecKey()
{
    static const TestKey key = TestKey::ec();
    return key;
}

TestResponse chatWith(const GatewayStack& stack, const std::string& bearer, const std::string& body)
{
    return httpRequest(stack.dataPort(), "POST", "/v1/chat/completions", body,
                       {{"Authorization", "Bearer " + bearer}, {"Content-Type", "application/json"}});
}

std::string errorCode(const TestResponse& r)
{
    const auto v = parseJson(r.body);
    if (!v.is_object() || !v.as_object().contains("error") || !v.at("error").as_object().contains("code")
        || !v.at("error").at("code").is_string()) {
        return {};
    }
    return std::string(v.at("error").at("code").as_string());
}

class JwtE2E : public ::testing::Test
{
protected:
    void SetUp() override
    {
        jwt::writeJwks(keysDir.path() / "jwks.json", {rsaKey().jwk("rsa-1"), ecKey().jwk("ec-1")});
        auto options = stackOptions();
        options.extraGatewayArgs = {"--jwt-jwks-file", (keysDir.path() / "jwks.json").string(),
                                    "--jwt-issuer",    "https://issuer.test",
                                    "--jwt-audience",  "modelguard"};
        stack = std::make_unique<GatewayStack>(options);
        ASSERT_TRUE(stack->start()) << stack->error();
    }

    json::value client(const std::string& id)
    {
        return parseJson(admin(*stack, "GET", "/admin/v1/clients/" + id).body);
    }

    TempDir keysDir;
    std::unique_ptr<GatewayStack> stack;
};

TEST_F(JwtE2E, Rs256AndEs256TokensAreServedAndAccountedToTheClaimsClient)
{
    const auto rs = chatWith(*stack, rsaKey().token(jwt::claimsFor("jwt-acme"), "rsa-1"), chatBody("Hello there", 32));
    ASSERT_EQ(rs.status, 200) << rs.body;
    const auto es =
        chatWith(*stack, ecKey().token(jwt::claimsFor("jwt-globex"), "ec-1"), chatBody("Hello again", 32, true));
    ASSERT_EQ(es.status, 200) << es.body;
    EXPECT_EQ(sseData(es.body).back(), "[DONE]");

    const auto acme = client("jwt-acme");
    ASSERT_TRUE(acme.is_object()) << admin(*stack, "GET", "/admin/v1/clients/jwt-acme").body;
    EXPECT_EQ(acme.at("requests_today").to_number<std::int64_t>(), 1);
    EXPECT_EQ(acme.at("tokens_today").to_number<std::int64_t>(),
              parseJson(rs.body).at("usage").at("total_tokens").to_number<std::int64_t>());
    const auto globex = client("jwt-globex");
    ASSERT_TRUE(globex.is_object());
    EXPECT_EQ(globex.at("requests_today").to_number<std::int64_t>(), 1);
    EXPECT_GT(globex.at("tokens_today").to_number<std::int64_t>(), 0);

    // The same token again (the verification cache) is still the same client.
    const std::string token = rsaKey().token(jwt::claimsFor("jwt-acme"), "rsa-1");
    ASSERT_EQ(chatWith(*stack, token, chatBody("one", 8)).status, 200);
    ASSERT_EQ(chatWith(*stack, token, chatBody("two", 8)).status, 200);
    EXPECT_EQ(client("jwt-acme").at("requests_today").to_number<std::int64_t>(), 3);

    // /v1/models accepts the token too.
    const auto models = httpRequest(stack->dataPort(), "GET", "/v1/models", "", {{"Authorization", "Bearer " + token}});
    EXPECT_EQ(models.status, 200) << models.body;
}

TEST_F(JwtE2E, ResponsesAreWatermarkedForTheClaimsClient)
{
    const auto r = chatWith(*stack, ecKey().token(jwt::claimsFor("jwt-marked"), "ec-1"),
                            chatBody("Tell me a long story about the sea and ships.", 400));
    ASSERT_EQ(r.status, 200) << r.body;
    const std::string text(parseJson(r.body).at("choices").at(0).at("message").at("content").as_string());
    ASSERT_GT(text.size(), 200u);
    const auto secret = admin(*stack, "GET", "/admin/v1/watermark/secret");
    ASSERT_EQ(secret.status, 200) << secret.body;
    const auto keyFile = stack->dir() / "wm.key";
    {
        std::ofstream f(keyFile);
        f << parseJson(secret.body).at("key").as_string().c_str();
    }
    const auto detected = runCommand(
        {MG_CLI_PATH, "watermark", "detect", "--key", keyFile.string(), "--clients", "jwt-other,jwt-marked", "--json"},
        60s, text);
    const auto verdict = parseJson(detected.out);
    ASSERT_TRUE(verdict.is_object()) << detected.out;
    EXPECT_EQ(verdict.at("verdict").as_string(), "watermarked");
    EXPECT_EQ(verdict.at("client").as_string(), "jwt-marked");
}

TEST_F(JwtE2E, BadTokensGet401WithTheirCode)
{
    const auto body = chatBody("hi", 8);
    auto expired = jwt::claimsFor("jwt-bad");
    expired["exp"] = jwt::nowSeconds() - 3600;
    expired["iat"] = jwt::nowSeconds() - 7200;
    expired["nbf"] = jwt::nowSeconds() - 7200;
    const std::string good = rsaKey().token(jwt::claimsFor("jwt-bad"), "rsa-1");
    const auto dot = good.find('.');
    const std::string tampered = good.substr(0, dot + 1) + jwt::base64Url(json::serialize(jwt::claimsFor("jwt-victim")))
                                 + good.substr(good.find('.', dot + 1));
    const std::pair<std::string, std::string> cases[] = {
        {rsaKey().token(expired, "rsa-1"), "jwt_expired"},
        {rsaKey().token(jwt::claimsFor("jwt-bad", "https://evil.test"), "rsa-1"), "jwt_wrong_issuer"},
        {ecKey().token(jwt::claimsFor("jwt-bad", "https://issuer.test", "someone-else"), "ec-1"), "jwt_wrong_audience"},
        {tampered, "jwt_bad_signature"},
        {rsaKey().token(jwt::claimsFor("jwt-bad"), "rsa-unknown"), "jwt_unknown_kid"},
        {jwt::hmacToken("none", jwt::claimsFor("jwt-bad"), "", "rsa-1"), "jwt_unsupported_alg"},
        {jwt::hmacToken("HS256", jwt::claimsFor("jwt-bad"), rsaKey().publicPem(), "rsa-1"), "jwt_unsupported_alg"},
        {"not.a.jwt", "invalid_jwt"},
        {std::string(9000, 'a') + ".b.c", "jwt_too_large"},
    };
    for (const auto& [token, code] : cases) {
        const auto r = chatWith(*stack, token, body);
        EXPECT_EQ(r.status, 401) << code << ": " << r.body;
        EXPECT_EQ(errorCode(r), code) << r.body;
        EXPECT_NE(r.body.find("\"type\":\"authentication_error\""), std::string::npos) << r.body;
    }
    // Nothing was accounted to the clients those tokens named.
    EXPECT_EQ(admin(*stack, "GET", "/admin/v1/clients/jwt-victim").status, 404);
    EXPECT_NE(admin(*stack, "GET", "/admin/v1/clients/jwt-bad").status, 200);
    // And the gateway still serves a good token.
    EXPECT_EQ(chatWith(*stack, good, body).status, 200);
}

TEST_F(JwtE2E, ApiKeysStillWorkBesideTokens)
{
    auto [id, secret] = createKey(*stack, "keyed");
    ASSERT_FALSE(secret.empty());
    EXPECT_EQ(chat(*stack, secret, chatBody("hi", 8)).status, 200);
    const auto malformed = chatWith(*stack, "sk-not-ours", chatBody("hi", 8));
    EXPECT_EQ(malformed.status, 401);
    EXPECT_EQ(errorCode(malformed), "invalid_api_key");
    const auto missing = httpRequest(stack->dataPort(), "POST", "/v1/chat/completions", chatBody("hi", 8));
    EXPECT_EQ(missing.status, 401);
    EXPECT_EQ(errorCode(missing), "missing_api_key");
    // A token and a key of the same client share one account.
    EXPECT_EQ(chatWith(*stack, rsaKey().token(jwt::claimsFor("keyed"), "rsa-1"), chatBody("hi", 8)).status, 200);
    EXPECT_EQ(client("keyed").at("requests_today").to_number<std::int64_t>(), 2);
}

TEST_F(JwtE2E, ClientLimitsAndActionsApplyToTokenClients)
{
    ASSERT_EQ(admin(*stack, "PUT", "/admin/v1/clients/jwt-limited/limits",
                    "{\"requests_per_minute\":2,\"requests_per_second\":0,\"tokens_per_minute\":0,\"tokens_per_day\":0,"
                    "\"tokens_per_month\":0,\"requests_per_day\":0,\"default_max_tokens\":64}")
                  .status,
              200);
    const std::string token = ecKey().token(jwt::claimsFor("jwt-limited"), "ec-1");
    int ok = 0;
    TestResponse limited;
    for (int i = 0; i < 4; ++i) {
        auto r = chatWith(*stack, token, chatBody("hi", 8));
        if (r.status == 200) {
            ++ok;
        } else {
            limited = r;
        }
    }
    EXPECT_EQ(ok, 2);
    EXPECT_EQ(limited.status, 429) << limited.body;
    EXPECT_EQ(errorCode(limited), "rate_limit_exceeded");

    ASSERT_EQ(
        admin(*stack, "POST", "/admin/v1/clients/jwt-blocked/action", "{\"action\":\"block\",\"reason\":\"drill\"}")
            .status,
        200);
    const auto blocked = chatWith(*stack, rsaKey().token(jwt::claimsFor("jwt-blocked"), "rsa-1"), chatBody("hi", 8));
    EXPECT_EQ(blocked.status, 403) << blocked.body;
    EXPECT_EQ(errorCode(blocked), "client_blocked");
}

TEST(JwtE2EWithout, TokensAreInvalidApiKeysWhenNoJwksIsConfigured)
{
    GatewayStack stack(stackOptions());
    ASSERT_TRUE(stack.start()) << stack.error();
    const auto r = chatWith(stack, rsaKey().token(jwt::claimsFor("jwt-acme"), "rsa-1"), chatBody("hi", 8));
    EXPECT_EQ(r.status, 401);
    EXPECT_EQ(errorCode(r), "invalid_api_key");
}

TEST(JwtE2EWithout, GatewayRefusesToStartWithAnUnusableJwks)
{
    TempDir dir;
    const auto jwks = dir.path() / "jwks.json";
    {
        std::ofstream f(jwks);
        f << "{\"keys\":[{\"kty\":\"oct\",\"k\":\"c2VjcmV0\"}]}";
    }
    const auto r = runCommand({stackOptions().gatewayPath, "--upstream", "http://127.0.0.1:9", "--db",
                               (dir.path() / "gw.db").string(), "--listen", "127.0.0.1:0", "--admin-listen",
                               "127.0.0.1:0", "--jwt-jwks-file", jwks.string()},
                              30s);
    EXPECT_EQ(r.status, 1);
    const auto noFile = runCommand({stackOptions().gatewayPath, "--upstream", "http://127.0.0.1:9", "--db",
                                    (dir.path() / "gw.db").string(), "--listen", "127.0.0.1:0", "--admin-listen",
                                    "127.0.0.1:0", "--jwt-issuer", "https://issuer.test"},
                                   30s);
    EXPECT_EQ(noFile.status, 1);
}

} // namespace
} // namespace modelguard::test
