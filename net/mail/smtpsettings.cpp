// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/mail/smtpsettings.h"

#include <QCoreApplication>
#include <QUrl>

namespace rentdesk::net::mail {

using namespace Qt::StringLiterals;

quint16 defaultPort(SmtpSecurity security)
{
    switch (security) {
    case SmtpSecurity::ImplicitTls:
        return 465;
    case SmtpSecurity::StartTls:
        return 587;
    case SmtpSecurity::Insecure:
        return 25;
    }
    return 587;
}

QString schemeOf(SmtpSecurity security)
{
    switch (security) {
    case SmtpSecurity::ImplicitTls:
        return u"smtps"_s;
    case SmtpSecurity::StartTls:
        return u"smtp"_s;
    case SmtpSecurity::Insecure:
        return u"smtp+insecure"_s;
    }
    return u"smtp"_s;
}

QString SmtpSettings::hostAndPort() const
{
    // An IPv6 literal needs its brackets to be read back.
    const QString shownHost = host.contains(u':') ? u'[' + host + u']' : host;
    return shownHost + u':' + QString::number(port);
}

QString SmtpSettings::url() const
{
    if (host.isEmpty())
        return {};
    QUrl url;
    url.setScheme(schemeOf(security));
    url.setHost(host);
    url.setPort(port);
    if (!user.isEmpty())
        url.setUserName(user, QUrl::DecodedMode);
    // QUrl leaves '@' in a user name as it is, which would end the user part early when
    // read back; RFC 3986 wants it percent-encoded there.
    QString text = url.toString(QUrl::FullyEncoded);
    if (!user.isEmpty()) {
        const QString encodedUser = QString::fromLatin1(QUrl::toPercentEncoding(user));
        const qsizetype start = text.indexOf(u"://"_s) + 3;
        const qsizetype end = text.lastIndexOf(u'@');
        text.replace(start, end - start, encodedUser);
    }
    return text;
}

std::expected<SmtpSettings, QString> parseSmtpUrl(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return std::unexpected(QCoreApplication::translate("SmtpSettings", "The mail server URL is empty."));
    const QUrl url(trimmed, QUrl::StrictMode);
    if (!url.isValid())
        return std::unexpected(
            QCoreApplication::translate("SmtpSettings", "\"%1\" is not a valid mail server URL (%2).")
                .arg(trimmed, url.errorString()));

    SmtpSettings settings;
    const QString scheme = url.scheme().toLower();
    if (scheme == u"smtps")
        settings.security = SmtpSecurity::ImplicitTls;
    else if (scheme == u"smtp")
        settings.security = SmtpSecurity::StartTls;
    else if (scheme == u"smtp+insecure")
        settings.security = SmtpSecurity::Insecure;
    else
        return std::unexpected(QCoreApplication::translate(
                                   "SmtpSettings", "\"%1\" does not start with smtps://, smtp:// or smtp+insecure://.")
                                   .arg(trimmed));

    settings.host = url.host(QUrl::FullyDecoded);
    if (settings.host.isEmpty())
        return std::unexpected(
            QCoreApplication::translate("SmtpSettings", "\"%1\" names no mail server host.").arg(trimmed));
    if (!url.password().isEmpty())
        return std::unexpected(
            QCoreApplication::translate("SmtpSettings",
                                        "The mail server URL must not hold the password: keep it in the keyring or in "
                                        "RENTDESK_SMTP_PASSWORD."));
    if (!url.path().isEmpty() && url.path() != u"/")
        return std::unexpected(
            QCoreApplication::translate("SmtpSettings",
                                        "\"%1\" has a path; a mail server URL has only a user, a host and a port.")
                .arg(trimmed));
    if (url.hasQuery() || url.hasFragment())
        return std::unexpected(QCoreApplication::translate(
                                   "SmtpSettings",
                                   "\"%1\" has a query or a fragment; a mail server URL has only a user, a host and "
                                   "a port.")
                                   .arg(trimmed));
    const int port = url.port(defaultPort(settings.security));
    if (port < 1 || port > 65535)
        return std::unexpected(QCoreApplication::translate("SmtpSettings", "\"%1\" has no valid port.").arg(trimmed));
    settings.port = quint16(port);
    settings.user = url.userName(QUrl::FullyDecoded);
    return settings;
}

} // namespace rentdesk::net::mail
