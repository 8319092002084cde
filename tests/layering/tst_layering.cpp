// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/layering/layeringchecker.h"

#include <QDir>
#include <QFile>
#include <QLibraryInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using rentdesk::test::LayeringChecker;

namespace {

// DESIGN.md's layers: models <- net <- views <- app, and server on net. Each may use only
// these Qt modules and the headers of the layers listed.
QList<LayeringChecker::Layer> projectLayers()
{
    return {
        // QtGui for images only (models/photos/: QImage, QImageReader, QImageWriter decode, check
        // and re-encode photos under a QCoreApplication; the server checks what it is sent itself).
        { u"models"_s, { u"QtCore"_s, u"QtSql"_s, u"QtGui"_s }, { u"models"_s }, {}, false },
        // QtDBus only to ask, with a short timeout, whether a keyring answers before QtKeychain
        // is used (docs/architecture.md).
        { u"net"_s,
          { u"QtCore"_s, u"QtNetwork"_s, u"QtWebSockets"_s, u"QtDBus"_s },
          { u"net"_s, u"models"_s },
          {},
          false },
        // Widgets run no SQL: no QtSql, no SQL helpers from models/db, no SQL text. They
        // may hand slow service calls (password hashing) to QtConcurrent's worker threads, and
        // print (a booking's confirmation: QPrintDialog, QPrinter) and draw charts (the
        // landlord's dashboard: Qt Charts).
        { u"views"_s,
          { u"QtCore"_s, u"QtGui"_s, u"QtWidgets"_s, u"QtConcurrent"_s, u"QtPrintSupport"_s, u"QtCharts"_s },
          { u"views"_s, u"net"_s, u"models"_s },
          { u"models/db/"_s },
          true },
        // QtHttpServer for the calendar feed (server/calendarfeedserver.h), the server's alone.
        { u"server"_s,
          { u"QtCore"_s, u"QtNetwork"_s, u"QtWebSockets"_s, u"QtHttpServer"_s },
          { u"server"_s, u"net"_s, u"models"_s },
          { u"models/db/query.h"_s, u"models/db/transaction.h"_s },
          true },
        { u"app"_s,
          { u"QtCore"_s, u"QtGui"_s, u"QtWidgets"_s, u"QtNetwork"_s },
          { u"app"_s, u"views"_s, u"net"_s, u"models"_s },
          { u"models/db/query.h"_s, u"models/db/transaction.h"_s },
          true },
    };
}

void writeFile(const QString &path, const QByteArray &text)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(text);
}

} // namespace

class TestLayering : public QObject
{
    Q_OBJECT

private:
    QString qtIncludeRoot() const { return QLibraryInfo::path(QLibraryInfo::HeadersPath); }

private Q_SLOTS:
    void qtHeadersAreFound()
    {
        const LayeringChecker checker(qtIncludeRoot());
        QVERIFY2(checker.knownHeaderCount() > 1000, qPrintable(qtIncludeRoot()));
        QCOMPARE(checker.moduleOf(u"QWidget"_s), u"QtWidgets"_s);
        QCOMPARE(checker.moduleOf(u"QSqlQuery"_s), u"QtSql"_s);
        QCOMPARE(checker.moduleOf(u"QWebSocket"_s), u"QtWebSockets"_s);
        QCOMPARE(checker.moduleOf(u"QtNetwork/QTcpSocket"_s), u"QtNetwork"_s);
        QCOMPARE(checker.moduleOf(u"expected"_s), QString());
    }

    void projectKeepsItsLayers()
    {
        const LayeringChecker checker(qtIncludeRoot());
        const QStringList violations = checker.check(QStringLiteral(RENTDESK_SOURCE_DIR), projectLayers());
        QVERIFY2(violations.isEmpty(), qPrintable(violations.join(u'\n')));
    }

