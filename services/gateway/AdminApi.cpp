// The admin plane: REST over the gateway's state (docs/api/gateway.yaml), the event stream and /metrics. Every write
// is authorised (admin role), validated completely before anything changes, persisted, audited in the store and
// announced on the event stream.
#include "services/common/OpenAiError.h"
#include "services/gateway/detail/Planes.h"
#include "services/gateway/inspect/PolicyJson.h"

#include <boost/json.hpp>

#include <atomic>
#include <charconv>
#include <chrono>

namespace modelguard::gateway::detail {

namespace {

using boost::asio::awaitable;
using http::HttpRequest;
using http::HttpResponse;
using http::Responder;
namespace json = boost::json;

constexpr int kApiVersion = 1;
constexpr const char* kVersion = "0.1.0";

HttpResponse jsonResponse(const json::value& v, int status = 200)
{
    HttpResponse r;
    r.status = status;
    r.body = json::serialize(v);
    return r;
}

HttpResponse error(int status, std::string_view message, std::string_view code = {}, std::string_view param = {})
{
    return http::openAiError(status, message, code.empty() ? std::nullopt : std::optional(code),
                             param.empty() ? std::nullopt : std::optional(param));
}

json::value nullable(const std::optional<std::int64_t>& v)
{
    return v ? json::value(*v) : json::value(nullptr);
}

json::value parsedPolicy(const std::string& text)
{
    std::error_code ec;
    auto v = json::parse(text, ec);
    return ec ? json::value(nullptr) : v;
}

json::object keyJson(const ApiKeyRecord& k)
{
    json::object o;
    o["id"] = k.id;
    o["prefix"] = "mg_" + k.id;
    o["client"] = k.clientId;
    o["name"] = k.name;
    o["created_ms"] = k.createdMs;
    o["expires_ms"] = nullable(k.expiresMs);
    json::array models(k.models.begin(), k.models.end());
    o["models"] = std::move(models);
    json::array endpoints(k.endpoints.begin(), k.endpoints.end());
    o["endpoints"] = std::move(endpoints);
    o["revoked"] = k.revoked;
    o["revoked_ms"] = nullable(k.revokedMs);
    o["grace_until_ms"] = nullable(k.graceUntilMs);
    o["replaced_by"] = k.replacedBy ? json::value(*k.replacedBy) : json::value(nullptr);
    o["last_used_ms"] = k.lastUsedMs;
    return o;
}

json::object clientJson(const Core::ClientView& v, bool detail)
{
    json::object o;
    o["id"] = v.id;
    json::array prefixes(v.keyPrefixes.begin(), v.keyPrefixes.end());
    o["key_prefixes"] = std::move(prefixes);
    o["requests_per_min"] = v.requestsPerMin;
    o["tokens_per_min"] = v.tokensPerMin;
    o["requests_today"] = v.usage.requestsToday;
    o["tokens_today"] = v.usage.tokensToday;
    o["tokens_month"] = v.usage.tokensMonth;
    o["reserved_tokens"] = v.usage.reservedTokens;
    o["limits"] = parsedPolicy(inspect::toJson(v.limits));
    o["quota_used_pct"] = v.quotaUsedPct;
    json::object risk;
    risk["score"] = std::round(v.score * 10) / 10;
    risk["action"] = std::string(risk::actionName(v.action));
    risk["pinned"] = v.pinned;
    risk["pin_reason"] = v.pinReason;
    risk["contributions"] = contributionsJson(v.contributions, v.score);
    o["risk"] = std::move(risk);
    o["last_seen_ms"] = v.lastSeenMs;
    if (detail) {
        json::array events;
        for (const auto& e : v.recent) {
            json::object eo;
            eo["time_ms"] = e.timeMs;
            eo["kind"] = e.kind;
            eo["detail"] = e.detail;
            events.push_back(std::move(eo));
        }
        o["events"] = std::move(events);
    }
    return o;
}

json::object alertJson(const Alert& a)
{
    json::object o;
    o["id"] = a.id;
    o["time_ms"] = a.timeMs;
    o["severity"] = a.severity;
    o["client"] = a.client;
    o["reason"] = a.reason;
    o["acknowledged"] = a.acknowledged;
    return o;
}

std::optional<std::int64_t> queryInt(std::string_view query, std::string_view name)
{
    std::size_t pos = 0;
    while (pos <= query.size()) {
        auto end = query.find('&', pos);
        if (end == std::string_view::npos) {
            end = query.size();
        }
        auto part = query.substr(pos, end - pos);
        if (part.size() > name.size() && part.substr(0, name.size()) == name && part[name.size()] == '=') {
            auto value = part.substr(name.size() + 1);
            std::int64_t v = 0;
            auto [p, ec] = std::from_chars(value.data(), value.data() + value.size(), v);
            if (ec == std::errc() && p == value.data() + value.size()) {
                return v;
            }
            return std::nullopt;
        }
        pos = end + 1;
    }
    return std::nullopt;
}

std::optional<std::string> queryString(std::string_view query, std::string_view name)
{
    std::size_t pos = 0;
    while (pos <= query.size()) {
        auto end = query.find('&', pos);
        if (end == std::string_view::npos) {
            end = query.size();
        }
        auto part = query.substr(pos, end - pos);
        if (part.size() > name.size() && part.substr(0, name.size()) == name && part[name.size()] == '=') {
            return std::string(part.substr(name.size() + 1));
        }
        pos = end + 1;
    }
    return std::nullopt;
}

/// The 400 answer for a usage range that is not numeric, empty or longer than 31 days (defaults: the last hour).
std::optional<HttpResponse> usageRangeError(std::string_view query, std::int64_t now)
{
    for (const std::string_view name : {std::string_view("from_ms"), std::string_view("to_ms")}) {
        if (queryString(query, name) && !queryInt(query, name)) {
            return error(400, std::string(name) + " must be an integer (ms since the epoch).", "invalid_range", name);
        }
    }
    const auto to = queryInt(query, "to_ms").value_or(now + 1);
    const auto from = queryInt(query, "from_ms").value_or(now - 3'600'000);
    if (to <= from || to - from > 31LL * 86'400'000) {
        return error(400, "from_ms must be before to_ms, at most 31 days apart.", "invalid_range");
    }
    return std::nullopt;
}

bool validClientId(std::string_view id)
{
    if (id.empty() || id.size() > 128) {
        return false;
    }
    for (char c : id) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.'
                        || c == '_' || c == ':' || c == '@' || c == '-';
        if (!ok) {
            return false;
        }
    }
    return true;
}

class AdminApi
{
public:
    explicit AdminApi(Core& core)
        : m_core(core)
    { }

