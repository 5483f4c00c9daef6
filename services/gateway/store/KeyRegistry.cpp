#include "services/gateway/store/KeyRegistry.h"

#include "core/crypto/Crypto.h"
#include "services/gateway/store/Secrets.h"

#include <algorithm>
#include <limits>
#include <stdexcept>

namespace modelguard::gateway {

namespace {

constexpr std::size_t kMaxClientIdLength = 128;
constexpr std::size_t kMaxNameLength = 200;
constexpr std::size_t kMaxModels = 100;
constexpr std::size_t kMaxModelLength = 256;
constexpr std::string_view kEndpoints[] = {"chat", "completions", "embeddings", "models"};

/// Number of code points of valid UTF-8 without control characters, or nullopt.
std::optional<std::size_t> printableUtf8Length(std::string_view s)
{
    std::size_t count = 0;
    for (std::size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        std::size_t len = 0;
        std::uint32_t cp = 0;
        if (c < 0x80) {
            if (c < 0x20 || c == 0x7f) {
                return std::nullopt;
            }
            len = 1;
            cp = c;
        } else if ((c & 0xe0) == 0xc0) {
            len = 2;
            cp = c & 0x1fu;
        } else if ((c & 0xf0) == 0xe0) {
            len = 3;
            cp = c & 0x0fu;
        } else if ((c & 0xf8) == 0xf0) {
            len = 4;
            cp = c & 0x07u;
        } else {
            return std::nullopt;
        }
        if (i + len > s.size()) {
            return std::nullopt;
        }
        for (std::size_t j = 1; j < len; ++j) {
            const auto cc = static_cast<unsigned char>(s[i + j]);
            if ((cc & 0xc0) != 0x80) {
                return std::nullopt;
            }
            cp = (cp << 6) | (cc & 0x3fu);
        }
        const bool overlong = (len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000);
        if (overlong || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff) || (cp >= 0x80 && cp < 0xa0)) {
            return std::nullopt;
        }
        i += len;
        ++count;
    }
    return count;
}

bool isClientIdChar(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_'
           || c == ':' || c == '@' || c == '-';
}

bool expiredAt(const ApiKeyRecord& k, std::int64_t nowMs)
{
    if (k.expiresMs && nowMs >= *k.expiresMs) {
        return true;
    }
    return k.replacedBy && k.graceUntilMs && nowMs >= *k.graceUntilMs;
}

} // namespace

void validateClientId(std::string_view clientId)
{
    if (clientId.empty() || clientId.size() > kMaxClientIdLength) {
        throw std::invalid_argument("client id must be 1 to 128 characters long");
    }
    if (!std::all_of(clientId.begin(), clientId.end(), isClientIdChar)) {
        throw std::invalid_argument("client id may contain only letters, digits and . _ : @ -");
    }
}

void validateKeyName(std::string_view name)
{
    const auto length = printableUtf8Length(name);
    if (!length) {
        throw std::invalid_argument("name must be valid UTF-8 without control characters");
    }
    if (*length > kMaxNameLength) {
        throw std::invalid_argument("name must be at most 200 characters long");
    }
}

std::vector<std::string> normalizeModels(const std::vector<std::string>& models)
{
    if (models.size() > kMaxModels) {
        throw std::invalid_argument("models may list at most 100 entries");
    }
    std::vector<std::string> out;
    for (const auto& m : models) {
        if (m.empty() || m.size() > kMaxModelLength || !printableUtf8Length(m)) {
            throw std::invalid_argument("each model must be 1 to 256 bytes of UTF-8 without control characters");
        }
        if (std::find(out.begin(), out.end(), m) == out.end()) {
            out.push_back(m);
        }
    }
    return out;
}

std::vector<std::string> normalizeEndpoints(const std::vector<std::string>& endpoints)
{
    std::vector<std::string> out;
    for (const auto& e : endpoints) {
        if (std::find(std::begin(kEndpoints), std::end(kEndpoints), e) == std::end(kEndpoints)) {
            throw std::invalid_argument("endpoints may only be chat, completions, embeddings or models (got '"
                                        + (printableUtf8Length(e) && e.size() <= 64 ? e : std::string("?")) + "')");
        }
        if (std::find(out.begin(), out.end(), e) == out.end()) {
            out.push_back(e);
        }
    }
    return out;
}

KeyRegistry::KeyRegistry(GatewayStore& store)
    : m_store(store)
{
    for (auto& k : m_store.loadKeys()) {
        put(k);
    }
}

KeyRegistry::~KeyRegistry() = default;

