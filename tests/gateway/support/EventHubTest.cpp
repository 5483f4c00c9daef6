// EventHub: ids, continuation, gap detection, usage batching, SSE framing, concurrent publishers.

#include "services/gateway/support/EventHub.h"

#include <boost/json.hpp>
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <string>
#include <thread>
#include <vector>

using modelguard::gateway::Event;
using modelguard::gateway::EventHub;

namespace {

std::vector<std::uint64_t> idsOf(const EventHub::Read& read)
{
    std::vector<std::uint64_t> ids;
    for (const Event& e : read.events) {
        ids.push_back(e.id);
    }
    return ids;
}

} // namespace

TEST(EventHub, IdsStartAtFirstIdAndIncrease)
{
    EventHub hub(16, 100);
    EXPECT_EQ(hub.lastId(), 99u);
    EXPECT_EQ(hub.oldestId(), 100u);
    EXPECT_EQ(hub.publish("alert", R"({"n":1})", 1000), 100u);
    EXPECT_EQ(hub.publish("risk", R"({"n":2})", 1001), 101u);
    EXPECT_EQ(hub.publish("admin", R"({"n":3})", 1002), 102u);
    EXPECT_EQ(hub.lastId(), 102u);
    EXPECT_EQ(hub.size(), 3u);

    const auto all = hub.readAfter(99, 10);
    EXPECT_FALSE(all.gap);
    ASSERT_EQ(idsOf(all), (std::vector<std::uint64_t> {100, 101, 102}));
    EXPECT_EQ(all.events[1].type, "risk");
    EXPECT_EQ(all.events[1].json, R"({"n":2})");
    EXPECT_EQ(all.events[1].timeMs, 1001);

    EXPECT_EQ(idsOf(hub.readAfter(100, 10)), (std::vector<std::uint64_t> {101, 102}));
    EXPECT_EQ(idsOf(hub.readAfter(99, 2)), (std::vector<std::uint64_t> {100, 101}));
    const auto none = hub.readAfter(102, 10);
    EXPECT_FALSE(none.gap);
    EXPECT_TRUE(none.events.empty());
}

TEST(EventHub, FreshHubHasNoGapForAReaderAtTheStart)
{
    EventHub hub;
    const auto read = hub.readAfter(0, 10);
    EXPECT_FALSE(read.gap);
    EXPECT_TRUE(read.events.empty());
    EXPECT_EQ(hub.lastId(), 0u);
}

TEST(EventHub, OverwrittenEventsAreReportedAsAGap)
{
    EventHub hub(4);
    for (int i = 0; i < 10; ++i) {
        hub.publish("alert", "{}", i);
    }
    EXPECT_EQ(hub.size(), 4u);
    EXPECT_EQ(hub.oldestId(), 7u);

    const auto lost = hub.readAfter(5, 100); // 6 was dropped
    EXPECT_TRUE(lost.gap);
    EXPECT_EQ(idsOf(lost), (std::vector<std::uint64_t> {7, 8, 9, 10}));

    const auto intact = hub.readAfter(6, 100); // everything after 6 is still there
    EXPECT_FALSE(intact.gap);
    EXPECT_EQ(idsOf(intact), (std::vector<std::uint64_t> {7, 8, 9, 10}));

    EXPECT_TRUE(hub.readAfter(0, 100).gap);
}

TEST(EventHub, IdsFromAnotherHistoryAreAGap)
{
    EventHub hub(8);
    hub.publish("alert", "{}", 0);
    hub.publish("alert", "{}", 0);
    const auto future = hub.readAfter(50, 10);
    EXPECT_TRUE(future.gap);
    EXPECT_EQ(idsOf(future), (std::vector<std::uint64_t> {1, 2}));
}

TEST(EventHub, IdsContinueAcrossARestart)
{
    std::uint64_t last = 0;
    {
        EventHub before(8);
        for (int i = 0; i < 5; ++i) {
            last = before.publish("alert", "{}", i);
        }
    }
    EventHub after(8, last + 1);
    EXPECT_EQ(after.lastId(), last);
    // A reader that saw everything of the previous run has no gap and gets the new events.
    EXPECT_FALSE(after.readAfter(last, 10).gap);
    EXPECT_EQ(after.publish("alert", "{}", 10), last + 1);
    const auto read = after.readAfter(last, 10);
    EXPECT_FALSE(read.gap);
    EXPECT_EQ(idsOf(read), (std::vector<std::uint64_t> {last + 1}));
    // A reader that missed the end of the previous run must re-sync.
    EXPECT_TRUE(after.readAfter(last - 2, 10).gap);
}

TEST(EventHub, RejectsBadArguments)
{
    EXPECT_THROW(EventHub(0), std::invalid_argument);
    EXPECT_THROW(EventHub(4, 0), std::invalid_argument);
    EventHub hub(4);
    EXPECT_THROW(hub.publish("", "{}", 0), std::invalid_argument);
    EXPECT_THROW(hub.publish("bad\ntype", "{}", 0), std::invalid_argument);
    EXPECT_THROW(hub.publish("a:b", "{}", 0), std::invalid_argument);
    EXPECT_EQ(hub.lastId(), 0u); // nothing was published
}

