// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/photos/photoimage.h"

#include <QBuffer>
#include <QColorSpace>
#include <QCoreApplication>
#include <QCryptographicHash>
#include <QImage>
#include <QImageReader>
#include <QImageWriter>
#include <QPainter>
#include <QtEndian>

namespace rentdesk::models::photos {

using namespace Qt::StringLiterals;
using services::DomainError;
using services::Result;

namespace {

DomainError refused(const QString &message)
{
    return DomainError(DomainError::Code::InvalidValue, u"photo"_s, u"file"_s, message);
}

// What the largest accepted image takes decoded (4 bytes a pixel), in MiB: QImageReader refuses
// to allocate more, whatever a header claims.
constexpr int allocationLimitMiB = int((PhotoLimits::maxPixels * 4 + (1 << 20) - 1) >> 20) + 1;

bool startsWith(const QByteArray &data, QByteArrayView magic, qsizetype at = 0)
{
    return data.size() >= at + magic.size() && QByteArrayView(data).sliced(at, magic.size()) == magic;
}

bool looksLikeWebp(const QByteArray &data)
{
    return startsWith(data, "RIFF") && startsWith(data, "WEBP", 8);
}

// Whether a JPEG runs to its end-of-image marker, walking its segments and scans. libjpeg
// decodes a file cut off in the middle with a warning only (the missing rows grey), so without
// this a broken upload would be stored as a photo.
bool jpegIsComplete(const QByteArray &data)
{
    const auto *p = reinterpret_cast<const uchar *>(data.constData());
    const qsizetype n = data.size();
    if (n < 4 || p[0] != 0xFF || p[1] != 0xD8)
        return false;
    qsizetype i = 2;
    bool inScan = false;
    while (i < n) {
        if (inScan) {
            // Entropy-coded data ends at a marker that is not stuffing (FF 00) or a restart.
            if (p[i] != 0xFF) {
                ++i;
                continue;
            }
            if (i + 1 >= n)
                return false;
            const uchar next = p[i + 1];
            if (next == 0x00 || (next >= 0xD0 && next <= 0xD7)) {
                i += 2;
                continue;
            }
            inScan = false;
        }
        if (p[i] != 0xFF)
            return false;
        while (i < n && p[i] == 0xFF) // fill bytes
            ++i;
        if (i >= n)
            return false;
        const uchar marker = p[i++];
        if (marker == 0xD9)
            return true;
        if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7))
            continue; // markers without a length
        if (i + 2 > n)
            return false;
        const int length = (p[i] << 8) | p[i + 1];
        if (length < 2)
            return false;
        i += length;
        if (i > n)
            return false;
        inScan = marker == 0xDA;
    }
    return false;
}

// Whether a PNG's chunks run to IEND.
bool pngIsComplete(const QByteArray &data)
{
    qsizetype i = 8;
    while (i + 12 <= data.size()) {
        const quint32 length = qFromBigEndian<quint32>(data.constData() + i);
        const qint64 end = qint64(i) + 12 + qint64(length);
        if (length > 0x7FFFFFFFU || end > data.size())
            return false;
        if (QByteArrayView(data).sliced(i + 4, 4) == "IEND")
            return true;
        i = qsizetype(end);
    }
    return false;
}

// Whether a WebP file is as long as its RIFF header says.
bool webpIsComplete(const QByteArray &data)
{
    if (data.size() < 12)
        return false;
    const quint32 riffSize = qFromLittleEndian<quint32>(data.constData() + 4);
    return qint64(data.size()) >= qint64(riffSize) + 8;
}

bool isComplete(const QByteArray &format, const QByteArray &data)
{
    if (format == "jpeg")
        return jpegIsComplete(data);
    if (format == "png")
        return pngIsComplete(data);
    return webpIsComplete(data);
}

