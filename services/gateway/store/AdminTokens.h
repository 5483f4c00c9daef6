#pragma once
// Admin API bearer tokens ("mga_<id>_<secret>", roles viewer and admin): created with the secret shown once (only its
// SHA-256 is stored), authenticated from memory under a shared lock with a constant-time compare, revoked for good.

#include "services/gateway/store/GatewayStore.h"

#include <mutex>
#include <optional>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace modelguard::gateway {

class AdminTokens
{
public:
    explicit AdminTokens(GatewayStore& store); ///< loads all tokens

    /// name: 1-200 characters (UTF-8, no control characters); role: "viewer" or "admin". Throws
    /// std::invalid_argument otherwise (nothing stored). Returns the record and the secret (shown once).
    std::pair<AdminTokenRecord, std::string> create(const std::string& name, const std::string& role,
                                                    std::int64_t nowMs);
    /// "Bearer mga_..." (or the bare token): the token's record if it is known, matches and is not revoked.
    std::optional<AdminTokenRecord> authenticate(std::string_view authorizationHeader) const;
    std::vector<AdminTokenRecord> list() const; ///< ordered by creation time, then id
    /// true if the token exists (it stays revoked for good).
    bool revoke(const std::string& id);
    /// Re-reads the tokens from the store (e.g. after another process bootstrapped a token).
    void reload();

private:
    GatewayStore& m_store;
    std::mutex m_writeMutex;
    mutable std::shared_mutex m_mutex;
    std::unordered_map<std::string, AdminTokenRecord> m_tokens;
};

} // namespace modelguard::gateway
