#include "ui/AuditPage.h"

#include "client/ConsoleAudit.h"
#include "ui/AuditTableModel.h"
#include "ui/Theme.h"

#include <QComboBox>
#include <QDateTimeEdit>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QFontMetrics>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QJsonObject>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace modelguard::ui {

namespace {

constexpr qint64 kHourMs = 60LL * 60 * 1000;

QString bannerStyle(RiskBand band, const QPalette& palette, int unit)
{
    return QStringLiteral("QLabel { background: %1; color: %2; border-radius: %3px; padding: %4px; }")
        .arg(riskBackground(band, palette).name(), riskForeground(band, palette).name())
        .arg(unit / 2)
        .arg(unit);
}

QString problemText(audit::AuditProblem problem)
{
    switch (problem) {
    case audit::AuditProblem::None:
        return AuditPage::tr("intact");
    case audit::AuditProblem::Altered:
        return AuditPage::tr("altered");
    case audit::AuditProblem::Deleted:
        return AuditPage::tr("deleted");
    case audit::AuditProblem::Reordered:
        return AuditPage::tr("reordered");
    case audit::AuditProblem::Forged:
        return AuditPage::tr("forged");
    case audit::AuditProblem::WrongKey:
        return AuditPage::tr("wrong key");
    case audit::AuditProblem::HeadMismatch:
        return AuditPage::tr("head mismatch");
    }
    return {};
}

/// What a problem usually means, for the banner's tool tip.
QString problemExplanation(audit::AuditProblem problem)
{
    switch (problem) {
    case audit::AuditProblem::None:
        break;
    case audit::AuditProblem::Altered:
        return AuditPage::tr("An entry's content no longer matches its hash: it was edited after it was written.");
    case audit::AuditProblem::Deleted:
        return AuditPage::tr("Entries are missing: removed from the middle, the start or the end of the log.");
    case audit::AuditProblem::Reordered:
        return AuditPage::tr("Entries are out of their recorded order: an entry links to a different predecessor.");
    case audit::AuditProblem::Forged:
        return AuditPage::tr("An entry (or the log's head) is not sealed with this console's key: it was inserted or "
                             "rewritten by someone without the key.");
    case audit::AuditProblem::WrongKey:
        return AuditPage::tr("Nothing verifies with the key in the keychain: the key is not this log's, or the whole "
                             "log was re-keyed.");
    case audit::AuditProblem::HeadMismatch:
        return AuditPage::tr("Every entry verifies, but the log's head is missing, rolled back or points elsewhere.");
    }
    return {};
}

std::filesystem::path localPath(const QString& path)
{
    return std::filesystem::path(QFile::encodeName(path).toStdString());
}

QString withExtension(QString path, const QString& extension)
{
    if (QFileInfo(path).suffix().isEmpty())
        path += QLatin1Char('.') + extension;
    return path;
}

} // namespace

