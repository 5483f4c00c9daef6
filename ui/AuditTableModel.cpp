#include "ui/AuditTableModel.h"

#include "ui/ItemRoles.h"
#include "ui/Theme.h"

#include <QApplication>
#include <QDateTime>
#include <QJsonDocument>
#include <QTimer>

#include <algorithm>
#include <limits>

namespace modelguard::ui {

namespace {

bool sameRecord(const audit::AuditRecord& a, const audit::AuditRecord& b)
{
    return a.seq == b.seq && a.hash == b.hash && a.mac == b.mac && a.prev_hash == b.prev_hash && a.entry == b.entry;
}

bool isFailure(const audit::AuditEntry& entry)
{
    return entry.result != audit::kResultOk;
}

QString text(const std::string& utf8)
{
    return QString::fromUtf8(utf8.data(), static_cast<qsizetype>(utf8.size()));
}

/// hi - lo for hi >= lo, without signed overflow.
std::uint64_t distance(std::int64_t lo, std::int64_t hi)
{
    return static_cast<std::uint64_t>(hi) - static_cast<std::uint64_t>(lo);
}

/// lo + offset, for offsets that stay at or below some hi >= lo (modular conversion back, well defined in C++20).
std::int64_t advance(std::int64_t lo, std::uint64_t offset)
{
    return static_cast<std::int64_t>(static_cast<std::uint64_t>(lo) + offset);
}

} // namespace

AuditTableModel::AuditTableModel(client::ConsoleAudit* audit, QObject* parent)
    : QAbstractTableModel(parent)
    , m_audit(audit)
{
    m_reloadTimer = new QTimer(this);
    m_reloadTimer->setSingleShot(true);
    m_reloadTimer->setInterval(0); // one re-read for a burst of appends (a fleet-wide change records several)
    connect(m_reloadTimer, &QTimer::timeout, this, &AuditTableModel::reload);
    if (m_audit) {
        connect(m_audit, &client::ConsoleAudit::appended, this, &AuditTableModel::scheduleReload);
        connect(m_audit, &client::ConsoleAudit::openChanged, this, &AuditTableModel::scheduleReload);
    }
    reload();
}

void AuditTableModel::scheduleReload()
{
    m_reloadTimer->start();
}

void AuditTableModel::setQuery(const audit::AuditQuery& query)
{
    m_query = query;
    m_query.limit.reset();
    reload();
}

void AuditTableModel::setRowLimit(std::uint64_t limit)
{
    m_limit = std::max<std::uint64_t>(limit, 1);
    reload();
}

std::vector<audit::AuditRecord> AuditTableModel::queryNewest(const audit::AuditLog& log, audit::AuditQuery filter,
                                                             std::uint64_t limit, bool* cut)
{
    limit = std::max<std::uint64_t>(limit, 1);
    filter.limit = limit + 1;
    std::vector<audit::AuditRecord> rows = log.query(filter);
    const bool isCut = rows.size() > limit;
    if (cut)
        *cut = isCut;
    if (isCut) {
        // More match than fit. Matches from a lower time bound `from` on only get fewer as `from` grows: find the
        // smallest `from` (to the millisecond) whose matches fit, take them, and fill up with the entries of the
        // millisecond just before it. Invariant: the matches from `lo` do not fit, those from `hi` do.
        const auto probe = [&](std::int64_t from) {
            audit::AuditQuery q = filter;
            q.from_ms = from;
            return log.query(q);
        };
        std::int64_t lo = filter.from_ms.value_or(std::numeric_limits<std::int64_t>::min());
        std::int64_t newestSeen = QDateTime::currentMSecsSinceEpoch();
        for (const audit::AuditRecord& r : rows)
            newestSeen = std::max(newestSeen, r.entry.time_ms);
        std::int64_t hi = newestSeen < std::numeric_limits<std::int64_t>::max() ? newestSeen + 1 : newestSeen;
        std::vector<audit::AuditRecord> fitting = probe(hi);
        if (fitting.size() > limit) {
            hi = std::numeric_limits<std::int64_t>::max();
            fitting = probe(hi);
        }
        if (fitting.size() > limit) {
            rows.resize(limit); // more than `limit` entries at the largest time there is: keep the oldest of them
        } else {
            // Gallop back from the newest end (the view usually needs the recent past only), then bisect.
            std::uint64_t step = 1000;
            while (distance(lo, hi) > step) {
                const std::int64_t mid = advance(lo, distance(lo, hi) - step);
                auto found = probe(mid);
                if (found.size() > limit) {
                    lo = mid;
                    break;
                }
                hi = mid;
                fitting = std::move(found);
                step = step <= std::numeric_limits<std::uint64_t>::max() / 2 ? step * 2 : step;
            }
            while (distance(lo, hi) > 1) {
                const std::int64_t mid = advance(lo, distance(lo, hi) / 2);
                auto found = probe(mid);
                if (found.size() > limit) {
                    lo = mid;
                } else {
                    hi = mid;
                    fitting = std::move(found);
                }
            }
            if (fitting.size() < limit) {
                // The millisecond `lo` alone holds the rest (one console appends at most a few entries per ms):
                // its newest entries fill the list up.
                audit::AuditQuery boundary = filter;
                boundary.from_ms = lo;
                boundary.to_ms = lo;
                boundary.limit.reset();
                auto more = log.query(boundary);
                const std::size_t take = std::min<std::size_t>(more.size(), limit - fitting.size());
                fitting.insert(fitting.end(), std::make_move_iterator(more.end() - static_cast<std::ptrdiff_t>(take)),
                               std::make_move_iterator(more.end()));
            }
            rows = std::move(fitting);
        }
    }
    std::sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) { return a.seq > b.seq; });
    return rows;
}

