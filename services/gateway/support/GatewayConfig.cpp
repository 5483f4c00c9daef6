#include "services/gateway/support/GatewayConfig.h"

#include <toml++/toml.h>

#include <arpa/inet.h>

#include <cctype>
#include <charconv>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <limits>
#include <map>
#include <sstream>

namespace modelguard::gateway {

namespace {

std::string positionText(const std::string& file, std::uint32_t line, std::uint32_t column)
{
    if (line == 0) {
        return file;
    }
    return file + ":" + std::to_string(line) + ":" + std::to_string(column);
}

std::string_view typeName(toml::node_type type)
{
    switch (type) {
    case toml::node_type::table:
        return "a table";
    case toml::node_type::array:
        return "an array";
    case toml::node_type::string:
        return "a string";
    case toml::node_type::integer:
        return "an integer";
    case toml::node_type::floating_point:
        return "a floating-point number";
    case toml::node_type::boolean:
        return "a boolean";
    case toml::node_type::date:
        return "a date";
    case toml::node_type::time:
        return "a time";
    case toml::node_type::date_time:
        return "a date-time";
    case toml::node_type::none:
        break;
    }
    return "nothing";
}

/// Reads one TOML document into a GatewayConfig, checking every key against the known schema.
class Reader
{
public:
    explicit Reader(std::string file)
        : file_(std::move(file))
    { }

    [[noreturn]] void fail(const toml::source_region& where, const std::string& key, const std::string& message) const
    {
        throw ConfigError(file_, where.begin.line, where.begin.column, key, message);
    }

    using Handler = std::function<void(const toml::node&, const std::string& key)>;

    /// Runs the handler of every key of `table`; an unknown key is an error at the key's position.
    void readTable(const toml::table& table, const std::string& prefix, const std::map<std::string, Handler>& keys)
    {
        for (const auto& [key, node] : table) {
            const std::string dotted = prefix.empty() ? std::string(key.str()) : prefix + "." + std::string(key.str());
            const auto handler = keys.find(std::string(key.str()));
            if (handler == keys.end()) {
                fail(key.source(), dotted,
                     std::string(node.is_table() && prefix.empty() ? "unknown section '" : "unknown key '") + dotted
                         + "'");
            }
            handler->second(node, dotted);
        }
    }

    const toml::table& asTable(const toml::node& node, const std::string& key) const
    {
        const toml::table* table = node.as_table();
        if (table == nullptr) {
            fail(node.source(), key, "'" + key + "' must be a table, not " + std::string(typeName(node.type())));
        }
        return *table;
    }

    std::string asString(const toml::node& node, const std::string& key) const
    {
        const auto* value = node.as_string();
        if (value == nullptr) {
            fail(node.source(), key, "'" + key + "' must be a string, not " + std::string(typeName(node.type())));
        }
        return value->get();
    }

    std::string asNonEmptyString(const toml::node& node, const std::string& key) const
    {
        std::string value = asString(node, key);
        if (value.empty()) {
            fail(node.source(), key, "'" + key + "' must not be empty");
        }
        return value;
    }

    bool asBool(const toml::node& node, const std::string& key) const
    {
        const auto* value = node.as_boolean();
        if (value == nullptr) {
            fail(node.source(), key, "'" + key + "' must be a boolean, not " + std::string(typeName(node.type())));
        }
        return value->get();
    }

    std::int64_t asInteger(const toml::node& node, const std::string& key, std::int64_t min, std::int64_t max) const
    {
        const auto* value = node.as_integer();
        if (value == nullptr) {
            fail(node.source(), key, "'" + key + "' must be an integer, not " + std::string(typeName(node.type())));
        }
        const std::int64_t v = value->get();
        if (v < min || v > max) {
            fail(node.source(), key,
                 "'" + key + "' must be between " + std::to_string(min) + " and " + std::to_string(max) + " (got "
                     + std::to_string(v) + ")");
        }
        return v;
    }

    std::vector<std::string> asStringArray(const toml::node& node, const std::string& key) const
    {
        const toml::array* array = node.as_array();
        if (array == nullptr) {
            fail(node.source(), key,
                 "'" + key + "' must be an array of strings, not " + std::string(typeName(node.type())));
        }
        std::vector<std::string> out;
        for (const toml::node& element : *array) {
            out.push_back(asString(element, key));
        }
        return out;
    }

