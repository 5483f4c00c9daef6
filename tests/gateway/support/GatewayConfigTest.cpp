// GatewayConfig: the TOML file, good and bad, with error positions.

#include "services/gateway/support/GatewayConfig.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>

using namespace modelguard::gateway;

namespace {

/// Parses text that must fail and returns the error.
ConfigError parseError(const std::string& text)
{
    try {
        parseGatewayConfig(text, "gw.toml");
    } catch (const ConfigError& e) {
        return e;
    }
    ADD_FAILURE() << "no ConfigError for:\n" << text;
    return ConfigError("", 0, 0, "", "none");
}

class TempDir
{
public:
    TempDir()
    {
        std::random_device rd;
        path_ = std::filesystem::temp_directory_path() / ("mg-config-test-" + std::to_string(rd()));
        std::filesystem::create_directories(path_);
    }
    ~TempDir()
    {
        std::error_code ec;
        std::filesystem::remove_all(path_, ec);
    }
    std::string write(const std::string& name, const std::string& content) const
    {
        const auto file = path_ / name;
        std::ofstream(file) << content;
        return file.string();
    }
    const std::filesystem::path& path() const { return path_; }

private:
    std::filesystem::path path_;
};

const char* const kFullConfig = R"(# a complete gateway configuration
[listen]
data = "0.0.0.0:9000"
admin = "[::1]:9001"

[upstream]
url = "https://llm.example.com/v1base"
api_key = "sk-test"
connect_timeout_ms = 1500
first_byte_timeout_ms = 30000
idle_timeout_ms = 10000
ca_file = "/etc/ca.pem"
verify = false

[admin_tls]
cert = "/etc/admin.pem"
key = "/etc/admin.key"
client_ca = "/etc/console-ca.pem"

[database]
path = "/var/lib/gw.db"

[limits]
max_body_bytes = 2097152
max_connections = 500
threads = 3

[watermark]
gateway_id = "gw-eu-1"
)";

} // namespace

TEST(GatewayConfig, ParsesEverySection)
{
    const GatewayConfig c = parseGatewayConfig(kFullConfig, "gw.toml");
    EXPECT_EQ(c.listen.data, (ListenAddress {"0.0.0.0", 9000}));
    EXPECT_EQ(c.listen.admin, (ListenAddress {"::1", 9001}));
    EXPECT_EQ(c.upstream.url, "https://llm.example.com/v1base");
    EXPECT_EQ(c.upstream.apiKey, "sk-test");
    EXPECT_TRUE(c.upstream.apiKeyEnv.empty());
    EXPECT_EQ(c.upstream.connectTimeout.count(), 1500);
    EXPECT_EQ(c.upstream.firstByteTimeout.count(), 30000);
    EXPECT_EQ(c.upstream.idleTimeout.count(), 10000);
    EXPECT_EQ(c.upstream.caFile, "/etc/ca.pem");
    EXPECT_FALSE(c.upstream.verify);
    EXPECT_TRUE(c.adminTls.enabled());
    EXPECT_EQ(c.adminTls.certFile, "/etc/admin.pem");
    EXPECT_EQ(c.adminTls.keyFile, "/etc/admin.key");
    EXPECT_EQ(c.adminTls.clientCaFile, "/etc/console-ca.pem");
    EXPECT_EQ(c.database.path, "/var/lib/gw.db");
    EXPECT_EQ(c.limits.maxBodyBytes, 2097152u);
    EXPECT_EQ(c.limits.maxConnections, 500u);
    EXPECT_EQ(c.limits.threads, 3u);
    ASSERT_TRUE(c.watermark.gatewayId.has_value());
    EXPECT_EQ(*c.watermark.gatewayId, "gw-eu-1");
    EXPECT_NO_THROW(validateGatewayConfig(c));
}

TEST(GatewayConfig, EmptyFileGivesDefaults)
{
    const GatewayConfig c = parseGatewayConfig("", "empty.toml");
    EXPECT_EQ(c.listen.data.toString(), "127.0.0.1:8080");
    EXPECT_EQ(c.listen.admin.toString(), "127.0.0.1:8081");
    EXPECT_TRUE(c.upstream.url.empty());
    EXPECT_TRUE(c.upstream.verify);
    EXPECT_EQ(c.upstream.connectTimeout.count(), 5000);
    EXPECT_FALSE(c.adminTls.enabled());
    EXPECT_FALSE(c.watermark.gatewayId.has_value());
    EXPECT_EQ(c.limits.threads, 0u);
    // Runnable only once an upstream and a database are given (e.g. by flags).
    try {
        validateGatewayConfig(c, "empty.toml");
        FAIL() << "an empty configuration validated";
    } catch (const ConfigError& e) {
        EXPECT_EQ(e.key(), "upstream.url");
        EXPECT_EQ(e.line(), 0u);
        EXPECT_NE(std::string(e.what()).find("empty.toml: "), std::string::npos) << e.what();
    }
    GatewayConfig withUrl = c;
    withUrl.upstream.url = "http://127.0.0.1:1234";
    try {
        validateGatewayConfig(withUrl);
        FAIL() << "a configuration without database validated";
    } catch (const ConfigError& e) {
        EXPECT_EQ(e.key(), "database.path");
    }
}

