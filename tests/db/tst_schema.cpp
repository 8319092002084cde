// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/db/query.h"
#include "tests/support/testsupport.h"

#include <QTest>

using namespace Qt::StringLiterals;
using rentdesk::test::refusal;
using rentdesk::test::Rows;
using rentdesk::test::uuid;

namespace {

// The cast of every test: two landlords, two renters, a building with two apartments, and
// a confirmed stay in March.
const QString landlord = uuid(1);
const QString renter = uuid(2);
const QString renter2 = uuid(3);
const QString landlord2 = uuid(4);
const QString building = uuid(10);
const QString building2 = uuid(11);
const QString apartment = uuid(20);
const QString apartment2 = uuid(21);
const QString stay = uuid(30);

} // namespace

// The schema refuses bad data by itself: every foreign key, CHECK, uniqueness rule and
// trigger of version 1, and the sessions and chat of version 4, is tried with a bad row
// (refused, by name) and with good rows (accepted).
class TestSchema : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<rentdesk::test::TempDatabase> m_db;

    Rows rows() const { return Rows(m_db->connection()); }

    QString update(const QString &sql, std::initializer_list<rentdesk::models::db::Binding> bindings = {}) const
    {
        auto done = rentdesk::models::db::exec(m_db->connection(), sql, bindings);
        return refusal(done ? std::expected<void, rentdesk::models::db::DbError>() : std::unexpected(done.error()));
    }

    QString review(const QString &id, const QString &author, const QString &kind, const QVariant &targetUser,
                   const QVariant &targetApartment, const QVariantMap &overrides = {}) const
    {
        QVariantMap row { { u"id"_s, id },
                          { u"author_id"_s, author },
                          { u"kind"_s, kind },
                          { u"target_user_id"_s, targetUser },
                          { u"target_apartment_id"_s, targetApartment },
                          { u"rating"_s, 4 },
                          { u"body"_s, u"Fine."_s },
                          { u"created_at"_s, rentdesk::test::timestamp() },
                          { u"updated_at"_s, rentdesk::test::timestamp() } };
        for (auto it = overrides.cbegin(); it != overrides.cend(); ++it)
            row.insert(it.key(), it.value());
        return rows().insert(u"reviews"_s, row);
    }

    static QVariant null() { return QVariant(QMetaType::fromType<QString>()); }

    // Version 4's rows: a session of the renter, a conversation of the landlord and the
    // second renter (uuid(1) < uuid(3), so in the stored order), a second message in the
    // conversation set up by initChat(), the landlord's marks there.
    QString chatRow(const QString &table, const QVariantMap &overrides) const
    {
        QVariantMap row;
        if (table == u"sessions"_s) {
            row = { { u"id"_s, uuid(300) },
                    { u"user_id"_s, renter },
                    { u"token_hash"_s, QString(64, u'b') },
                    { u"created_at"_s, rentdesk::test::timestamp() },
                    { u"expires_at"_s, u"2026-02-15T10:00:00.000Z"_s },
                    { u"last_seen_at"_s, rentdesk::test::timestamp() } };
        } else if (table == u"conversations"_s) {
            row = { { u"id"_s, uuid(300) },
                    { u"user_a"_s, landlord },
                    { u"user_b"_s, renter2 },
                    { u"created_at"_s, rentdesk::test::timestamp() },
                    { u"last_activity_at"_s, rentdesk::test::timestamp() } };
        } else if (table == u"chat_messages"_s) {
            row = { { u"id"_s, uuid(300) },
                    { u"conversation_id"_s, uuid(210) },
                    { u"seq"_s, 2 },
                    { u"sender_id"_s, renter },
                    { u"text"_s, u"Is it still free?"_s },
                    { u"sent_at"_s, rentdesk::test::timestamp() } };
        } else {
            row = { { u"conversation_id"_s, uuid(210) },
                    { u"user_id"_s, landlord },
                    { u"delivered_seq"_s, 1 },
                    { u"read_seq"_s, 1 } };
        }
        for (auto it = overrides.cbegin(); it != overrides.cend(); ++it)
            row.insert(it.key(), it.value());
        return rows().insert(table, row);
    }

    // A session (token hash "a…a"), the landlord's conversations with the renter about
    // nothing (uuid(210)) and about the apartment (uuid(211)), and its first message.
    void initChat() const
    {
        QCOMPARE(chatRow(u"sessions"_s, { { u"id"_s, uuid(200) }, { u"token_hash"_s, QString(64, u'a') } }), QString());
        QCOMPARE(chatRow(u"conversations"_s, { { u"id"_s, uuid(210) }, { u"user_b"_s, renter } }), QString());
        QCOMPARE(chatRow(u"conversations"_s,
                         { { u"id"_s, uuid(211) },
                           { u"user_b"_s, renter },
                           { u"about_kind"_s, u"apartment"_s },
                           { u"about_id"_s, apartment },
                           { u"about_title"_s, u"Flat 1020"_s } }),
                 QString());
        QCOMPARE(chatRow(u"chat_messages"_s, { { u"id"_s, uuid(220) }, { u"seq"_s, 1 } }), QString());
    }

