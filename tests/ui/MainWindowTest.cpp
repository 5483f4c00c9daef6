// MainWindow: every section exists, navigation by Ctrl+1..Ctrl+7, and screenshots with fleet data (light and dark)
// written to the build directory for a look.

#include "ui/MainWindow.h"
#include "client/ConnectionManager.h"
#include "client/FleetStore.h"
#include "tests/ui/FleetData.h"
#include "ui/AuditPage.h"
#include "ui/ClientTableModel.h"
#include "ui/ClientsPage.h"
#include "ui/KeysPage.h"
#include "ui/LimitsPage.h"
#include "ui/OverviewPage.h"
#include "ui/PoliciesPage.h"
#include "ui/Theme.h"
#include "ui/TimeSeriesChart.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QDir>
#include <QImage>
#include <QLabel>
#include <QLineSeries>
#include <QListWidget>
#include <QPushButton>
#include <QRandomGenerator>
#include <QSet>
#include <QTest>

#include <gtest/gtest.h>

#include <cmath>

using namespace modelguard;
using namespace modelguard::ui::test;
using Section = ui::MainWindow::Section;

namespace {

/// A plausible fleet: 24 clients, 15 minutes of per-second usage, a few risky clients, alerts.
void loadDemoFleet(client::FleetStore& store)
{
    QList<ClientSpec> clients;
    const QStringList names = {"acme-prod",     "acme-staging", "beta-labs",    "contoso-chat", "delta-search",
                               "echo-support",  "foxtrot-rag",  "globex-eval",  "harvester-7",  "initech-docs",
                               "juliet-mobile", "kilo-batch",   "lima-agents",  "mike-coding",  "nova-research",
                               "oscar-legal",   "papa-voice",   "quebec-tutor", "romeo-sales",  "sierra-ops",
                               "tango-embed",   "umbrella-bot", "victor-qa",    "whiskey-test"};
    QRandomGenerator rng(7);
    for (int i = 0; i < names.size(); ++i) {
        ClientSpec c;
        c.id = names[i];
        c.requestsPerMin = 5 + rng.bounded(400) / 4.0;
        c.tokensPerMin = c.requestsPerMin * (200 + rng.bounded(900));
        c.quotaPct = rng.bounded(900) / 10.0;
        c.score = rng.bounded(35);
        c.keyPrefix = QStringLiteral("mg_%1").arg(QString::number(rng.generate64(), 36).left(10));
        clients << c;
    }
    clients[8].score = 91;
    clients[8].action = QStringLiteral("block");
    clients[8].requestsPerMin = 540;
    clients[2].score = 67;
    clients[2].action = QStringLiteral("throttle");
    clients[14].score = 48;
    clients[14].action = QStringLiteral("strip_logits");
    clients[11].score = 39;
    const qint64 t = now();
    const QJsonArray alerts {alertJson(41, t - 120000, QStringLiteral("high"), QStringLiteral("harvester-7"),
                                       QStringLiteral("Logit read-out: logit_bias sweeps over 2,000 token ids")),
                             alertJson(40, t - 420000, QStringLiteral("medium"), QStringLiteral("beta-labs"),
                                       QStringLiteral("Template dominance 94 % over 10 minutes")),
                             alertJson(39, t - 800000, QStringLiteral("low"), QStringLiteral("kilo-batch"),
                                       QStringLiteral("Daily token quota 80 % used"), true)};
    store.applySnapshot(QStringLiteral("gw-eu-1"), snapshotJson(QStringLiteral("gw-eu-1"), clients, alerts));
    for (int s = 899; s >= 0; --s) {
        QList<UsageSpec> usage;
        for (int i = 0; i < clients.size(); i += 3) {
            const double wave = 1 + 0.5 * std::sin((s + i * 37) / 60.0);
            const double requests = std::round(clients[i].requestsPerMin / 60.0 * wave * 2) / 2;
            usage.append({clients[i].id, requests, requests * 180, requests * 260, 0});
        }
        if (s < 420)
            usage.append({QStringLiteral("harvester-7"), 9, 900, 2400, s < 120 ? 9.0 : 0.0});
        store.applyEvent(QStringLiteral("gw-eu-1"), QStringLiteral("usage"), usageJson(t - s * 1000, usage));
    }
    for (const double score : {35.0, 52.0, 64.0, 78.0, 91.0})
        store.applyEvent(QStringLiteral("gw-eu-1"), QStringLiteral("risk"),
                         riskJson(QStringLiteral("harvester-7"), score,
                                  score >= 80   ? QStringLiteral("block")
                                  : score >= 60 ? QStringLiteral("throttle")
                                  : score >= 40 ? QStringLiteral("strip_logits")
                                                : QStringLiteral("none")));
}

/// Distinct colours in a coarse grid of samples: a blank or single-colour image has very few.
int distinctColours(const QImage& image)
{
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 7) {
        for (int x = 0; x < image.width(); x += 7)
            colours.insert(image.pixel(x, y));
    }
    return static_cast<int>(colours.size());
}

QString screenshotDir()
{
    const QString dir = QStringLiteral(MG_BINARY_DIR "/ui-screenshots");
    QDir().mkpath(dir);
    return dir;
}

} // namespace

