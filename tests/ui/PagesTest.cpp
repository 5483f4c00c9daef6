// Overview and Clients pages fed by a real FleetStore (snapshot + live events in the contract's shapes); the alerts
// panel and the tray notifier; the connection dialog's validation.

#include "client/ConnectionManager.h"
#include "client/FleetStore.h"
#include "tests/ui/FleetData.h"
#include "ui/AlertListModel.h"
#include "ui/AlertsPanel.h"
#include "ui/ClientTableModel.h"
#include "ui/ClientsPage.h"
#include "ui/ConnectionDialog.h"
#include "ui/ItemRoles.h"
#include "ui/OverviewPage.h"
#include "ui/TimeSeriesChart.h"

#include <QAbstractItemModelTester>
#include <QLabel>
#include <QLineSeries>
#include <QSortFilterProxyModel>
#include <QSystemTrayIcon>
#include <QTableView>
#include <QTableWidget>
#include <QValueAxis>

#include <gtest/gtest.h>

using namespace modelguard;
using namespace modelguard::ui::test;

namespace {

void loadFleet(client::FleetStore& store)
{
    const QJsonArray alerts {
        alertJson(1, now() - 60000, QStringLiteral("high"), QStringLiteral("harvester"),
                  QStringLiteral("logit_bias probing")),
        alertJson(2, now() - 30000, QStringLiteral("low"), QStringLiteral("acme"), QStringLiteral("quota 80 % used"))};
    store.applySnapshot(
        QStringLiteral("gw-1"),
        snapshotJson(QStringLiteral("gw-1"),
                     {{QStringLiteral("acme"), 12, 3400, 12.5, 5, QStringLiteral("none"), {}, 0},
                      {QStringLiteral("harvester"), 100, 90000, 80, 83, QStringLiteral("block"),
                       QStringLiteral("mg_h4rv3st3r0"), 0},
                      {QStringLiteral("beta-labs"), 9, 2000, 1, 45, QStringLiteral("strip_logits"), {}, 0},
                      {QStringLiteral("acme-staging"), 10, 100, 0, 0, QStringLiteral("none"), {}, 0}},
                     alerts));
}

QStringList clientColumn(const QAbstractItemModel& model)
{
    QStringList ids;
    for (int r = 0; r < model.rowCount(); ++r)
        ids << model.index(r, ui::ClientTableModel::ClientCol).data().toString();
    return ids;
}

} // namespace

