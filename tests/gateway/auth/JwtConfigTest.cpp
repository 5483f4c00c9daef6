// The [jwt] table of the gateway's configuration file: defaults, every key, refused algorithms and values, and the
// JWKS path resolved against the file's directory.
#include "services/gateway/support/GatewayConfig.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <string>

namespace modelguard::gateway {
namespace {

std::string errorOf(const std::string& text)
{
    try {
        parseGatewayConfig(text, "gw.toml");
    } catch (const ConfigError& e) {
        return e.what();
    }
    ADD_FAILURE() << "no ConfigError for:\n" << text;
    return {};
}

TEST(JwtConfig, OffByDefaultAndDefaultsWhenOn)
{
    EXPECT_FALSE(parseGatewayConfig("").jwt.enabled());
    const auto c = parseGatewayConfig("[jwt]\njwks_file = \"keys.json\"\n");
    EXPECT_TRUE(c.jwt.enabled());
    EXPECT_EQ(c.jwt.jwksFile, "keys.json");
    EXPECT_EQ(c.jwt.clientClaim, "sub");
    EXPECT_FALSE(c.jwt.issuer);
    EXPECT_FALSE(c.jwt.audience);
    EXPECT_EQ(c.jwt.algorithms, (std::vector<std::string> {"RS256", "ES256"}));
    EXPECT_EQ(c.jwt.leewaySeconds, 60);
    EXPECT_EQ(c.jwt.maxTokenBytes, 8192u);
}

TEST(JwtConfig, ReadsEveryKey)
{
    const auto c = parseGatewayConfig(R"([jwt]
jwks_file = "/etc/modelguard/jwks.json"
client_claim = "org.client_id"
issuer = "https://id.example"
audience = "modelguard"
algorithms = ["ES256"]
leeway_seconds = 5
max_token_bytes = 4096
)");
    EXPECT_EQ(c.jwt.jwksFile, "/etc/modelguard/jwks.json");
    EXPECT_EQ(c.jwt.clientClaim, "org.client_id");
    EXPECT_EQ(c.jwt.issuer, "https://id.example");
    EXPECT_EQ(c.jwt.audience, "modelguard");
    EXPECT_EQ(c.jwt.algorithms, (std::vector<std::string> {"ES256"}));
    EXPECT_EQ(c.jwt.leewaySeconds, 5);
    EXPECT_EQ(c.jwt.maxTokenBytes, 4096u);
}

TEST(JwtConfig, RefusesUnsafeAndInvalidSettings)
{
    EXPECT_NE(errorOf("[jwt]\nissuer = \"x\"\n").find("'jwt' needs 'jwks_file'"), std::string::npos);
    const auto none = errorOf("[jwt]\njwks_file = \"k.json\"\nalgorithms = [\"RS256\", \"none\"]\n");
    EXPECT_NE(none.find("gw.toml:3:"), std::string::npos) << none;
    EXPECT_NE(none.find("never accepted"), std::string::npos) << none;
    EXPECT_NE(errorOf("[jwt]\njwks_file = \"k.json\"\nalgorithms = [\"HS256\"]\n").find("never accepted"),
              std::string::npos);
    EXPECT_NE(errorOf("[jwt]\njwks_file = \"k.json\"\nalgorithms = [\"PS256\"]\n").find("unsupported"),
              std::string::npos);
    EXPECT_NE(errorOf("[jwt]\njwks_file = \"k.json\"\nalgorithms = []\n").find("at least one"), std::string::npos);
    EXPECT_NE(errorOf("[jwt]\njwks_file = \"k.json\"\nalgorithms = \"RS256\"\n").find("array of strings"),
              std::string::npos);
    EXPECT_NE(errorOf("[jwt]\njwks_file = \"k.json\"\nclient_claim = \"a..b\"\n").find("jwt.client_claim"),
              std::string::npos);
    EXPECT_NE(errorOf("[jwt]\njwks_file = \"k.json\"\nleeway_seconds = -1\n").find("between 0 and 3600"),
              std::string::npos);
    EXPECT_NE(errorOf("[jwt]\njwks_file = \"k.json\"\nmax_token_bytes = 10\n").find("between 256 and 65536"),
              std::string::npos);
    EXPECT_NE(errorOf("[jwt]\njwks_file = \"\"\n").find("must not be empty"), std::string::npos);
    EXPECT_NE(errorOf("[jwt]\njwks_file = \"k.json\"\nsecret = \"x\"\n").find("unknown key 'jwt.secret'"),
              std::string::npos);
}

TEST(JwtConfig, JwksPathIsResolvedAgainstTheConfigFile)
{
    std::random_device rd;
    const auto dir = std::filesystem::temp_directory_path() / ("mg-jwt-config-" + std::to_string(rd()));
    std::filesystem::create_directories(dir);
    const auto file = dir / "gw.toml";
    {
        std::ofstream f(file);
        f << "[jwt]\njwks_file = \"keys/jwks.json\"\n";
    }
    const auto c = loadGatewayConfig(file.string());
    EXPECT_EQ(c.jwt.jwksFile, (dir / "keys/jwks.json").string());
    std::filesystem::remove_all(dir);
}

} // namespace
} // namespace modelguard::gateway
