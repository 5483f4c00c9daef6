#pragma once
// Table model of the fleet's clients (one row per client id, merged across gateways). Updated incrementally from
// FleetStore::clients(): rows are matched by client id, so that selection, scroll position and sorting survive the
// live updates.

#include "client/FleetStore.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QVector>

namespace modelguard::ui {

class ClientTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        ClientCol,
        GatewaysCol,
        KeyPrefixCol,
        RequestsCol,
        TokensCol,
        QuotaCol,
        RiskCol,
        ActionCol,
        LastSeenCol,
        ColumnCount
    };

    explicit ClientTableModel(QObject* parent = nullptr);

    /// Diffs `rows` against the current rows by client id: removed ids -> beginRemoveRows, new ids ->
    /// beginInsertRows (appended), changed rows -> dataChanged on the changed cells only.
    void setRows(const QVector<client::ClientRow>& rows);
    const QVector<client::ClientRow>& rows() const { return m_rows; }
    /// Row of a client id, or -1.
    int rowOf(const QString& clientId) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /// "12 s ago", "5 min ago", "3 h ago", or the date.
    static QString agoText(qint64 thenMs, qint64 nowMs);

private:
    QVector<client::ClientRow> m_rows;
    QHash<QString, int> m_index;
    qint64 m_nowMs = 0;
};

} // namespace modelguard::ui