    void registerRoutes(http::Router& router);

private:
    using Handler = awaitable<void> (AdminApi::*)(const HttpRequest&, Responder&, const AdminTokenRecord&);

    /// Wraps a handler with authentication and the role check.
    http::Handler guarded(Handler h, bool write)
    {
        return [this, h, write](const HttpRequest& request, Responder& responder) -> awaitable<void> {
            const auto header = request.header("authorization").value_or(std::string_view {});
            auto token = m_core.adminTokens().authenticate(header);
            if (!token && reloadAllowed()) {
                // A token made with `bootstrap-token` while the gateway runs is in the database only.
                m_core.adminTokens().reload();
                token = m_core.adminTokens().authenticate(header);
            }
            if (!token) {
                co_await responder.send(error(401, "A valid admin token is required (Authorization: Bearer mga_...).",
                                              "invalid_admin_token"));
                co_return;
            }
            if (write && token->role != "admin") {
                co_await responder.send(
                    error(403, "This admin token has the viewer role: it can read but not change anything.",
                          "insufficient_role"));
                co_return;
            }
            co_await (this->*h)(request, responder, *token);
        };
    }

    /// At most ten re-reads of the admin tokens per second, whatever unknown tokens are tried.
    bool reloadAllowed()
    {
        const auto now = nowMs();
        auto last = m_lastReload.load();
        return now - last >= 100 && m_lastReload.compare_exchange_strong(last, now);
    }

    /// Parses a JSON object body; sends 400 and returns nullopt if it is not one.
    static std::optional<json::object> objectBody(const HttpRequest& request, HttpResponse& failure)
    {
        std::error_code ec;
        auto v = json::parse(request.body, ec);
        if (ec || !v.is_object()) {
            failure = error(400, "The request body must be a JSON object.", "invalid_json");
            return std::nullopt;
        }
        return std::move(v.as_object());
    }

    void audit(const AdminTokenRecord& actor, std::string action, std::string target, std::string before,
               std::string after, std::string result)
    {
        AuditRecord r;
        r.timeMs = nowMs();
        r.actor = actor.id + " (" + actor.name + ")";
        r.action = action;
        r.target = target;
        r.beforeJson = before.empty() ? "null" : std::move(before);
        r.afterJson = after.empty() ? "null" : std::move(after);
        r.result = std::move(result);
        const auto id = m_core.store().appendAudit(r);
        json::object e;
        e["id"] = id;
        e["actor"] = r.actor;
        e["action"] = r.action;
        e["target"] = r.target;
        e["result"] = r.result;
        m_core.events().publish("admin", json::serialize(e), r.timeMs);
    }

    awaitable<void> health(const HttpRequest&, Responder& responder)
    {
        json::object o;
        o["status"] = "ok";
        o["service"] = "modelguard-gateway";
        o["version"] = kVersion;
        o["api_version"] = kApiVersion;
        o["gateway_id"] = m_core.gatewayId();
        o["uptime_s"] = (nowMs() - m_core.startedMs()) / 1000;
        co_await responder.send(jsonResponse(o));
    }

    awaitable<void> metrics(const HttpRequest&, Responder& responder)
    {
        HttpResponse r;
        r.contentType = "text/plain; version=0.0.4; charset=utf-8";
        r.body = m_core.metrics().render();
        co_await responder.send(std::move(r));
    }

    awaitable<void> whoami(const HttpRequest&, Responder& responder, const AdminTokenRecord& t)
    {
        json::object o;
        o["token_id"] = t.id;
        o["name"] = t.name;
        o["role"] = t.role;
        o["gateway_id"] = m_core.gatewayId();
        co_await responder.send(jsonResponse(o));
    }

