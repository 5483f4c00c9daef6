// ProfileStore: profiles round-trip through QSettings (a temporary settings path, see main.cpp); no token in there.

#include "client/ProfileStore.h"

#include <QFile>
#include <QSettings>

#include <gtest/gtest.h>

using modelguard::client::ConnectionProfile;
using modelguard::client::ProfileStore;

TEST(ProfileStore, RoundTrip)
{
    QList<ConnectionProfile> profiles;
    profiles.append({QStringLiteral("6f1c1a52-0000-4000-8000-000000000001"), QStringLiteral("prod-eu-1"),
                     QUrl(QStringLiteral("https://gw1.example:8443")), QStringLiteral("/etc/mg/ca.pem"),
                     QStringLiteral("ab12cd"), QStringLiteral("/etc/mg/c.pem"), QStringLiteral("/etc/mg/c.key")});
    profiles.append({QStringLiteral("6f1c1a52-0000-4000-8000-000000000002"),
                     QStringLiteral("lab ü"),
                     QUrl(QStringLiteral("http://127.0.0.1:9000")),
                     {},
                     {},
                     {},
                     {}});
    ProfileStore store;
    store.save(profiles);
    EXPECT_EQ(ProfileStore().load(), profiles);

    // The settings file really is where the test put it, and saving fewer profiles drops the others.
    const QString file = QSettings().fileName();
    EXPECT_TRUE(QFile::exists(file)) << file.toStdString();
    store.save({profiles[1]});
    const auto loaded = ProfileStore().load();
    ASSERT_EQ(loaded.size(), 1);
    EXPECT_EQ(loaded[0], profiles[1]);

    // Nothing token-like in the file.
    QFile f(file);
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    EXPECT_FALSE(f.readAll().contains("mga_"));
    store.save({});
    EXPECT_TRUE(ProfileStore().load().isEmpty());
}

TEST(ProfileStore, ProfilesWithoutIdAreNotSaved)
{
    ProfileStore store;
    ConnectionProfile noId;
    noId.name = QStringLiteral("x");
    ConnectionProfile withId;
    withId.id = QStringLiteral("id-1");
    withId.adminUrl = QUrl(QStringLiteral("http://localhost:1"));
    store.save({noId, withId});
    const auto loaded = store.load();
    ASSERT_EQ(loaded.size(), 1);
    EXPECT_EQ(loaded[0].id, QStringLiteral("id-1"));
    store.save({});
}
