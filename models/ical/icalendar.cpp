// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/ical/icalendar.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QHash>
#include <QLocale>
#include <QMap>
#include <QSet>
#include <QStringDecoder>

#include <algorithm>
#include <functional>
#include <libical/ical.h>
#include <memory>
#include <optional>
#include <vector>

namespace rentdesk::models::ical {

using namespace Qt::StringLiterals;

namespace {

// Steps of libical's recurrence iterator in one calendar. The window and maxEvents bound the
// occurrences kept, but not the ones looked at and dropped: those of a COUNT rule that began
// decades ago (such a rule cannot skip ahead), or of a rule with many occurrences a day. This is
// about a second of work.
constexpr int MaxRecurrenceSteps = 1'000'000;

// How much of a value a message quotes.
constexpr qsizetype QuotedLength = 60;

struct ComponentFree
{
    void operator()(icalcomponent *component) const { icalcomponent_free(component); }
};
// A component this code owns. A component inside a parent belongs to the parent, and
// icalcomponent_free ignores it, so one is released when it is added and owned again when removed.
using Component = std::unique_ptr<icalcomponent, ComponentFree>;

struct IteratorFree
{
    void operator()(icalrecur_iterator *iterator) const { icalrecur_iterator_free(iterator); }
};
using RecurIterator = std::unique_ptr<icalrecur_iterator, IteratorFree>;

struct BufferFree
{
    void operator()(char *buffer) const { icalmemory_free_buffer(buffer); }
};
// What libical's *_r functions return: the caller's, freed with libical's allocator.
using Buffer = std::unique_ptr<char, BufferFree>;

// A refusal at a line; text is marked with QT_TRANSLATE_NOOP("ICalendar", …) where it is
// written, its %1 is the line and the rest are substituted in one pass, so that a value quoted
// from the file cannot be taken for a placeholder.
template<typename... Args> IcsError lineError(int line, const char *text, const Args &...args)
{
    return { line, QCoreApplication::translate("ICalendar", text).arg(QString::number(line), args...) };
}

// A refusal of the whole file (line 0).
template<typename... Args> IcsError fileError(const char *text, const Args &...args)
{
    const QString message = QCoreApplication::translate("ICalendar", text);
    if constexpr (sizeof...(Args) == 0)
        return { 0, message };
    else
        return { 0, message.arg(args...) };
}

IcsError tooLarge(qint64 maxBytes)
{
    return fileError(QT_TRANSLATE_NOOP("ICalendar", "The calendar is larger than %1, the most RentDesk reads."),
                     QLocale().formattedDataSize(maxBytes));
}

// Text libical can take: UTF-8 without NUL, which would end its C strings early.
bool isText(QByteArrayView bytes)
{
    return bytes.isValidUtf8() && !bytes.contains('\0');
}

// Part of a value for a message, cut when it is long.
QString quoted(const QString &text)
{
    return text.size() <= QuotedLength ? text : text.left(QuotedLength) + u'…';
}

// One content line with its folding undone, the physical line of the file it starts on, and
// where each line folded into it begins (offset in text, physical line).
struct ContentLine
{
    QByteArray text;
    int number = 0;
    QList<std::pair<qsizetype, int>> folds;
};

// The content lines of a calendar (RFC 5545 3.1). libical's parser reports no lines, so the
// folding is undone here, one line at a time, remembering where each began. Physical lines may
// end in CRLF, LF or a lone CR; a UTF-8 byte-order mark is skipped.
class ContentLines final
{
public:
    explicit ContentLines(QByteArrayView data)
        : m_data(data)
    {
        if (m_data.startsWith("\xEF\xBB\xBF"))
            m_position = 3;
    }

    std::optional<ContentLine> next()
    {
        if (m_position >= m_data.size())
            return std::nullopt;
        ContentLine line { takePhysical().toByteArray(), m_physical, {} };
        // A line that begins with a space or a tab goes on with the one before, less that character.
        while (m_position < m_data.size() && (m_data[m_position] == ' ' || m_data[m_position] == '\t')) {
            const QByteArrayView more = takePhysical();
            line.folds.append({ line.text.size(), m_physical });
            line.text += more.sliced(1);
        }
        return line;
    }

private:
    QByteArrayView takePhysical()
    {
        ++m_physical;
        const qsizetype begin = m_position;
        while (m_position < m_data.size() && m_data[m_position] != '\n' && m_data[m_position] != '\r')
            ++m_position;
        const QByteArrayView text = m_data.sliced(begin, m_position - begin);
        if (m_position < m_data.size()) {
            const char lineEnd = m_data[m_position++];
            if (lineEnd == '\r' && m_position < m_data.size() && m_data[m_position] == '\n')
                ++m_position; // CRLF
        }
        return text;
    }

