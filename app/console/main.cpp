// modelguard: the ModelGuard security-operations console.
//   modelguard [--connect URL --token-file FILE [--connection-name NAME]]
//              [--screenshot PATH [--screenshot-after-ms N] [--section overview|clients|...]]

#include "client/AdminService.h"
#include "client/ConnectionManager.h"
#include "client/ConsoleAudit.h"
#include "client/FleetStore.h"
#include "ui/ClientTableModel.h"
#include "ui/ClientsPage.h"
#include "ui/ItemRoles.h"
#include "ui/MainWindow.h"
#include "ui/OverviewPage.h"
#include "ui/Theme.h"
#include "ui/TimeSeriesChart.h"
#include "ui/Translations.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QPixmap>
#include <QSettings>
#include <QStatusBar>
#include <QTimer>
#include <QUrl>
#include <QUuid>

#include <qcoro/qcorotask.h>

#include <cstdio>

namespace {

void fail(const QString& message)
{
    std::fprintf(stderr, "modelguard: %s\n", qUtf8Printable(message));
}

/// What the views show, for the end-to-end test that drives the real console: connection states, the number of
/// points in the Overview charts, and the rows of the Clients table with their risk.
bool writeStateReport(modelguard::ui::MainWindow& window, const QString& path)
{
    using namespace modelguard::ui;
    QJsonObject report;
    report[QStringLiteral("connections")] = QJsonArray::fromStringList(window.connectionStatusTexts());
    QJsonObject overview;
    overview[QStringLiteral("requests_points")] = window.overviewPage()->requestsChart()->pointCount();
    overview[QStringLiteral("tokens_points")] = window.overviewPage()->tokensChart()->pointCount();
    report[QStringLiteral("overview")] = overview;
    QJsonArray rows;
    window.clientsPage()->refresh(); // a page refreshes itself only while visible
    const auto* model = window.clientsPage()->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        const auto index = model->index(row, 0);
        QJsonObject r;
        r[QStringLiteral("client")] = model->data(index, ClientIdRole).toString();
        r[QStringLiteral("risk")] = model->data(index, RiskScoreRole).toDouble();
        rows.append(r);
    }
    report[QStringLiteral("clients")] = rows;
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        return false;
    }
    return file.write(QJsonDocument(report).toJson()) > 0;
}

} // namespace

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("ModelGuard"));
    QApplication::setOrganizationDomain(QStringLiteral("modelguard.invalid"));
    QApplication::setApplicationName(QStringLiteral("modelguard"));
    QApplication::setApplicationDisplayName(QStringLiteral("ModelGuard"));
    QApplication::setApplicationVersion(QStringLiteral(MG_VERSION));
    QApplication::setWindowIcon(modelguard::ui::appIcon());

    QSettings settings;
    const QString language = modelguard::ui::chooseLanguage(
        settings.value(QLatin1String(modelguard::ui::kLanguageKey)).toString(), QLocale::system().uiLanguages());
    modelguard::ui::installTranslators(&app, language);
    modelguard::ui::applyTheme(
        modelguard::ui::themeFromString(settings.value(QLatin1String(modelguard::ui::kThemeKey)).toString()));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main", "ModelGuard console: live usage and extraction risk of your LLM gateways."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption connectOption(
        QStringLiteral("connect"),
        QApplication::translate("main", "Connect to the gateway admin API at URL for this session (nothing saved)."),
        QStringLiteral("URL"));
    const QCommandLineOption tokenFileOption(
        QStringLiteral("token-file"), QApplication::translate("main", "Read the admin token for --connect from FILE."),
        QStringLiteral("FILE"));
    const QCommandLineOption nameOption(QStringLiteral("connection-name"),
                                        QApplication::translate("main", "Name of the --connect connection."),
                                        QStringLiteral("NAME"));
    const QCommandLineOption screenshotOption(
        QStringLiteral("screenshot"),
        QApplication::translate("main", "Save a PNG of the main window to PATH and exit."), QStringLiteral("PATH"));
    const QCommandLineOption afterOption(
        QStringLiteral("screenshot-after-ms"),
        QApplication::translate("main", "Wait N milliseconds before the screenshot (default 2000)."),
        QStringLiteral("N"), QStringLiteral("2000"));
    const QCommandLineOption sectionOption(
        QStringLiteral("section"),
        QApplication::translate("main", "Section to show first: overview, clients, keys, policies, detect, vaults, "
                                        "audit."),
        QStringLiteral("SECTION"));
    const QCommandLineOption reportOption(
        QStringLiteral("state-report"),
        QApplication::translate("main", "With --screenshot: also write what the views show as JSON to FILE."),
        QStringLiteral("FILE"));
    parser.addOptions(
        {connectOption, tokenFileOption, nameOption, screenshotOption, afterOption, sectionOption, reportOption});
    parser.process(app);

    using modelguard::ui::MainWindow;
    std::optional<MainWindow::Section> section;
    if (parser.isSet(sectionOption)) {
        section = MainWindow::sectionFromKey(parser.value(sectionOption));
        if (!section) {
            fail(QApplication::translate("main", "unknown section “%1”").arg(parser.value(sectionOption)));
            return 2;
        }
    }
    bool afterOk = false;
    const int afterMs = parser.value(afterOption).toInt(&afterOk);
    if (!afterOk || afterMs < 0) {
        fail(QApplication::translate("main", "--screenshot-after-ms needs a number of milliseconds"));
        return 2;
    }

    std::optional<modelguard::client::ConnectionProfile> sessionProfile;
    QString sessionToken;
    if (parser.isSet(connectOption)) {
        const QUrl url(parser.value(connectOption));
        if (!url.isValid() || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https"))
            || url.host().isEmpty()) {
            fail(QApplication::translate("main", "--connect needs an http(s)://host:port URL"));
            return 2;
        }
        if (!parser.isSet(tokenFileOption)) {
            fail(QApplication::translate("main", "--connect needs --token-file"));
            return 2;
        }
        QFile tokenFile(parser.value(tokenFileOption));
        if (!tokenFile.open(QIODevice::ReadOnly)) {
            fail(QApplication::translate("main", "cannot read the token file %1: %2")
                     .arg(tokenFile.fileName(), tokenFile.errorString()));
            return 2;
        }
        sessionToken = QString::fromUtf8(tokenFile.read(64 * 1024)).trimmed();
        if (sessionToken.isEmpty()) {
            fail(QApplication::translate("main", "the token file %1 is empty").arg(tokenFile.fileName()));
            return 2;
        }
        modelguard::client::ConnectionProfile profile;
        profile.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        profile.name = parser.isSet(nameOption) ? parser.value(nameOption) : url.host();
        profile.adminUrl = url;
        sessionProfile = profile;
    }

    modelguard::client::FleetStore store;
    modelguard::client::ConnectionManager connections(&store);
    // Every admin change goes through the service and into the local audit log; until the log is open (its key comes
    // from the keychain) the editors are read-only and say why.
    modelguard::client::ConsoleAudit audit;
    modelguard::client::AdminService admin(&audit);
    MainWindow window(&connections, &store, &admin);
    if (section)
        window.showSection(*section);
    window.show();

    // Everything that may wait (keychain, network) starts after the first paint.
    QTimer::singleShot(0, &window, [&connections, &audit, &window, sessionProfile, sessionToken] {
        QCoro::connect(audit.open(), &audit, [&audit, &window](bool opened) {
            if (!opened) {
                window.statusBar()->showMessage(
                    QApplication::translate("main", "Admin changes are disabled: %1").arg(audit.error()), 60000);
            }
        });
        if (sessionProfile)
            connections.addTransient(*sessionProfile, sessionToken);
        QCoro::connect(connections.restore(), &connections, [] {});
    });

    if (parser.isSet(screenshotOption)) {
        const QString path = parser.value(screenshotOption);
        const QString reportPath = parser.value(reportOption);
        QTimer::singleShot(afterMs, &window, [&window, path, reportPath] {
            const QPixmap pixmap = window.grab();
            if (pixmap.isNull() || !pixmap.save(path, "PNG")) {
                fail(QApplication::translate("main", "cannot save the screenshot to %1").arg(path));
                QApplication::exit(1);
                return;
            }
            if (!reportPath.isEmpty() && !writeStateReport(window, reportPath)) {
                fail(QApplication::translate("main", "cannot write the state report to %1").arg(reportPath));
                QApplication::exit(1);
                return;
            }
            QApplication::exit(0);
        });
    }
    return QApplication::exec();
}
