#include "ui/Theme.h"

#include <QApplication>
#include <QCoreApplication>
#include <QFontMetrics>
#include <QPainter>
#include <QPainterPath>
#include <QPixmap>
#include <QStyle>
#include <QStyleFactory>
#include <QWidget>

namespace modelguard::ui {

namespace {

QPalette lightPalette()
{
    QPalette p;
    p.setColor(QPalette::Window, QColor(0xf3, 0xf4, 0xf6));
    p.setColor(QPalette::WindowText, QColor(0x1f, 0x23, 0x28));
    p.setColor(QPalette::Base, QColor(0xff, 0xff, 0xff));
    p.setColor(QPalette::AlternateBase, QColor(0xf6, 0xf8, 0xfa));
    p.setColor(QPalette::ToolTipBase, QColor(0xff, 0xff, 0xe1));
    p.setColor(QPalette::ToolTipText, QColor(0x1f, 0x23, 0x28));
    p.setColor(QPalette::PlaceholderText, QColor(0x6e, 0x77, 0x81));
    p.setColor(QPalette::Text, QColor(0x1f, 0x23, 0x28));
    p.setColor(QPalette::Button, QColor(0xe9, 0xeb, 0xee));
    p.setColor(QPalette::ButtonText, QColor(0x1f, 0x23, 0x28));
    p.setColor(QPalette::BrightText, Qt::white);
    p.setColor(QPalette::Highlight, QColor(0x09, 0x69, 0xda));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x09, 0x69, 0xda));
    p.setColor(QPalette::Mid, QColor(0xc8, 0xcd, 0xd3));
    p.setColor(QPalette::Dark, QColor(0x8c, 0x95, 0x9f));
    p.setColor(QPalette::Disabled, QPalette::Text, QColor(0x8c, 0x95, 0x9f));
    p.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0x8c, 0x95, 0x9f));
    p.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0x8c, 0x95, 0x9f));
    return p;
}

QPalette darkPalette()
{
    QPalette p;
    p.setColor(QPalette::Window, QColor(0x1c, 0x20, 0x26));
    p.setColor(QPalette::WindowText, QColor(0xe6, 0xe9, 0xed));
    p.setColor(QPalette::Base, QColor(0x15, 0x18, 0x1d));
    p.setColor(QPalette::AlternateBase, QColor(0x1e, 0x23, 0x2a));
    p.setColor(QPalette::ToolTipBase, QColor(0x2d, 0x33, 0x3b));
    p.setColor(QPalette::ToolTipText, QColor(0xe6, 0xe9, 0xed));
    p.setColor(QPalette::PlaceholderText, QColor(0x8b, 0x94, 0x9e));
    p.setColor(QPalette::Text, QColor(0xe6, 0xe9, 0xed));
    p.setColor(QPalette::Button, QColor(0x2a, 0x30, 0x37));
    p.setColor(QPalette::ButtonText, QColor(0xe6, 0xe9, 0xed));
    p.setColor(QPalette::BrightText, Qt::white);
    p.setColor(QPalette::Highlight, QColor(0x2f, 0x81, 0xf7));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x58, 0xa6, 0xff));
    p.setColor(QPalette::Light, QColor(0x3a, 0x41, 0x4a));
    p.setColor(QPalette::Midlight, QColor(0x30, 0x36, 0x3d));
    p.setColor(QPalette::Mid, QColor(0x3a, 0x41, 0x4a));
    p.setColor(QPalette::Dark, QColor(0x0d, 0x10, 0x14));
    p.setColor(QPalette::Shadow, QColor(0x00, 0x00, 0x00));
    p.setColor(QPalette::Disabled, QPalette::Text, QColor(0x6e, 0x76, 0x81));
    p.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0x6e, 0x76, 0x81));
    p.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0x6e, 0x76, 0x81));
    return p;
}

} // namespace

ThemeMode themeFromString(const QString& text)
{
    if (text == QLatin1String("light"))
        return ThemeMode::Light;
    if (text == QLatin1String("dark"))
        return ThemeMode::Dark;
    return ThemeMode::System;
}

QString themeToString(ThemeMode mode)
{
    switch (mode) {
    case ThemeMode::Light:
        return QStringLiteral("light");
    case ThemeMode::Dark:
        return QStringLiteral("dark");
    case ThemeMode::System:
        break;
    }
    return QStringLiteral("system");
}

void applyTheme(ThemeMode mode)
{
    static const QString platformStyle = QApplication::style() ? QApplication::style()->name() : QString();
    static bool changed = false;
    switch (mode) {
    case ThemeMode::System:
        if (!changed)
            return; // never touched: the platform's style and palette are in place
        if (!platformStyle.isEmpty())
            QApplication::setStyle(QStyleFactory::create(platformStyle));
        QApplication::setPalette(QPalette()); // back to the platform theme's palette
        break;
    case ThemeMode::Light:
        QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
        QApplication::setPalette(lightPalette());
        changed = true;
        break;
    case ThemeMode::Dark:
        QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
        QApplication::setPalette(darkPalette());
        changed = true;
        break;
    }
}

bool isDark(const QPalette& palette)
{
    return palette.color(QPalette::Window).lightness() < 128;
}

RiskBand riskBand(double score)
{
    if (score >= 80)
        return RiskBand::Critical;
    if (score >= 60)
        return RiskBand::High;
    if (score >= 40)
        return RiskBand::Elevated;
    return RiskBand::Low;
}

