// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/domain/entities.h"
#include "models/mail/mailtemplates.h"
#include "models/query/bookingquery.h"

#include <QDate>
#include <QJsonObject>
#include <QObject>

#include <optional>
#include <utility>

class QWidget;

namespace rentdesk::views {

class ApartmentsPage;
class BookingsPage;
class BuildingsPage;
class ReviewsPage;
struct Workspace;

// What the main window's actions do: open the editor for the selected row or a new one,
// ask before deleting or deciding, call the service as the signed-in user, and say why
// when the service refuses. Announces each change so that the window reads its tables
// again.
class Commands final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Commands)

public:
    struct Pages
    {
        BuildingsPage *buildings;
        ApartmentsPage *apartments;
        BookingsPage *bookings;
        ReviewsPage *reviews;
    };
    Commands(Workspace &workspace, QWidget *window, Pages pages);
    ~Commands() override;

    void newBuilding();
    void newApartment();
    // On the page showing: a building, an apartment or a review.
    void edit(QWidget *page);
    void remove(QWidget *page);
    void requestBooking();
    void confirmBooking();
    void declineBooking();
    void cancelBooking();
    // The same for a booking given by its id (the occupancy calendar's bars); a booking the
    // signed-in user may not see is said to be gone.
    void confirmBooking(const QUuid &booking);
    void declineBooking(const QUuid &booking);
    void cancelBooking(const QUuid &booking);
    // Nights chosen on the occupancy calendar: a renter's request through its dialog, with the
    // dates filled in; the owner's block, after asking.
    void requestNights(const QUuid &apartment, QDate first, QDate departure);
    void blockNights(const QUuid &apartment, QDate first, QDate departure);
    // The selected stay's confirmation (Bookings page) as a PDF file the person names; the
    // sentence for the status bar when saved, empty otherwise (a refusal or failure is said).
    QString saveConfirmation();
    // The selected own apartment's calendar into a file the landlord chooses; what to say in the
    // status bar, or empty when nothing was written (cancelled, or said in a box).
    QString exportCalendar();
    // A calendar file the landlord chooses blocks the selected own apartment's dates; emits
    // changed() when it did, and returns what to say in the status bar.
    QString importCalendar();
    // The selected own apartment's calendar address on the server, to copy or renew (a connected
    // database only).
    void showCalendarAddress();
    // The calendars the selected own apartment follows, to add, remove and refresh (a standalone
    // database only).
    void showCalendarSubscriptions();
    void printConfirmation();
    // The apartment (Apartments page), or the other person of a booking (Bookings page).
    void writeReview(QWidget *page);
    // Edit and retry of a change the server refused: its editor with the change's values (a
    // new or changed building, apartment or review; a booking request: the apartment and the
    // dates).
    // True once the edited change was saved; false when cancelled, when the change has no
    // editor, or when what it was about is gone (said in a box).
    bool editRefused(const QString &name, const QJsonObject &args);

Q_SIGNALS:
    // Something was saved: tables and counts are to be read again.
    void changed();

private:
    [[nodiscard]] std::optional<models::query::BookingRow> bookingRow(const QUuid &booking) const;
    void confirmRow(const std::optional<models::query::BookingRow> &row);
    void declineRow(const std::optional<models::query::BookingRow> &row);
    void cancelRow(const std::optional<models::query::BookingRow> &row);
    // The selected stay's confirmation; a refusal (a request, someone else's stay) is said.
    [[nodiscard]] std::optional<models::mail::ComposedMail> selectedConfirmation() const;

    // "Lena Landlord", or "River House, apartment 12": what a review is about, for its editor.
    [[nodiscard]] QString reviewTargetTitle(models::domain::ReviewKind kind, const QUuid &target) const;
    bool requestBookingOf(const models::domain::Apartment &apartment, const QString &title,
                          std::optional<std::pair<QDate, QDate>> stay);
    void editBuilding();
    void editApartment();
    void editReview();

    Workspace &m_workspace;
    QWidget *m_window;
    Pages m_pages;
};

} // namespace rentdesk::views
