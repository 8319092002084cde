// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/demo/demogenerator.h"

#include "models/db/bulkload.h"
#include "models/db/query.h"
#include "models/db/transaction.h"
#include "models/demo/bulkinsert.h"
#include "models/demo/demorandom.h"
#include "models/demo/demotext.h"
#include "models/demo/stayplanner.h"
#include "models/domain/money.h"
#include "models/query/searchindex.h"
#include "models/services/servicesteps.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QLoggingCategory>
#include <QSet>

#include <algorithm>
#include <array>
#include <cmath>
#include <vector>

Q_LOGGING_CATEGORY(lcDemo, "rentdesk.demo", QtWarningMsg)

namespace rentdesk::models::demo {

using namespace Qt::StringLiterals;
using db::BulkLoadSettings;
using db::DeferredIndexes;
using domain::ApartmentStatus;
using domain::BookingStatus;
using domain::Language;
using domain::ReviewKind;
using domain::Role;
using domain::toCode;
using services::DomainError;
using services::Result;
using Done = std::expected<void, db::DbError>;

namespace {

// Proportions of the benchmark's data set (issue 3): per apartment.
constexpr int apartmentsPerBuilding = 20;
constexpr int apartmentsPerUser = 4;
// Nine landlords for ten buildings: every landlord owns one, some own two or more.
constexpr int landlordsPerTenBuildings = 9;
constexpr int demoLandlordBuildings = 3;
// The chance that a stay is followed by a review of each kind, tuned so that there are
// about 1.5 reviews per apartment.
constexpr int apartmentReviewChance = 19;
constexpr int landlordReviewChance = 13;
constexpr int renterReviewChance = 14;
constexpr int manualStatusChance = 3; // of the apartments that time leaves free

// Users by index: the two demo accounts first, then the other landlords, then the renters.
constexpr int demoLandlordUser = 0;
constexpr int demoRenterUser = 1;

// Tables whose non-unique secondary indexes are built after their rows (see bulkload.h).
// The overlap triggers read bookings_stays_idx for every stay, so it stays. A new trigger
// on these tables that looks rows up by another non-unique index must be named here too.
const QStringList bulkTables { u"apartments"_s, u"bookings"_s, u"reviews"_s };
const QStringList indexesTriggersNeed { u"bookings_stays_idx"_s };

QString translated(const char *text)
{
    return QCoreApplication::translate("DemoData", text);
}

struct User
{
    QString id;
    Language language = Language::English;
    Instant created = 0;
};

struct Tally
{
    qint64 sum = 0;
    qint64 count = 0;

    void add(int rating)
    {
        sum += rating;
        ++count;
    }
};

struct Building
{
    QString id;
    int owner = -1; // user index
    const City *city = nullptr;
    int floors = 1;
    int apartments = 0;
    Instant created = 0;
};

struct BookingRow
{
    PlannedStay stay;
    qint64 totalPrice = 0;
    Instant created = 0;
    Instant decided = -1; // -1: undecided (requested)
    Instant updated = 0;
};

struct ReviewRow
{
    ReviewKind kind = ReviewKind::Apartment;
    int author = -1; // user index
    int targetUser = -1; // user index, or -1 for the apartment
    int rating = 5;
    QString body;
    Instant created = 0;
    Instant updated = 0;
};

QVariant nullable(const QString &text)
{
    return text.isEmpty() ? QVariant() : QVariant(text);
}

// Writes the rows of one generation. Streams: only users and per-landlord review sets
// are kept; an apartment's bookings and reviews live until the apartment is written.
class Generator final
{
public:
    Generator(const QSqlDatabase &db, const DemoOptions &options);
    Q_DISABLE_COPY_MOVE(Generator)

