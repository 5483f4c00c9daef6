// All connections of the console, see ConnectionManager.h.

#include "client/ConnectionManager.h"

#include "client/FleetStore.h"
#include "client/ProfileStore.h"
#include "client/SecretStore.h"

#include <QPointer>
#include <QUuid>

namespace modelguard::client {

ConnectionManager::ConnectionManager(FleetStore* store, QObject* parent)
    : QObject(parent)
    , m_store(store)
{ }

ConnectionManager::~ConnectionManager()
{
    for (GatewayConnection* c : std::as_const(m_connections)) {
        c->stop();
    }
}

GatewayConnection* ConnectionManager::connection(const QString& profileId) const
{
    for (GatewayConnection* c : m_connections) {
        if (c->profile().id == profileId) {
            return c;
        }
    }
    return nullptr;
}

GatewayConnection* ConnectionManager::create(ConnectionProfile profile, QString token)
{
    if (profile.id.isEmpty()) {
        profile.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    }
    if (GatewayConnection* existing = connection(profile.id)) {
        return existing;
    }
    auto* c = new GatewayConnection(std::move(profile), std::move(token), m_store, this);
    connect(c, &GatewayConnection::stateChanged, this, [this, c] { emit connectionStateChanged(c); });
    m_connections.append(c);
    return c;
}

GatewayConnection* ConnectionManager::add(ConnectionProfile profile, QString token)
{
    if (profile.id.isEmpty()) {
        profile.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    }
    const bool known = connection(profile.id) != nullptr;
    GatewayConnection* c = create(profile, token);
    if (known) {
        return c;
    }
    saveProfiles();
    storeToken(profile.id, token);
    emit connectionAdded(c);
    c->start();
    return c;
}

GatewayConnection* ConnectionManager::addTransient(ConnectionProfile profile, QString token)
{
    if (profile.id.isEmpty()) {
        profile.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    }
    const bool known = connection(profile.id) != nullptr;
    GatewayConnection* c = create(profile, std::move(token));
    if (known) {
        return c;
    }
    m_transient.insert(c->profile().id);
    emit connectionAdded(c);
    c->start();
    return c;
}

void ConnectionManager::update(const ConnectionProfile& profile, std::optional<QString> newToken)
{
    GatewayConnection* c = connection(profile.id);
    if (!c) {
        return;
    }
    const QString oldGateway = c->gatewayId();
    const bool targetChanged = c->profile().adminUrl != profile.adminUrl;
    c->reconfigure(profile, newToken);
    if (targetChanged && !oldGateway.isEmpty() && m_store) {
        m_store->removeGateway(oldGateway);
    }
    if (!m_transient.contains(profile.id)) {
        saveProfiles();
        if (newToken) {
            storeToken(profile.id, *newToken);
        }
    }
    emit connectionStateChanged(c);
}

void ConnectionManager::remove(const QString& profileId)
{
    GatewayConnection* c = connection(profileId);
    if (!c) {
        return;
    }
    m_connections.removeAll(c);
    c->stop();
    const QString gatewayId = c->gatewayId();
    // Another connection may show the same gateway (two profiles for one daemon): keep its data then.
    bool shared = false;
    for (GatewayConnection* other : std::as_const(m_connections)) {
        shared = shared || (!gatewayId.isEmpty() && other->gatewayId() == gatewayId);
    }
    if (!gatewayId.isEmpty() && !shared && m_store) {
        m_store->removeGateway(gatewayId);
    }
    c->deleteLater();
    if (!m_transient.remove(profileId)) {
        saveProfiles();
        SecretStore::remove(profileId); // fire and forget: a failure leaves only an orphaned keychain entry
    }
    emit connectionRemoved(profileId);
}

void ConnectionManager::saveProfiles()
{
    QList<ConnectionProfile> profiles;
    for (GatewayConnection* c : std::as_const(m_connections)) {
        if (!m_transient.contains(c->profile().id)) {
            profiles.append(c->profile());
        }
    }
    ProfileStore().save(profiles);
}

QCoro::Task<void> ConnectionManager::storeToken(QString profileId, QString token)
{
    QPointer<ConnectionManager> self(this);
    const QString error = co_await SecretStore::write(profileId, token);
    if (self && !error.isEmpty()) {
        emit tokenNotSaved(profileId, error);
    }
}

QCoro::Task<void> ConnectionManager::restore()
{
    QPointer<ConnectionManager> self(this);
    const QList<ConnectionProfile> profiles = ProfileStore().load();
    for (const ConnectionProfile& profile : profiles) {
        SecretStore::ReadResult token = co_await SecretStore::readDetailed(profile.id);
        if (!self) {
            co_return;
        }
        if (connection(profile.id)) {
            continue;
        }
        GatewayConnection* c = create(profile, token.secret.value_or(QString()));
        emit connectionAdded(c);
        if (!token.secret) {
            emit tokenNotAvailable(
                profile.id, token.error.isEmpty() ? tr("no admin token is stored for this connection") : token.error);
        }
        c->start(); // without a token: Unauthorised ("no admin token"), no traffic
    }
}

} // namespace modelguard::client
