#include "ui/LimitsPage.h"

#include "client/ConnectionManager.h"
#include "client/ConsoleAudit.h"
#include "client/FleetStore.h"
#include "client/GatewayConnection.h"
#include "ui/AdminResultsDialog.h"
#include "ui/GatewayTargets.h"
#include "ui/LimitsEditor.h"
#include "ui/Theme.h"

#include <QComboBox>
#include <QCompleter>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollArea>
#include <QTimer>
#include <QVBoxLayout>

#include <chrono>

namespace modelguard::ui {

using client::AdminChange;
using client::AdminOutcome;
using client::GatewayConnection;

namespace {

constexpr int kReloadDelayMs = 250;

/// The gateway's message of a failed read (or the network error).
QString readProblem(const client::ApiReply& reply)
{
    const QString message =
        reply.json.object().value(QLatin1String("error")).toObject().value(QLatin1String("message")).toString();
    return message.isEmpty() ? reply.error : message;
}

QString keyText(const QJsonObject& key)
{
    const QString name = key.value(QLatin1String("name")).toString();
    const QString prefix = key.value(QLatin1String("prefix")).toString();
    QString text = name.isEmpty() ? prefix : LimitsPage::tr("%1 (%2)").arg(name, prefix);
    if (key.value(QLatin1String("revoked")).toBool())
        text = LimitsPage::tr("%1 — revoked").arg(text);
    return text;
}

} // namespace

LimitsPage::LimitsPage(client::ConnectionManager* connections, client::FleetStore* store, client::AdminService* service,
                       QWidget* parent)
    : QWidget(parent)
    , m_connections(connections)
    , m_store(store)
    , m_service(service)
{
    const int unit = spacingUnit(this);
    const int charWidth = fontMetrics().horizontalAdvance(QLatin1Char('0'));

    m_readOnly = new QLabel(this);
    m_readOnly->setObjectName(QStringLiteral("readOnlyReason"));
    m_readOnly->setWordWrap(true);
    m_readOnly->setFrameShape(QFrame::StyledPanel);
    m_readOnly->setMargin(unit);
    m_readOnly->setBackgroundRole(QPalette::ToolTipBase);
    m_readOnly->setForegroundRole(QPalette::ToolTipText);
    m_readOnly->setAutoFillBackground(true);
    m_readOnly->hide();

    // Scope row.
    auto* scopeLabel = new QLabel(tr("Limits of:"), this);
    m_scopeKind = new QComboBox(this);
    m_scopeKind->setObjectName(QStringLiteral("scopeKind"));
    m_scopeKind->addItem(tr("The default (all clients)"), static_cast<int>(Scope::Default));
    m_scopeKind->addItem(tr("A client"), static_cast<int>(Scope::Client));
    m_scopeKind->addItem(tr("A key of a client"), static_cast<int>(Scope::Key));
    m_scopeKind->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    scopeLabel->setBuddy(m_scopeKind);
    m_clientLabel = new QLabel(tr("Client:"), this);
    m_client = new QComboBox(this);
    m_client->setObjectName(QStringLiteral("scopeClient"));
    m_client->setEditable(true);
    m_client->setInsertPolicy(QComboBox::NoInsert);
    m_client->setMinimumWidth(charWidth * 24);
    m_client->lineEdit()->setPlaceholderText(tr("Client id"));
    m_client->lineEdit()->setMaxLength(128);
    m_client->completer()->setCaseSensitivity(Qt::CaseInsensitive);
    m_client->completer()->setFilterMode(Qt::MatchContains);
    m_clientLabel->setBuddy(m_client);
    m_keyLabel = new QLabel(tr("Key:"), this);
    m_key = new QComboBox(this);
    m_key->setObjectName(QStringLiteral("scopeKey"));
    m_key->setMinimumWidth(charWidth * 28);
    m_key->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_keyLabel->setBuddy(m_key);
    m_refresh = new QPushButton(tr("Reload"), this);
    m_refresh->setObjectName(QStringLiteral("refreshButton"));
    m_refresh->setToolTip(tr("Read the limits from the gateway again (unsaved changes are dropped)."));
    auto* scopeRow = new QHBoxLayout();
    scopeRow->setSpacing(unit);
    scopeRow->addWidget(scopeLabel);
    scopeRow->addWidget(m_scopeKind);
    scopeRow->addSpacing(unit);
    scopeRow->addWidget(m_clientLabel);
    scopeRow->addWidget(m_client, 1);
    scopeRow->addSpacing(unit);
    scopeRow->addWidget(m_keyLabel);
    scopeRow->addWidget(m_key, 1);
    scopeRow->addStretch();
    scopeRow->addWidget(m_refresh);

    // What the form shows.
    const auto infoLabel = [this](const char* name) {
        auto* label = new QLabel(this);
        label->setObjectName(QLatin1String(name));
        label->setWordWrap(true);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
        return label;
    };
    m_source = infoLabel("sourceText");
    m_source->setForegroundRole(QPalette::PlaceholderText);
    m_state = infoLabel("scopeState");
    QFont stateFont = font();
    stateFont.setBold(true);
    m_state->setFont(stateFont);
    m_effective = infoLabel("effectiveText");
    m_usage = infoLabel("usageText");

    m_editor = new LimitsEditor(this);
    m_editor->setObjectName(QStringLiteral("limitsEditor"));
    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(m_editor);
    scroll->setMinimumWidth(m_editor->sizeHint().width() + unit * 2);
    scroll->setMinimumHeight(std::min(m_editor->sizeHint().height(), fontMetrics().height() * 12));

    m_targets = new GatewayTargets(m_connections, m_service, this);
    m_targets->setObjectName(QStringLiteral("targets"));
    m_targets->setMinimumWidth(charWidth * 24);
    auto* targetColumn = new QVBoxLayout();
    targetColumn->addWidget(m_targets);
    targetColumn->addStretch();

    auto* middle = new QHBoxLayout();
    middle->setSpacing(unit * 3);
    middle->addWidget(scroll, 3);
    middle->addLayout(targetColumn, 1);

    m_revert = new QPushButton(tr("Revert"), this);
    m_revert->setObjectName(QStringLiteral("revertButton"));
    m_revert->setToolTip(tr("Drop the unsaved changes."));
    m_useDefault = new QPushButton(tr("Use default"), this);
    m_useDefault->setObjectName(QStringLiteral("useDefaultButton"));
    m_save = new QPushButton(tr("Save"), this);
    m_save->setObjectName(QStringLiteral("saveButton"));
    m_save->setDefault(true);
    auto* buttons = new QHBoxLayout();
    buttons->setSpacing(unit);
    buttons->addWidget(m_revert);
    buttons->addStretch();
    buttons->addWidget(m_useDefault);
    buttons->addWidget(m_save);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("statusText"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(unit * 2, unit * 2, unit * 2, unit * 2);
    layout->setSpacing(unit);
    layout->addWidget(m_readOnly);
    layout->addLayout(scopeRow);
    layout->addWidget(m_source);
    layout->addWidget(m_state);
    layout->addWidget(m_effective);
    layout->addWidget(m_usage);
    layout->addLayout(middle, 1);
    layout->addLayout(buttons);
    layout->addWidget(m_status);

    m_reloadTimer = new QTimer(this);
    m_reloadTimer->setSingleShot(true);
    m_reloadTimer->setInterval(kReloadDelayMs);
    connect(m_reloadTimer, &QTimer::timeout, this, [this] { QCoro::connect(reload(true), this, [](bool) {}); });

    connect(m_scopeKind, &QComboBox::currentIndexChanged, this, [this] {
        if (m_updatingWidgets)
            return;
        m_scope = static_cast<Scope>(m_scopeKind->currentData().toInt());
        updateScopeWidgets();
        onScopeEdited();
    });
    connect(m_client, &QComboBox::activated, this, [this] { onScopeEdited(); });
    connect(m_client->lineEdit(), &QLineEdit::editingFinished, this, [this] {
        if (!m_updatingWidgets && m_client->currentText().trimmed() != m_clientId)
            onScopeEdited();
    });
    connect(m_key, &QComboBox::activated, this, [this] { onScopeEdited(); });
    connect(m_refresh, &QPushButton::clicked, this, [this] { QCoro::connect(reload(false), this, [](bool) {}); });
    connect(m_revert, &QPushButton::clicked, this, &LimitsPage::revert);
    connect(m_save, &QPushButton::clicked, this, [this] { QCoro::connect(save(), this, [](const auto&) {}); });
    connect(m_useDefault, &QPushButton::clicked, this,
            [this] { QCoro::connect(resetToDefault(), this, [](const auto&) {}); });
    connect(m_editor, &LimitsEditor::edited, this, &LimitsPage::updateActions);
    connect(m_targets, &GatewayTargets::selectionChanged, this, [this] {
        updateActions();
        // The source gateway may have changed.
        if (m_loadedOk || sourceGateway())
            scheduleReload();
    });

    if (m_connections) {
        connect(m_connections, &client::ConnectionManager::connectionAdded, this, [this](GatewayConnection* c) {
            watch(c);
            updateActions();
        });
        connect(m_connections, &client::ConnectionManager::connectionStateChanged, this, [this](GatewayConnection* c) {
            updateActions();
            if (c->state() == GatewayConnection::State::Live && c == sourceGateway())
                scheduleReload();
        });
        for (GatewayConnection* c : m_connections->connections())
            watch(c);
    }
    if (m_store)
        connect(m_store, &client::FleetStore::changed, this, &LimitsPage::fillClients);
    if (m_service && m_service->audit())
        connect(m_service->audit(), &client::ConsoleAudit::openChanged, this, &LimitsPage::updateActions);

    fillClients();
    updateScopeWidgets();
    updateActions();
    scheduleReload();
}

bool LimitsPage::validClientId(const QString& clientId)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9._:@-]{1,128}$"));
    return pattern.match(clientId).hasMatch();
}