private Q_SLOTS:
    void init()
    {
        m_db = std::make_unique<rentdesk::test::TempDatabase>();
        QVERIFY2(m_db->isValid(), qPrintable(m_db->errorMessage()));
        Rows r = rows();
        QCOMPARE(r.landlord(landlord), QString());
        QCOMPARE(r.renter(renter), QString());
        QCOMPARE(r.renter(renter2), QString());
        QCOMPARE(r.landlord(landlord2), QString());
        QCOMPARE(r.building(building, landlord), QString());
        QCOMPARE(r.building(building2, landlord2), QString());
        QCOMPARE(r.apartment(apartment, building, landlord), QString());
        QCOMPARE(r.apartment(apartment2, building, landlord), QString());
        QCOMPARE(r.booking(stay, apartment, renter, u"2026-03-01"_s, u"2026-03-10"_s, u"confirmed"_s), QString());
    }

    void cleanup() { m_db.reset(); }

    void badRowsAreRefusedByName_data()
    {
        QTest::addColumn<QString>("table");
        QTest::addColumn<QVariantMap>("overrides");
        QTest::addColumn<QString>("refusedBy");

        const auto user = [](const char *name, QVariantMap values, const QString &by) {
            QTest::newRow(name) << u"users"_s << values << by;
        };
        user("user id not a uuid", { { u"id"_s, u"user-1"_s } }, u"users_id_uuid"_s);
        user("user id upper case", { { u"id"_s, u"00000000-0000-4000-8000-00000000000A"_s } }, u"users_id_uuid"_s);
        user("email upper case", { { u"email"_s, u"Anna@Example.org"_s } }, u"users_email_normalized"_s);
        user("email padded", { { u"email"_s, u" anna@example.org"_s } }, u"users_email_normalized"_s);
        user("email without at", { { u"email"_s, u"anna.example.org"_s } }, u"users_email_format"_s);
        user("email taken", { { u"email"_s, u"landlord.0001@example.org"_s } }, u"users_email_unique"_s);
        // A replica's profile of someone else has no address; an account with a password does.
        user("email missing with a password",
             { { u"email"_s, null() }, { u"password_hash"_s, u"$argon2id$v=19$m=8,t=1,p=1$c2FsdA$aGFzaA"_s } },
             u"users_email_required"_s);
        user("blank display name", { { u"display_name"_s, u"   "_s } }, u"users_display_name_present"_s);
        user("phone with letters", { { u"phone"_s, u"call me"_s } }, u"users_phone_format"_s);
        user("role unknown", { { u"role"_s, u"admin"_s } }, u"users_role_code"_s);
        user("role capitalised", { { u"role"_s, u"Renter"_s } }, u"users_role_code"_s);
        user("language unknown", { { u"language"_s, u"de"_s } }, u"users_language_code"_s);
        user("rating sum without count", { { u"rating_sum"_s, 3 }, { u"rating_count"_s, 0 } },
             u"users_rating_consistent"_s);
        user("rating sum above 5 per count", { { u"rating_sum"_s, 11 }, { u"rating_count"_s, 2 } },
             u"users_rating_consistent"_s);
        user("rating count negative", { { u"rating_sum"_s, 0 }, { u"rating_count"_s, -1 } },
             u"users_rating_consistent"_s);
        user("rating count as text", { { u"rating_count"_s, u"many"_s } }, u"type:users.rating_count"_s);
        user("password in clear", { { u"password_hash"_s, u"hunter2"_s } }, u"users_password_hash_format"_s);
        user("timestamp without zone", { { u"created_at"_s, u"2026-01-15 10:00:00"_s } }, u"users_created_at_format"_s);
        user("updated before created", { { u"updated_at"_s, u"2025-01-15T10:00:00.000Z"_s } },
             u"users_updated_at_format"_s);

        const auto bld = [](const char *name, QVariantMap values, const QString &by) {
            QTest::newRow(name) << u"buildings"_s << values << by;
        };
        bld("building of missing owner", { { u"owner_id"_s, uuid(999) } }, u"fk"_s);
        bld("building of a renter", { { u"owner_id"_s, renter } }, u"buildings_owner_is_landlord"_s);
        bld("building without name", { { u"name"_s, u""_s } }, u"buildings_name_present"_s);
        bld("building without city", { { u"city"_s, u" "_s } }, u"buildings_city_present"_s);
        bld("building without address", { { u"address"_s, u""_s } }, u"buildings_address_present"_s);
        bld("building with no floors", { { u"floors"_s, 0 } }, u"buildings_floors_range"_s);
        bld("building from the future", { { u"year_built"_s, 3000 } }, u"buildings_year_built_range"_s);
        bld("floors as text", { { u"floors"_s, u"nine"_s } }, u"type:buildings.floors"_s);

        const auto apt = [](const char *name, QVariantMap values, const QString &by) {
            QTest::newRow(name) << u"apartments"_s << values << by;
        };
        apt("apartment in missing building", { { u"building_id"_s, uuid(998) } }, u"fk"_s);
        apt("apartment owned by someone else than its building",
            { { u"building_id"_s, building2 }, { u"owner_id"_s, landlord } }, u"fk"_s);
        apt("apartment number taken", { { u"number"_s, u"1020"_s } }, u"apartments_number_unique"_s);
        apt("apartment without number", { { u"number"_s, u" "_s } }, u"apartments_number_present"_s);
        apt("no rooms", { { u"rooms"_s, 0 } }, u"apartments_rooms_range"_s);
        apt("rooms as text", { { u"rooms"_s, u"3 rooms"_s } }, u"type:apartments.rooms"_s);
        apt("negative area", { { u"area"_s, -1.0 } }, u"apartments_area_range"_s);
        apt("zero area", { { u"area"_s, 0.0 } }, u"apartments_area_range"_s);
        apt("negative price", { { u"monthly_price"_s, -1 } }, u"apartments_price_range"_s);
        apt("price as a float", { { u"monthly_price"_s, 45000.5 } }, u"type:apartments.monthly_price"_s);
        apt("currency lower case", { { u"currency"_s, u"rub"_s } }, u"apartments_currency_code"_s);
        apt("currency too long", { { u"currency"_s, u"RUBL"_s } }, u"apartments_currency_code"_s);
        apt("status unknown", { { u"status"_s, u"sold"_s } }, u"apartments_status_code"_s);
        apt("status upper case", { { u"status"_s, u"FREE"_s } }, u"apartments_status_code"_s);
        apt("manual flag not boolean", { { u"status_manual"_s, 2 } }, u"apartments_status_manual_bool"_s);
        apt("furnished not boolean", { { u"furnished"_s, 2 } }, u"apartments_furnished_bool"_s);
        apt("pets not boolean", { { u"pets_allowed"_s, -1 } }, u"apartments_pets_allowed_bool"_s);
        apt("booked by someone while free", { { u"booked_by"_s, renter }, { u"status"_s, u"free"_s } },
            u"apartments_booked_by_status"_s);
        apt("booked by a missing user", { { u"booked_by"_s, uuid(997) }, { u"status"_s, u"booked"_s } }, u"fk"_s);
        apt("rating beyond five", { { u"rating_sum"_s, 6 }, { u"rating_count"_s, 1 } },
            u"apartments_rating_consistent"_s);

        const auto bkg = [](const char *name, QVariantMap values, const QString &by) {
            QTest::newRow(name) << u"bookings"_s << values << by;
        };
        bkg("booking of missing apartment", { { u"apartment_id"_s, uuid(996) } }, u"fk"_s);
        bkg("booking by missing renter",
            { { u"renter_id"_s, uuid(995) },
              { u"status"_s, u"requested"_s },
              { u"decided_by"_s, null() },
              { u"decided_at"_s, null() } },
            u"fk"_s);
        bkg("booking by a landlord", { { u"renter_id"_s, landlord2 } }, u"bookings_renter_is_renter"_s);
        bkg("ends when it starts", { { u"end_date"_s, u"2026-05-01"_s } }, u"bookings_dates_order"_s);
        bkg("ends before it starts", { { u"end_date"_s, u"2026-04-20"_s } }, u"bookings_dates_order"_s);
        bkg("impossible date", { { u"start_date"_s, u"2026-02-30"_s } }, u"bookings_start_date_format"_s);
        bkg("date with slashes", { { u"end_date"_s, u"2026/05/10"_s } }, u"bookings_end_date_format"_s);
        bkg("status unknown", { { u"status"_s, u"pending"_s } }, u"bookings_status_code"_s);
        bkg("negative total", { { u"total_price"_s, -5 } }, u"bookings_total_price_range"_s);
        bkg("request with a decision", { { u"status"_s, u"requested"_s } }, u"bookings_decision_recorded"_s);
        bkg("confirmed without a decision", { { u"decided_by"_s, null() }, { u"decided_at"_s, null() } },
            u"bookings_decision_recorded"_s);
        bkg("overlapping confirmed stay",
            { { u"start_date"_s, u"2026-03-09"_s },
              { u"end_date"_s, u"2026-03-12"_s },
              { u"apartment_id"_s, apartment } },
            u"bookings_no_overlap"_s);
        bkg("stay inside another",
            { { u"start_date"_s, u"2026-03-03"_s },
              { u"end_date"_s, u"2026-03-04"_s },
              { u"apartment_id"_s, apartment } },
            u"bookings_no_overlap"_s);
        bkg("completed over confirmed",
            { { u"start_date"_s, u"2026-02-20"_s },
              { u"end_date"_s, u"2026-03-02"_s },
              { u"apartment_id"_s, apartment },
              { u"status"_s, u"completed"_s } },
            u"bookings_no_overlap"_s);
    }

    void badRowsAreRefusedByName()
    {
        QFETCH(QString, table);
        QFETCH(QVariantMap, overrides);
        QFETCH(QString, refusedBy);
        Rows r = rows();
        QString result;
        if (table == u"users"_s) {
            result = r.renter(uuid(100), overrides);
        } else if (table == u"buildings"_s) {
            result = r.building(uuid(100), landlord, overrides);
        } else if (table == u"apartments"_s) {
            result = r.apartment(uuid(100), building, landlord, overrides);
        } else {
            result =
                r.booking(uuid(100), apartment2, renter2, u"2026-05-01"_s, u"2026-05-10"_s, u"confirmed"_s, overrides);
        }
        QCOMPARE(result, refusedBy);
    }

    void goodRowsAreAccepted()
    {
        Rows r = rows();
        QCOMPARE(r.renter(uuid(101),
                          { { u"email"_s, u"анна@пример.рф"_s },
                            { u"language"_s, u"ru"_s },
                            { u"phone"_s, u"+7 (843) 555-01-02"_s },
                            { u"password_hash"_s, u"$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA"_s } }),
                 QString());
        // Two profiles on a connected replica: other people, without an address.
        QCOMPARE(r.renter(uuid(111), { { u"email"_s, null() } }), QString());
        QCOMPARE(r.landlord(uuid(112), { { u"email"_s, null() } }), QString());
        QCOMPARE(r.building(uuid(102), landlord, { { u"year_built"_s, QVariant(QMetaType::fromType<int>()) } }),
                 QString());
        QCOMPARE(r.apartment(uuid(103), building, landlord,
                             { { u"status"_s, u"rented"_s },
                               { u"status_manual"_s, 1 },
                               { u"booked_by"_s, null() },
                               { u"furnished"_s, 1 },
                               { u"pets_allowed"_s, 1 },
                               { u"monthly_price"_s, 0 },
                               { u"rating_sum"_s, 9 },
                               { u"rating_count"_s, 2 } }),
                 QString());
        // Same number in another building is fine.
        QCOMPARE(r.apartment(uuid(104), building2, landlord2, { { u"number"_s, u"1020"_s } }), QString());
        // Back-to-back stays: departure and arrival on the same day do not overlap.
        QCOMPARE(r.booking(uuid(105), apartment, renter2, u"2026-03-10"_s, u"2026-03-15"_s, u"confirmed"_s), QString());
        QCOMPARE(r.booking(uuid(106), apartment, renter2, u"2026-02-20"_s, u"2026-03-01"_s, u"completed"_s), QString());
        // Requests, declined and cancelled bookings may overlap anything.
        for (const auto &[n, status] : { std::pair { 107, u"requested"_s },
                                         { 108, u"declined"_s },
                                         { 109, u"cancelled"_s },
                                         { 110, u"requested"_s } }) {
            QCOMPARE(r.booking(uuid(n), apartment, renter2, u"2026-03-05"_s, u"2026-03-08"_s, status,
                               status == u"requested"_s
                                   ? QVariantMap { { u"decided_by"_s, null() }, { u"decided_at"_s, null() } }
                                   : QVariantMap {}),
                     QString());
        }
        // The same stay in another apartment.
        QCOMPARE(r.booking(uuid(111), apartment2, renter, u"2026-03-01"_s, u"2026-03-10"_s, u"confirmed"_s), QString());
    }

    void overlapIsRefusedOnUpdate_data()
    {
        QTest::addColumn<QString>("sql");
        QTest::addColumn<QString>("refusedBy");
        // uuid(40): a request overlapping the confirmed stay; uuid(41): a confirmed stay in
        // April; uuid(42): a confirmed stay in March in the other apartment.
        QTest::newRow("confirming an overlapping request")
            << u"UPDATE bookings SET status = 'confirmed', decided_by = :landlord, decided_at = :ts WHERE id = :b40"_s
            << u"bookings_no_overlap"_s;
        QTest::newRow("moving a stay's start into another")
            << u"UPDATE bookings SET start_date = '2026-03-09' WHERE id = :b41"_s << u"bookings_no_overlap"_s;
        QTest::newRow("moving a stay's end into another")
            << u"UPDATE bookings SET start_date = '2026-02-01', end_date = '2026-03-02' WHERE id = :b41"_s
            << u"bookings_no_overlap"_s;
        QTest::newRow("moving a stay to another apartment")
            << u"UPDATE bookings SET apartment_id = :apartment WHERE id = :b42"_s << u"bookings_no_overlap"_s;
        QTest::newRow("completing a stay")
            << u"UPDATE bookings SET status = 'completed' WHERE id = :b41"_s << QString();
        QTest::newRow("changing a stay's own dates")
            << u"UPDATE bookings SET start_date = '2026-02-27', end_date = '2026-03-10' WHERE id = :stay"_s
            << QString();
        QTest::newRow("moving a stay to a free slot")
            << u"UPDATE bookings SET start_date = '2026-03-10', end_date = '2026-03-20' WHERE id = :b42"_s << QString();
        QTest::newRow("declining an overlapping request")
            << u"UPDATE bookings SET status = 'declined', decided_by = :landlord, decided_at = :ts WHERE id = :b40"_s
            << QString();
    }

    void overlapIsRefusedOnUpdate()
    {
        QFETCH(QString, sql);
        QFETCH(QString, refusedBy);
        Rows r = rows();
        const QVariantMap undecided { { u"decided_by"_s, null() }, { u"decided_at"_s, null() } };
        QCOMPARE(r.booking(uuid(40), apartment, renter2, u"2026-03-05"_s, u"2026-03-12"_s, u"requested"_s, undecided),
                 QString());
        QCOMPARE(r.booking(uuid(41), apartment, renter2, u"2026-04-01"_s, u"2026-04-10"_s, u"confirmed"_s), QString());
        QCOMPARE(r.booking(uuid(42), apartment2, renter2, u"2026-03-01"_s, u"2026-03-10"_s, u"confirmed"_s), QString());
        const QStringList before = rentdesk::test::dumpDatabase(m_db->connection());

        QList<rentdesk::models::db::Binding> bindings;
        for (const auto &[name, value] : { std::pair { u":landlord"_s, landlord },
                                           { u":ts"_s, rentdesk::test::timestamp() },
                                           { u":b40"_s, uuid(40) },
                                           { u":b41"_s, uuid(41) },
                                           { u":b42"_s, uuid(42) },
                                           { u":apartment"_s, apartment },
                                           { u":stay"_s, stay } }) {
            if (sql.contains(name))
                bindings.append({ name, value });
        }
        auto done = rentdesk::models::db::exec(m_db->connection(), sql, bindings);
        const QString result =
            refusal(done ? std::expected<void, rentdesk::models::db::DbError>() : std::unexpected(done.error()));
        QCOMPARE(result, refusedBy);
        if (!refusedBy.isEmpty())
            QCOMPARE(rentdesk::test::dumpDatabase(m_db->connection()), before);
    }

    void reviewsMatchTheirKind_data()
    {
        QTest::addColumn<QString>("author");
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QVariant>("targetUser");
        QTest::addColumn<QVariant>("targetApartment");
        QTest::addColumn<QVariantMap>("overrides");
        QTest::addColumn<QString>("refusedBy");
        const QVariant none = null();
        QTest::newRow("landlord reviews renter")
            << landlord << u"renter"_s << QVariant(renter) << none << QVariantMap() << QString();
        QTest::newRow("renter reviews landlord")
            << renter << u"landlord"_s << QVariant(landlord) << none << QVariantMap() << QString();
        QTest::newRow("renter reviews apartment")
            << renter << u"apartment"_s << none << QVariant(apartment) << QVariantMap() << QString();
        QTest::newRow("missing author") << uuid(990) << u"apartment"_s << none << QVariant(apartment) << QVariantMap()
                                        << u"fk"_s;
        QTest::newRow("missing target user")
            << renter << u"landlord"_s << QVariant(uuid(991)) << none << QVariantMap() << u"fk"_s;
        QTest::newRow("missing target apartment")
            << renter << u"apartment"_s << none << QVariant(uuid(992)) << QVariantMap() << u"fk"_s;
        QTest::newRow("unknown kind") << renter << u"hotel"_s << none << QVariant(apartment) << QVariantMap()
                                      << u"reviews_kind_code"_s;
        QTest::newRow("apartment kind with user target") << renter << u"apartment"_s << QVariant(landlord) << none
                                                         << QVariantMap() << u"reviews_target_matches_kind"_s;
        QTest::newRow("landlord kind with apartment target") << renter << u"landlord"_s << none << QVariant(apartment)
                                                             << QVariantMap() << u"reviews_target_matches_kind"_s;
        QTest::newRow("both targets") << renter << u"landlord"_s << QVariant(landlord) << QVariant(apartment)
                                      << QVariantMap() << u"reviews_target_matches_kind"_s;
        QTest::newRow("no target") << renter << u"apartment"_s << none << none << QVariantMap()
                                   << u"reviews_target_matches_kind"_s;
        QTest::newRow("rating zero") << renter << u"apartment"_s << none << QVariant(apartment)
                                     << QVariantMap { { u"rating"_s, 0 } } << u"reviews_rating_range"_s;
        QTest::newRow("rating six") << renter << u"apartment"_s << none << QVariant(apartment)
                                    << QVariantMap { { u"rating"_s, 6 } } << u"reviews_rating_range"_s;
        QTest::newRow("landlord reviews landlord") << landlord << u"landlord"_s << QVariant(landlord2) << none
                                                   << QVariantMap() << u"reviews_roles_match_kind"_s;
        QTest::newRow("renter reviews renter")
            << renter << u"renter"_s << QVariant(renter2) << none << QVariantMap() << u"reviews_roles_match_kind"_s;
        QTest::newRow("landlord reviews apartment") << landlord << u"apartment"_s << none << QVariant(apartment)
                                                    << QVariantMap() << u"reviews_roles_match_kind"_s;
        QTest::newRow("self review") << landlord << u"renter"_s << QVariant(landlord) << none << QVariantMap()
                                     << u"reviews_roles_match_kind"_s;
        QTest::newRow("body too long") << renter << u"apartment"_s << none << QVariant(apartment)
                                       << QVariantMap { { u"body"_s, QString(5001, u'x') } }
                                       << u"reviews_body_length"_s;
    }

    void reviewsMatchTheirKind()
    {
        QFETCH(QString, author);
        QFETCH(QString, kind);
        QFETCH(QVariant, targetUser);
        QFETCH(QVariant, targetApartment);
        QFETCH(QVariantMap, overrides);
        QFETCH(QString, refusedBy);
        QCOMPARE(review(uuid(50), author, kind, targetUser, targetApartment, overrides), refusedBy);
    }

    void oneReviewPerAuthorPerTargetForEveryKind_data()
    {
        QTest::addColumn<QString>("author");
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QVariant>("targetUser");
        QTest::addColumn<QVariant>("targetApartment");
        QTest::addColumn<QString>("refusedBy");
        QTest::newRow("renter kind") << landlord << u"renter"_s << QVariant(renter) << null()
                                     << u"reviews_one_per_author_user"_s;
        QTest::newRow("landlord kind") << renter << u"landlord"_s << QVariant(landlord) << null()
                                       << u"reviews_one_per_author_user"_s;
        QTest::newRow("apartment kind") << renter << u"apartment"_s << null() << QVariant(apartment)
                                        << u"reviews_one_per_author_apartment"_s;
    }

    void oneReviewPerAuthorPerTargetForEveryKind()
    {
        QFETCH(QString, author);
        QFETCH(QString, kind);
        QFETCH(QVariant, targetUser);
        QFETCH(QVariant, targetApartment);
        QFETCH(QString, refusedBy);
        QCOMPARE(review(uuid(60), author, kind, targetUser, targetApartment), QString());
        QCOMPARE(review(uuid(61), author, kind, targetUser, targetApartment, { { u"rating"_s, 1 } }), refusedBy);
    }

    void differentTargetsOrAuthorsMayReview()
    {
        // The same author on different targets and kinds, and different authors on one target.
        QCOMPARE(review(uuid(70), renter, u"apartment"_s, null(), apartment), QString());
        QCOMPARE(review(uuid(71), renter, u"apartment"_s, null(), apartment2), QString());
        QCOMPARE(review(uuid(72), renter, u"landlord"_s, landlord, null()), QString());
        QCOMPARE(review(uuid(73), renter2, u"apartment"_s, null(), apartment), QString());
        QCOMPARE(review(uuid(74), renter2, u"landlord"_s, landlord, null()), QString());
        QCOMPARE(review(uuid(75), landlord, u"renter"_s, renter, null()), QString());
        QCOMPARE(review(uuid(76), landlord, u"renter"_s, renter2, null()), QString());
    }

    void reviewKeepsItsTarget()
    {
        QCOMPARE(review(uuid(80), renter, u"apartment"_s, null(), apartment), QString());
        QCOMPARE(update(u"UPDATE reviews SET rating = 2, body = 'Changed my mind' WHERE id = :id"_s,
                        { { u":id"_s, uuid(80) } }),
                 QString());
        QCOMPARE(update(u"UPDATE reviews SET target_apartment_id = :a WHERE id = :id"_s,
                        { { u":a"_s, apartment2 }, { u":id"_s, uuid(80) } }),
                 u"reviews_target_fixed"_s);
    }

    void buildingOwnerStaysALandlord()
    {
        QCOMPARE(update(u"UPDATE buildings SET owner_id = :r WHERE id = :b"_s,
                        { { u":r"_s, renter }, { u":b"_s, building2 } }),
                 u"buildings_owner_is_landlord"_s);
    }

    void buildingWithApartmentsCannotBeDeleted()
    {
        QCOMPARE(update(u"DELETE FROM buildings WHERE id = :b"_s, { { u":b"_s, building } }), u"fk"_s);
        QCOMPARE(update(u"DELETE FROM buildings WHERE id = :b"_s, { { u":b"_s, building2 } }), QString());
    }

    void deletingAnApartmentTakesItsHistory()
    {
        QCOMPARE(review(uuid(90), renter, u"apartment"_s, null(), apartment), QString());
        QCOMPARE(update(u"DELETE FROM apartments WHERE id = :a"_s, { { u":a"_s, apartment } }), QString());
        QCOMPARE(rentdesk::models::db::scalar(m_db->connection(),
                                              u"SELECT count(*) FROM bookings WHERE apartment_id = :a"_s,
                                              { { u":a"_s, apartment } })
                     ->toInt(),
                 0);
        QCOMPARE(rentdesk::models::db::scalar(m_db->connection(), u"SELECT count(*) FROM reviews"_s)->toInt(), 0);
    }

    void badChatRowsAreRefusedByName_data()
    {
        QTest::addColumn<QString>("table");
        QTest::addColumn<QVariantMap>("overrides");
        QTest::addColumn<QString>("refusedBy");
        const QVariant none = null();
        const auto row = [](const char *name, const QString &table, QVariantMap values, const QString &by) {
            QTest::newRow(name) << table << values << by;
        };
        const QString sessions = u"sessions"_s;
        row("session id not a uuid", sessions, { { u"id"_s, u"s-1"_s } }, u"sessions_id_uuid"_s);
        row("session of a missing user", sessions, { { u"user_id"_s, uuid(999) } }, u"fk"_s);
        row("token hash too short", sessions, { { u"token_hash"_s, u"abc"_s } }, u"sessions_token_hash_format"_s);
        row("token hash upper case", sessions, { { u"token_hash"_s, QString(64, u'A') } },
            u"sessions_token_hash_format"_s);
        row("token hash not hex", sessions, { { u"token_hash"_s, QString(64, u'g') } },
            u"sessions_token_hash_format"_s);
        row("token in clear", sessions, { { u"token_hash"_s, u"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"_s } },
            u"sessions_token_hash_format"_s);
        row("token hash taken", sessions, { { u"token_hash"_s, QString(64, u'a') } }, u"sessions_token_hash_unique"_s);
        row("expires when created", sessions, { { u"expires_at"_s, rentdesk::test::timestamp() } },
            u"sessions_expires_after_created"_s);
        row("expiry without zone", sessions, { { u"expires_at"_s, u"2026-02-15 10:00:00"_s } },
            u"sessions_expires_at_format"_s);
        row("seen before created", sessions, { { u"last_seen_at"_s, u"2026-01-14T10:00:00.000Z"_s } },
            u"sessions_last_seen_at_format"_s);
        row("revoked before created", sessions, { { u"revoked_at"_s, u"2026-01-14T10:00:00.000Z"_s } },
            u"sessions_revoked_at_format"_s);
        row("revoked, badly written", sessions, { { u"revoked_at"_s, u"yesterday"_s } },
            u"sessions_revoked_at_format"_s);

        const QString conversations = u"conversations"_s;
        const QVariantMap aboutFlat { { u"about_kind"_s, u"apartment"_s },
                                      { u"about_id"_s, apartment2 },
                                      { u"about_title"_s, u"Flat 1021"_s } };
        const auto about = [&](QVariantMap values) {
            QVariantMap merged = aboutFlat;
            for (auto it = values.cbegin(); it != values.cend(); ++it)
                merged.insert(it.key(), it.value());
            return merged;
        };
        row("conversation id not a uuid", conversations, { { u"id"_s, u"c-1"_s } }, u"conversations_id_uuid"_s);
        row("with oneself", conversations, { { u"user_b"_s, landlord } }, u"conversations_not_self"_s);
        row("pair in the wrong order", conversations, { { u"user_a"_s, renter2 }, { u"user_b"_s, landlord } },
            u"conversations_pair_ordered"_s);
        row("with a missing user", conversations, { { u"user_b"_s, uuid(999) } }, u"fk"_s);
        row("about a building", conversations, about({ { u"about_kind"_s, u"building"_s } }),
            u"conversations_about_kind_code"_s);
        row("about without an id", conversations, about({ { u"about_id"_s, none } }),
            u"conversations_about_complete"_s);
        row("about without a title", conversations, about({ { u"about_title"_s, none } }),
            u"conversations_about_complete"_s);
        row("an id without a kind", conversations, about({ { u"about_kind"_s, none } }),
            u"conversations_about_complete"_s);
        row("about id not a uuid", conversations, about({ { u"about_id"_s, u"flat-12"_s } }),
            u"conversations_about_id_uuid"_s);
        row("blank title", conversations, about({ { u"about_title"_s, u"  "_s } }),
            u"conversations_about_title_present"_s);
        row("title of 201 characters", conversations, about({ { u"about_title"_s, QString(201, u'ж') } }),
            u"conversations_about_title_present"_s);
        row("negative last seq", conversations, { { u"last_seq"_s, -1 } }, u"conversations_last_seq_range"_s);
        row("last seq as text", conversations, { { u"last_seq"_s, u"none"_s } }, u"type:conversations.last_seq"_s);
        row("start without zone", conversations,
            { { u"created_at"_s, u"2026-01-15 10:00:00"_s }, { u"last_activity_at"_s, u"2026-01-15 10:00:00"_s } },
            u"conversations_created_at_format"_s);
        row("activity before the start", conversations, { { u"last_activity_at"_s, u"2026-01-14T10:00:00.000Z"_s } },
            u"conversations_last_activity_at_format"_s);
        row("a second one about nothing", conversations, { { u"user_b"_s, renter } }, u"conversations_one_per_pair"_s);
        row("a second one about the same", conversations,
            about({ { u"user_b"_s, renter }, { u"about_id"_s, apartment } }), u"conversations_one_per_pair_about"_s);

        const QString messages = u"chat_messages"_s;
        row("message id not a uuid", messages, { { u"id"_s, u"m-1"_s } }, u"chat_messages_id_uuid"_s);
        row("message in a missing conversation", messages, { { u"conversation_id"_s, uuid(999) } }, u"fk"_s);
        row("message by a missing sender", messages, { { u"sender_id"_s, uuid(999) } }, u"fk"_s);
        row("seq 0", messages, { { u"seq"_s, 0 } }, u"chat_messages_seq_range"_s);
        row("seq taken", messages, { { u"seq"_s, 1 } }, u"chat_messages_seq_unique"_s);
        row("seq as text", messages, { { u"seq"_s, u"two"_s } }, u"type:chat_messages.seq"_s);
        row("empty text", messages, { { u"text"_s, u""_s } }, u"chat_messages_text_length"_s);
        row("4001 characters", messages, { { u"text"_s, QString(4001, u'ж') } }, u"chat_messages_text_length"_s);
        row("sent without zone", messages, { { u"sent_at"_s, u"2026-01-15 10:00"_s } },
            u"chat_messages_sent_at_format"_s);

        const QString marks = u"chat_marks"_s;
        row("marks in a missing conversation", marks, { { u"conversation_id"_s, uuid(999) } }, u"fk"_s);
        row("marks of a missing user", marks, { { u"user_id"_s, uuid(999) } }, u"fk"_s);
        row("delivered negative", marks, { { u"delivered_seq"_s, -1 }, { u"read_seq"_s, -1 } },
            u"chat_marks_delivered_range"_s);
        row("read negative", marks, { { u"delivered_seq"_s, 0 }, { u"read_seq"_s, -1 } }, u"chat_marks_read_range"_s);
        row("read beyond delivered", marks, { { u"delivered_seq"_s, 1 }, { u"read_seq"_s, 2 } },
            u"chat_marks_read_within_delivered"_s);
    }

    void badChatRowsAreRefusedByName()
    {
        QFETCH(QString, table);
        QFETCH(QVariantMap, overrides);
        QFETCH(QString, refusedBy);
        initChat();
        const QStringList before = rentdesk::test::dumpDatabase(m_db->connection());
        QCOMPARE(chatRow(table, overrides), refusedBy);
        QCOMPARE(rentdesk::test::dumpDatabase(m_db->connection()), before);
    }

    void goodChatRowsAreAccepted()
    {
        initChat();
        // A revoked session; the same person's other sessions.
        QCOMPARE(chatRow(u"sessions"_s, { { u"revoked_at"_s, u"2026-01-15T11:00:00.000Z"_s } }), QString());
        QCOMPARE(chatRow(u"sessions"_s, { { u"id"_s, uuid(301) }, { u"token_hash"_s, QString(64, u'0') } }), QString());
        // The same pair about another apartment, and about a booking with the same id.
        const QVariantMap aboutOther { { u"id"_s, uuid(302) },
                                       { u"user_b"_s, renter },
                                       { u"about_kind"_s, u"apartment"_s },
                                       { u"about_id"_s, apartment2 },
                                       { u"about_title"_s, QString(200, u'ж') } };
        QCOMPARE(chatRow(u"conversations"_s, aboutOther), QString());
        QVariantMap aboutBooking = aboutOther;
        aboutBooking.insert(u"id"_s, uuid(303));
        aboutBooking.insert(u"about_kind"_s, u"booking"_s);
        QCOMPARE(chatRow(u"conversations"_s, aboutBooking), QString());
        // Another pair about nothing.
        QCOMPARE(chatRow(u"conversations"_s, {}), QString());
        // 4000 characters (length() counts characters, not bytes), the next seq.
        QCOMPARE(chatRow(u"chat_messages"_s, { { u"text"_s, QString(4000, u'ж') } }), QString());
        QCOMPARE(chatRow(u"chat_marks"_s, {}), QString());
        QCOMPARE(
            chatRow(u"chat_marks"_s, { { u"user_id"_s, renter }, { u"delivered_seq"_s, 2 }, { u"read_seq"_s, 0 } }),
            QString());
    }

    void deletingAConversationTakesItsMessagesAndMarks()
    {
        initChat();
        QCOMPARE(chatRow(u"chat_marks"_s, {}), QString());
        QCOMPARE(update(u"DELETE FROM conversations WHERE id = :c"_s, { { u":c"_s, uuid(210) } }), QString());
        QCOMPARE(rentdesk::models::db::scalar(m_db->connection(), u"SELECT count(*) FROM chat_messages"_s)->toInt(), 0);
        QCOMPARE(rentdesk::models::db::scalar(m_db->connection(), u"SELECT count(*) FROM chat_marks"_s)->toInt(), 0);
        // People are never deleted while they have sessions or conversations.
        QCOMPARE(update(u"DELETE FROM users WHERE id = :u"_s, { { u":u"_s, renter } }), u"fk"_s);
    }

    void browsingFiltersHaveIndexes_data()
    {
        QTest::addColumn<QString>("table");
        QTest::addColumn<QString>("firstColumn");
        QTest::newRow("city") << u"buildings"_s << u"city"_s;
        QTest::newRow("building owner") << u"buildings"_s << u"owner_id"_s;
        QTest::newRow("price") << u"apartments"_s << u"currency"_s;
        QTest::newRow("rooms") << u"apartments"_s << u"rooms"_s;
        QTest::newRow("area") << u"apartments"_s << u"area"_s;
        QTest::newRow("status") << u"apartments"_s << u"status"_s;
        QTest::newRow("apartment owner") << u"apartments"_s << u"owner_id"_s;
        QTest::newRow("booking apartment and dates") << u"bookings"_s << u"apartment_id"_s;
        QTest::newRow("booking renter") << u"bookings"_s << u"renter_id"_s;
        QTest::newRow("booking status") << u"bookings"_s << u"status"_s;
        QTest::newRow("reviews of a user") << u"reviews"_s << u"target_user_id"_s;
        QTest::newRow("reviews of an apartment") << u"reviews"_s << u"target_apartment_id"_s;
        // Version 3: the default orders of the buildings and reviews pages, reviews by author.
        QTest::newRow("buildings by name") << u"buildings"_s << u"name"_s;
        QTest::newRow("reviews, latest first") << u"reviews"_s << u"created_at"_s;
        QTest::newRow("users by name") << u"users"_s << u"display_name"_s;
        // Version 4: a person's sessions, expired sessions, a person's conversations from
        // either side, a conversation's messages by seq.
        QTest::newRow("sessions of a user") << u"sessions"_s << u"user_id"_s;
        QTest::newRow("sessions by expiry") << u"sessions"_s << u"expires_at"_s;
        QTest::newRow("conversations of user a") << u"conversations"_s << u"user_a"_s;
        QTest::newRow("conversations of user b") << u"conversations"_s << u"user_b"_s;
        QTest::newRow("history") << u"chat_messages"_s << u"conversation_id"_s;
    }

    void browsingFiltersHaveIndexes()
    {
        QFETCH(QString, table);
        QFETCH(QString, firstColumn);
        auto found = rentdesk::models::db::scalar(
            m_db->connection(),
            u"SELECT count(*) FROM pragma_index_list(:t) AS il, pragma_index_info(il.name) AS ii "
            "WHERE ii.seqno = 0 AND ii.name = :c"_s,
            { { u":t"_s, table }, { u":c"_s, firstColumn } });
        QVERIFY(found);
        QVERIFY2(found->toInt() > 0, qPrintable(u"no index starts with %1.%2"_s.arg(table, firstColumn)));
    }

    void overlapCheckUsesTheStaysIndex()
    {
        auto plan = rentdesk::models::db::exec(
            m_db->connection(),
            u"EXPLAIN QUERY PLAN SELECT 1 FROM bookings AS b WHERE b.apartment_id = :a "
            "AND b.status IN ('confirmed', 'completed', 'blocked') AND b.start_date < :e AND :s < b.end_date"_s,
            { { u":a"_s, apartment }, { u":s"_s, u"2026-03-01"_s }, { u":e"_s, u"2026-03-05"_s } });
        QVERIFY(plan);
        QString detail;
        while (plan->next())
            detail += plan->value(3).toString() + u'\n';
        QVERIFY2(detail.contains(u"bookings_stays_idx"_s), qPrintable(detail));
    }
};

QTEST_GUILESS_MAIN(TestSchema)
#include "tst_schema.moc"
