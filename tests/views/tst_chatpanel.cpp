// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/demo/demogenerator.h"
#include "models/itemmodels/itemroles.h"
#include "models/query/detailsquery.h"
#include "models/services/clock.h"
#include "net/chat/chatclient.h"
#include "net/connection/serverconnection.h"
#include "tests/server/serverprocess.h"
#include "tests/support/testsupport.h"
#include "tests/views/guitesting.h"
#include "views/chat/chatmodels.h"
#include "views/chat/chatpanel.h"
#include "views/mainwindow/mainwindow.h"
#include "views/mainwindow/workspace.h"
#include "views/settings/serversettingspage.h"

#include <QJsonArray>
#include <QLabel>
#include <QListView>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace rentdesk;
using net::chat::ChatClient;
using net::connection::ServerConnection;
using test::ServerProcess;
using test::TestClient;
using views::ChatPanel;
using views::MessageListModel;

namespace {

const QString password = u"correct horse battery"_s;

} // namespace

// The chat panel driven as a person would, against the real rentdesk-server, with the other
// person a protocol client of the test's own: the account made on the Settings' Server tab,
// a conversation started by e-mail, a message typed and sent, its state going from sent to
// delivered and read as the other side acknowledges, their answer arriving and being marked
// read, and a message typed while the server is away waiting, then going out.
class TestChatPanel final : public QObject
{
    Q_OBJECT

    std::unique_ptr<ServerProcess> server;
    std::unique_ptr<test::TempDatabase> db;
    models::services::SystemClock clock;
    std::unique_ptr<ServerConnection> connection;
    std::unique_ptr<ChatClient> client;
    std::unique_ptr<TestClient> tom;

    // The message row with this text, or -1.
    static int rowOf(const MessageListModel &model, const QString &text)
    {
        for (int row = 0; row < model.rowCount(); ++row) {
            if (model.index(row).data(MessageListModel::TextRole).toString() == text)
                return row;
        }
        return -1;
    }
    static QString stateOf(const MessageListModel &model, const QString &text)
    {
        const int row = rowOf(model, text);
        return row < 0 ? u"<none>"_s : model.index(row).data(MessageListModel::StateTextRole).toString();
    }

    // Ann's account, made and signed in through the client (the Server tab has its own test).
    bool signUpAnn(const QString &email = u"ann@example.org"_s)
    {
        connection->setServerUrl(server->url());
        QSignalSpy signedUp(connection.get(), &ServerConnection::signedUp);
        connection->signUp(email, u"Ann Renter"_s, password, models::domain::Role::Renter,
                           models::domain::Language::English);
        if (!signedUp.wait(30000))
            return false;
        QSignalSpy signedIn(connection.get(), &ServerConnection::signedIn);
        connection->logIn(email, password);
        return signedIn.wait(30000);
    }

private Q_SLOTS:
    void init()
    {
        server = std::make_unique<ServerProcess>();
        QVERIFY2(server->start(), qPrintable(server->errorString()));
        db = std::make_unique<test::TempDatabase>();
        QVERIFY2(db->isValid(), qPrintable(db->errorMessage()));
        connection = std::make_unique<ServerConnection>();
        connection->setBackoff({ std::chrono::milliseconds(50), std::chrono::milliseconds(300) });
        client = std::make_unique<ChatClient>(*connection, db->shared(), clock);
        tom = std::make_unique<TestClient>();
        QVERIFY(tom->open(server->url()));
        QVERIFY(tom->hello());
        QVERIFY2(tom->signUpAndLogIn(u"tom@example.org"_s, u"Tom Landlord"_s, u"landlord"_s),
                 qPrintable(tom->lastError()));
    }
    void cleanup()
    {
        tom.reset();
        client.reset();
        connection.reset();
        db.reset();
        server.reset();
    }

