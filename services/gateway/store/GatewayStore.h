#pragma once
// The gateway's persistent state in one SQLite database (WAL): API keys and admin tokens (hashes only), policy
// overrides, per-minute usage, the admin audit trail, risk history and settings. Schema versions are applied as
// migrations keyed by PRAGMA user_version. Thread-safe: one connection behind a mutex, prepared statements cached.

#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace modelguard::gateway {

/// Any failure of the database (cannot open, not a database, corrupt, not writable, busy, full...).
class StoreError : public std::runtime_error
{
public:
    explicit StoreError(const std::string& what);
};

struct ApiKeyRecord
{
    std::string id; ///< public id, 10 lowercase base32 chars; shown as prefix "mg_<id>"
    std::string clientId;
    std::string name;
    std::string hashHex; ///< SHA-256 of the full secret key string, hex
    std::int64_t createdMs = 0;
    std::optional<std::int64_t> expiresMs;
    std::vector<std::string> models;    ///< allowed models; empty = all
    std::vector<std::string> endpoints; ///< allowed: "chat", "completions", "embeddings", "models"; empty = all
    bool revoked = false;
    std::optional<std::int64_t> revokedMs;
    std::optional<std::string> replacedBy;    ///< rotation: the new key's id
    std::optional<std::int64_t> graceUntilMs; ///< rotation: old key valid until then
    std::int64_t lastUsedMs = 0;

    bool operator==(const ApiKeyRecord&) const = default;
};

struct AdminTokenRecord
{
    std::string id;
    std::string name;
    std::string role; ///< "viewer" | "admin"
    std::string hashHex;
    std::int64_t createdMs = 0;
    bool revoked = false;

    bool operator==(const AdminTokenRecord&) const = default;
};

struct PolicyRow
{
    std::string scope; ///< "default" | "client" | "key"
    std::string scopeId;
    std::string kind; ///< "limits" | "output" | "watermark" | "risk" | "action"
    std::string json;
    std::int64_t updatedMs = 0;

    bool operator==(const PolicyRow&) const = default;
};

struct UsageDelta
{
    std::string clientId;
    std::string keyId;
    std::int64_t minuteMs = 0; ///< floored to the minute by the store
    std::int64_t requests = 0, promptTokens = 0, completionTokens = 0, rejected = 0;
};

struct UsageRow
{
    std::int64_t minuteMs = 0;
    std::int64_t requests = 0, promptTokens = 0, completionTokens = 0, rejected = 0;

    bool operator==(const UsageRow&) const = default;
};

struct AuditRecord
{
    std::int64_t id = 0;
    std::int64_t timeMs = 0;
    std::string actor; ///< admin token id + name
    std::string action;
    std::string target;
    std::string beforeJson;
    std::string afterJson;
    std::string result; ///< "ok" or error text

    bool operator==(const AuditRecord&) const = default;
};

struct RiskPoint
{
    std::int64_t timeMs = 0;
    double score = 0;
    std::string action;

    bool operator==(const RiskPoint&) const = default;
};

class GatewayStore
{
public:
    /// Current schema version (PRAGMA user_version after open()).
    static constexpr int kSchemaVersion = 1;

    /// Opens/creates the database, applies schema migrations (user_version), WAL, foreign keys, busy timeout.
    /// Durable writes (keys, tokens, policies, audit, settings) commit with synchronous=FULL before returning;
    /// telemetry writes (usage, last-used times, risk points) commit with synchronous=NORMAL.
    /// Throws StoreError with a clear message on failure (corrupt file, not a database, not writable, newer schema).
    static std::unique_ptr<GatewayStore> open(const std::string& path);
    ~GatewayStore();
    GatewayStore(const GatewayStore&) = delete;
    GatewayStore& operator=(const GatewayStore&) = delete;

    /// Throws StoreError if the id exists already (insert) or does not exist (update).
    void insertKey(const ApiKeyRecord& key);
    void updateKey(const ApiKeyRecord& key);
    /// Inserts and updates several keys in ONE transaction (rotation, revoking all keys of a client).
    void applyKeyChanges(const std::vector<ApiKeyRecord>& inserts, const std::vector<ApiKeyRecord>& updates);
    /// Raises last_used_ms of the given keys to the given times (never lowers it), in one transaction.
    void touchKeys(const std::vector<std::pair<std::string, std::int64_t>>& lastUsed);
    std::vector<ApiKeyRecord> loadKeys(); ///< ordered by creation time, then id

    void insertAdminToken(const AdminTokenRecord& token);
    void updateAdminToken(const AdminTokenRecord& token);
    std::vector<AdminTokenRecord> loadAdminTokens(); ///< ordered by creation time, then id

    /// Inserts or replaces the row (scope, scopeId, kind). Throws std::invalid_argument for an unknown scope or kind.
    void putPolicy(const PolicyRow& row);
    /// Returns true if a row was deleted.
    bool deletePolicy(const std::string& scope, const std::string& scopeId, const std::string& kind);
    std::vector<PolicyRow> loadPolicies(); ///< ordered by scope, scopeId, kind

    /// Usage accounting: adds deltas (upsert-add per client, key, minute) in one transaction.
    void addUsage(const std::vector<UsageDelta>& deltas);
    /// Per minute in [fromMs, toMs), all keys of the client summed, ascending.
    std::vector<UsageRow> usageSeries(const std::string& clientId, std::int64_t fromMs, std::int64_t toMs);
    /// Per minute in [fromMs, toMs), all clients and keys summed (the gateway's totals), ascending.
    std::vector<UsageRow> fleetUsageSeries(std::int64_t fromMs, std::int64_t toMs);
    /// Sum over [fromMs, toMs); minuteMs of the result is fromMs.
    UsageRow usageTotal(const std::string& clientId, std::int64_t fromMs, std::int64_t toMs);
    /// Every client id with keys, client policies or usage, sorted.
    std::vector<std::string> knownClients();
    /// Retention: deletes usage minutes and risk points older than ms.
    void purgeUsageBefore(std::int64_t ms);

    /// Appends an entry (its id field is ignored) and returns its id (strictly increasing, never reused).
    std::int64_t appendAudit(AuditRecord record);
    /// Entries with id > afterId, ascending, at most limit (capped at 10000).
    std::vector<AuditRecord> listAudit(std::int64_t afterId, std::size_t limit);

    void appendRiskPoint(const std::string& clientId, const RiskPoint& point);
    /// Points with timeMs >= fromMs, ascending by time.
    std::vector<RiskPoint> riskHistory(const std::string& clientId, std::int64_t fromMs);

    void putSetting(const std::string& name, const std::string& value);
    std::optional<std::string> setting(const std::string& name);

    /// The database file's path as given to open().
    const std::string& path() const;

private:
    struct Impl;
    explicit GatewayStore(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

} // namespace modelguard::gateway
