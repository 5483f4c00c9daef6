#pragma once
// Every change the console makes on a gateway goes through here: the role check, the "before" state, the call, the
// result in words a person understands, and the entry in the local audit log (ConsoleAudit) — for accepted,
// refused and failed changes alike. Secrets returned by the gateway (a new key's "secret") are handed to the caller
// but never written to the audit log.
// The same change can be applied to several gateways; each gets its own outcome (and its own audit entry).

#include "client/ApiReply.h"

#include <QCoroTask>
#include <QJsonValue>
#include <QList>
#include <QObject>
#include <QString>

namespace modelguard::client {

class ConsoleAudit;
class GatewayConnection;

/// One change on a gateway's admin API.
struct AdminChange
{
    QString action;             ///< audit action, e.g. "create_key", "set_client_limits", "pin_action"
    QString target;             ///< audit target, e.g. "client:acme", "key:ab12cd34ef", "default"
    QByteArray method;          ///< "POST", "PUT", "PATCH", "DELETE"
    QString path;               ///< relative to the admin URL, e.g. "/admin/v1/clients/acme/limits"
    QJsonValue body;            ///< request body (null/undefined = none)
    QString beforePath;         ///< optional GET whose JSON is recorded as "before" (e.g. the client's policies)
    QString beforeField;        ///< optional: only this top-level field of the beforePath response (e.g. "limits")
    bool recordResponse = true; ///< false: the response is secret as a whole (e.g. a watermark key): not recorded
};

/// What happened on one gateway.
struct AdminOutcome
{
    QString profileId;    ///< the connection profile
    QString gatewayName;  ///< the profile's name, for messages
    ApiReply reply;       ///< status 0 when the change was not sent (see message)
    QJsonValue before;    ///< as recorded (undefined when not fetched)
    QString message;      ///< "Applied." or why not, in plain words
    quint64 auditSeq = 0; ///< the local audit entry (0: not recorded; message says why)
    bool ok() const { return reply.ok() && auditSeq != 0; }
};

class AdminService : public QObject
{
    Q_OBJECT
public:
    /// `audit` must outlive the service; it should be open (changes are refused while it is not).
    explicit AdminService(ConsoleAudit* audit, QObject* parent = nullptr);

    ConsoleAudit* audit() const { return m_audit; }

    /// True when changes can be sent to this gateway: the connection is live with an "admin" token and the audit
    /// log is open.
    bool canWrite(const GatewayConnection* gateway) const;
    /// Why canWrite() is false, in words ("The token of prod-eu-1 has the viewer role: it may only read."); empty
    /// when it is true.
    QString readOnlyReason(const GatewayConnection* gateway) const;

    /// Applies one change: checks canWrite (a change that may not be sent is recorded as "not sent: <reason>"),
    /// fetches `beforePath`, sends the request, records the audit entry (result "ok", "refused: HTTP <status>
    /// <code>: <message>" or "failed: <network error>"), emits applied() and returns the outcome.
    QCoro::Task<AdminOutcome> apply(GatewayConnection* gateway, AdminChange change);
    /// apply() on each gateway in turn (order kept); the list has one outcome per gateway.
    QCoro::Task<QList<AdminOutcome>> applyAll(QList<GatewayConnection*> gateways, AdminChange change);

    /// The gateway's refusal or the network failure in words a person understands, e.g. "The gateway refused the
    /// change: A 'reason' (1 to 1000 characters) is required for a manual action." or "No answer from prod-eu-1
    /// (connection refused)." Empty for a successful reply.
    static QString describe(const ApiReply& reply, const QString& gatewayName);

signals:
    void applied(const modelguard::client::AdminOutcome& outcome);

private:
    ConsoleAudit* m_audit = nullptr;
};

} // namespace modelguard::client

Q_DECLARE_METATYPE(modelguard::client::AdminOutcome)
