// Tests of GatewayKey: derivations (against vectors computed with an independent RFC 5869 implementation), the key
// file format and its file I/O.
#include "core/watermark/Watermark.h"

#include "core/crypto/Crypto.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sys/stat.h>
#include <unistd.h>

namespace modelguard::watermark {
namespace {

namespace fs = std::filesystem;

GatewayKey countingKey()
{
    crypto::Bytes secret(32);
    for (std::size_t i = 0; i < secret.size(); ++i) {
        secret[i] = static_cast<std::uint8_t>(i);
    }
    return GatewayKey {"gw-eu-1", secret};
}

constexpr std::string_view kCountingHex = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";

std::string keyText(std::string_view format, std::string_view gateway, std::string_view secret)
{
    return "# comment\nformat: " + std::string(format) + "\ngateway: " + std::string(gateway)
           + "\nsecret: " + std::string(secret) + "\n";
}

/// The message of the std::runtime_error that parseGatewayKey throws, or "" when it does not throw.
std::string parseError(std::string_view text)
{
    try {
        parseGatewayKey(text);
    } catch (const std::runtime_error& e) {
        return e.what();
    }
    return {};
}

class TempDir
{
public:
    TempDir()
        : m_path(fs::temp_directory_path() / ("mg-gateway-key-test-" + std::to_string(::getpid())))
    {
        fs::remove_all(m_path);
        fs::create_directories(m_path);
    }
    ~TempDir() { fs::remove_all(m_path); }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    std::string file(const std::string& name) const { return (m_path / name).string(); }

private:
    fs::path m_path;
};

TEST(GatewayKeyTest, ClientKeyAndTagMatchIndependentHkdfVectors)
{
    const GatewayKey key = countingKey();
    EXPECT_EQ(crypto::toHex(key.clientKey("alice@example.com")),
              "e81558f861f06aebf04ed4669bfee4f68af52d005ffce6bc15c4675e86e2cd3f");
    const auto tag = key.tag();
    EXPECT_EQ(crypto::toHex(crypto::ByteView(tag.data(), tag.size())), "38104b32");
}

TEST(GatewayKeyTest, DerivedKeysSeparateClientsAndGateways)
{
    const GatewayKey a = countingKey();
    GatewayKey b = a;
    b.secret[0] ^= 1;
    EXPECT_EQ(a.clientKey("alice").size(), 32U);
    EXPECT_EQ(a.clientKey("alice"), a.clientKey("alice"));
    EXPECT_NE(a.clientKey("alice"), a.clientKey("alice2"));
    EXPECT_NE(a.clientKey("alice"), b.clientKey("alice"));
    EXPECT_NE(a.tag(), b.tag());
    // The gateway id is a label only: it does not enter the derivations.
    GatewayKey renamed = a;
    renamed.gatewayId = "other";
    EXPECT_EQ(a.clientKey("alice"), renamed.clientKey("alice"));
}

TEST(GatewayKeyTest, GenerateMakesFreshSecrets)
{
    const GatewayKey a = GatewayKey::generate("gw-eu-1");
    const GatewayKey b = GatewayKey::generate();
    EXPECT_EQ(a.gatewayId, "gw-eu-1");
    EXPECT_EQ(a.secret.size(), 32U);
    EXPECT_EQ(b.secret.size(), 32U);
    EXPECT_NE(a.secret, b.secret);
    ASSERT_EQ(b.gatewayId.size(), 11U);
    EXPECT_EQ(b.gatewayId.substr(0, 3), "gw-");
    EXPECT_TRUE(crypto::fromHex(b.gatewayId.substr(3)).has_value());
    EXPECT_NE(GatewayKey::generate().gatewayId, b.gatewayId);
    EXPECT_THROW(GatewayKey::generate("has space"), std::runtime_error);
    EXPECT_THROW(GatewayKey::generate(std::string(65, 'g')), std::runtime_error);
}

TEST(GatewayKeyTest, SerializeParseRoundTrip)
{
    const GatewayKey key = countingKey();
    const std::string text = serializeGatewayKey(key);
    EXPECT_EQ(text, "# ModelGuard watermark key \xE2\x80\x94 keep secret\nformat: modelguard-watermark-key/1\n"
                    "gateway: gw-eu-1\nsecret: "
                        + std::string(kCountingHex) + "\n");
    const GatewayKey back = parseGatewayKey(text);
    EXPECT_EQ(back.gatewayId, key.gatewayId);
    EXPECT_EQ(back.secret, key.secret);
    const GatewayKey random = GatewayKey::generate();
    EXPECT_EQ(parseGatewayKey(serializeGatewayKey(random)).secret, random.secret);
}

TEST(GatewayKeyTest, ParseAcceptsCommentsCrlfUpperCaseAndAnyOrder)
{
    std::string upper(kCountingHex);
    for (char& c : upper) {
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    }
    const GatewayKey key = parseGatewayKey("\r\n# a\r\n  secret:\t" + upper
                                           + "  \r\n\r\ngateway: gw_2!\r\nformat: modelguard-watermark-key/1");
    EXPECT_EQ(key.gatewayId, "gw_2!");
    EXPECT_EQ(key.secret, countingKey().secret);
}

TEST(GatewayKeyTest, ParseRejectsWithClearMessages)
{
    const std::string format = "modelguard-watermark-key/1";
    const std::string hex(kCountingHex);
    EXPECT_NE(parseError(keyText("modelguard-watermark-key/2", "gw", hex)).find("unknown key format"),
              std::string::npos);
    EXPECT_NE(parseError(keyText(format, "gw", hex.substr(0, 62) + "zz")).find("bad hex"), std::string::npos);
    EXPECT_NE(parseError(keyText(format, "gw", hex.substr(0, 62))).find("wrong secret length"), std::string::npos);
    EXPECT_NE(parseError(keyText(format, "gw", hex + "00")).find("wrong secret length"), std::string::npos);
    for (const std::string& bad : {std::string("gw eu"), std::string(), std::string(65, 'g'), std::string("gw\x7F"),
                                   std::string("caf\xC3\xA9")}) {
        EXPECT_NE(parseError(keyText(format, bad, hex)).find("bad gateway id"), std::string::npos) << bad;
    }
    EXPECT_NE(parseError("gateway: gw\nsecret: " + hex).find("no 'format:' line"), std::string::npos);
    EXPECT_NE(parseError("format: " + format + "\nsecret: " + hex).find("missing 'gateway:'"), std::string::npos);
    EXPECT_NE(parseError("format: " + format + "\ngateway: gw").find("missing 'secret:'"), std::string::npos);
    EXPECT_NE(parseError(keyText(format, "gw", hex) + "gateway: gw2\n").find("appears twice"), std::string::npos);
    EXPECT_NE(parseError(keyText(format, "gw", hex) + "owner: me\n").find("unknown field"), std::string::npos);
    EXPECT_NE(parseError(keyText(format, "gw", hex) + "just words\n").find("line 5"), std::string::npos);
    EXPECT_NE(parseError(keyText(format, "gw", hex) + "#" + std::string(5000, 'x')).find("4 KiB"), std::string::npos);
    EXPECT_NE(parseError(std::string("format: ") + format + "\xFF").find("not UTF-8 text"), std::string::npos);
    EXPECT_NE(parseError("").find("no 'format:' line"), std::string::npos);
    // No message ever shows the secret.
    const std::string almost = hex.substr(0, 63) + "g";
    EXPECT_EQ(parseError(keyText(format, "gw", almost)).find(almost), std::string::npos);
}

TEST(GatewayKeyTest, SerializeRejectsInvalidKeys)
{
    EXPECT_THROW(serializeGatewayKey(GatewayKey {"gw", crypto::Bytes(31)}), std::runtime_error);
    EXPECT_THROW(serializeGatewayKey(GatewayKey {"", crypto::Bytes(32)}), std::runtime_error);
}

TEST(GatewayKeyTest, SaveCreatesPrivateFileAndRefusesToOverwrite)
{
    TempDir dir;
    const std::string path = dir.file("gw.key");
    const mode_t previous = ::umask(022);
    const GatewayKey key = countingKey();
    saveGatewayKey(key, path);
    ::umask(previous);

    struct stat info = {};
    ASSERT_EQ(::stat(path.c_str(), &info), 0);
    EXPECT_EQ(info.st_mode & 0777, 0600U);
    const GatewayKey loaded = loadGatewayKey(path);
    EXPECT_EQ(loaded.gatewayId, key.gatewayId);
    EXPECT_EQ(loaded.secret, key.secret);

    const GatewayKey other = GatewayKey::generate("gw-other");
    try {
        saveGatewayKey(other, path);
        FAIL() << "overwrote an existing key file";
    } catch (const std::runtime_error& e) {
        EXPECT_NE(std::string(e.what()).find("already exists"), std::string::npos);
    }
    EXPECT_EQ(loadGatewayKey(path).secret, key.secret); // unchanged

    // An invalid key is refused before any file is created.
    const std::string invalidPath = dir.file("invalid.key");
    EXPECT_THROW(saveGatewayKey(GatewayKey {"bad id", crypto::Bytes(32)}, invalidPath), std::runtime_error);
    EXPECT_FALSE(fs::exists(invalidPath));
    // A dangling symlink is not followed.
    const std::string link = dir.file("link.key");
    fs::create_symlink(dir.file("target.key"), link);
    EXPECT_THROW(saveGatewayKey(key, link), std::runtime_error);
    EXPECT_FALSE(fs::exists(dir.file("target.key")));
}

TEST(GatewayKeyTest, LoadRejectsWhatIsNotAKeyFile)
{
    TempDir dir;
    try {
        loadGatewayKey(dir.file("missing.key"));
        FAIL() << "loaded a missing file";
    } catch (const std::runtime_error& e) {
        EXPECT_NE(std::string(e.what()).find("missing.key"), std::string::npos);
    }
    try {
        loadGatewayKey(dir.file(""));
        FAIL() << "loaded a directory";
    } catch (const std::runtime_error& e) {
        EXPECT_NE(std::string(e.what()).find("not a regular file"), std::string::npos);
    }
    const std::string big = dir.file("big.key");
    {
        std::ofstream out(big);
        out << serializeGatewayKey(countingKey()) << "#" << std::string(5000, 'x') << "\n";
    }
    try {
        loadGatewayKey(big);
        FAIL() << "loaded a 5 KiB file";
    } catch (const std::runtime_error& e) {
        EXPECT_NE(std::string(e.what()).find("larger than 4 KiB"), std::string::npos);
    }
    const std::string wrong = dir.file("wrong.key");
    {
        std::ofstream out(wrong);
        out << keyText("modelguard-watermark-key/1", "gw", "00");
    }
    try {
        loadGatewayKey(wrong);
        FAIL() << "loaded a bad key";
    } catch (const std::runtime_error& e) {
        EXPECT_NE(std::string(e.what()).find("wrong secret length"), std::string::npos);
        EXPECT_NE(std::string(e.what()).find("wrong.key"), std::string::npos);
    }
}

} // namespace
} // namespace modelguard::watermark