    [[nodiscard]] Done run();
    [[nodiscard]] const DemoSummary &summary() const { return m_summary; }
    // DemoOptions::progress said stop: run() returned early, and its transaction must not commit.
    [[nodiscard]] bool cancelled() const { return m_cancelled; }

private:
    [[nodiscard]] Done insertUsers();
    void planBuildings();
    void planPins();
    [[nodiscard]] Done insertBuilding(int landlordUser, const City &city);
    [[nodiscard]] Done insertApartment(const Building &building, int position);
    [[nodiscard]] QList<BookingRow> bookingRows(const QList<PlannedStay> &stays, qint64 monthlyPrice,
                                                const QString &currency);
    [[nodiscard]] QList<ReviewRow> reviewRows(const QList<BookingRow> &bookings, int landlordUser, DemoPin pin);
    [[nodiscard]] Done storeRatings();

    [[nodiscard]] int landlordUser(int landlord) const { return landlord == 0 ? demoLandlordUser : landlord + 1; }
    [[nodiscard]] Instant past(Instant instant) const { return std::min(instant, m_latest); }
    [[nodiscard]] Instant during(QDate date, int fromHour, int toHour)
    {
        return startOfDay(date) + m_random.between(fromHour * 3600, toHour * 3600 - 1) * msPerSecond
            + m_random.between(0, 999);
    }
    [[nodiscard]] int randomRating();

    // Reports the apartments written; false (and cancelled()) when the caller wants to stop.
    [[nodiscard]] bool report(int done);

    QSqlDatabase m_db;
    std::function<bool(int, int)> m_progress;
    bool m_cancelled = false;
    DemoRandom m_random;
    QDate m_today;
    Instant m_latest = 0; // no timestamp is later: the morning of yesterday, UTC
    int m_apartmentCount = 0;
    int m_buildingCount = 0;
    int m_landlordCount = 0;
    int m_userCount = 0;

    std::vector<User> m_users;
    std::vector<int> m_buildingsOfLandlord;
    std::vector<int> m_apartmentsOfBuilding; // in the order buildings are written
    QHash<int, DemoPin> m_pins; // by apartment, in the order apartments are written
    int m_nextBuilding = 0;
    int m_nextApartment = 0;
    // One review per author and target, kept per landlord: the renters who reviewed the
    // current landlord, and the renters the current landlord reviewed.
    QSet<int> m_reviewedLandlord;
    QSet<int> m_reviewedByLandlord;