AuditPage::AuditPage(client::ConsoleAudit* audit, QWidget* parent)
    : QWidget(parent)
    , m_audit(audit)
{
    setObjectName(QStringLiteral("auditPage"));
    const int unit = spacingUnit(this);
    const int charWidth = fontMetrics().horizontalAdvance(QLatin1Char('0'));
    m_model = new AuditTableModel(audit, this);

    // Filters.
    m_timeRange = new QComboBox(this);
    m_timeRange->setObjectName(QStringLiteral("auditTimeRange"));
    m_timeRange->addItem(tr("All time"), static_cast<int>(TimeRange::All));
    m_timeRange->addItem(tr("Last hour"), static_cast<int>(TimeRange::LastHour));
    m_timeRange->addItem(tr("Last 24 hours"), static_cast<int>(TimeRange::LastDay));
    m_timeRange->addItem(tr("Last 7 days"), static_cast<int>(TimeRange::LastWeek));
    m_timeRange->addItem(tr("Custom range"), static_cast<int>(TimeRange::Custom));
    m_timeRange->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    const QString dateFormat = QStringLiteral("yyyy-MM-dd HH:mm:ss");
    const QDateTime now = QDateTime::currentDateTime();
    m_from = new QDateTimeEdit(now.addDays(-1), this);
    m_from->setObjectName(QStringLiteral("auditFrom"));
    m_to = new QDateTimeEdit(now.addSecs(3600), this);
    m_to->setObjectName(QStringLiteral("auditTo"));
    for (QDateTimeEdit* edit : {m_from, m_to}) {
        edit->setDisplayFormat(dateFormat);
        edit->setCalendarPopup(true);
        edit->setEnabled(false);
        edit->setMinimumWidth(fontMetrics().horizontalAdvance(dateFormat) + charWidth * 6);
    }
    m_action = new QComboBox(this);
    m_action->setObjectName(QStringLiteral("auditActionFilter"));
    m_gateway = new QComboBox(this);
    m_gateway->setObjectName(QStringLiteral("auditGatewayFilter"));
    for (QComboBox* combo : {m_action, m_gateway}) {
        combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        combo->setMinimumContentsLength(18);
    }
    m_action->addItem(tr("Any action"));
    m_gateway->addItem(tr("Any gateway"));
    m_result = new QComboBox(this);
    m_result->setObjectName(QStringLiteral("auditResultFilter"));
    m_result->addItem(tr("Any result"), static_cast<int>(audit::AuditQuery::Result::Any));
    m_result->addItem(tr("Succeeded"), static_cast<int>(audit::AuditQuery::Result::Ok));
    m_result->addItem(tr("Failed"), static_cast<int>(audit::AuditQuery::Result::Failed));
    m_result->setSizeAdjustPolicy(QComboBox::AdjustToContents);

    auto* filters = new QGridLayout();
    filters->setHorizontalSpacing(unit);
    filters->setVerticalSpacing(unit);
    filters->addWidget(new QLabel(tr("Time:"), this), 0, 0);
    filters->addWidget(m_timeRange, 0, 1);
    filters->addWidget(new QLabel(tr("From:"), this), 0, 2);
    filters->addWidget(m_from, 0, 3);
    filters->addWidget(new QLabel(tr("To:"), this), 0, 4);
    filters->addWidget(m_to, 0, 5);
    filters->addWidget(new QLabel(tr("Action:"), this), 1, 0);
    filters->addWidget(m_action, 1, 1);
    filters->addWidget(new QLabel(tr("Gateway:"), this), 1, 2);
    filters->addWidget(m_gateway, 1, 3);
    filters->addWidget(new QLabel(tr("Result:"), this), 1, 4);
    filters->addWidget(m_result, 1, 5);
    filters->setColumnStretch(6, 1);

    // Actions.
    m_reloadButton = new QPushButton(tr("Reload"), this);
    m_reloadButton->setObjectName(QStringLiteral("auditReloadButton"));
    m_reloadButton->setToolTip(tr("Read the log again (entries of other console instances appear)."));
    m_verifyButton = new QPushButton(tr("Verify"), this);
    m_verifyButton->setObjectName(QStringLiteral("auditVerifyButton"));
    m_verifyButton->setToolTip(tr("Check every entry's hash chain and seal, and the log's head."));
    m_exportButton = new QPushButton(tr("Export…"), this);
    m_exportButton->setObjectName(QStringLiteral("auditExportButton"));
    m_exportButton->setToolTip(tr("Save the entries matching the filters as JSON Lines or CSV."));
    m_saveKeyButton = new QPushButton(tr("Save verification key…"), this);
    m_saveKeyButton->setObjectName(QStringLiteral("auditSaveKeyButton"));
    m_saveKeyButton->setToolTip(tr("Write the log's key to a file for 'modelguard-cli audit verify --key-file'."));
    m_count = new QLabel(this);
    m_count->setObjectName(QStringLiteral("auditCount"));
    m_count->setWordWrap(true);
    auto* actions = new QHBoxLayout();
    actions->setSpacing(unit);
    actions->addWidget(m_reloadButton);
    actions->addWidget(m_verifyButton);
    actions->addWidget(m_exportButton);
    actions->addWidget(m_saveKeyButton);
    actions->addWidget(m_count, 1);

    // Banners and the status line.
    m_closedBanner = new QLabel(this);
    m_closedBanner->setObjectName(QStringLiteral("auditClosedBanner"));
    m_verifyBanner = new QLabel(this);
    m_verifyBanner->setObjectName(QStringLiteral("auditVerifyBanner"));
    for (QLabel* banner : {m_closedBanner, m_verifyBanner}) {
        banner->setWordWrap(true);
        banner->setTextInteractionFlags(Qt::TextSelectableByMouse);
        banner->hide();
    }
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("auditStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->hide();

    // Table.
    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("auditView"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->verticalHeader()->setVisible(false);
    m_view->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + unit);
    QHeaderView* header = m_view->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setStretchLastSection(true);
    // Initial widths from the font: room for typical content and the header text.
    const int widths[AuditTableModel::ColumnCount] = {20, 18, 18, 18, 14, 10, 24};
    for (int c = 0; c < AuditTableModel::ColumnCount; ++c) {
        const int headerWidth =
            fontMetrics().horizontalAdvance(m_model->headerData(c, Qt::Horizontal).toString()) + charWidth * 4;
        m_view->setColumnWidth(c, std::max(widths[c] * charWidth, headerWidth));
    }

    // Detail pane: the selected entry, its state before and after, side by side.
    auto* detail = new QWidget(this);
    auto* detailLayout = new QVBoxLayout(detail);
    detailLayout->setContentsMargins(0, unit, 0, 0);
    detailLayout->setSpacing(unit);
    m_detailTitle = new QLabel(detail);
    m_detailTitle->setObjectName(QStringLiteral("auditDetailTitle"));
    QFont titleFont = font();
    titleFont.setBold(true);
    m_detailTitle->setFont(titleFont);
    m_detailTitle->setWordWrap(true);
    m_detailTitle->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_detailFacts = new QLabel(detail);
    m_detailFacts->setObjectName(QStringLiteral("auditDetailFacts"));
    m_detailFacts->setWordWrap(true);
    m_detailFacts->setTextInteractionFlags(Qt::TextSelectableByMouse);
    const QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    auto makeJsonPane = [&](const QString& title, const QString& name, QPlainTextEdit** edit) {
        auto* pane = new QWidget(detail);
        auto* layout = new QVBoxLayout(pane);
        layout->setContentsMargins(0, 0, 0, 0);
        layout->setSpacing(unit / 2);
        auto* label = new QLabel(title, pane);
        label->setFont(titleFont);
        *edit = new QPlainTextEdit(pane);
        (*edit)->setObjectName(name);
        (*edit)->setReadOnly(true);
        (*edit)->setFont(fixed);
        (*edit)->setLineWrapMode(QPlainTextEdit::NoWrap);
        (*edit)->setMinimumSize(charWidth * 30, QFontMetrics(fixed).height() * 5);
        layout->addWidget(label);
        layout->addWidget(*edit, 1);
        return pane;
    };
    auto* jsonSplitter = new QSplitter(Qt::Horizontal, detail);
    jsonSplitter->setChildrenCollapsible(false);
    jsonSplitter->addWidget(makeJsonPane(tr("Before"), QStringLiteral("auditBefore"), &m_before));
    jsonSplitter->addWidget(makeJsonPane(tr("After"), QStringLiteral("auditAfter"), &m_after));
    detailLayout->addWidget(m_detailTitle);
    detailLayout->addWidget(m_detailFacts);
    detailLayout->addWidget(jsonSplitter, 1);

    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->setObjectName(QStringLiteral("auditSplitter"));
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(m_view);
    splitter->addWidget(detail);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(unit * 2, unit * 2, unit * 2, unit * 2);
    layout->setSpacing(unit);
    layout->addWidget(m_closedBanner);
    layout->addLayout(filters);
    layout->addLayout(actions);
    layout->addWidget(m_verifyBanner);
    layout->addWidget(m_status);
    layout->addWidget(splitter, 1);

    // Wiring.
    connect(m_timeRange, &QComboBox::currentIndexChanged, this, [this] {
        const bool custom = static_cast<TimeRange>(m_timeRange->currentData().toInt()) == TimeRange::Custom;
        m_from->setEnabled(custom);
        m_to->setEnabled(custom);
        applyFilters();
    });
    connect(m_from, &QDateTimeEdit::dateTimeChanged, this, &AuditPage::applyFilters);
    connect(m_to, &QDateTimeEdit::dateTimeChanged, this, &AuditPage::applyFilters);
    connect(m_action, &QComboBox::currentIndexChanged, this, &AuditPage::applyFilters);
    connect(m_gateway, &QComboBox::currentIndexChanged, this, &AuditPage::applyFilters);
    connect(m_result, &QComboBox::currentIndexChanged, this, &AuditPage::applyFilters);
    connect(m_reloadButton, &QPushButton::clicked, this, &AuditPage::refresh);
    connect(m_verifyButton, &QPushButton::clicked, this, [this] { verify(); });
    connect(m_exportButton, &QPushButton::clicked, this, &AuditPage::exportInteractive);
    connect(m_saveKeyButton, &QPushButton::clicked, this, &AuditPage::saveKeyInteractive);
    connect(m_model, &AuditTableModel::reloaded, this, [this] {
        updateKnownValues();
        updateCount();
        updateDetail();
    });
    connect(m_model, &QAbstractItemModel::modelReset, this, &AuditPage::updateDetail);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &AuditPage::updateDetail);
    if (m_audit)
        connect(m_audit, &client::ConsoleAudit::openChanged, this, &AuditPage::updateOpenState);

    updateOpenState();
    updateKnownValues();
    updateCount();
    updateDetail();
}

