// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/services/accountservice.h"

#include "models/db/query.h"
#include "models/db/transaction.h"
#include "models/domain/storedvalues.h"
#include "models/services/emailaddress.h"
#include "models/services/passwords.h"
#include "models/services/records.h"
#include "models/services/servicesteps.h"
#include "models/services/unicodetext.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QRegularExpression>

namespace rentdesk::models::services {

using namespace Qt::StringLiterals;
using namespace rentdesk::models::domain;
using Code = DomainError::Code;

namespace {

DomainError invalid(const char *field, const QString &message)
{
    return DomainError(Code::InvalidValue, u"user"_s, QString::fromLatin1(field), message);
}

DomainError wrongCredentials()
{
    return DomainError(Code::WrongCredentials, u"user"_s, u"password"_s,
                       QCoreApplication::translate("AccountService", "The e-mail address or the password is wrong."));
}

Result<QString> checkedDisplayName(const QString &name)
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty())
        return std::unexpected(
            invalid("displayName", QCoreApplication::translate("AccountService", "Enter your name.")));
    if (trimmed.size() > 200) {
        return std::unexpected(invalid(
            "displayName", QCoreApplication::translate("AccountService", "Use at most 200 characters for the name.")));
    }
    for (const char32_t c : unicodetext::codePoints(trimmed)) {
        const QChar::Category category = QChar::category(c);
        if (category == QChar::Other_Control || category == QChar::Separator_Line
            || category == QChar::Separator_Paragraph) {
            return std::unexpected(invalid(
                "displayName",
                QCoreApplication::translate("AccountService", "The name contains an invisible control character.")));
        }
        // Text-direction controls would turn the rest of a chat line around, and zero-width
        // characters make a name look like another or like none. A variation selector is
        // what an emoji keyboard puts after a heart: kept.
        if (unicodetext::isInvisible(c) && !unicodetext::isVariationSelector(c)) {
            return std::unexpected(invalid(
                "displayName",
                QCoreApplication::translate("AccountService",
                                            "The name contains an invisible character (%1), such as a zero-width "
                                            "space or a text-direction mark; type it again without it.")
                    .arg(unicodetext::codePointName(c))));
        }
        if (category == QChar::Other_Surrogate) {
            return std::unexpected(
                invalid("displayName",
                        QCoreApplication::translate("AccountService",
                                                    "The name contains a code point that is not a character (%1).")
                            .arg(unicodetext::codePointName(c))));
        }
    }
    return trimmed;
}

Result<QString> checkedPhone(const QString &phone)
{
    static const QRegularExpression allowed(u"^[0-9 ()+-]{3,32}$"_s);
    const QString trimmed = phone.simplified();
    if (trimmed.isEmpty())
        return QString();
    if (!allowed.match(trimmed).hasMatch()) {
        return std::unexpected(invalid(
            "phone",
            QCoreApplication::translate("AccountService",
                                        "A phone number has 3 to 32 characters: digits, spaces, +, - and brackets.")));
    }
    return trimmed;
}

} // namespace

AccountService::AccountService(ServiceContext context)
    : m_context(std::move(context))
{
}

Result<QString> AccountService::normalizedEmail(const QString &email)
{
    return emailaddress::normalized(email);
}

Result<void> AccountService::requireAuthority() const
{
    if (m_context.mode() == Mode::Connected) {
        return std::unexpected(
            DomainError(Code::NotInThisMode, u"user"_s, QString(),
                        QCoreApplication::translate("AccountService",
                                                    "Accounts of a connected database are managed on the server.")));
    }
    return {};
}

Result<User> AccountService::signUp(const SignUp &request) const
{
    if (auto allowed = requireAuthority(); !allowed)
        return std::unexpected(allowed.error());
    auto email = normalizedEmail(request.email);
    if (!email)
        return std::unexpected(email.error());
    auto name = checkedDisplayName(request.displayName);
    if (!name)
        return std::unexpected(name.error());
    if (auto weak = passwords::policyViolation(request.password, *email, *name))
        return std::unexpected(DomainError(Code::WeakPassword, u"user"_s, u"password"_s, *weak));
    auto phone = checkedPhone(request.phone);
    if (!phone)
        return std::unexpected(phone.error());

    const auto connection = connectionOf(m_context);
    if (!connection)
        return std::unexpected(connection.error());
    const QSqlDatabase &db = *connection;
    const auto taken = [&]() -> Result<bool> {
        auto found = db::scalar(db, u"SELECT count(*) FROM users WHERE email = :email"_s, { { u":email"_s, *email } });
        if (!found)
            return std::unexpected(DomainError(found.error()));
        return found->toInt() > 0;
    };
    const auto emailTaken = [] {
        return DomainError(Code::EmailTaken, u"user"_s, u"email"_s,
                           QCoreApplication::translate("AccountService", "This e-mail address is already registered."));
    };
    // Answer a taken address before spending the time of hashing; the unique index still
    // decides if two sign-ups race.
    if (auto already = taken(); !already)
        return std::unexpected(already.error());
    else if (*already)
        return std::unexpected(emailTaken());

    // Hashing takes tens of milliseconds: do it before taking the write lock.
    const QString hash = passwords::hash(request.password);
    if (hash.isEmpty()) {
        return std::unexpected(DomainError(
            Code::Storage, u"user"_s, u"password"_s,
            QCoreApplication::translate("AccountService", "Not enough memory to protect the password; try again.")));
    }

    User user;
    user.id = newId();
    user.email = *email;
    user.displayName = *name;
    user.phone = *phone;
    user.role = request.role;
    user.language = request.language;
    user.createdAt = m_context.clock().now().toUTC();
    user.updatedAt = user.createdAt;
    const QString now = toStoredTimestamp(user.createdAt);

    auto created = db::transact(db, [&]() -> Result<void> {
        auto inserted =
            db::exec(db,
                     u"INSERT INTO users (id, email, display_name, phone, role, language, password_hash, "
                     "created_at, updated_at) VALUES (:id, :email, :name, :phone, :role, :language, :hash, "
                     ":now, :now)"_s,
                     { { u":id"_s, toStoredId(user.id) },
                       { u":email"_s, user.email },
                       { u":name"_s, user.displayName },
                       { u":phone"_s, user.phone.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : user.phone },
                       { u":role"_s, toCode(user.role) },
                       { u":language"_s, toCode(user.language) },
                       { u":hash"_s, hash },
                       { u":now"_s, now } });
        if (!inserted) {
            if (inserted.error().isConstraint(db::DbError::ConstraintKind::Unique))
                return std::unexpected(emailTaken());
            return std::unexpected(DomainError(inserted.error()));
        }
        if (!request.welcomeMail)
            return {};
        return queueMail(m_context, db, MailEvent::Welcome, user.id,
                         QJsonObject { { u"displayName"_s, user.displayName }, { u"role"_s, toCode(user.role) } });
    });
    if (!created)
        return std::unexpected(created.error());
    return user;
}

