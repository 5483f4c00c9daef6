#include "ui/KeysPage.h"

#include "client/ConnectionManager.h"
#include "client/ConsoleAudit.h"
#include "client/FleetStore.h"
#include "client/GatewayConnection.h"
#include "ui/AdminResultsDialog.h"
#include "ui/GatewayTargets.h"
#include "ui/Theme.h"

#include <QCheckBox>
#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

#include <qcoro/qcorotask.h>

namespace modelguard::ui {

namespace {

using client::AdminChange;
using client::AdminOutcome;
using client::GatewayConnection;

constexpr int kReloadDelayMs = 250;

QString keysPathOf(const QString& clientId)
{
    // Client ids are made of URL-safe characters only (validated before anything is sent).
    return QStringLiteral("/admin/v1/keys?client=%1").arg(clientId);
}

/// Before/after of a change to one key: the client's keys as the gateway lists them.
AdminChange keyChange(const KeyRow& key, const QString& action, const QByteArray& method, const QString& path,
                      const QJsonValue& body)
{
    AdminChange change;
    change.action = action;
    change.target = QStringLiteral("key:%1").arg(key.id);
    change.method = method;
    change.path = path;
    change.body = body;
    change.beforePath = keysPathOf(key.clientId);
    change.beforeField = QStringLiteral("keys");
    return change;
}

QString gatewayNames(const QList<GatewayConnection*>& gateways)
{
    QStringList names;
    for (const GatewayConnection* g : gateways)
        names.append(g->profile().name);
    return names.join(QStringLiteral(", "));
}

} // namespace

KeysPage::KeysPage(client::ConnectionManager* connections, client::FleetStore* store, client::AdminService* service,
                   QWidget* parent)
    : QWidget(parent)
    , m_connections(connections)
    , m_store(store)
    , m_service(service)
{
    setObjectName(QStringLiteral("keysPage"));
    confirm = [this](const QString& question) {
        return QMessageBox::question(this, tr("Revoke"), question, QMessageBox::Yes | QMessageBox::Cancel,
                                     QMessageBox::Cancel)
               == QMessageBox::Yes;
    };
    const int unit = spacingUnit(this);

    m_model = new KeyTableModel(this);
    m_proxy = new KeyFilterProxy(this);
    m_proxy->setSourceModel(m_model);

    // Read-only banner.
    m_readOnly = new QLabel(this);
    m_readOnly->setObjectName(QStringLiteral("readOnlyReason"));
    m_readOnly->setWordWrap(true);
    m_readOnly->setFrameShape(QFrame::StyledPanel);
    m_readOnly->setMargin(unit);
    m_readOnly->setBackgroundRole(QPalette::ToolTipBase);
    m_readOnly->setForegroundRole(QPalette::ToolTipText);
    m_readOnly->setAutoFillBackground(true);
    m_readOnly->hide();

    // Toolbar.
    auto makeButton = [this](const QString& text, const QString& name, const QString& tip) {
        auto* b = new QPushButton(text, this);
        b->setObjectName(name);
        b->setToolTip(tip);
        return b;
    };
    m_newButton = makeButton(tr("New key…"), QStringLiteral("newKeyButton"), tr("Issue a new API key"));
    m_editButton =
        makeButton(tr("Edit…"), QStringLiteral("editKeyButton"), tr("Change the name, expiry or scopes of the key"));
    m_rotateButton = makeButton(tr("Rotate…"), QStringLiteral("rotateKeyButton"),
                                tr("Replace the key by a new one; the old one works for a grace period"));
    m_revokeButton = makeButton(tr("Revoke…"), QStringLiteral("revokeKeyButton"), tr("Revoke the key at once"));
    m_revokeClientButton = makeButton(tr("Revoke all keys of client…"), QStringLiteral("revokeClientButton"),
                                      tr("Revoke every key of a client, on one or several gateways"));
    m_refreshButton = makeButton(tr("Refresh"), QStringLiteral("refreshButton"), tr("Read the keys again"));
    auto* tools = new QHBoxLayout;
    tools->setSpacing(unit);
    for (QPushButton* b : {m_newButton, m_editButton, m_rotateButton, m_revokeButton, m_revokeClientButton})
        tools->addWidget(b);
    tools->addStretch(1);
    tools->addWidget(m_refreshButton);

    // Filter row.
    m_filter = new QLineEdit(this);
    m_filter->setObjectName(QStringLiteral("keyFilter"));
    m_filter->setPlaceholderText(tr("Filter by client, name or key prefix"));
    m_filter->setClearButtonEnabled(true);
    m_showRevoked = new QCheckBox(tr("Show revoked"), this);
    m_showRevoked->setObjectName(QStringLiteral("showRevoked"));
    m_count = new QLabel(this);
    m_count->setObjectName(QStringLiteral("keyCount"));
    auto* filterRow = new QHBoxLayout;
    filterRow->setSpacing(unit);
    filterRow->addWidget(m_filter, 1);
    filterRow->addWidget(m_showRevoked);
    filterRow->addWidget(m_count);

    // Table.
    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("keysView"));
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(KeyTableModel::CreatedCol, Qt::DescendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->verticalHeader()->setVisible(false);
    m_view->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + unit);
    QHeaderView* header = m_view->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setStretchLastSection(true);
    const int charWidth = fontMetrics().horizontalAdvance(QLatin1Char('0'));
    const int widths[KeyTableModel::ColumnCount] = {10, 15, 20, 20, 16, 16, 16, 12, 10};
    for (int c = 0; c < KeyTableModel::ColumnCount; ++c) {
        const int headerWidth =
            fontMetrics().horizontalAdvance(m_model->headerData(c, Qt::Horizontal).toString()) + charWidth * 5;
        m_view->setColumnWidth(c, std::max(widths[c] * charWidth, headerWidth));
    }

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("statusText"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_problems = new QLabel(this);
    m_problems->setObjectName(QStringLiteral("loadProblems"));
    m_problems->setWordWrap(true);
    m_problems->hide();

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(unit * 2, unit * 2, unit * 2, unit * 2);
    layout->setSpacing(unit);
    layout->addWidget(m_readOnly);
    layout->addLayout(tools);
    layout->addLayout(filterRow);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_problems);
    layout->addWidget(m_status);