TEST(EventHub, UsageIsBatchedIntoOneEventPerFlush)
{
    EventHub hub(16);
    EXPECT_EQ(hub.flushUsage(1000), 0u); // nothing accumulated: no event
    EXPECT_EQ(hub.lastId(), 0u);

    hub.addUsage("zeta", 1, 10, 20, 0);
    hub.addUsage("acme", 1, 5, 7, 0);
    hub.addUsage("acme", 2, 3, 4, 1);
    hub.addUsage("idle", 0, 0, 0, 0); // all-zero deltas are left out
    const std::uint64_t id = hub.flushUsage(3000);
    ASSERT_EQ(id, 1u);
    EXPECT_EQ(hub.lastId(), 1u);

    const auto read = hub.readAfter(0, 10);
    ASSERT_EQ(read.events.size(), 1u);
    EXPECT_EQ(read.events[0].type, "usage");
    EXPECT_EQ(read.events[0].timeMs, 3000);
    const auto data = boost::json::parse(read.events[0].json).as_object();
    EXPECT_EQ(data.at("time_ms").as_int64(), 3000);
    EXPECT_EQ(data.at("interval_ms").as_int64(), 2000); // since the flush at 1000
    const auto& clients = data.at("clients").as_array();
    ASSERT_EQ(clients.size(), 2u);
    const auto& acme = clients[0].as_object();
    EXPECT_EQ(acme.at("client").as_string(), "acme");
    EXPECT_EQ(acme.at("requests").as_int64(), 3);
    EXPECT_EQ(acme.at("prompt_tokens").as_int64(), 8);
    EXPECT_EQ(acme.at("completion_tokens").as_int64(), 11);
    EXPECT_EQ(acme.at("rejected").as_int64(), 1);
    EXPECT_EQ(clients[1].as_object().at("client").as_string(), "zeta");
    EXPECT_EQ(clients[1].as_object().at("completion_tokens").as_int64(), 20);

    // Deltas, not totals: the next flush carries only what came after.
    EXPECT_EQ(hub.flushUsage(4000), 0u);
    hub.addUsage("acme", 1, 1, 1, 0);
    ASSERT_EQ(hub.flushUsage(4500), 2u);
    const auto next = boost::json::parse(hub.readAfter(1, 10).events.at(0).json).as_object();
    EXPECT_EQ(next.at("interval_ms").as_int64(), 500);
    ASSERT_EQ(next.at("clients").as_array().size(), 1u);
    EXPECT_EQ(next.at("clients").as_array()[0].as_object().at("requests").as_int64(), 1);
}

TEST(EventHub, UsageCarriesEachClientsQuotaUseWhenAsked)
{
    EventHub hub(4);
    hub.addUsage("acme", 1, 1, 1, 0);
    hub.addUsage("zeta", 2, 0, 0, 0);
    std::vector<std::string> asked;
    ASSERT_NE(hub.flushUsage(1000,
                             [&](const std::string& client) {
                                 asked.push_back(client);
                                 return client == "acme" ? 12.5 : 0.0;
                             }),
              0u);
    EXPECT_EQ(asked, (std::vector<std::string> {"acme", "zeta"}));
    const auto data = boost::json::parse(hub.readAfter(0, 1).events.at(0).json).as_object();
    const auto& clients = data.at("clients").as_array();
    ASSERT_EQ(clients.size(), 2u);
    EXPECT_DOUBLE_EQ(clients[0].as_object().at("quota_used_pct").to_number<double>(), 12.5);
    EXPECT_DOUBLE_EQ(clients[1].as_object().at("quota_used_pct").to_number<double>(), 0.0);
    // Without the function the entries are as before.
    hub.addUsage("acme", 1, 0, 0, 0);
    ASSERT_NE(hub.flushUsage(2000), 0u);
    const auto plain = boost::json::parse(hub.readAfter(1, 1).events.at(0).json).as_object();
    EXPECT_FALSE(plain.at("clients").as_array()[0].as_object().contains("quota_used_pct"));
}

TEST(EventHub, FirstUsageFlushReportsTheDefaultInterval)
{
    EventHub hub(4);
    hub.addUsage("acme", 1, 1, 1, 0);
    ASSERT_NE(hub.flushUsage(5000), 0u);
    const auto data = boost::json::parse(hub.readAfter(0, 1).events.at(0).json).as_object();
    EXPECT_EQ(data.at("interval_ms").as_int64(), EventHub::kDefaultUsageIntervalMs);
}

TEST(EventHub, UsageClientIdsAreEscapedJson)
{
    EventHub hub(4);
    hub.addUsage("we\"ird\nclient", 1, 0, 0, 0);
    hub.flushUsage(1);
    const Event e = hub.readAfter(0, 1).events.at(0);
    EXPECT_EQ(e.json.find('\n'), std::string::npos);
    const auto data = boost::json::parse(e.json).as_object();
    EXPECT_EQ(data.at("clients").as_array()[0].as_object().at("client").as_string(), "we\"ird\nclient");
}

