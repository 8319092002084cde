// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/mainwindow/commands.h"

#include "models/domain/enums.h"
#include "models/domain/storedvalues.h"
#include "models/itemmodels/cellformat.h"
#include "models/query/bookingquery.h"
#include "models/query/buildingquery.h"
#include "models/query/calendarquery.h"
#include "models/query/detailsquery.h"
#include "models/sync/mutations.h"
#include "views/apartments/apartmentspage.h"
#include "views/apartments/calendarfeeddialog.h"
#include "views/apartments/calendarsubscriptionsdialog.h"
#include "views/bookings/bookingspage.h"
#include "views/bookings/confirmationdocument.h"
#include "views/buildings/buildingspage.h"
#include "views/common/messages.h"
#include "views/editors/apartmenteditor.h"
#include "views/editors/bookingrequestdialog.h"
#include "views/editors/buildingeditor.h"
#include "views/editors/revieweditor.h"
#include "views/mainwindow/workspace.h"
#include "views/reviews/reviewspage.h"
#include "views/widgets/taskprogress.h"

#include <QDir>
#include <QFileInfo>
#include <QSaveFile>
#include <QSettings>

namespace rentdesk::views {

using namespace Qt::StringLiterals;

namespace {

// The signed-in landlord's buildings, for the apartment editor's choice.
QList<models::domain::Building> buildingsOf(const Workspace &workspace)
{
    models::query::BuildingFilter filter;
    filter.ownerId = workspace.session.userId();
    QList<models::domain::Building> result;
    const auto rows =
        models::query::BuildingQuery(workspace.database).fetch(filter, {}, 0, models::query::BuildingQuery::MaxLimit);
    for (const models::query::BuildingRow &row : rows.value_or(QList<models::query::BuildingRow>()))
        result.append(row.building);
    return result;
}

} // namespace

Commands::Commands(Workspace &workspace, QWidget *window, Pages pages)
    : QObject(window)
    , m_workspace(workspace)
    , m_window(window)
    , m_pages(pages)
{
}

Commands::~Commands() = default;

void Commands::newBuilding()
{
    BuildingEditor editor(m_workspace.listings, m_workspace.session.userId(), std::nullopt, m_window);
    if (editor.exec() == QDialog::Accepted)
        Q_EMIT changed();
}

void Commands::newApartment()
{
    ApartmentEditor editor(m_workspace.listings, m_workspace.session.userId(), buildingsOf(m_workspace), std::nullopt,
                           m_window);
    if (const auto building = m_pages.buildings->current())
        editor.selectBuilding(building->building.id);
    if (editor.exec() == QDialog::Accepted)
        Q_EMIT changed();
}

void Commands::edit(QWidget *page)
{
    if (page == m_pages.buildings)
        editBuilding();
    else if (page == m_pages.apartments)
        editApartment();
    else if (page == m_pages.reviews)
        editReview();
}

void Commands::editBuilding()
{
    const auto row = m_pages.buildings->current();
    if (!row)
        return;
    BuildingEditor editor(m_workspace.listings, m_workspace.session.userId(), row->building, m_window);
    if (editor.exec() == QDialog::Accepted)
        Q_EMIT changed();
}

void Commands::editApartment()
{
    const auto row = m_pages.apartments->current();
    if (!row)
        return;
    ApartmentEditor editor(m_workspace.listings, m_workspace.session.userId(), buildingsOf(m_workspace), row->apartment,
                           m_window);
    if (editor.exec() == QDialog::Accepted)
        Q_EMIT changed();
}

void Commands::editReview()
{
    const auto row = m_pages.reviews->current();
    if (!row)
        return;
    ReviewEditor editor(m_workspace.reviews, m_workspace.session.userId(), row->review, row->targetName, m_window);
    if (editor.exec() == QDialog::Accepted)
        Q_EMIT changed();
}

void Commands::remove(QWidget *page)
{
    const QUuid actor = m_workspace.session.userId();
    models::services::Result<void> done;
    if (page == m_pages.buildings) {
        const auto row = m_pages.buildings->current();
        if (!row
            || !messages::confirm(m_window, tr("Delete building"),
                                  tr("Delete the building “%1”? This cannot be undone.").arg(row->building.name),
                                  tr("Delete building")))
            return;
        done = m_workspace.listings.deleteBuilding(actor, row->building.id);
    } else if (page == m_pages.apartments) {
        const auto row = m_pages.apartments->current();
        if (!row
            || !messages::confirm(
                m_window, tr("Delete apartment"),
                tr("Delete apartment %1 in “%2”? This cannot be undone.").arg(row->apartment.number, row->buildingName),
                tr("Delete apartment")))
            return;
        done = m_workspace.listings.deleteApartment(actor, row->apartment.id);
    } else if (page == m_pages.reviews) {
        const auto row = m_pages.reviews->current();
        if (!row
            || !messages::confirm(m_window, tr("Delete review"), tr("Delete your review of %1?").arg(row->targetName),
                                  tr("Delete review")))
            return;
        done = m_workspace.reviews.remove(actor, row->review.id);
    } else {
        return;
    }
    if (!done) {
        messages::tell(m_window, tr("Not deleted"), done.error().message);
        return;
    }
    Q_EMIT changed();
}

void Commands::requestBooking()
{
    const auto row = m_pages.apartments->current();
    if (!row)
        return;
    if (requestBookingOf(row->apartment, tr("%1, apartment %2").arg(row->buildingName, row->apartment.number), {}))
        Q_EMIT changed();
}

bool Commands::requestBookingOf(const models::domain::Apartment &apartment, const QString &title,
                                std::optional<std::pair<QDate, QDate>> stay)
{
    const QDate today = m_workspace.clock.today();
    const auto taken = models::query::BookingQuery(m_workspace.database)
                           .takenDates(apartment.id, today, today.addYears(2))
                           .value_or(QList<std::pair<QDate, QDate>>());
    BookingRequestDialog dialog(m_workspace.bookings, m_workspace.session.userId(), apartment, title, taken, today,
                                m_window);
    if (stay)
        dialog.setStay(stay->first, stay->second);
    return dialog.exec() == QDialog::Accepted;
}

QString Commands::reviewTargetTitle(models::domain::ReviewKind kind, const QUuid &target) const
{
    const models::query::DetailsQuery details(m_workspace.database);
    if (kind == models::domain::ReviewKind::Apartment) {
        const auto apartment = details.apartment(m_workspace.session.userId(), target);
        return apartment ? tr("%1, apartment %2").arg(apartment->building.name, apartment->apartment.number)
                         : QString();
    }
    const auto person = details.user(target);
    return person ? person->displayName : QString();
}

bool Commands::editRefused(const QString &name, const QJsonObject &args)
{
    const QUuid me = m_workspace.session.userId();
    const models::query::DetailsQuery details(m_workspace.database);
    const QUuid id = models::domain::idFromStored(QVariant(args.value(u"id"_s).toString())).value_or(QUuid());
    const auto gone = [this] {
        messages::tell(m_window, tr("Edit and retry"),
                       tr("What this change was about is not on this computer any more: discard the change."));
        return false;
    };
    if (name == u"createBuilding" || name == u"updateBuilding") {
        const auto draft = models::sync::MutationApplier::buildingDraft(args);
        std::optional<models::domain::Building> existing;
        if (name == u"updateBuilding") {
            const auto building = details.building(id);
            if (!building)
                return gone();
            existing = building->building;
        }
        BuildingEditor editor(m_workspace.listings, me, existing, m_window);
        if (draft)
            editor.setDraft(*draft);
        return editor.exec() == QDialog::Accepted;
    }
    if (name == u"createApartment" || name == u"updateApartment") {
        const auto draft = models::sync::MutationApplier::apartmentDraft(args);
        std::optional<models::domain::Apartment> existing;
        if (name == u"updateApartment") {
            const auto apartment = details.apartment(me, id);
            if (!apartment)
                return gone();
            existing = apartment->apartment;
        }
        ApartmentEditor editor(m_workspace.listings, me, buildingsOf(m_workspace), existing, m_window);
        if (draft)
            editor.setDraft(*draft);
        return editor.exec() == QDialog::Accepted;
    }
    if (name == u"createReview" || name == u"updateReview") {
        const int rating = args.value(u"rating"_s).toInt();
        const QString body = args.value(u"body"_s).toString();
        std::optional<ReviewEditor> editor;
        if (name == u"updateReview") {
            const auto review = m_workspace.reviews.review(id);
            if (!review)
                return gone();
            editor.emplace(
                m_workspace.reviews, me, *review,
                reviewTargetTitle(review->kind,
                                  review->targetUserId.value_or(review->targetApartmentId.value_or(QUuid()))),
                m_window);
        } else {
            const auto kind = models::domain::fromCode<models::domain::ReviewKind>(args.value(u"kind"_s).toString());
            const QUuid target =
                models::domain::idFromStored(QVariant(args.value(u"targetId"_s).toString())).value_or(QUuid());
            if (!kind)
                return gone();
            editor.emplace(m_workspace.reviews, me, models::services::ReviewService::Target { *kind, target },
                           reviewTargetTitle(*kind, target), m_window);
        }
        editor->setValues(rating, body);
        return editor->exec() == QDialog::Accepted;
    }
    if (name != u"requestBooking")
        return false;
    const QUuid apartmentId =
        models::domain::idFromStored(QVariant(args.value(u"apartmentId"_s).toString())).value_or(QUuid());
    const auto apartment = details.apartment(me, apartmentId);
    if (!apartment)
        return gone();
    return requestBookingOf(apartment->apartment,
                            tr("%1, apartment %2").arg(apartment->building.name, apartment->apartment.number),
                            std::pair { QDate::fromString(args.value(u"startDate"_s).toString(), Qt::ISODate),
                                        QDate::fromString(args.value(u"endDate"_s).toString(), Qt::ISODate) });
}

void Commands::confirmBooking()
{
    confirmRow(m_pages.bookings->current());
}

void Commands::declineBooking()
{
    declineRow(m_pages.bookings->current());
}

void Commands::cancelBooking()
{
    cancelRow(m_pages.bookings->current());
}

void Commands::confirmBooking(const QUuid &booking)
{
    confirmRow(bookingRow(booking));
}

void Commands::declineBooking(const QUuid &booking)
{
    declineRow(bookingRow(booking));
}

void Commands::cancelBooking(const QUuid &booking)
{
    cancelRow(bookingRow(booking));
}

std::optional<models::query::BookingRow> Commands::bookingRow(const QUuid &booking) const
{
    models::query::BookingFilter filter;
    filter.viewer = m_workspace.session.userId();
    filter.bookingId = booking;
    auto rows = models::query::BookingQuery(m_workspace.database).fetch(filter, {}, 0, 1);
    if (!rows) {
        messages::tell(m_window, tr("Booking not read"), rows.error().message);
        return std::nullopt;
    }
    if (rows->isEmpty()) {
        messages::tell(m_window, tr("Booking not found"), tr("This booking is no longer there."));
        return std::nullopt;
    }
    return rows->first();
}

void Commands::confirmRow(const std::optional<models::query::BookingRow> &row)
{
    if (!row)
        return;
    const models::domain::Booking &b = row->booking;
    if (!messages::confirm(m_window, tr("Confirm booking"),
                           tr("Confirm %1's stay in apartment %2 from %3 to %4? Requests for overlapping dates are "
                              "declined, and everyone is told by e-mail.")
                               .arg(row->renterName, row->apartmentNumber, models::itemmodels::formatDate(b.startDate),
                                    models::itemmodels::formatDate(b.endDate)),
                           tr("Confirm")))
        return;
    if (auto done = m_workspace.bookings.confirm(m_workspace.session.userId(), b.id); !done) {
        messages::tell(m_window, tr("Not confirmed"), done.error().message);
        return;
    }
    Q_EMIT changed();
}

void Commands::declineRow(const std::optional<models::query::BookingRow> &row)
{
    if (!row
        || !messages::confirm(m_window, tr("Decline booking"),
                              tr("Decline %1's request for apartment %2?").arg(row->renterName, row->apartmentNumber),
                              tr("Decline")))
        return;
    if (auto done = m_workspace.bookings.decline(m_workspace.session.userId(), row->booking.id); !done) {
        messages::tell(m_window, tr("Not declined"), done.error().message);
        return;
    }
    Q_EMIT changed();
}

void Commands::cancelRow(const std::optional<models::query::BookingRow> &row)
{
    if (!row)
        return;
    const bool block = row->booking.status == models::domain::BookingStatus::Blocked;
    const QString question = block
        ? tr("Remove the block of apartment %1 from %2 to %3? Renters can ask for these nights again.")
              .arg(row->apartmentNumber, models::itemmodels::formatDate(row->booking.startDate),
                   models::itemmodels::formatDate(row->booking.endDate))
        : tr("Cancel your booking of apartment %1 from %2?")
              .arg(row->apartmentNumber, models::itemmodels::formatDate(row->booking.startDate));
    if (!messages::confirm(m_window, block ? tr("Remove block") : tr("Cancel booking"), question,
                           block ? tr("Remove block") : tr("Cancel booking")))
        return;
    if (auto done = m_workspace.bookings.cancel(m_workspace.session.userId(), row->booking.id); !done) {
        messages::tell(m_window, block ? tr("Not removed") : tr("Not cancelled"), done.error().message);
        return;
    }
    Q_EMIT changed();
}

void Commands::requestNights(const QUuid &apartmentId, QDate first, QDate departure)
{
    const auto apartment =
        models::query::DetailsQuery(m_workspace.database).apartment(m_workspace.session.userId(), apartmentId);
    if (!apartment) {
        messages::tell(m_window, tr("Not requested"), apartment.error().message);
        return;
    }
    if (requestBookingOf(apartment->apartment,
                         tr("%1, apartment %2").arg(apartment->building.name, apartment->apartment.number),
                         std::pair { first, departure }))
        Q_EMIT changed();
}

void Commands::blockNights(const QUuid &apartmentId, QDate first, QDate departure)
{
    if (!messages::confirm(m_window, tr("Block nights"),
                           tr("Block the nights from %1 to the departure on %2 (%n night(s))? Renters cannot ask for "
                              "them, and requests over them are declined, with an e-mail.",
                              nullptr, int(first.daysTo(departure)))
                               .arg(models::itemmodels::formatDate(first), models::itemmodels::formatDate(departure)),
                           tr("Block")))
        return;
    if (auto done = m_workspace.bookings.block(m_workspace.session.userId(), apartmentId, first, departure); !done) {
        messages::tell(m_window, tr("Not blocked"), done.error().message);
        return;
    }
    Q_EMIT changed();
}

std::optional<models::mail::ComposedMail> Commands::selectedConfirmation() const
{
    const auto row = m_pages.bookings->current();
    if (!row)
        return std::nullopt;
    auto document = m_workspace.bookings.confirmationDocument(m_workspace.session.userId(), row->booking.id);
    if (!document) {
        messages::tell(m_window, tr("No confirmation"), document.error().message);
        return std::nullopt;
    }
    return std::move(*document);
}

QString Commands::saveConfirmation()
{
    const auto row = m_pages.bookings->current();
    const auto document = selectedConfirmation();
    if (!row || !document)
        return {};
    const QString suggested =
        u"booking-%1-%2.pdf"_s.arg(row->apartmentNumber, row->booking.startDate.toString(Qt::ISODate))
            .replace(u'/', u'-');
    const QString path =
        messages::saveFileName(m_window, tr("Save booking confirmation"), suggested, tr("PDF files (*.pdf)"));
    if (path.isEmpty())
        return {};
    if (auto written = writeConfirmationPdf(*document, path); !written) {
        messages::tell(m_window, tr("Not saved"),
                       tr("%1 was not written: %2").arg(QDir::toNativeSeparators(path), written.error()));
        return {};
    }
    return tr("Confirmation saved to %1.").arg(QDir::toNativeSeparators(path));
}

QString Commands::exportCalendar()
{
    const auto row = m_pages.apartments->current();
    if (!row)
        return {};
    const auto calendar =
        models::query::CalendarQuery(m_workspace.database).calendar(row->apartment.id, m_workspace.clock.today());
    if (!calendar) {
        messages::tell(m_window, tr("Not saved"), calendar.error().message);
        return {};
    }
    const QString suggested = u"%1 %2.ics"_s.arg(row->buildingName, row->apartment.number).replace(u'/', u'-');
    const QString path =
        messages::saveFileName(m_window, tr("Export calendar"), suggested, tr("iCalendar files (*.ics)"));
    if (path.isEmpty())
        return {};
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly)
        || out.write(models::ical::writeCalendar(calendar->name, calendar->events, m_workspace.clock.now())) < 0
        || !out.commit()) {
        messages::tell(m_window, tr("Not saved"),
                       tr("%1 was not written: %2").arg(QDir::toNativeSeparators(path), out.errorString()));
        return {};
    }
    return tr("Calendar of %1 saved to %2 (%n stay(s) and blocked period(s)).", nullptr, int(calendar->events.size()))
        .arg(calendar->name, QDir::toNativeSeparators(path));
}

