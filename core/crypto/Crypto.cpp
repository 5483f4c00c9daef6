#include "core/crypto/Crypto.h"

#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/kdf.h>
#include <openssl/params.h>
#include <openssl/rand.h>

#include <climits>
#include <cstring>

namespace modelguard::crypto {

namespace {

/// Text of OpenSSL's most recent error (and clears the queue), prefixed by what we were doing.
[[noreturn]] void fail(const char* what)
{
    std::string message = std::string("OpenSSL: ") + what;
    if (const unsigned long code = ERR_get_error(); code != 0) {
        char buffer[256];
        ERR_error_string_n(code, buffer, sizeof buffer);
        message += ": ";
        message += buffer;
    }
    ERR_clear_error();
    throw CryptoError(message);
}

void check(int rc, const char* what)
{
    if (rc != 1) {
        fail(what);
    }
}

struct MdCtxDeleter
{
    void operator()(EVP_MD_CTX* ctx) const noexcept { EVP_MD_CTX_free(ctx); }
};
struct MacCtxDeleter
{
    void operator()(EVP_MAC_CTX* ctx) const noexcept { EVP_MAC_CTX_free(ctx); }
};
struct KdfCtxDeleter
{
    void operator()(EVP_KDF_CTX* ctx) const noexcept { EVP_KDF_CTX_free(ctx); }
};
struct CipherCtxDeleter
{
    void operator()(EVP_CIPHER_CTX* ctx) const noexcept { EVP_CIPHER_CTX_free(ctx); }
};

using MdCtxPtr = std::unique_ptr<EVP_MD_CTX, MdCtxDeleter>;
using MacCtxPtr = std::unique_ptr<EVP_MAC_CTX, MacCtxDeleter>;
using KdfCtxPtr = std::unique_ptr<EVP_KDF_CTX, KdfCtxDeleter>;
using CipherCtxPtr = std::unique_ptr<EVP_CIPHER_CTX, CipherCtxDeleter>;

int checkedInt(std::size_t size, const char* what)
{
    if (size > static_cast<std::size_t>(INT_MAX)) {
        throw CryptoError(std::string(what) + ": input too large");
    }
    return static_cast<int>(size);
}

/// OpenSSL wants a non-null pointer even for empty inputs in a few places.
const unsigned char* dataOrEmpty(ByteView v) noexcept
{
    static const unsigned char empty = 0;
    return v.empty() ? &empty : v.data();
}

// Algorithms are fetched from the provider once per process and reused: OpenSSL 3 looks an algorithm up (under a
// lock) on every implicit fetch (EVP_sha256()-style) and on every per-call EVP_*_fetch. The fetched objects live
// until exit (reachable, never freed: OpenSSL's own cleanup at exit may run before or after static destructors).
template <typename Algorithm>
Algorithm* fetched(Algorithm* algorithm, const char* what)
{
    if (algorithm == nullptr) {
        fail(what);
    }
    return algorithm;
}

const EVP_MD* sha256Md()
{
    static EVP_MD* const md = EVP_MD_fetch(nullptr, "SHA256", nullptr);
    return fetched(md, "EVP_MD_fetch(SHA256)");
}

EVP_MAC* hmacAlgorithm()
{
    static EVP_MAC* const mac = EVP_MAC_fetch(nullptr, OSSL_MAC_NAME_HMAC, nullptr);
    return fetched(mac, "EVP_MAC_fetch(HMAC)");
}

const EVP_CIPHER* aes256GcmCipher()
{
    static EVP_CIPHER* const cipher = EVP_CIPHER_fetch(nullptr, "AES-256-GCM", nullptr);
    return fetched(cipher, "EVP_CIPHER_fetch(AES-256-GCM)");
}

EVP_KDF* hkdfAlgorithm()
{
    static EVP_KDF* const kdf = EVP_KDF_fetch(nullptr, OSSL_KDF_NAME_HKDF, nullptr);
    return fetched(kdf, "EVP_KDF_fetch(HKDF)");
}

} // namespace

CryptoError::CryptoError(const std::string& what)
    : std::runtime_error(what)
{ }

void randomFill(std::span<std::uint8_t> out)
{
    std::size_t done = 0;
    while (done < out.size()) {
        const std::size_t chunk = std::min<std::size_t>(out.size() - done, 1U << 20);
        check(RAND_bytes(out.data() + done, static_cast<int>(chunk)), "RAND_bytes");
        done += chunk;
    }
}

Bytes randomBytes(std::size_t count)
{
    Bytes out(count);
    randomFill(out);
    return out;
}

// --- SHA-256 ------------------------------------------------------------------------------------------------------

struct Sha256::Impl
{
    MdCtxPtr ctx {EVP_MD_CTX_new()};
};

Sha256::Sha256()
    : m_impl(std::make_unique<Impl>())
{
    if (!m_impl->ctx) {
        fail("EVP_MD_CTX_new");
    }
    reset();
}

Sha256::~Sha256() = default;
Sha256::Sha256(Sha256&&) noexcept = default;
Sha256& Sha256::operator=(Sha256&&) noexcept = default;

void Sha256::reset()
{
    check(EVP_DigestInit_ex2(m_impl->ctx.get(), sha256Md(), nullptr), "EVP_DigestInit_ex2");
}

void Sha256::update(ByteView data)
{
    check(EVP_DigestUpdate(m_impl->ctx.get(), data.data(), data.size()), "EVP_DigestUpdate");
}

Sha256Digest Sha256::finish()
{
    Sha256Digest digest {};
    unsigned int length = 0;
    check(EVP_DigestFinal_ex(m_impl->ctx.get(), digest.data(), &length), "EVP_DigestFinal_ex");
    return digest;
}

Sha256Digest sha256(ByteView data)
{
    Sha256Digest digest {};
    unsigned int length = 0;
    check(EVP_Digest(dataOrEmpty(data), data.size(), digest.data(), &length, sha256Md(), nullptr), "EVP_Digest");
    return digest;
}

// --- HMAC-SHA256 --------------------------------------------------------------------------------------------------

namespace {

MacCtxPtr newKeyedHmac(ByteView key)
{
    MacCtxPtr ctx {EVP_MAC_CTX_new(hmacAlgorithm())};
    if (!ctx) {
        fail("EVP_MAC_CTX_new");
    }
    char digestName[] = "SHA256";
    const OSSL_PARAM params[] = {
        OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, digestName, 0),
        OSSL_PARAM_construct_end(),
    };
    check(EVP_MAC_init(ctx.get(), dataOrEmpty(key), key.size(), params), "EVP_MAC_init");
    return ctx;
}

Sha256Digest finishMac(EVP_MAC_CTX* ctx)
{
    Sha256Digest digest {};
    std::size_t length = 0;
    check(EVP_MAC_final(ctx, digest.data(), &length, digest.size()), "EVP_MAC_final");
    return digest;
}

} // namespace

