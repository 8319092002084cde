// SPDX-License-Identifier: GPL-3.0-or-later
//
// rentdesk-bench: measures RentDesk on data it generates itself and prints one JSON object.
// Figures are medians over repeated runs with varied inputs; they are measurements, not
// tests. Build it in release (cmake --preset release) before reading anything into them.
//
//   rentdesk-bench --apartments 200000 --json
//   rentdesk-bench --chat --clients 100 --seconds 10 --json   (chatbench.cpp)
//   rentdesk-bench --sync --apartments 200000 --json          (syncbench.cpp)
//   rentdesk-bench --ical --events 10000 --json               (icalbench.cpp)

#include "bench/benchsupport.h"
#include "bench/chatbench.h"
#include "bench/icalbench.h"
#include "bench/syncbench.h"
#include "models/db/database.h"
#include "models/db/query.h"
#include "models/demo/demogenerator.h"
#include "models/domain/storedvalues.h"
#include "models/query/apartmentquery.h"
#include "models/query/apartmentsql.h"
#include "models/query/dashboardquery.h"
#include "models/services/bookingservice.h"
#include "models/services/reviewservice.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>
#include <functional>
#include <sqlite3.h>
#include <vector>

using namespace Qt::StringLiterals;
using namespace rentdesk;
using namespace rentdesk::bench;

