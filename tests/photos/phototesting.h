// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QBuffer>
#include <QByteArray>
#include <QColor>
#include <QImage>
#include <QImageWriter>
#include <QPainter>
#include <QtEndian>

// Images made by the tests themselves, with Qt, and the edits that make them lie.
namespace rentdesk::test {

// An image of the given size: its top half `top`, its bottom half `bottom`, so that a turn is
// visible in the result.
inline QImage twoColourImage(int width, int height, const QColor &top = Qt::red, const QColor &bottom = Qt::blue,
                             QImage::Format format = QImage::Format_RGB32)
{
    QImage image(width, height, format);
    image.fill(top);
    QPainter painter(&image);
    painter.fillRect(0, height / 2, width, height - height / 2, bottom);
    painter.end();
    return image;
}

inline QByteArray encoded(const QImage &image, const char *format, int quality = 90)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QImageWriter writer(&buffer, format);
    writer.setQuality(quality);
    if (!writer.write(image))
        return {};
    return bytes;
}

inline QImage decodedImage(const QByteArray &bytes)
{
    return QImage::fromData(bytes);
}

// The JPEG with its frame header (SOF0/SOF2) claiming another size; libjpeg reads the size from
// there, and no checksum guards it.
inline QByteArray withClaimedSize(QByteArray jpeg, int width, int height)
{
    for (qsizetype i = 2; i + 9 < jpeg.size(); ++i) {
        const auto marker = uchar(jpeg.at(i + 1));
        if (uchar(jpeg.at(i)) == 0xFF && (marker == 0xC0 || marker == 0xC2)) {
            qToBigEndian<quint16>(quint16(height), jpeg.data() + i + 5);
            qToBigEndian<quint16>(quint16(width), jpeg.data() + i + 7);
            return jpeg;
        }
    }
    return {};
}

// An EXIF block (APP1) saying orientation 6 (turn 90° clockwise to show), the camera's make with
// a serial number, and a GPS position: what must not survive into a stored photo.
inline QByteArray exifSegment()
{
    QByteArray tiff;
    const auto u16 = [&tiff](quint16 v) {
        tiff.append(char(v >> 8));
        tiff.append(char(v & 0xFF));
    };
    const auto u32 = [&u16](quint32 v) {
        u16(quint16(v >> 16));
        u16(quint16(v & 0xFFFF));
    };
    const QByteArray make("RentDeskCam SN-4711-0815", 25); // with its NUL
    // Big-endian TIFF header, IFD0 at 8.
    tiff.append("MM");
    u16(42);
    u32(8);
    // IFD0: 3 entries (12 bytes each) + next-IFD offset; data follows.
    const quint32 ifd0End = 8 + 2 + 3 * 12 + 4;
    const quint32 makeOffset = ifd0End;
    const quint32 gpsOffset = makeOffset + quint32(make.size()) + 1; // word-aligned
    u16(3);
    u16(0x010F); // Make
    u16(2); // ASCII
    u32(quint32(make.size()));
    u32(makeOffset);
    u16(0x0112); // Orientation
    u16(3); // SHORT
    u32(1);
    u16(6);
    u16(0);
    u16(0x8825); // GPS IFD
    u16(4); // LONG
    u32(1);
    u32(gpsOffset);
    u32(0);
    tiff.append(make);
    tiff.append('\0');
    // GPS IFD: latitude reference and latitude (3 rationals: 59° 56' 0").
    const quint32 latitudeOffset = gpsOffset + 2 + 2 * 12 + 4;
    u16(2);
    u16(0x0001); // GPSLatitudeRef
    u16(2);
    u32(2);
    tiff.append("N\0\0\0", 4);
    u16(0x0002); // GPSLatitude
    u16(5); // RATIONAL
    u32(3);
    u32(latitudeOffset);
    u32(0);
    for (quint32 value : { 59U, 56U, 0U }) {
        u32(value);
        u32(1);
    }
    QByteArray segment("\xFF\xE1", 2);
    const QByteArray body = QByteArray("Exif\0\0", 6) + tiff;
    segment.append(char((body.size() + 2) >> 8));
    segment.append(char((body.size() + 2) & 0xFF));
    return segment + body;
}

// The JPEG with the EXIF block right after its start-of-image marker (Qt writes a JFIF APP0
// there, which may stay before it).
inline QByteArray withExif(const QByteArray &jpeg)
{
    return jpeg.left(2) + exifSegment() + jpeg.mid(2);
}

} // namespace rentdesk::test
