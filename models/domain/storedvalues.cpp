// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/domain/storedvalues.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace rentdesk::models::domain {

using namespace Qt::StringLiterals;

namespace {

QString what(const char *text)
{
    return QCoreApplication::translate("CodeError", text);
}

QString shown(const QVariant &stored)
{
    return stored.isNull() ? u"NULL"_s : stored.toString();
}

} // namespace

QString toStoredId(const QUuid &id)
{
    return id.toString(QUuid::WithoutBraces);
}

QUuid newId()
{
    return QUuid::createUuid();
}

std::expected<QUuid, CodeError> idFromStored(const QVariant &stored)
{
    static const QRegularExpression form(u"\\A[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\\z"_s);
    const QString text = stored.toString();
    if (stored.typeId() != QMetaType::QString || !form.match(text).hasMatch()) {
        return std::unexpected(CodeError { what(QT_TRANSLATE_NOOP("CodeError", "identifier")), shown(stored),
                                           what(QT_TRANSLATE_NOOP("CodeError", "a lowercase UUID without braces")) });
    }
    return QUuid::fromString(text);
}

QString toStoredDate(QDate date)
{
    return date.toString(Qt::ISODate);
}

std::expected<QDate, CodeError> dateFromStored(const QVariant &stored)
{
    // PostgreSQL stores stays in a date column, which its driver hands over as a QDate.
    if (stored.typeId() == QMetaType::QDate && stored.toDate().isValid())
        return stored.toDate();
    const QString text = stored.toString();
    const QDate date = QDate::fromString(text, u"yyyy-MM-dd"_s);
    // fromString is lenient about a few forms; require the exact round trip.
    if (stored.typeId() != QMetaType::QString || !date.isValid() || toStoredDate(date) != text) {
        return std::unexpected(CodeError { what(QT_TRANSLATE_NOOP("CodeError", "date")), shown(stored),
                                           what(QT_TRANSLATE_NOOP("CodeError", "a date written YYYY-MM-DD")) });
    }
    return date;
}

QString toStoredTimestamp(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODateWithMs);
}

std::expected<QDateTime, CodeError> timestampFromStored(const QVariant &stored)
{
    static const QRegularExpression form(u"\\A\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z\\z"_s);
    const QString text = stored.toString();
    const QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
    // QDateTime reads 24:00:00 as the next midnight; a stored time is written one way only.
    if (stored.typeId() != QMetaType::QString || !form.match(text).hasMatch() || !time.isValid()
        || toStoredTimestamp(time) != text) {
        return std::unexpected(
            CodeError { what(QT_TRANSLATE_NOOP("CodeError", "timestamp")), shown(stored),
                        what(QT_TRANSLATE_NOOP("CodeError", "UTC time written YYYY-MM-DDThh:mm:ss.zzzZ")) });
    }
    return time.toUTC();
}

int toStoredBool(bool value)
{
    return value ? 1 : 0;
}

std::expected<bool, CodeError> boolFromStored(const QVariant &stored)
{
    bool isNumber = false;
    const qlonglong number = stored.toLongLong(&isNumber);
    const bool integral = stored.typeId() == QMetaType::LongLong || stored.typeId() == QMetaType::Int
        || stored.typeId() == QMetaType::ULongLong || stored.typeId() == QMetaType::UInt;
    if (!integral || !isNumber || (number != 0 && number != 1)) {
        return std::unexpected(CodeError { what(QT_TRANSLATE_NOOP("CodeError", "yes/no value")), shown(stored),
                                           what(QT_TRANSLATE_NOOP("CodeError", "0 or 1")) });
    }
    return number == 1;
}

} // namespace rentdesk::models::domain