    ListenAddress asAddress(const toml::node& node, const std::string& key) const
    {
        const std::string text = asString(node, key);
        try {
            return parseListenAddress(text);
        } catch (const std::invalid_argument& e) {
            fail(node.source(), key, "'" + key + "': " + e.what());
        }
    }

    const std::string& file() const { return file_; }

private:
    std::string file_;
};

bool validUrl(std::string_view url)
{
    std::string_view rest;
    if (url.starts_with("http://")) {
        rest = url.substr(7);
    } else if (url.starts_with("https://")) {
        rest = url.substr(8);
    } else {
        return false;
    }
    const std::string_view authority = rest.substr(0, rest.find('/'));
    if (authority.empty() || authority.starts_with(':')) {
        return false;
    }
    for (const char c : url) {
        if (static_cast<unsigned char>(c) <= 0x20 || c == 0x7f) {
            return false;
        }
    }
    return true;
}

bool validGatewayId(std::string_view id)
{
    if (id.empty() || id.size() > 64) {
        return false;
    }
    for (const char c : id) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.'
                        || c == '_' || c == '-';
        if (!ok) {
            return false;
        }
    }
    return true;
}

constexpr std::int64_t kMaxTimeoutMs = 24LL * 3600 * 1000;

/// A claim path: dot-separated non-empty parts of printable ASCII, at most 256 characters.
bool validClaimPath(std::string_view path)
{
    if (path.empty() || path.size() > 256 || path.front() == '.' || path.back() == '.'
        || path.find("..") != std::string_view::npos) {
        return false;
    }
    for (const char c : path) {
        if (c <= 0x20 || c >= 0x7f) {
            return false;
        }
    }
    return true;
}

/// Why a JWT algorithm name is refused; empty if it is accepted.
std::string algorithmProblem(const std::string& alg)
{
    std::string upper = alg;
    for (char& c : upper) {
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    }
    if (upper == "NONE" || upper.starts_with("HS")) {
        return "JWT algorithm '" + alg + "' is never accepted (unsigned or shared-secret tokens); use RS256 or ES256";
    }
    if (alg != "RS256" && alg != "ES256") {
        return "unsupported JWT algorithm '" + alg + "' (supported: RS256, ES256)";
    }
    return {};
}

GatewayConfig parseDocument(const toml::table& root, Reader& r)
{
    GatewayConfig config;
    const toml::node* apiKeyNode = nullptr;
    const toml::node* apiKeyEnvNode = nullptr;
    const toml::node* adminTlsNode = nullptr;
    const toml::node* adminListenNode = nullptr;
    const toml::node* jwtNode = nullptr;

    r.readTable(
        root, "",
        {
            {"listen",
             [&](const toml::node& node, const std::string& key) {
                 r.readTable(r.asTable(node, key), key,
                             {
                                 {"data", [&](const toml::node& n,
                                              const std::string& k) { config.listen.data = r.asAddress(n, k); }},
                                 {"admin",
                                  [&](const toml::node& n, const std::string& k) {
                                      config.listen.admin = r.asAddress(n, k);
                                      adminListenNode = &n;
                                  }},
                             });
             }},
            {"upstream",
             [&](const toml::node& node, const std::string& key) {
                 UpstreamConfig& u = config.upstream;
                 r.readTable(
                     r.asTable(node, key), key,
                     {
                         {"url",
                          [&](const toml::node& n, const std::string& k) {
                              u.url = r.asString(n, k);
                              if (!validUrl(u.url)) {
                                  r.fail(n.source(), k,
                                         "'" + k + "' must be an http:// or https:// URL with a host (got '" + u.url
                                             + "')");
                              }
                          }},
                         {"api_key",
                          [&](const toml::node& n, const std::string& k) {
                              u.apiKey = r.asNonEmptyString(n, k);
                              apiKeyNode = &n;
                          }},
                         {"api_key_env",
                          [&](const toml::node& n, const std::string& k) {
                              u.apiKeyEnv = r.asNonEmptyString(n, k);
                              apiKeyEnvNode = &n;
                          }},
                         {"connect_timeout_ms",
                          [&](const toml::node& n, const std::string& k) {
                              u.connectTimeout = std::chrono::milliseconds(r.asInteger(n, k, 1, kMaxTimeoutMs));
                          }},
                         {"first_byte_timeout_ms",
                          [&](const toml::node& n, const std::string& k) {
                              u.firstByteTimeout = std::chrono::milliseconds(r.asInteger(n, k, 1, kMaxTimeoutMs));
                          }},
                         {"idle_timeout_ms",
                          [&](const toml::node& n, const std::string& k) {
                              u.idleTimeout = std::chrono::milliseconds(r.asInteger(n, k, 1, kMaxTimeoutMs));
                          }},
                         {"ca_file",
                          [&](const toml::node& n, const std::string& k) { u.caFile = r.asNonEmptyString(n, k); }},
                         {"verify", [&](const toml::node& n, const std::string& k) { u.verify = r.asBool(n, k); }},
                     });
             }},
            {"admin_tls",
             [&](const toml::node& node, const std::string& key) {
                 AdminTlsConfig& t = config.adminTls;
                 adminTlsNode = &node;
                 r.readTable(
                     r.asTable(node, key), key,
                     {
                         {"cert",
                          [&](const toml::node& n, const std::string& k) { t.certFile = r.asNonEmptyString(n, k); }},
                         {"key",
                          [&](const toml::node& n, const std::string& k) { t.keyFile = r.asNonEmptyString(n, k); }},
                         {"client_ca", [&](const toml::node& n,
                                           const std::string& k) { t.clientCaFile = r.asNonEmptyString(n, k); }},
                     });
             }},
            {"database",
             [&](const toml::node& node, const std::string& key) {
                 r.readTable(
                     r.asTable(node, key), key,
                     {
                         {"path", [&](const toml::node& n,
                                      const std::string& k) { config.database.path = r.asNonEmptyString(n, k); }},
                     });
             }},
            {"limits",
             [&](const toml::node& node, const std::string& key) {
                 LimitsConfig& l = config.limits;
                 r.readTable(r.asTable(node, key), key,
                             {
                                 {"max_body_bytes",
                                  [&](const toml::node& n, const std::string& k) {
                                      l.maxBodyBytes =
                                          static_cast<std::size_t>(r.asInteger(n, k, 1, 1024LL * 1024 * 1024));
                                  }},
                                 {"max_connections",
                                  [&](const toml::node& n, const std::string& k) {
                                      l.maxConnections = static_cast<std::size_t>(r.asInteger(n, k, 1, 1'000'000));
                                  }},
                                 {"threads",
                                  [&](const toml::node& n, const std::string& k) {
                                      l.threads = static_cast<unsigned>(r.asInteger(n, k, 0, 1024));
                                  }},
                             });
             }},
            {"watermark",
             [&](const toml::node& node, const std::string& key) {
                 r.readTable(r.asTable(node, key), key,
                             {
                                 {"gateway_id",
                                  [&](const toml::node& n, const std::string& k) {
                                      std::string id = r.asString(n, k);
                                      if (!validGatewayId(id)) {
                                          r.fail(n.source(), k,
                                                 "'" + k + "' must be 1 to 64 characters of A-Z a-z 0-9 . _ -");
                                      }
                                      config.watermark.gatewayId = std::move(id);
                                  }},
                             });
             }},
            {"jwt",
             [&](const toml::node& node, const std::string& key) {
                 JwtConfig& j = config.jwt;
                 jwtNode = &node;
                 r.readTable(r.asTable(node, key), key,
                             {
                                 {"jwks_file", [&](const toml::node& n,
                                                   const std::string& k) { j.jwksFile = r.asNonEmptyString(n, k); }},
                                 {"client_claim",
                                  [&](const toml::node& n, const std::string& k) {
                                      j.clientClaim = r.asString(n, k);
                                      if (!validClaimPath(j.clientClaim)) {
                                          r.fail(n.source(), k,
                                                 "'" + k + "' must be a claim name or a dotted path like 'org.client'");
                                      }
                                  }},
                                 {"issuer", [&](const toml::node& n,
                                                const std::string& k) { j.issuer = r.asNonEmptyString(n, k); }},
                                 {"audience", [&](const toml::node& n,
                                                  const std::string& k) { j.audience = r.asNonEmptyString(n, k); }},
                                 {"algorithms",
                                  [&](const toml::node& n, const std::string& k) {
                                      j.algorithms = r.asStringArray(n, k);
                                      if (j.algorithms.empty()) {
                                          r.fail(n.source(), k, "'" + k + "' must name at least one algorithm");
                                      }
                                      for (const auto& alg : j.algorithms) {
                                          if (const auto problem = algorithmProblem(alg); !problem.empty()) {
                                              r.fail(n.source(), k, "'" + k + "': " + problem);
                                          }
                                      }
                                  }},
                                 {"leeway_seconds",
                                  [&](const toml::node& n, const std::string& k) {
                                      j.leewaySeconds = r.asInteger(n, k, 0, 3600);
                                  }},
                                 {"max_token_bytes",
                                  [&](const toml::node& n, const std::string& k) {
                                      j.maxTokenBytes = static_cast<std::size_t>(r.asInteger(n, k, 256, 65536));
                                  }},
                             });
             }},
        });

    if (jwtNode != nullptr && config.jwt.jwksFile.empty()) {
        r.fail(jwtNode->source(), "jwt.jwks_file", "'jwt' needs 'jwks_file' (the JSON Web Key Set to verify with)");
    }
    if (apiKeyNode != nullptr && apiKeyEnvNode != nullptr) {
        r.fail(apiKeyEnvNode->source(), "upstream.api_key_env",
               "'upstream.api_key' and 'upstream.api_key_env' exclude each other: give one");
    }
    if (apiKeyEnvNode != nullptr) {
        const char* value = std::getenv(config.upstream.apiKeyEnv.c_str());
        if (value == nullptr || *value == '\0') {
            r.fail(apiKeyEnvNode->source(), "upstream.api_key_env",
                   "environment variable '" + config.upstream.apiKeyEnv
                       + "' named by 'upstream.api_key_env' is not set or empty");
        }
        config.upstream.apiKey = value;
    }
    if (adminTlsNode != nullptr) {
        const AdminTlsConfig& t = config.adminTls;
        if (t.certFile.empty() != t.keyFile.empty()) {
            r.fail(adminTlsNode->source(), t.certFile.empty() ? "admin_tls.cert" : "admin_tls.key",
                   "'admin_tls' needs both 'cert' and 'key'");
        }
        if (!t.clientCaFile.empty() && t.certFile.empty()) {
            r.fail(adminTlsNode->source(), "admin_tls.client_ca",
                   "'admin_tls.client_ca' (mTLS) needs 'admin_tls.cert' and 'admin_tls.key'");
        }
    }
    if (adminListenNode != nullptr && config.listen.admin.port != 0 && config.listen.admin == config.listen.data) {
        r.fail(adminListenNode->source(), "listen.admin", "'listen.admin' must differ from 'listen.data'");
    }
    return config;
}

std::string resolveAgainst(const std::filesystem::path& base, const std::string& path)
{
    if (path.empty() || std::filesystem::path(path).is_absolute()) {
        return path;
    }
    return (base / path).lexically_normal().string();
}

} // namespace

