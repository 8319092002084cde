// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/domain/enums.h"
#include "models/services/domainerror.h"

#include <QJsonObject>
#include <QString>

namespace rentdesk::models::mail {

// A notification ready to be put into a message: the subject and the same body as plain
// text and as HTML.
struct ComposedMail
{
    QString subject;
    QString text;
    QString html;
};

// Writes the mail of an outbox row in the recipient's language (not the language of the
// program that sends it): the template resources/mail/<language>/<event>.txt with its
// placeholders filled from params (what the service stored when it queued the mail), dates
// and money written as that language's locale writes them, and the words of
// resources/mail/<language>/phrases.txt. A placeholder the template names but params lack
// is an error, never an empty gap in a sent mail.
[[nodiscard]] services::Result<ComposedMail> composeMail(domain::MailEvent event, domain::Language language,
                                                         const QString &recipientName, const QJsonObject &params);

// The same for a document that is not a mail (a booking's confirmation, to print or keep as a
// PDF): the template resources/mail/<language>/<name>.txt, its "Subject" the document's title.
[[nodiscard]] services::Result<ComposedMail> composeDocument(const QString &name, domain::Language language,
                                                             const QString &recipientName, const QJsonObject &params);

} // namespace rentdesk::models::mail
