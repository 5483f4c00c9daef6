#include "ui/ClientsPage.h"

#include "client/ConnectionManager.h"
#include "client/FleetStore.h"
#include "ui/ClientTableModel.h"
#include "ui/CsvExport.h"
#include "ui/ItemRoles.h"
#include "ui/Theme.h"
#include "ui/TimeSeriesChart.h"

#include <QDateTime>
#include <QDateTimeAxis>
#include <QDir>
#include <QFileDialog>
#include <QFrame>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollArea>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace modelguard::ui {

namespace {

constexpr qint64 kWindowMs = 15 * 60 * 1000;

QString badgeStyle(RiskBand band, const QPalette& palette, int padding)
{
    return QStringLiteral("QLabel { background: %1; color: %2; border-radius: %3px; padding: %3px %4px; }")
        .arg(riskBackground(band, palette).name(), riskForeground(band, palette).name())
        .arg(padding / 2)
        .arg(padding);
}

} // namespace

ClientsPage::ClientsPage(client::ConnectionManager* connections, client::FleetStore* store, QWidget* parent)
    : QWidget(parent)
    , m_connections(connections)
    , m_store(store)
{
    const int unit = spacingUnit(this);
    m_model = new ClientTableModel(this);
    m_proxy = new QSortFilterProxyModel(this);
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(SortRole);
    m_proxy->setFilterKeyColumn(-1);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setDynamicSortFilter(true);

    // Tool row.
    m_filter = new QLineEdit(this);
    m_filter->setObjectName(QStringLiteral("clientFilter"));
    m_filter->setPlaceholderText(tr("Filter by client, gateway, key prefix or action (Ctrl+F)"));
    m_filter->setClearButtonEnabled(true);
    m_count = new QLabel(this);
    auto* exportButton = new QPushButton(tr("Export CSV…"), this);
    exportButton->setObjectName(QStringLiteral("exportCsvButton"));
    auto* tools = new QHBoxLayout();
    tools->setSpacing(unit);
    tools->addWidget(m_filter, 1);
    tools->addWidget(m_count);
    tools->addWidget(exportButton);

    // Table.
    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("clientsView"));
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(ClientTableModel::RiskCol, Qt::DescendingOrder);
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
    const int charWidth = fontMetrics().horizontalAdvance(QLatin1Char('0'));
    // Initial widths from the font: room for typical content, the header text and the sort indicator.
    const int widths[ClientTableModel::ColumnCount] = {14, 8, 14, 7, 8, 7, 4, 13, 9};
    for (int c = 0; c < ClientTableModel::ColumnCount; ++c) {
        const int headerWidth =
            fontMetrics().horizontalAdvance(m_model->headerData(c, Qt::Horizontal).toString()) + charWidth * 5;
        m_view->setColumnWidth(c, std::max(widths[c] * charWidth, headerWidth));
    }

    auto* left = new QWidget(this);
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->setSpacing(unit);
    leftLayout->addLayout(tools);
    leftLayout->addWidget(m_view, 1);

    // Detail pane.
    m_detailStack = new QStackedWidget(this);
    auto* empty = new QLabel(tr("Select a client to see its usage, risk history, the explanation of its score and "
                                "its recent enforcement events."),
                             m_detailStack);
    empty->setWordWrap(true);
    empty->setAlignment(Qt::AlignCenter);
    empty->setMargin(unit * 2);
    m_detailStack->addWidget(empty);

    auto* detail = new QWidget(m_detailStack);
    auto* detailLayout = new QVBoxLayout(detail);
    detailLayout->setContentsMargins(unit, 0, 0, 0);
    detailLayout->setSpacing(unit);
    m_detailTitle = new QLabel(detail);
    QFont titleFont = font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.3);
    titleFont.setBold(true);
    m_detailTitle->setFont(titleFont);
    m_detailTitle->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_detailBadge = new QLabel(detail);
    m_detailBadge->setObjectName(QStringLiteral("riskBadge"));
    auto* titleRow = new QHBoxLayout();
    titleRow->addWidget(m_detailTitle, 1);
    titleRow->addWidget(m_detailBadge);
    m_detailFacts = new QLabel(detail);
    m_detailFacts->setWordWrap(true);
    m_detailFacts->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_usageChart = new TimeSeriesChart(tr("Usage (15 min)"), detail);
    m_usageChart->setObjectName(QStringLiteral("clientUsageChart"));
    m_usageChart->addSeries(tr("Requests/s"), palette().color(QPalette::Highlight));
    m_usageChart->addSeries(tr("Tokens/s"), riskAccent(RiskBand::Elevated, palette()), true);
    m_usageChart->setEmptyText(tr("No usage in the last 15 minutes"));
    m_riskChart = new TimeSeriesChart(tr("Risk score"), detail);
    m_riskChart->setObjectName(QStringLiteral("clientRiskChart"));
    m_riskChart->addSeries(tr("Risk"), riskAccent(RiskBand::Critical, palette()));
    m_riskChart->setFixedRange(0, 100);
    m_riskChart->setEmptyText(tr("No risk history yet"));

    auto* explainTitle = new QLabel(tr("Why this score"), detail);
    QFont sectionFont = font();
    sectionFont.setBold(true);
    explainTitle->setFont(sectionFont);
    m_explanation = new QLabel(detail);
    m_explanation->setObjectName(QStringLiteral("riskExplanation"));
    m_explanation->setWordWrap(true);
    m_explanation->setTextFormat(Qt::RichText);
    m_explanation->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_explanation->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    auto* eventsTitle = new QLabel(tr("Recent events"), detail);
    eventsTitle->setFont(sectionFont);
    m_events = new QListWidget(detail);
    m_events->setObjectName(QStringLiteral("recentEvents"));
    m_events->setAlternatingRowColors(true);
    m_events->setMinimumHeight(fontMetrics().height() * 5);

    detailLayout->addLayout(titleRow);
    detailLayout->addWidget(m_detailFacts);
    detailLayout->addWidget(m_usageChart, 3);
    detailLayout->addWidget(m_riskChart, 3);
    detailLayout->addWidget(explainTitle);
    detailLayout->addWidget(m_explanation);
    detailLayout->addWidget(eventsTitle);
    detailLayout->addWidget(m_events, 2);
    m_detailStack->addWidget(detail);

    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(QStringLiteral("clientsSplitter"));
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(left);
    splitter->addWidget(m_detailStack);
    // The table is the page: it gets the room its columns need, the detail pane the rest (at least 40 characters).
    m_detailStack->setMinimumWidth(charWidth * 40);
    splitter->setStretchFactor(0, 4);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({charWidth * 110, charWidth * 45});

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(unit * 2, unit * 2, unit * 2, unit * 2);
    layout->addWidget(splitter);

    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString& text) {
        m_proxy->setFilterFixedString(text);
        updateCount();
    });
    connect(exportButton, &QPushButton::clicked, this, &ClientsPage::exportCsvInteractive);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &ClientsPage::updateDetail);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &ClientsPage::requestUsageHistory);

    m_timer = new QTimer(this);
    m_timer->setInterval(100); // at most 10 refreshes per second, only when the store changed
    connect(m_timer, &QTimer::timeout, this, [this] {
        if (isVisible())
            refreshIfChanged();
    });
    m_timer->start();
    updateCount();
}

