// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/query/buildingquery.h"

#include "models/db/database.h"
#include "models/db/query.h"
#include "models/query/buildingsql.h"
#include "models/query/querysupport.h"
#include "models/query/wordsearch.h"
#include "models/services/records.h"
#include "models/services/servicesteps.h"

#include <QCoreApplication>

namespace rentdesk::models::query {

using namespace Qt::StringLiterals;
using detail::failure;
using services::DomainError;
using services::Result;

namespace {

constexpr qsizetype MaxTextLength = 200;

std::optional<DomainError> validate(const BuildingFilter &f)
{
    if (f.text.size() > MaxTextLength) {
        return detail::invalidFilter(
            "BuildingQuery", "text",
            QT_TRANSLATE_NOOP("BuildingQuery", "The search text may be at most 200 characters long."));
    }
    if (f.ownerId && f.ownerId->isNull())
        return detail::invalidFilter("BuildingQuery", "owner",
                                     QT_TRANSLATE_NOOP("BuildingQuery", "The landlord is not known."));
    return std::nullopt;
}

std::optional<DomainError> validatePage(int offset, int limit)
{
    if (limit < 1 || limit > BuildingQuery::MaxLimit)
        return detail::invalidFilter("BuildingQuery", "limit",
                                     QT_TRANSLATE_NOOP("BuildingQuery", "A page holds 1 to 1000 buildings."));
    if (offset < 0)
        return detail::invalidFilter(
            "BuildingQuery", "offset",
            QT_TRANSLATE_NOOP("BuildingQuery", "A page cannot start before the first building."));
    return std::nullopt;
}

// The filter's words, with rentdesk_has_words() made known to the connection when there
// are any.
Result<QStringList> wordsFor(const QSqlDatabase &db, const BuildingFilter &filter)
{
    const QStringList words = searchWords(filter.text);
    if (!words.isEmpty()) {
        if (auto ready = ensureWordSearch(db); !ready)
            return failure(ready.error());
    }
    return words;
}

Result<BuildingRow> readRow(const QSqlQuery &q)
{
    auto building = services::readBuilding(q);
    if (!building) {
        DomainError error = building.error();
        error.message =
            QCoreApplication::translate("BuildingQuery", "Building %1: %2").arg(q.value(0).toString(), error.message);
        return std::unexpected(error);
    }
    BuildingRow row;
    row.building = std::move(*building);
    row.ownerName = q.value(detail::BuildingOwnerName).toString();
    row.apartments = q.value(detail::BuildingApartments).toInt();
    return row;
}

} // namespace

BuildingQuery::BuildingQuery(std::shared_ptr<db::Database> database)
    : m_database(std::move(database))
{
}

Result<QList<BuildingRow>> BuildingQuery::fetch(const BuildingFilter &filter, const BuildingSort &sort, int offset,
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
    auto words = wordsFor(db, filter);
    if (!words)
        return std::unexpected(words.error());
    return detail::readRows<BuildingRow>(db, detail::buildingPage(filter, *words, sort, offset, limit), readRow, limit);
}

Result<qint64> BuildingQuery::count(const BuildingFilter &filter) const
{
    if (auto refused = validate(filter))
        return std::unexpected(*refused);
    const auto connection = services::connectionOf(*m_database);
    if (!connection)
        return std::unexpected(connection.error());
    const QSqlDatabase &db = *connection;
    auto words = wordsFor(db, filter);
    if (!words)
        return std::unexpected(words.error());
    return detail::countOf(db, detail::buildingCount(filter, *words));
}

Result<QStringList> BuildingQuery::cities() const
{
    const auto connection = services::connectionOf(*m_database);
    if (!connection)
        return std::unexpected(connection.error());
    auto query = db::exec(*connection, u"SELECT DISTINCT city FROM buildings ORDER BY city"_s);
    if (!query)
        return failure(query.error());
    QStringList cities;
    while (query->next())
        cities.append(query->value(0).toString());
    return cities;
}

} // namespace rentdesk::models::query
