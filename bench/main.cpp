// SPDX-License-Identifier: GPL-3.0-or-later
//
// rentdesk-bench: measures RentDesk on data it generates itself and prints one JSON object.
// Figures are medians over repeated runs; they are measurements, not tests.

#include "db/database.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>
#include <functional>
#include <vector>

using namespace Qt::StringLiterals;

namespace {

double median(std::vector<double> samples)
{
    std::sort(samples.begin(), samples.end());
    const size_t n = samples.size();
    return n % 2 ? samples[n / 2] : (samples[n / 2 - 1] + samples[n / 2]) / 2;
}

// Runs fn `runs` times and returns the median wall time in milliseconds.
double medianMs(int runs, const std::function<void(int)> &fn)
{
    std::vector<double> samples;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer timer;
        timer.start();
        fn(i);
        samples.push_back(double(timer.nsecsElapsed()) / 1e6);
    }
    return median(samples);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"rentdesk-bench"_s);
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Measures RentDesk and prints the figures as JSON."_s);
    parser.addHelpOption();
    const QCommandLineOption runsOption(u"runs"_s, u"Repetitions per measurement (default 9)."_s, u"n"_s, u"9"_s);
    const QCommandLineOption jsonOption(u"json"_s, u"Print one JSON object (the default and only format)."_s);
    parser.addOptions({ runsOption, jsonOption });
    parser.process(app);
    const int runs = std::max(1, parser.value(runsOption).toInt());

    QTemporaryDir dir;
    QJsonObject result;
    bool ok = true;

    // Creating a database: file, WAL, every migration in its own transaction.
    result.insert(u"create_database_ms"_s, medianMs(runs, [&](int i) {
                      ok = ok && rentdesk::db::Database::open(dir.filePath(u"new-%1.sqlite"_s.arg(i))).has_value();
                  }));
    // Opening an existing, current database: the probe, the PRAGMAs and their checks.
    const QString existing = dir.filePath(u"new-0.sqlite"_s);
    result.insert(u"open_database_ms"_s,
                  medianMs(runs, [&](int) { ok = ok && rentdesk::db::Database::open(existing).has_value(); }));
    result.insert(u"runs"_s, runs);

    QTextStream(stdout) << QJsonDocument(result).toJson(QJsonDocument::Compact) << u'\n';
    return ok ? 0 : 1;
}
