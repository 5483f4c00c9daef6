#pragma once
// Policies: the output policy (logprobs, logit_bias, n, temperature), the watermark policy and the risk thresholds,
// either the defaults for all clients or one client's overrides (shown against what it inherits), and the manual
// actions on a client (throttle, block, strip logprobs, clear the pin) with a required reason. Every change goes
// through AdminService (role check, audit entry) to the gateways checked under "Apply to", and is followed by a fresh
// read of the gateway shown, whether it succeeded or not. With no gateway that can take changes (viewer token, audit
// log closed) the forms are read-only and the reason is shown.

#include "client/AdminService.h"

#include <QCoroTask>
#include <QJsonObject>
#include <QList>
#include <QPointer>
#include <QWidget>

#include <functional>

class QCheckBox;
class QComboBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTimer;

namespace modelguard::client {
class ConnectionManager;
class FleetStore;
class GatewayConnection;
} // namespace modelguard::client

namespace modelguard::ui {

class GatewayTargets;
class OutputPolicyForm;
class RiskPolicyForm;
class WatermarkPolicyForm;

class PoliciesPage : public QWidget
{
    Q_OBJECT
public:
    PoliciesPage(client::ConnectionManager* connections, client::FleetStore* store, client::AdminService* service,
                 QWidget* parent = nullptr);

    /// Asked before a block with the question in words; true goes ahead. The default asks with a message box; tests
    /// replace it.
    std::function<bool(const QString& question)> confirm;

    /// True when the client id is one the gateway accepts (1 to 128 of A-Z a-z 0-9 . _ : @ -).
    static bool isValidClientId(const QString& clientId);

    /// The scope shown and changed: empty = the defaults for all clients, else a client id. Schedules a reload.
    void setScope(const QString& clientId);
    QString scope() const { return m_scope; }

    /// The gateway whose policies are shown: the first checked target, else the first live connection.
    client::GatewayConnection* shownGateway() const;

    /// Reads the scope's policies (and the client's action) from the shown gateway. Sections with unsaved edits
    /// keep them when `keepEdits`.
    QCoro::Task<void> reload(bool keepEdits = false);
    /// A reload shortly, keeping unsaved edits (coalesces bursts of "admin" events).
    void scheduleReload();

    // The changes. Each checks its input first (nothing is sent when it is wrong: the reason goes to the status
    // line), sends to the checked gateways through AdminService, shows the per-gateway result, re-reads the shown
    // gateway and then emits changeFinished(). An empty list: nothing was sent.

    /// Default scope: PUT /admin/v1/policies/default {"output":…}; client scope: PUT the client's output override.
    QCoro::Task<QList<client::AdminOutcome>> saveOutput();
    /// The same for the watermark policy.
    QCoro::Task<QList<client::AdminOutcome>> saveWatermark();
    /// PUT /admin/v1/policies/default {"risk":…} (risk thresholds exist only as defaults).
    QCoro::Task<QList<client::AdminOutcome>> saveRisk();
    /// Client scope: DELETE the client's output / watermark override (the default applies again).
    QCoro::Task<QList<client::AdminOutcome>> clearOutputOverride();
    QCoro::Task<QList<client::AdminOutcome>> clearWatermarkOverride();
    /// POST /admin/v1/clients/{scope}/action {"action","reason"}: "throttle", "block" (after confirm()),
    /// "strip_logits" or "clear".
    QCoro::Task<QList<client::AdminOutcome>> pinAction(QString action, QString reason);

    /// True when at least one connected gateway can take changes.
    bool anyWritable() const;
    /// True while a change is being made.
    bool isBusy() const { return m_busy > 0; }
    QString statusText() const;
    /// The client's action on the shown gateway as last read ("none", "throttle", …; empty when unknown).
    QString currentAction() const { return m_action; }
    bool currentPinned() const { return m_pinned; }
    /// The client's overrides as last read.
    bool hasOutputOverride() const { return m_outputOverride; }
    bool hasWatermarkOverride() const { return m_watermarkOverride; }

