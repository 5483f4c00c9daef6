#pragma once
// All connections of the console: owns them, persists their profiles (ProfileStore) and tokens (SecretStore).

#include "client/ConnectionProfile.h"
#include "client/GatewayConnection.h"

#include <QCoroTask>
#include <QList>
#include <QObject>
#include <QSet>

#include <optional>

namespace modelguard::client {

class FleetStore;

class ConnectionManager : public QObject
{
    Q_OBJECT
public:
    explicit ConnectionManager(FleetStore* store, QObject* parent = nullptr);
    ~ConnectionManager() override;

    QList<GatewayConnection*> connections() const { return m_connections; }
    GatewayConnection* connection(const QString& profileId) const;
    /// Starts a connection; saves its profile; the token goes to the keychain (an empty profile id gets a new UUID).
    GatewayConnection* add(ConnectionProfile profile, QString token);
    /// A connection for this session only: neither profile nor token is saved (e.g. `modelguard --connect`).
    GatewayConnection* addTransient(ConnectionProfile profile, QString token);
    /// Changes a connection's profile and, if given, its token (saved like add()); restarts it.
    void update(const ConnectionProfile& profile, std::optional<QString> newToken);
    /// Stops and deletes the connection, drops its gateway's data from the store, its profile and its token.
    void remove(const QString& profileId);
    /// Loads the saved profiles and their tokens from the keychain and starts them. A profile whose token cannot be
    /// read is added stopped-in-Unauthorised ("no admin token"); tokenNotAvailable() says why.
    QCoro::Task<void> restore();

signals:
    void connectionAdded(modelguard::client::GatewayConnection* connection);
    void connectionRemoved(const QString& profileId);
    void connectionStateChanged(modelguard::client::GatewayConnection* connection);
    /// The keychain could not store the token: it is kept in memory for this session only.
    void tokenNotSaved(const QString& profileId, const QString& error);
    /// restore(): the token of a saved profile could not be read.
    void tokenNotAvailable(const QString& profileId, const QString& error);

private:
    GatewayConnection* create(ConnectionProfile profile, QString token);
    void saveProfiles();
    QCoro::Task<void> storeToken(QString profileId, QString token);

    FleetStore* m_store;
    QList<GatewayConnection*> m_connections;
    QSet<QString> m_transient; ///< profile ids not to be saved
};

} // namespace modelguard::client
