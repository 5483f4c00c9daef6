#include "ui/LimitsEditor.h"

#include "ui/Theme.h"

#include <QDoubleSpinBox>
#include <QGridLayout>
#include <QLabel>
#include <QLocale>

#include <cmath>
#include <limits>
#include <optional>

namespace modelguard::ui {

namespace {

/// Largest integer a double (and so a JSON number and QDoubleSpinBox) holds exactly: 2^53.
constexpr double kMaxExactInteger = 9007199254740992.0;
/// The gateway's bounds (services: PolicyJson limitsFromJson).
constexpr double kMaxRate = 1e9;
constexpr double kMaxInt32 = std::numeric_limits<qint32>::max();

enum class Section { Rates, Quotas, Tokens };
/// What the usage of a field is measured over (for the usage text).
enum class Period { None, Second, Minute, Day, Month };

struct FieldSpec
{
    const char* name;
    Section section;
    bool integer;
    bool zeroIsUnlimited;
    double max;
    Period period;
};

constexpr FieldSpec kFields[] = {
    {"requests_per_second", Section::Rates, false, true, kMaxRate, Period::Second},
    {"requests_per_minute", Section::Rates, false, true, kMaxRate, Period::Minute},
    {"tokens_per_minute", Section::Rates, true, true, kMaxExactInteger, Period::Minute},
    {"requests_per_day", Section::Quotas, true, true, kMaxExactInteger, Period::Day},
    {"tokens_per_day", Section::Quotas, true, true, kMaxExactInteger, Period::Day},
    {"tokens_per_month", Section::Quotas, true, true, kMaxExactInteger, Period::Month},
    {"default_max_tokens", Section::Tokens, true, false, kMaxInt32, Period::None},
    {"max_tokens_cap", Section::Tokens, true, true, kMaxInt32, Period::None},
};

QString numberText(double value, bool integer)
{
    const QLocale locale;
    return integer || value == std::floor(value) ? locale.toString(static_cast<qint64>(value))
                                                 : locale.toString(value, 'f', 2);
}

} // namespace

LimitsEditor::LimitsEditor(QWidget* parent)
    : QWidget(parent)
{
    const int unit = spacingUnit(this);
    auto* grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setHorizontalSpacing(unit * 2);
    grid->setVerticalSpacing(unit);
    grid->setColumnStretch(2, 1);

    struct Texts
    {
        QString label;
        QString tip;
    };
    const QHash<QString, Texts> texts {
        {QStringLiteral("requests_per_second"),
         {tr("Requests per second"), tr("Largest sustained request rate (a short burst is allowed).")}},
        {QStringLiteral("requests_per_minute"), {tr("Requests per minute"), tr("Requests in any 60 seconds.")}},
        {QStringLiteral("tokens_per_minute"),
         {tr("Tokens per minute"), tr("Prompt and completion tokens in any 60 seconds.")}},
        {QStringLiteral("requests_per_day"), {tr("Requests per day"), tr("Quota, from 00:00 UTC.")}},
        {QStringLiteral("tokens_per_day"),
         {tr("Tokens per day"), tr("Quota of prompt and completion tokens, from 00:00 UTC.")}},
        {QStringLiteral("tokens_per_month"),
         {tr("Tokens per month"), tr("Quota of prompt and completion tokens, from the first of the month, UTC.")}},
        {QStringLiteral("default_max_tokens"),
         {tr("Default max_tokens"),
          tr("max_tokens given to requests that set none; quotas reserve it while a request runs. At least 1.")}},
        {QStringLiteral("max_tokens_cap"),
         {tr("max_tokens cap"), tr("Largest max_tokens a request may ask for; larger values are lowered to it.")}},
    };
    const auto sectionTitle = [](Section section) {
        switch (section) {
        case Section::Rates:
            return tr("Rate limits");
        case Section::Quotas:
            return tr("Quotas");
        case Section::Tokens:
            return tr("Tokens per request");
        }
        return QString();
    };

    QFont sectionFont = font();
    sectionFont.setBold(true);
    const int charWidth = fontMetrics().horizontalAdvance(QLatin1Char('0'));
    int row = 0;
    std::optional<Section> current;
    for (const FieldSpec& spec : kFields) {
        const QString name = QLatin1String(spec.name);
        if (current != spec.section) {
            current = spec.section;
            auto* title = new QLabel(sectionTitle(spec.section), this);
            title->setFont(sectionFont);
            if (row > 0)
                grid->setRowMinimumHeight(row++, unit);
            grid->addWidget(title, row++, 0, 1, 3);
        }
        auto* box = new QDoubleSpinBox(this);
        box->setObjectName(QStringLiteral("limit:%1").arg(name));
        box->setDecimals(spec.integer ? 0 : 2);
        box->setRange(0, spec.max);
        box->setGroupSeparatorShown(true);
        box->setAccelerated(true);
        box->setCorrectionMode(QAbstractSpinBox::CorrectToNearestValue);
        box->setKeyboardTracking(false);
        if (spec.zeroIsUnlimited)
            box->setSpecialValueText(name == QLatin1String("max_tokens_cap") ? tr("No cap") : tr("Unlimited"));
        box->setMinimumWidth(charWidth * 16);
        box->setToolTip(texts.value(name).tip);
        auto* label = new QLabel(texts.value(name).label, this);
        label->setBuddy(box);
        label->setToolTip(texts.value(name).tip);
        auto* usage = new QLabel(this);
        usage->setObjectName(QStringLiteral("usage:%1").arg(name));
        usage->setWordWrap(true);
        usage->setForegroundRole(QPalette::PlaceholderText);
        usage->hide();
        grid->addWidget(label, row, 0);
        grid->addWidget(box, row, 1);
        grid->addWidget(usage, row, 2);
        ++row;
        m_fields.insert(name, box);
        m_labels.insert(name, label);
        m_usage.insert(name, usage);
        connect(box, &QDoubleSpinBox::valueChanged, this, [this] {
            updateMarks();
            updateUsageTexts();
            if (!m_loading)
                emit edited();
        });
    }
    grid->setRowStretch(row, 1);
    setLimits({});
}

QStringList LimitsEditor::fieldNames()
{
    QStringList names;
    for (const FieldSpec& spec : kFields)
        names.append(QLatin1String(spec.name));
    return names;
}

double LimitsEditor::defaultValue(const QString& field)
{
    return field == QLatin1String("default_max_tokens") ? 1024 : 0;
}

QString LimitsEditor::summary(const QJsonObject& limits)
{
    const auto value = [&](const char* name) {
        return limits.value(QLatin1String(name)).toDouble(defaultValue(QLatin1String(name)));
    };
    QStringList parts;
    const auto add = [&](const char* name, const QString& text, bool integer) {
        const double v = value(name);
        if (v > 0)
            parts.append(text.arg(numberText(v, integer)));
    };
    add("requests_per_second", tr("%1 requests/s"), false);
    add("requests_per_minute", tr("%1 requests/min"), false);
    add("tokens_per_minute", tr("%1 tokens/min"), true);
    add("requests_per_day", tr("%1 requests/day"), true);
    add("tokens_per_day", tr("%1 tokens/day"), true);
    add("tokens_per_month", tr("%1 tokens/month"), true);
    add("max_tokens_cap", tr("max_tokens at most %1"), true);
    if (parts.isEmpty())
        parts.append(tr("No limits"));
    parts.append(tr("max_tokens %1 by default").arg(numberText(value("default_max_tokens"), true)));
    return parts.join(QStringLiteral(" · "));
}

void LimitsEditor::setLimits(const QJsonObject& limits)
{
    m_loaded = QJsonObject();
    m_loading = true;
    for (const FieldSpec& spec : kFields) {
        const QString name = QLatin1String(spec.name);
        const double v = limits.value(name).toDouble(defaultValue(name));
        QDoubleSpinBox* box = m_fields.value(name);
        box->setValue(v);
        // What the spin box shows (it may round) is the unmodified state; the exact value is kept for limits().
        box->setProperty("loadedValue", box->value());
        m_loaded.insert(name, spec.integer ? QJsonValue(static_cast<qint64>(v)) : QJsonValue(v));
    }
    m_loading = false;
    updateMarks();
    updateUsageTexts();
}

void LimitsEditor::setValues(const QJsonObject& values)
{
    m_loading = true;
    for (auto it = values.begin(); it != values.end(); ++it) {
        if (QDoubleSpinBox* box = m_fields.value(it.key()))
            box->setValue(it.value().toDouble());
    }
    m_loading = false;
    updateMarks();
    updateUsageTexts();
}

QJsonObject LimitsEditor::limits() const
{
    QJsonObject out;
    for (const FieldSpec& spec : kFields) {
        const QString name = QLatin1String(spec.name);
        const QDoubleSpinBox* box = m_fields.value(name);
        if (box->value() == box->property("loadedValue").toDouble() && m_loaded.contains(name)) {
            out.insert(name, m_loaded.value(name)); // unchanged: exactly what was loaded
            continue;
        }
        out.insert(name, spec.integer ? QJsonValue(static_cast<qint64>(std::llround(box->value())))
                                      : QJsonValue(box->value()));
    }
    return out;
}

QString LimitsEditor::validate() const
{
    const QJsonObject l = limits();
    for (const FieldSpec& spec : kFields) {
        const double v = l.value(QLatin1String(spec.name)).toDouble();
        if (!std::isfinite(v) || v < 0 || v > spec.max)
            return tr("'%1' is out of range.").arg(m_labels.value(QLatin1String(spec.name))->text());
    }
    const qint64 defaultMax = l.value(QLatin1String("default_max_tokens")).toInteger();
    const qint64 cap = l.value(QLatin1String("max_tokens_cap")).toInteger();
    if (defaultMax < 1)
        return tr("The default max_tokens must be at least 1.");
    if (cap > 0 && cap < defaultMax) {
        return tr("The max_tokens cap (%1) must not be lower than the default max_tokens (%2); 0 means no cap.")
            .arg(numberText(static_cast<double>(cap), true), numberText(static_cast<double>(defaultMax), true));
    }
    return {};
}

QStringList LimitsEditor::modifiedFields() const
{
    QStringList out;
    for (const FieldSpec& spec : kFields) {
        const QDoubleSpinBox* box = m_fields.value(QLatin1String(spec.name));
        if (box->value() != box->property("loadedValue").toDouble())
            out.append(QLatin1String(spec.name));
    }
    return out;
}

bool LimitsEditor::isModified() const
{
    return !modifiedFields().isEmpty();
}

void LimitsEditor::setReadOnly(bool readOnly)
{
    m_readOnly = readOnly;
    for (QDoubleSpinBox* box : std::as_const(m_fields)) {
        box->setReadOnly(readOnly);
        box->setButtonSymbols(readOnly ? QAbstractSpinBox::NoButtons : QAbstractSpinBox::UpDownArrows);
    }
}

void LimitsEditor::setUsage(const QJsonObject& usage)
{
    m_usageValues = usage;
    updateUsageTexts();
}

void LimitsEditor::updateMarks()
{
    const QStringList modified = modifiedFields();
    for (auto it = m_labels.cbegin(); it != m_labels.cend(); ++it) {
        const bool changed = modified.contains(it.key());
        QFont f = font();
        f.setBold(changed);
        it.value()->setFont(f);
        it.value()->setProperty("modified", changed);
        const QString tip = m_fields.value(it.key())->toolTip();
        it.value()->setToolTip(changed ? tr("%1\nChanged, not saved yet.").arg(tip) : tip);
    }
}

void LimitsEditor::updateUsageTexts()
{
    for (const FieldSpec& spec : kFields) {
        const QString name = QLatin1String(spec.name);
        QLabel* label = m_usage.value(name);
        const QJsonValue used = m_usageValues.value(name);
        if (used.isUndefined() || used.isNull() || spec.period == Period::None) {
            label->clear();
            label->setVisible(false);
            continue;
        }
        const double u = used.toDouble();
        QString text;
        switch (spec.period) {
        case Period::Second:
            text = tr("%1 now").arg(numberText(u, spec.integer));
            break;
        case Period::Minute:
            text = tr("%1 in the last minute").arg(numberText(u, spec.integer));
            break;
        case Period::Day:
            text = tr("%1 used today").arg(numberText(u, true));
            break;
        case Period::Month:
            text = tr("%1 used this month").arg(numberText(u, true));
            break;
        case Period::None:
            break;
        }
        const double limit = m_fields.value(name)->value();
        if (limit > 0) {
            const double pct = u / limit * 100.0;
            text = pct > 100 ? tr("%1 — over this limit (%2 %)").arg(text, QLocale().toString(pct, 'f', 0))
                             : tr("%1 (%2 % of this limit)").arg(text, QLocale().toString(pct, 'f', 0));
        }
        label->setText(text);
        label->setVisible(true);
    }
}

} // namespace modelguard::ui