    QComboBox* scopeBox() const { return m_scopeBox; }
    GatewayTargets* targets() const { return m_targets; }
    OutputPolicyForm* outputForm() const { return m_outputForm; }
    WatermarkPolicyForm* watermarkForm() const { return m_watermarkForm; }
    RiskPolicyForm* riskForm() const { return m_riskForm; }
    QCheckBox* outputOverrideBox() const { return m_outputOverrideBox; }
    QCheckBox* watermarkOverrideBox() const { return m_watermarkOverrideBox; }
    QPushButton* saveOutputButton() const { return m_saveOutput; }
    QPushButton* saveWatermarkButton() const { return m_saveWatermark; }
    QPushButton* saveRiskButton() const { return m_saveRisk; }
    QGroupBox* riskGroup() const { return m_riskGroup; }
    QGroupBox* actionsGroup() const { return m_actionsGroup; }
    QLineEdit* reasonEdit() const { return m_reason; }
    QPushButton* throttleButton() const { return m_throttleButton; }
    QPushButton* blockButton() const { return m_blockButton; }
    QPushButton* stripButton() const { return m_stripButton; }
    QPushButton* clearPinButton() const { return m_clearButton; }
    QLabel* actionStateLabel() const { return m_actionState; }
    QLabel* readOnlyLabel() const { return m_readOnly; }

signals:
    /// After every reload().
    void reloaded();
    /// After a change (sent or refused) and the reload that follows it; `action` is the audit action name.
    void changeFinished(const QString& action, const QList<client::AdminOutcome>& outcomes);

private:
    enum class Section { Output, Watermark, Risk, Action };

    void watch(client::GatewayConnection* connection);
    void updateActions();
    void updateClients();
    void setStatus(const QString& text);
    void scopeEntered();
    void overrideClicked(Section section, bool checked);
    /// Sends `change` to the checked gateways and finishes (result, reload, changeFinished).
    QCoro::Task<QList<client::AdminOutcome>> applyChange(client::AdminChange change, QString title, Section section);
    /// Checks that changes can be sent now; the reason (for the status line) when not.
    QString cannotSend(bool needsClient) const;
    /// One read of the shown gateway (reload() without the bookkeeping of concurrent reloads).
    QCoro::Task<void> readPolicies(bool keepEdits);
    QString clientPath(const QString& suffix) const;

    QPointer<client::ConnectionManager> m_connections;
    QPointer<client::FleetStore> m_store;
    QPointer<client::AdminService> m_service;

    QComboBox* m_scopeBox = nullptr;
    GatewayTargets* m_targets = nullptr;
    QLabel* m_readOnly = nullptr;
    QLabel* m_shownLabel = nullptr;
    QLabel* m_status = nullptr;
    QGroupBox* m_outputGroup = nullptr;
    QGroupBox* m_watermarkGroup = nullptr;
    QGroupBox* m_riskGroup = nullptr;
    QGroupBox* m_actionsGroup = nullptr;
    OutputPolicyForm* m_outputForm = nullptr;
    WatermarkPolicyForm* m_watermarkForm = nullptr;
    RiskPolicyForm* m_riskForm = nullptr;
    QCheckBox* m_outputOverrideBox = nullptr;
    QCheckBox* m_watermarkOverrideBox = nullptr;
    QLabel* m_outputInherited = nullptr;
    QLabel* m_watermarkInherited = nullptr;
    QLabel* m_riskNote = nullptr;
    QPushButton* m_saveOutput = nullptr;
    QPushButton* m_saveWatermark = nullptr;
    QPushButton* m_saveRisk = nullptr;
    QPushButton* m_reloadButton = nullptr;
    QLineEdit* m_reason = nullptr;
    QLabel* m_reasonCount = nullptr;
    QPushButton* m_throttleButton = nullptr;
    QPushButton* m_blockButton = nullptr;
    QPushButton* m_stripButton = nullptr;
    QPushButton* m_clearButton = nullptr;
    QLabel* m_actionState = nullptr;
    QTimer* m_reloadTimer = nullptr;

    QString m_scope;
    bool m_loaded = false; ///< the scope's policies were read
    bool m_outputOverride = false;
    bool m_watermarkOverride = false;
    bool m_outputDirty = false;
    bool m_watermarkDirty = false;
    bool m_riskDirty = false;
    QJsonObject m_outputInheritedValue; ///< the client's effective output policy without its override
    QJsonObject m_watermarkInheritedValue;
    QString m_action;
    bool m_pinned = false;
    QStringList m_knownClients;
    quint64 m_reloadGeneration = 0;
    int m_reloadsRunning = 0;
    bool m_reloadPending = false; ///< an event asked for a reload while one was running
    int m_busy = 0;
};

} // namespace modelguard::ui
