// SPDX-License-Identifier: GPL-3.0-or-later
//
// rentdesk-bench-mail: delivers queued mails from the outbox to a local aiosmtpd over a plain
// connection, and Python's smtplib sends the very same messages (the same bytes, written
// by the same renderer) over one connection to the same server, in the same run. Prints one
// JSON object of medians; a measurement, not a test. Needs Debian's /usr/bin/python3 with
// python3-aiosmtpd, and tests/mail/smtpserver.py from the source tree.
//
//   rentdesk-bench-mail --mails 1000 --runs 5 --json

#include "bench/benchsupport.h"
#include "models/db/database.h"
#include "models/db/query.h"
#include "models/db/transaction.h"
#include "models/demo/demogenerator.h"
#include "models/mail/mailtemplates.h"
#include "models/mail/outboxstore.h"
#include "models/services/clock.h"
#include "models/services/servicecontext.h"
#include "models/services/servicesteps.h"
#include "net/mail/mimemessage.h"
#include "net/mail/outboxsender.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>

#include <algorithm>
#include <cstdlib>

using namespace Qt::StringLiterals;
using namespace rentdesk;
using namespace rentdesk::bench;

namespace {

const QString python = u"/usr/bin/python3"_s;

[[noreturn]] void die(const QString &what)
{
    fail(what);
    std::exit(1);
}

QString script()
{
    return QStringLiteral(RENTDESK_SOURCE_DIR) + u"/tests/mail/smtpserver.py"_s;
}

// aiosmtpd in plain mode, quiet (it only counts), for the whole run.
class SmtpServer
{
public:
    bool start()
    {
        m_process.setProgram(python);
        m_process.setArguments(
            { script(), u"serve"_s, u"--mode"_s, u"plain"_s, u"--quiet"_s, u"--lifetime"_s, u"3600"_s });
        m_process.start();
        if (!m_process.waitForStarted(10000))
            return false;
        QByteArray line;
        QElapsedTimer waited;
        waited.start();
        while (!line.endsWith('\n') && waited.elapsed() < 20000) {
            m_process.waitForReadyRead(1000);
            line += m_process.readLine();
        }
        const QJsonObject ready = QJsonDocument::fromJson(line).object();
        m_port = quint16(ready.value(u"port"_s).toInt());
        return ready.value(u"event"_s).toString() == u"ready" && m_port != 0;
    }
    ~SmtpServer()
    {
        m_process.closeWriteChannel(); // it exits at the end of its input
        if (!m_process.waitForFinished(5000))
            m_process.kill();
        m_process.waitForFinished(1000);
    }
    [[nodiscard]] quint16 port() const { return m_port; }
    [[nodiscard]] QString errors() { return QString::fromUtf8(m_process.readAllStandardError()); }

private:
    QProcess m_process;
    quint16 m_port = 0;
};

// Queues count mails in the outbox as the services do, to demo users of both languages: a
// third welcomes, the rest booking confirmations with a real booking's figures.
void queueMails(const std::shared_ptr<models::db::Database> &database, const models::services::Clock &clock, int count)
{
    const QSqlDatabase db = connectionOf(*database);
    auto users = models::db::exec(db, u"SELECT id, display_name, role FROM users ORDER BY id"_s);
    auto stays = models::db::exec(db,
                                  u"SELECT b.id, a.number, g.name, g.address, g.city, b.start_date, b.end_date, "
                                  "b.total_price, a.currency, r.display_name, o.display_name "
                                  "FROM bookings AS b JOIN apartments AS a ON a.id = b.apartment_id "
                                  "JOIN buildings AS g ON g.id = a.building_id JOIN users AS r ON r.id = b.renter_id "
                                  "JOIN users AS o ON o.id = a.owner_id ORDER BY b.id LIMIT 500"_s);
    if (!users || !stays)
        die(u"demo data cannot be read"_s);
    QList<QPair<QUuid, QJsonObject>> welcomes;
    while (users->next()) {
        welcomes.append(
            { QUuid(users->value(0).toString()),
              { { u"displayName"_s, users->value(1).toString() }, { u"role"_s, users->value(2).toString() } } });
    }
    QList<QJsonObject> confirmations;
    while (stays->next()) {
        QJsonObject params;
        const QStringList keys { u"bookingId"_s, u"apartmentNumber"_s, u"buildingName"_s, u"address"_s,
                                 u"city"_s,      u"startDate"_s,       u"endDate"_s,      u"totalPrice"_s,
                                 u"currency"_s,  u"renterName"_s,      u"landlordName"_s };
        for (int i = 0; i < keys.size(); ++i)
            params.insert(keys.at(i), stays->value(i).toString());
        params.insert(u"status"_s, u"confirmed"_s);
        confirmations.append(params);
    }
    const models::services::ServiceContext context(database, clock, models::services::Mode::Standalone);
    const auto queued = models::db::transact(db, [&]() -> models::services::Result<void> {
        for (int i = 0; i < count; ++i) {
            const auto &[user, welcome] = welcomes.at(i % welcomes.size());
            const bool isWelcome = i % 3 == 0;
            auto done = models::services::queueMail(
                context, db,
                isWelcome ? models::domain::MailEvent::Welcome : models::domain::MailEvent::BookingConfirmed, user,
                isWelcome ? welcome : confirmations.at(i % confirmations.size()));
            if (!done)
                return done;
        }
        return {};
    });
    if (!queued)
        die(queued.error().message);
}

struct Round
{
    double rentdeskSeconds = 0;
    double smtplibSeconds = 0;
};

Round measure(int mails, quint16 port, const QString &workDir, bool smtplibFirst)
{
    Round round;
    QTemporaryDir dir(workDir + u"/round-XXXXXX"_s);
    auto database = models::db::Database::open(dir.filePath(u"bench.sqlite"_s));
    if (!database)
        die(database.error().message);
    const models::services::SystemClock clock;
    auto generated = models::demo::generateDemoData(**database, { 2026, 200, Today });
    if (!generated)
        die(generated.error().message);
    queueMails(*database, clock, mails);

    // The same mails as smtplib will send them: rendered now, by the same code, as the client
    // does for a server that offers 8BITMIME (aiosmtpd does).
    const auto queued = models::mail::OutboxStore(*database, clock).due(mails);
    if (!queued || queued->size() != mails)
        die(u"the outbox does not hold the mails just queued"_s);
    const net::mail::MailAddress from { u"RentDesk"_s, u"rentdesk@bench.local"_s };
    QDir out(dir.filePath(u"smtplib"_s));
    out.mkpath(u"."_s);
    QJsonArray manifest;
    for (const models::mail::OutboxMail &queuedMail : *queued) {
        const auto composed = models::mail::composeMail(queuedMail.event, queuedMail.language, queuedMail.recipientName,
                                                        queuedMail.params);
        if (!composed)
            die(composed.error().message);
        net::mail::MailMessage message { from,
                                         { queuedMail.recipientName, queuedMail.recipientEmail },
                                         composed->subject,
                                         composed->text,
                                         composed->html,
                                         queuedMail.messageId.toUtf8(),
                                         queuedMail.createdAt };
        const QString name = queuedMail.id.toString(QUuid::WithoutBraces) + u".eml"_s;
        QFile file(out.filePath(name));
        if (!file.open(QIODevice::WriteOnly)
            || file.write(net::mail::renderMessage(message, net::mail::BodyEncoding::EightBit)) < 0)
            die(u"cannot write "_s + file.fileName());
        manifest.append(QJsonObject {
            { u"file"_s, name }, { u"from"_s, from.address }, { u"to"_s, QJsonArray { queuedMail.recipientEmail } } });
    }
    QFile manifestFile(out.filePath(u"manifest.json"_s));
    if (!manifestFile.open(QIODevice::WriteOnly) || manifestFile.write(QJsonDocument(manifest).toJson()) < 0)
        die(u"cannot write the manifest"_s);
    manifestFile.close();

    const auto runRentDesk = [&] {
        // RentDesk: from the sender's start to the last mail marked sent.
        {
            net::mail::OutboxSender sender(*database, clock);
            auto config = net::mail::makeMailConfig(u"smtp+insecure://127.0.0.1:%1"_s.arg(port), {},
                                                    net::mail::formatMailAddress(from));
            int sent = 0;
            int failed = 0;
            QEventLoop loop;
            QObject::connect(&sender, &net::mail::OutboxSender::mailSent, &loop, [&] {
                if (++sent + failed == mails)
                    loop.quit();
            });
            QObject::connect(&sender, &net::mail::OutboxSender::mailFailed, &loop,
                             [&](const QUuid &, const QString &reason) {
                                 ++failed;
                                 QTextStream(stderr) << reason << u'\n';
                                 if (sent + failed == mails)
                                     loop.quit();
                             });
            QTimer::singleShot(600000, &loop, &QEventLoop::quit);
            QElapsedTimer timer;
            timer.start();
            sender.configure(*config, QString());
            loop.exec();
            round.rentdeskSeconds = double(timer.nsecsElapsed()) / 1e9;
            if (sent != mails)
                die(u"RentDesk sent %1 of %2 mails"_s.arg(sent).arg(mails));
        }
    };
    const auto runSmtplib = [&] {
        // smtplib: the same messages over one connection, timed inside Python.
        QProcess smtplib;
        smtplib.start(python,
                      { script(), u"send-smtplib"_s, u"--port"_s, QString::number(port), u"--dir"_s, out.path() });
        if (!smtplib.waitForFinished(600000) || smtplib.exitCode() != 0)
            die(u"smtplib failed: "_s + QString::fromUtf8(smtplib.readAllStandardError()));
        const QJsonObject result = QJsonDocument::fromJson(smtplib.readAllStandardOutput().trimmed()).object();
        if (result.value(u"messages"_s).toInt() != mails)
            die(u"smtplib sent a different number of mails"_s);
        round.smtplibSeconds = result.value(u"seconds"_s).toDouble();
    };
    // Each goes first in every other round, so that neither always meets a fresher server.
    if (smtplibFirst) {
        runSmtplib();
        runRentDesk();
    } else {
        runRentDesk();
        runSmtplib();
    }
    return round;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Measures the outbox sender against Python's smtplib and prints JSON."_s);
    parser.addHelpOption();
    const QCommandLineOption mailsOption(u"mails"_s, u"Mails to deliver per round (default 1000)."_s, u"n"_s,
                                         u"1000"_s);
    const QCommandLineOption runsOption(u"runs"_s, u"Rounds (default 5)."_s, u"n"_s, u"5"_s);
    const QCommandLineOption jsonOption(u"json"_s, u"Print one JSON object (the default and only format)."_s);
    parser.addOptions({ mailsOption, runsOption, jsonOption });
    parser.process(app);
    const int mails = std::max(1, parser.value(mailsOption).toInt());
    const int runs = std::max(1, parser.value(runsOption).toInt());

    SmtpServer server;
    if (!server.start())
        die(u"aiosmtpd did not start (needs /usr/bin/python3 and python3-aiosmtpd): "_s + server.errors());
    QTemporaryDir work;
    std::vector<double> ours;
    std::vector<double> theirs;
    std::vector<double> ratios;
    for (int i = 0; i < runs; ++i) {
        const Round round = measure(mails, server.port(), work.path(), i % 2 == 1);
        ours.push_back(round.rentdeskSeconds);
        theirs.push_back(round.smtplibSeconds);
        ratios.push_back(round.rentdeskSeconds / round.smtplibSeconds);
    }
    QJsonObject figures {
        { u"mails"_s, mails },
        { u"runs"_s, runs },
        { u"rentdesk_outbox_s"_s, median(ours) },
        { u"smtplib_s"_s, median(theirs) },
        { u"ratio_median"_s, median(ratios) },
        { u"ratio_target"_s, 1.2 },
        { u"peak_rss_mb"_s, peakRssMb() },
    };
    QTextStream(stdout) << QJsonDocument(figures).toJson(QJsonDocument::Compact) << u'\n';
    return 0;
}
