#pragma once
// Keys & Quotas ▸ Keys: the API keys of every connected gateway (sortable, filterable, revoked ones on request) and
// the changes made to them — create (the secret shown once), edit expiry and scopes, rotate with a grace period,
// revoke, revoke every key of a client on several gateways. Every change goes through AdminService (role check,
// audit entry) and is followed by a fresh read of the gateways' keys, whether it succeeded or not, so that the table
// always shows the gateways' state. With no gateway that can take changes (viewer token, audit log closed) the
// change buttons are disabled and the reason is shown.

#include "client/AdminService.h"
#include "ui/KeyDialogs.h"
#include "ui/KeyTableModel.h"

#include <QCoroTask>
#include <QList>
#include <QPointer>
#include <QWidget>

#include <functional>
#include <optional>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;
class QTimer;

namespace modelguard::client {
class ConnectionManager;
class FleetStore;
class GatewayConnection;
} // namespace modelguard::client

namespace modelguard::ui {

class KeysPage : public QWidget
{
    Q_OBJECT
public:
    KeysPage(client::ConnectionManager* connections, client::FleetStore* store, client::AdminService* service,
             QWidget* parent = nullptr);

    /// Asked before every revocation with the question in words; true goes ahead. The default asks with a message
    /// box; tests replace it.
    std::function<bool(const QString& question)> confirm;

    /// Reads the keys of every live gateway (GET /admin/v1/keys) into the model; rows of gateways that are gone are
    /// dropped. A gateway that cannot be read keeps its previous rows and is named in loadProblems().
    QCoro::Task<void> reload();
    /// A reload shortly (coalesces bursts of "admin" events).
    void scheduleReload();

    // The changes. The dialogs' OK calls these; each checks its input first (nothing is sent when it is wrong: the
    // reason goes to the status line), sends through AdminService, shows the result, re-reads the keys and then
    // emits changeFinished(). Secrets returned by the gateway go to a SecretDialog and are removed from the outcomes.

    /// Issues the key on each target gateway. Empty list: nothing was sent.
    QCoro::Task<QList<client::AdminOutcome>> createKey(KeySpec spec, QList<client::GatewayConnection*> targets);
    /// PATCH of one key with `patch` (name, expires_ms (null removes it), models, endpoints).
    QCoro::Task<std::optional<client::AdminOutcome>> updateKey(KeyRow key, QJsonObject patch);
    /// Replaces the key; the old one works for `graceSeconds` more (0 to 30 days).
    QCoro::Task<std::optional<client::AdminOutcome>> rotateKey(KeyRow key, qint64 graceSeconds);
    /// Revokes one key after confirm(); nullopt when declined or not possible.
    QCoro::Task<std::optional<client::AdminOutcome>> revokeKey(KeyRow key);
    /// Revokes every key of the client on each target after confirm() (naming the client and its active keys);
    /// the per-gateway results in an AdminResultsDialog. Empty list: declined or nothing sent.
    QCoro::Task<QList<client::AdminOutcome>> revokeClientKeys(QString clientId,
                                                              QList<client::GatewayConnection*> targets);

    // The toolbar's actions: the dialogs are opened with open() (not exec()) and returned; OK starts the change.
    // nullptr when the action is not possible now (nothing selected, read-only).
    KeyCreateDialog* openCreateDialog();
    KeyEditDialog* openEditDialog();
    RotateDialog* openRotateDialog();
    BulkRevokeDialog* openBulkRevokeDialog();
    /// Revokes the selected key (with confirm()).
    void revokeSelected();

    /// The dialog showing the last new secret(s) while it is open, else nullptr.
    SecretDialog* secretDialog() const { return m_secretDialog; }

    std::optional<KeyRow> selectedKey() const;
    /// Selects the key's row (clearing the filter and showing revoked keys if needed); false if unknown.
    bool selectKey(const QString& profileId, const QString& keyId);
    void setFilterText(const QString& text);
    void setShowRevoked(bool show);
    /// Keys of the client that still authenticate, on these gateways, as last read.
    int activeKeyCount(const QString& clientId, const QList<client::GatewayConnection*>& gateways) const;
    /// True when at least one connected gateway can take changes.
    bool anyWritable() const;
    /// Client ids for completion: the fleet's clients and the clients of listed keys.
    QStringList knownClients() const;
    /// True while a change is being made.
    bool isBusy() const { return m_busy > 0; }
    QString statusText() const;
    QString loadProblems() const;

    KeyTableModel* model() const { return m_model; }
    KeyFilterProxy* proxy() const { return m_proxy; }
    QTableView* view() const { return m_view; }
    QLabel* readOnlyLabel() const { return m_readOnly; }
    QPushButton* newButton() const { return m_newButton; }
    QPushButton* editButton() const { return m_editButton; }
    QPushButton* rotateButton() const { return m_rotateButton; }
    QPushButton* revokeButton() const { return m_revokeButton; }
    QPushButton* revokeClientButton() const { return m_revokeClientButton; }
    QPushButton* refreshButton() const { return m_refreshButton; }

signals:
    /// After every reload().
    void reloaded();
    /// After a change (sent or refused) and the reload that follows it; `action` is the audit action name.
    void changeFinished(const QString& action, const QList<client::AdminOutcome>& outcomes);

private:
    void watch(client::GatewayConnection* connection);
    void updateActions();
    void updateCount();
    void setStatus(const QString& text);
    client::GatewayConnection* connectionOf(const KeyRow& key) const;
    /// Takes the "secret" out of each successful reply (the key exists even if the audit entry failed) for the
    /// SecretDialog.
    static QList<SecretDialog::Entry> takeSecrets(QList<client::AdminOutcome>& outcomes);
    void showSecrets(const QString& title, QList<SecretDialog::Entry> entries);
    /// Shows the outcome, re-reads the keys, emits changeFinished.
    QCoro::Task<void> finishChange(QString title, QString action, QList<client::AdminOutcome> outcomes);
    /// Sends one change to the key's gateway; nullopt (status says why) when the gateway is gone.
    QCoro::Task<std::optional<client::AdminOutcome>> applyToKey(KeyRow key, client::AdminChange change, QString title);

    QPointer<client::ConnectionManager> m_connections;
    QPointer<client::FleetStore> m_store;
    QPointer<client::AdminService> m_service;
    KeyTableModel* m_model = nullptr;
    KeyFilterProxy* m_proxy = nullptr;
    QTableView* m_view = nullptr;
    QLabel* m_readOnly = nullptr;
    QLabel* m_status = nullptr;
    QLabel* m_problems = nullptr;
    QLabel* m_count = nullptr;
    QLineEdit* m_filter = nullptr;
    QCheckBox* m_showRevoked = nullptr;
    QPushButton* m_newButton = nullptr;
    QPushButton* m_editButton = nullptr;
    QPushButton* m_rotateButton = nullptr;
    QPushButton* m_revokeButton = nullptr;
    QPushButton* m_revokeClientButton = nullptr;
    QPushButton* m_refreshButton = nullptr;
    QTimer* m_reloadTimer = nullptr;
    QPointer<SecretDialog> m_secretDialog;
    int m_reloading = 0;        ///< reloads under way
    bool m_reloadAgain = false; ///< an event asked for a reload while one was under way
    int m_busy = 0;
};

} // namespace modelguard::ui
