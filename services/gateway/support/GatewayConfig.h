#pragma once
// modelguard-gateway's configuration file (TOML): listeners, upstream, admin TLS, database, limits, watermark.
// Unknown keys and values of the wrong type or range are errors that name the file, line, column and key.
//
//   [listen]     data = "127.0.0.1:8080"   admin = "127.0.0.1:8081"      ("[::1]:8080" for IPv6; port 0 = ephemeral)
//   [upstream]   url = "https://api.openai.com"  api_key = "..." | api_key_env = "OPENAI_API_KEY"
//                connect_timeout_ms = 5000  first_byte_timeout_ms = 120000  idle_timeout_ms = 60000
//                ca_file = "extra-ca.pem"  verify = true
//   [admin_tls]  cert = "admin.pem"  key = "admin.key"  client_ca = "console-ca.pem"   (client_ca = mTLS)
//   [database]   path = "gateway.db"
//   [limits]     max_body_bytes = 4194304  max_connections = 10000  threads = 0   (0 = one per CPU)
//   [watermark]  gateway_id = "gw-eu-1"
//   [jwt]        jwks_file = "jwks.json"  client_claim = "sub"  issuer = "https://id.example"  audience = "modelguard"
//                algorithms = ["RS256", "ES256"]  leeway_seconds = 60  max_token_bytes = 8192

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace modelguard::gateway {

/// A configuration error. what() is "FILE:LINE:COLUMN: message" (":LINE:COLUMN" left out when there is no position).
class ConfigError : public std::runtime_error
{
public:
    ConfigError(std::string file, std::uint32_t line, std::uint32_t column, std::string key,
                const std::string& message);
    const std::string& file() const { return file_; }
    std::uint32_t line() const { return line_; }     ///< 1-based; 0 = no position
    std::uint32_t column() const { return column_; } ///< 1-based; 0 = no position
    const std::string& key() const { return key_; }  ///< dotted key, e.g. "upstream.api_key"; empty if none

private:
    std::string file_;
    std::uint32_t line_;
    std::uint32_t column_;
    std::string key_;
};

/// A listening address: IPv4 literal, IPv6 literal (written in brackets) or host name, and a port.
struct ListenAddress
{
    std::string host; ///< without brackets, e.g. "127.0.0.1", "::1"
    std::uint16_t port = 0;
    std::string toString() const; ///< "127.0.0.1:8080", "[::1]:8080"
    bool operator==(const ListenAddress&) const = default;
};
/// Parses "host:port" / "[v6]:port". Throws std::invalid_argument with a clear message when malformed.
ListenAddress parseListenAddress(std::string_view text);

struct ListenConfig
{
    ListenAddress data {"127.0.0.1", 8080};  ///< OpenAI-compatible data plane
    ListenAddress admin {"127.0.0.1", 8081}; ///< admin API, events, /metrics
};

struct UpstreamConfig
{
    std::string url;       ///< "http://host:port[/base]" or "https://..."; empty = not configured
    std::string apiKey;    ///< resolved secret (from api_key, or from the environment variable api_key_env)
    std::string apiKeyEnv; ///< name of the environment variable the key came from, if any
    std::chrono::milliseconds connectTimeout {5'000};
    std::chrono::milliseconds firstByteTimeout {120'000};
    std::chrono::milliseconds idleTimeout {60'000};
    std::string caFile; ///< extra CA bundle (PEM); empty = system default
    bool verify = true; ///< verify the upstream's certificate and host name
};

struct AdminTlsConfig
{
    std::string certFile;     ///< PEM chain; empty = admin listener speaks plain HTTP
    std::string keyFile;      ///< PEM private key
    std::string clientCaFile; ///< non-empty = mTLS
    bool enabled() const { return !certFile.empty(); }
};

struct DatabaseConfig
{
    std::string path; ///< SQLite file; empty = not configured
};

struct LimitsConfig
{
    std::size_t maxBodyBytes = 4 * 1024 * 1024; ///< request body cap of the data plane
    std::size_t maxConnections = 10'000;
    unsigned threads = 0; ///< worker threads; 0 = one per CPU
};

struct WatermarkConfig
{
    std::optional<std::string> gatewayId; ///< [A-Za-z0-9._-]{1,64}; unset = the gateway picks and stores one
};

/// JWT bearer tokens on the data plane (docs/gateway.md, "JWT bearer tokens"). A [jwt] table needs jwks_file.
struct JwtConfig
{
    std::string jwksFile;                                   ///< JSON Web Key Set; empty = JWT bearer tokens off
    std::string clientClaim = "sub";                        ///< claim naming the client; "a.b" = member b of object a
    std::optional<std::string> issuer;                      ///< required "iss" when set
    std::optional<std::string> audience;                    ///< required in "aud" when set
    std::vector<std::string> algorithms {"RS256", "ES256"}; ///< subset of RS256, ES256; none and HS* are refused
    std::int64_t leewaySeconds = 60;                        ///< 0 to 3600
    std::size_t maxTokenBytes = 8192;                       ///< 256 to 65536
    bool enabled() const { return !jwksFile.empty(); }
};

struct GatewayConfig
{
    ListenConfig listen;
    UpstreamConfig upstream;
    AdminTlsConfig adminTls;
    DatabaseConfig database;
    LimitsConfig limits;
    WatermarkConfig watermark;
    JwtConfig jwt;
};

/// Parses TOML text. sourceName names the text in error messages. Relative paths are kept as written.
/// Throws ConfigError on syntax errors, unknown keys or tables, wrong types, out-of-range values, an api_key_env
/// that is not set, both api_key and api_key_env, half an admin_tls section, or equal data/admin addresses.
GatewayConfig parseGatewayConfig(std::string_view text, std::string_view sourceName = "<config>");

/// Reads and parses a file (as parseGatewayConfig). Relative file paths in it (ca_file, admin_tls.*, database.path,
/// jwt.jwks_file) are resolved against the directory of the configuration file. Throws ConfigError (also when
/// unreadable).
GatewayConfig loadGatewayConfig(const std::string& tomlPath);

/// Checks what a runnable gateway needs after command-line flags were merged in: an upstream URL and a database
/// path. Throws ConfigError (without a position) naming the missing key.
void validateGatewayConfig(const GatewayConfig& config, std::string_view sourceName = "<config>");

} // namespace modelguard::gateway
