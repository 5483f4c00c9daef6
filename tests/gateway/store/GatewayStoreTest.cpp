// GatewayStore: schema and migrations, file errors, WAL, usage accounting under concurrency, retention, audit,
// settings, policies, risk history.

#include "services/gateway/store/GatewayStore.h"
#include "tests/gateway/store/StoreTestUtil.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <thread>

namespace modelguard::gateway {
namespace {

using test::TempDir;

constexpr std::int64_t kMinute = 60'000;
constexpr std::int64_t kBase = 1'700'000'040'000; // a whole minute

/// Runs one query on a separate raw connection and returns the first column of the first row as text.
std::string rawQuery(const std::string& path, const std::string& sql)
{
    sqlite3* db = nullptr;
    EXPECT_EQ(sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr), SQLITE_OK);
    sqlite3_stmt* stmt = nullptr;
    std::string result;
    if (sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr) == SQLITE_OK && sqlite3_step(stmt) == SQLITE_ROW
        && sqlite3_column_text(stmt, 0) != nullptr) {
        result = reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0));
    }
    sqlite3_finalize(stmt);
    sqlite3_close(db);
    return result;
}

ApiKeyRecord sampleKey(const std::string& id, const std::string& client)
{
    ApiKeyRecord k;
    k.id = id;
    k.clientId = client;
    k.name = "key \"" + id + "\"";
    k.hashHex = std::string(64, 'a');
    k.createdMs = kBase;
    k.expiresMs = kBase + 1000;
    k.models = {"gpt-4o", "model with \"quotes\" and \\"};
    k.endpoints = {"chat", "models"};
    k.lastUsedMs = 5;
    return k;
}

TEST(GatewayStore, CreatesSchemaAndDataPersistsAcrossReopen)
{
    TempDir dir;
    const std::string path = dir.file("gw.db");
    const ApiKeyRecord key = sampleKey("abcdefghij", "acme");
    {
        auto store = GatewayStore::open(path);
        store->insertKey(key);
        store->insertAdminToken({"tokenid234", "ops", "admin", std::string(64, 'b'), kBase, false});
        store->putPolicy({"client", "acme", "limits", R"({"requests_per_second":5})", kBase});
        store->putSetting("gateway_id", "gw-abcdefgh");
        store->addUsage({{"acme", key.id, kBase + 5, 1, 10, 20, 0}});
        store->appendAudit({0, kBase, "tok ops", "key.create", "acme", "{}", "{}", "ok"});
        store->appendRiskPoint("acme", {kBase, 42.5, "strip_logits"});
    }
    auto store = GatewayStore::open(path);
    EXPECT_EQ(rawQuery(path, "PRAGMA user_version"), std::to_string(GatewayStore::kSchemaVersion));
    const auto keys = store->loadKeys();
    ASSERT_EQ(keys.size(), 1u);
    EXPECT_EQ(keys[0], key);
    const auto tokens = store->loadAdminTokens();
    ASSERT_EQ(tokens.size(), 1u);
    EXPECT_EQ(tokens[0].role, "admin");
    ASSERT_EQ(store->loadPolicies().size(), 1u);
    EXPECT_EQ(store->loadPolicies()[0].json, R"({"requests_per_second":5})");
    EXPECT_EQ(store->setting("gateway_id"), "gw-abcdefgh");
    EXPECT_EQ(store->usageTotal("acme", kBase, kBase + kMinute).completionTokens, 20);
    ASSERT_EQ(store->listAudit(0, 10).size(), 1u);
    ASSERT_EQ(store->riskHistory("acme", 0).size(), 1u);
    EXPECT_DOUBLE_EQ(store->riskHistory("acme", 0)[0].score, 42.5);
}

TEST(GatewayStore, MigrationsAreIdempotent)
{
    TempDir dir;
    const std::string path = dir.file("gw.db");
    GatewayStore::open(path)->putSetting("a", "1");
    const std::string tables = rawQuery(path, "SELECT COUNT(*) FROM sqlite_schema");
    for (int i = 0; i < 3; ++i) {
        auto store = GatewayStore::open(path);
        EXPECT_EQ(store->setting("a"), "1");
    }
    EXPECT_EQ(rawQuery(path, "PRAGMA user_version"), std::to_string(GatewayStore::kSchemaVersion));
    EXPECT_EQ(rawQuery(path, "SELECT COUNT(*) FROM sqlite_schema"), tables);
    EXPECT_NE(tables, "0");
}