    m_reloadTimer = new QTimer(this);
    m_reloadTimer->setSingleShot(true);
    m_reloadTimer->setInterval(kReloadDelayMs);
    connect(m_reloadTimer, &QTimer::timeout, this, [this] {
        // One reload at a time from events: a burst during a reload is served by one more reload after it.
        if (m_reloading > 0) {
            m_reloadAgain = true;
            return;
        }
        QCoro::connect(reload(), this, [] {});
    });

    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString& text) {
        m_proxy->setFilterText(text);
        updateCount();
    });
    connect(m_showRevoked, &QCheckBox::toggled, this, [this](bool show) {
        m_proxy->setShowRevoked(show);
        updateCount();
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &KeysPage::updateActions);
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, &KeysPage::updateCount);
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, &KeysPage::updateCount);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &KeysPage::updateCount);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &KeysPage::updateActions);

    connect(m_newButton, &QPushButton::clicked, this, &KeysPage::openCreateDialog);
    connect(m_editButton, &QPushButton::clicked, this, &KeysPage::openEditDialog);
    connect(m_rotateButton, &QPushButton::clicked, this, &KeysPage::openRotateDialog);
    connect(m_revokeButton, &QPushButton::clicked, this, &KeysPage::revokeSelected);
    connect(m_revokeClientButton, &QPushButton::clicked, this, &KeysPage::openBulkRevokeDialog);
    connect(m_refreshButton, &QPushButton::clicked, this, [this] { QCoro::connect(reload(), this, [] {}); });

    if (m_connections) {
        connect(m_connections, &client::ConnectionManager::connectionAdded, this, [this](GatewayConnection* c) {
            watch(c);
            updateActions();
            scheduleReload();
        });
        connect(m_connections, &client::ConnectionManager::connectionRemoved, this, [this] {
            QStringList present;
            for (const GatewayConnection* c : m_connections->connections())
                present.append(c->profile().id);
            m_model->retainGateways(present);
            updateActions();
        });
        connect(m_connections, &client::ConnectionManager::connectionStateChanged, this, [this](GatewayConnection* c) {
            updateActions();
            if (c->state() == GatewayConnection::State::Live)
                scheduleReload();
        });
        for (GatewayConnection* c : m_connections->connections())
            watch(c);
    }
    if (m_service && m_service->audit())
        connect(m_service->audit(), &client::ConsoleAudit::openChanged, this, &KeysPage::updateActions);

    updateActions();
    updateCount();
    scheduleReload();
}

