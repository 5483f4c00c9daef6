#pragma once
// Helpers of the client tests: bounded event-loop waits and running a QCoro task to its end.

#include <QCoreApplication>
#include <QCoroTask>
#include <QDeadlineTimer>
#include <QEventLoop>

#include <chrono>
#include <functional>
#include <memory>
#include <optional>

namespace modelguard::client::test {

/// Runs the event loop until `done()` holds or the time is up; returns done().
inline bool waitUntil(const std::function<bool()>& done, std::chrono::milliseconds limit)
{
    QDeadlineTimer deadline(limit);
    while (!done() && !deadline.hasExpired()) {
        QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents, 20);
    }
    return done();
}

template <typename T>
QCoro::Task<void> storeResult(QCoro::Task<T> task, std::shared_ptr<std::optional<T>> out)
{
    *out = co_await std::move(task);
}

/// The task's result, or std::nullopt if it did not finish within `limit`.
template <typename T>
std::optional<T> await(QCoro::Task<T> task, std::chrono::milliseconds limit = std::chrono::seconds(15))
{
    auto out = std::make_shared<std::optional<T>>();
    auto runner = storeResult(std::move(task), out); // keeps `out` alive if it outlives this call
    waitUntil([&] { return out->has_value(); }, limit);
    return *out;
}

inline QCoro::Task<void> markDone(QCoro::Task<void> task, std::shared_ptr<bool> done)
{
    co_await std::move(task);
    *done = true;
}

/// Runs a Task<void>; false if it did not finish within `limit`.
inline bool awaitVoid(QCoro::Task<void> task, std::chrono::milliseconds limit = std::chrono::seconds(15))
{
    auto done = std::make_shared<bool>(false);
    auto runner = markDone(std::move(task), done);
    waitUntil([&] { return *done; }, limit);
    return *done;
}

} // namespace modelguard::client::test
