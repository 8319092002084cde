// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/db/query.h"
#include "models/query/wordsearch.h"
#include "tests/support/testsupport.h"

#include <QTest>

using namespace Qt::StringLiterals;
using rentdesk::models::query::foldForSearch;
using rentdesk::models::query::searchWords;

// Folding and splitting of searched words, and the SQL function that compares them.
class TestWordSearch : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<rentdesk::test::TempDatabase> m_db;

    // rentdesk_has_words(words, texts…) on the test's connection, as SQL sees it.
    QVariant hasWords(const QString &typed, const QStringList &texts) const
    {
        QStringList placeholders;
        QList<rentdesk::models::db::Binding> bindings {
            { u":words"_s, rentdesk::models::query::searchWordsArgument(searchWords(typed)) }
        };
        for (int i = 0; i < texts.size(); ++i) {
            placeholders << u":t%1"_s.arg(i);
            bindings.append({ placeholders.last(), texts.at(i) });
        }
        auto value = rentdesk::models::db::exec(m_db->connection(),
                                                u"SELECT rentdesk_has_words(:words%1%2)"_s.arg(
                                                    texts.isEmpty() ? QString() : u", "_s, placeholders.join(u", "_s)),
                                                bindings);
        if (!value || !value->next())
            return u"error"_s;
        return value->value(0);
    }

private Q_SLOTS:
    void init()
    {
        m_db = std::make_unique<rentdesk::test::TempDatabase>();
        QVERIFY2(m_db->isValid(), qPrintable(m_db->errorMessage()));
    }

    void cleanup() { m_db.reset(); }

    void folding_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("folded");
        QTest::newRow("ascii") << u"Baker STREET 12"_s << u"baker street 12"_s;
        QTest::newRow("cyrillic") << u"ДОМ на Баумана"_s << u"дом на баумана"_s;
        QTest::newRow("yo") << u"Зелёный, ЁЛКА"_s << u"зеленый, елка"_s;
        QTest::newRow("yo decomposed") << u"Зеле\u0308ный"_s << u"зеленый"_s;
        QTest::newRow("short i keeps its mark") << u"Йошкар-Ола, край"_s << u"йошкар-ола, край"_s;
        QTest::newRow("short i decomposed keeps its mark") << u"И\u0306"_s << u"и\u0306"_s;
        QTest::newRow("latin accents") << u"Café Résumé Ångström"_s << u"cafe resume angstrom"_s;
        QTest::newRow("latin accents decomposed") << u"Cafe\u0301"_s << u"cafe"_s;
        QTest::newRow("greek") << u"ΟΔΟΣ"_s << u"οδοσ"_s;
        QTest::newRow("outside the BMP") << u"Дом 🏠 Home"_s << u"дом 🏠 home"_s;
    }

    void folding()
    {
        QFETCH(QString, text);
        QFETCH(QString, folded);
        QCOMPARE(foldForSearch(text), folded);
    }

    void words_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QStringList>("words");
        QTest::newRow("address") << u"ул. Баумана, 12"_s << QStringList { u"ул"_s, u"баумана"_s, u"12"_s };
        QTest::newRow("hyphen splits") << u"Санкт-Петербург"_s << QStringList { u"санкт"_s, u"петербург"_s };
        QTest::newRow("repeats once") << u"дом ДОМ Дом"_s << QStringList { u"дом"_s };
        QTest::newRow("punctuation only") << u" -- , ; "_s << QStringList {};
        QTest::newRow("empty") << QString() << QStringList {};
        QTest::newRow("sql and quotes are text") << u"x' OR 1=1 --"_s << QStringList { u"x"_s, u"or"_s, u"1"_s };
    }

    void words()
    {
        QFETCH(QString, typed);
        QFETCH(QStringList, words);
        QCOMPARE(searchWords(typed), words);
    }

    void theSqlFunction_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QStringList>("texts");
        QTest::addColumn<int>("expected");
        const QStringList building { u"Дом на Баумана"_s, u"ул. Баумана, 12"_s };
        QTest::newRow("prefix of a word") << u"баум"_s << building << 1;
        QTest::newRow("inside a word") << u"уман"_s << building << 1;
        QTest::newRow("upper case") << u"БАУМАНА"_s << building << 1;
        QTest::newRow("words from both texts") << u"дом 12"_s << building << 1;
        QTest::newRow("every word must occur") << u"дом 13"_s << building << 0;
        QTest::newRow("yo typed as ye") << u"зеленый"_s << QStringList { u"Зелёный двор"_s } << 1;
        QTest::newRow("ye typed as yo") << u"ЗЕЛЁНЫЙ"_s << QStringList { u"Зеленый двор"_s } << 1;
        QTest::newRow("accents ignored") << u"cafe"_s << QStringList { u"Café Corner"_s } << 1;
        QTest::newRow("accents typed") << u"CAFÉ"_s << QStringList { u"Cafe Corner"_s } << 1;
        QTest::newRow("no words matches all") << u"--"_s << building << 1;
        QTest::newRow("null text") << u"дом"_s << QStringList { QString() } << 0;
    }

    void theSqlFunction()
    {
        QFETCH(QString, typed);
        QFETCH(QStringList, texts);
        QFETCH(int, expected);
        QVERIFY(rentdesk::models::query::ensureWordSearch(m_db->connection()));
        QCOMPARE(hasWords(typed, texts), QVariant(expected));
    }

    // Defining the function again would expire the connection's statements and fail while
    // one is running; once it is there, ensureWordSearch() leaves it be.
    void ensuringTwiceWhileAStatementRuns()
    {
        const QSqlDatabase db = m_db->connection();
        QVERIFY(rentdesk::models::query::ensureWordSearch(db));
        QVERIFY(rentdesk::test::Rows(db).landlord(rentdesk::test::uuid(1)).isEmpty());
        QVERIFY(rentdesk::test::Rows(db).landlord(rentdesk::test::uuid(2)).isEmpty());
        auto running = rentdesk::models::db::exec(db, u"SELECT id FROM users ORDER BY id"_s);
        QVERIFY(running && running->next()); // a statement is stepping
        QVERIFY(rentdesk::models::query::ensureWordSearch(db));
        QVERIFY(running->next());
        QCOMPARE(running->value(0).toString(), rentdesk::test::uuid(2));
    }
};

QTEST_GUILESS_MAIN(TestWordSearch)
#include "tst_wordsearch.moc"
