// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/server/serverprocess.h"
#include "tests/support/postgrescluster.h"
#include "tests/support/testsupport.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTcpSocket>
#include <QTest>
#include <QUuid>

#include <optional>

using namespace Qt::StringLiterals;
using namespace rentdesk;
using test::RawWebSocket;
using test::ServerProcess;
using test::TestClient;

namespace {

// Failures reproduce with the same seed; RENTDESK_FUZZ_SEED tries another.
constexpr quint32 DefaultSeed = 20261201;
// Malformed frames sent before their replies are awaited, each followed by a probe: well
// below the requests a connection lets wait (ClientConnection::MaxWaitingRequests).
constexpr int Batch = 16;
// Case::field when the error's field is not checked.
const QString AnyField = u"*"_s;
constexpr qint64 MaxJsonInteger = (qint64(1) << 53) - 1;

QByteArray compactJson(const QJsonValue &value)
{
    const QByteArray array = QJsonDocument(QJsonArray { value }).toJson(QJsonDocument::Compact);
    return array.sliced(1, array.size() - 2);
}

QByteArray quotedJson(const QString &text)
{
    return compactJson(text);
}

QString shown(const QByteArray &frame)
{
    QString text = QString::fromUtf8(frame.left(300));
    if (frame.size() > 300)
        text += u"… (%1 bytes)"_s.arg(frame.size());
    return text;
}

QString shown(const QJsonObject &object)
{
    return shown(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QString uuidText()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

// One frame the server must refuse, and how.
struct Case
{
    QByteArray frame;
    bool binary = false;
    QStringList codes; // the error codes allowed
    QString field = AnyField; // the error's field ("" for none)
    QJsonValue id = QJsonValue(QJsonValue::Null); // the reply's id
    bool okAllowed = false; // a well-formed request that may also succeed
    QString label;
};

Case refused(const QByteArray &frame, const QString &code, const QString &field, const QJsonValue &id,
             const QString &label)
{
    Case c;
    c.frame = frame;
    c.codes = QStringList { code };
    c.field = field;
    c.id = id;
    c.label = label;
    return c;
}

Case badJson(const QByteArray &frame, const QString &label)
{
    return refused(frame, u"bad_json"_s, QString(), QJsonValue(QJsonValue::Null), label);
}

// A valid request of a connection's state, sent after each malformed frame: the connection
// must still answer it, and as before.
struct Probe
{
    QString type;
    QJsonObject body;
    QString code; // empty: ok
    std::optional<QJsonArray> messages; // chat.history's, unchanged by anything malformed
};

// What a field of a request is, for the values that must be refused for it.
enum class Kind { Text, Uuid, Whole, Code, Object };

struct Field
{
    QString path; // "about.kind" inside an object
    Kind kind = Kind::Text;
    bool required = true;
    qint64 min = 0; // Whole: the range; Text and Code: max is the length
    qint64 max = 0;
};

Field textField(const QString &path, qint64 maxChars, bool required = true)
{
    Field f;
    f.path = path;
    f.kind = Kind::Text;
    f.required = required;
    f.max = maxChars;
    return f;
}

Field kindField(const QString &path, Kind kind, bool required = true)
{
    Field f;
    f.path = path;
    f.kind = kind;
    f.required = required;
    return f;
}

Field wholeField(const QString &path, qint64 min, qint64 max, bool required)
{
    Field f;
    f.path = path;
    f.kind = Kind::Whole;
    f.required = required;
    f.min = min;
    f.max = max;
    return f;
}

struct BadValue
{
    std::optional<QByteArray> json; // nullopt: the field left out
    bool unparsable = false; // JSON Qt does not read (bad_json, no id)
};

BadValue value(const QByteArray &json, bool unparsable = false)
{
    BadValue v;
    v.json = json;
    v.unparsable = unparsable;
    return v;
}

// Values of the wrong JSON type, out of range, or not valid Unicode, for one field.
QList<BadValue> badValues(const Field &field)
{
    QList<BadValue> values;
    const QList<QByteArray> notText { "5",     "-1", "0",  "1.5",     "1e300",         "18446744073709551616", "true",
                                      "false", "[]", "{}", "[\"x\"]", "{\"a\":\"b\"}", "[[[[[[]]]]]]" };
    const QList<QByteArray> badUnicode { "\"\\ud800\"", "\"a\\udc00\"", "\"\\ud800\\ud800\"", "\"\\udfff\\ud800\"" };
    if (field.required) {
        values.append(BadValue()); // missing
        values.append(value("null"));
    }
    values.append(value("1e400", true));
    switch (field.kind) {
    case Kind::Text:
    case Kind::Code: {
        for (const QByteArray &v : notText)
            values.append(value(v));
        for (const QByteArray &v : badUnicode)
            values.append(value(v));
        const qint64 max = field.kind == Kind::Code ? 32 : field.max;
        values.append(value(quotedJson(QString(max + 1, u'a'))));
        QString wide;
        for (qint64 i = 0; i <= max; ++i)
            wide += u"😀"_s;
        values.append(value(quotedJson(wide)));
        if (field.kind == Kind::Code) {
            values.append(value("\"\""));
            values.append(value("\"admin\""));
            values.append(value("\"RENTER\""));
            values.append(value("\"Apartment\""));
        }
        break;
    }
    case Kind::Uuid: {
        for (const QByteArray &v : notText)
            values.append(value(v));
        for (const QByteArray &v : badUnicode)
            values.append(value(v));
        const QString id = uuidText();
        const QStringList malformedIds { u"not-a-uuid"_s, QString(), id.toUpper(), u'{' + id + u'}',        id + u'\n',
                                         id + u'0',       u' ' + id, id.left(35),  QString(id).remove(u'-') };
        for (const QString &text : malformedIds) {
            values.append(value(quotedJson(text)));
        }
        break;
    }
    case Kind::Whole: {
        for (const char *v :
             { "\"1\"", "true", "false", "[]", "[1]", "{}", "{\"n\":1}", "1.5", "-0.5", "9007199254740992",
               "-9007199254740992", "18446744073709551616", "1e300", "-1e300", "\"\\ud800\"" }) {
            values.append(value(v));
        }
        values.append(value(QByteArray::number(field.min - 1)));
        if (field.max < MaxJsonInteger)
            values.append(value(QByteArray::number(field.max + 1)));
        break;
    }
    case Kind::Object:
        for (const char *v : { "5", "\"x\"", "[]", "[{}]", "true", "false", "1e300" })
            values.append(value(v));
        break;
    }
    return values;
}

// The object as JSON text, with the member at path replaced by a raw value or left out.
QByteArray objectWith(const QJsonObject &object, const QString &path, const std::optional<QByteArray> &replacement,
                      const QString &prefix = {})
{
    QByteArray text = "{";
    bool first = true;
    const auto member = [&](const QString &key, const QByteArray &json) {
        if (!first)
            text += ',';
        first = false;
        text += quotedJson(key) + ':' + json;
    };
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        const QString full = prefix.isEmpty() ? it.key() : prefix + u'.' + it.key();
        if (full == path) {
            if (replacement)
                member(it.key(), *replacement);
        } else if (it.value().isObject() && path.startsWith(full + u'.')) {
            member(it.key(), objectWith(it.value().toObject(), path, replacement, full));
        } else {
            member(it.key(), compactJson(it.value()));
        }
    }
    return text + '}';
}

// A request of that type: the envelope's two names first, then the body's.
QByteArray requestFrame(const QString &type, const QString &id, const QByteArray &bodyObject)
{
    QByteArray frame = "{\"type\":" + quotedJson(type) + ",\"id\":" + quotedJson(id);
    if (bodyObject.size() > 2)
        frame += ',' + bodyObject.sliced(1);
    else
        frame += '}';
    return frame;
}

// Random text for junk frames: any code point, controls and beyond the BMP included.
QString randomText(QRandomGenerator &random, int maxLength)
{
    const int length = int(random.bounded(maxLength + 1));
    QString text;
    for (int i = 0; i < length; ++i) {
        char32_t c = 0;
        switch (random.bounded(4)) {
        case 0:
            c = char32_t(random.bounded(0x80));
            break;
        case 1:
            c = char32_t(random.bounded(0x80, 0xd800));
            break;
        case 2:
            c = char32_t(random.bounded(0xe000, 0x10000));
            break;
        default:
            c = char32_t(random.bounded(0x10000, 0x110000));
            break;
        }
        text += QString::fromUcs4(&c, 1);
    }
    return text;
}

QByteArray randomBytes(QRandomGenerator &random, int maxLength)
{
    QByteArray bytes(int(random.bounded(maxLength + 1)), Qt::Uninitialized);
    for (char &b : bytes)
        b = char(random.bounded(256));
    return bytes;
}

// A random JSON value of bounded depth, from a pool that holds wrong types, edge numbers,
// UUIDs that name nothing and e-mail addresses of nobody.
QJsonValue randomJson(QRandomGenerator &random, int depth)
{
    switch (random.bounded(depth > 0 ? 12 : 10)) {
    case 0:
        return QJsonValue(QJsonValue::Null);
    case 1:
        return random.bounded(2) == 0;
    case 2:
        return qint64(random.bounded(-3, 12));
    case 3: {
        static const double numbers[] = { 0.5, -0.0, 1e300, -1e300, 9007199254740992.0, 1e-300, 3.0, 200.0, 201.0 };
        return numbers[random.bounded(int(std::size(numbers)))];
    }
    case 4:
        return randomText(random, 12);
    case 5:
        return uuidText();
    case 6:
        return u"nobody%1@example.org"_s.arg(random.bounded(1000));
    case 7:
        return QString(int(random.bounded(300)), u'x');
    case 8: {
        static const char *const codes[] = { "apartment", "booking", "renter", "landlord", "en", "ru", "" };
        return QString::fromLatin1(codes[random.bounded(int(std::size(codes)))]);
    }
    case 9:
        return u""_s;
    case 10: {
        QJsonArray array;
        for (int i = int(random.bounded(4)); i > 0; --i)
            array.append(randomJson(random, depth - 1));
        return array;
    }
    default: {
        static const char *const names[] = { "kind", "id", "title", "seq", "text", "a", "" };
        QJsonObject object;
        for (int i = int(random.bounded(4)); i > 0; --i)
            object.insert(QString::fromLatin1(names[random.bounded(int(std::size(names)))]),
                          randomJson(random, depth - 1));
        return object;
    }
    }
}

} // namespace

// rentdesk-server against what a client may get wrong or do on purpose: thousands of
// malformed frames (bad JSON, wrong types for every field of every request, bad envelopes,
// random requests, random binary frames), requests out of order, oversized messages, raw
// protocol violations and clients that vanish mid-request. After each malformed frame the
// connection must answer a valid request as before; at the end a normal client still chats,
// the server exits 0 on SIGTERM and its database passes SQLite's integrity check. One server
// for the whole run, so that what one test function does to it the next one feels.
class TestServerFuzz final : public QObject
{
    Q_OBJECT

