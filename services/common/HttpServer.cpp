// Listener, worker threads and graceful shutdown. See HttpSession.cpp for the per-connection protocol.
#include "services/common/HttpServer.h"

#include "services/common/detail/HttpSession.h"
#include "services/common/detail/ServerState.h"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <algorithm>
#include <cstdio>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <thread>
#include <vector>

namespace modelguard::http {

namespace net = boost::asio;
using tcp = net::ip::tcp;

namespace {

net::awaitable<void> acceptLoop(std::shared_ptr<detail::ServerState> state, net::io_context& ioc,
                                tcp::acceptor& acceptor)
{
    for (;;) {
        auto [ec, socket] = co_await acceptor.async_accept(net::make_strand(ioc), net::as_tuple(net::use_awaitable));
        if (!acceptor.is_open() || state->draining) {
            break;
        }
        if (ec) {
            // Out of descriptors and similar: back off briefly instead of spinning.
            net::steady_timer pause(co_await net::this_coro::executor, std::chrono::milliseconds(20));
            co_await pause.async_wait(net::as_tuple(net::use_awaitable));
            continue;
        }
        state->accepted.fetch_add(1);
        if (state->activeSessions() >= state->config.maxConnections) {
            boost::system::error_code ignored;
            socket.close(ignored);
            continue;
        }
        // Responses and stream chunks are written whole; Nagle's algorithm would only delay SSE events.
        boost::system::error_code ignored;
        socket.set_option(tcp::no_delay(true), ignored);
        detail::HttpSession::launch(state, tcp::socket(std::move(socket)));
    }
}

/// The server's TLS context: TLS 1.2+, the certificate chain and key, and for mTLS the client CA with verification
/// required. Throws std::runtime_error naming the file that cannot be used.
std::shared_ptr<net::ssl::context> makeServerTlsContext(const TlsServerOptions& tls)
{
    if (tls.keyFile.empty()) {
        throw std::runtime_error("TLS certificate '" + tls.certFile + "' given without a private key file");
    }
    auto context = std::make_shared<net::ssl::context>(net::ssl::context::tls_server);
    context->set_options(net::ssl::context::default_workarounds | net::ssl::context::no_sslv2
                         | net::ssl::context::no_sslv3 | net::ssl::context::no_tlsv1 | net::ssl::context::no_tlsv1_1
                         | net::ssl::context::single_dh_use);
    boost::system::error_code ec;
    context->use_certificate_chain_file(tls.certFile, ec);
    if (ec) {
        throw std::runtime_error("cannot load TLS certificate chain '" + tls.certFile + "': " + ec.message());
    }
    context->use_private_key_file(tls.keyFile, net::ssl::context::pem, ec);
    if (ec) {
        throw std::runtime_error("cannot load TLS private key '" + tls.keyFile + "': " + ec.message());
    }
    if (!tls.clientCaFile.empty()) {
        context->load_verify_file(tls.clientCaFile, ec);
        if (ec) {
            throw std::runtime_error("cannot load TLS client CA '" + tls.clientCaFile + "': " + ec.message());
        }
        context->set_verify_mode(net::ssl::verify_peer | net::ssl::verify_fail_if_no_peer_cert, ec);
    }
    return context;
}

} // namespace

struct HttpServer::Impl
{
    Impl(ServerConfig config, Router router)
        : state(std::make_shared<detail::ServerState>(std::move(config), std::move(router)))
        , ioc(static_cast<int>(std::max(1u, state->config.threads)))
        , acceptor(net::make_strand(ioc))
    { }

    std::shared_ptr<detail::ServerState> state;
    net::io_context ioc; // declared before everything that uses it, destroyed after
    tcp::acceptor acceptor;
    std::optional<net::executor_work_guard<net::io_context::executor_type>> work;
    std::vector<std::thread> threads;
    std::uint16_t port = 0;
    std::mutex lifecycle;
    bool started = false;
    bool stopped = false;
};

HttpServer::HttpServer(ServerConfig config, Router router)
    : m_impl(std::make_unique<Impl>(std::move(config), std::move(router)))
{ }

HttpServer::~HttpServer()
{
    stop();
}

void HttpServer::start()
{
    std::lock_guard lock(m_impl->lifecycle);
    if (m_impl->started) {
        throw std::logic_error("HttpServer::start called twice");
    }
    const ServerConfig& config = m_impl->state->config;
    if (!config.tls.certFile.empty()) {
        m_impl->state->tls = makeServerTlsContext(config.tls);
    } else if (!config.tls.keyFile.empty() || !config.tls.clientCaFile.empty()) {
        throw std::runtime_error("TLS key or client CA given without a certificate file");
    }
    boost::system::error_code ec;
    const net::ip::address address = net::ip::make_address(config.address, ec);
    if (ec) {
        throw std::runtime_error("invalid listen address '" + config.address + "'");
    }
    const tcp::endpoint endpoint(address, config.port);
    tcp::acceptor& acceptor = m_impl->acceptor;
    acceptor.open(endpoint.protocol(), ec);
    if (!ec) {
        acceptor.set_option(net::socket_base::reuse_address(true), ec);
    }
    if (!ec) {
        acceptor.bind(endpoint, ec);
    }
    if (!ec) {
        acceptor.listen(net::socket_base::max_listen_connections, ec);
    }
    if (ec) {
        throw std::runtime_error("cannot listen on " + config.address + ":" + std::to_string(config.port) + ": "
                                 + ec.message());
    }
    m_impl->port = acceptor.local_endpoint().port();
    m_impl->started = true;
    net::co_spawn(acceptor.get_executor(), acceptLoop(m_impl->state, m_impl->ioc, acceptor), net::detached);
    m_impl->work.emplace(m_impl->ioc.get_executor());
    for (unsigned i = 0; i < std::max(1u, config.threads); ++i) {
        m_impl->threads.emplace_back([impl = m_impl.get()] {
            for (;;) {
                try {
                    impl->ioc.run();
                    return;
                } catch (const std::exception& e) {
                    std::fprintf(stderr, "http worker: %s\n", e.what());
                }
            }
        });
    }
}

void HttpServer::stop()
{
    std::lock_guard lock(m_impl->lifecycle);
    if (!m_impl->started || m_impl->stopped) {
        return;
    }
    m_impl->stopped = true;
    detail::ServerState& state = *m_impl->state;
    state.draining = true;
    net::post(m_impl->acceptor.get_executor(), [impl = m_impl.get()] {
        boost::system::error_code ignored;
        impl->acceptor.close(ignored);
    });
    state.forEachSession([](const std::shared_ptr<detail::HttpSession>& session) { session->drain(); });
    if (!state.waitUntilIdle(state.config.gracePeriod)) {
        state.forEachSession([](const std::shared_ptr<detail::HttpSession>& session) { session->cut(); });
        state.waitUntilIdle(std::chrono::seconds(2));
    }
    m_impl->work.reset();
    m_impl->ioc.stop();
    for (std::thread& thread : m_impl->threads) {
        thread.join();
    }
    m_impl->threads.clear();
}

std::uint16_t HttpServer::port() const
{
    return m_impl->port;
}

const std::string& HttpServer::address() const
{
    return m_impl->state->config.address;
}

std::size_t HttpServer::activeSessions() const
{
    return m_impl->state->activeSessions();
}

std::uint64_t HttpServer::acceptedSessions() const
{
    return m_impl->state->accepted.load();
}

} // namespace modelguard::http