    QByteArrayView m_data;
    qsizetype m_position = 0;
    int m_physical = 0;
};

// The physical line of the first byte of a content line that is not UTF-8 text. Folding may
// split a character between two lines, so the pieces go through one decoder, which carries a
// character begun at the end of one piece over to the next.
int lineOfBadText(const ContentLine &line)
{
    QStringDecoder decoder(QStringDecoder::Utf8);
    qsizetype begin = 0;
    int number = line.number;
    for (qsizetype fold = 0;; ++fold) {
        const qsizetype end = fold < line.folds.size() ? line.folds.at(fold).first : line.text.size();
        const QString text = decoder.decode(QByteArrayView(line.text).sliced(begin, end - begin));
        // What is left after the last piece is a character cut short at the end of the line.
        if (decoder.hasError() || text.contains(QChar(u'\0')) || fold == line.folds.size())
            return number;
        begin = end;
        number = line.folds.at(fold).second;
    }
}

// A content line's name, and where its value begins: after the first colon outside a quoted
// parameter value; valueAt is -1 when there is no such colon.
struct LineParts
{
    QByteArrayView name;
    qsizetype valueAt = -1;
};

LineParts partsOf(QByteArrayView text)
{
    qsizetype nameEnd = -1;
    qsizetype valueAt = -1;
    bool quoted = false;
    for (qsizetype i = 0; i < text.size() && valueAt < 0; ++i) {
        const char c = text[i];
        if (c == '"')
            quoted = !quoted;
        else if (!quoted && (c == ';' || c == ':') && nameEnd < 0)
            nameEnd = i;
        if (!quoted && c == ':')
            valueAt = i + 1;
    }
    return { text.first(nameEnd < 0 ? text.size() : nameEnd), valueAt };
}

// An empty SUMMARY, DESCRIPTION or X- property says nothing, though libical refuses it, and
// calendars in the wild have them.
bool saysNothing(const ContentLine &line, const LineParts &parts)
{
    if (parts.valueAt != line.text.size())
        return false;
    const icalproperty_kind kind = icalproperty_string_to_kind(parts.name.toByteArray().constData());
    return kind == ICAL_X_PROPERTY || icalproperty_kind_to_value_kind(kind) == ICAL_TEXT_VALUE;
}

QString writtenDate(const icaltimetype &time)
{
    return u"%1-%2-%3"_s.arg(time.year, 4, 10, QChar(u'0'))
        .arg(time.month, 2, 10, QChar(u'0'))
        .arg(time.day, 2, 10, QChar(u'0'));
}

QString writtenTime(const icaltimetype &time)
{
    return u"%1:%2:%3"_s.arg(time.hour, 2, 10, QChar(u'0'))
        .arg(time.minute, 2, 10, QChar(u'0'))
        .arg(time.second, 2, 10, QChar(u'0'));
}

// libical reads the digits of a date or time without asking whether that day or time exists.
std::optional<IcsError> checkTime(const icaltimetype &time, int line)
{
    if (icaltime_is_null_time(time))
        return std::nullopt;
    if (!QDate::isValid(time.year, time.month, time.day))
        return lineError(line, QT_TRANSLATE_NOOP("ICalendar", "Line %1: the date %2 does not exist."),
                         writtenDate(time));
    // A second of 60 is a leap second.
    if (!time.is_date && (time.hour > 23 || time.minute > 59 || time.second > 60))
        return lineError(line, QT_TRANSLATE_NOOP("ICalendar", "Line %1: the time %2 does not exist."),
                         writtenTime(time));
    return std::nullopt;
}

std::optional<IcsError> checkTimes(const icalproperty *property, int line)
{
    const icalvalue *value = icalproperty_get_value(property);
    std::vector<icaltimetype> times;
    switch (icalvalue_isa(value)) {
    case ICAL_DATE_VALUE:
    case ICAL_DATETIME_VALUE:
        times = { icalvalue_get_datetime(value) };
        break;
    case ICAL_DATETIMEDATE_VALUE:
        times = { icalvalue_get_datetimedate(value) };
        break;
    case ICAL_DATETIMEPERIOD_VALUE: {
        const icaldatetimeperiodtype both = icalvalue_get_datetimeperiod(value);
        times = { both.time, both.period.start, both.period.end };
        break;
    }
    case ICAL_PERIOD_VALUE: {
        const icalperiodtype period = icalvalue_get_period(value);
        times = { period.start, period.end };
        break;
    }
    case ICAL_RECUR_VALUE:
        times = { icalvalue_get_recur(value).until };
        break;
    default:
        break;
    }
    for (const icaltimetype &time : times) {
        if (auto bad = checkTime(time, line))
            return bad;
    }
    return std::nullopt;
}

// Why libical refused a line, from the X-LIC-ERROR it put in its place.
IcsError refusalOf(icalproperty *error, const ContentLine &line, const LineParts &parts)
{
    const QString name = QString::fromUtf8(parts.name);
    const icalparameter *type = icalproperty_get_first_parameter(error, ICAL_XLICERRORTYPE_PARAMETER);
    switch (type ? icalparameter_get_xlicerrortype(type) : ICAL_XLICERRORTYPE_NONE) {
    case ICAL_XLICERRORTYPE_PROPERTYPARSEERROR:
        return lineError(line.number,
                         QT_TRANSLATE_NOOP("ICalendar", "Line %1: “%2” is not a property of an iCalendar file."),
                         quoted(QString::fromUtf8(parts.name)));
    case ICAL_XLICERRORTYPE_VALUEPARSEERROR:
        return lineError(line.number, QT_TRANSLATE_NOOP("ICalendar", "Line %1: the %2 value “%3” cannot be read."),
                         name, quoted(QString::fromUtf8(QByteArrayView(line.text).sliced(parts.valueAt))));
    case ICAL_XLICERRORTYPE_PARAMETERNAMEPARSEERROR:
    case ICAL_XLICERRORTYPE_PARAMETERVALUEPARSEERROR:
        return lineError(line.number, QT_TRANSLATE_NOOP("ICalendar", "Line %1: a parameter of %2 cannot be read."),
                         name);
    default:
        return lineError(line.number, QT_TRANSLATE_NOOP("ICalendar", "Line %1: this is not an iCalendar line: “%2”."),
                         quoted(QString::fromUtf8(line.text)));
    }
}

std::vector<icalproperty *> propertiesOf(icalcomponent *component, icalproperty_kind kind)
{
    std::vector<icalproperty *> properties;
    for (icalproperty *property = icalcomponent_get_first_property(component, kind); property;
         property = icalcomponent_get_next_property(component, kind))
        properties.push_back(property);
    return properties;
}

// The day a time falls on where it is written.
QDate dayOf(const icaltimetype &time)
{
    return { time.year, time.month, time.day };
}

// The day after the last one an end takes: an end at midnight leaves its day free, a later one
// takes that day too.
QDate dayAfter(const icaltimetype &end)
{
    const QDate day = dayOf(end);
    return end.is_date || (end.hour == 0 && end.minute == 0 && end.second == 0) ? day : day.addDays(1);
}

// A time as seen in the zone of another, so that both count their days alike; floating times
// (no zone) stay as written.
icaltimetype inZoneOf(const icaltimetype &time, const icaltimetype &other)
{
    if (time.is_date || !time.zone || !other.zone || time.zone == other.zone)
        return time;
    return icaltime_convert_to_zone(time, const_cast<icaltimezone *>(other.zone));
}

// The instant of a time, to compare with EXDATE values; floating times count as UTC, as in libical.
qint64 momentOf(const icaltimetype &time)
{
    return icaltime_as_timet_with_zone(time, time.zone);
}

// What one VEVENT occupies: [first, end), and how long it lasts when it has times, which its
// occurrences last too.
struct Span
{
    QDate first;
    QDate end;
    icaldurationtype length = icaldurationtype_null_duration();
};

// A VEVENT with RECURRENCE-ID: one occurrence of a recurring event, changed.
struct Change
{
    QString uid;
    icaltimetype recurrenceId;
    IcsEvent event;
    bool occupies = false;
    int line = 0;
};

// Reads one calendar. Components are built with libical from the properties it parses line by
// line, and each VEVENT is turned into events as soon as it ends, so that a calendar with too
// many events is refused at the event that passes the limit. An event that names a time zone
// not yet defined waits for the end of the calendar, where a VTIMEZONE may still come.
class CalendarReader final
{
public:
    explicit CalendarReader(const IcsLimits &limits)
        : m_limits(limits)
        , m_calendar(icalcomponent_new(ICAL_VCALENDAR_COMPONENT))
    {
    }

