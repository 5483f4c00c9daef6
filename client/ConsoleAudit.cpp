#include "client/ConsoleAudit.h"

#include "client/SecretStore.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSettings>
#include <QStandardPaths>
#include <QSysInfo>
#include <QUuid>

#include <pwd.h>
#include <unistd.h>

namespace modelguard::client {

namespace {

QString currentOsUser()
{
    if (const passwd* pw = ::getpwuid(::getuid()); pw != nullptr && pw->pw_name != nullptr) {
        return QString::fromLocal8Bit(pw->pw_name);
    }
    const QString user = qEnvironmentVariable("USER");
    return user.isEmpty() ? QStringLiteral("uid %1").arg(::getuid()) : user;
}

QString installId()
{
    QSettings settings;
    QString id = settings.value(QStringLiteral("audit/consoleId")).toString();
    if (id.isEmpty()) {
        id = QUuid::createUuid().toString(QUuid::WithoutBraces).left(8);
        settings.setValue(QStringLiteral("audit/consoleId"), id);
    }
    return id;
}

std::string compactJson(const QJsonValue& value)
{
    if (value.isNull() || value.isUndefined()) {
        return {};
    }
    if (value.isObject()) {
        return QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact).toStdString();
    }
    if (value.isArray()) {
        return QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact).toStdString();
    }
    // A scalar: wrap it in an array and strip the brackets, so that strings are quoted and escaped as JSON.
    const QByteArray wrapped = QJsonDocument(QJsonArray {value}).toJson(QJsonDocument::Compact);
    return wrapped.mid(1, wrapped.size() - 2).toStdString();
}

} // namespace

QString ConsoleAudit::defaultPath()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(QStringLiteral("audit.sqlite"));
}

ConsoleAudit::ConsoleAudit(QString path, QString keyEntry, QObject* parent)
    : QObject(parent)
    , m_path(std::move(path))
    , m_keyEntry(std::move(keyEntry))
    , m_osUser(currentOsUser())
{
    m_consoleIdentity = QStringLiteral("%1@%2 console %3").arg(m_osUser, QSysInfo::machineHostName(), installId());
    m_error = tr("The audit log has not been opened yet.");
}

ConsoleAudit::~ConsoleAudit() = default;

QString ConsoleAudit::keyHex() const
{
    return isOpen() ? QString::fromStdString(crypto::toHex(*m_key)) : QString();
}

QCoro::Task<bool> ConsoleAudit::open()
{
    m_log.reset();
    m_key.reset();
    const QFileInfo info(m_path);
    if (!QDir().mkpath(info.absolutePath())) {
        m_error = tr("Cannot create the folder of the audit log (%1).").arg(info.absolutePath());
        emit openChanged(false);
        co_return false;
    }
    std::unique_ptr<audit::AuditLog> log;
    try {
        log = std::make_unique<audit::AuditLog>(std::filesystem::path(m_path.toStdString()));
    } catch (const std::exception& e) {
        m_error = tr("Cannot open the audit log %1: %2").arg(m_path, QString::fromStdString(e.what()));
        emit openChanged(false);
        co_return false;
    }
    const QString entry = m_keyEntry;
    const SecretStore::ReadResult stored = co_await SecretStore::readDetailed(entry);
    if (!stored.error.isEmpty()) {
        m_error = tr("The keychain could not be read (%1): admin actions are disabled until the audit log's key "
                     "is available.")
                      .arg(stored.error);
        emit openChanged(false);
        co_return false;
    }
    if (stored.secret) {
        auto key = crypto::fromHex(stored.secret->trimmed().toStdString());
        if (!key || key->size() != audit::kAuditKeySize) {
            m_error = tr("The audit log's key in the keychain is damaged: admin actions are disabled.");
            emit openChanged(false);
            co_return false;
        }
        m_key = std::move(*key);
    } else {
        if (log->size() != 0) {
            m_error = tr("The audit log %1 has %2 entries but its key is not in the keychain: admin actions are "
                         "disabled (a new key would make every old entry look forged).")
                          .arg(m_path)
                          .arg(log->size());
            emit openChanged(false);
            co_return false;
        }
        crypto::Bytes key = audit::AuditLog::generateKey();
        const QString hex = QString::fromStdString(crypto::toHex(key));
        const QString written = co_await SecretStore::write(entry, hex);
        if (!written.isEmpty()) {
            m_error =
                tr("The keychain could not store the audit log's key (%1): admin actions are disabled.").arg(written);
            emit openChanged(false);
            co_return false;
        }
        m_key = std::move(key);
    }
    m_log = std::move(log);
    m_error.clear();
    emit openChanged(true);
    co_return true;
}

quint64 ConsoleAudit::record(const QString& action, const QString& gateway, const QString& target,
                             const QJsonValue& before, const QJsonValue& after, const QString& result)
{
    if (!isOpen()) {
        return 0;
    }
    audit::AuditEntry e;
    e.time_ms = QDateTime::currentMSecsSinceEpoch();
    e.os_user = m_osUser.toStdString();
    e.console_identity = m_consoleIdentity.toStdString();
    e.action = action.toStdString();
    e.gateway = gateway.toStdString();
    e.target = target.toStdString();
    e.before_json = compactJson(before);
    e.after_json = compactJson(after);
    e.result = result.toStdString();
    try {
        const std::uint64_t seq = m_log->append(e, *m_key);
        emit appended(seq);
        return seq;
    } catch (const std::exception& ex) {
        m_error = tr("The audit log could not record '%1': %2").arg(action, QString::fromStdString(ex.what()));
        return 0;
    }
}

audit::VerifyReport ConsoleAudit::verify() const
{
    if (!isOpen()) {
        audit::VerifyReport report;
        report.problem = audit::AuditProblem::WrongKey;
        report.detail = m_error.toStdString();
        return report;
    }
    try {
        return m_log->verify(*m_key);
    } catch (const std::exception& e) {
        audit::VerifyReport report;
        report.problem = audit::AuditProblem::Altered;
        report.detail = e.what();
        return report;
    }
}

} // namespace modelguard::client