// ---- Filters -------------------------------------------------------------------------------------------------------

audit::AuditQuery AuditPage::currentQuery() const
{
    audit::AuditQuery q;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    switch (static_cast<TimeRange>(m_timeRange->currentData().toInt())) {
    case TimeRange::All:
        break;
    case TimeRange::LastHour:
        q.from_ms = now - kHourMs;
        break;
    case TimeRange::LastDay:
        q.from_ms = now - 24 * kHourMs;
        break;
    case TimeRange::LastWeek:
        q.from_ms = now - 7 * 24 * kHourMs;
        break;
    case TimeRange::Custom:
        // Whole seconds, both ends inclusive.
        q.from_ms = m_from->dateTime().toSecsSinceEpoch() * 1000;
        q.to_ms = m_to->dateTime().toSecsSinceEpoch() * 1000 + 999;
        break;
    }
    if (const QVariant action = m_action->currentData(); action.isValid())
        q.action = action.toString().toStdString();
    if (const QVariant gateway = m_gateway->currentData(); gateway.isValid())
        q.gateway = gateway.toString().toStdString();
    q.result = static_cast<audit::AuditQuery::Result>(m_result->currentData().toInt());
    return q;
}

void AuditPage::applyFilters()
{
    if (m_updatingFilters)
        return;
    m_model->setQuery(currentQuery());
}

