// SPDX-License-Identifier: GPL-3.0-or-later
//
// rentdesk-bench-ui: the Apartments page on generated data, offscreen, as a person uses it:
// how long until the first rows show, what scrolling to the end reads, how long a filter
// change and a sort by each column take to show, and the process's peak memory; then the
// occupancy calendar (issue 14), painted while it scrolls through 2 000 apartments and moves
// by months. Prints one JSON object. Build it in release (cmake --preset release).
//
//   QT_QPA_PLATFORM=offscreen rentdesk-bench-ui --apartments 200000 --json
//
// With --replica, the same page on a connected replica against a standalone database of the
// same data, and pokes from the server to the open page (bench/replicauibench.cpp).

#include "bench/benchsupport.h"
#include "bench/replicauibench.h"
#include "models/db/database.h"
#include "models/demo/demogenerator.h"
#include "models/i18n/translator.h"
#include "models/itemmodels/apartmenttablemodel.h"
#include "models/itemmodels/occupancymodel.h"
#include "views/apartments/apartmentspage.h"
#include "views/calendar/calendarpage.h"
#include "views/calendar/occupancyview.h"
#include "views/mainwindow/mainactions.h"
#include "views/mainwindow/mainwindow.h"
#include "views/mainwindow/workspace.h"

#include <QAction>
#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QScrollBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>

using namespace Qt::StringLiterals;
using namespace rentdesk;
using namespace rentdesk::bench;
using models::itemmodels::ApartmentTableModel;

