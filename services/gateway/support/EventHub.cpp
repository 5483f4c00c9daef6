#include "services/gateway/support/EventHub.h"

#include <boost/json.hpp>

#include <stdexcept>
#include <utility>

namespace modelguard::gateway {

EventHub::EventHub(std::size_t capacity, std::uint64_t firstId)
    : capacity_(capacity)
    , nextId_(firstId)
{
    if (capacity == 0) {
        throw std::invalid_argument("EventHub: capacity must be at least 1");
    }
    if (firstId == 0) {
        throw std::invalid_argument("EventHub: the first event id must be at least 1");
    }
}

EventHub::~EventHub() = default;

std::uint64_t EventHub::publish(std::string type, std::string json, std::int64_t nowMs)
{
    if (type.empty() || type.find_first_of("\r\n:") != std::string::npos) {
        throw std::invalid_argument("EventHub: event type must be non-empty and free of CR, LF and ':'");
    }
    std::uint64_t id = 0;
    {
        std::unique_lock lock(mutex_);
        id = nextId_++;
        if (ring_.size() == capacity_) {
            ring_.pop_front();
        }
        ring_.push_back(Event {id, std::move(type), std::move(json), nowMs});
    }
    {
        // Taking the waiters' mutex orders this notification after any waiter's predicate check: no lost wake-up.
        std::lock_guard waitLock(waitMutex_);
    }
    published_.notify_all();
    std::lock_guard listenersLock(listenersMutex_);
    for (const auto& [handle, listener] : listeners_) {
        listener(id);
    }
    return id;
}

void EventHub::addUsage(const std::string& clientId, std::int64_t requests, std::int64_t promptTokens,
                        std::int64_t completionTokens, std::int64_t rejected)
{
    std::lock_guard lock(usageMutex_);
    UsageTotals& totals = usage_[clientId];
    totals.requests += requests;
    totals.promptTokens += promptTokens;
    totals.completionTokens += completionTokens;
    totals.rejected += rejected;
}

std::uint64_t EventHub::flushUsage(std::int64_t nowMs, const std::function<double(const std::string&)>& quotaUsedPct)
{
    std::map<std::string, UsageTotals> batch;
    std::int64_t intervalMs = kDefaultUsageIntervalMs;
    {
        std::lock_guard lock(usageMutex_);
        batch.swap(usage_);
        if (flushedBefore_) {
            intervalMs = nowMs > lastFlushMs_ ? nowMs - lastFlushMs_ : 0;
        }
        flushedBefore_ = true;
        lastFlushMs_ = nowMs;
    }
    boost::json::array clients;
    for (const auto& [client, totals] : batch) {
        if (totals.requests == 0 && totals.promptTokens == 0 && totals.completionTokens == 0 && totals.rejected == 0) {
            continue;
        }
        boost::json::object entry {{"client", client},
                                   {"requests", totals.requests},
                                   {"prompt_tokens", totals.promptTokens},
                                   {"completion_tokens", totals.completionTokens},
                                   {"rejected", totals.rejected}};
        if (quotaUsedPct) {
            entry["quota_used_pct"] = quotaUsedPct(client);
        }
        clients.push_back(std::move(entry));
    }
    if (clients.empty()) {
        return 0;
    }
    boost::json::object data {{"time_ms", nowMs}, {"interval_ms", intervalMs}, {"clients", std::move(clients)}};
    return publish("usage", boost::json::serialize(data), nowMs);
}

EventHub::Read EventHub::readAfter(std::uint64_t lastId, std::size_t max) const
{
    Read result;
    std::shared_lock lock(mutex_);
    const std::uint64_t oldest = nextId_ - ring_.size();
    // Ids in (lastId, oldest) are gone; an id this hub never gave out means the reader follows another history.
    result.gap = lastId + 1 < oldest || lastId >= nextId_;
    std::size_t index = lastId < oldest ? 0 : static_cast<std::size_t>(lastId - oldest + 1);
    if (lastId >= nextId_) {
        index = 0;
    }
    for (; index < ring_.size() && result.events.size() < max; ++index) {
        result.events.push_back(ring_[index]);
    }
    return result;
}

bool EventHub::waitAfter(std::uint64_t lastId, std::chrono::milliseconds timeout) const
{
    std::unique_lock waitLock(waitMutex_);
    return published_.wait_for(waitLock, timeout, [&] { return this->lastId() > lastId; });
}

std::uint64_t EventHub::lastId() const
{
    std::shared_lock lock(mutex_);
    return nextId_ - 1;
}

std::uint64_t EventHub::oldestId() const
{
    std::shared_lock lock(mutex_);
    return nextId_ - ring_.size();
}

std::size_t EventHub::size() const
{
    std::shared_lock lock(mutex_);
    return ring_.size();
}

std::uint64_t EventHub::subscribe(Listener listener)
{
    std::lock_guard lock(listenersMutex_);
    const std::uint64_t handle = nextListener_++;
    listeners_.emplace(handle, std::move(listener));
    return handle;
}

void EventHub::unsubscribe(std::uint64_t handle)
{
    std::lock_guard lock(listenersMutex_);
    listeners_.erase(handle);
}

std::string EventHub::formatSse(const Event& event)
{
    std::string out;
    out.reserve(event.json.size() + event.type.size() + 40);
    out += "id: ";
    out += std::to_string(event.id);
    out += "\nevent: ";
    out += event.type;
    out += '\n';
    // SSE ends a line at CR, LF or CRLF: each line of the data becomes its own "data:" field.
    std::size_t start = 0;
    const std::string& data = event.json;
    while (true) {
        const std::size_t end = data.find_first_of("\r\n", start);
        out += "data: ";
        out.append(data, start, end == std::string::npos ? std::string::npos : end - start);
        out += '\n';
        if (end == std::string::npos) {
            break;
        }
        start = end + 1;
        if (data[end] == '\r' && start < data.size() && data[start] == '\n') {
            ++start;
        }
    }
    out += '\n';
    return out;
}

} // namespace modelguard::gateway
