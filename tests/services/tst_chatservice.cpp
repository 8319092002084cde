// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/db/query.h"
#include "models/db/sqlitehandle.h"
#include "models/domain/storedvalues.h"
#include "models/services/chatsql.h"
#include "tests/support/servicefixture.h"

#include <QRegularExpression>
#include <QSet>
#include <QTest>

#include <functional>
#include <sqlite3.h>
#include <tuple>

using namespace Qt::StringLiterals;
using namespace rentdesk::models::services;
using rentdesk::models::domain::About;
using rentdesk::models::domain::AboutKind;
using rentdesk::models::domain::ChatMessage;
using rentdesk::models::domain::Conversation;
using rentdesk::models::domain::Marks;
using rentdesk::models::domain::Role;
using rentdesk::models::domain::toStoredId;
using Code = DomainError::Code;

namespace {

template<typename T> QString failure(const Result<T> &result)
{
    return result ? QString() : result.error().codeName() + u": "_s + result.error().message;
}

template<typename T> DomainError errorOf(const Result<T> &result)
{
    return result ? DomainError(Code::Storage, u"<none>"_s, u"<none>"_s, u"<it succeeded>"_s) : result.error();
}

QString describe(const DomainError &error)
{
    return error.codeName() + u' ' + error.entity + u'.' + error.field + u": "_s + error.message;
}

// The statements a connection starts, as their SQL text, while the log exists.
class StatementLog final
{
public:
    explicit StatementLog(const QSqlDatabase &db)
        : m_handle(rentdesk::models::db::sqliteHandle(db))
    {
        sqlite3_trace_v2(m_handle, SQLITE_TRACE_STMT, &StatementLog::traced, this);
    }
    ~StatementLog() { sqlite3_trace_v2(m_handle, 0, nullptr, nullptr); }
    Q_DISABLE_COPY_MOVE(StatementLog)

    QStringList statements;
    QList<const void *> handles; // the prepared statement of each, to see it reused

private:
    static int traced(unsigned, void *context, void *statement, void *)
    {
        auto *log = static_cast<StatementLog *>(context);
        log->statements.append(QString::fromUtf8(sqlite3_sql(static_cast<sqlite3_stmt *>(statement))));
        log->handles.append(statement);
        return 0;
    }

    sqlite3 *m_handle;
};

// EXPLAIN QUERY PLAN of a statement, one line per step, with every placeholder bound to a
// value of its column's type (the values do not change the plan).
QStringList planOf(const QSqlDatabase &db, const QString &sql)
{
    static const QRegularExpression placeholder(u":(\\w+)"_s);
    static const QSet<QString> numbers { u"seq"_s, u"after"_s, u"before"_s, u"limit"_s, u"delivered"_s, u"read"_s };
    QList<rentdesk::models::db::Binding> bindings;
    QSet<QString> seen;
    for (auto it = placeholder.globalMatch(sql); it.hasNext();) {
        const QString name = it.next().captured(1);
        if (seen.contains(name))
            continue;
        seen.insert(name);
        bindings.append(
            { u':' + name, numbers.contains(name) ? QVariant(qint64(5)) : QVariant(rentdesk::test::uuid(1)) });
    }
    auto plan = rentdesk::models::db::exec(db, u"EXPLAIN QUERY PLAN "_s + sql, bindings);
    if (!plan)
        return { u"error: "_s + plan.error().detail };
    QStringList lines;
    while (plan->next())
        lines.append(plan->value(3).toString());
    return lines;
}

QString seqsOf(const QList<ChatMessage> &messages)
{
    QStringList seqs;
    for (const ChatMessage &message : messages)
        seqs << QString::number(message.seq);
    return seqs.join(u',');
}

} // namespace

// The chat on the server: conversations found by e-mail and kept once per pair and subject,
// messages numbered from 1 without gaps and stored once per client UUID, history both ways,
// watermarks that only grow, the list latest first, NotFound for anyone outside a
// conversation, and every refusal leaving the database as it was.
class TestChatService : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<rentdesk::test::ServiceFixture> f;
    QUuid lena; // landlord
    QUuid roman; // renter
    QUuid tess; // renter, in none of lena's and roman's conversations

    const ChatService &chat() const { return f->chat; }

    QUuid started(const QUuid &actor, const QUuid &peer, const std::optional<About> &about = std::nullopt) const
    {
        auto result = chat().start(actor, f->emailOf(peer), about);
        if (!result) {
            qWarning() << "start refused:" << failure(result);
            return {};
        }
        return result->conversation.id;
    }

    ChatMessage sent(const QUuid &actor, const QUuid &conversation, const QString &text) const
    {
        auto result = chat().send(actor, conversation, QUuid::createUuid(), text);
        if (!result) {
            qWarning() << "send refused:" << failure(result);
            return {};
        }
        return result->message;
    }

    Conversation viewed(const QUuid &actor, const QUuid &conversation) const
    {
        return chat().conversation(actor, conversation).value_or(Conversation());
    }

    // The unread count by its definition: the peer's messages after the viewer's read mark.
    qint64 recountUnread(const QUuid &viewer, const QUuid &conversation) const
    {
        auto count = rentdesk::models::db::scalar(
            f->connection(),
            u"SELECT count(*) FROM chat_messages AS m WHERE m.conversation_id = :c AND m.sender_id <> :u "
            "AND m.seq > coalesce((SELECT read_seq FROM chat_marks WHERE conversation_id = :c AND user_id = :u), 0)"_s,
            { { u":c"_s, toStoredId(conversation) }, { u":u"_s, toStoredId(viewer) } });
        return count ? count->toLongLong() : -1;
    }

