#include "ui/TimeSeriesChart.h"

#include <QChart>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QEvent>
#include <QGraphicsLayout>
#include <QLegend>
#include <QLineSeries>
#include <QPainter>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace modelguard::ui {

TimeSeriesChart::TimeSeriesChart(const QString& title, QWidget* parent)
    : QChartView(parent)
{
    auto* chart = new QChart();
    chart->setTitle(title);
    chart->legend()->setAlignment(Qt::AlignTop);
    chart->legend()->setVisible(false);
    chart->setAnimationOptions(QChart::NoAnimation);
    const int margin = fontMetrics().height() / 3;
    chart->setMargins(QMargins(margin, margin, margin, margin));
    chart->layout()->setContentsMargins(0, 0, 0, 0);
    chart->setBackgroundRoundness(0);

    m_timeAxis = new QDateTimeAxis(chart);
    m_timeAxis->setFormat(QStringLiteral("HH:mm"));
    m_timeAxis->setTickCount(6);
    chart->addAxis(m_timeAxis, Qt::AlignBottom);
    m_valueAxis = new QValueAxis(chart);
    m_valueAxis->setRange(0, 1);
    m_valueAxis->setLabelFormat(QStringLiteral("%.4g"));
    m_valueAxis->setTickCount(5);
    chart->addAxis(m_valueAxis, Qt::AlignLeft);

    setChart(chart);
    setRenderHint(QPainter::Antialiasing);
    setMinimumHeight(fontMetrics().height() * 10);
    applyPalette();
}

int TimeSeriesChart::addSeries(const QString& name, const QColor& colour, bool secondaryAxis)
{
    if (secondaryAxis && !m_secondaryAxis) {
        m_secondaryAxis = new QValueAxis(chart());
        m_secondaryAxis->setRange(0, 1);
        m_secondaryAxis->setLabelFormat(QStringLiteral("%.4g"));
        m_secondaryAxis->setTickCount(5);
        chart()->addAxis(m_secondaryAxis, Qt::AlignRight);
        applyPalette();
    }
    auto* line = new QLineSeries(chart());
    line->setName(name);
    QPen pen(colour);
    pen.setWidthF(std::max(1.5, fontMetrics().height() / 9.0));
    line->setPen(pen);
    line->setUseOpenGL(false);
    chart()->addSeries(line);
    line->attachAxis(m_timeAxis);
    line->attachAxis(secondaryAxis ? m_secondaryAxis : m_valueAxis);
    if (secondaryAxis)
        m_secondaryAxis->setLinePenColor(colour);
    m_series.push_back(line);
    m_onSecondary.push_back(secondaryAxis);
    chart()->legend()->setVisible(m_series.size() > 1);
    return static_cast<int>(m_series.size()) - 1;
}

QLineSeries* TimeSeriesChart::series(int index) const
{
    return index >= 0 && index < m_series.size() ? m_series[index] : nullptr;
}

int TimeSeriesChart::pointCount() const
{
    int count = 0;
    for (const QLineSeries* s : m_series)
        count += s->count();
    return count;
}

void TimeSeriesChart::setPoints(int index, const QList<QPointF>& points)
{
    QLineSeries* s = series(index);
    if (!s)
        return;
    s->replace(points);
    bool hasData = false;
    for (qsizetype i = 0; i < m_series.size() && !hasData; ++i) {
        const QList<QPointF> current = i == index ? points : m_series[i]->points();
        hasData = std::any_of(current.begin(), current.end(), [](const QPointF& p) { return p.y() != 0; });
    }
    if (hasData != m_hasData) {
        m_hasData = hasData;
        viewport()->update();
    }
}

double TimeSeriesChart::niceCeiling(double value)
{
    if (!(value > 0) || !std::isfinite(value))
        return 1;
    const double exponent = std::floor(std::log10(value));
    const double base = std::pow(10.0, exponent);
    for (const double step : {1.0, 2.0, 2.5, 5.0, 10.0}) {
        if (value <= step * base)
            return step * base;
    }
    return 10 * base;
}

