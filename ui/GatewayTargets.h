#pragma once
// "Apply to": the connected gateways a change goes to, one check box each (the current one checked by default), with
// the reason a gateway cannot take changes (viewer token, not live, audit log closed) shown next to it. Used by every
// editor so that the same change can be applied fleet-wide.

#include <QHash>
#include <QList>
#include <QPointer>
#include <QWidget>

class QCheckBox;
class QVBoxLayout;

namespace modelguard::client {
class AdminService;
class ConnectionManager;
class GatewayConnection;
} // namespace modelguard::client

namespace modelguard::ui {

class GatewayTargets : public QWidget
{
    Q_OBJECT
public:
    GatewayTargets(client::ConnectionManager* connections, client::AdminService* service, QWidget* parent = nullptr);

    /// The checked gateways that can take changes, in connection order.
    QList<client::GatewayConnection*> selected() const;
    /// Checks exactly this gateway (nullptr: none).
    void selectOnly(const client::GatewayConnection* gateway);
    /// Checks every gateway that can take changes.
    void selectAllWritable();
    /// The check box of a connection (tests), or nullptr.
    QCheckBox* checkBox(const QString& profileId) const;
    /// True when at least one connected gateway can take changes.
    bool anyWritable() const;
    /// Why no change can be made (empty when anyWritable()).
    QString readOnlyReason() const;

public slots:
    /// Rebuilds the list from the connections (keeps the check states of known ones).
    void refresh();

signals:
    void selectionChanged();

private:
    QPointer<client::ConnectionManager> m_connections;
    QPointer<client::AdminService> m_service;
    QVBoxLayout* m_list = nullptr;
    QHash<QString, QCheckBox*> m_boxes; ///< by profile id
    QHash<QString, bool> m_checked;
};

} // namespace modelguard::ui