    std::expected<QList<IcsEvent>, IcsError> read(const QByteArray &data);

private:
    // A component between its BEGIN and END; one RentDesk does not read has no component.
    struct Open
    {
        Component component;
        QByteArray name;
        int line = 0;
    };

    struct Waiting
    {
        Component event;
        int line = 0;
    };

    std::optional<IcsError> readLine(const ContentLine &line);
    Open opened(const QByteArray &name, int line, icalcomponent *parent) const;
    std::optional<IcsError> close(Open closing, icalcomponent *parent);
    std::optional<IcsError> readProperty(icalcomponent *into, const ContentLine &line);
    std::optional<IcsError> finish();

    icaltimezone *zoneNamed(const char *tzid) const;
    bool zonesDefinedInFile(icalcomponent *event) const;
    icaltimetype zoned(icalproperty *property, icaltimetype time) const;
    int lineOf(const icalproperty *property) const { return m_lines.value(property); }

    std::optional<IcsError> readEvent(icalcomponent *event, int line);
    std::expected<Span, IcsError> spanOf(icalcomponent *event, const icaltimetype &start) const;
    std::optional<IcsError> expand(icalcomponent *event, const icaltimetype &start, const Span &span,
                                   const IcsEvent &base, int line);
    std::optional<IcsError> follow(icalproperty *property, icalrecurrencetype rule, const icaltimetype &start,
                                   const std::function<std::optional<IcsError>(const icaltimetype &)> &take);
    std::optional<IcsError> place(IcsEvent event, int line);
    std::optional<IcsError> applyChanges();

    bool inWindow(QDate day) const { return day >= m_limits.expandFrom && day < m_limits.expandTo; }
    IcsError tooMany(int line) const
    {
        return lineError(line,
                         QT_TRANSLATE_NOOP("ICalendar",
                                           "Line %1: the calendar has more than %2 events, the most "
                                           "RentDesk reads."),
                         QString::number(m_limits.maxEvents));
    }