void KeysPage::watch(GatewayConnection* connection)
{
    connect(connection, &GatewayConnection::eventReceived, this, [this](const QString& type) {
        if (type == QLatin1String("admin"))
            scheduleReload();
    });
}

void KeysPage::scheduleReload()
{
    m_reloadTimer->start();
}

QCoro::Task<void> KeysPage::reload()
{
    QPointer<KeysPage> self(this);
    m_reloadTimer->stop();
    ++m_reloading;
    QList<QPointer<GatewayConnection>> live;
    QStringList present;
    const QList<GatewayConnection*> all = m_connections ? m_connections->connections() : QList<GatewayConnection*>();
    for (GatewayConnection* c : all) {
        present.append(c->profile().id);
        if (c->state() == GatewayConnection::State::Live)
            live.append(QPointer<GatewayConnection>(c));
    }
    m_model->retainGateways(present);

    QStringList problems;
    const QByteArray get("GET");
    const QString path = QStringLiteral("/admin/v1/keys");
    const std::chrono::milliseconds timeout(5000);
    for (const QPointer<GatewayConnection>& c : live) {
        if (!c)
            continue;
        const QString name = c->profile().name;
        const client::ApiReply reply = co_await c->call(get, path, QJsonValue(), timeout);
        if (!self)
            co_return;
        if (!c)
            continue;
        if (!reply.ok()) {
            problems.append(
                tr("The keys of %1 could not be read: %2").arg(name, client::AdminService::describe(reply, name)));
            continue;
        }
        QList<KeyRow> rows;
        const QJsonArray keys = reply.json.object().value(QLatin1String("keys")).toArray();
        for (const QJsonValue& k : keys)
            rows.append(KeyRow::fromJson(c->profile().id, name, k.toObject()));
        m_model->setGatewayKeys(c->profile().id, rows);
    }
    --m_reloading;
    if (m_reloadAgain && m_reloading == 0) {
        m_reloadAgain = false;
        scheduleReload();
    }
    m_problems->setText(problems.join(QLatin1Char('\n')));
    m_problems->setVisible(!problems.isEmpty());
    updateActions();
    updateCount();
    emit reloaded();
}

// ---------------------------------------------------------------------------------------------------------------
// Changes

QList<SecretDialog::Entry> KeysPage::takeSecrets(QList<AdminOutcome>& outcomes)
{
    QList<SecretDialog::Entry> entries;
    for (AdminOutcome& o : outcomes) {
        if (!o.reply.ok() || !o.reply.json.isObject())
            continue;
        QJsonObject body = o.reply.json.object();
        const QString secret = body.take(QLatin1String("secret")).toString();
        o.reply.json.setObject(body);
        if (secret.isEmpty())
            continue;
        const QJsonObject key = body.value(QLatin1String("key")).toObject();
        entries.append(SecretDialog::Entry {o.gatewayName, key.value(QLatin1String("client")).toString(),
                                            key.value(QLatin1String("prefix")).toString(), secret});
    }
    return entries;
}