Sha256Digest hmacSha256(ByteView key, ByteView data)
{
    MacCtxPtr ctx = newKeyedHmac(key);
    check(EVP_MAC_update(ctx.get(), dataOrEmpty(data), data.size()), "EVP_MAC_update");
    return finishMac(ctx.get());
}

struct HmacSha256::Impl
{
    MacCtxPtr keyed; ///< initialised with the key, never updated; duplicated per message
};

HmacSha256::HmacSha256(ByteView key)
    : m_impl(std::make_unique<Impl>())
{
    m_impl->keyed = newKeyedHmac(key);
}

HmacSha256::~HmacSha256() = default;
HmacSha256::HmacSha256(HmacSha256&&) noexcept = default;
HmacSha256& HmacSha256::operator=(HmacSha256&&) noexcept = default;

Sha256Digest HmacSha256::mac(ByteView data) const
{
    return mac({data});
}

Sha256Digest HmacSha256::mac(std::initializer_list<ByteView> parts) const
{
    MacCtxPtr ctx {EVP_MAC_CTX_dup(m_impl->keyed.get())};
    if (!ctx) {
        fail("EVP_MAC_CTX_dup");
    }
    for (const ByteView part : parts) {
        check(EVP_MAC_update(ctx.get(), dataOrEmpty(part), part.size()), "EVP_MAC_update");
    }
    return finishMac(ctx.get());
}

// --- HKDF-SHA256 --------------------------------------------------------------------------------------------------

Bytes hkdfSha256(ByteView inputKeyMaterial, ByteView salt, ByteView info, std::size_t length)
{
    if (length == 0 || length > 255 * 32) {
        throw CryptoError("HKDF-SHA256: output length must be 1..8160 bytes");
    }
    KdfCtxPtr ctx {EVP_KDF_CTX_new(hkdfAlgorithm())};
    if (!ctx) {
        fail("EVP_KDF_CTX_new");
    }
    char digestName[] = "SHA256";
    // OSSL_PARAM wants non-const pointers; OpenSSL only reads them.
    auto* ikm = const_cast<unsigned char*>(dataOrEmpty(inputKeyMaterial));
    auto* saltPtr = const_cast<unsigned char*>(dataOrEmpty(salt));
    auto* infoPtr = const_cast<unsigned char*>(dataOrEmpty(info));
    OSSL_PARAM params[5];
    std::size_t n = 0;
    params[n++] = OSSL_PARAM_construct_utf8_string(OSSL_KDF_PARAM_DIGEST, digestName, 0);
    params[n++] = OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_KEY, ikm, inputKeyMaterial.size());
    if (!salt.empty()) {
        params[n++] = OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_SALT, saltPtr, salt.size());
    }
    if (!info.empty()) {
        params[n++] = OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_INFO, infoPtr, info.size());
    }
    params[n] = OSSL_PARAM_construct_end();
    Bytes out(length);
    check(EVP_KDF_derive(ctx.get(), out.data(), out.size(), params), "EVP_KDF_derive(HKDF)");
    return out;
}

