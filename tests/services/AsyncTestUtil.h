#pragma once
// Runs a coroutine to completion on a fresh io_context (optionally several threads) for the client tests, bounded
// in time so that a hang fails the test instead of blocking the suite.

#include <boost/asio/awaitable.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/use_future.hpp>

#include <chrono>
#include <functional>
#include <stdexcept>
#include <thread>
#include <vector>

namespace modelguard::test {

/// co_spawns body() on a new io_context run by `threads` threads, waits at most `limit`, returns its result.
template <class T>
T runAsync(std::function<boost::asio::awaitable<T>()> body, unsigned threads = 1,
           std::chrono::milliseconds limit = std::chrono::seconds(20))
{
    boost::asio::io_context ioc(static_cast<int>(threads));
    auto future = boost::asio::co_spawn(ioc, std::move(body), boost::asio::use_future);
    std::vector<std::thread> workers;
    for (unsigned i = 1; i < threads; ++i) {
        workers.emplace_back([&ioc, limit] { ioc.run_for(limit); });
    }
    ioc.run_for(limit);
    for (std::thread& worker : workers) {
        worker.join();
    }
    if (future.wait_for(std::chrono::seconds(0)) != std::future_status::ready) {
        throw std::runtime_error("coroutine did not finish in time");
    }
    return future.get();
}

/// Waits on a timer of the current executor.
inline boost::asio::awaitable<void> sleepAsync(std::chrono::milliseconds duration)
{
    boost::asio::steady_timer timer(co_await boost::asio::this_coro::executor, duration);
    co_await timer.async_wait(boost::asio::use_awaitable);
}

} // namespace modelguard::test
