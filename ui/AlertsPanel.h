#pragma once
// The fleet's alerts: a sortable table (AlertListModel), "show acknowledged" filter, Acknowledge (POST
// /admin/v1/alerts/{id}/ack on the alert's gateway). The tray notification for new high-severity alerts is
// AlertNotifier's job.

#include <QPointer>
#include <QWidget>

class QCheckBox;
class QLabel;
class QPushButton;
class QSortFilterProxyModel;
class QSystemTrayIcon;
class QTableView;

namespace modelguard::client {
class AdminService;
class ConnectionManager;
class FleetStore;
struct AlertRow;
} // namespace modelguard::client

namespace modelguard::ui {

class AlertListModel;

class AlertsPanel : public QWidget
{
    Q_OBJECT
public:
    AlertsPanel(client::ConnectionManager* connections, client::FleetStore* store, QWidget* parent = nullptr);

    /// Reloads the alerts from the store (incremental).
    void refresh();
    AlertListModel* model() const { return m_model; }
    QTableView* view() const { return m_view; }
    void setShowAcknowledged(bool show);
    /// Compact: only time, severity, client and reason (the gateway and status stay in the tooltip/filter).
    void setCompact(bool compact);

    /// Acknowledges the selected alerts on their gateways.
    void acknowledgeSelected();
    /// Acknowledging is an admin change: with a service it goes through it (role check, local audit entry).
    void setAdminService(client::AdminService* service);

private:
    void updateButtons();
    void acknowledge(const QString& gatewayId, qint64 alertId);

    client::ConnectionManager* m_connections = nullptr;
    client::FleetStore* m_store = nullptr;
    QPointer<client::AdminService> m_service;
    AlertListModel* m_model = nullptr;
    QSortFilterProxyModel* m_proxy = nullptr;
    QTableView* m_view = nullptr;
    QCheckBox* m_showAcknowledged = nullptr;
    QPushButton* m_ackButton = nullptr;
    QLabel* m_status = nullptr;
};

/// Shows a system-tray message for every new unacknowledged high-severity alert (only where a tray exists).
class AlertNotifier : public QObject
{
    Q_OBJECT
public:
    AlertNotifier(client::FleetStore* store, QObject* parent = nullptr);
    bool available() const { return m_tray != nullptr; }
    /// Messages shown so far (for tests and the status bar).
    int shownCount() const { return m_shown; }
    /// The text a notification for `alert` carries ({title, body}).
    static QPair<QString, QString> messageFor(const client::AlertRow& alert);

signals:
    void activated();

private:
    void onAlert(const client::AlertRow& alert);

    QSystemTrayIcon* m_tray = nullptr;
    int m_shown = 0;
};

} // namespace modelguard::ui