void KeysPage::showSecrets(const QString& title, QList<SecretDialog::Entry> entries)
{
    if (entries.isEmpty())
        return;
    if (m_secretDialog)
        m_secretDialog->close(); // it wipes itself
    auto* dialog = new SecretDialog(title, std::move(entries), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_secretDialog = dialog;
    dialog->open();
}

void KeysPage::setStatus(const QString& text)
{
    m_status->setText(text);
}

QString KeysPage::statusText() const
{
    return m_status->text();
}

QString KeysPage::loadProblems() const
{
    return m_problems->text();
}

QCoro::Task<void> KeysPage::finishChange(QString title, QString action, QList<AdminOutcome> outcomes)
{
    QPointer<KeysPage> self(this);
    setStatus(outcomes.size() == 1 ? outcomes.front().message : AdminResultsDialog::summary(outcomes));
    AdminResultsDialog::showIfNeeded(this, title, outcomes);
    co_await reload(); // the gateways' state, whatever happened
    if (!self)
        co_return;
    --m_busy;
    updateActions();
    emit changeFinished(action, outcomes);
}

QCoro::Task<QList<AdminOutcome>> KeysPage::createKey(KeySpec spec, QList<GatewayConnection*> targets)
{
    QPointer<KeysPage> self(this);
    QList<AdminOutcome> outcomes;
    QString problem = KeyInput::problem(spec, QDateTime::currentDateTime());
    if (problem.isEmpty() && targets.isEmpty())
        problem = tr("no gateway is selected.");
    if (problem.isEmpty() && !m_service)
        problem = tr("no admin service.");
    if (!problem.isEmpty()) {
        setStatus(tr("The key was not created: %1").arg(problem));
        co_return outcomes;
    }
    AdminChange change;
    change.action = QStringLiteral("create_key");
    change.target = QStringLiteral("client:%1").arg(spec.clientId);
    change.method = "POST";
    change.path = QStringLiteral("/admin/v1/keys");
    change.body = spec.toJson();
    ++m_busy;
    updateActions();
    const QPointer<client::AdminService> service = m_service;
    outcomes = co_await service->applyAll(targets, change);
    QList<SecretDialog::Entry> secrets = takeSecrets(outcomes);
    if (!self)
        co_return outcomes;
    showSecrets(tr("New API key"), std::move(secrets));
    const QString title = tr("New API key");
    co_await finishChange(title, change.action, outcomes);
    co_return outcomes;
}

QCoro::Task<std::optional<AdminOutcome>> KeysPage::applyToKey(KeyRow key, AdminChange change, QString title)
{
    QPointer<KeysPage> self(this);
    GatewayConnection* gateway = connectionOf(key);
    if (!gateway || !m_service) {
        setStatus(tr("%1 is no longer connected: nothing was changed.").arg(key.gatewayName));
        co_return std::nullopt;
    }
    ++m_busy;
    updateActions();
    const QPointer<client::AdminService> service = m_service;
    AdminOutcome outcome = co_await service->apply(gateway, change);
    QList<AdminOutcome> outcomes;
    outcomes.append(outcome);
    QList<SecretDialog::Entry> secrets = takeSecrets(outcomes);
    if (!self)
        co_return outcomes.front();
    showSecrets(title, std::move(secrets));
    co_await finishChange(title, change.action, outcomes);
    co_return outcomes.front();
}

QCoro::Task<std::optional<AdminOutcome>> KeysPage::updateKey(KeyRow key, QJsonObject patch)
{
    QString problem;
    if (patch.isEmpty())
        problem = tr("nothing has been changed.");
    if (problem.isEmpty() && patch.contains(QLatin1String("name")))
        problem = KeyInput::nameProblem(patch.value(QLatin1String("name")).toString());
    const QJsonValue expires = patch.value(QLatin1String("expires_ms"));
    if (problem.isEmpty() && !expires.isUndefined() && !expires.isNull()) {
        problem = KeyInput::expiryProblem(QDateTime::fromMSecsSinceEpoch(static_cast<qint64>(expires.toDouble())),
                                          QDateTime::currentDateTime());
    }
    if (problem.isEmpty() && patch.contains(QLatin1String("models"))) {
        QStringList models;
        const QJsonArray array = patch.value(QLatin1String("models")).toArray();
        for (const QJsonValue& m : array)
            models.append(m.toString());
        problem = KeyInput::modelsProblem(models);
    }
    if (!problem.isEmpty()) {
        setStatus(tr("The key was not changed: %1").arg(problem));
        co_return std::nullopt;
    }
    const AdminChange change =
        keyChange(key, QStringLiteral("update_key"), "PATCH", QStringLiteral("/admin/v1/keys/%1").arg(key.id), patch);
    const QString title = tr("Edit API key");
    co_return co_await applyToKey(key, change, title);
}

QCoro::Task<std::optional<AdminOutcome>> KeysPage::rotateKey(KeyRow key, qint64 graceSeconds)
{
    const QString problem = KeyInput::graceProblem(graceSeconds);
    if (!problem.isEmpty()) {
        setStatus(tr("The key was not rotated: %1").arg(problem));
        co_return std::nullopt;
    }
    QJsonObject body;
    body.insert(QStringLiteral("grace_seconds"), graceSeconds);
    const AdminChange change = keyChange(key, QStringLiteral("rotate_key"), "POST",
                                         QStringLiteral("/admin/v1/keys/%1/rotate").arg(key.id), body);
    const QString title = tr("Rotated API key");
    co_return co_await applyToKey(key, change, title);
}

QCoro::Task<std::optional<AdminOutcome>> KeysPage::revokeKey(KeyRow key)
{
    const QString question =
        tr("Revoke the key %1 (%2) of client “%3” on %4?\n\nApplications using it stop working at once. A revoked "
           "key cannot be restored.")
            .arg(key.prefix, key.name.isEmpty() ? tr("no name") : key.name, key.clientId, key.gatewayName);
    if (!confirm || !confirm(question)) {
        setStatus(tr("The key %1 was not revoked.").arg(key.prefix));
        co_return std::nullopt;
    }
    const AdminChange change = keyChange(key, QStringLiteral("revoke_key"), "DELETE",
                                         QStringLiteral("/admin/v1/keys/%1").arg(key.id), QJsonValue());
    const QString title = tr("Revoke API key");
    co_return co_await applyToKey(key, change, title);
}

QCoro::Task<QList<AdminOutcome>> KeysPage::revokeClientKeys(QString clientId, QList<GatewayConnection*> targets)
{
    QPointer<KeysPage> self(this);
    QList<AdminOutcome> outcomes;
    QString problem = KeyInput::clientIdProblem(clientId);
    if (problem.isEmpty() && targets.isEmpty())
        problem = tr("no gateway is selected.");
    if (problem.isEmpty() && !m_service)
        problem = tr("no admin service.");
    if (!problem.isEmpty()) {
        setStatus(tr("No key was revoked: %1").arg(problem));
        co_return outcomes;
    }
    QList<QPointer<GatewayConnection>> guarded;
    for (GatewayConnection* g : targets)
        guarded.append(QPointer<GatewayConnection>(g));
    co_await reload(); // count the keys as they are now
    if (!self)
        co_return outcomes;
    QList<GatewayConnection*> still;
    for (const QPointer<GatewayConnection>& g : guarded) {
        if (g)
            still.append(g.data());
    }
    const int active = activeKeyCount(clientId, still);
    const QString question =
        tr("Revoke all keys of client “%1” on %2?\n\n%n key(s) in use will stop working at once. Revoked keys "
           "cannot be restored.",
           nullptr, active)
            .arg(clientId, gatewayNames(still));
    if (still.isEmpty() || !confirm || !confirm(question)) {
        setStatus(tr("The keys of %1 were not revoked.").arg(clientId));
        co_return outcomes;
    }
    AdminChange change;
    change.action = QStringLiteral("revoke_client_keys");
    change.target = QStringLiteral("client:%1").arg(clientId);
    change.method = "POST";
    change.path = QStringLiteral("/admin/v1/clients/%1/revoke-keys").arg(clientId);
    change.beforePath = keysPathOf(clientId);
    change.beforeField = QStringLiteral("keys");
    ++m_busy;
    updateActions();
    const QPointer<client::AdminService> service = m_service;
    outcomes = co_await service->applyAll(still, change);
    if (!self)
        co_return outcomes;
    const QString title = tr("Revoke all keys of %1").arg(clientId);
    co_await finishChange(title, change.action, outcomes);
    co_return outcomes;
}

// ---------------------------------------------------------------------------------------------------------------
// Dialogs

KeyCreateDialog* KeysPage::openCreateDialog()
{
    if (!anyWritable())
        return nullptr;
    auto* dialog = new KeyCreateDialog(m_connections, m_service, knownClients(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (const auto key = selectedKey()) {
        GatewayConnection* gateway = connectionOf(*key);
        if (gateway && m_service && m_service->canWrite(gateway))
            dialog->targets()->selectOnly(gateway);
    }
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        QCoro::connect(createKey(dialog->spec(), dialog->targets()->selected()), this,
                       [](const QList<AdminOutcome>&) {});
    });
    dialog->open();
    return dialog;
}

KeyEditDialog* KeysPage::openEditDialog()
{
    const auto key = selectedKey();
    if (!key || key->revoked || !m_editButton->isEnabled())
        return nullptr;
    auto* dialog = new KeyEditDialog(*key, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        QCoro::connect(updateKey(dialog->key(), dialog->patch()), this, [](const std::optional<AdminOutcome>&) {});
    });
    dialog->open();
    return dialog;
}

