// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/db/query.h"
#include "tests/support/servicefixture.h"

#include <QRegularExpression>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace rentdesk::models::services;

// Every rule the schema enforces by name becomes a typed error with a field and a sentence,
// so a refusal the services did not catch first still never shows SQL to a person.
class TestDomainError : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyNamedRuleHasAMeaning()
    {
        rentdesk::test::TempDatabase db;
        QVERIFY2(db.isValid(), qPrintable(db.errorMessage()));
        // The names of CHECK constraints, unique indexes and RAISE messages in the tables
        // people's data lives in (the outbox, the journal and the schema's own bookkeeping
        // are written by RentDesk alone), the server's sessions, chat and calendar addresses and the
        // desktop's chat queue and the apartments' photos included.
        auto schema = rentdesk::models::db::exec(
            db.connection(),
            u"SELECT type, name, coalesce(sql, '') FROM sqlite_schema "
            "WHERE tbl_name IN ('users', 'buildings', 'apartments', 'bookings', 'reviews', "
            "'sessions', 'conversations', 'chat_messages', 'chat_marks', 'chat_pending', "
            "'calendar_feeds', 'calendar_subscriptions', 'apartment_photos', 'photo_blobs')"_s);
        QVERIFY(schema);
        static const QRegularExpression check(u"CONSTRAINT (\\w+) CHECK"_s);
        static const QRegularExpression raise(u"RAISE\\(ABORT, '(\\w+)'\\)"_s);
        QStringList names;
        while (schema->next()) {
            const QString sql = schema->value(2).toString();
            for (const auto &pattern : { check, raise }) {
                for (auto it = pattern.globalMatch(sql); it.hasNext();)
                    names << it.next().captured(1);
            }
            if (schema->value(0).toString() == u"index"_s && sql.startsWith(u"CREATE UNIQUE INDEX"_s))
                names << schema->value(1).toString();
        }
        names.removeDuplicates();
        QVERIFY2(names.size() > 90, qPrintable(QString::number(names.size())));
        for (const char *chat :
             { "sessions_token_hash_unique", "conversations_one_per_pair", "chat_messages_seq_unique",
               "chat_marks_read_within_delivered", "calendar_feeds_token_unique", "calendar_subscriptions_url_unique",
               "apartment_photos_position_range", "photo_blobs_size_matches" })
            QVERIFY2(names.contains(QString::fromLatin1(chat)), chat);

        QStringList unmapped;
        for (const QString &name : std::as_const(names)) {
            rentdesk::models::db::DbError dbError;
            dbError.kind = rentdesk::models::db::DbError::Kind::Constraint;
            dbError.constraintKind = rentdesk::models::db::DbError::ConstraintKind::Check;
            dbError.constraint = name;
            const DomainError error(dbError);
            if (error.entity.isEmpty() || error.field.isEmpty() || rentdesk::test::looksLikeSql(error.message)
                || error.message.contains(name)) {
                unmapped << name;
            }
        }
        // buildings_id_owner_unique backs a foreign key, and the sort indexes of the buildings
        // (schema version 10) are UNIQUE only so that the planner knows one entry is one
        // building: each ends with the primary key, so none can be hit by itself.
        for (const auto &byKey : { u"buildings_id_owner_unique"_s, u"buildings_name_idx"_s, u"buildings_city_idx"_s,
                                   u"buildings_address_idx"_s })
            unmapped.removeAll(byKey);
        QVERIFY2(unmapped.isEmpty(), qPrintable(u"no field and message for: "_s + unmapped.join(u", "_s)));
    }

    void storageErrorsAreSentences()
    {
        rentdesk::models::db::DbError busy;
        busy.kind = rentdesk::models::db::DbError::Kind::Busy;
        busy.message = u"The database is busy: another program or window is writing to it. Try again."_s;
        busy.detail = u"database is locked Unable to fetch row"_s;
        const DomainError error(busy);
        QCOMPARE(error.code, DomainError::Code::Storage);
        QCOMPARE(error.message, busy.message);
        QCOMPARE(error.codeName(), u"storage"_s);
    }

    void notNullAndTypeErrorsNameTheField()
    {
        rentdesk::models::db::DbError missing;
        missing.kind = rentdesk::models::db::DbError::Kind::Constraint;
        missing.constraintKind = rentdesk::models::db::DbError::ConstraintKind::NotNull;
        missing.constraint = u"apartments.monthly_price"_s;
        const DomainError error(missing);
        QCOMPARE(error.entity, u"apartment"_s);
        QCOMPARE(error.field, u"monthlyPrice"_s);
        QVERIFY(!rentdesk::test::looksLikeSql(error.message));
    }

    void codeNamesAreStableAndDistinct()
    {
        QSet<QString> seen;
        for (int c = int(DomainError::Code::InvalidValue); c <= int(DomainError::Code::Storage); ++c) {
            const QString name = DomainError::codeName(DomainError::Code(c));
            QVERIFY2(!name.isEmpty() && name != u"unknown"_s, qPrintable(QString::number(c)));
            QVERIFY(!seen.contains(name));
            seen.insert(name);
        }
        QCOMPARE(DomainError::codeName(DomainError::Code::DatesTaken), u"dates_taken"_s);
        QCOMPARE(DomainError::codeName(DomainError::Code::InvalidToken), u"invalid_token"_s);
        QCOMPARE(seen.size(), int(DomainError::Code::Storage) + 1);
    }
};

QTEST_GUILESS_MAIN(TestDomainError)
#include "tst_domainerror.moc"
