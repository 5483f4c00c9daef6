#include "services/gateway/auth/JwtVerifier.h"

#include "core/crypto/Crypto.h"

#include <boost/json.hpp>
#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/param_build.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <limits>
#include <list>
#include <sstream>
#include <stdexcept>
#include <unordered_map>

namespace modelguard::gateway::auth {

namespace json = boost::json;

struct JwkSet::Key
{
    enum class Type { Rsa, EcP256 };
    Type type = Type::Rsa;
    std::string kid;
    std::optional<std::string> alg; ///< the JWK's own "alg", when it names one
    std::shared_ptr<EVP_PKEY> pkey;
    std::size_t signatureBytes = 0; ///< RSA: modulus size; ES256: 64
};

namespace {

using Bytes = std::vector<unsigned char>;

constexpr std::size_t kMaxJwksBytes = 1024 * 1024;
constexpr std::size_t kMaxKeys = 256;
constexpr int kMinRsaBits = 2048;
constexpr int kMaxRsaBits = 8192;

int base64UrlValue(char c)
{
    if (c >= 'A' && c <= 'Z') {
        return c - 'A';
    }
    if (c >= 'a' && c <= 'z') {
        return c - 'a' + 26;
    }
    if (c >= '0' && c <= '9') {
        return c - '0' + 52;
    }
    if (c == '-') {
        return 62;
    }
    if (c == '_') {
        return 63;
    }
    return -1;
}

/// Strict base64url without padding (RFC 7515 section 2): only the URL alphabet, no '=', no whitespace, and the
/// unused bits of the last character zero, so that every byte string has exactly one accepted spelling.
std::optional<Bytes> base64UrlDecode(std::string_view text)
{
    if (text.size() % 4 == 1) {
        return std::nullopt;
    }
    Bytes out;
    out.reserve(text.size() * 3 / 4 + 3);
    std::uint32_t buffer = 0;
    int bits = 0;
    for (const char c : text) {
        const int v = base64UrlValue(c);
        if (v < 0) {
            return std::nullopt;
        }
        buffer = (buffer << 6) | static_cast<std::uint32_t>(v);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out.push_back(static_cast<unsigned char>((buffer >> bits) & 0xFF));
        }
    }
    if (bits > 0 && (buffer & ((1U << bits) - 1)) != 0) {
        return std::nullopt;
    }
    return out;
}

struct PkeyCtxFree
{
    void operator()(EVP_PKEY_CTX* p) const { EVP_PKEY_CTX_free(p); }
};
struct MdCtxFree
{
    void operator()(EVP_MD_CTX* p) const { EVP_MD_CTX_free(p); }
};
struct BnFree
{
    void operator()(BIGNUM* p) const { BN_free(p); }
};
struct ParamBldFree
{
    void operator()(OSSL_PARAM_BLD* p) const { OSSL_PARAM_BLD_free(p); }
};
struct ParamFree
{
    void operator()(OSSL_PARAM* p) const { OSSL_PARAM_free(p); }
};
struct EcdsaSigFree
{
    void operator()(ECDSA_SIG* p) const { ECDSA_SIG_free(p); }
};
using BnPtr = std::unique_ptr<BIGNUM, BnFree>;

std::shared_ptr<EVP_PKEY> fromData(const char* type, OSSL_PARAM* params)
{
    std::unique_ptr<EVP_PKEY_CTX, PkeyCtxFree> ctx(EVP_PKEY_CTX_new_from_name(nullptr, type, nullptr));
    if (!ctx || EVP_PKEY_fromdata_init(ctx.get()) != 1) {
        return nullptr;
    }
    EVP_PKEY* raw = nullptr;
    if (EVP_PKEY_fromdata(ctx.get(), &raw, EVP_PKEY_PUBLIC_KEY, params) != 1 || raw == nullptr) {
        return nullptr;
    }
    std::shared_ptr<EVP_PKEY> pkey(raw, EVP_PKEY_free);
    std::unique_ptr<EVP_PKEY_CTX, PkeyCtxFree> check(EVP_PKEY_CTX_new_from_pkey(nullptr, pkey.get(), nullptr));
    if (!check || EVP_PKEY_public_check(check.get()) != 1) {
        return nullptr;
    }
    return pkey;
}

std::string memberString(const json::object& o, std::string_view name, const std::string& where, bool required)
{
    const auto* v = o.if_contains(name);
    if (v == nullptr) {
        if (required) {
            throw std::invalid_argument(where + ": missing \"" + std::string(name) + "\"");
        }
        return {};
    }
    if (!v->is_string()) {
        throw std::invalid_argument(where + ": \"" + std::string(name) + "\" must be a string");
    }
    return std::string(v->as_string());
}

Bytes memberBytes(const json::object& o, std::string_view name, const std::string& where)
{
    const std::string text = memberString(o, name, where, true);
    auto bytes = base64UrlDecode(text);
    if (!bytes || bytes->empty()) {
        throw std::invalid_argument(where + ": \"" + std::string(name) + "\" is not base64url");
    }
    return std::move(*bytes);
}

std::shared_ptr<JwkSet::Key> rsaKey(const json::object& o, const std::string& where)
{
    Bytes n = memberBytes(o, "n", where);
    const Bytes e = memberBytes(o, "e", where);
    if (e.size() > 8) {
        throw std::invalid_argument(where + ": RSA exponent \"e\" is too large");
    }
    BnPtr bn(BN_bin2bn(n.data(), static_cast<int>(n.size()), nullptr));
    BnPtr be(BN_bin2bn(e.data(), static_cast<int>(e.size()), nullptr));
    if (!bn || !be) {
        throw std::runtime_error("out of memory");
    }
    const int bits = BN_num_bits(bn.get());
    if (bits < kMinRsaBits || bits > kMaxRsaBits) {
        throw std::invalid_argument(where + ": RSA modulus of " + std::to_string(bits) + " bits ("
                                    + std::to_string(kMinRsaBits) + " to " + std::to_string(kMaxRsaBits)
                                    + " accepted)");
    }
    if (!BN_is_odd(be.get()) || BN_is_one(be.get())) {
        throw std::invalid_argument(where + ": invalid RSA exponent \"e\"");
    }
    std::unique_ptr<OSSL_PARAM_BLD, ParamBldFree> builder(OSSL_PARAM_BLD_new());
    if (!builder || OSSL_PARAM_BLD_push_BN(builder.get(), OSSL_PKEY_PARAM_RSA_N, bn.get()) != 1
        || OSSL_PARAM_BLD_push_BN(builder.get(), OSSL_PKEY_PARAM_RSA_E, be.get()) != 1) {
        throw std::runtime_error("out of memory");
    }
    std::unique_ptr<OSSL_PARAM, ParamFree> params(OSSL_PARAM_BLD_to_param(builder.get()));
    if (!params) {
        throw std::runtime_error("out of memory");
    }
    auto key = std::make_shared<JwkSet::Key>();
    key->type = JwkSet::Key::Type::Rsa;
    key->pkey = fromData("RSA", params.get());
    if (!key->pkey) {
        throw std::invalid_argument(where + ": OpenSSL refused the RSA public key");
    }
    key->signatureBytes = static_cast<std::size_t>(EVP_PKEY_get_size(key->pkey.get()));
    return key;
}

std::shared_ptr<JwkSet::Key> ecKey(const json::object& o, const std::string& where)
{
    const Bytes x = memberBytes(o, "x", where);
    const Bytes y = memberBytes(o, "y", where);
    if (x.size() != 32 || y.size() != 32) {
        throw std::invalid_argument(where + ": P-256 coordinates \"x\" and \"y\" must be 32 bytes each");
    }
    std::array<unsigned char, 65> point {};
    point[0] = 0x04; // uncompressed
    std::copy(x.begin(), x.end(), point.begin() + 1);
    std::copy(y.begin(), y.end(), point.begin() + 33);
    char group[] = "prime256v1";
    OSSL_PARAM params[] = {
        OSSL_PARAM_construct_utf8_string(OSSL_PKEY_PARAM_GROUP_NAME, group, 0),
        OSSL_PARAM_construct_octet_string(OSSL_PKEY_PARAM_PUB_KEY, point.data(), point.size()),
        OSSL_PARAM_construct_end(),
    };
    auto key = std::make_shared<JwkSet::Key>();
    key->type = JwkSet::Key::Type::EcP256;
    key->pkey = fromData("EC", params);
    if (!key->pkey) {
        throw std::invalid_argument(where + ": the EC point is not on P-256");
    }
    key->signatureBytes = 64;
    return key;
}

/// DER ECDSA-Sig-Value from JWS's fixed-size R || S (RFC 7518 section 3.4).
std::optional<Bytes> ecdsaDer(const Bytes& raw)
{
    if (raw.size() != 64) {
        return std::nullopt;
    }
    std::unique_ptr<ECDSA_SIG, EcdsaSigFree> sig(ECDSA_SIG_new());
    BnPtr r(BN_bin2bn(raw.data(), 32, nullptr));
    BnPtr s(BN_bin2bn(raw.data() + 32, 32, nullptr));
    if (!sig || !r || !s || ECDSA_SIG_set0(sig.get(), r.get(), s.get()) != 1) {
        return std::nullopt;
    }
    r.release(); // owned by sig now
    s.release();
    const int length = i2d_ECDSA_SIG(sig.get(), nullptr);
    if (length <= 0) {
        return std::nullopt;
    }
    Bytes der(static_cast<std::size_t>(length));
    unsigned char* out = der.data();
    if (i2d_ECDSA_SIG(sig.get(), &out) != length) {
        return std::nullopt;
    }
    return der;
}

bool verifySignature(const JwkSet::Key& key, std::string_view signingInput, const Bytes& signature)
{
    Bytes der;
    const Bytes* sig = &signature;
    if (key.type == JwkSet::Key::Type::EcP256) {
        auto converted = ecdsaDer(signature);
        if (!converted) {
            return false;
        }
        der = std::move(*converted);
        sig = &der;
    } else if (signature.size() != key.signatureBytes) {
        return false;
    }
    std::unique_ptr<EVP_MD_CTX, MdCtxFree> ctx(EVP_MD_CTX_new());
    if (!ctx || EVP_DigestVerifyInit(ctx.get(), nullptr, EVP_sha256(), nullptr, key.pkey.get()) != 1) {
        return false;
    }
    // RSA keys default to PKCS #1 v1.5 padding, which is RS256's.
    return EVP_DigestVerify(ctx.get(), sig->data(), sig->size(),
                            reinterpret_cast<const unsigned char*>(signingInput.data()), signingInput.size())
           == 1;
}

std::optional<json::object> parseObject(const Bytes& bytes)
{
    std::error_code ec;
    json::value v = json::parse(std::string_view(reinterpret_cast<const char*>(bytes.data()), bytes.size()), ec);
    if (ec || !v.is_object()) {
        return std::nullopt;
    }
    return std::move(v.as_object());
}

/// A NumericDate (RFC 7519 section 2) in milliseconds, clamped to a range where arithmetic cannot overflow.
std::optional<double> numericDateMs(const json::value& v)
{
    double seconds = 0;
    if (v.is_int64()) {
        seconds = static_cast<double>(v.as_int64());
    } else if (v.is_uint64()) {
        seconds = static_cast<double>(v.as_uint64());
    } else if (v.is_double()) {
        seconds = v.as_double();
    } else {
        return std::nullopt;
    }
    if (!std::isfinite(seconds)) {
        return std::nullopt;
    }
    constexpr double limit = 1e15; // ~31 million years
    return std::clamp(seconds, -limit, limit) * 1000.0;
}

const json::value* claimAt(const json::object& payload, std::string_view path)
{
    if (const auto* literal = payload.if_contains(path)) {
        return literal;
    }
    const json::object* current = &payload;
    for (;;) {
        const auto dot = path.find('.');
        const auto part = path.substr(0, dot);
        const auto* v = current->if_contains(part);
        if (v == nullptr || dot == std::string_view::npos) {
            return v;
        }
        if (!v->is_object()) {
            return nullptr;
        }
        current = &v->as_object();
        path = path.substr(dot + 1);
    }
}

JwtResult fail(JwtStatus status, std::string message)
{
    JwtResult r;
    r.status = status;
    r.message = std::move(message);
    return r;
}

std::string readFile(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        throw std::runtime_error("cannot open the JWKS file '" + path + "'");
    }
    std::string text;
    text.resize(kMaxJwksBytes + 1);
    in.read(text.data(), static_cast<std::streamsize>(text.size()));
    if (in.bad()) {
        throw std::runtime_error("cannot read the JWKS file '" + path + "'");
    }
    text.resize(static_cast<std::size_t>(in.gcount()));
    if (text.size() > kMaxJwksBytes) {
        throw std::runtime_error("the JWKS file '" + path + "' is larger than 1 MiB");
    }
    return text;
}

} // namespace

