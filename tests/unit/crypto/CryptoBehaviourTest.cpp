// Behaviour beyond the vectors: bad sizes are refused, tampering is detected, randomness is not constant.
#include "core/crypto/Crypto.h"
#include "core/crypto/Ed25519.h"

#include <gtest/gtest.h>

#include <set>

using namespace modelguard::crypto;

TEST(Random, BytesDifferAndHaveRequestedSize)
{
    std::set<Bytes> seen;
    for (int i = 0; i < 100; ++i) {
        Bytes b = randomBytes(16);
        ASSERT_EQ(b.size(), 16U);
        seen.insert(b);
    }
    EXPECT_EQ(seen.size(), 100U);
    EXPECT_TRUE(randomBytes(0).empty());
    // Large requests are served in pieces.
    EXPECT_EQ(randomBytes(3U << 20).size(), 3U << 20);
}

TEST(ConstantTime, EqualityOnlyForEqualBytes)
{
    EXPECT_TRUE(constantTimeEqual(std::string_view("secret"), std::string_view("secret")));
    EXPECT_FALSE(constantTimeEqual(std::string_view("secret"), std::string_view("secreT")));
    EXPECT_FALSE(constantTimeEqual(std::string_view("secret"), std::string_view("secret!")));
    EXPECT_TRUE(constantTimeEqual(std::string_view(""), std::string_view("")));
}

TEST(Hex, RoundTripAndStrictDecoding)
{
    const Bytes data = {0x00, 0x01, 0xab, 0xff};
    EXPECT_EQ(toHex(data), "0001abff");
    EXPECT_EQ(fromHex("0001ABff"), data);
    EXPECT_FALSE(fromHex("abc").has_value());
    EXPECT_FALSE(fromHex("zz").has_value());
    EXPECT_FALSE(fromHex("0x00").has_value());
    EXPECT_TRUE(fromHex("").has_value());
}

TEST(Hkdf, RefusesImpossibleLengthsAndSeparatesInfo)
{
    const Bytes ikm(32, 7);
    EXPECT_THROW(hkdfSha256(ikm, {}, {}, 0), CryptoError);
    EXPECT_THROW(hkdfSha256(ikm, {}, {}, 255 * 32 + 1), CryptoError);
    EXPECT_EQ(hkdfSha256(ikm, {}, {}, 255 * 32).size(), 255U * 32U);
    EXPECT_NE(hkdfSha256(ikm, {}, asBytes("client:a"), 32), hkdfSha256(ikm, {}, asBytes("client:b"), 32));
}

TEST(AesGcm, RejectsBadSizesAndTampering)
{
    const Bytes key(32, 1);
    const Bytes iv(12, 2);
    EXPECT_THROW(aes256GcmEncrypt(Bytes(16, 1), iv, asBytes("x")), CryptoError);
    EXPECT_THROW(aes256GcmEncrypt(key, Bytes {}, asBytes("x")), CryptoError);
    const auto sealed = aes256GcmEncrypt(key, iv, asBytes("model weights"), asBytes("artifact-7"));
    EXPECT_TRUE(aes256GcmDecrypt(key, iv, sealed.ciphertext, sealed.tag, asBytes("artifact-7")).has_value());
    EXPECT_FALSE(aes256GcmDecrypt(key, iv, sealed.ciphertext, sealed.tag, asBytes("artifact-8")).has_value());
    Bytes flipped = sealed.ciphertext;
    flipped[0] ^= 1;
    EXPECT_FALSE(aes256GcmDecrypt(key, iv, flipped, sealed.tag, asBytes("artifact-7")).has_value());
    EXPECT_FALSE(aes256GcmDecrypt(key, iv, sealed.ciphertext, Bytes(3, 0), asBytes("artifact-7")).has_value());
}

TEST(Ed25519, GeneratedKeysSignAndVerify)
{
    const auto a = Ed25519PrivateKey::generate();
    const auto b = Ed25519PrivateKey::generate();
    EXPECT_NE(a.publicKey(), b.publicKey());
    const auto signature = a.sign(asBytes("export approved"));
    EXPECT_TRUE(ed25519Verify(a.publicKey(), asBytes("export approved"), signature));
    EXPECT_FALSE(ed25519Verify(b.publicKey(), asBytes("export approved"), signature));
    EXPECT_FALSE(ed25519Verify(Bytes(31, 0), asBytes("x"), signature));
    EXPECT_FALSE(ed25519Verify(a.publicKey(), asBytes("x"), Bytes(63, 0)));
    EXPECT_THROW(Ed25519PrivateKey::fromSeed(Bytes(31, 0)), CryptoError);
}
