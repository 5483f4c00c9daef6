#include "ui/PoliciesPage.h"

#include "client/ConnectionManager.h"
#include "client/ConsoleAudit.h"
#include "client/FleetStore.h"
#include "client/GatewayConnection.h"
#include "ui/AdminResultsDialog.h"
#include "ui/GatewayTargets.h"
#include "ui/PolicyForms.h"
#include "ui/Theme.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFrame>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollArea>
#include <QTimer>
#include <QUrl>
#include <QVBoxLayout>

namespace modelguard::ui {

using client::AdminChange;
using client::AdminOutcome;
using client::GatewayConnection;

namespace {

constexpr int kMaxReason = 1000;

QString encodedClient(const QString& clientId)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(clientId));
}

QLabel* noteLabel(const QString& text, QWidget* parent)
{
    auto* label = new QLabel(text, parent);
    label->setWordWrap(true);
    label->setForegroundRole(QPalette::PlaceholderText);
    return label;
}

} // namespace

PoliciesPage::PoliciesPage(client::ConnectionManager* connections, client::FleetStore* store,
                           client::AdminService* service, QWidget* parent)
    : QWidget(parent)
    , m_connections(connections)
    , m_store(store)
    , m_service(service)
{
    setObjectName(QStringLiteral("policiesPage"));
    const int unit = spacingUnit(this);
    const int charWidth = fontMetrics().horizontalAdvance(QLatin1Char('0'));

    confirm = [this](const QString& question) {
        return QMessageBox::question(this, tr("Confirm"), question, QMessageBox::Yes | QMessageBox::No, QMessageBox::No)
               == QMessageBox::Yes;
    };

    // Scope row.
    auto* scopeLabel = new QLabel(tr("Policies of:"), this);
    m_scopeBox = new QComboBox(this);
    m_scopeBox->setObjectName(QStringLiteral("scopeBox"));
    m_scopeBox->setEditable(true);
    m_scopeBox->setInsertPolicy(QComboBox::NoInsert);
    m_scopeBox->setMinimumContentsLength(28);
    m_scopeBox->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_scopeBox->addItem(tr("Default (all clients)"));
    m_scopeBox->setToolTip(tr("The defaults apply to every client without an override. Type or pick a client id "
                              "to see and change its overrides and to act on it."));
    scopeLabel->setBuddy(m_scopeBox);
    m_reloadButton = new QPushButton(tr("Reload"), this);
    m_reloadButton->setObjectName(QStringLiteral("reloadButton"));
    m_shownLabel = new QLabel(this);
    m_shownLabel->setObjectName(QStringLiteral("shownGateway"));
    m_shownLabel->setWordWrap(true);
    auto* scopeRow = new QHBoxLayout();
    scopeRow->setSpacing(unit);
    scopeRow->addWidget(scopeLabel);
    scopeRow->addWidget(m_scopeBox, 1);
    scopeRow->addWidget(m_reloadButton);

    m_readOnly = new QLabel(this);
    m_readOnly->setObjectName(QStringLiteral("readOnlyReason"));
    m_readOnly->setWordWrap(true);
    m_readOnly->setFrameShape(QFrame::StyledPanel);
    m_readOnly->setMargin(unit / 2);
    m_readOnly->hide();
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("policyStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_targets = new GatewayTargets(connections, service, this);
    m_targets->setObjectName(QStringLiteral("targets"));

    // Output policy.
    m_outputGroup = new QGroupBox(tr("Output policy"), this);
    m_outputGroup->setObjectName(QStringLiteral("outputGroup"));
    m_outputOverrideBox = new QCheckBox(tr("Override the default"), m_outputGroup);
    m_outputOverrideBox->setObjectName(QStringLiteral("outputOverride"));
    m_outputOverrideBox->setToolTip(tr("Checked: this client has its own output policy. Unchecking removes it and "
                                       "the default applies again."));
    m_outputInherited = noteLabel({}, m_outputGroup);
    m_outputInherited->setObjectName(QStringLiteral("outputInherited"));
    m_outputForm = new OutputPolicyForm(m_outputGroup);
    m_saveOutput = new QPushButton(tr("Save output policy"), m_outputGroup);
    m_saveOutput->setObjectName(QStringLiteral("saveOutput"));
    auto* outputLayout = new QVBoxLayout(m_outputGroup);
    outputLayout->setSpacing(unit);
    outputLayout->addWidget(m_outputOverrideBox);
    outputLayout->addWidget(m_outputInherited);
    outputLayout->addWidget(m_outputForm);
    outputLayout->addWidget(m_saveOutput, 0, Qt::AlignRight);
    outputLayout->addStretch(1);

    // Watermark policy.
    m_watermarkGroup = new QGroupBox(tr("Watermark policy"), this);
    m_watermarkGroup->setObjectName(QStringLiteral("watermarkGroup"));
    m_watermarkOverrideBox = new QCheckBox(tr("Override the default"), m_watermarkGroup);
    m_watermarkOverrideBox->setObjectName(QStringLiteral("watermarkOverride"));
    m_watermarkOverrideBox->setToolTip(m_outputOverrideBox->toolTip());
    m_watermarkInherited = noteLabel({}, m_watermarkGroup);
    m_watermarkInherited->setObjectName(QStringLiteral("watermarkInherited"));
    m_watermarkForm = new WatermarkPolicyForm(m_watermarkGroup);
    m_saveWatermark = new QPushButton(tr("Save watermark policy"), m_watermarkGroup);
    m_saveWatermark->setObjectName(QStringLiteral("saveWatermark"));
    auto* watermarkLayout = new QVBoxLayout(m_watermarkGroup);
    watermarkLayout->setSpacing(unit);
    watermarkLayout->addWidget(m_watermarkOverrideBox);
    watermarkLayout->addWidget(m_watermarkInherited);
    watermarkLayout->addWidget(m_watermarkForm);
    watermarkLayout->addWidget(m_saveWatermark, 0, Qt::AlignRight);

    // Risk thresholds (defaults only).
    m_riskGroup = new QGroupBox(tr("Risk thresholds and automatic actions"), this);
    m_riskGroup->setObjectName(QStringLiteral("riskGroup"));
    m_riskNote = noteLabel(tr("Risk thresholds apply to all clients: choose \"Default (all clients)\" to change "
                              "them."),
                           m_riskGroup);
    m_riskNote->setObjectName(QStringLiteral("riskNote"));
    m_riskForm = new RiskPolicyForm(m_riskGroup);
    m_saveRisk = new QPushButton(tr("Save risk thresholds"), m_riskGroup);
    m_saveRisk->setObjectName(QStringLiteral("saveRisk"));
    auto* riskLayout = new QVBoxLayout(m_riskGroup);
    riskLayout->setSpacing(unit);
    riskLayout->addWidget(m_riskNote);
    riskLayout->addWidget(m_riskForm);
    riskLayout->addWidget(m_saveRisk, 0, Qt::AlignRight);

    // Manual actions.
    m_actionsGroup = new QGroupBox(tr("Manual action on the client"), this);
    m_actionsGroup->setObjectName(QStringLiteral("actionsGroup"));
    m_actionState = new QLabel(m_actionsGroup);
    m_actionState->setObjectName(QStringLiteral("actionState"));
    m_actionState->setWordWrap(true);
    m_actionState->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_reason = new QLineEdit(m_actionsGroup);
    m_reason->setObjectName(QStringLiteral("actionReason"));
    m_reason->setMaxLength(kMaxReason);
    m_reason->setPlaceholderText(tr("Reason (required, recorded in the audit logs)"));
    m_reason->setClearButtonEnabled(true);
    m_reasonCount = new QLabel(m_actionsGroup);
    m_reasonCount->setForegroundRole(QPalette::PlaceholderText);
    auto* reasonRow = new QHBoxLayout();
    reasonRow->addWidget(m_reason, 1);
    reasonRow->addWidget(m_reasonCount);
    m_throttleButton = new QPushButton(tr("Throttle"), m_actionsGroup);
    m_throttleButton->setObjectName(QStringLiteral("throttleButton"));
    m_throttleButton->setToolTip(tr("Slows the client down to the throttled rate until the pin is cleared."));
    m_blockButton = new QPushButton(tr("Block…"), m_actionsGroup);
    m_blockButton->setObjectName(QStringLiteral("blockButton"));
    m_blockButton->setToolTip(tr("Refuses every request of the client until the pin is cleared."));
    m_stripButton = new QPushButton(tr("Strip logprobs"), m_actionsGroup);
    m_stripButton->setObjectName(QStringLiteral("stripButton"));
    m_stripButton->setToolTip(tr("Removes logprobs from the client's requests until the pin is cleared."));
    m_clearButton = new QPushButton(tr("Clear pin"), m_actionsGroup);
    m_clearButton->setObjectName(QStringLiteral("clearPinButton"));
    m_clearButton->setToolTip(tr("Removes the pinned action: the risk score decides again."));
    auto* buttonRow = new QGridLayout();
    buttonRow->setSpacing(unit);
    buttonRow->addWidget(m_throttleButton, 0, 0);
    buttonRow->addWidget(m_blockButton, 0, 1);
    buttonRow->addWidget(m_stripButton, 1, 0);
    buttonRow->addWidget(m_clearButton, 1, 1);
    auto* actionsLayout = new QVBoxLayout(m_actionsGroup);
    actionsLayout->setSpacing(unit);
    actionsLayout->addWidget(m_actionState);
    actionsLayout->addLayout(reasonRow);
    actionsLayout->addLayout(buttonRow);

    // Two columns in a scroll area: nothing is clipped in a small window.
    auto* content = new QWidget(this);
    auto* columns = new QHBoxLayout(content);
    columns->setContentsMargins(0, 0, 0, 0);
    columns->setSpacing(unit * 2);
    auto* left = new QVBoxLayout();
    left->setSpacing(unit * 2);
    left->addWidget(m_outputGroup);
    left->addStretch(1);
    auto* right = new QVBoxLayout();
    right->setSpacing(unit * 2);
    right->addWidget(m_watermarkGroup);
    right->addWidget(m_riskGroup);
    right->addWidget(m_actionsGroup);
    right->addWidget(m_targets);
    right->addStretch(1);
    columns->addLayout(left, 1);
    columns->addLayout(right, 1);
    m_outputGroup->setMinimumWidth(charWidth * 44);
    m_watermarkGroup->setMinimumWidth(charWidth * 44);
    auto* scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("policiesScroll"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(content);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(unit * 2, unit * 2, unit * 2, unit * 2);
    layout->setSpacing(unit);
    layout->addLayout(scopeRow);
    layout->addWidget(m_shownLabel);
    layout->addWidget(m_readOnly);
    layout->addWidget(m_status);
    layout->addWidget(scroll, 1);

    // Behaviour.
    m_reloadTimer = new QTimer(this);
    m_reloadTimer->setSingleShot(true);
    m_reloadTimer->setInterval(200);
    connect(m_reloadTimer, &QTimer::timeout, this, [this] {
        // A reload in progress (e.g. the one after a change) is not cut short: this one follows it.
        if (m_reloadsRunning > 0) {
            m_reloadPending = true;
            return;
        }
        QCoro::connect(reload(true), this, [] {});
    });
    connect(m_reloadButton, &QPushButton::clicked, this, [this] { QCoro::connect(reload(false), this, [] {}); });
    connect(m_scopeBox, &QComboBox::activated, this, [this] { scopeEntered(); });
    connect(m_scopeBox->lineEdit(), &QLineEdit::editingFinished, this, [this] { scopeEntered(); });

    connect(m_outputForm, &PolicyForm::edited, this, [this] {
        m_outputDirty = true;
        updateActions();
    });
    connect(m_watermarkForm, &PolicyForm::edited, this, [this] {
        m_watermarkDirty = true;
        updateActions();
    });
    connect(m_riskForm, &PolicyForm::edited, this, [this] {
        m_riskDirty = true;
        updateActions();
    });
    connect(m_outputOverrideBox, &QCheckBox::clicked, this,
            [this](bool checked) { overrideClicked(Section::Output, checked); });
    connect(m_watermarkOverrideBox, &QCheckBox::clicked, this,
            [this](bool checked) { overrideClicked(Section::Watermark, checked); });
    connect(m_saveOutput, &QPushButton::clicked, this,
            [this] { QCoro::connect(saveOutput(), this, [](const QList<AdminOutcome>&) {}); });
    connect(m_saveWatermark, &QPushButton::clicked, this,
            [this] { QCoro::connect(saveWatermark(), this, [](const QList<AdminOutcome>&) {}); });
    connect(m_saveRisk, &QPushButton::clicked, this,
            [this] { QCoro::connect(saveRisk(), this, [](const QList<AdminOutcome>&) {}); });
    const auto pinFromButton = [this](const QString& action) {
        QCoro::connect(pinAction(action, m_reason->text()), this, [](const QList<AdminOutcome>&) {});
    };
    connect(m_throttleButton, &QPushButton::clicked, this,
            [pinFromButton] { pinFromButton(QStringLiteral("throttle")); });
    connect(m_blockButton, &QPushButton::clicked, this, [pinFromButton] { pinFromButton(QStringLiteral("block")); });
    connect(m_stripButton, &QPushButton::clicked, this,
            [pinFromButton] { pinFromButton(QStringLiteral("strip_logits")); });
    connect(m_clearButton, &QPushButton::clicked, this, [pinFromButton] { pinFromButton(QStringLiteral("clear")); });
    connect(m_reason, &QLineEdit::textChanged, this, [this] { updateActions(); });

    connect(m_targets, &GatewayTargets::selectionChanged, this, [this] {
        const GatewayConnection* shown = shownGateway();
        if (m_loaded && shown && m_shownLabel->property("profileId").toString() != shown->profile().id)
            scheduleReload();
        updateActions();
    });
    if (m_connections) {
        for (GatewayConnection* c : m_connections->connections())
            watch(c);
        connect(m_connections, &client::ConnectionManager::connectionAdded, this,
                [this](GatewayConnection* c) { watch(c); });
        connect(m_connections, &client::ConnectionManager::connectionRemoved, this, [this] { scheduleReload(); });
        connect(m_connections, &client::ConnectionManager::connectionStateChanged, this, [this](GatewayConnection* c) {
            if (!m_loaded && c->state() == GatewayConnection::State::Live)
                scheduleReload();
            updateActions();
        });
    }
    if (m_store)
        connect(m_store, &client::FleetStore::changed, this, &PoliciesPage::updateClients);
    if (m_service && m_service->audit())
        connect(m_service->audit(), &client::ConsoleAudit::openChanged, this, [this] { updateActions(); });

    updateClients();
    updateActions();
    scheduleReload();
}

bool PoliciesPage::isValidClientId(const QString& clientId)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9._:@-]{1,128}$"));
    return pattern.match(clientId).hasMatch();
}

