#pragma once
// Keys & Quotas ▸ Quotas & limits: the rate limits and quotas of one scope — the default (every client without limits
// of its own), one client (its override, or the default it inherits; "Use default" removes the override) or one key
// (limits of its own, on top of its client's). The form shows the state of the "source" gateway (the first one
// selected under "Apply to", else the first live one) next to the client's current usage; a change goes to every
// selected gateway through AdminService (role check, audit entry) with a per-gateway result, and the form is re-read
// from the gateway afterwards, whether the change succeeded or not. "admin" events of the source gateway re-read it
// too (edits in progress are kept and stay marked). With no gateway that can take changes the form is read-only and
// the reason is shown.

#include "client/AdminService.h"

#include <QCoroTask>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QPointer>
#include <QStringList>
#include <QWidget>

class QComboBox;
class QLabel;
class QPushButton;
class QTimer;

namespace modelguard::client {
class ConnectionManager;
class FleetStore;
class GatewayConnection;
} // namespace modelguard::client

namespace modelguard::ui {

class GatewayTargets;
class LimitsEditor;

class LimitsPage : public QWidget
{
    Q_OBJECT
public:
    enum class Scope { Default, Client, Key };
    Q_ENUM(Scope)

    LimitsPage(client::ConnectionManager* connections, client::FleetStore* store, client::AdminService* service,
               QWidget* parent = nullptr);

    /// True for a client id the gateway accepts: 1 to 128 characters of A-Z a-z 0-9 . _ : @ -.
    static bool validClientId(const QString& clientId);

    /// Shows `scope` (for Client and Key: of `clientId`; for Key: the key `keyId`, or the client's first key when
    /// empty) and reads it from the source gateway, dropping unsaved edits. True when the state could be read.
    QCoro::Task<bool> setScope(Scope scope, QString clientId = {}, QString keyId = {});
    Scope scope() const { return m_scope; }
    QString clientId() const { return m_clientId; }
    QString keyId() const { return m_keyId; }

    /// Re-reads the scope's state from the source gateway into the form. With `keepEdits`, values the user changed
    /// stay (marked as changed against the state read). True when the state could be read.
    QCoro::Task<bool> reload(bool keepEdits = false);
    /// A reload shortly, keeping edits (coalesces bursts of "admin" events).
    void scheduleReload();
    /// The gateway whose state the form shows (first selected target, else the first live one), or nullptr.
    client::GatewayConnection* sourceGateway() const;

    /// Sends the form's limits to every selected gateway (input checked first: nothing is sent when it is wrong,
    /// the reason goes to the status line and the list is empty), shows the results, re-reads the form.
    QCoro::Task<QList<client::AdminOutcome>> save();
    /// Client scope: removes the client's override (the default applies again); key scope: removes the key's
    /// limits. On every selected gateway; then as save(). Not available for the default scope (empty list).
    QCoro::Task<QList<client::AdminOutcome>> resetToDefault();
    /// Drops unsaved edits (the form shows the state last read).
    void revert();

    /// Whether the scope has limits of its own on the source gateway (always true for the default).
    bool hasOverride() const { return m_hasOverride; }
    LimitsEditor* editor() const { return m_editor; }
    GatewayTargets* targets() const { return m_targets; }
    QLabel* readOnlyLabel() const { return m_readOnly; }
    QPushButton* saveButton() const { return m_save; }
    QPushButton* useDefaultButton() const { return m_useDefault; }
    QComboBox* keyCombo() const { return m_key; }
    QString statusText() const;
    /// What the scope's state is ("acme has limits of its own on gw-a." …).
    QString stateText() const;
    /// The client's current usage as shown.
    QString usageText() const;

signals:
    void reloaded();
    void changeFinished(const QString& action, const QList<modelguard::client::AdminOutcome>& outcomes);

private:
    struct Loaded
    {
        bool ok = false;
        bool hasOverride = false;
        QJsonObject limits; ///< what the form shows
        QString state;      ///< scopeState text
        QString effective;  ///< effectiveText (empty: hidden)
        QString problem;    ///< why it could not be read
        QJsonArray keys;    ///< key scope: the client's keys
        QString keyId;      ///< key scope: the key shown
        QJsonObject usage;  ///< editor usage per field
        QString usageText;  ///< the usage line
        QString sourceName;
    };

    void watch(client::GatewayConnection* connection);
    void updateActions();
    void updateScopeWidgets();
    void fillClients();
    void fillKeys(const QJsonArray& keys);
    void setStatus(const QString& text);
    void onScopeEdited();
    /// The state of the scope on `source`, read without touching the widgets.
    static QCoro::Task<Loaded> readState(QPointer<client::GatewayConnection> source, Scope scope, QString clientId,
                                         QString keyId);
    QCoro::Task<QList<client::AdminOutcome>> applyChange(client::AdminChange change, QString title);
    QString inputProblem(bool forClear) const;

    QPointer<client::ConnectionManager> m_connections;
    QPointer<client::FleetStore> m_store;
    QPointer<client::AdminService> m_service;
    QLabel* m_readOnly = nullptr;
    QComboBox* m_scopeKind = nullptr;
    QLabel* m_clientLabel = nullptr;
    QComboBox* m_client = nullptr;
    QStringList m_knownClients; ///< the ids m_client was last filled with
    QLabel* m_keyLabel = nullptr;
    QComboBox* m_key = nullptr;
    QPushButton* m_refresh = nullptr;
    QLabel* m_source = nullptr;
    QLabel* m_state = nullptr;
    QLabel* m_effective = nullptr;
    QLabel* m_usage = nullptr;
    LimitsEditor* m_editor = nullptr;
    GatewayTargets* m_targets = nullptr;
    QPushButton* m_save = nullptr;
    QPushButton* m_useDefault = nullptr;
    QPushButton* m_revert = nullptr;
    QLabel* m_status = nullptr;
    QTimer* m_reloadTimer = nullptr;

    Scope m_scope = Scope::Default;
    QString m_clientId;
    QString m_keyId;
    bool m_hasOverride = true;
    bool m_loadedOk = false;
    bool m_updatingWidgets = false;
    int m_busy = 0;
    quint64 m_generation = 0;
};

} // namespace modelguard::ui
