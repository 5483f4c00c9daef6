#include "ui/SettingsDialog.h"

#include "ui/Translations.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QSettings>
#include <QVBoxLayout>

namespace modelguard::ui {

SettingsDialog::SettingsDialog(QWidget* parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Settings"));
    QSettings settings;

    m_language = new QComboBox(this);
    m_language->setObjectName(QStringLiteral("languageBox"));
    m_language->addItem(tr("System default"), QString());
    for (const QString& code : availableLanguages())
        m_language->addItem(languageName(code), code);
    const int langIndex = m_language->findData(settings.value(QLatin1String(kLanguageKey)).toString());
    m_language->setCurrentIndex(std::max(0, langIndex));

    m_theme = new QComboBox(this);
    m_theme->addItem(tr("System"), QStringLiteral("system"));
    m_theme->addItem(tr("Light"), QStringLiteral("light"));
    m_theme->addItem(tr("Dark"), QStringLiteral("dark"));
    const int themeIndex = m_theme->findData(settings.value(QLatin1String(kThemeKey), QStringLiteral("system")));
    m_theme->setCurrentIndex(std::max(0, themeIndex));

    auto* note = new QLabel(tr("A new language applies the next time the console starts."), this);
    note->setWordWrap(true);

    auto* form = new QFormLayout();
    form->addRow(tr("&Language:"), m_language);
    form->addRow(QString(), note);
    form->addRow(tr("&Theme:"), m_theme);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        apply();
        accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addStretch(1);
    layout->addWidget(buttons);
}

void SettingsDialog::apply()
{
    QSettings settings;
    settings.setValue(QLatin1String(kLanguageKey), m_language->currentData().toString());
    const QString theme = m_theme->currentData().toString();
    if (settings.value(QLatin1String(kThemeKey)).toString() != theme) {
        settings.setValue(QLatin1String(kThemeKey), theme);
        emit themeChosen(theme);
    }
}

} // namespace modelguard::ui
