// Incremental text/event-stream parser, see SseParser.h.

#include "client/SseParser.h"

#include <QCoreApplication>

namespace modelguard::client {

SseParser::SseParser(qsizetype maxEventBytes)
    : m_max(maxEventBytes > 0 ? maxEventBytes : 1)
{ }

void SseParser::fail(QString message)
{
    m_failed = true;
    m_error = std::move(message);
    m_line.clear();
    m_data.clear();
    m_type.clear();
}

QList<SseParser::Event> SseParser::feed(QByteArrayView bytes)
{
    QList<Event> out;
    if (m_failed) {
        return out;
    }
    m_bytesSeen += bytes.size();
    const char* p = bytes.data();
    const qsizetype n = bytes.size();
    qsizetype i = 0;
    while (i < n && !m_failed) {
        if (m_afterCr) {
            m_afterCr = false;
            if (p[i] == '\n') { // the LF of a CRLF split from its CR, or in the same chunk
                ++i;
                continue;
            }
        }
        // Find the end of the current line in this chunk.
        qsizetype j = i;
        while (j < n && p[j] != '\n' && p[j] != '\r') {
            ++j;
        }
        const qsizetype chunk = j - i;
        if (m_line.size() + chunk > m_max) {
            fail(QCoreApplication::translate("SseParser", "event stream line longer than %1 bytes").arg(m_max));
            break;
        }
        if (j == n) { // no line end yet: keep the piece for the next call
            m_line.append(p + i, chunk);
            break;
        }
        if (p[j] == '\r') {
            m_afterCr = true;
        }
        if (m_line.isEmpty()) {
            processLine(QByteArrayView(p + i, chunk), out);
        } else {
            m_line.append(p + i, chunk);
            const QByteArray line = std::exchange(m_line, {});
            processLine(line, out);
        }
        i = j + 1;
    }
    return out;
}

void SseParser::processLine(QByteArrayView line, QList<Event>& out)
{
    if (!m_bomChecked) {
        m_bomChecked = true;
        if (line.startsWith("\xEF\xBB\xBF")) {
            line = line.sliced(3);
        }
    }
    if (line.isEmpty()) { // dispatch
        if (m_data.isEmpty()) {
            m_type.clear();
            return;
        }
        if (m_data.endsWith('\n')) {
            m_data.chop(1);
        }
        Event event;
        event.id = m_lastEventId;
        event.type = m_type.isEmpty() ? QStringLiteral("message") : QString::fromUtf8(m_type);
        event.data = std::exchange(m_data, {});
        m_type.clear();
        out.append(std::move(event));
        return;
    }
    if (line.front() == ':') { // comment (keep-alive)
        return;
    }
    QByteArrayView field = line;
    QByteArrayView value;
    if (const qsizetype colon = line.indexOf(':'); colon >= 0) {
        field = line.first(colon);
        value = line.sliced(colon + 1);
        if (value.startsWith(' ')) {
            value = value.sliced(1);
        }
    }
    if (field == "data") {
        // A data line without "data:"'s value still adds a newline: "data" alone means an empty line of data.
        if (m_data.size() + value.size() + 1 > m_max) {
            fail(QCoreApplication::translate("SseParser", "event larger than %1 bytes").arg(m_max));
            return;
        }
        m_data.append(value.data(), value.size());
        m_data.append('\n');
    } else if (field == "event") {
        m_type = value.toByteArray();
    } else if (field == "id") {
        if (!value.contains('\0')) {
            m_lastEventId = QString::fromUtf8(value);
        }
    } else if (field == "retry") {
        bool digits = !value.isEmpty() && value.size() <= 18;
        for (const char c : value) {
            digits = digits && c >= '0' && c <= '9';
        }
        if (digits) {
            m_retryMs = value.toByteArray().toLongLong();
        }
    }
    // Other fields are ignored.
}

} // namespace modelguard::client
