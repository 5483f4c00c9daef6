#include "ui/KeyTableModel.h"

#include "ui/ClientTableModel.h"
#include "ui/ItemRoles.h"

#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QLocale>

#include <algorithm>
#include <limits>

namespace modelguard::ui {

namespace {

std::optional<qint64> optionalMs(const QJsonObject& o, QLatin1String name)
{
    const QJsonValue v = o.value(name);
    if (v.isNull() || v.isUndefined())
        return std::nullopt;
    return static_cast<qint64>(v.toDouble());
}

QStringList stringList(const QJsonValue& v)
{
    QStringList out;
    const QJsonArray array = v.toArray();
    for (const QJsonValue& item : array)
        out.append(item.toString());
    return out;
}

QString timeText(qint64 ms)
{
    return QLocale().toString(QDateTime::fromMSecsSinceEpoch(ms), QLocale::ShortFormat);
}

QString isoTime(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms).toUTC().toString(Qt::ISODate);
}

} // namespace

KeyRow KeyRow::fromJson(const QString& profileId, const QString& gatewayName, const QJsonObject& key)
{
    KeyRow row;
    row.profileId = profileId;
    row.gatewayName = gatewayName;
    row.id = key.value(QLatin1String("id")).toString();
    row.prefix = key.value(QLatin1String("prefix")).toString();
    if (row.prefix.isEmpty() && !row.id.isEmpty())
        row.prefix = QStringLiteral("mg_") + row.id;
    row.clientId = key.value(QLatin1String("client")).toString();
    row.name = key.value(QLatin1String("name")).toString();
    row.createdMs = static_cast<qint64>(key.value(QLatin1String("created_ms")).toDouble());
    row.expiresMs = optionalMs(key, QLatin1String("expires_ms"));
    row.models = stringList(key.value(QLatin1String("models")));
    row.endpoints = stringList(key.value(QLatin1String("endpoints")));
    row.revoked = key.value(QLatin1String("revoked")).toBool();
    row.revokedMs = optionalMs(key, QLatin1String("revoked_ms"));
    row.graceUntilMs = optionalMs(key, QLatin1String("grace_until_ms"));
    row.replacedBy = key.value(QLatin1String("replaced_by")).toString();
    row.lastUsedMs = static_cast<qint64>(key.value(QLatin1String("last_used_ms")).toDouble());
    return row;
}

KeyTableModel::KeyTableModel(QObject* parent)
    : QAbstractTableModel(parent)
{ }

qint64 KeyTableModel::now() const
{
    return m_nowMs.value_or(QDateTime::currentMSecsSinceEpoch());
}

