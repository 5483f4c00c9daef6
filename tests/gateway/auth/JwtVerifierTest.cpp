// JwtVerifier against keys and tokens made here with OpenSSL: RS256 and ES256, every claim check, key selection by
// kid, refused algorithms (none, HS256 with the public key as secret, algorithm/key mismatch), tampering, hostile
// input, the verification cache and JWKS reloading.
#include "services/gateway/auth/JwtVerifier.h"
#include "tests/gateway/auth/JwtTestKeys.h"

#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>
#include <random>
#include <thread>

namespace modelguard::gateway::auth {
namespace {

namespace json = boost::json;
using test::jwt::claimsFor;
using test::jwt::hmacToken;
using test::jwt::TestKey;
using test::jwt::writeJwks;

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
const TestKey& otherRsaKey()
{
    static const TestKey key = TestKey::rsa();
    return key;
}

class JwtVerifierTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        dir = std::filesystem::temp_directory_path()
              / ("mg-jwt-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "-"
                 + ::testing::UnitTest::GetInstance()->current_test_info()->name());
        std::filesystem::create_directories(dir);
        jwks = dir / "jwks.json";
        writeJwks(jwks, {rsaKey().jwk("rsa-1"), ecKey().jwk("ec-1")});
    }
    void TearDown() override
    {
        std::error_code ec;
        std::filesystem::remove_all(dir, ec);
    }

    JwtOptions options() const
    {
        JwtOptions o;
        o.jwksFile = jwks.string();
        o.issuer = "https://issuer.test";
        o.audience = "modelguard";
        return o;
    }
    static std::int64_t nowMs() { return test::jwt::nowSeconds() * 1000; }

    std::filesystem::path dir;
    std::filesystem::path jwks;
};

TEST_F(JwtVerifierTest, Rs256AndEs256TokensNameTheirClient)
{
    JwtVerifier verifier(options());
    EXPECT_EQ(verifier.keyCount(), 2u);

    const auto rs = verifier.verify(rsaKey().token(claimsFor("acme"), "rsa-1"), nowMs());
    EXPECT_EQ(rs.status, JwtStatus::Ok) << rs.message;
    EXPECT_EQ(rs.clientId, "acme");
    EXPECT_GT(rs.expiresMs, nowMs());

    const auto es = verifier.verify(ecKey().token(claimsFor("globex"), "ec-1"), nowMs());
    EXPECT_EQ(es.status, JwtStatus::Ok) << es.message;
    EXPECT_EQ(es.clientId, "globex");
}

TEST_F(JwtVerifierTest, ExpIsRequiredAndCheckedWithLeeway)
{
    JwtVerifier verifier(options());
    auto claims = claimsFor("acme");
    claims.erase("exp");
    auto r = verifier.verify(rsaKey().token(claims, "rsa-1"), nowMs());
    EXPECT_EQ(r.status, JwtStatus::MissingExp);
    EXPECT_EQ(jwtErrorCode(r.status), "jwt_missing_exp");

    claims = claimsFor("acme");
    claims["exp"] = test::jwt::nowSeconds() - 30; // within the 60 s leeway
    claims["iat"] = test::jwt::nowSeconds() - 600;
    claims["nbf"] = test::jwt::nowSeconds() - 600;
    EXPECT_EQ(verifier.verify(rsaKey().token(claims, "rsa-1"), nowMs()).status, JwtStatus::Ok);
    claims["exp"] = test::jwt::nowSeconds() - 61;
    r = verifier.verify(rsaKey().token(claims, "rsa-1"), nowMs());
    EXPECT_EQ(r.status, JwtStatus::Expired);
    EXPECT_EQ(jwtErrorCode(r.status), "jwt_expired");

    auto strict = options();
    strict.leewaySeconds = 0;
    JwtVerifier strictVerifier(strict);
    claims["exp"] = test::jwt::nowSeconds() - 30;
    EXPECT_EQ(strictVerifier.verify(rsaKey().token(claims, "rsa-1"), nowMs()).status, JwtStatus::Expired);

    claims["exp"] = "tomorrow";
    EXPECT_EQ(verifier.verify(rsaKey().token(claims, "rsa-1"), nowMs()).status, JwtStatus::Malformed);
    claims["exp"] = 1e300; // far future, clamped, still fine
    EXPECT_EQ(verifier.verify(rsaKey().token(claims, "rsa-1"), nowMs()).status, JwtStatus::Ok);
}

