#pragma once
// Overview: fleet KPIs, live charts of requests/s and tokens/s over the last 15 minutes, the clients with the
// highest risk, open alerts and the health of every connection.

#include <QWidget>

class QGridLayout;
class QLabel;
class QTableWidget;
class QTimer;

namespace modelguard::client {
class ConnectionManager;
class FleetStore;
} // namespace modelguard::client

namespace modelguard::ui {

class AlertsPanel;
class TimeSeriesChart;

class OverviewPage : public QWidget
{
    Q_OBJECT
public:
    static constexpr qint64 kWindowMs = 15 * 60 * 1000;
    static constexpr int kTopClients = 10;

    OverviewPage(client::ConnectionManager* connections, client::FleetStore* store, QWidget* parent = nullptr);

    /// Re-reads the store if its revision changed since the last refresh (the page's 10 Hz timer calls this).
    /// Returns true if it redrew.
    bool refreshIfChanged();
    /// Re-reads everything now.
    void refresh();
    /// Rebuilds the gateway health list (connections added/removed/state changed).
    void refreshConnections();

    TimeSeriesChart* requestsChart() const { return m_requestsChart; }
    TimeSeriesChart* tokensChart() const { return m_tokensChart; }
    QTableWidget* topClients() const { return m_topClients; }
    AlertsPanel* alertsPanel() const { return m_alerts; }

signals:
    /// The user activated a client in the top-risk list.
    void clientActivated(const QString& clientId);

protected:
    void showEvent(QShowEvent* event) override;

private:
    struct Kpi
    {
        QLabel* value = nullptr;
        QLabel* caption = nullptr;
    };
    Kpi addKpi(QGridLayout* grid, int column, const QString& caption, const QString& tip);

    client::ConnectionManager* m_connections = nullptr;
    client::FleetStore* m_store = nullptr;
    quint64 m_revision = ~quint64 {0};
    QTimer* m_timer = nullptr;
    Kpi m_kpiClients, m_kpiRequests, m_kpiTokens, m_kpiAtRisk, m_kpiEnforced, m_kpiAlerts;
    TimeSeriesChart* m_requestsChart = nullptr;
    TimeSeriesChart* m_tokensChart = nullptr;
    QTableWidget* m_topClients = nullptr;
    AlertsPanel* m_alerts = nullptr;
    QTableWidget* m_gateways = nullptr;
    QLabel* m_noGateways = nullptr;
};

} // namespace modelguard::ui
