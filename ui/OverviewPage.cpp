#include "ui/OverviewPage.h"

#include "client/ConnectionManager.h"
#include "client/FleetStore.h"
#include "client/GatewayConnection.h"
#include "ui/AlertListModel.h"
#include "ui/AlertsPanel.h"
#include "ui/Theme.h"
#include "ui/TimeSeriesChart.h"

#include <QDateTime>
#include <QFrame>
#include <QGridLayout>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QSignalBlocker>
#include <QSplitter>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

namespace modelguard::ui {

namespace {

QTableWidget* makeCompactTable(const QStringList& headers, QWidget* parent)
{
    auto* table = new QTableWidget(0, static_cast<int>(headers.size()), parent);
    table->setHorizontalHeaderLabels(headers);
    table->verticalHeader()->setVisible(false);
    table->verticalHeader()->setDefaultSectionSize(table->fontMetrics().height() + spacingUnit(table));
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->setAlternatingRowColors(true);
    table->setWordWrap(false);
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table->horizontalHeader()->setStretchLastSection(true);
    return table;
}

QTableWidgetItem* item(const QString& text, Qt::Alignment alignment = Qt::AlignLeft | Qt::AlignVCenter)
{
    auto* it = new QTableWidgetItem(text);
    it->setTextAlignment(alignment);
    return it;
}

QColor stateColour(client::GatewayConnection::State state, const QPalette& palette)
{
    using State = client::GatewayConnection::State;
    switch (state) {
    case State::Live:
        return riskAccent(RiskBand::Low, palette);
    case State::Connecting:
    case State::Reconnecting:
        return riskAccent(RiskBand::Elevated, palette);
    case State::Disconnected:
        return palette.color(QPalette::Disabled, QPalette::Text);
    default:
        return riskAccent(RiskBand::Critical, palette);
    }
}

} // namespace

OverviewPage::OverviewPage(client::ConnectionManager* connections, client::FleetStore* store, QWidget* parent)
    : QWidget(parent)
    , m_connections(connections)
    , m_store(store)
{
    const int unit = spacingUnit(this);

    // KPI strip.
    auto* kpiFrame = new QFrame(this);
    kpiFrame->setObjectName(QStringLiteral("kpiStrip"));
    kpiFrame->setFrameShape(QFrame::StyledPanel);
    auto* kpis = new QGridLayout(kpiFrame);
    kpis->setContentsMargins(unit * 2, unit, unit * 2, unit);
    kpis->setHorizontalSpacing(unit * 4);
    kpis->setVerticalSpacing(0);
    m_kpiClients = addKpi(kpis, 0, tr("Clients"), tr("Clients known on all connected gateways"));
    m_kpiRequests = addKpi(kpis, 1, tr("Requests/s"), tr("Fleet-wide requests per second (last 10 s average)"));
    m_kpiTokens = addKpi(kpis, 2, tr("Tokens/s"), tr("Fleet-wide tokens per second (last 10 s average)"));
    m_kpiAtRisk = addKpi(kpis, 3, tr("Risk ≥ 60"), tr("Clients whose extraction-risk score is 60 or more"));
    m_kpiEnforced = addKpi(kpis, 4, tr("Throttled or blocked"), tr("Clients with an enforcement action"));
    m_kpiAlerts = addKpi(kpis, 5, tr("Open high alerts"), tr("Unacknowledged high-severity alerts"));

    // Charts.
    const QPalette pal = palette();
    m_requestsChart = new TimeSeriesChart(tr("Requests per second (15 min)"), this);
    m_requestsChart->setObjectName(QStringLiteral("requestsChart"));
    m_requestsChart->addSeries(tr("Requests/s"), pal.color(QPalette::Highlight));
    m_requestsChart->setEmptyText(tr("No usage in the last 15 minutes"));
    m_tokensChart = new TimeSeriesChart(tr("Tokens per second (15 min)"), this);
    m_tokensChart->setObjectName(QStringLiteral("tokensChart"));
    m_tokensChart->addSeries(tr("Tokens/s"), riskAccent(RiskBand::Elevated, pal));
    m_tokensChart->setEmptyText(tr("No usage in the last 15 minutes"));
    auto* charts = new QHBoxLayout();
    charts->setSpacing(unit);
    charts->addWidget(m_requestsChart, 1);
    charts->addWidget(m_tokensChart, 1);

    // Top clients by risk.
    auto* topBox = new QGroupBox(tr("Highest risk"), this);
    m_topClients = makeCompactTable({tr("Client"), tr("Risk"), tr("Action"), tr("Requests/min")}, topBox);
    m_topClients->setObjectName(QStringLiteral("topClients"));
    auto* topLayout = new QVBoxLayout(topBox);
    topLayout->setContentsMargins(unit, unit, unit, unit);
    topLayout->addWidget(m_topClients);
    connect(m_topClients, &QTableWidget::cellDoubleClicked, this, [this](int row, int) {
        if (QTableWidgetItem* it = m_topClients->item(row, 0))
            emit clientActivated(it->text());
    });

    // Open alerts.
    auto* alertBox = new QGroupBox(tr("Alerts"), this);
    m_alerts = new AlertsPanel(connections, store, alertBox);
    m_alerts->setCompact(true);
    auto* alertLayout = new QVBoxLayout(alertBox);
    alertLayout->setContentsMargins(unit, unit, unit, unit);
    alertLayout->addWidget(m_alerts);

    // Gateway health.
    auto* gwBox = new QGroupBox(tr("Gateways"), this);
    m_gateways = makeCompactTable({tr("Connection"), tr("Gateway"), tr("Role"), tr("State")}, gwBox);
    m_gateways->setObjectName(QStringLiteral("gatewayHealth"));
    m_noGateways = new QLabel(tr("No connections yet. Add a gateway with File ▸ Connections… (Ctrl+Shift+C)."), gwBox);
    m_noGateways->setWordWrap(true);
    m_noGateways->setAlignment(Qt::AlignCenter);
    auto* gwLayout = new QVBoxLayout(gwBox);
    gwLayout->setContentsMargins(unit, unit, unit, unit);
    gwLayout->addWidget(m_gateways);
    gwLayout->addWidget(m_noGateways);

    auto* bottom = new QSplitter(Qt::Horizontal, this);
    bottom->setChildrenCollapsible(false);
    bottom->addWidget(topBox);
    bottom->addWidget(alertBox);
    bottom->addWidget(gwBox);
    bottom->setStretchFactor(0, 3);
    bottom->setStretchFactor(1, 4);
    bottom->setStretchFactor(2, 3);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(unit * 2, unit * 2, unit * 2, unit * 2);
    layout->setSpacing(unit * 2);
    layout->addWidget(kpiFrame);
    layout->addLayout(charts, 3);
    layout->addWidget(bottom, 2);

    m_timer = new QTimer(this);
    m_timer->setInterval(100); // at most 10 redraws per second, and only when the store changed
    connect(m_timer, &QTimer::timeout, this, [this] {
        if (isVisible())
            refreshIfChanged();
    });
    m_timer->start();

    if (m_connections) {
        connect(m_connections, &client::ConnectionManager::connectionAdded, this, &OverviewPage::refreshConnections);
        connect(m_connections, &client::ConnectionManager::connectionRemoved, this, &OverviewPage::refreshConnections);
        connect(m_connections, &client::ConnectionManager::connectionStateChanged, this,
                &OverviewPage::refreshConnections);
    }
    refreshConnections();
}

OverviewPage::Kpi OverviewPage::addKpi(QGridLayout* grid, int column, const QString& caption, const QString& tip)
{
    Kpi kpi;
    kpi.value = new QLabel(QStringLiteral("–"), this);
    QFont big = font();
    big.setPointSizeF(big.pointSizeF() * 1.6);
    big.setBold(true);
    kpi.value->setFont(big);
    kpi.value->setToolTip(tip);
    kpi.caption = new QLabel(caption, this);
    kpi.caption->setToolTip(tip);
    QPalette captionPalette = kpi.caption->palette();
    captionPalette.setColor(QPalette::WindowText, palette().color(QPalette::PlaceholderText));
    kpi.caption->setPalette(captionPalette);
    grid->addWidget(kpi.value, 0, column);
    grid->addWidget(kpi.caption, 1, column);
    grid->setColumnStretch(column, 1);
    return kpi;
}

void OverviewPage::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    refreshIfChanged();
}