TEST_F(JwtVerifierTest, NbfAndIatInTheFutureAreRefused)
{
    JwtVerifier verifier(options());
    auto claims = claimsFor("acme");
    claims["nbf"] = test::jwt::nowSeconds() + 300;
    auto r = verifier.verify(rsaKey().token(claims, "rsa-1"), nowMs());
    EXPECT_EQ(r.status, JwtStatus::NotYetValid);
    EXPECT_EQ(jwtErrorCode(r.status), "jwt_not_yet_valid");

    claims = claimsFor("acme");
    claims["iat"] = test::jwt::nowSeconds() + 300;
    r = verifier.verify(rsaKey().token(claims, "rsa-1"), nowMs());
    EXPECT_EQ(r.status, JwtStatus::IssuedInFuture);

    claims = claimsFor("acme");
    claims["nbf"] = test::jwt::nowSeconds() + 30; // within the leeway
    EXPECT_EQ(verifier.verify(rsaKey().token(claims, "rsa-1"), nowMs()).status, JwtStatus::Ok);
}

TEST_F(JwtVerifierTest, IssuerAndAudienceAreCheckedWhenConfigured)
{
    JwtVerifier verifier(options());
    auto r = verifier.verify(rsaKey().token(claimsFor("acme", "https://evil.test"), "rsa-1"), nowMs());
    EXPECT_EQ(r.status, JwtStatus::WrongIssuer);
    EXPECT_EQ(jwtErrorCode(r.status), "jwt_wrong_issuer");
    auto claims = claimsFor("acme");
    claims.erase("iss");
    EXPECT_EQ(verifier.verify(rsaKey().token(claims, "rsa-1"), nowMs()).status, JwtStatus::WrongIssuer);

    r = verifier.verify(rsaKey().token(claimsFor("acme", "https://issuer.test", "other-api"), "rsa-1"), nowMs());
    EXPECT_EQ(r.status, JwtStatus::WrongAudience);
    EXPECT_EQ(jwtErrorCode(r.status), "jwt_wrong_audience");
    claims = claimsFor("acme");
    claims["aud"] = json::array {"other-api", "modelguard"};
    EXPECT_EQ(verifier.verify(rsaKey().token(claims, "rsa-1"), nowMs()).status, JwtStatus::Ok);
    claims["aud"] = json::array {"other-api", 7};
    EXPECT_EQ(verifier.verify(rsaKey().token(claims, "rsa-1"), nowMs()).status, JwtStatus::WrongAudience);
    claims.erase("aud");
    EXPECT_EQ(verifier.verify(rsaKey().token(claims, "rsa-1"), nowMs()).status, JwtStatus::WrongAudience);

    // Without issuer/audience configured, neither is looked at.
    auto open = options();
    open.issuer.reset();
    open.audience.reset();
    JwtVerifier lenient(open);
    EXPECT_EQ(lenient.verify(rsaKey().token(claimsFor("acme", "https://x.test", "y"), "rsa-1"), nowMs()).status,
              JwtStatus::Ok);
}

TEST_F(JwtVerifierTest, AlgNoneHmacAndMismatchedAlgorithmsAreRefused)
{
    JwtVerifier verifier(options());
    const auto claims = claimsFor("acme");
    auto r = verifier.verify(hmacToken("none", claims, "", "rsa-1"), nowMs());
    EXPECT_EQ(r.status, JwtStatus::UnsupportedAlg);
    EXPECT_EQ(jwtErrorCode(r.status), "jwt_unsupported_alg");
    EXPECT_EQ(verifier.verify(hmacToken("None", claims, ""), nowMs()).status, JwtStatus::UnsupportedAlg);
    // The classic confusion: HS256 keyed with the RSA public key's PEM.
    EXPECT_EQ(verifier.verify(hmacToken("HS256", claims, rsaKey().publicPem(), "rsa-1"), nowMs()).status,
              JwtStatus::UnsupportedAlg);
    // RS256 header on the EC key's kid, ES256 on the RSA one.
    const std::string rsaSigned = rsaKey().token(claims, "ec-1");
    EXPECT_EQ(verifier.verify(rsaSigned, nowMs()).status, JwtStatus::KeyMismatch);
    EXPECT_EQ(verifier.verify(ecKey().token(claims, "rsa-1"), nowMs()).status, JwtStatus::KeyMismatch);
    // An algorithm not in the allow-list.
    auto rsOnly = options();
    rsOnly.algorithms = {"RS256"};
    JwtVerifier rsVerifier(rsOnly);
    EXPECT_EQ(rsVerifier.verify(ecKey().token(claims, "ec-1"), nowMs()).status, JwtStatus::UnsupportedAlg);
    EXPECT_EQ(rsVerifier.verify(rsaKey().token(claims, "rsa-1"), nowMs()).status, JwtStatus::Ok);
    // A JWK that names its algorithm binds it.
    writeJwks(jwks, {rsaKey().jwk("rsa-1", {{"alg", "RS512"}})});
    JwtVerifier bound(options());
    EXPECT_EQ(bound.verify(rsaKey().token(claims, "rsa-1"), nowMs()).status, JwtStatus::KeyMismatch);
    // Critical headers we do not understand.
    EXPECT_EQ(verifier.verify(rsaKey().token(claims, "rsa-1", {{"crit", json::array {"exp"}}}), nowMs()).status,
              JwtStatus::UnsupportedAlg);

    EXPECT_THROW(validateAlgorithms({"none"}), std::invalid_argument);
    EXPECT_THROW(validateAlgorithms({"RS256", "HS256"}), std::invalid_argument);
    EXPECT_THROW(validateAlgorithms({"PS256"}), std::invalid_argument);
    EXPECT_THROW(validateAlgorithms({}), std::invalid_argument);
    EXPECT_NO_THROW(validateAlgorithms({"ES256"}));
    auto bad = options();
    bad.algorithms = {"HS256"};
    EXPECT_THROW(JwtVerifier {bad}, std::invalid_argument);
}