    const IcsLimits &m_limits;
    Component m_calendar; // with the file's VTIMEZONEs; events are read apart from it
    bool m_allText = false; // the whole file is UTF-8, no line need be checked
    int m_calendarLine = 0; // of BEGIN:VCALENDAR, 0 before it
    bool m_ended = false; // END:VCALENDAR read
    std::vector<Open> m_open; // the components begun inside the VCALENDAR and not ended
    QHash<const icalproperty *, int> m_lines; // where each property read was written
    std::vector<Waiting> m_waiting;
    std::vector<Change> m_changes;
    QList<IcsEvent> m_events;
    QHash<QString, qsizetype> m_indexOf; // of each event in m_events, by its uid
    QHash<QString, int> m_lineOfUid; // each VEVENT's UID, with the line of its BEGIN
    QHash<QString, const icaltimezone *> m_seriesZones; // of each recurring event's DTSTART
    int m_steps = 0;
};

std::expected<QList<IcsEvent>, IcsError> CalendarReader::read(const QByteArray &data)
{
    if (data.size() > m_limits.maxBytes)
        return std::unexpected(tooLarge(m_limits.maxBytes));
    // Checked as a whole first, as nearly every file passes; otherwise line by line, for the line.
    m_allText = isText(data);
    ContentLines lines(data);
    while (const auto line = lines.next()) {
        if (line->text.isEmpty())
            continue;
        if (auto error = readLine(*line))
            return std::unexpected(*error);
    }
    if (m_calendarLine == 0)
        return std::unexpected(fileError(QT_TRANSLATE_NOOP("ICalendar", "The calendar is empty.")));
    if (!m_ended) {
        const int line = m_open.empty() ? m_calendarLine : m_open.back().line;
        const QString name = m_open.empty() ? u"VCALENDAR"_s : QString::fromUtf8(m_open.back().name);
        return std::unexpected(lineError(
            line, QT_TRANSLATE_NOOP("ICalendar", "Line %1: BEGIN:%2 has no END; the file may be cut short."), name));
    }
    return m_events;
}

std::optional<IcsError> CalendarReader::readLine(const ContentLine &line)
{
    const LineParts parts = partsOf(line.text);
    const bool begins = parts.valueAt >= 0 && parts.name.compare("BEGIN", Qt::CaseInsensitive) == 0;
    const bool ends = parts.valueAt >= 0 && parts.name.compare("END", Qt::CaseInsensitive) == 0;
    // The component a BEGIN or END line names.
    const QByteArray value = begins || ends
        ? QByteArrayView(line.text).sliced(parts.valueAt).trimmed().toByteArray().toUpper()
        : QByteArray();
    if (m_calendarLine == 0) {
        if (!begins || value != "VCALENDAR")
            return fileError(QT_TRANSLATE_NOOP(
                "ICalendar", "This is not an iCalendar file: it does not begin with BEGIN:VCALENDAR."));
        m_calendarLine = line.number;
        return std::nullopt;
    }
    if (m_ended)
        return lineError(line.number,
                         QT_TRANSLATE_NOOP("ICalendar", "Line %1: the file goes on after the end of the calendar."));
    if (!m_allText && !isText(line.text))
        return lineError(lineOfBadText(line),
                         QT_TRANSLATE_NOOP("ICalendar",
                                           "Line %1: the text is not UTF-8; the file "
                                           "may be in another encoding."));
    icalcomponent *current = m_open.empty() ? m_calendar.get() : m_open.back().component.get();
    if (begins) {
        m_open.push_back(opened(value, line.number, current));
        return std::nullopt;
    }
    if (!ends)
        return current ? readProperty(current, line) : std::nullopt;
    const QByteArray expected = m_open.empty() ? "VCALENDAR"_ba : m_open.back().name;
    if (value != expected)
        return lineError(line.number,
                         QT_TRANSLATE_NOOP("ICalendar", "Line %1: END:%2 does not close BEGIN:%3 of line %4."),
                         QString::fromUtf8(value), QString::fromUtf8(expected),
                         QString::number(m_open.empty() ? m_calendarLine : m_open.back().line));
    if (m_open.empty()) {
        m_ended = true;
        return finish();
    }
    Open closing = std::move(m_open.back());
    m_open.pop_back();
    return close(std::move(closing), m_open.empty() ? m_calendar.get() : m_open.back().component.get());
}

CalendarReader::Open CalendarReader::opened(const QByteArray &name, int line, icalcomponent *parent) const
{
    Open open { nullptr, name, line };
    // VTODO, VJOURNAL, VFREEBUSY, VALARM and unknown components are skipped unread.
    bool reads = false;
    if (parent == m_calendar.get())
        reads = open.name == "VEVENT" || open.name == "VTIMEZONE";
    else if (parent && icalcomponent_isa(parent) == ICAL_VTIMEZONE_COMPONENT)
        reads = open.name == "STANDARD" || open.name == "DAYLIGHT";
    if (reads)
        open.component.reset(icalcomponent_new(icalcomponent_string_to_kind(open.name.constData())));
    return open;
}

std::optional<IcsError> CalendarReader::close(Open closing, icalcomponent *parent)
{
    if (!closing.component)
        return std::nullopt;
    switch (icalcomponent_isa(closing.component.get())) {
    case ICAL_VEVENT_COMPONENT:
        if (!zonesDefinedInFile(closing.component.get())) {
            m_waiting.push_back({ std::move(closing.component), closing.line });
            return std::nullopt;
        }
        return readEvent(closing.component.get(), closing.line);
    case ICAL_VTIMEZONE_COMPONENT:
        // libical files a zone under its TZID as the VTIMEZONE is added, and needs one to find it.
        if (!icalcomponent_get_first_property(closing.component.get(), ICAL_TZID_PROPERTY))
            return lineError(closing.line, QT_TRANSLATE_NOOP("ICalendar", "Line %1: the time zone has no TZID."));
        icalcomponent_add_component(m_calendar.get(), closing.component.release());
        return std::nullopt;
    default:
        icalcomponent_add_component(parent, closing.component.release());
        return std::nullopt;
    }
}

std::optional<IcsError> CalendarReader::readProperty(icalcomponent *into, const ContentLine &line)
{
    const LineParts parts = partsOf(line.text);
    if (saysNothing(line, parts))
        return std::nullopt;
    // libical parses calendars, not lines: the line wrapped in a VCALENDAR comes back as its
    // properties (a list such as EXDATE's as one each), or with X-LIC-ERROR saying what failed.
    const QByteArray wrapped = "BEGIN:VCALENDAR\r\n"_ba + line.text + "\r\nEND:VCALENDAR\r\n"_ba;
    const Component parsed(icalparser_parse_string(wrapped.constData()));
    const std::vector<icalproperty *> properties =
        parsed ? propertiesOf(parsed.get(), ICAL_ANY_PROPERTY) : std::vector<icalproperty *>();
    if (parts.valueAt < 0 || properties.empty())
        return lineError(line.number, QT_TRANSLATE_NOOP("ICalendar", "Line %1: this is not an iCalendar line: “%2”."),
                         quoted(QString::fromUtf8(line.text)));
    for (icalproperty *property : properties) {
        if (icalproperty_isa(property) == ICAL_XLICERROR_PROPERTY)
            return refusalOf(property, line, parts);
    }
    for (const icalproperty *property : properties) {
        if (auto bad = checkTimes(property, line.number))
            return bad;
    }
    for (icalproperty *property : properties) {
        icalcomponent_remove_property(parsed.get(), property);
        icalcomponent_add_property(into, property);
        m_lines.insert(property, line.number);
    }
    return std::nullopt;
}

std::optional<IcsError> CalendarReader::finish()
{
    for (const Waiting &waiting : m_waiting) {
        if (auto error = readEvent(waiting.event.get(), waiting.line))
            return error;
    }
    m_waiting.clear();
    return applyChanges();
}

// The file's own VTIMEZONE first; else a zone libical knows by that name (an Olson name such as
// Europe/Berlin, from the system's time zone data).
icaltimezone *CalendarReader::zoneNamed(const char *tzid) const
{
    if (!tzid)
        return nullptr;
    if (icaltimezone *zone = icalcomponent_get_timezone(m_calendar.get(), tzid))
        return zone;
    return icaltimezone_get_builtin_timezone(tzid);
}

bool CalendarReader::zonesDefinedInFile(icalcomponent *event) const
{
    const std::vector<icalproperty *> properties = propertiesOf(event, ICAL_ANY_PROPERTY);
    return std::all_of(properties.begin(), properties.end(), [this](icalproperty *property) {
        const icalparameter *tzid = icalproperty_get_first_parameter(property, ICAL_TZID_PARAMETER);
        return !tzid || icalcomponent_get_timezone(m_calendar.get(), icalparameter_get_tzid(tzid));
    });
}

// A time with the zone its TZID names; readEvent has made sure that there is one.
icaltimetype CalendarReader::zoned(icalproperty *property, icaltimetype time) const
{
    const icalparameter *tzid = icalproperty_get_first_parameter(property, ICAL_TZID_PARAMETER);
    if (time.is_date || icaltime_is_utc(time) || !tzid)
        return time;
    return icaltime_set_timezone(&time, zoneNamed(icalparameter_get_tzid(tzid)));
}

std::optional<IcsError> CalendarReader::readEvent(icalcomponent *event, int line)
{
    icalproperty *uid = icalcomponent_get_first_property(event, ICAL_UID_PROPERTY);
    if (!uid)
        return lineError(line, QT_TRANSLATE_NOOP("ICalendar", "Line %1: the event has no UID."));
    IcsEvent base { QString::fromUtf8(icalproperty_get_uid(uid)), {}, {}, {} };
    icalproperty *dtstart = icalcomponent_get_first_property(event, ICAL_DTSTART_PROPERTY);
    if (!dtstart)
        return lineError(line, QT_TRANSLATE_NOOP("ICalendar", "Line %1: the event “%2” has no start date (DTSTART)."),
                         quoted(base.uid));
    for (icalproperty *property : propertiesOf(event, ICAL_ANY_PROPERTY)) {
        const icalparameter *tzid = icalproperty_get_first_parameter(property, ICAL_TZID_PARAMETER);
        if (tzid && !zoneNamed(icalparameter_get_tzid(tzid)))
            return lineError(lineOf(property),
                             QT_TRANSLATE_NOOP("ICalendar", "Line %1: the time zone “%2” is not defined in the file."),
                             QString::fromUtf8(icalparameter_get_tzid(tzid)));
    }
    const icaltimetype start = zoned(dtstart, icalproperty_get_dtstart(dtstart));
    const auto span = spanOf(event, start);
    if (!span)
        return span.error();
    base.start = span->first;
    base.end = span->end;
    if (icalproperty *summary = icalcomponent_get_first_property(event, ICAL_SUMMARY_PROPERTY))
        base.summary = QString::fromUtf8(icalproperty_get_summary(summary));
    const icalproperty *status = icalcomponent_get_first_property(event, ICAL_STATUS_PROPERTY);
    const icalproperty *transp = icalcomponent_get_first_property(event, ICAL_TRANSP_PROPERTY);
    const bool occupies = !(status && icalproperty_get_status(status) == ICAL_STATUS_CANCELLED)
        && !(transp
             && (icalproperty_get_transp(transp) == ICAL_TRANSP_TRANSPARENT
                 || icalproperty_get_transp(transp) == ICAL_TRANSP_TRANSPARENTNOCONFLICT));

    if (icalproperty *recurrenceId = icalcomponent_get_first_property(event, ICAL_RECURRENCEID_PROPERTY)) {
        // Shares its UID with the recurring event it changes; applied once all events are read.
        m_changes.push_back(
            { base.uid, zoned(recurrenceId, icalproperty_get_recurrenceid(recurrenceId)), base, occupies, line });
        return std::nullopt;
    }
    if (const auto earlier = m_lineOfUid.constFind(base.uid); earlier != m_lineOfUid.cend())
        return lineError(line,
                         QT_TRANSLATE_NOOP("ICalendar", "Line %1: the UID “%2” is used by the event of line %3 too."),
                         quoted(base.uid), QString::number(*earlier));
    m_lineOfUid.insert(base.uid, line);
    const bool recurring = icalcomponent_get_first_property(event, ICAL_RRULE_PROPERTY)
        || icalcomponent_get_first_property(event, ICAL_RDATE_PROPERTY);
    if (recurring)
        m_seriesZones.insert(base.uid, start.zone);
    if (!occupies)
        return std::nullopt;
    if (!recurring)
        return place(base, line);
    return expand(event, start, *span, base, line);
}

std::expected<Span, IcsError> CalendarReader::spanOf(icalcomponent *event, const icaltimetype &start) const
{
    icalproperty *dtend = icalcomponent_get_first_property(event, ICAL_DTEND_PROPERTY);
    icalproperty *duration = icalcomponent_get_first_property(event, ICAL_DURATION_PROPERTY);
    const QDate first = dayOf(start);
    if (dtend && duration)
        return std::unexpected(lineError(
            lineOf(duration),
            QT_TRANSLATE_NOOP("ICalendar", "Line %1: the event has both an end (DTEND) and a length (DURATION).")));
    // With neither, an event takes the day it starts on (RFC 5545 says an all-day event does,
    // and a stay of no time still takes its day).
    if (!dtend && !duration)
        return Span { first, first.addDays(1) };
    icaltimetype end;
    icaldurationtype length;
    if (dtend) {
        end = inZoneOf(zoned(dtend, icalproperty_get_dtend(dtend)), start);
        length = icaltime_subtract(end, start);
    } else {
        length = icalproperty_get_duration(duration);
        end = icaltime_add(start, length);
    }
    const int line = lineOf(dtend ? dtend : duration);
    const QDate last = dayAfter(end);
    const bool endsAfter = start.is_date || end.is_date ? last > first : icaltime_compare(end, start) > 0;
    if (!endsAfter)
        return std::unexpected(
            lineError(line, QT_TRANSLATE_NOOP("ICalendar", "Line %1: the event does not end after it starts.")));
    if (first.daysTo(last) > m_limits.maxNights)
        return std::unexpected(lineError(
            line,
            QT_TRANSLATE_NOOP("ICalendar", "Line %1: the event lasts %2 nights; RentDesk reads stays of at most %3."),
            QString::number(first.daysTo(last)), QString::number(m_limits.maxNights)));
    return Span { first, last, length };
}

std::optional<IcsError> CalendarReader::expand(icalcomponent *event, const icaltimetype &start, const Span &span,
                                               const IcsEvent &base, int line)
{
    // What EXDATE and EXRULE take out: days, for date values, and instants.
    QSet<QDate> exceptDays;
    QSet<qint64> exceptMoments;
    for (icalproperty *exdate : propertiesOf(event, ICAL_EXDATE_PROPERTY)) {
        const icaltimetype except = inZoneOf(zoned(exdate, icalproperty_get_exdate(exdate)), start);
        if (except.is_date)
            exceptDays.insert(dayOf(except));
        else
            exceptMoments.insert(momentOf(except));
    }
    for (icalproperty *exrule : propertiesOf(event, ICAL_EXRULE_PROPERTY)) {
        const auto error = follow(exrule, icalproperty_get_exrule(exrule), start, [&](const icaltimetype &except) {
            exceptMoments.insert(momentOf(except));
            return std::optional<IcsError>();
        });
        if (error)
            return error;
    }

    // Each occurrence by the day it starts on, with the day after it ends: two on one day are one stay.
    QMap<QDate, QDate> stays;
    const auto add = [&](const icaltimetype &at, QDate end, int sourceLine) -> std::optional<IcsError> {
        const QDate first = dayOf(at);
        if (!inWindow(first) || exceptDays.contains(first) || exceptMoments.contains(momentOf(at)))
            return std::nullopt;
        if (first.daysTo(end) > m_limits.maxNights)
            return lineError(
                sourceLine,
                QT_TRANSLATE_NOOP("ICalendar",
                                  "Line %1: the event lasts %2 nights; RentDesk reads stays of at most %3."),
                QString::number(first.daysTo(end)), QString::number(m_limits.maxNights));
        if (const auto same = stays.find(first); same != stays.end()) {
            *same = std::max(*same, end);
            return std::nullopt;
        }
        if (m_events.size() + stays.size() >= m_limits.maxEvents)
            return tooMany(line);
        stays.insert(first, end);
        return std::nullopt;
    };
    const auto endOf = [&](const icaltimetype &at) {
        const QDate first = dayOf(at);
        if (start.is_date)
            return first.addDays(span.first.daysTo(span.end));
        return std::max(dayAfter(icaltime_add(at, span.length)), first.addDays(1));
    };

    // DTSTART is the first occurrence, whether the rule gives it or not (RFC 5545 3.8.5.3).
    if (auto error = add(start, endOf(start), line))
        return error;
    for (icalproperty *rrule : propertiesOf(event, ICAL_RRULE_PROPERTY)) {
        const auto error = follow(rrule, icalproperty_get_rrule(rrule), start,
                                  [&](const icaltimetype &at) { return add(at, endOf(at), line); });
        if (error)
            return error;
    }
    for (icalproperty *rdate : propertiesOf(event, ICAL_RDATE_PROPERTY)) {
        const icaldatetimeperiodtype value = icalproperty_get_rdate(rdate);
        std::optional<IcsError> error;
        if (!icaltime_is_null_time(value.time)) {
            const icaltimetype at = inZoneOf(zoned(rdate, value.time), start);
            error = add(at, endOf(at), lineOf(rdate));
        } else {
            // A period is an occurrence with its own end.
            const icaltimetype at = inZoneOf(zoned(rdate, value.period.start), start);
            const icaltimetype end = icaltime_is_null_time(value.period.end)
                ? icaltime_add(at, value.period.duration)
                : inZoneOf(zoned(rdate, value.period.end), start);
            error = add(at, std::max(dayAfter(end), dayOf(at).addDays(1)), lineOf(rdate));
        }
        if (error)
            return error;
    }
    for (auto stay = stays.cbegin(); stay != stays.cend(); ++stay) {
        const IcsEvent occurrence { base.uid + u'/' + stay.key().toString(u"yyyyMMdd"_s), stay.key(), stay.value(),
                                    base.summary };
        if (auto error = place(occurrence, line))
            return error;
    }
    return std::nullopt;
}

// Gives take each occurrence of a rule that starts before expandTo: from DTSTART on for a rule
// with COUNT, which must be counted from there, and from expandFrom on for any other.
std::optional<IcsError> CalendarReader::follow(icalproperty *property, icalrecurrencetype rule,
                                               const icaltimetype &start,
                                               const std::function<std::optional<IcsError>(const icaltimetype &)> &take)
{
    const int line = lineOf(property);
    // Stays are counted in days; a rule more often than daily makes no sense for them, and libical
    // could search it for a long time (it looks as far as the year 2582 for a rule that never matches).
    if (rule.freq < ICAL_DAILY_RECURRENCE)
        return lineError(line,
                         QT_TRANSLATE_NOOP("ICalendar",
                                           "Line %1: the event repeats more than once a day, "
                                           "which RentDesk does not read."));
    // Nothing after the window is wanted, and an UNTIL also stops libical's search for the next
    // occurrence of a rule that matches rarely or never.
    icaltimetype until = start;
    until.year = m_limits.expandTo.year();
    until.month = m_limits.expandTo.month();
    until.day = m_limits.expandTo.day();
    until.hour = until.minute = until.second = 0;
    if (icaltime_is_null_time(rule.until) || icaltime_compare(rule.until, until) > 0)
        rule.until = until;
    const RecurIterator iterator(icalrecur_iterator_new(rule, start));
    if (!iterator)
        return lineError(line, QT_TRANSLATE_NOOP("ICalendar", "Line %1: the repeat rule cannot be followed."));
    if (rule.count == 0 && dayOf(start) < m_limits.expandFrom) {
        icaltimetype from = until;
        from.year = m_limits.expandFrom.year();
        from.month = m_limits.expandFrom.month();
        from.day = m_limits.expandFrom.day();
        if (!icalrecur_iterator_set_start(iterator.get(), from))
            return std::nullopt; // the rule ends before the window
    }
    for (icaltimetype at = icalrecur_iterator_next(iterator.get()); !icaltime_is_null_time(at);
         at = icalrecur_iterator_next(iterator.get())) {
        if (++m_steps > MaxRecurrenceSteps)
            return lineError(line,
                             QT_TRANSLATE_NOOP("ICalendar", "Line %1: the event repeats too often to be worked out."));
        if (dayOf(at) >= m_limits.expandTo)
            break;
        if (auto error = take(at))
            return error;
    }
    return std::nullopt;
}

std::optional<IcsError> CalendarReader::place(IcsEvent event, int line)
{
    if (m_indexOf.contains(event.uid))
        return lineError(line, QT_TRANSLATE_NOOP("ICalendar", "Line %1: the UID “%2” is used by another event too."),
                         quoted(event.uid));
    if (m_events.size() >= m_limits.maxEvents)
        return tooMany(line);
    m_indexOf.insert(event.uid, m_events.size());
    m_events.append(std::move(event));
    return std::nullopt;
}

// A changed occurrence (RECURRENCE-ID) takes the place of the one it changes, which its own
// dates may move or its STATUS cancel; with no such occurrence (outside the window, or the
// recurring event is not in the file) it stands alone.
std::optional<IcsError> CalendarReader::applyChanges()
{
    QHash<QString, int> changed;
    QSet<qsizetype> removed;
    for (const Change &change : m_changes) {
        icaltimetype original = change.recurrenceId;
        // The occurrence is named after its day where the recurring event's DTSTART is written.
        if (const auto zone = m_seriesZones.constFind(change.uid); zone != m_seriesZones.cend() && *zone)
            original = icaltime_convert_to_zone(original, const_cast<icaltimezone *>(*zone));
        IcsEvent event = change.event;
        event.uid = change.uid + u'/' + dayOf(original).toString(u"yyyyMMdd"_s);
        if (const auto earlier = changed.constFind(event.uid); earlier != changed.cend())
            return lineError(
                change.line,
                QT_TRANSLATE_NOOP("ICalendar", "Line %1: the occurrence “%2” is changed by the event of line %3 too."),
                quoted(event.uid), QString::number(*earlier));
        changed.insert(event.uid, change.line);
        const bool kept = change.occupies && inWindow(event.start);
        if (const auto index = m_indexOf.constFind(event.uid); index != m_indexOf.cend()) {
            if (kept)
                m_events[*index] = event;
            else
                removed.insert(*index);
        } else if (kept) {
            if (auto error = place(event, change.line))
                return error;
        }
    }
    if (!removed.isEmpty()) {
        QList<IcsEvent> events;
        events.reserve(m_events.size() - removed.size());
        for (qsizetype i = 0; i < m_events.size(); ++i) {
            if (!removed.contains(i))
                events.append(m_events.at(i));
        }
        m_events = events;
    }
    return std::nullopt;
}

icaltimetype dateOf(QDate day)
{
    icaltimetype date = icaltime_null_date();
    date.year = day.year();
    date.month = day.month();
    date.day = day.day();
    return date;
}

// libical escapes text but writes control characters as they are, and a carriage return would
// break the file's lines (RFC 5545 allows none in text): line breaks become LF, which libical
// writes as \n, and other control characters are dropped.
QByteArray textOf(const QString &text)
{
    QString clean;
    clean.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c == u'\r') {
            clean += u'\n';
            if (i + 1 < text.size() && text.at(i + 1) == u'\n')
                ++i;
        } else if (c == u'\n' || c == u'\t' || (c.unicode() >= 0x20 && c.unicode() != 0x7f)) {
            clean += c;
        }
    }
    return clean.toUtf8();
}

} // namespace