TEST(ClientsPage, FilterAndSort)
{
    client::FleetStore store;
    loadFleet(store);
    ui::ClientsPage page(nullptr, &store);
    QAbstractItemModelTester tester(page.proxy(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    page.refresh();
    ASSERT_EQ(page.proxy()->rowCount(), 4);

    page.view()->sortByColumn(ui::ClientTableModel::RequestsCol, Qt::AscendingOrder);
    EXPECT_EQ(clientColumn(*page.proxy()),
              (QStringList {"beta-labs", "acme-staging", "acme", "harvester"})); // 9 < 10 < 12 < 100
    page.view()->sortByColumn(ui::ClientTableModel::RiskCol, Qt::DescendingOrder);
    EXPECT_EQ(clientColumn(*page.proxy()).first(), QStringLiteral("harvester"));

    page.setFilterText(QStringLiteral("ACME"));
    EXPECT_EQ(page.proxy()->rowCount(), 2);
    page.setFilterText(QStringLiteral("mg_h4rv")); // key prefix column
    EXPECT_EQ(clientColumn(*page.proxy()), QStringList {"harvester"});
    page.setFilterText(QStringLiteral("no such client"));
    EXPECT_EQ(page.proxy()->rowCount(), 0);
    page.setFilterText(QString());
    EXPECT_EQ(page.proxy()->rowCount(), 4);

    // Live update: a new client arrives through a usage event; the filter and sort still apply.
    page.setFilterText(QStringLiteral("acme"));
    store.applyEvent(QStringLiteral("gw-1"), QStringLiteral("usage"),
                     usageJson(now(), {{QStringLiteral("acme-new"), 3, 100, 50, 0}}));
    EXPECT_TRUE(page.refreshIfChanged());
    EXPECT_FALSE(page.refreshIfChanged());
    EXPECT_EQ(page.proxy()->rowCount(), 3);
}

TEST(ClientsPage, DetailPaneShowsChartsExplanationAndEvents)
{
    client::FleetStore store;
    loadFleet(store);
    for (int i = 10; i >= 1; --i) {
        store.applyEvent(QStringLiteral("gw-1"), QStringLiteral("usage"),
                         usageJson(now() - i * 1000, {{QStringLiteral("harvester"), 5, 400, 600, 1}}));
    }
    store.applyEvent(QStringLiteral("gw-1"), QStringLiteral("risk"),
                     riskJson(QStringLiteral("harvester"), 85, QStringLiteral("block")));
    ui::ClientsPage page(nullptr, &store);
    page.resize(1200, 800);
    page.refresh();
    ASSERT_TRUE(page.selectClient(QStringLiteral("harvester")));
    EXPECT_EQ(page.selectedClient(), QStringLiteral("harvester"));
    EXPECT_GT(page.usageChart()->series(0)->count(), 0);
    EXPECT_GT(page.riskChart()->series(0)->count(), 0);
    const auto* explanation = page.findChild<QLabel*>(QStringLiteral("riskExplanation"));
    ASSERT_NE(explanation, nullptr);
    EXPECT_TRUE(explanation->text().contains(QStringLiteral("one template")));
    const auto* badge = page.findChild<QLabel*>(QStringLiteral("riskBadge"));
    ASSERT_NE(badge, nullptr);
    EXPECT_TRUE(badge->text().contains(QStringLiteral("85")));
    EXPECT_TRUE(badge->text().contains(QStringLiteral("Block")));

    page.noteEvent(QStringLiteral("gw-1"), QStringLiteral("action"),
                   QJsonObject {{QStringLiteral("client"), QStringLiteral("harvester")},
                                {QStringLiteral("action"), QStringLiteral("block")},
                                {QStringLiteral("source"), QStringLiteral("auto")},
                                {QStringLiteral("reason"), QStringLiteral("risk 85 >= 80")}});
    page.noteEvent(QStringLiteral("gw-1"), QStringLiteral("usage"), usageJson(now(), {})); // not an event to list
    ASSERT_EQ(page.recentEvents(QStringLiteral("harvester")).size(), 1);
    EXPECT_TRUE(page.recentEvents(QStringLiteral("harvester")).first().contains(QStringLiteral("risk 85 >= 80")));
}

TEST(ClientsPage, CsvFollowsFilterAndSort)
{
    client::FleetStore store;
    loadFleet(store);
    ui::ClientsPage page(nullptr, &store);
    page.refresh();
    page.view()->sortByColumn(ui::ClientTableModel::RiskCol, Qt::DescendingOrder);
    page.setFilterText(QStringLiteral("acme"));
    const QStringList lines = page.csv().split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
    ASSERT_EQ(lines.size(), 3);
    EXPECT_TRUE(lines[1].startsWith(QStringLiteral("acme,"))); // risk 5 before 0
    EXPECT_TRUE(lines[2].startsWith(QStringLiteral("acme-staging,")));
}

TEST(OverviewPage, ChartGetsPointsFromUsageEvents)
{
    client::FleetStore store;
    ui::OverviewPage page(nullptr, &store);
    page.resize(1400, 900);
    page.refresh();
    const int before = page.requestsChart()->series(0)->count();
    double maxBefore = 0;
    for (const QPointF& p : page.requestsChart()->series(0)->points())
        maxBefore = std::max(maxBefore, p.y());
    EXPECT_EQ(maxBefore, 0);
    EXPECT_FALSE(page.requestsChart()->hasData()); // the chart says "no usage" instead of a flat line

    loadFleet(store);
    const qint64 t = now();
    for (int i = 5; i >= 1; --i) {
        store.applyEvent(QStringLiteral("gw-1"), QStringLiteral("usage"),
                         usageJson(t - i * 1000, {{QStringLiteral("acme"), 7, 300, 200, 0},
                                                  {QStringLiteral("harvester"), 5, 1000, 500, 2}}));
    }
    EXPECT_TRUE(page.refreshIfChanged());
    EXPECT_FALSE(page.refreshIfChanged()); // nothing new: no redraw

    EXPECT_TRUE(page.requestsChart()->hasData());
    QLineSeries* requests = page.requestsChart()->series(0);
    ASSERT_GT(requests->count(), 0);
    EXPECT_GE(requests->count(), before);
    double maxRequests = 0;
    double maxTokens = 0;
    for (const QPointF& p : requests->points())
        maxRequests = std::max(maxRequests, p.y());
    for (const QPointF& p : page.tokensChart()->series(0)->points())
        maxTokens = std::max(maxTokens, p.y());
    EXPECT_DOUBLE_EQ(maxRequests, 12); // 7 + 5 requests in one second
    EXPECT_DOUBLE_EQ(maxTokens, 2000); // 500 + 1500 tokens
    EXPECT_GE(page.requestsChart()->valueAxis()->max(), 12);
    // Points lie inside the 15-minute window of the time axis.
    EXPECT_GE(requests->points().last().x(), static_cast<double>(t - 6000));

    // Top clients by risk and the open alerts.
    ASSERT_GE(page.topClients()->rowCount(), 1);
    EXPECT_EQ(page.topClients()->item(0, 0)->text(), QStringLiteral("harvester"));
    EXPECT_EQ(page.alertsPanel()->model()->rowCount(), 2);
    EXPECT_EQ(page.alertsPanel()->model()->openHighCount(), 1);
}

namespace {

/// A per-minute usage history in the shape of GET /admin/v1/usage (or of a client's usage): minute -> requests, with
/// 100 prompt tokens per request.
QJsonObject usageHistoryJson(qint64 timeMs, const QList<QPair<qint64, double>>& minutes)
{
    QJsonArray points;
    for (const auto& [minuteMs, requests] : minutes) {
        points.append(QJsonObject {{QStringLiteral("minute_ms"), minuteMs},
                                   {QStringLiteral("requests"), requests},
                                   {QStringLiteral("prompt_tokens"), requests * 100},
                                   {QStringLiteral("completion_tokens"), 0},
                                   {QStringLiteral("rejected"), 0}});
    }
    return QJsonObject {{QStringLiteral("time_ms"), timeMs}, {QStringLiteral("points"), points}};
}

} // namespace

TEST(OverviewPage, ChartIsBackFilledRightAfterASnapshotWithHistory)
{
    client::FleetStore store;
    ui::OverviewPage page(nullptr, &store);
    page.resize(1400, 900);
    loadFleet(store); // the snapshot: live events would begin now
    const qint64 t = now();
    const qint64 minute = (t - 10 * 60'000) / 60'000 * 60'000;
    store.applyUsageHistory(QStringLiteral("gw-1"),
                            usageHistoryJson(t, {{minute, 120}, {minute + 60'000, 60}, {minute - 20 * 60'000, 999}}));
    page.refresh();

    EXPECT_TRUE(page.requestsChart()->hasData());
    EXPECT_TRUE(page.tokensChart()->hasData());
    double sum = 0;
    double maxRate = 0;
    qint64 firstNonZero = 0;
    for (const QPointF& p : page.requestsChart()->series(0)->points()) {
        sum += p.y();
        maxRate = std::max(maxRate, p.y());
        if (p.y() > 0 && firstNonZero == 0)
            firstNonZero = static_cast<qint64>(p.x());
    }
    EXPECT_NEAR(sum, 180, 1e-6);     // both minutes in the window; the one 20 minutes ago is outside
    EXPECT_NEAR(maxRate, 2, 1e-9);   // 120 requests spread over their minute, not a spike of 120
    EXPECT_EQ(firstNonZero, minute); // before the snapshot, on the minute's first second
    double maxTokens = 0;
    for (const QPointF& p : page.tokensChart()->series(0)->points())
        maxTokens = std::max(maxTokens, p.y());
    EXPECT_NEAR(maxTokens, 200, 1e-9);
}

TEST(ClientsPage, DetailChartIsBackFilledFromTheClientsHistory)
{
    client::FleetStore store;
    loadFleet(store);
    const qint64 t = now();
    const qint64 minute = (t - 5 * 60'000) / 60'000 * 60'000;
    store.applyClientUsageHistory(QStringLiteral("gw-1"), QStringLiteral("acme"), usageHistoryJson(t, {{minute, 30}}));
    ui::ClientsPage page(nullptr, &store);
    page.resize(1200, 800);
    page.refresh();
    ASSERT_TRUE(page.selectClient(QStringLiteral("acme")));
    EXPECT_TRUE(page.usageChart()->hasData());
    double sum = 0;
    for (const QPointF& p : page.usageChart()->series(0)->points()) {
        sum += p.y();
        if (p.y() > 0) {
            EXPECT_GE(p.x(), static_cast<double>(minute));
            EXPECT_LT(p.x(), static_cast<double>(minute + 60'000));
        }
    }
    EXPECT_NEAR(sum, 30, 1e-6);
    // Another client's chart has no such history.
    ASSERT_TRUE(page.selectClient(QStringLiteral("beta-labs")));
    EXPECT_FALSE(page.usageChart()->hasData());
}

TEST(AlertsPanel, HidesAcknowledgedAndReportsMissingGateway)
{
    client::FleetStore store;
    loadFleet(store);
    ui::AlertsPanel panel(nullptr, &store);
    panel.refresh();
    EXPECT_EQ(panel.view()->model()->rowCount(), 2);
    store.acknowledgeAlert(QStringLiteral("gw-1"), 2);
    panel.refresh();
    EXPECT_EQ(panel.view()->model()->rowCount(), 1);
    panel.setShowAcknowledged(true);
    EXPECT_EQ(panel.view()->model()->rowCount(), 2);

    // Acknowledge without a connection to that gateway: a clear message, nothing changes.
    panel.setShowAcknowledged(false);
    panel.view()->selectRow(0);
    panel.acknowledgeSelected();
    EXPECT_EQ(panel.model()->openHighCount(), 1);
    bool sawMessage = false;
    for (const QLabel* label : panel.findChildren<QLabel*>())
        sawMessage = sawMessage || label->text().contains(QStringLiteral("not connected"));
    EXPECT_TRUE(sawMessage);
}

TEST(AlertNotifier, NotifiesHighSeverityOnlyWhereATrayExists)
{
    client::FleetStore store;
    ui::AlertNotifier notifier(&store);
    EXPECT_EQ(notifier.available(), QSystemTrayIcon::isSystemTrayAvailable());
    store.applyEvent(
        QStringLiteral("gw-1"), QStringLiteral("alert"),
        alertJson(9, now(), QStringLiteral("high"), QStringLiteral("harvester"), QStringLiteral("sybil cluster")));
    store.applyEvent(QStringLiteral("gw-1"), QStringLiteral("alert"),
                     alertJson(10, now(), QStringLiteral("low"), QStringLiteral("acme"), QStringLiteral("quota")));
    EXPECT_EQ(notifier.shownCount(), notifier.available() ? 1 : 0);
    client::AlertRow row;
    row.gatewayId = QStringLiteral("gw-1");
    row.clientId = QStringLiteral("harvester");
    row.reason = QStringLiteral("sybil cluster");
    const auto [title, body] = ui::AlertNotifier::messageFor(row);
    EXPECT_TRUE(title.contains(QStringLiteral("harvester")));
    EXPECT_TRUE(body.contains(QStringLiteral("sybil cluster")));
}

TEST(ConnectionDialog, ValidatesBeforeSaving)
{
    client::FleetStore store;
    client::ConnectionManager manager(&store);
    ui::ConnectionDialog dialog(&manager);
    EXPECT_FALSE(dialog.validate().isEmpty()); // empty form

    client::ConnectionProfile p;
    p.name = QStringLiteral("prod-eu-1");
    p.adminUrl = QUrl(QStringLiteral("https://gw.example:9443"));
    dialog.setEntered(p, QStringLiteral("mga_secret"));
    EXPECT_TRUE(dialog.validate().isEmpty()) << dialog.validate().toStdString();
    EXPECT_EQ(dialog.enteredProfile().name, QStringLiteral("prod-eu-1"));
    EXPECT_FALSE(dialog.enteredProfile().id.isEmpty()); // a new profile gets an id

    dialog.setEntered(p, QString());
    EXPECT_TRUE(dialog.validate().contains(QStringLiteral("token")));
    p.adminUrl = QUrl(QStringLiteral("ftp://gw.example"));
    dialog.setEntered(p, QStringLiteral("mga_secret"));
    EXPECT_TRUE(dialog.validate().contains(QStringLiteral("URL")));
    p.adminUrl = QUrl(QStringLiteral("https://gw.example:9443"));
    p.pinnedSha256 = QStringLiteral("abc");
    dialog.setEntered(p, QStringLiteral("mga_secret"));
    EXPECT_TRUE(dialog.validate().contains(QStringLiteral("pin")));
    p.pinnedSha256 = QString(64, QLatin1Char('A')); // upper case and colons are normalised
    p.clientCertFile = QStringLiteral("/tmp/cert.pem");
    dialog.setEntered(p, QStringLiteral("mga_secret"));
    EXPECT_TRUE(dialog.validate().contains(QStringLiteral("key")));
    EXPECT_EQ(dialog.enteredProfile().pinnedSha256, QString(64, QLatin1Char('a')));
    EXPECT_TRUE(manager.connections().isEmpty()); // validation never saves
}