TEST(GatewayConfig, UnknownKeyIsNamedWithItsPosition)
{
    const ConfigError e = parseError("[upstream]\nurl = \"http://x:1\"\n  timeout = 5\n");
    EXPECT_EQ(e.file(), "gw.toml");
    EXPECT_EQ(e.line(), 3u);
    EXPECT_EQ(e.column(), 3u);
    EXPECT_EQ(e.key(), "upstream.timeout");
    EXPECT_STREQ(e.what(), "gw.toml:3:3: unknown key 'upstream.timeout'");
}

TEST(GatewayConfig, UnknownSectionIsAnError)
{
    const ConfigError e = parseError("[listen]\ndata = \"127.0.0.1:1\"\n\n[upstreams]\nurl = \"http://x:1\"\n");
    EXPECT_EQ(e.key(), "upstreams");
    EXPECT_EQ(e.line(), 4u);
    EXPECT_NE(std::string(e.what()).find("unknown section 'upstreams'"), std::string::npos) << e.what();
    EXPECT_EQ(parseError("stray = 1\n").key(), "stray");
    EXPECT_EQ(parseError("[limits.extra]\nx = 1\n").key(), "limits.extra");
}

TEST(GatewayConfig, WrongTypesAreErrorsAtTheValue)
{
    const ConfigError threads = parseError("[limits]\nthreads = \"four\"\n");
    EXPECT_EQ(threads.key(), "limits.threads");
    EXPECT_EQ(threads.line(), 2u);
    EXPECT_EQ(threads.column(), 11u);
    EXPECT_NE(std::string(threads.what()).find("must be an integer, not a string"), std::string::npos)
        << threads.what();

    EXPECT_EQ(parseError("[upstream]\nverify = \"yes\"\n").key(), "upstream.verify");
    EXPECT_EQ(parseError("[listen]\ndata = 8080\n").key(), "listen.data");
    EXPECT_EQ(parseError("listen = 3\n").key(), "listen");
    EXPECT_EQ(parseError("[upstream]\nconnect_timeout_ms = 1.5\n").key(), "upstream.connect_timeout_ms");
    EXPECT_EQ(parseError("[database]\npath = [\"a\"]\n").key(), "database.path");
}

TEST(GatewayConfig, OutOfRangeAndMalformedValues)
{
    EXPECT_EQ(parseError("[limits]\nthreads = -1\n").key(), "limits.threads");
    EXPECT_EQ(parseError("[limits]\nmax_body_bytes = 0\n").key(), "limits.max_body_bytes");
    EXPECT_EQ(parseError("[upstream]\nidle_timeout_ms = 0\n").key(), "upstream.idle_timeout_ms");
    EXPECT_EQ(parseError("[listen]\ndata = \"127.0.0.1:70000\"\n").key(), "listen.data");
    EXPECT_EQ(parseError("[listen]\nadmin = \"::1:8080\"\n").key(), "listen.admin");
    EXPECT_EQ(parseError("[upstream]\nurl = \"ftp://x\"\n").key(), "upstream.url");
    EXPECT_EQ(parseError("[upstream]\nurl = \"https://\"\n").key(), "upstream.url");
    EXPECT_EQ(parseError("[database]\npath = \"\"\n").key(), "database.path");
    EXPECT_EQ(parseError("[watermark]\ngateway_id = \"has space\"\n").key(), "watermark.gateway_id");
    const ConfigError same = parseError("[listen]\ndata = \"127.0.0.1:9000\"\nadmin = \"127.0.0.1:9000\"\n");
    EXPECT_EQ(same.key(), "listen.admin");
    EXPECT_EQ(same.line(), 3u);
    // Two ephemeral ports on one host are fine.
    EXPECT_NO_THROW(parseGatewayConfig("[listen]\ndata = \"127.0.0.1:0\"\nadmin = \"127.0.0.1:0\"\n"));
}

TEST(GatewayConfig, SyntaxErrorsHaveAPosition)
{
    const ConfigError e = parseError("[listen]\ndata = \"127.0.0.1:1\"\nadmin = \n");
    EXPECT_EQ(e.line(), 3u);
    EXPECT_GT(e.column(), 0u);
    EXPECT_TRUE(std::string(e.what()).starts_with("gw.toml:3:")) << e.what();
    // Duplicate keys are a TOML error too.
    EXPECT_EQ(parseError("[limits]\nthreads = 1\nthreads = 2\n").line(), 3u);
}