// The accepted format of the data by its content, never by a name.
Result<QByteArray> formatOf(const QByteArray &data)
{
    QBuffer buffer;
    buffer.setData(data);
    if (!buffer.open(QIODevice::ReadOnly))
        return std::unexpected(refused(QCoreApplication::translate("PhotoImage", "The image could not be read.")));
    const QByteArray format = QImageReader::imageFormat(&buffer);
    if (looksLikeWebp(data) && !QImageReader::supportedImageFormats().contains("webp")) {
        return std::unexpected(refused(QCoreApplication::translate(
            "PhotoImage",
            "WebP images cannot be read on this computer: Qt's image format plugins "
            "(Debian's qt6-image-formats-plugins) are not installed. Choose a JPEG or PNG image.")));
    }
    // Each accepted format's own signature too, so that a plugin with a loose guess cannot
    // claim a file for another format.
    const bool jpeg = format == "jpeg" && startsWith(data, "\xFF\xD8\xFF");
    const bool png = format == "png" && startsWith(data, "\x89PNG\r\n\x1A\n");
    const bool webp = format == "webp" && looksLikeWebp(data);
    if (!jpeg && !png && !webp)
        return std::unexpected(
            refused(QCoreApplication::translate("PhotoImage", "The file is not a JPEG, PNG or WebP image.")));
    return format;
}

// The image decoded with its orientation applied, after the limits were checked from its header.
Result<QImage> decoded(const QByteArray &data, const QByteArray &format)
{
    QBuffer buffer;
    buffer.setData(data);
    if (!buffer.open(QIODevice::ReadOnly))
        return std::unexpected(refused(QCoreApplication::translate("PhotoImage", "The image could not be read.")));
    QImageReader reader(&buffer, format);
    reader.setDecideFormatFromContent(true);
    reader.setAllocationLimit(allocationLimitMiB);
    reader.setAutoTransform(true);
    const QSize header = reader.size();
    if (!header.isValid() || header.isEmpty())
        return std::unexpected(refused(
            QCoreApplication::translate("PhotoImage", "The image's size could not be read; the file may be damaged.")));
    if (header.width() < PhotoLimits::minSide || header.height() < PhotoLimits::minSide
        || header.width() > PhotoLimits::maxSide || header.height() > PhotoLimits::maxSide) {
        return std::unexpected(
            refused(QCoreApplication::translate(
                        "PhotoImage", "The image is %1 × %2 pixels; each side must be between %3 and %4 pixels.")
                        .arg(header.width())
                        .arg(header.height())
                        .arg(PhotoLimits::minSide)
                        .arg(PhotoLimits::maxSide)));
    }
    if (qint64(header.width()) * header.height() > PhotoLimits::maxPixels) {
        return std::unexpected(refused(
            QCoreApplication::translate("PhotoImage", "The image has %1 megapixels; a photo may have at most %2.")
                .arg(qint64(header.width()) * header.height() / 1000000)
                .arg(PhotoLimits::maxPixels / 1000000)));
    }
    const bool turned = reader.transformation().testFlag(QImageIOHandler::TransformationRotate90);
    const QImage image = reader.read();
    const QSize expected = turned ? header.transposed() : header;
    if (image.isNull() || !isComplete(format, data))
        return std::unexpected(refused(QCoreApplication::translate(
            "PhotoImage", "The image could not be decoded; the file may be damaged or incomplete.")));
    if (image.size() != expected)
        return std::unexpected(refused(QCoreApplication::translate(
            "PhotoImage", "The image's data does not match its header; the file may be damaged.")));
    return image;
}

