#pragma once
// API keys of the data plane: creation (the secret is shown once and only its SHA-256 is stored), authentication on
// the hot path from an in-memory index (shared lock, one SHA-256, constant-time compare, no SQLite), rotation with a
// grace period, revocation and per-key scopes (models, endpoints). Every mutation writes through to the store.

#include "services/gateway/store/GatewayStore.h"

#include <atomic>
#include <memory>
#include <mutex>
#include <optional>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace modelguard::gateway {

struct KeySpec
{
    std::string clientId; ///< 1-128 chars of [A-Za-z0-9._:@-]
    std::string name;     ///< at most 200 characters (UTF-8), no control characters
    std::optional<std::int64_t> expiresMs;
    std::vector<std::string> models;    ///< at most 100; empty = all
    std::vector<std::string> endpoints; ///< subset of chat, completions, embeddings, models; empty = all
};

struct KeyPatch
{
    std::optional<std::string> name;
    std::optional<std::optional<std::int64_t>> expiresMs; ///< set: new expiry (inner nullopt = never expires)
    std::optional<std::vector<std::string>> models, endpoints;
};

struct IssuedKey
{
    ApiKeyRecord record;
    std::string secret; ///< shown once, never stored
};

enum class AuthStatus { Ok, Missing, Malformed, Unknown, Revoked, Expired };

struct KeyAuth
{
    AuthStatus status = AuthStatus::Missing;
    std::shared_ptr<const ApiKeyRecord> key; ///< set for Ok, Revoked and Expired
};

/// Validation shared with the admin API: each throws std::invalid_argument with a message naming the field.
void validateClientId(std::string_view clientId);
void validateKeyName(std::string_view name);
/// Returns the list without duplicates (first occurrence kept).
std::vector<std::string> normalizeModels(const std::vector<std::string>& models);
std::vector<std::string> normalizeEndpoints(const std::vector<std::string>& endpoints);

/// In-memory index over the store's keys. Thread-safe; authenticate() never waits for the database (writers
/// persist first and then swap the record in under a short exclusive lock).
class KeyRegistry
{
public:
    explicit KeyRegistry(GatewayStore& store); ///< loads all keys
    ~KeyRegistry();
    KeyRegistry(const KeyRegistry&) = delete;
    KeyRegistry& operator=(const KeyRegistry&) = delete;

    /// Throws std::invalid_argument on a bad spec (nothing is stored then), StoreError if the store fails.
    IssuedKey create(const KeySpec& spec, std::int64_t nowMs);

    /// Accepts "Bearer <key>" or "<key>". Empty/blank input: Missing. Not of the key's shape: Malformed. Unknown id or
    /// a secret that does not match: Unknown. Revoked: Revoked. Past expiresMs, or rotated and past graceUntilMs:
    /// Expired. Never throws on any input.
    KeyAuth authenticate(std::string_view authorizationHeaderOrKey, std::int64_t nowMs) const;

    /// Records include the latest in-memory lastUsedMs.
    std::optional<ApiKeyRecord> find(const std::string& id) const;
    /// Ordered by creation time, then id; only the client's keys when clientId is set.
    std::vector<ApiKeyRecord> list(const std::optional<std::string>& clientId = {}) const;

    /// nullopt if the id is unknown. Throws std::invalid_argument on bad fields (nothing changes then).
    std::optional<ApiKeyRecord> update(const std::string& id, const KeyPatch& patch);
    /// New key for the same client, name, expiry and scopes; the old key stays valid until nowMs + graceMs, then
    /// Expired. nullopt if the id is unknown, revoked or already rotated. Throws std::invalid_argument if graceMs < 0.
    std::optional<IssuedKey> rotate(const std::string& id, std::int64_t graceMs, std::int64_t nowMs);
    /// true if the key exists (revoking a revoked key keeps its first revocation time).
    bool revoke(const std::string& id, std::int64_t nowMs);
    /// Revokes every non-revoked key of the client in one transaction; returns how many.
    std::size_t revokeClient(const std::string& clientId, std::int64_t nowMs);

    /// Marks the key used at nowMs in memory only (lock-free beyond the shared lock); flush() persists.
    void noteUse(const std::string& id, std::int64_t nowMs);
    /// Persists last-used times noted since the previous flush (one transaction).
    void flush();

    /// Model and endpoint scopes. An empty model passes a model-restricted key only for the "models" endpoint.
    static bool allows(const ApiKeyRecord& key, std::string_view model, std::string_view endpoint);

private:
    struct Entry
    {
        std::shared_ptr<const ApiKeyRecord> record;
        std::shared_ptr<std::atomic<std::int64_t>> lastUsed;
        std::shared_ptr<std::atomic<std::int64_t>> persistedLastUsed;
    };

    std::optional<Entry> entry(const std::string& id) const;
    ApiKeyRecord withLastUsed(const Entry& e) const;
    void put(const ApiKeyRecord& record);

    GatewayStore& m_store;
    std::mutex m_writeMutex; ///< serialises mutations (store write + index swap)
    mutable std::shared_mutex m_mutex;
    std::unordered_map<std::string, Entry> m_keys;
};

} // namespace modelguard::gateway