std::expected<QList<IcsEvent>, IcsError> parseCalendar(const QByteArray &data, const IcsLimits &limits)
{
    Q_ASSERT(limits.expandFrom.isValid() && limits.expandTo.isValid());
    CalendarReader reader(limits);
    return reader.read(data);
}

std::expected<QList<IcsEvent>, IcsError> readCalendarFile(const QString &path, const IcsLimits &limits)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return std::unexpected(fileError(QT_TRANSLATE_NOOP("ICalendar", "The calendar file %1 cannot be read: %2."),
                                         QDir::toNativeSeparators(path), file.errorString()));
    if (file.size() > limits.maxBytes)
        return std::unexpected(tooLarge(limits.maxBytes));
    // Read one byte past the limit: a file that is not a plain file, or grows, has no size to trust.
    const QByteArray data = file.read(limits.maxBytes + 1);
    if (file.error() != QFileDevice::NoError)
        return std::unexpected(fileError(QT_TRANSLATE_NOOP("ICalendar", "The calendar file %1 cannot be read: %2."),
                                         QDir::toNativeSeparators(path), file.errorString()));
    return parseCalendar(data, limits);
}

QByteArray writeCalendar(const QString &name, const QList<IcsEvent> &events, const QDateTime &stamp)
{
    Q_ASSERT(stamp.isValid());
    const Component calendar(icalcomponent_new(ICAL_VCALENDAR_COMPONENT));
    icalcomponent_add_property(calendar.get(), icalproperty_new_version("2.0"));
    icalcomponent_add_property(calendar.get(), icalproperty_new_prodid("-//RentDesk//RentDesk//EN"));
    icalcomponent_add_property(calendar.get(), icalproperty_new_calscale("GREGORIAN"));
    icalcomponent_add_property(calendar.get(), icalproperty_new_method(ICAL_METHOD_PUBLISH));
    // libical itself refuses empty text values on reading, so empty ones are left out.
    if (const QByteArray calendarName = textOf(name); !calendarName.isEmpty()) {
        icalproperty *property = icalproperty_new_x(calendarName.constData());
        icalproperty_set_x_name(property, "X-WR-CALNAME");
        icalcomponent_add_property(calendar.get(), property);
    }
    const icaltimetype dtstamp =
        icaltime_from_timet_with_zone(stamp.toSecsSinceEpoch(), 0, icaltimezone_get_utc_timezone());
    for (const IcsEvent &event : events) {
        Q_ASSERT(event.start.isValid() && event.end > event.start && !event.uid.isEmpty());
        Component vevent(icalcomponent_new(ICAL_VEVENT_COMPONENT));
        icalcomponent_add_property(vevent.get(), icalproperty_new_uid(textOf(event.uid).constData()));
        icalcomponent_add_property(vevent.get(), icalproperty_new_dtstamp(dtstamp));
        icalcomponent_add_property(vevent.get(), icalproperty_new_dtstart(dateOf(event.start)));
        icalcomponent_add_property(vevent.get(), icalproperty_new_dtend(dateOf(event.end)));
        if (const QByteArray summary = textOf(event.summary); !summary.isEmpty())
            icalcomponent_add_property(vevent.get(), icalproperty_new_summary(summary.constData()));
        icalcomponent_add_property(vevent.get(), icalproperty_new_transp(ICAL_TRANSP_OPAQUE));
        icalcomponent_add_component(calendar.get(), vevent.release());
    }
    // libical writes CRLF and folds at 75 octets without splitting a UTF-8 character.
    const Buffer text(icalcomponent_as_ical_string_r(calendar.get()));
    return QByteArray(text.get());
}

} // namespace rentdesk::models::ical