RotateDialog* KeysPage::openRotateDialog()
{
    const auto key = selectedKey();
    if (!key || !m_rotateButton->isEnabled())
        return nullptr;
    auto* dialog = new RotateDialog(*key, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        QCoro::connect(rotateKey(dialog->key(), dialog->graceSeconds()), this,
                       [](const std::optional<AdminOutcome>&) {});
    });
    dialog->open();
    return dialog;
}

BulkRevokeDialog* KeysPage::openBulkRevokeDialog()
{
    if (!anyWritable())
        return nullptr;
    const auto key = selectedKey();
    auto* dialog =
        new BulkRevokeDialog(m_connections, m_service, knownClients(), key ? key->clientId : QString(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (key) {
        GatewayConnection* gateway = connectionOf(*key);
        if (gateway && m_service && m_service->canWrite(gateway))
            dialog->targets()->selectOnly(gateway);
    }
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        QCoro::connect(revokeClientKeys(dialog->clientId(), dialog->targets()->selected()), this,
                       [](const QList<AdminOutcome>&) {});
    });
    dialog->open();
    return dialog;
}

void KeysPage::revokeSelected()
{
    const auto key = selectedKey();
    if (!key || !m_revokeButton->isEnabled())
        return;
    QCoro::connect(revokeKey(*key), this, [](const std::optional<AdminOutcome>&) {});
}