namespace {

// Runs a statement through the sqlite3 C API alone, reading every column of every row:
// the floor under what Qt and RentDesk add.
bool runRaw(sqlite3 *handle, const models::query::detail::Statement &statement)
{
    sqlite3_stmt *stmt = nullptr;
    const QByteArray sql = statement.sql.toUtf8();
    if (sqlite3_prepare_v2(handle, sql.constData(), int(sql.size()), &stmt, nullptr) != SQLITE_OK)
        return false;
    for (const auto &[name, value] : statement.bindings) {
        const int index = sqlite3_bind_parameter_index(stmt, name.toUtf8().constData());
        if (index == 0)
            continue;
        switch (value.typeId()) {
        case QMetaType::Int:
        case QMetaType::LongLong:
        case QMetaType::Bool:
            sqlite3_bind_int64(stmt, index, value.toLongLong());
            break;
        case QMetaType::Double:
            sqlite3_bind_double(stmt, index, value.toDouble());
            break;
        default:
            if (value.isNull()) {
                sqlite3_bind_null(stmt, index);
            } else {
                const QByteArray text = value.toString().toUtf8();
                sqlite3_bind_text(stmt, index, text.constData(), int(text.size()), SQLITE_TRANSIENT);
            }
        }
    }
    int rc;
    qint64 bytes = 0;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        for (int c = 0; c < sqlite3_column_count(stmt); ++c) {
            sqlite3_column_text(stmt, c);
            bytes += sqlite3_column_bytes(stmt, c);
        }
    }
    sqlite3_finalize(stmt);
    return rc == SQLITE_DONE && bytes >= 0;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"rentdesk-bench"_s);
    if (QCoreApplication::arguments().contains(u"--chat"_s))
        return runChatBench(QCoreApplication::arguments());
    if (QCoreApplication::arguments().contains(u"--sync"_s))
        return runSyncBench(QCoreApplication::arguments());
    if (QCoreApplication::arguments().contains(u"--ical"_s))
        return runIcalBench(QCoreApplication::arguments());
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Measures RentDesk on generated data and prints the figures as JSON."_s);
    parser.addHelpOption();
    const QCommandLineOption apartmentsOption(u"apartments"_s, u"Apartments to generate (default 20000)."_s, u"n"_s,
                                              u"20000"_s);
    const QCommandLineOption runsOption(u"runs"_s, u"Repetitions per measurement (default 31)."_s, u"n"_s, u"31"_s);
    const QCommandLineOption seedOption(u"seed"_s, u"Seed of the generated data (default 2026)."_s, u"n"_s, u"2026"_s);
    const QCommandLineOption jsonOption(u"json"_s, u"Print one JSON object (the default and only format)."_s);
    parser.addOptions({ apartmentsOption, runsOption, seedOption, jsonOption });
    parser.process(app);
    const int apartments = parser.value(apartmentsOption).toInt();
    const int runs = std::max(3, parser.value(runsOption).toInt());
    if (apartments < 100) {
        fail(u"--apartments must be at least 100"_s);
        return 2;
    }

    QTemporaryDir dir;
    auto opened = models::db::Database::open(dir.filePath(u"bench.sqlite"_s));
    if (!opened) {
        fail(opened.error().message);
        return 1;
    }
    const std::shared_ptr<models::db::Database> database = *opened;
    const QSqlDatabase db = connectionOf(*database);
    QJsonObject result;
    result.insert(u"apartments"_s, apartments);
    result.insert(u"runs"_s, runs);
    bool ok = true;

    // Generation: the demo generator at the benchmark's proportions.
    QElapsedTimer timer;
    timer.start();
    auto generated = models::demo::generateDemoData(db, { parser.value(seedOption).toULongLong(), apartments, Today });
    if (!generated) {
        fail(generated.error().message);
        return 1;
    }
    result.insert(u"generate_s"_s, double(timer.nsecsElapsed()) / 1e9);
    result.insert(u"buildings"_s, generated->buildings);
    result.insert(u"users"_s, generated->users);
    result.insert(u"bookings"_s, generated->bookings);
    result.insert(u"reviews"_s, generated->reviews);

    // Browsing: the typical filter, its count, and the same SQL with no Qt at all.
    const models::query::ApartmentQuery apartmentQuery(database);
    const QList<models::query::ApartmentFilter> typical = typicalFilters(db, runs);
    const models::query::ApartmentSort byPrice { models::query::ApartmentColumn::Price, Qt::AscendingOrder };
    qint64 rowsSeen = 0;
    result.insert(u"filter_apartments_ms"_s, medianMs(runs, ok, [&](int i) {
                      auto page = apartmentQuery.fetch(typical[i], byPrice, 0, 100);
                      rowsSeen += page ? page->size() : 0;
                      return page.has_value();
                  }));
    result.insert(u"filter_rows_median"_s, double(rowsSeen) / runs);
    qint64 matched = 0;
    result.insert(u"count_apartments_ms"_s, medianMs(runs, ok, [&](int i) {
                      auto count = apartmentQuery.count(typical[i]);
                      matched += count.value_or(0);
                      return count.has_value();
                  }));
    result.insert(u"count_matches_mean"_s, double(matched) / runs);

    // The dashboard (models/query/dashboardquery.h) of the landlords with the most apartments,
    // twelve months and every figure, as the Dashboard tab reads it.
    {
        auto busiest = models::db::exec(db,
                                        u"SELECT owner_id, count(*) FROM apartments GROUP BY owner_id "
                                        "ORDER BY count(*) DESC, owner_id LIMIT :n"_s,
                                        { { u":n"_s, runs } });
        QList<QUuid> landlords;
        qint64 largest = 0;
        while (busiest && busiest->next()) {
            landlords.append(models::domain::idFromStored(busiest->value(0)).value_or(QUuid()));
            largest = std::max(largest, busiest->value(1).toLongLong());
        }
        const models::query::DashboardQuery dashboards(database);
        result.insert(u"dashboard_ms"_s, medianMs(int(landlords.size()), ok, [&](int i) {
                          auto figures = dashboards.dashboard(landlords[i], Today, 12, 5);
                          if (!figures)
                              fail(u"dashboard: "_s + figures.error().message);
                          return figures.has_value();
                      }));
        result.insert(u"dashboard_largest_landlord_apartments"_s, largest);
    }

    sqlite3 *raw = nullptr;
    if (sqlite3_open_v2(QFile::encodeName(database->path()).constData(), &raw, SQLITE_OPEN_READONLY, nullptr)
        != SQLITE_OK) {
        fail(u"sqlite3_open_v2 failed"_s);
        return 1;
    }
    result.insert(u"filter_apartments_raw_ms"_s, medianMs(runs, ok, [&](int i) {
                      return runRaw(raw, models::query::detail::pageStatement(typical[i], {}, byPrice, 0, 100));
                  }));
    sqlite3_close(raw);

    // Text search: words people type, in both languages, as the first page by price.
    const QStringList words { u"парк"_s,   u"метро"_s, u"quiet"_s,   u"balcony"_s, u"light"_s,  u"ремонт"_s,
                              u"street"_s, u"улица"_s, u"kitchen"_s, u"вид"_s,     u"centre"_s, u"тихий"_s };
    result.insert(u"text_search_ms"_s, medianMs(runs, ok, [&](int i) {
                      models::query::ApartmentFilter filter;
                      filter.text = words[i % words.size()];
                      return apartmentQuery.fetch(filter, byPrice, 0, 100).has_value();
                  }));

    // Writes: confirming a request, and writing a review, each with its commit.
    models::services::ManualClock clock(QDateTime(Today, QTime(10, 0), Qt::UTC));
    const models::services::ServiceContext context(database, clock, models::services::Mode::Standalone);
    const models::services::BookingService bookings(context);
    const models::services::ReviewService reviews(context);
    struct Request
    {
        QUuid booking, owner, renter, apartment;
    };
    QList<Request> requests;
    {
        // Requests far ahead, where no stay is, by renters of random apartments.
        QRandomGenerator random(7);
        auto renters = models::db::exec(db, u"SELECT id FROM users WHERE role = 'renter' ORDER BY id LIMIT 1000"_s);
        QList<QUuid> renterIds;
        while (renters && renters->next())
            renterIds.append(models::domain::idFromStored(renters->value(0)).value_or(QUuid()));
        auto flats = models::db::exec(db, u"SELECT id, owner_id FROM apartments ORDER BY random() LIMIT :n"_s,
                                      { { u":n"_s, runs } });
        int i = 0;
        while (flats && flats->next() && !renterIds.isEmpty()) {
            const QUuid apartment = models::domain::idFromStored(flats->value(0)).value_or(QUuid());
            const QUuid owner = models::domain::idFromStored(flats->value(1)).value_or(QUuid());
            const QUuid renter = renterIds[int(random.bounded(renterIds.size()))];
            const QDate start = Today.addYears(3).addDays(7 * i++);
            auto requested = bookings.request(renter, apartment, start, start.addDays(5));
            if (!requested) {
                fail(u"request: "_s + requested.error().message);
                return 1;
            }
            requests.append({ requested->id, owner, renter, apartment });
        }
    }
    result.insert(u"confirm_booking_ms"_s, medianMs(int(requests.size()), ok, [&](int i) {
                      auto confirmed = bookings.confirm(requests[i].owner, requests[i].booking);
                      if (!confirmed)
                          fail(u"confirm: "_s + confirmed.error().message);
                      return confirmed.has_value();
                  }));
    // Each confirmed stay lets its renter review the apartment (unless they already had).
    QList<Request> reviewable;
    for (const Request &request : std::as_const(requests)) {
        if (reviews.canReview(request.renter, { models::domain::ReviewKind::Apartment, request.apartment }))
            reviewable.append(request);
    }
    result.insert(u"review_write_ms"_s, medianMs(int(reviewable.size()), ok, [&](int i) {
                      auto written = reviews.create(reviewable[i].renter,
                                                    { models::domain::ReviewKind::Apartment, reviewable[i].apartment },
                                                    1 + i % 5, u"Benchmark review"_s);
                      if (!written)
                          fail(u"review: "_s + written.error().message);
                      return written.has_value();
                  }));
    result.insert(u"review_samples"_s, int(reviewable.size()));
    result.insert(u"peak_rss_mb"_s, peakRssMb());

    QTextStream(stdout) << QJsonDocument(result).toJson(QJsonDocument::Compact) << u'\n';
    return ok ? 0 : 1;
}
