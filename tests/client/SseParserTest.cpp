// SseParser: WHATWG event-stream parsing fed at every possible split, line ends, comments, ids, retry, limits.

#include "client/SseParser.h"

#include <gtest/gtest.h>

using modelguard::client::SseParser;

namespace {

/// Feeds `stream` in pieces of `step` bytes and collects every event.
QList<SseParser::Event> feedInSteps(SseParser& parser, const QByteArray& stream, qsizetype step)
{
    QList<SseParser::Event> all;
    for (qsizetype i = 0; i < stream.size(); i += step) {
        all += parser.feed(QByteArrayView(stream).sliced(i, std::min(step, stream.size() - i)));
    }
    return all;
}

const QByteArray kStream = QByteArrayLiteral(": keep-alive\r\n"
                                             "id: 1\r\n"
                                             "event: usage\r\n"
                                             "data: {\"a\":1}\r\n"
                                             "\r\n"
                                             "id: 2\n"
                                             "data: line one\n"
                                             "data: line two\n"
                                             "\n"
                                             "id: 3\r"
                                             "event: risk\r"
                                             "data:no-space\r"
                                             "\r"
                                             "id: 4\r\n"
                                             "\r\n"
                                             "event: alert\n"
                                             "data\n"
                                             "\n");

void expectEvents(const QList<SseParser::Event>& events)
{
    ASSERT_EQ(events.size(), 4);
    EXPECT_EQ(events[0].id, QStringLiteral("1"));
    EXPECT_EQ(events[0].type, QStringLiteral("usage"));
    EXPECT_EQ(events[0].data, QByteArrayLiteral("{\"a\":1}"));
    EXPECT_EQ(events[1].id, QStringLiteral("2"));
    EXPECT_EQ(events[1].type, QStringLiteral("message"));
    EXPECT_EQ(events[1].data, QByteArrayLiteral("line one\nline two"));
    EXPECT_EQ(events[2].id, QStringLiteral("3"));
    EXPECT_EQ(events[2].type, QStringLiteral("risk"));
    EXPECT_EQ(events[2].data, QByteArrayLiteral("no-space"));
    // "id: 4" came without data: no event, but the id is in force for the next one.
    EXPECT_EQ(events[3].id, QStringLiteral("4"));
    EXPECT_EQ(events[3].type, QStringLiteral("alert"));
    EXPECT_EQ(events[3].data, QByteArray());
}

} // namespace

TEST(SseParser, WholeStreamAtOnce)
{
    SseParser parser;
    expectEvents(parser.feed(kStream));
    EXPECT_FALSE(parser.failed());
    EXPECT_EQ(parser.lastEventId(), QStringLiteral("4"));
}

TEST(SseParser, SameEventsAtEverySplit)
{
    for (qsizetype step = 1; step <= kStream.size(); ++step) {
        SCOPED_TRACE(step);
        SseParser parser;
        expectEvents(feedInSteps(parser, kStream, step));
        EXPECT_FALSE(parser.failed());
    }
    // Every single split point into two pieces, too (covers a CRLF split between CR and LF).
    for (qsizetype cut = 0; cut <= kStream.size(); ++cut) {
        SCOPED_TRACE(cut);
        SseParser parser;
        QList<SseParser::Event> events = parser.feed(QByteArrayView(kStream).first(cut));
        events += parser.feed(QByteArrayView(kStream).sliced(cut));
        expectEvents(events);
    }
}

TEST(SseParser, CrThenLfInNextChunkIsOneLineEnd)
{
    SseParser parser;
    EXPECT_TRUE(parser.feed("data: x\r").isEmpty());
    EXPECT_TRUE(parser.feed("\n").isEmpty()); // not an empty line: the LF belongs to the CR
    const auto events = parser.feed("\r\n");
    ASSERT_EQ(events.size(), 1);
    EXPECT_EQ(events[0].data, QByteArrayLiteral("x"));
}

TEST(SseParser, IdWithoutDataOnlySetsTheLastEventId)
{
    SseParser parser;
    EXPECT_TRUE(parser.feed("id: 41\n\nid: 42\n\n: comment\n\n").isEmpty());
    EXPECT_EQ(parser.lastEventId(), QStringLiteral("42"));
    const auto events = parser.feed("data: y\n\n");
    ASSERT_EQ(events.size(), 1);
    EXPECT_EQ(events[0].id, QStringLiteral("42"));
    // An id containing NUL is ignored.
    parser.feed(QByteArrayView("id: 4\0 3\n\n", 10));
    EXPECT_EQ(parser.lastEventId(), QStringLiteral("42"));
}

TEST(SseParser, EventTypeResetsAfterDispatchAndUnknownFieldsAreIgnored)
{
    SseParser parser;
    const auto events = parser.feed("event: a\nfoo: bar\ndata: 1\n\ndata: 2\n\nevent: dropped\n\ndata: 3\n\n");
    ASSERT_EQ(events.size(), 3);
    EXPECT_EQ(events[0].type, QStringLiteral("a"));
    EXPECT_EQ(events[1].type, QStringLiteral("message"));
    EXPECT_EQ(events[2].type, QStringLiteral("message")); // an event without data dispatches nothing, type reset
    EXPECT_EQ(events[2].data, QByteArrayLiteral("3"));
}

TEST(SseParser, Retry)
{
    SseParser parser;
    EXPECT_FALSE(parser.retryMs().has_value());
    parser.feed("retry: 2500\n\n");
    EXPECT_EQ(parser.retryMs(), 2500);
    parser.feed("retry: 12x\n\nretry:\n\n"); // not all digits: ignored
    EXPECT_EQ(parser.retryMs(), 2500);
}

TEST(SseParser, LeadingByteOrderMarkIsSkipped)
{
    SseParser parser;
    const auto events = parser.feed("\xEF\xBB\xBF"
                                    "data: z\n\n");
    ASSERT_EQ(events.size(), 1);
    EXPECT_EQ(events[0].data, QByteArrayLiteral("z"));
}

TEST(SseParser, OversizeEventFailsAndStops)
{
    SseParser parser(64);
    QByteArray stream;
    for (int i = 0; i < 10; ++i) {
        stream += "data: 0123456789\n"; // 11 bytes of data per line
    }
    stream += "\n";
    auto events = parser.feed("data: ok\n\n");
    ASSERT_EQ(events.size(), 1);
    events = feedInSteps(parser, stream, 3);
    EXPECT_TRUE(events.isEmpty());
    EXPECT_TRUE(parser.failed());
    EXPECT_TRUE(parser.errorString().contains(QStringLiteral("64")));
    EXPECT_TRUE(parser.feed("data: after\n\n").isEmpty()); // stopped for good
}

TEST(SseParser, OverlongLineFailsEvenWithoutLineEnd)
{
    SseParser parser(32);
    const QByteArray junk(20, 'x');
    EXPECT_TRUE(parser.feed(junk).isEmpty());
    EXPECT_FALSE(parser.failed());
    EXPECT_TRUE(parser.feed(junk).isEmpty());
    EXPECT_TRUE(parser.failed());
}

TEST(SseParser, EventsBeforeTheFailureAreReturned)
{
    SseParser parser(16);
    const auto events = parser.feed("data: a\n\ndata: 0123456789abcdefghij\n\n");
    ASSERT_EQ(events.size(), 1);
    EXPECT_EQ(events[0].data, QByteArrayLiteral("a"));
    EXPECT_TRUE(parser.failed());
}
