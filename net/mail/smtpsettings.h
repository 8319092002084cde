// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <expected>

namespace rentdesk::net::mail {

// How the connection to the mail server is protected. There is no mode that starts in
// clear and hopes for STARTTLS: StartTls requires it, and only Insecure (chosen by name,
// "smtp+insecure") ever sends anything in clear.
enum class SmtpSecurity {
    ImplicitTls, // smtps://, TLS from the first byte (port 465)
    StartTls, // smtp://, STARTTLS required before anything else (port 587)
    Insecure, // smtp+insecure://, plain text, for a local relay only (port 25)
};

// Where and how to send mail: one URL that the desktop app and rentdesk-server both read,
// smtps://user@host:465, smtp://user@host:587 or smtp+insecure://host:25. A user name with
// '@' in it is percent-encoded (smtp://ann%40example.org@mail.example.org). The password is
// never part of it: it comes from the keyring or RENTDESK_SMTP_PASSWORD.
struct SmtpSettings
{
    SmtpSecurity security = SmtpSecurity::StartTls;
    QString host;
    quint16 port = 0;
    QString user; // empty: the server takes mail without AUTH
    QString caFile; // PEM certificates trusted in addition to the system's

    [[nodiscard]] bool isConfigured() const { return !host.isEmpty(); }
    [[nodiscard]] bool needsPassword() const { return !user.isEmpty(); }
    // "localhost:587", for messages.
    [[nodiscard]] QString hostAndPort() const;
    // The URL these settings were read from, with the user name percent-encoded.
    [[nodiscard]] QString url() const;
    // The name the password is kept under in the keyring: the URL, which holds no secret.
    [[nodiscard]] QString secretKey() const { return url(); }

    friend bool operator==(const SmtpSettings &, const SmtpSettings &) = default;
};

[[nodiscard]] quint16 defaultPort(SmtpSecurity security);
[[nodiscard]] QString schemeOf(SmtpSecurity security);

// Reads an SMTP URL. The reason for a refusal is one translated sentence naming what is
// wrong: an unknown scheme, no host, a bad port, a password in the URL, a path or query.
[[nodiscard]] std::expected<SmtpSettings, QString> parseSmtpUrl(const QString &url);

} // namespace rentdesk::net::mail
