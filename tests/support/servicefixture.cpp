// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/servicefixture.h"

#include "models/db/query.h"
#include "models/domain/storedvalues.h"

#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>

namespace rentdesk::test {

using namespace Qt::StringLiterals;
using namespace rentdesk::models::services;

namespace {

ServiceContext makeContext(const TempDatabase &db, const Clock &clock, Mode mode)
{
    return ServiceContext(db.shared(), clock, mode);
}

} // namespace

ServiceFixture::ServiceFixture(Mode mode)
    : clock(QDateTime(QDate(2026, 6, 1), QTime(10, 0), Qt::UTC))
    , accounts(makeContext(m_db, clock, mode))
    , listings(makeContext(m_db, clock, mode))
    , bookings(makeContext(m_db, clock, mode))
    , reviews(makeContext(m_db, clock, mode))
    , chat(makeContext(m_db, clock, mode))
    , sessions(makeContext(m_db, clock, mode))
{
}

ServiceContext ServiceFixture::context(Mode mode) const
{
    return makeContext(m_db, clock, mode);
}

QUuid ServiceFixture::addUser(models::domain::Role role, const QString &name)
{
    const QUuid id = models::domain::newId();
    const QString email = name.toLower().remove(u' ') + QString::number(++m_users) + u"@example.org"_s;
    Rows rows(connection());
    const QString refused = rows.insert(u"users"_s,
                                        { { u"id"_s, models::domain::toStoredId(id) },
                                          { u"email"_s, email },
                                          { u"display_name"_s, name },
                                          { u"role"_s, models::domain::toCode(role) },
                                          { u"language"_s, u"en"_s },
                                          { u"created_at"_s, timestamp() },
                                          { u"updated_at"_s, timestamp() } });
    if (!refused.isEmpty())
        qWarning() << "addUser refused:" << refused;
    return id;
}

QString ServiceFixture::emailOf(const QUuid &user) const
{
    auto email = models::db::scalar(connection(), u"SELECT email FROM users WHERE id = :id"_s,
                                    { { u":id"_s, models::domain::toStoredId(user) } });
    return email ? email->toString() : QString();
}

QUuid ServiceFixture::addBuilding(const QUuid &owner, const QString &name)
{
    auto building = listings.createBuilding(owner, { name, u"1 River Street"_s, u"Kazan"_s, 9, 1998 });
    if (!building) {
        qWarning() << "addBuilding refused:" << building.error().message;
        return {};
    }
    return building->id;
}

QUuid ServiceFixture::addApartment(const QUuid &owner, const QUuid &building, const QString &number,
                                   qint64 monthlyPrice)
{
    ListingService::ApartmentDraft draft;
    draft.buildingId = building;
    draft.number = number;
    draft.floor = 2;
    draft.rooms = 2;
    draft.areaSqm = 48.5;
    draft.monthlyPrice = { monthlyPrice, u"RUB"_s };
    draft.description = u"Bright, quiet, near the river."_s;
    auto apartment = listings.createApartment(owner, draft);
    if (!apartment) {
        qWarning() << "addApartment refused:" << apartment.error().message;
        return {};
    }
    return apartment->id;
}

QUuid ServiceFixture::addStay(const QUuid &renter, const QUuid &owner, const QUuid &apartment, QDate start, QDate end)
{
    auto requested = bookings.request(renter, apartment, start, end);
    if (!requested) {
        qWarning() << "addStay request refused:" << requested.error().message;
        return {};
    }
    auto confirmed = bookings.confirm(owner, requested->id);
    if (!confirmed) {
        qWarning() << "addStay confirm refused:" << confirmed.error().message;
        return {};
    }
    return requested->id;
}

qint64 ServiceFixture::count(const QString &table) const
{
    // The table name is the test's own constant.
    auto value = models::db::scalar(connection(), u"SELECT count(*) FROM "_s + table);
    return value ? value->toLongLong() : -1;
}

bool ServiceFixture::run(const QString &sql) const
{
    QSqlQuery query(connection());
    if (query.exec(sql))
        return true;
    m_lastFailure = query.lastError().text();
    return false;
}

bool looksLikeSql(const QString &message)
{
    static const QRegularExpression sql(
        u"constraint failed|\\bSQL|sqlite|\\bUNIQUE\\b|\\bCHECK\\b|FOREIGN KEY|\\bSELECT\\b|\\bINSERT\\b|\\bUPDATE\\b|"
        "_fk\\b|_idx\\b|_unique\\b|_range\\b|_code\\b|Unable to"_s);
    return message.isEmpty() || sql.match(message).hasMatch();
}

} // namespace rentdesk::test
