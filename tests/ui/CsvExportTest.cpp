// CSV export: RFC 4180 quoting, formula neutralisation, the clients table's export values.

#include "ui/CsvExport.h"
#include "tests/ui/FleetData.h"
#include "ui/ClientTableModel.h"

#include <QFile>
#include <QStandardItemModel>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace modelguard::ui;

TEST(CsvExport, QuotesOnlyWhereRfc4180Needs)
{
    EXPECT_EQ(csvField(QStringLiteral("plain")), QStringLiteral("plain"));
    EXPECT_EQ(csvField(QString()), QString());
    EXPECT_EQ(csvField(QStringLiteral("a,b")), QStringLiteral("\"a,b\""));
    EXPECT_EQ(csvField(QStringLiteral("say \"hi\"")), QStringLiteral("\"say \"\"hi\"\"\""));
    EXPECT_EQ(csvField(QStringLiteral("two\nlines")), QStringLiteral("\"two\nlines\""));
    EXPECT_EQ(csvField(QStringLiteral("cr\rhere")), QStringLiteral("\"cr\rhere\""));
    EXPECT_EQ(csvField(QStringLiteral("\"")), QStringLiteral("\"\"\"\""));
    EXPECT_EQ(csvField(QStringLiteral(" spaced ")), QStringLiteral(" spaced "));
}

TEST(CsvExport, NeutralisesFormulasButNotNumbers)
{
    EXPECT_EQ(neutraliseFormula(QStringLiteral("=HYPERLINK(\"x\")")), QStringLiteral("'=HYPERLINK(\"x\")"));
    EXPECT_EQ(neutraliseFormula(QStringLiteral("@cmd")), QStringLiteral("'@cmd"));
    EXPECT_EQ(neutraliseFormula(QStringLiteral("+1+2")), QStringLiteral("'+1+2"));
    EXPECT_EQ(neutraliseFormula(QStringLiteral("-12.5")), QStringLiteral("-12.5"));
    EXPECT_EQ(neutraliseFormula(QStringLiteral("acme")), QStringLiteral("acme"));
}

TEST(CsvExport, ModelWithHeaderAndCrlf)
{
    QStandardItemModel model(0, 3);
    model.setHorizontalHeaderLabels(
        {QStringLiteral("Client"), QStringLiteral("Note, with comma"), QStringLiteral("N")});
    model.appendRow({new QStandardItem(QStringLiteral("acme")), new QStandardItem(QStringLiteral("said \"stop\"")),
                     new QStandardItem(QStringLiteral("12"))});
    model.appendRow({new QStandardItem(QStringLiteral("=evil()")), new QStandardItem(QStringLiteral("line1\nline2")),
                     new QStandardItem(QString())});
    const QString csv = modelToCsv(model);
    EXPECT_EQ(csv, QStringLiteral("Client,\"Note, with comma\",N\r\n"
                                  "acme,\"said \"\"stop\"\"\",12\r\n"
                                  "'=evil(),\"line1\nline2\",\r\n"));
}

TEST(CsvExport, ClientTableExportsRawValues)
{
    ClientTableModel model;
    modelguard::client::ClientRow r;
    r.clientId = QStringLiteral("big, client");
    r.gateways = {QStringLiteral("gw-1"), QStringLiteral("gw-2")};
    r.keyPrefixes = {QStringLiteral("mg_abc")};
    r.requestsPerMin = 12345.5;
    r.tokensPerMin = 1000000;
    r.quotaUsedPct = 12.5;
    r.riskScore = 73.25;
    r.action = QStringLiteral("throttle");
    r.lastSeenMs = 1700000000000;
    model.setRows({r});
    const QStringList lines = modelToCsv(model).split(QStringLiteral("\r\n"));
    ASSERT_GE(lines.size(), 2);
    EXPECT_EQ(lines[0],
              QStringLiteral("Client,Gateways,Key prefix,Requests/min,Tokens/min,Quota used,Risk,Action,Last seen"));
    EXPECT_EQ(lines[1], QStringLiteral("\"big, client\",gw-1 gw-2,mg_abc,12345.5,1000000,12.5,73.25,throttle,"
                                       "2023-11-14T22:13:20.000Z"));
}

TEST(CsvExport, WriteTextFileReportsErrors)
{
    QTemporaryDir dir;
    QString error;
    const QString path = dir.filePath(QStringLiteral("out.csv"));
    ASSERT_TRUE(writeTextFile(path, QStringLiteral("a,b\r\n"), &error)) << error.toStdString();
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    EXPECT_EQ(file.readAll(), QByteArray("a,b\r\n"));
    EXPECT_FALSE(writeTextFile(dir.filePath(QStringLiteral("missing/dir/out.csv")), QStringLiteral("x"), &error));
    EXPECT_FALSE(error.isEmpty());
}