void PoliciesPage::watch(GatewayConnection* connection)
{
    connect(connection, &GatewayConnection::eventReceived, this,
            [this](const QString& type, const QJsonObject& payload) {
                // Any admin change (by anyone) may change what is shown; an automatic action only the client's.
                if (type == QLatin1String("admin"))
                    scheduleReload();
                else if (type == QLatin1String("action") && !m_scope.isEmpty()
                         && payload.value(QStringLiteral("client")).toString() == m_scope)
                    scheduleReload();
            });
}

void PoliciesPage::scheduleReload()
{
    m_reloadTimer->start();
}

void PoliciesPage::setScope(const QString& clientId)
{
    const QString id = clientId.trimmed();
    if (!id.isEmpty() && !isValidClientId(id)) {
        setStatus(tr("\"%1\" is not a client id: use 1 to 128 letters, digits and . _ : @ -").arg(id));
        return;
    }
    {
        const QSignalBlocker blocker(m_scopeBox);
        if (id.isEmpty())
            m_scopeBox->setCurrentIndex(0);
        else
            m_scopeBox->setEditText(id);
    }
    if (id == m_scope && m_loaded)
        return;
    m_scope = id;
    m_loaded = false;
    m_outputDirty = m_watermarkDirty = m_riskDirty = false;
    m_outputOverride = m_watermarkOverride = false;
    m_action.clear();
    m_pinned = false;
    setStatus({});
    m_actionState->setText(tr("Reading…"));
    updateActions();
    m_reloadTimer->stop();
    QCoro::connect(reload(false), this, [] {});
}

