#include "services/gateway/store/AdminTokens.h"

#include "core/crypto/Crypto.h"
#include "services/gateway/store/KeyRegistry.h"
#include "services/gateway/store/Secrets.h"

#include <algorithm>
#include <stdexcept>

namespace modelguard::gateway {

AdminTokens::AdminTokens(GatewayStore& store)
    : m_store(store)
{
    reload();
}

void AdminTokens::reload()
{
    std::unordered_map<std::string, AdminTokenRecord> tokens;
    for (auto& t : m_store.loadAdminTokens()) {
        std::string id = t.id;
        tokens.emplace(std::move(id), std::move(t));
    }
    std::unique_lock lock(m_mutex);
    m_tokens = std::move(tokens);
}

std::pair<AdminTokenRecord, std::string> AdminTokens::create(const std::string& name, const std::string& role,
                                                             std::int64_t nowMs)
{
    if (name.empty()) {
        throw std::invalid_argument("token name must not be empty");
    }
    validateKeyName(name);
    if (role != "viewer" && role != "admin") {
        throw std::invalid_argument("role must be viewer or admin");
    }
    AdminTokenRecord record;
    record.name = name;
    record.role = role;
    record.createdMs = nowMs;

    std::lock_guard write(m_writeMutex);
    for (;;) {
        record.id = randomBase32(kSecretIdLength);
        std::shared_lock lock(m_mutex);
        if (!m_tokens.contains(record.id)) {
            break;
        }
    }
    std::string secret = makeSecret("mga", record.id);
    record.hashHex = secretHash(secret);
    m_store.insertAdminToken(record);
    {
        std::unique_lock lock(m_mutex);
        m_tokens[record.id] = record;
    }
    return {std::move(record), std::move(secret)};
}

std::optional<AdminTokenRecord> AdminTokens::authenticate(std::string_view authorizationHeader) const
{
    const ParsedSecret parsed = parseSecret(authorizationHeader, "mga");
    if (parsed.status != SecretParse::Ok) {
        return std::nullopt;
    }
    std::string hash;
    try {
        hash = secretHash(parsed.secret);
    } catch (const std::exception&) {
        return std::nullopt;
    }
    std::shared_lock lock(m_mutex);
    const auto it = m_tokens.find(std::string(parsed.id));
    if (it == m_tokens.end() || !crypto::constantTimeEqual(hash, it->second.hashHex) || it->second.revoked) {
        return std::nullopt;
    }
    return it->second;
}

std::vector<AdminTokenRecord> AdminTokens::list() const
{
    std::vector<AdminTokenRecord> out;
    {
        std::shared_lock lock(m_mutex);
        for (const auto& [id, t] : m_tokens) {
            out.push_back(t);
        }
    }
    std::sort(out.begin(), out.end(), [](const AdminTokenRecord& a, const AdminTokenRecord& b) {
        return a.createdMs != b.createdMs ? a.createdMs < b.createdMs : a.id < b.id;
    });
    return out;
}

bool AdminTokens::revoke(const std::string& id)
{
    std::lock_guard write(m_writeMutex);
    AdminTokenRecord record;
    {
        std::shared_lock lock(m_mutex);
        const auto it = m_tokens.find(id);
        if (it == m_tokens.end()) {
            return false;
        }
        if (it->second.revoked) {
            return true;
        }
        record = it->second;
    }
    record.revoked = true;
    m_store.updateAdminToken(record);
    std::unique_lock lock(m_mutex);
    m_tokens[id] = std::move(record);
    return true;
}

} // namespace modelguard::gateway