    awaitable<void> snapshot(const HttpRequest&, Responder& responder, const AdminTokenRecord&)
    {
        const auto lastId = m_core.events().lastId();
        const auto now = nowMs();
        json::object o;
        o["gateway_id"] = m_core.gatewayId();
        o["time_ms"] = now;
        o["last_event_id"] = lastId;
        json::array clients;
        for (const auto& v : m_core.clientViews(now)) {
            clients.push_back(clientJson(v, false));
        }
        o["clients"] = std::move(clients);
        json::array alerts;
        for (const auto& a : m_core.alerts()) {
            alerts.push_back(alertJson(a));
        }
        o["alerts"] = std::move(alerts);
        co_await responder.send(jsonResponse(o));
    }

    awaitable<void> clients(const HttpRequest&, Responder& responder, const AdminTokenRecord&)
    {
        json::array clients;
        for (const auto& v : m_core.clientViews(nowMs())) {
            clients.push_back(clientJson(v, false));
        }
        json::object o;
        o["clients"] = std::move(clients);
        co_await responder.send(jsonResponse(o));
    }

    awaitable<void> client(const HttpRequest& request, Responder& responder, const AdminTokenRecord&)
    {
        const std::string id(request.pathParam("client").value_or(""));
        auto view = m_core.clientView(id, nowMs());
        if (!view) {
            co_await responder.send(error(404, "No client '" + id + "' is known to this gateway.", "client_not_found"));
            co_return;
        }
        co_await responder.send(jsonResponse(clientJson(*view, true)));
    }

    awaitable<void> clientUsage(const HttpRequest& request, Responder& responder, const AdminTokenRecord&)
    {
        const std::string id(request.pathParam("client").value_or(""));
        const auto now = nowMs();
        const auto to = queryInt(request.query, "to_ms").value_or(now + 1);
        const auto from = queryInt(request.query, "from_ms").value_or(now - 3'600'000);
        if (to <= from || to - from > 31LL * 86'400'000) {
            co_await responder.send(
                error(400, "from_ms must be before to_ms, at most 31 days apart.", "invalid_range"));
            co_return;
        }
        json::array points;
        for (const auto& row : m_core.store().usageSeries(id, from, to)) {
            json::object p;
            p["minute_ms"] = row.minuteMs;
            p["requests"] = row.requests;
            p["prompt_tokens"] = row.promptTokens;
            p["completion_tokens"] = row.completionTokens;
            p["rejected"] = row.rejected;
            points.push_back(std::move(p));
        }
        json::object o;
        o["client"] = id;
        o["points"] = std::move(points);
        co_await responder.send(jsonResponse(o));
    }

    /// The gateway's per-minute totals over all clients (the console back-fills its fleet charts from it). time_ms
    /// is the gateway's clock when the range was read: usage until then is in the points, later usage is not.
    awaitable<void> fleetUsage(const HttpRequest& request, Responder& responder, const AdminTokenRecord&)
    {
        const auto now = nowMs();
        const std::optional<HttpResponse> invalid = usageRangeError(request.query, now);
        if (invalid) {
            co_await responder.send(*invalid);
            co_return;
        }
        const auto to = queryInt(request.query, "to_ms").value_or(now + 1);
        const auto from = queryInt(request.query, "from_ms").value_or(now - 3'600'000);
        json::array points;
        for (const auto& row : m_core.store().fleetUsageSeries(from, to)) {
            json::object p;
            p["minute_ms"] = row.minuteMs;
            p["requests"] = row.requests;
            p["prompt_tokens"] = row.promptTokens;
            p["completion_tokens"] = row.completionTokens;
            p["rejected"] = row.rejected;
            points.push_back(std::move(p));
        }
        json::object o;
        o["gateway_id"] = m_core.gatewayId();
        o["time_ms"] = now;
        o["points"] = std::move(points);
        co_await responder.send(jsonResponse(o));
    }

    awaitable<void> clientRisk(const HttpRequest& request, Responder& responder, const AdminTokenRecord&)
    {
        const std::string id(request.pathParam("client").value_or(""));
        const auto now = nowMs();
        auto view = m_core.clientView(id, now);
        if (!view) {
            co_await responder.send(error(404, "No client '" + id + "' is known to this gateway.", "client_not_found"));
            co_return;
        }
        json::object o;
        o["client"] = id;
        o["score"] = std::round(view->score * 10) / 10;
        o["action"] = std::string(risk::actionName(view->action));
        o["pinned"] = view->pinned;
        o["contributions"] = contributionsJson(view->contributions, view->score);
        json::array history;
        const auto from = queryInt(request.query, "from_ms").value_or(now - 30LL * 86'400'000);
        for (const auto& p : m_core.store().riskHistory(id, from)) {
            json::object h;
            h["time_ms"] = p.timeMs;
            h["score"] = p.score;
            h["action"] = p.action;
            history.push_back(std::move(h));
        }
        o["history"] = std::move(history);
        co_await responder.send(jsonResponse(o));
    }

