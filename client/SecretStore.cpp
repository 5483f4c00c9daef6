// Admin tokens in the system keychain, see SecretStore.h.

#include "client/SecretStore.h"

#include <QCoreApplication>
#include <QCoroSignal>
#include <qt6keychain/keychain.h>

namespace modelguard::client {

namespace {

QString describe(const QKeychain::Job& job)
{
    switch (job.error()) {
    case QKeychain::NoBackendAvailable:
        return QCoreApplication::translate("SecretStore", "no keychain is available (%1)").arg(job.errorString());
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        return QCoreApplication::translate("SecretStore", "access to the keychain was denied (%1)")
            .arg(job.errorString());
    default:
        return QCoreApplication::translate("SecretStore", "keychain error: %1").arg(job.errorString());
    }
}

/// Starts the job and waits for its end (listening before it starts: a job may finish at once). The caller deletes
/// the job later, never inside its own signal.
QCoro::Task<void> run(QKeychain::Job* job)
{
    auto finished = qCoro(job, &QKeychain::Job::finished); // eager: connected from here on
    job->start();
    co_await std::move(finished);
}

} // namespace

QCoro::Task<std::optional<QString>> SecretStore::read(QString key)
{
    ReadResult result = co_await readDetailed(std::move(key));
    co_return std::move(result.secret);
}

QCoro::Task<SecretStore::ReadResult> SecretStore::readDetailed(QString key)
{
    auto* job = new QKeychain::ReadPasswordJob(QString::fromLatin1(kService));
    job->setAutoDelete(false);
    job->setKey(key);
    co_await run(job);
    ReadResult result;
    if (job->error() == QKeychain::NoError) {
        result.secret = job->textData();
    } else if (job->error() != QKeychain::EntryNotFound) {
        result.error = describe(*job);
    }
    job->deleteLater();
    co_return result;
}

QCoro::Task<QString> SecretStore::write(QString key, QString secret)
{
    auto* job = new QKeychain::WritePasswordJob(QString::fromLatin1(kService));
    job->setAutoDelete(false);
    job->setKey(key);
    job->setTextData(secret);
    co_await run(job);
    QString error = job->error() == QKeychain::NoError ? QString() : describe(*job);
    job->deleteLater();
    co_return error;
}

QCoro::Task<QString> SecretStore::remove(QString key)
{
    auto* job = new QKeychain::DeletePasswordJob(QString::fromLatin1(kService));
    job->setAutoDelete(false);
    job->setKey(key);
    co_await run(job);
    const bool ok = job->error() == QKeychain::NoError || job->error() == QKeychain::EntryNotFound;
    QString error = ok ? QString() : describe(*job);
    job->deleteLater();
    co_return error;
}

} // namespace modelguard::client
