#pragma once
// Ed25519 signatures (RFC 8032) through OpenSSL's EVP_PKEY. Keys are raw 32-byte values as in the RFC.

#include "core/crypto/Crypto.h"

namespace modelguard::crypto {

using Ed25519PublicKey = std::array<std::uint8_t, 32>;
using Ed25519Signature = std::array<std::uint8_t, 64>;

class Ed25519PrivateKey
{
public:
    /// A new random key.
    static Ed25519PrivateKey generate();
    /// The key whose 32-byte seed (RFC 8032 "secret key") is given. Throws CryptoError on a wrong size.
    static Ed25519PrivateKey fromSeed(ByteView seed);

    ~Ed25519PrivateKey();
    Ed25519PrivateKey(Ed25519PrivateKey&&) noexcept;
    Ed25519PrivateKey& operator=(Ed25519PrivateKey&&) noexcept;
    Ed25519PrivateKey(const Ed25519PrivateKey&) = delete;
    Ed25519PrivateKey& operator=(const Ed25519PrivateKey&) = delete;

    Ed25519PublicKey publicKey() const;
    /// The 32-byte seed; handle like any secret.
    Bytes seed() const;
    Ed25519Signature sign(ByteView message) const;

private:
    struct Impl;
    explicit Ed25519PrivateKey(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

/// True only when signature is a valid Ed25519 signature of message under publicKey. Never throws on bad input.
bool ed25519Verify(ByteView publicKey, ByteView message, ByteView signature) noexcept;

} // namespace modelguard::crypto