void LimitsPage::watch(GatewayConnection* connection)
{
    connect(connection, &GatewayConnection::eventReceived, this, [this, connection](const QString& type) {
        if (type == QLatin1String("admin") && connection == sourceGateway())
            scheduleReload();
    });
}

void LimitsPage::scheduleReload()
{
    m_reloadTimer->start();
}

GatewayConnection* LimitsPage::sourceGateway() const
{
    const QList<GatewayConnection*> selected = m_targets->selected();
    if (!selected.isEmpty())
        return selected.front();
    if (!m_connections)
        return nullptr;
    for (GatewayConnection* c : m_connections->connections()) {
        if (c->state() == GatewayConnection::State::Live)
            return c;
    }
    return nullptr;
}

QString LimitsPage::statusText() const
{
    return m_status->text();
}

QString LimitsPage::stateText() const
{
    return m_state->text();
}

QString LimitsPage::usageText() const
{
    return m_usage->text();
}

void LimitsPage::setStatus(const QString& text)
{
    m_status->setText(text);
}

void LimitsPage::fillClients()
{
    if (!m_store)
        return;
    const QStringList ids = m_store->clientIds();
    if (ids == m_knownClients) // the store hands out the same list until a client comes or goes: O(1)
        return;
    m_knownClients = ids;
    const bool wasUpdating = m_updatingWidgets;
    m_updatingWidgets = true;
    const QString text = m_client->currentText();
    m_client->clear();
    m_client->addItems(ids);
    m_client->setEditText(text);
    m_updatingWidgets = wasUpdating;
}

