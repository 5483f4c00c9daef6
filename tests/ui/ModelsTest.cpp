// ClientTableModel and AlertListModel: QAbstractItemModelTester (Fatal) through inserts, removals, updates and
// sorting; incremental updates (no resets); numeric sorting.

#include "tests/ui/FleetData.h"
#include "ui/AlertListModel.h"
#include "ui/ClientTableModel.h"
#include "ui/ItemRoles.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QSortFilterProxyModel>

#include <gtest/gtest.h>

using namespace modelguard;
using modelguard::ui::ClientTableModel;

namespace {

client::ClientRow row(const QString& id, double requests, double risk, const QString& action = QStringLiteral("none"))
{
    client::ClientRow r;
    r.clientId = id;
    r.gateways = {QStringLiteral("gw-1")};
    r.keyPrefixes = {QStringLiteral("mg_") + id};
    r.requestsPerMin = requests;
    r.tokensPerMin = requests * 100;
    r.quotaUsedPct = requests / 10;
    r.riskScore = risk;
    r.action = action;
    r.lastSeenMs = ui::test::now() - 1000;
    return r;
}

client::AlertRow alert(const QString& gw, qint64 id, qint64 timeMs, const QString& severity, bool ack = false)
{
    client::AlertRow a;
    a.gatewayId = gw;
    a.id = id;
    a.timeMs = timeMs;
    a.severity = severity;
    a.clientId = QStringLiteral("client-%1").arg(id);
    a.reason = QStringLiteral("reason %1").arg(id);
    a.acknowledged = ack;
    return a;
}

QStringList columnValues(const QAbstractItemModel& model, int column, int role = Qt::DisplayRole)
{
    QStringList values;
    for (int r = 0; r < model.rowCount(); ++r)
        values << model.index(r, column).data(role).toString();
    return values;
}

} // namespace

TEST(ClientTableModel, IncrementalUpdatesPassTheModelTester)
{
    ClientTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QSortFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    proxy.setSortRole(ui::SortRole);
    proxy.setDynamicSortFilter(true);
    proxy.sort(ClientTableModel::RequestsCol, Qt::DescendingOrder);
    QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::Fatal);

    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

    model.setRows({row("a", 1, 10), row("b", 2, 20), row("c", 3, 30)});
    EXPECT_EQ(model.rowCount(), 3);
    EXPECT_EQ(inserted.count(), 1);

    // Update one value: no insert/remove, a dataChanged for that row.
    changed.clear();
    model.setRows({row("a", 1, 10), row("b", 50, 20), row("c", 3, 30)});
    EXPECT_EQ(inserted.count(), 1);
    EXPECT_EQ(removed.count(), 0);
    ASSERT_GE(changed.count(), 1);
    const int bRow = model.rowOf(QStringLiteral("b"));
    bool sawB = false;
    for (const QList<QVariant>& args : changed) {
        const auto topLeft = args.at(0).value<QModelIndex>();
        const auto bottomRight = args.at(1).value<QModelIndex>();
        if (topLeft.row() == bRow && topLeft.column() <= ClientTableModel::RequestsCol
            && bottomRight.column() >= ClientTableModel::RequestsCol)
            sawB = true;
    }
    EXPECT_TRUE(sawB);
    EXPECT_EQ(proxy.index(0, ClientTableModel::ClientCol).data().toString(), QStringLiteral("b"));

    // Remove the middle one and add two new ones.
    model.setRows({row("a", 1, 10), row("c", 3, 30), row("d", 4, 40), row("e", 5, 50)});
    EXPECT_EQ(model.rowCount(), 4);
    EXPECT_EQ(model.rowOf(QStringLiteral("b")), -1);
    EXPECT_EQ(removed.count(), 1);
    EXPECT_EQ(inserted.count(), 2);
    EXPECT_EQ(model.index(model.rowOf(QStringLiteral("d")), ClientTableModel::ClientCol).data().toString(),
              QStringLiteral("d"));

    // Remove all but one (two separate ranges).
    model.setRows({row("c", 3, 30)});
    EXPECT_EQ(model.rowCount(), 1);
    EXPECT_EQ(model.index(0, 0).data().toString(), QStringLiteral("c"));

    model.setRows({});
    EXPECT_EQ(model.rowCount(), 0);
    EXPECT_EQ(resets.count(), 0);
}