void AuditPage::refresh()
{
    applyFilters();
}

void AuditPage::setTimeRange(TimeRange range)
{
    m_timeRange->setCurrentIndex(m_timeRange->findData(static_cast<int>(range)));
}

void AuditPage::setCustomRange(const QDateTime& from, const QDateTime& to)
{
    m_updatingFilters = true;
    m_from->setDateTime(from);
    m_to->setDateTime(to);
    m_updatingFilters = false;
    if (m_timeRange->currentData().toInt() == static_cast<int>(TimeRange::Custom))
        applyFilters();
    else
        setTimeRange(TimeRange::Custom);
}

void AuditPage::setActionFilter(const QString& action)
{
    if (action.isEmpty()) {
        m_action->setCurrentIndex(0);
        return;
    }
    int index = m_action->findData(action);
    if (index < 0) {
        m_action->addItem(action, action); // not seen yet: offered anyway, so that the filter can be set
        index = m_action->count() - 1;
    }
    m_action->setCurrentIndex(index);
}

void AuditPage::setGatewayFilter(const QString& gateway)
{
    if (gateway.isNull()) {
        m_gateway->setCurrentIndex(0);
        return;
    }
    int index = m_gateway->findData(gateway);
    if (index < 0) {
        m_gateway->addItem(gateway.isEmpty() ? tr("(local)") : gateway, gateway);
        index = m_gateway->count() - 1;
    }
    m_gateway->setCurrentIndex(index);
}

