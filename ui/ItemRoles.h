#pragma once
// Item-data roles shared by the console's models, proxies, delegates and the CSV export.

#include <Qt>

namespace modelguard::ui {

enum ItemRole : int {
    SortRole = Qt::UserRole + 1, ///< numbers as double, times as qint64, text lower-cased: sorts correctly
    ExportRole,                  ///< plain value for CSV (no units, no thousands separators, ISO 8601 times)
    ClientIdRole,                ///< the row's client id (QString)
    RiskScoreRole,               ///< risk score 0..100 (double)
    SeverityRole,                ///< alert severity ("high" | "medium" | "low")
    AcknowledgedRole,            ///< alert acknowledged (bool)
    GatewayIdRole,               ///< alert's gateway id (QString)
    AlertIdRole,                 ///< alert id (qint64)
};

} // namespace modelguard::ui