void ClientsPage::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    refreshIfChanged();
}

bool ClientsPage::refreshIfChanged()
{
    if (!m_store || m_store->revision() == m_revision)
        return false;
    refresh();
    return true;
}

void ClientsPage::refresh()
{
    if (!m_store)
        return;
    m_revision = m_store->revision();
    m_model->setRows(m_store->clients());
    updateCount();
    updateDetail();
}

void ClientsPage::setFilterText(const QString& text)
{
    m_filter->setText(text);
}

QString ClientsPage::filterText() const
{
    return m_filter->text();
}

void ClientsPage::focusFilter()
{
    m_filter->setFocus(Qt::ShortcutFocusReason);
    m_filter->selectAll();
}

bool ClientsPage::selectClient(const QString& clientId)
{
    if (m_store && m_model->rowOf(clientId) < 0)
        refresh();
    const int sourceRow = m_model->rowOf(clientId);
    if (sourceRow < 0)
        return false;
    QModelIndex proxyIndex = m_proxy->mapFromSource(m_model->index(sourceRow, 0));
    if (!proxyIndex.isValid()) {
        m_filter->clear();
        proxyIndex = m_proxy->mapFromSource(m_model->index(sourceRow, 0));
    }
    m_view->selectionModel()->select(proxyIndex, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_view->setCurrentIndex(proxyIndex);
    m_view->scrollTo(proxyIndex);
    return true;
}

QString ClientsPage::selectedClient() const
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    return rows.isEmpty() ? QString() : rows.first().data(ClientIdRole).toString();
}

