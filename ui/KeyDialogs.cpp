#include "ui/KeyDialogs.h"

#include "ui/GatewayTargets.h"
#include "ui/Theme.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QStyle>
#include <QVBoxLayout>

namespace modelguard::ui {

namespace {

/// A label for the problem of the field above it: wraps, coloured like a critical risk, hidden while empty.
QLabel* errorLabel(QWidget* parent, const QString& objectName)
{
    auto* label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText, riskAccent(RiskBand::Critical, palette));
    label->setPalette(palette);
    label->hide();
    return label;
}

void showProblem(QLabel* label, const QString& problem)
{
    label->setText(problem);
    label->setVisible(!problem.isEmpty());
}

/// The field with its error label below it, as one form row.
QWidget* withError(QWidget* parent, QWidget* field, QLabel* error)
{
    auto* box = new QWidget(parent);
    auto* layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(spacingUnit(parent) / 2);
    layout->addWidget(field);
    layout->addWidget(error);
    return box;
}

QStringList sortedUnique(QStringList values)
{
    values.removeAll(QString());
    values.removeDuplicates();
    values.sort(Qt::CaseInsensitive);
    return values;
}

QJsonArray toArray(const QStringList& values)
{
    QJsonArray out;
    for (const QString& v : values)
        out.append(v);
    return out;
}

QDialogButtonBox* okCancel(QDialog* dialog, const QString& okText)
{
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, dialog);
    buttons->button(QDialogButtonBox::Ok)->setText(okText);
    buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("okButton"));
    QObject::connect(buttons, &QDialogButtonBox::accepted, dialog, &QDialog::accept);
    QObject::connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    return buttons;
}

/// A header line about the key a dialog acts on.
QLabel* keyHeader(QWidget* parent, const KeyRow& key)
{
    auto* label = new QLabel(KeyEditDialog::tr("Key %1 (%2) of client %3 on %4")
                                 .arg(key.prefix, key.name.isEmpty() ? KeyEditDialog::tr("no name") : key.name,
                                      key.clientId, key.gatewayName),
                             parent);
    label->setObjectName(QStringLiteral("keyHeader"));
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

int charWidth(const QWidget* widget)
{
    return widget->fontMetrics().horizontalAdvance(QLatin1Char('0'));
}

} // namespace

// ---------------------------------------------------------------------------------------------------------------
// KeySpec, KeyInput

QJsonObject KeySpec::toJson() const
{
    QJsonObject o {{QStringLiteral("client"), clientId}, {QStringLiteral("name"), name}};
    if (expires)
        o.insert(QStringLiteral("expires_ms"), expires->toMSecsSinceEpoch());
    if (!models.isEmpty())
        o.insert(QStringLiteral("models"), toArray(models));
    if (!endpoints.isEmpty())
        o.insert(QStringLiteral("endpoints"), toArray(endpoints));
    return o;
}