void LimitsPage::fillKeys(const QJsonArray& keys)
{
    const bool wasUpdating = m_updatingWidgets;
    m_updatingWidgets = true;
    m_key->clear();
    for (const QJsonValue& k : keys) {
        const QJsonObject key = k.toObject();
        m_key->addItem(keyText(key), key.value(QLatin1String("id")).toString());
    }
    m_key->setCurrentIndex(m_key->findData(m_keyId));
    m_updatingWidgets = wasUpdating;
}

void LimitsPage::updateScopeWidgets()
{
    const bool client = m_scope != Scope::Default;
    const bool key = m_scope == Scope::Key;
    m_clientLabel->setVisible(client);
    m_client->setVisible(client);
    m_keyLabel->setVisible(key);
    m_key->setVisible(key);
    m_useDefault->setVisible(client);
    m_useDefault->setText(key ? tr("Remove key limits") : tr("Use default"));
    m_useDefault->setToolTip(key ? tr("The key gets no limits of its own: only its client's limits apply.")
                                 : tr("Remove the client's own limits: the default limits apply to it again."));
}

void LimitsPage::onScopeEdited()
{
    if (m_updatingWidgets)
        return;
    const QString clientId = m_client->currentText().trimmed();
    // Another client's keys are not this one's: its first key is shown.
    m_keyId = clientId == m_clientId ? m_key->currentData().toString() : QString();
    m_clientId = clientId;
    setStatus({});
    QCoro::connect(reload(false), this, [](bool) {});
}

