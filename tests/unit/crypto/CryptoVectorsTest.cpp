// Published test vectors: FIPS 180-4 examples (SHA-256), RFC 4231 (HMAC-SHA256), RFC 5869 (HKDF-SHA256),
// RFC 8032 section 7.1 (Ed25519), and the GCM specification's AES-256 test cases 13-16 (as used by NIST CAVP).
#include "core/crypto/Crypto.h"
#include "core/crypto/Ed25519.h"

#include <gtest/gtest.h>

using namespace modelguard::crypto;

namespace {

Bytes hex(std::string_view h)
{
    auto bytes = fromHex(h);
    EXPECT_TRUE(bytes.has_value()) << h;
    return bytes.value_or(Bytes {});
}

Bytes repeat(std::uint8_t value, std::size_t count)
{
    return Bytes(count, value);
}

Bytes range(std::uint8_t first, std::uint8_t last)
{
    Bytes out;
    for (int b = first; b <= last; ++b) {
        out.push_back(static_cast<std::uint8_t>(b));
    }
    return out;
}

template <std::size_t N>
std::string hexOf(const std::array<std::uint8_t, N>& a)
{
    return toHex(a);
}

} // namespace

TEST(Sha256Vectors, Fips180Examples)
{
    EXPECT_EQ(hexOf(sha256(std::string_view("abc"))),
              "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    EXPECT_EQ(hexOf(sha256(std::string_view(""))), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    EXPECT_EQ(hexOf(sha256(std::string_view("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"))),
              "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

TEST(Sha256Vectors, IncrementalEqualsOneShot)
{
    const std::string message(1000003, 'a');
    Sha256 h;
    for (std::size_t pos = 0; pos < message.size(); pos += 777) {
        h.update(std::string_view(message).substr(pos, 777));
    }
    EXPECT_EQ(h.finish(), sha256(message));
    h.reset();
    h.update(std::string_view("abc"));
    EXPECT_EQ(hexOf(h.finish()), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

struct HmacCase
{
    Bytes key;
    Bytes data;
    std::string expected; // may be a truncated prefix (test case 5)
};

TEST(HmacSha256Vectors, Rfc4231)
{
    const std::string largeKeyData = "This is a test using a larger than block-size key and a larger than block-size "
                                     "data. The key needs to be hashed before being used by the HMAC algorithm.";
    const std::vector<HmacCase> cases = {
        {repeat(0x0b, 20), Bytes(asBytes("Hi There").begin(), asBytes("Hi There").end()),
         "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"},
        {Bytes(asBytes("Jefe").begin(), asBytes("Jefe").end()),
         Bytes(asBytes("what do ya want for nothing?").begin(), asBytes("what do ya want for nothing?").end()),
         "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"},
        {repeat(0xaa, 20), repeat(0xdd, 50), "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe"},
        {range(0x01, 0x19), repeat(0xcd, 50), "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b"},
        {repeat(0x0c, 20), Bytes(asBytes("Test With Truncation").begin(), asBytes("Test With Truncation").end()),
         "a3b6167473100ee06e0c796c2955552b"},
        {repeat(0xaa, 131),
         Bytes(asBytes("Test Using Larger Than Block-Size Key - Hash Key First").begin(),
               asBytes("Test Using Larger Than Block-Size Key - Hash Key First").end()),
         "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"},
        {repeat(0xaa, 131), Bytes(asBytes(largeKeyData).begin(), asBytes(largeKeyData).end()),
         "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2"},
    };
    int index = 1;
    for (const auto& c : cases) {
        const std::string oneShot = hexOf(hmacSha256(c.key, c.data));
        EXPECT_EQ(oneShot.substr(0, c.expected.size()), c.expected) << "RFC 4231 test case " << index;
        const HmacSha256 keyed(c.key);
        EXPECT_EQ(hexOf(keyed.mac(c.data)), oneShot) << "keyed, test case " << index;
        // The keyed object is reusable: a second message with the same key gives the same result again.
        EXPECT_EQ(hexOf(keyed.mac(c.data)), oneShot) << "keyed reuse, test case " << index;
        ++index;
    }
}

TEST(HmacSha256Vectors, PartsEqualConcatenation)
{
    const HmacSha256 keyed(asBytes("Jefe"));
    const auto whole = keyed.mac(asBytes("what do ya want for nothing?"));
    const auto parts = keyed.mac({asBytes("what do ya "), asBytes(""), asBytes("want for nothing?")});
    EXPECT_EQ(whole, parts);
    EXPECT_EQ(hexOf(parts), "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
}

TEST(HkdfSha256Vectors, Rfc5869)
{
    // A.1 basic
    EXPECT_EQ(toHex(hkdfSha256(repeat(0x0b, 22), range(0x00, 0x0c), range(0xf0, 0xf9), 42)),
              "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865");
    // A.2 longer inputs and outputs
    EXPECT_EQ(toHex(hkdfSha256(range(0x00, 0x4f), range(0x60, 0xaf), range(0xb0, 0xff), 82)),
              "b11e398dc80327a1c8e7f78c596a49344f012eda2d4efad8a050cc4c19afa97c59045a99cac7827271cb41c65e590e09da3275"
              "600c2f09b8367793a9aca3db71cc30c58179ec3e87c14c01d5c1f3434f1d87");
    // A.3 zero-length salt and info
    EXPECT_EQ(toHex(hkdfSha256(repeat(0x0b, 22), {}, {}, 42)),
              "8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c8");
}

struct EdCase
{
    std::string seed, publicKey, message, signature;
};

TEST(Ed25519Vectors, Rfc8032Section7_1)
{
    const std::vector<EdCase> cases = {
        {"9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60",
         "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a", "",
         "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595b"
         "be24655141438e7a100b"},
        {"4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb",
         "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c", "72",
         "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb430"
         "2aeeb00d291612bb0c00"},
        {"c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7",
         "fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025", "af82",
         "6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac18ff9b538d16f290ae67f760984dc6594a7c15e9716e"
         "d28dc027beceea1ec40a"},
    };
    for (const auto& c : cases) {
        const auto key = Ed25519PrivateKey::fromSeed(hex(c.seed));
        EXPECT_EQ(toHex(key.publicKey()), c.publicKey);
        EXPECT_EQ(toHex(key.seed()), c.seed);
        const Bytes message = hex(c.message);
        const auto signature = key.sign(message);
        EXPECT_EQ(toHex(signature), c.signature);
        EXPECT_TRUE(ed25519Verify(hex(c.publicKey), message, signature));
        // Any single flipped bit in the signature or the message fails verification.
        auto badSignature = signature;
        badSignature[10] ^= 0x01;
        EXPECT_FALSE(ed25519Verify(hex(c.publicKey), message, badSignature));
        Bytes badMessage = message;
        badMessage.push_back(0x00);
        EXPECT_FALSE(ed25519Verify(hex(c.publicKey), badMessage, signature));
    }
}

struct GcmCase
{
    std::string key, iv, plaintext, aad, ciphertext, tag;
};

TEST(AesGcmVectors, GcmSpecTestCases13To16)
{
    const std::string k15 = "feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308";
    const std::string p15 =
        "d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a721c3c0c95956809532fcf0e2449a6"
        "b525b16aedf5aa0de657ba637b391aafd255";
    const std::string c15 =
        "522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa8cb08e48590dbb3da7b08b105682"
        "8838c5f61e6393ba7a0abcc9f662898015ad";
    const std::vector<GcmCase> cases = {
        {std::string(64, '0'), std::string(24, '0'), "", "", "", "530f8afbc74536b9a963b4f1c4cb738b"},
        {std::string(64, '0'), std::string(24, '0'), std::string(32, '0'), "", "cea7403d4d606b6e074ec5d3baf39d18",
         "d0d1c8a799996bf0265b98b5d48ab919"},
        {k15, "cafebabefacedbaddecaf888", p15, "", c15, "b094dac5d93471bdec1a502270e3cc6c"},
        {k15, "cafebabefacedbaddecaf888", p15.substr(0, 120), "feedfacedeadbeeffeedfacedeadbeefabaddad2",
         c15.substr(0, 120), "76fc6ece0f4e1768cddf8853bb2d551b"},
    };
    int index = 13;
    for (const auto& c : cases) {
        const auto sealed = aes256GcmEncrypt(hex(c.key), hex(c.iv), hex(c.plaintext), hex(c.aad));
        EXPECT_EQ(toHex(sealed.ciphertext), c.ciphertext) << "test case " << index;
        EXPECT_EQ(toHex(sealed.tag), c.tag) << "test case " << index;
        const auto opened = aes256GcmDecrypt(hex(c.key), hex(c.iv), sealed.ciphertext, sealed.tag, hex(c.aad));
        ASSERT_TRUE(opened.has_value()) << "test case " << index;
        EXPECT_EQ(toHex(*opened), c.plaintext);
        auto badTag = sealed.tag;
        badTag[0] ^= 0x80;
        EXPECT_FALSE(aes256GcmDecrypt(hex(c.key), hex(c.iv), sealed.ciphertext, badTag, hex(c.aad)).has_value());
        ++index;
    }
}