void AuditTableModel::reload()
{
    m_reloadTimer->stop();
    std::vector<audit::AuditRecord> fresh;
    bool cut = false;
    if (m_audit && m_audit->isOpen() && m_audit->log()) {
        try {
            fresh = queryNewest(*m_audit->log(), m_query, m_limit, &cut);
        } catch (const std::exception&) {
            fresh.clear(); // an unreadable file: the view says so through verify(), the table stays empty
            cut = false;
        }
    }
    m_cut = cut;

    // The usual change: entries appended by this console. They come first (descending seq); the rows shown before
    // follow unchanged, minus those pushed out at the bottom by the row limit. Anything else: reset.
    std::size_t added = 0;
    while (added < fresh.size() && (m_rows.empty() || fresh[added].seq > m_rows.front().seq))
        ++added;
    const std::size_t kept = fresh.size() - added;
    bool incremental = kept <= m_rows.size();
    for (std::size_t i = 0; incremental && i < kept; ++i)
        incremental = sameRecord(fresh[added + i], m_rows[i]);
    if (!incremental) {
        beginResetModel();
        m_rows = std::move(fresh);
        endResetModel();
    } else {
        if (kept < m_rows.size()) {
            beginRemoveRows({}, static_cast<int>(kept), static_cast<int>(m_rows.size()) - 1);
            m_rows.resize(kept);
            endRemoveRows();
        }
        if (added > 0) {
            beginInsertRows({}, 0, static_cast<int>(added) - 1);
            m_rows.insert(m_rows.begin(), std::make_move_iterator(fresh.begin()),
                          std::make_move_iterator(fresh.begin() + static_cast<std::ptrdiff_t>(added)));
            endInsertRows();
        }
    }
    emit reloaded();
}

const audit::AuditRecord* AuditTableModel::record(int row) const
{
    if (row < 0 || static_cast<std::size_t>(row) >= m_rows.size())
        return nullptr;
    return &m_rows[static_cast<std::size_t>(row)];
}

int AuditTableModel::rowOfSeq(std::uint64_t seq) const
{
    // Descending seq: binary search.
    const auto it = std::lower_bound(m_rows.begin(), m_rows.end(), seq,
                                     [](const audit::AuditRecord& r, std::uint64_t s) { return r.seq > s; });
    return it != m_rows.end() && it->seq == seq ? static_cast<int>(it - m_rows.begin()) : -1;
}

int AuditTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int AuditTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString AuditTableModel::timeText(std::int64_t timeMs)
{
    return QDateTime::fromMSecsSinceEpoch(timeMs).toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

QString AuditTableModel::prettyJson(const std::string& json)
{
    if (json.empty())
        return {};
    QJsonParseError error;
    const QJsonDocument doc =
        QJsonDocument::fromJson(QByteArray(json.data(), static_cast<qsizetype>(json.size())), &error);
    if (error.error != QJsonParseError::NoError || doc.isNull())
        return text(json); // a scalar or not JSON at all: shown as stored
    return QString::fromUtf8(doc.toJson(QJsonDocument::Indented)).trimmed();
}

QVariant AuditTableModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() < 0 || static_cast<std::size_t>(index.row()) >= m_rows.size()
        || index.column() < 0 || index.column() >= ColumnCount)
        return {};
    const audit::AuditRecord& record = m_rows[static_cast<std::size_t>(index.row())];
    const audit::AuditEntry& e = record.entry;
    const auto column = static_cast<Column>(index.column());
    const bool failed = isFailure(e);

    switch (role) {
    case SeqRole:
        return QVariant::fromValue<qulonglong>(record.seq);
    case FailedRole:
        return failed;
    case Qt::DisplayRole:
        switch (column) {
        case TimeCol:
            return timeText(e.time_ms);
        case ActionCol:
            return text(e.action);
        case GatewayCol:
            return e.gateway.empty() ? tr("(local)") : text(e.gateway);
        case TargetCol:
            return text(e.target);
        case ResultCol:
            return failed ? text(e.result) : tr("OK");
        case UserCol:
            return text(e.os_user);
        case ConsoleCol:
            return text(e.console_identity);
        case ColumnCount:
            break;
        }
        break;
    case SortRole:
        if (column == TimeCol)
            return QVariant::fromValue<qint64>(e.time_ms);
        return data(index, Qt::DisplayRole).toString().toLower();
    case ExportRole:
        switch (column) {
        case TimeCol:
            return QDateTime::fromMSecsSinceEpoch(e.time_ms, Qt::UTC).toString(Qt::ISODateWithMs);
        case GatewayCol:
            return text(e.gateway);
        case ResultCol:
            return text(e.result);
        default:
            return data(index, Qt::DisplayRole);
        }
    case Qt::ToolTipRole:
        switch (column) {
        case TimeCol:
            return tr("Entry #%1, %2 (UTC)")
                .arg(record.seq)
                .arg(QDateTime::fromMSecsSinceEpoch(e.time_ms, Qt::UTC).toString(Qt::ISODateWithMs));
        case ResultCol:
            return failed ? text(e.result) : tr("The action succeeded.");
        case GatewayCol:
            return e.gateway.empty() ? tr("An action of this console itself, not on a gateway.") : text(e.gateway);
        default:
            return data(index, Qt::DisplayRole);
        }
    case Qt::BackgroundRole:
        if (failed && column == ResultCol)
            return riskBackground(RiskBand::Critical, QApplication::palette());
        break;
    case Qt::ForegroundRole:
        if (column == ResultCol)
            return failed ? riskForeground(RiskBand::Critical, QApplication::palette())
                          : riskAccent(RiskBand::Low, QApplication::palette());
        if (failed && column == ActionCol)
            return riskAccent(RiskBand::Critical, QApplication::palette());
        break;
    case Qt::TextAlignmentRole:
        return QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter);
    default:
        break;
    }
    return {};
}

QVariant AuditTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TimeCol:
        return tr("Time");
    case ActionCol:
        return tr("Action");
    case GatewayCol:
        return tr("Gateway");
    case TargetCol:
        return tr("Target");
    case ResultCol:
        return tr("Result");
    case UserCol:
        return tr("User");
    case ConsoleCol:
        return tr("Console");
    default:
        break;
    }
    return {};
}

} // namespace modelguard::ui
