#pragma once
// One saved connection of the console to a daemon (address and TLS settings; never the token).

#include <QMetaType>
#include <QString>
#include <QUrl>

namespace modelguard::client {

struct ConnectionProfile
{
    QString id;     ///< QUuid string, stable
    QString name;   ///< e.g. "prod-eu-1"
    QUrl adminUrl;  ///< http(s)://host:port (admin listener)
    QString caFile; ///< extra CA (PEM) to trust; empty = system
    QString
        pinnedSha256; ///< hex SHA-256 of the server certificate (DER); non-empty = pin (self-signed OK if it matches)
    QString clientCertFile, clientKeyFile; ///< mTLS, optional

    bool operator==(const ConnectionProfile&) const = default;
};

} // namespace modelguard::client

Q_DECLARE_METATYPE(modelguard::client::ConnectionProfile)