void KeyTableModel::setNow(std::optional<qint64> nowMs)
{
    m_nowMs = nowMs;
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

void KeyTableModel::setGatewayKeys(const QString& profileId, const QList<KeyRow>& keys)
{
    QHash<QString, int> incoming; // key id -> index in `keys`
    incoming.reserve(keys.size());
    for (int i = 0; i < keys.size(); ++i)
        incoming.insert(keys[i].id, i);

    // Removals, from the end so that earlier rows keep their index.
    for (int r = static_cast<int>(m_rows.size()) - 1; r >= 0; --r) {
        if (m_rows[r].profileId != profileId || incoming.contains(m_rows[r].id))
            continue;
        int first = r;
        while (first > 0 && m_rows[first - 1].profileId == profileId && !incoming.contains(m_rows[first - 1].id))
            --first;
        beginRemoveRows({}, first, r);
        m_rows.remove(first, r - first + 1);
        endRemoveRows();
        r = first;
    }

    // Updates in place.
    QHash<QString, int> present;
    for (int r = 0; r < m_rows.size(); ++r) {
        if (m_rows[r].profileId != profileId)
            continue;
        const KeyRow& fresh = keys[incoming.value(m_rows[r].id)];
        present.insert(fresh.id, r);
        if (!(m_rows[r] == fresh)) {
            m_rows[r] = fresh;
            emit dataChanged(index(r, 0), index(r, ColumnCount - 1));
        }
    }

    // New keys, appended in one batch.
    QList<KeyRow> added;
    for (const KeyRow& key : keys) {
        if (!present.contains(key.id))
            added.append(key);
    }
    if (!added.isEmpty()) {
        const int first = static_cast<int>(m_rows.size());
        beginInsertRows({}, first, first + static_cast<int>(added.size()) - 1);
        m_rows.append(added);
        endInsertRows();
    }
}

void KeyTableModel::retainGateways(const QStringList& profileIds)
{
    for (int r = static_cast<int>(m_rows.size()) - 1; r >= 0; --r) {
        if (profileIds.contains(m_rows[r].profileId))
            continue;
        int first = r;
        while (first > 0 && !profileIds.contains(m_rows[first - 1].profileId))
            --first;
        beginRemoveRows({}, first, r);
        m_rows.remove(first, r - first + 1);
        endRemoveRows();
        r = first;
    }
}

int KeyTableModel::rowOf(const QString& profileId, const QString& keyId) const
{
    for (int r = 0; r < m_rows.size(); ++r) {
        if (m_rows[r].profileId == profileId && m_rows[r].id == keyId)
            return r;
    }
    return -1;
}

int KeyTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int KeyTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

KeyStatus KeyTableModel::status(const KeyRow& key, qint64 nowMs)
{
    if (key.revoked)
        return KeyStatus::Revoked;
    if (key.graceUntilMs)
        return *key.graceUntilMs > nowMs ? KeyStatus::RotatedGrace : KeyStatus::Expired;
    if (key.expiresMs)
        return *key.expiresMs > nowMs ? KeyStatus::Expiring : KeyStatus::Expired;
    return KeyStatus::Active;
}

bool KeyTableModel::isUsable(const KeyRow& key, qint64 nowMs)
{
    const KeyStatus s = status(key, nowMs);
    return s == KeyStatus::Active || s == KeyStatus::Expiring || s == KeyStatus::RotatedGrace;
}

QString KeyTableModel::durationText(qint64 ms)
{
    const qint64 seconds = std::max<qint64>(0, ms / 1000);
    if (seconds < 60)
        return tr("%1 s").arg(seconds);
    if (seconds < 3600)
        return tr("%1 min").arg(seconds / 60);
    if (seconds < 2 * 86400)
        return tr("%1 h").arg(seconds / 3600);
    return tr("%1 d").arg(seconds / 86400);
}

QString KeyTableModel::statusText(const KeyRow& key, qint64 nowMs)
{
    switch (status(key, nowMs)) {
    case KeyStatus::Active:
        return tr("Active");
    case KeyStatus::Expiring:
        return tr("Expires in %1").arg(durationText(*key.expiresMs - nowMs));
    case KeyStatus::Expired:
        return key.graceUntilMs ? tr("Expired (replaced)") : tr("Expired");
    case KeyStatus::Revoked:
        return tr("Revoked");
    case KeyStatus::RotatedGrace:
        return tr("Old key until %1 (rotated)").arg(timeText(*key.graceUntilMs));
    }
    return {};
}

QString KeyTableModel::scopesText(const KeyRow& key)
{
    if (key.models.isEmpty() && key.endpoints.isEmpty())
        return tr("all");
    const QString all = tr("all");
    return tr("models: %1 · endpoints: %2")
        .arg(key.models.isEmpty() ? all : key.models.join(QStringLiteral(", ")),
             key.endpoints.isEmpty() ? all : key.endpoints.join(QStringLiteral(", ")));
}

QVariant KeyTableModel::display(const KeyRow& key, int column) const
{
    switch (column) {
    case GatewayCol:
        return key.gatewayName;
    case PrefixCol:
        return key.prefix;
    case ClientCol:
        return key.clientId;
    case NameCol:
        return key.name;
    case CreatedCol:
        return timeText(key.createdMs);
    case ExpiresCol:
        return key.expiresMs ? timeText(*key.expiresMs) : tr("never");
    case ScopesCol:
        return scopesText(key);
    case StatusCol:
        return statusText(key, now());
    case LastUsedCol:
        return ClientTableModel::agoText(key.lastUsedMs, now());
    default:
        return {};
    }
}

QVariant KeyTableModel::sortValue(const KeyRow& key, int column) const
{
    switch (column) {
    case CreatedCol:
        return key.createdMs;
    case ExpiresCol:
        return key.expiresMs.value_or(std::numeric_limits<qint64>::max());
    case StatusCol:
        return static_cast<int>(status(key, now()));
    case LastUsedCol:
        return key.lastUsedMs;
    default:
        return display(key, column).toString().toLower();
    }
}

QVariant KeyTableModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size() || index.column() >= ColumnCount)
        return {};
    const KeyRow& key = m_rows[index.row()];
    switch (role) {
    case Qt::DisplayRole:
        return display(key, index.column());
    case Qt::ToolTipRole:
        if (index.column() == StatusCol && !key.replacedBy.isEmpty())
            return tr("Replaced by mg_%1").arg(key.replacedBy);
        if (index.column() == ScopesCol)
            return scopesText(key);
        return {};
    case SortRole:
        return sortValue(key, index.column());
    case ExportRole:
        switch (index.column()) {
        case CreatedCol:
            return isoTime(key.createdMs);
        case ExpiresCol:
            return key.expiresMs ? isoTime(*key.expiresMs) : QString();
        case LastUsedCol:
            return key.lastUsedMs > 0 ? isoTime(key.lastUsedMs) : QString();
        default:
            return display(key, index.column());
        }
    case ClientIdRole:
        return key.clientId;
    case KeyIdRole:
        return key.id;
    case ProfileIdRole:
        return key.profileId;
    case RevokedRole:
        return key.revoked;
    case StatusRole:
        return static_cast<int>(status(key, now()));
    default:
        return {};
    }
}

QVariant KeyTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case GatewayCol:
        return tr("Gateway");
    case PrefixCol:
        return tr("Key");
    case ClientCol:
        return tr("Client");
    case NameCol:
        return tr("Name");
    case CreatedCol:
        return tr("Created");
    case ExpiresCol:
        return tr("Expires");
    case ScopesCol:
        return tr("Scopes");
    case StatusCol:
        return tr("Status");
    case LastUsedCol:
        return tr("Last used");
    default:
        return {};
    }
}

// ---------------------------------------------------------------------------------------------------------------
// KeyFilterProxy

KeyFilterProxy::KeyFilterProxy(QObject* parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(SortRole);
    setDynamicSortFilter(true);
}

void KeyFilterProxy::setFilterText(const QString& text)
{
    m_text = text.trimmed();
    invalidateFilter();
}

void KeyFilterProxy::setShowRevoked(bool show)
{
    m_showRevoked = show;
    invalidateFilter();
}

bool KeyFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const
{
    const auto* model = qobject_cast<const KeyTableModel*>(sourceModel());
    if (!model || sourceParent.isValid() || sourceRow >= model->rows().size())
        return false;
    const KeyRow& key = model->rows()[sourceRow];
    if (key.revoked && !m_showRevoked)
        return false;
    if (m_text.isEmpty())
        return true;
    return key.clientId.contains(m_text, Qt::CaseInsensitive) || key.name.contains(m_text, Qt::CaseInsensitive)
           || key.prefix.contains(m_text, Qt::CaseInsensitive);
}

} // namespace modelguard::ui