    std::unique_ptr<ServerProcess> server;
    QRandomGenerator random;
    qint64 maxMessageBytes = 0;
    int maxChatChars = 0;
    // Ann, logged in, with a conversation with Bob of two messages.
    std::unique_ptr<TestClient> ann;
    std::unique_ptr<TestClient> bob;
    QString conversation;
    QJsonArray messages;
    int nextId = 0;
    int malformed = 0;
    QElapsedTimer clock;

    std::unique_ptr<TestClient> connected(bool sayHello = true)
    {
        auto client = std::make_unique<TestClient>();
        if (!client->open(server->url()) || (sayHello && !client->hello()))
            return nullptr;
        return client;
    }

    QString freshId() { return u"f%1"_s.arg(++nextId); }

    // The probe of a logged-in connection: Ann's conversation, as it was.
    Probe historyProbe() const
    {
        Probe probe;
        probe.type = u"chat.history"_s;
        probe.body = { { u"conversationId"_s, conversation } };
        probe.messages = messages;
        return probe;
    }

    static Probe refusalProbe(const QString &code)
    {
        Probe probe;
        probe.type = u"chat.list"_s;
        probe.code = code;
        return probe;
    }

    // Sends each case followed by the probe, Batch at a time, and checks every reply in
    // order: the case's refusal, then the probe's answer.
    void run(TestClient &client, const QList<Case> &cases, const Probe &probe)
    {
        for (qsizetype start = 0; start < cases.size(); start += Batch) {
            const qsizetype end = std::min(cases.size(), start + Batch);
            QStringList probeIds;
            for (qsizetype i = start; i < end; ++i) {
                const Case &c = cases.at(i);
                if (c.binary)
                    client.sendBinary(c.frame);
                else
                    client.sendRaw(c.frame);
                QJsonObject request = probe.body;
                probeIds.append(u"p%1"_s.arg(++nextId));
                request.insert(u"type"_s, probe.type);
                request.insert(u"id"_s, probeIds.last());
                client.sendRaw(QJsonDocument(request).toJson(QJsonDocument::Compact));
            }
            malformed += int(end - start);
            const auto replies = client.takeReplies(2 * (end - start), 20000);
            QVERIFY2(replies,
                     qPrintable(client.lastError() + u" after "_s + cases.at(start).label + u": "_s
                                + shown(cases.at(start).frame)));
            for (qsizetype i = start; i < end; ++i) {
                const Case &c = cases.at(i);
                const QJsonObject &reply = replies->at(2 * (i - start));
                const QJsonObject &answer = replies->at(2 * (i - start) + 1);
                const QString what =
                    c.label + u": "_s + (c.binary ? u"<binary frame>"_s : shown(c.frame)) + u" → "_s + shown(reply);
                QVERIFY2(reply.value(u"id"_s) == c.id, qPrintable(what));
                QVERIFY2(reply.value(u"ok"_s).isBool(), qPrintable(what));
                if (reply.value(u"ok"_s).toBool()) {
                    QVERIFY2(c.okAllowed, qPrintable(what));
                } else {
                    const QJsonObject error = reply.value(u"error"_s).toObject();
                    QVERIFY2(c.codes.contains(error.value(u"code"_s).toString()), qPrintable(what));
                    QVERIFY2(!error.value(u"message"_s).toString().isEmpty(), qPrintable(what));
                    if (c.field != AnyField)
                        QVERIFY2(error.value(u"field"_s).toString() == c.field, qPrintable(what));
                }

                const QString after = u"the probe after "_s + what + u" → "_s + shown(answer);
                QVERIFY2(answer.value(u"id"_s).toString() == probeIds.at(i - start), qPrintable(after));
                if (probe.code.isEmpty()) {
                    QVERIFY2(answer.value(u"ok"_s).toBool(), qPrintable(after));
                    if (probe.messages)
                        QVERIFY2(answer.value(u"messages"_s).toArray() == *probe.messages, qPrintable(after));
                } else {
                    QVERIFY2(answer.value(u"error"_s).toObject().value(u"code"_s).toString() == probe.code,
                             qPrintable(after));
                }
            }
        }
    }

