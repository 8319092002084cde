// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/itemmodels/csvexport.h"

#include "models/domain/entities.h"
#include "models/itemmodels/cellformat.h"
#include "models/itemmodels/pagedtablemodel.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QIODevice>
#include <QStringList>

namespace rentdesk::models::itemmodels {

using namespace Qt::StringLiterals;

namespace {

constexpr qint64 ProgressEvery = 500;

// 4500000 minor units: "45000.00"; exact, whatever the amount.
QString amountOf(qint64 minor)
{
    const bool negative = minor < 0;
    const qulonglong magnitude = negative ? qulonglong(0) - qulonglong(minor) : qulonglong(minor);
    return u"%1%2.%3"_s.arg(negative ? u"-"_s : QString())
        .arg(magnitude / 100)
        .arg(qulonglong(magnitude % 100), 2, 10, QChar(u'0'));
}

// Text a spreadsheet would run as a formula gets an apostrophe in front (OWASP, "CSV Injection").
QString inert(const QString &text)
{
    if (!text.isEmpty()
        && (text[0] == u'=' || text[0] == u'+' || text[0] == u'-' || text[0] == u'@' || text[0] == u'\t'
            || text[0] == u'\r'))
        return u'\'' + text;
    return text;
}

bool writeRecord(QIODevice &out, const QStringList &cells)
{
    QStringList fields;
    fields.reserve(cells.size());
    for (const QString &cell : cells)
        fields << csvField(cell);
    const QByteArray line = fields.join(u',').toUtf8() + "\r\n";
    return out.write(line) == line.size();
}

QString writeFailed(const QIODevice &out)
{
    return QCoreApplication::translate("CsvExport", "The file could not be written: %1.").arg(out.errorString());
}

} // namespace

QString csvField(const QString &text)
{
    const bool quoted = text.contains(u',') || text.contains(u'"') || text.contains(u'\r') || text.contains(u'\n');
    if (!quoted)
        return text;
    QString doubled = text;
    doubled.replace(u"\""_s, u"\"\""_s);
    return u'"' + doubled + u'"';
}

int csvColumnsOf(CellKind kind)
{
    return kind == CellKind::Money ? 2 : 1;
}

QStringList csvCells(CellKind kind, const QVariant &value)
{
    if (!value.isValid() || value.isNull())
        return QStringList(csvColumnsOf(kind), QString());
    switch (kind) {
    case CellKind::Text:
        return { inert(value.toString()) };
    case CellKind::Number:
        if (value.typeId() == QMetaType::Double)
            return { QString::number(value.toDouble(), 'f', 1) };
        return { QString::number(value.toLongLong()) };
    case CellKind::Money: {
        const auto money = value.value<domain::Money>();
        return { amountOf(money.minor), money.currency };
    }
    case CellKind::Date:
        return { value.toDate().toString(Qt::ISODate) };
    case CellKind::DateTime: {
        // Local time, as the page shows it, with its offset: 2026-06-01T13:00:00+03:00.
        const QDateTime local = value.toDateTime().toLocalTime();
        return { local.toOffsetFromUtc(local.offsetFromUtc()).toString(Qt::ISODate) };
    }
    case CellKind::Rating: {
        const auto average = value.value<domain::Rating>().average();
        return { average ? QString::number(*average, 'f', 2) : QString() };
    }
    case CellKind::Stars:
        return { QString::number(value.toInt()) };
    case CellKind::ApartmentStatus:
    case CellKind::BookingStatus:
    case CellKind::ReviewKind:
    case CellKind::MailStatus:
    case CellKind::Flag:
        // As the page names them, in the user's language.
        return { cellText(kind, value) };
    }
    return { inert(value.toString()) };
}

std::expected<CsvExport, QString> writeCsv(const PagedTableModel &model, QIODevice &out,
                                           const std::function<bool(qint64, qint64)> &progress)
{
    const int columns = model.columnCount();
    QList<CellKind> kinds;
    QStringList header;
    for (int column = 0; column < columns; ++column) {
        const auto kind = CellKind(model.headerData(column, Qt::Horizontal, CellKindRole).toInt());
        const QString title = model.headerData(column, Qt::Horizontal, Qt::DisplayRole).toString();
        kinds << kind;
        header << title;
        if (kind == CellKind::Money)
            header << QCoreApplication::translate("CsvExport", "%1 (currency)").arg(title);
    }
    // The byte-order mark: without it, spreadsheets take UTF-8 for the system's code page.
    if (out.write("\xEF\xBB\xBF") != 3 || !writeRecord(out, header))
        return std::unexpected(writeFailed(out));

    CsvExport done;
    QString failure;
    const qint64 total = model.totalCount();
    auto read = model.readAll([&](const QList<QVariant> &values) {
        QStringList cells;
        for (int column = 0; column < columns; ++column)
            cells << csvCells(kinds[column], values[column]);
        if (!writeRecord(out, cells)) {
            failure = writeFailed(out);
            return false;
        }
        ++done.rows;
        if (progress && done.rows % ProgressEvery == 0 && !progress(done.rows, std::max(total, done.rows))) {
            failure = QCoreApplication::translate("CsvExport", "The export was stopped.");
            return false;
        }
        return true;
    });
    if (!read)
        return std::unexpected(read.error().message);
    if (!failure.isEmpty())
        return std::unexpected(failure);
    // The end, said once: the bar reaches its total, and a Stop pressed after the last row
    // still stops the export (the caller does not commit the file).
    if (progress && !progress(done.rows, done.rows))
        return std::unexpected(QCoreApplication::translate("CsvExport", "The export was stopped."));
    return done;
}

} // namespace rentdesk::models::itemmodels