void LimitsPage::updateActions()
{
    const bool writable = m_service && m_targets->anyWritable();
    const QString reason = writable ? QString() : (m_service ? m_targets->readOnlyReason() : tr("No admin service."));
    m_readOnly->setText(writable ? QString() : tr("Read-only: %1").arg(reason));
    m_readOnly->setVisible(!writable);
    m_editor->setReadOnly(!writable);
    const bool selected = !m_targets->selected().isEmpty();
    const bool canSend = writable && selected && m_busy == 0 && m_loadedOk;
    m_save->setEnabled(canSend);
    // Removing an override the source gateway does not have only makes sense when other gateways may have one.
    m_useDefault->setEnabled(canSend && m_scope != Scope::Default
                             && (m_hasOverride || m_targets->selected().size() > 1));
    QString why;
    if (!writable)
        why = reason;
    else if (!selected)
        why = tr("Choose at least one gateway under “Apply to”.");
    else if (!m_loadedOk)
        why = tr("The current limits could not be read.");
    m_save->setToolTip(why.isEmpty() ? tr("Send these limits to the gateways chosen under “Apply to”.") : why);
    m_revert->setEnabled(m_editor->isModified() && m_busy == 0);
}

QCoro::Task<bool> LimitsPage::setScope(Scope scope, QString clientId, QString keyId)
{
    m_updatingWidgets = true;
    m_scope = scope;
    m_clientId = clientId.trimmed();
    m_keyId = keyId;
    m_scopeKind->setCurrentIndex(m_scopeKind->findData(static_cast<int>(scope)));
    m_client->setEditText(m_clientId);
    if (m_key->findData(keyId) < 0)
        m_key->clear();
    m_key->setCurrentIndex(m_key->findData(keyId));
    m_updatingWidgets = false;
    updateScopeWidgets();
    setStatus({});
    co_return co_await reload(false);
}