    // Every bad value of every field of one request, the others valid.
    QList<Case> wrongFields(const QString &type, const QJsonObject &valid, const QList<Field> &fields)
    {
        QList<Case> cases;
        for (const Field &field : fields) {
            for (const BadValue &bad : badValues(field)) {
                const QString id = freshId();
                const QByteArray frame = requestFrame(type, id, objectWith(valid, field.path, bad.json));
                const QString label = type + u' ' + field.path;
                if (bad.unparsable)
                    cases.append(badJson(frame, label));
                else
                    cases.append(refused(frame, u"bad_request"_s, field.path, id, label));
            }
        }
        return cases;
    }

private Q_SLOTS:
    void initTestCase()
    {
        clock.start();
        const quint32 seed = qEnvironmentVariableIsSet("RENTDESK_FUZZ_SEED")
            ? quint32(qEnvironmentVariableIntValue("RENTDESK_FUZZ_SEED"))
            : DefaultSeed;
        qInfo() << "seed" << seed << "(set RENTDESK_FUZZ_SEED for another)";
        random.seed(seed);
        // A limit other than the default, so that the test goes by what hello announces.
        server = std::make_unique<ServerProcess>(QStringList { u"--max-message-bytes"_s, u"32768"_s });
        QVERIFY2(server->start(), qPrintable(server->errorString()));

        auto probe = std::make_unique<TestClient>();
        QVERIFY(probe->open(server->url()));
        const auto hello = probe->call(u"hello"_s, { { u"version"_s, 1 } });
        QVERIFY(hello && hello->value(u"ok"_s).toBool());
        maxMessageBytes = hello->value(u"limits"_s).toObject().value(u"maxMessageBytes"_s).toInteger();
        maxChatChars = hello->value(u"limits"_s).toObject().value(u"maxChatChars"_s).toInt();
        QCOMPARE(maxMessageBytes, 32768);
        QVERIFY(maxChatChars > 0);

        ann = connected();
        bob = connected();
        QVERIFY(ann && bob);
        QVERIFY2(ann->signUpAndLogIn(u"ann@example.org"_s, u"Ann"_s), qPrintable(ann->lastError()));
        QVERIFY2(bob->signUpAndLogIn(u"bob@example.org"_s, u"Bob"_s, u"landlord"_s), qPrintable(bob->lastError()));
        const auto started = ann->call(u"chat.start"_s, { { u"email"_s, u"bob@example.org"_s } });
        QVERIFY(started && started->value(u"ok"_s).toBool());
        conversation = started->value(u"conversation"_s).toObject().value(u"id"_s).toString();
        for (const QString &text : { u"first"_s, u"second"_s }) {
            const auto sent = ann->call(
                u"chat.send"_s,
                { { u"conversationId"_s, conversation }, { u"messageId"_s, uuidText() }, { u"text"_s, text } });
            QVERIFY(sent && sent->value(u"ok"_s).toBool());
            messages.append(sent->value(u"message"_s));
        }
        QVERIFY(bob->waitUntil([&] { return bob->pushCount(u"chat.message"_s) == 2; }));
        bob->takePushes(u"chat.message"_s);
        bob->takePushes(u"chat.conversation"_s);
    }

    void cleanupTestCase()
    {
        qInfo() << malformed << "malformed frames in" << clock.elapsed() << "ms";
        ann.reset();
        bob.reset();
        server.reset();
    }

    void cleanup()
    {
        if (QTest::currentTestFailed() && server)
            qInfo().noquote() << "server's stderr (end):\n" << server->standardError().right(3000);
    }

    // Frames that are not a JSON object: random bytes and text, JSON's other values, cut-off
    // requests, garbage after the object, nesting past the parser's limit.
    void notJsonObjects()
    {
        QList<Case> cases;
        const QList<QByteArray> frames { QByteArray(),
                                         QByteArray(" "),
                                         QByteArray("null"),
                                         QByteArray("true"),
                                         QByteArray("1"),
                                         QByteArray("\"chat.list\""),
                                         QByteArray("[]"),
                                         QByteArray("[{\"type\":\"chat.list\",\"id\":\"1\"}]"),
                                         QByteArray("{"),
                                         QByteArray("}"),
                                         QByteArray("{\"type\":\"chat.list\",\"id\":\"1\"} {}"),
                                         QByteArray("{\"type\":\"chat.list\",\"id\":\"1\"},"),
                                         QByteArray("{'type':'chat.list','id':'1'}"),
                                         QByteArray("{\"type\":\"chat.list\",\"id\":\"1\",}"),
                                         QByteArray("{type:\"chat.list\",id:\"1\"}"),
                                         QByteArray("{\"id\":\"1\",\"type\":\"chat.list\",\"n\":NaN}"),
                                         QByteArray("{\"id\":\"1\",\"type\":\"chat.list\",\"n\":0x10}"),
                                         QByteArray("{\"id\":\"1\",\"type\":\"chat.list\",\"n\":01}"),
                                         QByteArray(3000, '['),
                                         QByteArray(QByteArray(2000, '[') + QByteArray(2000, ']')),
                                         QByteArray("{\"a\":").repeated(1500) };
        for (const QByteArray &frame : frames) {
            cases.append(badJson(frame, u"not a JSON object"_s));
        }

        // Every cut-off prefix of a few valid requests.
        const QList<QByteArray> requests {
            requestFrame(u"chat.history"_s, u"cut"_s,
                         objectWith({ { u"conversationId"_s, conversation }, { u"limit"_s, 2 } }, {}, {})),
            requestFrame(u"chat.send"_s, u"cut"_s,
                         objectWith({ { u"conversationId"_s, conversation },
                                      { u"messageId"_s, uuidText() },
                                      { u"text"_s, u"never stored ✓"_s } },
                                    {}, {})),
        };
        for (const QByteArray &request : requests) {
            for (qsizetype length = 0; length < request.size(); ++length)
                cases.append(badJson(request.left(length), u"cut off"_s));
        }

        // Random bytes (what QWebSocket makes of them: UTF-8, invalid sequences replaced) and
        // random text; neither can hold both "type" and "id", so bad_request names one.
        for (int i = 0; i < 600; ++i) {
            Case c;
            c.frame =
                i % 2 == 0 ? QString::fromUtf8(randomBytes(random, 200)).toUtf8() : randomText(random, 100).toUtf8();
            c.codes = QStringList { u"bad_json"_s, u"bad_request"_s };
            c.label = u"random text"_s;
            cases.append(c);
        }
        // Random strings of JSON's own characters: mostly not JSON, sometimes a value.
        static const char alphabet[] = "{}[]\":,0123456789.eE+-truefalsn \\u";
        for (int i = 0; i < 600; ++i) {
            QByteArray frame;
            for (int n = int(random.bounded(60)); n > 0; --n)
                frame += alphabet[random.bounded(int(sizeof alphabet - 1))];
            Case c;
            c.frame = frame;
            c.codes = QStringList { u"bad_json"_s, u"bad_request"_s };
            c.label = u"JSON characters"_s;
            cases.append(c);
        }
        run(*ann, cases, historyProbe());
    }

