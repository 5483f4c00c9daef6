#pragma once
// Audit: the console's local, tamper-evident log of admin actions (ConsoleAudit). A filterable table (time range,
// action, gateway, result; the newest AuditTableModel::rowLimit() matching entries) with the selected entry's state
// before and after the action; verification of the whole chain and seal with a banner that names the first broken
// entry and selects it; export of the matching entries as JSON Lines or CSV; and "Save verification key…", which
// writes the log's key as hex (readable by the user only) for `modelguard-cli audit verify --key-file`, and records
// that export in the log itself (action "export_audit_key"; the key never).
// When the log is not open (no keychain, damaged key) the page says why and offers nothing but the reason.

#include "core/audit/AuditLog.h"

#include <QDateTime>
#include <QPointer>
#include <QStringList>
#include <QWidget>

#include <cstdint>

class QComboBox;
class QDateTimeEdit;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTableView;

namespace modelguard::client {
class ConsoleAudit;
} // namespace modelguard::client

namespace modelguard::ui {

class AuditTableModel;

class AuditPage : public QWidget
{
    Q_OBJECT
public:
    enum class TimeRange { All, LastHour, LastDay, LastWeek, Custom };
    enum class ExportFormat { JsonLines, Csv };

    /// The action recorded when the verification key is saved to a file.
    static constexpr const char* kExportKeyAction = "export_audit_key";

    /// `audit` must outlive the page (it is watched: a destroyed log leaves the page empty).
    explicit AuditPage(client::ConsoleAudit* audit, QWidget* parent = nullptr);

    // Filters: the same as choosing in the page's combo boxes; each re-reads the log.
    void setTimeRange(TimeRange range);
    /// Switches to a custom range; both bounds inclusive (to the second).
    void setCustomRange(const QDateTime& from, const QDateTime& to);
    /// Empty string: any action.
    void setActionFilter(const QString& action);
    /// Null string: any gateway; an empty (non-null) string: the console's own actions (no gateway).
    void setGatewayFilter(const QString& gateway);
    void setResultFilter(audit::AuditQuery::Result result);
    /// All time, any action, gateway and result.
    void clearFilters();
    /// The filters as a query (time presets relative to now; no limit).
    audit::AuditQuery currentQuery() const;
    /// The actions / gateways offered in the filter combos (seen in the log since the page was created).
    QStringList knownActions() const { return m_knownActions; }
    QStringList knownGateways() const { return m_knownGateways; }

    /// Verifies the whole log, shows the result in the banner and selects the first broken entry (clearing the
    /// filters if they hide it; for a deleted entry the one after the gap). Returns the report.
    audit::VerifyReport verify();
    /// The verification banner's text (empty before the first verify()).
    QString verifyBannerText() const;
    /// The banner shown while the log is not open (empty when it is).
    QString closedBannerText() const;

    /// Writes every entry matching the filters (not only the rows shown) to `path`, replacing it atomically. Returns
    /// the number of entries written, or -1 with *error set.
    qint64 exportTo(const QString& path, ExportFormat format, QString* error = nullptr);
    /// Writes the log's key as 64 hex digits and a newline to `path` (mode 0600) and records "export_audit_key"
    /// (target "file:<path>"), also when writing fails. Returns false with *error set on failure; a key file whose
    /// export could not be recorded is removed again.
    bool saveKeyTo(const QString& path, QString* error = nullptr);

    /// Re-reads the log with the current filters (also re-evaluates "last hour" etc.).
    void refresh();
    /// Selects the row of entry `seq`; false if it is not shown.
    bool selectSeq(std::uint64_t seq);
    /// The selected entry's seq, or 0.
    std::uint64_t selectedSeq() const;
    /// The detail pane's pretty-printed before / after JSON of the selected entry.
    QString beforeText() const;
    QString afterText() const;
    /// The line under the filters: how many entries are shown, and whether the list is cut.
    QString countText() const;

    AuditTableModel* model() const { return m_model; }
    QTableView* view() const { return m_view; }

public slots:
    /// Asks for a file (JSON Lines or CSV by the chosen filter) and exports; reports errors in a message box.
    void exportInteractive();
    /// Warns that the key lets anyone forge entries, asks for a file and saves the key there.
    void saveKeyInteractive();

private:
    void applyFilters();
    void updateOpenState();
    void updateKnownValues();
    void updateDetail();
    void updateCount();
    void showBanner(QLabel* banner, const QString& text, bool good);
    void setStatus(const QString& text);

    QPointer<client::ConsoleAudit> m_audit;
    AuditTableModel* m_model = nullptr;
    QComboBox* m_timeRange = nullptr;
    QDateTimeEdit* m_from = nullptr;
    QDateTimeEdit* m_to = nullptr;
    QComboBox* m_action = nullptr;
    QComboBox* m_gateway = nullptr;
    QComboBox* m_result = nullptr;
    QPushButton* m_reloadButton = nullptr;
    QPushButton* m_verifyButton = nullptr;
    QPushButton* m_exportButton = nullptr;
    QPushButton* m_saveKeyButton = nullptr;
    QLabel* m_closedBanner = nullptr;
    QLabel* m_verifyBanner = nullptr;
    QLabel* m_count = nullptr;
    QLabel* m_status = nullptr;
    QTableView* m_view = nullptr;
    QLabel* m_detailTitle = nullptr;
    QLabel* m_detailFacts = nullptr;
    QPlainTextEdit* m_before = nullptr;
    QPlainTextEdit* m_after = nullptr;
    QStringList m_knownActions;  ///< sorted
    QStringList m_knownGateways; ///< sorted; "" = the console's own actions
    bool m_updatingFilters = false;
};

} // namespace modelguard::ui
