#include "ui/GatewayTargets.h"

#include "client/AdminService.h"
#include "client/ConnectionManager.h"
#include "client/ConsoleAudit.h"
#include "client/GatewayConnection.h"

#include <QCheckBox>
#include <QLabel>
#include <QVBoxLayout>

namespace modelguard::ui {

GatewayTargets::GatewayTargets(client::ConnectionManager* connections, client::AdminService* service, QWidget* parent)
    : QWidget(parent)
    , m_connections(connections)
    , m_service(service)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* title = new QLabel(tr("Apply to:"), this);
    layout->addWidget(title);
    m_list = new QVBoxLayout;
    layout->addLayout(m_list);
    if (m_connections) {
        connect(m_connections, &client::ConnectionManager::connectionAdded, this, &GatewayTargets::refresh);
        connect(m_connections, &client::ConnectionManager::connectionRemoved, this, &GatewayTargets::refresh);
        connect(m_connections, &client::ConnectionManager::connectionStateChanged, this, &GatewayTargets::refresh);
    }
    if (m_service && m_service->audit())
        connect(m_service->audit(), &client::ConsoleAudit::openChanged, this, &GatewayTargets::refresh);
    refresh();
}

void GatewayTargets::refresh()
{
    for (auto it = m_boxes.cbegin(); it != m_boxes.cend(); ++it)
        m_checked.insert(it.key(), it.value()->isChecked());
    while (QLayoutItem* item = m_list->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    m_boxes.clear();
    if (!m_connections)
        return;
    const auto all = m_connections->connections();
    for (client::GatewayConnection* c : all) {
        const QString reason = m_service ? m_service->readOnlyReason(c) : tr("No admin service.");
        auto* box = new QCheckBox(c->profile().name, this);
        box->setObjectName(QStringLiteral("target:%1").arg(c->profile().id));
        box->setProperty("profileId", c->profile().id);
        box->setEnabled(reason.isEmpty());
        box->setToolTip(reason);
        if (!reason.isEmpty())
            box->setText(tr("%1 (read-only: %2)").arg(c->profile().name, reason));
        // New gateways start checked only when they are the only one.
        box->setChecked(reason.isEmpty() && m_checked.value(c->profile().id, all.size() == 1));
        connect(box, &QCheckBox::toggled, this, &GatewayTargets::selectionChanged);
        m_list->addWidget(box);
        m_boxes.insert(c->profile().id, box);
    }
    emit selectionChanged();
}

QList<client::GatewayConnection*> GatewayTargets::selected() const
{
    QList<client::GatewayConnection*> out;
    if (!m_connections)
        return out;
    for (client::GatewayConnection* c : m_connections->connections()) {
        const QCheckBox* box = m_boxes.value(c->profile().id);
        if (box && box->isEnabled() && box->isChecked())
            out.append(c);
    }
    return out;
}

void GatewayTargets::selectOnly(const client::GatewayConnection* gateway)
{
    for (auto it = m_boxes.cbegin(); it != m_boxes.cend(); ++it)
        it.value()->setChecked(gateway && it.key() == gateway->profile().id && it.value()->isEnabled());
}

void GatewayTargets::selectAllWritable()
{
    for (QCheckBox* box : std::as_const(m_boxes))
        box->setChecked(box->isEnabled());
}

QCheckBox* GatewayTargets::checkBox(const QString& profileId) const
{
    return m_boxes.value(profileId);
}

bool GatewayTargets::anyWritable() const
{
    for (const QCheckBox* box : m_boxes)
        if (box->isEnabled())
            return true;
    return false;
}

QString GatewayTargets::readOnlyReason() const
{
    if (anyWritable())
        return {};
    if (!m_connections || m_connections->connections().isEmpty())
        return tr("No gateway is connected.");
    QStringList reasons;
    for (client::GatewayConnection* c : m_connections->connections())
        reasons.append(m_service ? m_service->readOnlyReason(c) : tr("No admin service."));
    reasons.removeDuplicates();
    return reasons.join(QLatin1Char(' '));
}

} // namespace modelguard::ui
