// The data plane: authenticate, apply the risk action, inspect and rewrite the request under the output policy,
// admit it against rate limits and reserve its worst case against the quotas, proxy it upstream (streaming or not),
// watermark and filter the response, settle the real usage, and feed the risk engine. See docs/gateway.md.
#include "services/common/OpenAiError.h"
#include "services/gateway/detail/Planes.h"
#include "services/gateway/inspect/RequestInspector.h"
#include "services/gateway/inspect/ResponseTransformer.h"

#include <boost/asio/experimental/awaitable_operators.hpp>
#include <boost/json.hpp>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cmath>
#include <variant>

namespace modelguard::gateway::detail {

namespace {

using boost::asio::awaitable;
using http::HeaderField;
using http::HttpRequest;
using http::HttpResponse;
using http::Responder;
using namespace boost::asio::experimental::awaitable_operators;

std::string_view upstreamPath(inspect::Endpoint e)
{
    switch (e) {
    case inspect::Endpoint::Chat:
        return "/v1/chat/completions";
    case inspect::Endpoint::Completions:
        return "/v1/completions";
    case inspect::Endpoint::Embeddings:
        return "/v1/embeddings";
    }
    return "/v1/chat/completions";
}

std::string authMessage(AuthStatus s)
{
    switch (s) {
    case AuthStatus::Missing:
        return "You didn't provide an API key. Send it in the Authorization header as 'Bearer mg_...'.";
    case AuthStatus::Malformed:
        return "Incorrect API key format. ModelGuard keys look like 'mg_<id>_<secret>'.";
    case AuthStatus::Revoked:
        return "This API key has been revoked.";
    case AuthStatus::Expired:
        return "This API key has expired.";
    case AuthStatus::Unknown:
    case AuthStatus::Ok:
        break;
    }
    return "Incorrect API key provided.";
}

std::string authCode(AuthStatus s)
{
    switch (s) {
    case AuthStatus::Missing:
        return "missing_api_key";
    case AuthStatus::Revoked:
        return "revoked_api_key";
    case AuthStatus::Expired:
        return "expired_api_key";
    default:
        return "invalid_api_key";
    }
}

/// The key id requests authenticated by a JWT are accounted under (API key ids are 10 base32 characters).
constexpr std::string_view kJwtKeyId = "jwt";

/// The credential of an Authorization header: what follows "Bearer " (any case), trimmed.
std::string_view bearerValue(std::string_view header)
{
    const auto trim = [](std::string_view s) {
        while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) {
            s.remove_prefix(1);
        }
        while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) {
            s.remove_suffix(1);
        }
        return s;
    };
    header = trim(header);
    if (header.size() > 6 && (header[6] == ' ' || header[6] == '\t')) {
        std::string scheme(header.substr(0, 6));
        std::transform(scheme.begin(), scheme.end(), scheme.begin(),
                       [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        if (scheme == "bearer") {
            return trim(header.substr(7));
        }
    }
    return header;
}

/// x-ratelimit-* headers of a decision (OpenAI's names; reset as a duration like "1.5s").
void addRateHeaders(std::vector<HeaderField>& headers, const policy::Decision& d, std::string_view what)
{
    const auto resetIn = std::max<std::int64_t>(0, d.resetMs - nowMs());
    if (d.limit <= 0) {
        return;
    }
    headers.emplace_back("x-ratelimit-limit-" + std::string(what), std::to_string(d.limit));
    headers.emplace_back("x-ratelimit-remaining-" + std::string(what),
                         std::to_string(std::max<std::int64_t>(0, d.remaining)));
    char reset[32];
    std::snprintf(reset, sizeof reset, "%.3fs", static_cast<double>(resetIn) / 1000.0);
    headers.emplace_back("x-ratelimit-reset-" + std::string(what), reset);
}

HttpResponse tooMany(const policy::Decision& d, std::string message, std::string code)
{
    auto response = http::openAiError(429, message, code);
    const auto seconds = std::max<std::int64_t>(1, (d.retryAfterMs + 999) / 1000);
    response.headers.emplace_back("Retry-After", std::to_string(seconds));
    response.headers.emplace_back("retry-after-ms", std::to_string(std::max<std::int64_t>(0, d.retryAfterMs)));
    addRateHeaders(response.headers, d, code.find("token") != std::string::npos ? "tokens" : "requests");
    return response;
}

std::string limitMessage(const policy::Decision& d)
{
    const auto& r = d.reason;
    if (r == "tokens_per_day" || r == "tokens_per_month" || r == "requests_per_day") {
        return "You exceeded your quota (" + r + ", limit " + std::to_string(d.limit)
               + "). It resets at the start of the next UTC " + (r == "tokens_per_month" ? "month." : "day.");
    }
    return "Rate limit reached (" + r + ", limit " + std::to_string(d.limit) + "). Please try again in "
           + std::to_string(std::max<std::int64_t>(1, (d.retryAfterMs + 999) / 1000)) + "s.";
}

/// Waits until the client has gone (the session cancels the Responder); never returns while it is connected. As the
/// losing side of an `||` race it is cancelled once per request: it then returns instead of letting the next co_await
/// throw operation_aborted (an exception per request, unwound through the coroutine frames, cost a few per cent).
awaitable<void> untilClientGone(Responder& responder)
{
    const boost::asio::cancellation_state cancellation = co_await boost::asio::this_coro::cancellation_state;
    // (No temporaries in the co_await expression: GCC 12 destroys them too early inside a loop condition.)
    const std::chrono::milliseconds hour(3'600'000);
    for (;;) {
        const bool connected = co_await responder.sleepFor(hour);
        if (!connected || cancellation.cancelled() != boost::asio::cancellation_type::none) {
            co_return;
        }
    }
}

class DataPlane
{
public:
    DataPlane(Core& core, http::HttpClient& upstream, std::string upstreamKey)
        : m_core(core)
        , m_upstream(upstream)
        , m_upstreamKey(std::move(upstreamKey))
    { }

    awaitable<void> proxy(inspect::Endpoint endpoint, const HttpRequest& request, Responder& responder);
    awaitable<void> models(const HttpRequest& request, Responder& responder);

private:
    /// Who is it: an API key ("Bearer mg_..."), or, when JWT bearer tokens are configured, a bearer value with two
    /// dots. A valid JWT stands for a synthetic key of its claim's client: id kJwtKeyId, no scopes, no limits of its
    /// own, so the client's limits, quotas, risk and watermark apply as for its API keys. Else the 401 to send.
    std::variant<std::shared_ptr<const ApiKeyRecord>, HttpResponse> authenticate(const HttpRequest& request,
                                                                                 std::int64_t now) const
    {
        const std::string_view header = request.header("authorization").value_or(std::string_view {});
        if (auto* jwt = m_core.jwt()) {
            const std::string_view token = bearerValue(header);
            if (!token.starts_with("mg_") && auth::JwtVerifier::looksLikeJwt(token)) {
                auto verified = jwt->verify(token, now);
                if (verified.status != auth::JwtStatus::Ok) {
                    return http::openAiError(401, verified.message, auth::jwtErrorCode(verified.status));
                }
                auto key = std::make_shared<ApiKeyRecord>();
                key->id = kJwtKeyId;
                key->clientId = std::move(verified.clientId);
                key->name = "JWT bearer token";
                return std::shared_ptr<const ApiKeyRecord>(std::move(key));
            }
        }
        auto result = m_core.keys().authenticate(header, now);
        if (result.status != AuthStatus::Ok) {
            return http::openAiError(401, authMessage(result.status), authCode(result.status));
        }
        return std::move(result.key);
    }

    std::vector<HeaderField> upstreamHeaders(bool stream) const
    {
        std::vector<HeaderField> h;
        h.emplace_back("Content-Type", "application/json");
        h.emplace_back("Accept", stream ? "text/event-stream" : "application/json");
        if (!m_upstreamKey.empty()) {
            h.emplace_back("Authorization", "Bearer " + m_upstreamKey);
        }
        return h;
    }

    /// Maps an upstream failure (no response, or a non-2xx one) to the status and message the client gets.
    HttpResponse upstreamFailure(const http::ClientError& error)
    {
        using K = http::ClientErrorKind;
        m_core.metrics()
            .counter("modelguard_upstream_errors_total", "Upstream failures, by kind",
                     {{"kind", std::string(errorKindName(error.kind))}})
            .inc();
        switch (error.kind) {
        case K::ConnectTimeout:
        case K::FirstByteTimeout:
        case K::IdleTimeout:
            return http::openAiError(504, "The upstream model server did not answer in time.", "upstream_timeout");
        default:
            return http::openAiError(
                502, "The upstream model server could not be reached or broke the connection (" + error.message + ").",
                "upstream_error");
        }
    }

    static std::string_view errorKindName(http::ClientErrorKind k)
    {
        using K = http::ClientErrorKind;
        switch (k) {
        case K::None:
            return "none";
        case K::Connect:
            return "connect";
        case K::ConnectTimeout:
            return "connect_timeout";
        case K::Tls:
            return "tls";
        case K::FirstByteTimeout:
            return "first_byte_timeout";
        case K::IdleTimeout:
            return "idle_timeout";
        case K::Reset:
            return "reset";
        case K::Protocol:
            return "protocol";
        case K::TooLarge:
            return "too_large";
        case K::Cancelled:
            return "cancelled";
        }
        return "other";
    }

    HttpResponse upstreamStatus(int status, std::string_view body)
    {
        m_core.metrics()
            .counter("modelguard_upstream_errors_total", "Upstream failures, by kind",
                     {{"kind", "status_" + std::to_string(status)}})
            .inc();
        // Client errors the upstream found in a request the gateway passed on are the client's: keep status and
        // message when the body is OpenAI-shaped. Authentication problems are the gateway's own configuration.
        if (status == 400 || status == 404 || status == 413 || status == 422 || status == 429) {
            std::error_code ec;
            auto v = boost::json::parse(body, ec);
            if (!ec && v.is_object() && v.as_object().contains("error")) {
                HttpResponse r;
                r.status = status == 422 ? 400 : status;
                r.body = boost::json::serialize(v);
                return r;
            }
            return http::openAiError(status == 422 ? 400 : status, "The upstream model server refused the request.",
                                     "upstream_refused");
        }
        if (status == 401 || status == 403) {
            return http::openAiError(502, "The upstream model server rejected the gateway's credentials.",
                                     "upstream_auth");
        }
        if (status == 504 || status == 408) {
            return http::openAiError(504, "The upstream model server timed out.", "upstream_timeout");
        }
        return http::openAiError(502, "The upstream model server failed (HTTP " + std::to_string(status) + ").",
                                 "upstream_error");
    }

    Core& m_core;
    http::HttpClient& m_upstream;
    std::string m_upstreamKey;
};

awaitable<void> DataPlane::proxy(inspect::Endpoint endpoint, const HttpRequest& request, Responder& responder)
{
    const auto started = std::chrono::steady_clock::now();
    auto& metrics = m_core.metrics();
    const std::string endpointLabel(inspect::endpointName(endpoint));
    metrics
        .counter("modelguard_requests_total", "Data-plane requests received, by endpoint",
                 {{"endpoint", endpointLabel}})
        .inc();
    const auto now = nowMs();

    // 1. Who is it?
    auto auth = authenticate(request, now);
    if (auto* refused = std::get_if<HttpResponse>(&auth)) {
        metrics
            .counter("modelguard_rejections_total", "Requests refused by the gateway, by reason", {{"reason", "auth"}})
            .inc();
        co_await responder.send(std::move(*refused));
        co_return;
    }
    const auto authenticated = std::get<std::shared_ptr<const ApiKeyRecord>>(std::move(auth));
    const ApiKeyRecord& key = *authenticated;
    const std::string& client = key.clientId;
    if (key.id != kJwtKeyId) {
        m_core.keys().noteUse(key.id, now);
    }
    if (!key.endpoints.empty()
        && std::find(key.endpoints.begin(), key.endpoints.end(), endpointLabel) == key.endpoints.end()) {
        m_core.noteRejected(client, key.id, "scope");
        co_await responder.send(http::openAiError(
            403, "This API key is not allowed to use the " + endpointLabel + " endpoint.", "endpoint_not_allowed"));
        co_return;
    }

    // 2. What does the risk engine (or an admin) say about this client?
    const auto action = m_core.actionFor(client);
    if (action == risk::Action::Block) {
        m_core.noteRejected(client, key.id, "blocked");
        co_await responder.send(http::openAiError(
            403, "Access for this client is suspended pending a security review. Contact the API provider.",
            "client_blocked"));
        co_return;
    }
    const auto policies = m_core.resolve(client, key.id);

    // 3. Is the request well-formed and allowed by the output policy?
    auto inspected = inspect::inspectRequest(endpoint, request.body, policies.output, policies.clientLimits,
                                             action >= risk::Action::StripLogits);
    if (auto* error = std::get_if<inspect::InspectError>(&inspected)) {
        if (error->record) {
            // Refused by the output policy: a probe all the same (e.g. logit_bias under a deny policy), so the risk
            // engine sees it like any refused request.
            error->record->time = now;
            error->record->clientId = client;
            error->record->keyId = key.id;
            error->record->sourceIp = request.remoteAddress;
            m_core.noteRefused(std::move(*error->record), "policy");
        } else {
            m_core.noteRejected(client, key.id, "invalid_request");
        }
        co_await responder.send(
            http::openAiError(error->status, error->message,
                              error->code.empty() ? std::nullopt : std::optional<std::string_view>(error->code),
                              error->param.empty() ? std::nullopt : std::optional<std::string_view>(error->param)));
        co_return;
    }
    auto& req = std::get<inspect::InspectedRequest>(inspected);
    if (!KeyRegistry::allows(key, req.model, endpointLabel)) {
        m_core.noteRejected(client, key.id, "scope");
        co_await responder.send(http::openAiError(
            403, "This API key is not allowed to use the model '" + req.model + "'.", "model_not_allowed", "model"));
        co_return;
    }

    // 4. Rate limits (throttle action first), then the worst case against tokens/min and the quotas. Refusals
    // from here on still feed the risk engine.
    req.record.time = now;
    req.record.clientId = client;
    req.record.keyId = key.id;
    req.record.sourceIp = request.remoteAddress;
    std::vector<HeaderField> rateHeaders;
    if (action == risk::Action::Throttle) {
        policy::RateLimits throttle;
        throttle.requestsPerSecond = policies.risk.throttleRequestsPerSecond;
        auto d = m_core.limiter().admitRequest("throttle:" + client, throttle, now);
        if (!d.allowed) {
            m_core.noteRefused(req.record, "risk_throttle");
            co_await responder.send(
                tooMany(d, "Requests from this client are being throttled by the provider's security policy.",
                        "risk_throttled"));
            co_return;
        }
    }
    const std::pair<std::string, const policy::LimitPolicy*> scopes[] = {
        {"client:" + client, &policies.clientLimits},
        {"key:" + key.id, policies.keyLimits ? &*policies.keyLimits : nullptr},
    };
    for (const auto& [scope, limits] : scopes) {
        if (!limits) {
            continue;
        }
        auto d = m_core.limiter().admitRequest(scope, limits->rate, now);
        if (!d.allowed) {
            m_core.noteRefused(req.record, d.reason);
            co_await responder.send(tooMany(d, limitMessage(d), "rate_limit_exceeded"));
            co_return;
        }
        addRateHeaders(rateHeaders, d, "requests");
    }
    const std::int64_t choices = std::max<std::int64_t>(1, req.choiceCount);
    const std::int64_t worstCase = req.promptBytes + req.effectiveMaxTokens * choices;
    if (policies.clientLimits.rate.tokensPerMinute > 0) {
        auto d = m_core.limiter().admitTokens("client:" + client, policies.clientLimits.rate, worstCase, now);
        if (!d.allowed) {
            m_core.noteRefused(req.record, d.reason);
            co_await responder.send(tooMany(d, limitMessage(d), "tokens_rate_limit_exceeded"));
            co_return;
        }
        addRateHeaders(rateHeaders, d, "tokens");
    }
    // A key with quotas of its own reserves against its own account ("key:<id>") as well as the client's.
    std::optional<policy::QuotaLedger::Reservation> keyReservation;
    if (policies.keyLimits) {
        auto keyReserved = m_core.ledger().reserve("key:" + key.id, policies.keyLimits->quota, worstCase, now);
        if (auto* d = std::get_if<policy::Decision>(&keyReserved)) {
            m_core.noteRefused(req.record, d->reason);
            co_await responder.send(tooMany(*d, limitMessage(*d), "insufficient_quota"));
            co_return;
        }
        keyReservation = std::get<policy::QuotaLedger::Reservation>(keyReserved);
    }
    auto reserved = m_core.ledger().reserve(client, policies.clientLimits.quota, worstCase, now);
    if (auto* d = std::get_if<policy::Decision>(&reserved)) {
        if (keyReservation) {
            m_core.ledger().settle(*keyReservation, 0, now);
        }
        m_core.noteRefused(req.record, d->reason);
        co_await responder.send(tooMany(*d, limitMessage(*d), "insufficient_quota"));
        co_return;
    }
    const auto reservation = std::get<policy::QuotaLedger::Reservation>(reserved);

    // From here on the reservation must be settled exactly once, whatever happens.
    std::int64_t promptTokens = 0;
    std::int64_t completionTokens = 0;
    bool served = false;
    auto settle = [&](bool usageKnown) {
        const auto end = nowMs();
        // Without a usage report (stream cut short) the worst case stays charged: a quota is never undercounted.
        const auto actual = usageKnown ? promptTokens + completionTokens : (served ? reservation.tokens : 0);
        m_core.ledger().settle(reservation, actual, end);
        if (keyReservation) {
            m_core.ledger().settle(*keyReservation, actual, end);
        }
        if (usageKnown && policies.clientLimits.rate.tokensPerMinute > 0) {
            m_core.limiter().addTokens("client:" + client, actual - worstCase, end);
        }
        req.record.time = end;
        req.record.clientId = client;
        req.record.keyId = key.id;
        req.record.sourceIp = request.remoteAddress;
        req.record.completed = served;
        req.record.promptTokens = static_cast<std::uint32_t>(std::max<std::int64_t>(0, promptTokens));
        req.record.completionTokens = static_cast<std::uint32_t>(std::max<std::int64_t>(0, completionTokens));
        if (!usageKnown && served) {
            promptTokens = 0;
            completionTokens = reservation.tokens;
        }
        m_core.noteServed(req.record, promptTokens, completionTokens);
        metrics.counter("modelguard_tokens_total", "Tokens served, by kind", {{"kind", "prompt"}})
            .inc(static_cast<double>(promptTokens));
        metrics.counter("modelguard_tokens_total", "Tokens served, by kind", {{"kind", "completion"}})
            .inc(static_cast<double>(completionTokens));
        metrics
            .histogram("modelguard_request_duration_seconds", "Time from request to the end of the response",
                       {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60},
                       {{"endpoint", endpointLabel}})
            .observe(std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count());
    };

    // 5. Upstream.
    auto exchangeOrGone = co_await (
        m_upstream.send("POST", std::string(upstreamPath(endpoint)), upstreamHeaders(req.stream), req.upstreamBody)
        || untilClientGone(responder));
    if (exchangeOrGone.index() == 1) {
        settle(false);
        co_return;
    }
    auto [exchange, error] = std::move(std::get<0>(exchangeOrGone));
    if (!exchange) {
        settle(false);
        co_await responder.send(upstreamFailure(error));
        co_return;
    }
    if (exchange->status() < 200 || exchange->status() >= 300) {
        auto body = co_await exchange->readAll();
        settle(false);
        co_await responder.send(upstreamStatus(exchange->status(), body.value_or(std::string())));
        co_return;
    }

    inspect::ResponseTransformer::EmbedderFactory factory;
    if (endpoint != inspect::Endpoint::Embeddings && policies.watermark.schemes != watermark::Scheme::None) {
        auto embedder = m_core.embedder(client, policies.watermark, now);
        factory = [embedder] { return embedder->stream(); };
    }
    inspect::ResponseTransformer transformer(endpoint, policies.output, std::move(factory),
                                             static_cast<std::uint64_t>(now) ^ std::hash<std::string> {}(key.id),
                                             req.clientIncludeUsage);

    if (!req.stream) {
        auto bodyOrGone = co_await (exchange->readAll() || untilClientGone(responder));
        if (bodyOrGone.index() == 1) {
            exchange->cancel();
            settle(false);
            co_return;
        }
        auto body = std::get<0>(std::move(bodyOrGone));
        if (!body) {
            settle(false);
            co_await responder.send(upstreamFailure(exchange->error()));
            co_return;
        }
        auto out = transformer.transformBody(*body);
        if (!out) {
            settle(false);
            metrics.counter("modelguard_upstream_errors_total", "Upstream failures, by kind", {{"kind", "garbage"}})
                .inc();
            co_await responder.send(http::openAiError(502, "The upstream model server returned an invalid response.",
                                                      "upstream_invalid_response"));
            co_return;
        }
        served = true;
        const auto usage = transformer.usage();
        promptTokens = usage.promptTokens;
        completionTokens = usage.completionTokens;
        HttpResponse response;
        response.body = std::move(*out);
        response.headers = std::move(rateHeaders);
        settle(usage.reported);
        co_await responder.send(std::move(response));
        co_return;
    }

    // Streaming: forward transformed events as they come; stop upstream as soon as the client is gone.
    if (!co_await responder.beginStream(200, "text/event-stream", std::move(rateHeaders))) {
        exchange->cancel();
        settle(false);
        co_return;
    }
    served = true;
    bool clientGone = false;
    for (;;) {
        auto pieceOrGone = co_await (exchange->read() || untilClientGone(responder));
        if (pieceOrGone.index() == 1) {
            exchange->cancel();
            clientGone = true;
            break;
        }
        auto piece = std::get<0>(std::move(pieceOrGone));
        if (!piece) {
            break;
        }
        auto out = transformer.pushStream(*piece);
        if (transformer.malformed()) {
            exchange->cancel();
            break;
        }
        if (!out.empty() && !co_await responder.writeChunk(out)) {
            exchange->cancel();
            clientGone = true;
            break;
        }
    }
    std::string tail;
    bool cut = false;
    if (!clientGone) {
        tail = transformer.finishStream();
        cut =
            exchange->error().kind != http::ClientErrorKind::None || transformer.malformed() || !transformer.sawDone();
    }
    // Settle before the client sees the end of the stream: what it reads next (its usage, its quota) is final.
    const auto usage = transformer.usage();
    promptTokens = usage.promptTokens;
    completionTokens = usage.completionTokens;
    settle(usage.reported);
    if (clientGone) {
        co_return;
    }
    if (cut) {
        metrics.counter("modelguard_upstream_errors_total", "Upstream failures, by kind", {{"kind", "stream_cut"}})
            .inc();
        tail += "data: "
                + http::openAiErrorJson("The upstream model server ended the stream early or sent an invalid event.",
                                        "server_error", std::nullopt, std::string_view("upstream_stream_error"))
                + "\n\n";
    }
    if (!tail.empty()) {
        co_await responder.writeChunk(tail);
    }
    co_await responder.endStream();
}

awaitable<void> DataPlane::models(const HttpRequest& request, Responder& responder)
{
    const auto now = nowMs();
    auto auth = authenticate(request, now);
    if (auto* refused = std::get_if<HttpResponse>(&auth)) {
        co_await responder.send(std::move(*refused));
        co_return;
    }
    const auto key = std::get<std::shared_ptr<const ApiKeyRecord>>(std::move(auth));
    auto [exchange, error] = co_await m_upstream.send("GET", "/v1/models", upstreamHeaders(false), std::string());
    if (!exchange) {
        co_await responder.send(upstreamFailure(error));
        co_return;
    }
    auto body = co_await exchange->readAll();
    if (exchange->status() != 200 || !body) {
        co_await responder.send(body ? upstreamStatus(exchange->status(), *body) : upstreamFailure(exchange->error()));
        co_return;
    }
    std::error_code ec;
    auto value = boost::json::parse(*body, ec);
    if (ec || !value.is_object() || !value.as_object().contains("data") || !value.as_object()["data"].is_array()) {
        co_await responder.send(http::openAiError(502, "The upstream model server returned an invalid model list.",
                                                  "upstream_invalid_response"));
        co_return;
    }
    if (!key->models.empty()) {
        auto& data = value.as_object()["data"].as_array();
        boost::json::array kept;
        for (auto& m : data) {
            if (m.is_object() && m.as_object().contains("id") && m.as_object()["id"].is_string()
                && KeyRegistry::allows(*key, std::string_view(m.as_object()["id"].as_string()), "models")) {
                kept.push_back(m);
            }
        }
        data = std::move(kept);
    }
    HttpResponse response;
    response.body = boost::json::serialize(value);
    co_await responder.send(std::move(response));
}

} // namespace

void registerDataPlane(http::Router& router, Core& core, http::HttpClient& upstream, std::string upstreamKey)
{
    auto plane = std::make_shared<DataPlane>(core, upstream, std::move(upstreamKey));
    router.add("POST", "/v1/chat/completions",
               [plane](const HttpRequest& r, Responder& s) { return plane->proxy(inspect::Endpoint::Chat, r, s); });
    router.add("POST", "/v1/completions", [plane](const HttpRequest& r, Responder& s) {
        return plane->proxy(inspect::Endpoint::Completions, r, s);
    });
    router.add("POST", "/v1/embeddings", [plane](const HttpRequest& r, Responder& s) {
        return plane->proxy(inspect::Endpoint::Embeddings, r, s);
    });
    router.add("GET", "/v1/models", [plane](const HttpRequest& r, Responder& s) { return plane->models(r, s); });
}

} // namespace modelguard::gateway::detail
