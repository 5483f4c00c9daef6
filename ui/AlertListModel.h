#pragma once
// Model of the fleet's alerts, newest first, keyed by (gateway id, alert id). Updated incrementally from
// FleetStore::alerts().

#include "client/FleetStore.h"

#include <QAbstractTableModel>
#include <QVector>

namespace modelguard::ui {

class AlertListModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { TimeCol, SeverityCol, ClientCol, ReasonCol, GatewayCol, StatusCol, ColumnCount };

    explicit AlertListModel(QObject* parent = nullptr);

    /// Diffs by (gateway, id): removals, in-place updates (acknowledged), insertions at their place in the
    /// newest-first order.
    void setAlerts(const QVector<client::AlertRow>& alerts);
    const QVector<client::AlertRow>& alerts() const { return m_alerts; }
    /// Unacknowledged alerts of severity "high".
    int openHighCount() const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QVector<client::AlertRow> m_alerts;
};

} // namespace modelguard::ui