TEST(GatewayStore, RejectsNewerSchemaVersion)
{
    TempDir dir;
    const std::string path = dir.file("gw.db");
    GatewayStore::open(path).reset();
    rawQuery(path, "PRAGMA user_version=99");
    try {
        GatewayStore::open(path);
        FAIL() << "expected StoreError";
    } catch (const StoreError& e) {
        EXPECT_NE(std::string(e.what()).find("newer"), std::string::npos) << e.what();
    }
}

TEST(GatewayStore, NonDatabaseFileGivesClearErrorAndIsLeftAlone)
{
    TempDir dir;
    const std::string path = dir.file("notes.db");
    std::string junk;
    for (int i = 0; i < 200; ++i) {
        junk += "this is certainly not an SQLite database, just text line " + std::to_string(i) + "\n";
    }
    test::writeFile(path, junk);
    try {
        GatewayStore::open(path);
        FAIL() << "expected StoreError";
    } catch (const StoreError& e) {
        const std::string message = e.what();
        EXPECT_NE(message.find("not a database"), std::string::npos) << message;
        EXPECT_NE(message.find(path), std::string::npos) << message;
    }
    EXPECT_EQ(test::readFile(path), junk);
}

TEST(GatewayStore, CorruptHeaderGivesStoreError)
{
    TempDir dir;
    const std::string path = dir.file("gw.db");
    GatewayStore::open(path)->putSetting("x", "y");
    std::string bytes = test::readFile(path);
    ASSERT_GT(bytes.size(), 100u);
    for (std::size_t i = 0; i < 100; ++i) {
        bytes[i] = static_cast<char>(0xA5);
    }
    test::writeFile(path, bytes);
    EXPECT_THROW(GatewayStore::open(path), StoreError);
}

TEST(GatewayStore, UnopenablePathGivesStoreError)
{
    TempDir dir;
    const std::string path = dir.file("missing-dir/sub/gw.db");
    try {
        GatewayStore::open(path);
        FAIL() << "expected StoreError";
    } catch (const StoreError& e) {
        EXPECT_NE(std::string(e.what()).find("cannot open gateway database"), std::string::npos) << e.what();
    }
}

TEST(GatewayStore, UsesWalJournal)
{
    TempDir dir;
    const std::string path = dir.file("gw.db");
    auto store = GatewayStore::open(path);
    store->putSetting("k", "v");
    EXPECT_EQ(rawQuery(path, "PRAGMA journal_mode"), "wal");
    EXPECT_TRUE(std::filesystem::exists(path + "-wal"));
    // A second connection reads committed data while ours stays open.
    EXPECT_EQ(rawQuery(path, "SELECT value FROM settings WHERE name = 'k'"), "v");
}

TEST(GatewayStore, ConcurrentAddUsageSumsExactly)
{
    TempDir dir;
    auto store = GatewayStore::open(dir.file("gw.db"));
    constexpr int kThreads = 8;
    constexpr int kBatches = 40;
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) {
        threads.emplace_back([&store, t] {
            for (int b = 0; b < kBatches; ++b) {
                std::vector<UsageDelta> batch;
                for (int m = 0; m < 3; ++m) {
                    batch.push_back({"acme", "key" + std::to_string(t % 3), kBase + m * kMinute + 17, 1, 10, 100, 0});
                    batch.push_back({"beta", "keyb", kBase + m * kMinute, 2, 0, 0, 1});
                }
                store->addUsage(batch);
            }
        });
    }
    for (auto& th : threads) {
        th.join();
    }
    const UsageRow acme = store->usageTotal("acme", kBase, kBase + 3 * kMinute);
    EXPECT_EQ(acme.requests, kThreads * kBatches * 3);
    EXPECT_EQ(acme.promptTokens, kThreads * kBatches * 3 * 10);
    EXPECT_EQ(acme.completionTokens, kThreads * kBatches * 3 * 100);
    EXPECT_EQ(acme.rejected, 0);
    const UsageRow beta = store->usageTotal("beta", kBase, kBase + 3 * kMinute);
    EXPECT_EQ(beta.requests, kThreads * kBatches * 3 * 2);
    EXPECT_EQ(beta.rejected, kThreads * kBatches * 3);
    const auto series = store->usageSeries("acme", kBase, kBase + 3 * kMinute);
    ASSERT_EQ(series.size(), 3u);
    for (const auto& row : series) {
        EXPECT_EQ(row.requests, kThreads * kBatches);
    }
}

