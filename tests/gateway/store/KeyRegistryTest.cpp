// KeyRegistry: key format, authentication outcomes, validation, expiry, revocation, rotation, scopes, last-used
// persistence, restart, and that secrets never reach the database file.

#include "services/gateway/store/KeyRegistry.h"

#include "core/crypto/Crypto.h"
#include "services/gateway/store/Secrets.h"
#include "tests/gateway/store/StoreTestUtil.h"

#include <gtest/gtest.h>

#include <atomic>
#include <regex>
#include <set>
#include <thread>

namespace modelguard::gateway {
namespace {

using test::TempDir;

constexpr std::int64_t kNow = 1'700'000'000'000;

class KeyRegistryTest : public ::testing::Test
{
protected:
    std::string dbPath() const { return m_dir.file("gw.db"); }

    TempDir m_dir;
    std::unique_ptr<GatewayStore> m_store = GatewayStore::open(m_dir.file("gw.db"));
    KeyRegistry m_keys {*m_store};
};

KeySpec spec(const std::string& client = "acme", const std::string& name = "prod")
{
    KeySpec s;
    s.clientId = client;
    s.name = name;
    return s;
}

TEST_F(KeyRegistryTest, CreateIssuesSecretOfTheDocumentedShapeAndStoresOnlyItsHash)
{
    const IssuedKey issued = m_keys.create(spec(), kNow);
    EXPECT_TRUE(std::regex_match(issued.secret, std::regex("^mg_[a-z2-7]{10}_[0-9A-Za-z]{32}$"))) << issued.secret;
    EXPECT_EQ(issued.secret.substr(3, 10), issued.record.id);
    EXPECT_EQ(issued.record.hashHex, crypto::toHex(crypto::sha256(issued.secret)));
    EXPECT_EQ(issued.record.clientId, "acme");
    EXPECT_EQ(issued.record.createdMs, kNow);
    const auto stored = m_store->loadKeys();
    ASSERT_EQ(stored.size(), 1u);
    EXPECT_EQ(stored[0], issued.record);
    // Secrets are distinct.
    std::set<std::string> secrets {issued.secret};
    for (int i = 0; i < 20; ++i) {
        secrets.insert(m_keys.create(spec(), kNow).secret);
    }
    EXPECT_EQ(secrets.size(), 21u);
}

TEST(KeySecrets, RandomAlphabetsAreUsedUniformlyEnough)
{
    // 62 * 200 draws: every base62 symbol must occur (a biased or truncated alphabet would miss some).
    std::set<char> seen62;
    for (const char c : randomBase62(62 * 200)) {
        seen62.insert(c);
    }
    EXPECT_EQ(seen62.size(), 62u);
    std::set<char> seen32;
    for (const char c : randomBase32(32 * 100)) {
        seen32.insert(c);
    }
    EXPECT_EQ(seen32.size(), 32u);
    EXPECT_TRUE(std::regex_match(newGatewayId(), std::regex("^gw-[a-z2-7]{8}$")));
    EXPECT_NE(newGatewayId(), newGatewayId());
}

TEST_F(KeyRegistryTest, AuthenticatesBareAndBearerForms)
{
    const IssuedKey issued = m_keys.create(spec(), kNow);
    for (const std::string& form :
         {issued.secret, "Bearer " + issued.secret, "bearer   " + issued.secret + " ", "BEARER\t" + issued.secret}) {
        const KeyAuth auth = m_keys.authenticate(form, kNow);
        EXPECT_EQ(auth.status, AuthStatus::Ok) << form;
        ASSERT_TRUE(auth.key) << form;
        EXPECT_EQ(auth.key->id, issued.record.id);
    }
}

TEST_F(KeyRegistryTest, WrongSecretWithRightIdIsUnknown)
{
    const IssuedKey issued = m_keys.create(spec(), kNow);
    std::string tampered = issued.secret;
    tampered.back() = tampered.back() == 'A' ? 'B' : 'A';
    const KeyAuth auth = m_keys.authenticate(tampered, kNow);
    EXPECT_EQ(auth.status, AuthStatus::Unknown);
    EXPECT_FALSE(auth.key);
    std::string otherId = issued.secret;
    otherId[3] = otherId[3] == 'a' ? 'b' : 'a';
    EXPECT_EQ(m_keys.authenticate(otherId, kNow).status, AuthStatus::Unknown);
}

TEST_F(KeyRegistryTest, MalformedAndMissingInputs)
{
    const IssuedKey issued = m_keys.create(spec(), kNow);
    const std::string& s = issued.secret;
    EXPECT_EQ(m_keys.authenticate("", kNow).status, AuthStatus::Missing);
    EXPECT_EQ(m_keys.authenticate("  \t ", kNow).status, AuthStatus::Missing);
    const std::vector<std::string> malformed = {
        "Bearer",
        "Bearer ",
        "Basic dXNlcjpwYXNz",
        "mg_",
        "mg__",
        std::string(1 << 20, 'x'),
        "Bearer " + s + std::string(100000, 'A'),
        s + "A",
        s.substr(0, s.size() - 1),
        s.substr(0, 13),                              // no random part
        "mg" + s.substr(2, 11) + s.substr(14),        // missing separator
        "mga" + s.substr(2),                          // admin-token prefix
        "MG" + s.substr(2),                           // prefix is case-sensitive
        s.substr(0, 3) + "ABCDEFGHIJ" + s.substr(13), // id not lower-case base32
        s.substr(0, 20) + "\xc3\xa4" + s.substr(22),  // non-ASCII in the random part
        "\xc3\xa4\xc3\xb6\xc3\xbc",
        s.substr(0, 20) + std::string(1, '\0') + s.substr(21),
        "Bearer" + s, // no separator after the scheme
        "Bearer " + s + " extra",
    };
    for (const auto& input : malformed) {
        const KeyAuth auth = m_keys.authenticate(input, kNow);
        EXPECT_EQ(auth.status, AuthStatus::Malformed) << input.substr(0, 80);
        EXPECT_FALSE(auth.key);
    }
}

TEST_F(KeyRegistryTest, ExpiresAtExpiresMs)
{
    KeySpec sp = spec();
    sp.expiresMs = kNow + 1000;
    const IssuedKey issued = m_keys.create(sp, kNow);
    EXPECT_EQ(m_keys.authenticate(issued.secret, kNow + 999).status, AuthStatus::Ok);
    const KeyAuth expired = m_keys.authenticate(issued.secret, kNow + 1000);
    EXPECT_EQ(expired.status, AuthStatus::Expired);
    ASSERT_TRUE(expired.key);
    EXPECT_EQ(expired.key->id, issued.record.id);
}

TEST_F(KeyRegistryTest, InvalidSpecsAreRejectedAndStoreNothing)
{
    auto expectInvalid = [this](const KeySpec& s, const std::string& fragment) {
        try {
            m_keys.create(s, kNow);
            ADD_FAILURE() << "expected std::invalid_argument mentioning " << fragment;
        } catch (const std::invalid_argument& e) {
            EXPECT_NE(std::string(e.what()).find(fragment), std::string::npos) << e.what();
        }
    };
    expectInvalid(spec(""), "client id");
    expectInvalid(spec(std::string(129, 'a')), "client id");
    expectInvalid(spec("acme corp"), "client id");
    expectInvalid(spec("acm\xc3\xa9"), "client id");
    expectInvalid(spec("acme/x"), "client id");
    expectInvalid(spec("acme", std::string(201, 'n')), "name");
    expectInvalid(spec("acme", "bad\nname"), "name");
    expectInvalid(spec("acme", "\xff\xfe"), "name");
    KeySpec s = spec();
    s.endpoints = {"chat", "admin"};
    expectInvalid(s, "endpoints");
    s = spec();
    s.models.assign(101, "m");
    expectInvalid(s, "models");
    s = spec();
    s.models = {""};
    expectInvalid(s, "model");
    s = spec();
    s.expiresMs = kNow;
    expectInvalid(s, "expires_ms");
    EXPECT_TRUE(m_keys.list().empty());
    EXPECT_TRUE(m_store->loadKeys().empty());

    // Limits themselves are accepted.
    s = spec(std::string(128, 'a') + "", "");
    s.clientId = "A.z_0:9@x-" + std::string(118, 'q');
    s.name = "";
    for (int i = 0; i < 200; ++i) {
        s.name += "\xc3\xa9"; // 200 characters, 400 bytes
    }
    s.models.assign(100, "gpt-4o");
    s.endpoints = {"chat", "completions", "embeddings", "models", "chat"};
    const IssuedKey issued = m_keys.create(s, kNow);
    EXPECT_EQ(issued.record.models, std::vector<std::string> {"gpt-4o"}); // duplicates removed
    EXPECT_EQ(issued.record.endpoints.size(), 4u);
}

TEST_F(KeyRegistryTest, RevokedKeysAreRevoked)
{
    const IssuedKey a = m_keys.create(spec(), kNow);
    const IssuedKey b = m_keys.create(spec(), kNow);
    EXPECT_TRUE(m_keys.revoke(a.record.id, kNow + 5));
    EXPECT_TRUE(m_keys.revoke(a.record.id, kNow + 9)); // idempotent, first time kept
    EXPECT_FALSE(m_keys.revoke("nosuchkeyx", kNow));
    const KeyAuth auth = m_keys.authenticate(a.secret, kNow + 10);
    EXPECT_EQ(auth.status, AuthStatus::Revoked);
    ASSERT_TRUE(auth.key);
    EXPECT_EQ(auth.key->revokedMs, kNow + 5);
    EXPECT_EQ(m_keys.authenticate(b.secret, kNow + 10).status, AuthStatus::Ok);
    EXPECT_TRUE(m_store->loadKeys()[0].revoked || m_store->loadKeys()[1].revoked);
}

TEST_F(KeyRegistryTest, RotationKeepsOldKeyUntilGraceEnds)
{
    KeySpec s = spec("acme", "rotating");
    s.models = {"m1"};
    s.endpoints = {"chat"};
    const IssuedKey old = m_keys.create(s, kNow);
    const auto rotated = m_keys.rotate(old.record.id, 3'600'000, kNow + 10);
    ASSERT_TRUE(rotated);
    EXPECT_NE(rotated->record.id, old.record.id);
    EXPECT_NE(rotated->secret, old.secret);
    EXPECT_EQ(rotated->record.clientId, "acme");
    EXPECT_EQ(rotated->record.name, "rotating");
    EXPECT_EQ(rotated->record.models, s.models);
    EXPECT_EQ(rotated->record.endpoints, s.endpoints);
    const auto oldNow = m_keys.find(old.record.id);
    ASSERT_TRUE(oldNow);
    EXPECT_EQ(oldNow->replacedBy, rotated->record.id);
    EXPECT_EQ(oldNow->graceUntilMs, kNow + 10 + 3'600'000);

    EXPECT_EQ(m_keys.authenticate(old.secret, kNow + 3'600'009).status, AuthStatus::Ok);
    EXPECT_EQ(m_keys.authenticate(old.secret, kNow + 3'600'010).status, AuthStatus::Expired);
    EXPECT_EQ(m_keys.authenticate(rotated->secret, kNow + 3'600'010).status, AuthStatus::Ok);

    EXPECT_FALSE(m_keys.rotate(old.record.id, 0, kNow + 20)); // already rotated
    EXPECT_FALSE(m_keys.rotate("nosuchkeyx", 0, kNow));
    EXPECT_THROW(m_keys.rotate(rotated->record.id, -1, kNow), std::invalid_argument);
    // Zero grace: the old key is expired at once.
    const auto again = m_keys.rotate(rotated->record.id, 0, kNow + 30);
    ASSERT_TRUE(again);
    EXPECT_EQ(m_keys.authenticate(rotated->secret, kNow + 30).status, AuthStatus::Expired);
    EXPECT_EQ(m_store->loadKeys().size(), 3u);
}

TEST_F(KeyRegistryTest, RevokeClientRevokesOnlyThatClient)
{
    const IssuedKey a1 = m_keys.create(spec("acme"), kNow);
    const IssuedKey a2 = m_keys.create(spec("acme"), kNow);
    const IssuedKey b1 = m_keys.create(spec("beta"), kNow);
    EXPECT_TRUE(m_keys.revoke(a2.record.id, kNow));
    EXPECT_EQ(m_keys.revokeClient("acme", kNow + 1), 1u);
    EXPECT_EQ(m_keys.revokeClient("acme", kNow + 2), 0u);
    EXPECT_EQ(m_keys.revokeClient("nobody", kNow + 2), 0u);
    EXPECT_EQ(m_keys.authenticate(a1.secret, kNow + 3).status, AuthStatus::Revoked);
    EXPECT_EQ(m_keys.authenticate(b1.secret, kNow + 3).status, AuthStatus::Ok);
    EXPECT_EQ(m_keys.list("acme").size(), 2u);
    EXPECT_EQ(m_keys.list("beta").size(), 1u);
    EXPECT_EQ(m_keys.list().size(), 3u);
}

TEST_F(KeyRegistryTest, UpdateAppliesPatchOrChangesNothing)
{
    const IssuedKey k = m_keys.create(spec(), kNow);
    KeyPatch patch;
    patch.name = "renamed";
    patch.expiresMs = std::optional<std::int64_t>(kNow + 50);
    patch.models = std::vector<std::string> {"a", "b"};
    const auto updated = m_keys.update(k.record.id, patch);
    ASSERT_TRUE(updated);
    EXPECT_EQ(updated->name, "renamed");
    EXPECT_EQ(updated->expiresMs, kNow + 50);
    EXPECT_EQ(updated->models, (std::vector<std::string> {"a", "b"}));
    EXPECT_TRUE(updated->endpoints.empty());
    EXPECT_EQ(m_store->loadKeys()[0], *updated);
    EXPECT_EQ(m_keys.authenticate(k.secret, kNow + 50).status, AuthStatus::Expired);

    KeyPatch clear;
    clear.expiresMs = std::optional<std::int64_t>();
    EXPECT_FALSE(m_keys.update(k.record.id, clear)->expiresMs.has_value());
    EXPECT_EQ(m_keys.authenticate(k.secret, kNow + 50).status, AuthStatus::Ok);

    KeyPatch bad;
    bad.name = "fine";
    bad.endpoints = std::vector<std::string> {"files"};
    EXPECT_THROW(m_keys.update(k.record.id, bad), std::invalid_argument);
    EXPECT_EQ(m_keys.find(k.record.id)->name, "renamed");
    EXPECT_EQ(m_store->loadKeys()[0].name, "renamed");
    EXPECT_FALSE(m_keys.update("nosuchkeyx", patch));
}

TEST(KeyScopes, AllowsChecksModelsAndEndpoints)
{
    ApiKeyRecord open;
    EXPECT_TRUE(KeyRegistry::allows(open, "anything", "chat"));
    EXPECT_TRUE(KeyRegistry::allows(open, "", "models"));
    ApiKeyRecord scoped;
    scoped.models = {"gpt-4o", "embed-small"};
    scoped.endpoints = {"chat", "embeddings", "models"};
    EXPECT_TRUE(KeyRegistry::allows(scoped, "gpt-4o", "chat"));
    EXPECT_TRUE(KeyRegistry::allows(scoped, "embed-small", "embeddings"));
    EXPECT_FALSE(KeyRegistry::allows(scoped, "gpt-4o-mini", "chat"));
    EXPECT_FALSE(KeyRegistry::allows(scoped, "GPT-4O", "chat"));
    EXPECT_FALSE(KeyRegistry::allows(scoped, "gpt-4o", "completions"));
    EXPECT_TRUE(KeyRegistry::allows(scoped, "", "models"));
    EXPECT_FALSE(KeyRegistry::allows(scoped, "", "chat"));
}

TEST_F(KeyRegistryTest, NoteUseIsInMemoryUntilFlush)
{
    const IssuedKey k = m_keys.create(spec(), kNow);
    m_keys.noteUse(k.record.id, kNow + 100);
    m_keys.noteUse(k.record.id, kNow + 50); // never goes back
    m_keys.noteUse("nosuchkeyx", kNow);     // ignored
    EXPECT_EQ(m_keys.find(k.record.id)->lastUsedMs, kNow + 100);
    EXPECT_EQ(m_store->loadKeys()[0].lastUsedMs, 0);
    m_keys.flush();
    EXPECT_EQ(m_store->loadKeys()[0].lastUsedMs, kNow + 100);
    m_keys.noteUse(k.record.id, kNow + 200);
    m_keys.flush();
    m_keys.flush();
    EXPECT_EQ(m_store->loadKeys()[0].lastUsedMs, kNow + 200);
}

TEST_F(KeyRegistryTest, RestartSeesKeysRevocationsRotationsAndLastUse)
{
    const IssuedKey live = m_keys.create(spec("acme", "live"), kNow);
    const IssuedKey dead = m_keys.create(spec("acme", "dead"), kNow);
    const IssuedKey old = m_keys.create(spec("beta", "old"), kNow);
    ASSERT_TRUE(m_keys.revoke(dead.record.id, kNow + 1));
    const auto fresh = m_keys.rotate(old.record.id, 1000, kNow + 2);
    ASSERT_TRUE(fresh);
    m_keys.noteUse(live.record.id, kNow + 3);
    m_keys.flush();
    const auto before = m_keys.list();

    auto reopened = GatewayStore::open(dbPath());
    KeyRegistry again(*reopened);
    EXPECT_EQ(again.list(), before);
    EXPECT_EQ(again.authenticate(live.secret, kNow + 5).status, AuthStatus::Ok);
    EXPECT_EQ(again.find(live.record.id)->lastUsedMs, kNow + 3);
    EXPECT_EQ(again.authenticate(dead.secret, kNow + 5).status, AuthStatus::Revoked);
    EXPECT_EQ(again.authenticate(old.secret, kNow + 5).status, AuthStatus::Ok);
    EXPECT_EQ(again.authenticate(old.secret, kNow + 1002).status, AuthStatus::Expired);
    EXPECT_EQ(again.authenticate(fresh->secret, kNow + 1002).status, AuthStatus::Ok);
}

TEST_F(KeyRegistryTest, SecretsNeverReachTheDatabaseFiles)
{
    std::vector<std::string> secrets;
    for (int i = 0; i < 5; ++i) {
        secrets.push_back(m_keys.create(spec("acme", "k" + std::to_string(i)), kNow).secret);
    }
    const auto rotated = m_keys.rotate(m_keys.list()[0].id, 10, kNow);
    ASSERT_TRUE(rotated);
    secrets.push_back(rotated->secret);
    auto scan = [&] {
        for (const auto& entry : std::filesystem::directory_iterator(m_dir.path())) {
            const std::string bytes = test::readFile(entry.path());
            for (const auto& secret : secrets) {
                // Neither the whole key nor its random part may appear.
                EXPECT_EQ(bytes.find(secret), std::string::npos) << entry.path().filename();
                EXPECT_EQ(bytes.find(secret.substr(14)), std::string::npos) << entry.path().filename();
            }
        }
    };
    scan(); // live database and WAL
    const std::string id = m_keys.list()[0].id;
    m_store.reset();
    scan(); // after the checkpoint on close
    const std::string main = test::readFile(dbPath());
    EXPECT_NE(main.find(id), std::string::npos); // sanity: the scan does see stored text
}

TEST_F(KeyRegistryTest, AuthenticateIsConsistentWhileKeysChange)
{
    const IssuedKey stable = m_keys.create(spec("acme"), kNow);
    std::atomic<bool> stop {false};
    std::atomic<int> failures {0};
    std::atomic<int> checks {0};
    std::vector<std::thread> readers;
    for (int t = 0; t < 3; ++t) {
        readers.emplace_back([&] {
            for (int i = 0; i < 100000 && !stop.load(); ++i) {
                if (m_keys.authenticate(stable.secret, kNow).status != AuthStatus::Ok) {
                    ++failures;
                }
                m_keys.noteUse(stable.record.id, kNow + i);
                ++checks;
            }
        });
    }
    for (int i = 0; i < 30; ++i) {
        const IssuedKey k = m_keys.create(spec("beta"), kNow);
        if (i % 2 == 0) {
            m_keys.revoke(k.record.id, kNow);
        }
        if (i % 10 == 0) {
            m_keys.flush();
        }
    }
    stop = true;
    for (auto& th : readers) {
        th.join();
    }
    EXPECT_EQ(failures.load(), 0);
    EXPECT_GT(checks.load(), 0);
    EXPECT_EQ(m_keys.revokeClient("beta", kNow), 15u);
}

} // namespace
} // namespace modelguard::gateway