void PoliciesPage::scopeEntered()
{
    const QString text = m_scopeBox->currentText().trimmed();
    if (text.isEmpty() || (m_scopeBox->currentIndex() == 0 && text == m_scopeBox->itemText(0)))
        setScope({});
    else if (text == m_scopeBox->itemText(0))
        setScope({});
    else
        setScope(text);
}

void PoliciesPage::updateClients()
{
    if (!m_store)
        return;
    const QStringList ids = m_store->clientIds();
    if (ids == m_knownClients)
        return;
    m_knownClients = ids;
    const QSignalBlocker blocker(m_scopeBox);
    const QString text = m_scopeBox->currentText();
    const int index = m_scopeBox->currentIndex();
    while (m_scopeBox->count() > 1)
        m_scopeBox->removeItem(1);
    m_scopeBox->addItems(ids);
    if (index == 0 && text == m_scopeBox->itemText(0))
        m_scopeBox->setCurrentIndex(0);
    else
        m_scopeBox->setEditText(text);
}

GatewayConnection* PoliciesPage::shownGateway() const
{
    for (GatewayConnection* c : m_targets->selected()) {
        if (c->state() == GatewayConnection::State::Live)
            return c;
    }
    if (m_connections) {
        for (GatewayConnection* c : m_connections->connections()) {
            if (c->state() == GatewayConnection::State::Live)
                return c;
        }
    }
    return nullptr;
}