    /// PUT/DELETE of one client override kind.
    template <typename Policy, typename FromJson, typename Getter, typename Setter>
    awaitable<void> clientPolicy(const HttpRequest& request, Responder& responder, const AdminTokenRecord& actor,
                                 std::string kind, FromJson fromJson, Getter get, Setter set)
    {
        const std::string id(request.pathParam("client").value_or(""));
        if (!validClientId(id)) {
            co_await responder.send(error(400, "Invalid client id.", "invalid_client", "client"));
            co_return;
        }
        const auto before = get(id);
        const std::string beforeJson = before ? inspect::toJson(*before) : std::string();
        if (request.method == "DELETE") {
            set(id, std::nullopt);
            audit(actor, "clear_" + kind, "client:" + id, beforeJson, {}, "ok");
            json::object cleared;
            cleared["client"] = id;
            cleared["override"] = nullptr;
            co_await responder.send(jsonResponse(cleared));
            co_return;
        }
        std::string problem;
        auto parsed = fromJson(request.body, &problem);
        if (!parsed) {
            audit(actor, "set_" + kind, "client:" + id, beforeJson, request.body.substr(0, 4096),
                  "refused: " + problem);
            co_await responder.send(error(400, problem, "invalid_policy"));
            co_return;
        }
        set(id, std::optional<Policy>(*parsed));
        const auto afterJson = inspect::toJson(*parsed);
        audit(actor, "set_" + kind, "client:" + id, beforeJson, afterJson, "ok");
        json::object o;
        o["client"] = id;
        o["override"] = parsedPolicy(afterJson);
        co_await responder.send(jsonResponse(o));
    }

    /// The client's overrides (null where the default applies) and the policies in force for it.
    awaitable<void> clientPolicies(const HttpRequest& request, Responder& responder, const AdminTokenRecord&)
    {
        const std::string id(request.pathParam("client").value_or(""));
        if (!validClientId(id)) {
            co_await responder.send(error(400, "Invalid client id.", "invalid_client", "client"));
            co_return;
        }
        const auto limits = m_core.clientLimits(id);
        const auto output = m_core.clientOutput(id);
        const auto watermark = m_core.clientWatermark(id);
        const auto defaults = m_core.defaults();
        json::object overrides;
        overrides["limits"] = limits ? parsedPolicy(inspect::toJson(*limits)) : json::value(nullptr);
        overrides["output"] = output ? parsedPolicy(inspect::toJson(*output)) : json::value(nullptr);
        overrides["watermark"] = watermark ? parsedPolicy(inspect::toJson(*watermark)) : json::value(nullptr);
        json::object effective;
        effective["limits"] = parsedPolicy(inspect::toJson(limits ? *limits : defaults.limits));
        effective["output"] = parsedPolicy(inspect::toJson(output ? *output : defaults.output));
        effective["watermark"] = parsedPolicy(inspect::toJson(watermark ? *watermark : defaults.watermark));
        effective["risk"] = parsedPolicy(inspect::toJson(defaults.risk));
        json::object o;
        o["client"] = id;
        o["overrides"] = std::move(overrides);
        o["effective"] = std::move(effective);
        co_await responder.send(jsonResponse(o));
    }

    awaitable<void> clientLimits(const HttpRequest& r, Responder& s, const AdminTokenRecord& a)
    {
        co_await clientPolicy<policy::LimitPolicy>(
            r, s, a, "limits", [](std::string_view t, std::string* e) { return inspect::limitsFromJson(t, e); },
            [this](const std::string& id) { return m_core.clientLimits(id); },
            [this](const std::string& id, const std::optional<policy::LimitPolicy>& p) {
                m_core.setClientLimits(id, p);
            });
    }
    awaitable<void> clientOutput(const HttpRequest& r, Responder& s, const AdminTokenRecord& a)
    {
        co_await clientPolicy<policy::OutputPolicy>(
            r, s, a, "output_policy",
            [](std::string_view t, std::string* e) { return inspect::outputPolicyFromJson(t, e); },
            [this](const std::string& id) { return m_core.clientOutput(id); },
            [this](const std::string& id, const std::optional<policy::OutputPolicy>& p) {
                m_core.setClientOutput(id, p);
            });
    }
    awaitable<void> clientWatermark(const HttpRequest& r, Responder& s, const AdminTokenRecord& a)
    {
        co_await clientPolicy<policy::WatermarkPolicy>(
            r, s, a, "watermark_policy",
            [](std::string_view t, std::string* e) { return inspect::watermarkPolicyFromJson(t, e); },
            [this](const std::string& id) { return m_core.clientWatermark(id); },
            [this](const std::string& id, const std::optional<policy::WatermarkPolicy>& p) {
                m_core.setClientWatermark(id, p);
            });
    }

    awaitable<void> keyLimits(const HttpRequest& request, Responder& responder, const AdminTokenRecord& actor)
    {
        const std::string id(request.pathParam("id").value_or(""));
        if (!m_core.keys().find(id)) {
            co_await responder.send(error(404, "No key '" + id + "'.", "key_not_found"));
            co_return;
        }
        const auto before = m_core.keyLimits(id);
        const std::string beforeJson = before ? inspect::toJson(*before) : std::string();
        if (request.method == "DELETE") {
            m_core.setKeyLimits(id, std::nullopt);
            audit(actor, "clear_key_limits", "key:" + id, beforeJson, {}, "ok");
            json::object cleared;
            cleared["key"] = id;
            cleared["override"] = nullptr;
            co_await responder.send(jsonResponse(cleared));
            co_return;
        }
        std::string problem;
        auto parsed = inspect::limitsFromJson(request.body, &problem);
        if (!parsed) {
            audit(actor, "set_key_limits", "key:" + id, beforeJson, request.body.substr(0, 4096),
                  "refused: " + problem);
            co_await responder.send(error(400, problem, "invalid_policy"));
            co_return;
        }
        m_core.setKeyLimits(id, *parsed);
        const auto afterJson = inspect::toJson(*parsed);
        audit(actor, "set_key_limits", "key:" + id, beforeJson, afterJson, "ok");
        json::object o;
        o["key"] = id;
        o["override"] = parsedPolicy(afterJson);
        co_await responder.send(jsonResponse(o));
    }

