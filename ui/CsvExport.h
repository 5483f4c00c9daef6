#pragma once
// CSV export of any item model (RFC 4180: comma separated, CRLF line ends, fields with comma, quote, CR or LF are
// quoted and quotes doubled). Text cells that a spreadsheet would run as a formula are neutralised.

#include <QString>

class QAbstractItemModel;

namespace modelguard::ui {

/// One RFC 4180 field: returned as is, or quoted with inner quotes doubled when it contains ',', '"', CR or LF.
QString csvField(const QString& value);

/// Text cells starting with '=', '+', '-', '@', TAB or CR that are not numbers get a leading apostrophe, so that a
/// client id chosen by an attacker cannot become a spreadsheet formula.
QString neutraliseFormula(const QString& value);

/// Header row (horizontal header, DisplayRole) and every row of the model in its current (proxy) order.
/// Cell values come from `role` (ui::ExportRole by default), falling back to DisplayRole.
QString modelToCsv(const QAbstractItemModel& model, int role);
QString modelToCsv(const QAbstractItemModel& model);

/// Writes UTF-8 text atomically (QSaveFile); on failure returns false and sets *error to a readable message.
bool writeTextFile(const QString& path, const QString& text, QString* error);

} // namespace modelguard::ui
