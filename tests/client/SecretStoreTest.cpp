// SecretStore against a real Secret Service (gnome-keyring in a private D-Bus session, see CMakeLists.txt). Without a
// reachable Secret Service the test is skipped, unless MG_REQUIRE_SECRET_SERVICE is set (with-secret-service.sh, the
// wrapper ctest runs every client test in, sets it): then a
// missing keychain is a failure.

#include "client/SecretStore.h"

#include "tests/client/TestSupport.h"

#include <QUuid>

#include <gtest/gtest.h>

using modelguard::client::SecretStore;
using modelguard::client::test::await;

TEST(SecretStore, WriteReadRemove)
{
    const bool required = qEnvironmentVariableIsSet("MG_REQUIRE_SECRET_SERVICE");
    if (!required && !qEnvironmentVariableIsSet("DBUS_SESSION_BUS_ADDRESS")) {
        GTEST_SKIP() << "no D-Bus session (set MG_REQUIRE_SECRET_SERVICE to make this a failure)";
    }
    const QString key = QStringLiteral("test-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    const auto written = await(SecretStore::write(key, QStringLiteral("mga_test_secret ü")));
    ASSERT_TRUE(written.has_value()) << "the keychain did not answer";
    if (!written->isEmpty() && !required) {
        GTEST_SKIP() << "no Secret Service: " << written->toStdString();
    }
    ASSERT_TRUE(written->isEmpty()) << written->toStdString();

    const auto read = await(SecretStore::read(key));
    ASSERT_TRUE(read.has_value());
    ASSERT_TRUE(read->has_value());
    EXPECT_EQ(**read, QStringLiteral("mga_test_secret ü"));

    const auto overwritten = await(SecretStore::write(key, QStringLiteral("second")));
    ASSERT_TRUE(overwritten && overwritten->isEmpty());
    EXPECT_EQ(await(SecretStore::read(key)).value_or(std::nullopt), QStringLiteral("second"));

    const auto removed = await(SecretStore::remove(key));
    ASSERT_TRUE(removed.has_value());
    EXPECT_TRUE(removed->isEmpty()) << removed->toStdString();
    const auto gone = await(SecretStore::readDetailed(key));
    ASSERT_TRUE(gone.has_value());
    EXPECT_FALSE(gone->secret.has_value());
    EXPECT_TRUE(gone->error.isEmpty()) << "a missing entry is not an error: " << gone->error.toStdString();
    // Removing again is fine.
    EXPECT_EQ(await(SecretStore::remove(key)).value_or(QStringLiteral("no answer")), QString());
}