QString PoliciesPage::clientPath(const QString& suffix) const
{
    return QStringLiteral("/admin/v1/clients/%1%2").arg(encodedClient(m_scope), suffix);
}

QCoro::Task<void> PoliciesPage::reload(bool keepEdits)
{
    QPointer<PoliciesPage> self(this);
    ++m_reloadsRunning;
    co_await readPolicies(keepEdits);
    if (!self)
        co_return;
    --m_reloadsRunning;
    if (m_reloadsRunning == 0 && m_reloadPending) {
        m_reloadPending = false;
        scheduleReload();
    }
}

QCoro::Task<void> PoliciesPage::readPolicies(bool keepEdits)
{
    QPointer<PoliciesPage> self(this);
    const quint64 generation = ++m_reloadGeneration;
    m_reloadTimer->stop();
    QPointer<GatewayConnection> gateway(shownGateway());
    const QString scope = m_scope;
    if (!gateway) {
        m_loaded = false;
        m_shownLabel->setProperty("profileId", QString());
        m_shownLabel->setText(tr("No gateway is connected: there is nothing to show."));
        updateActions();
        emit reloaded();
        co_return;
    }
    const QString gatewayName = gateway->profile().name;
    const QByteArray get("GET");
    const QString defaultsPath = QStringLiteral("/admin/v1/policies/default");
    const client::ApiReply defaults = co_await gateway->call(get, defaultsPath);
    if (!self || generation != m_reloadGeneration)
        co_return;
    client::ApiReply policies;
    client::ApiReply info;
    if (!scope.isEmpty() && gateway && defaults.ok()) {
        const QString policiesPath = clientPath(QStringLiteral("/policies"));
        policies = co_await gateway->call(get, policiesPath);
        if (!self || generation != m_reloadGeneration)
            co_return;
        if (gateway) {
            const QString infoPath = clientPath(QString());
            info = co_await gateway->call(get, infoPath);
            if (!self || generation != m_reloadGeneration)
                co_return;
        }
    }

    const client::ApiReply& failed = !defaults.ok() ? defaults : policies;
    if (!defaults.ok() || (!scope.isEmpty() && !policies.ok())) {
        m_loaded = false;
        m_shownLabel->setText(tr("The policies could not be read from %1: %2")
                                  .arg(gatewayName, client::AdminService::describe(failed, gatewayName)));
        updateActions();
        emit reloaded();
        co_return;
    }
    m_loaded = true;
    if (gateway) {
        m_shownLabel->setProperty("profileId", gateway->profile().id);
    }
    const QJsonObject defaultsJson = defaults.json.object();
    if (scope.isEmpty()) {
        m_shownLabel->setText(tr("Showing the default policies of %1.").arg(gatewayName));
        if (!keepEdits || !m_outputDirty) {
            m_outputForm->set(defaultsJson.value(QStringLiteral("output")).toObject());
            m_outputDirty = false;
        }
        if (!keepEdits || !m_watermarkDirty) {
            m_watermarkForm->set(defaultsJson.value(QStringLiteral("watermark")).toObject());
            m_watermarkDirty = false;
        }
        if (!keepEdits || !m_riskDirty) {
            m_riskForm->set(defaultsJson.value(QStringLiteral("risk")).toObject());
            m_riskDirty = false;
        }
        m_outputOverride = m_watermarkOverride = false;
        m_action.clear();
        m_pinned = false;
    } else {
        m_shownLabel->setText(tr("Showing the policies of client %1 on %2.").arg(scope, gatewayName));
        const QJsonObject json = policies.json.object();
        const QJsonObject overrides = json.value(QStringLiteral("overrides")).toObject();
        const QJsonObject effective = json.value(QStringLiteral("effective")).toObject();
        m_outputInheritedValue = defaultsJson.value(QStringLiteral("output")).toObject();
        m_watermarkInheritedValue = defaultsJson.value(QStringLiteral("watermark")).toObject();
        const QJsonValue output = overrides.value(QStringLiteral("output"));
        const QJsonValue watermark = overrides.value(QStringLiteral("watermark"));
        m_outputOverride = output.isObject();
        m_watermarkOverride = watermark.isObject();
        if (!keepEdits || !m_outputDirty) {
            m_outputForm->set(m_outputOverride ? output.toObject() : m_outputInheritedValue);
            m_outputDirty = false;
        }
        if (!keepEdits || !m_watermarkDirty) {
            m_watermarkForm->set(m_watermarkOverride ? watermark.toObject() : m_watermarkInheritedValue);
            m_watermarkDirty = false;
        }
        m_riskForm->set(effective.value(QStringLiteral("risk")).toObject());
        m_riskDirty = false;
        if (info.ok()) {
            const QJsonObject risk = info.json.object().value(QStringLiteral("risk")).toObject();
            m_action = risk.value(QStringLiteral("action")).toString(QStringLiteral("none"));
            m_pinned = risk.value(QStringLiteral("pinned")).toBool();
            const QString reason = risk.value(QStringLiteral("pin_reason")).toString();
            QString text =
                m_pinned ? tr("Action on %1: %2, pinned by an administrator.").arg(gatewayName, actionText(m_action))
                         : tr("Action on %1: %2 (from the risk score, score %3).")
                               .arg(gatewayName, actionText(m_action))
                               .arg(risk.value(QStringLiteral("score")).toDouble(), 0, 'f', 1);
            if (m_pinned && !reason.isEmpty())
                text += QLatin1Char(' ') + tr("Reason: %1").arg(reason);
            m_actionState->setText(text);
        } else if (info.status == 404) {
            m_action = QStringLiteral("none");
            m_pinned = false;
            m_actionState->setText(
                tr("%1 does not know this client yet (no key, no traffic): there is nothing to act on.")
                    .arg(gatewayName));
        } else {
            m_action.clear();
            m_pinned = false;
            m_actionState->setText(client::AdminService::describe(info, gatewayName));
        }
    }
    updateActions();
    emit reloaded();
}

