// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/services/domainerror.h"
#include "net/protocol/chatjson.h"
#include "net/protocol/message.h"
#include "net/protocol/protocol.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QSet>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace rentdesk;
using namespace rentdesk::net::protocol;
using DomainCode = models::services::DomainError::Code;

Q_DECLARE_METATYPE(models::services::DomainError::Code)
Q_DECLARE_METATYPE(rentdesk::net::protocol::ErrorCode)

namespace {

// Frames the fuzz loop and several tests start from.
const QByteArray helloFrame = R"({"type":"hello","id":"1","version":1,"client":"RentDesk/0.1.0 Qt/6.4.2"})";
const QByteArray sendFrame = R"({"type":"chat.send","id":"42","conversationId":"6f1c2b3a-0d4e-4f5a-8b6c-7d8e9f0a1b2c",)"
                             R"("messageId":"0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d","text":"Привет 😀"})";

QJsonObject objectOf(const QByteArray &json)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        qFatal("test JSON is not an object: %s", json.constData());
    return document.object();
}

// Objects compare as their compact text: QJsonObject sorts its keys, and QCOMPARE then
// shows both sides.
QByteArray textOf(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QUuid uuid(const char *text)
{
    return QUuid::fromString(QLatin1String(text));
}

QDateTime utc(int year, int month, int day, int hour, int minute, int second, int ms)
{
    return QDateTime(QDate(year, month, day), QTime(hour, minute, second, ms), Qt::UTC);
}

ChatMessageJson sampleMessage()
{
    ChatMessageJson message;
    message.id = uuid("0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d");
    message.conversationId = uuid("6f1c2b3a-0d4e-4f5a-8b6c-7d8e9f0a1b2c");
    message.seq = 13;
    message.senderId = uuid("11111111-2222-4333-8444-555555555555");
    message.text = u"Здравствуйте! Is the flat still free? 😀"_s;
    message.sentAt = utc(2026, 3, 14, 9, 26, 53, 589);
    return message;
}

ConversationJson sampleConversation()
{
    ConversationJson conversation;
    conversation.id = uuid("6f1c2b3a-0d4e-4f5a-8b6c-7d8e9f0a1b2c");
    conversation.peer.id = uuid("11111111-2222-4333-8444-555555555555");
    conversation.peer.displayName = u"Анна Петрова"_s;
    conversation.peer.role = models::domain::Role::Landlord;
    About about;
    about.kind = About::Kind::Booking;
    about.id = uuid("99999999-8888-4777-8666-555555555555");
    about.title = u"Lenina 5, apt 12: 1–14 May"_s;
    conversation.about = about;
    conversation.lastMessage = sampleMessage();
    conversation.unread = 3;
    conversation.peerDeliveredUpTo = 12;
    conversation.peerReadUpTo = 10;
    return conversation;
}

// A random change to a frame: a byte replaced, inserted or removed, a slice repeated, or
// the end cut off. Inserted bytes favour JSON's own punctuation so that mutants stay near
// the grammar and reach the field checks, not only the parser.
QByteArray mutated(QByteArray frame, QRandomGenerator &random)
{
    // Not a raw string: moc misreads this one and then finds no class in the file.
    static const QByteArray alphabet = "{}[]\":,\\ -.0123456789eEtrufalsnidypeok";
    const auto anyByte = [&] {
        return random.bounded(4) == 0 ? char(random.bounded(256)) : alphabet.at(random.bounded(int(alphabet.size())));
    };
    const int changes = 1 + random.bounded(4);
    for (int i = 0; i < changes; ++i) {
        const int at = frame.isEmpty() ? 0 : random.bounded(int(frame.size()));
        switch (random.bounded(5)) {
        case 0:
            if (!frame.isEmpty())
                frame[at] = anyByte();
            break;
        case 1:
            frame.insert(at, anyByte());
            break;
        case 2:
            if (!frame.isEmpty())
                frame.remove(at, 1);
            break;
        case 3:
            frame.insert(at, frame.mid(at, random.bounded(16)));
            break;
        default:
            frame.truncate(at);
            break;
        }
    }
    return frame;
}

} // namespace