void AuditPage::setResultFilter(audit::AuditQuery::Result result)
{
    m_result->setCurrentIndex(m_result->findData(static_cast<int>(result)));
}

void AuditPage::clearFilters()
{
    m_updatingFilters = true;
    m_timeRange->setCurrentIndex(0);
    m_action->setCurrentIndex(0);
    m_gateway->setCurrentIndex(0);
    m_result->setCurrentIndex(0);
    m_updatingFilters = false;
    applyFilters();
}

void AuditPage::updateKnownValues()
{
    QStringList actions = m_knownActions;
    QStringList gateways = m_knownGateways;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const audit::AuditRecord* r = m_model->record(row);
        const QString action = QString::fromStdString(r->entry.action);
        const QString gateway = QString::fromStdString(r->entry.gateway);
        if (!actions.contains(action))
            actions.append(action);
        if (!gateways.contains(gateway))
            gateways.append(gateway);
    }
    actions.sort(Qt::CaseInsensitive);
    gateways.sort(Qt::CaseInsensitive);
    if (actions == m_knownActions && gateways == m_knownGateways)
        return;
    m_knownActions = actions;
    m_knownGateways = gateways;

    // Rebuild both combos, keeping the current choice (signals blocked: the filters do not change).
    const auto rebuild = [this](QComboBox* combo, const QStringList& values, const QString& anyText) {
        const QVariant current = combo->currentData();
        const QSignalBlocker blocker(combo);
        combo->clear();
        combo->addItem(anyText);
        for (const QString& value : values)
            combo->addItem(value.isEmpty() ? tr("(local)") : value, value);
        if (current.isValid() && combo->findData(current) < 0)
            combo->addItem(current.toString().isEmpty() ? tr("(local)") : current.toString(), current);
        combo->setCurrentIndex(current.isValid() ? combo->findData(current) : 0);
    };
    rebuild(m_action, m_knownActions, tr("Any action"));
    rebuild(m_gateway, m_knownGateways, tr("Any gateway"));
}

// ---- State, count, detail ------------------------------------------------------------------------------------------

void AuditPage::showBanner(QLabel* banner, const QString& text, bool good)
{
    banner->setText(text);
    banner->setStyleSheet(bannerStyle(good ? RiskBand::Low : RiskBand::Critical, palette(), spacingUnit(this)));
    banner->show();
}

void AuditPage::setStatus(const QString& text)
{
    m_status->setText(text);
    m_status->setVisible(!text.isEmpty());
}

void AuditPage::updateOpenState()
{
    const bool open = m_audit && m_audit->isOpen();
    if (open) {
        m_closedBanner->clear();
        m_closedBanner->hide();
    } else {
        const QString reason = m_audit ? m_audit->error() : tr("This console has no audit log.");
        showBanner(m_closedBanner, tr("The audit log is not available: %1").arg(reason), false);
        m_verifyBanner->hide();
    }
    for (QWidget* w : {static_cast<QWidget*>(m_verifyButton), static_cast<QWidget*>(m_exportButton),
                       static_cast<QWidget*>(m_saveKeyButton), static_cast<QWidget*>(m_reloadButton)})
        w->setEnabled(open);
    const QString why = open ? QString() : tr("The audit log is not open.");
    m_verifyButton->setToolTip(open ? tr("Check every entry's hash chain and seal, and the log's head.") : why);
    m_model->reload();
}

