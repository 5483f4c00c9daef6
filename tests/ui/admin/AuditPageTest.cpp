// The Audit view against the console's real local audit log (and, for real admin changes, a real gateway): the
// entries listed newest first with their columns and before/after detail, failures marked; filters by action,
// gateway, result and time; verification intact and after altering, deleting, reordering and inserting rows directly
// in SQLite (the console's own connection stays open); JSON Lines and CSV exports parsed back; the saved key accepted
// by the real `modelguard-cli audit verify`; two ConsoleAudit objects appending to one file in turn; a log that is not
// open; big logs cut to the newest entries.

#include "tests/ui/admin/AdminFixture.h"

#include "core/crypto/Crypto.h"
#include "ui/AuditPage.h"
#include "ui/AuditTableModel.h"
#include "ui/Theme.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QComboBox>
#include <QFile>
#include <QJsonObject>
#include <QPushButton>

#include <nlohmann/json.hpp>
#include <sqlite3.h>

#include <fstream>
#include <sstream>

#include <sys/stat.h>

namespace modelguard::ui::test {
namespace {

using audit::AuditQuery;

client::AdminChange createKeyChange(const QString& client)
{
    client::AdminChange change;
    change.action = QStringLiteral("create_key");
    change.target = QStringLiteral("client:%1").arg(client);
    change.method = "POST";
    change.path = QStringLiteral("/admin/v1/keys");
    change.body = QJsonObject {{"client", client}, {"name", "audit view"}};
    return change;
}

/// Runs SQL on a connection of its own: someone with write access to the file, behind the console's back.
void tamper(const QString& path, const std::string& sql)
{
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(QFile::encodeName(path).constData(), &db), SQLITE_OK);
    sqlite3_busy_timeout(db, 5000);
    char* error = nullptr;
    const int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error);
    const std::string message = error ? error : "";
    sqlite3_free(error);
    sqlite3_close(db);
    ASSERT_EQ(rc, SQLITE_OK) << message << " in " << sql;
}

/// Inserts a complete row (as someone without the key would: consistent hash, guessed MAC).
void insertRow(const QString& path, const audit::AuditRecord& r)
{
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(QFile::encodeName(path).constData(), &db), SQLITE_OK);
    sqlite3_busy_timeout(db, 5000);
    sqlite3_stmt* s = nullptr;
    const char* sql = "INSERT INTO audit_entries (seq, time_ms, os_user, console_identity, action, gateway, target, "
                      "before_json, after_json, result, prev_hash, hash, mac) "
                      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)";
    ASSERT_EQ(sqlite3_prepare_v2(db, sql, -1, &s, nullptr), SQLITE_OK) << sqlite3_errmsg(db);
    sqlite3_bind_int64(s, 1, static_cast<sqlite3_int64>(r.seq));
    sqlite3_bind_int64(s, 2, r.entry.time_ms);
    const std::string* texts[] = {&r.entry.os_user,
                                  &r.entry.console_identity,
                                  &r.entry.action,
                                  &r.entry.gateway,
                                  &r.entry.target,
                                  &r.entry.before_json,
                                  &r.entry.after_json,
                                  &r.entry.result,
                                  &r.prev_hash,
                                  &r.hash,
                                  &r.mac};
    int column = 3;
    for (const std::string* t : texts)
        sqlite3_bind_text(s, column++, t->c_str(), static_cast<int>(t->size()), SQLITE_TRANSIENT);
    const int rc = sqlite3_step(s);
    const std::string message = sqlite3_errmsg(db);
    sqlite3_finalize(s);
    sqlite3_close(db);
    ASSERT_EQ(rc, SQLITE_DONE) << message;
}

std::vector<std::string> readLines(const QString& path)
{
    std::ifstream in(QFile::encodeName(path).toStdString(), std::ios::binary);
    std::vector<std::string> lines;
    for (std::string line; std::getline(in, line);)
        lines.push_back(line);
    return lines;
}

/// RFC 4180: records of fields; quoted fields may hold ',', '"' (doubled), CR and LF.
std::vector<std::vector<std::string>> parseCsv(const std::string& text)
{
    std::vector<std::vector<std::string>> records;
    std::vector<std::string> fields;
    std::string field;
    bool quoted = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
                field += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            fields.push_back(std::move(field));
            field.clear();
        } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
            fields.push_back(std::move(field));
            field.clear();
            records.push_back(std::move(fields));
            fields.clear();
            ++i;
        } else {
            field += c;
        }
    }
    if (!field.empty() || !fields.empty()) {
        fields.push_back(std::move(field));
        records.push_back(std::move(fields));
    }
    return records;
}