    // For every request type, every field with each value it must refuse — wrong JSON types,
    // out of range, over long, unpaired surrogates, malformed UUIDs, negative seqs — and the
    // others valid: bad_request naming the field (or bad_json for a number Qt cannot read).
    void wrongFieldTypes()
    {
        // hello, on a connection that has not said it yet: it still has not after each.
        auto fresh = connected(false);
        QVERIFY(fresh);
        run(*fresh,
            wrongFields(u"hello"_s, { { u"version"_s, 1 }, { u"client"_s, u"fuzz"_s } },
                        { wholeField(u"version"_s, 0, 1000000, true) }),
            refusalProbe(u"hello_required"_s));
        if (QTest::currentTestFailed())
            return;

        // Accounts, on a connection that said hello and has no session.
        auto anonymous = connected();
        QVERIFY(anonymous);
        QList<Case> accounts;
        accounts += wrongFields(u"signup"_s,
                                { { u"email"_s, u"fuzz@example.org"_s },
                                  { u"password"_s, u"correct horse battery"_s },
                                  { u"displayName"_s, u"Fuzz"_s },
                                  { u"role"_s, u"renter"_s },
                                  { u"language"_s, u"en"_s },
                                  { u"phone"_s, u"+7 812 000 00 00"_s } },
                                { textField(u"email"_s, 254), textField(u"password"_s, 1024),
                                  textField(u"displayName"_s, 200), textField(u"phone"_s, 50, false),
                                  kindField(u"role"_s, Kind::Code), kindField(u"language"_s, Kind::Code) });
        accounts += wrongFields(u"login"_s, { { u"email"_s, u"ann@example.org"_s }, { u"password"_s, u"x"_s } },
                                { textField(u"email"_s, 254), textField(u"password"_s, 1024) });
        accounts += wrongFields(u"resume"_s, { { u"token"_s, u"not a token"_s } }, { textField(u"token"_s, 256) });
        run(*anonymous, accounts, refusalProbe(u"not_logged_in"_s));
        if (QTest::currentTestFailed())
            return;

        // Chat, on Ann's connection.
        const QJsonObject about { { u"kind"_s, u"apartment"_s }, { u"id"_s, uuidText() }, { u"title"_s, u"Flat"_s } };
        QList<Case> chat;
        chat += wrongFields(u"chat.start"_s, { { u"email"_s, u"bob@example.org"_s }, { u"about"_s, about } },
                            { textField(u"email"_s, 254), kindField(u"about"_s, Kind::Object, false),
                              kindField(u"about.kind"_s, Kind::Code), kindField(u"about.id"_s, Kind::Uuid),
                              textField(u"about.title"_s, 200) });
        chat += wrongFields(
            u"chat.send"_s,
            { { u"conversationId"_s, conversation }, { u"messageId"_s, uuidText() }, { u"text"_s, u"never stored"_s } },
            { kindField(u"conversationId"_s, Kind::Uuid), kindField(u"messageId"_s, Kind::Uuid),
              textField(u"text"_s, maxChatChars) });
        chat += wrongFields(
            u"chat.history"_s,
            { { u"conversationId"_s, conversation }, { u"beforeSeq"_s, 3 }, { u"afterSeq"_s, 0 }, { u"limit"_s, 5 } },
            { kindField(u"conversationId"_s, Kind::Uuid), wholeField(u"beforeSeq"_s, 1, MaxJsonInteger, false),
              wholeField(u"afterSeq"_s, 0, MaxJsonInteger, false), wholeField(u"limit"_s, 1, 200, false) });
        for (const QString &type : { u"chat.delivered"_s, u"chat.read"_s }) {
            chat += wrongFields(
                type, { { u"conversationId"_s, conversation }, { u"upToSeq"_s, 1 } },
                { kindField(u"conversationId"_s, Kind::Uuid), wholeField(u"upToSeq"_s, 0, MaxJsonInteger, true) });
            // Beyond the conversation's last message.
            const QString id = freshId();
            chat.append(refused(
                requestFrame(type, id,
                             objectWith({ { u"conversationId"_s, conversation }, { u"upToSeq"_s, 3 } }, {}, {})),
                u"bad_request"_s, u"upToSeq"_s, id, type + u" beyond the last"_s));
        }
        run(*ann, chat, historyProbe());
    }

