// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/editors/bookingrequestdialog.h"

#include "views/widgets/formatting.h"
#include "views/widgets/formerrors.h"

#include <QCalendarWidget>
#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QPushButton>
#include <QTextCharFormat>
#include <QVBoxLayout>

namespace rentdesk::views {

using namespace Qt::StringLiterals;

namespace {

// Light backgrounds with dark text of the same hue (contrast above 7:1), and one strong
// colour with white text where a chosen night is taken.
QTextCharFormat takenFormat()
{
    QTextCharFormat format;
    format.setBackground(QColor(0xF4, 0xC7, 0xC3));
    format.setForeground(QColor(0x7F, 0x1D, 0x1D));
    format.setFontStrikeOut(true);
    return format;
}

QTextCharFormat stayFormat()
{
    QTextCharFormat format;
    format.setBackground(QColor(0xBB, 0xDE, 0xFB));
    format.setForeground(QColor(0x0D, 0x47, 0xA1));
    format.setFontWeight(QFont::Bold);
    return format;
}

QTextCharFormat clashFormat()
{
    QTextCharFormat format;
    format.setBackground(QColor(0xC6, 0x28, 0x28));
    format.setForeground(Qt::white);
    format.setFontWeight(QFont::Bold);
    format.setFontStrikeOut(true);
    return format;
}

QTextCharFormat departureFormat()
{
    QTextCharFormat format;
    format.setForeground(QColor(0x0D, 0x47, 0xA1));
    format.setFontWeight(QFont::Bold);
    format.setFontUnderline(true);
    return format;
}

// A legend entry: a square in the format's colours, then what it means.
QWidget *legendEntry(const QTextCharFormat &format, const QString &text, QWidget *parent)
{
    auto *entry = new QWidget(parent);
    auto *layout = new QHBoxLayout(entry);
    layout->setContentsMargins(0, 0, 0, 0);
    const int side = entry->fontMetrics().height();
    QPixmap swatch(side, side);
    swatch.fill(format.background().color());
    QPainter painter(&swatch);
    painter.setPen(format.foreground().color());
    painter.drawRect(0, 0, side - 1, side - 1);
    painter.end();
    auto *square = new QLabel(entry);
    square->setPixmap(swatch);
    layout->addWidget(square);
    layout->addWidget(new QLabel(text, entry));
    return entry;
}

} // namespace

BookingRequestDialog::BookingRequestDialog(const models::services::BookingService &bookings, const QUuid &renter,
                                           models::domain::Apartment apartment, const QString &title,
                                           QList<std::pair<QDate, QDate>> taken, QDate today, QWidget *parent)
    : EditorDialog(parent)
    , m_bookings(bookings)
    , m_renter(renter)
    , m_apartment(std::move(apartment))
    , m_taken(std::move(taken))
    , m_today(today)
{
    setWindowTitle(tr("Request a booking"));
    saveButton()->setText(tr("&Send request"));
    createInputs(title);
    updateCalendar();
    updateSummary();
    m_calendar->setFocus();
}

BookingRequestDialog::~BookingRequestDialog() = default;

void BookingRequestDialog::createInputs(const QString &title)
{
    auto *apartmentLabel = new QLabel(title, this);
    apartmentLabel->setObjectName(u"apartmentLabel"_s);
    apartmentLabel->setTextFormat(Qt::PlainText);
    addInfoRow(tr("Apartment:"), apartmentLabel);
    auto *priceLabel = new QLabel(tr("%1 a month").arg(formatMoney(m_apartment.monthlyPrice)), this);
    priceLabel->setObjectName(u"monthlyPriceLabel"_s);
    addInfoRow(tr("Price:"), priceLabel);

    m_calendar = new QCalendarWidget(this);
    m_calendar->setObjectName(u"calendar"_s);
    m_calendar->setMinimumDate(m_today);
    m_calendar->setSelectedDate(m_today);
    m_calendar->setVerticalHeaderFormat(QCalendarWidget::NoVerticalHeader);
    // QCalendarWidget's own size hint leaves its last week cut off once the days are drawn
    // at the height of a table row; thirteen lines of text hold the title and six weeks.
    m_calendar->setMinimumHeight(m_calendar->fontMetrics().height() * 13);
    // Mouse clicks and Enter on a day both pick it; a double click picks the same day
    // again, which pick() treats as no change.
    connect(m_calendar, &QCalendarWidget::clicked, this, &BookingRequestDialog::pick);
    connect(m_calendar, &QCalendarWidget::activated, this, &BookingRequestDialog::pick);

    auto *calendarColumn = new QWidget(this);
    auto *column = new QVBoxLayout(calendarColumn);
    column->setContentsMargins(0, 0, 0, 0);
    column->addWidget(m_calendar);
    auto *legend = new QWidget(calendarColumn);
    legend->setObjectName(u"legend"_s);
    auto *legendLayout = new QHBoxLayout(legend);
    legendLayout->setContentsMargins(0, 0, 0, 0);
    legendLayout->addWidget(legendEntry(takenFormat(), tr("Taken"), legend));
    legendLayout->addWidget(legendEntry(stayFormat(), tr("Your stay"), legend));
    legendLayout->addWidget(legendEntry(clashFormat(), tr("Taken night in your stay"), legend));
    legendLayout->addStretch(1);
    column->addWidget(legend);
    QLabel *datesError = addRow(tr("&Dates:"), m_calendar, calendarColumn, u"dates"_s);
    for (const QString &field : { u"dates"_s, u"startDate"_s, u"endDate"_s })
        errors()->addField(field, m_calendar, datesError);

    m_firstNight = new QLabel(this);
    m_firstNight->setObjectName(u"firstNightLabel"_s);
    addInfoRow(tr("First night:"), m_firstNight);
    m_departure = new QLabel(this);
    m_departure->setObjectName(u"departureLabel"_s);
    addInfoRow(tr("Departure:"), m_departure);
    m_summary = new QLabel(this);
    m_summary->setObjectName(u"summaryLabel"_s);
    addInfoRow(tr("Stay:"), m_summary);
}

void BookingRequestDialog::pick(QDate date)
{
    if (!date.isValid() || date < m_today)
        return;
    if (m_start.isValid() && m_end.isValid() && date == m_end)
        return; // the second click of a double click on the departure
    if (!m_start.isValid() || m_end.isValid() || date <= m_start) {
        m_start = date;
        m_end = QDate();
    } else {
        m_end = date;
    }
    updateCalendar();
    updateSummary();
}

void BookingRequestDialog::setStay(QDate firstNight, QDate departure)
{
    m_start = firstNight;
    m_end = (firstNight.isValid() && departure.isValid() && departure > firstNight) ? departure : QDate();
    if (m_start.isValid())
        m_calendar->setSelectedDate(m_end.isValid() ? m_end : m_start);
    updateCalendar();
    updateSummary();
}

bool BookingRequestDialog::isTaken(QDate night) const
{
    for (const auto &[first, departure] : m_taken) {
        if (night >= first && night < departure)
            return true;
    }
    return false;
}

void BookingRequestDialog::updateCalendar()
{
    m_calendar->setDateTextFormat(QDate(), QTextCharFormat()); // clears every date's format
    const QTextCharFormat taken = takenFormat();
    for (const auto &[first, departure] : std::as_const(m_taken)) {
        // Nights before today cannot be picked; marking them would only cost time.
        for (QDate night = qMax(first, m_today); night < departure; night = night.addDays(1))
            m_calendar->setDateTextFormat(night, taken);
    }
    if (!m_start.isValid())
        return;
    const QDate last = m_end.isValid() ? m_end : m_start.addDays(1);
    const QTextCharFormat stay = stayFormat();
    const QTextCharFormat clash = clashFormat();
    for (QDate night = m_start; night < last; night = night.addDays(1))
        m_calendar->setDateTextFormat(night, isTaken(night) ? clash : stay);
    if (m_end.isValid())
        m_calendar->setDateTextFormat(m_end, departureFormat());
}

void BookingRequestDialog::updateSummary()
{
    const QString none = tr("not chosen");
    m_firstNight->setText(m_start.isValid() ? formatDate(m_start) : none);
    m_departure->setText(m_end.isValid() ? formatDate(m_end) : none);
    if (!m_start.isValid()) {
        m_summary->setText(tr("Pick the first night, then the day of departure."));
    } else if (!m_end.isValid()) {
        m_summary->setText(tr("Now pick the day of departure."));
    } else {
        const qint64 nights = m_start.daysTo(m_end);
        const models::domain::Money price = models::domain::stayPrice(m_apartment.monthlyPrice, nights);
        m_summary->setText(tr("%n night(s), about %1", nullptr, int(nights)).arg(formatMoney(price)));
    }
}

models::services::Result<void> BookingRequestDialog::save()
{
    auto saved = m_bookings.request(m_renter, m_apartment.id, m_start, m_end);
    if (!saved)
        return std::unexpected(saved.error());
    m_saved = *saved;
    return {};
}

} // namespace rentdesk::views
