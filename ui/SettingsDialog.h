#pragma once
// Settings: interface language (applies on the next start) and theme.

#include <QDialog>

class QComboBox;

namespace modelguard::ui {

class SettingsDialog : public QDialog
{
    Q_OBJECT
public:
    explicit SettingsDialog(QWidget* parent = nullptr);
    /// Writes the choices to QSettings (called on OK).
    void apply();
    QComboBox* languageBox() const { return m_language; }

signals:
    void themeChosen(const QString& theme);

private:
    QComboBox* m_language = nullptr;
    QComboBox* m_theme = nullptr;
};

} // namespace modelguard::ui