    // The envelope: ids that are missing, not strings or of the wrong length (not echoed),
    // types that are missing, not strings or unknown, on connections in each state; and
    // what the envelope allows (64 characters, duplicate names of which the last counts).
    void badEnvelopes()
    {
        const auto envelopeCases = [&](const QString &type) {
            QList<Case> cases;
            QString wide65;
            for (int i = 0; i < 65; ++i)
                wide65 += u"😀"_s;
            for (const QByteArray &id :
                 { QByteArray(), QByteArray("5"), QByteArray("0"), QByteArray("-1"), QByteArray("1.5"),
                   QByteArray("true"), QByteArray("null"), QByteArray("[]"), QByteArray("[\"1\"]"), QByteArray("{}"),
                   QByteArray("{\"id\":\"1\"}"), QByteArray("\"\""), quotedJson(QString(65, u'a')), quotedJson(wide65),
                   QByteArray("\"\\ud800\""), QByteArray("\"a\\udc00\"") }) {
                QByteArray frame = "{\"type\":" + quotedJson(type);
                if (!id.isNull())
                    frame += ",\"id\":" + id;
                frame += '}';
                cases.append(refused(frame, u"bad_request"_s, u"id"_s, QJsonValue(QJsonValue::Null), u"bad id"_s));
            }
            cases.append(badJson("{\"type\":" + quotedJson(type) + ",\"id\":1e400}", u"unreadable id"_s));
            for (const QByteArray &badType :
                 { QByteArray(), QByteArray("5"), QByteArray("null"), QByteArray("true"), QByteArray("[]"),
                   QByteArray("{}"), QByteArray("[\"chat.list\"]"), QByteArray("\"\\ud800\"") }) {
                const QString id = freshId();
                QByteArray frame = "{\"id\":" + quotedJson(id);
                if (!badType.isNull())
                    frame += ",\"type\":" + badType;
                frame += '}';
                cases.append(refused(frame, u"bad_request"_s, u"type"_s, id, u"bad type"_s));
            }
            // Neither readable: the type is named, and there is no id to echo.
            cases.append(refused("{\"type\":5,\"id\":5}", u"bad_request"_s, u"type"_s, QJsonValue(QJsonValue::Null),
                                 u"bad type and id"_s));
            for (const QString &unknown :
                 { QString(), u"CHAT.LIST"_s, u" chat.list"_s, u"chat.list "_s, u"chat.list\u0000"_s, u"chat.*"_s,
                   u"chat."_s, u"__proto__"_s, QString(5000, u'x'), randomText(random, 30) }) {
                const QString id = freshId();
                cases.append(
                    refused(requestFrame(unknown, id, "{}"), u"unknown_type"_s, u"type"_s, id, u"unknown type"_s));
            }
            return cases;
        };

        auto fresh = connected(false);
        auto anonymous = connected();
        QVERIFY(fresh && anonymous);
        run(*fresh, envelopeCases(u"hello"_s), refusalProbe(u"hello_required"_s));
        run(*anonymous, envelopeCases(u"login"_s), refusalProbe(u"not_logged_in"_s));
        QList<Case> chat;
        for (const QString &type : { u"chat.send"_s, u"chat.history"_s, u"chat.list"_s, u"logout"_s })
            chat += envelopeCases(type);

        // Well-formed, and answered: the longest id (in characters, not UTF-16 units), names
        // repeated (the last counts), whole numbers written as decimals, null for optional.
        QString wide64;
        for (int i = 0; i < 64; ++i)
            wide64 += u"😀"_s;
        for (const QString &id : { QString(64, u'i'), wide64, u" "_s }) {
            Case c = refused(requestFrame(u"chat.list"_s, id, "{}"), QString(), QString(), id, u"long id"_s);
            c.okAllowed = true;
            chat.append(c);
        }
        const QByteArray conversationJson = quotedJson(conversation);
        const QList<QByteArray> accepted {
            "{\"type\":\"chat.history\",\"id\":\"%1\",\"conversationId\":" + conversationJson + ",\"limit\":2.0}",
            "{\"type\":\"chat.history\",\"id\":\"%1\",\"conversationId\":" + conversationJson
                + ",\"afterSeq\":null,\"beforeSeq\":null,\"limit\":null}",
            "{\"type\":\"chat.history\",\"id\":\"%1\",\"conversationId\":" + conversationJson
                + ",\"limit\":\"x\",\"limit\":2}",
            "{\"type\":\"chat.start\",\"id\":\"%1\",\"type\":\"chat.history\",\"conversationId\":" + conversationJson
                + "}",
            "{\"type\":\"chat.history\",\"id\":\"%1\",\"conversationId\":" + conversationJson
                + ",\"padding\":" + QByteArray(500, '[') + QByteArray(500, ']') + "}",
        };
        for (const QByteArray &pattern : accepted) {
            const QString id = freshId();
            Case c = refused(QString::fromUtf8(pattern).arg(id).toUtf8(), QString(), QString(), id, u"accepted"_s);
            c.okAllowed = true;
            chat.append(c);
        }
        // The last of a repeated name counts, also when it is the wrong one.
        {
            const QString id = freshId();
            const QByteArray frame = "{\"type\":\"chat.history\",\"id\":" + quotedJson(id)
                + ",\"conversationId\":" + conversationJson + ",\"limit\":2,\"limit\":\"2\"}";
            chat.append(refused(frame, u"bad_request"_s, u"limit"_s, id, u"repeated name"_s));
        }
        run(*ann, chat, historyProbe());
    }

    // Random requests of the chat's types with random fields: each gets one reply with its
    // id, never internal, and nothing changes (the probe's history, Bob's pushes).
    void randomRequests()
    {
        const QStringList types { u"chat.start"_s,     u"chat.send"_s, u"chat.history"_s,
                                  u"chat.delivered"_s, u"chat.read"_s, u"chat.list"_s };
        const QStringList names { u"email"_s,     u"about"_s,    u"conversationId"_s, u"messageId"_s, u"text"_s,
                                  u"beforeSeq"_s, u"afterSeq"_s, u"limit"_s,          u"upToSeq"_s,   u"x"_s };
        QList<Case> cases;
        for (int i = 0; i < 900; ++i) {
            const QString type = types.at(random.bounded(int(types.size())));
            QJsonObject body;
            for (int n = int(random.bounded(6)); n > 0; --n) {
                const QString name = names.at(random.bounded(int(names.size())));
                // Reading and marking may name the real conversation: Ann's marks are at its
                // last message already, so no mark can move; sending and starting may not.
                const bool harmless = type != u"chat.send" && type != u"chat.start";
                if (name == u"conversationId" && harmless && random.bounded(2) == 0)
                    body.insert(name, conversation);
                else
                    body.insert(name, randomJson(random, 3));
            }
            const QString id = freshId();
            Case c = refused(requestFrame(type, id, QJsonDocument(body).toJson(QJsonDocument::Compact)), QString(),
                             AnyField, id, u"random "_s + type);
            c.codes = QStringList { u"bad_request"_s, u"not_found"_s, u"invalid_value"_s };
            c.okAllowed = type != u"chat.send" && type != u"chat.start";
            cases.append(c);
        }
        run(*ann, cases, historyProbe());
        QVERIFY(bob->sync());
        QCOMPARE(bob->pushes(), QList<QJsonObject>());
    }

    // Binary frames of random bytes: bad_request without an id, and the connection goes on.
    void binaryFrames()
    {
        QList<Case> cases;
        for (int i = 0; i < 300; ++i) {
            Case c = refused(randomBytes(random, i % 10 == 0 ? 4000 : 100), u"bad_request"_s, QString(),
                             QJsonValue(QJsonValue::Null), u"binary"_s);
            c.binary = true;
            cases.append(c);
        }
        // A binary frame holding a valid request is still refused.
        Case request = refused(requestFrame(u"chat.list"_s, u"b"_s, "{}"), u"bad_request"_s, QString(),
                               QJsonValue(QJsonValue::Null), u"binary request"_s);
        request.binary = true;
        cases.append(request);
        run(*ann, cases, historyProbe());
    }

