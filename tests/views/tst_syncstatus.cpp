// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/i18n/translator.h"
#include "views/sync/syncstatus.h"

#include <QLocale>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace rentdesk;
using ConnectionState = net::connection::ServerConnection::State;
using SyncState = net::sync::SyncClient::State;
using views::SyncStatusInput;

// What the connected window's status bar says of sync (views/sync/syncstatus.h), for each state
// of the connection and the sync client, in English and Russian with their plural forms.
class TestSyncStatus final : public QObject
{
    Q_OBJECT

    models::i18n::Translator m_translator;
    const QDateTime m_now { QDate(2026, 12, 6), QTime(15, 30) };

    static SyncStatusInput online(SyncState sync, int pending = 0)
    {
        SyncStatusInput input;
        input.sync = sync;
        input.connection = ConnectionState::Online;
        input.hasSession = true;
        input.pending = pending;
        input.server = u"rentdesk.example.org"_s;
        return input;
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_translator.switchTo(models::domain::Language::English).rentdesk);
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
    }

    void syncedSaysWhen()
    {
        SyncStatusInput input = online(SyncState::Synced);
        input.lastSynced = QDateTime(QDate(2026, 12, 6), QTime(14, 5));
        auto status = views::syncStatusText(input, m_now);
        QCOMPARE(status.text, u"Synced at 14:05"_s);
        QVERIFY(!status.problem);
        QVERIFY(status.tooltip.contains(u"rentdesk.example.org"_s));
        QVERIFY(status.tooltip.contains(u"Click for the details."_s));
        // An earlier day: with its date.
        input.lastSynced = QDateTime(QDate(2026, 12, 1), QTime(9, 0));
        status = views::syncStatusText(input, m_now);
        QVERIFY2(status.text.startsWith(u"Synced at 01/12/2026"_s), qPrintable(status.text));
        // Never in this replica's life.
        input.lastSynced = {};
        QCOMPARE(views::syncStatusText(input, m_now).text, u"Synced"_s);
    }

    void syncingCountsTheChanges()
    {
        QCOMPARE(views::syncStatusText(online(SyncState::Syncing, 1), m_now).text, u"Syncing 1 change"_s);
        QCOMPARE(views::syncStatusText(online(SyncState::Syncing, 3), m_now).text, u"Syncing 3 changes"_s);
        QCOMPARE(views::syncStatusText(online(SyncState::Syncing, 0), m_now).text, u"Syncing…"_s);
    }

    void offlineCountsWhatWaits()
    {
        SyncStatusInput input = online(SyncState::Offline, 2);
        input.connection = ConnectionState::Connecting;
        input.lastSynced = QDateTime(QDate(2026, 12, 6), QTime(9, 41));
        auto status = views::syncStatusText(input, m_now);
        QCOMPARE(status.text, u"Offline (2 changes waiting)"_s);
        QVERIFY(!status.problem);
        QVERIFY2(status.tooltip.contains(u"Connecting to rentdesk.example.org"_s), qPrintable(status.tooltip));
        QVERIFY(status.tooltip.contains(u"Last synced at 09:41."_s));
        input.pending = 0;
        QCOMPARE(views::syncStatusText(input, m_now).text, u"Offline"_s);
        // The connection is up, the sync client not yet: offline still.
        input = online(SyncState::Offline, 1);
        QCOMPARE(views::syncStatusText(input, m_now).text, u"Offline (1 change waiting)"_s);
    }

    void withoutASessionItAsksForASignIn()
    {
        SyncStatusInput input = online(SyncState::Offline, 5);
        input.connection = ConnectionState::Offline;
        input.hasSession = false;
        const auto status = views::syncStatusText(input, m_now);
        QCOMPARE(status.text, u"Not signed in (5 changes waiting)"_s);
        QVERIFY(status.problem);
        QVERIFY(status.tooltip.contains(u"Click to sign in."_s));
    }

    void aFailureSaysTheServersProblem()
    {
        SyncStatusInput input = online(SyncState::Failing, 1);
        input.problem = u"The server is too old to sync (it speaks protocol version 1)."_s;
        const auto status = views::syncStatusText(input, m_now);
        QCOMPARE(status.text, u"Sync problem"_s);
        QVERIFY(status.problem);
        QVERIFY(status.tooltip.startsWith(input.problem));
    }

    void russianHasItsThreePluralForms()
    {
        QVERIFY(m_translator.switchTo(models::domain::Language::Russian).rentdesk);
        SyncStatusInput input = online(SyncState::Offline);
        input.connection = ConnectionState::Offline;
        const QStringList expected { u"Нет связи (ждёт 1 изменение)"_s, u"Нет связи (ждут 3 изменения)"_s,
                                     u"Нет связи (ждут 5 изменений)"_s, u"Нет связи (ждёт 21 изменение)"_s };
        const QList<int> counts { 1, 3, 5, 21 };
        for (qsizetype i = 0; i < counts.size(); ++i) {
            input.pending = counts[i];
            QCOMPARE(views::syncStatusText(input, m_now).text, expected[i]);
        }
    }
};

QTEST_GUILESS_MAIN(TestSyncStatus)
#include "tst_syncstatus.moc"
