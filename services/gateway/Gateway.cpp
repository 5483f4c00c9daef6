// Composition of the gateway: store + core state, the upstream client, both listeners and the one-second tick.
#include "services/gateway/Gateway.h"

#include "services/common/HttpServer.h"
#include "services/gateway/detail/Core.h"
#include "services/gateway/detail/Planes.h"

#include <condition_variable>
#include <mutex>
#include <stdexcept>
#include <thread>

namespace modelguard::gateway {

struct Gateway::Impl
{
    GatewayOptions options;
    std::unique_ptr<detail::Core> core;
    std::unique_ptr<http::HttpClient> upstream;
    std::shared_ptr<void> adminApi;
    std::unique_ptr<http::HttpServer> dataServer;
    std::unique_ptr<http::HttpServer> adminServer;

    std::mutex tickMutex;
    std::condition_variable tickWake;
    bool stopping = false;
    std::thread ticker;
    bool started = false;
    bool stopped = false;

    void tickLoop()
    {
        std::unique_lock lock(tickMutex);
        while (!stopping) {
            tickWake.wait_for(lock, options.tick, [this] { return stopping; });
            if (stopping) {
                break;
            }
            lock.unlock();
            try {
                core->tick(detail::nowMs());
            } catch (const std::exception&) {
                // A failing store write (disk full) must not stop the gateway; the next tick retries what is left
                // and /metrics shows the failure.
                core->metrics()
                    .counter("modelguard_store_errors_total", "Failed writes to the state database", {})
                    .inc();
            }
            lock.lock();
        }
    }
};

Gateway::Gateway(GatewayOptions options)
    : m_impl(std::make_unique<Impl>())
{
    m_impl->options = std::move(options);
    auto& o = m_impl->options;
    if (o.upstreamUrl.empty()) {
        throw std::runtime_error("no upstream configured: give the base URL of an OpenAI-compatible API");
    }
    auto store = GatewayStore::open(o.databasePath);
    m_impl->core = std::make_unique<detail::Core>(std::move(store), o.gatewayId, o.riskSecret);
    if (o.jwt.enabled()) {
        try {
            m_impl->core->setJwt(std::make_unique<auth::JwtVerifier>(o.jwt));
        } catch (const std::invalid_argument& e) {
            throw std::runtime_error(std::string("JWT configuration: ") + e.what());
        }
    }
    try {
        m_impl->upstream = std::make_unique<http::HttpClient>(o.upstreamUrl, o.upstream);
    } catch (const std::invalid_argument& e) {
        throw std::runtime_error(std::string("invalid upstream URL: ") + e.what());
    }

    http::Router dataRouter;
    detail::registerDataPlane(dataRouter, *m_impl->core, *m_impl->upstream, o.upstreamKey);
    http::Router adminRouter;
    m_impl->adminApi = detail::registerAdminApi(adminRouter, *m_impl->core);
    o.data.serverName = "modelguard-gateway";
    o.admin.serverName = "modelguard-gateway";
    m_impl->dataServer = std::make_unique<http::HttpServer>(o.data, std::move(dataRouter));
    m_impl->adminServer = std::make_unique<http::HttpServer>(o.admin, std::move(adminRouter));
}

Gateway::~Gateway()
{
    stop();
}

void Gateway::start()
{
    if (m_impl->started) {
        return;
    }
    m_impl->adminServer->start();
    m_impl->dataServer->start();
    m_impl->started = true;
    m_impl->ticker = std::thread([this] { m_impl->tickLoop(); });
}

void Gateway::stop()
{
    if (!m_impl->started || m_impl->stopped) {
        return;
    }
    m_impl->stopped = true;
    m_impl->dataServer->stop();
    m_impl->adminServer->stop();
    {
        std::lock_guard lock(m_impl->tickMutex);
        m_impl->stopping = true;
    }
    m_impl->tickWake.notify_all();
    m_impl->ticker.join();
    m_impl->core->flush(detail::nowMs());
}

std::uint16_t Gateway::dataPort() const
{
    return m_impl->dataServer->port();
}

std::uint16_t Gateway::adminPort() const
{
    return m_impl->adminServer->port();
}

const std::string& Gateway::gatewayId() const
{
    return m_impl->core->gatewayId();
}

std::string bootstrapAdminToken(const std::string& databasePath, const std::string& name, const std::string& role)
{
    auto store = GatewayStore::open(databasePath);
    AdminTokens tokens(*store);
    return tokens.create(name, role, detail::nowMs()).second;
}

} // namespace modelguard::gateway