bool OverviewPage::refreshIfChanged()
{
    if (!m_store || m_store->revision() == m_revision)
        return false;
    refresh();
    return true;
}

void OverviewPage::refresh()
{
    if (!m_store)
        return;
    m_revision = m_store->revision();
    const QLocale locale;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const qint64 from = now - kWindowMs;

    // Charts: one bulk replace per series.
    const QVector<client::SeriesPoint> series = m_store->fleetSeries(from);
    QList<QPointF> requests;
    QList<QPointF> tokens;
    requests.reserve(series.size());
    tokens.reserve(series.size());
    for (const client::SeriesPoint& p : series) {
        if (p.timeMs / 1000 >= now / 1000)
            continue; // the current second is still incomplete
        requests.append(QPointF(static_cast<double>(p.timeMs), p.requestsPerSec));
        tokens.append(QPointF(static_cast<double>(p.timeMs), p.tokensPerSec));
    }
    m_requestsChart->setPoints(0, requests);
    m_requestsChart->setWindow(from, now);
    m_tokensChart->setPoints(0, tokens);
    m_tokensChart->setWindow(from, now);

    // KPIs.
    double recentRequests = 0;
    double recentTokens = 0;
    int recentCount = 0;
    for (auto it = series.crbegin(); it != series.crend() && recentCount < 10; ++it) {
        if (it->timeMs / 1000 >= now / 1000)
            continue;
        recentRequests += it->requestsPerSec;
        recentTokens += it->tokensPerSec;
        ++recentCount;
    }
    if (recentCount > 0) {
        recentRequests /= recentCount;
        recentTokens /= recentCount;
    }
    const client::FleetSummary summary = m_store->summary(kTopClients, 60);
    m_kpiClients.value->setText(locale.toString(summary.clients));
    m_kpiRequests.value->setText(locale.toString(recentRequests, 'f', 1));
    m_kpiTokens.value->setText(locale.toString(recentTokens, 'f', 0));
    m_kpiAtRisk.value->setText(locale.toString(summary.atRisk));
    m_kpiEnforced.value->setText(locale.toString(summary.enforced));

    // Top clients by risk.
    const QVector<client::ClientRow>& clients = summary.top;
    const int rows = static_cast<int>(std::min<qsizetype>(clients.size(), kTopClients));
    m_topClients->setRowCount(rows);
    const QPalette pal = palette();
    // Cells are updated in place and only when their content changed, with the model's signals held back and one
    // dataChanged() at the end: every single-cell change would otherwise make the view re-measure its
    // resize-to-contents columns (the biggest cost of a refresh with 10,000 clients behind it).
    bool changed = false;
    const auto cell = [&](int row, int column, const QString& text, Qt::Alignment alignment) {
        QTableWidgetItem* it = m_topClients->item(row, column);
        if (!it) {
            m_topClients->setItem(row, column, item(text, alignment));
            changed = true;
            return m_topClients->item(row, column);
        }
        if (it->text() != text) {
            it->setText(text);
            changed = true;
        }
        return it;
    };
    {
        const QSignalBlocker hold(m_topClients->model());
        for (int r = 0; r < rows; ++r) {
            const client::ClientRow& c = clients[r];
            cell(r, 0, c.clientId, Qt::AlignLeft | Qt::AlignVCenter);
            QTableWidgetItem* risk =
                cell(r, 1, locale.toString(c.riskScore, 'f', 0), Qt::AlignRight | Qt::AlignVCenter);
            const RiskBand band = riskBand(c.riskScore);
            const QBrush background(riskBackground(band, pal));
            if (risk->background() != background) {
                risk->setBackground(background);
                risk->setForeground(riskForeground(band, pal));
                risk->setToolTip(riskBandText(band));
                changed = true;
            }
            cell(r, 2, actionText(c.action), Qt::AlignLeft | Qt::AlignVCenter);
            cell(r, 3, locale.toString(c.requestsPerMin, 'f', 1), Qt::AlignRight | Qt::AlignVCenter);
        }
    }
    if (changed && rows > 0) {
        QAbstractItemModel* model = m_topClients->model();
        emit model->dataChanged(model->index(0, 0), model->index(rows - 1, model->columnCount() - 1));
    }

    m_alerts->refresh();
    const int openHigh = m_alerts->model()->openHighCount();
    m_kpiAlerts.value->setText(locale.toString(openHigh));
    QPalette alertPalette = m_kpiAlerts.value->palette();
    alertPalette.setColor(QPalette::WindowText,
                          openHigh > 0 ? riskAccent(RiskBand::Critical, pal) : pal.color(QPalette::WindowText));
    m_kpiAlerts.value->setPalette(alertPalette);
}

void OverviewPage::refreshConnections()
{
    const QList<client::GatewayConnection*> list =
        m_connections ? m_connections->connections() : QList<client::GatewayConnection*> {};
    m_gateways->setVisible(!list.isEmpty());
    m_noGateways->setVisible(list.isEmpty());
    m_gateways->setRowCount(static_cast<int>(list.size()));
    const QPalette pal = palette();
    for (int r = 0; r < list.size(); ++r) {
        client::GatewayConnection* c = list[r];
        m_gateways->setItem(r, 0, item(c->profile().name));
        m_gateways->setItem(r, 1, item(c->gatewayId().isEmpty() ? tr("(unknown)") : c->gatewayId()));
        m_gateways->setItem(r, 2, item(c->role()));
        auto* state = item(QStringLiteral("● ") + c->stateText());
        state->setForeground(stateColour(c->state(), pal));
        state->setToolTip(c->profile().adminUrl.toString());
        m_gateways->setItem(r, 3, state);
    }
}

} // namespace modelguard::ui
