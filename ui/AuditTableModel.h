#pragma once
// Table model of the console's local audit log (ConsoleAudit): one row per entry matching an AuditQuery, newest
// first, at most rowLimit() rows (the newest matching ones; isCut() says when older matching entries are left out).
// Refreshes itself when the console records an entry (ConsoleAudit::appended, coalesced into one re-read per event
// loop turn): new entries are inserted at the top, so that selection and scroll position survive; any other change
// of the stored rows (another console's entries, tampering) resets the model.
// Thread: the GUI thread. The ConsoleAudit is watched through a QPointer: once it is gone the model reads nothing.

#include "client/ConsoleAudit.h"
#include "core/audit/AuditLog.h"

#include <QAbstractTableModel>
#include <QPointer>
#include <QString>

#include <cstdint>
#include <vector>

class QTimer;

namespace modelguard::ui {

class AuditTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { TimeCol, ActionCol, GatewayCol, TargetCol, ResultCol, UserCol, ConsoleCol, ColumnCount };

    /// Roles beyond ui/ItemRoles.h (which this model also serves: SortRole, ExportRole).
    enum Role : int {
        SeqRole = Qt::UserRole + 64, ///< the entry's seq (qulonglong)
        FailedRole,                  ///< the result is not "ok" (bool)
    };

    static constexpr std::uint64_t kDefaultRowLimit = 10'000;

    explicit AuditTableModel(client::ConsoleAudit* audit, QObject* parent = nullptr);

    /// Sets the filters (their `limit` is ignored: rowLimit() applies) and re-reads the log.
    void setQuery(const audit::AuditQuery& query);
    const audit::AuditQuery& query() const { return m_query; }
    /// At most this many rows (the newest matching entries); re-reads the log. At least 1.
    void setRowLimit(std::uint64_t limit);
    std::uint64_t rowLimit() const { return m_limit; }
    /// True when more entries match than rowLimit(): the oldest matching ones are not shown.
    bool isCut() const { return m_cut; }

    /// Re-reads the log with the current query (nothing when the log is not open: the model is then empty).
    void reload();

    /// The record shown in `row` (0 = newest), or nullptr.
    const audit::AuditRecord* record(int row) const;
    /// The row showing entry `seq`, or -1.
    int rowOfSeq(std::uint64_t seq) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /// The newest (by time) `limit` records matching `filter`, in descending seq order; *cut is set when more match.
    /// AuditLog::query's limit keeps the oldest records, so for a cut list this narrows the time range (galloping,
    /// then bisecting, with queries capped at limit + 1 rows): a few dozen bounded queries, only for big logs.
    static std::vector<audit::AuditRecord> queryNewest(const audit::AuditLog& log, audit::AuditQuery filter,
                                                       std::uint64_t limit, bool* cut);
    /// A JSON text pretty-printed with two-space indentation; text that is not a JSON object or array as it is.
    static QString prettyJson(const std::string& json);
    /// Local time of an entry, "yyyy-MM-dd HH:mm:ss".
    static QString timeText(std::int64_t timeMs);

signals:
    /// After every re-read (rows may or may not have changed).
    void reloaded();

private:
    void scheduleReload();

    QPointer<client::ConsoleAudit> m_audit;
    audit::AuditQuery m_query;
    std::uint64_t m_limit = kDefaultRowLimit;
    bool m_cut = false;
    std::vector<audit::AuditRecord> m_rows; ///< descending seq
    QTimer* m_reloadTimer = nullptr;
};

} // namespace modelguard::ui