    awaitable<void> clientAction(const HttpRequest& request, Responder& responder, const AdminTokenRecord& actor)
    {
        const std::string id(request.pathParam("client").value_or(""));
        HttpResponse failure;
        auto body = objectBody(request, failure);
        if (!body) {
            co_await responder.send(std::move(failure));
            co_return;
        }
        const auto* a = body->if_contains("action");
        const auto* r = body->if_contains("reason");
        std::optional<risk::Action> action;
        if (a && a->is_string()) {
            action = parseAction(a->as_string());
        }
        if (!validClientId(id)) {
            co_await responder.send(error(400, "Invalid client id.", "invalid_client", "client"));
            co_return;
        }
        if (!action) {
            co_await responder.send(error(400, "'action' must be one of throttle, block, strip_logits, clear.",
                                          "invalid_action", "action"));
            co_return;
        }
        if (!r || !r->is_string() || r->as_string().empty() || r->as_string().size() > 1000) {
            co_await responder.send(error(400, "A 'reason' (1 to 1000 characters) is required for a manual action.",
                                          "reason_required", "reason"));
            co_return;
        }
        const bool clear = a->as_string() == "clear";
        const auto before = std::string("{\"action\":\"") + std::string(risk::actionName(m_core.actionFor(id))) + "\"}";
        m_core.pinAction(id, clear ? std::nullopt : action, std::string(r->as_string()),
                         actor.id + " (" + actor.name + ")");
        const auto after = std::string("{\"action\":\"") + std::string(risk::actionName(m_core.actionFor(id)))
                           + "\",\"pinned\":" + (clear ? "false" : "true") + "}";
        audit(actor, clear ? "clear_action" : "pin_action", "client:" + id, before, after, "ok");
        json::object o;
        o["client"] = id;
        o["action"] = std::string(risk::actionName(m_core.actionFor(id)));
        o["pinned"] = !clear;
        co_await responder.send(jsonResponse(o));
    }

    awaitable<void> listKeys(const HttpRequest& request, Responder& responder, const AdminTokenRecord&)
    {
        json::array keys;
        for (const auto& k : m_core.keys().list(queryString(request.query, "client"))) {
            auto o = keyJson(k);
            const auto limits = m_core.keyLimits(k.id);
            o["limits"] = limits ? parsedPolicy(inspect::toJson(*limits)) : json::value(nullptr);
            keys.push_back(std::move(o));
        }
        json::object o;
        o["keys"] = std::move(keys);
        co_await responder.send(jsonResponse(o));
    }

    /// Reads the optional key fields of a create/patch body; sends 400 on a wrong type.
    static bool readKeyFields(const json::object& body, KeyPatch& patch, std::string& problem)
    {
        auto strings = [&](const char* name, std::optional<std::vector<std::string>>& out) {
            const auto* v = body.if_contains(name);
            if (!v) {
                return true;
            }
            if (!v->is_array()) {
                problem = std::string("'") + name + "' must be an array of strings.";
                return false;
            }
            std::vector<std::string> list;
            for (const auto& s : v->as_array()) {
                if (!s.is_string()) {
                    problem = std::string("'") + name + "' must be an array of strings.";
                    return false;
                }
                list.emplace_back(s.as_string());
            }
            out = std::move(list);
            return true;
        };
        if (const auto* n = body.if_contains("name")) {
            if (!n->is_string()) {
                problem = "'name' must be a string.";
                return false;
            }
            patch.name = std::string(n->as_string());
        }
        if (const auto* e = body.if_contains("expires_ms")) {
            if (e->is_null()) {
                patch.expiresMs = std::optional<std::int64_t>();
            } else if (e->is_int64() && e->as_int64() > 0) {
                patch.expiresMs = std::optional<std::int64_t>(e->as_int64());
            } else {
                problem = "'expires_ms' must be a positive integer (ms since the epoch) or null.";
                return false;
            }
        }
        return strings("models", patch.models) && strings("endpoints", patch.endpoints);
    }

