#include "ui/MainWindow.h"

#include "client/AdminService.h"
#include "client/ConnectionManager.h"
#include "client/FleetStore.h"
#include "client/GatewayConnection.h"
#include "ui/AlertsPanel.h"
#include "ui/AuditPage.h"
#include "ui/ClientsPage.h"
#include "ui/ConnectionDialog.h"
#include "ui/DetectPage.h"
#include "ui/KeysPage.h"
#include "ui/LimitsPage.h"
#include "ui/OverviewPage.h"
#include "ui/PoliciesPage.h"
#include "ui/SettingsDialog.h"
#include "ui/Theme.h"
#include "ui/Translations.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QScreen>
#include <QSettings>
#include <QShortcut>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabWidget>
#include <QVBoxLayout>

namespace modelguard::ui {

namespace {

/// A section that is not built yet: its title and what it will hold. Never shows data.
QWidget* placeholderPage(const QString& title, const QString& text, QWidget* parent)
{
    auto* page = new QWidget(parent);
    const int unit = spacingUnit(page);
    auto* heading = new QLabel(title, page);
    QFont font = heading->font();
    font.setPointSizeF(font.pointSizeF() * 1.4);
    font.setBold(true);
    heading->setFont(font);
    auto* body = new QLabel(text, page);
    body->setWordWrap(true);
    body->setTextFormat(Qt::PlainText);
    body->setMaximumWidth(page->fontMetrics().averageCharWidth() * 90);
    auto* status = new QLabel(
        QCoreApplication::translate("modelguard::ui::MainWindow", "Not available in this version yet."), page);
    QPalette pal = status->palette();
    pal.setColor(QPalette::WindowText, pal.color(QPalette::PlaceholderText));
    status->setPalette(pal);
    auto* layout = new QVBoxLayout(page);
    layout->setContentsMargins(unit * 4, unit * 4, unit * 4, unit * 4);
    layout->setSpacing(unit * 2);
    layout->addWidget(heading);
    layout->addWidget(body);
    layout->addWidget(status);
    layout->addStretch(1);
    return page;
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
        return palette.color(QPalette::Disabled, QPalette::WindowText);
    default:
        return riskAccent(RiskBand::Critical, palette);
    }
}

} // namespace

