#pragma once
// Thin RAII wrappers over OpenSSL 3 EVP for every primitive the project needs. No primitive is implemented here:
// each function delegates to OpenSSL and turns its failures into CryptoError.
// Thread safety: free functions are thread-safe; a Sha256/HmacSha256 object must not be shared between threads.

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace modelguard::crypto {

using Bytes = std::vector<std::uint8_t>;
using ByteView = std::span<const std::uint8_t>;
using Sha256Digest = std::array<std::uint8_t, 32>;

/// Thrown when OpenSSL reports a failure (out of memory, bad key size, RNG failure). Carries OpenSSL's error text.
class CryptoError : public std::runtime_error
{
public:
    explicit CryptoError(const std::string& what);
};

/// Views a string's bytes (no copy, lifetime of the string).
inline ByteView asBytes(std::string_view s) noexcept
{
    return {reinterpret_cast<const std::uint8_t*>(s.data()), s.size()};
}

/// Cryptographically secure random bytes (RAND_bytes). Throws CryptoError if the RNG fails.
void randomFill(std::span<std::uint8_t> out);
Bytes randomBytes(std::size_t count);

/// SHA-256 of a message in one call.
Sha256Digest sha256(ByteView data);
inline Sha256Digest sha256(std::string_view data)
{
    return sha256(asBytes(data));
}

/// Incremental SHA-256 (EVP_MD_CTX). finish() may be called once; reset() starts a new message.
class Sha256
{
public:
    Sha256();
    ~Sha256();
    Sha256(Sha256&&) noexcept;
    Sha256& operator=(Sha256&&) noexcept;
    Sha256(const Sha256&) = delete;
    Sha256& operator=(const Sha256&) = delete;

    void update(ByteView data);
    void update(std::string_view data) { update(asBytes(data)); }
    Sha256Digest finish();
    void reset();

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

/// HMAC-SHA256 in one call (RFC 2104 / RFC 4231).
Sha256Digest hmacSha256(ByteView key, ByteView data);

/// Keyed HMAC-SHA256 that can be re-used for many messages with the same key: the key schedule is computed once
/// (EVP_MAC_CTX duplicated per message), which makes short messages several times faster than hmacSha256().
class HmacSha256
{
public:
    explicit HmacSha256(ByteView key);
    ~HmacSha256();
    HmacSha256(HmacSha256&&) noexcept;
    HmacSha256& operator=(HmacSha256&&) noexcept;
    HmacSha256(const HmacSha256&) = delete;
    HmacSha256& operator=(const HmacSha256&) = delete;

    /// MAC of one complete message.
    Sha256Digest mac(ByteView data) const;
    /// MAC of the concatenation of several parts (no copy of the parts).
    Sha256Digest mac(std::initializer_list<ByteView> parts) const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

/// HKDF-SHA256 extract-and-expand (RFC 5869). length must be in 1..8160.
Bytes hkdfSha256(ByteView inputKeyMaterial, ByteView salt, ByteView info, std::size_t length);

/// AES-256-GCM (NIST SP 800-38D). key: 32 bytes; iv: 12 bytes recommended (any non-empty length accepted);
/// tag: 16 bytes. Encryption throws CryptoError on bad sizes.
struct AesGcmSealed
{
    Bytes ciphertext;
    std::array<std::uint8_t, 16> tag {};
};
AesGcmSealed aes256GcmEncrypt(ByteView key, ByteView iv, ByteView plaintext, ByteView additionalData = {});
/// Returns the plaintext, or std::nullopt when the tag does not authenticate (wrong key, iv, aad or tampering).
/// tag may be 4..16 bytes (truncated tags as in the NIST vectors). Throws CryptoError only on bad key/iv sizes.
std::optional<Bytes> aes256GcmDecrypt(ByteView key, ByteView iv, ByteView ciphertext, ByteView tag,
                                      ByteView additionalData = {});

/// Compares two byte strings in time that depends only on their lengths (CRYPTO_memcmp).
bool constantTimeEqual(ByteView a, ByteView b) noexcept;
inline bool constantTimeEqual(std::string_view a, std::string_view b) noexcept
{
    return constantTimeEqual(asBytes(a), asBytes(b));
}

/// Lower-case hex encoding and strict decoding (even length, [0-9a-fA-F] only; std::nullopt otherwise).
std::string toHex(ByteView data);
std::optional<Bytes> fromHex(std::string_view hex);

} // namespace modelguard::crypto
