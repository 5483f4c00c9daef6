// AdminTokens: roles and names validated, token format, authentication, revocation, persistence, reload.

#include "services/gateway/store/AdminTokens.h"

#include "tests/gateway/store/StoreTestUtil.h"

#include <gtest/gtest.h>

#include <regex>

namespace modelguard::gateway {
namespace {

using test::TempDir;

constexpr std::int64_t kNow = 1'700'000'000'000;

TEST(AdminTokens, CreateValidatesRoleAndName)
{
    TempDir dir;
    auto store = GatewayStore::open(dir.file("gw.db"));
    AdminTokens tokens(*store);
    EXPECT_THROW(tokens.create("ops", "root", kNow), std::invalid_argument);
    EXPECT_THROW(tokens.create("ops", "Admin", kNow), std::invalid_argument);
    EXPECT_THROW(tokens.create("ops", "", kNow), std::invalid_argument);
    EXPECT_THROW(tokens.create("", "admin", kNow), std::invalid_argument);
    EXPECT_THROW(tokens.create(std::string(201, 'x'), "admin", kNow), std::invalid_argument);
    EXPECT_TRUE(tokens.list().empty());
    EXPECT_TRUE(store->loadAdminTokens().empty());

    const auto [record, secret] = tokens.create("ops team", "viewer", kNow);
    EXPECT_TRUE(std::regex_match(secret, std::regex("^mga_[a-z2-7]{10}_[0-9A-Za-z]{32}$"))) << secret;
    EXPECT_EQ(secret.substr(4, 10), record.id);
    EXPECT_EQ(record.role, "viewer");
    EXPECT_EQ(record.name, "ops team");
    EXPECT_EQ(record.hashHex.size(), 64u);
    EXPECT_EQ(store->loadAdminTokens(), std::vector<AdminTokenRecord> {record});
}

TEST(AdminTokens, AuthenticateAndRevoke)
{
    TempDir dir;
    auto store = GatewayStore::open(dir.file("gw.db"));
    AdminTokens tokens(*store);
    const auto [admin, adminSecret] = tokens.create("root", "admin", kNow);
    const auto [viewer, viewerSecret] = tokens.create("watcher", "viewer", kNow + 1);

    const auto who = tokens.authenticate("Bearer " + adminSecret);
    ASSERT_TRUE(who);
    EXPECT_EQ(who->id, admin.id);
    EXPECT_EQ(who->role, "admin");
    ASSERT_TRUE(tokens.authenticate(viewerSecret));
    EXPECT_EQ(tokens.authenticate(viewerSecret)->role, "viewer");

    std::string wrong = adminSecret;
    wrong.back() = wrong.back() == 'x' ? 'y' : 'x';
    EXPECT_FALSE(tokens.authenticate("Bearer " + wrong));
    EXPECT_FALSE(tokens.authenticate(""));
    EXPECT_FALSE(tokens.authenticate("Bearer"));
    EXPECT_FALSE(tokens.authenticate("Bearer mg_" + adminSecret.substr(4))); // an API-key-shaped string
    EXPECT_FALSE(tokens.authenticate(std::string(100000, 'a')));

    EXPECT_TRUE(tokens.revoke(admin.id));
    EXPECT_TRUE(tokens.revoke(admin.id));
    EXPECT_FALSE(tokens.revoke("nosuchtokn"));
    EXPECT_FALSE(tokens.authenticate("Bearer " + adminSecret));
    EXPECT_TRUE(tokens.authenticate("Bearer " + viewerSecret));

    const auto list = tokens.list();
    ASSERT_EQ(list.size(), 2u);
    EXPECT_EQ(list[0].id, admin.id);
    EXPECT_TRUE(list[0].revoked);
    EXPECT_EQ(list[1].id, viewer.id);
}

TEST(AdminTokens, PersistAcrossRestartAndReload)
{
    TempDir dir;
    const std::string path = dir.file("gw.db");
    std::string keptSecret, revokedSecret;
    {
        auto store = GatewayStore::open(path);
        AdminTokens tokens(*store);
        keptSecret = tokens.create("kept", "admin", kNow).second;
        const auto [revoked, secret] = tokens.create("gone", "viewer", kNow);
        revokedSecret = secret;
        ASSERT_TRUE(tokens.revoke(revoked.id));
    }
    auto store = GatewayStore::open(path);
    AdminTokens tokens(*store);
    EXPECT_TRUE(tokens.authenticate("Bearer " + keptSecret));
    EXPECT_FALSE(tokens.authenticate("Bearer " + revokedSecret));
    EXPECT_EQ(tokens.list().size(), 2u);

    // Another process (here: another connection) bootstraps a token; reload() makes it known.
    auto other = GatewayStore::open(path);
    AdminTokens otherTokens(*other);
    const std::string added = otherTokens.create("bootstrap", "admin", kNow).second;
    EXPECT_FALSE(tokens.authenticate(added));
    tokens.reload();
    EXPECT_TRUE(tokens.authenticate(added));
}

} // namespace
} // namespace modelguard::gateway
