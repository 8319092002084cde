// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/mail/mailtemplates.h"

#include <QString>

#include <expected>

class QWidget;

namespace rentdesk::views {

// A booking's confirmation (BookingService::confirmationDocument: the renter's language) on
// paper or as a PDF: its HTML laid out on A4 by QTextDocument, the title as the PDF's.

// Writes the PDF to path, whole or not at all (QSaveFile); the error says why it was not.
[[nodiscard]] std::expected<void, QString> writeConfirmationPdf(const models::mail::ComposedMail &document,
                                                                const QString &path);

// Prints it on a printer the person chooses in Qt's print dialog; false when they cancelled.
bool printConfirmation(const models::mail::ComposedMail &document, QWidget *parent);

} // namespace rentdesk::views
