// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/domain/enums.h"
#include "models/i18n/translator.h"

#include <QCoreApplication>
#include <QFile>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

using namespace Qt::StringLiterals;
using rentdesk::models::domain::Language;

namespace {

struct Message
{
    QString key; // context, source, disambiguation, numerus: what identifies a message
    QString type; // "", "unfinished", "vanished", "obsolete"
    QStringList translations; // one, or one per plural form
};

QList<Message> readTs(const QString &path, QString *error)
{
    QList<Message> messages;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return messages;
    }
    QXmlStreamReader xml(&file);
    QString context;
    Message current;
    QString source;
    QString comment;
    bool numerus = false;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            if (xml.name() == u"name"_s) {
                context = xml.readElementText();
            } else if (xml.name() == u"message"_s) {
                current = Message();
                source.clear();
                comment.clear();
                numerus = xml.attributes().value(u"numerus"_s) == u"yes"_s;
            } else if (xml.name() == u"source"_s) {
                source = xml.readElementText();
            } else if (xml.name() == u"comment"_s) {
                comment = xml.readElementText();
            } else if (xml.name() == u"translation"_s) {
                current.type = xml.attributes().value(u"type"_s).toString();
                if (!numerus)
                    current.translations << xml.readElementText();
            } else if (xml.name() == u"numerusform"_s) {
                current.translations << xml.readElementText();
            }
        } else if (xml.isEndElement() && xml.name() == u"message"_s) {
            current.key = context + u" | "_s + source + u" | "_s + comment + (numerus ? u" | plural"_s : QString());
            messages << current;
        }
    }
    if (xml.hasError())
        *error = xml.errorString();
    return messages;
}

QSet<QString> keysOf(const QList<Message> &messages)
{
    QSet<QString> keys;
    for (const Message &message : messages) {
        if (message.type != u"vanished"_s && message.type != u"obsolete"_s)
            keys.insert(message.key);
    }
    return keys;
}

const QString translationsDir = QStringLiteral(RENTDESK_SOURCE_DIR "/translations");

} // namespace

// The catalogues: RentDesk's own and Qt's load for Russian; rentdesk_ru.ts is complete;
// the .ts files hold exactly the texts the sources ask for (update_translations was run).
class TestTranslations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void russianCataloguesLoad()
    {
        rentdesk::models::i18n::Translator translator;
        const auto loaded = translator.switchTo(Language::Russian);
        QVERIFY(loaded.rentdesk);
        QVERIFY2(loaded.qt, "Qt's own qtbase_ru.qm did not load (package qt6-translations-l10n)");
        QCOMPARE(QCoreApplication::translate("ApartmentStatus", "Rented"), u"Сдана"_s);
        QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"), u"Отмена"_s);

        translator.switchTo(Language::English);
        QCOMPARE(QCoreApplication::translate("ApartmentStatus", "Rented"), u"Rented"_s);
        QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"), u"Cancel"_s);
    }

    void everyLanguageHasACompiledCatalogue()
    {
        for (Language language : rentdesk::models::domain::allValues<Language>())
            QVERIFY2(QFile::exists(rentdesk::models::i18n::Translator::catalogueResource(language)),
                     qPrintable(rentdesk::models::i18n::Translator::catalogueResource(language)));
    }

    void russianIsComplete()
    {
        QString error;
        const QList<Message> messages = readTs(translationsDir + u"/rentdesk_ru.ts"_s, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(!messages.isEmpty());
        QStringList unfinished;
        for (const Message &message : messages) {
            const bool empty = message.translations.isEmpty()
                || std::any_of(message.translations.cbegin(), message.translations.cend(),
                               [](const QString &t) { return t.trimmed().isEmpty(); });
            if (message.type == u"unfinished"_s || empty)
                unfinished << message.key;
            // Russian has three plural forms; each must be written.
            if (message.key.endsWith(u" | plural"_s) && message.translations.size() != 3)
                unfinished << message.key + u" (needs 3 plural forms)"_s;
        }
        QVERIFY2(unfinished.isEmpty(), qPrintable(u"unfinished in rentdesk_ru.ts:\n"_s + unfinished.join(u'\n')));
    }

    void tsFilesMatchTheSources_data()
    {
        QTest::addColumn<QString>("tsFile");
        QTest::newRow("en") << u"rentdesk_en.ts"_s;
        QTest::newRow("ru") << u"rentdesk_ru.ts"_s;
    }

    void tsFilesMatchTheSources()
    {
        QFETCH(QString, tsFile);
        QTemporaryDir dir;
        const QString fresh = dir.filePath(tsFile);
        QFile::copy(translationsDir + u'/' + tsFile, fresh);
        QFile::setPermissions(fresh, QFile::ReadOwner | QFile::WriteOwner);

        // What lupdate finds in every layer's sources now, written into a copy.
        QProcess lupdate;
        // The repository's root is the include root, as for the compiler: lupdate reads a
        // class's namespace (its translation context) from the header.
        QStringList arguments { u"-no-obsolete"_s, u"-locations"_s, u"none"_s, u"-silent"_s,
                                u"-I"_s + QStringLiteral(RENTDESK_SOURCE_DIR) };
        for (const char *layer : { "app", "models", "net", "views", "server" })
            arguments << QStringLiteral(RENTDESK_SOURCE_DIR) + u'/' + QString::fromLatin1(layer);
        arguments << u"-ts"_s << fresh;
        lupdate.start(QStringLiteral(RENTDESK_LUPDATE), arguments);
        QVERIFY(lupdate.waitForFinished(120000));
        QVERIFY2(lupdate.exitCode() == 0, lupdate.readAllStandardError().constData());

        QString error;
        const QSet<QString> committed = keysOf(readTs(translationsDir + u'/' + tsFile, &error));
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const QSet<QString> current = keysOf(readTs(fresh, &error));
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QStringList missing = QSet<QString>(current).subtract(committed).values();
        QStringList stale = QSet<QString>(committed).subtract(current).values();
        missing.sort();
        stale.sort();
        QVERIFY2(missing.isEmpty() && stale.isEmpty(),
                 qPrintable(u"%1 is out of date; run: cmake --build --preset dev --target update_translations\n"
                            "missing:\n%2\nno longer in the sources:\n%3"_s.arg(tsFile, missing.join(u'\n'),
                                                                                stale.join(u'\n'))));
    }
};

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
