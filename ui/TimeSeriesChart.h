#pragma once
// A compact live line chart over a sliding time window (QtCharts): one QDateTimeAxis, one value axis, a fixed set of
// QLineSeries that are reused and whose points are replaced in bulk.

#include <QChartView>
#include <QColor>
#include <QList>
#include <QPointF>
#include <QString>
#include <QVector>

class QDateTimeAxis;
class QLineSeries;
class QValueAxis;

namespace modelguard::ui {

class TimeSeriesChart : public QChartView
{
    Q_OBJECT
public:
    explicit TimeSeriesChart(const QString& title, QWidget* parent = nullptr);

    /// Adds a series (call before the first setPoints); returns its index. With `secondaryAxis` the series gets its
    /// own value axis on the right (for a second unit, e.g. tokens next to requests).
    int addSeries(const QString& name, const QColor& colour, bool secondaryAxis = false);
    /// Replaces the points of one series (x: ms since epoch, y: value) in one call.
    void setPoints(int series, const QList<QPointF>& points);
    /// Visible time window [fromMs, toMs]; the value axis is rescaled to the visible maximum ("nice" upper bound).
    void setWindow(qint64 fromMs, qint64 toMs);
    /// Fixed value range instead of the automatic one (e.g. 0..100 for risk).
    void setFixedRange(double min, double max);
    /// Unit appended to the value axis labels' title.
    void setValueTitle(const QString& title);
    void setSecondaryValueTitle(const QString& title);
    /// Text shown in the plot area while no series has a non-zero value.
    void setEmptyText(const QString& text);
    /// Re-applies palette colours (after a theme change).
    void applyPalette();

    QLineSeries* series(int index) const;
    QDateTimeAxis* timeAxis() const { return m_timeAxis; }
    QValueAxis* valueAxis() const { return m_valueAxis; }
    QValueAxis* secondaryAxis() const { return m_secondaryAxis; }
    int pointCount() const;
    /// True when some series has a non-zero value (else the empty text is shown).
    bool hasData() const { return m_hasData; }

    static double niceCeiling(double value);

protected:
    void changeEvent(QEvent* event) override;
    void drawForeground(QPainter* painter, const QRectF& rect) override;

private:
    QList<QLineSeries*> m_series;
    QDateTimeAxis* m_timeAxis = nullptr;
    QValueAxis* m_valueAxis = nullptr;
    QValueAxis* m_secondaryAxis = nullptr;
    QList<bool> m_onSecondary;
    bool m_fixedRange = false;
    QString m_emptyText;
    bool m_hasData = false;
};

} // namespace modelguard::ui