Result<User> AccountService::logIn(const QString &email, const QString &password) const
{
    if (auto allowed = requireAuthority(); !allowed)
        return std::unexpected(allowed.error());
    if (email.trimmed().isEmpty())
        return std::unexpected(
            invalid("email", QCoreApplication::translate("AccountService", "Enter your e-mail address.")));
    if (password.isEmpty())
        return std::unexpected(
            invalid("password", QCoreApplication::translate("AccountService", "Enter your password.")));

    const auto connection = connectionOf(m_context);
    if (!connection)
        return std::unexpected(connection.error());
    const QSqlDatabase &db = *connection;
    // The address in today's normal form first. An account stored under the older rule (only
    // trimmed and lower-cased) whose address today's rules refuse or spell otherwise is still
    // found by that rule, so that nobody is locked out; no new account can be made that way.
    // Where both forms name an account, today's wins: the other was a look-alike of it.
    QStringList keys;
    if (auto normalized = normalizedEmail(email))
        keys.append(*normalized);
    if (const QString legacy = email.trimmed().toLower(); !keys.contains(legacy))
        keys.append(legacy);
    std::optional<db::Query> query;
    for (const QString &key : std::as_const(keys)) {
        auto found = db::exec(
            db, u"SELECT "_s + userColumns(u"u"_s) + u", u.password_hash FROM users AS u WHERE u.email = :email"_s,
            { { u":email"_s, key } });
        if (!found)
            return std::unexpected(DomainError(found.error()));
        if (found->next()) {
            query = std::move(*found);
            break;
        }
    }
    if (!query) {
        passwords::verifyNothing(password);
        return std::unexpected(wrongCredentials());
    }
    const QString stored = query->value(UserColumnCount).toString();
    auto user = readUser(*query);
    if (!user)
        return std::unexpected(user.error());
    if (!passwords::verify(stored, password))
        return std::unexpected(wrongCredentials());

    if (passwords::needsRehash(stored)) {
        // The cost was raised since this password was stored: store it at today's cost.
        const QString upgraded = passwords::hash(password);
        if (!upgraded.isEmpty()) {
            auto updated = db::exec(db, u"UPDATE users SET password_hash = :hash WHERE id = :id"_s,
                                    { { u":hash"_s, upgraded }, { u":id"_s, toStoredId(user->id) } });
            if (!updated)
                return std::unexpected(DomainError(updated.error()));
        }
    }
    return user;
}

Result<void> AccountService::changePassword(const QUuid &actor, const QString &current,
                                            const QString &replacement) const
{
    if (auto allowed = requireAuthority(); !allowed)
        return std::unexpected(allowed.error());
    const auto connection = connectionOf(m_context);
    if (!connection)
        return std::unexpected(connection.error());
    const QSqlDatabase &db = *connection;
    auto user = actingUser(db, actor);
    if (!user)
        return std::unexpected(user.error());
    auto stored =
        db::scalar(db, u"SELECT password_hash FROM users WHERE id = :id"_s, { { u":id"_s, toStoredId(actor) } });
    if (!stored)
        return std::unexpected(DomainError(stored.error()));
    if (!passwords::verify(stored->toString(), current)) {
        return std::unexpected(
            DomainError(Code::WrongCredentials, u"user"_s, u"currentPassword"_s,
                        QCoreApplication::translate("AccountService", "The current password is wrong.")));
    }
    if (auto weak = passwords::policyViolation(replacement, user->email, user->displayName))
        return std::unexpected(DomainError(Code::WeakPassword, u"user"_s, u"newPassword"_s, *weak));
    if (replacement == current) {
        return std::unexpected(DomainError(
            Code::WeakPassword, u"user"_s, u"newPassword"_s,
            QCoreApplication::translate("AccountService", "The new password is the same as the current one.")));
    }
    const QString hash = passwords::hash(replacement);
    if (hash.isEmpty()) {
        return std::unexpected(DomainError(
            Code::Storage, u"user"_s, u"newPassword"_s,
            QCoreApplication::translate("AccountService", "Not enough memory to protect the password; try again.")));
    }
    auto updated =
        db::exec(db, u"UPDATE users SET password_hash = :hash, updated_at = :now WHERE id = :id"_s,
                 { { u":hash"_s, hash }, { u":now"_s, m_context.nowStored() }, { u":id"_s, toStoredId(actor) } });
    if (!updated)
        return std::unexpected(DomainError(updated.error()));
    return {};
}

} // namespace rentdesk::models::services
