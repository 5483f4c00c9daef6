#pragma once
// Persists connection profiles in QSettings (group "connections"). The admin token is never stored here: it goes to
// SecretStore (the system keychain).

#include "client/ConnectionProfile.h"

#include <QList>

namespace modelguard::client {

class ProfileStore
{
public:
    /// Profiles saved by save(), in the saved order. Entries without an id are skipped.
    QList<ConnectionProfile> load() const;
    /// Replaces every saved profile with `profiles` (profiles without an id are not saved).
    void save(const QList<ConnectionProfile>& profiles);
};

} // namespace modelguard::client
