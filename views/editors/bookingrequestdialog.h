// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/services/bookingservice.h"
#include "views/editors/editordialog.h"

#include <QDate>
#include <QList>

#include <utility>

class QCalendarWidget;
class QLabel;

namespace rentdesk::views {

// A renter asks for a stay: picks the first night and the day of departure on a calendar
// that shows the nights already taken, sees the nights and the estimated price, and sends
// the request through the BookingService. Nights before today cannot be picked.
class BookingRequestDialog final : public EditorDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BookingRequestDialog)

public:
    // taken: the apartment's confirmed stays, each [first night, departure).
    BookingRequestDialog(const models::services::BookingService &bookings, const QUuid &renter,
                         models::domain::Apartment apartment, const QString &title,
                         QList<std::pair<QDate, QDate>> taken, QDate today, QWidget *parent = nullptr);
    ~BookingRequestDialog() override;

    [[nodiscard]] QDate firstNight() const { return m_start; }
    [[nodiscard]] QDate departure() const { return m_end; }
    // Sets the range as picking would; an invalid date clears that end.
    void setStay(QDate firstNight, QDate departure);

    // The request as saved, once the dialog was accepted.
    [[nodiscard]] const models::domain::Booking &booking() const { return m_saved; }

protected:
    [[nodiscard]] models::services::Result<void> save() override;

private:
    void createInputs(const QString &title);
    // A click (or Enter) on a day: the first pick is the first night, the next later day
    // the departure; a day on or before the first night starts again from it.
    void pick(QDate date);
    [[nodiscard]] bool isTaken(QDate night) const;
    void updateCalendar();
    void updateSummary();

    const models::services::BookingService &m_bookings;
    QUuid m_renter;
    models::domain::Apartment m_apartment;
    QList<std::pair<QDate, QDate>> m_taken;
    QDate m_today;
    QDate m_start;
    QDate m_end;
    models::domain::Booking m_saved;

    QCalendarWidget *m_calendar = nullptr;
    QLabel *m_firstNight = nullptr;
    QLabel *m_departure = nullptr;
    QLabel *m_summary = nullptr;
};

} // namespace rentdesk::views
