#include "ui/CsvExport.h"

#include "ui/ItemRoles.h"

#include <QAbstractItemModel>
#include <QCoreApplication>
#include <QSaveFile>

namespace modelguard::ui {

QString csvField(const QString& value)
{
    const bool needsQuotes = value.contains(QLatin1Char(',')) || value.contains(QLatin1Char('"'))
                             || value.contains(QLatin1Char('\r')) || value.contains(QLatin1Char('\n'));
    if (!needsQuotes)
        return value;
    QString quoted = value;
    quoted.replace(QLatin1String("\""), QLatin1String("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

QString neutraliseFormula(const QString& value)
{
    if (value.isEmpty())
        return value;
    const QChar first = value.front();
    if (first != QLatin1Char('=') && first != QLatin1Char('+') && first != QLatin1Char('-') && first != QLatin1Char('@')
        && first != QLatin1Char('\t') && first != QLatin1Char('\r'))
        return value;
    bool numeric = false;
    value.toDouble(&numeric);
    return numeric ? value : QLatin1Char('\'') + value;
}

QString modelToCsv(const QAbstractItemModel& model, int role)
{
    QString out;
    const int columns = model.columnCount();
    for (int c = 0; c < columns; ++c) {
        if (c > 0)
            out += QLatin1Char(',');
        out += csvField(model.headerData(c, Qt::Horizontal, Qt::DisplayRole).toString());
    }
    out += QLatin1String("\r\n");
    const int rows = model.rowCount();
    for (int r = 0; r < rows; ++r) {
        for (int c = 0; c < columns; ++c) {
            if (c > 0)
                out += QLatin1Char(',');
            const QModelIndex index = model.index(r, c);
            QVariant value = model.data(index, role);
            if (!value.isValid())
                value = model.data(index, Qt::DisplayRole);
            QString text;
            if (value.typeId() == QMetaType::Double)
                text = QString::number(value.toDouble(), 'g', 15);
            else
                text = neutraliseFormula(value.toString());
            out += csvField(text);
        }
        out += QLatin1String("\r\n");
    }
    return out;
}

QString modelToCsv(const QAbstractItemModel& model)
{
    return modelToCsv(model, ExportRole);
}

bool writeTextFile(const QString& path, const QString& text, QString* error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = QCoreApplication::translate("CsvExport", "Cannot open %1 for writing: %2")
                         .arg(path, file.errorString());
        return false;
    }
    const QByteArray bytes = text.toUtf8();
    if (file.write(bytes) != bytes.size() || !file.commit()) {
        if (error)
            *error = QCoreApplication::translate("CsvExport", "Cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

} // namespace modelguard::ui