ConfigError::ConfigError(std::string file, std::uint32_t line, std::uint32_t column, std::string key,
                         const std::string& message)
    : std::runtime_error(positionText(file, line, column) + ": " + message)
    , file_(std::move(file))
    , line_(line)
    , column_(line == 0 ? 0 : column)
    , key_(std::move(key))
{ }

std::string ListenAddress::toString() const
{
    if (host.find(':') != std::string::npos) {
        return "[" + host + "]:" + std::to_string(port);
    }
    return host + ":" + std::to_string(port);
}

ListenAddress parseListenAddress(std::string_view text)
{
    const std::string shown = "'" + std::string(text) + "'";
    std::string_view host;
    std::string_view portText;
    if (text.starts_with('[')) {
        const std::size_t close = text.find(']');
        if (close == std::string_view::npos || close + 1 >= text.size() || text[close + 1] != ':') {
            throw std::invalid_argument("address " + shown + " must look like [IPv6]:port");
        }
        host = text.substr(1, close - 1);
        portText = text.substr(close + 2);
        in6_addr v6 {};
        if (inet_pton(AF_INET6, std::string(host).c_str(), &v6) != 1) {
            throw std::invalid_argument("address " + shown + ": '" + std::string(host) + "' is not an IPv6 address");
        }
    } else {
        const std::size_t colon = text.rfind(':');
        if (colon == std::string_view::npos) {
            throw std::invalid_argument("address " + shown + " must look like host:port");
        }
        host = text.substr(0, colon);
        portText = text.substr(colon + 1);
        if (host.find(':') != std::string_view::npos) {
            throw std::invalid_argument("address " + shown + ": write IPv6 addresses in brackets, e.g. [::1]:8080");
        }
        if (host.empty()) {
            throw std::invalid_argument("address " + shown + " has no host");
        }
        const bool numeric = host.find_first_not_of("0123456789.") == std::string_view::npos;
        in_addr v4 {};
        if (numeric && inet_pton(AF_INET, std::string(host).c_str(), &v4) != 1) {
            throw std::invalid_argument("address " + shown + ": '" + std::string(host) + "' is not an IPv4 address");
        }
        if (!numeric) {
            for (const char c : host) {
                const bool ok =
                    (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.';
                if (!ok || host.size() > 253) {
                    throw std::invalid_argument("address " + shown + ": '" + std::string(host)
                                                + "' is not a host name");
                }
            }
        }
    }
    unsigned port = 0;
    const auto [end, error] = std::from_chars(portText.data(), portText.data() + portText.size(), port);
    if (portText.empty() || error != std::errc {} || end != portText.data() + portText.size() || port > 65535) {
        throw std::invalid_argument("address " + shown + ": port must be a number from 0 to 65535");
    }
    return ListenAddress {std::string(host), static_cast<std::uint16_t>(port)};
}

GatewayConfig parseGatewayConfig(std::string_view text, std::string_view sourceName)
{
    Reader reader {std::string(sourceName)};
    toml::table root;
    try {
        root = toml::parse(text, std::string(sourceName));
    } catch (const toml::parse_error& e) {
        throw ConfigError(reader.file(), e.source().begin.line, e.source().begin.column, {},
                          std::string(e.description()));
    }
    return parseDocument(root, reader);
}

GatewayConfig loadGatewayConfig(const std::string& tomlPath)
{
    std::ifstream in(tomlPath, std::ios::binary);
    if (!in) {
        throw ConfigError(tomlPath, 0, 0, {}, "cannot open the configuration file");
    }
    std::ostringstream content;
    content << in.rdbuf();
    if (in.bad()) {
        throw ConfigError(tomlPath, 0, 0, {}, "cannot read the configuration file");
    }
    GatewayConfig config = parseGatewayConfig(content.str(), tomlPath);
    const std::filesystem::path base = std::filesystem::path(tomlPath).parent_path();
    config.upstream.caFile = resolveAgainst(base, config.upstream.caFile);
    config.adminTls.certFile = resolveAgainst(base, config.adminTls.certFile);
    config.adminTls.keyFile = resolveAgainst(base, config.adminTls.keyFile);
    config.adminTls.clientCaFile = resolveAgainst(base, config.adminTls.clientCaFile);
    config.jwt.jwksFile = resolveAgainst(base, config.jwt.jwksFile);
    if (config.database.path != ":memory:" && !config.database.path.starts_with("file:")) {
        config.database.path = resolveAgainst(base, config.database.path);
    }
    return config;
}

void validateGatewayConfig(const GatewayConfig& config, std::string_view sourceName)
{
    if (config.upstream.url.empty()) {
        throw ConfigError(std::string(sourceName), 0, 0, "upstream.url", "no upstream URL ('upstream.url')");
    }
    if (!validUrl(config.upstream.url)) {
        throw ConfigError(std::string(sourceName), 0, 0, "upstream.url",
                          "'upstream.url' must be an http:// or https:// URL with a host (got '" + config.upstream.url
                              + "')");
    }
    if (config.database.path.empty()) {
        throw ConfigError(std::string(sourceName), 0, 0, "database.path", "no database file ('database.path')");
    }
}

} // namespace modelguard::gateway