TEST_F(JwtVerifierTest, TamperingAndForeignSignaturesAreRefused)
{
    JwtVerifier verifier(options());
    const std::string good = rsaKey().token(claimsFor("acme"), "rsa-1");
    // Same header and signature, payload naming another client.
    const auto firstDot = good.find('.');
    const auto secondDot = good.find('.', firstDot + 1);
    const std::string tampered = good.substr(0, firstDot + 1)
                                 + test::jwt::base64Url(json::serialize(claimsFor("globex"))) + good.substr(secondDot);
    auto r = verifier.verify(tampered, nowMs());
    EXPECT_EQ(r.status, JwtStatus::BadSignature);
    EXPECT_EQ(jwtErrorCode(r.status), "jwt_bad_signature");
    // One flipped signature character.
    std::string flipped = good;
    flipped[secondDot + 10] = flipped[secondDot + 10] == 'A' ? 'B' : 'A';
    EXPECT_EQ(verifier.verify(flipped, nowMs()).status, JwtStatus::BadSignature);
    // Signed by another key under our kid (RSA and EC).
    EXPECT_EQ(verifier.verify(otherRsaKey().token(claimsFor("acme"), "rsa-1"), nowMs()).status,
              JwtStatus::BadSignature);
    const TestKey otherEc = TestKey::ec();
    EXPECT_EQ(verifier.verify(otherEc.token(claimsFor("acme"), "ec-1"), nowMs()).status, JwtStatus::BadSignature);
    // ES256 signature of the wrong length.
    const std::string es = ecKey().token(claimsFor("acme"), "ec-1");
    EXPECT_EQ(
        verifier.verify(es.substr(0, es.rfind('.') + 1) + test::jwt::base64Url(std::string(63, '\1')), nowMs()).status,
        JwtStatus::BadSignature);
    // The untouched token still passes.
    EXPECT_EQ(verifier.verify(good, nowMs()).status, JwtStatus::Ok);
}

TEST_F(JwtVerifierTest, KeysAreChosenByKid)
{
    JwtVerifier verifier(options());
    auto r = verifier.verify(rsaKey().token(claimsFor("acme"), "nope"), nowMs());
    EXPECT_EQ(r.status, JwtStatus::UnknownKey);
    EXPECT_EQ(jwtErrorCode(r.status), "jwt_unknown_kid");
    // No kid with two keys: ambiguous.
    EXPECT_EQ(verifier.verify(rsaKey().token(claimsFor("acme"), ""), nowMs()).status, JwtStatus::UnknownKey);
    // No kid with one key: that key.
    writeJwks(jwks, {ecKey().jwk("")});
    JwtVerifier single(options());
    EXPECT_EQ(single.verify(ecKey().token(claimsFor("acme"), ""), nowMs()).status, JwtStatus::Ok);
    EXPECT_EQ(single.verify(ecKey().token(claimsFor("acme"), "ec-1"), nowMs()).status, JwtStatus::UnknownKey);
}