TEST(GatewayStore, UsageSeriesAndTotalUseHalfOpenMinuteRanges)
{
    TempDir dir;
    auto store = GatewayStore::open(dir.file("gw.db"));
    store->addUsage({
        {"acme", "k1", kBase + 59'999, 1, 1, 1, 0}, // floored to kBase
        {"acme", "k2", kBase, 2, 2, 2, 1},          // same minute, other key: summed
        {"acme", "k1", kBase + kMinute, 4, 4, 4, 0},
        {"acme", "k1", kBase + 2 * kMinute, 8, 8, 8, 0},
        {"other", "k9", kBase, 100, 100, 100, 100},
    });
    const auto all = store->usageSeries("acme", kBase, kBase + 3 * kMinute);
    ASSERT_EQ(all.size(), 3u);
    EXPECT_EQ(all[0], (UsageRow {kBase, 3, 3, 3, 1}));
    EXPECT_EQ(all[1], (UsageRow {kBase + kMinute, 4, 4, 4, 0}));
    EXPECT_EQ(all[2], (UsageRow {kBase + 2 * kMinute, 8, 8, 8, 0}));
    const auto middle = store->usageSeries("acme", kBase + kMinute, kBase + 2 * kMinute);
    ASSERT_EQ(middle.size(), 1u);
    EXPECT_EQ(middle[0].requests, 4);
    EXPECT_TRUE(store->usageSeries("acme", kBase + 3 * kMinute, kBase + 10 * kMinute).empty());
    EXPECT_TRUE(store->usageSeries("nobody", 0, kBase * 2).empty());
    EXPECT_EQ(store->usageTotal("acme", kBase, kBase + 2 * kMinute).requests, 7);
    EXPECT_EQ(store->usageTotal("acme", 0, kBase * 2).requests, 15);
    const UsageRow none = store->usageTotal("nobody", 0, kBase * 2);
    EXPECT_EQ(none.requests + none.promptTokens + none.completionTokens + none.rejected, 0);
    EXPECT_EQ(store->knownClients(), (std::vector<std::string> {"acme", "other"}));
}

TEST(GatewayStore, PurgeRemovesOnlyOlderUsageAndRiskPoints)
{
    TempDir dir;
    auto store = GatewayStore::open(dir.file("gw.db"));
    store->addUsage({{"acme", "k", kBase, 1, 0, 0, 0}, {"acme", "k", kBase + kMinute, 2, 0, 0, 0}});
    store->appendRiskPoint("acme", {kBase, 10, "none"});
    store->appendRiskPoint("acme", {kBase + kMinute, 20, "none"});
    store->purgeUsageBefore(kBase + kMinute);
    const auto series = store->usageSeries("acme", 0, kBase * 2);
    ASSERT_EQ(series.size(), 1u);
    EXPECT_EQ(series[0].minuteMs, kBase + kMinute);
    const auto risk = store->riskHistory("acme", 0);
    ASSERT_EQ(risk.size(), 1u);
    EXPECT_DOUBLE_EQ(risk[0].score, 20);
}

TEST(GatewayStore, AuditAppendsInOrderAndPages)
{
    TempDir dir;
    auto store = GatewayStore::open(dir.file("gw.db"));
    std::vector<std::int64_t> ids;
    for (int i = 0; i < 5; ++i) {
        ids.push_back(store->appendAudit({999, kBase + i, "actor", "action" + std::to_string(i), "target", R"({"a":1})",
                                          R"({"a":2})", i == 3 ? "failed: nope" : "ok"}));
    }
    for (std::size_t i = 1; i < ids.size(); ++i) {
        EXPECT_GT(ids[i], ids[i - 1]);
    }
    const auto all = store->listAudit(0, 100);
    ASSERT_EQ(all.size(), 5u);
    for (std::size_t i = 0; i < all.size(); ++i) {
        EXPECT_EQ(all[i].id, ids[i]);
        EXPECT_EQ(all[i].action, "action" + std::to_string(i));
        EXPECT_EQ(all[i].beforeJson, R"({"a":1})");
    }
    EXPECT_EQ(all[3].result, "failed: nope");
    const auto page = store->listAudit(ids[1], 2);
    ASSERT_EQ(page.size(), 2u);
    EXPECT_EQ(page[0].id, ids[2]);
    EXPECT_EQ(page[1].id, ids[3]);
    EXPECT_TRUE(store->listAudit(ids[4], 10).empty());
    EXPECT_TRUE(store->listAudit(0, 0).empty());
}

TEST(GatewayStore, SettingsPutOverwriteAndMissing)
{
    TempDir dir;
    auto store = GatewayStore::open(dir.file("gw.db"));
    EXPECT_FALSE(store->setting("event_id").has_value());
    store->putSetting("event_id", "10");
    store->putSetting("event_id", "11");
    store->putSetting("empty", "");
    EXPECT_EQ(store->setting("event_id"), "11");
    EXPECT_EQ(store->setting("empty"), "");
}

TEST(GatewayStore, PoliciesCrud)
{
    TempDir dir;
    auto store = GatewayStore::open(dir.file("gw.db"));
    store->putPolicy({"default", "", "limits", "{}", 1});
    store->putPolicy({"client", "acme", "output", R"({"logprobs":"strip"})", 2});
    store->putPolicy({"client", "acme", "output", R"({"logprobs":"deny"})", 3}); // replaces
    store->putPolicy({"key", "abcdefghij", "watermark", "{}", 4});
    auto rows = store->loadPolicies();
    ASSERT_EQ(rows.size(), 3u);
    EXPECT_EQ(rows[0], (PolicyRow {"client", "acme", "output", R"({"logprobs":"deny"})", 3}));
    EXPECT_EQ(rows[1].scope, "default");
    EXPECT_EQ(rows[2].scope, "key");
    EXPECT_THROW(store->putPolicy({"global", "", "limits", "{}", 5}), std::invalid_argument);
    EXPECT_THROW(store->putPolicy({"client", "acme", "colour", "{}", 5}), std::invalid_argument);
    EXPECT_EQ(store->loadPolicies().size(), 3u);
    EXPECT_EQ(store->knownClients(), (std::vector<std::string> {"acme"}));
    EXPECT_TRUE(store->deletePolicy("client", "acme", "output"));
    EXPECT_FALSE(store->deletePolicy("client", "acme", "output"));
    rows = store->loadPolicies();
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(rows[0].scope, "default");
}

TEST(GatewayStore, KeyRowsInsertUpdateAndErrors)
{
    TempDir dir;
    auto store = GatewayStore::open(dir.file("gw.db"));
    ApiKeyRecord key = sampleKey("abcdefghij", "acme");
    key.expiresMs.reset();
    key.models.clear();
    store->insertKey(key);
    EXPECT_THROW(store->insertKey(key), StoreError);
    key.revoked = true;
    key.revokedMs = kBase + 5;
    key.replacedBy = "bcdefghijk";
    key.graceUntilMs = kBase + 9;
    store->updateKey(key);
    ASSERT_EQ(store->loadKeys().size(), 1u);
    EXPECT_EQ(store->loadKeys()[0], key);
    EXPECT_THROW(store->updateKey(sampleKey("zzzzzzzzzz", "acme")), StoreError);
    store->touchKeys({{key.id, 100}});
    EXPECT_EQ(store->loadKeys()[0].lastUsedMs, 100);
    store->touchKeys({{key.id, 50}}); // never lowers
    EXPECT_EQ(store->loadKeys()[0].lastUsedMs, 100);
    // A failing batch changes nothing.
    EXPECT_THROW(store->applyKeyChanges({sampleKey("newkeyabcd", "acme")}, {sampleKey("zzzzzzzzzz", "acme")}),
                 StoreError);
    EXPECT_EQ(store->loadKeys().size(), 1u);
}

TEST(GatewayStore, RiskHistoryFromTime)
{
    TempDir dir;
    auto store = GatewayStore::open(dir.file("gw.db"));
    store->appendRiskPoint("acme", {kBase + 2, 30, "throttle"});
    store->appendRiskPoint("acme", {kBase + 1, 20, "none"});
    store->appendRiskPoint("beta", {kBase + 1, 99, "block"});
    const auto history = store->riskHistory("acme", kBase + 1);
    ASSERT_EQ(history.size(), 2u);
    EXPECT_EQ(history[0], (RiskPoint {kBase + 1, 20, "none"}));
    EXPECT_EQ(history[1], (RiskPoint {kBase + 2, 30, "throttle"}));
    EXPECT_EQ(store->riskHistory("acme", kBase + 2).size(), 1u);
}

} // namespace
} // namespace modelguard::gateway