    // Before hello only hello; before login nothing that needs a session; no second hello
    // or login; and a request behind a login being hashed waits for it.
    void requestsOutOfOrder()
    {
        auto client = connected(false);
        QVERIFY(client);
        const QList<std::pair<QString, QJsonObject>> requests {
            { u"signup"_s, {} },
            { u"login"_s, { { u"email"_s, u"ann@example.org"_s }, { u"password"_s, u"correct horse battery"_s } } },
            { u"resume"_s, { { u"token"_s, ann->token() } } },
            { u"logout"_s, {} },
            { u"chat.start"_s, { { u"email"_s, u"bob@example.org"_s } } },
            { u"chat.list"_s, {} },
            { u"chat.send"_s,
              { { u"conversationId"_s, conversation }, { u"messageId"_s, uuidText() }, { u"text"_s, u"x"_s } } },
            { u"chat.history"_s, { { u"conversationId"_s, conversation } } },
            { u"chat.delivered"_s, { { u"conversationId"_s, conversation }, { u"upToSeq"_s, 2 } } },
            { u"chat.read"_s, { { u"conversationId"_s, conversation }, { u"upToSeq"_s, 2 } } },
        };
        for (const auto &[type, body] : requests) {
            const auto reply = client->call(type, body);
            QVERIFY(reply);
            QVERIFY2(reply->value(u"error"_s).toObject().value(u"code"_s).toString() == u"hello_required",
                     qPrintable(type + u": "_s + shown(*reply)));
        }
        // Unknown types are unknown in any state.
        const auto unknown = client->call(u"chat.delete"_s);
        QVERIFY(unknown);
        QCOMPARE(unknown->value(u"error"_s).toObject().value(u"code"_s).toString(), u"unknown_type"_s);

        // Pipelined: the replies keep the order of the requests.
        client->sendRaw(requestFrame(u"chat.list"_s, u"o1"_s, "{}"));
        client->sendRaw(requestFrame(u"hello"_s, u"o2"_s, "{\"version\":1}"));
        client->sendRaw(requestFrame(u"hello"_s, u"o3"_s, "{\"version\":1}"));
        client->sendRaw(requestFrame(u"chat.list"_s, u"o4"_s, "{}"));
        const auto ordered = client->takeReplies(4);
        QVERIFY(ordered);
        QCOMPARE(ordered->at(0).value(u"id"_s).toString(), u"o1"_s);
        QCOMPARE(ordered->at(0).value(u"error"_s).toObject().value(u"code"_s).toString(), u"hello_required"_s);
        QCOMPARE(ordered->at(1).value(u"id"_s).toString(), u"o2"_s);
        QVERIFY(ordered->at(1).value(u"ok"_s).toBool());
        QCOMPARE(ordered->at(2).value(u"id"_s).toString(), u"o3"_s);
        QCOMPARE(ordered->at(2).value(u"error"_s).toObject().value(u"code"_s).toString(), u"bad_request"_s);
        QCOMPARE(ordered->at(3).value(u"error"_s).toObject().value(u"code"_s).toString(), u"not_logged_in"_s);

        for (const auto &[type, body] : requests) {
            if (!type.startsWith(u"chat.") && type != u"logout")
                continue;
            const auto reply = client->call(type, body);
            QVERIFY(reply);
            QVERIFY2(reply->value(u"error"_s).toObject().value(u"code"_s).toString() == u"not_logged_in",
                     qPrintable(type + u": "_s + shown(*reply)));
        }

        // A login (hashed on a worker thread) and a request right behind it: the second waits.
        client->sendRaw(requestFrame(u"login"_s, u"l1"_s,
                                     "{\"email\":\"ann@example.org\",\"password\":\"correct horse battery\"}"));
        client->sendRaw(
            requestFrame(u"chat.history"_s, u"l2"_s, "{\"conversationId\":" + quotedJson(conversation) + '}'));
        const auto loggedIn = client->takeReplies(2, 30000);
        QVERIFY(loggedIn);
        QCOMPARE(loggedIn->at(0).value(u"id"_s).toString(), u"l1"_s);
        QVERIFY2(loggedIn->at(0).value(u"ok"_s).toBool(), qPrintable(shown(loggedIn->at(0))));
        QCOMPARE(loggedIn->at(1).value(u"id"_s).toString(), u"l2"_s);
        QVERIFY2(loggedIn->at(1).value(u"ok"_s).toBool(), qPrintable(shown(loggedIn->at(1))));
        QCOMPARE(loggedIn->at(1).value(u"messages"_s).toArray(), messages);

        for (const QString &type : { u"login"_s, u"resume"_s }) {
            const auto again = client->call(type,
                                            { { u"email"_s, u"ann@example.org"_s },
                                              { u"password"_s, u"correct horse battery"_s },
                                              { u"token"_s, ann->token() } });
            QVERIFY(again);
            QCOMPARE(again->value(u"error"_s).toObject().value(u"code"_s).toString(), u"already_logged_in"_s);
        }
        const auto loggedOut = client->call(u"logout"_s);
        QVERIFY(loggedOut && loggedOut->value(u"ok"_s).toBool());
        const auto afterLogout = client->call(u"chat.list"_s);
        QVERIFY(afterLogout);
        QCOMPARE(afterLogout->value(u"error"_s).toObject().value(u"code"_s).toString(), u"not_logged_in"_s);
    }