QString riskBandText(RiskBand band)
{
    switch (band) {
    case RiskBand::Low:
        return QCoreApplication::translate("Theme", "Low");
    case RiskBand::Elevated:
        return QCoreApplication::translate("Theme", "Elevated");
    case RiskBand::High:
        return QCoreApplication::translate("Theme", "High");
    case RiskBand::Critical:
        return QCoreApplication::translate("Theme", "Critical");
    }
    return {};
}

QColor riskBackground(RiskBand band, const QPalette& palette)
{
    const bool dark = isDark(palette);
    switch (band) {
    case RiskBand::Low:
        return dark ? QColor(0x1f, 0x3d, 0x2b) : QColor(0xda, 0xf5, 0xe1);
    case RiskBand::Elevated:
        return dark ? QColor(0x4a, 0x3c, 0x12) : QColor(0xff, 0xf0, 0xc2);
    case RiskBand::High:
        return dark ? QColor(0x5c, 0x2e, 0x0e) : QColor(0xff, 0xdd, 0xc2);
    case RiskBand::Critical:
        return dark ? QColor(0x6e, 0x17, 0x1c) : QColor(0xff, 0xd0, 0xd3);
    }
    return palette.color(QPalette::Base);
}

QColor riskForeground(RiskBand band, const QPalette& palette)
{
    const bool dark = isDark(palette);
    switch (band) {
    case RiskBand::Low:
        return dark ? QColor(0x9b, 0xe9, 0xa8) : QColor(0x11, 0x63, 0x29);
    case RiskBand::Elevated:
        return dark ? QColor(0xf5, 0xd9, 0x7a) : QColor(0x7a, 0x4d, 0x00);
    case RiskBand::High:
        return dark ? QColor(0xff, 0xc2, 0x94) : QColor(0x8a, 0x34, 0x00);
    case RiskBand::Critical:
        return dark ? QColor(0xff, 0xb3, 0xb8) : QColor(0x9a, 0x0a, 0x14);
    }
    return palette.color(QPalette::Text);
}

QColor riskAccent(RiskBand band, const QPalette& palette)
{
    const bool dark = isDark(palette);
    switch (band) {
    case RiskBand::Low:
        return dark ? QColor(0x3f, 0xb9, 0x50) : QColor(0x1a, 0x7f, 0x37);
    case RiskBand::Elevated:
        return dark ? QColor(0xd2, 0x99, 0x22) : QColor(0xbf, 0x87, 0x00);
    case RiskBand::High:
        return dark ? QColor(0xf0, 0x88, 0x3e) : QColor(0xc2, 0x4e, 0x00);
    case RiskBand::Critical:
        return dark ? QColor(0xf8, 0x51, 0x49) : QColor(0xcf, 0x22, 0x2e);
    }
    return palette.color(QPalette::Highlight);
}

QString actionText(const QString& action)
{
    if (action == QLatin1String("none") || action.isEmpty())
        return QCoreApplication::translate("Theme", "None");
    if (action == QLatin1String("strip_logits"))
        return QCoreApplication::translate("Theme", "Strip logprobs");
    if (action == QLatin1String("throttle"))
        return QCoreApplication::translate("Theme", "Throttle");
    if (action == QLatin1String("block"))
        return QCoreApplication::translate("Theme", "Block");
    return action;
}

QString severityText(const QString& severity)
{
    if (severity == QLatin1String("high"))
        return QCoreApplication::translate("Theme", "High");
    if (severity == QLatin1String("medium"))
        return QCoreApplication::translate("Theme", "Medium");
    if (severity == QLatin1String("low"))
        return QCoreApplication::translate("Theme", "Low");
    return severity;
}

RiskBand severityBand(const QString& severity)
{
    if (severity == QLatin1String("high"))
        return RiskBand::Critical;
    if (severity == QLatin1String("medium"))
        return RiskBand::Elevated;
    return RiskBand::Low;
}

QIcon appIcon()
{
    QIcon icon;
    for (const int size : {16, 24, 32, 48, 64, 128, 256}) {
        QPixmap pixmap(size, size);
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        const double s = size;
        QPainterPath shield;
        shield.moveTo(s * 0.5, s * 0.06);
        shield.lineTo(s * 0.88, s * 0.2);
        shield.cubicTo(s * 0.88, s * 0.6, s * 0.72, s * 0.82, s * 0.5, s * 0.95);
        shield.cubicTo(s * 0.28, s * 0.82, s * 0.12, s * 0.6, s * 0.12, s * 0.2);
        shield.closeSubpath();
        painter.fillPath(shield, QColor(0x1f, 0x6f, 0xeb));
        QPen pen(Qt::white, std::max(1.0, s * 0.08), Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
        painter.setPen(pen);
        QPainterPath tick;
        tick.moveTo(s * 0.32, s * 0.5);
        tick.lineTo(s * 0.46, s * 0.64);
        tick.lineTo(s * 0.7, s * 0.36);
        painter.drawPath(tick);
        painter.end();
        icon.addPixmap(pixmap);
    }
    return icon;
}

int spacingUnit(const QWidget* widget)
{
    const QFontMetrics metrics = widget ? widget->fontMetrics() : QFontMetrics(QApplication::font());
    return std::max(4, metrics.height() / 2);
}

} // namespace modelguard::ui
