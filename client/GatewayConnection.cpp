// One gateway connection: REST + live events, see GatewayConnection.h.

#include "client/GatewayConnection.h"

#include "client/FleetStore.h"

#include <QCoroNetworkReply>
#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRandomGenerator>
#include <QSslCertificate>
#include <QSslKey>

#include <algorithm>
#include <cmath>

namespace modelguard::client {

namespace {

constexpr const char* kAbortedProperty = "mgAborted";   ///< set on replies aborted by us (stop/destruction)
constexpr const char* kTlsErrorProperty = "mgTlsError"; ///< a TLS failure's readable text
constexpr qint64 kMaxResponseBytes = 64 * 1024 * 1024;
constexpr std::chrono::milliseconds kMinBackoff {500};
constexpr std::chrono::milliseconds kMaxBackoff {30'000};
constexpr std::chrono::milliseconds kSlowRetry {60'000}; ///< after 401 / incompatible version

QString errorMessageFromJson(const QJsonDocument& doc)
{
    const QJsonValue error = doc.object().value(QLatin1String("error"));
    if (error.isObject()) {
        return error.toObject().value(QLatin1String("message")).toString();
    }
    if (error.isString()) {
        return error.toString();
    }
    return {};
}

} // namespace

GatewayConnection::GatewayConnection(ConnectionProfile profile, QString token, FleetStore* store, QObject* parent)
    : QObject(parent)
    , m_profile(std::move(profile))
    , m_token(std::move(token))
    , m_store(store)
{
    m_nam.setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy); // never send the token elsewhere
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, [this] {
        if (m_running) {
            runAttempt(++m_generation);
        }
    });
    m_idleTimer.setSingleShot(true);
    connect(&m_idleTimer, &QTimer::timeout, this, [this] {
        if (m_stream) {
            fail(Failure::Network,
                 tr("no data on the event stream for %1 s")
                     .arg(std::chrono::duration_cast<std::chrono::seconds>(m_streamIdleTimeout).count()));
        }
    });
    prepareTls();
}

GatewayConnection::~GatewayConnection()
{
    m_destroying = true;
    m_running = false;
    ++m_generation;
    m_retryTimer.stop();
    m_idleTimer.stop();
    closeStream();
    // Awaiting coroutines resume now (with a "cancelled" reply) while the object is still whole.
    const auto calls = m_calls;
    for (const QPointer<QNetworkReply>& reply : calls) {
        if (reply) {
            reply->setProperty(kAbortedProperty, true);
            reply->abort();
        }
    }
}

// ---- state ---------------------------------------------------------------------------------------------------------

void GatewayConnection::setState(State state, const QString& detail)
{
    if (state == m_state && detail == m_detail) {
        return;
    }
    m_state = state;
    m_detail = detail;
    emit stateChanged(state, detail);
}

QString GatewayConnection::stateText() const
{
    QString retry;
    if (m_retryTimer.isActive()) {
        const qint64 left = std::max<qint64>(0, m_retryDelay.count() - m_retryClock.elapsed());
        retry = QString::number((left + 999) / 1000);
    }
    switch (m_state) {
    case State::Disconnected:
        return tr("Disconnected");
    case State::Connecting:
        return tr("Connecting…");
    case State::Live:
        return tr("Live");
    case State::Reconnecting:
        if (!retry.isEmpty()) {
            return m_detail.isEmpty() ? tr("Reconnecting in %1 s").arg(retry)
                                      : tr("Reconnecting in %1 s (%2)").arg(retry, m_detail);
        }
        return m_detail.isEmpty() ? tr("Reconnecting…") : tr("Reconnecting… (%1)").arg(m_detail);
    case State::Unauthorised:
        return retry.isEmpty() ? tr("Unauthorised: %1").arg(m_detail)
                               : tr("Unauthorised: %1 (retrying in %2 s)").arg(m_detail, retry);
    case State::TlsError:
        return retry.isEmpty() ? tr("TLS error: %1").arg(m_detail)
                               : tr("TLS error: %1 (retrying in %2 s)").arg(m_detail, retry);
    case State::Incompatible:
        return tr("Incompatible: %1").arg(m_detail);
    case State::ProtocolError:
        return retry.isEmpty() ? tr("Protocol error: %1").arg(m_detail)
                               : tr("Protocol error: %1 (reconnecting in %2 s)").arg(m_detail, retry);
    }
    return {};
}

void GatewayConnection::start()
{
    if (m_running) {
        return;
    }
    m_running = true;
    m_failures = 0;
    ++m_generation;
    if (m_token.isEmpty()) {
        setState(State::Unauthorised, tr("no admin token for this connection"));
        return;
    }
    runAttempt(m_generation);
}

void GatewayConnection::stop()
{
    m_running = false;
    ++m_generation;
    m_retryTimer.stop();
    closeStream();
    setState(State::Disconnected, {});
}

void GatewayConnection::reconfigure(ConnectionProfile profile, std::optional<QString> token)
{
    const bool wasRunning = m_running;
    stop();
    const bool sameTarget = profile.adminUrl == m_profile.adminUrl;
    m_profile = std::move(profile);
    if (token) {
        m_token = std::move(*token);
    }
    if (!sameTarget) {
        m_needSnapshot = true;
        m_lastEventId = 0;
    }
    prepareTls();
    if (wasRunning) {
        start();
    }
}

// ---- TLS -----------------------------------------------------------------------------------------------------------

void GatewayConnection::prepareTls()
{
    m_tls.reset();
    m_tlsSetupError.clear();
    if (m_profile.adminUrl.scheme() != QLatin1String("https")) {
        return;
    }
    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    if (!m_profile.caFile.isEmpty()) {
        const QList<QSslCertificate> cas = QSslCertificate::fromPath(m_profile.caFile, QSsl::Pem);
        if (cas.isEmpty()) {
            m_tlsSetupError = tr("cannot read a CA certificate from %1").arg(m_profile.caFile);
        }
        config.addCaCertificates(cas);
    }
    if (!m_profile.clientCertFile.isEmpty() || !m_profile.clientKeyFile.isEmpty()) {
        const QList<QSslCertificate> certs = QSslCertificate::fromPath(m_profile.clientCertFile, QSsl::Pem);
        QFile keyFile(m_profile.clientKeyFile);
        QSslKey key;
        if (keyFile.open(QIODevice::ReadOnly)) {
            const QByteArray pem = keyFile.readAll();
            for (const QSsl::KeyAlgorithm algorithm : {QSsl::Rsa, QSsl::Ec, QSsl::Opaque}) {
                key = QSslKey(pem, algorithm, QSsl::Pem);
                if (!key.isNull()) {
                    break;
                }
            }
        }
        if (certs.isEmpty()) {
            m_tlsSetupError = tr("cannot read the client certificate from %1").arg(m_profile.clientCertFile);
        } else if (key.isNull()) {
            m_tlsSetupError = tr("cannot read the client key from %1").arg(m_profile.clientKeyFile);
        } else {
            config.setLocalCertificateChain(certs);
            config.setPrivateKey(key);
        }
    }
    m_tls = config;
}

QString GatewayConnection::normalisedPin() const
{
    QString pin = m_profile.pinnedSha256.toLower();
    pin.remove(QLatin1Char(':'));
    pin.remove(QLatin1Char(' '));
    return pin;
}

void GatewayConnection::watchTls(QNetworkReply* reply)
{
    connect(reply, &QNetworkReply::sslErrors, this, [this, reply](const QList<QSslError>& errors) {
        const QString pin = normalisedPin();
        QSslCertificate peer = reply->sslConfiguration().peerCertificate();
        if (peer.isNull() && !errors.isEmpty()) {
            peer = errors.first().certificate();
        }
        const QString digest = QString::fromLatin1(peer.digest(QCryptographicHash::Sha256).toHex());
        if (!pin.isEmpty() && !peer.isNull() && digest == pin) {
            reply->ignoreSslErrors(errors); // exactly these errors, for the pinned certificate
            return;
        }
        QStringList texts;
        for (const QSslError& e : errors) {
            texts.append(e.errorString());
        }
        QString text = texts.join(QStringLiteral("; "));
        if (!pin.isEmpty()) {
            text = tr("the server certificate (SHA-256 %1) does not match the pinned one; %2").arg(digest, text);
        }
        reply->setProperty(kTlsErrorProperty, text);
    });
    connect(reply, &QNetworkReply::encrypted, this, [this, reply] {
        const QString pin = normalisedPin();
        if (pin.isEmpty()) {
            return;
        }
        const QSslCertificate peer = reply->sslConfiguration().peerCertificate();
        const QString digest = QString::fromLatin1(peer.digest(QCryptographicHash::Sha256).toHex());
        if (digest != pin) {
            reply->setProperty(kTlsErrorProperty,
                               tr("the server certificate (SHA-256 %1) does not match the pinned one").arg(digest));
            reply->abort();
        }
    });
}

// ---- REST ----------------------------------------------------------------------------------------------------------

QNetworkRequest GatewayConnection::makeRequest(const QString& path) const
{
    QString base = m_profile.adminUrl.toString(QUrl::StripTrailingSlash);
    QNetworkRequest request(QUrl(base + (path.startsWith(QLatin1Char('/')) ? path : QLatin1Char('/') + path)));
    if (!m_token.isEmpty()) {
        request.setRawHeader("Authorization", "Bearer " + m_token.toUtf8());
    }
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    request.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
    if (m_tls) {
        request.setSslConfiguration(*m_tls);
    }
    return request;
}

QCoro::Task<ApiReply> GatewayConnection::call(QByteArray method, QString path, QJsonValue body,
                                              std::chrono::milliseconds timeout)
{
    CallResult result = co_await request(std::move(method), std::move(path), std::move(body), timeout);
    co_return std::move(result.reply);
}

QCoro::Task<GatewayConnection::CallResult> GatewayConnection::request(QByteArray method, QString path, QJsonValue body,
                                                                      std::chrono::milliseconds timeout)
{
    CallResult result;
    if (m_destroying) {
        result.reply.error = tr("the connection was closed");
        co_return result;
    }
    if (!m_tlsSetupError.isEmpty()) {
        result.tls = true;
        result.reply.error = m_tlsSetupError;
        co_return result;
    }
    QNetworkRequest req = makeRequest(path);
    req.setRawHeader("Accept", "application/json");
    req.setTransferTimeout(static_cast<int>(std::max<qint64>(1, timeout.count())));
    QByteArray payload;
    if (body.isObject()) {
        payload = QJsonDocument(body.toObject()).toJson(QJsonDocument::Compact);
    } else if (body.isArray()) {
        payload = QJsonDocument(body.toArray()).toJson(QJsonDocument::Compact);
    }
    if (!payload.isEmpty()) {
        req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    }
    QNetworkReply* reply = m_nam.sendCustomRequest(req, method, payload);
    watchTls(reply);
    connect(reply, &QNetworkReply::downloadProgress, reply, [reply](qint64 received, qint64) {
        if (received > kMaxResponseBytes) {
            reply->setProperty("mgTooLarge", true);
            reply->abort();
        }
    });
    m_calls.append(reply);

    co_await reply; // resumes on finished (also when aborted by stop/destruction)

    m_calls.removeIf([reply](const QPointer<QNetworkReply>& p) { return p.isNull() || p == reply; });
    ApiReply& out = result.reply;
    out.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray bytes = reply->readAll();
    const QString tlsError = reply->property(kTlsErrorProperty).toString();
    const QString target = QString::fromLatin1(method) + QLatin1Char(' ') + path;
    if (!tlsError.isEmpty() || reply->error() == QNetworkReply::SslHandshakeFailedError) {
        result.tls = true;
        out.status = 0;
        out.error = tlsError.isEmpty() ? reply->errorString() : tlsError;
    } else if (reply->property(kAbortedProperty).toBool()) {
        out.status = 0;
        out.error = tr("the connection was closed");
    } else if (reply->property("mgTooLarge").toBool()) {
        out.status = 0;
        out.error = tr("%1: the response is larger than %2 MiB").arg(target).arg(kMaxResponseBytes >> 20);
    } else if (out.status == 0) {
        out.error =
            reply->error() == QNetworkReply::OperationCanceledError
                ? tr("%1: no response within %2 s").arg(target).arg(static_cast<double>(timeout.count()) / 1000.0)
                : reply->errorString();
    } else {
        if (!bytes.isEmpty()) {
            QJsonParseError parseError {};
            out.json = QJsonDocument::fromJson(bytes, &parseError);
            if (parseError.error != QJsonParseError::NoError && out.status >= 200 && out.status < 300) {
                out.error = tr("%1: malformed JSON in the response (%2 at offset %3)")
                                .arg(target, parseError.errorString())
                                .arg(parseError.offset);
            }
        }
        if (out.status < 200 || out.status >= 300) {
            QString message = errorMessageFromJson(out.json);
            if (message.isEmpty()) {
                message = reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString();
            }
            out.error =
                message.isEmpty() ? tr("HTTP %1").arg(out.status) : tr("HTTP %1: %2").arg(out.status).arg(message);
        }
    }
    reply->deleteLater();
    co_return result;
}

GatewayConnection::Failure GatewayConnection::classify(const CallResult& result)
{
    if (result.tls) {
        return Failure::Tls;
    }
    if (result.reply.status == 401) {
        return Failure::Unauthorised;
    }
    if (result.reply.status >= 200 && result.reply.status < 300) {
        return Failure::Protocol; // a 2xx that is still not ok(): malformed body
    }
    return Failure::Network;
}

// ---- the connect sequence -----------------------------------------------------------------------------------------

QCoro::Task<void> GatewayConnection::runAttempt(quint64 generation)
{
    QPointer<GatewayConnection> self(this);
    if (!m_everConnected) {
        setState(State::Connecting, {});
    } else if (m_state == State::Live || m_state == State::ProtocolError || m_state == State::Reconnecting) {
        setState(State::Reconnecting, m_state == State::Reconnecting ? m_detail : QString());
    }
    if (!self || !current(generation)) {
        co_return;
    }
    if (!co_await checkGatewayHealth(generation)) {
        co_return;
    }
    if (!self || !current(generation) || !co_await fetchWhoami(generation)) {
        co_return;
    }
    if (!self || !current(generation) || !co_await fetchGatewaySnapshot(generation)) {
        co_return;
    }
    if (!self || !current(generation)) {
        co_return;
    }
    openGatewayEvents(generation);
}

QCoro::Task<bool> GatewayConnection::checkGatewayHealth(quint64 generation)
{
    QPointer<GatewayConnection> self(this);
    const CallResult r = co_await request("GET", QStringLiteral("/admin/v1/health"), {}, std::chrono::seconds(10));
    if (!self || !current(generation)) {
        co_return false;
    }
    if (!r.reply.ok()) {
        fail(classify(r) == Failure::Unauthorised ? Failure::Network : classify(r), r.reply.error);
        co_return false;
    }
    const QJsonObject health = r.reply.json.object();
    const QJsonValue version = health.value(QLatin1String("api_version"));
    if (!version.isDouble() || version.toInt() != kApiVersion) {
        fail(Failure::Incompatible, version.isDouble()
                                        ? tr("the daemon speaks admin API version %1; this console speaks version %2")
                                              .arg(version.toInt())
                                              .arg(kApiVersion)
                                        : tr("the health answer has no api_version: not a ModelGuard admin listener?"));
        co_return false;
    }
    const QString id = health.value(QLatin1String("gateway_id")).toString();
    if (id.isEmpty()) {
        fail(Failure::Protocol, tr("the health answer has no gateway_id"));
        co_return false;
    }
    if (!m_gatewayId.isEmpty() && id != m_gatewayId) {
        // Another gateway answers at this address now: forget the old one's data and start over.
        if (m_store) {
            m_store->removeGateway(m_gatewayId);
        }
        m_needSnapshot = true;
        m_lastEventId = 0;
    }
    m_gatewayId = id;
    co_return true;
}

QCoro::Task<bool> GatewayConnection::fetchWhoami(quint64 generation)
{
    QPointer<GatewayConnection> self(this);
    const CallResult r = co_await request("GET", QStringLiteral("/admin/v1/whoami"), {}, std::chrono::seconds(10));
    if (!self || !current(generation)) {
        co_return false;
    }
    if (!r.reply.ok()) {
        fail(classify(r), r.reply.status == 401 ? tr("the gateway rejected the admin token (%1)").arg(r.reply.error)
                                                : r.reply.error);
        co_return false;
    }
    m_role = r.reply.json.object().value(QLatin1String("role")).toString();
    co_return true;
}

QCoro::Task<bool> GatewayConnection::fetchGatewaySnapshot(quint64 generation)
{
    if (!m_needSnapshot) {
        co_return true;
    }
    QPointer<GatewayConnection> self(this);
    const CallResult r = co_await request("GET", QStringLiteral("/admin/v1/snapshot"), {}, std::chrono::seconds(30));
    if (!self || !current(generation)) {
        co_return false;
    }
    if (!r.reply.ok()) {
        fail(classify(r), r.reply.error);
        co_return false;
    }
    const QJsonObject snapshot = r.reply.json.object();
    const QJsonValue last = snapshot.value(QLatin1String("last_event_id"));
    if (!r.reply.json.isObject() || !last.isDouble() || last.toDouble() < 0) {
        fail(Failure::Protocol, tr("the snapshot has no valid last_event_id"));
        co_return false;
    }
    m_lastEventId = static_cast<quint64>(last.toDouble());
    m_needSnapshot = false;
    m_snapshotTimeMs = static_cast<qint64>(snapshot.value(QLatin1String("time_ms")).toDouble());
    if (m_store) {
        m_store->applySnapshot(m_gatewayId, snapshot);
        fetchGatewayHistory(generation); // runs beside the event stream; the store merges both
    }
    co_return true;
}

QString GatewayConnection::historyQuery() const
{
    constexpr qint64 kMinuteMs = 60'000;
    const qint64 from = (m_snapshotTimeMs - qint64 {FleetStore::kRingSeconds} * 1000) / kMinuteMs * kMinuteMs;
    return QStringLiteral("?from_ms=%1").arg(from);
}

QCoro::Task<void> GatewayConnection::fetchGatewayHistory(quint64 generation)
{
    if (m_snapshotTimeMs <= 0) {
        co_return; // no gateway clock to ask from
    }
    QPointer<GatewayConnection> self(this);
    const QByteArray method("GET");
    const QString path = QStringLiteral("/admin/v1/usage") + historyQuery();
    const QJsonValue noBody;
    const std::chrono::milliseconds timeout(15'000);
    const CallResult r = co_await request(method, path, noBody, timeout);
    if (!self || !current(generation) || !m_store || !r.reply.ok() || !r.reply.json.isObject()) {
        co_return;
    }
    m_store->applyUsageHistory(m_gatewayId, r.reply.json.object());
}

QCoro::Task<bool> GatewayConnection::fetchClientUsageHistory(QString clientId)
{
    if (m_snapshotTimeMs <= 0 || m_gatewayId.isEmpty() || !m_store || clientId.isEmpty()) {
        co_return false;
    }
    QPointer<GatewayConnection> self(this);
    const QString gatewayId = m_gatewayId;
    const QByteArray method("GET");
    const QString path = QStringLiteral("/admin/v1/clients/") + QString::fromLatin1(QUrl::toPercentEncoding(clientId))
                         + QStringLiteral("/usage") + historyQuery();
    const QJsonValue noBody;
    const std::chrono::milliseconds timeout(15'000);
    const CallResult r = co_await request(method, path, noBody, timeout);
    if (!self || !m_store || gatewayId != m_gatewayId || !r.reply.ok() || !r.reply.json.isObject()) {
        co_return false;
    }
    m_store->applyClientUsageHistory(gatewayId, clientId, r.reply.json.object());
    co_return true;
}

QCoro::Task<void> GatewayConnection::resyncGateway(quint64 generation)
{
    closeStream();
    m_needSnapshot = true;
    QPointer<GatewayConnection> self(this);
    if (!co_await fetchGatewaySnapshot(generation) || !self || !current(generation)) {
        co_return;
    }
    openGatewayEvents(generation);
}

// ---- the event stream ----------------------------------------------------------------------------------------------

void GatewayConnection::openGatewayEvents(quint64 generation)
{
    if (!current(generation)) {
        return;
    }
    closeStream();
    QNetworkRequest req = makeRequest(QStringLiteral("/admin/v1/events"));
    req.setRawHeader("Accept", "text/event-stream");
    req.setRawHeader("Cache-Control", "no-cache");
    if (m_lastEventId > 0) {
        req.setRawHeader("Last-Event-ID", QByteArray::number(m_lastEventId));
    }
    req.setTransferTimeout(0); // long-lived: the idle watchdog decides when it is dead
    m_parser.emplace(m_maxEventBytes);
    m_streamHeadChecked = false;
    m_streamEvents = 0;
    QNetworkReply* reply = m_nam.get(req);
    m_stream = reply;
    watchTls(reply);
    connect(reply, &QNetworkReply::metaDataChanged, this, [this] { checkStreamHead(); });
    connect(reply, &QNetworkReply::readyRead, this, &GatewayConnection::onStreamData);
    connect(reply, &QNetworkReply::finished, this, &GatewayConnection::onStreamFinished);
    m_idleTimer.start(m_streamIdleTimeout);
}

void GatewayConnection::closeStream()
{
    m_idleTimer.stop();
    if (QNetworkReply* reply = m_stream) {
        m_stream = nullptr;
        disconnect(reply, nullptr, this, nullptr);
        reply->setProperty(kAbortedProperty, true);
        reply->abort();
        reply->deleteLater();
    }
    m_parser.reset();
}

bool GatewayConnection::checkStreamHead()
{
    if (!m_stream || m_streamHeadChecked) {
        return m_stream != nullptr;
    }
    const QVariant statusAttribute = m_stream->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    if (!statusAttribute.isValid()) {
        return true; // no head yet
    }
    m_streamHeadChecked = true;
    const int status = statusAttribute.toInt();
    if (status == 401) {
        fail(Failure::Unauthorised, tr("the gateway rejected the admin token on the event stream"));
        return false;
    }
    if (status != 200) {
        fail(Failure::Network, tr("the event stream answered HTTP %1").arg(status));
        return false;
    }
    const QString type = m_stream->header(QNetworkRequest::ContentTypeHeader).toString();
    if (!type.startsWith(QLatin1String("text/event-stream"), Qt::CaseInsensitive)) {
        fail(Failure::Protocol, tr("the event stream has content type \"%1\", expected text/event-stream").arg(type));
        return false;
    }
    m_everConnected = true;
    setState(State::Live, {});
    return m_stream != nullptr;
}

void GatewayConnection::onStreamData()
{
    if (!m_stream) {
        return;
    }
    m_idleTimer.start(m_streamIdleTimeout);
    if (!checkStreamHead()) {
        return;
    }
    const QByteArray bytes = m_stream->readAll();
    if (bytes.isEmpty() || !m_parser) {
        return;
    }
    m_failures = 0; // the stream works: the next failure starts the backoff from the beginning
    const QList<SseParser::Event> events = m_parser->feed(bytes);
    const bool parserFailed = m_parser->failed();
    const QString parserError = m_parser->errorString();
    QPointer<GatewayConnection> self(this);
    const quint64 generation = m_generation;
    QNetworkReply* const stream = m_stream;
    for (const SseParser::Event& event : events) {
        handleEvent(event);
        if (!self || generation != m_generation || m_stream != stream) {
            return; // a failure, a resync or stop() ended this stream
        }
    }
    if (parserFailed) {
        fail(Failure::Protocol, tr("event stream: %1").arg(parserError));
    }
}

void GatewayConnection::handleEvent(const SseParser::Event& event)
{
    bool numeric = false;
    const quint64 id = event.id.toULongLong(&numeric);
    if (!event.id.isEmpty() && !numeric) {
        fail(Failure::Protocol, tr("event id \"%1\" is not a number").arg(event.id.left(40)));
        return;
    }
    if (event.type == QLatin1String("resync")) {
        resyncGateway(m_generation);
        return;
    }
    if (numeric && id <= m_lastEventId) {
        return; // already applied (replay after a reconnect)
    }
    QJsonParseError parseError {};
    const QJsonDocument doc = QJsonDocument::fromJson(event.data, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        fail(Failure::Protocol, parseError.error != QJsonParseError::NoError
                                    ? tr("malformed JSON in event %1 (%2): %3 at offset %4")
                                          .arg(event.id, event.type, parseError.errorString())
                                          .arg(parseError.offset)
                                    : tr("event %1 (%2) is not a JSON object").arg(event.id, event.type));
        return;
    }
    if (numeric) {
        m_lastEventId = id;
    }
    ++m_streamEvents;
    const QJsonObject data = doc.object();
    if (m_store) {
        m_store->applyEvent(m_gatewayId, event.type, data);
    }
    emit eventReceived(event.type, data);
}

void GatewayConnection::onStreamFinished()
{
    QNetworkReply* reply = m_stream;
    if (!reply) {
        return;
    }
    const QString tlsError = reply->property(kTlsErrorProperty).toString();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (!tlsError.isEmpty() || reply->error() == QNetworkReply::SslHandshakeFailedError) {
        fail(Failure::Tls, tlsError.isEmpty() ? reply->errorString() : tlsError);
    } else if (status == 401) {
        fail(Failure::Unauthorised, tr("the gateway rejected the admin token on the event stream"));
    } else if (reply->error() != QNetworkReply::NoError) {
        fail(Failure::Network, reply->errorString());
    } else {
        if (m_parser && !m_parser->failed()) {
            m_parser->feed(reply->readAll());
        }
        fail(Failure::Network, tr("the gateway closed the event stream"));
    }
}

// ---- failures and retries ------------------------------------------------------------------------------------------

std::chrono::milliseconds GatewayConnection::nextBackoff()
{
    const int exponent = std::clamp(m_failures - 1, 0, 16);
    const double base = std::min(static_cast<double>(kMaxBackoff.count()),
                                 static_cast<double>(kMinBackoff.count()) * std::pow(2.0, exponent));
    const double jitter = 0.8 + 0.4 * QRandomGenerator::global()->generateDouble();
    const double delay =
        std::clamp(base * jitter, static_cast<double>(kMinBackoff.count()), static_cast<double>(kMaxBackoff.count()));
    return std::chrono::milliseconds(static_cast<qint64>(delay));
}

void GatewayConnection::scheduleRetry(std::chrono::milliseconds delay)
{
    if (!m_running) {
        return;
    }
    m_retryDelay = delay;
    m_retryClock.start();
    m_retryTimer.start(delay);
}

void GatewayConnection::fail(Failure failure, const QString& detail)
{
    closeStream();
    ++m_generation; // every coroutine and reply of this attempt is stale now
    ++m_failures;
    State state = State::Reconnecting;
    std::chrono::milliseconds delay = nextBackoff();
    switch (failure) {
    case Failure::Network:
        break;
    case Failure::Protocol:
        state = State::ProtocolError;
        break;
    case Failure::Unauthorised:
        state = State::Unauthorised;
        delay = kSlowRetry;
        break;
    case Failure::Tls:
        state = State::TlsError;
        delay = kMaxBackoff;
        break;
    case Failure::Incompatible:
        state = State::Incompatible;
        delay = kSlowRetry;
        break;
    }
    scheduleRetry(delay);
    if (m_running) {
        setState(state, detail);
    }
}

} // namespace modelguard::client
