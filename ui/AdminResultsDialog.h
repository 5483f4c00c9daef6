#pragma once
// The per-gateway result of a change applied to one or more gateways: gateway, result, the server's answer in words.

#include "client/AdminService.h"

#include <QDialog>
#include <QList>

class QTableWidget;

namespace modelguard::ui {

class AdminResultsDialog : public QDialog
{
    Q_OBJECT
public:
    AdminResultsDialog(const QString& title, const QList<client::AdminOutcome>& outcomes, QWidget* parent = nullptr);

    QTableWidget* table() const { return m_table; }
    /// One line: "Applied on 2 of 3 gateways." / "Applied." / "Not applied: <message>".
    static QString summary(const QList<client::AdminOutcome>& outcomes);
    /// Shows the outcome: a status-bar-sized message is enough for one successful gateway (returns false, no dialog);
    /// otherwise the dialog opens (non-modal, deleted on close) and true is returned.
    static bool showIfNeeded(QWidget* parent, const QString& title, const QList<client::AdminOutcome>& outcomes);

private:
    QTableWidget* m_table = nullptr;
};

} // namespace modelguard::ui
