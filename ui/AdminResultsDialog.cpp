#include "ui/AdminResultsDialog.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

namespace modelguard::ui {

AdminResultsDialog::AdminResultsDialog(const QString& title, const QList<client::AdminOutcome>& outcomes,
                                       QWidget* parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("adminResultsDialog"));
    setWindowTitle(title);
    auto* layout = new QVBoxLayout(this);
    auto* head = new QLabel(summary(outcomes), this);
    head->setObjectName(QStringLiteral("summary"));
    head->setWordWrap(true);
    layout->addWidget(head);
    m_table = new QTableWidget(static_cast<int>(outcomes.size()), 3, this);
    m_table->setObjectName(QStringLiteral("results"));
    m_table->setHorizontalHeaderLabels({tr("Gateway"), tr("Result"), tr("Details")});
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setWordWrap(true);
    for (int row = 0; row < outcomes.size(); ++row) {
        const auto& o = outcomes[row];
        m_table->setItem(row, 0, new QTableWidgetItem(o.gatewayName));
        auto* result = new QTableWidgetItem(o.ok() ? tr("Applied") : tr("Not applied"));
        result->setForeground(o.ok() ? QColor(0x1b, 0x7f, 0x3b) : QColor(0xb0, 0x1e, 0x1e));
        m_table->setItem(row, 1, result);
        m_table->setItem(row, 2, new QTableWidgetItem(o.message));
    }
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->resizeRowsToContents();
    layout->addWidget(m_table);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(640, 120 + 40 * static_cast<int>(outcomes.size()));
}

QString AdminResultsDialog::summary(const QList<client::AdminOutcome>& outcomes)
{
    const auto applied = std::count_if(outcomes.begin(), outcomes.end(), [](const auto& o) { return o.ok(); });
    if (outcomes.isEmpty())
        return tr("No gateway was selected: nothing was changed.");
    if (outcomes.size() == 1)
        return outcomes.front().ok() ? tr("Applied.") : tr("Not applied: %1").arg(outcomes.front().message);
    return tr("Applied on %1 of %2 gateways.").arg(applied).arg(outcomes.size());
}

bool AdminResultsDialog::showIfNeeded(QWidget* parent, const QString& title,
                                      const QList<client::AdminOutcome>& outcomes)
{
    if (outcomes.size() == 1 && outcomes.front().ok())
        return false;
    auto* dialog = new AdminResultsDialog(title, outcomes, parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
    return true;
}

} // namespace modelguard::ui