    BulkInsert m_insertUser;
    BulkInsert m_insertBuilding;
    BulkInsert m_insertApartment;
    BulkInsert m_insertBooking;
    BulkInsert m_insertReview;
    DemoSummary m_summary;
};

Generator::Generator(const QSqlDatabase &db, const DemoOptions &options)
    : m_db(db)
    , m_progress(options.progress)
    , m_random(options.seed)
    , m_today(options.today)
    , m_latest(startOfDay(options.today.addDays(-1)) + 8 * msPerHour)
    , m_apartmentCount(options.apartments)
    , m_insertUser(db, u"users"_s,
                   { u"id"_s, u"email"_s, u"display_name"_s, u"phone"_s, u"role"_s, u"language"_s, u"password_hash"_s,
                     u"created_at"_s, u"updated_at"_s })
    , m_insertBuilding(db, u"buildings"_s,
                       { u"id"_s, u"owner_id"_s, u"name"_s, u"address"_s, u"city"_s, u"floors"_s, u"year_built"_s,
                         u"created_at"_s, u"updated_at"_s })
    , m_insertApartment(db, u"apartments"_s,
                        { u"id"_s, u"building_id"_s, u"owner_id"_s, u"number"_s, u"floor"_s, u"rooms"_s, u"area"_s,
                          u"monthly_price"_s, u"currency"_s, u"status"_s, u"status_manual"_s, u"booked_by"_s,
                          u"furnished"_s, u"pets_allowed"_s, u"description"_s, u"rating_sum"_s, u"rating_count"_s,
                          u"created_at"_s, u"updated_at"_s })
    , m_insertBooking(db, u"bookings"_s,
                      { u"id"_s, u"apartment_id"_s, u"renter_id"_s, u"start_date"_s, u"end_date"_s, u"status"_s,
                        u"total_price"_s, u"currency"_s, u"decided_by"_s, u"decided_at"_s, u"created_at"_s,
                        u"updated_at"_s })
    , m_insertReview(db, u"reviews"_s,
                     { u"id"_s, u"author_id"_s, u"kind"_s, u"target_user_id"_s, u"target_apartment_id"_s, u"rating"_s,
                       u"body"_s, u"created_at"_s, u"updated_at"_s })
{
    m_buildingCount = std::max(1, (m_apartmentCount + apartmentsPerBuilding / 2) / apartmentsPerBuilding);
    m_landlordCount = std::clamp((m_buildingCount * landlordsPerTenBuildings + 5) / 10, 1, m_buildingCount);
    // At least one renter besides the demo renter, so that the demo renter is not alone.
    m_userCount = std::max((m_apartmentCount + apartmentsPerUser / 2) / apartmentsPerUser, m_landlordCount + 2);
    // Foreign keys: a row is written only after the rows it refers to.
    m_insertBuilding.after(m_insertUser);
    m_insertApartment.after(m_insertBuilding);
    m_insertBooking.after(m_insertApartment);
    m_insertReview.after(m_insertApartment);
}

Done Generator::run()
{
    if (auto done = insertUsers(); !done)
        return done;
    planBuildings();
    planPins();
    for (int landlord = 0; landlord < m_landlordCount; ++landlord) {
        m_reviewedLandlord.clear();
        m_reviewedByLandlord.clear();
        // The demo landlord's first buildings are in cities a visitor of the demo knows.
        static constexpr std::array<QStringView, demoLandlordBuildings> demoCities { u"Москва", u"London",
                                                                                     u"Санкт-Петербург" };
        for (int i = 0; i < m_buildingsOfLandlord[size_t(landlord)]; ++i) {
            const City &city =
                landlord == 0 && i < demoLandlordBuildings ? cityNamed(demoCities[size_t(i)]) : randomCity(m_random);
            if (auto done = insertBuilding(landlordUser(landlord), city); !done)
                return done;
            if (!report(m_nextApartment))
                return {};
        }
    }
    for (BulkInsert *rows : { &m_insertBooking, &m_insertReview }) {
        if (auto done = rows->flush(); !done)
            return done;
    }
    return storeRatings();
}

bool Generator::report(int done)
{
    if (m_progress && !m_progress(done, m_apartmentCount))
        m_cancelled = true;
    return !m_cancelled;
}

Done Generator::insertUsers()
{
    const QString hash = demoPasswordHash();
    const DemoAccount accounts[] = { demoLandlord(), demoRenter() };
    static constexpr std::array<QStringView, 3> domains { u"example.com", u"example.org", u"example.net" };
    m_users.reserve(size_t(m_userCount));
    for (int index = 0; index < m_userCount; ++index) {
        User user;
        user.id = m_random.uuid();
        QString email;
        QString name;
        QString phone;
        Role role = Role::Renter;
        if (index <= demoRenterUser) {
            const DemoAccount &account = accounts[index];
            email = account.email;
            name = account.displayName;
            role = account.role;
            user.language = account.language;
            user.created = during(m_today.addDays(index == demoLandlordUser ? -1000 : -900), 9, 18);
            phone = index == demoLandlordUser ? u"+7 (916) 555-01-23"_s : u"+44 7700 900123"_s;
        } else {
            role = index <= m_landlordCount ? Role::Landlord : Role::Renter;
            user.language = m_random.percent(50) ? Language::Russian : Language::English;
            const Person person = randomPerson(m_random, user.language);
            name = person.displayName;
            email = person.emailName + QString::number(index) + u'@' + domains[size_t(index) % domains.size()];
            if (m_random.percent(70))
                phone = randomPhone(m_random, user.language);
            user.created = during(m_today.addDays(-m_random.between(850, 1100)), 0, 24);
        }
        const QString created = formatTimestamp(user.created);
        if (auto done = m_insertUser.add(
                { user.id, email, name, nullable(phone), toCode(role), toCode(user.language), hash, created, created });
            !done)
            return done;
        m_users.push_back(std::move(user));
    }
    m_summary.users = m_userCount;
    return {};
}

void Generator::planBuildings()
{
    // Every landlord owns one building, the demo landlord up to three; the rest go to
    // landlords at random.
    m_buildingsOfLandlord.assign(size_t(m_landlordCount), 1);
    m_buildingsOfLandlord[0] = std::clamp(m_buildingCount - (m_landlordCount - 1), 1, demoLandlordBuildings);
    int planned = m_buildingsOfLandlord[0] + m_landlordCount - 1;
    for (; planned < m_buildingCount; ++planned)
        ++m_buildingsOfLandlord[size_t(m_landlordCount > 1 ? m_random.between(1, m_landlordCount - 1) : 0)];

    // N apartments over the buildings: about 20 each, moved in pairs so that the total
    // stays exact and no building is left empty.
    const int base = m_apartmentCount / m_buildingCount;
    const int extra = m_apartmentCount % m_buildingCount;
    m_apartmentsOfBuilding.resize(size_t(m_buildingCount));
    for (int b = 0; b < m_buildingCount; ++b)
        m_apartmentsOfBuilding[size_t(b)] = base + (b < extra ? 1 : 0);
    for (int b = 0; b + 1 < m_buildingCount; b += 2) {
        int &first = m_apartmentsOfBuilding[size_t(b)];
        int &second = m_apartmentsOfBuilding[size_t(b) + 1];
        const int spread = std::min({ first - 1, second - 1, base / 2 });
        const int shift = spread > 0 ? m_random.between(-spread, spread) : 0;
        first += shift;
        second -= shift;
    }
}

void Generator::planPins()
{
    // The demo renter's stays: two at the demo landlord's (a reviewed stay and a request
    // waiting for a decision), the others at the first apartments of the next landlords.
    QList<int> firstApartmentOfLandlord;
    int apartment = 0;
    int building = 0;
    for (int landlord = 0; landlord < m_landlordCount && firstApartmentOfLandlord.size() < 5; ++landlord) {
        firstApartmentOfLandlord.append(apartment);
        for (int i = 0; i < m_buildingsOfLandlord[size_t(landlord)]; ++i)
            apartment += m_apartmentsOfBuilding[size_t(building++)];
    }
    const auto wanted = [&](qsizetype landlord) {
        return landlord < firstApartmentOfLandlord.size() ? firstApartmentOfLandlord[landlord] : -1;
    };
    const std::array<std::pair<int, DemoPin>, 6> pins { {
        { 0, DemoPin::PastStay },
        { 1, DemoPin::FutureRequest },
        { wanted(1), DemoPin::EarlierStay },
        { wanted(2), DemoPin::CurrentStay },
        { wanted(3), DemoPin::FutureStay },
        { wanted(4), DemoPin::TurnedDown },
    } };
    int spare = 0;
    for (auto [index, pin] : pins) {
        if (index < 0 || index >= m_apartmentCount || m_pins.contains(index)) {
            while (spare < m_apartmentCount && m_pins.contains(spare))
                ++spare;
            index = spare;
        }
        if (index < m_apartmentCount)
            m_pins.insert(index, pin);
    }
}

Done Generator::insertBuilding(int landlordUser, const City &city)
{
    Building building;
    building.id = m_random.uuid();
    building.owner = landlordUser;
    building.city = &city;
    building.apartments = m_apartmentsOfBuilding[size_t(m_nextBuilding++)];
    building.created = during(dateOf(m_users[size_t(landlordUser)].created).addDays(m_random.between(1, 30)), 8, 20);
    const bool russian = city.language == Language::Russian;
    static constexpr std::array<int, 9> russianFloors { 5, 9, 10, 12, 14, 16, 17, 22, 25 };
    static constexpr std::array<int, 8> britishFloors { 3, 4, 5, 6, 8, 10, 12, 15 };
    building.floors = russian ? m_random.pick(std::span<const int>(russianFloors))
                              : m_random.pick(std::span<const int>(britishFloors));
    QVariant yearBuilt;
    if (!m_random.percent(5)) {
        // Eras: before the First World War, post-war and late-century blocks, new builds.
        static constexpr std::array<int, 3> russianEras { 8, 40, 52 };
        static constexpr std::array<int, 3> britishEras { 25, 35, 40 };
        const int era =
            m_random.weighted(russian ? std::span<const int>(russianEras) : std::span<const int>(britishEras));
        const int thisYear = m_today.year();
        yearBuilt = era == 0 ? m_random.between(russian ? 1890 : 1850, 1914)
            : era == 1       ? m_random.between(1950, 1990)
                             : m_random.between(1991, std::max(1991, thisYear - 1));
    }
    const QString created = formatTimestamp(building.created);
    if (auto done = m_insertBuilding.add({ building.id, m_users[size_t(landlordUser)].id, buildingName(m_random, city),
                                           buildingAddress(m_random, city), city.name.toString(), building.floors,
                                           yearBuilt, created, created });
        !done)
        return done;
    ++m_summary.buildings;
    for (int position = 0; position < building.apartments; ++position) {
        if (auto done = insertApartment(building, position); !done)
            return done;
    }
    return {};
}

Done Generator::insertApartment(const Building &building, int position)
{
    const City &city = *building.city;
    const DemoPin pin = m_pins.value(m_nextApartment++, DemoPin::None);
    const QString id = m_random.uuid();
    const QString &ownerId = m_users[size_t(building.owner)].id;

    ApartmentFacts facts;
    static constexpr std::array<int, 6> roomWeights { 30, 35, 22, 9, 3, 1 };
    facts.rooms = 1 + m_random.weighted(roomWeights);
    facts.area = std::round((16.0 + 15.0 * facts.rooms + m_random.real(-4.0, 14.0)) * 10.0) / 10.0;
    // Spread evenly over the floors, from the first up.
    facts.floor = 1 + int(qint64(position) * building.floors / building.apartments);
    facts.furnished = m_random.percent(65);
    facts.petsAllowed = m_random.percent(35);
    const double asking = facts.area * city.pricePerSqm * m_random.real(0.85, 1.25) * (facts.furnished ? 1.08 : 1.0);
    const qint64 monthlyPrice = qint64(std::max(1.0, std::round(asking / city.priceStep))) * city.priceStep * 100;
    const QString currency = city.currency.toString();
    const QString number =
        city.language == Language::Russian ? QString::number(position + 1) : u"Flat "_s + QString::number(position + 1);
    const QString description = apartmentDescription(m_random, city, facts);
    const Instant created = building.created + m_random.between(0, 5 * 24 * 3600) * msPerSecond;

    const QList<PlannedStay> stays =
        planStays(m_random, m_today, pin, demoRenterUser, { m_landlordCount + 1, m_userCount - 1 });
    const QList<BookingRow> bookings = bookingRows(stays, monthlyPrice, currency);
    const QList<ReviewRow> reviews = reviewRows(bookings, building.owner, pin);

    Occupancy occupancy = occupancyOn(stays, m_today);
    bool manual = false;
    if (occupancy.status == ApartmentStatus::Free && m_random.percent(manualStatusChance)) {
        // Let outside RentDesk, or held back: the owner set it by hand, with no renter.
        manual = true;
        occupancy.status = m_random.percent(70) ? ApartmentStatus::Rented : ApartmentStatus::Booked;
    }
    Tally rating;
    Instant updated = created;
    for (const BookingRow &booking : bookings)
        updated = std::max(updated, booking.decided);
    for (const ReviewRow &review : reviews) {
        if (review.kind == ReviewKind::Apartment) {
            rating.add(review.rating);
            updated = std::max(updated, review.updated);
        }
    }

    if (auto done = m_insertApartment.add(
            { id, building.id, ownerId, number, facts.floor, facts.rooms, facts.area, monthlyPrice, currency,
              toCode(occupancy.status), manual ? 1 : 0,
              occupancy.bookedBy >= 0 ? QVariant(m_users[size_t(occupancy.bookedBy)].id) : QVariant(),
              facts.furnished ? 1 : 0, facts.petsAllowed ? 1 : 0, description, rating.sum, rating.count,
              formatTimestamp(created), formatTimestamp(updated) });
        !done)
        return done;
    ++m_summary.apartments;

    for (const BookingRow &booking : bookings) {
        const PlannedStay &stay = booking.stay;
        const QString &renterId = m_users[size_t(stay.renter)].id;
        const bool decided = booking.decided >= 0;
        const QString &decidedBy = stay.status == BookingStatus::Cancelled ? renterId : ownerId;
        if (auto done = m_insertBooking.add({ m_random.uuid(), id, renterId, formatDate(stay.start),
                                              formatDate(stay.end), toCode(stay.status), booking.totalPrice, currency,
                                              decided ? QVariant(decidedBy) : QVariant(),
                                              decided ? QVariant(formatTimestamp(booking.decided)) : QVariant(),
                                              formatTimestamp(booking.created), formatTimestamp(booking.updated) });
            !done)
            return done;
    }
    m_summary.bookings += bookings.size();

    for (const ReviewRow &review : reviews) {
        const bool aboutApartment = review.kind == ReviewKind::Apartment;
        if (auto done =
                m_insertReview.add({ m_random.uuid(), m_users[size_t(review.author)].id, toCode(review.kind),
                                     aboutApartment ? QVariant() : QVariant(m_users[size_t(review.targetUser)].id),
                                     aboutApartment ? QVariant(id) : QVariant(), review.rating, review.body,
                                     formatTimestamp(review.created), formatTimestamp(review.updated) });
            !done)
            return done;
    }
    m_summary.reviews += reviews.size();
    return {};
}

QList<BookingRow> Generator::bookingRows(const QList<PlannedStay> &stays, qint64 monthlyPrice, const QString &currency)
{
    QList<BookingRow> rows;
    rows.reserve(stays.size());
    for (const PlannedStay &stay : stays) {
        BookingRow row;
        row.stay = stay;
        row.totalPrice = domain::stayPrice({ monthlyPrice, currency }, stay.start.daysTo(stay.end)).minor;
        // Asked for two days to six weeks ahead; a request for dates still ahead was made
        // in the last few weeks at the latest.
        row.created = during(stay.start.addDays(-m_random.between(2, 45)), 7, 23);
        if (row.created > m_latest)
            row.created = m_latest - m_random.between(0, 20 * 24) * msPerHour;
        switch (stay.status) {
        case BookingStatus::Requested:
            row.updated = row.created;
            break;
        case BookingStatus::Cancelled: {
            // The renter changed their mind before the first night (or on the day).
            const Instant mind = row.created + m_random.between(1, 20 * 24) * msPerHour;
            const Instant lastChance = startOfDay(stay.start) + 12 * msPerHour;
            row.decided = past(std::max(row.created + 10 * msPerMinute, std::min(mind, lastChance)));
            row.updated = row.decided;
            break;
        }
        case BookingStatus::Completed:
            row.decided = past(row.created + m_random.between(1, 48) * msPerHour);
            // Time moved it to completed when the stay ended.
            row.updated = std::max(row.decided, past(startOfDay(stay.end) + m_random.between(1, 120) * msPerMinute));
            break;
        case BookingStatus::Confirmed:
        case BookingStatus::Declined:
        case BookingStatus::Blocked: // the planner makes none
            row.decided = past(row.created + m_random.between(1, 48) * msPerHour);
            row.updated = row.decided;
            break;
        }
        rows.append(row);
    }
    return rows;
}

QList<ReviewRow> Generator::reviewRows(const QList<BookingRow> &bookings, int landlordUser, DemoPin pin)
{
    QList<ReviewRow> reviews;
    QList<int> reviewedApartment; // renters who reviewed this apartment
    for (const BookingRow &booking : bookings) {
        const PlannedStay &stay = booking.stay;
        // Only after a stay, or well into one that covers today.
        const bool ended = stay.status == BookingStatus::Completed;
        const bool underway = stay.status == BookingStatus::Confirmed && stay.start.daysTo(m_today) >= 2;
        if (!ended && !underway)
            continue;
        const int renter = stay.renter;
        // The demo renter's stays behind them come with all three reviews, so that the
        // demo accounts show reviews written and received.
        const bool demoStay = renter == demoRenterUser && (pin == DemoPin::PastStay || pin == DemoPin::EarlierStay);
        const auto reviewAt = [&] {
            const Instant candidate = ended
                ? during(stay.end.addDays(m_random.between(0, 14)), 8, 23)
                : during(stay.start.addDays(m_random.between(1, int(stay.start.daysTo(m_today)) - 1)), 8, 23);
            return past(std::max(candidate, booking.decided + msPerHour));
        };
        const auto add = [&](ReviewKind kind, int author, int target) {
            ReviewRow review;
            review.kind = kind;
            review.author = author;
            review.targetUser = target;
            review.rating = randomRating();
            review.body = reviewBody(m_random, kind, m_users[size_t(author)].language, review.rating);
            review.created = reviewAt();
            review.updated =
                m_random.percent(15) ? past(review.created + m_random.between(1, 10) * msPerDay) : review.created;
            reviews.append(std::move(review));
        };
        if (!reviewedApartment.contains(renter) && (demoStay || m_random.percent(apartmentReviewChance))) {
            reviewedApartment.append(renter);
            add(ReviewKind::Apartment, renter, -1);
        }
        if (!m_reviewedLandlord.contains(renter) && (demoStay || m_random.percent(landlordReviewChance))) {
            m_reviewedLandlord.insert(renter);
            add(ReviewKind::Landlord, renter, landlordUser);
        }
        if (!m_reviewedByLandlord.contains(renter) && (demoStay || m_random.percent(renterReviewChance))) {
            m_reviewedByLandlord.insert(renter);
            add(ReviewKind::Renter, landlordUser, renter);
        }
    }
    return reviews;
}

int Generator::randomRating()
{
    static constexpr std::array<int, 5> weights { 3, 5, 12, 35, 45 }; // most stays go well
    return 1 + m_random.weighted(weights);
}

Done Generator::storeRatings()
{
    // Users' totals in one statement, as a recount of the reviews about them: a landlord's
    // reviews come from all their buildings, a renter's from any landlord.
    auto done = db::exec(m_db,
                         u"UPDATE users SET rating_sum = totals.rating_sum, rating_count = totals.rating_count "
                         "FROM (SELECT target_user_id, sum(rating) AS rating_sum, count(*) AS rating_count "
                         "      FROM reviews WHERE target_user_id IS NOT NULL GROUP BY target_user_id) AS totals "
                         "WHERE users.id = totals.target_user_id"_s);
    if (!done)
        return std::unexpected(done.error());
    return {};
}

} // namespace

DemoAccount demoLandlord()
{
    return { u"landlord@rentdesk.example"_s, u"Мария Иванова"_s, Role::Landlord, Language::Russian };
}

DemoAccount demoRenter()
{
    return { u"renter@rentdesk.example"_s, u"Oliver Bennett"_s, Role::Renter, Language::English };
}

QString demoPassword()
{
    return u"RentDesk-demo-2026"_s;
}

QString demoPasswordHash()
{
    return u"$argon2id$v=19$m=19456,t=2,p=1$9MwLjr7X+oAvYUyvBoJEoA$pac3oqMmlwyQcIf0q3e8vHcntPG3ZrNj4ztPpVZDsHc"_s;
}

Result<bool> hasData(const QSqlDatabase &db)
{
    auto found = db::scalar(db,
                            u"SELECT EXISTS (SELECT 1 FROM users) OR EXISTS (SELECT 1 FROM buildings) "
                            "OR EXISTS (SELECT 1 FROM apartments) OR EXISTS (SELECT 1 FROM bookings) "
                            "OR EXISTS (SELECT 1 FROM reviews) OR EXISTS (SELECT 1 FROM mail_outbox) "
                            "OR EXISTS (SELECT 1 FROM pending_mutations)"_s);
    if (!found)
        return std::unexpected(DomainError(found.error()));
    return found->toBool();
}

Result<QStringList> presentDemoAccounts(const QSqlDatabase &db)
{
    QStringList present;
    for (const DemoAccount &account : { demoLandlord(), demoRenter() }) {
        auto found = db::scalar(db, u"SELECT EXISTS (SELECT 1 FROM users WHERE email = :email)"_s,
                                { { u":email"_s, account.email } });
        if (!found)
            return std::unexpected(DomainError(found.error()));
        if (found->toBool())
            present.append(account.email);
    }
    return present;
}

namespace {

// The refusal a cancelled generation rolls back with: a field no other refusal names.
const QString cancelledField = QStringLiteral("cancelled");

DomainError cancelledError()
{
    return DomainError(DomainError::Code::WrongState, u"database"_s, cancelledField,
                       translated(QT_TRANSLATE_NOOP("DemoData", "Demo data was cancelled; nothing was added.")));
}

} // namespace

bool isCancelled(const DomainError &error)
{
    return error.code == DomainError::Code::WrongState && error.entity == u"database" && error.field == cancelledField;
}

Result<DemoSummary> generateDemoData(const QSqlDatabase &db, const DemoOptions &options)
{
    if (options.apartments < 1 || options.apartments > maxDemoApartments) {
        return std::unexpected(
            DomainError(DomainError::Code::InvalidValue, u"database"_s, u"apartments"_s,
                        translated(QT_TRANSLATE_NOOP("DemoData", "The demo needs between 1 and %1 apartments."))
                            .arg(maxDemoApartments)));
    }
    // Dates around it keep four-digit years, and years built stay within the schema's range.
    if (!options.today.isValid() || options.today.year() < 2000 || options.today.year() > 2199) {
        return std::unexpected(DomainError(
            DomainError::Code::InvalidValue, u"database"_s, u"today"_s,
            translated(QT_TRANSLATE_NOOP("DemoData", "The demo needs today's date, between 2000 and 2199."))));
    }
    BulkLoadSettings settings(db);
    return db::transact(db, [&]() -> Result<DemoSummary> {
        // Checked inside the write transaction, so that nothing can slip in between.
        const auto filled = hasData(db);
        if (!filled)
            return std::unexpected(filled.error());
        if (*filled) {
            return std::unexpected(
                DomainError(DomainError::Code::WrongState, u"database"_s, QString(),
                            translated(QT_TRANSLATE_NOOP("DemoData",
                                                         "The database already has data; demo data goes only into an "
                                                         "empty database."))));
        }
        QElapsedTimer timer;
        timer.start();
        const auto indexes = DeferredIndexes::drop(db, bulkTables, indexesTriggersNeed);
        if (!indexes)
            return std::unexpected(DomainError(indexes.error()));
        Generator generator(db, options);
        if (auto done = generator.run(); !done)
            return std::unexpected(DomainError(done.error()));
        if (generator.cancelled() || (options.progress && !options.progress(options.apartments, options.apartments)))
            return std::unexpected(cancelledError());
        qCDebug(lcDemo) << "rows written in" << timer.restart() << "ms";
        settings.prepareForIndexing();
        if (auto built = indexes->rebuild(db); !built)
            return std::unexpected(DomainError(built.error()));
        qCDebug(lcDemo) << "indexes built in" << timer.restart() << "ms";
        // Index the text of every new apartment now, so that the first search does not.
        if (auto indexed = query::refreshSearchIndex(db); !indexed)
            return std::unexpected(DomainError(indexed.error()));
        qCDebug(lcDemo) << "search index built in" << timer.restart() << "ms";
        return generator.summary();
    });
}

Result<QStringList> presentDemoAccounts(const db::Database &database)
{
    const auto db = services::connectionOf(database);
    if (!db)
        return std::unexpected(db.error());
    return presentDemoAccounts(*db);
}

Result<bool> hasData(const db::Database &database)
{
    const auto db = services::connectionOf(database);
    if (!db)
        return std::unexpected(db.error());
    return hasData(*db);
}

Result<DemoSummary> generateDemoData(const db::Database &database, const DemoOptions &options)
{
    const auto db = services::connectionOf(database);
    if (!db)
        return std::unexpected(db.error());
    return generateDemoData(*db, options);
}

} // namespace rentdesk::models::demo
