#pragma once
// Admin tokens in the system keychain (QtKeychain, service "ModelGuard"), one entry per connection profile id.
// Without a reachable keychain the calls fail with a readable error; callers then keep the token in memory for the
// session only and say so.

#include <QCoroTask>
#include <QString>

#include <optional>

namespace modelguard::client {

class SecretStore
{
public:
    static constexpr const char* kService = "ModelGuard";

    struct ReadResult
    {
        std::optional<QString> secret; ///< std::nullopt: no entry, or the keychain failed (then error says why)
        QString error;                 ///< empty when the read worked or the entry simply does not exist
    };

    /// The stored secret, or std::nullopt when there is none or the keychain cannot be read (see readDetailed()).
    static QCoro::Task<std::optional<QString>> read(QString key);
    /// Like read(), with the keychain's error.
    static QCoro::Task<ReadResult> readDetailed(QString key);
    /// Stores `secret` under `key`. Returns the error text, empty on success.
    static QCoro::Task<QString> write(QString key, QString secret);
    /// Deletes the entry (a missing entry is not an error). Returns the error text, empty on success.
    static QCoro::Task<QString> remove(QString key);
};

} // namespace modelguard::client
