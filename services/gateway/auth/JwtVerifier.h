#pragma once
// JWT bearer tokens on the data plane (RFC 7519, JWS compact form, RFC 7515): RS256 and ES256 signatures checked with
// the public keys of a JWKS file (RFC 7517), the standard claims (exp required, nbf, iat, iss, aud) and one claim
// naming the client the token stands for. Signatures are checked with OpenSSL's EVP_DigestVerify; the algorithm is
// never taken from the token alone: it must be in the allow-list and match the type of the key `kid` names ("none"
// and HS* are always refused). Successful verifications are cached per token (bounded LRU, until exp), and the JWKS
// file is read again when its modification time or size changes (checked at most once per reload interval).
// No Beast and no Boost.JSON in this header.

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace modelguard::gateway::auth {

struct JwtOptions
{
    std::string jwksFile;                                   ///< JSON Web Key Set file; empty = JWT authentication off
    std::string clientClaim = "sub";                        ///< claim naming the client; "a.b" = member b of object a
    std::optional<std::string> issuer;                      ///< required "iss" when set
    std::optional<std::string> audience;                    ///< must be "aud" (or one of its entries) when set
    std::vector<std::string> algorithms {"RS256", "ES256"}; ///< accepted "alg" values (subset of RS256, ES256)
    std::int64_t leewaySeconds = 60;                        ///< clock skew allowed for exp, nbf and iat
    std::size_t maxTokenBytes = 8192;                       ///< longer tokens are refused before any parsing
    std::size_t cacheEntries = 4096;                        ///< verified tokens remembered (0 = no cache)
    std::chrono::milliseconds reloadCheckInterval {10'000}; ///< how often the JWKS file's mtime/size is looked at

    bool enabled() const { return !jwksFile.empty(); }
};

/// Algorithms the verifier implements. Throws std::invalid_argument naming the offender for anything else ("none"
/// and HS* with a message saying they are never accepted) and for an empty list.
void validateAlgorithms(const std::vector<std::string>& algorithms);
/// The client id rule shared with API keys: 1-128 characters of [A-Za-z0-9._:@-].
bool isValidClientId(std::string_view id);
/// A claim path: non-empty, dot-separated non-empty parts, printable ASCII, at most 256 characters.
bool isValidClaimPath(std::string_view path);

enum class JwtStatus {
    Ok,
    TooLarge,       ///< jwt_too_large
    Malformed,      ///< invalid_jwt: not three base64url parts, bad JSON, bad header
    UnsupportedAlg, ///< jwt_unsupported_alg: none, HS*, not in the allow-list, or crit headers
    UnknownKey,     ///< jwt_unknown_kid
    KeyMismatch,    ///< jwt_key_mismatch: alg does not fit the key's type, curve, "alg" or "use"
    BadSignature,   ///< jwt_bad_signature
    MissingExp,     ///< jwt_missing_exp
    Expired,        ///< jwt_expired
    NotYetValid,    ///< jwt_not_yet_valid (nbf in the future)
    IssuedInFuture, ///< jwt_issued_in_future (iat in the future)
    WrongIssuer,    ///< jwt_wrong_issuer
    WrongAudience,  ///< jwt_wrong_audience
    BadClientClaim, ///< jwt_invalid_client: claim missing, not a string, or not a valid client id
};

/// OpenAI-style error code of a status ("invalid_jwt", "jwt_expired", ...); empty for Ok.
std::string_view jwtErrorCode(JwtStatus status);

struct JwtResult
{
    JwtStatus status = JwtStatus::Malformed;
    std::string clientId;       ///< set for Ok
    std::int64_t expiresMs = 0; ///< exp of a valid token
    std::string message;        ///< for the client: what is wrong, never key material
    bool cached = false;        ///< answered from the verification cache
};

/// The public keys of one JWKS document.
class JwkSet
{
public:
    /// Parses {"keys":[...]}: RSA keys (n, e; at least 2048 bits) and EC P-256 keys (x, y on the curve). Keys with
    /// "use" other than "sig" and other key types (oct, OKP, other curves) are skipped. Throws std::invalid_argument
    /// for invalid JSON, a malformed RSA/EC key, two keys with the same kid, or no usable key at all.
    static JwkSet parse(std::string_view json);

    JwkSet(JwkSet&&) noexcept;
    JwkSet& operator=(JwkSet&&) noexcept;
    ~JwkSet();

    std::size_t size() const;
    std::vector<std::string> kids() const; ///< in file order; "" for keys without kid

    struct Key;

private:
    JwkSet();
    friend class JwtVerifier;
    std::vector<std::shared_ptr<const Key>> m_keys;
};

/// Thread-safe; verify() may be called from any number of threads at once.
class JwtVerifier
{
public:
    /// Validates the options and loads the JWKS file. Throws std::runtime_error with a message naming the file when
    /// it cannot be read or holds no usable key, std::invalid_argument for bad options.
    explicit JwtVerifier(JwtOptions options);
    ~JwtVerifier();
    JwtVerifier(const JwtVerifier&) = delete;
    JwtVerifier& operator=(const JwtVerifier&) = delete;

    /// A bearer value that has the shape of a compact JWS (exactly two dots) rather than of an API key.
    static bool looksLikeJwt(std::string_view token);

    /// Verifies a token (without "Bearer "). Never throws on any input.
    JwtResult verify(std::string_view token, std::int64_t nowMs);

    /// Reads the JWKS file again now. On failure the previous keys stay in force and the error is returned;
    /// on success the verification cache is emptied. Also called by verify() when the file changed.
    std::optional<std::string> reload();

    std::size_t keyCount() const;
    const JwtOptions& options() const { return m_options; }
    /// Cache statistics (for tests and metrics).
    std::uint64_t cacheHits() const;
    std::uint64_t keyReloads() const;

private:
    struct FileStamp
    {
        std::int64_t mtimeNs = 0;
        std::uintmax_t size = 0;
        bool operator==(const FileStamp&) const = default;
    };
    struct Cache;

    void maybeReload(std::int64_t nowMs);
    JwtResult verifyUncached(std::string_view token, std::int64_t nowMs, const JwkSet& keys) const;

    JwtOptions m_options;
    mutable std::mutex m_keysMutex; ///< guards m_keys, m_stamp, m_lastCheckMs, m_reloads
    std::shared_ptr<const JwkSet> m_keys;
    std::optional<FileStamp> m_stamp;
    std::int64_t m_lastCheckMs = 0;
    std::uint64_t m_reloads = 0;
    std::unique_ptr<Cache> m_cache;
};

} // namespace modelguard::gateway::auth
