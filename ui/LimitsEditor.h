#pragma once
// A form for the gateway's Limits schema (rates, quotas, max_tokens): one spin box per field, 0 shown as "Unlimited"
// where 0 means unlimited. Fields whose value differs from the one last loaded with setLimits() are marked (bold
// label, "changed" tool tip) until the next setLimits(). Optionally shows the current usage next to each quota, and
// what share of the value being edited it is, so that an admin sees what a new quota would mean.
// Reusable: the Limits page edits the default, a client's or a key's limits with it; other editors may embed it.

#include <QHash>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QWidget>

class QDoubleSpinBox;
class QLabel;

namespace modelguard::ui {

class LimitsEditor : public QWidget
{
    Q_OBJECT
public:
    explicit LimitsEditor(QWidget* parent = nullptr);

    /// The Limits field names in form order (requests_per_second … max_tokens_cap).
    static QStringList fieldNames();
    /// The gateway's value of a field absent from a Limits object (0, default_max_tokens 1024).
    static double defaultValue(const QString& field);
    /// One line describing a Limits object, e.g. "5,000 tokens/day · 10 requests/s · max_tokens 1,024 by default"
    /// (only the fields that limit something; "No limits" when none does).
    static QString summary(const QJsonObject& limits);

    /// Loads a Limits object (absent fields take the gateway's defaults) as the new unmodified state.
    void setLimits(const QJsonObject& limits);
    /// Sets the fields present in `values` without changing the loaded state (they show as modified if they differ).
    void setValues(const QJsonObject& values);
    /// Every field, as the gateway's Limits object (integers as integers).
    QJsonObject limits() const;
    /// The limits last loaded with setLimits().
    QJsonObject loadedLimits() const { return m_loaded; }
    /// The first problem of the input in words ("The default max_tokens must be at least 1."), empty when valid.
    QString validate() const;
    /// True when a field differs from the loaded state.
    bool isModified() const;
    /// The names of the fields that differ from the loaded state.
    QStringList modifiedFields() const;

    void setReadOnly(bool readOnly);
    bool isReadOnly() const { return m_readOnly; }

    /// Current usage per field name (e.g. {"tokens_per_day": 1234, "requests_per_minute": 3.5}); fields without an
    /// entry show no usage. An empty object hides the usage column.
    void setUsage(const QJsonObject& usage);

    /// The spin box of a field (tests, screenshots), or nullptr.
    QDoubleSpinBox* field(const QString& name) const { return m_fields.value(name); }
    /// The label of a field (bold while modified), or nullptr.
    QLabel* label(const QString& name) const { return m_labels.value(name); }
    /// The usage text next to a field, or nullptr.
    QLabel* usageLabel(const QString& name) const { return m_usage.value(name); }

signals:
    /// A value was changed by the user (not by setLimits()/setValues()).
    void edited();

private:
    void updateMarks();
    void updateUsageTexts();

    QHash<QString, QDoubleSpinBox*> m_fields;
    QHash<QString, QLabel*> m_labels;
    QHash<QString, QLabel*> m_usage;
    QJsonObject m_loaded;
    QJsonObject m_usageValues;
    bool m_readOnly = false;
    bool m_loading = false;
};

} // namespace modelguard::ui