    // Past the hello's maxMessageBytes — in one frame, in many small frames, as binary, in
    // characters of several bytes — the connection is closed with 1009; up to it, answered.
    // Other connections do not notice.
    void oversizedMessages()
    {
        // A chat.history request of exactly n bytes, padded in a field the server ignores,
        // with the filler's characters starting at multiples of their size, so that frames of
        // a multiple of it never split one (but see below).
        // QByteArray, not auto: with QT_USE_QSTRINGBUILDER "frame + tail" would refer to the locals.
        const auto sized = [&](qsizetype bytes, const QString &filler) -> QByteArray {
            const QByteArray tail = "\"}";
            const QByteArray unit = filler.toUtf8();
            QByteArray frame = "{\"type\":\"chat.history\",\"id\":\"big\",\"conversationId\":"
                + quotedJson(conversation) + ",\"pad\":\"";
            while (frame.size() % unit.size() != 0)
                frame += ' ';
            while (frame.size() + unit.size() + tail.size() <= bytes)
                frame += unit;
            while (frame.size() + tail.size() < bytes)
                frame += ' ';
            return frame + tail;
        };
        struct Size
        {
            qsizetype bytes;
            QString filler;
            bool binary;
            int frameSize; // 0: one frame
        };
        const QString fillers[] = { u"x"_s, u"я"_s, u"€"_s, u"😀"_s };

        // Up to the limit: answered, in one frame or many.
        QList<Size> fits;
        for (const QString &filler : fillers) {
            fits.append({ maxMessageBytes, filler, false, 0 });
            fits.append({ maxMessageBytes, filler, false, 996 });
        }
        for (const Size &size : fits) {
            const QString what = u"%1 bytes of %2, frames of %3"_s.arg(size.bytes).arg(size.filler).arg(size.frameSize);
            auto client = connected();
            QVERIFY(client && client->logIn(u"ann@example.org"_s));
            if (size.frameSize > 0)
                client->socket().setOutgoingFrameSize(quint64(size.frameSize));
            const QByteArray frame = sized(size.bytes, size.filler);
            QCOMPARE(frame.size(), size.bytes);
            const auto reply = client->callRaw(frame);
            QVERIFY2(reply && reply->value(u"ok"_s).toBool(),
                     qPrintable(what + u": "_s + (reply ? shown(*reply) : u"closed %1"_s.arg(client->closeCode()))));
            QCOMPARE(reply->value(u"messages"_s).toArray(), messages);
        }

        // Qt 6.4's QWebSocket decodes each frame of a text message on its own, so a valid
        // message whose character straddles two frames is refused as not UTF-8 (1007).
        // Nothing in rentdesk-server can change that; this XPASSes with a Qt that decodes
        // across frames, and then the marker goes.
        {
            auto client = connected();
            QVERIFY(client);
            client->socket().setOutgoingFrameSize(1001);
            const auto reply = client->callRaw(sized(maxMessageBytes / 2, u"я"_s));
            QEXPECT_FAIL("", "Qt 6.4 refuses (1007) a text message with a character split between frames", Continue);
            QVERIFY2(reply, qPrintable(u"closed %1"_s.arg(client->closeCode())));
        }

        // Over it: closed with 1009, also when Qt itself would let it pass (a fragmented
        // message of two-byte characters up to twice the limit, sized by UTF-16 units).
        QList<Size> oversizes {
            { maxMessageBytes + 1, u"x"_s, false, 0 },          { maxMessageBytes + 1, u"😀"_s, false, 0 },
            { maxMessageBytes + 1, u"x"_s, true, 0 },           { maxMessageBytes + 1, u"x"_s, false, 1000 },
            { maxMessageBytes + 2, u"я"_s, false, 1000 },       { 2 * maxMessageBytes - 1000, u"я"_s, false, 1000 },
            { 3 * maxMessageBytes - 3000, u"€"_s, false, 999 }, { maxMessageBytes + 4, u"😀"_s, false, 1000 },
            { 8 * maxMessageBytes, u"x"_s, false, 0 },          { 2 * maxMessageBytes, u"x"_s, true, 1000 },
        };
        for (int i = 0; i < 8; ++i) {
            const QString filler = fillers[random.bounded(4)];
            oversizes.append({ maxMessageBytes + 1 + qsizetype(random.bounded(int(2 * maxMessageBytes))), filler,
                               random.bounded(4) == 0,
                               random.bounded(2) == 0 ? 0 : 12 * int(random.bounded(10, 2000)) });
        }
        for (const Size &oversize : oversizes) {
            const QString what = u"%1 bytes of %2, %3, frames of %4"_s.arg(oversize.bytes)
                                     .arg(oversize.filler, oversize.binary ? u"binary"_s : u"text"_s)
                                     .arg(oversize.frameSize);
            auto client = connected();
            QVERIFY(client);
            if (oversize.frameSize > 0)
                client->socket().setOutgoingFrameSize(quint64(oversize.frameSize));
            const QByteArray frame = sized(oversize.bytes, oversize.filler);
            if (oversize.binary)
                client->sendBinary(frame);
            else
                client->sendRaw(frame);
            QVERIFY2(client->waitForClose(), qPrintable(what));
            QVERIFY2(client->closeCode() == int(QWebSocketProtocol::CloseCodeTooMuchData),
                     qPrintable(what + u": close code "_s + QString::number(client->closeCode())));
            QVERIFY2(client->replies().isEmpty(), qPrintable(what));
            ++malformed;
        }
        const auto still = ann->call(u"chat.history"_s, { { u"conversationId"_s, conversation } });
        QVERIFY(still && still->value(u"ok"_s).toBool());
        QCOMPARE(still->value(u"messages"_s).toArray(), messages);
    }

    // What QWebSocket would never send, written on a TCP socket: frames that break RFC 6455
    // are closed with a protocol error code, text that is not UTF-8 too; the server goes on.
    void protocolViolations()
    {
        struct Violation
        {
            QString what;
            std::function<void(RawWebSocket &)> send;
            QList<int> codes;
        };
        const QByteArray request = requestFrame(u"chat.list"_s, u"r"_s, "{}");
        const QList<Violation> violations {
            { u"not UTF-8 (1007, RFC 6455 8.1)"_s,
              [&](RawWebSocket &s) { s.sendText("{\"type\":\"chat.list\",\"id\":\"\xff\xfe\"}"); },
              { int(QWebSocketProtocol::CloseCodeWrongDatatype) } },
            { u"a lone UTF-8 surrogate"_s,
              [&](RawWebSocket &s) { s.sendText("{\"id\":\"\xed\xa0\x80\"}"); },
              { int(QWebSocketProtocol::CloseCodeWrongDatatype) } },
            { u"reserved bits"_s,
              [&](RawWebSocket &s) { s.sendFrame(0xf1, request); },
              { int(QWebSocketProtocol::CloseCodeProtocolError) } },
            { u"reserved opcode"_s,
              [&](RawWebSocket &s) { s.sendFrame(0x83, request); },
              { int(QWebSocketProtocol::CloseCodeProtocolError) } },
            { u"continuation without a start"_s,
              [&](RawWebSocket &s) { s.sendFrame(0x80, request); },
              { int(QWebSocketProtocol::CloseCodeProtocolError) } },
            { u"fragmented ping"_s,
              [&](RawWebSocket &s) { s.sendFrame(0x09, "x"); },
              { int(QWebSocketProtocol::CloseCodeProtocolError) } },
            { u"ping over 125 bytes"_s,
              [&](RawWebSocket &s) { s.sendFrame(0x89, QByteArray(200, 'x')); },
              { int(QWebSocketProtocol::CloseCodeProtocolError) } },
        };
        for (const Violation &violation : violations) {
            RawWebSocket socket;
            QVERIFY2(socket.open(server->url()), qPrintable(violation.what));
            // It is a working connection first.
            socket.sendText(requestFrame(u"hello"_s, u"h"_s, "{\"version\":1}"));
            const RawWebSocket::Frame hello = socket.next();
            QVERIFY2(hello.opcode == 0x1 && hello.payload.contains("\"ok\":true"), qPrintable(violation.what));
            violation.send(socket);
            const int code = socket.closeCode();
            QVERIFY2(violation.codes.contains(code), qPrintable(violation.what + u": "_s + QString::number(code)));
            socket.abort();
            ++malformed;
        }

        // Not WebSocket at all: the server drops it and goes on.
        for (int i = 0; i < 10; ++i) {
            QTcpSocket tcp;
            tcp.connectToHost(server->url().host(), quint16(server->url().port()));
            QVERIFY(tcp.waitForConnected(10000));
            tcp.write(i == 0 ? QByteArray("GET / HTTP/1.1\r\nHost: x\r\n\r\n") : randomBytes(random, 2000));
            QVERIFY(tcp.waitForBytesWritten(10000));
            tcp.abort();
        }
        const auto still = ann->call(u"chat.history"_s, { { u"conversationId"_s, conversation } });
        QVERIFY(still && still->value(u"ok"_s).toBool());
        QCOMPARE(still->value(u"messages"_s).toArray(), messages);
    }