// --- free functions ----------------------------------------------------------------------------------------------

void validateAlgorithms(const std::vector<std::string>& algorithms)
{
    if (algorithms.empty()) {
        throw std::invalid_argument("the list of JWT algorithms is empty");
    }
    for (const auto& a : algorithms) {
        std::string upper = a;
        std::transform(upper.begin(), upper.end(), upper.begin(),
                       [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
        if (upper == "NONE" || upper.starts_with("HS")) {
            throw std::invalid_argument("JWT algorithm '" + a
                                        + "' is never accepted (unsigned or shared-secret tokens); use RS256 or ES256");
        }
        if (a != "RS256" && a != "ES256") {
            throw std::invalid_argument("unsupported JWT algorithm '" + a + "' (supported: RS256, ES256)");
        }
    }
}

bool isValidClientId(std::string_view id)
{
    if (id.empty() || id.size() > 128) {
        return false;
    }
    return std::all_of(id.begin(), id.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_'
               || c == ':' || c == '@' || c == '-';
    });
}

bool isValidClaimPath(std::string_view path)
{
    if (path.empty() || path.size() > 256 || path.front() == '.' || path.back() == '.'
        || path.find("..") != std::string_view::npos) {
        return false;
    }
    return std::all_of(path.begin(), path.end(), [](char c) { return c > 0x20 && c < 0x7f; });
}

std::string_view jwtErrorCode(JwtStatus status)
{
    switch (status) {
    case JwtStatus::Ok:
        return {};
    case JwtStatus::TooLarge:
        return "jwt_too_large";
    case JwtStatus::Malformed:
        return "invalid_jwt";
    case JwtStatus::UnsupportedAlg:
        return "jwt_unsupported_alg";
    case JwtStatus::UnknownKey:
        return "jwt_unknown_kid";
    case JwtStatus::KeyMismatch:
        return "jwt_key_mismatch";
    case JwtStatus::BadSignature:
        return "jwt_bad_signature";
    case JwtStatus::MissingExp:
        return "jwt_missing_exp";
    case JwtStatus::Expired:
        return "jwt_expired";
    case JwtStatus::NotYetValid:
        return "jwt_not_yet_valid";
    case JwtStatus::IssuedInFuture:
        return "jwt_issued_in_future";
    case JwtStatus::WrongIssuer:
        return "jwt_wrong_issuer";
    case JwtStatus::WrongAudience:
        return "jwt_wrong_audience";
    case JwtStatus::BadClientClaim:
        return "jwt_invalid_client";
    }
    return "invalid_jwt";
}

// --- JwkSet ------------------------------------------------------------------------------------------------------

JwkSet::JwkSet() = default;
JwkSet::JwkSet(JwkSet&&) noexcept = default;
JwkSet& JwkSet::operator=(JwkSet&&) noexcept = default;
JwkSet::~JwkSet() = default;

std::size_t JwkSet::size() const
{
    return m_keys.size();
}

std::vector<std::string> JwkSet::kids() const
{
    std::vector<std::string> out;
    for (const auto& k : m_keys) {
        out.push_back(k->kid);
    }
    return out;
}

JwkSet JwkSet::parse(std::string_view text)
{
    std::error_code ec;
    const json::value doc = json::parse(text, ec);
    if (ec) {
        throw std::invalid_argument("not valid JSON (" + ec.message() + ")");
    }
    if (!doc.is_object() || !doc.as_object().contains("keys") || !doc.as_object().at("keys").is_array()) {
        throw std::invalid_argument("a JWKS is an object with a \"keys\" array");
    }
    const auto& keys = doc.as_object().at("keys").as_array();
    if (keys.size() > kMaxKeys) {
        throw std::invalid_argument("more than " + std::to_string(kMaxKeys) + " keys");
    }
    JwkSet set;
    std::size_t index = 0;
    for (const auto& entry : keys) {
        const std::string where = "key " + std::to_string(index++);
        if (!entry.is_object()) {
            throw std::invalid_argument(where + ": not an object");
        }
        const auto& o = entry.as_object();
        const std::string kty = memberString(o, "kty", where, true);
        const std::string use = memberString(o, "use", where, false);
        if (!use.empty() && use != "sig") {
            continue;
        }
        std::shared_ptr<Key> key;
        if (kty == "RSA") {
            key = rsaKey(o, where);
        } else if (kty == "EC") {
            const std::string crv = memberString(o, "crv", where, true);
            if (crv != "P-256") {
                continue;
            }
            key = ecKey(o, where);
        } else {
            continue; // oct (shared secrets) and other types are never used
        }
        key->kid = memberString(o, "kid", where, false);
        const std::string alg = memberString(o, "alg", where, false);
        if (!alg.empty()) {
            key->alg = alg;
        }
        for (const auto& other : set.m_keys) {
            if (other->kid == key->kid) {
                throw std::invalid_argument(where + ": kid '" + key->kid + "' appears twice");
            }
        }
        set.m_keys.push_back(std::move(key));
    }
    if (set.m_keys.empty()) {
        throw std::invalid_argument("no usable signing key (RSA, or EC on P-256)");
    }
    return set;
}

// --- JwtVerifier -------------------------------------------------------------------------------------------------

/// Bounded LRU of verified tokens, keyed by the token's SHA-256.
struct JwtVerifier::Cache
{
    struct Entry
    {
        std::string digest;
        std::string clientId;
        double expMs = 0;
    };
    explicit Cache(std::size_t entries)
        : capacity(entries)
    { }

    std::optional<Entry> find(const std::string& digest)
    {
        std::lock_guard lock(mutex);
        const auto it = index.find(digest);
        if (it == index.end()) {
            return std::nullopt;
        }
        order.splice(order.begin(), order, it->second);
        ++hits;
        return *it->second;
    }
    void erase(const std::string& digest)
    {
        std::lock_guard lock(mutex);
        if (const auto it = index.find(digest); it != index.end()) {
            order.erase(it->second);
            index.erase(it);
        }
    }
    void put(Entry entry)
    {
        if (capacity == 0) {
            return;
        }
        std::lock_guard lock(mutex);
        if (const auto it = index.find(entry.digest); it != index.end()) {
            order.erase(it->second);
            index.erase(it);
        }
        order.push_front(std::move(entry));
        index.emplace(order.front().digest, order.begin());
        while (order.size() > capacity) {
            index.erase(order.back().digest);
            order.pop_back();
        }
    }
    void clear()
    {
        std::lock_guard lock(mutex);
        order.clear();
        index.clear();
    }

    std::size_t capacity;
    std::mutex mutex;
    std::list<Entry> order; ///< most recently used first
    std::unordered_map<std::string, std::list<Entry>::iterator> index;
    std::uint64_t hits = 0;
};

JwtVerifier::JwtVerifier(JwtOptions options)
    : m_options(std::move(options))
    , m_cache(std::make_unique<Cache>(m_options.cacheEntries))
{
    if (m_options.jwksFile.empty()) {
        throw std::invalid_argument("no JWKS file given");
    }
    validateAlgorithms(m_options.algorithms);
    if (!isValidClaimPath(m_options.clientClaim)) {
        throw std::invalid_argument("invalid client claim '" + m_options.clientClaim + "'");
    }
    if (m_options.leewaySeconds < 0 || m_options.leewaySeconds > 86'400) {
        throw std::invalid_argument("JWT leeway must be between 0 and 86400 seconds");
    }
    if (m_options.maxTokenBytes < 16) {
        throw std::invalid_argument("JWT maximum size must be at least 16 bytes");
    }
    if (auto error = reload()) {
        throw std::runtime_error(*error);
    }
}

JwtVerifier::~JwtVerifier() = default;

bool JwtVerifier::looksLikeJwt(std::string_view token)
{
    return std::count(token.begin(), token.end(), '.') == 2;
}

std::optional<std::string> JwtVerifier::reload()
{
    std::optional<FileStamp> stamp;
    {
        std::error_code ec;
        const auto mtime = std::filesystem::last_write_time(m_options.jwksFile, ec);
        const auto size = ec ? 0 : std::filesystem::file_size(m_options.jwksFile, ec);
        if (!ec) {
            stamp = FileStamp {std::chrono::duration_cast<std::chrono::nanoseconds>(mtime.time_since_epoch()).count(),
                               size};
        }
    }
    std::shared_ptr<const JwkSet> keys;
    try {
        keys = std::make_shared<const JwkSet>(JwkSet::parse(readFile(m_options.jwksFile)));
    } catch (const std::invalid_argument& e) {
        std::lock_guard lock(m_keysMutex);
        m_stamp = stamp; // do not retry the same broken file on every check
        return "JWKS file '" + m_options.jwksFile + "': " + e.what();
    } catch (const std::exception& e) {
        std::lock_guard lock(m_keysMutex);
        m_stamp = stamp;
        return e.what();
    }
    {
        std::lock_guard lock(m_keysMutex);
        m_keys = std::move(keys);
        m_stamp = stamp;
        ++m_reloads;
    }
    m_cache->clear();
    return std::nullopt;
}

void JwtVerifier::maybeReload(std::int64_t nowMs)
{
    std::optional<FileStamp> known;
    {
        std::lock_guard lock(m_keysMutex);
        if (m_reloads > 0 && nowMs - m_lastCheckMs < m_options.reloadCheckInterval.count()) {
            return;
        }
        m_lastCheckMs = nowMs;
        known = m_stamp;
    }
    std::error_code ec;
    const auto mtime = std::filesystem::last_write_time(m_options.jwksFile, ec);
    if (ec) {
        return; // a file that is briefly missing (being replaced) keeps the keys in force
    }
    const auto size = std::filesystem::file_size(m_options.jwksFile, ec);
    if (ec) {
        return;
    }
    const FileStamp now {std::chrono::duration_cast<std::chrono::nanoseconds>(mtime.time_since_epoch()).count(), size};
    if (!known || !(*known == now)) {
        reload();
    }
}

std::size_t JwtVerifier::keyCount() const
{
    std::lock_guard lock(m_keysMutex);
    return m_keys ? m_keys->size() : 0;
}

std::uint64_t JwtVerifier::cacheHits() const
{
    std::lock_guard lock(m_cache->mutex);
    return m_cache->hits;
}

std::uint64_t JwtVerifier::keyReloads() const
{
    std::lock_guard lock(m_keysMutex);
    return m_reloads;
}

JwtResult JwtVerifier::verify(std::string_view token, std::int64_t nowMs)
{
    try {
        if (token.size() > m_options.maxTokenBytes) {
            return fail(JwtStatus::TooLarge, "The bearer token is longer than the gateway accepts ("
                                                 + std::to_string(m_options.maxTokenBytes) + " bytes).");
        }
        maybeReload(nowMs);
        const auto digest = crypto::sha256(token);
        const std::string digestKey(reinterpret_cast<const char*>(digest.data()), digest.size());
        const double leewayMs = static_cast<double>(m_options.leewaySeconds) * 1000.0;
        if (auto hit = m_cache->find(digestKey)) {
            if (static_cast<double>(nowMs) >= hit->expMs + leewayMs) {
                m_cache->erase(digestKey);
                return fail(JwtStatus::Expired, "The bearer token has expired.");
            }
            JwtResult r;
            r.status = JwtStatus::Ok;
            r.clientId = std::move(hit->clientId);
            r.expiresMs = static_cast<std::int64_t>(hit->expMs);
            r.cached = true;
            return r;
        }
        std::shared_ptr<const JwkSet> keys;
        {
            std::lock_guard lock(m_keysMutex);
            keys = m_keys;
        }
        if (!keys) {
            return fail(JwtStatus::UnknownKey, "The gateway has no keys to verify bearer tokens with.");
        }
        JwtResult result = verifyUncached(token, nowMs, *keys);
        if (result.status == JwtStatus::Ok) {
            m_cache->put({digestKey, result.clientId, static_cast<double>(result.expiresMs)});
        }
        return result;
    } catch (const std::exception&) {
        return fail(JwtStatus::Malformed, "The bearer token could not be processed.");
    }
}

JwtResult JwtVerifier::verifyUncached(std::string_view token, std::int64_t nowMs, const JwkSet& keys) const
{
    const auto firstDot = token.find('.');
    const auto secondDot = firstDot == std::string_view::npos ? firstDot : token.find('.', firstDot + 1);
    if (secondDot == std::string_view::npos || token.find('.', secondDot + 1) != std::string_view::npos) {
        return fail(JwtStatus::Malformed, "The bearer token is not a JWT (three base64url parts separated by dots).");
    }
    const std::string_view headerText = token.substr(0, firstDot);
    const std::string_view payloadText = token.substr(firstDot + 1, secondDot - firstDot - 1);
    const std::string_view signatureText = token.substr(secondDot + 1);

    // Header: which algorithm and which key. Nothing else from it is trusted (no jku, x5u or embedded jwk).
    const auto headerBytes = base64UrlDecode(headerText);
    const auto header = headerBytes ? parseObject(*headerBytes) : std::nullopt;
    if (!header) {
        return fail(JwtStatus::Malformed, "The bearer token's header is not base64url-encoded JSON.");
    }
    const auto* algValue = header->if_contains("alg");
    if (algValue == nullptr || !algValue->is_string()) {
        return fail(JwtStatus::Malformed, "The bearer token's header has no \"alg\".");
    }
    const std::string alg(algValue->as_string());
    if (std::find(m_options.algorithms.begin(), m_options.algorithms.end(), alg) == m_options.algorithms.end()) {
        std::string accepted;
        for (const auto& a : m_options.algorithms) {
            accepted += (accepted.empty() ? "" : ", ") + a;
        }
        return fail(JwtStatus::UnsupportedAlg,
                    "The bearer token's algorithm is not accepted here (accepted: " + accepted + ").");
    }
    if (header->contains("crit")) {
        return fail(JwtStatus::UnsupportedAlg, "The bearer token has critical header parameters (\"crit\").");
    }
    std::optional<std::string> kid;
    if (const auto* k = header->if_contains("kid")) {
        if (!k->is_string()) {
            return fail(JwtStatus::Malformed, "The bearer token's \"kid\" is not a string.");
        }
        kid = std::string(k->as_string());
    }
    const JwkSet::Key* key = nullptr;
    if (kid) {
        for (const auto& candidate : keys.m_keys) {
            if (candidate->kid == *kid) {
                key = candidate.get();
                break;
            }
        }
        if (key == nullptr) {
            return fail(JwtStatus::UnknownKey, "The bearer token's key id (kid) is not in the gateway's key set.");
        }
    } else if (keys.m_keys.size() == 1) {
        key = keys.m_keys.front().get();
    } else {
        return fail(JwtStatus::UnknownKey,
                    "The bearer token names no key (kid) and the gateway's key set has several.");
    }
    const bool fits = alg == "RS256" ? key->type == JwkSet::Key::Type::Rsa : key->type == JwkSet::Key::Type::EcP256;
    if (!fits || (key->alg && *key->alg != alg)) {
        return fail(JwtStatus::KeyMismatch, "The bearer token's algorithm does not match its key.");
    }

    // Signature, before anything of the payload is looked at.
    const auto signature = base64UrlDecode(signatureText);
    if (!signature || signature->empty()) {
        return fail(JwtStatus::Malformed, "The bearer token's signature is not base64url.");
    }
    if (!verifySignature(*key, token.substr(0, secondDot), *signature)) {
        return fail(JwtStatus::BadSignature, "The bearer token's signature is not valid.");
    }

    // Claims.
    const auto payloadBytes = base64UrlDecode(payloadText);
    const auto payload = payloadBytes ? parseObject(*payloadBytes) : std::nullopt;
    if (!payload) {
        return fail(JwtStatus::Malformed, "The bearer token's payload is not a JSON object.");
    }
    const double now = static_cast<double>(nowMs);
    const double leewayMs = static_cast<double>(m_options.leewaySeconds) * 1000.0;
    const auto* expValue = payload->if_contains("exp");
    if (expValue == nullptr) {
        return fail(JwtStatus::MissingExp, "The bearer token has no expiry (\"exp\"); the gateway requires one.");
    }
    const auto exp = numericDateMs(*expValue);
    if (!exp) {
        return fail(JwtStatus::Malformed, "The bearer token's \"exp\" is not a number.");
    }
    if (now >= *exp + leewayMs) {
        return fail(JwtStatus::Expired, "The bearer token has expired.");
    }
    if (const auto* nbfValue = payload->if_contains("nbf")) {
        const auto nbf = numericDateMs(*nbfValue);
        if (!nbf) {
            return fail(JwtStatus::Malformed, "The bearer token's \"nbf\" is not a number.");
        }
        if (now + leewayMs < *nbf) {
            return fail(JwtStatus::NotYetValid, "The bearer token is not valid yet (\"nbf\").");
        }
    }
    if (const auto* iatValue = payload->if_contains("iat")) {
        const auto iat = numericDateMs(*iatValue);
        if (!iat) {
            return fail(JwtStatus::Malformed, "The bearer token's \"iat\" is not a number.");
        }
        if (now + leewayMs < *iat) {
            return fail(JwtStatus::IssuedInFuture, "The bearer token was issued in the future (\"iat\").");
        }
    }
    if (m_options.issuer) {
        const auto* iss = payload->if_contains("iss");
        if (iss == nullptr || !iss->is_string() || iss->as_string() != *m_options.issuer) {
            return fail(JwtStatus::WrongIssuer, "The bearer token was not issued by the issuer this gateway trusts.");
        }
    }
    if (m_options.audience) {
        const auto* aud = payload->if_contains("aud");
        bool matches = false;
        if (aud != nullptr && aud->is_string()) {
            matches = aud->as_string() == *m_options.audience;
        } else if (aud != nullptr && aud->is_array()) {
            for (const auto& a : aud->as_array()) {
                matches = matches || (a.is_string() && a.as_string() == *m_options.audience);
            }
        }
        if (!matches) {
            return fail(JwtStatus::WrongAudience, "The bearer token is not meant for this gateway (\"aud\").");
        }
    }
    const auto* claim = claimAt(*payload, m_options.clientClaim);
    if (claim == nullptr || !claim->is_string() || !isValidClientId(claim->as_string())) {
        return fail(JwtStatus::BadClientClaim, "The bearer token's \"" + m_options.clientClaim
                                                   + "\" claim is missing or not a valid client id (1-128 characters "
                                                     "of A-Z a-z 0-9 . _ : @ -).");
    }
    JwtResult result;
    result.status = JwtStatus::Ok;
    result.clientId = std::string(claim->as_string());
    result.expiresMs = static_cast<std::int64_t>(*exp);
    return result;
}

} // namespace modelguard::gateway::auth
