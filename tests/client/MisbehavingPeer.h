#pragma once
// A loopback HTTP/1.1 peer for the client tests whose answers each test scripts: it plays a gateway that misbehaves
// (wrong version, wrong content type, malformed or oversize events, silence) in ways the real gateway never does.

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QUrl>

#include <algorithm>
#include <functional>
#include <memory>

namespace modelguard::client::test {

/// A loopback HTTP/1.1 peer whose answers the test scripts. Sockets stay open unless the answer closes them.
class MisbehavingPeer
{
public:
    struct Request
    {
        QByteArray path;
        QByteArray lastEventId;
        QByteArray authorization;
    };
    /// Returns the raw bytes to write for a request (empty = never answer).
    using Script = std::function<QByteArray(const Request&)>;

    explicit MisbehavingPeer(Script script)
        : m_script(std::move(script))
    {
        m_server.listen(QHostAddress::LocalHost, 0);
        QObject::connect(&m_server, &QTcpServer::newConnection, &m_server, [this] {
            while (QTcpSocket* socket = m_server.nextPendingConnection()) {
                auto buffer = std::make_shared<QByteArray>();
                QObject::connect(socket, &QTcpSocket::readyRead, socket, [this, socket, buffer] {
                    buffer->append(socket->readAll());
                    qsizetype end;
                    while ((end = buffer->indexOf("\r\n\r\n")) >= 0) {
                        const QByteArray head = buffer->left(end);
                        buffer->remove(0, end + 4);
                        Request request;
                        const QList<QByteArray> lines = head.split('\n');
                        request.path = lines.value(0).split(' ').value(1);
                        for (const QByteArray& line : lines) {
                            if (line.toLower().startsWith("last-event-id:")) {
                                request.lastEventId = line.mid(14).trimmed();
                            } else if (line.toLower().startsWith("authorization:")) {
                                request.authorization = line.mid(14).trimmed();
                            }
                        }
                        requests.append(request);
                        const QByteArray answer = m_script(request);
                        if (!answer.isEmpty()) {
                            socket->write(answer);
                        }
                    }
                });
                sockets.append(socket);
            }
        });
    }

    QUrl url() const { return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort())); }
    int count(const QByteArray& path) const
    {
        return static_cast<int>(
            std::count_if(requests.begin(), requests.end(), [&](const Request& r) { return r.path.startsWith(path); }));
    }

    static QByteArray json(const QByteArray& body, int status = 200)
    {
        return "HTTP/1.1 " + QByteArray::number(status) + " X\r\nContent-Type: application/json\r\nContent-Length: "
               + QByteArray::number(body.size()) + "\r\n\r\n" + body;
    }
    static QByteArray streamHead(const QByteArray& type = "text/event-stream")
    {
        return "HTTP/1.1 200 OK\r\nContent-Type: " + type + "\r\nCache-Control: no-cache\r\n\r\n";
    }
    /// health/whoami/snapshot answers of a well-behaved gateway; `stream` answers /admin/v1/events.
    static Script gateway(std::function<QByteArray(const Request&)> stream, int apiVersion = 1)
    {
        return [stream, apiVersion](const Request& r) -> QByteArray {
            if (r.path == "/admin/v1/health") {
                return json(R"({"status":"ok","service":"modelguard-gateway","version":"0.1.0","api_version":)"
                            + QByteArray::number(apiVersion) + R"(,"gateway_id":"gw-fault"})");
            }
            if (r.path == "/admin/v1/whoami") {
                return json(R"({"token_id":"t","name":"n","role":"viewer"})");
            }
            if (r.path == "/admin/v1/snapshot") {
                return json(R"({"gateway_id":"gw-fault","time_ms":0,"last_event_id":100,"clients":[],"alerts":[]})");
            }
            if (r.path == "/admin/v1/events") {
                return stream(r);
            }
            return {}; // anything else: never answered
        };
    }

    QList<Request> requests;
    QList<QPointer<QTcpSocket>> sockets;

private:
    Script m_script;
    QTcpServer m_server;
};

} // namespace modelguard::client::test
