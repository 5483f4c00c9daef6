#include "ui/ConnectionDialog.h"

#include "client/ConnectionManager.h"
#include "client/FleetStore.h"
#include "client/GatewayConnection.h"
#include "ui/Theme.h"

#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpression>
#include <QToolButton>
#include <QUuid>
#include <QVBoxLayout>

#include <qcoro/qcorotask.h>

namespace modelguard::ui {

namespace {

QWidget* withBrowse(QLineEdit* edit, const QString& title, QWidget* parent)
{
    auto* row = new QWidget(parent);
    auto* layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(edit, 1);
    auto* browse = new QToolButton(row);
    browse->setText(QCoreApplication::translate("modelguard::ui::ConnectionDialog", "Browse…"));
    QObject::connect(browse, &QToolButton::clicked, edit, [edit, title] {
        const QString file =
            QFileDialog::getOpenFileName(edit, title, edit->text(),
                                         QCoreApplication::translate("modelguard::ui::ConnectionDialog",
                                                                     "PEM files (*.pem *.crt *.key);;All files (*)"));
        if (!file.isEmpty())
            edit->setText(file);
    });
    layout->addWidget(browse);
    return row;
}

} // namespace

ConnectionDialog::ConnectionDialog(client::ConnectionManager* manager, QWidget* parent)
    : QDialog(parent)
    , m_manager(manager)
{
    setWindowTitle(tr("Connections"));
    const int unit = spacingUnit(this);

    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("profileList"));
    auto* add = new QPushButton(tr("New"), this);
    m_remove = new QPushButton(tr("Remove"), this);
    auto* listButtons = new QHBoxLayout();
    listButtons->addWidget(add);
    listButtons->addWidget(m_remove);
    listButtons->addStretch(1);
    auto* left = new QVBoxLayout();
    left->addWidget(m_list, 1);
    left->addLayout(listButtons);

    m_name = new QLineEdit(this);
    m_name->setPlaceholderText(tr("e.g. prod-eu-1"));
    m_url = new QLineEdit(this);
    m_url->setPlaceholderText(tr("https://gateway.example:9443"));
    m_token = new QLineEdit(this);
    m_token->setEchoMode(QLineEdit::Password);
    m_token->setPlaceholderText(tr("mga_…"));
    m_tokenHint = new QLabel(this);
    m_tokenHint->setWordWrap(true);
    m_caFile = new QLineEdit(this);
    m_caFile->setPlaceholderText(tr("system trust store"));
    m_pin = new QLineEdit(this);
    m_pin->setPlaceholderText(tr("SHA-256 of the server certificate (hex), optional"));
    m_certFile = new QLineEdit(this);
    m_certFile->setPlaceholderText(tr("optional (mTLS)"));
    m_keyFile = new QLineEdit(this);
    m_keyFile->setPlaceholderText(tr("optional (mTLS)"));

    auto* form = new QFormLayout();
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("Admin &URL:"), m_url);
    form->addRow(tr("Admin &token:"), m_token);
    form->addRow(QString(), m_tokenHint);
    form->addRow(tr("Extra &CA file:"), withBrowse(m_caFile, tr("CA certificate"), this));
    form->addRow(tr("Certificate &pin:"), m_pin);
    form->addRow(tr("Client certificate:"), withBrowse(m_certFile, tr("Client certificate"), this));
    form->addRow(tr("Client key:"), withBrowse(m_keyFile, tr("Client key"), this));

    m_result = new QLabel(this);
    m_result->setObjectName(QStringLiteral("testResult"));
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_test = new QPushButton(tr("&Test"), this);
    m_save = new QPushButton(tr("&Save"), this);
    m_save->setDefault(true);
    auto* formButtons = new QHBoxLayout();
    formButtons->addWidget(m_test);
    formButtons->addStretch(1);
    formButtons->addWidget(m_save);

    auto* right = new QVBoxLayout();
    right->addLayout(form);
    right->addWidget(m_result);
    right->addStretch(1);
    right->addLayout(formButtons);

    auto* columns = new QHBoxLayout();
    columns->setSpacing(unit * 2);
    columns->addLayout(left, 1);
    columns->addLayout(right, 2);

    auto* close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(columns, 1);
    layout->addWidget(close);

    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(add, &QPushButton::clicked, this, &ConnectionDialog::clearForm);
    connect(m_remove, &QPushButton::clicked, this, &ConnectionDialog::removeSelected);
    connect(m_test, &QPushButton::clicked, this, &ConnectionDialog::testConnection);
    connect(m_save, &QPushButton::clicked, this, &ConnectionDialog::save);
    connect(m_list, &QListWidget::currentRowChanged, this, &ConnectionDialog::loadSelected);

    m_testStore = new client::FleetStore(this);
    resize(fontMetrics().averageCharWidth() * 110, fontMetrics().height() * 26);
    reloadList();
    if (m_list->count() > 0)
        m_list->setCurrentRow(0);
    else
        clearForm();
}