    awaitable<void> createKey(const HttpRequest& request, Responder& responder, const AdminTokenRecord& actor)
    {
        HttpResponse failure;
        auto body = objectBody(request, failure);
        if (!body) {
            co_await responder.send(std::move(failure));
            co_return;
        }
        KeyPatch patch;
        std::string problem;
        const auto* c = body->if_contains("client");
        if (!c || !c->is_string()) {
            problem = "'client' (string) is required.";
        } else {
            readKeyFields(*body, patch, problem);
        }
        if (!problem.empty()) {
            co_await responder.send(error(400, problem, "invalid_key_spec"));
            co_return;
        }
        KeySpec spec;
        spec.clientId = std::string(c->as_string());
        spec.name = patch.name.value_or("");
        spec.expiresMs = patch.expiresMs.value_or(std::nullopt);
        spec.models = patch.models.value_or(std::vector<std::string> {});
        spec.endpoints = patch.endpoints.value_or(std::vector<std::string> {});
        IssuedKey issued;
        try {
            issued = m_core.keys().create(spec, nowMs());
        } catch (const std::invalid_argument& e) {
            problem = e.what();
        }
        if (!problem.empty()) {
            audit(actor, "create_key", "client:" + spec.clientId, {}, {}, "refused: " + problem);
            co_await responder.send(error(400, problem, "invalid_key_spec"));
            co_return;
        }
        const auto record = keyJson(issued.record);
        audit(actor, "create_key", "key:" + issued.record.id, {}, json::serialize(record), "ok");
        json::object o;
        o["key"] = record;
        o["secret"] = issued.secret;
        co_await responder.send(jsonResponse(o, 201));
    }

    awaitable<void> patchKey(const HttpRequest& request, Responder& responder, const AdminTokenRecord& actor)
    {
        const std::string id(request.pathParam("id").value_or(""));
        HttpResponse failure;
        auto body = objectBody(request, failure);
        if (!body) {
            co_await responder.send(std::move(failure));
            co_return;
        }
        const auto before = m_core.keys().find(id);
        if (!before) {
            co_await responder.send(error(404, "No key '" + id + "'.", "key_not_found"));
            co_return;
        }
        KeyPatch patch;
        std::string problem;
        for (const auto& [name, value] : *body) {
            if (name != "name" && name != "expires_ms" && name != "models" && name != "endpoints") {
                problem = "Unknown field '" + std::string(name) + "'.";
            }
        }
        if (problem.empty()) {
            readKeyFields(*body, patch, problem);
        }
        std::optional<ApiKeyRecord> after;
        if (problem.empty()) {
            try {
                after = m_core.keys().update(id, patch);
            } catch (const std::invalid_argument& e) {
                problem = e.what();
            }
        }
        if (!problem.empty()) {
            audit(actor, "update_key", "key:" + id, json::serialize(keyJson(*before)), {}, "refused: " + problem);
            co_await responder.send(error(400, problem, "invalid_key_spec"));
            co_return;
        }
        audit(actor, "update_key", "key:" + id, json::serialize(keyJson(*before)), json::serialize(keyJson(*after)),
              "ok");
        co_await responder.send(jsonResponse(keyJson(*after)));
    }

    awaitable<void> rotateKey(const HttpRequest& request, Responder& responder, const AdminTokenRecord& actor)
    {
        const std::string id(request.pathParam("id").value_or(""));
        std::int64_t graceSeconds = 3600;
        if (!request.body.empty()) {
            HttpResponse failure;
            auto body = objectBody(request, failure);
            if (!body) {
                co_await responder.send(std::move(failure));
                co_return;
            }
            if (const auto* g = body->if_contains("grace_seconds")) {
                if (!g->is_int64() || g->as_int64() < 0 || g->as_int64() > 30LL * 86400) {
                    co_await responder.send(error(400,
                                                  "'grace_seconds' must be an integer from 0 to 2592000 (30 days).",
                                                  "invalid_grace", "grace_seconds"));
                    co_return;
                }
                graceSeconds = g->as_int64();
            }
        }
        auto rotated = m_core.keys().rotate(id, graceSeconds * 1000, nowMs());
        if (!rotated) {
            co_await responder.send(error(404, "No active key '" + id + "' to rotate.", "key_not_found"));
            co_return;
        }
        auto old = m_core.keys().find(id);
        audit(actor, "rotate_key", "key:" + id, {}, json::serialize(keyJson(rotated->record)), "ok");
        json::object o;
        o["key"] = keyJson(rotated->record);
        o["secret"] = rotated->secret;
        o["old"] = old ? json::value(keyJson(*old)) : json::value(nullptr);
        co_await responder.send(jsonResponse(o));
    }

    awaitable<void> revokeKey(const HttpRequest& request, Responder& responder, const AdminTokenRecord& actor)
    {
        const std::string id(request.pathParam("id").value_or(""));
        const auto before = m_core.keys().find(id);
        if (!before) {
            co_await responder.send(error(404, "No key '" + id + "'.", "key_not_found"));
            co_return;
        }
        m_core.keys().revoke(id, nowMs());
        auto after = m_core.keys().find(id);
        audit(actor, "revoke_key", "key:" + id, json::serialize(keyJson(*before)), json::serialize(keyJson(*after)),
              "ok");
        co_await responder.send(jsonResponse(keyJson(*after)));
    }

    awaitable<void> revokeClientKeys(const HttpRequest& request, Responder& responder, const AdminTokenRecord& actor)
    {
        const std::string id(request.pathParam("client").value_or(""));
        const auto n = m_core.keys().revokeClient(id, nowMs());
        audit(actor, "revoke_client_keys", "client:" + id, {}, "{\"revoked\":" + std::to_string(n) + "}", "ok");
        json::object o;
        o["revoked"] = n;
        co_await responder.send(jsonResponse(o));
    }

