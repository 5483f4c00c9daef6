#pragma once
// The console's main window: section navigation (Ctrl+1..Ctrl+7), the section pages, one live state label per
// connection in the status bar, menus (File, View, Settings, Help), tray notifications; geometry kept in QSettings.

#include <QHash>
#include <QMainWindow>

#include <optional>

class QActionGroup;
class QLabel;
class QListWidget;
class QStackedWidget;

namespace modelguard::client {
class AdminService;
class ConnectionManager;
class FleetStore;
class GatewayConnection;
} // namespace modelguard::client

namespace modelguard::ui {

class AlertNotifier;
class AuditPage;
class ClientsPage;
class KeysPage;
class LimitsPage;
class OverviewPage;
class PoliciesPage;
enum class ThemeMode;

class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    enum class Section { Overview, Clients, KeysQuotas, Policies, Detect, Vaults, Audit };
    static constexpr int kSectionCount = 7;

    /// Without an admin service (or when its audit log is closed) the editors are read-only and say why.
    MainWindow(client::ConnectionManager* connections, client::FleetStore* store, client::AdminService* admin = nullptr,
               QWidget* parent = nullptr);
    ~MainWindow() override;

    void showSection(Section section);
    Section currentSection() const;
    QWidget* sectionPage(Section section) const;
    static QString sectionTitle(Section section);
    /// "overview", "clients", "keys", "policies", "detect", "vaults", "audit".
    static QString sectionKey(Section section);
    static std::optional<Section> sectionFromKey(const QString& key);

    OverviewPage* overviewPage() const { return m_overview; }
    ClientsPage* clientsPage() const { return m_clients; }
    KeysPage* keysPage() const { return m_keys; }
    LimitsPage* limitsPage() const { return m_limits; }
    PoliciesPage* policiesPage() const { return m_policies; }
    AuditPage* auditPage() const { return m_audit; }
    AlertNotifier* notifier() const { return m_notifier; }
    /// The status bar's connection texts, in connection order.
    QStringList connectionStatusTexts() const;

    void openConnections();
    void exportClientsCsv();
    void openSettings();
    void showAbout();
    void setTheme(ThemeMode mode);

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void buildMenus();
    void buildStatusBar();
    void watchConnection(client::GatewayConnection* connection);
    void updateConnectionLabels();
    void restoreWindowState();
    void saveWindowState();

    client::ConnectionManager* m_connections = nullptr;
    client::FleetStore* m_store = nullptr;
    client::AdminService* m_admin = nullptr;
    QListWidget* m_nav = nullptr;
    QStackedWidget* m_stack = nullptr;
    OverviewPage* m_overview = nullptr;
    ClientsPage* m_clients = nullptr;
    KeysPage* m_keys = nullptr;
    LimitsPage* m_limits = nullptr;
    PoliciesPage* m_policies = nullptr;
    AuditPage* m_audit = nullptr;
    AlertNotifier* m_notifier = nullptr;
    QWidget* m_statusHost = nullptr;
    QLabel* m_noConnections = nullptr;
    QList<QLabel*> m_connectionLabels;
    QActionGroup* m_themeGroup = nullptr;
};

} // namespace modelguard::ui