// The codec of docs/protocol.md: frames read and built, every field reader's acceptance and
// refusal, the chat objects' JSON both ways, the error codes, and a bounded fuzz loop over
// random and mutated frames.
class TestProtocol final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesRequests_data()
    {
        QTest::addColumn<QByteArray>("frame");
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("id");
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("hello") << helloFrame << u"hello"_s << u"1"_s
                               << QByteArray(R"({"client":"RentDesk/0.1.0 Qt/6.4.2","version":1})");
        QTest::newRow("no fields") << QByteArray(R"({"id":"x","type":"logout"})") << u"logout"_s << u"x"_s
                                   << QByteArray("{}");
        QTest::newRow("whitespace and a BOM")
            << QByteArray("\xef\xbb\xbf \n{ \"type\" : \"chat.list\" ,\t\"id\" : \"7\" }\r\n") << u"chat.list"_s
            << u"7"_s << QByteArray("{}");
        QTest::newRow("id of 64 characters") << QByteArray(R"({"type":"a","id":")" + QByteArray(64, 'i') + R"("})")
                                             << u"a"_s << QString(64, u'i') << QByteArray("{}");
        // 64 characters that are 128 UTF-16 units and 256 bytes: lengths count characters.
        QTest::newRow("id of 64 emoji") << QByteArray(R"({"type":"a","id":")" + u"😀"_s.repeated(64).toUtf8() + R"("})")
                                        << u"a"_s << u"😀"_s.repeated(64) << QByteArray("{}");
        QTest::newRow("nested fields are the body's")
            << QByteArray(R"({"type":"chat.start","id":"2","email":"b@example.org","about":{"kind":"apartment"}})")
            << u"chat.start"_s << u"2"_s << QByteArray(R"({"about":{"kind":"apartment"},"email":"b@example.org"})");
        // Qt's parser keeps the last of repeated names; docs/protocol.md says so.
        QTest::newRow("repeated name: the last counts")
            << QByteArray(R"({"type":"a","type":"b","id":"1"})") << u"b"_s << u"1"_s << QByteArray("{}");
        QTest::newRow("nesting within Qt's limit")
            << QByteArray(R"({"type":"a","id":"1","deep":)" + QByteArray(1000, '[') + QByteArray(1000, ']') + '}')
            << u"a"_s << u"1"_s << QByteArray("{\"deep\":" + QByteArray(1000, '[') + QByteArray(1000, ']') + '}');
    }
    void parsesRequests()
    {
        QFETCH(QByteArray, frame);
        QFETCH(QString, type);
        QFETCH(QString, id);
        QFETCH(QByteArray, body);
        const auto parsed = parseRequest(frame);
        QVERIFY2(parsed, qPrintable(parsed ? QString() : parsed.error().error.message));
        QCOMPARE(parsed->type, type);
        QCOMPARE(parsed->id, id);
        QCOMPARE(textOf(parsed->body), body);

        // What request() writes reads back the same.
        const auto again = parseRequest(request(parsed->type, parsed->id, parsed->body));
        QVERIFY(again);
        QCOMPARE(again->type, type);
        QCOMPARE(again->id, id);
        QCOMPARE(textOf(again->body), body);
    }

    void refusesFrames_data()
    {
        QTest::addColumn<QByteArray>("frame");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("echoedId");
        const QString none;
        QTest::newRow("empty") << QByteArray() << u"bad_json"_s << none << none;
        QTest::newRow("array") << QByteArray("[]") << u"bad_json"_s << none << none;
        QTest::newRow("string") << QByteArray(R"("x")") << u"bad_json"_s << none << none;
        QTest::newRow("number") << QByteArray("42") << u"bad_json"_s << none << none;
        QTest::newRow("null") << QByteArray("null") << u"bad_json"_s << none << none;
        QTest::newRow("truncated") << QByteArray(R"({"type":"a","id":"1")") << u"bad_json"_s << none << none;
        QTest::newRow("garbage after") << QByteArray(R"({"type":"a","id":"1"} {})") << u"bad_json"_s << none << none;
        QTest::newRow("single quotes") << QByteArray("{'type':'a','id':'1'}") << u"bad_json"_s << none << none;
        QTest::newRow("invalid UTF-8") << QByteArray("{\"type\":\"a\",\"id\":\"1\",\"x\":\"\xff\"}") << u"bad_json"_s
                                       << none << none;
        QTest::newRow("overlong UTF-8") << QByteArray("{\"type\":\"a\",\"id\":\"\xc0\xaf\"}") << u"bad_json"_s << none
                                        << none;
        QTest::newRow("UTF-8 surrogate") << QByteArray("{\"type\":\"a\",\"id\":\"\xed\xa0\x80\"}") << u"bad_json"_s
                                         << none << none;
        QTest::newRow("1 MB string") << QByteArray('"' + QByteArray(1 << 20, 'a') + '"') << u"bad_json"_s << none
                                     << none;
        QTest::newRow("10000 deep") << QByteArray(10000, '[') << u"bad_json"_s << none << none;
        QTest::newRow("10000 deep in a request")
            << QByteArray(R"({"type":"a","id":"1","x":)" + QByteArray(10000, '[') + QByteArray(10000, ']') + '}')
            << u"bad_json"_s << none << none;
        QTest::newRow("no type") << QByteArray(R"({"id":"7"})") << u"bad_request"_s << u"type"_s << u"7"_s;
        QTest::newRow("type null") << QByteArray(R"({"type":null,"id":"7"})") << u"bad_request"_s << u"type"_s
                                   << u"7"_s;
        QTest::newRow("type a number") << QByteArray(R"({"type":3,"id":"7"})") << u"bad_request"_s << u"type"_s
                                       << u"7"_s;
        QTest::newRow("type an object") << QByteArray(R"({"type":{},"id":"7"})") << u"bad_request"_s << u"type"_s
                                        << u"7"_s;
        QTest::newRow("no type, bad id") << QByteArray(R"({"id":7})") << u"bad_request"_s << u"type"_s << none;
        QTest::newRow("no id") << QByteArray(R"({"type":"hello"})") << u"bad_request"_s << u"id"_s << none;
        QTest::newRow("id null") << QByteArray(R"({"type":"hello","id":null})") << u"bad_request"_s << u"id"_s << none;
        QTest::newRow("id a number") << QByteArray(R"({"type":"hello","id":7})") << u"bad_request"_s << u"id"_s << none;
        QTest::newRow("id empty") << QByteArray(R"({"type":"hello","id":""})") << u"bad_request"_s << u"id"_s << none;
        QTest::newRow("id of 65 characters") << QByteArray(R"({"type":"hello","id":")" + QByteArray(65, 'i') + R"("})")
                                             << u"bad_request"_s << u"id"_s << none;
        QTest::newRow("id of 1 MB") << QByteArray(R"({"type":"hello","id":")" + QByteArray(1 << 20, 'i') + R"("})")
                                    << u"bad_request"_s << u"id"_s << none;
        QTest::newRow("id a lone surrogate")
            << QByteArray(R"({"type":"hello","id":"\ud800"})") << u"bad_request"_s << u"id"_s << none;
    }
    void refusesFrames()
    {
        QFETCH(QByteArray, frame);
        QFETCH(QString, code);
        QFETCH(QString, field);
        QFETCH(QString, echoedId);
        QElapsedTimer timer;
        timer.start();
        const auto parsed = parseRequest(frame);
        // Linear work: a megabyte or 10000 levels take milliseconds, even under ASan.
        QVERIFY2(timer.elapsed() < 2000, qPrintable(u"%1 ms"_s.arg(timer.elapsed())));
        QVERIFY(!parsed);
        QCOMPARE(parsed.error().error.code, code);
        QCOMPARE(parsed.error().error.field, field);
        QCOMPARE(parsed.error().id, echoedId);
        QVERIFY(!parsed.error().error.message.isEmpty());
        if (!field.isEmpty())
            QVERIFY2(parsed.error().error.message.contains(QString(u'"' + field + u'"')),
                     qPrintable(parsed.error().error.message));
    }

    void readsStrings_data()
    {
        QTest::addColumn<QByteArray>("value"); // empty: the field is absent
        QTest::addColumn<int>("maxLength");
        QTest::addColumn<bool>("accepted");
        QTest::addColumn<QString>("expected");
        QTest::newRow("text") << QByteArray(R"("ann")") << 10 << true << u"ann"_s;
        QTest::newRow("empty") << QByteArray(R"("")") << 10 << true << QString();
        QTest::newRow("at the limit") << QByteArray(R"("abcde")") << 5 << true << u"abcde"_s;
        QTest::newRow("escapes") << QByteArray(R"("a\"b\\c\u00e9\n")") << 10 << true << u"a\"b\\cé\n"_s;
        QTest::newRow("surrogate pair escaped") << QByteArray(R"("\ud83d\ude00")") << 1 << true << u"😀"_s;
        QTest::newRow("emoji count one each") << u"\"😀😀😀\""_s.toUtf8() << 3 << true << u"😀😀😀"_s;
        QTest::newRow("one over") << QByteArray(R"("abcdef")") << 5 << false << QString();
        QTest::newRow("emoji one over") << u"\"😀😀😀😀\""_s.toUtf8() << 3 << false << QString();
        QTest::newRow("lone high surrogate") << QByteArray(R"("a\ud800b")") << 10 << false << QString();
        QTest::newRow("lone low surrogate") << QByteArray(R"("\udc00")") << 10 << false << QString();
        QTest::newRow("surrogate at the end") << QByteArray(R"("a\ud83d")") << 10 << false << QString();
        QTest::newRow("number") << QByteArray("3") << 10 << false << QString();
        QTest::newRow("true") << QByteArray("true") << 10 << false << QString();
        QTest::newRow("array") << QByteArray(R"(["a"])") << 10 << false << QString();
        QTest::newRow("null") << QByteArray("null") << 10 << false << QString();
        QTest::newRow("absent") << QByteArray() << 10 << false << QString();
    }
    void readsStrings()
    {
        QFETCH(QByteArray, value);
        QFETCH(int, maxLength);
        QFETCH(bool, accepted);
        QFETCH(QString, expected);
        const QJsonObject object =
            objectOf(value.isEmpty() ? QByteArray("{}") : QByteArray("{\"name\":" + value + '}'));
        const auto text = requireString(object, u"name", maxLength);
        QCOMPARE(bool(text), accepted);
        if (accepted) {
            QCOMPARE(*text, expected);
        } else {
            QCOMPARE(text.error().code, u"bad_request"_s);
            QCOMPARE(text.error().field, u"name"_s);
            QVERIFY2(text.error().message.startsWith(u"\"name\" "_s), qPrintable(text.error().message));
        }

        // The optional reader agrees, except that absent and null are no value.
        const auto optional = optionalString(object, u"name", maxLength);
        const bool noValue = value.isEmpty() || value == "null";
        QCOMPARE(bool(optional), accepted || noValue);
        if (optional)
            QCOMPARE(optional->has_value(), !noValue);
        if (optional && *optional)
            QCOMPARE(**optional, expected);
    }

    void readsInts_data()
    {
        QTest::addColumn<QByteArray>("value"); // empty: the field is absent
        QTest::addColumn<qint64>("min");
        QTest::addColumn<qint64>("max");
        QTest::addColumn<bool>("accepted");
        QTest::addColumn<qint64>("expected");
        QTest::newRow("3") << QByteArray("3") << 0LL << 10LL << true << 3LL;
        QTest::newRow("3.0") << QByteArray("3.0") << 0LL << 10LL << true << 3LL;
        QTest::newRow("1e1") << QByteArray("1e1") << 0LL << 10LL << true << 10LL;
        QTest::newRow("-0") << QByteArray("-0") << 0LL << 10LL << true << 0LL;
        QTest::newRow("min") << QByteArray("-5") << -5LL << 5LL << true << -5LL;
        QTest::newRow("largest exact") << QByteArray("9007199254740991") << 1LL << MaxJsonInteger << true
                                       << MaxJsonInteger;
        QTest::newRow("3.5") << QByteArray("3.5") << 0LL << 10LL << false << 0LL;
        QTest::newRow("string") << QByteArray(R"("3")") << 0LL << 10LL << false << 0LL;
        QTest::newRow("true") << QByteArray("true") << 0LL << 10LL << false << 0LL;
        QTest::newRow("null") << QByteArray("null") << 0LL << 10LL << false << 0LL;
        QTest::newRow("absent") << QByteArray() << 0LL << 10LL << false << 0LL;
        QTest::newRow("object") << QByteArray("{}") << 0LL << 10LL << false << 0LL;
        QTest::newRow("1e300") << QByteArray("1e300") << 0LL << MaxJsonInteger << false << 0LL;
        QTest::newRow("-1e300") << QByteArray("-1e300") << -MaxJsonInteger << MaxJsonInteger << false << 0LL;
        QTest::newRow("-1, min 0") << QByteArray("-1") << 0LL << 10LL << false << 0LL;
        QTest::newRow("11, max 10") << QByteArray("11") << 0LL << 10LL << false << 0LL;
        // Beyond 2^53 a double is no longer exact, whatever range the caller asked for.
        QTest::newRow("2^53 + 1") << QByteArray("9007199254740993") << 0LL << std::numeric_limits<qint64>::max()
                                  << false << 0LL;
        QTest::newRow("2^63") << QByteArray("9223372036854775808") << 0LL << std::numeric_limits<qint64>::max() << false
                              << 0LL;
    }
    void readsInts()
    {
        QFETCH(QByteArray, value);
        QFETCH(qint64, min);
        QFETCH(qint64, max);
        QFETCH(bool, accepted);
        QFETCH(qint64, expected);
        const QJsonObject object =
            objectOf(value.isEmpty() ? QByteArray("{}") : QByteArray("{\"limit\":" + value + '}'));
        const auto number = requireInt(object, u"limit", min, max);
        QCOMPARE(bool(number), accepted);
        if (accepted) {
            QCOMPARE(*number, expected);
        } else {
            QCOMPARE(number.error().code, u"bad_request"_s);
            QCOMPARE(number.error().field, u"limit"_s);
            QVERIFY2(number.error().message.startsWith(u"\"limit\" "_s), qPrintable(number.error().message));
        }

        const auto optional = optionalInt(object, u"limit", min, max);
        const bool noValue = value.isEmpty() || value == "null";
        QCOMPARE(bool(optional), accepted || noValue);
        if (optional)
            QCOMPARE(optional->has_value(), !noValue);
        if (optional && *optional)
            QCOMPARE(**optional, expected);
    }

    void intRangeIsInTheMessage()
    {
        const auto number = requireInt(objectOf(R"({"limit":500})"), u"limit", 1, 200);
        QVERIFY(!number);
        QCOMPARE(number.error().message, u"\"limit\" must be a whole number from 1 to 200."_s);
        const auto seq = requireInt(objectOf(R"({"seq":0})"), u"seq", 1, MaxJsonInteger);
        QVERIFY(!seq);
        QCOMPARE(seq.error().message, u"\"seq\" must be a whole number of at least 1."_s);
    }

    void readsUuids_data()
    {
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("lowercase") << QByteArray(R"("6f1c2b3a-0d4e-4f5a-8b6c-7d8e9f0a1b2c")") << true;
        QTest::newRow("uppercase") << QByteArray(R"("6F1C2B3A-0D4E-4F5A-8B6C-7D8E9F0A1B2C")") << false;
        QTest::newRow("braces") << QByteArray(R"("{6f1c2b3a-0d4e-4f5a-8b6c-7d8e9f0a1b2c}")") << false;
        QTest::newRow("no dashes") << QByteArray(R"("6f1c2b3a0d4e4f5a8b6c7d8e9f0a1b2c")") << false;
        QTest::newRow("too short") << QByteArray(R"("6f1c2b3a-0d4e-4f5a-8b6c-7d8e9f0a1b2")") << false;
        QTest::newRow("trailing newline") << QByteArray(R"("6f1c2b3a-0d4e-4f5a-8b6c-7d8e9f0a1b2c\n")") << false;
        QTest::newRow("empty") << QByteArray(R"("")") << false;
        QTest::newRow("number") << QByteArray("1") << false;
        QTest::newRow("null") << QByteArray("null") << false;
    }
    void readsUuids()
    {
        QFETCH(QByteArray, value);
        QFETCH(bool, accepted);
        const auto id = requireUuid(objectOf("{\"conversationId\":" + value + '}'), u"conversationId");
        QCOMPARE(bool(id), accepted);
        if (accepted) {
            QCOMPARE(*id, uuid("6f1c2b3a-0d4e-4f5a-8b6c-7d8e9f0a1b2c"));
        } else {
            QCOMPARE(id.error().code, u"bad_request"_s);
            QCOMPARE(id.error().field, u"conversationId"_s);
        }
    }

    void readsTimestamps_data()
    {
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("UTC with ms") << QByteArray(R"("2026-03-14T09:26:53.589Z")") << true;
        QTest::newRow("no ms") << QByteArray(R"("2026-03-14T09:26:53Z")") << false;
        QTest::newRow("offset") << QByteArray(R"("2026-03-14T10:26:53.589+01:00")") << false;
        QTest::newRow("no zone") << QByteArray(R"("2026-03-14T09:26:53.589")") << false;
        QTest::newRow("30 February") << QByteArray(R"("2026-02-30T09:26:53.589Z")") << false;
        QTest::newRow("trailing newline") << QByteArray(R"("2026-03-14T09:26:53.589Z\n")") << false;
        QTest::newRow("24:00") << QByteArray(R"("2026-03-13T24:00:00.000Z")") << false;
        QTest::newRow("number") << QByteArray("1773480413589") << false;
    }
    void readsTimestamps()
    {
        QFETCH(QByteArray, value);
        QFETCH(bool, accepted);
        const auto time = requireTimestamp(objectOf("{\"sentAt\":" + value + '}'), u"sentAt");
        QCOMPARE(bool(time), accepted);
        if (accepted)
            QCOMPARE(*time, utc(2026, 3, 14, 9, 26, 53, 589));
        else
            QCOMPARE(time.error().field, u"sentAt"_s);
    }

    void readsObjectsArraysAndBools()
    {
        const QJsonObject object = objectOf(R"({"o":{"a":1},"a":[1,2],"b":false,"n":null,"s":"x","i":1})");
        QCOMPARE(textOf(*requireObject(object, u"o")), QByteArray(R"({"a":1})"));
        QCOMPARE(requireArray(object, u"a")->size(), 2);
        QCOMPARE(*requireBool(object, u"b"), false);
        QCOMPARE(*requireBool(objectOf(R"({"b":true})"), u"b"), true);
        QVERIFY(optionalObject(object, u"o")->has_value());
        QVERIFY(!optionalObject(object, u"n")->has_value());
        QVERIFY(!optionalObject(object, u"absent")->has_value());

        for (const QString &field : { u"a"_s, u"s"_s, u"i"_s, u"b"_s }) {
            QCOMPARE(requireObject(object, field).error().field, field);
            QVERIFY(!optionalObject(object, field));
        }
        for (const QString &field : { u"o"_s, u"s"_s, u"n"_s, u"absent"_s })
            QCOMPARE(requireArray(object, field).error().field, field);
        // Only true and false: not 0 or 1, not "true".
        for (const QString &field : { u"o"_s, u"a"_s, u"s"_s, u"i"_s, u"n"_s, u"absent"_s })
            QCOMPARE(requireBool(object, field).error().code, u"bad_request"_s);
        QCOMPARE(requireObject(object, u"n").error().message, u"\"n\" is required."_s);
        QCOMPARE(requireBool(object, u"s").error().message, u"\"s\" must be true or false."_s);
    }

    void buildsFrames()
    {
        QJsonObject result { { u"token"_s, u"abc"_s }, { u"user"_s, QJsonObject { { u"id"_s, u"u1"_s } } } };
        const QByteArray ok = reply(u"7"_s, result);
        QVERIFY(!ok.contains(' ') && !ok.contains('\n'));
        QCOMPARE(textOf(objectOf(ok)), QByteArray(R"({"id":"7","ok":true,"token":"abc","user":{"id":"u1"}})"));
        // The envelope's names are reserved: the envelope wins.
        QCOMPARE(textOf(objectOf(reply(u"8"_s, QJsonObject { { u"ok"_s, false }, { u"id"_s, 1 }, { u"error"_s, 2 } }))),
                 QByteArray(R"({"id":"8","ok":true})"));
        // A member made as JSON text elsewhere is spliced in as it is, replacing one of its name.
        const QByteArray spliced = reply(u"10"_s, QJsonObject { { u"more"_s, true }, { u"rows"_s, 1 } }, "rows"_L1,
                                         "[{\"a\":\"\xd0\x96 \\\"x\\\"\"},2.5e-7,null]");
        QCOMPARE(textOf(objectOf(spliced)),
                 QByteArray("{\"id\":\"10\",\"more\":true,\"ok\":true,\"rows\":[{\"a\":\"\xd0\x96 \\\"x\\\"\"},"
                            "2.5e-07,null]}"));
        QCOMPARE(spliced.count("\"rows\""), 1);

        Error limited = Error::make(ErrorCode::RateLimited, u"Too many failed logins."_s, u"email"_s);
        limited.retryAfter = 42;
        QCOMPARE(textOf(objectOf(errorReply(u"9"_s, limited))),
                 QByteArray(R"({"error":{"code":"rate_limited","field":"email","message":"Too many failed logins.",)"
                            R"("retryAfter":42},"id":"9","ok":false})"));
        // No field and no retryAfter: the keys are left out, and an unread id is null.
        QCOMPARE(textOf(objectOf(errorReply(QString(), Error::make(ErrorCode::BadJson, u"Not JSON."_s)))),
                 QByteArray(R"({"error":{"code":"bad_json","message":"Not JSON."},"id":null,"ok":false})"));

        QCOMPARE(textOf(objectOf(push(u"chat.receipt"_s, QJsonObject { { u"readUpTo"_s, 3 } }))),
                 QByteArray(R"({"readUpTo":3,"type":"chat.receipt"})"));
        QCOMPARE(textOf(objectOf(request(u"login"_s, u"1"_s, QJsonObject { { u"email"_s, u"a@b.c"_s } }))),
                 QByteArray(R"({"email":"a@b.c","id":"1","type":"login"})"));
        // UTF-8 out, not \u escapes.
        QVERIFY(push(u"x"_s, QJsonObject { { u"text"_s, u"Привет"_s } }).contains(u"Привет"_s.toUtf8()));
    }

    void readsIncoming()
    {
        const auto ok = parseIncoming(reply(u"7"_s, QJsonObject { { u"token"_s, u"abc"_s } }));
        QVERIFY2(ok, qPrintable(ok ? QString() : ok.error()));
        QCOMPARE(ok->kind, Incoming::Reply);
        QCOMPARE(ok->id, u"7"_s);
        QVERIFY(ok->ok);
        QCOMPARE(textOf(ok->body), QByteArray(R"({"token":"abc"})"));

        Error limited = Error::make(ErrorCode::RateLimited, u"Too many failed logins."_s, u"email"_s);
        limited.retryAfter = 60;
        const auto failed = parseIncoming(errorReply(u"8"_s, limited));
        QVERIFY2(failed, qPrintable(failed ? QString() : failed.error()));
        QCOMPARE(failed->kind, Incoming::Reply);
        QCOMPARE(failed->id, u"8"_s);
        QVERIFY(!failed->ok);
        QVERIFY(failed->error == limited);
        QVERIFY(failed->error.is(ErrorCode::RateLimited));
        QVERIFY(failed->body.isEmpty());

        const auto unread = parseIncoming(errorReply(QString(), Error::make(ErrorCode::BadJson, u"Not JSON."_s)));
        QVERIFY(unread);
        QCOMPARE(unread->kind, Incoming::Reply);
        QVERIFY(unread->id.isEmpty());
        QCOMPARE(unread->error.code, u"bad_json"_s);
        QVERIFY(!unread->error.retryAfter);

        const auto pushed = parseIncoming(push(u"chat.message"_s, QJsonObject { { u"message"_s, QJsonObject() } }));
        QVERIFY(pushed);
        QCOMPARE(pushed->kind, Incoming::Push);
        QCOMPARE(pushed->type, u"chat.message"_s);
        QVERIFY(pushed->id.isEmpty());
        QCOMPARE(textOf(pushed->body), QByteArray(R"({"message":{}})"));
    }

    // A reply with bytes: its JSON after its length, then the bytes, which may be anything
    // (here a NUL, a '{' and bytes that are not UTF-8); read back only as a binary message.
    void readsBinaryReplies()
    {
        const QByteArray bytes("\0{\xff\xfe tail", 9);
        const QByteArray frame = binaryReply(u"12"_s, QJsonObject { { u"offset"_s, 4 } }, bytes);
        QVERIFY(isBinaryFrame(frame));
        QVERIFY(!isBinaryFrame(reply(u"12"_s, QJsonObject())));
        const QByteArray header = R"({"id":"12","offset":4,"ok":true})";
        QCOMPARE(frame.left(4), QByteArray("\0\0\0", 3) + char(header.size()));
        QCOMPARE(frame.mid(4, header.size()), header);
        const auto read = parseIncoming(frame, true);
        QVERIFY2(read, qPrintable(read ? QString() : read.error()));
        QCOMPARE(read->kind, Incoming::Reply);
        QCOMPARE(read->id, u"12"_s);
        QVERIFY(read->ok);
        QCOMPARE(read->body.value(u"offset"_s).toInt(), 4);
        QCOMPARE(read->bytes, bytes);
        // As text it is not JSON.
        QVERIFY(!parseIncoming(frame));

        // Refused: shorter than its length, a header past the end, and anything but a reply
        // that succeeded.
        QVERIFY(!parseIncoming(QByteArray("\0\0", 2), true));
        QVERIFY(!parseIncoming(QByteArray("\0\0\0\x40{}", 6), true));
        const QByteArray refusal = errorReply(u"3"_s, Error::make(ErrorCode::NotFound, u"No such snapshot."_s));
        QVERIFY(!parseIncoming(
            QByteArray("\0\0", 2) + char(refusal.size() >> 8) + char(refusal.size() & 0xff) + refusal, true));
        const QByteArray pushed = push(u"sync.poke"_s, QJsonObject());
        QVERIFY(!parseIncoming(QByteArray("\0\0\0", 3) + char(pushed.size()) + pushed, true));
    }

    void refusesIncoming_data()
    {
        QTest::addColumn<QByteArray>("frame");
        QTest::newRow("not JSON") << QByteArray("{");
        QTest::newRow("array") << QByteArray("[]");
        QTest::newRow("reply without ok") << QByteArray(R"({"id":"1"})");
        QTest::newRow("ok not a bool") << QByteArray(R"({"id":"1","ok":1})");
        QTest::newRow("id a number") << QByteArray(R"({"id":1,"ok":true})");
        QTest::newRow("failure without error") << QByteArray(R"({"id":"1","ok":false})");
        QTest::newRow("error not an object") << QByteArray(R"({"id":"1","ok":false,"error":"x"})");
        QTest::newRow("error without code") << QByteArray(R"({"id":"1","ok":false,"error":{"message":"m"}})");
        QTest::newRow("error with empty code")
            << QByteArray(R"({"id":"1","ok":false,"error":{"code":"","message":"m"}})");
        QTest::newRow("error without message") << QByteArray(R"({"id":"1","ok":false,"error":{"code":"internal"}})");
        QTest::newRow("negative retryAfter")
            << QByteArray(R"({"id":"1","ok":false,"error":{"code":"rate_limited","message":"m","retryAfter":-1}})");
        QTest::newRow("push without type") << QByteArray(R"({"message":{}})");
        QTest::newRow("push type a number") << QByteArray(R"({"type":5})");
    }
    void refusesIncoming()
    {
        QFETCH(QByteArray, frame);
        const auto incoming = parseIncoming(frame);
        QVERIFY(!incoming);
        QVERIFY(!incoming.error().isEmpty());
    }

    void chatJsonRoundTrips()
    {
        UserJson user;
        user.id = uuid("11111111-2222-4333-8444-555555555555");
        user.email = u"anna@example.org"_s;
        user.displayName = u"Анна Петрова"_s;
        user.role = models::domain::Role::Landlord;
        user.language = models::domain::Language::Russian;
        QCOMPARE(textOf(user.toJson()),
                 QByteArray(R"({"displayName":"Анна Петрова","email":"anna@example.org",)"
                            R"("id":"11111111-2222-4333-8444-555555555555","language":"ru","role":"landlord"})"));
        QVERIFY(UserJson::fromJson(user.toJson()) == user);

        const ChatMessageJson message = sampleMessage();
        QCOMPARE(textOf(message.toJson()),
                 QByteArray(R"({"conversationId":"6f1c2b3a-0d4e-4f5a-8b6c-7d8e9f0a1b2c",)"
                            R"("id":"0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",)"
                            R"("senderId":"11111111-2222-4333-8444-555555555555",)"
                            R"("sentAt":"2026-03-14T09:26:53.589Z","seq":13,)"
                            R"("text":"Здравствуйте! Is the flat still free? 😀"})"));
        QVERIFY(ChatMessageJson::fromJson(message.toJson()) == message);

        const ConversationJson full = sampleConversation();
        const auto fullAgain = ConversationJson::fromJson(objectOf(textOf(full.toJson())));
        QVERIFY2(fullAgain, qPrintable(fullAgain ? QString() : fullAgain.error().message));
        QVERIFY(*fullAgain == full);
        QCOMPARE(full.toJson().value(u"about").toObject().value(u"kind").toString(), u"booking"_s);
        QCOMPARE(textOf(full.toJson().value(u"peer").toObject()),
                 QByteArray(R"({"displayName":"Анна Петрова","id":"11111111-2222-4333-8444-555555555555",)"
                            R"("role":"landlord"})"));

        ConversationJson bare = sampleConversation();
        bare.about.reset();
        bare.lastMessage.reset();
        bare.unread = 0;
        bare.peerDeliveredUpTo = 0;
        bare.peerReadUpTo = 0;
        // Written as null, as the specification shows; read back as none.
        QVERIFY(bare.toJson().value(u"about").isNull());
        QVERIFY(bare.toJson().value(u"lastMessage").isNull());
        QVERIFY(ConversationJson::fromJson(bare.toJson()) == bare);
        QJsonObject withoutKeys = bare.toJson();
        withoutKeys.remove(u"about");
        withoutKeys.remove(u"lastMessage");
        QVERIFY(ConversationJson::fromJson(withoutKeys) == bare);

        About apartment;
        apartment.kind = About::Kind::Apartment;
        apartment.id = uuid("99999999-8888-4777-8666-555555555555");
        apartment.title = u"Lenina 5, apt 12"_s;
        QCOMPARE(apartment.toJson().value(u"kind").toString(), u"apartment"_s);
        QVERIFY(About::fromJson(apartment.toJson()) == apartment);
    }

    void chatJsonRefusals_data()
    {
        QTest::addColumn<QString>("what");
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("field");
        const QJsonObject message = sampleMessage().toJson();
        const QJsonObject conversation = sampleConversation().toJson();
        const auto with = [](QJsonObject object, const QString &key, const QJsonValue &value) {
            if (value.isUndefined())
                object.remove(key);
            else
                object.insert(key, value);
            return textOf(object);
        };
        const auto withPeer = [&](const QString &key, const QJsonValue &value) {
            return with(conversation, u"peer"_s, objectOf(with(conversation.value(u"peer").toObject(), key, value)));
        };
        QTest::newRow("message: uppercase id")
            << u"message"_s << with(message, u"id"_s, u"0A1B2C3D-4E5F-4A6B-8C7D-9E0F1A2B3C4D"_s) << u"id"_s;
        QTest::newRow("message: seq 0") << u"message"_s << with(message, u"seq"_s, 0) << u"seq"_s;
        QTest::newRow("message: seq 1.5") << u"message"_s << with(message, u"seq"_s, 1.5) << u"seq"_s;
        QTest::newRow("message: seq text") << u"message"_s << with(message, u"seq"_s, u"13"_s) << u"seq"_s;
        QTest::newRow("message: no sender")
            << u"message"_s << with(message, u"senderId"_s, QJsonValue::Undefined) << u"senderId"_s;
        QTest::newRow("message: local time")
            << u"message"_s << with(message, u"sentAt"_s, u"2026-03-14T12:26:53.589+03:00"_s) << u"sentAt"_s;
        QTest::newRow("message: text too long")
            << u"message"_s << with(message, u"text"_s, QString(Limits().maxChatChars + 1, u'a')) << u"text"_s;
        QTest::newRow("user: role admin") << u"user"_s
                                          << with(objectOf(R"({"id":"11111111-2222-4333-8444-555555555555",)"
                                                           R"("email":"a@b.c","displayName":"A","language":"en"})"),
                                                  u"role"_s, u"admin"_s)
                                          << u"role"_s;
        QTest::newRow("user: language de")
            << u"user"_s
            << QByteArray(R"({"id":"11111111-2222-4333-8444-555555555555","email":"a@b.c","displayName":"A",)"
                          R"("role":"renter","language":"de"})")
            << u"language"_s;
        QTest::newRow("user: role in capitals")
            << u"user"_s
            << QByteArray(R"({"id":"11111111-2222-4333-8444-555555555555","email":"a@b.c","displayName":"A",)"
                          R"("role":"Renter","language":"en"})")
            << u"role"_s;
        QTest::newRow("about: kind house")
            << u"about"_s << QByteArray(R"({"kind":"house","id":"99999999-8888-4777-8666-555555555555","title":"t"})")
            << u"kind"_s;
        QTest::newRow("about: no title") << u"about"_s
                                         << QByteArray(
                                                R"({"kind":"booking","id":"99999999-8888-4777-8666-555555555555"})")
                                         << u"title"_s;
        QTest::newRow("conversation: peer role")
            << u"conversation"_s << withPeer(u"role"_s, u"admin"_s) << u"peer.role"_s;
        QTest::newRow("conversation: peer id") << u"conversation"_s << withPeer(u"id"_s, 5) << u"peer.id"_s;
        QTest::newRow("conversation: no peer")
            << u"conversation"_s << with(conversation, u"peer"_s, QJsonValue::Undefined) << u"peer"_s;
        QTest::newRow("conversation: about kind")
            << u"conversation"_s
            << with(conversation, u"about"_s,
                    QJsonObject { { u"kind"_s, u"car"_s },
                                  { u"id"_s, u"99999999-8888-4777-8666-555555555555"_s },
                                  { u"title"_s, u"t"_s } })
            << u"about.kind"_s;
        QTest::newRow("conversation: about a string")
            << u"conversation"_s << with(conversation, u"about"_s, u"x"_s) << u"about"_s;
        QTest::newRow("conversation: last message seq")
            << u"conversation"_s << with(conversation, u"lastMessage"_s, objectOf(with(message, u"seq"_s, -3)))
            << u"lastMessage.seq"_s;
        QTest::newRow("conversation: last message elsewhere")
            << u"conversation"_s
            << with(conversation, u"lastMessage"_s,
                    objectOf(with(message, u"conversationId"_s, u"00000000-0000-4000-8000-000000000000"_s)))
            << u"lastMessage.conversationId"_s;
        QTest::newRow("conversation: negative unread")
            << u"conversation"_s << with(conversation, u"unread"_s, -1) << u"unread"_s;
        QTest::newRow("conversation: read past delivered")
            << u"conversation"_s << with(conversation, u"peerReadUpTo"_s, 13) << u"peerReadUpTo"_s;
    }
    void chatJsonRefusals()
    {
        QFETCH(QString, what);
        QFETCH(QByteArray, json);
        QFETCH(QString, field);
        const QJsonObject object = objectOf(json);
        Error error;
        if (what == u"message"_s)
            error = ChatMessageJson::fromJson(object).error();
        else if (what == u"user"_s)
            error = UserJson::fromJson(object).error();
        else if (what == u"about"_s)
            error = About::fromJson(object).error();
        else
            error = ConversationJson::fromJson(object).error();
        QCOMPARE(error.code, u"bad_request"_s);
        QCOMPARE(error.field, field);
        // The message names the field by its full path.
        QVERIFY2(error.message.contains(QString(u'"' + field + u'"')), qPrintable(error.message));
    }

    void errorFromDomain_data()
    {
        QTest::addColumn<DomainCode>("domainCode");
        QTest::addColumn<QString>("code");
        QTest::addColumn<bool>("service");
        QTest::newRow("not found") << DomainCode::NotFound << u"not_found"_s << false;
        QTest::newRow("not allowed") << DomainCode::NotAllowed << u"not_allowed"_s << false;
        QTest::newRow("wrong credentials") << DomainCode::WrongCredentials << u"wrong_credentials"_s << false;
        QTest::newRow("storage") << DomainCode::Storage << u"internal"_s << false;
        QTest::newRow("invalid value") << DomainCode::InvalidValue << u"invalid_value"_s << true;
        QTest::newRow("email taken") << DomainCode::EmailTaken << u"email_taken"_s << true;
        QTest::newRow("weak password") << DomainCode::WeakPassword << u"weak_password"_s << true;
        QTest::newRow("dates taken") << DomainCode::DatesTaken << u"dates_taken"_s << true;
        QTest::newRow("not in this mode") << DomainCode::NotInThisMode << u"not_in_this_mode"_s << true;
    }
    void errorFromDomain()
    {
        QFETCH(DomainCode, domainCode);
        QFETCH(QString, code);
        QFETCH(bool, service);
        const models::services::DomainError domain(domainCode, u"user"_s, u"email"_s, u"A sentence."_s);
        const Error error = Error::fromDomain(domain);
        QCOMPARE(error.code, code);
        QCOMPARE(error.field, u"email"_s);
        QCOMPARE(error.message, u"A sentence."_s);
        QVERIFY(!error.retryAfter);
        QCOMPARE(error.is(ErrorCode::Service), service);
        QVERIFY(error.kind().has_value());
    }

    void codeNamesRoundTrip_data()
    {
        QTest::addColumn<ErrorCode>("code");
        QTest::addColumn<QString>("name");
        QTest::newRow("bad_json") << ErrorCode::BadJson << u"bad_json"_s;
        QTest::newRow("bad_request") << ErrorCode::BadRequest << u"bad_request"_s;
        QTest::newRow("unknown_type") << ErrorCode::UnknownType << u"unknown_type"_s;
        QTest::newRow("hello_required") << ErrorCode::HelloRequired << u"hello_required"_s;
        QTest::newRow("unsupported_version") << ErrorCode::UnsupportedVersion << u"unsupported_version"_s;
        QTest::newRow("not_logged_in") << ErrorCode::NotLoggedIn << u"not_logged_in"_s;
        QTest::newRow("already_logged_in") << ErrorCode::AlreadyLoggedIn << u"already_logged_in"_s;
        QTest::newRow("wrong_credentials") << ErrorCode::WrongCredentials << u"wrong_credentials"_s;
        QTest::newRow("rate_limited") << ErrorCode::RateLimited << u"rate_limited"_s;
        QTest::newRow("invalid_token") << ErrorCode::InvalidToken << u"invalid_token"_s;
        QTest::newRow("not_found") << ErrorCode::NotFound << u"not_found"_s;
        QTest::newRow("not_allowed") << ErrorCode::NotAllowed << u"not_allowed"_s;
        QTest::newRow("server_busy") << ErrorCode::ServerBusy << u"server_busy"_s;
        QTest::newRow("internal") << ErrorCode::Internal << u"internal"_s;
        QTest::newRow("feeds_off") << ErrorCode::FeedsOff << u"feeds_off"_s;
    }
    void codeNamesRoundTrip()
    {
        QFETCH(ErrorCode, code);
        QFETCH(QString, name);
        QCOMPARE(codeName(code), name);
        QVERIFY(errorCodeFromName(name) == code);
        QVERIFY(Error::make(code, u"m"_s).is(code));
    }

    void everyCodeHasItsOwnName()
    {
        // The enum's codes up to Service, each with a distinct name (the table above checks
        // which one).
        QSet<QString> names;
        for (int i = 0; ErrorCode(i) != ErrorCode::Service; ++i) {
            const QString name = codeName(ErrorCode(i));
            QVERIFY2(!name.isEmpty(), qPrintable(QString::number(i)));
            names.insert(name);
            QCOMPARE(names.size(), qsizetype(i + 1));
        }
        QCOMPARE(names.size(), qsizetype(15));

        // Service errors have no name of their own; the services' codes are recognised as them.
        QVERIFY(codeName(ErrorCode::Service).isEmpty());
        QVERIFY(errorCodeFromName(u"email_taken") == ErrorCode::Service);
        QVERIFY(errorCodeFromName(u"has_active_bookings") == ErrorCode::Service);
        // "storage" never goes on the wire (it is sent as internal), so a client does not know it.
        QVERIFY(!errorCodeFromName(u"storage"));
        QVERIFY(!errorCodeFromName(u"BAD_JSON"));
        QVERIFY(!errorCodeFromName(u"teapot"));
        QVERIFY(!errorCodeFromName(u""));
        // Every refusal of the services reaches a client as a code it recognises.
        for (int i = 0; models::services::DomainError::codeName(DomainCode(i)) != u"unknown"_s; ++i) {
            const Error error = Error::fromDomain(models::services::DomainError(DomainCode(i), {}, {}, u"m"_s));
            QVERIFY2(error.kind().has_value(), qPrintable(error.code));
        }
    }

    void limitsRoundTrip()
    {
        const Limits defaults;
        QCOMPARE(textOf(defaults.toJson()),
                 QByteArray(R"({"maxChatChars":4000,"maxMessageBytes":65536,"maxQueuedBytes":1048576,)"
                            R"("pingSeconds":30})"));
        QVERIFY(Limits::fromJson(defaults.toJson()) == defaults);

        Limits custom;
        custom.maxMessageBytes = 1 << 24;
        custom.maxChatChars = 10;
        custom.pingSeconds = 5;
        custom.maxQueuedBytes = qint64(1) << 33;
        QVERIFY(Limits::fromJson(custom.toJson()) == custom);

        QJsonObject zero = defaults.toJson();
        zero.insert(u"maxChatChars"_s, 0);
        QCOMPARE(Limits::fromJson(zero).error().field, u"maxChatChars"_s);
        QJsonObject tooSlow = defaults.toJson();
        tooSlow.insert(u"pingSeconds"_s, 24 * 60 * 60 + 1);
        QCOMPARE(Limits::fromJson(tooSlow).error().field, u"pingSeconds"_s);
        QJsonObject missing = defaults.toJson();
        missing.remove(u"maxQueuedBytes");
        QCOMPARE(Limits::fromJson(missing).error().field, u"maxQueuedBytes"_s);
    }

    // Random bytes and mutants of valid frames: nothing crashes, every refusal is one of the
    // two codes parseRequest may give, and whatever is accepted is a well-formed request that
    // request() writes back identically. The seed is fixed so that a failure can be replayed.
    void fuzz()
    {
        QRandomGenerator random(20260314);
        const QList<QByteArray> seeds {
            helloFrame,
            sendFrame,
            R"({"type":"chat.history","id":"3","conversationId":"6f1c2b3a-0d4e-4f5a-8b6c-7d8e9f0a1b2c","limit":50})",
            reply(u"7"_s, sampleConversation().toJson()),
            errorReply(u"8"_s, Error::make(ErrorCode::BadRequest, u"\"id\" is required."_s, u"id"_s)),
            push(u"chat.message"_s, QJsonObject { { u"message"_s, sampleMessage().toJson() } }),
        };
        int accepted = 0;
        int badJson = 0;
        int badRequest = 0;
        int incoming = 0;
        QElapsedTimer timer;
        timer.start();
        for (int round = 0; round < 20000; ++round) {
            QByteArray frame;
            if (round % 2 == 0) {
                frame.resize(random.bounded(300));
                for (char &byte : frame)
                    byte = char(random.bounded(256));
            } else {
                frame = mutated(seeds.at(random.bounded(int(seeds.size()))), random);
            }

            const auto parsed = parseRequest(frame);
            if (parsed) {
                ++accepted;
                QVERIFY(!parsed->id.isEmpty() && parsed->id.size() <= 2 * MaxIdChars);
                QVERIFY(!parsed->body.contains(u"type") && !parsed->body.contains(u"id"));
                const auto again = parseRequest(request(parsed->type, parsed->id, parsed->body));
                QVERIFY2(again, frame.toBase64().constData());
                QCOMPARE(again->type, parsed->type);
                QCOMPARE(again->id, parsed->id);
                QCOMPARE(textOf(again->body), textOf(parsed->body));
            } else {
                const Error &error = parsed.error().error;
                if (error.is(ErrorCode::BadJson)) {
                    ++badJson;
                    QVERIFY(parsed.error().id.isEmpty());
                } else {
                    QVERIFY2(error.is(ErrorCode::BadRequest), qPrintable(error.code));
                    ++badRequest;
                    QVERIFY2(error.field == u"type"_s || error.field == u"id"_s, qPrintable(error.field));
                }
                QVERIFY(parsed.error().id.size() <= 2 * MaxIdChars);
                QVERIFY(!error.message.isEmpty());
            }

            const auto read = parseIncoming(frame);
            if (read) {
                ++incoming;
                if (read->kind == Incoming::Reply && !read->ok)
                    QVERIFY(!read->error.code.isEmpty());
                if (read->kind == Incoming::Push)
                    QVERIFY(!read->body.contains(u"type") && !read->body.contains(u"id"));
            } else {
                QVERIFY(!read.error().isEmpty());
            }
        }
        // Each outcome is reached, or the loop would prove less than it claims.
        QVERIFY2(accepted > 100, qPrintable(QString::number(accepted)));
        QVERIFY2(badRequest > 100, qPrintable(QString::number(badRequest)));
        QVERIFY2(badJson > 10000, qPrintable(QString::number(badJson)));
        QVERIFY2(incoming > 100, qPrintable(QString::number(incoming)));
        qInfo("fuzz: %d accepted, %d bad_request, %d bad_json, %d read as incoming, in %lld ms", accepted, badRequest,
              badJson, incoming, timer.elapsed());
    }
};

QTEST_GUILESS_MAIN(TestProtocol)
#include "tst_protocol.moc"
