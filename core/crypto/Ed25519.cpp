#include "core/crypto/Ed25519.h"

#include <openssl/err.h>
#include <openssl/evp.h>

namespace modelguard::crypto {

namespace {

struct PkeyDeleter
{
    void operator()(EVP_PKEY* key) const noexcept { EVP_PKEY_free(key); }
};
struct MdCtxDeleter
{
    void operator()(EVP_MD_CTX* ctx) const noexcept { EVP_MD_CTX_free(ctx); }
};
using PkeyPtr = std::unique_ptr<EVP_PKEY, PkeyDeleter>;
using MdCtxPtr = std::unique_ptr<EVP_MD_CTX, MdCtxDeleter>;

[[noreturn]] void fail(const char* what)
{
    ERR_clear_error();
    throw CryptoError(std::string("OpenSSL Ed25519: ") + what);
}

} // namespace

struct Ed25519PrivateKey::Impl
{
    PkeyPtr key;
};

Ed25519PrivateKey::Ed25519PrivateKey(std::unique_ptr<Impl> impl)
    : m_impl(std::move(impl))
{ }

Ed25519PrivateKey::~Ed25519PrivateKey() = default;
Ed25519PrivateKey::Ed25519PrivateKey(Ed25519PrivateKey&&) noexcept = default;
Ed25519PrivateKey& Ed25519PrivateKey::operator=(Ed25519PrivateKey&&) noexcept = default;

Ed25519PrivateKey Ed25519PrivateKey::generate()
{
    Bytes seed = randomBytes(32);
    Ed25519PrivateKey key = fromSeed(seed);
    OPENSSL_cleanse(seed.data(), seed.size());
    return key;
}

Ed25519PrivateKey Ed25519PrivateKey::fromSeed(ByteView seed)
{
    if (seed.size() != 32) {
        throw CryptoError("Ed25519: the private key seed must be 32 bytes");
    }
    auto impl = std::make_unique<Impl>();
    impl->key.reset(EVP_PKEY_new_raw_private_key(EVP_PKEY_ED25519, nullptr, seed.data(), seed.size()));
    if (!impl->key) {
        fail("EVP_PKEY_new_raw_private_key");
    }
    return Ed25519PrivateKey(std::move(impl));
}

Ed25519PublicKey Ed25519PrivateKey::publicKey() const
{
    Ed25519PublicKey out {};
    std::size_t length = out.size();
    if (EVP_PKEY_get_raw_public_key(m_impl->key.get(), out.data(), &length) != 1 || length != out.size()) {
        fail("EVP_PKEY_get_raw_public_key");
    }
    return out;
}

Bytes Ed25519PrivateKey::seed() const
{
    Bytes out(32);
    std::size_t length = out.size();
    if (EVP_PKEY_get_raw_private_key(m_impl->key.get(), out.data(), &length) != 1 || length != out.size()) {
        fail("EVP_PKEY_get_raw_private_key");
    }
    return out;
}

Ed25519Signature Ed25519PrivateKey::sign(ByteView message) const
{
    MdCtxPtr ctx {EVP_MD_CTX_new()};
    if (!ctx || EVP_DigestSignInit(ctx.get(), nullptr, nullptr, nullptr, m_impl->key.get()) != 1) {
        fail("EVP_DigestSignInit");
    }
    Ed25519Signature signature {};
    std::size_t length = signature.size();
    static const unsigned char empty = 0;
    if (EVP_DigestSign(ctx.get(), signature.data(), &length, message.empty() ? &empty : message.data(), message.size())
            != 1
        || length != signature.size()) {
        fail("EVP_DigestSign");
    }
    return signature;
}

bool ed25519Verify(ByteView publicKey, ByteView message, ByteView signature) noexcept
{
    if (publicKey.size() != 32 || signature.size() != 64) {
        return false;
    }
    PkeyPtr key {EVP_PKEY_new_raw_public_key(EVP_PKEY_ED25519, nullptr, publicKey.data(), publicKey.size())};
    if (!key) {
        ERR_clear_error();
        return false;
    }
    MdCtxPtr ctx {EVP_MD_CTX_new()};
    if (!ctx || EVP_DigestVerifyInit(ctx.get(), nullptr, nullptr, nullptr, key.get()) != 1) {
        ERR_clear_error();
        return false;
    }
    static const unsigned char empty = 0;
    const int rc = EVP_DigestVerify(ctx.get(), signature.data(), signature.size(),
                                    message.empty() ? &empty : message.data(), message.size());
    ERR_clear_error();
    return rc == 1;
}

} // namespace modelguard::crypto