TEST_F(JwtVerifierTest, ClientClaimMayBeNestedAndMustBeAValidClientId)
{
    auto o = options();
    o.clientClaim = "org.client";
    JwtVerifier nested(o);
    auto claims = claimsFor("ignored");
    claims["org"] = json::object {{"client", "team-7@acme"}};
    auto r = nested.verify(rsaKey().token(claims, "rsa-1"), nowMs());
    EXPECT_EQ(r.status, JwtStatus::Ok) << r.message;
    EXPECT_EQ(r.clientId, "team-7@acme");
    // A literal claim name with a dot wins over the path.
    claims["org.client"] = "literal";
    EXPECT_EQ(nested.verify(rsaKey().token(claims, "rsa-1"), nowMs()).clientId, "literal");

    JwtVerifier verifier(options());
    const json::array bads {"has space", "", std::string(129, 'a'), 42, nullptr, "ünïcode"};
    for (const auto& bad : bads) {
        claims = claimsFor("x");
        claims["sub"] = bad;
        r = verifier.verify(rsaKey().token(claims, "rsa-1"), nowMs());
        EXPECT_EQ(r.status, JwtStatus::BadClientClaim) << json::serialize(bad);
        EXPECT_EQ(jwtErrorCode(r.status), "jwt_invalid_client");
    }
    claims.erase("sub");
    EXPECT_EQ(verifier.verify(rsaKey().token(claims, "rsa-1"), nowMs()).status, JwtStatus::BadClientClaim);
    claims["sub"] = std::string(128, 'a');
    EXPECT_EQ(verifier.verify(rsaKey().token(claims, "rsa-1"), nowMs()).status, JwtStatus::Ok);
}

TEST_F(JwtVerifierTest, HostileInputNeverCrashesAndIsRefused)
{
    auto o = options();
    o.maxTokenBytes = 8192;
    JwtVerifier verifier(o);
    const std::string good = rsaKey().token(claimsFor("acme"), "rsa-1");
    const std::vector<std::string> garbage = {
        "",
        ".",
        "..",
        "...",
        "a.b.c",
        "a.b",
        "=.=.=",
        "eyJ.eyJ.sig",
        test::jwt::base64Url("null") + "." + test::jwt::base64Url("{}") + ".AAAA",
        test::jwt::base64Url("[]") + ".e30.AAAA",
        test::jwt::base64Url("{\"alg\":7}") + ".e30.AAAA",
        test::jwt::base64Url("{\"alg\":\"RS256\",\"kid\":[1]}") + ".e30.AAAA",
        test::jwt::base64Url("{\"alg\":\"RS256\",\"kid\":\"rsa-1\"}") + ".e30.",
        test::jwt::base64Url("{\"alg\":\"RS256\",\"kid\":\"rsa-1\"}") + ".e30.A",
        test::jwt::base64Url(std::string(40, '[')) + ".e30.AAAA",
        std::string("\0\0.\0.\0", 6),
        good + ".",
        good + "=",
        "  " + good,
    };
    for (const auto& token : garbage) {
        const auto r = verifier.verify(token, nowMs());
        EXPECT_NE(r.status, JwtStatus::Ok) << token;
        EXPECT_FALSE(r.message.empty());
        EXPECT_FALSE(jwtErrorCode(r.status).empty());
    }
    // Every prefix of a valid token, and every single-character change of its first 60 characters.
    for (std::size_t n = 0; n < good.size(); ++n) {
        EXPECT_NE(verifier.verify(good.substr(0, n), nowMs()).status, JwtStatus::Ok) << n;
    }
    for (std::size_t i = 0; i < 60; ++i) {
        std::string changed = good;
        changed[i] = changed[i] == 'x' ? 'y' : 'x';
        EXPECT_NE(verifier.verify(changed, nowMs()).status, JwtStatus::Ok) << i;
    }
    // Random bytes with two dots.
    std::mt19937_64 rng(1234);
    for (int i = 0; i < 2000; ++i) {
        std::string token(rng() % 300, '\0');
        for (auto& c : token) {
            c = static_cast<char>(rng() & 0xFF);
        }
        token.insert(rng() % (token.size() + 1), ".");
        token.insert(rng() % (token.size() + 1), ".");
        EXPECT_NE(verifier.verify(token, nowMs()).status, JwtStatus::Ok);
    }
    // Too large: refused before parsing.
    auto huge = verifier.verify(std::string(8193, 'A'), nowMs());
    EXPECT_EQ(huge.status, JwtStatus::TooLarge);
    EXPECT_EQ(jwtErrorCode(huge.status), "jwt_too_large");
    auto claims = claimsFor("acme");
    claims["pad"] = std::string(9000, 'p');
    EXPECT_EQ(verifier.verify(rsaKey().token(claims, "rsa-1"), nowMs()).status, JwtStatus::TooLarge);
    // Still works afterwards.
    EXPECT_EQ(verifier.verify(good, nowMs()).status, JwtStatus::Ok);
}