std::string readAll(const QString& path)
{
    std::ifstream in(QFile::encodeName(path).toStdString(), std::ios::binary);
    std::ostringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

class AuditPageTest : public AdminFixture
{
public:
    /// Records `n` entries through the console: actions alternate set_limits / revoke_key, every third one failed.
    void fill(int n)
    {
        for (int i = 1; i <= n; ++i) {
            const QString action = i % 2 == 1 ? QStringLiteral("set_limits") : QStringLiteral("revoke_key");
            const QString result = i % 3 == 0 ? QStringLiteral("refused: HTTP 400 invalid_policy: no") : "ok";
            ASSERT_NE(m_audit->record(action, QStringLiteral("gw-a"), QStringLiteral("client:c%1").arg(i),
                                      QJsonObject {{"limit", i}}, QJsonObject {{"limit", i + 1}}, result),
                      0u)
                << m_audit->error().toStdString();
        }
    }

    /// Appends an entry at a chosen time through a second AuditLog on the same file, with the console's key.
    void appendAt(std::int64_t timeMs, const std::string& action, const std::string& gateway, const std::string& result)
    {
        const auto key = crypto::fromHex(m_audit->keyHex().toStdString());
        ASSERT_TRUE(key.has_value());
        audit::AuditLog log(m_audit->path().toStdString());
        audit::AuditEntry e;
        e.time_ms = timeMs;
        e.os_user = "alice";
        e.console_identity = "alice@elsewhere console 1";
        e.action = action;
        e.gateway = gateway;
        e.target = "client:old";
        e.after_json = R"({"old":true})";
        e.result = result;
        log.append(e, *key);
    }

    static QComboBox* combo(AuditPage& page, const char* name)
    {
        auto* box = page.findChild<QComboBox*>(QString::fromLatin1(name));
        EXPECT_NE(box, nullptr) << name;
        return box;
    }

    /// Chooses the combo entry whose data is `data` (invalid QVariant: the first entry, "any").
    static void choose(QComboBox* box, const QVariant& data)
    {
        const int index = data.isValid() ? box->findData(data) : 0;
        ASSERT_GE(index, 0) << data.toString().toStdString();
        box->setCurrentIndex(index);
    }

    static QString cell(const AuditPage& page, int row, int column, int role = Qt::DisplayRole)
    {
        return page.model()->index(row, column).data(role).toString();
    }

    static QPushButton* verifyButton(AuditPage& page)
    {
        return page.findChild<QPushButton*>(QStringLiteral("auditVerifyButton"));
    }
};

TEST_F(AuditPageTest, ListsEntriesNewestFirstWithTheirColumnsAndDetail)
{
    AuditPage page(m_audit.get());
    page.resize(1200, 800);
    page.show();
    QAbstractItemModelTester tester(page.model(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    EXPECT_EQ(page.model()->rowCount(), 0);

    ASSERT_NE(m_audit->record(QStringLiteral("set_limits"), QStringLiteral("gw-x"), QStringLiteral("client:acme"),
                              QJsonObject {{"tokens_per_day", 100}}, QJsonObject {{"tokens_per_day", 200}}, "ok"),
              0u);
    ASSERT_NE(m_audit->record(QStringLiteral("pin_action"), QStringLiteral("gw-x"), QStringLiteral("client:bad"),
                              QJsonValue::Undefined, QJsonObject {{"action", "block"}, {"reason", "abuse"}},
                              QStringLiteral("refused: HTTP 400 invalid_action: no such action")),
              0u);
    // A real change through the service: recorded by AdminService, listed without any reload by the test.
    const auto outcome = await(m_service->apply(m_gateway, createKeyChange(QStringLiteral("acme"))));
    ASSERT_TRUE(outcome && outcome->ok()) << (outcome ? outcome->message.toStdString() : "no outcome");
    ASSERT_TRUE(waitUntil([&] { return page.model()->rowCount() == 3; }, 5s)) << page.model()->rowCount();

    const auto records = auditRecords();
    ASSERT_EQ(records.size(), 3u);
    // Row 0 is the newest: the key creation.
    EXPECT_EQ(page.model()->index(0, 0).data(AuditTableModel::SeqRole).toULongLong(), 3u);
    EXPECT_EQ(cell(page, 0, AuditTableModel::TimeCol), AuditTableModel::timeText(records[2].entry.time_ms));
    EXPECT_EQ(cell(page, 0, AuditTableModel::ActionCol), QStringLiteral("create_key"));
    EXPECT_TRUE(cell(page, 0, AuditTableModel::GatewayCol).contains(QStringLiteral("gw-a")))
        << cell(page, 0, AuditTableModel::GatewayCol).toStdString();
    EXPECT_EQ(cell(page, 0, AuditTableModel::TargetCol), QStringLiteral("client:acme"));
    EXPECT_EQ(cell(page, 0, AuditTableModel::ResultCol), QStringLiteral("OK"));
    EXPECT_EQ(cell(page, 0, AuditTableModel::UserCol), m_audit->osUser());
    EXPECT_EQ(cell(page, 0, AuditTableModel::ConsoleCol), m_audit->consoleIdentity());
    EXPECT_EQ(page.model()->headerData(AuditTableModel::ResultCol, Qt::Horizontal).toString(),
              QStringLiteral("Result"));

    // The refused change is marked with the theme's critical colours.
    const QModelIndex failed = page.model()->index(1, AuditTableModel::ResultCol);
    EXPECT_TRUE(failed.data(AuditTableModel::FailedRole).toBool());
    EXPECT_EQ(failed.data().toString(), QStringLiteral("refused: HTTP 400 invalid_action: no such action"));
    EXPECT_EQ(failed.data(Qt::ForegroundRole).value<QColor>(),
              riskForeground(RiskBand::Critical, QApplication::palette()));
    EXPECT_EQ(failed.data(Qt::BackgroundRole).value<QColor>(),
              riskBackground(RiskBand::Critical, QApplication::palette()));
    const QModelIndex fine = page.model()->index(2, AuditTableModel::ResultCol);
    EXPECT_FALSE(fine.data(AuditTableModel::FailedRole).toBool());
    EXPECT_NE(fine.data(Qt::ForegroundRole).value<QColor>(),
              riskForeground(RiskBand::Critical, QApplication::palette()));
    EXPECT_FALSE(fine.data(Qt::BackgroundRole).isValid());

    // Detail: pretty-printed before and after.
    ASSERT_TRUE(page.selectSeq(1));
    EXPECT_TRUE(page.beforeText().contains(QStringLiteral("\"tokens_per_day\": 100")))
        << page.beforeText().toStdString();
    EXPECT_TRUE(page.afterText().contains(QStringLiteral("\"tokens_per_day\": 200"))) << page.afterText().toStdString();
    EXPECT_TRUE(page.afterText().contains(QLatin1Char('\n')));
    ASSERT_TRUE(page.selectSeq(3));
    EXPECT_TRUE(page.afterText().contains(QStringLiteral("\"client\": \"acme\""))) << page.afterText().toStdString();
    EXPECT_FALSE(page.afterText().contains(QStringLiteral("secret")));
    ASSERT_TRUE(page.selectSeq(2));
    EXPECT_TRUE(page.beforeText().isEmpty());

    // A new entry appears at the top; the selection stays on its entry.
    ASSERT_NE(m_audit->record(QStringLiteral("clear_limits"), QStringLiteral("gw-x"), QStringLiteral("client:acme"),
                              QJsonValue::Undefined, QJsonValue::Undefined, "ok"),
              0u);
    ASSERT_TRUE(waitUntil([&] { return page.model()->rowCount() == 4; }, 5s));
    EXPECT_EQ(cell(page, 0, AuditTableModel::ActionCol), QStringLiteral("clear_limits"));
    EXPECT_EQ(page.selectedSeq(), 2u);
    EXPECT_TRUE(page.countText().contains(QStringLiteral("4"))) << page.countText().toStdString();
}

TEST_F(AuditPageTest, FiltersReduceTheRows)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const qint64 day = 24LL * 3600 * 1000;
    appendAt(now - 10 * day, "set_limits", "gw-1", "refused: HTTP 403 forbidden: no");
    appendAt(now - 3 * day, "revoke_key", "gw-2", "ok");
    ASSERT_NE(m_audit->record("set_limits", "gw-1", "client:a", {}, QJsonObject {{"x", 1}}, "ok"), 0u);
    ASSERT_NE(m_audit->record("set_limits", "gw-2", "client:b", {}, QJsonObject {{"x", 2}}, "failed: timeout"), 0u);
    ASSERT_NE(m_audit->record("revoke_key", "gw-1", "key:k1", {}, {}, "ok"), 0u);

    AuditPage page(m_audit.get());
    ASSERT_EQ(page.model()->rowCount(), 5);
    EXPECT_EQ(page.knownActions(), (QStringList {"revoke_key", "set_limits"}));
    EXPECT_EQ(page.knownGateways(), (QStringList {"gw-1", "gw-2"}));
    QComboBox* action = combo(page, "auditActionFilter");
    QComboBox* gateway = combo(page, "auditGatewayFilter");
    QComboBox* result = combo(page, "auditResultFilter");
    QComboBox* time = combo(page, "auditTimeRange");
    ASSERT_TRUE(action && gateway && result && time);
    EXPECT_GE(action->findData(QStringLiteral("revoke_key")), 1);

    choose(action, QStringLiteral("set_limits"));
    ASSERT_EQ(page.model()->rowCount(), 3);
    for (int row = 0; row < 3; ++row)
        EXPECT_EQ(cell(page, row, AuditTableModel::ActionCol), QStringLiteral("set_limits"));
    EXPECT_EQ(page.currentQuery().action, std::optional<std::string>("set_limits"));

    choose(gateway, QStringLiteral("gw-1"));
    ASSERT_EQ(page.model()->rowCount(), 2);
    for (int row = 0; row < 2; ++row)
        EXPECT_EQ(cell(page, row, AuditTableModel::GatewayCol), QStringLiteral("gw-1"));

    choose(action, QVariant());
    choose(gateway, QVariant());
    ASSERT_EQ(page.model()->rowCount(), 5);
    choose(result, static_cast<int>(AuditQuery::Result::Failed));
    ASSERT_EQ(page.model()->rowCount(), 2);
    for (int row = 0; row < 2; ++row)
        EXPECT_TRUE(page.model()->index(row, 0).data(AuditTableModel::FailedRole).toBool());
    choose(result, static_cast<int>(AuditQuery::Result::Ok));
    EXPECT_EQ(page.model()->rowCount(), 3);
    choose(result, static_cast<int>(AuditQuery::Result::Any));

    choose(time, static_cast<int>(AuditPage::TimeRange::LastHour));
    EXPECT_EQ(page.model()->rowCount(), 3);
    choose(time, static_cast<int>(AuditPage::TimeRange::LastDay));
    EXPECT_EQ(page.model()->rowCount(), 3);
    choose(time, static_cast<int>(AuditPage::TimeRange::LastWeek));
    EXPECT_EQ(page.model()->rowCount(), 4);
    choose(time, static_cast<int>(AuditPage::TimeRange::All));
    EXPECT_EQ(page.model()->rowCount(), 5);

    page.setCustomRange(QDateTime::fromMSecsSinceEpoch(now - 4 * day), QDateTime::fromMSecsSinceEpoch(now - 2 * day));
    ASSERT_EQ(page.model()->rowCount(), 1);
    EXPECT_EQ(cell(page, 0, AuditTableModel::ActionCol), QStringLiteral("revoke_key"));
    EXPECT_EQ(cell(page, 0, AuditTableModel::GatewayCol), QStringLiteral("gw-2"));
    EXPECT_EQ(time->currentData().toInt(), static_cast<int>(AuditPage::TimeRange::Custom));

    // Filters combine; clearing them shows everything again.
    page.setCustomRange(QDateTime::fromMSecsSinceEpoch(now - 11 * day), QDateTime::fromMSecsSinceEpoch(now + 60000));
    choose(gateway, QStringLiteral("gw-1"));
    choose(result, static_cast<int>(AuditQuery::Result::Failed));
    ASSERT_EQ(page.model()->rowCount(), 1);
    EXPECT_EQ(cell(page, 0, AuditTableModel::TargetCol), QStringLiteral("client:old"));
    page.clearFilters();
    EXPECT_EQ(page.model()->rowCount(), 5);
}

TEST_F(AuditPageTest, VerifyReportsAnIntactLog)
{
    fill(4);
    AuditPage page(m_audit.get());
    ASSERT_NE(verifyButton(page), nullptr);
    EXPECT_TRUE(page.verifyBannerText().isEmpty());
    verifyButton(page)->click();
    EXPECT_EQ(page.verifyBannerText(), QStringLiteral("Intact: 4 entries, chain and seal verified."));
    const auto report = page.verify();
    EXPECT_TRUE(report.intact()) << report.detail;
    EXPECT_EQ(report.entries, 4u);
}

TEST_F(AuditPageTest, VerifyFindsAnAlteredEntryAndShowsIt)
{
    fill(5);
    AuditPage page(m_audit.get());
    // Hide entry 3 behind a filter: verification must show it anyway.
    choose(combo(page, "auditActionFilter"), QStringLiteral("revoke_key"));
    ASSERT_EQ(page.model()->rowOfSeq(3), -1);
    tamper(m_audit->path(), "UPDATE audit_entries SET after_json = '{\"limit\":999}' WHERE seq = 3");

    verifyButton(page)->click();
    EXPECT_TRUE(page.verifyBannerText().startsWith(QStringLiteral("Broken at entry #3: altered — ")))
        << page.verifyBannerText().toStdString();
    EXPECT_EQ(combo(page, "auditActionFilter")->currentIndex(), 0);
    EXPECT_EQ(page.selectedSeq(), 3u);
    EXPECT_TRUE(page.afterText().contains(QStringLiteral("999"))) << page.afterText().toStdString();
    const auto report = m_audit->verify();
    EXPECT_EQ(report.problem, audit::AuditProblem::Altered);
}

TEST_F(AuditPageTest, VerifyFindsADeletedEntry)
{
    fill(5);
    AuditPage page(m_audit.get());
    tamper(m_audit->path(), "DELETE FROM audit_entries WHERE seq = 3");
    verifyButton(page)->click();
    EXPECT_TRUE(page.verifyBannerText().startsWith(QStringLiteral("Broken at entry #3: deleted — ")))
        << page.verifyBannerText().toStdString();
    EXPECT_EQ(page.model()->rowCount(), 4);
    EXPECT_EQ(page.selectedSeq(), 4u); // the entry after the gap
}

TEST_F(AuditPageTest, VerifyFindsReorderedEntries)
{
    fill(5);
    AuditPage page(m_audit.get());
    tamper(m_audit->path(), "UPDATE audit_entries SET seq = 100 WHERE seq = 2; "
                            "UPDATE audit_entries SET seq = 2 WHERE seq = 3; "
                            "UPDATE audit_entries SET seq = 3 WHERE seq = 100");
    verifyButton(page)->click();
    EXPECT_TRUE(page.verifyBannerText().startsWith(QStringLiteral("Broken at entry #2: reordered — ")))
        << page.verifyBannerText().toStdString();
    EXPECT_EQ(page.selectedSeq(), 2u);
    // Row of entry 2 now shows what was entry 3.
    EXPECT_EQ(cell(page, page.model()->rowOfSeq(2), AuditTableModel::TargetCol), QStringLiteral("client:c3"));
}

TEST_F(AuditPageTest, VerifyFindsAnInsertedForgedEntry)
{
    fill(5);
    AuditPage page(m_audit.get());
    // Make room at 4 and insert an entry whose hash is right but whose MAC is guessed.
    const auto third = auditRecords().at(2);
    audit::AuditRecord forged;
    forged.seq = 4;
    forged.entry = third.entry;
    forged.entry.os_user = "mallory";
    forged.entry.action = "clear_action";
    forged.entry.target = "client:mallory";
    forged.prev_hash = third.hash;
    forged.hash = crypto::toHex(crypto::sha256(audit::AuditLog::canonicalEncoding(4, forged.entry, third.hash)));
    forged.mac = crypto::toHex(crypto::randomBytes(32));
    tamper(m_audit->path(), "UPDATE audit_entries SET seq = seq + 100 WHERE seq >= 4; "
                            "UPDATE audit_entries SET seq = seq - 99 WHERE seq > 100");
    insertRow(m_audit->path(), forged);

    verifyButton(page)->click();
    EXPECT_TRUE(page.verifyBannerText().startsWith(QStringLiteral("Broken at entry #4: forged — ")))
        << page.verifyBannerText().toStdString();
    EXPECT_EQ(page.selectedSeq(), 4u);
    EXPECT_EQ(page.model()->rowCount(), 6);
    EXPECT_EQ(cell(page, page.model()->rowOfSeq(4), AuditTableModel::UserCol), QStringLiteral("mallory"));
}

TEST_F(AuditPageTest, ExportsJsonLinesAndCsv)
{
    ASSERT_NE(m_audit->record("set_limits", "gw-a", "note, \"quoted\"", QJsonObject {{"a", 1}, {"b", "x,y"}},
                              QJsonObject {{"a", 2}}, "ok"),
              0u);
    ASSERT_NE(m_audit->record("revoke_key", "gw-a", "key:k1", {}, {}, "failed: timeout"), 0u);
    ASSERT_NE(m_audit->record("revoke_key", "gw-b", "key:k2", {}, {}, "ok"), 0u);
    AuditPage page(m_audit.get());

    const QString jsonPath = m_dir.filePath(QStringLiteral("audit.jsonl"));
    QString error;
    ASSERT_EQ(page.exportTo(jsonPath, AuditPage::ExportFormat::JsonLines, &error), 3) << error.toStdString();
    const auto lines = readLines(jsonPath);
    ASSERT_EQ(lines.size(), 3u);
    const char* actions[] = {"set_limits", "revoke_key", "revoke_key"};
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const auto j = nlohmann::json::parse(lines[i]);
        EXPECT_EQ(j.at("seq").get<std::uint64_t>(), i + 1);
        EXPECT_EQ(j.at("action").get<std::string>(), actions[i]);
        EXPECT_EQ(j.at("os_user").get<std::string>(), m_audit->osUser().toStdString());
        EXPECT_EQ(j.at("hash").get<std::string>().size(), 64u);
    }
    EXPECT_EQ(nlohmann::json::parse(lines[0]).at("target").get<std::string>(), "note, \"quoted\"");
    EXPECT_EQ(nlohmann::json::parse(lines[1]).at("result").get<std::string>(), "failed: timeout");

    // CSV of everything: header + 3 records, every record as wide as the header, quoting round-trips.
    const QString csvPath = m_dir.filePath(QStringLiteral("audit.csv"));
    ASSERT_EQ(page.exportTo(csvPath, AuditPage::ExportFormat::Csv, &error), 3) << error.toStdString();
    auto csv = parseCsv(readAll(csvPath));
    ASSERT_EQ(csv.size(), 4u);
    const std::vector<std::string> header = csv[0]; // a copy: csv is read again below
    const auto column = [&](const std::string& name) {
        return static_cast<std::size_t>(std::find(header.begin(), header.end(), name) - header.begin());
    };
    ASSERT_LT(column("action"), header.size());
    ASSERT_LT(column("target"), header.size());
    ASSERT_LT(column("result"), header.size());
    ASSERT_LT(column("before_json"), header.size());
    for (std::size_t i = 1; i < csv.size(); ++i)
        ASSERT_EQ(csv[i].size(), header.size()) << "record " << i;
    EXPECT_EQ(csv[1][column("target")], "note, \"quoted\"");
    EXPECT_EQ(nlohmann::json::parse(csv[1][column("before_json")]).at("b").get<std::string>(), "x,y");
    EXPECT_EQ(csv[3][column("seq")], "3");

    // The export follows the filters.
    choose(combo(page, "auditResultFilter"), static_cast<int>(AuditQuery::Result::Failed));
    ASSERT_EQ(page.exportTo(csvPath, AuditPage::ExportFormat::Csv, &error), 1) << error.toStdString();
    csv = parseCsv(readAll(csvPath));
    ASSERT_EQ(csv.size(), 2u);
    EXPECT_EQ(csv[1][column("result")], "failed: timeout");
    EXPECT_EQ(csv[1][column("action")], "revoke_key");
    choose(combo(page, "auditGatewayFilter"), QStringLiteral("gw-b"));
    ASSERT_EQ(page.exportTo(jsonPath, AuditPage::ExportFormat::JsonLines, &error), 0);
    EXPECT_TRUE(readLines(jsonPath).empty());

    // A file that cannot be written: an error, and nothing left behind.
    const QString bad = m_dir.filePath(QStringLiteral("missing-dir/audit.jsonl"));
    error.clear();
    EXPECT_EQ(page.exportTo(bad, AuditPage::ExportFormat::JsonLines, &error), -1);
    EXPECT_FALSE(error.isEmpty());
    EXPECT_FALSE(QFile::exists(bad));
}

TEST_F(AuditPageTest, SavedKeyIsRecordedAndAcceptedByTheCli)
{
    fill(3);
    AuditPage page(m_audit.get());

    // A key file that cannot be written: refused, and the attempt is recorded as failed.
    QString error;
    const QString badPath = m_dir.filePath(QStringLiteral("missing-dir/audit.key"));
    EXPECT_FALSE(page.saveKeyTo(badPath, &error));
    EXPECT_FALSE(error.isEmpty());
    auto records = auditRecords();
    ASSERT_EQ(records.size(), 4u);
    EXPECT_EQ(records.back().entry.action, AuditPage::kExportKeyAction);
    EXPECT_EQ(records.back().entry.result.rfind("failed: ", 0), 0u) << records.back().entry.result;

    const QString keyPath = m_dir.filePath(QStringLiteral("audit.key"));
    ASSERT_TRUE(page.saveKeyTo(keyPath, &error)) << error.toStdString();
    struct stat st
    {
    };
    ASSERT_EQ(::stat(QFile::encodeName(keyPath).constData(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0600u);
    const std::string keyText = readAll(keyPath);
    EXPECT_EQ(keyText, m_audit->keyHex().toStdString() + "\n");
    EXPECT_EQ(m_audit->keyHex().size(), 64);

    records = auditRecords();
    ASSERT_EQ(records.size(), 5u);
    const auto& e = records.back().entry;
    EXPECT_EQ(e.action, "export_audit_key");
    EXPECT_EQ(e.target, ("file:" + keyPath).toStdString());
    EXPECT_EQ(e.result, "ok");
    EXPECT_EQ(e.after_json.find(m_audit->keyHex().toStdString()), std::string::npos) << "the key reached the log";
    EXPECT_NE(e.after_json.find(keyPath.toStdString()), std::string::npos) << e.after_json;
    ASSERT_TRUE(waitUntil([&] { return page.model()->rowCount() == 5; }, 5s));
    EXPECT_EQ(cell(page, 0, AuditTableModel::ActionCol), QStringLiteral("export_audit_key"));
    EXPECT_EQ(cell(page, 0, AuditTableModel::GatewayCol), QStringLiteral("(local)"));

    // The real command line accepts the key: intact now, broken after tampering.
    const std::string log = m_audit->path().toStdString();
    auto run = modelguard::test::runCommand({MG_CLI_BIN, "audit", "verify", log, "--key-file", keyPath.toStdString()});
    EXPECT_EQ(run.status, 0) << run.out;
    EXPECT_NE(run.out.find("intact: 5 entries"), std::string::npos) << run.out;
    tamper(m_audit->path(), "UPDATE audit_entries SET target = 'client:someone-else' WHERE seq = 2");
    run = modelguard::test::runCommand({MG_CLI_BIN, "audit", "verify", log, "--key-file", keyPath.toStdString()});
    EXPECT_NE(run.status, 0) << run.out;
    EXPECT_NE(run.out.find("altered"), std::string::npos) << run.out;
}

TEST_F(AuditPageTest, TwoConsolesAppendingInTurnKeepOneChain)
{
    client::ConsoleAudit second(m_audit->path(), m_audit->keyEntry());
    const auto opened = await(second.open());
    ASSERT_TRUE(opened.has_value() && *opened) << second.error().toStdString();
    AuditPage page(m_audit.get());
    for (int i = 0; i < 50; ++i) {
        const QString target = QStringLiteral("client:c%1").arg(i);
        EXPECT_EQ(m_audit->record("set_limits", "gw-a", target, {}, QJsonObject {{"i", i}}, "ok"),
                  static_cast<quint64>(2 * i + 1));
        EXPECT_EQ(second.record("set_limits", "gw-b", target, {}, QJsonObject {{"i", i}}, "ok"),
                  static_cast<quint64>(2 * i + 2));
    }
    const auto report = m_audit->verify();
    EXPECT_TRUE(report.intact()) << report.detail;
    EXPECT_EQ(report.entries, 100u);
    EXPECT_TRUE(second.verify().intact());

    verifyButton(page)->click();
    EXPECT_EQ(page.verifyBannerText(), QStringLiteral("Intact: 100 entries, chain and seal verified."));
    EXPECT_EQ(page.model()->rowCount(), 100);
    choose(combo(page, "auditGatewayFilter"), QStringLiteral("gw-b"));
    EXPECT_EQ(page.model()->rowCount(), 50);
}

TEST_F(AuditPageTest, ALogThatIsNotOpenSaysWhyAndOffersNothing)
{
    fill(2);
    // The same file, but its key is not under this keychain entry: the log stays closed.
    client::ConsoleAudit closed(m_audit->path(),
                                QStringLiteral("missing-key-%1").arg(QUuid::createUuid().toString(QUuid::Id128)));
    const auto opened = await(closed.open());
    ASSERT_TRUE(opened.has_value());
    ASSERT_FALSE(*opened);
    ASSERT_FALSE(closed.error().isEmpty());

    AuditPage page(&closed);
    EXPECT_TRUE(page.closedBannerText().contains(closed.error())) << page.closedBannerText().toStdString();
    EXPECT_EQ(page.model()->rowCount(), 0);
    ASSERT_NE(verifyButton(page), nullptr);
    EXPECT_FALSE(verifyButton(page)->isEnabled());
    EXPECT_FALSE(page.findChild<QPushButton*>(QStringLiteral("auditExportButton"))->isEnabled());
    EXPECT_FALSE(page.findChild<QPushButton*>(QStringLiteral("auditSaveKeyButton"))->isEnabled());
    QString error;
    EXPECT_EQ(page.exportTo(m_dir.filePath(QStringLiteral("x.jsonl")), AuditPage::ExportFormat::JsonLines, &error), -1);
    EXPECT_FALSE(error.isEmpty());
    EXPECT_FALSE(page.saveKeyTo(m_dir.filePath(QStringLiteral("x.key")), &error));
    EXPECT_FALSE(QFile::exists(m_dir.filePath(QStringLiteral("x.key"))));
    EXPECT_FALSE(page.verify().intact());

    // The open log next to it is unaffected; a page on it has no closed banner.
    AuditPage good(m_audit.get());
    EXPECT_TRUE(good.closedBannerText().isEmpty());
    EXPECT_EQ(good.model()->rowCount(), 2);
}

TEST_F(AuditPageTest, BigListsAreCutToTheNewestEntriesAndSaySo)
{
    fill(12);
    AuditPage page(m_audit.get());
    QAbstractItemModelTester tester(page.model(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    EXPECT_FALSE(page.model()->isCut());
    page.model()->setRowLimit(5);
    ASSERT_EQ(page.model()->rowCount(), 5);
    EXPECT_TRUE(page.model()->isCut());
    EXPECT_TRUE(page.countText().contains(QStringLiteral("newest"))) << page.countText().toStdString();
    for (int row = 0; row < 5; ++row)
        EXPECT_EQ(page.model()->record(row)->seq, static_cast<std::uint64_t>(12 - row));

    // A new entry pushes the oldest shown one out.
    ASSERT_TRUE(page.selectSeq(10));
    ASSERT_NE(m_audit->record("clear_limits", "gw-a", "client:z", {}, {}, "ok"), 0u);
    ASSERT_TRUE(waitUntil([&] { return page.model()->record(0)->seq == 13; }, 5s));
    ASSERT_EQ(page.model()->rowCount(), 5);
    EXPECT_EQ(page.model()->record(4)->seq, 9u);
    EXPECT_EQ(page.selectedSeq(), 10u);

    // Filtered and cut: the newest matching ones.
    choose(combo(page, "auditActionFilter"), QStringLiteral("set_limits")); // seqs 1, 3, 5, 7, 9, 11
    ASSERT_EQ(page.model()->rowCount(), 5);
    EXPECT_EQ(page.model()->record(0)->seq, 11u);
    EXPECT_EQ(page.model()->record(4)->seq, 3u);
    page.model()->setRowLimit(6);
    EXPECT_FALSE(page.model()->isCut());
    EXPECT_EQ(page.model()->rowCount(), 6);
    EXPECT_FALSE(page.countText().contains(QStringLiteral("newest")));
}

TEST(AuditTableModelTest, NewestOfALogSpreadOverTimeAndOfOneMillisecond)
{
    modelguard::test::TempDir dir;
    audit::AuditLog log(dir.path() / "audit.sqlite");
    const auto key = audit::AuditLog::generateKey();
    const std::int64_t start = 1'700'000'000'000;
    audit::AuditEntry e;
    e.os_user = "alice";
    e.console_identity = "c";
    e.result = "ok";
    for (int i = 0; i < 300; ++i) { // one entry every 37 minutes, about a week
        e.time_ms = start + static_cast<std::int64_t>(i) * 37 * 60 * 1000;
        e.action = i % 2 == 0 ? "even" : "odd";
        log.append(e, key);
    }
    bool cut = false;
    auto rows = AuditTableModel::queryNewest(log, {}, 50, &cut);
    EXPECT_TRUE(cut);
    ASSERT_EQ(rows.size(), 50u);
    for (std::size_t i = 0; i < rows.size(); ++i)
        EXPECT_EQ(rows[i].seq, 300 - i);

    AuditQuery odd;
    odd.action = "odd";
    rows = AuditTableModel::queryNewest(log, odd, 20, &cut);
    EXPECT_TRUE(cut);
    ASSERT_EQ(rows.size(), 20u);
    EXPECT_EQ(rows.front().seq, 300u);
    EXPECT_EQ(rows.back().seq, 262u);

    rows = AuditTableModel::queryNewest(log, odd, 150, &cut);
    EXPECT_FALSE(cut);
    EXPECT_EQ(rows.size(), 150u);

    // 40 more entries in one millisecond (after everything else): the newest 25 by seq.
    e.time_ms = start + 400LL * 37 * 60 * 1000;
    e.action = "burst";
    for (int i = 0; i < 40; ++i)
        log.append(e, key);
    rows = AuditTableModel::queryNewest(log, {}, 25, &cut);
    EXPECT_TRUE(cut);
    ASSERT_EQ(rows.size(), 25u);
    EXPECT_EQ(rows.front().seq, 340u);
    EXPECT_EQ(rows.back().seq, 316u);
    // 45: the burst and the 5 newest before it.
    rows = AuditTableModel::queryNewest(log, {}, 45, &cut);
    ASSERT_EQ(rows.size(), 45u);
    EXPECT_EQ(rows.back().seq, 296u);
}

} // namespace
} // namespace modelguard::ui::test