QString KeyInput::clientIdProblem(const QString& clientId)
{
    if (clientId.isEmpty())
        return tr("Enter the client id.");
    if (clientId.size() > 128)
        return tr("A client id has at most 128 characters.");
    for (const QChar c : clientId) {
        const char16_t u = c.unicode();
        const bool ok = (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') || u == '.'
                        || u == '_' || u == ':' || u == '@' || u == '-';
        if (!ok)
            return tr("A client id may contain only letters A–Z, digits and . _ : @ - (not “%1”).").arg(c);
    }
    return {};
}

QString KeyInput::nameProblem(const QString& name)
{
    if (name.size() > kMaxNameLength)
        return tr("A name has at most %1 characters.").arg(kMaxNameLength);
    for (const QChar c : name) {
        if (c.category() == QChar::Other_Control)
            return tr("A name may not contain control characters.");
    }
    return {};
}

QString KeyInput::expiryProblem(const QDateTime& expires, const QDateTime& now)
{
    if (!expires.isValid())
        return tr("Enter a valid date and time.");
    if (expires <= now)
        return tr("The expiry must be in the future.");
    return {};
}

QString KeyInput::modelsProblem(const QStringList& models)
{
    if (models.size() > kMaxModels)
        return tr("At most %1 models can be listed.").arg(kMaxModels);
    for (const QString& m : models) {
        if (m.toUtf8().size() > kMaxModelBytes)
            return tr("The model name “%1…” is too long.").arg(m.left(20));
        for (const QChar c : m) {
            if (c.category() == QChar::Other_Control)
                return tr("A model name may not contain control characters.");
        }
    }
    return {};
}

QString KeyInput::graceProblem(qint64 seconds)
{
    if (seconds < 0 || seconds > kMaxGraceSeconds)
        return tr("The grace period is 0 to 30 days.");
    return {};
}

QString KeyInput::problem(const KeySpec& spec, const QDateTime& now)
{
    QString p = clientIdProblem(spec.clientId);
    if (p.isEmpty())
        p = nameProblem(spec.name);
    if (p.isEmpty() && spec.expires)
        p = expiryProblem(*spec.expires, now);
    if (p.isEmpty())
        p = modelsProblem(spec.models);
    if (p.isEmpty()) {
        const QStringList known = endpointNames();
        for (const QString& e : spec.endpoints) {
            if (!known.contains(e))
                return tr("Unknown endpoint “%1”.").arg(e);
        }
    }
    return p;
}

QStringList KeyInput::parseModels(const QString& text)
{
    QStringList out;
    const QStringList parts = text.split(QLatin1Char(','));
    for (const QString& part : parts) {
        const QString model = part.trimmed();
        if (!model.isEmpty() && !out.contains(model))
            out.append(model);
    }
    return out;
}

QStringList KeyInput::endpointNames()
{
    return {QStringLiteral("chat"), QStringLiteral("completions"), QStringLiteral("embeddings"),
            QStringLiteral("models")};
}

// ---------------------------------------------------------------------------------------------------------------
// KeyFields

void KeyFields::build(QWidget* parent, QFormLayout* form)
{
    name = new QLineEdit(parent);
    name->setObjectName(QStringLiteral("keyName"));
    name->setPlaceholderText(KeyEditDialog::tr("e.g. production backend"));
    nameError = errorLabel(parent, QStringLiteral("nameError"));
    form->addRow(KeyEditDialog::tr("&Name:"), withError(parent, name, nameError));

    expires = new QCheckBox(KeyEditDialog::tr("Expires on"), parent);
    expires->setObjectName(QStringLiteral("expiresCheck"));
    expiry = new QDateTimeEdit(QDateTime::currentDateTime().addDays(30), parent);
    expiry->setObjectName(QStringLiteral("expiryEdit"));
    expiry->setCalendarPopup(true);
    expiry->setEnabled(false);
    QObject::connect(expires, &QCheckBox::toggled, expiry, &QWidget::setEnabled);
    auto* expiryRow = new QWidget(parent);
    auto* expiryLayout = new QHBoxLayout(expiryRow);
    expiryLayout->setContentsMargins(0, 0, 0, 0);
    expiryLayout->addWidget(expires);
    expiryLayout->addWidget(expiry, 1);
    expiryError = errorLabel(parent, QStringLiteral("expiryError"));
    form->addRow(KeyEditDialog::tr("Expiry:"), withError(parent, expiryRow, expiryError));

    models = new QLineEdit(parent);
    models->setObjectName(QStringLiteral("modelsEdit"));
    models->setPlaceholderText(KeyEditDialog::tr("comma-separated; empty = all models"));
    modelsError = errorLabel(parent, QStringLiteral("modelsError"));
    form->addRow(KeyEditDialog::tr("Allowed &models:"), withError(parent, models, modelsError));

    auto* endpointRow = new QWidget(parent);
    auto* endpointLayout = new QHBoxLayout(endpointRow);
    endpointLayout->setContentsMargins(0, 0, 0, 0);
    const QStringList names = KeyInput::endpointNames();
    const QStringList labels = {KeyEditDialog::tr("Chat"), KeyEditDialog::tr("Completions"),
                                KeyEditDialog::tr("Embeddings"), KeyEditDialog::tr("Models list")};
    for (int i = 0; i < names.size(); ++i) {
        auto* box = new QCheckBox(labels[i], endpointRow);
        box->setObjectName(QStringLiteral("endpoint:%1").arg(names[i]));
        endpointLayout->addWidget(box);
        endpoints.insert(names[i], box);
    }
    endpointLayout->addStretch(1);
    auto* endpointHint = new QLabel(KeyEditDialog::tr("None checked = all endpoints."), parent);
    endpointHint->setWordWrap(true);
    form->addRow(KeyEditDialog::tr("Endpoints:"), withError(parent, endpointRow, endpointHint));
    endpointHint->show();
}

std::optional<QDateTime> KeyFields::expiryValue() const
{
    if (!expires->isChecked())
        return std::nullopt;
    return expiry->dateTime();
}

void KeyFields::setExpiry(std::optional<QDateTime> value)
{
    expires->setChecked(value.has_value());
    if (value)
        expiry->setDateTime(*value);
}

QStringList KeyFields::endpointValue() const
{
    QStringList out;
    const QStringList names = KeyInput::endpointNames();
    for (const QString& endpoint : names) {
        if (endpoints.value(endpoint)->isChecked())
            out.append(endpoint);
    }
    return out;
}

void KeyFields::setEndpoints(const QStringList& values)
{
    for (auto it = endpoints.cbegin(); it != endpoints.cend(); ++it)
        it.value()->setChecked(values.contains(it.key()));
}

// ---------------------------------------------------------------------------------------------------------------
// KeyCreateDialog

KeyCreateDialog::KeyCreateDialog(client::ConnectionManager* connections, client::AdminService* service,
                                 const QStringList& knownClients, QWidget* parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("keyCreateDialog"));
    setWindowTitle(tr("New API key"));
    const int unit = spacingUnit(this);
    auto* layout = new QVBoxLayout(this);
    layout->setSpacing(unit);
    auto* intro = new QLabel(tr("The key's secret is shown once after it is created; the gateway keeps only a hash "
                                "of it and the console does not store it."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    m_client = new QComboBox(this);
    m_client->setObjectName(QStringLiteral("clientBox"));
    m_client->setEditable(true);
    m_client->setInsertPolicy(QComboBox::NoInsert);
    m_client->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    m_client->addItems(sortedUnique(knownClients));
    m_client->setCurrentIndex(-1);
    m_client->setEditText(QString());
    m_client->lineEdit()->setPlaceholderText(tr("e.g. acme-prod"));
    m_clientError = errorLabel(this, QStringLiteral("clientError"));
    form->addRow(tr("&Client:"), withError(this, m_client, m_clientError));
    m_fields.build(this, form);
    layout->addLayout(form);

    m_targets = new GatewayTargets(connections, service, this);
    m_targets->setObjectName(QStringLiteral("targets"));
    layout->addWidget(m_targets);
    m_targetsError = errorLabel(this, QStringLiteral("targetsError"));
    layout->addWidget(m_targetsError);
    layout->addStretch(1);

    m_buttons = okCancel(this, tr("Create key"));
    layout->addWidget(m_buttons);

    connect(m_client, &QComboBox::editTextChanged, this, &KeyCreateDialog::validate);
    connect(m_fields.name, &QLineEdit::textChanged, this, &KeyCreateDialog::validate);
    connect(m_fields.expires, &QCheckBox::toggled, this, &KeyCreateDialog::validate);
    connect(m_fields.expiry, &QDateTimeEdit::dateTimeChanged, this, &KeyCreateDialog::validate);
    connect(m_fields.models, &QLineEdit::textChanged, this, &KeyCreateDialog::validate);
    connect(m_targets, &GatewayTargets::selectionChanged, this, &KeyCreateDialog::validate);
    setMinimumWidth(charWidth(this) * 60);
    validate();
}

QPushButton* KeyCreateDialog::okButton() const
{
    return m_buttons->button(QDialogButtonBox::Ok);
}

KeySpec KeyCreateDialog::spec() const
{
    KeySpec spec;
    spec.clientId = m_client->currentText().trimmed();
    spec.name = m_fields.name->text().trimmed();
    spec.expires = m_fields.expiryValue();
    spec.models = KeyInput::parseModels(m_fields.models->text());
    spec.endpoints = m_fields.endpointValue();
    return spec;
}

QString KeyCreateDialog::problem() const
{
    const QString p = KeyInput::problem(spec(), QDateTime::currentDateTime());
    if (!p.isEmpty())
        return p;
    if (m_targets->selected().isEmpty()) {
        const QString reason = m_targets->readOnlyReason();
        return reason.isEmpty() ? tr("Check at least one gateway under “Apply to”.") : reason;
    }
    return {};
}

void KeyCreateDialog::validate()
{
    const KeySpec s = spec();
    const QDateTime now = QDateTime::currentDateTime();
    // An empty client field is not an error to shout about before anything was typed; OK stays disabled.
    showProblem(m_clientError, s.clientId.isEmpty() ? QString() : KeyInput::clientIdProblem(s.clientId));
    showProblem(m_fields.nameError, KeyInput::nameProblem(s.name));
    showProblem(m_fields.expiryError, s.expires ? KeyInput::expiryProblem(*s.expires, now) : QString());
    showProblem(m_fields.modelsError, KeyInput::modelsProblem(s.models));
    QString targets;
    if (m_targets->selected().isEmpty()) {
        const QString reason = m_targets->readOnlyReason();
        targets = reason.isEmpty() ? tr("Check at least one gateway under “Apply to”.") : reason;
    }
    showProblem(m_targetsError, targets);
    const QString p = problem();
    okButton()->setEnabled(p.isEmpty());
    okButton()->setToolTip(p);
}

void KeyCreateDialog::accept()
{
    validate(); // the expiry may have passed while the dialog was open
    if (!problem().isEmpty())
        return;
    QDialog::accept();
}

// ---------------------------------------------------------------------------------------------------------------
// KeyEditDialog

KeyEditDialog::KeyEditDialog(const KeyRow& key, QWidget* parent)
    : QDialog(parent)
    , m_key(key)
{
    setObjectName(QStringLiteral("keyEditDialog"));
    setWindowTitle(tr("Edit API key"));
    auto* layout = new QVBoxLayout(this);
    layout->setSpacing(spacingUnit(this));
    layout->addWidget(keyHeader(this, key));
    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    m_fields.build(this, form);
    layout->addLayout(form);
    layout->addStretch(1);
    m_buttons = okCancel(this, tr("Save"));
    layout->addWidget(m_buttons);

    m_fields.name->setText(key.name);
    if (key.expiresMs)
        m_fields.setExpiry(QDateTime::fromMSecsSinceEpoch(*key.expiresMs));
    m_initialExpiry = m_fields.expiryValue();
    m_fields.models->setText(key.models.join(QStringLiteral(", ")));
    m_fields.setEndpoints(key.endpoints);

    connect(m_fields.name, &QLineEdit::textChanged, this, &KeyEditDialog::validate);
    connect(m_fields.expires, &QCheckBox::toggled, this, &KeyEditDialog::validate);
    connect(m_fields.expiry, &QDateTimeEdit::dateTimeChanged, this, &KeyEditDialog::validate);
    connect(m_fields.models, &QLineEdit::textChanged, this, &KeyEditDialog::validate);
    for (QCheckBox* box : std::as_const(m_fields.endpoints))
        connect(box, &QCheckBox::toggled, this, &KeyEditDialog::validate);
    setMinimumWidth(charWidth(this) * 60);
    validate();
}

QPushButton* KeyEditDialog::okButton() const
{
    return m_buttons->button(QDialogButtonBox::Ok);
}

QJsonObject KeyEditDialog::patch() const
{
    QJsonObject o;
    const QString name = m_fields.name->text().trimmed();
    if (name != m_key.name)
        o.insert(QStringLiteral("name"), name);
    const std::optional<QDateTime> expiry = m_fields.expiryValue();
    if (!expiry && m_key.expiresMs)
        o.insert(QStringLiteral("expires_ms"), QJsonValue::Null);
    else if (expiry && expiry != m_initialExpiry)
        o.insert(QStringLiteral("expires_ms"), expiry->toMSecsSinceEpoch());
    const QStringList models = KeyInput::parseModels(m_fields.models->text());
    if (models != m_key.models)
        o.insert(QStringLiteral("models"), toArray(models));
    const QStringList endpoints = m_fields.endpointValue();
    QStringList current = m_key.endpoints;
    QStringList wanted = endpoints;
    current.sort();
    wanted.sort();
    if (current != wanted)
        o.insert(QStringLiteral("endpoints"), toArray(endpoints));
    return o;
}

QString KeyEditDialog::problem() const
{
    const QJsonObject p = patch();
    QString problem = KeyInput::nameProblem(m_fields.name->text().trimmed());
    if (problem.isEmpty() && p.contains(QStringLiteral("expires_ms"))
        && !p.value(QStringLiteral("expires_ms")).isNull())
        problem = KeyInput::expiryProblem(*m_fields.expiryValue(), QDateTime::currentDateTime());
    if (problem.isEmpty())
        problem = KeyInput::modelsProblem(KeyInput::parseModels(m_fields.models->text()));
    if (problem.isEmpty() && p.isEmpty())
        problem = tr("Nothing has been changed.");
    return problem;
}

void KeyEditDialog::validate()
{
    const QJsonObject p = patch();
    showProblem(m_fields.nameError, KeyInput::nameProblem(m_fields.name->text().trimmed()));
    const bool expiryChanged =
        p.contains(QStringLiteral("expires_ms")) && !p.value(QStringLiteral("expires_ms")).isNull();
    showProblem(m_fields.expiryError,
                expiryChanged ? KeyInput::expiryProblem(*m_fields.expiryValue(), QDateTime::currentDateTime())
                              : QString());
    showProblem(m_fields.modelsError, KeyInput::modelsProblem(KeyInput::parseModels(m_fields.models->text())));
    const QString problemText = problem();
    okButton()->setEnabled(problemText.isEmpty());
    okButton()->setToolTip(problemText);
}

void KeyEditDialog::accept()
{
    validate();
    if (!problem().isEmpty())
        return;
    QDialog::accept();
}

// ---------------------------------------------------------------------------------------------------------------
// RotateDialog

RotateDialog::RotateDialog(const KeyRow& key, QWidget* parent)
    : QDialog(parent)
    , m_key(key)
{
    setObjectName(QStringLiteral("rotateDialog"));
    setWindowTitle(tr("Rotate API key"));
    auto* layout = new QVBoxLayout(this);
    layout->setSpacing(spacingUnit(this));
    layout->addWidget(keyHeader(this, key));
    auto* explain = new QLabel(tr("A new key with the same client and scopes replaces this one; its secret is shown "
                                  "once. The old key keeps working during the grace period, then stops."),
                               this);
    explain->setWordWrap(true);
    layout->addWidget(explain);

    auto* form = new QFormLayout;
    m_amount = new QSpinBox(this);
    m_amount->setObjectName(QStringLiteral("graceAmount"));
    m_amount->setRange(0, 60 * 24 * 30);
    m_amount->setValue(1);
    m_unit = new QComboBox(this);
    m_unit->setObjectName(QStringLiteral("graceUnit"));
    m_unit->addItem(tr("minutes"), Minutes);
    m_unit->addItem(tr("hours"), Hours);
    m_unit->addItem(tr("days"), Days);
    m_unit->setCurrentIndex(Hours);
    auto* row = new QWidget(this);
    auto* rowLayout = new QHBoxLayout(row);
    rowLayout->setContentsMargins(0, 0, 0, 0);
    rowLayout->addWidget(m_amount);
    rowLayout->addWidget(m_unit);
    rowLayout->addStretch(1);
    m_error = errorLabel(this, QStringLiteral("graceError"));
    form->addRow(tr("&Grace period:"), withError(this, row, m_error));
    layout->addLayout(form);
    layout->addStretch(1);
    m_buttons = okCancel(this, tr("Rotate"));
    layout->addWidget(m_buttons);

    connect(m_amount, &QSpinBox::valueChanged, this, &RotateDialog::validate);
    connect(m_unit, &QComboBox::currentIndexChanged, this, &RotateDialog::validate);
    setMinimumWidth(charWidth(this) * 50);
    validate();
}

QPushButton* RotateDialog::okButton() const
{
    return m_buttons->button(QDialogButtonBox::Ok);
}

qint64 RotateDialog::graceSeconds() const
{
    const qint64 amount = m_amount->value();
    switch (m_unit->currentData().toInt()) {
    case Minutes:
        return amount * 60;
    case Days:
        return amount * 86400;
    default:
        return amount * 3600;
    }
}

void RotateDialog::setGrace(int amount, Unit unit)
{
    m_unit->setCurrentIndex(m_unit->findData(unit));
    m_amount->setValue(amount);
}

QString RotateDialog::problem() const
{
    return KeyInput::graceProblem(graceSeconds());
}

void RotateDialog::validate()
{
    const QString p = problem();
    showProblem(m_error, p);
    okButton()->setEnabled(p.isEmpty());
    okButton()->setToolTip(p);
}

void RotateDialog::accept()
{
    validate();
    if (!problem().isEmpty())
        return;
    QDialog::accept();
}

// ---------------------------------------------------------------------------------------------------------------
// BulkRevokeDialog

BulkRevokeDialog::BulkRevokeDialog(client::ConnectionManager* connections, client::AdminService* service,
                                   const QStringList& knownClients, const QString& clientId, QWidget* parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("bulkRevokeDialog"));
    setWindowTitle(tr("Revoke all keys of a client"));
    auto* layout = new QVBoxLayout(this);
    layout->setSpacing(spacingUnit(this));
    auto* explain = new QLabel(tr("Every key of the client is revoked at once on the checked gateways; applications "
                                  "using them stop working. Revoked keys cannot be restored."),
                               this);
    explain->setWordWrap(true);
    layout->addWidget(explain);
    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    m_client = new QComboBox(this);
    m_client->setObjectName(QStringLiteral("clientBox"));
    m_client->setEditable(true);
    m_client->setInsertPolicy(QComboBox::NoInsert);
    m_client->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    m_client->addItems(sortedUnique(knownClients));
    m_client->setEditText(clientId);
    m_clientError = errorLabel(this, QStringLiteral("clientError"));
    form->addRow(tr("&Client:"), withError(this, m_client, m_clientError));
    layout->addLayout(form);
    m_targets = new GatewayTargets(connections, service, this);
    m_targets->setObjectName(QStringLiteral("targets"));
    layout->addWidget(m_targets);
    m_targetsError = errorLabel(this, QStringLiteral("targetsError"));
    layout->addWidget(m_targetsError);
    layout->addStretch(1);
    m_buttons = okCancel(this, tr("Revoke all…"));
    layout->addWidget(m_buttons);
    connect(m_client, &QComboBox::editTextChanged, this, &BulkRevokeDialog::validate);
    connect(m_targets, &GatewayTargets::selectionChanged, this, &BulkRevokeDialog::validate);
    setMinimumWidth(charWidth(this) * 55);
    validate();
}

QPushButton* BulkRevokeDialog::okButton() const
{
    return m_buttons->button(QDialogButtonBox::Ok);
}

QString BulkRevokeDialog::clientId() const
{
    return m_client->currentText().trimmed();
}

QString BulkRevokeDialog::problem() const
{
    const QString p = KeyInput::clientIdProblem(clientId());
    if (!p.isEmpty())
        return p;
    if (m_targets->selected().isEmpty()) {
        const QString reason = m_targets->readOnlyReason();
        return reason.isEmpty() ? tr("Check at least one gateway under “Apply to”.") : reason;
    }
    return {};
}

void BulkRevokeDialog::validate()
{
    showProblem(m_clientError, clientId().isEmpty() ? QString() : KeyInput::clientIdProblem(clientId()));
    QString targets;
    if (m_targets->selected().isEmpty()) {
        const QString reason = m_targets->readOnlyReason();
        targets = reason.isEmpty() ? tr("Check at least one gateway under “Apply to”.") : reason;
    }
    showProblem(m_targetsError, targets);
    const QString p = problem();
    okButton()->setEnabled(p.isEmpty());
    okButton()->setToolTip(p);
}

void BulkRevokeDialog::accept()
{
    validate();
    if (!problem().isEmpty())
        return;
    QDialog::accept();
}

// ---------------------------------------------------------------------------------------------------------------
// SecretDialog

SecretDialog::SecretDialog(const QString& title, QList<Entry> entries, QWidget* parent)
    : QDialog(parent)
    , m_entries(std::move(entries))
{
    setObjectName(QStringLiteral("secretDialog"));
    setWindowTitle(title);
    const int unit = spacingUnit(this);
    auto* layout = new QVBoxLayout(this);
    layout->setSpacing(unit);

    auto* warningRow = new QHBoxLayout;
    auto* icon = new QLabel(this);
    const int iconSize = fontMetrics().height() * 2;
    icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxWarning).pixmap(iconSize, iconSize));
    icon->setAlignment(Qt::AlignTop);
    auto* warning = new QLabel(tr("<b>Copy the secret now: it cannot be shown again.</b><br>The gateway keeps only a "
                                  "hash of it and the console does not store it. Whoever has it can use the key."),
                               this);
    warning->setObjectName(QStringLiteral("secretWarning"));
    warning->setWordWrap(true);
    warningRow->addWidget(icon);
    warningRow->addWidget(warning, 1);
    layout->addLayout(warningRow);

    QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    for (int i = 0; i < m_entries.size(); ++i) {
        const Entry& e = m_entries[i];
        auto* field = new QLineEdit(e.secret, this);
        field->setObjectName(QStringLiteral("secret:%1").arg(i));
        field->setReadOnly(true);
        field->setFont(mono);
        field->setMinimumWidth(QFontMetrics(mono).horizontalAdvance(e.secret) + unit * 3);
        field->setCursorPosition(0);
        auto* copy = new QPushButton(tr("Copy"), this);
        copy->setObjectName(QStringLiteral("copy:%1").arg(i));
        connect(copy, &QPushButton::clicked, this, [this, i, copy] {
            if (QLineEdit* f = m_fields.value(i)) {
                QGuiApplication::clipboard()->setText(f->text());
                copy->setText(tr("Copied"));
            }
        });
        auto* row = new QWidget(this);
        auto* rowLayout = new QHBoxLayout(row);
        rowLayout->setContentsMargins(0, 0, 0, 0);
        rowLayout->addWidget(field, 1);
        rowLayout->addWidget(copy);
        form->addRow(tr("%1 (%2, %3):").arg(e.gatewayName, e.clientId, e.prefix), row);
        m_fields.append(field);
        m_copyButtons.append(copy);
    }
    layout->addLayout(form);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->button(QDialogButtonBox::Close)->setText(tr("I have copied it"));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

SecretDialog::~SecretDialog()
{
    wipe();
}

QString SecretDialog::secret(int i) const
{
    const QLineEdit* field = m_fields.value(i);
    return field ? field->text() : QString();
}

void SecretDialog::done(int result)
{
    wipe();
    QDialog::done(result);
}

void SecretDialog::wipe()
{
    // Best effort: overwrite the dialog's own copies before releasing them (Qt's internal buffers are beyond reach).
    for (Entry& e : m_entries) {
        e.secret.fill(QLatin1Char('0'));
        e.secret.clear();
    }
    for (QLineEdit* field : std::as_const(m_fields))
        field->clear();
}

} // namespace modelguard::ui