    // Clients that vanish with requests under way — a login being hashed, a sign-up, sends —
    // leave nothing half done.
    void abruptDisconnects()
    {
        for (int i = 0; i < 6; ++i) {
            auto client = connected();
            QVERIFY(client);
            if (i % 3 == 0) {
                client->sendRaw(requestFrame(u"login"_s, u"a"_s,
                                             "{\"email\":\"bob@example.org\",\"password\":\"correct horse battery\"}"));
            } else if (i % 3 == 1) {
                client->sendRaw(
                    requestFrame(u"signup"_s, u"a"_s,
                                 "{\"email\":\"gone" + QByteArray::number(i)
                                     + "@example.org\",\"password\":\"correct horse battery\","
                                       "\"displayName\":\"Gone\",\"role\":\"renter\",\"language\":\"en\"}"));
            } else {
                QVERIFY(client->logIn(u"bob@example.org"_s));
                for (int n = 0; n < 20; ++n) {
                    client->sendRaw(requestFrame(u"chat.history"_s, u"h%1"_s.arg(n),
                                                 "{\"conversationId\":" + quotedJson(conversation) + '}'));
                }
            }
            if (i % 2 == 0)
                client->socket().abort();
            else
                client->socket().close();
        }
        // The account of an abandoned sign-up works (or was never made), and Bob can log in.
        auto again = connected();
        QVERIFY(again);
        QVERIFY2(again->logIn(u"bob@example.org"_s), qPrintable(again->lastError()));
        const auto history = again->call(u"chat.history"_s, { { u"conversationId"_s, conversation } });
        QVERIFY(history && history->value(u"ok"_s).toBool());
        QCOMPARE(history->value(u"messages"_s).toArray(), messages);
    }

    // After all that: a new user signs up, logs in and chats; SIGTERM with a half-made
    // handshake pending still exits 0; the database is intact; no sanitizer spoke.
    void serverIsStillWell()
    {
        auto carol = connected();
        QVERIFY(carol);
        QVERIFY2(carol->signUpAndLogIn(u"carol@example.org"_s, u"Carol"_s), qPrintable(carol->lastError()));
        const auto started = carol->call(u"chat.start"_s, { { u"email"_s, u"bob@example.org"_s } });
        QVERIFY(started && started->value(u"ok"_s).toBool());
        const QString carols = started->value(u"conversation"_s).toObject().value(u"id"_s).toString();
        const auto sent = carol->call(u"chat.send"_s,
                                      { { u"conversationId"_s, carols },
                                        { u"messageId"_s, uuidText() },
                                        { u"text"_s, u"Hello after the storm"_s } });
        QVERIFY(sent && sent->value(u"ok"_s).toBool());
        QCOMPARE(sent->value(u"message"_s).toObject().value(u"seq"_s).toInteger(), 1);
        const auto pushed = bob->waitForPush(u"chat.message"_s);
        QVERIFY(pushed);
        QCOMPARE(pushed->value(u"message"_s), sent->value(u"message"_s));
        const auto anns = ann->call(u"chat.history"_s, { { u"conversationId"_s, conversation } });
        QVERIFY(anns && anns->value(u"ok"_s).toBool());
        QCOMPARE(anns->value(u"messages"_s).toArray(), messages);

        QTcpSocket halfOpen;
        halfOpen.connectToHost(server->url().host(), quint16(server->url().port()));
        QVERIFY(halfOpen.waitForConnected(10000));
        halfOpen.write("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n");
        QVERIFY(halfOpen.waitForBytesWritten(10000));

        QCOMPARE(server->stop(), 0);
        QVERIFY(carol->waitForClose() && ann->waitForClose() && bob->waitForClose());
        QCOMPARE(carol->closeCode(), int(QWebSocketProtocol::CloseCodeGoingAway));

        if (test::serverTestsOnPostgres()) {
            // PostgreSQL enforces every foreign key all the time; its tables and indexes are checked.
            const QString problems = test::sharedPostgres().check(QUrl(server->databasePath()).path().mid(1));
            QVERIFY2(problems.isEmpty(), qPrintable(problems));
            QCOMPARE(test::valueIn(server->databasePath(), u"SELECT count(*) FROM chat_messages"_s),
                     messages.size() + 1);
        } else {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"fuzz-integrity"_s);
            db.setDatabaseName(server->databasePath());
            db.setConnectOptions(u"QSQLITE_OPEN_READONLY"_s);
            QVERIFY2(db.open(), qPrintable(db.lastError().text()));
            QSqlQuery integrity(db);
            QVERIFY2(integrity.exec(u"PRAGMA integrity_check"_s), qPrintable(integrity.lastError().text()));
            QStringList problems;
            while (integrity.next())
                problems.append(integrity.value(0).toString());
            QCOMPARE(problems, QStringList { u"ok"_s });
            QSqlQuery foreignKeys(db);
            QVERIFY(foreignKeys.exec(u"PRAGMA foreign_key_check"_s));
            QVERIFY2(!foreignKeys.next(), "a row breaks a foreign key");
            QSqlQuery count(db);
            QVERIFY(count.exec(u"SELECT count(*) FROM chat_messages"_s) && count.next());
            QCOMPARE(count.value(0).toInt(), int(messages.size()) + 1);
        }
        QSqlDatabase::removeDatabase(u"fuzz-integrity"_s);

        const QString log = server->standardError();
        for (const QString &alarm : { u"AddressSanitizer"_s, u"LeakSanitizer"_s, u"runtime error:"_s, u"ASSERT"_s })
            QVERIFY2(!log.contains(alarm), qPrintable(alarm + u" in the server's log"_s));
    }
};

QTEST_GUILESS_MAIN(TestServerFuzz)
#include "tst_serverfuzz.moc"