// ---------------------------------------------------------------------------------------------------------------
// State

GatewayConnection* KeysPage::connectionOf(const KeyRow& key) const
{
    return m_connections ? m_connections->connection(key.profileId) : nullptr;
}

std::optional<KeyRow> KeysPage::selectedKey() const
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return std::nullopt;
    const int row = m_proxy->mapToSource(rows.first()).row();
    if (row < 0 || row >= m_model->rows().size())
        return std::nullopt;
    return m_model->rows()[row];
}

bool KeysPage::selectKey(const QString& profileId, const QString& keyId)
{
    const int row = m_model->rowOf(profileId, keyId);
    if (row < 0)
        return false;
    QModelIndex index = m_proxy->mapFromSource(m_model->index(row, 0));
    if (!index.isValid()) {
        m_filter->clear();
        if (m_model->rows()[row].revoked)
            m_showRevoked->setChecked(true);
        index = m_proxy->mapFromSource(m_model->index(row, 0));
    }
    if (!index.isValid())
        return false;
    m_view->selectionModel()->select(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_view->setCurrentIndex(index);
    m_view->scrollTo(index);
    updateActions();
    return true;
}

void KeysPage::setFilterText(const QString& text)
{
    m_filter->setText(text);
}

void KeysPage::setShowRevoked(bool show)
{
    m_showRevoked->setChecked(show);
}

int KeysPage::activeKeyCount(const QString& clientId, const QList<GatewayConnection*>& gateways) const
{
    QStringList ids;
    for (const GatewayConnection* g : gateways)
        ids.append(g->profile().id);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    int n = 0;
    for (const KeyRow& key : m_model->rows()) {
        if (key.clientId == clientId && ids.contains(key.profileId) && KeyTableModel::isUsable(key, now))
            ++n;
    }
    return n;
}

bool KeysPage::anyWritable() const
{
    if (!m_connections || !m_service)
        return false;
    for (const GatewayConnection* c : m_connections->connections()) {
        if (m_service->canWrite(c))
            return true;
    }
    return false;
}

QStringList KeysPage::knownClients() const
{
    QStringList ids;
    if (m_store)
        ids = m_store->clientIds();
    for (const KeyRow& key : m_model->rows())
        ids.append(key.clientId);
    ids.removeDuplicates();
    ids.sort(Qt::CaseInsensitive);
    return ids;
}

void KeysPage::updateCount()
{
    const int shown = m_proxy->rowCount();
    const int total = m_model->rowCount();
    m_count->setText(shown == total ? tr("%n key(s)", nullptr, total)
                                    : tr("%1 of %n key(s)", nullptr, total).arg(shown));
}

void KeysPage::updateActions()
{
    const bool writable = anyWritable();
    QString reason;
    if (!writable) {
        if (!m_connections || m_connections->connections().isEmpty()) {
            reason = tr("No gateway is connected.");
        } else if (!m_service) {
            reason = tr("No admin service.");
        } else {
            QStringList reasons;
            for (const GatewayConnection* c : m_connections->connections())
                reasons.append(m_service->readOnlyReason(c));
            reasons.removeDuplicates();
            reason = reasons.join(QLatin1Char(' '));
        }
        m_readOnly->setText(tr("Read-only: %1 Keys can be viewed but not changed.").arg(reason));
    }
    m_readOnly->setVisible(!writable);

    const bool idle = m_busy == 0;
    const std::optional<KeyRow> key = selectedKey();
    QString keyReason; // why the selected key cannot be changed
    if (!key) {
        keyReason = tr("Select a key first.");
    } else if (!m_service) {
        keyReason = tr("No admin service.");
    } else {
        keyReason = m_service->readOnlyReason(connectionOf(*key));
        if (keyReason.isEmpty() && !connectionOf(*key))
            keyReason = tr("%1 is no longer connected.").arg(key->gatewayName);
    }
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const bool keyOk = keyReason.isEmpty() && idle;
    const bool notRevoked = key && !key->revoked;
    const KeyStatus status = key ? KeyTableModel::status(*key, now) : KeyStatus::Revoked;
    const bool rotatable = key && !key->revoked && key->replacedBy.isEmpty() && status != KeyStatus::Expired;

    m_newButton->setEnabled(writable && idle);
    m_revokeClientButton->setEnabled(writable && idle);
    m_editButton->setEnabled(keyOk && notRevoked);
    m_rotateButton->setEnabled(keyOk && rotatable);
    m_revokeButton->setEnabled(keyOk && notRevoked);
    const QString readOnlyTip = writable ? QString() : reason;
    m_newButton->setToolTip(writable ? tr("Issue a new API key") : readOnlyTip);
    m_revokeClientButton->setToolTip(writable ? tr("Revoke every key of a client, on one or several gateways")
                                              : readOnlyTip);
    QString editTip = tr("Change the name, expiry or scopes of the key");
    QString rotateTip = tr("Replace the key by a new one; the old one works for a grace period");
    QString revokeTip = tr("Revoke the key at once");
    if (!keyReason.isEmpty()) {
        editTip = rotateTip = revokeTip = keyReason;
    } else if (key && key->revoked) {
        editTip = rotateTip = revokeTip = tr("The key is revoked.");
    } else if (key && !rotatable) {
        rotateTip = tr("The key has already been replaced or has expired.");
    }
    m_editButton->setToolTip(editTip);
    m_rotateButton->setToolTip(rotateTip);
    m_revokeButton->setToolTip(revokeTip);
}

} // namespace modelguard::ui
