#pragma once
// Connections…: the saved gateway profiles; add, edit, remove; "Test" runs health + whoami against the entered
// address and token and shows the result. Tokens go to the keychain through ConnectionManager, never to settings.

#include "client/ConnectionProfile.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace modelguard::client {
class ConnectionManager;
class FleetStore;
class GatewayConnection;
} // namespace modelguard::client

namespace modelguard::ui {

class ConnectionDialog : public QDialog
{
    Q_OBJECT
public:
    explicit ConnectionDialog(client::ConnectionManager* manager, QWidget* parent = nullptr);

    /// The profile as currently entered in the form (id kept from the selected profile, new id for a new one).
    client::ConnectionProfile enteredProfile() const;
    /// Fills the form (a new profile when profile.id is empty).
    void setEntered(const client::ConnectionProfile& profile, const QString& token);
    /// Validates the form; returns a readable problem or an empty string.
    QString validate() const;
    /// Runs health + whoami with the entered settings; the result goes to the result label.
    void testConnection();
    QString resultText() const;

private:
    void reloadList();
    void loadSelected();
    void clearForm();
    void save();
    void removeSelected();
    void setResult(const QString& text, bool good);

    client::ConnectionManager* m_manager = nullptr;
    QString m_editingId; ///< empty = new profile
    QListWidget* m_list = nullptr;
    QLineEdit* m_name = nullptr;
    QLineEdit* m_url = nullptr;
    QLineEdit* m_token = nullptr;
    QLineEdit* m_caFile = nullptr;
    QLineEdit* m_pin = nullptr;
    QLineEdit* m_certFile = nullptr;
    QLineEdit* m_keyFile = nullptr;
    QLabel* m_tokenHint = nullptr;
    QLabel* m_result = nullptr;
    QPushButton* m_test = nullptr;
    QPushButton* m_save = nullptr;
    QPushButton* m_remove = nullptr;
    client::FleetStore* m_testStore = nullptr;
    client::GatewayConnection* m_testConnection = nullptr;
};

} // namespace modelguard::ui