    void theServerTabCreatesTheAccountAndSignsIn()
    {
        views::ServerAccountDefaults defaults { u"ann@example.org"_s, u"Ann Renter"_s, models::domain::Role::Renter,
                                                models::domain::Language::Russian };
        views::ServerSettingsPage page(QString(), *connection, defaults);
        page.show();
        auto *url = page.findChild<QLineEdit *>(u"serverUrlEdit"_s);
        auto *email = page.findChild<QLineEdit *>(u"serverEmailEdit"_s);
        auto *secret = page.findChild<QLineEdit *>(u"serverPasswordEdit"_s);
        auto *create = page.findChild<QPushButton *>(u"serverCreateButton"_s);
        auto *status = page.findChild<QLabel *>(u"serverStatus"_s);
        QVERIFY(url && email && secret && create && status);
        QCOMPARE(email->text(), u"ann@example.org"_s);

        test::typeOver(url, u"http://127.0.0.1:1"_s);
        QVERIFY(!page.validate());
        QVERIFY(page.findChild<QLabel *>(u"serverUrlError"_s)->isVisible());

        test::typeOver(url, u"ws://chat.example.org:8765"_s);
        QVERIFY(!page.validate()); // a password in clear across the network
        QVERIFY(page.findChild<QLabel *>(u"serverUrlError"_s)->text().contains(u"wss://"_s));

        test::typeOver(url, server->url().toString());
        QVERIFY(page.validate());
        QVERIFY(!create->isEnabled()); // no password yet
        test::typeOver(secret, password);
        QVERIFY(create->isEnabled());
        QSignalSpy signedIn(connection.get(), &ServerConnection::signedIn);
        QTest::mouseClick(create, Qt::LeftButton);
        QVERIFY(signedIn.wait(30000));
        const auto user = signedIn.at(0).at(0).value<net::protocol::UserJson>();
        QCOMPARE(user.displayName, u"Ann Renter"_s);
        QCOMPARE(user.role, models::domain::Role::Renter);
        QCOMPARE(user.language, models::domain::Language::Russian);
        QVERIFY(status->text().contains(u"Signed in as Ann Renter"_s));
        QVERIFY(secret->text().isEmpty()); // the password is not kept on the page either
        QVERIFY(page.findChild<QPushButton *>(u"serverSignOutButton"_s)->isEnabled());

        // Wrong password: said so on the page.
        QSignalSpy failed(connection.get(), &ServerConnection::signInFailed);
        test::typeOver(secret, u"not the password"_s);
        QTest::mouseClick(page.findChild<QPushButton *>(u"serverSignInButton"_s), Qt::LeftButton);
        QVERIFY(failed.wait(30000));
        QCOMPARE(status->text(), u"The e-mail or the password is wrong."_s);
    }

    void aMessageGoesOutAndShowsDeliveredThenRead()
    {
        QVERIFY(signUpAnn());

        ChatPanel panel(*client);
        panel.resize(420, 640);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        auto *state = panel.findChild<QLabel *>(u"chatState"_s);
        QTRY_COMPARE_WITH_TIMEOUT(state->text(), u"Online"_s, 10000);

        // Start a conversation with Tom by e-mail.
        auto *email = panel.findChild<QLineEdit *>(u"chatEmail"_s);
        auto *start = panel.findChild<QPushButton *>(u"chatStart"_s);
        test::typeOver(email, u"tom@example.org"_s);
        QTest::mouseClick(start, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!panel.currentConversation().isNull(), 10000);
        const auto started = tom->waitForPush(u"chat.conversation"_s);
        QVERIFY(started);
        const QString conversation = started->value(u"conversation"_s).toObject().value(u"id"_s).toString();
        QCOMPARE(panel.currentConversation().toString(QUuid::WithoutBraces), conversation);

        // Type and send.
        auto *input = panel.findChild<QPlainTextEdit *>(u"chatInput"_s);
        auto *send = panel.findChild<QPushButton *>(u"chatSend"_s);
        QVERIFY(!send->isEnabled());
        input->setFocus();
        QTest::keyClicks(input, u"Is the flat free in March?"_s);
        QVERIFY(send->isEnabled());
        QTest::mouseClick(send, Qt::LeftButton);
        QVERIFY(input->toPlainText().isEmpty());
        const MessageListModel &messages = *panel.messages();
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(messages, u"Is the flat free in March?"_s), u"Sent"_s, 10000);