namespace {

// The occupancy calendar of a renter (every apartment a row) scrolled by a wheel notch (three
// rows) at a time through its first 2 000 rows, each step until it is painted (the view paints
// what scrolled into sight): the frames' median, 95th percentile and worst, in the month and
// the three-month zoom, and a repaint of the whole view; and a month's move with 2 000 rows
// read. A frame over 16 ms is one a person could see stutter.
bool measureCalendar(views::MainWindow &window, views::Workspace &workspace, QJsonObject &result)
{
    const auto renter = workspace.accounts.logIn(models::demo::demoRenter().email, models::demo::demoPassword());
    if (!renter) {
        fail(renter.error().message);
        return false;
    }
    workspace.session.signIn(*renter);
    QElapsedTimer timer;
    timer.start();
    window.actions().showCalendar->trigger();
    views::CalendarPage *page = window.calendarPage();
    views::OccupancyView *view = page->view();
    view->viewport()->repaint();
    result.insert(u"calendar_open_ms"_s, double(timer.nsecsElapsed()) / 1e6);
    constexpr int Rows = 2000;
    result.insert(u"calendar_rows_total"_s, page->model()->totalRows());
    QJsonObject frames;
    for (const auto zoom : { views::CalendarPage::Zoom::Month, views::CalendarPage::Zoom::Quarter }) {
        page->setZoom(zoom);
        view->verticalScrollBar()->setValue(0);
        std::vector<double> samples;
        const int step = 3 * view->rowHeight();
        while (view->verticalScrollBar()->value() + view->viewport()->height() < Rows * view->rowHeight()) {
            timer.restart();
            view->verticalScrollBar()->setValue(view->verticalScrollBar()->value() + step);
            QCoreApplication::processEvents();
            samples.push_back(double(timer.nsecsElapsed()) / 1e6);
            if (samples.size() > 10 * Rows)
                break;
        }
        std::sort(samples.begin(), samples.end());
        QJsonObject figures;
        figures.insert(u"frames"_s, int(samples.size()));
        figures.insert(u"median_ms"_s, median(samples));
        figures.insert(u"p95_ms"_s, samples.empty() ? 0.0 : samples[samples.size() * 95 / 100]);
        figures.insert(u"worst_ms"_s, samples.empty() ? 0.0 : samples.back());
        std::vector<double> full;
        for (int i = 0; i < 11; ++i) {
            timer.restart();
            view->viewport()->repaint();
            full.push_back(double(timer.nsecsElapsed()) / 1e6);
        }
        figures.insert(u"full_repaint_ms"_s, median(full));
        frames.insert(zoom == views::CalendarPage::Zoom::Month ? u"month"_s : u"quarter"_s, figures);
    }
    result.insert(u"calendar_scroll_frames"_s, frames);
    result.insert(u"calendar_rows_read"_s, page->model()->rowCount());
    // A month on, with the rows read so far (over 2 000) and their bars read again.
    page->setZoom(views::CalendarPage::Zoom::Month);
    std::vector<double> moves;
    for (int i = 0; i < 6; ++i) {
        timer.restart();
        if (i % 2)
            page->showPrevious();
        else
            page->showNext();
        view->viewport()->repaint();
        moves.push_back(double(timer.nsecsElapsed()) / 1e6);
    }
    result.insert(u"calendar_month_step_ms"_s, median(moves));
    if (!page->model()->lastError().isEmpty()) {
        fail(page->model()->lastError());
        return false;
    }
    return page->model()->rowCount() >= Rows || page->model()->rowCount() == page->model()->totalRows();
}

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"rentdesk-bench-ui"_s);
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Measures the Apartments page on generated data; prints JSON."_s);
    parser.addHelpOption();
    const QCommandLineOption apartmentsOption(u"apartments"_s, u"Apartments to generate (default 20000)."_s, u"n"_s,
                                              u"20000"_s);
    const QCommandLineOption runsOption(u"runs"_s, u"Repetitions per measurement (default 11)."_s, u"n"_s, u"11"_s);
    const QCommandLineOption jsonOption(u"json"_s, u"Print one JSON object (the default and only format)."_s);
    const QCommandLineOption replicaOption(
        u"replica"_s, u"Compare the page on a connected replica with a standalone database, and time pokes."_s);
    const QCommandLineOption pokesOption(u"pokes"_s, u"With --replica: changes to time (default 30)."_s, u"n"_s,
                                         u"30"_s);
    parser.addOptions({ apartmentsOption, runsOption, jsonOption, replicaOption, pokesOption });
    parser.process(app);
    const int apartments = parser.value(apartmentsOption).toInt();
    const int runs = std::max(3, parser.value(runsOption).toInt());
    if (apartments < 100) {
        fail(u"--apartments must be at least 100"_s);
        return 2;
    }
    if (parser.isSet(replicaOption)) {
        models::i18n::Translator translator;
        translator.switchTo(models::domain::Language::English);
        return runReplicaBench(apartments, runs, std::max(1, parser.value(pokesOption).toInt()));
    }

    QTemporaryDir dir;
    auto opened = models::db::Database::open(dir.filePath(u"bench.sqlite"_s));
    if (!opened) {
        fail(opened.error().message);
        return 1;
    }
    const std::shared_ptr<models::db::Database> database = *opened;
    auto generated = models::demo::generateDemoData(*database, { 2026, apartments, Today });
    if (!generated) {
        fail(generated.error().message);
        return 1;
    }
    models::i18n::Translator translator;
    translator.switchTo(models::domain::Language::English);
    models::services::ManualClock clock(QDateTime(Today, QTime(10, 0), Qt::UTC));
    models::services::Session session;
    views::Workspace workspace(database, clock, models::services::Mode::Standalone, session);

    QJsonObject result;
    result.insert(u"apartments"_s, apartments);
    result.insert(u"bookings"_s, generated->bookings);
    result.insert(u"runs"_s, runs);
    bool ok = true;

    // Opening: the window is built, counts, reads the first page and paints it.
    QElapsedTimer timer;
    timer.start();
    views::MainWindow window(workspace);
    window.resize(1280, 800);
    window.show();
    settle(&window);
    auto *table = window.findChild<QTableView *>(u"apartmentsTable"_s);
    auto *model = window.apartmentsPage()->apartments();
    if (!table || model->rowCount() == 0) {
        fail(u"the Apartments table shows no rows"_s);
        return 1;
    }
    result.insert(u"open_first_rows_ms"_s, double(timer.nsecsElapsed()) / 1e6);
    result.insert(u"rows_total"_s, model->totalCount());
    result.insert(u"rows_in_memory_after_open"_s, model->cachedRows());

    // Scrolling to the end reads the last page, not every row before it.
    timer.restart();
    table->scrollToBottom();
    settle(&window);
    result.insert(u"scroll_to_end_ms"_s, double(timer.nsecsElapsed()) / 1e6);
    result.insert(u"rows_in_memory_after_scroll_to_end"_s, model->cachedRows());
    table->scrollToTop();
    settle(&window);

    // A filter change as the debounce delivers it, until the table has repainted.
    const QList<models::query::ApartmentFilter> filters = typicalFilters(connectionOf(*database), runs);
    result.insert(u"filter_change_ms"_s, medianMs(runs, ok, [&](int i) {
                      model->setFilter(filters[i]);
                      settle(&window);
                      return !model->lastError();
                  }));
    model->setFilter({});
    settle(&window);

    // Sorts by each column, both orders, over what the model holds now: the median of each
    // column by its title, and the worst of them.
    const auto sortEveryColumn = [&](const QString &byColumn, const QString &worstColumn) {
        QJsonObject byTitle;
        double worst = 0;
        for (int column = 0; column < ApartmentTableModel::ColumnCount; ++column) {
            std::vector<double> samples;
            for (int i = 0; i < std::max(2, runs / 3) * 2; ++i) {
                timer.restart();
                table->sortByColumn(column, i % 2 ? Qt::DescendingOrder : Qt::AscendingOrder);
                settle(&window);
                samples.push_back(double(timer.nsecsElapsed()) / 1e6);
                if (model->lastError()) {
                    fail(u"sorting by column %1: %2"_s.arg(column).arg(model->lastError()->message));
                    ok = false;
                }
            }
            const double ms = median(samples);
            worst = std::max(worst, ms);
            byTitle.insert(model->headerData(column, Qt::Horizontal).toString(), ms);
        }
        result.insert(byColumn, byTitle);
        result.insert(worstColumn, worst);
    };

    // Over every apartment (no filter).
    sortEveryColumn(u"sort_ms_by_column"_s, u"sort_ms_worst_column"_s);

    // Within one city, as people browse (a few thousand apartments).
    models::query::ApartmentFilter city;
    city.city = filters.value(0).city;
    model->setFilter(city);
    settle(&window);
    result.insert(u"city_rows"_s, model->totalCount());
    sortEveryColumn(u"city_sort_ms_by_column"_s, u"city_sort_ms_worst_column"_s);
    if (!measureCalendar(window, workspace, result)) {
        fail(u"the occupancy calendar did not read its rows"_s);
        ok = false;
    }
    result.insert(u"peak_rss_mb"_s, peakRssMb());

    QTextStream(stdout) << QJsonDocument(result).toJson(QJsonDocument::Compact) << u'\n';
    return ok ? 0 : 1;
}