QString PoliciesPage::cannotSend(bool needsClient) const
{
    if (m_busy > 0)
        return tr("another change is still being made.");
    if (!m_targets->anyWritable())
        return m_targets->readOnlyReason();
    if (m_targets->selected().isEmpty())
        return tr("check at least one gateway under \"Apply to\".");
    if (needsClient && m_scope.isEmpty())
        return tr("choose a client first.");
    return {};
}

void PoliciesPage::overrideClicked(Section section, bool checked)
{
    const bool output = section == Section::Output;
    const bool exists = output ? m_outputOverride : m_watermarkOverride;
    if (checked) {
        // Start from what applies now; nothing is sent until Save.
        if (output)
            m_outputDirty = !exists;
        else
            m_watermarkDirty = !exists;
        if (!exists)
            setStatus(tr("Change the values and save to give %1 its own policy.").arg(m_scope));
    } else if (exists) {
        if (output)
            QCoro::connect(clearOutputOverride(), this, [](const QList<AdminOutcome>&) {});
        else
            QCoro::connect(clearWatermarkOverride(), this, [](const QList<AdminOutcome>&) {});
        return;
    } else {
        // Not saved yet: back to the inherited values.
        if (output) {
            m_outputForm->set(m_outputInheritedValue);
            m_outputDirty = false;
        } else {
            m_watermarkForm->set(m_watermarkInheritedValue);
            m_watermarkDirty = false;
        }
    }
    updateActions();
}

