#pragma once
// Generation and parsing of the gateway's secrets and public ids: API keys ("mg_<id>_<secret>"), admin tokens
// ("mga_<id>_<secret>") and the gateway id ("gw-<id>"). Randomness comes from OpenSSL (core/crypto); only SHA-256
// hashes of secrets are ever stored.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace modelguard::gateway {

/// Length of a public key/token id (lower-case RFC 4648 base32 characters).
inline constexpr std::size_t kSecretIdLength = 10;
/// Length of the random part of a key/token (base62 characters, about 190 bits).
inline constexpr std::size_t kSecretRandomLength = 32;

/// `count` random characters of the lower-case base32 alphabet "a-z2-7" (uniform: 5 bits per character).
std::string randomBase32(std::size_t count);
/// `count` random characters of [0-9A-Za-z] (uniform: rejection sampling, no modulo bias).
std::string randomBase62(std::size_t count);

/// A new gateway id: "gw-" + 8 random base32 characters.
std::string newGatewayId();

/// A new secret "<prefix>_<id>_<32 base62>" for the given id (prefix "mg" for keys, "mga" for admin tokens).
std::string makeSecret(std::string_view prefix, std::string_view id);

/// Lower-case hex SHA-256 of a secret, as stored.
std::string secretHash(std::string_view secret);

/// True for an id of exactly kSecretIdLength base32 characters.
bool isValidSecretId(std::string_view id) noexcept;

/// Result of parsing an Authorization header value or a bare secret.
enum class SecretParse { Ok, Missing, Malformed };
struct ParsedSecret
{
    SecretParse status = SecretParse::Malformed;
    std::string_view id;     ///< points into the input
    std::string_view secret; ///< the whole secret string (points into the input)
};

/// Accepts "Bearer <secret>" (scheme case-insensitive, surrounding blanks ignored) or "<secret>" and checks that the
/// secret has exactly the shape "<prefix>_<id>_<32 base62>". Empty or blank input is Missing; anything else that does
/// not have that shape (including "Bearer" without a secret) is Malformed. Never throws.
ParsedSecret parseSecret(std::string_view authorizationOrSecret, std::string_view prefix) noexcept;

} // namespace modelguard::gateway