    // Widgets never see QtSql, not even through a models header they include: the compiler
    // enforces it too (models links QtSql privately), this says which header leaked it.
    void viewsReachNoSql()
    {
        const LayeringChecker checker(qtIncludeRoot());
        const QStringList leaks = checker.checkUnreachable(QStringLiteral(RENTDESK_SOURCE_DIR), u"views"_s, u"QtSql"_s);
        QVERIFY2(leaks.isEmpty(), qPrintable(leaks.join(u'\n')));
    }

    // The checker itself must catch what it is for, or the tests above prove nothing.
    void checkerCatchesViolations()
    {
        QTemporaryDir dir;
        const QString root = dir.path();
        writeFile(root + u"/models/db/bad.cpp"_s,
                  "#include <QWidget>\n#include <QtNetwork/QTcpSocket>\n#include \"views/mainwindow/mainwindow.h\"\n"
                  "#include <QSqlQuery>\n#include \"query.h\"\n");
        writeFile(root + u"/models/db/query.h"_s, "#pragma once\n#include <QSqlQuery>\n");
        writeFile(root + u"/net/bad.cpp"_s, "#include <QDialog>\n#include <QWebSocket>\n");
        writeFile(root + u"/views/mainwindow/mainwindow.h"_s, "#pragma once\n");
        writeFile(root + u"/views/bad.cpp"_s,
                  "#include <QSqlDatabase>\n#include \"models/db/query.h\"\nauto q = \"SELECT * FROM users\";\n"
                  "#include <QTableView>\n");
        writeFile(root + u"/app/ok.cpp"_s,
                  "#include <QApplication>\n#include \"views/mainwindow/mainwindow.h\"\n#include \"app.moc\"\n");

        const LayeringChecker checker(qtIncludeRoot());
        const QStringList violations = checker.check(root, projectLayers());
        const QString all = violations.join(u'\n');
        QVERIFY2(all.contains(u"models/db/bad.cpp:1: <QWidget> is from QtWidgets"_s), qPrintable(all));
        QVERIFY2(all.contains(u"models/db/bad.cpp:2: <QtNetwork/QTcpSocket> is from QtNetwork"_s), qPrintable(all));
        QVERIFY2(all.contains(u"models/db/bad.cpp:3: \"views/mainwindow/mainwindow.h\" belongs to views"_s),
                 qPrintable(all));
        QVERIFY2(all.contains(u"models/db/bad.cpp:5: \"query.h\" is named from its folder"_s), qPrintable(all));
        QVERIFY2(all.contains(u"net/bad.cpp:1: <QDialog> is from QtWidgets"_s), qPrintable(all));
        QVERIFY2(all.contains(u"views/bad.cpp:1: <QSqlDatabase> is from QtSql"_s), qPrintable(all));
        QVERIFY2(all.contains(u"views/bad.cpp:2: \"models/db/query.h\" may not be included"_s), qPrintable(all));
        QVERIFY2(all.contains(u"views/bad.cpp:3: SQL text"_s), qPrintable(all));
        // Allowed includes are not reported.
        QVERIFY2(!all.contains(u"<QSqlQuery>"_s), qPrintable(all));
        QVERIFY2(!all.contains(u"QWebSocket>"_s), qPrintable(all));
        QVERIFY2(!all.contains(u"QTableView"_s), qPrintable(all));
        QVERIFY2(!all.contains(u"app/ok.cpp"_s), qPrintable(all));
        QCOMPARE(violations.size(), 8);

        // views/bad.cpp reaches QtSql through models/db/query.h as well as directly; only the
        // header outside views is reported by the reachability check (the direct include is the
        // check above's).
        const QStringList leaks = checker.checkUnreachable(root, u"views"_s, u"QtSql"_s);
        QCOMPARE(leaks.size(), 1);
        QVERIFY2(leaks.constFirst().startsWith(u"models/db/query.h:2: <QSqlQuery> is from QtSql, which reaches the "
                                               "views layer through views/bad.cpp"_s),
                 qPrintable(leaks.join(u'\n')));
    }
};

QTEST_GUILESS_MAIN(TestLayering)
#include "tst_layering.moc"