void ClientsPage::updateCount()
{
    const int shown = m_proxy->rowCount();
    const int total = m_model->rowCount();
    m_count->setText(shown == total ? tr("%n client(s)", nullptr, total)
                                    : tr("%1 of %n client(s)", nullptr, total).arg(shown));
}

void ClientsPage::updateDetail()
{
    const QString clientId = selectedClient();
    const std::optional<client::ClientRow> row =
        clientId.isEmpty() || !m_store ? std::nullopt : m_store->client(clientId);
    if (!row) {
        m_detailStack->setCurrentIndex(0);
        return;
    }
    m_detailStack->setCurrentIndex(1);
    const QLocale locale;
    m_detailTitle->setText(row->clientId);
    const RiskBand band = riskBand(row->riskScore);
    m_detailBadge->setText(
        tr("Risk %1 · %2 · %3")
            .arg(locale.toString(row->riskScore, 'f', 0), riskBandText(band), actionText(row->action)));
    m_detailBadge->setStyleSheet(badgeStyle(band, palette(), spacingUnit(this)));
    m_detailBadge->setToolTip(row->pinned ? tr("The action is pinned by an administrator") : QString());

    QStringList facts;
    facts << tr("Gateways: %1").arg(row->gateways.join(QLatin1String(", ")));
    if (!row->keyPrefixes.isEmpty())
        facts << tr("Keys: %1").arg(row->keyPrefixes.join(QLatin1String(", ")));
    facts << tr("Quota used: %1 %").arg(locale.toString(row->quotaUsedPct, 'f', 1));
    facts << tr("Last seen: %1").arg(ClientTableModel::agoText(row->lastSeenMs, QDateTime::currentMSecsSinceEpoch()));
    if (row->pinned)
        facts << tr("Action pinned");
    m_detailFacts->setText(facts.join(QStringLiteral("  ·  ")));

    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const qint64 from = now - kWindowMs;
    const QVector<client::SeriesPoint> usage = m_store->clientSeries(clientId, from);
    QList<QPointF> requests;
    QList<QPointF> tokens;
    requests.reserve(usage.size());
    tokens.reserve(usage.size());
    for (const client::SeriesPoint& p : usage) {
        if (p.timeMs / 1000 >= now / 1000)
            continue; // the current second is still incomplete
        requests.append(QPointF(static_cast<double>(p.timeMs), p.requestsPerSec));
        tokens.append(QPointF(static_cast<double>(p.timeMs), p.tokensPerSec));
    }
    m_usageChart->setPoints(0, requests);
    m_usageChart->setPoints(1, tokens);
    m_usageChart->setWindow(from, now);

    const QVector<QPair<qint64, double>> risk = m_store->riskSeries(clientId);
    QList<QPointF> riskPoints;
    riskPoints.reserve(risk.size() + 1);
    for (const auto& [timeMs, score] : risk)
        riskPoints.append(QPointF(static_cast<double>(timeMs), score));
    // Risk holds its value until the next change: extend the last value to now.
    if (!riskPoints.isEmpty() && riskPoints.last().x() < static_cast<double>(now))
        riskPoints.append(QPointF(static_cast<double>(now), riskPoints.last().y()));
    m_riskChart->setPoints(0, riskPoints);
    const qint64 riskFrom = risk.isEmpty() ? from : std::min(from, risk.first().first);
    m_riskChart->setWindow(riskFrom, now);
    m_riskChart->timeAxis()->setFormat(now - riskFrom > 86400000 ? QStringLiteral("dd.MM HH:mm")
                                                                 : QStringLiteral("HH:mm"));

    if (row->contributions.isEmpty()) {
        m_explanation->setText(tr("No risk signal: the score is made of nothing but normal traffic."));
    } else {
        QString html = QStringLiteral("<table cellspacing=\"2\">");
        for (const client::RiskContribution& c : row->contributions) {
            html += QStringLiteral("<tr><td align=\"right\"><b>%1&nbsp;%</b>&nbsp;&nbsp;</td><td>%2</td></tr>")
                        .arg(locale.toString(c.share * 100, 'f', 0),
                             (c.sentence.isEmpty() ? c.feature : c.sentence).toHtmlEscaped());
        }
        html += QStringLiteral("</table>");
        m_explanation->setText(html);
    }

    QStringList events = m_recentEvents.value(clientId);
    if (events.isEmpty())
        events << tr("No enforcement events since the console connected.");
    if (m_events->count() != events.size() || m_events->item(0)->text() != events.first()) {
        m_events->clear();
        m_events->addItems(events);
    }
}

