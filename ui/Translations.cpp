#include "ui/Translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace modelguard::ui {

QStringList availableLanguages()
{
    return {QStringLiteral("en"), QStringLiteral("de")};
}

QString languageName(const QString& code)
{
    if (code == QLatin1String("de"))
        return QStringLiteral("Deutsch");
    if (code == QLatin1String("en"))
        return QStringLiteral("English");
    return code;
}

QString chooseLanguage(const QString& setting, const QStringList& uiLanguages)
{
    const QStringList available = availableLanguages();
    if (available.contains(setting))
        return setting;
    for (const QString& tag : uiLanguages) {
        const QString code = QLocale(tag).name().section(QLatin1Char('_'), 0, 0);
        if (available.contains(code))
            return code;
    }
    return QStringLiteral("en");
}

bool installTranslators(QCoreApplication* app, const QString& language)
{
    if (language.isEmpty())
        return true;
    auto* qt = new QTranslator(app);
    if (qt->load(QLocale(language), QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    else
        delete qt;
    auto* own = new QTranslator(app);
    if (!own->load(QStringLiteral(":/i18n/modelguard_%1.qm").arg(language))) {
        delete own;
        return language == QLatin1String("en"); // English is the source language: the catalogue only has plurals
    }
    QCoreApplication::installTranslator(own);
    return true;
}

} // namespace modelguard::ui