void KeyRegistry::put(const ApiKeyRecord& record)
{
    auto shared = std::make_shared<const ApiKeyRecord>(record);
    std::unique_lock lock(m_mutex);
    auto it = m_keys.find(record.id);
    if (it != m_keys.end()) {
        it->second.record = std::move(shared);
        std::int64_t seen = it->second.lastUsed->load(std::memory_order_relaxed);
        while (seen < record.lastUsedMs
               && !it->second.lastUsed->compare_exchange_weak(seen, record.lastUsedMs, std::memory_order_relaxed)) {
        }
        return;
    }
    Entry e;
    e.record = std::move(shared);
    e.lastUsed = std::make_shared<std::atomic<std::int64_t>>(record.lastUsedMs);
    e.persistedLastUsed = std::make_shared<std::atomic<std::int64_t>>(record.lastUsedMs);
    m_keys.emplace(record.id, std::move(e));
}

std::optional<KeyRegistry::Entry> KeyRegistry::entry(const std::string& id) const
{
    std::shared_lock lock(m_mutex);
    if (auto it = m_keys.find(id); it != m_keys.end()) {
        return it->second;
    }
    return std::nullopt;
}

ApiKeyRecord KeyRegistry::withLastUsed(const Entry& e) const
{
    ApiKeyRecord r = *e.record;
    r.lastUsedMs = std::max(r.lastUsedMs, e.lastUsed->load(std::memory_order_relaxed));
    return r;
}

IssuedKey KeyRegistry::create(const KeySpec& spec, std::int64_t nowMs)
{
    validateClientId(spec.clientId);
    validateKeyName(spec.name);
    if (spec.expiresMs && *spec.expiresMs <= nowMs) {
        throw std::invalid_argument("expires_ms must be in the future");
    }
    ApiKeyRecord record;
    record.clientId = spec.clientId;
    record.name = spec.name;
    record.createdMs = nowMs;
    record.expiresMs = spec.expiresMs;
    record.models = normalizeModels(spec.models);
    record.endpoints = normalizeEndpoints(spec.endpoints);

    std::lock_guard write(m_writeMutex);
    do {
        record.id = randomBase32(kSecretIdLength);
    } while (entry(record.id));
    IssuedKey issued;
    issued.secret = makeSecret("mg", record.id);
    record.hashHex = secretHash(issued.secret);
    m_store.insertKey(record);
    put(record);
    issued.record = std::move(record);
    return issued;
}

KeyAuth KeyRegistry::authenticate(std::string_view header, std::int64_t nowMs) const
{
    const ParsedSecret parsed = parseSecret(header, "mg");
    if (parsed.status == SecretParse::Missing) {
        return {AuthStatus::Missing, nullptr};
    }
    if (parsed.status != SecretParse::Ok) {
        return {AuthStatus::Malformed, nullptr};
    }
    std::string hash;
    try {
        hash = secretHash(parsed.secret);
    } catch (const std::exception&) {
        return {AuthStatus::Unknown, nullptr};
    }
    std::shared_ptr<const ApiKeyRecord> key;
    {
        std::shared_lock lock(m_mutex);
        const auto it = m_keys.find(std::string(parsed.id));
        if (it == m_keys.end()) {
            return {AuthStatus::Unknown, nullptr};
        }
        key = it->second.record;
    }
    if (!crypto::constantTimeEqual(hash, key->hashHex)) {
        return {AuthStatus::Unknown, nullptr};
    }
    if (key->revoked) {
        return {AuthStatus::Revoked, std::move(key)};
    }
    if (expiredAt(*key, nowMs)) {
        return {AuthStatus::Expired, std::move(key)};
    }
    return {AuthStatus::Ok, std::move(key)};
}

std::optional<ApiKeyRecord> KeyRegistry::find(const std::string& id) const
{
    if (const auto e = entry(id)) {
        return withLastUsed(*e);
    }
    return std::nullopt;
}

std::vector<ApiKeyRecord> KeyRegistry::list(const std::optional<std::string>& clientId) const
{
    std::vector<ApiKeyRecord> out;
    {
        std::shared_lock lock(m_mutex);
        for (const auto& [id, e] : m_keys) {
            if (!clientId || e.record->clientId == *clientId) {
                out.push_back(withLastUsed(e));
            }
        }
    }
    std::sort(out.begin(), out.end(), [](const ApiKeyRecord& a, const ApiKeyRecord& b) {
        return a.createdMs != b.createdMs ? a.createdMs < b.createdMs : a.id < b.id;
    });
    return out;
}

std::optional<ApiKeyRecord> KeyRegistry::update(const std::string& id, const KeyPatch& patch)
{
    if (patch.name) {
        validateKeyName(*patch.name);
    }
    std::optional<std::vector<std::string>> models, endpoints;
    if (patch.models) {
        models = normalizeModels(*patch.models);
    }
    if (patch.endpoints) {
        endpoints = normalizeEndpoints(*patch.endpoints);
    }
    std::lock_guard write(m_writeMutex);
    const auto e = entry(id);
    if (!e) {
        return std::nullopt;
    }
    ApiKeyRecord r = withLastUsed(*e);
    if (patch.name) {
        r.name = *patch.name;
    }
    if (patch.expiresMs) {
        r.expiresMs = *patch.expiresMs;
    }
    if (models) {
        r.models = std::move(*models);
    }
    if (endpoints) {
        r.endpoints = std::move(*endpoints);
    }
    m_store.updateKey(r);
    put(r);
    return r;
}

