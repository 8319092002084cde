// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/demo/demorandom.h"

#include <array>

namespace rentdesk::models::demo {

namespace {

constexpr qint64 julianDayOfEpoch = 2440588; // 1970-01-01

std::array<quint32, 2> seedWords(quint64 seed)
{
    return { quint32(seed & 0xffffffffU), quint32(seed >> 32) };
}

void putDigits(char16_t *out, int value, int width)
{
    for (int i = width - 1; i >= 0; --i) {
        out[i] = char16_t(u'0' + value % 10);
        value /= 10;
    }
}

QString fromBuffer(const char16_t *buffer, qsizetype size)
{
    return QString(reinterpret_cast<const QChar *>(buffer), size);
}

} // namespace

DemoRandom::DemoRandom(quint64 seed)
    : m_generator(seedWords(seed).data(), 2)
{
}

int DemoRandom::between(int lowest, int highest)
{
    Q_ASSERT(lowest <= highest);
    return m_generator.bounded(lowest, highest + 1);
}

bool DemoRandom::percent(int chance)
{
    return m_generator.bounded(100) < chance;
}

double DemoRandom::real(double lowest, double highest)
{
    return lowest + m_generator.generateDouble() * (highest - lowest);
}

QString DemoRandom::uuid()
{
    // unix_ts_ms (48 bits) | version (4) | rand_a (12); variant (2) | rand_b (62).
    const quint64 time = m_nextIdTime++ & 0xffff'ffff'ffffULL;
    quint64 high = (time << 16) | (quint64(0x7) << 12) | (m_generator.generate() & 0xfff);
    quint64 low = m_generator.generate64();
    low = (low & ~(quint64(0x3) << 62)) | (quint64(0x2) << 62); // RFC 4122 variant
    static constexpr char16_t hex[] = u"0123456789abcdef";
    std::array<char16_t, 36> text {};
    qsizetype at = 0;
    for (int nibble = 0; nibble < 32; ++nibble) {
        if (nibble == 8 || nibble == 12 || nibble == 16 || nibble == 20)
            text[size_t(at++)] = u'-';
        const quint64 word = nibble < 16 ? high : low;
        const int shift = 60 - 4 * (nibble % 16);
        text[size_t(at++)] = hex[(word >> shift) & 0xf];
    }
    return fromBuffer(text.data(), qsizetype(text.size()));
}

int DemoRandom::weighted(std::span<const int> weights)
{
    int total = 0;
    for (const int weight : weights)
        total += weight;
    Q_ASSERT(total > 0);
    int roll = between(0, total - 1);
    for (size_t i = 0; i < weights.size(); ++i) {
        if (roll < weights[i])
            return int(i);
        roll -= weights[i];
    }
    Q_UNREACHABLE();
    return 0;
}

Instant startOfDay(QDate date)
{
    return (date.toJulianDay() - julianDayOfEpoch) * msPerDay;
}

QDate dateOf(Instant instant)
{
    qint64 days = instant / msPerDay;
    if (instant % msPerDay < 0)
        --days;
    return QDate::fromJulianDay(days + julianDayOfEpoch);
}

QString formatTimestamp(Instant instant)
{
    const QDate date = dateOf(instant);
    const qint64 rest = instant - startOfDay(date);
    int year = 0;
    int month = 0;
    int day = 0;
    date.getDate(&year, &month, &day);
    char16_t text[] = u"0000-00-00T00:00:00.000Z";
    putDigits(&text[0], year, 4);
    putDigits(&text[5], month, 2);
    putDigits(&text[8], day, 2);
    putDigits(&text[11], int(rest / msPerHour), 2);
    putDigits(&text[14], int(rest / msPerMinute % 60), 2);
    putDigits(&text[17], int(rest / msPerSecond % 60), 2);
    putDigits(&text[20], int(rest % msPerSecond), 3);
    return fromBuffer(text, qsizetype(std::size(text)) - 1);
}

QString formatDate(QDate date)
{
    int year = 0;
    int month = 0;
    int day = 0;
    date.getDate(&year, &month, &day);
    char16_t text[] = u"0000-00-00";
    putDigits(&text[0], year, 4);
    putDigits(&text[5], month, 2);
    putDigits(&text[8], day, 2);
    return fromBuffer(text, qsizetype(std::size(text)) - 1);
}

} // namespace rentdesk::models::demo
