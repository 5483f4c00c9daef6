#pragma once
// The gateway's live event stream: a bounded, thread-safe ring of events with strictly increasing ids, read by the
// admin API's Server-Sent Events endpoint (GET /admin/v1/events). Usage is batched per client and published as one
// "usage" event per flush. The wire format is described in docs/api/events.md.

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <vector>

namespace modelguard::gateway {

struct Event
{
    std::uint64_t id = 0;
    std::string type; ///< SSE event name: "usage", "risk", "action", "alert", "admin", "resync"
    std::string json; ///< the data: one JSON value
    std::int64_t timeMs = 0;
};

class EventHub
{
public:
    /// Interval reported by the first usage flush, when there was no flush before it to measure from.
    static constexpr std::int64_t kDefaultUsageIntervalMs = 1000;

    /// capacity: events kept for readers that reconnect (at least 1). firstId: id of the first event published here
    /// (at least 1); a gateway that restarts passes its last persisted id + 1 so that ids continue.
    /// Throws std::invalid_argument if capacity or firstId is 0.
    explicit EventHub(std::size_t capacity = 65536, std::uint64_t firstId = 1);
    ~EventHub();
    EventHub(const EventHub&) = delete;
    EventHub& operator=(const EventHub&) = delete;

    /// Appends an event and returns its id. The oldest event is dropped when the ring is full. Wakes waiters and
    /// listeners. type must be a non-empty SSE field value without CR, LF or ':' (else std::invalid_argument).
    std::uint64_t publish(std::string type, std::string json, std::int64_t nowMs);

    /// Accumulates usage for a client; published by flushUsage() as part of ONE "usage" event:
    /// {"time_ms":..,"interval_ms":..,"clients":[{"client":..,"requests":..,"prompt_tokens":..,
    ///   "completion_tokens":..,"rejected":..}]}  (clients sorted by id).
    void addUsage(const std::string& clientId, std::int64_t requests, std::int64_t promptTokens,
                  std::int64_t completionTokens, std::int64_t rejected);
    /// Publishes the usage accumulated since the previous flush (nothing when there is none) and returns the event's
    /// id, or 0 when nothing was published. interval_ms is the time since the previous flushUsage() call
    /// (kDefaultUsageIntervalMs for the first one). Clients whose deltas are all zero are left out. With
    /// quotaUsedPct, each client's entry also carries "quota_used_pct" (the largest share of a quota it has used, as
    /// in the snapshot), so that views show quota use live; it is called without the hub's lock held.
    std::uint64_t flushUsage(std::int64_t nowMs,
                             const std::function<double(const std::string& clientId)>& quotaUsedPct = {});

    struct Read
    {
        std::vector<Event> events;
        /// Events after lastId were lost: lastId is older than the oldest event kept (or newer than any id this hub
        /// ever gave out). The reader should re-sync from a snapshot; events holds what is still available.
        bool gap = false;
    };
    /// Up to max events with id > lastId, in id order.
    Read readAfter(std::uint64_t lastId, std::size_t max) const;

    /// Blocks until an event with id > lastId exists or the timeout passes; true if one exists.
    /// For threads; coroutines should use subscribe() to be woken instead.
    bool waitAfter(std::uint64_t lastId, std::chrono::milliseconds timeout) const;

    /// Id of the newest event; firstId - 1 when nothing has been published yet.
    std::uint64_t lastId() const;
    /// Id of the oldest event kept; lastId() + 1 when the ring is empty.
    std::uint64_t oldestId() const;
    std::size_t size() const;
    std::size_t capacity() const { return capacity_; }

    /// Called after every publish with the new event's id, on the publishing thread, outside the ring lock.
    /// A listener must be quick and must not call subscribe()/unsubscribe(). Returns a handle for unsubscribe();
    /// after unsubscribe() returns, the listener is not running and will not be called again.
    using Listener = std::function<void(std::uint64_t id)>;
    std::uint64_t subscribe(Listener listener);
    void unsubscribe(std::uint64_t handle);

    /// "id: N\nevent: TYPE\ndata: JSON\n\n". Data containing line breaks (JSON never has raw ones) is split into
    /// several "data:" lines, which an SSE client joins back with '\n'.
    static std::string formatSse(const Event& event);

private:
    struct UsageTotals
    {
        std::int64_t requests = 0;
        std::int64_t promptTokens = 0;
        std::int64_t completionTokens = 0;
        std::int64_t rejected = 0;
    };

    const std::size_t capacity_;
    mutable std::shared_mutex mutex_; // ring_ and nextId_
    std::deque<Event> ring_;
    std::uint64_t nextId_;

    mutable std::mutex waitMutex_; // pairs with published_ for waitAfter()
    mutable std::condition_variable published_;

    std::mutex usageMutex_;
    std::map<std::string, UsageTotals> usage_;
    std::int64_t lastFlushMs_ = 0;
    bool flushedBefore_ = false;

    std::mutex listenersMutex_;
    std::map<std::uint64_t, Listener> listeners_;
    std::uint64_t nextListener_ = 1;
};

} // namespace modelguard::gateway