void TimeSeriesChart::setWindow(qint64 fromMs, qint64 toMs)
{
    m_timeAxis->setRange(QDateTime::fromMSecsSinceEpoch(fromMs), QDateTime::fromMSecsSinceEpoch(toMs));
    if (m_fixedRange)
        return;
    double maximum[2] = {0, 0};
    for (qsizetype i = 0; i < m_series.size(); ++i) {
        const QList<QPointF> points = m_series[i]->points();
        double& m = maximum[m_onSecondary[i] ? 1 : 0];
        for (const QPointF& p : points) {
            if (p.x() >= static_cast<double>(fromMs))
                m = std::max(m, p.y());
        }
    }
    const auto scale = [](QValueAxis* axis, double maximumValue) {
        const double top = niceCeiling(maximumValue * 1.05);
        axis->setRange(0, top);
        // 4 intervals: whole numbers from 20 up, one decimal from 2, two below.
        axis->setLabelFormat(top >= 20  ? QStringLiteral("%.0f")
                             : top >= 2 ? QStringLiteral("%.1f")
                                        : QStringLiteral("%.2f"));
    };
    scale(m_valueAxis, maximum[0]);
    if (m_secondaryAxis)
        scale(m_secondaryAxis, maximum[1]);
}

void TimeSeriesChart::setFixedRange(double min, double max)
{
    m_fixedRange = true;
    m_valueAxis->setRange(min, max);
}

void TimeSeriesChart::setValueTitle(const QString& title)
{
    m_valueAxis->setTitleText(title);
}

void TimeSeriesChart::setSecondaryValueTitle(const QString& title)
{
    if (m_secondaryAxis)
        m_secondaryAxis->setTitleText(title);
}

void TimeSeriesChart::setEmptyText(const QString& text)
{
    m_emptyText = text;
    viewport()->update();
}

void TimeSeriesChart::applyPalette()
{
    const QPalette pal = palette();
    QChart* c = chart();
    c->setBackgroundBrush(pal.color(QPalette::Base));
    c->setBackgroundPen(QPen(pal.color(QPalette::Mid)));
    c->setPlotAreaBackgroundVisible(false);
    c->setTitleBrush(pal.color(QPalette::WindowText));
    QFont titleFont = font();
    titleFont.setBold(true);
    c->setTitleFont(titleFont);
    c->legend()->setLabelColor(pal.color(QPalette::Text));
    c->legend()->setFont(font());
    QColor grid = pal.color(QPalette::Text);
    grid.setAlpha(40);
    for (QAbstractAxis* axis : {static_cast<QAbstractAxis*>(m_timeAxis), static_cast<QAbstractAxis*>(m_valueAxis),
                                static_cast<QAbstractAxis*>(m_secondaryAxis)}) {
        if (!axis)
            continue;
        axis->setLabelsBrush(pal.color(QPalette::Text));
        axis->setLabelsFont(font());
        axis->setTitleBrush(pal.color(QPalette::Text));
        axis->setTitleFont(font());
        axis->setGridLineColor(grid);
        axis->setLinePenColor(pal.color(QPalette::Mid));
    }
    setBackgroundBrush(pal.color(QPalette::Base));
}

void TimeSeriesChart::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange)
        applyPalette();
    QChartView::changeEvent(event);
}

void TimeSeriesChart::drawForeground(QPainter* painter, const QRectF& rect)
{
    QChartView::drawForeground(painter, rect);
    if (m_emptyText.isEmpty() || m_hasData)
        return;
    painter->save();
    painter->setPen(palette().color(QPalette::PlaceholderText));
    painter->setFont(font());
    painter->drawText(chart()->plotArea(), Qt::AlignCenter | Qt::TextWordWrap, m_emptyText);
    painter->restore();
}

} // namespace modelguard::ui
