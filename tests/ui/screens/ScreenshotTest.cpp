// Screenshots of the console's admin views as a user sees them: the real main window under Xvfb (the xcb platform,
// a real X server, real fonts), connected to a real gateway with an admin token, the local audit log open. Saves
// ${build}/e2e-screenshots/{key-dialog,key-secret,policies,detect}.png and checks that each shows what it should:
// the key dialog filled in with OK enabled, the secret shown once, the gateway's policy in the editor, and text
// watermarked by `modelguard-cli watermark embed` attributed to its client with the evidence highlighted.

#include "tests/ui/SampleText.h"
#include "tests/ui/admin/AdminFixture.h"
#include "ui/AuditPage.h"
#include "ui/DetectPage.h"
#include "ui/KeyDialogs.h"
#include "ui/KeysPage.h"
#include "ui/LimitsPage.h"
#include "ui/MainWindow.h"
#include "ui/PoliciesPage.h"
#include "ui/PolicyForms.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDir>
#include <QGuiApplication>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSet>
#include <QSignalSpy>
#include <QTabWidget>

#include <fstream>

namespace modelguard::ui::test {
namespace {

using client::test::awaitVoid;

using modelguard::test::kProse;

const QString& shotDir()
{
    static const QString dir = [] {
        QDir(QStringLiteral(MG_BINARY_DIR)).mkpath(QStringLiteral("e2e-screenshots"));
        return QStringLiteral(MG_BINARY_DIR "/e2e-screenshots/");
    }();
    return dir;
}

/// Saves the widget's (or window's) pixels and checks they are a real picture: not tiny, not one flat colour.
void shoot(QWidget* widget, const QString& name)
{
    QApplication::processEvents();
    const QImage image = widget->grab().toImage();
    ASSERT_FALSE(image.isNull()) << name.toStdString();
    EXPECT_GE(image.width(), 300) << name.toStdString();
    EXPECT_GE(image.height(), 100) << name.toStdString();
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 3) {
        for (int x = 0; x < image.width(); x += 3)
            colours.insert(image.pixel(x, y));
    }
    EXPECT_GT(colours.size(), 16) << name.toStdString() << ": the picture is nearly flat";
    EXPECT_TRUE(image.save(shotDir() + name + QStringLiteral(".png"))) << name.toStdString();
}

class Screenshots : public AdminFixture
{
public:
    void SetUp() override
    {
        // Real windows on a real (virtual) X display: this test is about what a user sees.
        ASSERT_EQ(QGuiApplication::platformName(), QStringLiteral("xcb"))
            << "run under xvfb-run (tests/ui/under-xvfb.sh)";
        AdminFixture::SetUp();
        if (HasFatalFailure())
            return;
        m_window = std::make_unique<MainWindow>(m_connections.get(), m_store.get(), m_service.get());
        m_window->resize(1400, 900);
        m_window->show();
        ASSERT_TRUE(waitUntil([this] { return m_window->isVisible(); }, 5s));
    }

    void TearDown() override
    {
        m_window.reset();
        AdminFixture::TearDown();
    }

