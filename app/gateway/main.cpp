// modelguard-gateway: the AI gateway daemon. Configuration from a TOML file (docs/gateway.md) and/or flags; flags
// win. `bootstrap-token` creates the first admin token in the state database.
#include "services/gateway/Gateway.h"
#include "services/gateway/support/GatewayConfig.h"

#include <CLI/CLI.hpp>

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <thread>

#include <pthread.h>
#include <unistd.h>

namespace {

using modelguard::gateway::GatewayOptions;

/// "host:port" or "[v6]:port" -> address and port; throws CLI::ValidationError.
void parseListen(const std::string& text, modelguard::http::ServerConfig& out, const std::string& flag)
{
    auto colon = text.rfind(':');
    if (colon == std::string::npos || colon + 1 == text.size()) {
        throw CLI::ValidationError(flag, "expected HOST:PORT, got '" + text + "'");
    }
    std::string host = text.substr(0, colon);
    if (host.size() >= 2 && host.front() == '[' && host.back() == ']') {
        host = host.substr(1, host.size() - 2);
    }
    int port = -1;
    try {
        std::size_t used = 0;
        port = std::stoi(text.substr(colon + 1), &used);
        if (used != text.size() - colon - 1) {
            port = -1;
        }
    } catch (const std::exception&) {
        port = -1;
    }
    if (port < 0 || port > 65535 || host.empty()) {
        throw CLI::ValidationError(flag, "expected HOST:PORT with a port from 0 to 65535, got '" + text + "'");
    }
    out.address = host;
    out.port = static_cast<std::uint16_t>(port);
}

/// The configuration file's settings onto the daemon's options (flags are applied afterwards and win).
void applyConfig(const modelguard::gateway::GatewayConfig& c, GatewayOptions& o)
{
    o.data.address = c.listen.data.host;
    o.data.port = c.listen.data.port;
    o.admin.address = c.listen.admin.host;
    o.admin.port = c.listen.admin.port;
    o.upstreamUrl = c.upstream.url;
    o.upstreamKey = c.upstream.apiKey;
    o.upstream.connectTimeout = c.upstream.connectTimeout;
    o.upstream.firstByteTimeout = c.upstream.firstByteTimeout;
    o.upstream.idleTimeout = c.upstream.idleTimeout;
    o.upstream.caFile = c.upstream.caFile;
    o.upstream.verifyPeer = c.upstream.verify;
    o.admin.tls.certFile = c.adminTls.certFile;
    o.admin.tls.keyFile = c.adminTls.keyFile;
    o.admin.tls.clientCaFile = c.adminTls.clientCaFile;
    if (!c.database.path.empty()) {
        o.databasePath = c.database.path;
    }
    o.data.maxBodyBytes = c.limits.maxBodyBytes;
    o.data.maxConnections = c.limits.maxConnections;
    if (c.limits.threads > 0) {
        o.data.threads = c.limits.threads;
    }
    if (c.watermark.gatewayId) {
        o.gatewayId = *c.watermark.gatewayId;
    }
    o.jwt.jwksFile = c.jwt.jwksFile;
    o.jwt.clientClaim = c.jwt.clientClaim;
    o.jwt.issuer = c.jwt.issuer;
    o.jwt.audience = c.jwt.audience;
    o.jwt.algorithms = c.jwt.algorithms;
    o.jwt.leewaySeconds = c.jwt.leewaySeconds;
    o.jwt.maxTokenBytes = c.jwt.maxTokenBytes;
}

void writeReadyFile(const std::string& path, const modelguard::gateway::Gateway& gateway)
{
    const auto tmp = path + ".tmp";
    {
        std::ofstream f(tmp, std::ios::trunc);
        f << "{\"data_port\":" << gateway.dataPort() << ",\"admin_port\":" << gateway.adminPort()
          << ",\"gateway_id\":\"" << gateway.gatewayId() << "\",\"pid\":" << ::getpid() << "}\n";
        if (!f) {
            throw std::runtime_error("cannot write the ready file " + tmp);
        }
    }
    std::filesystem::rename(tmp, path);
}

} // namespace

