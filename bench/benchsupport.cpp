// SPDX-License-Identifier: GPL-3.0-or-later
#include "bench/benchsupport.h"

#include "models/db/query.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTextStream>
#include <QTimer>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <sys/resource.h>
#include <unistd.h>

namespace rentdesk::bench {

using namespace Qt::StringLiterals;

double median(std::vector<double> samples)
{
    if (samples.empty())
        return -1;
    std::sort(samples.begin(), samples.end());
    const size_t n = samples.size();
    return n % 2 ? samples[n / 2] : (samples[n / 2 - 1] + samples[n / 2]) / 2;
}

double medianMs(int runs, bool &ok, const std::function<bool(int)> &fn)
{
    std::vector<double> samples;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer timer;
        timer.start();
        const bool done = fn(i);
        const double ms = double(timer.nsecsElapsed()) / 1e6;
        if (!done) {
            ok = false;
            return -1;
        }
        samples.push_back(ms);
    }
    return median(samples);
}

double peakRssMb()
{
    return peakRssMbOf(u"/proc/self/status"_s);
}

double peakRssMbOf(const QString &statusPath)
{
    QFile status(statusPath);
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').value(0).toDouble() / 1024.0;
    }
    return -1;
}

bool resetPeakRss()
{
    return resetPeakRssOf(u"/proc/self/clear_refs"_s);
}

bool resetPeakRssOf(const QString &clearRefsPath)
{
    // "5" resets the peak to the current resident set (proc(5)).
    QFile clearRefs(clearRefsPath);
    return clearRefs.open(QIODevice::WriteOnly) && clearRefs.write("5") == 1;
}

double processCpuSeconds()
{
    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    const auto seconds = [](const timeval &t) {
        return double(t.tv_sec) + double(t.tv_usec) / 1e6;
    };
    return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

namespace {

// The fields of /proc/<pid>/stat after the command's name (which is in parentheses and may hold
// spaces): field 3 of proc(5), the state, is [0]; empty when it cannot be read.
QList<QByteArray> statFields(const QString &pid)
{
    QFile stat(u"/proc/%1/stat"_s.arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return {};
    const QByteArray text = stat.readAll();
    return text.mid(text.lastIndexOf(')') + 2).split(' ');
}

} // namespace

double cpuSecondsOf(qint64 pid, bool withChildren)
{
    const QList<QByteArray> own = statFields(QString::number(pid));
    if (own.size() < 15)
        return -1;
    // utime and stime; cutime and cstime, of the children it has waited for.
    qint64 ticks = own[11].toLongLong() + own[12].toLongLong();
    if (withChildren) {
        ticks += own[13].toLongLong() + own[14].toLongLong();
        const QStringList processes = QDir(u"/proc"_s).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
        for (const QString &process : processes) {
            bool number = false;
            process.toLongLong(&number);
            if (!number)
                continue;
            const QList<QByteArray> child = statFields(process);
            if (child.size() >= 13 && child[1].toLongLong() == pid)
                ticks += child[11].toLongLong() + child[12].toLongLong();
        }
    }
    return double(ticks) / double(sysconf(_SC_CLK_TCK));
}

double percentileMs(std::vector<qint64> samples, double fraction)
{
    if (samples.empty())
        return -1;
    std::sort(samples.begin(), samples.end());
    // The nearest-rank percentile: the smallest sample with at least that fraction at or below it.
    const size_t rank = size_t(std::ceil(fraction * double(samples.size())));
    return double(samples[std::clamp<size_t>(rank, 1, samples.size()) - 1]) / 1e6;
}

qint64 nowNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

bool waitFor(const std::function<bool()> &done, int timeoutMs)
{
    // Wakes the loop now and then, so that the timeout is seen while nothing arrives.
    QTimer tick;
    tick.start(20);
    QElapsedTimer waited;
    waited.start();
    while (!done()) {
        if (waited.elapsed() > timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    }
    return true;
}

QString cpuModel()
{
    QFile info(u"/proc/cpuinfo"_s);
    if (!info.open(QIODevice::ReadOnly))
        return {};
    for (const QByteArray &line : info.readAll().split('\n')) {
        if (line.startsWith("model name"))
            return QString::fromUtf8(line.mid(line.indexOf(':') + 1).trimmed());
    }
    return {};
}

double loadAverage()
{
    QFile load(u"/proc/loadavg"_s);
    return load.open(QIODevice::ReadOnly) ? load.readAll().split(' ').value(0).toDouble() : -1;
}

void fail(const QString &what)
{
    QTextStream(stderr) << QCoreApplication::applicationName() << u": "_s << what << u'\n';
}

// A filter of the benchmark's typical shape: one city, the middle half of its prices,
// two rooms or more, free for a week some weeks ahead.
QList<models::query::ApartmentFilter> typicalFilters(const QSqlDatabase &db, int count)
{
    QList<models::query::ApartmentFilter> result;
    // Each city with its currency and the quartiles of its prices.
    auto cities = models::db::exec(db, uR"(
        SELECT b.city, a.currency, count(*) FROM apartments AS a JOIN buildings AS b ON b.id = a.building_id
        GROUP BY b.city, a.currency ORDER BY count(*) DESC)"_s);
    struct City
    {
        QString name, currency;
        qint64 low = 0, high = 0;
    };
    QList<City> list;
    while (cities && cities->next())
        list.append({ cities->value(0).toString(), cities->value(1).toString() });
    for (City &city : list) {
        auto prices =
            models::db::exec(db,
                             u"SELECT a.monthly_price FROM apartments AS a JOIN buildings AS b ON b.id = a.building_id "
                             "WHERE b.city = :city ORDER BY a.monthly_price"_s,
                             { { u":city"_s, city.name } });
        std::vector<qint64> values;
        while (prices && prices->next())
            values.push_back(prices->value(0).toLongLong());
        if (values.empty())
            continue;
        city.low = values[values.size() / 4];
        city.high = values[values.size() * 3 / 4];
    }
    for (int i = 0; i < count && !list.isEmpty(); ++i) {
        const City &city = list[i % list.size()];
        models::query::ApartmentFilter filter;
        filter.city = city.name;
        filter.currency = city.currency;
        filter.minPrice = city.low;
        filter.maxPrice = city.high;
        filter.minRooms = 2;
        filter.freeFrom = Today.addDays(14 + 3 * i);
        filter.freeTo = filter.freeFrom->addDays(7);
        result.append(filter);
    }
    return result;
}

QSqlDatabase connectionOf(const models::db::Database &database)
{
    auto db = database.tryConnection();
    if (!db) {
        fail(db.error().message);
        std::exit(1);
    }
    return *db;
}

} // namespace rentdesk::bench