QCoro::Task<QList<AdminOutcome>> PoliciesPage::applyChange(AdminChange change, QString title, Section section)
{
    QPointer<PoliciesPage> self(this);
    QList<AdminOutcome> outcomes;
    const QList<GatewayConnection*> targets = m_targets->selected();
    const QPointer<client::AdminService> service = m_service;
    if (!service || targets.isEmpty())
        co_return outcomes;
    ++m_busy;
    setStatus(tr("Sending…"));
    updateActions();
    outcomes = co_await service->applyAll(targets, change);
    if (!self)
        co_return outcomes;
    --m_busy;
    // The view shows the gateway's state afterwards, whether the change went through or not.
    switch (section) {
    case Section::Output:
        m_outputDirty = false;
        break;
    case Section::Watermark:
        m_watermarkDirty = false;
        break;
    case Section::Risk:
        m_riskDirty = false;
        break;
    case Section::Action:
        break;
    }
    QString summary = AdminResultsDialog::summary(outcomes);
    AdminResultsDialog::showIfNeeded(this, title, outcomes);
    setStatus(tr("%1: %2").arg(title, summary));
    co_await reload(true);
    if (!self)
        co_return outcomes;
    emit changeFinished(change.action, outcomes);
    co_return outcomes;
}

QCoro::Task<QList<AdminOutcome>> PoliciesPage::saveOutput()
{
    QList<AdminOutcome> none;
    QString problem = cannotSend(false);
    if (problem.isEmpty())
        problem = m_outputForm->validate();
    if (!problem.isEmpty()) {
        setStatus(tr("Output policy not sent: %1").arg(problem));
        co_return none;
    }
    AdminChange change;
    change.method = "PUT";
    QString title;
    if (m_scope.isEmpty()) {
        change.action = QStringLiteral("set_default_policies");
        change.target = QStringLiteral("default");
        change.path = QStringLiteral("/admin/v1/policies/default");
        QJsonObject body;
        body.insert(QStringLiteral("output"), m_outputForm->value());
        change.body = body;
        change.beforePath = change.path;
        change.beforeField = QStringLiteral("output");
        title = tr("Default output policy");
    } else {
        change.action = QStringLiteral("set_output_policy");
        change.target = QStringLiteral("client:%1").arg(m_scope);
        change.path = clientPath(QStringLiteral("/output-policy"));
        change.body = m_outputForm->value();
        change.beforePath = clientPath(QStringLiteral("/policies"));
        change.beforeField = QStringLiteral("overrides");
        title = tr("Output policy of %1").arg(m_scope);
    }
    co_return co_await applyChange(change, title, Section::Output);
}

