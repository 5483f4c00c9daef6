#pragma once
// Console look: light/dark/system palettes, the risk colour scale (readable on both) and spacing derived from the
// font, so that nothing depends on fixed pixel sizes.

#include <QColor>
#include <QIcon>
#include <QPalette>
#include <QString>

class QWidget;

namespace modelguard::ui {

enum class ThemeMode { System, Light, Dark };

/// "system" | "light" | "dark" <-> ThemeMode (unknown text -> System).
ThemeMode themeFromString(const QString& text);
QString themeToString(ThemeMode mode);

/// Applies the palette to the application (Fusion style for Light/Dark, the platform default for System).
void applyTheme(ThemeMode mode);
/// True when the palette's window colour is dark.
bool isDark(const QPalette& palette);

/// Risk bands follow the default risk policy: < 40 low, 40..60 elevated (logprobs stripped), 60..80 high
/// (throttled), >= 80 critical (blocked).
enum class RiskBand { Low, Elevated, High, Critical };
RiskBand riskBand(double score);
QString riskBandText(RiskBand band);
/// Badge background for a band, chosen for the palette (muted on dark, saturated on light).
QColor riskBackground(RiskBand band, const QPalette& palette);
/// Text colour with enough contrast on riskBackground().
QColor riskForeground(RiskBand band, const QPalette& palette);
/// Strong accent (chart lines, dots) for a band.
QColor riskAccent(RiskBand band, const QPalette& palette);

/// Human text for an action name of the admin API ("none", "strip_logits", "throttle", "block").
QString actionText(const QString& action);
/// Severity text ("high" -> "High").
QString severityText(const QString& severity);
RiskBand severityBand(const QString& severity);

/// The application icon (drawn, scalable).
QIcon appIcon();

/// Base spacing unit derived from the widget's font (about half a line height).
int spacingUnit(const QWidget* widget);

} // namespace modelguard::ui
