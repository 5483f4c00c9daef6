#include "ui/AlertsPanel.h"

#include "client/AdminService.h"
#include "client/ConnectionManager.h"
#include "client/FleetStore.h"
#include "client/GatewayConnection.h"
#include "ui/AlertListModel.h"
#include "ui/ItemRoles.h"
#include "ui/Theme.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSystemTrayIcon>
#include <QTableView>
#include <QVBoxLayout>

#include <qcoro/qcorotask.h>

namespace modelguard::ui {

namespace {

class AlertFilterProxy : public QSortFilterProxyModel
{
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;
    void setShowAcknowledged(bool show)
    {
        if (show == m_showAcknowledged)
            return;
        m_showAcknowledged = show;
        invalidateFilter();
    }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override
    {
        if (m_showAcknowledged)
            return true;
        return !sourceModel()->index(sourceRow, 0, sourceParent).data(AcknowledgedRole).toBool();
    }

private:
    bool m_showAcknowledged = false;
};

} // namespace

AlertsPanel::AlertsPanel(client::ConnectionManager* connections, client::FleetStore* store, QWidget* parent)
    : QWidget(parent)
    , m_connections(connections)
    , m_store(store)
{
    m_model = new AlertListModel(this);
    auto* proxy = new AlertFilterProxy(this);
    m_proxy = proxy;
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(SortRole);
    m_proxy->setDynamicSortFilter(true);

    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("alertsView"));
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(AlertListModel::TimeCol, Qt::DescendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->setVisible(false);
    m_view->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + spacingUnit(this));
    m_view->horizontalHeader()->setStretchLastSection(false);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setSectionResizeMode(AlertListModel::ReasonCol, QHeaderView::Stretch);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);

    m_showAcknowledged = new QCheckBox(tr("Show acknowledged"), this);
    m_ackButton = new QPushButton(tr("Acknowledge"), this);
    m_ackButton->setObjectName(QStringLiteral("acknowledgeButton"));
    m_ackButton->setToolTip(tr("Mark the selected alerts as handled on their gateways"));
    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* bar = new QHBoxLayout();
    bar->setContentsMargins(0, 0, 0, 0);
    bar->addWidget(m_showAcknowledged);
    bar->addStretch(1);
    bar->addWidget(m_ackButton);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(spacingUnit(this));
    layout->addWidget(m_view, 1);
    layout->addWidget(m_status);
    layout->addLayout(bar);
    m_status->hide();

    connect(m_showAcknowledged, &QCheckBox::toggled, this, &AlertsPanel::setShowAcknowledged);
    connect(m_ackButton, &QPushButton::clicked, this, &AlertsPanel::acknowledgeSelected);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &AlertsPanel::updateButtons);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &AlertsPanel::updateButtons);
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, &AlertsPanel::updateButtons);
    updateButtons();
}

void AlertsPanel::refresh()
{
    if (m_store)
        m_model->setAlerts(m_store->alerts());
    updateButtons();
}

void AlertsPanel::setShowAcknowledged(bool show)
{
    static_cast<AlertFilterProxy*>(m_proxy)->setShowAcknowledged(show);
    if (m_showAcknowledged->isChecked() != show)
        m_showAcknowledged->setChecked(show);
    updateButtons();
}

void AlertsPanel::setCompact(bool compact)
{
    m_view->setColumnHidden(AlertListModel::GatewayCol, compact);
    m_view->setColumnHidden(AlertListModel::StatusCol, compact);
}

void AlertsPanel::updateButtons()
{
    bool anyOpen = false;
    for (const QModelIndex& index : m_view->selectionModel()->selectedRows()) {
        if (!index.data(AcknowledgedRole).toBool())
            anyOpen = true;
    }
    m_ackButton->setEnabled(anyOpen);
}

void AlertsPanel::acknowledgeSelected()
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    for (const QModelIndex& index : rows) {
        if (!index.data(AcknowledgedRole).toBool())
            acknowledge(index.data(GatewayIdRole).toString(), index.data(AlertIdRole).toLongLong());
    }
}

void AlertsPanel::acknowledge(const QString& gatewayId, qint64 alertId)
{
    client::GatewayConnection* connection = nullptr;
    if (m_connections) {
        for (client::GatewayConnection* c : m_connections->connections()) {
            if (c->gatewayId() == gatewayId)
                connection = c;
        }
    }
    if (!connection) {
        m_status->setText(tr("Gateway %1 is not connected; the alert stays open.").arg(gatewayId));
        m_status->show();
        return;
    }
    if (connection->state() != client::GatewayConnection::State::Live) {
        m_status->setText(
            tr("Gateway %1 is not live (%2); try again when it is.").arg(gatewayId, connection->stateText()));
        m_status->show();
        return;
    }
    const QString path = QStringLiteral("/admin/v1/alerts/%1/ack").arg(alertId);
    const auto done = [this, gatewayId, alertId](bool ok, const QString& why) {
        if (ok) {
            if (m_store)
                m_store->acknowledgeAlert(gatewayId, alertId);
            m_status->hide();
            refresh();
        } else {
            m_status->setText(tr("Could not acknowledge alert %1 on %2: %3").arg(alertId).arg(gatewayId, why));
            m_status->show();
        }
    };
    if (m_service) {
        client::AdminChange change;
        change.action = QStringLiteral("ack_alert");
        change.target = QStringLiteral("alert:%1").arg(alertId);
        change.method = "POST";
        change.path = path;
        QCoro::connect(m_service->apply(connection, change), this,
                       [done](const client::AdminOutcome& outcome) { done(outcome.ok(), outcome.message); });
        return;
    }
    QCoro::connect(connection->call("POST", path), this,
                   [done](const client::ApiReply& reply) { done(reply.ok(), reply.error); });
}

AlertNotifier::AlertNotifier(client::FleetStore* store, QObject* parent)
    : QObject(parent)
{
    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        m_tray = new QSystemTrayIcon(appIcon(), this);
        m_tray->setToolTip(tr("ModelGuard console"));
        m_tray->show();
        connect(m_tray, &QSystemTrayIcon::messageClicked, this, &AlertNotifier::activated);
        connect(m_tray, &QSystemTrayIcon::activated, this,
                [this](QSystemTrayIcon::ActivationReason) { emit activated(); });
    }
    if (store)
        connect(store, &client::FleetStore::alertRaised, this, &AlertNotifier::onAlert);
}

QPair<QString, QString> AlertNotifier::messageFor(const client::AlertRow& alert)
{
    return {tr("High-severity alert: %1").arg(alert.clientId),
            tr("%1 (gateway %2)").arg(alert.reason, alert.gatewayId)};
}

void AlertNotifier::onAlert(const client::AlertRow& alert)
{
    if (alert.acknowledged || alert.severity != QLatin1String("high"))
        return;
    if (!m_tray)
        return;
    const auto [title, body] = messageFor(alert);
    m_tray->showMessage(title, body, QSystemTrayIcon::Warning);
    ++m_shown;
}

void AlertsPanel::setAdminService(client::AdminService* service)
{
    m_service = service;
}

} // namespace modelguard::ui