int main(int argc, char** argv)
{
    CLI::App app {"modelguard-gateway: AI gateway with keys, limits, quotas, output policy, watermarking and "
                  "extraction-risk scoring in front of an OpenAI-compatible API"};
    app.set_version_flag("--version", "modelguard-gateway 0.1.0");

    std::string configFile;
    std::string listen, adminListen, upstream, upstreamKey, db, readyFile;
    std::string adminCert, adminKey, adminClientCa, upstreamCa;
    std::string jwtJwksFile, jwtClientClaim, jwtIssuer, jwtAudience;
    bool insecureUpstream = false;
    unsigned threads = 0;
    long connectTimeoutMs = -1, firstByteTimeoutMs = -1, idleTimeoutMs = -1;
    long long maxBodyBytes = -1;
    app.add_option("--config", configFile, "TOML configuration file (see docs/gateway.md)")->check(CLI::ExistingFile);
    app.add_option("--listen", listen, "data-plane listener HOST:PORT (default 127.0.0.1:8080)");
    app.add_option("--admin-listen", adminListen, "admin listener HOST:PORT (default 127.0.0.1:8081)");
    app.add_option("--upstream", upstream, "base URL of the OpenAI-compatible upstream API");
    app.add_option("--upstream-key", upstreamKey, "API key sent upstream (prefer the config's api_key_env)");
    app.add_option("--upstream-ca", upstreamCa, "extra CA bundle (PEM) to verify the upstream's certificate");
    app.add_flag("--insecure-upstream", insecureUpstream,
                 "do not verify the upstream's TLS certificate (testing only)");
    app.add_option("--db", db, "state database (SQLite; created if missing)");
    app.add_option("--admin-tls-cert", adminCert, "admin listener TLS certificate chain (PEM)");
    app.add_option("--admin-tls-key", adminKey, "admin listener TLS private key (PEM)");
    app.add_option("--admin-client-ca", adminClientCa, "require client certificates signed by this CA (mTLS)");
    app.add_option("--upstream-connect-timeout-ms", connectTimeoutMs, "upstream connect + TLS handshake deadline")
        ->check(CLI::Range(1L, 600'000L));
    app.add_option("--upstream-first-byte-timeout-ms", firstByteTimeoutMs, "upstream response head deadline")
        ->check(CLI::Range(1L, 3'600'000L));
    app.add_option("--upstream-idle-timeout-ms", idleTimeoutMs, "largest gap between two upstream body reads")
        ->check(CLI::Range(1L, 3'600'000L));
    app.add_option("--max-body-bytes", maxBodyBytes, "largest request body of the data plane (413 beyond)")
        ->check(CLI::Range(1024LL, 64LL * 1024 * 1024));
    app.add_option("--threads", threads, "worker threads of the data plane (default: hardware threads)");
    app.add_option("--ready-file", readyFile, "write the bound ports as JSON to this file once listening");
    app.add_option("--jwt-jwks-file", jwtJwksFile, "accept JWT bearer tokens signed by the keys of this JWKS file")
        ->check(CLI::ExistingFile);
    app.add_option("--jwt-client-claim", jwtClientClaim, "JWT claim naming the client (default sub; a.b = nested)");
    app.add_option("--jwt-issuer", jwtIssuer, "required JWT issuer (iss)");
    app.add_option("--jwt-audience", jwtAudience, "required JWT audience (aud)");

    auto* bootstrap = app.add_subcommand("bootstrap-token", "create an admin token (printed once) in the database");
    std::string tokenDb, tokenName = "bootstrap", tokenRole = "admin";
    bootstrap->add_option("--db", tokenDb, "state database")->required();
    bootstrap->add_option("--name", tokenName, "a name for the token");
    bootstrap->add_option("--role", tokenRole, "admin or viewer")->check(CLI::IsMember({"admin", "viewer"}));

    CLI11_PARSE(app, argc, argv);

    try {
        if (bootstrap->parsed()) {
            std::cout << modelguard::gateway::bootstrapAdminToken(tokenDb, tokenName, tokenRole) << "\n";
            return 0;
        }

        GatewayOptions options;
        options.data.address = "127.0.0.1";
        options.data.port = 8080;
        options.admin.address = "127.0.0.1";
        options.admin.port = 8081;
        options.admin.threads = 1;
        options.data.threads = std::max(1u, std::thread::hardware_concurrency());
        options.databasePath = "modelguard-gateway.db";
        options.data.maxBodyBytes = 4 * 1024 * 1024;
        if (!configFile.empty()) {
            applyConfig(modelguard::gateway::loadGatewayConfig(configFile), options);
        }
        if (!listen.empty()) {
            parseListen(listen, options.data, "--listen");
        }
        if (!adminListen.empty()) {
            parseListen(adminListen, options.admin, "--admin-listen");
        }
        if (!upstream.empty()) {
            options.upstreamUrl = upstream;
        }
        if (!upstreamKey.empty()) {
            options.upstreamKey = upstreamKey;
        }
        if (!upstreamCa.empty()) {
            options.upstream.caFile = upstreamCa;
        }
        if (insecureUpstream) {
            options.upstream.verifyPeer = false;
        }
        if (!db.empty()) {
            options.databasePath = db;
        }
        if (!adminCert.empty() || !adminKey.empty()) {
            options.admin.tls.certFile = adminCert;
            options.admin.tls.keyFile = adminKey;
        }
        if (!adminClientCa.empty()) {
            options.admin.tls.clientCaFile = adminClientCa;
        }
        if (threads > 0) {
            options.data.threads = threads;
        }
        if (connectTimeoutMs > 0) {
            options.upstream.connectTimeout = std::chrono::milliseconds(connectTimeoutMs);
        }
        if (firstByteTimeoutMs > 0) {
            options.upstream.firstByteTimeout = std::chrono::milliseconds(firstByteTimeoutMs);
        }
        if (idleTimeoutMs > 0) {
            options.upstream.idleTimeout = std::chrono::milliseconds(idleTimeoutMs);
        }
        if (maxBodyBytes > 0) {
            options.data.maxBodyBytes = static_cast<std::size_t>(maxBodyBytes);
        }
        if (!jwtJwksFile.empty()) {
            options.jwt.jwksFile = jwtJwksFile;
        }
        if (!jwtClientClaim.empty()) {
            options.jwt.clientClaim = jwtClientClaim;
        }
        if (!jwtIssuer.empty()) {
            options.jwt.issuer = jwtIssuer;
        }
        if (!jwtAudience.empty()) {
            options.jwt.audience = jwtAudience;
        }
        if (!options.jwt.enabled() && (!jwtClientClaim.empty() || !jwtIssuer.empty() || !jwtAudience.empty())) {
            throw std::runtime_error("--jwt-client-claim, --jwt-issuer and --jwt-audience need a JWKS file "
                                     "(--jwt-jwks-file or [jwt] jwks_file)");
        }

        // Signals are taken by sigwait below; block them before any thread starts.
        sigset_t signals;
        sigemptyset(&signals);
        sigaddset(&signals, SIGINT);
        sigaddset(&signals, SIGTERM);
        pthread_sigmask(SIG_BLOCK, &signals, nullptr);

        modelguard::gateway::Gateway gateway(options);
        gateway.start();
        std::cerr << "modelguard-gateway " << gateway.gatewayId() << ": data plane on " << options.data.address << ":"
                  << gateway.dataPort() << ", admin on " << options.admin.address << ":" << gateway.adminPort()
                  << ", upstream " << options.upstreamUrl << "\n";
        if (!readyFile.empty()) {
            writeReadyFile(readyFile, gateway);
        }
        int signal = 0;
        sigwait(&signals, &signal);
        std::cerr << "modelguard-gateway: stopping\n";
        gateway.stop();
        return 0;
    } catch (const std::exception& e) {
        std::cerr << "modelguard-gateway: " << e.what() << "\n";
        return 1;
    }
}
