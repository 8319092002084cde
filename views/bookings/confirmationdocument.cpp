// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/bookings/confirmationdocument.h"

#include <QCoreApplication>
#include <QPageLayout>
#include <QPageSize>
#include <QPdfWriter>
#include <QPrintDialog>
#include <QPrinter>
#include <QSaveFile>
#include <QTextDocument>

namespace rentdesk::views {

namespace {

// The mail's HTML with its title as a heading over the body (a mail shows it as the subject).
void layOut(QTextDocument &text, const models::mail::ComposedMail &document)
{
    QString html = document.html;
    const qsizetype body = html.indexOf(QStringLiteral("<body"));
    const qsizetype bodyEnd = body < 0 ? -1 : html.indexOf(u'>', body);
    const QString heading = QStringLiteral("<h2>%1</h2>\n").arg(document.subject.toHtmlEscaped());
    if (bodyEnd < 0)
        html.prepend(heading);
    else
        html.insert(bodyEnd + 1, heading);
    text.setHtml(html);
    text.setMetaInformation(QTextDocument::DocumentTitle, document.subject);
}

} // namespace

std::expected<void, QString> writeConfirmationPdf(const models::mail::ComposedMail &document, const QString &path)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return std::unexpected(file.errorString());
    {
        // Destroyed before the commit: it writes the PDF's end when it goes.
        QPdfWriter writer(&file);
        writer.setTitle(document.subject);
        writer.setCreator(QCoreApplication::applicationName());
        writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait, QMarginsF(20, 20, 20, 20),
                                         QPageLayout::Millimeter));
        QTextDocument text;
        layOut(text, document);
        text.print(&writer);
    }
    if (file.error() != QFileDevice::NoError) {
        file.cancelWriting();
        return std::unexpected(file.errorString());
    }
    if (!file.commit())
        return std::unexpected(file.errorString());
    return {};
}

bool printConfirmation(const models::mail::ComposedMail &document, QWidget *parent)
{
    QPrinter printer;
    printer.setDocName(document.subject);
    QPrintDialog dialog(&printer, parent);
    dialog.setWindowTitle(QCoreApplication::translate("ConfirmationDocument", "Print booking confirmation"));
    if (dialog.exec() != QDialog::Accepted)
        return false;
    QTextDocument text;
    layOut(text, document);
    text.print(&printer);
    return true;
}

} // namespace rentdesk::views