void ConnectionDialog::reloadList()
{
    const QSignalBlocker blocker(m_list);
    m_list->clear();
    if (!m_manager)
        return;
    for (client::GatewayConnection* c : m_manager->connections()) {
        auto* item = new QListWidgetItem(tr("%1 — %2").arg(c->profile().name, c->stateText()), m_list);
        item->setData(Qt::UserRole, c->profile().id);
        item->setToolTip(c->profile().adminUrl.toString());
    }
    m_remove->setEnabled(m_list->count() > 0);
}

void ConnectionDialog::loadSelected()
{
    QListWidgetItem* item = m_list->currentItem();
    if (!item || !m_manager) {
        clearForm();
        return;
    }
    const QString id = item->data(Qt::UserRole).toString();
    for (client::GatewayConnection* c : m_manager->connections()) {
        if (c->profile().id != id)
            continue;
        const client::ConnectionProfile& p = c->profile();
        m_editingId = p.id;
        m_name->setText(p.name);
        m_url->setText(p.adminUrl.toString());
        m_token->clear();
        m_tokenHint->setText(tr("Leave empty to keep the stored token."));
        m_caFile->setText(p.caFile);
        m_pin->setText(p.pinnedSha256);
        m_certFile->setText(p.clientCertFile);
        m_keyFile->setText(p.clientKeyFile);
        m_result->clear();
        m_remove->setEnabled(true);
        return;
    }
}

void ConnectionDialog::clearForm()
{
    {
        const QSignalBlocker blocker(m_list);
        m_list->clearSelection();
        m_list->setCurrentRow(-1);
    }
    m_editingId.clear();
    for (QLineEdit* e : {m_name, m_url, m_token, m_caFile, m_pin, m_certFile, m_keyFile})
        e->clear();
    m_tokenHint->setText(tr("Stored in the system keychain, never in the settings file."));
    m_result->clear();
    m_remove->setEnabled(false);
    m_name->setFocus();
}

void ConnectionDialog::setEntered(const client::ConnectionProfile& profile, const QString& token)
{
    m_editingId = profile.id;
    m_name->setText(profile.name);
    m_url->setText(profile.adminUrl.toString());
    m_token->setText(token);
    m_caFile->setText(profile.caFile);
    m_pin->setText(profile.pinnedSha256);
    m_certFile->setText(profile.clientCertFile);
    m_keyFile->setText(profile.clientKeyFile);
}

client::ConnectionProfile ConnectionDialog::enteredProfile() const
{
    client::ConnectionProfile p;
    p.id = m_editingId.isEmpty() ? QUuid::createUuid().toString(QUuid::WithoutBraces) : m_editingId;
    p.name = m_name->text().trimmed();
    p.adminUrl = QUrl(m_url->text().trimmed());
    p.caFile = m_caFile->text().trimmed();
    p.pinnedSha256 = m_pin->text().trimmed().remove(QLatin1Char(':')).toLower();
    p.clientCertFile = m_certFile->text().trimmed();
    p.clientKeyFile = m_keyFile->text().trimmed();
    return p;
}

QString ConnectionDialog::validate() const
{
    const client::ConnectionProfile p = enteredProfile();
    if (p.name.isEmpty())
        return tr("Enter a name for the connection.");
    if (!p.adminUrl.isValid()
        || (p.adminUrl.scheme() != QLatin1String("http") && p.adminUrl.scheme() != QLatin1String("https"))
        || p.adminUrl.host().isEmpty())
        return tr("The admin URL must look like https://host:port.");
    static const QRegularExpression hex64(QStringLiteral("^[0-9a-f]{64}$"));
    if (!p.pinnedSha256.isEmpty() && !hex64.match(p.pinnedSha256).hasMatch())
        return tr("The certificate pin must be 64 hexadecimal characters (SHA-256).");
    if (p.clientCertFile.isEmpty() != p.clientKeyFile.isEmpty())
        return tr("Client certificate and client key go together: give both or neither.");
    if (m_editingId.isEmpty() && m_token->text().trimmed().isEmpty())
        return tr("Enter the admin token.");
    return {};
}