TEST(MainWindow, EverySectionExists)
{
    client::FleetStore store;
    client::ConnectionManager manager(&store);
    ui::MainWindow window(&manager, &store);
    QSet<QWidget*> pages;
    for (int i = 0; i < ui::MainWindow::kSectionCount; ++i) {
        const auto section = static_cast<Section>(i);
        QWidget* page = window.sectionPage(section);
        ASSERT_NE(page, nullptr) << i;
        pages.insert(page);
        EXPECT_FALSE(ui::MainWindow::sectionTitle(section).isEmpty());
        EXPECT_EQ(ui::MainWindow::sectionFromKey(ui::MainWindow::sectionKey(section)), section);
        if (section == Section::Vaults) {
            // A section not built yet explains itself and shows no data views.
            EXPECT_TRUE(page->findChildren<QAbstractItemView*>().isEmpty()) << i;
            EXPECT_FALSE(page->findChildren<QLabel*>().isEmpty()) << i;
        }
    }
    // Without an admin service (no audit log) the editors are read-only and say why; the Audit view says so too.
    ASSERT_NE(window.keysPage(), nullptr);
    ASSERT_NE(window.limitsPage(), nullptr);
    ASSERT_NE(window.policiesPage(), nullptr);
    ASSERT_NE(window.auditPage(), nullptr);
    EXPECT_TRUE(window.sectionPage(Section::KeysQuotas)->isAncestorOf(window.keysPage()));
    EXPECT_TRUE(window.sectionPage(Section::KeysQuotas)->isAncestorOf(window.limitsPage()));
    EXPECT_EQ(window.sectionPage(Section::Policies), window.policiesPage());
    EXPECT_EQ(window.sectionPage(Section::Audit), window.auditPage());
    EXPECT_FALSE(window.keysPage()->newButton()->isEnabled());
    EXPECT_FALSE(window.keysPage()->readOnlyLabel()->text().isEmpty());
    EXPECT_FALSE(window.limitsPage()->saveButton()->isEnabled());
    EXPECT_FALSE(window.policiesPage()->saveOutputButton()->isEnabled());
    EXPECT_TRUE(window.auditPage()->closedBannerText().contains(QStringLiteral("no audit log")))
        << window.auditPage()->closedBannerText().toStdString();
    EXPECT_EQ(pages.size(), ui::MainWindow::kSectionCount);
    EXPECT_EQ(window.overviewPage(), window.sectionPage(Section::Overview));
    EXPECT_EQ(window.clientsPage(), window.sectionPage(Section::Clients));
    EXPECT_FALSE(ui::MainWindow::sectionFromKey(QStringLiteral("nope")).has_value());
}

TEST(MainWindow, ShortcutsNavigate)
{
    client::FleetStore store;
    client::ConnectionManager manager(&store);
    ui::MainWindow window(&manager, &store);
    window.show();
    window.activateWindow();
    ASSERT_TRUE(QTest::qWaitForWindowActive(&window));
    EXPECT_EQ(window.currentSection(), Section::Overview);
    const std::pair<Qt::Key, Section> steps[] = {{Qt::Key_2, Section::Clients},    {Qt::Key_7, Section::Audit},
                                                 {Qt::Key_3, Section::KeysQuotas}, {Qt::Key_5, Section::Detect},
                                                 {Qt::Key_4, Section::Policies},   {Qt::Key_6, Section::Vaults},
                                                 {Qt::Key_1, Section::Overview}};
    for (const auto& [key, section] : steps) {
        QTest::keyClick(&window, key, Qt::ControlModifier);
        EXPECT_EQ(window.currentSection(), section) << "Ctrl+" << (key - Qt::Key_0);
    }
    // Ctrl+F goes to the clients' filter box.
    QTest::keyClick(&window, Qt::Key_F, Qt::ControlModifier);
    EXPECT_EQ(window.currentSection(), Section::Clients);
    auto* nav = window.findChild<QListWidget*>(QStringLiteral("sectionNav"));
    ASSERT_NE(nav, nullptr);
    EXPECT_EQ(nav->currentRow(), static_cast<int>(Section::Clients));
}

TEST(MainWindow, ScreenshotsWithFleetData)
{
    client::FleetStore store;
    loadDemoFleet(store);
    client::ConnectionManager manager(&store);
    for (const ui::ThemeMode mode : {ui::ThemeMode::Light, ui::ThemeMode::Dark}) {
        ui::applyTheme(mode);
        ui::MainWindow window(&manager, &store);
        window.resize(1440, 900);
        window.show();
        window.showSection(Section::Overview);
        window.overviewPage()->refresh();
        QApplication::processEvents();
        EXPECT_GT(window.overviewPage()->requestsChart()->series(0)->count(), 800);
        const QImage overview = window.grab().toImage();
        ASSERT_FALSE(overview.isNull());
        EXPECT_GT(distinctColours(overview), 20);
        const QString name = ui::themeToString(mode);
        EXPECT_TRUE(overview.save(screenshotDir() + QStringLiteral("/overview-%1.png").arg(name)));

        window.showSection(Section::Clients);
        window.clientsPage()->refresh();
        ASSERT_TRUE(window.clientsPage()->selectClient(QStringLiteral("harvester-7")));
        QApplication::processEvents();
        const QImage clients = window.grab().toImage();
        EXPECT_GT(distinctColours(clients), 20);
        EXPECT_TRUE(clients.save(screenshotDir() + QStringLiteral("/clients-%1.png").arg(name)));
    }
    ui::applyTheme(ui::ThemeMode::System);
}