void Commands::showCalendarAddress()
{
    const auto row = m_pages.apartments->current();
    if (!row || !m_workspace.connection)
        return;
    CalendarFeedDialog dialog(*m_workspace.connection, row->apartment.id,
                              tr("%1, apartment %2").arg(row->buildingName, row->apartment.number), m_window);
    dialog.exec();
}

void Commands::showCalendarSubscriptions()
{
    const auto row = m_pages.apartments->current();
    if (!row)
        return;
    // A connected database's calendars are followed by its server, and read and changed there.
    std::unique_ptr<net::calendar::SubscriptionBackend> backend;
    if (m_workspace.replica) {
        if (!m_workspace.connection)
            return;
        backend = std::make_unique<net::calendar::ServerSubscriptions>(*m_workspace.connection);
    } else {
        backend = std::make_unique<net::calendar::LocalSubscriptions>(
            m_workspace.subscriptions, m_workspace.calendarRefresher, m_workspace.session.userId());
    }
    CalendarSubscriptionsDialog dialog(*backend, row->apartment.id,
                                       tr("%1, apartment %2").arg(row->buildingName, row->apartment.number), m_window);
    dialog.exec();
    if (dialog.changedBlocks())
        Q_EMIT changed();
}

QString Commands::importCalendar()
{
    const auto row = m_pages.apartments->current();
    if (!row)
        return {};
    const QString path = messages::openFileName(m_window, tr("Import calendar"),
                                                tr("iCalendar files (*.ics *.ical *.ifb);;All files (*)"));
    if (path.isEmpty())
        return {};
    // Up to 10 000 events take a second or two, mostly in the import's one transaction, which
    // no Stop may interrupt (BusyCursor): a wait cursor, and no window.
    auto busy = std::make_optional<BusyCursor>();
    const auto events = models::ical::readCalendarFile(path, models::ical::importLimits(m_workspace.clock.today()));
    if (!events) {
        busy.reset();
        messages::tell(m_window, tr("Calendar not imported"),
                       tr("%1: %2").arg(QFileInfo(path).fileName(), events.error().message));
        return {};
    }
    const auto imported = m_workspace.bookings.importBlocks(m_workspace.session.userId(), row->apartment.id,
                                                            QFileInfo(path).fileName(), *events);
    busy.reset();
    if (!imported) {
        messages::tell(m_window, tr("Calendar not imported"), imported.error().message);
        return {};
    }
    Q_EMIT changed();
    return tr("%1: %2 new, %3 moved, %4 unchanged and %5 removed blocked period(s); %6 request(s) declined.")
        .arg(QFileInfo(path).fileName())
        .arg(imported->added)
        .arg(imported->moved)
        .arg(imported->unchanged)
        .arg(imported->removed)
        .arg(imported->declined.size());
}

