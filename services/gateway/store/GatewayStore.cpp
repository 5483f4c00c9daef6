#include "services/gateway/store/GatewayStore.h"

#include <boost/json.hpp>
#include <sqlite3.h>

#include <algorithm>
#include <initializer_list>
#include <iterator>
#include <mutex>
#include <unordered_map>

namespace modelguard::gateway {

StoreError::StoreError(const std::string& what)
    : std::runtime_error(what)
{ }

namespace {

constexpr int kBusyTimeoutMs = 5000;
constexpr std::size_t kMaxAuditPage = 10000;
constexpr std::int64_t kMinuteMs = 60'000;

/// Schema migrations: entry i brings user_version i to i + 1. Never edit a released entry; append a new one.
constexpr const char* kMigrations[] = {
    R"sql(
CREATE TABLE api_keys (
    id             TEXT PRIMARY KEY,
    client_id      TEXT NOT NULL,
    name           TEXT NOT NULL,
    hash_hex       TEXT NOT NULL,
    created_ms     INTEGER NOT NULL,
    expires_ms     INTEGER,
    models         TEXT NOT NULL DEFAULT '[]',
    endpoints      TEXT NOT NULL DEFAULT '[]',
    revoked        INTEGER NOT NULL DEFAULT 0,
    revoked_ms     INTEGER,
    replaced_by    TEXT,
    grace_until_ms INTEGER,
    last_used_ms   INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX api_keys_client ON api_keys(client_id);
CREATE TABLE admin_tokens (
    id         TEXT PRIMARY KEY,
    name       TEXT NOT NULL,
    role       TEXT NOT NULL CHECK (role IN ('viewer', 'admin')),
    hash_hex   TEXT NOT NULL,
    created_ms INTEGER NOT NULL,
    revoked    INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE policies (
    scope      TEXT NOT NULL,
    scope_id   TEXT NOT NULL,
    kind       TEXT NOT NULL,
    json       TEXT NOT NULL,
    updated_ms INTEGER NOT NULL,
    PRIMARY KEY (scope, scope_id, kind)
) WITHOUT ROWID;
CREATE TABLE usage (
    client_id         TEXT NOT NULL,
    minute_ms         INTEGER NOT NULL,
    key_id            TEXT NOT NULL,
    requests          INTEGER NOT NULL DEFAULT 0,
    prompt_tokens     INTEGER NOT NULL DEFAULT 0,
    completion_tokens INTEGER NOT NULL DEFAULT 0,
    rejected          INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (client_id, minute_ms, key_id)
) WITHOUT ROWID;
CREATE INDEX usage_minute ON usage(minute_ms);
CREATE TABLE audit (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    time_ms     INTEGER NOT NULL,
    actor       TEXT NOT NULL,
    action      TEXT NOT NULL,
    target      TEXT NOT NULL,
    before_json TEXT NOT NULL,
    after_json  TEXT NOT NULL,
    result      TEXT NOT NULL
);
CREATE TABLE risk_points (
    client_id TEXT NOT NULL,
    time_ms   INTEGER NOT NULL,
    score     REAL NOT NULL,
    action    TEXT NOT NULL
);
CREATE INDEX risk_points_client_time ON risk_points(client_id, time_ms);
CREATE INDEX risk_points_time ON risk_points(time_ms);
CREATE TABLE settings (
    name  TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
)sql",
};
constexpr int kMigrationCount = static_cast<int>(std::size(kMigrations));
static_assert(kMigrationCount == GatewayStore::kSchemaVersion);

std::int64_t floorToMinute(std::int64_t ms)
{
    const std::int64_t rem = ((ms % kMinuteMs) + kMinuteMs) % kMinuteMs;
    return ms - rem;
}

std::string encodeList(const std::vector<std::string>& values)
{
    boost::json::array array;
    for (const auto& v : values) {
        array.emplace_back(v);
    }
    return boost::json::serialize(array);
}

std::vector<std::string> decodeList(std::string_view text, std::string_view what)
{
    boost::system::error_code ec;
    const boost::json::value value = boost::json::parse(text, ec);
    if (ec || !value.is_array()) {
        throw StoreError("gateway database: corrupt " + std::string(what) + " list");
    }
    std::vector<std::string> out;
    for (const auto& item : value.get_array()) {
        if (!item.is_string()) {
            throw StoreError("gateway database: corrupt " + std::string(what) + " list");
        }
        out.emplace_back(item.get_string());
    }
    return out;
}

bool isOneOf(const std::string& value, std::initializer_list<std::string_view> allowed)
{
    for (const auto a : allowed) {
        if (value == a) {
            return true;
        }
    }
    return false;
}

} // namespace

namespace detail {

/// The connection and its statement cache (GatewayStore::Impl, visible to the helpers below).
struct StoreConnection
{
    std::string path;
    sqlite3* db = nullptr;
    std::mutex mutex;
    std::unordered_map<std::string, sqlite3_stmt*> statements;
    bool syncFull = false;

    ~StoreConnection()
    {
        for (auto& [sql, stmt] : statements) {
            sqlite3_finalize(stmt);
        }
        statements.clear();
        if (db != nullptr) {
            sqlite3_close_v2(db);
        }
    }

    [[noreturn]] void fail(const std::string& what) const
    {
        std::string message = "gateway database '" + path + "': " + what;
        if (db != nullptr) {
            message += ": ";
            message += sqlite3_errmsg(db);
        }
        throw StoreError(message);
    }

    void exec(const char* sql, const char* what)
    {
        char* error = nullptr;
        if (sqlite3_exec(db, sql, nullptr, nullptr, &error) != SQLITE_OK) {
            std::string text = error != nullptr ? error : sqlite3_errmsg(db);
            sqlite3_free(error);
            throw StoreError("gateway database '" + path + "': " + what + ": " + text);
        }
    }

    sqlite3_stmt* prepare(const std::string& sql)
    {
        if (auto it = statements.find(sql); it != statements.end()) {
            return it->second;
        }
        sqlite3_stmt* stmt = nullptr;
        if (sqlite3_prepare_v3(db, sql.c_str(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT, &stmt, nullptr)
            != SQLITE_OK) {
            fail("cannot prepare statement");
        }
        statements.emplace(sql, stmt);
        return stmt;
    }

    void setSynchronous(bool full)
    {
        if (syncFull != full) {
            exec(full ? "PRAGMA synchronous=FULL" : "PRAGMA synchronous=NORMAL", "cannot set synchronous mode");
            syncFull = full;
        }
    }
};

} // namespace detail

struct GatewayStore::Impl : detail::StoreConnection
{
};

namespace {

/// A cached prepared statement in use: bound on construction, reset and unbound on destruction.
class Statement
{
public:
    Statement(detail::StoreConnection& impl, const std::string& sql)
        : m_impl(impl)
        , m_stmt(impl.prepare(sql))
    { }
    ~Statement()
    {
        sqlite3_reset(m_stmt);
        sqlite3_clear_bindings(m_stmt);
    }
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    Statement& bind(std::string_view value)
    {
        check(sqlite3_bind_text(m_stmt, ++m_index, value.data(), static_cast<int>(value.size()), SQLITE_TRANSIENT));
        return *this;
    }
    Statement& bind(const std::string& value) { return bind(std::string_view(value)); }
    Statement& bind(const char* value) { return bind(std::string_view(value)); }
    Statement& bind(std::int64_t value)
    {
        check(sqlite3_bind_int64(m_stmt, ++m_index, value));
        return *this;
    }
    Statement& bind(double value)
    {
        check(sqlite3_bind_double(m_stmt, ++m_index, value));
        return *this;
    }
    Statement& bind(bool value) { return bind(static_cast<std::int64_t>(value ? 1 : 0)); }
    Statement& bind(const std::optional<std::int64_t>& value)
    {
        if (value) {
            return bind(*value);
        }
        check(sqlite3_bind_null(m_stmt, ++m_index));
        return *this;
    }
    Statement& bind(const std::optional<std::string>& value)
    {
        if (value) {
            return bind(*value);
        }
        check(sqlite3_bind_null(m_stmt, ++m_index));
        return *this;
    }

    /// true while there is a row; throws on error.
    bool step()
    {
        const int rc = sqlite3_step(m_stmt);
        if (rc == SQLITE_ROW) {
            return true;
        }
        if (rc == SQLITE_DONE) {
            return false;
        }
        m_impl.fail("statement failed");
    }
    void run()
    {
        while (step()) {
        }
    }
    /// Executes a statement that returns no rows; returns SQLITE_DONE or the (extended) error code.
    int tryRun() { return sqlite3_step(m_stmt); }

    std::int64_t int64(int column) const { return sqlite3_column_int64(m_stmt, column); }
    double real(int column) const { return sqlite3_column_double(m_stmt, column); }
    bool isNull(int column) const { return sqlite3_column_type(m_stmt, column) == SQLITE_NULL; }
    std::string text(int column) const
    {
        const auto* data = sqlite3_column_text(m_stmt, column);
        const int size = sqlite3_column_bytes(m_stmt, column);
        return data != nullptr ? std::string(reinterpret_cast<const char*>(data), static_cast<std::size_t>(size))
                               : std::string();
    }
    std::optional<std::int64_t> optInt64(int column) const
    {
        return isNull(column) ? std::nullopt : std::optional<std::int64_t>(int64(column));
    }
    std::optional<std::string> optText(int column) const
    {
        return isNull(column) ? std::nullopt : std::optional<std::string>(text(column));
    }

private:
    void check(int rc)
    {
        if (rc != SQLITE_OK) {
            m_impl.fail("cannot bind parameter");
        }
    }

    detail::StoreConnection& m_impl;
    sqlite3_stmt* m_stmt;
    int m_index = 0;
};

/// BEGIN IMMEDIATE ... COMMIT, rolled back unless commit() was reached. Sets the synchronous mode first.
class Transaction
{
public:
    Transaction(detail::StoreConnection& impl, bool durable)
        : m_impl(impl)
    {
        m_impl.setSynchronous(durable);
        Statement(m_impl, "BEGIN IMMEDIATE").run();
    }
    ~Transaction()
    {
        if (!m_done) {
            sqlite3_exec(m_impl.db, "ROLLBACK", nullptr, nullptr, nullptr);
        }
    }
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;

    void commit()
    {
        Statement(m_impl, "COMMIT").run();
        m_done = true;
    }

private:
    detail::StoreConnection& m_impl;
    bool m_done = false;
};

constexpr const char* kKeyColumns =
    "id, client_id, name, hash_hex, created_ms, expires_ms, models, endpoints, revoked, "
    "revoked_ms, replaced_by, grace_until_ms, last_used_ms";

void bindKeyFields(Statement& s, const ApiKeyRecord& k)
{
    s.bind(k.clientId)
        .bind(k.name)
        .bind(k.hashHex)
        .bind(k.createdMs)
        .bind(k.expiresMs)
        .bind(encodeList(k.models))
        .bind(encodeList(k.endpoints))
        .bind(k.revoked)
        .bind(k.revokedMs)
        .bind(k.replacedBy)
        .bind(k.graceUntilMs)
        .bind(k.lastUsedMs);
}

void insertKeyRow(detail::StoreConnection& impl, const ApiKeyRecord& k)
{
    Statement s(impl, std::string("INSERT INTO api_keys (") + kKeyColumns
                          + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    s.bind(k.id);
    bindKeyFields(s, k);
    if (const int rc = s.tryRun(); rc != SQLITE_DONE) {
        if (rc == SQLITE_CONSTRAINT_PRIMARYKEY) {
            throw StoreError("gateway database: a key with id '" + k.id + "' exists already");
        }
        impl.fail("cannot insert key");
    }
}

void updateKeyRow(detail::StoreConnection& impl, const ApiKeyRecord& k)
{
    Statement s(impl, "UPDATE api_keys SET client_id = ?, name = ?, hash_hex = ?, created_ms = ?, expires_ms = ?, "
                      "models = ?, endpoints = ?, revoked = ?, revoked_ms = ?, replaced_by = ?, grace_until_ms = ?, "
                      "last_used_ms = ? WHERE id = ?");
    bindKeyFields(s, k);
    s.bind(k.id);
    s.run();
    if (sqlite3_changes(impl.db) == 0) {
        throw StoreError("gateway database: no key with id '" + k.id + "'");
    }
}

} // namespace

GatewayStore::GatewayStore(std::unique_ptr<Impl> impl)
    : m_impl(std::move(impl))
{ }

GatewayStore::~GatewayStore() = default;

std::unique_ptr<GatewayStore> GatewayStore::open(const std::string& path)
{
    auto impl = std::make_unique<Impl>();
    impl->path = path;
    const int rc = sqlite3_open_v2(path.c_str(), &impl->db,
                                   SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
    if (rc != SQLITE_OK) {
        std::string message = "cannot open gateway database '" + path + "': ";
        message += impl->db != nullptr ? sqlite3_errmsg(impl->db) : sqlite3_errstr(rc);
        throw StoreError(message);
    }
    sqlite3_extended_result_codes(impl->db, 1);
    sqlite3_busy_timeout(impl->db, kBusyTimeoutMs);
    if (sqlite3_db_readonly(impl->db, "main") == 1) {
        throw StoreError("cannot open gateway database '" + path + "': the file is not writable");
    }

    // The first statement reads the header: a file that is not a database (or is encrypted/corrupt) fails here.
    std::string journalMode;
    {
        sqlite3_stmt* stmt = nullptr;
        int prc = sqlite3_prepare_v2(impl->db, "PRAGMA journal_mode=WAL", -1, &stmt, nullptr);
        if (prc == SQLITE_OK) {
            prc = sqlite3_step(stmt);
            if (prc == SQLITE_ROW) {
                const auto* text = sqlite3_column_text(stmt, 0);
                journalMode = text != nullptr ? reinterpret_cast<const char*>(text) : "";
                prc = SQLITE_OK;
            }
        }
        sqlite3_finalize(stmt);
        if (prc != SQLITE_OK) {
            throw StoreError("cannot open gateway database '" + path + "': " + sqlite3_errmsg(impl->db)
                             + " (not a ModelGuard gateway database, or corrupt)");
        }
    }
    const bool inMemory = path.empty() || path == ":memory:" || path.starts_with("file::memory:");
    if (journalMode != "wal" && !inMemory) {
        throw StoreError("cannot open gateway database '" + path + "': WAL journal mode unavailable (got '"
                         + journalMode + "')");
    }
    impl->exec("PRAGMA foreign_keys=ON", "cannot enable foreign keys");
    impl->setSynchronous(true);

    int version = 0;
    {
        Statement s(*impl, "PRAGMA user_version");
        if (s.step()) {
            version = static_cast<int>(s.int64(0));
        }
    }
    if (version > kMigrationCount || version < 0) {
        throw StoreError("cannot open gateway database '" + path + "': schema version " + std::to_string(version)
                         + " is newer than this program supports (" + std::to_string(kMigrationCount) + ")");
    }
    for (int v = version; v < kMigrationCount; ++v) {
        impl->exec("BEGIN IMMEDIATE", "cannot start schema migration");
        try {
            // A concurrent opener may have migrated meanwhile: re-read the version inside the write lock.
            int current = 0;
            {
                Statement s(*impl, "PRAGMA user_version");
                if (s.step()) {
                    current = static_cast<int>(s.int64(0));
                }
            }
            if (current == v) {
                impl->exec(kMigrations[v], "schema migration failed");
                impl->exec(("PRAGMA user_version=" + std::to_string(v + 1)).c_str(), "cannot set schema version");
            }
            impl->exec("COMMIT", "cannot commit schema migration");
        } catch (...) {
            sqlite3_exec(impl->db, "ROLLBACK", nullptr, nullptr, nullptr);
            throw;
        }
    }
    return std::unique_ptr<GatewayStore>(new GatewayStore(std::move(impl)));
}

const std::string& GatewayStore::path() const
{
    return m_impl->path;
}

void GatewayStore::insertKey(const ApiKeyRecord& key)
{
    std::lock_guard lock(m_impl->mutex);
    Transaction tx(*m_impl, true);
    insertKeyRow(*m_impl, key);
    tx.commit();
}

void GatewayStore::updateKey(const ApiKeyRecord& key)
{
    std::lock_guard lock(m_impl->mutex);
    Transaction tx(*m_impl, true);
    updateKeyRow(*m_impl, key);
    tx.commit();
}

void GatewayStore::applyKeyChanges(const std::vector<ApiKeyRecord>& inserts, const std::vector<ApiKeyRecord>& updates)
{
    std::lock_guard lock(m_impl->mutex);
    Transaction tx(*m_impl, true);
    for (const auto& k : inserts) {
        insertKeyRow(*m_impl, k);
    }
    for (const auto& k : updates) {
        updateKeyRow(*m_impl, k);
    }
    tx.commit();
}

void GatewayStore::touchKeys(const std::vector<std::pair<std::string, std::int64_t>>& lastUsed)
{
    if (lastUsed.empty()) {
        return;
    }
    std::lock_guard lock(m_impl->mutex);
    Transaction tx(*m_impl, false);
    for (const auto& [id, ms] : lastUsed) {
        Statement s(*m_impl, "UPDATE api_keys SET last_used_ms = MAX(last_used_ms, ?) WHERE id = ?");
        s.bind(ms).bind(id).run();
    }
    tx.commit();
}

std::vector<ApiKeyRecord> GatewayStore::loadKeys()
{
    std::lock_guard lock(m_impl->mutex);
    std::vector<ApiKeyRecord> out;
    Statement s(*m_impl, std::string("SELECT ") + kKeyColumns + " FROM api_keys ORDER BY created_ms, id");
    while (s.step()) {
        ApiKeyRecord k;
        k.id = s.text(0);
        k.clientId = s.text(1);
        k.name = s.text(2);
        k.hashHex = s.text(3);
        k.createdMs = s.int64(4);
        k.expiresMs = s.optInt64(5);
        k.models = decodeList(s.text(6), "model");
        k.endpoints = decodeList(s.text(7), "endpoint");
        k.revoked = s.int64(8) != 0;
        k.revokedMs = s.optInt64(9);
        k.replacedBy = s.optText(10);
        k.graceUntilMs = s.optInt64(11);
        k.lastUsedMs = s.int64(12);
        out.push_back(std::move(k));
    }
    return out;
}

void GatewayStore::insertAdminToken(const AdminTokenRecord& t)
{
    std::lock_guard lock(m_impl->mutex);
    Transaction tx(*m_impl, true);
    Statement s(*m_impl, "INSERT INTO admin_tokens (id, name, role, hash_hex, created_ms, revoked) "
                         "VALUES (?, ?, ?, ?, ?, ?)");
    s.bind(t.id).bind(t.name).bind(t.role).bind(t.hashHex).bind(t.createdMs).bind(t.revoked);
    if (s.tryRun() != SQLITE_DONE) {
        m_impl->fail("cannot insert admin token '" + t.id + "'");
    }
    tx.commit();
}

void GatewayStore::updateAdminToken(const AdminTokenRecord& t)
{
    std::lock_guard lock(m_impl->mutex);
    Transaction tx(*m_impl, true);
    Statement s(*m_impl, "UPDATE admin_tokens SET name = ?, role = ?, hash_hex = ?, created_ms = ?, revoked = ? "
                         "WHERE id = ?");
    s.bind(t.name).bind(t.role).bind(t.hashHex).bind(t.createdMs).bind(t.revoked).bind(t.id).run();
    if (sqlite3_changes(m_impl->db) == 0) {
        throw StoreError("gateway database: no admin token with id '" + t.id + "'");
    }
    tx.commit();
}

std::vector<AdminTokenRecord> GatewayStore::loadAdminTokens()
{
    std::lock_guard lock(m_impl->mutex);
    std::vector<AdminTokenRecord> out;
    Statement s(*m_impl, "SELECT id, name, role, hash_hex, created_ms, revoked FROM admin_tokens "
                         "ORDER BY created_ms, id");
    while (s.step()) {
        out.push_back({s.text(0), s.text(1), s.text(2), s.text(3), s.int64(4), s.int64(5) != 0});
    }
    return out;
}

void GatewayStore::putPolicy(const PolicyRow& row)
{
    if (!isOneOf(row.scope, {"default", "client", "key"})) {
        throw std::invalid_argument("policy scope must be default, client or key (got '" + row.scope + "')");
    }
    if (!isOneOf(row.kind, {"limits", "output", "watermark", "risk", "action"})) {
        throw std::invalid_argument("policy kind must be limits, output, watermark, risk or action (got '" + row.kind
                                    + "')");
    }
    std::lock_guard lock(m_impl->mutex);
    Transaction tx(*m_impl, true);
    Statement s(*m_impl, "INSERT INTO policies (scope, scope_id, kind, json, updated_ms) VALUES (?, ?, ?, ?, ?) "
                         "ON CONFLICT (scope, scope_id, kind) DO UPDATE SET json = excluded.json, "
                         "updated_ms = excluded.updated_ms");
    s.bind(row.scope).bind(row.scopeId).bind(row.kind).bind(row.json).bind(row.updatedMs).run();
    tx.commit();
}

bool GatewayStore::deletePolicy(const std::string& scope, const std::string& scopeId, const std::string& kind)
{
    std::lock_guard lock(m_impl->mutex);
    Transaction tx(*m_impl, true);
    Statement s(*m_impl, "DELETE FROM policies WHERE scope = ? AND scope_id = ? AND kind = ?");
    s.bind(scope).bind(scopeId).bind(kind).run();
    const bool deleted = sqlite3_changes(m_impl->db) > 0;
    tx.commit();
    return deleted;
}

std::vector<PolicyRow> GatewayStore::loadPolicies()
{
    std::lock_guard lock(m_impl->mutex);
    std::vector<PolicyRow> out;
    Statement s(*m_impl, "SELECT scope, scope_id, kind, json, updated_ms FROM policies ORDER BY scope, scope_id, kind");
    while (s.step()) {
        out.push_back({s.text(0), s.text(1), s.text(2), s.text(3), s.int64(4)});
    }
    return out;
}

void GatewayStore::addUsage(const std::vector<UsageDelta>& deltas)
{
    if (deltas.empty()) {
        return;
    }
    std::lock_guard lock(m_impl->mutex);
    Transaction tx(*m_impl, false);
    for (const auto& d : deltas) {
        Statement s(*m_impl, "INSERT INTO usage (client_id, minute_ms, key_id, requests, prompt_tokens, "
                             "completion_tokens, rejected) VALUES (?, ?, ?, ?, ?, ?, ?) "
                             "ON CONFLICT (client_id, minute_ms, key_id) DO UPDATE SET "
                             "requests = requests + excluded.requests, "
                             "prompt_tokens = prompt_tokens + excluded.prompt_tokens, "
                             "completion_tokens = completion_tokens + excluded.completion_tokens, "
                             "rejected = rejected + excluded.rejected");
        s.bind(d.clientId)
            .bind(floorToMinute(d.minuteMs))
            .bind(d.keyId)
            .bind(d.requests)
            .bind(d.promptTokens)
            .bind(d.completionTokens)
            .bind(d.rejected)
            .run();
    }
    tx.commit();
}

std::vector<UsageRow> GatewayStore::usageSeries(const std::string& clientId, std::int64_t fromMs, std::int64_t toMs)
{
    std::lock_guard lock(m_impl->mutex);
    std::vector<UsageRow> out;
    Statement s(*m_impl, "SELECT minute_ms, SUM(requests), SUM(prompt_tokens), SUM(completion_tokens), SUM(rejected) "
                         "FROM usage WHERE client_id = ? AND minute_ms >= ? AND minute_ms < ? "
                         "GROUP BY minute_ms ORDER BY minute_ms");
    s.bind(clientId).bind(fromMs).bind(toMs);
    while (s.step()) {
        out.push_back({s.int64(0), s.int64(1), s.int64(2), s.int64(3), s.int64(4)});
    }
    return out;
}

std::vector<UsageRow> GatewayStore::fleetUsageSeries(std::int64_t fromMs, std::int64_t toMs)
{
    std::lock_guard lock(m_impl->mutex);
    std::vector<UsageRow> out;
    Statement s(*m_impl, "SELECT minute_ms, SUM(requests), SUM(prompt_tokens), SUM(completion_tokens), SUM(rejected) "
                         "FROM usage WHERE minute_ms >= ? AND minute_ms < ? GROUP BY minute_ms ORDER BY minute_ms");
    s.bind(fromMs).bind(toMs);
    while (s.step()) {
        out.push_back({s.int64(0), s.int64(1), s.int64(2), s.int64(3), s.int64(4)});
    }
    return out;
}

UsageRow GatewayStore::usageTotal(const std::string& clientId, std::int64_t fromMs, std::int64_t toMs)
{
    std::lock_guard lock(m_impl->mutex);
    Statement s(*m_impl, "SELECT COALESCE(SUM(requests), 0), COALESCE(SUM(prompt_tokens), 0), "
                         "COALESCE(SUM(completion_tokens), 0), COALESCE(SUM(rejected), 0) "
                         "FROM usage WHERE client_id = ? AND minute_ms >= ? AND minute_ms < ?");
    s.bind(clientId).bind(fromMs).bind(toMs);
    UsageRow row;
    row.minuteMs = fromMs;
    if (s.step()) {
        row.requests = s.int64(0);
        row.promptTokens = s.int64(1);
        row.completionTokens = s.int64(2);
        row.rejected = s.int64(3);
    }
    return row;
}

std::vector<std::string> GatewayStore::knownClients()
{
    std::lock_guard lock(m_impl->mutex);
    std::vector<std::string> out;
    Statement s(*m_impl, "SELECT client_id FROM api_keys UNION SELECT scope_id FROM policies WHERE scope = 'client' "
                         "UNION SELECT DISTINCT client_id FROM usage ORDER BY 1");
    while (s.step()) {
        out.push_back(s.text(0));
    }
    return out;
}

void GatewayStore::purgeUsageBefore(std::int64_t ms)
{
    std::lock_guard lock(m_impl->mutex);
    Transaction tx(*m_impl, false);
    Statement(*m_impl, "DELETE FROM usage WHERE minute_ms < ?").bind(ms).run();
    Statement(*m_impl, "DELETE FROM risk_points WHERE time_ms < ?").bind(ms).run();
    tx.commit();
}

std::int64_t GatewayStore::appendAudit(AuditRecord r)
{
    std::lock_guard lock(m_impl->mutex);
    Transaction tx(*m_impl, true);
    Statement s(*m_impl, "INSERT INTO audit (time_ms, actor, action, target, before_json, after_json, result) "
                         "VALUES (?, ?, ?, ?, ?, ?, ?)");
    s.bind(r.timeMs).bind(r.actor).bind(r.action).bind(r.target).bind(r.beforeJson).bind(r.afterJson).bind(r.result);
    s.run();
    const std::int64_t id = sqlite3_last_insert_rowid(m_impl->db);
    tx.commit();
    return id;
}

std::vector<AuditRecord> GatewayStore::listAudit(std::int64_t afterId, std::size_t limit)
{
    std::lock_guard lock(m_impl->mutex);
    std::vector<AuditRecord> out;
    if (limit == 0) {
        return out;
    }
    Statement s(*m_impl, "SELECT id, time_ms, actor, action, target, before_json, after_json, result FROM audit "
                         "WHERE id > ? ORDER BY id LIMIT ?");
    s.bind(afterId).bind(static_cast<std::int64_t>(std::min(limit, kMaxAuditPage)));
    while (s.step()) {
        out.push_back({s.int64(0), s.int64(1), s.text(2), s.text(3), s.text(4), s.text(5), s.text(6), s.text(7)});
    }
    return out;
}

void GatewayStore::appendRiskPoint(const std::string& clientId, const RiskPoint& point)
{
    std::lock_guard lock(m_impl->mutex);
    m_impl->setSynchronous(false);
    Statement s(*m_impl, "INSERT INTO risk_points (client_id, time_ms, score, action) VALUES (?, ?, ?, ?)");
    s.bind(clientId).bind(point.timeMs).bind(point.score).bind(point.action).run();
}

std::vector<RiskPoint> GatewayStore::riskHistory(const std::string& clientId, std::int64_t fromMs)
{
    std::lock_guard lock(m_impl->mutex);
    std::vector<RiskPoint> out;
    Statement s(*m_impl, "SELECT time_ms, score, action FROM risk_points WHERE client_id = ? AND time_ms >= ? "
                         "ORDER BY time_ms, rowid");
    s.bind(clientId).bind(fromMs);
    while (s.step()) {
        out.push_back({s.int64(0), s.real(1), s.text(2)});
    }
    return out;
}

void GatewayStore::putSetting(const std::string& name, const std::string& value)
{
    std::lock_guard lock(m_impl->mutex);
    Transaction tx(*m_impl, true);
    Statement s(*m_impl, "INSERT INTO settings (name, value) VALUES (?, ?) "
                         "ON CONFLICT (name) DO UPDATE SET value = excluded.value");
    s.bind(name).bind(value).run();
    tx.commit();
}

std::optional<std::string> GatewayStore::setting(const std::string& name)
{
    std::lock_guard lock(m_impl->mutex);
    Statement s(*m_impl, "SELECT value FROM settings WHERE name = ?");
    s.bind(name);
    if (s.step()) {
        return s.text(0);
    }
    return std::nullopt;
}

} // namespace modelguard::gateway