// Fitted into side × side (never enlarged) and drawn on white into a new image, which carries
// none of the input's text or colour-space metadata.
QImage fitted(const QImage &image, int side)
{
    QImage source = image;
    if (source.width() > side || source.height() > side)
        source = source.scaled(side, side, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    QImage flat(source.size(), QImage::Format_RGB32);
    flat.fill(Qt::white);
    QPainter painter(&flat);
    painter.drawImage(0, 0, source);
    painter.end();
    return flat;
}

Result<QByteArray> jpegOf(const QImage &image, int quality)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    if (!buffer.open(QIODevice::WriteOnly))
        return std::unexpected(refused(QCoreApplication::translate("PhotoImage", "The photo could not be stored.")));
    QImageWriter writer(&buffer, "jpeg");
    writer.setQuality(quality);
    writer.setOptimizedWrite(true);
    if (!writer.write(image))
        return std::unexpected(refused(QCoreApplication::translate("PhotoImage", "The photo could not be stored.")));
    buffer.close();
    return bytes;
}

} // namespace

QString sha256Hex(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

Result<PreparedPhoto> preparePhoto(const QByteArray &data)
{
    if (data.size() > PhotoLimits::maxInputBytes) {
        return std::unexpected(
            refused(QCoreApplication::translate("PhotoImage", "The file has %1 MB; a photo may have at most %2 MB.")
                        .arg(QString::number(double(data.size()) / (1 << 20), 'f', 1))
                        .arg(PhotoLimits::maxInputBytes >> 20)));
    }
    const auto format = formatOf(data);
    if (!format)
        return std::unexpected(format.error());
    auto image = decoded(data, *format);
    if (!image)
        return std::unexpected(image.error());
    // Colours as a screen shows them: the stored JPEG carries no profile.
    if (image->colorSpace().isValid() && image->colorSpace() != QColorSpace(QColorSpace::SRgb))
        image->convertToColorSpace(QColorSpace(QColorSpace::SRgb));

    const QImage stored = fitted(*image, PhotoLimits::imageSide);
    const QImage thumbnail = fitted(stored, PhotoLimits::thumbnailSide);
    auto storedBytes = jpegOf(stored, PhotoLimits::imageQuality);
    if (!storedBytes)
        return std::unexpected(storedBytes.error());
    auto thumbnailBytes = jpegOf(thumbnail, PhotoLimits::thumbnailQuality);
    if (!thumbnailBytes)
        return std::unexpected(thumbnailBytes.error());

    PreparedPhoto photo;
    photo.image = *storedBytes;
    photo.thumbnail = *thumbnailBytes;
    photo.imageSha256 = sha256Hex(photo.image);
    photo.thumbnailSha256 = sha256Hex(photo.thumbnail);
    photo.width = stored.width();
    photo.height = stored.height();
    return photo;
}

Result<QSize> checkStoredJpeg(const QByteArray &bytes, int maxSide)
{
    if (bytes.size() > PhotoLimits::maxInputBytes || !startsWith(bytes, "\xFF\xD8\xFF"))
        return std::unexpected(
            refused(QCoreApplication::translate("PhotoImage", "The stored photo is not a JPEG image.")));
    QBuffer buffer;
    buffer.setData(bytes);
    if (!buffer.open(QIODevice::ReadOnly) || QImageReader::imageFormat(&buffer) != "jpeg")
        return std::unexpected(
            refused(QCoreApplication::translate("PhotoImage", "The stored photo is not a JPEG image.")));
    QImageReader reader(&buffer, "jpeg");
    reader.setAllocationLimit(allocationLimitMiB);
    reader.setAutoTransform(false); // stored photos are upright already
    const QSize header = reader.size();
    if (!header.isValid() || header.isEmpty() || header.width() > maxSide || header.height() > maxSide) {
        return std::unexpected(
            refused(QCoreApplication::translate(
                        "PhotoImage", "The stored photo is %1 × %2 pixels; each side may be at most %3 pixels.")
                        .arg(header.width())
                        .arg(header.height())
                        .arg(maxSide)));
    }
    const QImage image = reader.read();
    if (image.isNull() || image.size() != header || !jpegIsComplete(bytes))
        return std::unexpected(refused(QCoreApplication::translate(
            "PhotoImage", "The stored photo could not be decoded; it may be damaged or incomplete.")));
    return header;
}

} // namespace rentdesk::models::photos