QCoro::Task<LimitsPage::Loaded> LimitsPage::readState(QPointer<GatewayConnection> source, Scope scope, QString clientId,
                                                      QString keyId)
{
    Loaded out;
    if (!source) {
        out.problem = tr("No gateway is connected to read the limits from.");
        co_return out;
    }
    const QString name = source->profile().name;
    out.sourceName = name;
    const QByteArray get("GET");
    const QJsonValue noBody;
    const std::chrono::milliseconds timeout(5000);

    if (scope == Scope::Default) {
        const QString path = QStringLiteral("/admin/v1/policies/default");
        const client::ApiReply reply = co_await source->call(get, path, noBody, timeout);
        if (!reply.ok()) {
            out.problem = tr("The default limits could not be read from %1: %2").arg(name, readProblem(reply));
            co_return out;
        }
        out.limits = reply.json.object().value(QLatin1String("limits")).toObject();
        out.hasOverride = true;
        out.state = tr("The default limits on %1: they apply to every client without limits of its own.").arg(name);
        out.ok = true;
        co_return out;
    }

    if (!validClientId(clientId)) {
        out.problem = clientId.isEmpty()
                          ? tr("Enter or choose a client.")
                          : tr("“%1” is not a valid client id (1 to 128 letters, digits or . _ : @ -).").arg(clientId);
        co_return out;
    }
    const QString policiesPath = QStringLiteral("/admin/v1/clients/%1/policies").arg(clientId);
    const client::ApiReply policies = co_await source->call(get, policiesPath, noBody, timeout);
    if (!source) {
        out.problem = tr("%1 is no longer connected.").arg(name);
        co_return out;
    }
    if (!policies.ok()) {
        out.problem = tr("The limits of %1 could not be read from %2: %3").arg(clientId, name, readProblem(policies));
        co_return out;
    }
    const QJsonObject policiesJson = policies.json.object();
    const QJsonValue clientOverride =
        policiesJson.value(QLatin1String("overrides")).toObject().value(QLatin1String("limits"));
    const QJsonObject clientLimits =
        policiesJson.value(QLatin1String("effective")).toObject().value(QLatin1String("limits")).toObject();

    // The client's usage on this gateway (a client that never sent a request is not known: no usage yet).
    const QString clientPath = QStringLiteral("/admin/v1/clients/%1").arg(clientId);
    const client::ApiReply detail = co_await source->call(get, clientPath, noBody, timeout);
    if (!source) {
        out.problem = tr("%1 is no longer connected.").arg(name);
        co_return out;
    }
    const QLocale locale;
    if (detail.ok()) {
        const QJsonObject c = detail.json.object();
        const auto number = [&c](const char* field) { return c.value(QLatin1String(field)).toDouble(); };
        out.usage.insert(QStringLiteral("requests_per_minute"), number("requests_per_min"));
        out.usage.insert(QStringLiteral("tokens_per_minute"), number("tokens_per_min"));
        out.usage.insert(QStringLiteral("requests_per_day"), number("requests_today"));
        out.usage.insert(QStringLiteral("tokens_per_day"), number("tokens_today"));
        out.usage.insert(QStringLiteral("tokens_per_month"), number("tokens_month"));
        out.usageText =
            tr("Usage of %1 on %2: %3 tokens today, %4 this month, %5 requests today; %6 % of its largest quota "
               "in use.")
                .arg(clientId, name, locale.toString(static_cast<qint64>(number("tokens_today"))),
                     locale.toString(static_cast<qint64>(number("tokens_month"))),
                     locale.toString(static_cast<qint64>(number("requests_today"))),
                     locale.toString(number("quota_used_pct"), 'f', 1));
    } else if (detail.status == 404) {
        out.usageText = tr("%1 has sent no requests through %2 yet.").arg(clientId, name);
    } else {
        out.usageText = tr("The usage of %1 could not be read from %2: %3").arg(clientId, name, readProblem(detail));
    }

    if (scope == Scope::Client) {
        out.hasOverride = clientOverride.isObject();
        out.limits = out.hasOverride ? clientOverride.toObject() : clientLimits;
        out.state =
            out.hasOverride
                ? tr("%1 has limits of its own on %2.").arg(clientId, name)
                : tr("%1 uses the default limits on %2; saving gives it limits of its own.").arg(clientId, name);
        out.effective = tr("In force: %1").arg(LimitsEditor::summary(clientLimits));
        out.ok = true;
        co_return out;
    }

    const QString keysPath = QStringLiteral("/admin/v1/keys?client=%1").arg(clientId);
    const client::ApiReply keys = co_await source->call(get, keysPath, noBody, timeout);
    if (!source) {
        out.problem = tr("%1 is no longer connected.").arg(name);
        co_return out;
    }
    if (!keys.ok()) {
        out.problem = tr("The keys of %1 could not be read from %2: %3").arg(clientId, name, readProblem(keys));
        co_return out;
    }
    out.keys = keys.json.object().value(QLatin1String("keys")).toArray();
    QJsonObject chosen;
    for (const QJsonValue& k : std::as_const(out.keys)) {
        const QJsonObject key = k.toObject();
        const bool match = keyId.isEmpty() ? !key.value(QLatin1String("revoked")).toBool()
                                           : key.value(QLatin1String("id")).toString() == keyId;
        if (match) {
            chosen = key;
            break;
        }
    }
    if (chosen.isEmpty() && keyId.isEmpty() && !out.keys.isEmpty())
        chosen = out.keys.first().toObject();
    if (chosen.isEmpty()) {
        out.problem = out.keys.isEmpty() ? tr("%1 has no keys on %2.").arg(clientId, name)
                                         : tr("%1 has no key %2 on %3.").arg(clientId, keyId, name);
        co_return out;
    }
    out.keyId = chosen.value(QLatin1String("id")).toString();
    const QJsonValue keyLimits = chosen.value(QLatin1String("limits"));
    out.hasOverride = keyLimits.isObject();
    out.limits = keyLimits.toObject(); // none: the form starts from "no limits"
    out.state = out.hasOverride ? tr("The key %1 has limits of its own on %2; its client's limits apply as well.")
                                      .arg(keyText(chosen), name)
                                : tr("The key %1 has no limits of its own on %2: only its client's limits apply.")
                                      .arg(keyText(chosen), name);
    out.effective = tr("Limits of %1: %2").arg(clientId, LimitsEditor::summary(clientLimits));
    out.ok = true;
    co_return out;
}