TEST_F(JwtVerifierTest, VerifiedTokensAreCachedUntilTheyExpire)
{
    JwtVerifier verifier(options());
    auto claims = claimsFor("acme");
    claims["exp"] = test::jwt::nowSeconds() + 120;
    const std::string token = rsaKey().token(claims, "rsa-1");
    auto first = verifier.verify(token, nowMs());
    ASSERT_EQ(first.status, JwtStatus::Ok);
    EXPECT_FALSE(first.cached);
    auto second = verifier.verify(token, nowMs());
    EXPECT_EQ(second.status, JwtStatus::Ok);
    EXPECT_TRUE(second.cached);
    EXPECT_EQ(second.clientId, "acme");
    EXPECT_EQ(verifier.cacheHits(), 1u);
    // Past exp + leeway the cached entry no longer counts.
    const auto later = nowMs() + (120 + 61) * 1000;
    EXPECT_EQ(verifier.verify(token, later).status, JwtStatus::Expired);
    // Failures are not cached: a tampered token fails every time.
    std::string bad = token;
    bad.back() = bad.back() == 'A' ? 'B' : 'A';
    EXPECT_NE(verifier.verify(bad, nowMs()).status, JwtStatus::Ok);
    EXPECT_NE(verifier.verify(bad, nowMs()).status, JwtStatus::Ok);

    // A bounded cache: many tokens, concurrently, every one verified correctly.
    auto small = options();
    small.cacheEntries = 8;
    JwtVerifier bounded(small);
    std::vector<std::string> tokens;
    for (int i = 0; i < 24; ++i) {
        tokens.push_back(ecKey().token(claimsFor("c" + std::to_string(i)), "ec-1"));
    }
    std::atomic<int> wrong {0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&, t] {
            for (int round = 0; round < 5; ++round) {
                for (std::size_t i = 0; i < tokens.size(); ++i) {
                    const auto r = bounded.verify(tokens[(i + static_cast<std::size_t>(t)) % tokens.size()], nowMs());
                    if (r.status != JwtStatus::Ok
                        || r.clientId != "c" + std::to_string((i + static_cast<std::size_t>(t)) % tokens.size())) {
                        ++wrong;
                    }
                }
            }
        });
    }
    for (auto& t : threads) {
        t.join();
    }
    EXPECT_EQ(wrong.load(), 0);
}

