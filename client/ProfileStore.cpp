// Connection profiles in QSettings, see ProfileStore.h.

#include "client/ProfileStore.h"

#include <QSettings>

namespace modelguard::client {

namespace {
const QString kGroup = QStringLiteral("connections");
}

QList<ConnectionProfile> ProfileStore::load() const
{
    QSettings settings;
    QList<ConnectionProfile> profiles;
    const int count = settings.beginReadArray(kGroup);
    for (int i = 0; i < count; ++i) {
        settings.setArrayIndex(i);
        ConnectionProfile p;
        p.id = settings.value(QStringLiteral("id")).toString();
        if (p.id.isEmpty()) {
            continue;
        }
        p.name = settings.value(QStringLiteral("name")).toString();
        p.adminUrl = QUrl(settings.value(QStringLiteral("adminUrl")).toString());
        p.caFile = settings.value(QStringLiteral("caFile")).toString();
        p.pinnedSha256 = settings.value(QStringLiteral("pinnedSha256")).toString();
        p.clientCertFile = settings.value(QStringLiteral("clientCertFile")).toString();
        p.clientKeyFile = settings.value(QStringLiteral("clientKeyFile")).toString();
        profiles.append(std::move(p));
    }
    settings.endArray();
    return profiles;
}

void ProfileStore::save(const QList<ConnectionProfile>& profiles)
{
    QSettings settings;
    settings.remove(kGroup);
    settings.beginWriteArray(kGroup);
    int index = 0;
    for (const ConnectionProfile& p : profiles) {
        if (p.id.isEmpty()) {
            continue;
        }
        settings.setArrayIndex(index++);
        settings.setValue(QStringLiteral("id"), p.id);
        settings.setValue(QStringLiteral("name"), p.name);
        settings.setValue(QStringLiteral("adminUrl"), p.adminUrl.toString());
        settings.setValue(QStringLiteral("caFile"), p.caFile);
        settings.setValue(QStringLiteral("pinnedSha256"), p.pinnedSha256);
        settings.setValue(QStringLiteral("clientCertFile"), p.clientCertFile);
        settings.setValue(QStringLiteral("clientKeyFile"), p.clientKeyFile);
    }
    settings.endArray();
    settings.sync();
}

} // namespace modelguard::client
