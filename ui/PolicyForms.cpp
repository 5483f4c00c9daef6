#include "ui/PolicyForms.h"

#include "ui/Theme.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QSpinBox>

#include <cmath>

namespace modelguard::ui {

namespace {

double number(const QJsonObject& o, const char* key, double fallback)
{
    const QJsonValue v = o.value(QLatin1String(key));
    return v.isDouble() ? v.toDouble() : fallback;
}

int integer(const QJsonObject& o, const char* key, int fallback)
{
    const QJsonValue v = o.value(QLatin1String(key));
    return v.isDouble() ? static_cast<int>(std::lround(v.toDouble())) : fallback;
}

QString text(const QJsonObject& o, const char* key, const QString& fallback)
{
    const QJsonValue v = o.value(QLatin1String(key));
    return v.isString() ? v.toString() : fallback;
}

} // namespace

// ---- PolicyForm ----

PolicyForm::PolicyForm(QWidget* parent)
    : QWidget(parent)
{
    m_form = new QFormLayout(this);
    m_form->setContentsMargins(0, 0, 0, 0);
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_form->setRowWrapPolicy(QFormLayout::DontWrapRows);
    m_form->setVerticalSpacing(spacingUnit(this) / 2);
}

void PolicyForm::addRow(const QString& label, QWidget* field, const QString& help)
{
    auto* helpLabel = new QLabel(help, this);
    helpLabel->setObjectName(field->objectName() + QStringLiteral("Help"));
    helpLabel->setWordWrap(true);
    helpLabel->setForegroundRole(QPalette::PlaceholderText); // the palette's grey, readable on light and dark
    QFont small = helpLabel->font();
    small.setPointSizeF(small.pointSizeF() * 0.9);
    helpLabel->setFont(small);
    field->setToolTip(help);
    m_form->addRow(label, field);
    // The help under the field, in a row of its own so that the form gives the wrapped text its height.
    m_form->addRow(static_cast<QWidget*>(nullptr), helpLabel);
}

void PolicyForm::setReadOnly(bool readOnly)
{
    m_readOnly = readOnly;
    updateFields();
}

void PolicyForm::changed()
{
    if (!m_filling) {
        updateFields();
        emit edited();
    }
}

void PolicyForm::selectData(QComboBox* box, const QString& data)
{
    const int index = box->findData(data);
    box->setCurrentIndex(index >= 0 ? index : 0);
}

QSpinBox* PolicyForm::intField(QWidget* parent, const QString& name, int min, int max)
{
    auto* field = new QSpinBox(parent);
    field->setObjectName(name);
    field->setRange(min, max);
    return field;
}

QDoubleSpinBox* PolicyForm::numberField(QWidget* parent, const QString& name, double min, double max, int decimals,
                                        double step)
{
    auto* field = new QDoubleSpinBox(parent);
    field->setObjectName(name);
    field->setDecimals(decimals);
    field->setRange(min, max);
    field->setSingleStep(step);
    return field;
}

void PolicyForm::enableField(QWidget* field, bool matters) const
{
    field->setEnabled(!m_readOnly && matters);
}

// ---- OutputPolicyForm ----

OutputPolicyForm::OutputPolicyForm(QWidget* parent)
    : PolicyForm(parent)
{
    setObjectName(QStringLiteral("outputPolicyForm"));
    m_logprobs = new QComboBox(this);
    m_logprobs->setObjectName(QStringLiteral("logprobsMode"));
    m_logprobs->addItem(tr("Allow"), QStringLiteral("allow"));
    m_logprobs->addItem(tr("Cap the number of alternatives"), QStringLiteral("cap"));
    m_logprobs->addItem(tr("Round the values"), QStringLiteral("round"));
    m_logprobs->addItem(tr("Add noise to the values"), QStringLiteral("noise"));
    m_logprobs->addItem(tr("Strip from requests"), QStringLiteral("strip"));
    m_logprobs->addItem(tr("Refuse requests asking for them"), QStringLiteral("deny"));
    addRow(tr("Logprobs:"), m_logprobs,
           tr("Token probabilities are the richest signal for copying a model; limit or remove them."));

    m_topLogprobsCap = intField(this, QStringLiteral("topLogprobsCap"), 0, 20);
    addRow(tr("Alternatives at most:"), m_topLogprobsCap,
           tr("With \"cap\": top_logprobs is lowered to this, so fewer alternatives per token leak out."));
    m_roundDecimals = intField(this, QStringLiteral("roundDecimals"), 0, 6);
    addRow(tr("Decimals kept:"), m_roundDecimals,
           tr("With \"round\": logprobs are rounded to this many decimals, hiding the fine detail a copy learns "
              "from."));
    m_noise = numberField(this, QStringLiteral("noiseStddev"), 0, 10, 3, 0.1);
    addRow(tr("Noise (standard deviation):"), m_noise,
           tr("With \"noise\": random noise of this size is added to logprobs, so averaging many answers costs "
              "more."));

    m_logitBias = new QComboBox(this);
    m_logitBias->setObjectName(QStringLiteral("logitBiasMode"));
    m_logitBias->addItem(tr("Allow"), QStringLiteral("allow"));
    m_logitBias->addItem(tr("Cap entries and size"), QStringLiteral("cap"));
    m_logitBias->addItem(tr("Strip from requests"), QStringLiteral("strip"));
    m_logitBias->addItem(tr("Refuse requests using it"), QStringLiteral("deny"));
    m_logitBias->addItem(tr("Refuse it together with logprobs"), QStringLiteral("deny_with_logprobs"));
    addRow(tr("Logit bias:"), m_logitBias,
           tr("Biasing tokens while reading logprobs reveals the model's hidden scores; limit or refuse it."));
    m_biasCount = intField(this, QStringLiteral("logitBiasMaxCount"), 0, 1024);
    addRow(tr("Biased tokens at most:"), m_biasCount,
           tr("With \"cap\": at most this many tokens may be biased per request."));
    m_biasMagnitude = numberField(this, QStringLiteral("logitBiasMaxMagnitude"), 0, 100, 2, 0.5);
    addRow(tr("Bias size at most:"), m_biasMagnitude,
           tr("With \"cap\": larger biases are refused, so single tokens cannot be forced to probe the model."));

    m_maxN = intField(this, QStringLiteral("maxN"), 0, 128);
    m_maxN->setSpecialValueText(tr("No limit"));
    addRow(tr("Choices per request at most:"), m_maxN,
           tr("Larger n and best_of are lowered to this, so one request cannot sample many answers (0: no limit)."));
    m_minTemperature = numberField(this, QStringLiteral("minTemperature"), 0, 2, 2, 0.1);
    addRow(tr("Lowest temperature:"), m_minTemperature,
           tr("Lower temperatures are raised to this, so answers are less of an exact copy of the model's "
              "choices."));

    for (QComboBox* box : {m_logprobs, m_logitBias})
        connect(box, &QComboBox::currentIndexChanged, this, &OutputPolicyForm::changed);
    for (QSpinBox* field : {m_topLogprobsCap, m_roundDecimals, m_biasCount, m_maxN})
        connect(field, &QSpinBox::valueChanged, this, &OutputPolicyForm::changed);
    for (QDoubleSpinBox* field : {m_noise, m_biasMagnitude, m_minTemperature})
        connect(field, &QDoubleSpinBox::valueChanged, this, &OutputPolicyForm::changed);
    set({});
}

void OutputPolicyForm::set(const QJsonObject& policy)
{
    Filling filling(this);
    selectData(m_logprobs, text(policy, "logprobs", QStringLiteral("allow")));
    m_topLogprobsCap->setValue(integer(policy, "top_logprobs_cap", 5));
    m_roundDecimals->setValue(integer(policy, "round_decimals", 1));
    m_noise->setValue(number(policy, "noise_stddev", 0.5));
    selectData(m_logitBias, text(policy, "logit_bias", QStringLiteral("allow")));
    m_biasCount->setValue(integer(policy, "logit_bias_max_count", 10));
    m_biasMagnitude->setValue(number(policy, "logit_bias_max_magnitude", 5));
    m_maxN->setValue(integer(policy, "max_n", 0));
    m_minTemperature->setValue(number(policy, "min_temperature", 0));
}

QJsonObject OutputPolicyForm::value() const
{
    QJsonObject o;
    o.insert(QStringLiteral("logprobs"), m_logprobs->currentData().toString());
    o.insert(QStringLiteral("top_logprobs_cap"), m_topLogprobsCap->value());
    o.insert(QStringLiteral("round_decimals"), m_roundDecimals->value());
    o.insert(QStringLiteral("noise_stddev"), m_noise->value());
    o.insert(QStringLiteral("logit_bias"), m_logitBias->currentData().toString());
    o.insert(QStringLiteral("logit_bias_max_count"), m_biasCount->value());
    o.insert(QStringLiteral("logit_bias_max_magnitude"), m_biasMagnitude->value());
    o.insert(QStringLiteral("max_n"), m_maxN->value());
    o.insert(QStringLiteral("min_temperature"), m_minTemperature->value());
    return o;
}

void OutputPolicyForm::updateFields()
{
    const QString logprobs = m_logprobs->currentData().toString();
    const bool biasCap = m_logitBias->currentData().toString() == QLatin1String("cap");
    enableField(m_logprobs, true);
    enableField(m_topLogprobsCap, logprobs == QLatin1String("cap"));
    enableField(m_roundDecimals, logprobs == QLatin1String("round"));
    enableField(m_noise, logprobs == QLatin1String("noise"));
    enableField(m_logitBias, true);
    enableField(m_biasCount, biasCap);
    enableField(m_biasMagnitude, biasCap);
    enableField(m_maxN, true);
    enableField(m_minTemperature, true);
}

// ---- WatermarkPolicyForm ----

WatermarkPolicyForm::WatermarkPolicyForm(QWidget* parent)
    : PolicyForm(parent)
{
    setObjectName(QStringLiteral("watermarkPolicyForm"));
    m_schemes = new QComboBox(this);
    m_schemes->setObjectName(QStringLiteral("watermarkSchemes"));
    m_schemes->addItem(tr("Both"), QStringLiteral("both"));
    m_schemes->addItem(tr("Payload (invisible signed mark)"), QStringLiteral("payload"));
    m_schemes->addItem(tr("Lexical (keyed word choice)"), QStringLiteral("lexical"));
    m_schemes->addItem(tr("None"), QStringLiteral("none"));
    addRow(tr("Schemes:"), m_schemes,
           tr("The payload names the client in copied text; the lexical mark survives paraphrase and shows up in "
              "a model trained on the output."));
    m_strength = numberField(this, QStringLiteral("watermarkStrength"), 0, 1, 2, 0.05);
    addRow(tr("Strength:"), m_strength,
           tr("Stronger marks are found in shorter or distilled text, at some cost to word choice."));
    connect(m_schemes, &QComboBox::currentIndexChanged, this, &WatermarkPolicyForm::changed);
    connect(m_strength, &QDoubleSpinBox::valueChanged, this, &WatermarkPolicyForm::changed);
    set({});
}

void WatermarkPolicyForm::set(const QJsonObject& policy)
{
    Filling filling(this);
    selectData(m_schemes, text(policy, "schemes", QStringLiteral("both")));
    m_strength->setValue(number(policy, "strength", 1.0));
}

QJsonObject WatermarkPolicyForm::value() const
{
    QJsonObject o;
    o.insert(QStringLiteral("schemes"), m_schemes->currentData().toString());
    o.insert(QStringLiteral("strength"), m_strength->value());
    return o;
}

void WatermarkPolicyForm::updateFields()
{
    enableField(m_schemes, true);
    enableField(m_strength, m_schemes->currentData().toString() != QLatin1String("none"));
}

// ---- RiskPolicyForm ----

RiskPolicyForm::RiskPolicyForm(QWidget* parent)
    : PolicyForm(parent)
{
    setObjectName(QStringLiteral("riskPolicyForm"));
    m_strip = numberField(this, QStringLiteral("stripScore"), 0, 100, 1, 1);
    addRow(tr("Strip logprobs from score:"), m_strip,
           tr("From this risk score on, a client gets no logprobs: the cheapest signal for copying is gone."));
    m_throttle = numberField(this, QStringLiteral("throttleScore"), 0, 100, 1, 1);
    addRow(tr("Throttle from score:"), m_throttle,
           tr("From this score on, the client is slowed down, so collecting training data takes far longer."));
    m_block = numberField(this, QStringLiteral("blockScore"), 0, 100, 1, 1);
    addRow(tr("Block from score:"), m_block, tr("From this score on, every request of the client is refused."));
    m_automatic = new QCheckBox(tr("Act automatically"), this);
    m_automatic->setObjectName(QStringLiteral("riskAutomatic"));
    addRow(tr("Automatic actions:"), m_automatic,
           tr("Off: scores are still computed and reported, but only an administrator acts on them."));
    m_rate = numberField(this, QStringLiteral("throttleRate"), 0.01, 1000, 2, 0.1);
    m_rate->setSuffix(tr(" requests/s"));
    addRow(tr("Throttled rate:"), m_rate, tr("The requests per second a throttled client may still make."));
    for (QDoubleSpinBox* field : {m_strip, m_throttle, m_block, m_rate})
        connect(field, &QDoubleSpinBox::valueChanged, this, &RiskPolicyForm::changed);
    connect(m_automatic, &QCheckBox::toggled, this, &RiskPolicyForm::changed);
    set({});
}

void RiskPolicyForm::set(const QJsonObject& policy)
{
    Filling filling(this);
    m_strip->setValue(number(policy, "strip_score", 40));
    m_throttle->setValue(number(policy, "throttle_score", 60));
    m_block->setValue(number(policy, "block_score", 80));
    const QJsonValue automatic = policy.value(QStringLiteral("automatic"));
    m_automatic->setChecked(automatic.isBool() ? automatic.toBool() : true);
    m_rate->setValue(number(policy, "throttle_requests_per_second", 0.5));
}

QJsonObject RiskPolicyForm::value() const
{
    QJsonObject o;
    o.insert(QStringLiteral("strip_score"), m_strip->value());
    o.insert(QStringLiteral("throttle_score"), m_throttle->value());
    o.insert(QStringLiteral("block_score"), m_block->value());
    o.insert(QStringLiteral("automatic"), m_automatic->isChecked());
    o.insert(QStringLiteral("throttle_requests_per_second"), m_rate->value());
    return o;
}

QString RiskPolicyForm::validate() const
{
    if (m_strip->value() > m_throttle->value())
        return tr("The score that strips logprobs (%1) must not be above the throttle score (%2).")
            .arg(m_strip->value())
            .arg(m_throttle->value());
    if (m_throttle->value() > m_block->value())
        return tr("The throttle score (%1) must not be above the block score (%2).")
            .arg(m_throttle->value())
            .arg(m_block->value());
    return {};
}

void RiskPolicyForm::updateFields()
{
    for (QWidget* field :
         {static_cast<QWidget*>(m_strip), static_cast<QWidget*>(m_throttle), static_cast<QWidget*>(m_block),
          static_cast<QWidget*>(m_automatic), static_cast<QWidget*>(m_rate)})
        enableField(field, true);
}

} // namespace modelguard::ui