TEST(GatewayConfig, ApiKeyFromTheEnvironment)
{
    ::setenv("MG_CONFIG_TEST_KEY", "sk-from-env", 1);
    const GatewayConfig c = parseGatewayConfig("[upstream]\napi_key_env = \"MG_CONFIG_TEST_KEY\"\n");
    EXPECT_EQ(c.upstream.apiKey, "sk-from-env");
    EXPECT_EQ(c.upstream.apiKeyEnv, "MG_CONFIG_TEST_KEY");

    ::unsetenv("MG_CONFIG_TEST_UNSET");
    const ConfigError unset = parseError("[upstream]\napi_key_env = \"MG_CONFIG_TEST_UNSET\"\n");
    EXPECT_EQ(unset.key(), "upstream.api_key_env");
    EXPECT_NE(std::string(unset.what()).find("MG_CONFIG_TEST_UNSET"), std::string::npos);

    const ConfigError both = parseError("[upstream]\napi_key = \"sk\"\napi_key_env = \"MG_CONFIG_TEST_KEY\"\n");
    EXPECT_EQ(both.key(), "upstream.api_key_env");
    ::unsetenv("MG_CONFIG_TEST_KEY");
}

TEST(GatewayConfig, AdminTlsNeedsCertAndKey)
{
    EXPECT_EQ(parseError("[admin_tls]\ncert = \"a.pem\"\n").key(), "admin_tls.key");
    EXPECT_EQ(parseError("[admin_tls]\nkey = \"a.key\"\n").key(), "admin_tls.cert");
    EXPECT_EQ(parseError("[admin_tls]\nclient_ca = \"ca.pem\"\n").key(), "admin_tls.client_ca");
}

TEST(ListenAddress, ParsesHostPortForms)
{
    EXPECT_EQ(parseListenAddress("127.0.0.1:8080"), (ListenAddress {"127.0.0.1", 8080}));
    EXPECT_EQ(parseListenAddress("[::1]:0"), (ListenAddress {"::1", 0}));
    EXPECT_EQ(parseListenAddress("[2001:db8::7]:65535"), (ListenAddress {"2001:db8::7", 65535}));
    EXPECT_EQ(parseListenAddress("localhost:80"), (ListenAddress {"localhost", 80}));
    EXPECT_EQ(parseListenAddress("[::1]:8080").toString(), "[::1]:8080");
    EXPECT_EQ(parseListenAddress("10.0.0.1:1").toString(), "10.0.0.1:1");
    for (const char* bad :
         {"", "8080", ":8080", "127.0.0.1:", "127.0.0.1:65536", "127.0.0.1:-1", "127.0.0.1:80x", "::1:8080",
          "[::1]8080", "[::1]", "[nothost]:1", "300.1.1.1:80", "bad host:80", "[::1]:99999"}) {
        EXPECT_THROW(parseListenAddress(bad), std::invalid_argument) << bad;
    }
}

TEST(GatewayConfig, LoadsAFileAndResolvesRelativePaths)
{
    TempDir dir;
    const std::string file = dir.write("gw.toml", "[upstream]\nurl = \"http://127.0.0.1:5000\"\nca_file = \"ca.pem\"\n"
                                                  "[admin_tls]\ncert = \"tls/admin.pem\"\nkey = \"/abs/admin.key\"\n"
                                                  "[database]\npath = \"data/gw.db\"\n");
    const GatewayConfig c = loadGatewayConfig(file);
    EXPECT_EQ(c.upstream.caFile, (dir.path() / "ca.pem").string());
    EXPECT_EQ(c.adminTls.certFile, (dir.path() / "tls/admin.pem").string());
    EXPECT_EQ(c.adminTls.keyFile, "/abs/admin.key");
    EXPECT_EQ(c.database.path, (dir.path() / "data/gw.db").string());
    EXPECT_NO_THROW(validateGatewayConfig(c, file));
}

TEST(GatewayConfig, LoadErrorsNameTheFile)
{
    TempDir dir;
    const std::string bad = dir.write("bad.toml", "[limits]\nmax_connections = true\n");
    try {
        loadGatewayConfig(bad);
        FAIL() << "bad file loaded";
    } catch (const ConfigError& e) {
        EXPECT_EQ(e.file(), bad);
        EXPECT_TRUE(std::string(e.what()).starts_with(bad + ":2:19: ")) << e.what();
    }
    const std::string missing = (dir.path() / "missing.toml").string();
    try {
        loadGatewayConfig(missing);
        FAIL() << "missing file loaded";
    } catch (const ConfigError& e) {
        EXPECT_EQ(e.file(), missing);
        EXPECT_EQ(e.line(), 0u);
        EXPECT_TRUE(std::string(e.what()).starts_with(missing + ": ")) << e.what();
    }
}