std::optional<IssuedKey> KeyRegistry::rotate(const std::string& id, std::int64_t graceMs, std::int64_t nowMs)
{
    if (graceMs < 0) {
        throw std::invalid_argument("grace period must not be negative");
    }
    std::lock_guard write(m_writeMutex);
    const auto e = entry(id);
    if (!e || e->record->revoked || e->record->replacedBy) {
        return std::nullopt;
    }
    ApiKeyRecord old = withLastUsed(*e);
    ApiKeyRecord fresh;
    do {
        fresh.id = randomBase32(kSecretIdLength);
    } while (entry(fresh.id));
    IssuedKey issued;
    issued.secret = makeSecret("mg", fresh.id);
    fresh.clientId = old.clientId;
    fresh.name = old.name;
    fresh.hashHex = secretHash(issued.secret);
    fresh.createdMs = nowMs;
    fresh.expiresMs = old.expiresMs;
    fresh.models = old.models;
    fresh.endpoints = old.endpoints;
    old.replacedBy = fresh.id;
    old.graceUntilMs = graceMs > std::numeric_limits<std::int64_t>::max() - nowMs
                           ? std::numeric_limits<std::int64_t>::max()
                           : nowMs + graceMs;
    m_store.applyKeyChanges({fresh}, {old});
    put(old);
    put(fresh);
    issued.record = std::move(fresh);
    return issued;
}

bool KeyRegistry::revoke(const std::string& id, std::int64_t nowMs)
{
    std::lock_guard write(m_writeMutex);
    const auto e = entry(id);
    if (!e) {
        return false;
    }
    if (e->record->revoked) {
        return true;
    }
    ApiKeyRecord r = withLastUsed(*e);
    r.revoked = true;
    r.revokedMs = nowMs;
    m_store.updateKey(r);
    put(r);
    return true;
}

std::size_t KeyRegistry::revokeClient(const std::string& clientId, std::int64_t nowMs)
{
    std::lock_guard write(m_writeMutex);
    std::vector<ApiKeyRecord> changed;
    {
        std::shared_lock lock(m_mutex);
        for (const auto& [id, e] : m_keys) {
            if (e.record->clientId == clientId && !e.record->revoked) {
                ApiKeyRecord r = withLastUsed(e);
                r.revoked = true;
                r.revokedMs = nowMs;
                changed.push_back(std::move(r));
            }
        }
    }
    if (changed.empty()) {
        return 0;
    }
    m_store.applyKeyChanges({}, changed);
    for (const auto& r : changed) {
        put(r);
    }
    return changed.size();
}

void KeyRegistry::noteUse(const std::string& id, std::int64_t nowMs)
{
    std::shared_lock lock(m_mutex);
    const auto it = m_keys.find(id);
    if (it == m_keys.end()) {
        return;
    }
    auto& lastUsed = *it->second.lastUsed;
    std::int64_t seen = lastUsed.load(std::memory_order_relaxed);
    while (seen < nowMs && !lastUsed.compare_exchange_weak(seen, nowMs, std::memory_order_relaxed)) {
    }
}

void KeyRegistry::flush()
{
    std::lock_guard write(m_writeMutex);
    std::vector<std::pair<std::string, std::int64_t>> dirty;
    std::vector<std::shared_ptr<std::atomic<std::int64_t>>> persisted;
    {
        std::shared_lock lock(m_mutex);
        for (const auto& [id, e] : m_keys) {
            const std::int64_t used = e.lastUsed->load(std::memory_order_relaxed);
            if (used > e.persistedLastUsed->load(std::memory_order_relaxed)) {
                dirty.emplace_back(id, used);
                persisted.push_back(e.persistedLastUsed);
            }
        }
    }
    m_store.touchKeys(dirty);
    for (std::size_t i = 0; i < dirty.size(); ++i) {
        persisted[i]->store(dirty[i].second, std::memory_order_relaxed);
    }
}

bool KeyRegistry::allows(const ApiKeyRecord& key, std::string_view model, std::string_view endpoint)
{
    const bool modelOk = key.models.empty() || (model.empty() && endpoint == "models")
                         || std::find(key.models.begin(), key.models.end(), model) != key.models.end();
    const bool endpointOk =
        key.endpoints.empty() || std::find(key.endpoints.begin(), key.endpoints.end(), endpoint) != key.endpoints.end();
    return modelOk && endpointOk;
}

} // namespace modelguard::gateway