void ClientsPage::requestUsageHistory()
{
    const QString clientId = selectedClient();
    if (clientId == m_historyClient)
        return;
    m_historyClient = clientId;
    if (clientId.isEmpty() || !m_connections || !m_store)
        return;
    const std::optional<client::ClientRow> row = m_store->client(clientId);
    if (!row)
        return;
    for (client::GatewayConnection* connection : m_connections->connections()) {
        if (connection->state() == client::GatewayConnection::State::Live
            && row->gateways.contains(connection->gatewayId()))
            connection->fetchClientUsageHistory(clientId); // the store's changed() redraws the chart
    }
}

void ClientsPage::noteEvent(const QString& gatewayId, const QString& type, const QJsonObject& payload)
{
    QString clientId = payload.value(QLatin1String("client")).toString();
    QString text;
    const QLocale locale;
    const QString time = locale.toString(QTime::currentTime(), QLocale::ShortFormat);
    if (type == QLatin1String("risk")) {
        text = tr("%1  risk %2, action %3 (%4)")
                   .arg(time, locale.toString(payload.value(QLatin1String("score")).toDouble(), 'f', 0),
                        actionText(payload.value(QLatin1String("action")).toString()), gatewayId);
    } else if (type == QLatin1String("action")) {
        const QString source = payload.value(QLatin1String("source")).toString() == QLatin1String("admin")
                                   ? tr("by an administrator")
                                   : tr("automatically");
        text = tr("%1  %2 %3: %4 (%5)")
                   .arg(time, actionText(payload.value(QLatin1String("action")).toString()), source,
                        payload.value(QLatin1String("reason")).toString(), gatewayId);
    } else if (type == QLatin1String("alert")) {
        text = tr("%1  %2 alert: %3 (%4)")
                   .arg(time, severityText(payload.value(QLatin1String("severity")).toString()),
                        payload.value(QLatin1String("reason")).toString(), gatewayId);
    } else if (type == QLatin1String("admin")) {
        const QString target = payload.value(QLatin1String("target")).toString();
        clientId = target;
        text = tr("%1  %2 by %3 (%4)")
                   .arg(time, payload.value(QLatin1String("action")).toString(),
                        payload.value(QLatin1String("actor")).toString(), gatewayId);
    } else {
        return;
    }
    if (clientId.isEmpty())
        return;
    QStringList& list = m_recentEvents[clientId];
    list.prepend(text);
    while (list.size() > kEventsPerClient)
        list.removeLast();
    m_eventOrder.removeOne(clientId);
    m_eventOrder.append(clientId);
    while (m_eventOrder.size() > kClientsWithEvents)
        m_recentEvents.remove(m_eventOrder.takeFirst());
    if (clientId == selectedClient())
        updateDetail();
}

QStringList ClientsPage::recentEvents(const QString& clientId) const
{
    return m_recentEvents.value(clientId);
}

QString ClientsPage::csv() const
{
    return modelToCsv(*m_proxy);
}

void ClientsPage::exportCsvInteractive()
{
    const QString stamp = QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmm"));
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export clients"), QDir::home().filePath(QStringLiteral("modelguard-clients-%1.csv").arg(stamp)),
        tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!writeTextFile(path, csv(), &error))
        QMessageBox::warning(this, tr("Export clients"), error);
}

} // namespace modelguard::ui