TEST_F(JwtVerifierTest, JwksFileIsReloadedWhenItChanges)
{
    auto o = options();
    o.reloadCheckInterval = std::chrono::milliseconds(0);
    JwtVerifier verifier(o);
    const std::string rsaToken = rsaKey().token(claimsFor("acme"), "rsa-1");
    ASSERT_EQ(verifier.verify(rsaToken, nowMs()).status, JwtStatus::Ok);
    const auto reloads = verifier.keyReloads();

    // Key rotation: rsa-1 is withdrawn, rsa-2 added. The cached rsa-1 token stops working too.
    writeJwks(jwks, {otherRsaKey().jwk("rsa-2"), ecKey().jwk("ec-1")});
    std::filesystem::last_write_time(jwks, std::filesystem::last_write_time(jwks) + std::chrono::seconds(1));
    EXPECT_EQ(verifier.verify(rsaToken, nowMs() + 1).status, JwtStatus::UnknownKey);
    EXPECT_EQ(verifier.keyReloads(), reloads + 1);
    EXPECT_EQ(verifier.verify(otherRsaKey().token(claimsFor("acme"), "rsa-2"), nowMs() + 2).status, JwtStatus::Ok);

    // A broken file keeps the keys in force.
    {
        std::ofstream f(jwks, std::ios::trunc);
        f << "{\"keys\": [";
    }
    std::filesystem::last_write_time(jwks, std::filesystem::last_write_time(jwks) + std::chrono::seconds(2));
    EXPECT_EQ(verifier.verify(otherRsaKey().token(claimsFor("acme"), "rsa-2"), nowMs() + 3).status, JwtStatus::Ok);
    EXPECT_TRUE(verifier.reload().has_value());
    EXPECT_EQ(verifier.keyCount(), 2u);

    // With the default interval a change is not looked at before 10 s have passed.
    writeJwks(jwks, {rsaKey().jwk("rsa-1")});
    JwtVerifier slow(options());
    const auto start = nowMs();
    ASSERT_EQ(slow.verify(rsaToken, start).status, JwtStatus::Ok);
    writeJwks(jwks, {ecKey().jwk("ec-1")});
    std::filesystem::last_write_time(jwks, std::filesystem::last_write_time(jwks) + std::chrono::seconds(3));
    EXPECT_EQ(slow.verify(rsaKey().token(claimsFor("beta"), "rsa-1"), start + 5'000).status, JwtStatus::Ok);
    EXPECT_EQ(slow.verify(rsaKey().token(claimsFor("gamma"), "rsa-1"), start + 10'500).status, JwtStatus::UnknownKey);
}

TEST(JwkSetTest, ParsesRsaAndEcKeysAndRefusesBadOnes)
{
    const auto set = JwkSet::parse(json::serialize(json::object {
        {"keys", json::array {rsaKey().jwk("a"), ecKey().jwk("b"), json::object {{"kty", "oct"}, {"k", "c2VjcmV0"}},
                              ecKey().jwk("enc", {{"use", "enc"}}),
                              json::object {{"kty", "EC"}, {"crv", "P-384"}, {"x", "AA"}, {"y", "AA"}}}}}));
    EXPECT_EQ(set.size(), 2u);
    EXPECT_EQ(set.kids(), (std::vector<std::string> {"a", "b"}));

    const auto parse = [](const json::value& v) { return JwkSet::parse(json::serialize(v)); };
    EXPECT_THROW(JwkSet::parse("not json"), std::invalid_argument);
    EXPECT_THROW(JwkSet::parse("[]"), std::invalid_argument);
    EXPECT_THROW(parse(json::object {{"keys", json::array {}}}), std::invalid_argument);
    EXPECT_THROW(parse(json::object {{"keys", json::array {json::object {{"kty", "oct"}, {"k", "AA"}}}}}),
                 std::invalid_argument);
    EXPECT_THROW(parse(json::object {{"keys", json::array {rsaKey().jwk("a"), ecKey().jwk("a")}}}),
                 std::invalid_argument);
    // RSA below 2048 bits.
    const TestKey weak = TestKey::rsa(1024);
    EXPECT_THROW(parse(json::object {{"keys", json::array {weak.jwk("w")}}}), std::invalid_argument);
    // An EC point off the curve.
    auto offCurve = ecKey().jwk("p");
    std::string y(offCurve["y"].as_string());
    y[5] = y[5] == 'A' ? 'B' : 'A';
    offCurve["y"] = y;
    EXPECT_THROW(parse(json::object {{"keys", json::array {offCurve}}}), std::invalid_argument);
    // Missing or non-base64url members.
    auto noN = rsaKey().jwk("n");
    noN.erase("n");
    EXPECT_THROW(parse(json::object {{"keys", json::array {noN}}}), std::invalid_argument);
    auto badX = ecKey().jwk("x");
    badX["x"] = "not base64url!";
    EXPECT_THROW(parse(json::object {{"keys", json::array {badX}}}), std::invalid_argument);
}

TEST(JwtVerifierSetup, RefusesMissingFilesAndBadOptions)
{
    JwtOptions o;
    EXPECT_THROW(JwtVerifier {o}, std::invalid_argument);
    o.jwksFile = (std::filesystem::temp_directory_path() / "mg-jwt-does-not-exist.json").string();
    EXPECT_THROW(JwtVerifier {o}, std::runtime_error);
    EXPECT_TRUE(isValidClaimPath("sub"));
    EXPECT_TRUE(isValidClaimPath("https://example.com/client"));
    EXPECT_TRUE(isValidClaimPath("org.client"));
    EXPECT_FALSE(isValidClaimPath(""));
    EXPECT_FALSE(isValidClaimPath("a..b"));
    EXPECT_FALSE(isValidClaimPath(".a"));
    EXPECT_FALSE(isValidClaimPath("a b"));
    EXPECT_TRUE(JwtVerifier::looksLikeJwt("a.b.c"));
    EXPECT_FALSE(JwtVerifier::looksLikeJwt("mg_abc_def"));
    EXPECT_FALSE(JwtVerifier::looksLikeJwt("a.b.c.d"));
}

} // namespace
} // namespace modelguard::gateway::auth
