// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/query/searchtext.h"

#include <QTest>

using namespace Qt::StringLiterals;
using rentdesk::models::query::toFtsQuery;

// What a person types becomes an FTS5 query of quoted words: never syntax, the last word a
// prefix while typing, folded as the index is.
class TestSearchText : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void convertsTypedText_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QString>("expected");
        QTest::newRow("empty") << QString() << QString();
        QTest::newRow("only spaces") << u"   \t "_s << QString();
        QTest::newRow("only punctuation") << u"-- , . ; \"\" * ()"_s << QString();
        QTest::newRow("one word, still typing: prefix") << u"Баумана"_s << u"\"Баумана\"*"_s;
        QTest::newRow("finished word: no prefix") << u"Баумана "_s << u"\"Баумана\""_s;
        QTest::newRow("several words, last a prefix") << u"river  view"_s << u"\"river\" \"view\"*"_s;
        QTest::newRow("tabs and non-breaking spaces separate")
            << u"river\tview\u00a0flat"_s << u"\"river\" \"view\" \"flat\"*"_s;
        QTest::newRow("a single letter is not a prefix") << u"ул к"_s << u"\"ул\" \"к\""_s;
        QTest::newRow("two letters are") << u"ул ка"_s << u"\"ул\" \"ка\"*"_s;
        QTest::newRow("last token of a word decides the prefix") << u"ул.б"_s << u"\"ул.б\""_s;
        QTest::newRow("punctuation word dropped") << u"Баумана , 12"_s << u"\"Баумана\" \"12\"*"_s;
        QTest::newRow("quotes doubled") << u"say \"hi\""_s << u"\"say\" \"\"\"hi\"\"\""_s;
        QTest::newRow("FTS5 operators are words") << u"NOT OR AND NEAR"_s << u"\"NOT\" \"OR\" \"AND\" \"NEAR\"*"_s;
        QTest::newRow("column filter and star are text") << u"address:river* (x)"_s << u"\"address:river*\" \"(x)\""_s;
        QTest::newRow("yo folded") << u"Зелёная ЁЛКА"_s << u"\"Зеленая\" \"ЕЛКА\"*"_s;
        QTest::newRow("decomposed yo folded") << u"зеле\u0308ная"_s << u"\"зеленая\"*"_s;
        QTest::newRow("decomposed accents made whole") << u"cafe\u0301"_s << u"\"caf\u00e9\"*"_s;
    }

    void convertsTypedText()
    {
        QFETCH(QString, typed);
        QFETCH(QString, expected);
        QCOMPARE(toFtsQuery(typed), expected);
    }
};

QTEST_GUILESS_MAIN(TestSearchText)
#include "tst_searchtext.moc"