    json::object defaultsJson()
    {
        const auto d = m_core.defaults();
        json::object o;
        o["limits"] = parsedPolicy(inspect::toJson(d.limits));
        o["output"] = parsedPolicy(inspect::toJson(d.output));
        o["watermark"] = parsedPolicy(inspect::toJson(d.watermark));
        o["risk"] = parsedPolicy(inspect::toJson(d.risk));
        return o;
    }

    awaitable<void> getDefaults(const HttpRequest&, Responder& responder, const AdminTokenRecord&)
    {
        co_await responder.send(jsonResponse(defaultsJson()));
    }

    awaitable<void> putDefaults(const HttpRequest& request, Responder& responder, const AdminTokenRecord& actor)
    {
        HttpResponse failure;
        auto body = objectBody(request, failure);
        if (!body) {
            co_await responder.send(std::move(failure));
            co_return;
        }
        auto next = m_core.defaults();
        std::string problem;
        for (const auto& [name, value] : *body) {
            const auto text = json::serialize(value);
            if (name == "limits") {
                if (auto p = inspect::limitsFromJson(text, &problem)) {
                    next.limits = *p;
                }
            } else if (name == "output") {
                if (auto p = inspect::outputPolicyFromJson(text, &problem)) {
                    next.output = *p;
                }
            } else if (name == "watermark") {
                if (auto p = inspect::watermarkPolicyFromJson(text, &problem)) {
                    next.watermark = *p;
                }
            } else if (name == "risk") {
                if (auto p = inspect::riskPolicyFromJson(text, &problem)) {
                    next.risk = *p;
                }
            } else {
                problem = "Unknown policy section '" + std::string(name) + "'.";
            }
            if (!problem.empty()) {
                problem = std::string(name) + ": " + problem;
                break;
            }
        }
        const auto before = json::serialize(defaultsJson());
        if (!problem.empty()) {
            audit(actor, "set_default_policies", "default", before, request.body.substr(0, 4096),
                  "refused: " + problem);
            co_await responder.send(error(400, problem, "invalid_policy"));
            co_return;
        }
        m_core.setDefaults(next);
        const auto after = defaultsJson();
        audit(actor, "set_default_policies", "default", before, json::serialize(after), "ok");
        co_await responder.send(jsonResponse(after));
    }

    awaitable<void> watermarkSecret(const HttpRequest&, Responder& responder, const AdminTokenRecord& actor)
    {
        audit(actor, "export_watermark_secret", "watermark", {}, {}, "ok");
        json::object o;
        o["gateway_id"] = m_core.gatewayId();
        o["key"] = watermark::serializeGatewayKey(m_core.watermarkKey());
        co_await responder.send(jsonResponse(o));
    }

    awaitable<void> auditLog(const HttpRequest& request, Responder& responder, const AdminTokenRecord&)
    {
        const auto after = queryInt(request.query, "after_id").value_or(0);
        const auto limit = std::clamp<std::int64_t>(queryInt(request.query, "limit").value_or(500), 1, 5000);
        json::array entries;
        for (const auto& r : m_core.store().listAudit(after, static_cast<std::size_t>(limit))) {
            json::object e;
            e["id"] = r.id;
            e["time_ms"] = r.timeMs;
            e["actor"] = r.actor;
            e["action"] = r.action;
            e["target"] = r.target;
            e["before"] = parsedPolicy(r.beforeJson);
            e["after"] = parsedPolicy(r.afterJson);
            e["result"] = r.result;
            entries.push_back(std::move(e));
        }
        json::object o;
        o["entries"] = std::move(entries);
        co_await responder.send(jsonResponse(o));
    }

    awaitable<void> ackAlert(const HttpRequest& request, Responder& responder, const AdminTokenRecord& actor)
    {
        const auto idText = request.pathParam("id").value_or("");
        std::uint64_t id = 0;
        auto [p, ec] = std::from_chars(idText.data(), idText.data() + idText.size(), id);
        if (ec != std::errc() || p != idText.data() + idText.size() || !m_core.acknowledgeAlert(id)) {
            co_await responder.send(error(404, "No alert '" + std::string(idText) + "'.", "alert_not_found"));
            co_return;
        }
        audit(actor, "ack_alert", "alert:" + std::string(idText), {}, {}, "ok");
        json::object o;
        o["id"] = id;
        o["acknowledged"] = true;
        co_await responder.send(jsonResponse(o));
    }