void AuditPage::updateCount()
{
    const int rows = m_model->rowCount();
    if (m_model->isCut()) {
        m_count->setText(tr("Showing the newest %n matching entries; older ones are not listed (narrow the time "
                            "range to see them).",
                            nullptr, rows));
    } else {
        m_count->setText(tr("%n entries", nullptr, rows));
    }
}

QString AuditPage::countText() const
{
    return m_count->text();
}

std::uint64_t AuditPage::selectedSeq() const
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return 0;
    const audit::AuditRecord* r = m_model->record(rows.first().row());
    return r ? r->seq : 0;
}

bool AuditPage::selectSeq(std::uint64_t seq)
{
    const int row = m_model->rowOfSeq(seq);
    if (row < 0)
        return false;
    const QModelIndex index = m_model->index(row, 0);
    m_view->selectionModel()->select(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_view->setCurrentIndex(index);
    m_view->scrollTo(index);
    return true;
}

void AuditPage::updateDetail()
{
    const std::uint64_t seq = selectedSeq();
    const int row = seq == 0 ? -1 : m_model->rowOfSeq(seq);
    const audit::AuditRecord* r = m_model->record(row);
    if (!r) {
        m_detailTitle->setText(tr("Select an entry to see the state before and after the action."));
        m_detailFacts->clear();
        m_before->clear();
        m_after->clear();
        m_before->setPlaceholderText(QString());
        m_after->setPlaceholderText(QString());
        return;
    }
    const audit::AuditEntry& e = r->entry;
    const QString result = e.result == audit::kResultOk ? tr("succeeded") : QString::fromStdString(e.result);
    const QString gateway = e.gateway.empty() ? tr("this console") : QString::fromStdString(e.gateway);
    m_detailTitle->setText(tr("Entry #%1 · %2 · %3 %4 on %5: %6")
                               .arg(r->seq)
                               .arg(AuditTableModel::timeText(e.time_ms), QString::fromStdString(e.action),
                                    QString::fromStdString(e.target), gateway, result));
    m_detailFacts->setText(tr("By %1 (%2) · hash %3…")
                               .arg(QString::fromStdString(e.os_user), QString::fromStdString(e.console_identity),
                                    QString::fromStdString(r->hash.substr(0, 16))));
    m_before->setPlainText(AuditTableModel::prettyJson(e.before_json));
    m_after->setPlainText(AuditTableModel::prettyJson(e.after_json));
    m_before->setPlaceholderText(tr("(nothing recorded)"));
    m_after->setPlaceholderText(tr("(nothing recorded)"));
}

QString AuditPage::beforeText() const
{
    return m_before->toPlainText();
}

QString AuditPage::afterText() const
{
    return m_after->toPlainText();
}

QString AuditPage::verifyBannerText() const
{
    return m_verifyBanner->isHidden() ? QString() : m_verifyBanner->text();
}

QString AuditPage::closedBannerText() const
{
    return m_closedBanner->isHidden() ? QString() : m_closedBanner->text();
}

// ---- Verify
// ----------------------------------------------------------------------------------------------------------

audit::VerifyReport AuditPage::verify()
{
    setStatus(QString());
    if (!m_audit) {
        audit::VerifyReport none;
        none.problem = audit::AuditProblem::WrongKey;
        none.detail = tr("This console has no audit log.").toStdString();
        return none;
    }
    const audit::VerifyReport report = m_audit->verify();
    m_verifyBanner->setToolTip(problemExplanation(report.problem));
    if (!m_audit->isOpen()) {
        updateOpenState();
        return report;
    }
    m_model->reload(); // show what was verified (rows may have been changed behind the console's back)
    if (report.intact()) {
        showBanner(m_verifyBanner,
                   tr("Intact: %n entries, chain and seal verified.", nullptr, static_cast<int>(report.entries)), true);
        return report;
    }
    const QString detail = QString::fromStdString(report.detail);
    showBanner(m_verifyBanner,
               report.seq > 0
                   ? tr("Broken at entry #%1: %2 — %3").arg(report.seq).arg(problemText(report.problem), detail)
                   : tr("Broken: %1 — %2").arg(problemText(report.problem), detail),
               false);
    if (report.seq == 0)
        return report;
    // Select the broken entry; if the filters hide it, show everything. A deleted entry has no row: select the
    // entry after the gap (or, at the end of the log, the one before it).
    const auto nearestRow = [this](std::uint64_t seq) {
        int after = -1;
        int before = -1;
        for (int row = 0; row < m_model->rowCount(); ++row) { // descending seq
            const std::uint64_t s = m_model->record(row)->seq;
            if (s == seq)
                return row;
            if (s > seq)
                after = row;
            else if (before < 0)
                before = row;
        }
        return after >= 0 ? after : before;
    };
    int row = m_model->rowOfSeq(report.seq);
    if (row < 0) {
        clearFilters();
        row = nearestRow(report.seq);
    }
    if (row >= 0)
        selectSeq(m_model->record(row)->seq);
    return report;
}

// ---- Export --------------------------------------------------------------------------------------------------------

qint64 AuditPage::exportTo(const QString& path, ExportFormat format, QString* error)
{
    const auto fail = [error](const QString& message) {
        if (error)
            *error = message;
        return qint64 {-1};
    };
    if (!m_audit || !m_audit->isOpen() || !m_audit->log())
        return fail(tr("The audit log is not open: there is nothing to export."));
    if (path.isEmpty())
        return fail(tr("No file name was given."));
    // Write next to the target and rename over it: a failed export never leaves half a file under the name.
    const std::filesystem::path target = localPath(path);
    std::filesystem::path partial = target;
    partial += ".part";
    std::uint64_t written = 0;
    try {
        std::ofstream out(partial, std::ios::binary | std::ios::trunc);
        if (!out)
            return fail(tr("Cannot write %1: %2").arg(path, QString::fromLocal8Bit(std::strerror(errno))));
        const audit::AuditQuery q = currentQuery();
        written =
            format == ExportFormat::Csv ? m_audit->log()->exportCsv(out, q) : m_audit->log()->exportJsonLines(out, q);
        out.flush();
        if (!out) {
            std::error_code ignored;
            std::filesystem::remove(partial, ignored);
            return fail(tr("Cannot write %1 (disk full?).").arg(path));
        }
    } catch (const std::exception& e) {
        std::error_code ignored;
        std::filesystem::remove(partial, ignored);
        return fail(tr("The export failed: %1").arg(QString::fromStdString(e.what())));
    }
    std::error_code ec;
    std::filesystem::rename(partial, target, ec);
    if (ec) {
        std::error_code ignored;
        std::filesystem::remove(partial, ignored);
        return fail(tr("Cannot write %1: %2").arg(path, QString::fromStdString(ec.message())));
    }
    return static_cast<qint64>(written);
}

void AuditPage::exportInteractive()
{
    const QString jsonFilter = tr("JSON Lines (*.jsonl)");
    const QString csvFilter = tr("CSV files (*.csv)");
    const QString stamp = QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmm"));
    QString chosenFilter = jsonFilter;
    QString path = QFileDialog::getSaveFileName(
        this, tr("Export audit log"), QDir::home().filePath(QStringLiteral("modelguard-audit-%1.jsonl").arg(stamp)),
        jsonFilter + QStringLiteral(";;") + csvFilter, &chosenFilter);
    if (path.isEmpty())
        return;
    const QString suffix = QFileInfo(path).suffix().toLower();
    const ExportFormat format = suffix == QLatin1String("csv") || (suffix.isEmpty() && chosenFilter == csvFilter)
                                    ? ExportFormat::Csv
                                    : ExportFormat::JsonLines;
    path = withExtension(path, format == ExportFormat::Csv ? QStringLiteral("csv") : QStringLiteral("jsonl"));
    QString error;
    const qint64 written = exportTo(path, format, &error);
    if (written < 0) {
        QMessageBox::warning(this, tr("Export audit log"), error);
        return;
    }
    setStatus(tr("Exported %n entries to %1.", nullptr, static_cast<int>(written)).arg(path));
}

// ---- Verification key ----------------------------------------------------------------------------------------------

bool AuditPage::saveKeyTo(const QString& path, QString* error)
{
    const auto fail = [error](const QString& message) {
        if (error)
            *error = message;
        return false;
    };
    if (!m_audit || !m_audit->isOpen())
        return fail(tr("The audit log is not open: its key is not available."));
    if (path.isEmpty())
        return fail(tr("No file name was given."));
    const QString target = QStringLiteral("file:%1").arg(path);
    const QJsonObject after {{QStringLiteral("file"), path}, {QStringLiteral("format"), QStringLiteral("hex")}};
    const QByteArray contents = m_audit->keyHex().toLatin1() + '\n';

    // Created readable by the owner only; an existing file is truncated and its mode tightened first.
    QString problem;
    const QByteArray local = QFile::encodeName(path);
    const int fd = ::open(local.constData(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (fd < 0) {
        problem = QString::fromLocal8Bit(std::strerror(errno));
    } else {
        if (::fchmod(fd, 0600) != 0)
            problem = QString::fromLocal8Bit(std::strerror(errno));
        qsizetype done = 0;
        while (problem.isEmpty() && done < contents.size()) {
            const ssize_t n =
                ::write(fd, contents.constData() + done, static_cast<std::size_t>(contents.size() - done));
            if (n < 0 && errno == EINTR)
                continue;
            if (n <= 0)
                problem = QString::fromLocal8Bit(std::strerror(errno));
            else
                done += n;
        }
        if (::close(fd) != 0 && problem.isEmpty())
            problem = QString::fromLocal8Bit(std::strerror(errno));
        if (!problem.isEmpty())
            ::unlink(local.constData());
    }

    const QString action = QString::fromLatin1(kExportKeyAction);
    const QString result = problem.isEmpty() ? QStringLiteral("ok") : QStringLiteral("failed: %1").arg(problem);
    const quint64 seq = m_audit->record(action, QString(), target, QJsonValue::Undefined, after, result);
    if (!problem.isEmpty())
        return fail(tr("Cannot write the key to %1: %2").arg(path, problem));
    if (seq == 0) {
        ::unlink(local.constData());
        return fail(tr("The key export could not be recorded in the audit log, so the key file was removed again: %1")
                        .arg(m_audit->error()));
    }
    return true;
}

void AuditPage::saveKeyInteractive()
{
    QMessageBox warning(QMessageBox::Warning, tr("Save verification key"),
                        tr("The verification key lets anyone who has it forge audit entries that verify as genuine."),
                        QMessageBox::Save | QMessageBox::Cancel, this);
    warning.setInformativeText(
        tr("Keep the file where only you can read it (it is written with permissions for you alone), use it for "
           "'modelguard-cli audit verify --key-file', and delete it when done. The export is recorded in the audit "
           "log."));
    warning.setDefaultButton(QMessageBox::Cancel);
    if (warning.exec() != QMessageBox::Save)
        return;
    const QString path = QFileDialog::getSaveFileName(this, tr("Save verification key"),
                                                      QDir::home().filePath(QStringLiteral("modelguard-audit.key")),
                                                      tr("Key files (*.key);;All files (*)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!saveKeyTo(path, &error)) {
        QMessageBox::warning(this, tr("Save verification key"), error);
        return;
    }
    setStatus(tr("Key saved to %1 (readable by you only). Verify the log with: modelguard-cli audit verify %2 "
                 "--key-file %1")
                  .arg(path, m_audit->path()));
}

} // namespace modelguard::ui