void ConnectionDialog::setResult(const QString& text, bool good)
{
    m_result->setText(text);
    QPalette pal = m_result->palette();
    pal.setColor(QPalette::WindowText, riskForeground(good ? RiskBand::Low : RiskBand::Critical, palette()));
    m_result->setPalette(pal);
}

QString ConnectionDialog::resultText() const
{
    return m_result->text();
}

void ConnectionDialog::testConnection()
{
    const QString problem = validate();
    if (!problem.isEmpty() && !(m_editingId.size() > 0 && m_token->text().isEmpty())) {
        setResult(problem, false);
        return;
    }
    QString token = m_token->text().trimmed();
    if (token.isEmpty()) {
        setResult(tr("Enter the token to test (the stored one is not read back)."), false);
        return;
    }
    if (m_testConnection)
        m_testConnection->deleteLater();
    m_testConnection = new client::GatewayConnection(enteredProfile(), token, m_testStore, this);
    m_test->setEnabled(false);
    setResult(tr("Testing…"), true);
    QPointer<client::GatewayConnection> connection = m_testConnection;
    auto run = [](QPointer<client::GatewayConnection> c) -> QCoro::Task<QPair<bool, QString>> {
        const client::ApiReply health = co_await c->call("GET", QStringLiteral("/admin/v1/health"));
        if (!c)
            co_return qMakePair(false, QString());
        if (!health.ok())
            co_return qMakePair(false, tr("Health check failed: %1").arg(health.error));
        const QJsonObject h = health.json.object();
        if (h.value(QLatin1String("api_version")).toInt() != 1)
            co_return qMakePair(false, tr("Incompatible gateway: API version %1 (the console speaks 1).")
                                           .arg(h.value(QLatin1String("api_version")).toInt()));
        const client::ApiReply who = co_await c->call("GET", QStringLiteral("/admin/v1/whoami"));
        if (!c)
            co_return qMakePair(false, QString());
        if (!who.ok())
            co_return qMakePair(false, tr("The gateway answers, but the token was refused: %1").arg(who.error));
        const QJsonObject w = who.json.object();
        co_return qMakePair(
            true, tr("OK: %1 %2 (gateway %3), signed in as “%4” with role %5.")
                      .arg(h.value(QLatin1String("service")).toString(), h.value(QLatin1String("version")).toString(),
                           h.value(QLatin1String("gateway_id")).toString(), w.value(QLatin1String("name")).toString(),
                           w.value(QLatin1String("role")).toString()));
    };
    QCoro::connect(run(connection), this, [this](const QPair<bool, QString>& result) {
        m_test->setEnabled(true);
        if (!result.second.isEmpty())
            setResult(result.second, result.first);
    });
}

void ConnectionDialog::save()
{
    if (!m_manager)
        return;
    const QString problem = validate();
    if (!problem.isEmpty()) {
        setResult(problem, false);
        return;
    }
    const client::ConnectionProfile profile = enteredProfile();
    const QString token = m_token->text().trimmed();
    if (m_editingId.isEmpty()) {
        m_manager->add(profile, token);
    } else {
        m_manager->update(profile, token.isEmpty() ? std::nullopt : std::optional<QString>(token));
    }
    m_token->clear();
    m_editingId = profile.id;
    reloadList();
    for (int i = 0; i < m_list->count(); ++i) {
        if (m_list->item(i)->data(Qt::UserRole).toString() == profile.id) {
            const QSignalBlocker blocker(m_list);
            m_list->setCurrentRow(i);
        }
    }
    setResult(tr("Saved. The connection starts now."), true);
}

void ConnectionDialog::removeSelected()
{
    QListWidgetItem* item = m_list->currentItem();
    if (!item || !m_manager)
        return;
    const QString id = item->data(Qt::UserRole).toString();
    const auto answer = QMessageBox::question(
        this, tr("Remove connection"),
        tr("Remove the connection “%1” and its stored token?").arg(item->text().section(QStringLiteral(" — "), 0, 0)));
    if (answer != QMessageBox::Yes)
        return;
    m_manager->remove(id);
    reloadList();
    clearForm();
}

} // namespace modelguard::ui