QCoro::Task<bool> LimitsPage::reload(bool keepEdits)
{
    QPointer<LimitsPage> self(this);
    m_reloadTimer->stop();
    const quint64 generation = ++m_generation;
    QJsonObject edits;
    if (keepEdits && m_loadedOk) {
        const QJsonObject current = m_editor->limits();
        for (const QString& field : m_editor->modifiedFields())
            edits.insert(field, current.value(field));
    }
    const QPointer<GatewayConnection> source(sourceGateway());
    const Loaded loaded = co_await readState(source, m_scope, m_clientId, m_keyId);
    if (!self || generation != m_generation)
        co_return false; // the page is gone, or a newer reload has taken over

    m_source->setText(loaded.sourceName.isEmpty() ? QString() : tr("Shown: the state on %1.").arg(loaded.sourceName));
    m_source->setVisible(!loaded.sourceName.isEmpty());
    if (m_scope == Scope::Key) {
        if (!loaded.keyId.isEmpty())
            m_keyId = loaded.keyId;
        fillKeys(loaded.keys);
    }
    m_loadedOk = loaded.ok;
    if (loaded.ok) {
        m_hasOverride = loaded.hasOverride;
        m_editor->setLimits(loaded.limits);
        if (!edits.isEmpty())
            m_editor->setValues(edits);
        m_state->setText(loaded.state);
    } else {
        m_hasOverride = false;
        m_state->setText(loaded.problem);
    }
    m_editor->setEnabled(loaded.ok);
    m_effective->setText(loaded.effective);
    m_effective->setVisible(loaded.ok && !loaded.effective.isEmpty());
    m_editor->setUsage(loaded.ok ? loaded.usage : QJsonObject());
    m_usage->setText(loaded.usageText);
    m_usage->setVisible(loaded.ok && !loaded.usageText.isEmpty());
    updateActions();
    emit reloaded();
    co_return loaded.ok;
}

void LimitsPage::revert()
{
    m_editor->setLimits(m_editor->loadedLimits());
    updateActions();
}

QString LimitsPage::inputProblem(bool forClear) const
{
    if (!m_service)
        return tr("no admin service.");
    if (m_busy > 0)
        return tr("a change is still being applied.");
    if (m_targets->selected().isEmpty())
        return m_targets->anyWritable() ? tr("no gateway is selected under “Apply to”.") : m_targets->readOnlyReason();
    if (m_scope != Scope::Default && !validClientId(m_clientId)) {
        return m_clientId.isEmpty()
                   ? tr("no client is chosen.")
                   : tr("“%1” is not a valid client id (1 to 128 letters, digits or . _ : @ -).").arg(m_clientId);
    }
    if (m_scope == Scope::Key && m_keyId.isEmpty())
        return tr("no key is chosen.");
    if (!m_loadedOk)
        return tr("the current limits could not be read (%1).").arg(m_state->text());
    if (!forClear)
        return m_editor->validate();
    return {};
}