void Commands::printConfirmation()
{
    if (const auto document = selectedConfirmation())
        views::printConfirmation(*document, m_window);
}

void Commands::writeReview(QWidget *page)
{
    models::services::ReviewService::Target target;
    QString title;
    if (page == m_pages.apartments) {
        const auto row = m_pages.apartments->current();
        if (!row)
            return;
        target = { models::domain::ReviewKind::Apartment, row->apartment.id };
        title = tr("%1, apartment %2").arg(row->buildingName, row->apartment.number);
    } else if (page == m_pages.bookings) {
        const auto row = m_pages.bookings->current();
        if (!row)
            return;
        if (m_workspace.session.isLandlord()) {
            target = { models::domain::ReviewKind::Renter, row->booking.renterId };
            title = row->renterName;
        } else {
            target = { models::domain::ReviewKind::Landlord, row->ownerId };
            title = row->ownerName;
        }
    } else {
        return;
    }
    // Said before the form opens: no stay yet, or already reviewed.
    if (auto allowed = m_workspace.reviews.canReview(m_workspace.session.userId(), target); !allowed) {
        messages::tell(m_window, tr("Cannot review"), allowed.error().message);
        return;
    }
    ReviewEditor editor(m_workspace.reviews, m_workspace.session.userId(), target, title, m_window);
    if (editor.exec() == QDialog::Accepted)
        Q_EMIT changed();
}

} // namespace rentdesk::views
