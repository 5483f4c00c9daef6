#pragma once
// modelguard-gateway as an object: the data plane (OpenAI-compatible proxy with keys, limits, quotas, output and
// watermark policies, extraction-risk scoring) and the admin plane (REST, event stream, metrics) over one SQLite
// store. app/gateway/main.cpp only parses the configuration and runs one of these; tests run it in-process or as
// the real binary. No Beast and no Boost.JSON in this header.

#include "services/common/HttpClient.h"
#include "services/common/ServerConfig.h"
#include "services/gateway/auth/JwtVerifier.h"

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>

namespace modelguard::gateway {

struct GatewayOptions
{
    http::ServerConfig data;  ///< data-plane listener (OpenAI-compatible API)
    http::ServerConfig admin; ///< admin listener (REST, events, metrics); its own TLS/mTLS settings
    std::string upstreamUrl;  ///< e.g. "http://127.0.0.1:9000" or "https://api.openai.com"
    std::string upstreamKey;  ///< sent upstream as "Authorization: Bearer ..."; empty = none
    http::ClientConfig upstream;
    std::string databasePath;              ///< SQLite file (created if missing)
    std::string gatewayId;                 ///< empty = the stored one, or a new random id on first start
    std::string riskSecret;                ///< salts the risk engine's prompt sketches; empty = derived from the store
    std::chrono::milliseconds tick {1000}; ///< usage flush / event batching interval
    auth::JwtOptions jwt;                  ///< JWT bearer tokens on the data plane; off unless jwt.jwksFile is set
};

class Gateway
{
public:
    /// Opens the store (throws std::runtime_error with a clear message on failure), loads the JWKS file when JWT
    /// bearer tokens are configured (same), and prepares both listeners.
    explicit Gateway(GatewayOptions options);
    ~Gateway();
    Gateway(const Gateway&) = delete;
    Gateway& operator=(const Gateway&) = delete;

    /// Binds both listeners and starts serving; throws std::runtime_error if a port cannot be bound.
    void start();
    /// Graceful stop: both listeners, then a last flush of usage to the store. Idempotent.
    void stop();

    std::uint16_t dataPort() const;
    std::uint16_t adminPort() const;
    const std::string& gatewayId() const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

/// Creates an admin token in the database at `path` (creating it if needed); returns the token, shown once.
std::string bootstrapAdminToken(const std::string& databasePath, const std::string& name, const std::string& role);

} // namespace modelguard::gateway
