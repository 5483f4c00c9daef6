#include "ui/AlertListModel.h"

#include "ui/ItemRoles.h"
#include "ui/Theme.h"

#include <QApplication>
#include <QDateTime>
#include <QFont>
#include <QLocale>
#include <QSet>

#include <algorithm>

namespace modelguard::ui {

namespace {

using Key = std::pair<QString, qint64>;

Key keyOf(const client::AlertRow& alert)
{
    return {alert.gatewayId, alert.id};
}

/// Newest first; ties by gateway then id (descending), so the order is total and stable.
bool before(const client::AlertRow& a, const client::AlertRow& b)
{
    if (a.timeMs != b.timeMs)
        return a.timeMs > b.timeMs;
    if (a.gatewayId != b.gatewayId)
        return a.gatewayId < b.gatewayId;
    return a.id > b.id;
}

int severityRank(const QString& severity)
{
    if (severity == QLatin1String("high"))
        return 3;
    if (severity == QLatin1String("medium"))
        return 2;
    if (severity == QLatin1String("low"))
        return 1;
    return 0;
}

} // namespace

AlertListModel::AlertListModel(QObject* parent)
    : QAbstractTableModel(parent)
{ }

void AlertListModel::setAlerts(const QVector<client::AlertRow>& alertsIn)
{
    QVector<client::AlertRow> incoming = alertsIn;
    std::sort(incoming.begin(), incoming.end(), before);
    QHash<QString, QHash<qint64, int>> incomingIndex;
    for (int i = 0; i < incoming.size(); ++i)
        incomingIndex[incoming[i].gatewayId].insert(incoming[i].id, i);
    const auto findIncoming = [&](const client::AlertRow& a) -> int {
        const auto gw = incomingIndex.constFind(a.gatewayId);
        if (gw == incomingIndex.constEnd())
            return -1;
        return gw->value(a.id, -1);
    };

    // Removals (contiguous ranges from the end).
    int r = static_cast<int>(m_alerts.size()) - 1;
    while (r >= 0) {
        if (findIncoming(m_alerts[r]) >= 0) {
            --r;
            continue;
        }
        const int last = r;
        while (r >= 0 && findIncoming(m_alerts[r]) < 0)
            --r;
        beginRemoveRows({}, r + 1, last);
        m_alerts.remove(r + 1, last - r);
        endRemoveRows();
    }

    // Updates (an alert's key and time never change, so the remaining rows keep their relative order).
    QSet<Key> present;
    for (int i = 0; i < m_alerts.size(); ++i) {
        const client::AlertRow& next = incoming[findIncoming(m_alerts[i])];
        present.insert(keyOf(next));
        const bool changed = next.acknowledged != m_alerts[i].acknowledged || next.severity != m_alerts[i].severity
                             || next.reason != m_alerts[i].reason || next.clientId != m_alerts[i].clientId
                             || next.timeMs != m_alerts[i].timeMs;
        m_alerts[i] = next;
        if (changed)
            emit dataChanged(index(i, 0), index(i, ColumnCount - 1));
    }

    // Insertions: merge; consecutive new alerts go in as one block.
    int pos = 0;
    int i = 0;
    while (i < incoming.size()) {
        if (present.contains(keyOf(incoming[i]))) {
            // Existing rows are in the same order as in `incoming`.
            while (pos < m_alerts.size() && keyOf(m_alerts[pos]) != keyOf(incoming[i]))
                ++pos;
            ++pos;
            ++i;
            continue;
        }
        int j = i;
        while (j < incoming.size() && !present.contains(keyOf(incoming[j])))
            ++j;
        beginInsertRows({}, pos, pos + (j - i) - 1);
        m_alerts.insert(pos, j - i, client::AlertRow {});
        for (int k = i; k < j; ++k)
            m_alerts[pos + (k - i)] = incoming[k];
        endInsertRows();
        pos += j - i;
        i = j;
    }
}

int AlertListModel::openHighCount() const
{
    return static_cast<int>(std::count_if(m_alerts.begin(), m_alerts.end(), [](const client::AlertRow& a) {
        return !a.acknowledged && a.severity == QLatin1String("high");
    }));
}

int AlertListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_alerts.size());
}

int AlertListModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AlertListModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() < 0 || index.row() >= m_alerts.size() || index.column() < 0
        || index.column() >= ColumnCount)
        return {};
    const client::AlertRow& alert = m_alerts[index.row()];
    const auto column = static_cast<Column>(index.column());
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case TimeCol: {
            const QDateTime time = QDateTime::fromMSecsSinceEpoch(alert.timeMs);
            const bool today = time.date() == QDate::currentDate();
            return today ? QLocale().toString(time.time(), QLocale::ShortFormat)
                         : QLocale().toString(time, QLocale::ShortFormat);
        }
        case SeverityCol:
            return severityText(alert.severity);
        case ClientCol:
            return alert.clientId;
        case ReasonCol:
            return alert.reason;
        case GatewayCol:
            return alert.gatewayId;
        case StatusCol:
            return alert.acknowledged ? tr("Acknowledged") : tr("Open");
        case ColumnCount:
            break;
        }
        break;
    case SortRole:
        switch (column) {
        case TimeCol:
            return alert.timeMs;
        case SeverityCol:
            return severityRank(alert.severity);
        case StatusCol:
            return alert.acknowledged ? 1 : 0;
        default:
            return data(index, Qt::DisplayRole).toString().toLower();
        }
    case ExportRole:
        switch (column) {
        case TimeCol:
            return QDateTime::fromMSecsSinceEpoch(alert.timeMs, Qt::UTC).toString(Qt::ISODateWithMs);
        case SeverityCol:
            return alert.severity;
        case StatusCol:
            return alert.acknowledged ? QStringLiteral("acknowledged") : QStringLiteral("open");
        default:
            return data(index, Qt::DisplayRole);
        }
    case Qt::ToolTipRole:
        if (column == TimeCol)
            return QLocale().toString(QDateTime::fromMSecsSinceEpoch(alert.timeMs), QLocale::LongFormat);
        if (column == ReasonCol)
            return tr("%1\nGateway: %2 · alert %3").arg(alert.reason, alert.gatewayId).arg(alert.id);
        break;
    case Qt::ForegroundRole:
        if (column == SeverityCol)
            return riskForeground(severityBand(alert.severity), QApplication::palette());
        if (alert.acknowledged)
            return QApplication::palette().color(QPalette::Disabled, QPalette::Text);
        break;
    case Qt::BackgroundRole:
        if (column == SeverityCol)
            return riskBackground(severityBand(alert.severity), QApplication::palette());
        break;
    case Qt::FontRole:
        if (!alert.acknowledged && alert.severity == QLatin1String("high")) {
            QFont font;
            font.setBold(true);
            return font;
        }
        break;
    case SeverityRole:
        return alert.severity;
    case AcknowledgedRole:
        return alert.acknowledged;
    case GatewayIdRole:
        return alert.gatewayId;
    case AlertIdRole:
        return alert.id;
    case ClientIdRole:
        return alert.clientId;
    default:
        break;
    }
    return {};
}

QVariant AlertListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TimeCol:
        return tr("Time");
    case SeverityCol:
        return tr("Severity");
    case ClientCol:
        return tr("Client");
    case ReasonCol:
        return tr("Reason");
    case GatewayCol:
        return tr("Gateway");
    case StatusCol:
        return tr("Status");
    default:
        break;
    }
    return {};
}

} // namespace modelguard::ui
