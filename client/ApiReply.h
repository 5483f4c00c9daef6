#pragma once
// The result of one REST call on a daemon's admin API.

#include <QJsonDocument>
#include <QString>

namespace modelguard::client {

struct ApiReply
{
    int status = 0;     ///< HTTP status; 0 when no response arrived (network error, timeout, TLS failure)
    QJsonDocument json; ///< parsed response body (empty when there was none or it was not JSON)
    QString error;      ///< human-readable, empty on 2xx
    bool ok() const { return status >= 200 && status < 300 && error.isEmpty(); }
};

} // namespace modelguard::client
