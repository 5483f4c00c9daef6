#pragma once
// Table model of the API keys of every connected gateway (one row per key per gateway, read from GET /admin/v1/keys;
// never a secret), and the proxy that sorts it and filters it by text and by "show revoked".
// Rows are matched by (profile id, key id) on every reload, so that selection and sorting survive a refresh.

#include <QAbstractTableModel>
#include <QJsonObject>
#include <QList>
#include <QSortFilterProxyModel>
#include <QString>
#include <QStringList>

#include <optional>

namespace modelguard::ui {

/// One key as the gateway lists it (docs/api/gateway.yaml, schema Key), with the gateway it lives on.
struct KeyRow
{
    QString profileId;   ///< the connection profile of the gateway
    QString gatewayName; ///< the profile's name, for display
    QString id;          ///< public key id (10 characters)
    QString prefix;      ///< "mg_" + id
    QString clientId;
    QString name;
    qint64 createdMs = 0;
    std::optional<qint64> expiresMs;
    QStringList models;    ///< empty = all
    QStringList endpoints; ///< empty = all
    bool revoked = false;
    std::optional<qint64> revokedMs;
    std::optional<qint64> graceUntilMs; ///< rotation: this old key stays valid until then
    QString replacedBy;                 ///< rotation: the id of the new key
    qint64 lastUsedMs = 0;              ///< 0 = never

    static KeyRow fromJson(const QString& profileId, const QString& gatewayName, const QJsonObject& key);
    bool operator==(const KeyRow&) const = default;
};

enum class KeyStatus { Active, Expiring, Expired, Revoked, RotatedGrace };

class KeyTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        GatewayCol,
        PrefixCol,
        ClientCol,
        NameCol,
        CreatedCol,
        ExpiresCol,
        ScopesCol,
        StatusCol,
        LastUsedCol,
        ColumnCount
    };
    enum Role : int {
        KeyIdRole = Qt::UserRole + 100, ///< the key id (QString)
        ProfileIdRole,                  ///< the gateway's connection profile id (QString)
        RevokedRole,                    ///< bool
        StatusRole,                     ///< KeyStatus as int
    };

    explicit KeyTableModel(QObject* parent = nullptr);

    /// Replaces the rows of one gateway: keys that are gone are removed, changed ones updated, new ones appended.
    void setGatewayKeys(const QString& profileId, const QList<KeyRow>& keys);
    /// Removes the rows of every gateway not in `profileIds`.
    void retainGateways(const QStringList& profileIds);
    /// The time the status texts are computed against (default: the wall clock at each data() call).
    void setNow(std::optional<qint64> nowMs);

    const QList<KeyRow>& rows() const { return m_rows; }
    /// Row of a key on a gateway, or -1.
    int rowOf(const QString& profileId, const QString& keyId) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    static KeyStatus status(const KeyRow& key, qint64 nowMs);
    /// "Active", "Expires in 3 d", "Expired", "Revoked", "Old key until 22.11.26 14:05".
    static QString statusText(const KeyRow& key, qint64 nowMs);
    /// "all", or "models: a, b · endpoints: chat".
    static QString scopesText(const KeyRow& key);
    /// "45 s", "12 min", "5 h", "3 d".
    static QString durationText(qint64 ms);
    /// True when the key still authenticates (not revoked, not expired, rotation grace not over).
    static bool isUsable(const KeyRow& key, qint64 nowMs);

private:
    qint64 now() const;
    QVariant display(const KeyRow& key, int column) const;
    QVariant sortValue(const KeyRow& key, int column) const;

    QList<KeyRow> m_rows;
    std::optional<qint64> m_nowMs;
};

/// Sorts by KeyTableModel's sort values; hides revoked keys unless asked; filters by client, name or prefix.
class KeyFilterProxy : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit KeyFilterProxy(QObject* parent = nullptr);

    void setFilterText(const QString& text);
    QString filterText() const { return m_text; }
    void setShowRevoked(bool show);
    bool showRevoked() const { return m_showRevoked; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    QString m_text;
    bool m_showRevoked = false;
};

} // namespace modelguard::ui
