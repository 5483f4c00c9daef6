#pragma once
// The console's language: the system locale unless Settings say otherwise (QSettings "ui/language": "" = system,
// "en", "de", ...). Translations are compiled into the binary (":/i18n/modelguard_<lang>.qm").

#include <QString>
#include <QStringList>

class QCoreApplication;

namespace modelguard::ui {

inline constexpr const char* kLanguageKey = "ui/language";
inline constexpr const char* kThemeKey = "ui/theme";

/// Languages the console ships ("en", "de").
QStringList availableLanguages();
/// Native name of a language code ("de" -> "Deutsch").
QString languageName(const QString& code);
/// The language to use: the setting if valid, else the first available match of the system's UI languages, else "en".
QString chooseLanguage(const QString& setting, const QStringList& uiLanguages);
/// Installs the console's and Qt's own translators for `language` on the application; returns true when the
/// console's catalogue was found (English needs none and returns true).
bool installTranslators(QCoreApplication* app, const QString& language);

} // namespace modelguard::ui
