#pragma once
// The forms of the Policies section: the output policy (logprobs, logit_bias, n, temperature), the watermark policy
// and the risk thresholds. Each shows one policy object of the admin API (docs/api/gateway.yaml OutputPolicy,
// WatermarkPolicy, RiskPolicy): set() fills it from the gateway's JSON (absent fields take the API's defaults),
// value() is the complete object to send, validate() says in words what is wrong before anything is sent. Every
// field has one line of help saying what it does against model extraction.

#include <QJsonObject>
#include <QString>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QFormLayout;
class QSpinBox;

namespace modelguard::ui {

class PolicyForm : public QWidget
{
    Q_OBJECT
public:
    explicit PolicyForm(QWidget* parent = nullptr);

    /// Fills the form from the policy object (no edited() signal).
    virtual void set(const QJsonObject& policy) = 0;
    /// The complete policy object as the admin API takes it.
    virtual QJsonObject value() const = 0;
    /// Why value() must not be sent (empty when it may).
    virtual QString validate() const { return {}; }
    /// Read-only: the values are shown but cannot be changed.
    void setReadOnly(bool readOnly);
    bool isReadOnly() const { return m_readOnly; }

signals:
    /// The user changed a field.
    void edited();

protected:
    /// Adds a labelled row with a small line of help under the field (also its tooltip).
    void addRow(const QString& label, QWidget* field, const QString& help);
    /// Enables the fields according to the read-only state and what matters for the current choices.
    virtual void updateFields() = 0;
    /// Emits edited() unless the form is being filled by set().
    void changed();
    /// Call around set(): no edited() while filling.
    class Filling
    {
    public:
        explicit Filling(PolicyForm* form)
            : m_form(form)
        {
            m_form->m_filling = true;
        }
        ~Filling()
        {
            m_form->m_filling = false;
            m_form->updateFields();
        }
        Filling(const Filling&) = delete;
        Filling& operator=(const Filling&) = delete;

    private:
        PolicyForm* m_form;
    };
    static void selectData(QComboBox* box, const QString& data);
    static QSpinBox* intField(QWidget* parent, const QString& name, int min, int max);
    static QDoubleSpinBox* numberField(QWidget* parent, const QString& name, double min, double max, int decimals,
                                       double step);
    /// Enables a field unless the form is read-only or it does not matter now.
    void enableField(QWidget* field, bool matters) const;

    QFormLayout* m_form = nullptr;
    bool m_readOnly = false;
    bool m_filling = false;
};

/// OutputPolicy: what the gateway lets through of logprobs, logit_bias, n and temperature.
class OutputPolicyForm : public PolicyForm
{
    Q_OBJECT
public:
    explicit OutputPolicyForm(QWidget* parent = nullptr);

    void set(const QJsonObject& policy) override;
    QJsonObject value() const override;

    QComboBox* logprobsBox() const { return m_logprobs; }
    QSpinBox* topLogprobsCapField() const { return m_topLogprobsCap; }
    QSpinBox* roundDecimalsField() const { return m_roundDecimals; }
    QDoubleSpinBox* noiseField() const { return m_noise; }
    QComboBox* logitBiasBox() const { return m_logitBias; }
    QSpinBox* logitBiasCountField() const { return m_biasCount; }
    QDoubleSpinBox* logitBiasMagnitudeField() const { return m_biasMagnitude; }
    QSpinBox* maxNField() const { return m_maxN; }
    QDoubleSpinBox* minTemperatureField() const { return m_minTemperature; }

protected:
    void updateFields() override;

private:
    QComboBox* m_logprobs = nullptr;
    QSpinBox* m_topLogprobsCap = nullptr;
    QSpinBox* m_roundDecimals = nullptr;
    QDoubleSpinBox* m_noise = nullptr;
    QComboBox* m_logitBias = nullptr;
    QSpinBox* m_biasCount = nullptr;
    QDoubleSpinBox* m_biasMagnitude = nullptr;
    QSpinBox* m_maxN = nullptr;
    QDoubleSpinBox* m_minTemperature = nullptr;
};

/// WatermarkPolicy: which watermark schemes mark the output, and how strongly.
class WatermarkPolicyForm : public PolicyForm
{
    Q_OBJECT
public:
    explicit WatermarkPolicyForm(QWidget* parent = nullptr);

    void set(const QJsonObject& policy) override;
    QJsonObject value() const override;

    QComboBox* schemesBox() const { return m_schemes; }
    QDoubleSpinBox* strengthField() const { return m_strength; }

protected:
    void updateFields() override;

private:
    QComboBox* m_schemes = nullptr;
    QDoubleSpinBox* m_strength = nullptr;
};

/// RiskPolicy: the score thresholds of the automatic actions (strip ≤ throttle ≤ block) and the throttled rate.
class RiskPolicyForm : public PolicyForm
{
    Q_OBJECT
public:
    explicit RiskPolicyForm(QWidget* parent = nullptr);

    void set(const QJsonObject& policy) override;
    QJsonObject value() const override;
    QString validate() const override;

    QDoubleSpinBox* stripField() const { return m_strip; }
    QDoubleSpinBox* throttleField() const { return m_throttle; }
    QDoubleSpinBox* blockField() const { return m_block; }
    QCheckBox* automaticBox() const { return m_automatic; }
    QDoubleSpinBox* throttleRateField() const { return m_rate; }

protected:
    void updateFields() override;

private:
    QDoubleSpinBox* m_strip = nullptr;
    QDoubleSpinBox* m_throttle = nullptr;
    QDoubleSpinBox* m_block = nullptr;
    QCheckBox* m_automatic = nullptr;
    QDoubleSpinBox* m_rate = nullptr;
};

} // namespace modelguard::ui
