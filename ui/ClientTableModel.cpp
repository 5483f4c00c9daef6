#include "ui/ClientTableModel.h"

#include "ui/ItemRoles.h"
#include "ui/Theme.h"

#include <QApplication>
#include <QDateTime>
#include <QLocale>
#include <QPalette>

#include <algorithm>

namespace modelguard::ui {

namespace {

bool sameContributions(const QList<client::RiskContribution>& a, const QList<client::RiskContribution>& b)
{
    if (a.size() != b.size())
        return false;
    for (qsizetype i = 0; i < a.size(); ++i) {
        if (a[i].feature != b[i].feature || a[i].share != b[i].share || a[i].sentence != b[i].sentence)
            return false;
    }
    return true;
}

/// Columns whose displayed value differs between two versions of a row: [first, last], or {-1, -1}.
std::pair<int, int> changedColumns(const client::ClientRow& a, qint64 aNow, const client::ClientRow& b, qint64 bNow)
{
    bool changed[ClientTableModel::ColumnCount] = {};
    changed[ClientTableModel::ClientCol] = a.pinned != b.pinned || !sameContributions(a.contributions, b.contributions);
    changed[ClientTableModel::GatewaysCol] = a.gateways != b.gateways;
    changed[ClientTableModel::KeyPrefixCol] = a.keyPrefixes != b.keyPrefixes;
    changed[ClientTableModel::RequestsCol] = a.requestsPerMin != b.requestsPerMin;
    changed[ClientTableModel::TokensCol] = a.tokensPerMin != b.tokensPerMin;
    changed[ClientTableModel::QuotaCol] = a.quotaUsedPct != b.quotaUsedPct;
    changed[ClientTableModel::RiskCol] = a.riskScore != b.riskScore;
    changed[ClientTableModel::ActionCol] = a.action != b.action || a.pinned != b.pinned;
    changed[ClientTableModel::LastSeenCol] =
        a.lastSeenMs != b.lastSeenMs
        || ClientTableModel::agoText(a.lastSeenMs, aNow) != ClientTableModel::agoText(b.lastSeenMs, bNow);
    int first = -1;
    int last = -1;
    for (int c = 0; c < ClientTableModel::ColumnCount; ++c) {
        if (changed[c]) {
            if (first < 0)
                first = c;
            last = c;
        }
    }
    return {first, last};
}

QString fixedNumber(double value, int decimals)
{
    return QLocale().toString(value, 'f', decimals);
}

} // namespace

ClientTableModel::ClientTableModel(QObject* parent)
    : QAbstractTableModel(parent)
{ }

void ClientTableModel::setRows(const QVector<client::ClientRow>& rows)
{
    const qint64 previousNow = m_nowMs;
    m_nowMs = QDateTime::currentMSecsSinceEpoch();
    QHash<QString, int> incoming;
    incoming.reserve(rows.size());
    for (int i = 0; i < rows.size(); ++i)
        incoming.insert(rows[i].clientId, i);

    // 1. Removals, in contiguous ranges from the end so that earlier indices stay valid.
    int r = static_cast<int>(m_rows.size()) - 1;
    while (r >= 0) {
        if (incoming.contains(m_rows[r].clientId)) {
            --r;
            continue;
        }
        const int last = r;
        while (r >= 0 && !incoming.contains(m_rows[r].clientId))
            --r;
        const int first = r + 1;
        beginRemoveRows({}, first, last);
        m_rows.remove(first, last - first + 1);
        endRemoveRows();
    }
    m_index.clear();
    for (int i = 0; i < m_rows.size(); ++i)
        m_index.insert(m_rows[i].clientId, i);

    // 2. Updates in place.
    for (int i = 0; i < m_rows.size(); ++i) {
        const client::ClientRow& next = rows[incoming.value(m_rows[i].clientId)];
        const auto [first, last] = changedColumns(m_rows[i], previousNow, next, m_nowMs);
        m_rows[i] = next;
        if (first >= 0)
            emit dataChanged(index(i, first), index(i, last));
    }

    // 3. Insertions, appended in one block.
    QVector<client::ClientRow> added;
    for (const client::ClientRow& row : rows) {
        if (!m_index.contains(row.clientId))
            added.push_back(row);
    }
    if (!added.isEmpty()) {
        const int first = static_cast<int>(m_rows.size());
        beginInsertRows({}, first, first + static_cast<int>(added.size()) - 1);
        for (const client::ClientRow& row : added) {
            m_index.insert(row.clientId, static_cast<int>(m_rows.size()));
            m_rows.push_back(row);
        }
        endInsertRows();
    }
}

int ClientTableModel::rowOf(const QString& clientId) const
{
    return m_index.value(clientId, -1);
}

int ClientTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int ClientTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString ClientTableModel::agoText(qint64 thenMs, qint64 nowMs)
{
    if (thenMs <= 0)
        return tr("never");
    const qint64 seconds = std::max<qint64>(0, (nowMs - thenMs) / 1000);
    if (seconds < 60)
        return tr("%1 s ago").arg(seconds);
    if (seconds < 3600)
        return tr("%1 min ago").arg(seconds / 60);
    if (seconds < 86400)
        return tr("%1 h ago").arg(seconds / 3600);
    return QLocale().toString(QDateTime::fromMSecsSinceEpoch(thenMs).date(), QLocale::ShortFormat);
}

QVariant ClientTableModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() < 0 || index.row() >= m_rows.size() || index.column() < 0
        || index.column() >= ColumnCount)
        return {};
    const client::ClientRow& row = m_rows[index.row()];
    const auto column = static_cast<Column>(index.column());

    switch (role) {
    case ClientIdRole:
        return row.clientId;
    case RiskScoreRole:
        return row.riskScore;
    case Qt::DisplayRole:
        switch (column) {
        case ClientCol:
            return row.clientId;
        case GatewaysCol:
            return row.gateways.join(QLatin1String(", "));
        case KeyPrefixCol:
            return row.keyPrefixes.join(QLatin1String(", "));
        case RequestsCol:
            return fixedNumber(row.requestsPerMin, 1);
        case TokensCol:
            return fixedNumber(row.tokensPerMin, 0);
        case QuotaCol:
            return tr("%1 %").arg(fixedNumber(row.quotaUsedPct, 1));
        case RiskCol:
            return fixedNumber(row.riskScore, 0);
        case ActionCol:
            return row.pinned ? tr("%1 (pinned)").arg(actionText(row.action)) : actionText(row.action);
        case LastSeenCol:
            return agoText(row.lastSeenMs, m_nowMs);
        case ColumnCount:
            break;
        }
        break;
    case SortRole:
        switch (column) {
        case RequestsCol:
            return row.requestsPerMin;
        case TokensCol:
            return row.tokensPerMin;
        case QuotaCol:
            return row.quotaUsedPct;
        case RiskCol:
            return row.riskScore;
        case LastSeenCol:
            return row.lastSeenMs;
        case ActionCol: {
            // Severity order, not alphabetical.
            static const QStringList order = {QStringLiteral("none"), QStringLiteral("strip_logits"),
                                              QStringLiteral("throttle"), QStringLiteral("block")};
            return static_cast<int>(order.indexOf(row.action));
        }
        default:
            return data(index, Qt::DisplayRole).toString().toLower();
        }
    case ExportRole:
        switch (column) {
        case GatewaysCol:
            return row.gateways.join(QLatin1Char(' '));
        case KeyPrefixCol:
            return row.keyPrefixes.join(QLatin1Char(' '));
        case RequestsCol:
            return row.requestsPerMin;
        case TokensCol:
            return row.tokensPerMin;
        case QuotaCol:
            return row.quotaUsedPct;
        case RiskCol:
            return row.riskScore;
        case ActionCol:
            return row.action;
        case LastSeenCol:
            return row.lastSeenMs > 0
                       ? QDateTime::fromMSecsSinceEpoch(row.lastSeenMs, Qt::UTC).toString(Qt::ISODateWithMs)
                       : QString();
        default:
            return data(index, Qt::DisplayRole);
        }
    case Qt::TextAlignmentRole:
        switch (column) {
        case RequestsCol:
        case TokensCol:
        case QuotaCol:
        case RiskCol:
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        default:
            return QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter);
        }
    case Qt::BackgroundRole:
        if (column == RiskCol)
            return riskBackground(riskBand(row.riskScore), QApplication::palette());
        break;
    case Qt::ForegroundRole:
        if (column == RiskCol)
            return riskForeground(riskBand(row.riskScore), QApplication::palette());
        if (column == ActionCol && row.action != QLatin1String("none") && !row.action.isEmpty())
            return riskAccent(row.action == QLatin1String("block")      ? RiskBand::Critical
                              : row.action == QLatin1String("throttle") ? RiskBand::High
                                                                        : RiskBand::Elevated,
                              QApplication::palette());
        break;
    case Qt::ToolTipRole:
        if (column == RiskCol) {
            QString tip =
                tr("Risk %1 of 100 (%2)").arg(fixedNumber(row.riskScore, 1), riskBandText(riskBand(row.riskScore)));
            for (const client::RiskContribution& c : row.contributions)
                tip += QLatin1Char('\n') + tr("%1 %: %2").arg(fixedNumber(c.share * 100, 0), c.sentence);
            return tip;
        }
        if (column == LastSeenCol && row.lastSeenMs > 0)
            return QLocale().toString(QDateTime::fromMSecsSinceEpoch(row.lastSeenMs), QLocale::LongFormat);
        break;
    default:
        break;
    }
    return {};
}

QVariant ClientTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::DisplayRole) {
        switch (section) {
        case ClientCol:
            return tr("Client");
        case GatewaysCol:
            return tr("Gateways");
        case KeyPrefixCol:
            return tr("Key prefix");
        case RequestsCol:
            return tr("Requests/min");
        case TokensCol:
            return tr("Tokens/min");
        case QuotaCol:
            return tr("Quota used");
        case RiskCol:
            return tr("Risk");
        case ActionCol:
            return tr("Action");
        case LastSeenCol:
            return tr("Last seen");
        default:
            break;
        }
    }
    if (role == Qt::TextAlignmentRole) {
        switch (section) {
        case RequestsCol:
        case TokensCol:
        case QuotaCol:
        case RiskCol:
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        default:
            return QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter);
        }
    }
    return {};
}

} // namespace modelguard::ui
