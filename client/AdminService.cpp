#include "client/AdminService.h"

#include "client/ConsoleAudit.h"
#include "client/GatewayConnection.h"

#include <QJsonArray>
#include <QJsonObject>

namespace modelguard::client {

namespace {

/// The value with every "secret" member removed, at any depth: what the audit log may keep.
QJsonValue withoutSecrets(const QJsonValue& value)
{
    if (value.isObject()) {
        QJsonObject out;
        const QJsonObject in = value.toObject();
        for (auto it = in.begin(); it != in.end(); ++it) {
            if (it.key() == QLatin1String("secret")) {
                continue;
            }
            out.insert(it.key(), withoutSecrets(it.value()));
        }
        return out;
    }
    if (value.isArray()) {
        QJsonArray out;
        for (const QJsonValue& item : value.toArray()) {
            out.append(withoutSecrets(item));
        }
        return out;
    }
    return value;
}

QJsonValue documentValue(const QJsonDocument& doc)
{
    if (doc.isObject()) {
        return doc.object();
    }
    if (doc.isArray()) {
        return doc.array();
    }
    return QJsonValue::Undefined;
}

/// The gateway's error object (message, code) of a refusal, if it sent one.
QJsonObject errorObject(const ApiReply& reply)
{
    return reply.json.object().value(QLatin1String("error")).toObject();
}

} // namespace

AdminService::AdminService(ConsoleAudit* audit, QObject* parent)
    : QObject(parent)
    , m_audit(audit)
{
    qRegisterMetaType<AdminOutcome>();
}

bool AdminService::canWrite(const GatewayConnection* gateway) const
{
    return readOnlyReason(gateway).isEmpty();
}

QString AdminService::readOnlyReason(const GatewayConnection* gateway) const
{
    if (!gateway) {
        return tr("No gateway is selected.");
    }
    const QString name = gateway->profile().name;
    if (!m_audit || !m_audit->isOpen()) {
        return tr("The local audit log is not available (%1): the console makes no change it cannot record.")
            .arg(m_audit ? m_audit->error() : tr("no audit log"));
    }
    if (gateway->state() != GatewayConnection::State::Live) {
        return tr("%1 is not connected (%2).").arg(name, gateway->stateText());
    }
    if (gateway->role() != QLatin1String("admin")) {
        return tr("The token of %1 has the %2 role: it may only read.")
            .arg(name, gateway->role().isEmpty() ? tr("unknown") : gateway->role());
    }
    return {};
}

QString AdminService::describe(const ApiReply& reply, const QString& gatewayName)
{
    if (reply.ok()) {
        return {};
    }
    if (reply.status == 0) {
        return tr("No answer from %1 (%2).").arg(gatewayName, reply.error);
    }
    QString message = errorObject(reply).value(QLatin1String("message")).toString();
    if (message.isEmpty()) {
        message = reply.error;
    }
    switch (reply.status) {
    case 400:
        return tr("%1 refused the change: %2").arg(gatewayName, message);
    case 401:
        return tr("%1 no longer accepts the console's admin token (%2). Enter a valid token in File ▸ "
                  "Connections….")
            .arg(gatewayName, message);
    case 403:
        return tr("The token for %1 may not make this change (%2).").arg(gatewayName, message);
    case 404:
        return tr("%1 does not know the object any more (%2). The view has been reloaded.").arg(gatewayName, message);
    default:
        if (reply.status >= 500) {
            return tr("%1 failed while making the change (HTTP %2: %3).")
                .arg(gatewayName)
                .arg(reply.status)
                .arg(message);
        }
        if (reply.status >= 200 && reply.status < 300) {
            return tr("%1 answered with something the console cannot read (%2).").arg(gatewayName, message);
        }
        return tr("%1 refused the change (HTTP %2: %3).").arg(gatewayName).arg(reply.status).arg(message);
    }
}

QCoro::Task<AdminOutcome> AdminService::apply(GatewayConnection* gateway, AdminChange change)
{
    AdminOutcome out;
    QPointer<GatewayConnection> gw(gateway);
    QString gatewayLabel;
    if (gw) {
        out.profileId = gw->profile().id;
        out.gatewayName = gw->profile().name;
        gatewayLabel = gw->gatewayId().isEmpty() ? out.gatewayName
                                                 : QStringLiteral("%1 [%2]").arg(out.gatewayName, gw->gatewayId());
    }
    const QString reason = readOnlyReason(gw);
    if (!reason.isEmpty()) {
        out.message = reason;
        if (m_audit) {
            out.auditSeq = m_audit->record(change.action, gatewayLabel, change.target, QJsonValue::Undefined,
                                           withoutSecrets(change.body), QStringLiteral("not sent: %1").arg(reason));
        }
        emit applied(out);
        co_return out;
    }

    if (!change.beforePath.isEmpty()) {
        const QByteArray get("GET");
        const ApiReply before = co_await gw->call(get, change.beforePath);
        if (before.ok()) {
            QJsonValue value = documentValue(before.json);
            if (!change.beforeField.isEmpty()) {
                value = value.toObject().value(change.beforeField);
            }
            out.before = withoutSecrets(value);
        }
    }
    if (!gw) {
        out.reply.error = tr("the connection was closed");
        out.message = tr("The connection to %1 was closed before the change was sent.").arg(out.gatewayName);
        if (m_audit) {
            out.auditSeq =
                m_audit->record(change.action, gatewayLabel, change.target, out.before, withoutSecrets(change.body),
                                QStringLiteral("not sent: %1").arg(out.message));
        }
        emit applied(out);
        co_return out;
    }

    out.reply = co_await gw->call(change.method, change.path, change.body);

    QString result;
    QJsonValue after;
    if (out.reply.ok()) {
        result = QString::fromLatin1(audit::kResultOk.data(), static_cast<qsizetype>(audit::kResultOk.size()));
        after = change.recordResponse ? withoutSecrets(documentValue(out.reply.json))
                                      : QJsonValue(QStringLiteral("(secret response, not recorded)"));
        out.message = tr("Applied on %1.").arg(out.gatewayName);
    } else {
        // The request that was refused or failed is recorded as "after", like the gateway's own log does.
        after = withoutSecrets(change.body);
        out.message = describe(out.reply, out.gatewayName);
        if (out.reply.status == 0) {
            result = QStringLiteral("failed: %1").arg(out.reply.error);
        } else {
            const QJsonObject error = errorObject(out.reply);
            const QString code = error.value(QLatin1String("code")).toString();
            const QString message = error.value(QLatin1String("message")).toString();
            result = QStringLiteral("refused: HTTP %1%2: %3")
                         .arg(out.reply.status)
                         .arg(code.isEmpty() ? QString() : QLatin1Char(' ') + code,
                              message.isEmpty() ? out.reply.error : message);
        }
    }
    if (m_audit) {
        out.auditSeq = m_audit->record(change.action, gatewayLabel, change.target, out.before, after, result);
    }
    if (out.auditSeq == 0) {
        // The change reached the gateway but could not be recorded locally: say so, loudly.
        out.message +=
            QLatin1Char(' ')
            + tr("The local audit log could not record it: %1").arg(m_audit ? m_audit->error() : tr("no audit log"));
    }
    emit applied(out);
    co_return out;
}

QCoro::Task<QList<AdminOutcome>> AdminService::applyAll(QList<GatewayConnection*> gateways, AdminChange change)
{
    QList<QPointer<GatewayConnection>> targets;
    for (GatewayConnection* g : gateways) {
        targets.append(QPointer<GatewayConnection>(g));
    }
    QList<AdminOutcome> outcomes;
    for (const QPointer<GatewayConnection>& g : targets) {
        AdminOutcome one = co_await apply(g.data(), change);
        outcomes.append(std::move(one));
    }
    co_return outcomes;
}

} // namespace modelguard::client