MainWindow::MainWindow(client::ConnectionManager* connections, client::FleetStore* store, client::AdminService* admin,
                       QWidget* parent)
    : QMainWindow(parent)
    , m_connections(connections)
    , m_store(store)
    , m_admin(admin)
{
    setWindowTitle(tr("ModelGuard"));
    setWindowIcon(appIcon());
    setObjectName(QStringLiteral("MainWindow"));

    m_nav = new QListWidget(this);
    m_nav->setObjectName(QStringLiteral("sectionNav"));
    m_nav->setFrameShape(QFrame::NoFrame);
    m_nav->setUniformItemSizes(true);
    m_nav->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_stack = new QStackedWidget(this);
    m_stack->setObjectName(QStringLiteral("sectionStack"));

    m_overview = new OverviewPage(connections, store, m_stack);
    m_clients = new ClientsPage(connections, store, m_stack);
    m_stack->addWidget(m_overview);
    m_stack->addWidget(m_clients);
    m_keys = new KeysPage(connections, store, m_admin, m_stack);
    m_limits = new LimitsPage(connections, store, m_admin, m_stack);
    auto* keysQuotas = new QTabWidget(m_stack);
    keysQuotas->setObjectName(QStringLiteral("keysQuotasTabs"));
    keysQuotas->setDocumentMode(true);
    keysQuotas->addTab(m_keys, tr("API keys"));
    keysQuotas->addTab(m_limits, tr("Quotas && limits"));
    m_stack->addWidget(keysQuotas);
    m_policies = new PoliciesPage(connections, store, m_admin, m_stack);
    m_stack->addWidget(m_policies);
    auto* detect = new DetectPage(connections, store, m_stack);
    detect->keyring()->setAdminService(m_admin);
    m_overview->alertsPanel()->setAdminService(m_admin);
    m_stack->addWidget(detect);
    m_stack->addWidget(placeholderPage(
        sectionTitle(Section::Vaults),
        tr("Connect to model-artifact vaults: encrypted checkpoints, who may read them, the access log and the "
           "approval of exports."),
        m_stack));
    m_audit = new AuditPage(m_admin ? m_admin->audit() : nullptr, m_stack);
    m_stack->addWidget(m_audit);

    int navWidth = 0;
    for (int i = 0; i < kSectionCount; ++i) {
        const auto section = static_cast<Section>(i);
        auto* item = new QListWidgetItem(sectionTitle(section), m_nav);
        item->setToolTip(tr("%1 (Ctrl+%2)").arg(sectionTitle(section)).arg(i + 1));
        item->setSizeHint(QSize(0, fontMetrics().height() * 2));
        navWidth = std::max(navWidth, fontMetrics().horizontalAdvance(sectionTitle(section)));
    }
    m_nav->setFixedWidth(navWidth + spacingUnit(this) * 6);
    connect(m_nav, &QListWidget::currentRowChanged, m_stack, &QStackedWidget::setCurrentIndex);
    connect(m_overview, &OverviewPage::clientActivated, this, [this](const QString& clientId) {
        showSection(Section::Clients);
        m_clients->selectClient(clientId);
    });

    auto* central = new QWidget(this);
    auto* layout = new QHBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    auto* separator = new QFrame(central);
    separator->setFrameShape(QFrame::VLine);
    separator->setFrameShadow(QFrame::Sunken);
    layout->addWidget(m_nav);
    layout->addWidget(separator);
    layout->addWidget(m_stack, 1);
    setCentralWidget(central);

    buildMenus();
    buildStatusBar();

    m_notifier = new AlertNotifier(store, this);
    connect(m_notifier, &AlertNotifier::activated, this, [this] {
        showNormal();
        raise();
        activateWindow();
        showSection(Section::Overview);
    });

    if (m_connections) {
        for (client::GatewayConnection* c : m_connections->connections())
            watchConnection(c);
        connect(m_connections, &client::ConnectionManager::connectionAdded, this, [this](client::GatewayConnection* c) {
            watchConnection(c);
            updateConnectionLabels();
        });
        connect(m_connections, &client::ConnectionManager::connectionRemoved, this,
                &MainWindow::updateConnectionLabels);
        connect(m_connections, &client::ConnectionManager::connectionStateChanged, this,
                &MainWindow::updateConnectionLabels);
        connect(m_connections, &client::ConnectionManager::tokenNotSaved, this,
                [this](const QString& profileId, const QString& error) {
                    const client::GatewayConnection* c = m_connections->connection(profileId);
                    statusBar()->showMessage(tr("The keychain could not store the token of %1 (%2); it is kept in "
                                                "memory for this session only.")
                                                 .arg(c ? c->profile().name : profileId, error),
                                             30000);
                });
        connect(m_connections, &client::ConnectionManager::tokenNotAvailable, this,
                [this](const QString& profileId, const QString& error) {
                    const client::GatewayConnection* c = m_connections->connection(profileId);
                    statusBar()->showMessage(tr("No admin token for %1 (%2): enter it again in File ▸ Connections…")
                                                 .arg(c ? c->profile().name : profileId, error),
                                             30000);
                });
    }
    updateConnectionLabels();

    m_nav->setCurrentRow(0);
    restoreWindowState();
}

MainWindow::~MainWindow() = default;

QString MainWindow::sectionTitle(Section section)
{
    switch (section) {
    case Section::Overview:
        return tr("Overview");
    case Section::Clients:
        return tr("Clients");
    case Section::KeysQuotas:
        return tr("Keys & Quotas");
    case Section::Policies:
        return tr("Policies");
    case Section::Detect:
        return tr("Detect");
    case Section::Vaults:
        return tr("Vaults");
    case Section::Audit:
        return tr("Audit");
    }
    return {};
}