TEST(EventHub, FormatsServerSentEvents)
{
    EXPECT_EQ(EventHub::formatSse(Event {42, "alert", R"({"id":1})", 0}), "id: 42\nevent: alert\ndata: {\"id\":1}\n\n");
    // Line breaks in the data (never in JSON from the gateway) become separate data lines.
    EXPECT_EQ(EventHub::formatSse(Event {7, "admin", "a\nb\r\nc\rd", 0}),
              "id: 7\nevent: admin\ndata: a\ndata: b\ndata: c\ndata: d\n\n");
    EXPECT_EQ(EventHub::formatSse(Event {8, "admin", "", 0}), "id: 8\nevent: admin\ndata: \n\n");
    EXPECT_EQ(EventHub::formatSse(Event {9, "admin", "x\n", 0}), "id: 9\nevent: admin\ndata: x\ndata: \n\n");
}

TEST(EventHub, ListenersAreCalledUntilUnsubscribed)
{
    EventHub hub(4);
    std::vector<std::uint64_t> seen;
    const auto handle = hub.subscribe([&](std::uint64_t id) { seen.push_back(id); });
    hub.publish("alert", "{}", 0);
    hub.publish("alert", "{}", 0);
    hub.unsubscribe(handle);
    hub.publish("alert", "{}", 0);
    EXPECT_EQ(seen, (std::vector<std::uint64_t> {1, 2}));
}

TEST(EventHub, WaitAfterWakesOnPublishAndTimesOut)
{
    EventHub hub(4);
    const auto start = std::chrono::steady_clock::now();
    EXPECT_FALSE(hub.waitAfter(0, std::chrono::milliseconds(20)));
    EXPECT_GE(std::chrono::steady_clock::now() - start, std::chrono::milliseconds(20));

    std::thread publisher([&] {
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
        hub.publish("alert", "{}", 0);
    });
    EXPECT_TRUE(hub.waitAfter(0, std::chrono::seconds(10)));
    publisher.join();
    EXPECT_TRUE(hub.waitAfter(0, std::chrono::milliseconds(0))); // already there
}

TEST(EventHub, ConcurrentPublishersReaderSeesEveryIdOnceInOrder)
{
    constexpr int kPublishers = 8;
    constexpr int kPerPublisher = 3000;
    constexpr std::uint64_t kTotal = std::uint64_t {kPublishers} * kPerPublisher;
    EventHub hub(kTotal + 16); // large enough that a slow reader never loses events

    std::atomic<bool> go {false};
    std::vector<std::thread> publishers;
    for (int p = 0; p < kPublishers; ++p) {
        publishers.emplace_back([&, p] {
            while (!go.load()) {
                std::this_thread::yield();
            }
            for (int i = 0; i < kPerPublisher; ++i) {
                hub.publish("usage", "{\"p\":" + std::to_string(p) + ",\"i\":" + std::to_string(i) + "}", i);
                if (p == 0 && i % 5 == 0) {
                    hub.addUsage("acme", 1, 0, 0, 0);
                }
            }
        });
    }

    std::vector<int> nextSeq(kPublishers, 0);
    std::uint64_t last = 0;
    std::uint64_t received = 0;
    bool inOrder = true;
    bool gap = false;
    std::thread reader([&] {
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
        while (received < kTotal && std::chrono::steady_clock::now() < deadline) {
            hub.waitAfter(last, std::chrono::milliseconds(100));
            const auto read = hub.readAfter(last, 500);
            gap = gap || read.gap;
            for (const Event& e : read.events) {
                inOrder = inOrder && e.id == last + 1;
                last = e.id;
                ++received;
                const auto data = boost::json::parse(e.json).as_object();
                const auto p = static_cast<std::size_t>(data.at("p").as_int64());
                inOrder = inOrder && data.at("i").as_int64() == nextSeq[p];
                ++nextSeq[p];
            }
        }
    });
    go = true;
    for (auto& t : publishers) {
        t.join();
    }
    reader.join();

    EXPECT_EQ(received, kTotal);
    EXPECT_TRUE(inOrder);
    EXPECT_FALSE(gap);
    EXPECT_EQ(last, kTotal);
    EXPECT_EQ(hub.lastId(), kTotal);
    for (int p = 0; p < kPublishers; ++p) {
        EXPECT_EQ(nextSeq[static_cast<std::size_t>(p)], kPerPublisher) << "publisher " << p;
    }
    // Usage added concurrently with publishing is all in the next flush.
    ASSERT_NE(hub.flushUsage(1), 0u);
    const auto usage = boost::json::parse(hub.readAfter(kTotal, 1).events.at(0).json).as_object();
    EXPECT_EQ(usage.at("clients").as_array()[0].as_object().at("requests").as_int64(), kPerPublisher / 5);
}