        // Tom's app receives it and acknowledges it; then he reads it.
        const auto pushed = tom->waitForPush(u"chat.message"_s);
        QVERIFY(pushed);
        const QJsonObject message = pushed->value(u"message"_s).toObject();
        QCOMPARE(message.value(u"text"_s).toString(), u"Is the flat free in March?"_s);
        QCOMPARE(message.value(u"seq"_s).toInt(), 1);
        auto ack = tom->call(u"chat.delivered"_s, { { u"conversationId"_s, conversation }, { u"upToSeq"_s, 1 } });
        QVERIFY(ack && ack->value(u"ok"_s).toBool());
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(messages, u"Is the flat free in March?"_s), u"Delivered"_s, 10000);
        auto read = tom->call(u"chat.read"_s, { { u"conversationId"_s, conversation }, { u"upToSeq"_s, 1 } });
        QVERIFY(read && read->value(u"ok"_s).toBool());
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(messages, u"Is the flat free in March?"_s), u"Read"_s, 10000);

        // Tom answers: the bubble appears, and since the panel shows it, it is marked read.
        auto answer = tom->call(u"chat.send"_s,
                                { { u"conversationId"_s, conversation },
                                  { u"messageId"_s, QUuid::createUuid().toString(QUuid::WithoutBraces) },
                                  { u"text"_s, u"Да, с первого марта."_s } });
        QVERIFY(answer && answer->value(u"ok"_s).toBool());
        QTRY_VERIFY_WITH_TIMEOUT(rowOf(messages, u"Да, с первого марта."_s) >= 0, 10000);
        QVERIFY(!messages.index(rowOf(messages, u"Да, с первого марта."_s)).data(MessageListModel::OwnRole).toBool());
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                for (const QJsonObject &push : tom->pushes()) {
                    if (push.value(u"type"_s).toString() == u"chat.receipt"_s && push.value(u"readUpTo"_s).toInt() == 2)
                        return true;
                }
                return false;
            }(),
            10000);
        QCOMPARE(panel.conversations()->totalUnread(), 0);
    }

    // The main window's Message… on an apartment: a conversation with its landlord about it,
    // with the apartment's title, enabled only while chat is online.
    void messageFromAnApartmentStartsAConversationAboutIt()
    {
        models::demo::DemoOptions options;
        options.apartments = 40;
        options.today = clock.today();
        QVERIFY(models::demo::generateDemoData(db->connection(), options));
        models::services::Session session;
        views::Workspace workspace(db->shared(), clock, models::services::Mode::Standalone, session);
        auto renter = workspace.accounts.logIn(models::demo::demoRenter().email, models::demo::demoPassword());
        QVERIFY(renter);
        session.signIn(*renter);
        workspace.connection = connection.get();
        workspace.chat = client.get();
        views::MainWindow window(workspace);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.chatPanel());
        auto *status = window.findChild<QLabel *>(u"chatStatus"_s);
        QCOMPARE(status->text(), u"Chat: Offline"_s);

        auto *table = window.findChild<QTableView *>(u"apartmentsTable"_s);
        QTRY_VERIFY(table->model()->rowCount() > 0);
        table->setFocus();
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {},
                          table->visualRect(table->model()->index(0, 0)).center());
        QVERIFY(!window.actions().message->isEnabled()); // not connected yet

        // The renter's server account has the renter's e-mail; the landlord has one too.
        QVERIFY(signUpAnn(renter->email));
        QTRY_COMPARE_WITH_TIMEOUT(status->text(), u"Chat: Online"_s, 10000);
        QVERIFY(window.actions().message->isEnabled());
        const QUuid apartment = table->model()->index(0, 0).data(models::itemmodels::IdRole).toUuid();
        auto contact = models::query::DetailsQuery(db->shared())
                           .chatContact(renter->id, models::domain::AboutKind::Apartment, apartment);
        QVERIFY(contact);
        TestClient landlord;
        QVERIFY(landlord.open(server->url()) && landlord.hello());
        QVERIFY2(landlord.signUpAndLogIn(contact->email, contact->displayName, u"landlord"_s),
                 qPrintable(landlord.lastError()));

        window.actions().message->trigger();
        const auto started = landlord.waitForPush(u"chat.conversation"_s);
        QVERIFY(started);
        const QJsonObject about = started->value(u"conversation"_s).toObject().value(u"about"_s).toObject();
        QCOMPARE(about.value(u"kind"_s).toString(), u"apartment"_s);
        QCOMPARE(about.value(u"id"_s).toString(), apartment.toString(QUuid::WithoutBraces));
        QCOMPARE(about.value(u"title"_s).toString(), contact->title);
        QTRY_VERIFY_WITH_TIMEOUT(!window.chatPanel()->currentConversation().isNull(), 10000);
        QVERIFY(window.chatPanel()->isVisible());
    }

    void aMessageTypedOfflineWaitsThenGoesOut()
    {
        QVERIFY(signUpAnn());
        ChatPanel panel(*client);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        panel.startConversation(u"tom@example.org"_s, std::nullopt);
        QTRY_VERIFY_WITH_TIMEOUT(!panel.currentConversation().isNull(), 10000);

        QCOMPARE(server->stop(), 0);
        auto *state = panel.findChild<QLabel *>(u"chatState"_s);
        QTRY_VERIFY_WITH_TIMEOUT(state->text().startsWith(u"Connecting"_s), 10000);
        auto *input = panel.findChild<QPlainTextEdit *>(u"chatInput"_s);
        input->setFocus();
        QTest::keyClicks(input, u"typed offline"_s);
        QTest::keyClick(input, Qt::Key_Return, Qt::ControlModifier);
        const MessageListModel &messages = *panel.messages();
        QCOMPARE(stateOf(messages, u"typed offline"_s), u"Waiting to be sent"_s);

        QVERIFY2(server->start(), qPrintable(server->errorString()));
        connection->setServerUrl(server->url()); // a new port: the test's server takes any free one
        QTRY_COMPARE_WITH_TIMEOUT(state->text(), u"Online"_s, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(messages, u"typed offline"_s), u"Sent"_s, 10000);
        QVERIFY(client->pending().isEmpty());
    }
};

QTEST_MAIN(TestChatPanel)
#include "tst_chatpanel.moc"