private Q_SLOTS:
    void init()
    {
        f = std::make_unique<rentdesk::test::ServiceFixture>(Mode::Server);
        QVERIFY2(f->isValid(), qPrintable(f->errorMessage()));
        lena = f->addLandlord(u"Lena Landlord"_s);
        roman = f->addRenter(u"Роман Арендатор"_s);
        tess = f->addRenter(u"Tess Third"_s);
    }

    void cleanup() { f.reset(); }

    void startFindsThePeerByEmailInAnyCase()
    {
        auto first = chat().start(roman, u"  "_s + f->emailOf(lena).toUpper() + u' ', std::nullopt);
        QVERIFY2(first, qPrintable(failure(first)));
        QVERIFY(first->created);
        const Conversation &c = first->conversation;
        QCOMPARE(c.peer.id, lena);
        QCOMPARE(c.peer.displayName, u"Lena Landlord"_s);
        QCOMPARE(c.peer.role, Role::Landlord);
        QVERIFY(!c.about);
        QVERIFY(!c.lastMessage);
        QCOMPARE(c.lastSeq, 0);
        QCOMPARE(c.unread, 0);
        QCOMPARE(c.ownMarks, Marks());
        QCOMPARE(c.peerMarks, Marks());
        QCOMPARE(c.createdAt, f->clock.now());
        QCOMPARE(c.lastActivityAt, c.createdAt);

        f->clock.advanceSecs(60);
        auto again = chat().start(roman, f->emailOf(lena), std::nullopt);
        QVERIFY2(again, qPrintable(failure(again)));
        QVERIFY(!again->created);
        QCOMPARE(again->conversation, c);

        // From the other side it is the same conversation, with the other peer.
        auto fromLena = chat().start(lena, f->emailOf(roman).toUpper(), std::nullopt);
        QVERIFY2(fromLena, qPrintable(failure(fromLena)));
        QVERIFY(!fromLena->created);
        QCOMPARE(fromLena->conversation.id, c.id);
        QCOMPARE(fromLena->conversation.peer.id, roman);
        QCOMPARE(fromLena->conversation.peer.displayName, u"Роман Арендатор"_s);
        QCOMPARE(fromLena->conversation.peer.role, Role::Renter);
        QCOMPARE(f->count(u"conversations"_s), 1);
        auto ordered = rentdesk::models::db::scalar(f->connection(), u"SELECT user_a < user_b FROM conversations"_s);
        QCOMPARE(ordered.value_or(0).toInt(), 1);
    }

    // chat.start finds the peer through the sign-up's normalisation: a full-width spelling of
    // the address is that person, one with a zero-width space is no address at all (and so
    // cannot reach a look-alike account either).
    void startNormalisesTheAddressAsSignUpDoes()
    {
        QString fullWidth;
        for (const QChar c : f->emailOf(lena)) {
            // ASCII '!'..'~' have full-width forms at U+FF01..U+FF5E.
            fullWidth += c.unicode() > 0x20 && c.unicode() < 0x7F ? QChar(char16_t(c.unicode() - 0x21 + 0xFF01)) : c;
        }
        QVERIFY(fullWidth != f->emailOf(lena));
        auto found = chat().start(roman, fullWidth, std::nullopt);
        QVERIFY2(found, qPrintable(failure(found)));
        QCOMPARE(found->conversation.peer.id, lena);

        const QStringList before = f->dump();
        auto refused = chat().start(roman, f->emailOf(lena).insert(2, QChar(0x200B)), std::nullopt);
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, Code::InvalidValue);
        QCOMPARE(refused.error().field, u"email"_s);
        QVERIFY2(refused.error().message.contains(u"U+200B"_s), qPrintable(refused.error().message));
        QCOMPARE(f->dump(), before);
    }

    void eachSubjectHasItsOwnConversation()
    {
        const QUuid flatId = QUuid::createUuid();
        const About flat { AboutKind::Apartment, flatId, u"  Flat 12, Riverside House  "_s };
        const QUuid plain = started(roman, lena);
        auto aboutFlat = chat().start(roman, f->emailOf(lena), flat);
        QVERIFY2(aboutFlat, qPrintable(failure(aboutFlat)));
        QVERIFY(aboutFlat->created);
        QVERIFY(aboutFlat->conversation.id != plain);
        QVERIFY(aboutFlat->conversation.about);
        QCOMPARE(aboutFlat->conversation.about->kind, AboutKind::Apartment);
        QCOMPARE(aboutFlat->conversation.about->id, flatId);
        QCOMPARE(aboutFlat->conversation.about->title, u"Flat 12, Riverside House"_s);

        // The same subject again, from either side and under another title: the same one,
        // with the first title.
        auto again = chat().start(lena, f->emailOf(roman), About { AboutKind::Apartment, flatId, u"Renamed"_s });
        QVERIFY2(again, qPrintable(failure(again)));
        QVERIFY(!again->created);
        QCOMPARE(again->conversation.id, aboutFlat->conversation.id);
        QCOMPARE(again->conversation.about->title, u"Flat 12, Riverside House"_s);

        const QUuid booking = started(roman, lena, About { AboutKind::Booking, flatId, u"Booking in June"_s });
        const QUuid otherFlat = started(roman, lena, About { AboutKind::Apartment, QUuid::createUuid(), u"Flat 3"_s });
        const QUuid withTess = started(roman, tess, flat);
        const QSet<QUuid> ids { plain, aboutFlat->conversation.id, booking, otherFlat, withTess };
        QCOMPARE(ids.size(), 5);
        QVERIFY(!ids.contains(QUuid()));
        QCOMPARE(f->count(u"conversations"_s), 5);
        QCOMPARE(started(lena, roman), plain);
    }

    void aboutNeedsAnIdAndATitle_data()
    {
        QTest::addColumn<bool>("hasId");
        QTest::addColumn<QString>("title");
        QTest::addColumn<QString>("field");
        QTest::newRow("no id") << false << u"Flat 12"_s << u"about.id"_s;
        QTest::newRow("no title") << true << QString() << u"about.title"_s;
        QTest::newRow("blank title") << true << u" \t "_s << u"about.title"_s;
        QTest::newRow("201 characters") << true << QString(201, u'д') << u"about.title"_s;
        QTest::newRow("200 characters") << true << QString(200, u'д') << QString();
        QTest::newRow("200 characters padded") << true << u"  "_s + QString(200, u'д') + u"  "_s << QString();
    }

    void aboutNeedsAnIdAndATitle()
    {
        QFETCH(bool, hasId);
        QFETCH(QString, title);
        QFETCH(QString, field);
        const QStringList before = f->dump();
        auto result = chat().start(roman, f->emailOf(lena),
                                   About { AboutKind::Apartment, hasId ? QUuid::createUuid() : QUuid(), title });
        if (field.isEmpty()) {
            QVERIFY2(result, qPrintable(failure(result)));
            QCOMPARE(result->conversation.about->title, title.trimmed());
            return;
        }
        QVERIFY(!result);
        QCOMPARE(result.error().code, Code::InvalidValue);
        QCOMPARE(result.error().field, field);
        QVERIFY(!rentdesk::test::looksLikeSql(result.error().message));
        QCOMPARE(f->dump(), before);
    }

    void startRefusals_data()
    {
        QTest::addColumn<QString>("email");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("field");
        QTest::newRow("one's own e-mail") << u"<own>"_s << int(Code::NotAllowed) << u"email"_s;
        QTest::newRow("unknown e-mail") << u"nobody@example.org"_s << int(Code::NotFound) << u"email"_s;
        QTest::newRow("not an e-mail") << u"lena landlord"_s << int(Code::InvalidValue) << u"email"_s;
        QTest::newRow("empty") << QString() << int(Code::InvalidValue) << u"email"_s;
    }

    void startRefusals()
    {
        QFETCH(QString, email);
        QFETCH(int, code);
        QFETCH(QString, field);
        if (email == u"<own>"_s)
            email = f->emailOf(roman).toUpper();
        const QStringList before = f->dump();
        auto refused = chat().start(roman, email, std::nullopt);
        QVERIFY(!refused);
        QCOMPARE(int(refused.error().code), code);
        QCOMPARE(refused.error().field, field);
        QVERIFY2(!rentdesk::test::looksLikeSql(refused.error().message), qPrintable(refused.error().message));
        QCOMPARE(f->dump(), before);
    }

    void startByAnUnknownActorIsRefused()
    {
        const QStringList before = f->dump();
        auto refused = chat().start(QUuid::createUuid(), f->emailOf(lena), std::nullopt);
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, Code::NotAllowed);
        QCOMPARE(f->dump(), before);
    }

    void outsidersGetNotFoundForEverything()
    {
        const QUuid c = started(roman, lena);
        const ChatMessage first = sent(roman, c, u"Hello"_s);
        QCOMPARE(first.seq, 1);
        QCOMPARE(sent(lena, c, u"Hi"_s).seq, 2);

        using Call = std::function<DomainError(const QUuid &actor, const QUuid &conversation)>;
        const QList<std::pair<const char *, Call>> calls {
            { "conversation",
              [&](const QUuid &a, const QUuid &id) {
                  return errorOf(chat().conversation(a, id));
              } },
            { "send",
              [&](const QUuid &a, const QUuid &id) {
                  return errorOf(chat().send(a, id, QUuid::createUuid(), u"Let me in"_s));
              } },
            { "resend of a stored id",
              [&](const QUuid &a, const QUuid &id) {
                  return errorOf(chat().send(a, id, first.id, u"Hello"_s));
              } },
            { "history",
              [&](const QUuid &a, const QUuid &id) {
                  return errorOf(chat().history(a, id, std::nullopt, std::nullopt, 50));
              } },
            { "history after",
              [&](const QUuid &a, const QUuid &id) {
                  return errorOf(chat().history(a, id, std::nullopt, 0, 50));
              } },
            { "delivered",
              [&](const QUuid &a, const QUuid &id) {
                  return errorOf(chat().markDelivered(a, id, 1));
              } },
            { "read",
              [&](const QUuid &a, const QUuid &id) {
                  return errorOf(chat().markRead(a, id, 2));
              } },
        };
        const QStringList before = f->dump();
        const QUuid missing = QUuid::createUuid();
        for (const auto &[name, call] : calls) {
            const DomainError stranger = call(tess, c);
            const DomainError nothing = call(roman, missing);
            QVERIFY2(stranger.code == Code::NotFound,
                     qPrintable(QString::fromLatin1(name) + u": "_s + describe(stranger)));
            // Exactly the answer for a conversation that does not exist: nothing to probe.
            QCOMPARE(describe(stranger), describe(nothing));
            QCOMPARE(stranger.entity, u"conversation"_s);
            QVERIFY(!rentdesk::test::looksLikeSql(stranger.message));
        }
        QCOMPARE(f->dump(), before);
        const auto none = chat().list(tess);
        QVERIFY(none);
        QCOMPARE(none->conversations.size(), 0);
    }

    void sendNumbersFromOneWithoutGaps()
    {
        const QUuid c = started(roman, lena);
        const QUuid other = started(roman, tess);
        QList<ChatMessage> messages;
        for (int i = 0; i < 6; ++i) {
            f->clock.advanceSecs(1);
            const QUuid sender = i % 2 ? lena : roman;
            const QUuid id = QUuid::createUuid();
            auto result = chat().send(sender, c, id, u"message %1"_s.arg(i + 1));
            QVERIFY2(result, qPrintable(failure(result)));
            QVERIFY(!result->duplicate);
            QCOMPARE(result->peer, i % 2 ? roman : lena);
            QCOMPARE(result->message.seq, i + 1);
            QCOMPARE(result->message.id, id);
            QCOMPARE(result->message.conversationId, c);
            QCOMPARE(result->message.senderId, sender);
            QCOMPARE(result->message.text, u"message %1"_s.arg(i + 1));
            QCOMPARE(result->message.sentAt, f->clock.now());
            messages.append(result->message);
        }
        auto stored = rentdesk::models::db::exec(f->connection(),
                                                 u"SELECT group_concat(seq, ',') FROM (SELECT seq FROM chat_messages "
                                                 "WHERE conversation_id = :c ORDER BY seq)"_s,
                                                 { { u":c"_s, toStoredId(c) } });
        QVERIFY(stored && stored->next());
        QCOMPARE(stored->value(0).toString(), u"1,2,3,4,5,6"_s);
        const Conversation seen = viewed(roman, c);
        QCOMPARE(seen.lastSeq, 6);
        QCOMPARE(seen.lastMessage, std::optional<ChatMessage>(messages.last()));
        QCOMPARE(seen.lastActivityAt, messages.last().sentAt);
        // Another conversation numbers its own from 1.
        QCOMPARE(sent(tess, other, u"Hello"_s).seq, 1);
        // The history holds exactly what send() answered.
        auto history = chat().history(lena, c, std::nullopt, std::nullopt, 200);
        QVERIFY2(history, qPrintable(failure(history)));
        QCOMPARE(history->messages, messages);
    }

    void sendIsOneShortTransactionOfIndexedStatements()
    {
        const QUuid c = started(roman, lena);
        const QUuid id = QUuid::createUuid();
        QStringList statements;
        {
            StatementLog log(f->connection());
            QVERIFY(chat().send(roman, c, id, u"Hello"_s));
            statements = log.statements;
        }
        QCOMPARE(statements,
                 QStringList({ u"BEGIN IMMEDIATE"_s, chatsql::conversationOfMember(), chatsql::insertMessage(),
                               chatsql::advanceConversation(), chatsql::writeMarks(), u"COMMIT"_s }));
        {
            StatementLog log(f->connection());
            auto resent = chat().send(roman, c, id, u"Hello"_s);
            QVERIFY(resent && resent->duplicate);
            statements = log.statements;
        }
        QCOMPARE(statements,
                 QStringList({ u"BEGIN IMMEDIATE"_s, chatsql::conversationOfMember(), chatsql::insertMessage(),
                               chatsql::messageById(), u"COMMIT"_s }));

        for (const QString &sql : { chatsql::conversationOfMember(), chatsql::insertMessage(),
                                    chatsql::advanceConversation(), chatsql::writeMarks(), chatsql::messageById() }) {
            const QString plan = planOf(f->connection(), sql).join(u'\n');
            QVERIFY2(!plan.contains(u"error"_s), qPrintable(plan));
            QVERIFY2(!plan.contains(u"SCAN"_s), qPrintable(sql + u'\n' + plan));
            QVERIFY2(!plan.contains(u"TEMP B-TREE"_s), qPrintable(sql + u'\n' + plan));
        }
        // The lookups go through the primary keys.
        QCOMPARE(planOf(f->connection(), chatsql::conversationOfMember()),
                 QStringList { u"SEARCH conversations USING INDEX sqlite_autoindex_conversations_1 (id=?)"_s });
        QCOMPARE(planOf(f->connection(), chatsql::advanceConversation()),
                 QStringList { u"SEARCH conversations USING INDEX sqlite_autoindex_conversations_1 (id=?)"_s });
        QCOMPARE(planOf(f->connection(), chatsql::messageById()),
                 QStringList { u"SEARCH m USING INDEX sqlite_autoindex_chat_messages_1 (id=?)"_s });
    }

    void historyReadsARangeOfTheIndex()
    {
        const QUuid c = started(roman, lena);
        for (int i = 0; i < 5; ++i)
            sent(roman, c, u"m"_s);
        QStringList statements;
        {
            StatementLog log(f->connection());
            QVERIFY(chat().history(roman, c, 4, std::nullopt, 2));
            QVERIFY(chat().history(roman, c, std::nullopt, 1, 2));
            statements = log.statements;
        }
        QCOMPARE(statements,
                 QStringList({ u"BEGIN IMMEDIATE"_s, chatsql::conversationOfMember(), chatsql::historyBackwards(),
                               u"COMMIT"_s, u"BEGIN IMMEDIATE"_s, chatsql::conversationOfMember(),
                               chatsql::historyForwards(), u"COMMIT"_s }));
        for (const QString &sql : { chatsql::historyBackwards(), chatsql::historyForwards() }) {
            QCOMPARE(planOf(f->connection(), sql),
                     QStringList {
                         u"SEARCH m USING INDEX chat_messages_seq_unique (conversation_id=? AND seq>? AND seq<?)"_s });
        }
    }

    // Pages of the list, each after the last of the one before, make the whole list in order,
    // whatever the page size, even where activities are equal.
    void listPagesFollowEachOther()
    {
        for (int i = 0; i < 7; ++i) {
            const QUuid peer = f->addRenter(u"Peer %1"_s.arg(i));
            QVERIFY(!started(roman, peer).isNull());
            if (i % 3 != 0)
                f->clock.advanceSecs(1); // some started in the same millisecond: the id decides
        }
        const auto whole = chat().list(roman);
        QVERIFY(whole);
        QVERIFY(!whole->more);
        QList<QUuid> expected;
        for (const Conversation &c : whole->conversations)
            expected << c.id;
        QCOMPARE(expected.size(), 7);
        for (int pageSize : { 1, 2, 3, 7 }) {
            QList<QUuid> paged;
            std::optional<ChatService::ListPosition> after;
            for (int pages = 0; pages < 10; ++pages) {
                const auto page = chat().list(roman, after, pageSize);
                QVERIFY(page);
                QVERIFY(page->conversations.size() <= pageSize);
                for (const Conversation &c : page->conversations)
                    paged << c.id;
                if (!page->more)
                    break;
                after = ChatService::ListPosition { page->conversations.constLast().lastActivityAt,
                                                    page->conversations.constLast().id };
            }
            QCOMPARE(paged, expected);
        }
        QCOMPARE(errorOf(chat().list(roman, std::nullopt, 0)).field, u"limit"_s);
        QCOMPARE(errorOf(chat().list(roman, std::nullopt, 201)).field, u"limit"_s);
    }

    void listWalksBothIndexesInOrder()
    {
        for (const QString &sql : { chatsql::conversationsOf(), chatsql::conversationsOfAfter() }) {
            const QString plan = planOf(f->connection(), sql).join(u'\n');
            QVERIFY2(plan.contains(u"MERGE (UNION ALL)"_s), qPrintable(plan));
            QVERIFY2(plan.contains(u"SEARCH c USING INDEX conversations_user_a_idx (user_a=?"_s), qPrintable(plan));
            QVERIFY2(plan.contains(u"SEARCH c USING INDEX conversations_user_b_idx (user_b=?"_s), qPrintable(plan));
            QVERIFY2(!plan.contains(u"SCAN"_s), qPrintable(plan));
            QVERIFY2(!plan.contains(u"TEMP B-TREE"_s), qPrintable(plan));
        }
        for (const QString &sql : { chatsql::conversationFor(), chatsql::conversationWithMarks(),
                                    chatsql::pairWithoutAbout(), chatsql::pairAbout(), chatsql::userIdByEmail() }) {
            const QString other = planOf(f->connection(), sql).join(u'\n');
            QVERIFY2(!other.contains(u"error"_s) && !other.contains(u"SCAN"_s), qPrintable(sql + u'\n' + other));
        }
        QVERIFY(
            planOf(f->connection(), chatsql::pairWithoutAbout()).join(u'\n').contains(u"conversations_one_per_pair"_s));
    }

    void aResendReturnsTheStoredMessage()
    {
        const QUuid c = started(roman, lena);
        const QUuid id = QUuid::createUuid();
        auto first = chat().send(roman, c, id, u"Is the flat still free?"_s);
        QVERIFY2(first, qPrintable(failure(first)));
        sent(lena, c, u"Yes"_s);
        f->clock.advanceSecs(90);
        const QStringList before = f->dump();
        for (const QString &text : { u"Is the flat still free?"_s, u"edited after a reconnect"_s }) {
            auto again = chat().send(roman, c, id, text);
            QVERIFY2(again, qPrintable(failure(again)));
            QVERIFY(again->duplicate);
            QCOMPARE(again->message, first->message);
            QCOMPARE(again->peer, lena);
        }
        QCOMPARE(f->dump(), before);
        QCOMPARE(f->count(u"chat_messages"_s), 2);
    }

    void aMessageIdUsedElsewhereIsRefused()
    {
        const QUuid withLena = started(roman, lena);
        const QUuid withTess = started(roman, tess);
        const QUuid id = QUuid::createUuid();
        QVERIFY(chat().send(roman, withLena, id, u"Hello"_s));
        const QStringList before = f->dump();
        const QList<std::pair<QUuid, QUuid>> elsewhere {
            { roman, withTess }, // the same sender in another conversation
            { lena, withLena }, // another sender in the same conversation
        };
        for (const auto &[sender, conversation] : elsewhere) {
            auto refused = chat().send(sender, conversation, id, u"Hello"_s);
            QVERIFY(!refused);
            QCOMPARE(refused.error().code, Code::InvalidValue);
            QCOMPARE(refused.error().field, u"messageId"_s);
            QVERIFY(!rentdesk::test::looksLikeSql(refused.error().message));
        }
        auto nullId = chat().send(roman, withLena, QUuid(), u"Hello"_s);
        QVERIFY(!nullId);
        QCOMPARE(nullId.error().field, u"messageId"_s);
        QCOMPARE(f->dump(), before);
    }

    void aBatchKeepsEveryRuleOfSendPerMessage()
    {
        const QUuid c = started(roman, lena);
        const QUuid withTess = started(roman, tess);
        const ChatMessage elsewhere = sent(roman, withTess, u"Hello Tess"_s);
        f->clock.advanceSecs(60);
        const QUuid first = QUuid::createUuid();
        const QList<ChatService::Outgoing> batch {
            { roman, c, first, u"one"_s },
            { lena, c, QUuid::createUuid(), QString() }, // no text
            { lena, c, QUuid::createUuid(), u"two"_s },
            { roman, c, first, u"one, sent again before its answer"_s }, // a resend within the batch
            { tess, c, QUuid::createUuid(), u"Let me in"_s }, // not one of the two
            { roman, withTess, QUuid::createUuid(), u"Still there?"_s },
            { roman, c, elsewhere.id, u"an id of another conversation"_s },
            { lena, c, QUuid::createUuid(), QString(u"a"_s + QChar(0xD800)) }, // cannot be stored
            { lena, c, QUuid::createUuid(), u"three"_s },
            { roman, c, QUuid(), u"no id"_s },
        };
        auto results = chat().sendBatch(batch);
        QVERIFY2(results, qPrintable(failure(results)));
        QCOMPARE(results->size(), batch.size());

        // Refused, each for its own reason, as send() would.
        const QList<std::tuple<int, Code, QString>> refusals {
            { 1, Code::InvalidValue, u"text"_s },      { 4, Code::NotFound, u"conversationId"_s },
            { 6, Code::InvalidValue, u"messageId"_s }, { 7, Code::InvalidValue, u"text"_s },
            { 9, Code::InvalidValue, u"messageId"_s },
        };
        for (const auto &[index, code, field] : refusals) {
            const auto &refused = results->at(index);
            QVERIFY2(!refused, qPrintable(QString::number(index)));
            QCOMPARE(refused.error().code, code);
            QCOMPARE(refused.error().field, field);
            QVERIFY(!rentdesk::test::looksLikeSql(refused.error().message));
        }
        // Stored in the batch's order, the seq running on without the refused ones.
        QList<ChatMessage> stored;
        for (int index : { 0, 2, 8 }) {
            const auto &result = results->at(index);
            QVERIFY2(result, qPrintable(failure(result)));
            QVERIFY(!result->duplicate);
            QCOMPARE(result->message.text, batch.at(index).text);
            QCOMPARE(result->message.senderId, batch.at(index).actor);
            QCOMPARE(result->message.sentAt, f->clock.now());
            QCOMPARE(result->peer, batch.at(index).actor == roman ? lena : roman);
            stored.append(result->message);
        }
        QCOMPARE(seqsOf(stored), u"1,2,3"_s);
        const auto &resent = results->at(3);
        QVERIFY2(resent, qPrintable(failure(resent)));
        QVERIFY(resent->duplicate);
        QCOMPARE(resent->message, stored.first());
        QCOMPARE(results->at(5)->message.seq, 2); // the other conversation counts its own

        auto history = chat().history(lena, c, std::nullopt, std::nullopt, 200);
        QVERIFY2(history, qPrintable(failure(history)));
        QCOMPARE(history->messages, stored);
        QCOMPARE(f->count(u"chat_messages"_s), 5);
        // The conversation and the marks, written once for the batch, as after three send()s.
        const Conversation romans = viewed(roman, c);
        QCOMPARE(romans.lastSeq, 3);
        QCOMPARE(romans.lastMessage, std::optional<ChatMessage>(stored.last()));
        QCOMPARE(romans.lastActivityAt, f->clock.now());
        QCOMPARE(romans.ownMarks, (Marks { 1, 1 }));
        QCOMPARE(romans.peerMarks, (Marks { 3, 3 }));
        QCOMPARE(romans.unread, 2);
        QCOMPARE(romans.unread, recountUnread(roman, c));
        QCOMPARE(viewed(lena, c).unread, 0);
    }

    void aBatchIsOneTransactionOfStatementsPreparedOnce()
    {
        const QUuid c = started(roman, lena);
        const auto batchOf = [&](int count) {
            QList<ChatService::Outgoing> batch;
            for (int i = 0; i < count; ++i)
                batch.append({ i % 2 ? lena : roman, c, QUuid::createUuid(), u"message %1"_s.arg(i) });
            return batch;
        };
        QVERIFY(chat().sendBatch(batchOf(2)));
        StatementLog log(f->connection());
        auto results = chat().sendBatch(batchOf(3));
        QVERIFY2(results, qPrintable(failure(results)));
        QCOMPARE(results->at(2)->message.seq, 5);
        // The conversation is read once and written once, each sender's marks once.
        QCOMPARE(log.statements,
                 QStringList({ u"BEGIN IMMEDIATE"_s, chatsql::conversationOfMember(), chatsql::insertMessage(),
                               chatsql::insertMessage(), chatsql::insertMessage(), chatsql::advanceConversation(),
                               chatsql::writeMarks(), chatsql::writeMarks(), u"COMMIT"_s }));
        // The same prepared statement every time, in this batch and in the next, and kept
        // prepared on the connection between them.
        const qsizetype firstBatch = log.statements.size();
        QVERIFY(chat().sendBatch(batchOf(1)));
        QCOMPARE(log.handles.at(2), log.handles.at(3));
        QCOMPARE(log.handles.at(2), log.handles.at(firstBatch + 2));
        QHash<const void *, QString> live;
        sqlite3 *handle = rentdesk::models::db::sqliteHandle(f->connection());
        for (sqlite3_stmt *s = sqlite3_next_stmt(handle, nullptr); s; s = sqlite3_next_stmt(handle, s))
            live.insert(s, QString::fromUtf8(sqlite3_sql(s)));
        for (int i : { 1, 2, 5, 6 })
            QCOMPARE(live.value(log.handles.at(i)), log.statements.at(i));
    }

    void aMessageThatFailsToStoreLeavesTheOthersStored()
    {
        const QUuid c = started(roman, lena);
        QVERIFY(f->run(u"CREATE TEMP TRIGGER fail BEFORE INSERT ON chat_messages WHEN NEW.text = 'boom' "
                       "BEGIN SELECT RAISE(ABORT, 'injected failure'); END"_s));
        auto results = chat().sendBatch({ { roman, c, QUuid::createUuid(), u"before"_s },
                                          { lena, c, QUuid::createUuid(), u"boom"_s },
                                          { lena, c, QUuid::createUuid(), u"after"_s } });
        QVERIFY2(results, qPrintable(failure(results)));
        QVERIFY(!results->at(1));
        QVERIFY(!rentdesk::test::looksLikeSql(results->at(1).error().message));
        QVERIFY(results->at(0) && results->at(2));
        QCOMPARE(results->at(0)->message.seq, 1);
        QCOMPARE(results->at(2)->message.seq, 2); // the failed one took no number
        auto history = chat().history(roman, c, std::nullopt, std::nullopt, 200);
        QVERIFY2(history, qPrintable(failure(history)));
        QCOMPARE(history->messages, QList<ChatMessage>({ results->at(0)->message, results->at(2)->message }));
        QCOMPARE(viewed(roman, c).lastSeq, 2);
    }

    void aBatchThatFailsStoresNothingOfIt()
    {
        const QUuid c = started(roman, lena);
        const ChatMessage acked = sent(roman, c, u"answered before"_s);
        const QStringList before = f->dump();
        // The conversation's row is written after the messages: failing there fails the
        // batch after every message of it was inserted.
        QVERIFY(f->run(u"CREATE TEMP TRIGGER fail BEFORE UPDATE ON conversations "
                       "BEGIN SELECT RAISE(ABORT, 'injected failure'); END"_s));
        const QList<ChatService::Outgoing> batch { { roman, c, QUuid::createUuid(), u"lost"_s },
                                                   { lena, c, QUuid::createUuid(), u"lost too"_s } };
        auto failed = chat().sendBatch(batch);
        QVERIFY(!failed);
        QVERIFY(!rentdesk::test::looksLikeSql(failed.error().message));
        QVERIFY(!f->run(u"ROLLBACK"_s)); // no transaction was left open
        QCOMPARE(f->dump(), before);
        QVERIFY(f->run(u"DROP TRIGGER temp.fail"_s));

        // What was answered before is there, and the numbers go on from it.
        auto again = chat().sendBatch(batch);
        QVERIFY2(again, qPrintable(failure(again)));
        QVERIFY(!again->at(0)->duplicate);
        QCOMPARE(seqsOf({ acked, again->at(0)->message, again->at(1)->message }), u"1,2,3"_s);
    }

    void textLimits_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("accepted");
        const QString emoji = QString::fromUcs4(U"\U0001F3E0", 1); // a house: two UTF-16 units, one character
        QTest::newRow("4000 Cyrillic characters") << QString(4000, u'ж') << true;
        QTest::newRow("4001 Cyrillic characters") << QString(4001, u'ж') << false;
        QTest::newRow("4000 characters outside the BMP") << emoji.repeated(4000) << true;
        QTest::newRow("4001 characters outside the BMP") << emoji.repeated(4001) << false;
        QTest::newRow("one character") << u"?"_s << true;
        QTest::newRow("empty") << QString() << false;
        QTest::newRow("only spaces, kept") << u"   "_s << true;
        QTest::newRow("surrounding whitespace, kept") << u"\n  Hello,\tLena!  \n"_s << true;
        QTest::newRow("a NUL character") << QString(u"a"_s + QChar(0) + u"b"_s) << false;
        QTest::newRow("an unpaired surrogate") << QString(u"a"_s + QChar(0xD800) + u"b"_s) << false;
    }

    void textLimits()
    {
        QFETCH(QString, text);
        QFETCH(bool, accepted);
        const QUuid c = started(roman, lena);
        const QStringList before = f->dump();
        auto result = chat().send(roman, c, QUuid::createUuid(), text);
        if (!accepted) {
            QVERIFY(!result);
            QCOMPARE(result.error().code, Code::InvalidValue);
            QCOMPARE(result.error().field, u"text"_s);
            QVERIFY(!rentdesk::test::looksLikeSql(result.error().message));
            QCOMPARE(f->dump(), before);
            return;
        }
        QVERIFY2(result, qPrintable(failure(result)));
        auto stored = rentdesk::models::db::exec(f->connection(),
                                                 u"SELECT text, length(text) FROM chat_messages WHERE id = :id"_s,
                                                 { { u":id"_s, toStoredId(result->message.id) } });
        QVERIFY(stored && stored->next());
        QCOMPARE(stored->value(0).toString(), text);
        QCOMPARE(stored->value(1).toLongLong(), ChatService::characterCount(text));
    }

    void historyPagesBothWays_data()
    {
        QTest::addColumn<qint64>("before"); // -1: not given
        QTest::addColumn<qint64>("after");
        QTest::addColumn<int>("limit");
        QTest::addColumn<QString>("seqs");
        QTest::addColumn<bool>("more");
        QTest::newRow("latest") << qint64(-1) << qint64(-1) << 3 << u"5,6,7"_s << true;
        QTest::newRow("before 5") << qint64(5) << qint64(-1) << 3 << u"2,3,4"_s << true;
        QTest::newRow("before 2") << qint64(2) << qint64(-1) << 3 << u"1"_s << false;
        QTest::newRow("before 4, exactly the rest") << qint64(4) << qint64(-1) << 3 << u"1,2,3"_s << false;
        QTest::newRow("before 1") << qint64(1) << qint64(-1) << 3 << QString() << false;
        QTest::newRow("before beyond the last") << qint64(100) << qint64(-1) << 2 << u"6,7"_s << true;
        QTest::newRow("after 0") << qint64(-1) << qint64(0) << 3 << u"1,2,3"_s << true;
        QTest::newRow("after 3") << qint64(-1) << qint64(3) << 3 << u"4,5,6"_s << true;
        QTest::newRow("after 4, exactly the rest") << qint64(-1) << qint64(4) << 3 << u"5,6,7"_s << false;
        QTest::newRow("after 6") << qint64(-1) << qint64(6) << 3 << u"7"_s << false;
        QTest::newRow("after the last") << qint64(-1) << qint64(7) << 3 << QString() << false;
        QTest::newRow("between 2 and 6") << qint64(6) << qint64(2) << 2 << u"3,4"_s << true;
        QTest::newRow("between 2 and 6, all") << qint64(6) << qint64(2) << 3 << u"3,4,5"_s << false;
        QTest::newRow("everything") << qint64(-1) << qint64(-1) << 200 << u"1,2,3,4,5,6,7"_s << false;
        QTest::newRow("one") << qint64(-1) << qint64(-1) << 1 << u"7"_s << true;
    }

    void historyPagesBothWays()
    {
        QFETCH(qint64, before);
        QFETCH(qint64, after);
        QFETCH(int, limit);
        QFETCH(QString, seqs);
        QFETCH(bool, more);
        const QUuid c = started(roman, lena);
        for (int i = 0; i < 7; ++i)
            sent(i % 3 ? roman : lena, c, u"message %1"_s.arg(i + 1));
        auto page = chat().history(lena, c, before < 0 ? std::nullopt : std::optional<qint64>(before),
                                   after < 0 ? std::nullopt : std::optional<qint64>(after), limit);
        QVERIFY2(page, qPrintable(failure(page)));
        QCOMPARE(seqsOf(page->messages), seqs);
        QCOMPARE(page->more, more);
        for (const ChatMessage &message : page->messages)
            QCOMPARE(message.text, u"message %1"_s.arg(message.seq));
    }

    void historyRefusesWhatItCannotAnswer()
    {
        const QUuid c = started(roman, lena);
        auto empty = chat().history(roman, c, std::nullopt, std::nullopt, 50);
        QVERIFY2(empty, qPrintable(failure(empty)));
        QVERIFY(empty->messages.isEmpty());
        QVERIFY(!empty->more);
        sent(roman, c, u"Hello"_s);
        const QStringList before = f->dump();
        const QList<std::pair<DomainError, QString>> refusals {
            { errorOf(chat().history(roman, c, std::nullopt, std::nullopt, 0)), u"limit"_s },
            { errorOf(chat().history(roman, c, std::nullopt, std::nullopt, 201)), u"limit"_s },
            { errorOf(chat().history(roman, c, 0, std::nullopt, 50)), u"beforeSeq"_s },
            { errorOf(chat().history(roman, c, std::nullopt, -1, 50)), u"afterSeq"_s },
        };
        for (const auto &[error, field] : refusals) {
            QCOMPARE(error.code, Code::InvalidValue);
            QCOMPARE(error.field, field);
            QVERIFY(!rentdesk::test::looksLikeSql(error.message));
        }
        QCOMPARE(f->dump(), before);
        QVERIFY(chat().history(roman, c, std::nullopt, std::nullopt, ChatService::MaxHistoryLimit));
    }

    void watermarksOnlyGrow()
    {
        const QUuid c = started(roman, lena);
        sent(roman, c, u"1"_s);
        sent(lena, c, u"2"_s);
        sent(lena, c, u"3"_s);
        // One has read what one wrote.
        QCOMPARE(viewed(roman, c).ownMarks, (Marks { 1, 1 }));
        QCOMPARE(viewed(lena, c).ownMarks, (Marks { 3, 3 }));

        auto delivered = chat().markDelivered(roman, c, 3);
        QVERIFY2(delivered, qPrintable(failure(delivered)));
        QCOMPARE(delivered->marks, (Marks { 3, 1 }));
        QVERIFY(delivered->changed);
        QCOMPARE(delivered->peer, lena);
        QCOMPARE(viewed(lena, c).peerMarks, (Marks { 3, 1 }));

        QStringList before = f->dump();
        for (const qint64 lower : { qint64(0), qint64(2), qint64(3) }) {
            auto same = chat().markDelivered(roman, c, lower);
            QVERIFY2(same, qPrintable(failure(same)));
            QCOMPARE(same->marks, (Marks { 3, 1 }));
            QVERIFY(!same->changed);
        }
        QCOMPARE(f->dump(), before);

        auto read = chat().markRead(roman, c, 2);
        QVERIFY2(read, qPrintable(failure(read)));
        QCOMPARE(read->marks, (Marks { 3, 2 }));
        QVERIFY(read->changed);
        before = f->dump();
        auto older = chat().markRead(roman, c, 1);
        QVERIFY(older && !older->changed);
        QCOMPARE(older->marks, (Marks { 3, 2 }));
        QCOMPARE(f->dump(), before);

        // Nothing beyond the last message, nothing negative.
        const QList<DomainError> refusals { errorOf(chat().markDelivered(roman, c, 4)),
                                            errorOf(chat().markRead(roman, c, 4)),
                                            errorOf(chat().markDelivered(roman, c, -1)),
                                            errorOf(chat().markRead(roman, c, -1)) };
        for (const DomainError &error : refusals) {
            QCOMPARE(error.code, Code::InvalidValue);
            QCOMPARE(error.field, u"upToSeq"_s);
            QVERIFY(!rentdesk::test::looksLikeSql(error.message));
        }
        QCOMPARE(f->dump(), before);
    }

    void readImpliesDelivered()
    {
        const QUuid c = started(roman, lena);
        sent(lena, c, u"1"_s);
        sent(lena, c, u"2"_s);
        auto read = chat().markRead(roman, c, 2);
        QVERIFY2(read, qPrintable(failure(read)));
        QCOMPARE(read->marks, (Marks { 2, 2 }));
        // Delivered never falls behind read, even when asked for less.
        auto delivered = chat().markDelivered(roman, c, 1);
        QVERIFY(delivered && !delivered->changed);
        QCOMPARE(delivered->marks, (Marks { 2, 2 }));
        // A conversation with no message yet has nothing to mark but 0.
        const QUuid empty = started(roman, tess);
        auto zero = chat().markRead(roman, empty, 0);
        QVERIFY(zero && !zero->changed);
        QCOMPARE(zero->marks, Marks());
    }

    void unreadCountsFollowTheMarks()
    {
        const QUuid c = started(roman, lena);
        // The first viewer whose count differs from a recount, said; empty when none does. (A
        // QVERIFY in here would end only the lambda, and the test would go on past it.)
        const auto mismatch = [&](const char *step) {
            for (const QUuid &viewer : { roman, lena }) {
                const Conversation seen = viewed(viewer, c);
                if (seen.unread != recountUnread(viewer, c))
                    return u"%1: %2 shown, %3 by count"_s.arg(QString::fromLatin1(step))
                        .arg(seen.unread)
                        .arg(recountUnread(viewer, c));
            }
            return QString();
        };
        QCOMPARE(mismatch("no messages"), QString());
        sent(lena, c, u"1"_s);
        sent(lena, c, u"2"_s);
        QCOMPARE(mismatch("two from lena"), QString());
        QCOMPARE(viewed(roman, c).unread, 2);
        QCOMPARE(viewed(lena, c).unread, 0);
        QVERIFY(chat().markRead(roman, c, 1));
        QCOMPARE(mismatch("roman read one"), QString());
        QCOMPARE(viewed(roman, c).unread, 1);
        QVERIFY(chat().markDelivered(roman, c, 2));
        QCOMPARE(mismatch("delivered is not read"), QString());
        QCOMPARE(viewed(roman, c).unread, 1);
        sent(roman, c, u"3"_s);
        QCOMPARE(mismatch("roman answered"), QString());
        QCOMPARE(viewed(roman, c).unread, 0);
        QCOMPARE(viewed(lena, c).unread, 1);
        sent(lena, c, u"4"_s);
        sent(lena, c, u"5"_s);
        QCOMPARE(mismatch("lena again"), QString());
        QCOMPARE(viewed(roman, c).unread, 2);
        QCOMPARE(viewed(lena, c).unread, 0);
    }

    void listIsLatestFirstWithEverythingAClientShows()
    {
        const QUuid withLena = started(roman, lena);
        f->clock.advanceSecs(60);
        const QUuid withTess = started(roman, tess);
        f->clock.advanceSecs(60);
        const QUuid aboutFlat = started(roman, lena, About { AboutKind::Apartment, QUuid::createUuid(), u"Flat 12"_s });
        const auto order = [&](const QUuid &viewer) {
            QList<QUuid> ids;
            for (const Conversation &c : chat().list(viewer).value_or(ChatService::ConversationPage()).conversations)
                ids << c.id;
            return ids;
        };
        // Without messages, by when they were started.
        QCOMPARE(order(roman), QList<QUuid>({ aboutFlat, withTess, withLena }));

        f->clock.advanceSecs(60);
        const ChatMessage fromLena = sent(lena, withLena, u"Hello Roman"_s);
        QCOMPARE(order(roman), QList<QUuid>({ withLena, aboutFlat, withTess }));
        f->clock.advanceSecs(60);
        const ChatMessage toTess = sent(roman, withTess, u"Hello Tess"_s);
        QVERIFY(chat().markDelivered(tess, withTess, 1));
        QCOMPARE(order(roman), QList<QUuid>({ withTess, withLena, aboutFlat }));
        QCOMPARE(order(lena), QList<QUuid>({ withLena, aboutFlat }));
        QCOMPARE(order(tess), QList<QUuid>({ withTess }));

        auto list = chat().list(roman);
        QVERIFY2(list, qPrintable(failure(list)));
        QCOMPARE(list->conversations.size(), 3);
        const Conversation &tessView = list->conversations.at(0);
        QCOMPARE(tessView.peer.id, tess);
        QCOMPARE(tessView.peer.displayName, u"Tess Third"_s);
        QCOMPARE(tessView.lastMessage, std::optional<ChatMessage>(toTess));
        QCOMPARE(tessView.unread, 0);
        QCOMPARE(tessView.ownMarks, (Marks { 1, 1 }));
        QCOMPARE(tessView.peerMarks, (Marks { 1, 0 }));
        QCOMPARE(tessView.lastActivityAt, toTess.sentAt);
        const Conversation &lenaView = list->conversations.at(1);
        QCOMPARE(lenaView.peer.id, lena);
        QCOMPARE(lenaView.peer.role, Role::Landlord);
        QVERIFY(!lenaView.about);
        QCOMPARE(lenaView.lastMessage, std::optional<ChatMessage>(fromLena));
        QCOMPARE(lenaView.unread, 1);
        QCOMPARE(lenaView.ownMarks, Marks());
        QCOMPARE(lenaView.peerMarks, (Marks { 1, 1 }));
        const Conversation &flatView = list->conversations.at(2);
        QVERIFY(flatView.about);
        QCOMPARE(flatView.about->title, u"Flat 12"_s);
        QVERIFY(!flatView.lastMessage);
        QCOMPARE(flatView.lastActivityAt, flatView.createdAt);
        // Each entry is what conversation() says of it.
        for (const Conversation &c : list->conversations)
            QCOMPARE(c, viewed(roman, c.id));

        // Equal times are ordered by id, so that the order is stable.
        f->clock.advanceSecs(60);
        const QUuid second = started(tess, lena);
        const QUuid third = started(tess, lena, About { AboutKind::Booking, QUuid::createUuid(), u"June"_s });
        QList<QUuid> expected { second, third };
        std::sort(expected.begin(), expected.end(),
                  [](const QUuid &a, const QUuid &b) { return toStoredId(a) > toStoredId(b); });
        QCOMPARE(order(tess).mid(0, 2), expected);
    }

    void membersAreTheTwoPeople()
    {
        const QUuid c = started(roman, lena);
        auto members = chat().members(c);
        QVERIFY2(members, qPrintable(failure(members)));
        QCOMPARE(QSet<QUuid>(members->cbegin(), members->cend()), QSet<QUuid>({ roman, lena }));
        QCOMPARE(members->size(), 2);
        auto missing = chat().members(QUuid::createUuid());
        QVERIFY(!missing);
        QCOMPARE(missing.error().code, Code::NotFound);
    }

    void otherModesHaveNoChat_data()
    {
        QTest::addColumn<int>("mode");
        QTest::newRow("standalone") << int(Mode::Standalone);
        QTest::newRow("connected") << int(Mode::Connected);
    }

    void otherModesHaveNoChat()
    {
        QFETCH(int, mode);
        const QUuid c = started(roman, lena);
        sent(roman, c, u"Hello"_s);
        const ChatService desktop(f->context(Mode(mode)));
        const QStringList before = f->dump();
        const QList<DomainError> refusals {
            errorOf(desktop.start(roman, f->emailOf(tess), std::nullopt)),
            errorOf(desktop.conversation(roman, c)),
            errorOf(desktop.list(roman)),
            errorOf(desktop.send(roman, c, QUuid::createUuid(), u"Hi"_s)),
            errorOf(desktop.history(roman, c, std::nullopt, std::nullopt, 50)),
            errorOf(desktop.markDelivered(lena, c, 1)),
            errorOf(desktop.markRead(lena, c, 1)),
            errorOf(desktop.members(c)),
        };
        for (const DomainError &error : refusals) {
            QCOMPARE(error.code, Code::NotInThisMode);
            QVERIFY(!rentdesk::test::looksLikeSql(error.message));
        }
        QCOMPARE(f->dump(), before);
    }
};

QTEST_GUILESS_MAIN(TestChatService)
#include "tst_chatservice.moc"