    std::unique_ptr<MainWindow> m_window;
};

TEST_F(Screenshots, KeyDialogAndTheSecretShownOnce)
{
    m_window->showSection(MainWindow::Section::KeysQuotas);
    KeysPage* page = m_window->keysPage();
    ASSERT_TRUE(page);
    ASSERT_TRUE(awaitVoid(page->reload()));
    page->confirm = [](const QString&) { return true; };
    QSignalSpy finished(page, &KeysPage::changeFinished);

    KeyCreateDialog* dialog = page->openCreateDialog();
    ASSERT_TRUE(dialog);
    dialog->clientBox()->setEditText(QStringLiteral("acme-research"));
    dialog->fields().name->setText(QStringLiteral("batch pipeline"));
    dialog->fields().expires->setChecked(true);
    dialog->fields().expiry->setDateTime(QDateTime::currentDateTime().addDays(90));
    dialog->fields().models->setText(QStringLiteral("sim-small, sim-large"));
    ASSERT_TRUE(dialog->fields().endpoints.value(QStringLiteral("chat")));
    dialog->fields().endpoints.value(QStringLiteral("chat"))->setChecked(true);
    ASSERT_TRUE(dialog->okButton()->isEnabled()) << dialog->problem().toStdString();
    ASSERT_TRUE(waitUntil([dialog] { return dialog->isVisible(); }, 5s));
    shoot(dialog, QStringLiteral("key-dialog"));

    dialog->okButton()->click();
    ASSERT_TRUE(waitUntil([&] { return finished.count() >= 1; }, 30s));
    SecretDialog* secrets = page->secretDialog();
    ASSERT_TRUE(secrets);
    ASSERT_EQ(secrets->count(), 1);
    EXPECT_TRUE(secrets->secret(0).startsWith(QStringLiteral("mg_")));
    ASSERT_TRUE(waitUntil([secrets] { return secrets->isVisible(); }, 5s));
    shoot(secrets, QStringLiteral("key-secret"));
    secrets->accept();

    // The key list behind it, with the new key.
    ASSERT_TRUE(awaitVoid(page->reload()));
    shoot(m_window.get(), QStringLiteral("keys"));
    ASSERT_EQ(auditRecords().size(), 1u);
    EXPECT_EQ(auditRecords().front().entry.action, "create_key");

    // The client's quotas, on the other tab.
    auto* tabs = qobject_cast<QTabWidget*>(m_window->sectionPage(MainWindow::Section::KeysQuotas));
    ASSERT_TRUE(tabs);
    tabs->setCurrentWidget(m_window->limitsPage());
    const auto read =
        await(m_window->limitsPage()->setScope(LimitsPage::Scope::Client, QStringLiteral("acme-research")));
    ASSERT_TRUE(read.has_value() && *read);
    shoot(m_window.get(), QStringLiteral("limits"));

    // The change in the local audit log, verified.
    m_window->showSection(MainWindow::Section::Audit);
    AuditPage* audit = m_window->auditPage();
    ASSERT_TRUE(audit);
    audit->refresh();
    EXPECT_TRUE(audit->verify().intact()) << audit->verifyBannerText().toStdString();
    EXPECT_TRUE(audit->selectSeq(1));
    shoot(m_window.get(), QStringLiteral("audit"));
}

TEST_F(Screenshots, PolicyEditorShowsTheGatewaysPolicy)
{
    // A per-client override set on the gateway beforehand: the editor must show it.
    const auto reply = await(m_gateway->call(
        "PUT", QStringLiteral("/admin/v1/clients/acme-research/output-policy"),
        QJsonObject {{"logprobs", "round"}, {"round_decimals", 1}, {"logit_bias", "deny"}, {"max_n", 2}}));
    ASSERT_TRUE(reply && reply->ok()) << (reply ? reply->error.toStdString() : "no answer");

    m_window->showSection(MainWindow::Section::Policies);
    PoliciesPage* page = m_window->policiesPage();
    ASSERT_TRUE(page);
    page->setScope(QStringLiteral("acme-research"));
    ASSERT_TRUE(awaitVoid(page->reload()));
    EXPECT_TRUE(page->hasOutputOverride());
    EXPECT_TRUE(page->saveOutputButton()->isVisible());
    page->reasonEdit()->setText(QStringLiteral("ticket SEC-1042: bulk harvesting"));
    shoot(m_window.get(), QStringLiteral("policies"));
}

TEST_F(Screenshots, DetectViewAttributesCliWatermarkedText)
{
    // The gateway's watermark key, as an operator would export it, and text marked with it by the CLI.
    const QJsonDocument secret = get(QStringLiteral("/admin/v1/watermark/secret"));
    const QString keyText = secret.object().value(QStringLiteral("key")).toString();
    ASSERT_FALSE(keyText.isEmpty());
    const QString keyFile = m_dir.filePath(QStringLiteral("gateway.key"));
    {
        std::ofstream out(keyFile.toStdString());
        out << keyText.toStdString();
    }
    const auto embedded = modelguard::test::runCommand(
        {MG_CLI_BIN, "watermark", "embed", "--key", keyFile.toStdString(), "--client", "acme-research"}, 30s, kProse);
    ASSERT_EQ(embedded.status, 0) << embedded.out;
    ASSERT_NE(embedded.out, kProse);

    m_window->showSection(MainWindow::Section::Detect);
    auto* page = qobject_cast<DetectPage*>(m_window->sectionPage(MainWindow::Section::Detect));
    ASSERT_TRUE(page);
    // The console fetches the key from the connected gateway itself (recorded in the audit log).
    page->keyring()->refresh();
    ASSERT_TRUE(waitUntil([page] { return !page->keyring()->entries().isEmpty(); }, 20s));
    page->candidatesEdit()->setText(QStringLiteral("acme-research, globex, initech"));

    // Unmarked text first: not watermarked.
    page->input()->setPlainText(QString::fromUtf8(kProse));
    QSignalSpy done(page, &DetectPage::finished);
    page->detect();
    ASSERT_TRUE(waitUntil([&] { return done.count() >= 1; }, 60s));
    EXPECT_EQ(page->verdictText().toStdString(), "Not watermarked") << page->reportText().toStdString();

    page->input()->setPlainText(QString::fromStdString(embedded.out));
    page->detect();
    ASSERT_TRUE(waitUntil([&] { return done.count() >= 2; }, 60s));
    ASSERT_EQ(page->verdictText().toStdString(), "Watermarked");
    const QJsonObject report = page->reportJson();
    EXPECT_EQ(report.value(QStringLiteral("client_id")).toString(), QStringLiteral("acme-research"));
    EXPECT_GT(page->highlightCount(), 10);
    shoot(m_window.get(), QStringLiteral("detect"));

    bool exported = false;
    for (const auto& record : auditRecords())
        exported = exported || record.entry.action == "export_watermark_secret";
    EXPECT_TRUE(exported) << "fetching the watermark key is an admin action and is recorded";
}

} // namespace
} // namespace modelguard::ui::test