QCoro::Task<QList<AdminOutcome>> PoliciesPage::saveWatermark()
{
    QList<AdminOutcome> none;
    QString problem = cannotSend(false);
    if (problem.isEmpty())
        problem = m_watermarkForm->validate();
    if (!problem.isEmpty()) {
        setStatus(tr("Watermark policy not sent: %1").arg(problem));
        co_return none;
    }
    AdminChange change;
    change.method = "PUT";
    QString title;
    if (m_scope.isEmpty()) {
        change.action = QStringLiteral("set_default_policies");
        change.target = QStringLiteral("default");
        change.path = QStringLiteral("/admin/v1/policies/default");
        QJsonObject body;
        body.insert(QStringLiteral("watermark"), m_watermarkForm->value());
        change.body = body;
        change.beforePath = change.path;
        change.beforeField = QStringLiteral("watermark");
        title = tr("Default watermark policy");
    } else {
        change.action = QStringLiteral("set_watermark_policy");
        change.target = QStringLiteral("client:%1").arg(m_scope);
        change.path = clientPath(QStringLiteral("/watermark-policy"));
        change.body = m_watermarkForm->value();
        change.beforePath = clientPath(QStringLiteral("/policies"));
        change.beforeField = QStringLiteral("overrides");
        title = tr("Watermark policy of %1").arg(m_scope);
    }
    co_return co_await applyChange(change, title, Section::Watermark);
}

QCoro::Task<QList<AdminOutcome>> PoliciesPage::saveRisk()
{
    QList<AdminOutcome> none;
    QString problem = cannotSend(false);
    if (problem.isEmpty() && !m_scope.isEmpty())
        problem = tr("risk thresholds exist only as defaults for all clients.");
    if (problem.isEmpty())
        problem = m_riskForm->validate();
    if (!problem.isEmpty()) {
        setStatus(tr("Risk thresholds not sent: %1").arg(problem));
        co_return none;
    }
    AdminChange change;
    change.action = QStringLiteral("set_default_policies");
    change.target = QStringLiteral("default");
    change.method = "PUT";
    change.path = QStringLiteral("/admin/v1/policies/default");
    QJsonObject body;
    body.insert(QStringLiteral("risk"), m_riskForm->value());
    change.body = body;
    change.beforePath = change.path;
    change.beforeField = QStringLiteral("risk");
    const QString title = tr("Default risk thresholds");
    co_return co_await applyChange(change, title, Section::Risk);
}

QCoro::Task<QList<AdminOutcome>> PoliciesPage::clearOutputOverride()
{
    QList<AdminOutcome> none;
    const QString problem = cannotSend(true);
    if (!problem.isEmpty()) {
        setStatus(tr("Override not removed: %1").arg(problem));
        updateActions(); // the check box shows the override again
        co_return none;
    }
    AdminChange change;
    change.action = QStringLiteral("clear_output_policy");
    change.target = QStringLiteral("client:%1").arg(m_scope);
    change.method = "DELETE";
    change.path = clientPath(QStringLiteral("/output-policy"));
    change.beforePath = clientPath(QStringLiteral("/policies"));
    change.beforeField = QStringLiteral("overrides");
    const QString title = tr("Output policy of %1").arg(m_scope);
    co_return co_await applyChange(change, title, Section::Output);
}

QCoro::Task<QList<AdminOutcome>> PoliciesPage::clearWatermarkOverride()
{
    QList<AdminOutcome> none;
    const QString problem = cannotSend(true);
    if (!problem.isEmpty()) {
        setStatus(tr("Override not removed: %1").arg(problem));
        updateActions();
        co_return none;
    }
    AdminChange change;
    change.action = QStringLiteral("clear_watermark_policy");
    change.target = QStringLiteral("client:%1").arg(m_scope);
    change.method = "DELETE";
    change.path = clientPath(QStringLiteral("/watermark-policy"));
    change.beforePath = clientPath(QStringLiteral("/policies"));
    change.beforeField = QStringLiteral("overrides");
    const QString title = tr("Watermark policy of %1").arg(m_scope);
    co_return co_await applyChange(change, title, Section::Watermark);
}