QCoro::Task<QList<AdminOutcome>> LimitsPage::save()
{
    const QString problem = inputProblem(false);
    if (!problem.isEmpty()) {
        setStatus(tr("Not saved: %1").arg(problem));
        co_return QList<AdminOutcome>();
    }
    const QJsonObject limits = m_editor->limits();
    AdminChange change;
    change.method = "PUT";
    QString title;
    switch (m_scope) {
    case Scope::Default: {
        QJsonObject body;
        body.insert(QStringLiteral("limits"), limits);
        change.action = QStringLiteral("set_default_policies");
        change.target = QStringLiteral("default");
        change.path = QStringLiteral("/admin/v1/policies/default");
        change.body = body;
        change.beforePath = change.path;
        change.beforeField = QStringLiteral("limits");
        title = tr("Default limits");
        break;
    }
    case Scope::Client:
        change.action = QStringLiteral("set_limits");
        change.target = QStringLiteral("client:%1").arg(m_clientId);
        change.path = QStringLiteral("/admin/v1/clients/%1/limits").arg(m_clientId);
        change.body = limits;
        change.beforePath = QStringLiteral("/admin/v1/clients/%1/policies").arg(m_clientId);
        change.beforeField = QStringLiteral("overrides");
        title = tr("Limits of %1").arg(m_clientId);
        break;
    case Scope::Key:
        change.action = QStringLiteral("set_key_limits");
        change.target = QStringLiteral("key:%1").arg(m_keyId);
        change.path = QStringLiteral("/admin/v1/keys/%1/limits").arg(m_keyId);
        change.body = limits;
        change.beforePath = QStringLiteral("/admin/v1/keys?client=%1").arg(m_clientId);
        change.beforeField = QStringLiteral("keys");
        title = tr("Limits of key %1").arg(m_key->currentText());
        break;
    }
    co_return co_await applyChange(change, title);
}

QCoro::Task<QList<AdminOutcome>> LimitsPage::resetToDefault()
{
    QString problem = m_scope == Scope::Default ? tr("the default limits cannot be removed.") : inputProblem(true);
    if (!problem.isEmpty()) {
        setStatus(tr("Nothing was changed: %1").arg(problem));
        co_return QList<AdminOutcome>();
    }
    AdminChange change;
    change.method = "DELETE";
    QString title;
    if (m_scope == Scope::Client) {
        change.action = QStringLiteral("clear_limits");
        change.target = QStringLiteral("client:%1").arg(m_clientId);
        change.path = QStringLiteral("/admin/v1/clients/%1/limits").arg(m_clientId);
        change.beforePath = QStringLiteral("/admin/v1/clients/%1/policies").arg(m_clientId);
        change.beforeField = QStringLiteral("overrides");
        title = tr("Default limits for %1").arg(m_clientId);
    } else {
        change.action = QStringLiteral("clear_key_limits");
        change.target = QStringLiteral("key:%1").arg(m_keyId);
        change.path = QStringLiteral("/admin/v1/keys/%1/limits").arg(m_keyId);
        change.beforePath = QStringLiteral("/admin/v1/keys?client=%1").arg(m_clientId);
        change.beforeField = QStringLiteral("keys");
        title = tr("Limits of key %1 removed").arg(m_key->currentText());
    }
    co_return co_await applyChange(change, title);
}

QCoro::Task<QList<AdminOutcome>> LimitsPage::applyChange(AdminChange change, QString title)
{
    QPointer<LimitsPage> self(this);
    const QList<GatewayConnection*> targets = m_targets->selected();
    const QPointer<client::AdminService> service = m_service;
    ++m_busy;
    updateActions();
    setStatus(tr("Applying…"));
    const QList<AdminOutcome> outcomes = co_await service->applyAll(targets, change);
    if (!self)
        co_return outcomes;
    setStatus(outcomes.size() == 1 ? outcomes.front().message : AdminResultsDialog::summary(outcomes));
    AdminResultsDialog::showIfNeeded(this, title, outcomes);
    co_await reload(false); // the gateway's state, whatever happened
    if (!self)
        co_return outcomes;
    --m_busy;
    updateActions();
    emit changeFinished(change.action, outcomes);
    co_return outcomes;
}

} // namespace modelguard::ui