// --- AES-256-GCM --------------------------------------------------------------------------------------------------

namespace {

CipherCtxPtr newGcm(ByteView key, ByteView iv, bool encrypt)
{
    if (key.size() != 32) {
        throw CryptoError("AES-256-GCM: key must be 32 bytes");
    }
    if (iv.empty() || iv.size() > 1024) {
        throw CryptoError("AES-256-GCM: IV must be 1..1024 bytes (12 recommended)");
    }
    CipherCtxPtr ctx {EVP_CIPHER_CTX_new()};
    if (!ctx) {
        fail("EVP_CIPHER_CTX_new");
    }
    check(EVP_CipherInit_ex2(ctx.get(), aes256GcmCipher(), nullptr, nullptr, encrypt ? 1 : 0, nullptr),
          "EVP_CipherInit_ex2");
    check(EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_IVLEN, static_cast<int>(iv.size()), nullptr),
          "EVP_CTRL_GCM_SET_IVLEN");
    check(EVP_CipherInit_ex2(ctx.get(), nullptr, key.data(), iv.data(), encrypt ? 1 : 0, nullptr),
          "EVP_CipherInit_ex2(key)");
    return ctx;
}

void feedAad(EVP_CIPHER_CTX* ctx, ByteView aad)
{
    if (aad.empty()) {
        return;
    }
    int outLength = 0;
    check(EVP_CipherUpdate(ctx, nullptr, &outLength, aad.data(), checkedInt(aad.size(), "AES-GCM AAD")),
          "EVP_CipherUpdate(aad)");
}

} // namespace

AesGcmSealed aes256GcmEncrypt(ByteView key, ByteView iv, ByteView plaintext, ByteView additionalData)
{
    CipherCtxPtr ctx = newGcm(key, iv, true);
    feedAad(ctx.get(), additionalData);
    AesGcmSealed sealed;
    sealed.ciphertext.resize(plaintext.size());
    int outLength = 0;
    if (!plaintext.empty()) {
        check(EVP_CipherUpdate(ctx.get(), sealed.ciphertext.data(), &outLength, plaintext.data(),
                               checkedInt(plaintext.size(), "AES-GCM plaintext")),
              "EVP_CipherUpdate");
    }
    int finalLength = 0;
    check(EVP_CipherFinal_ex(ctx.get(), sealed.ciphertext.data() + outLength, &finalLength), "EVP_CipherFinal_ex");
    check(EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_GET_TAG, static_cast<int>(sealed.tag.size()), sealed.tag.data()),
          "EVP_CTRL_GCM_GET_TAG");
    return sealed;
}

std::optional<Bytes> aes256GcmDecrypt(ByteView key, ByteView iv, ByteView ciphertext, ByteView tag,
                                      ByteView additionalData)
{
    if (tag.size() < 4 || tag.size() > 16) {
        return std::nullopt;
    }
    CipherCtxPtr ctx = newGcm(key, iv, false);
    feedAad(ctx.get(), additionalData);
    Bytes plaintext(ciphertext.size());
    int outLength = 0;
    if (!ciphertext.empty()) {
        check(EVP_CipherUpdate(ctx.get(), plaintext.data(), &outLength, ciphertext.data(),
                               checkedInt(ciphertext.size(), "AES-GCM ciphertext")),
              "EVP_CipherUpdate");
    }
    Bytes tagCopy(tag.begin(), tag.end());
    check(EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_TAG, static_cast<int>(tagCopy.size()), tagCopy.data()),
          "EVP_CTRL_GCM_SET_TAG");
    int finalLength = 0;
    if (EVP_CipherFinal_ex(ctx.get(), plaintext.data() + outLength, &finalLength) != 1) {
        ERR_clear_error();
        OPENSSL_cleanse(plaintext.data(), plaintext.size());
        return std::nullopt;
    }
    return plaintext;
}

bool constantTimeEqual(ByteView a, ByteView b) noexcept
{
    if (a.size() != b.size()) {
        return false;
    }
    if (a.empty()) {
        return true;
    }
    return CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

} // namespace modelguard::crypto