QCoro::Task<QList<AdminOutcome>> PoliciesPage::pinAction(QString action, QString reason)
{
    QList<AdminOutcome> none;
    QPointer<PoliciesPage> self(this);
    const QStringList actions {QStringLiteral("throttle"), QStringLiteral("block"), QStringLiteral("strip_logits"),
                               QStringLiteral("clear")};
    QString problem = cannotSend(true);
    if (problem.isEmpty() && !actions.contains(action))
        problem = tr("\"%1\" is not an action.").arg(action);
    reason = reason.trimmed();
    if (problem.isEmpty() && reason.isEmpty())
        problem = tr("a reason is required.");
    if (problem.isEmpty() && reason.size() > kMaxReason)
        problem = tr("the reason is longer than %1 characters.").arg(kMaxReason);
    if (!problem.isEmpty()) {
        setStatus(tr("Action not sent: %1").arg(problem));
        co_return none;
    }
    const QList<GatewayConnection*> targets = m_targets->selected();
    QStringList names;
    for (const GatewayConnection* g : targets)
        names.append(g->profile().name);
    if (action == QLatin1String("block")) {
        const QString question = tr("Block every request of %1 on %2 until the pin is cleared?")
                                     .arg(m_scope, names.join(QStringLiteral(", ")));
        if (confirm && !confirm(question)) {
            if (self)
                setStatus(tr("Block not sent: not confirmed."));
            co_return none;
        }
        if (!self)
            co_return none;
    }
    AdminChange change;
    const bool clear = action == QLatin1String("clear");
    change.action = clear ? QStringLiteral("clear_action") : QStringLiteral("pin_action");
    change.target = QStringLiteral("client:%1").arg(m_scope);
    change.method = "POST";
    change.path = clientPath(QStringLiteral("/action"));
    QJsonObject body;
    body.insert(QStringLiteral("action"), action);
    body.insert(QStringLiteral("reason"), reason);
    change.body = body;
    change.beforePath = clientPath(QString());
    change.beforeField = QStringLiteral("risk");
    const QString title = clear ? tr("Clear the pin of %1").arg(m_scope) : tr("%1 %2").arg(actionText(action), m_scope);
    QList<AdminOutcome> outcomes = co_await applyChange(change, title, Section::Action);
    if (!self)
        co_return outcomes;
    bool allOk = !outcomes.isEmpty();
    for (const AdminOutcome& o : outcomes)
        allOk = allOk && o.ok();
    if (allOk)
        m_reason->clear();
    co_return outcomes;
}

bool PoliciesPage::anyWritable() const
{
    return m_targets->anyWritable();
}

QString PoliciesPage::statusText() const
{
    return m_status->text();
}

void PoliciesPage::setStatus(const QString& text)
{
    m_status->setText(text);
    m_status->setVisible(!text.isEmpty());
}

void PoliciesPage::updateActions()
{
    const bool writable = m_targets->anyWritable();
    const bool canSend = writable && !m_targets->selected().isEmpty() && m_busy == 0;
    const bool client = !m_scope.isEmpty();
    const QString readOnly = writable ? QString() : m_targets->readOnlyReason();
    m_readOnly->setText(readOnly.isEmpty() ? QString() : tr("Read-only: %1").arg(readOnly));
    m_readOnly->setVisible(!readOnly.isEmpty());

    // Override check boxes: only for a client.
    m_outputOverrideBox->setVisible(client);
    m_watermarkOverrideBox->setVisible(client);
    m_outputOverrideBox->setChecked(client && (m_outputOverride || m_outputDirty));
    m_watermarkOverrideBox->setChecked(client && (m_watermarkOverride || m_watermarkDirty));
    m_outputOverrideBox->setEnabled(canSend && m_loaded);
    m_watermarkOverrideBox->setEnabled(canSend && m_loaded);
    const bool outputOwn = !client || m_outputOverrideBox->isChecked();
    const bool watermarkOwn = !client || m_watermarkOverrideBox->isChecked();
    m_outputInherited->setVisible(client && !outputOwn);
    m_outputInherited->setText(tr("Inherited from the default policy."));
    m_watermarkInherited->setVisible(client && !watermarkOwn);
    m_watermarkInherited->setText(tr("Inherited from the default policy."));

    m_outputForm->setReadOnly(!(writable && m_loaded && outputOwn));
    m_watermarkForm->setReadOnly(!(writable && m_loaded && watermarkOwn));
    m_riskForm->setReadOnly(!(writable && m_loaded && !client));
    m_riskNote->setVisible(client);

    const QString noSend = canSend ? QString() : cannotSend(false);
    m_saveOutput->setEnabled(canSend && m_loaded && outputOwn && m_outputForm->validate().isEmpty());
    m_saveWatermark->setEnabled(canSend && m_loaded && watermarkOwn && m_watermarkForm->validate().isEmpty());
    const QString riskProblem = m_riskForm->validate();
    m_saveRisk->setVisible(!client);
    m_saveRisk->setEnabled(canSend && m_loaded && !client && riskProblem.isEmpty());
    m_saveRisk->setToolTip(riskProblem.isEmpty() ? noSend : riskProblem);
    m_saveOutput->setToolTip(noSend);
    m_saveWatermark->setToolTip(noSend);

    // Manual actions: a client and a reason.
    const QString reason = m_reason->text().trimmed();
    const bool reasonOk = !reason.isEmpty() && reason.size() <= kMaxReason;
    m_reason->setEnabled(writable && client);
    m_reasonCount->setText(tr("%1/%2").arg(m_reason->text().size()).arg(kMaxReason));
    for (QPushButton* button : {m_throttleButton, m_blockButton, m_stripButton, m_clearButton}) {
        button->setEnabled(canSend && client && reasonOk);
        if (!canSend)
            button->setStatusTip(noSend);
    }
    if (!client)
        m_actionState->setText(tr("Choose a client above to throttle, block or strip logprobs by hand."));
    m_reloadButton->setEnabled(m_busy == 0);
}

} // namespace modelguard::ui
