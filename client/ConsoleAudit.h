#pragma once
// The console's local, tamper-evident record of every admin action it performs (core/audit's AuditLog, a SQLite file
// in WAL mode under the console's data directory). The HMAC key that seals the chain is 32 random bytes created on
// first use and kept only in the system keychain (SecretStore, entry "audit-log-key", as 64 hex digits: the form
// `modelguard-cli audit verify --key-file` reads); without the key the console
// refuses to perform admin actions rather than perform them unrecorded.
// Several console instances may append to the same file at once: AuditLog serialises appends with BEGIN IMMEDIATE.

#include "core/audit/AuditLog.h"

#include <QCoroTask>
#include <QJsonValue>
#include <QObject>
#include <QString>

#include <memory>
#include <optional>

namespace modelguard::client {

class ConsoleAudit : public QObject
{
    Q_OBJECT
public:
    /// The keychain entry (SecretStore key) holding the hex HMAC key of the log at defaultPath().
    static constexpr const char* kKeyEntry = "audit-log-key";
    /// The key as hex (for `modelguard-cli audit verify --key-file`), empty when the log is not open.
    QString keyHex() const;

    /// <AppDataLocation>/audit.sqlite (the directory is created on open()).
    static QString defaultPath();

    /// `keyEntry` names the keychain entry of the key (tests use their own).
    explicit ConsoleAudit(QString path = defaultPath(), QString keyEntry = QString::fromLatin1(kKeyEntry),
                          QObject* parent = nullptr);
    ~ConsoleAudit() override;

    /// Opens (or creates) the log and loads its key from the keychain; a new, empty log gets a fresh key stored in
    /// the keychain. A log that has entries but whose key is missing stays closed (error() says so): a new key
    /// would make every old entry read as forged. Returns isOpen().
    QCoro::Task<bool> open();
    bool isOpen() const { return m_log != nullptr && m_key.has_value(); }
    /// Why the log is not open (empty when it is).
    QString error() const { return m_error; }
    QString path() const { return m_path; }
    /// The keychain entry of the key.
    QString keyEntry() const { return m_keyEntry; }

    /// The OS user running the console (getpwuid, else $USER).
    QString osUser() const { return m_osUser; }
    /// "<user>@<host> console <install id>": the install id is a random id kept in QSettings ("audit/consoleId").
    QString consoleIdentity() const { return m_consoleIdentity; }

    /// Appends one entry (time = now); before/after are stored as compact JSON (null/undefined = empty). Returns the
    /// new seq, or 0 when the log is not open or the append failed (error() then says why; nothing is written).
    quint64 record(const QString& action, const QString& gateway, const QString& target, const QJsonValue& before,
                   const QJsonValue& after, const QString& result);

    /// Verifies the whole chain with the key from the keychain. Throws nothing: a log that is not open yields
    /// problem WrongKey with the reason in detail.
    audit::VerifyReport verify() const;
    /// The log itself (queries, exports), or nullptr when not open.
    audit::AuditLog* log() const { return m_log.get(); }

signals:
    /// After every successful record().
    void appended(quint64 seq);
    /// At the end of every open(): whether the log is now open (views that depend on it update).
    void openChanged(bool open);

private:
    QString m_path;
    QString m_keyEntry;
    QString m_error;
    QString m_osUser;
    QString m_consoleIdentity;
    std::unique_ptr<audit::AuditLog> m_log;
    std::optional<crypto::Bytes> m_key;
};

} // namespace modelguard::client