QString MainWindow::sectionKey(Section section)
{
    static const char* keys[kSectionCount] = {"overview", "clients", "keys", "policies", "detect", "vaults", "audit"};
    return QString::fromLatin1(keys[static_cast<int>(section)]);
}

std::optional<MainWindow::Section> MainWindow::sectionFromKey(const QString& key)
{
    for (int i = 0; i < kSectionCount; ++i) {
        if (sectionKey(static_cast<Section>(i)) == key)
            return static_cast<Section>(i);
    }
    return std::nullopt;
}

void MainWindow::showSection(Section section)
{
    m_nav->setCurrentRow(static_cast<int>(section));
}

MainWindow::Section MainWindow::currentSection() const
{
    return static_cast<Section>(std::max(0, m_stack->currentIndex()));
}

QWidget* MainWindow::sectionPage(Section section) const
{
    return m_stack->widget(static_cast<int>(section));
}

void MainWindow::buildMenus()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* connectionsAction = file->addAction(tr("&Connections…"), this, &MainWindow::openConnections);
    connectionsAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    connectionsAction->setObjectName(QStringLiteral("actionConnections"));
    QAction* exportAction = file->addAction(tr("&Export clients as CSV…"), this, &MainWindow::exportClientsCsv);
    exportAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);

    QMenu* view = menuBar()->addMenu(tr("&View"));
    for (int i = 0; i < kSectionCount; ++i) {
        const auto section = static_cast<Section>(i);
        QAction* go = view->addAction(sectionTitle(section), this, [this, section] { showSection(section); });
        go->setShortcut(QKeySequence(Qt::CTRL | static_cast<Qt::Key>(Qt::Key_1 + i)));
        go->setShortcutContext(Qt::WindowShortcut);
        go->setObjectName(QStringLiteral("actionSection%1").arg(i + 1));
    }
    view->addSeparator();
    QAction* find = view->addAction(tr("&Find client"), this, [this] {
        showSection(Section::Clients);
        m_clients->focusFilter();
    });
    find->setShortcut(QKeySequence::Find);
    view->addSeparator();
    QMenu* theme = view->addMenu(tr("&Theme"));
    m_themeGroup = new QActionGroup(this);
    const QString current = QSettings().value(QLatin1String(kThemeKey), QStringLiteral("system")).toString();
    const std::pair<ThemeMode, QString> themes[] = {
        {ThemeMode::System, tr("&System")}, {ThemeMode::Light, tr("&Light")}, {ThemeMode::Dark, tr("&Dark")}};
    for (const auto& [mode, label] : themes) {
        QAction* a = theme->addAction(label);
        a->setCheckable(true);
        a->setChecked(themeToString(mode) == current);
        a->setData(themeToString(mode));
        m_themeGroup->addAction(a);
        connect(a, &QAction::triggered, this, [this, mode = mode] { setTheme(mode); });
    }

    QMenu* settings = menuBar()->addMenu(tr("&Settings"));
    settings->addAction(tr("&Language and theme…"), this, &MainWindow::openSettings)
        ->setMenuRole(QAction::PreferencesRole);

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About ModelGuard"), this, &MainWindow::showAbout)->setMenuRole(QAction::AboutRole);
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt)->setMenuRole(QAction::AboutQtRole);
}

void MainWindow::buildStatusBar()
{
    m_statusHost = new QWidget(this);
    auto* layout = new QHBoxLayout(m_statusHost);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(spacingUnit(this) * 3);
    m_noConnections = new QLabel(tr("No connections — File ▸ Connections… (Ctrl+Shift+C)"), m_statusHost);
    layout->addWidget(m_noConnections);
    statusBar()->addWidget(m_statusHost, 1);
}

void MainWindow::watchConnection(client::GatewayConnection* connection)
{
    connect(connection, &client::GatewayConnection::stateChanged, this, &MainWindow::updateConnectionLabels,
            Qt::UniqueConnection);
    connect(connection, &client::GatewayConnection::eventReceived, this,
            [this, connection](const QString& type, const QJsonObject& payload) {
                m_clients->noteEvent(connection->gatewayId(), type, payload);
            });
}