TEST(ClientTableModel, NumbersSortNumerically)
{
    ClientTableModel model;
    QSortFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    proxy.setSortRole(ui::SortRole);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setRows(
        {row("x", 9, 5), row("y", 100, 80, QStringLiteral("block")), row("z", 10, 61, QStringLiteral("throttle"))});

    proxy.sort(ClientTableModel::RequestsCol, Qt::AscendingOrder);
    EXPECT_EQ(columnValues(proxy, ClientTableModel::ClientCol), (QStringList {"x", "z", "y"})); // 9 < 10 < 100
    proxy.sort(ClientTableModel::RiskCol, Qt::DescendingOrder);
    EXPECT_EQ(columnValues(proxy, ClientTableModel::ClientCol), (QStringList {"y", "z", "x"}));
    proxy.sort(ClientTableModel::ActionCol, Qt::DescendingOrder); // by severity of the action
    EXPECT_EQ(columnValues(proxy, ClientTableModel::ClientCol), (QStringList {"y", "z", "x"}));

    // The risk cell carries the number and a background; the action column the text.
    const QModelIndex risk = model.index(model.rowOf(QStringLiteral("y")), ClientTableModel::RiskCol);
    EXPECT_EQ(risk.data().toString(), QStringLiteral("80"));
    EXPECT_TRUE(risk.data(Qt::BackgroundRole).value<QColor>().isValid());
    EXPECT_EQ(model.index(model.rowOf(QStringLiteral("y")), ClientTableModel::ActionCol).data().toString(),
              QStringLiteral("Block"));
}

TEST(AlertListModel, IncrementalUpdatesPassTheModelTester)
{
    ui::AlertListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QSortFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    proxy.setSortRole(ui::SortRole);
    proxy.setDynamicSortFilter(true);
    proxy.sort(ui::AlertListModel::SeverityCol, Qt::DescendingOrder);
    QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);

    const qint64 t = ui::test::now();
    model.setAlerts({alert("gw-1", 1, t - 3000, "low"), alert("gw-1", 2, t - 2000, "high")});
    ASSERT_EQ(model.rowCount(), 2);
    EXPECT_EQ(model.index(0, 0).data(ui::AlertIdRole).toLongLong(), 2); // newest first
    EXPECT_EQ(model.openHighCount(), 1);

    // A newer alert goes to the top, an older one from another gateway in between, an ack updates in place.
    model.setAlerts({alert("gw-1", 1, t - 3000, "low"), alert("gw-1", 2, t - 2000, "high", true),
                     alert("gw-2", 7, t - 2500, "medium"), alert("gw-1", 3, t - 1000, "high")});
    ASSERT_EQ(model.rowCount(), 4);
    QList<qint64> ids;
    for (int r = 0; r < model.rowCount(); ++r)
        ids << model.index(r, 0).data(ui::AlertIdRole).toLongLong();
    EXPECT_EQ(ids, (QList<qint64> {3, 2, 7, 1}));
    EXPECT_TRUE(model.index(1, 0).data(ui::AcknowledgedRole).toBool());
    EXPECT_EQ(model.openHighCount(), 1);
    EXPECT_EQ(proxy.index(0, ui::AlertListModel::SeverityCol).data(ui::SeverityRole).toString(),
              QStringLiteral("high"));

    // Same alert id on two gateways are two alerts; removal of some.
    model.setAlerts({alert("gw-2", 3, t - 500, "low"), alert("gw-1", 3, t - 1000, "high")});
    ASSERT_EQ(model.rowCount(), 2);
    EXPECT_EQ(model.index(0, 0).data(ui::GatewayIdRole).toString(), QStringLiteral("gw-2"));
    model.setAlerts({});
    EXPECT_EQ(model.rowCount(), 0);
    EXPECT_EQ(resets.count(), 0);
}
