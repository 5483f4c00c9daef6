#pragma once
// Snapshot and event JSON in exactly the shapes of the admin API contract, to feed a real FleetStore in the widget
// tests (our own data format; no service is imitated).

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>

namespace modelguard::ui::test {

struct ClientSpec
{
    QString id;
    double requestsPerMin = 0;
    double tokensPerMin = 0;
    double quotaPct = 0;
    double score = 0;
    QString action = QStringLiteral("none");
    QString keyPrefix;
    qint64 lastSeenMs = 0;
};

inline qint64 now()
{
    return QDateTime::currentMSecsSinceEpoch();
}

inline QJsonObject clientJson(const ClientSpec& c)
{
    QJsonArray contributions;
    if (c.score > 0) {
        contributions.append(QJsonObject {
            {QStringLiteral("feature"), QStringLiteral("logit_bias_probing")},
            {QStringLiteral("share"), 0.61},
            {QStringLiteral("sentence"), QStringLiteral("Sends logit_bias on most requests, sweeping token ids.")}});
        contributions.append(QJsonObject {
            {QStringLiteral("feature"), QStringLiteral("coverage_growth")},
            {QStringLiteral("share"), 0.39},
            {QStringLiteral("sentence"), QStringLiteral("Prompts keep covering new topics at a steady rate.")}});
    }
    QJsonObject limits {{QStringLiteral("requests_per_second"), 0},  {QStringLiteral("requests_per_minute"), 0},
                        {QStringLiteral("tokens_per_minute"), 0},    {QStringLiteral("tokens_per_day"), 0},
                        {QStringLiteral("tokens_per_month"), 0},     {QStringLiteral("requests_per_day"), 0},
                        {QStringLiteral("default_max_tokens"), 1024}};
    return QJsonObject {
        {QStringLiteral("id"), c.id},
        {QStringLiteral("key_prefixes"),
         QJsonArray {c.keyPrefix.isEmpty() ? QStringLiteral("mg_") + c.id.left(10) : c.keyPrefix}},
        {QStringLiteral("requests_per_min"), c.requestsPerMin},
        {QStringLiteral("tokens_per_min"), c.tokensPerMin},
        {QStringLiteral("requests_today"), c.requestsPerMin * 60},
        {QStringLiteral("tokens_today"), c.tokensPerMin * 60},
        {QStringLiteral("tokens_month"), c.tokensPerMin * 600},
        {QStringLiteral("limits"), limits},
        {QStringLiteral("quota_used_pct"), c.quotaPct},
        {QStringLiteral("risk"), QJsonObject {{QStringLiteral("score"), c.score},
                                              {QStringLiteral("action"), c.action},
                                              {QStringLiteral("pinned"), false},
                                              {QStringLiteral("contributions"), contributions}}},
        {QStringLiteral("last_seen_ms"), c.lastSeenMs > 0 ? c.lastSeenMs : now() - 5000},
    };
}

inline QJsonObject alertJson(qint64 id, qint64 timeMs, const QString& severity, const QString& client,
                             const QString& reason, bool acknowledged = false)
{
    return QJsonObject {{QStringLiteral("id"), id},
                        {QStringLiteral("time_ms"), timeMs},
                        {QStringLiteral("severity"), severity},
                        {QStringLiteral("client"), client},
                        {QStringLiteral("reason"), reason},
                        {QStringLiteral("acknowledged"), acknowledged}};
}

inline QJsonObject snapshotJson(const QString& gatewayId, const QList<ClientSpec>& clients,
                                const QJsonArray& alerts = {}, qint64 lastEventId = 1)
{
    QJsonArray list;
    for (const ClientSpec& c : clients)
        list.append(clientJson(c));
    return QJsonObject {{QStringLiteral("gateway_id"), gatewayId},
                        {QStringLiteral("time_ms"), now()},
                        {QStringLiteral("last_event_id"), lastEventId},
                        {QStringLiteral("clients"), list},
                        {QStringLiteral("alerts"), alerts}};
}

struct UsageSpec
{
    QString client;
    double requests = 0;
    double promptTokens = 0;
    double completionTokens = 0;
    double rejected = 0;
};

inline QJsonObject usageJson(qint64 timeMs, const QList<UsageSpec>& clients)
{
    QJsonArray list;
    for (const UsageSpec& u : clients) {
        list.append(QJsonObject {{QStringLiteral("client"), u.client},
                                 {QStringLiteral("requests"), u.requests},
                                 {QStringLiteral("prompt_tokens"), u.promptTokens},
                                 {QStringLiteral("completion_tokens"), u.completionTokens},
                                 {QStringLiteral("rejected"), u.rejected}});
    }
    return QJsonObject {
        {QStringLiteral("time_ms"), timeMs}, {QStringLiteral("interval_ms"), 1000}, {QStringLiteral("clients"), list}};
}

inline QJsonObject riskJson(const QString& client, double score, const QString& action, qint64 timeMs = 0)
{
    QJsonObject o {{QStringLiteral("client"), client},
                   {QStringLiteral("score"), score},
                   {QStringLiteral("action"), action},
                   {QStringLiteral("contributions"),
                    QJsonArray {QJsonObject {
                        {QStringLiteral("feature"), QStringLiteral("template_dominance")},
                        {QStringLiteral("share"), 1.0},
                        {QStringLiteral("sentence"), QStringLiteral("Nearly every prompt follows one template.")}}}}};
    if (timeMs > 0)
        o.insert(QStringLiteral("time_ms"), timeMs);
    return o;
}

} // namespace modelguard::ui::test
