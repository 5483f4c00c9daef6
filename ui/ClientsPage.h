#pragma once
// Clients: the sortable, filterable table of every client in the fleet and, for the selected client, a detail pane
// (usage and risk charts, the risk explanation, recent enforcement events). Export to CSV. Selecting a client fetches
// its per-minute usage of the last 15 minutes from every live gateway it is on, so its usage chart is back-filled.

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QWidget>

class QLabel;
class QLineEdit;
class QListWidget;
class QSortFilterProxyModel;
class QSplitter;
class QStackedWidget;
class QTableView;
class QTimer;

namespace modelguard::client {
class ConnectionManager;
class FleetStore;
} // namespace modelguard::client

namespace modelguard::ui {

class ClientTableModel;
class TimeSeriesChart;

class ClientsPage : public QWidget
{
    Q_OBJECT
public:
    static constexpr int kEventsPerClient = 50;
    static constexpr int kClientsWithEvents = 2000;

    ClientsPage(client::ConnectionManager* connections, client::FleetStore* store, QWidget* parent = nullptr);

    /// Re-reads the store if its revision changed (the page's 10 Hz timer calls this). Returns true if it did.
    bool refreshIfChanged();
    void refresh();

    void setFilterText(const QString& text);
    QString filterText() const;
    /// Selects the client's row (clearing the filter if it hides the client); false if unknown.
    bool selectClient(const QString& clientId);
    QString selectedClient() const;

    /// Records a live event of a gateway for the "recent events" list (risk, action, alert, admin).
    void noteEvent(const QString& gatewayId, const QString& type, const QJsonObject& payload);
    QStringList recentEvents(const QString& clientId) const;

    /// The visible rows (filter and sort applied) as CSV.
    QString csv() const;
    /// Asks for a file name and writes the CSV; reports errors in a message box.
    void exportCsvInteractive();
    /// Gives the filter box the keyboard focus.
    void focusFilter();

    ClientTableModel* model() const { return m_model; }
    QSortFilterProxyModel* proxy() const { return m_proxy; }
    QTableView* view() const { return m_view; }
    TimeSeriesChart* usageChart() const { return m_usageChart; }
    TimeSeriesChart* riskChart() const { return m_riskChart; }

protected:
    void showEvent(QShowEvent* event) override;

private:
    void updateDetail();
    /// The selected client's usage history from each live gateway it is on (once per selection).
    void requestUsageHistory();
    void updateCount();

    client::ConnectionManager* m_connections = nullptr;
    client::FleetStore* m_store = nullptr;
    quint64 m_revision = ~quint64 {0};
    QTimer* m_timer = nullptr;
    ClientTableModel* m_model = nullptr;
    QSortFilterProxyModel* m_proxy = nullptr;
    QLineEdit* m_filter = nullptr;
    QLabel* m_count = nullptr;
    QTableView* m_view = nullptr;
    QStackedWidget* m_detailStack = nullptr;
    QLabel* m_detailTitle = nullptr;
    QLabel* m_detailBadge = nullptr;
    QLabel* m_detailFacts = nullptr;
    TimeSeriesChart* m_usageChart = nullptr;
    TimeSeriesChart* m_riskChart = nullptr;
    QLabel* m_explanation = nullptr;
    QListWidget* m_events = nullptr;
    QString m_historyClient;                    ///< the client whose usage history was last asked for
    QHash<QString, QStringList> m_recentEvents; ///< newest first, bounded
    QStringList m_eventOrder;                   ///< clients by last event, for the bound
};

} // namespace modelguard::ui
