#pragma once
// Incremental text/event-stream parser (WHATWG rules: id/event/data/retry fields, comments, CR/LF/CRLF line ends,
// multi-line data), fed with the bytes as they arrive split anywhere. Bounded: an event whose data grows beyond
// maxEventBytes, or a line longer than that, is an error and the parser stops.

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>

#include <optional>

namespace modelguard::client {

class SseParser
{
public:
    struct Event
    {
        QString id;      ///< the last event id in force when the event was dispatched (may be empty)
        QString type;    ///< "message" when the event had no "event:" field
        QByteArray data; ///< the data lines joined with '\n' (no trailing newline)
    };

    explicit SseParser(qsizetype maxEventBytes = 1 << 20);

    /// Parses `bytes` and returns the events completed by them (those completed before an error, if one occurs).
    /// After an error every call returns nothing.
    QList<Event> feed(QByteArrayView bytes);
    bool failed() const { return m_failed; }
    QString errorString() const { return m_error; }
    /// The id set by the last "id:" field (also one without data), as the WHATWG "last event ID buffer".
    QString lastEventId() const { return m_lastEventId; }
    /// The last valid "retry:" value (milliseconds), if the stream sent one.
    std::optional<qint64> retryMs() const { return m_retryMs; }
    /// Bytes seen so far (for diagnostics).
    qint64 bytesSeen() const { return m_bytesSeen; }

private:
    void processLine(QByteArrayView line, QList<Event>& out);
    void fail(QString message);

    qsizetype m_max;
    QByteArray m_line; ///< the incomplete line carried between feed() calls
    QByteArray m_data;
    QByteArray m_type;
    QString m_lastEventId;
    std::optional<qint64> m_retryMs;
    qint64 m_bytesSeen = 0;
    bool m_afterCr = false; ///< the previous byte was CR: a following LF belongs to the same line end
    bool m_bomChecked = false;
    bool m_failed = false;
    QString m_error;
};

} // namespace modelguard::client