void MainWindow::updateConnectionLabels()
{
    const QList<client::GatewayConnection*> list =
        m_connections ? m_connections->connections() : QList<client::GatewayConnection*> {};
    auto* layout = static_cast<QHBoxLayout*>(m_statusHost->layout());
    while (m_connectionLabels.size() > list.size())
        delete m_connectionLabels.takeLast();
    while (m_connectionLabels.size() < list.size()) {
        auto* label = new QLabel(m_statusHost);
        label->setObjectName(QStringLiteral("connectionState"));
        layout->insertWidget(static_cast<int>(m_connectionLabels.size()) + 1, label);
        m_connectionLabels.append(label);
    }
    m_noConnections->setVisible(list.isEmpty());
    const QPalette pal = palette();
    for (qsizetype i = 0; i < list.size(); ++i) {
        client::GatewayConnection* c = list[i];
        QLabel* label = m_connectionLabels[i];
        label->setText(QStringLiteral("<span style=\"color:%1\">●</span> <b>%2</b>: %3")
                           .arg(stateColour(c->state(), pal).name(), c->profile().name.toHtmlEscaped(),
                                c->stateText().toHtmlEscaped()));
        label->setToolTip(tr("%1\nGateway: %2\nRole: %3")
                              .arg(c->profile().adminUrl.toString(),
                                   c->gatewayId().isEmpty() ? tr("(unknown)") : c->gatewayId(),
                                   c->role().isEmpty() ? tr("(unknown)") : c->role()));
    }
}

QStringList MainWindow::connectionStatusTexts() const
{
    QStringList texts;
    if (!m_connections)
        return texts;
    for (client::GatewayConnection* c : m_connections->connections())
        texts << QStringLiteral("%1: %2").arg(c->profile().name, c->stateText());
    return texts;
}

void MainWindow::openConnections()
{
    ConnectionDialog dialog(m_connections, this);
    dialog.exec();
    updateConnectionLabels();
}

void MainWindow::exportClientsCsv()
{
    m_clients->refresh();
    m_clients->exportCsvInteractive();
}

void MainWindow::openSettings()
{
    SettingsDialog dialog(this);
    connect(&dialog, &SettingsDialog::themeChosen, this,
            [this](const QString& theme) { setTheme(themeFromString(theme)); });
    dialog.exec();
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About ModelGuard"),
                       tr("<h3>ModelGuard %1</h3><p>Security-operations console for LLM extraction defence: live "
                          "usage and extraction risk of every client on your gateways.</p>")
                           .arg(QApplication::applicationVersion().toHtmlEscaped()));
}

void MainWindow::setTheme(ThemeMode mode)
{
    applyTheme(mode);
    QSettings().setValue(QLatin1String(kThemeKey), themeToString(mode));
    for (QAction* a : m_themeGroup->actions())
        a->setChecked(a->data().toString() == themeToString(mode));
    updateConnectionLabels();
    m_overview->refresh();
    m_clients->refresh();
}

void MainWindow::restoreWindowState()
{
    QSettings settings;
    if (!restoreGeometry(settings.value(QStringLiteral("ui/geometry")).toByteArray())) {
        const QSize text = fontMetrics().size(0, QStringLiteral("M"));
        QSize size(text.width() * 140, text.height() * 46); // the Clients table and its detail pane side by side
        if (const QScreen* s = screen())
            size = size.boundedTo(s->availableSize() * 0.9);
        resize(size);
    }
    restoreState(settings.value(QStringLiteral("ui/windowState")).toByteArray());
}

void MainWindow::saveWindowState()
{
    QSettings settings;
    settings.setValue(QStringLiteral("ui/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("ui/windowState"), saveState());
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    saveWindowState();
    QMainWindow::closeEvent(event);
}

} // namespace modelguard::ui
