// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/query/apartmentquery.h"

#include "models/db/database.h"
#include "models/db/query.h"
#include "models/db/transaction.h"
#include "models/domain/storedvalues.h"
#include "models/query/apartmentsql.h"
#include "models/query/searchindex.h"
#include "models/query/searchtext.h"
#include "models/services/records.h"
#include "models/services/servicesteps.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>

#include <cmath>
#include <functional>

namespace rentdesk::models::query {

using namespace Qt::StringLiterals;
using services::DomainError;
using services::Result;
using Code = DomainError::Code;
using detail::failure;

namespace {

// Up to this many full-text matches, the matches drive the query (each is looked up and
// tested); beyond it they become a membership test and SQLite walks its best index, the
// sort's for a page. Measured at 200000 apartments: driving costs about 2 µs per match,
// walking the price index about 0.3 µs per row passed plus 0.1 µs per match.
constexpr qint64 DriveTextMatchesUpTo = 4000;

constexpr qsizetype MaxTextLength = 200;

QString translated(const char *text)
{
    return QCoreApplication::translate("ApartmentQuery", text);
}

DomainError invalid(const char *field, const char *text)
{
    return DomainError(Code::InvalidValue, u"filter"_s, QString::fromLatin1(field), translated(text));
}

bool validNumber(const std::optional<double> &value)
{
    return !value || std::isfinite(*value);
}

std::optional<DomainError> validate(const ApartmentFilter &f)
{
    if ((f.minPrice && *f.minPrice < 0) || (f.maxPrice && *f.maxPrice < 0))
        return invalid("price", QT_TRANSLATE_NOOP("ApartmentQuery", "A price cannot be negative."));
    if (f.minPrice && f.maxPrice && *f.minPrice > *f.maxPrice)
        return invalid("price", QT_TRANSLATE_NOOP("ApartmentQuery", "The lowest price is above the highest price."));
    static const QRegularExpression currencyCode(u"^[A-Z]{3}$"_s);
    if (!f.currency.isEmpty() && !currencyCode.match(f.currency).hasMatch()) {
        return invalid("currency",
                       QT_TRANSLATE_NOOP("ApartmentQuery", "The currency must be a three-letter code such as RUB."));
    }
    if ((f.minPrice || f.maxPrice) && f.currency.isEmpty()) {
        return invalid("currency",
                       QT_TRANSLATE_NOOP("ApartmentQuery",
                                         "Choose the currency of the price range: prices in "
                                         "different currencies do not compare."));
    }
    if ((f.minRooms && *f.minRooms < 0) || (f.maxRooms && *f.maxRooms < 0))
        return invalid("rooms", QT_TRANSLATE_NOOP("ApartmentQuery", "The number of rooms cannot be negative."));
    if (f.minRooms && f.maxRooms && *f.minRooms > *f.maxRooms) {
        return invalid("rooms",
                       QT_TRANSLATE_NOOP("ApartmentQuery", "The minimum number of rooms is above the maximum."));
    }
    if (!validNumber(f.minArea) || !validNumber(f.maxArea) || (f.minArea && *f.minArea < 0)
        || (f.maxArea && *f.maxArea < 0)) {
        return invalid(
            "area", QT_TRANSLATE_NOOP("ApartmentQuery", "The area must be a number of square metres, not negative."));
    }
    if (f.minArea && f.maxArea && *f.minArea > *f.maxArea)
        return invalid("area", QT_TRANSLATE_NOOP("ApartmentQuery", "The smallest area is above the largest area."));
    if (f.freeFrom.has_value() != f.freeTo.has_value()
        || (f.freeFrom && (!f.freeFrom->isValid() || !f.freeTo->isValid())))
        return invalid("dates", QT_TRANSLATE_NOOP("ApartmentQuery", "Choose both dates of the stay."));
    if (f.freeFrom && *f.freeTo <= *f.freeFrom)
        return invalid("dates", QT_TRANSLATE_NOOP("ApartmentQuery", "The stay must end after the day it starts."));
    if (f.minRating && !(*f.minRating >= 1 && *f.minRating <= 5)) // also refuses NaN
        return invalid("rating", QT_TRANSLATE_NOOP("ApartmentQuery", "The minimum rating must be from 1 to 5 stars."));
    if (f.text.size() > MaxTextLength) {
        return invalid("text",
                       QT_TRANSLATE_NOOP("ApartmentQuery", "The search text may be at most 200 characters long."));
    }
    if (f.ownerId && f.ownerId->isNull())
        return invalid("owner", QT_TRANSLATE_NOOP("ApartmentQuery", "The landlord is not known."));
    return std::nullopt;
}

std::optional<DomainError> validatePage(int offset, int limit)
{
    if (limit < 1 || limit > ApartmentQuery::MaxLimit)
        return invalid("limit", QT_TRANSLATE_NOOP("ApartmentQuery", "A page holds 1 to 1000 apartments."));
    if (offset < 0)
        return invalid("offset",
                       QT_TRANSLATE_NOOP("ApartmentQuery", "A page cannot start before the first apartment."));
    return std::nullopt;
}

// Runs a search on an index that is current in the search's own snapshot. Usually nothing
// changed since the last search and a read snapshot suffices; otherwise the stale rows are
// rewritten and the search runs in the same write transaction, so that no change can slip
// in between.
template<typename T> Result<T> withCurrentSearchIndex(const QSqlDatabase &db, const std::function<Result<T>()> &search)
{
    if (db::inTransaction(db)) {
        if (auto refreshed = refreshSearchIndex(db); !refreshed)
            return failure(refreshed.error());
        return search();
    }
    {
        detail::ReadSnapshot snapshot(db);
        if (auto begun = snapshot.begin(); !begun)
            return failure(begun.error());
        auto stale = searchIndexIsStale(db);
        if (!stale)
            return failure(stale.error());
        if (!*stale)
            return search();
    }
    return db::transact(db, [&]() -> Result<T> {
        if (auto refreshed = refreshSearchIndex(db); !refreshed)
            return failure(refreshed.error());
        return search();
    });
}

// Reads one row of detail::pageStatement(). A value that is not in its stored form (the
// schema's constraints keep them out, so the file was damaged or edited) fails the page.
Result<ApartmentRow> readRow(const QSqlQuery &q)
{
    using namespace detail;
    // The page's first columns are the apartment's, in services::apartmentColumns() order.
    static_assert(BuildingName == services::ApartmentColumnCount);
    auto apartment = services::readApartment(q, Id);
    if (!apartment) {
        DomainError error = apartment.error();
        error.message = translated(QT_TRANSLATE_NOOP("ApartmentQuery", "Apartment %1: %2"))
                            .arg(q.value(Id).toString(), error.message);
        return std::unexpected(error);
    }
    ApartmentRow row;
    row.apartment = std::move(*apartment);
    row.buildingName = q.value(BuildingName).toString();
    row.address = q.value(Address).toString();
    row.city = q.value(City).toString();
    row.ownerName = q.value(OwnerName).toString();
    return row;
}

Result<QList<ApartmentRow>> readPage(const QSqlDatabase &db, const detail::Statement &statement, int limit)
{
    auto query = db::exec(db, statement.sql, statement.bindings);
    if (!query)
        return failure(query.error());
    QList<ApartmentRow> rows;
    rows.reserve(limit);
    while (query->next()) {
        auto row = readRow(*query);
        if (!row)
            return std::unexpected(row.error());
        rows.append(std::move(*row));
    }
    if (query->lastError().isValid())
        return failure(db::classify(query->lastError(), db));
    return rows;
}

} // namespace

ApartmentQuery::ApartmentQuery(std::shared_ptr<db::Database> database)
    : m_database(std::move(database))
{
}

Result<QList<ApartmentRow>> ApartmentQuery::fetch(const ApartmentFilter &filter, const ApartmentSort &sort, int offset,
                                                  int limit) const
{
    if (auto refused = validate(filter))
        return std::unexpected(*refused);
    if (auto refused = validatePage(offset, limit))
        return std::unexpected(*refused);
    const auto connection = services::connectionOf(*m_database);
    if (!connection)
        return std::unexpected(connection.error());
    const QSqlDatabase &db = *connection;
    const QString ftsQuery = toFtsQuery(filter.text);
    if (ftsQuery.isEmpty())
        return readPage(db, detail::pageStatement(filter, {}, sort, offset, limit), limit);

    return withCurrentSearchIndex<QList<ApartmentRow>>(db, [&]() -> Result<QList<ApartmentRow>> {
        auto matches = detail::countOf(db, detail::textMatchCount(ftsQuery));
        if (!matches)
            return std::unexpected(matches.error());
        if (*matches == 0)
            return QList<ApartmentRow>();
        const detail::TextCondition text { ftsQuery,
                                           *matches <= DriveTextMatchesUpTo ? detail::TextUse::Drive
                                                                            : detail::TextUse::Test };
        return readPage(db, detail::pageStatement(filter, text, sort, offset, limit), limit);
    });
}

Result<qint64> ApartmentQuery::count(const ApartmentFilter &filter) const
{
    if (auto refused = validate(filter))
        return std::unexpected(*refused);
    const auto connection = services::connectionOf(*m_database);
    if (!connection)
        return std::unexpected(connection.error());
    const QSqlDatabase &db = *connection;
    const QString ftsQuery = toFtsQuery(filter.text);
    if (ftsQuery.isEmpty())
        return detail::countOf(db, detail::countStatement(filter, {}));

    return withCurrentSearchIndex<qint64>(db, [&]() -> Result<qint64> {
        auto matches = detail::countOf(db, detail::textMatchCount(ftsQuery));
        if (!matches)
            return std::unexpected(matches.error());
        // The index holds exactly one row per apartment once it is current, so the text
        // alone is counted in the index.
        if (*matches == 0 || !detail::hasConditionBesidesText(filter))
            return *matches;
        const detail::TextCondition text { ftsQuery,
                                           *matches <= DriveTextMatchesUpTo ? detail::TextUse::Drive
                                                                            : detail::TextUse::Test };
        return detail::countOf(db, detail::countStatement(filter, text));
    });
}

Result<QStringList> ApartmentQuery::cities() const
{
    const auto connection = services::connectionOf(*m_database);
    if (!connection)
        return std::unexpected(connection.error());
    const QSqlDatabase &db = *connection;
    // Each city is checked once, at its first building with an apartment.
    auto query = db::exec(db,
                          u"SELECT c.city FROM (SELECT DISTINCT city FROM buildings) AS c "
                          "WHERE EXISTS (SELECT 1 FROM buildings AS b JOIN apartments AS a ON a.building_id = b.id "
                          "WHERE b.city = c.city) "
                          "ORDER BY c.city"_s);
    if (!query)
        return failure(query.error());
    QStringList cities;
    while (query->next())
        cities.append(query->value(0).toString());
    return cities;
}

} // namespace rentdesk::models::query
