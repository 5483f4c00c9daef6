#pragma once
// The dialogs of the Keys editor: create a key, edit it (PATCH), rotate it (grace period), revoke every key of a
// client, and show a new secret once. They are forms only: they validate what was typed (the reason next to the field,
// OK disabled while something is wrong) and hand their values to KeysPage, which makes the change. Each is shown
// with open() (never exec()), so that tests fill and accept them like a person would.

#include "ui/KeyTableModel.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDialog>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QDialogButtonBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace modelguard::client {
class AdminService;
class ConnectionManager;
class GatewayConnection;
} // namespace modelguard::client

namespace modelguard::ui {

class GatewayTargets;

/// What a new key is made of (docs/api/gateway.yaml, KeyCreate).
struct KeySpec
{
    QString clientId;
    QString name;
    std::optional<QDateTime> expires; ///< none = never expires
    QStringList models;               ///< empty = all
    QStringList endpoints;            ///< chat | completions | embeddings | models; empty = all
    /// The request body of POST /admin/v1/keys.
    QJsonObject toJson() const;
};

/// The checks made before anything is sent (the gateway makes the same ones); each returns the problem in words, or an
/// empty string when the input is fine.
class KeyInput
{
    Q_DECLARE_TR_FUNCTIONS(KeyInput)
public:
    static constexpr int kMaxNameLength = 200;
    static constexpr int kMaxModels = 100;
    static constexpr int kMaxModelBytes = 256;
    static constexpr qint64 kMaxGraceSeconds = 30LL * 86400;

    static QString clientIdProblem(const QString& clientId);
    static QString nameProblem(const QString& name);
    static QString expiryProblem(const QDateTime& expires, const QDateTime& now);
    static QString modelsProblem(const QStringList& models);
    static QString graceProblem(qint64 seconds);
    /// The first problem of a whole spec (client, name, expiry against `now`, models, endpoints).
    static QString problem(const KeySpec& spec, const QDateTime& now);
    /// "a, b ,, c" -> {"a", "b", "c"}.
    static QStringList parseModels(const QString& text);
    /// chat, completions, embeddings, models.
    static QStringList endpointNames();
};

/// Name, expiry and scope fields shared by the create and edit dialogs (owned by the dialog's widgets).
struct KeyFields
{
    QLineEdit* name = nullptr;
    QLabel* nameError = nullptr;
    QCheckBox* expires = nullptr;
    QDateTimeEdit* expiry = nullptr;
    QLabel* expiryError = nullptr;
    QLineEdit* models = nullptr;
    QLabel* modelsError = nullptr;
    QHash<QString, QCheckBox*> endpoints; ///< by endpoint name

    /// Adds the rows to `form` (widgets parented to `parent`).
    void build(QWidget* parent, QFormLayout* form);
    std::optional<QDateTime> expiryValue() const;
    void setExpiry(std::optional<QDateTime> value);
    QStringList endpointValue() const;
    void setEndpoints(const QStringList& endpoints);
};

/// New key: client (with the fleet's client ids), name, expiry, models, endpoints, and the gateways to issue it on.
class KeyCreateDialog : public QDialog
{
    Q_OBJECT
public:
    KeyCreateDialog(client::ConnectionManager* connections, client::AdminService* service,
                    const QStringList& knownClients, QWidget* parent = nullptr);

    KeySpec spec() const;
    /// The first problem of the input (empty when OK is enabled).
    QString problem() const;

    QComboBox* clientBox() const { return m_client; }
    QLabel* clientError() const { return m_clientError; }
    const KeyFields& fields() const { return m_fields; }
    GatewayTargets* targets() const { return m_targets; }
    QLabel* targetsError() const { return m_targetsError; }
    QPushButton* okButton() const;

public slots:
    /// Re-checks the input (the expiry against the current time) and shows every problem next to its field.
    void validate();
    void accept() override;

private:
    QComboBox* m_client = nullptr;
    QLabel* m_clientError = nullptr;
    KeyFields m_fields;
    GatewayTargets* m_targets = nullptr;
    QLabel* m_targetsError = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
};

/// Changes a key's name, expiry (also removing it), models and endpoints. patch() holds only what changed.
class KeyEditDialog : public QDialog
{
    Q_OBJECT
public:
    explicit KeyEditDialog(const KeyRow& key, QWidget* parent = nullptr);

    const KeyRow& key() const { return m_key; }
    /// The PATCH body: only the changed fields; "expires_ms": null removes the expiry.
    QJsonObject patch() const;
    QString problem() const;

    const KeyFields& fields() const { return m_fields; }
    QPushButton* okButton() const;

public slots:
    void validate();
    void accept() override;

private:
    KeyRow m_key;
    KeyFields m_fields;
    std::optional<QDateTime> m_initialExpiry; ///< as the field showed it first: unchanged expiries are not sent
    QDialogButtonBox* m_buttons = nullptr;
};

/// Rotation of one key: the grace period of the old key (default 1 h, 0 to 30 days).
class RotateDialog : public QDialog
{
    Q_OBJECT
public:
    enum Unit { Minutes, Hours, Days };

    explicit RotateDialog(const KeyRow& key, QWidget* parent = nullptr);

    const KeyRow& key() const { return m_key; }
    qint64 graceSeconds() const;
    void setGrace(int amount, Unit unit);
    QString problem() const;

    QSpinBox* amountBox() const { return m_amount; }
    QComboBox* unitBox() const { return m_unit; }
    QLabel* graceError() const { return m_error; }
    QPushButton* okButton() const;

public slots:
    void validate();
    void accept() override;

private:
    KeyRow m_key;
    QSpinBox* m_amount = nullptr;
    QComboBox* m_unit = nullptr;
    QLabel* m_error = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
};

/// Revoke every key of a client, on the gateways checked under "Apply to".
class BulkRevokeDialog : public QDialog
{
    Q_OBJECT
public:
    BulkRevokeDialog(client::ConnectionManager* connections, client::AdminService* service,
                     const QStringList& knownClients, const QString& clientId, QWidget* parent = nullptr);

    QString clientId() const;
    QString problem() const;

    QComboBox* clientBox() const { return m_client; }
    QLabel* clientError() const { return m_clientError; }
    GatewayTargets* targets() const { return m_targets; }
    QPushButton* okButton() const;

public slots:
    void validate();
    void accept() override;

private:
    QComboBox* m_client = nullptr;
    QLabel* m_clientError = nullptr;
    GatewayTargets* m_targets = nullptr;
    QLabel* m_targetsError = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
};

/// Shows new secrets once (one per gateway), each in a read-only field with a Copy button. The console keeps no
/// copy: the fields and the dialog's strings are cleared when it closes.
class SecretDialog : public QDialog
{
    Q_OBJECT
public:
    struct Entry
    {
        QString gatewayName;
        QString clientId;
        QString prefix;
        QString secret;
    };

    SecretDialog(const QString& title, QList<Entry> entries, QWidget* parent = nullptr);
    ~SecretDialog() override;

    int count() const { return static_cast<int>(m_fields.size()); }
    QLineEdit* secretField(int i) const { return m_fields.value(i); }
    QPushButton* copyButton(int i) const { return m_copyButtons.value(i); }
    /// What field i shows (empty once the dialog has closed).
    QString secret(int i) const;

    void done(int result) override;

private:
    void wipe();

    QList<Entry> m_entries;
    QList<QLineEdit*> m_fields;
    QList<QPushButton*> m_copyButtons;
};

} // namespace modelguard::ui