    /// Server-Sent Events: everything after Last-Event-ID (or from now), `resync` when that id is too old.
    awaitable<void> eventStream(const HttpRequest& request, Responder& responder, const AdminTokenRecord&)
    {
        std::uint64_t lastId = m_core.events().lastId();
        std::string_view given = request.header("last-event-id").value_or(std::string_view {});
        if (given.empty()) {
            if (auto q = queryString(request.query, "last_event_id")) {
                given = *q == "" ? given : std::string_view(*q);
                std::uint64_t v = 0;
                auto [p, ec] = std::from_chars(q->data(), q->data() + q->size(), v);
                if (ec == std::errc() && p == q->data() + q->size()) {
                    lastId = v;
                }
                given = {};
            }
        } else {
            std::uint64_t v = 0;
            auto [p, ec] = std::from_chars(given.data(), given.data() + given.size(), v);
            if (ec != std::errc() || p != given.data() + given.size()) {
                co_await responder.send(
                    error(400, "Last-Event-ID must be an event id (a decimal number).", "invalid_last_event_id"));
                co_return;
            }
            lastId = v;
        }
        if (!co_await responder.beginStream(200, "text/event-stream")) {
            co_return;
        }
        // The first line tells the client the stream is up (and lets proxies flush).
        if (!co_await responder.writeChunk(": modelguard-gateway events\nretry: 2000\n\n")) {
            co_return;
        }
        auto lastWrite = std::chrono::steady_clock::now();
        for (;;) {
            auto read = m_core.events().readAfter(lastId, 512);
            std::string out;
            if (read.gap) {
                // What the client missed is gone: it re-syncs from the snapshot (whose last_event_id is at least
                // the current one) and then needs only what comes after now.
                out += "event: resync\ndata: {\"reason\":\"gap\"}\n\n";
                lastId = m_core.events().lastId();
                read.events.clear();
            }
            for (const auto& e : read.events) {
                out += EventHub::formatSse(e);
                lastId = e.id;
            }
            const auto now = std::chrono::steady_clock::now();
            if (out.empty() && now - lastWrite >= std::chrono::seconds(15)) {
                out = ": keep-alive\n\n";
            }
            if (!out.empty()) {
                if (!co_await responder.writeChunk(out)) {
                    co_return;
                }
                lastWrite = now;
            }
            if (read.events.size() < 512 && !co_await responder.sleepFor(std::chrono::milliseconds(100))) {
                co_return;
            }
        }
    }

    Core& m_core;
    std::atomic<std::int64_t> m_lastReload {0};
};

void AdminApi::registerRoutes(http::Router& router)
{
    router.add("GET", "/admin/v1/health", [this](const HttpRequest& r, Responder& s) { return health(r, s); });
    router.add("GET", "/healthz", [this](const HttpRequest& r, Responder& s) { return health(r, s); });
    router.add("GET", "/metrics", [this](const HttpRequest& r, Responder& s) { return metrics(r, s); });
    const bool read = false;
    const bool write = true;
    router.add("GET", "/admin/v1/whoami", guarded(&AdminApi::whoami, read));
    router.add("GET", "/admin/v1/snapshot", guarded(&AdminApi::snapshot, read));
    router.add("GET", "/admin/v1/events", guarded(&AdminApi::eventStream, read));
    router.add("GET", "/admin/v1/usage", guarded(&AdminApi::fleetUsage, read));
    router.add("GET", "/admin/v1/clients", guarded(&AdminApi::clients, read));
    router.add("GET", "/admin/v1/clients/{client}", guarded(&AdminApi::client, read));
    router.add("GET", "/admin/v1/clients/{client}/usage", guarded(&AdminApi::clientUsage, read));
    router.add("GET", "/admin/v1/clients/{client}/risk", guarded(&AdminApi::clientRisk, read));
    router.add("GET", "/admin/v1/clients/{client}/policies", guarded(&AdminApi::clientPolicies, read));
    for (const char* method : {"PUT", "DELETE"}) {
        router.add(method, "/admin/v1/clients/{client}/limits", guarded(&AdminApi::clientLimits, write));
        router.add(method, "/admin/v1/clients/{client}/output-policy", guarded(&AdminApi::clientOutput, write));
        router.add(method, "/admin/v1/clients/{client}/watermark-policy", guarded(&AdminApi::clientWatermark, write));
    }
    router.add("POST", "/admin/v1/clients/{client}/action", guarded(&AdminApi::clientAction, write));
    router.add("POST", "/admin/v1/clients/{client}/revoke-keys", guarded(&AdminApi::revokeClientKeys, write));
    router.add("GET", "/admin/v1/keys", guarded(&AdminApi::listKeys, read));
    router.add("POST", "/admin/v1/keys", guarded(&AdminApi::createKey, write));
    router.add("PATCH", "/admin/v1/keys/{id}", guarded(&AdminApi::patchKey, write));
    router.add("DELETE", "/admin/v1/keys/{id}", guarded(&AdminApi::revokeKey, write));
    router.add("POST", "/admin/v1/keys/{id}/rotate", guarded(&AdminApi::rotateKey, write));
    router.add("PUT", "/admin/v1/keys/{id}/limits", guarded(&AdminApi::keyLimits, write));
    router.add("DELETE", "/admin/v1/keys/{id}/limits", guarded(&AdminApi::keyLimits, write));
    router.add("GET", "/admin/v1/policies/default", guarded(&AdminApi::getDefaults, read));
    router.add("PUT", "/admin/v1/policies/default", guarded(&AdminApi::putDefaults, write));
    router.add("GET", "/admin/v1/watermark/secret", guarded(&AdminApi::watermarkSecret, write));
    router.add("GET", "/admin/v1/audit", guarded(&AdminApi::auditLog, read));
    router.add("POST", "/admin/v1/alerts/{id}/ack", guarded(&AdminApi::ackAlert, write));
}

} // namespace

std::shared_ptr<void> registerAdminApi(http::Router& router, Core& core)
{
    auto api = std::make_shared<AdminApi>(core);
    api->registerRoutes(router);
    return api;
}

} // namespace modelguard::gateway::detail
