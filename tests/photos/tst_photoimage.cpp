// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/photos/photoimage.h"
#include "tests/photos/phototesting.h"

#include <QCryptographicHash>
#include <QFile>
#include <QImageReader>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using rentdesk::models::photos::checkStoredJpeg;
using rentdesk::models::photos::PhotoLimits;
using rentdesk::models::photos::preparePhoto;
using rentdesk::models::services::DomainError;

namespace {

QString formatOf(const QByteArray &bytes)
{
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    return QString::fromLatin1(QImageReader::imageFormat(&buffer));
}

bool near(QRgb pixel, const QColor &colour, int tolerance = 24)
{
    return qAbs(qRed(pixel) - colour.red()) <= tolerance && qAbs(qGreen(pixel) - colour.green()) <= tolerance
        && qAbs(qBlue(pixel) - colour.blue()) <= tolerance;
}

} // namespace

// The checks and the processing of a photo a person chose (docs/architecture.md, "Photos"), on
// images the test makes with Qt. Runs without a display, as the server does.
class TestPhotoImage : public QObject
{
    Q_OBJECT

private:
    // The refusal's sentence, failing the test if the file was accepted or refused otherwise.
    static QString refusal(const QByteArray &file)
    {
        const auto prepared = preparePhoto(file);
        if (prepared)
            return u"(accepted)"_s;
        const DomainError &error = prepared.error();
        if (error.code != DomainError::Code::InvalidValue || error.entity != u"photo"_s || error.field != u"file"_s)
            return u"(refused otherwise: %1)"_s.arg(error.message);
        return error.message;
    }

private Q_SLOTS:
    void aLargeJpegIsFittedAndThumbnailed()
    {
        const QByteArray file = rentdesk::test::encoded(rentdesk::test::twoColourImage(4000, 3000), "jpeg");
        QVERIFY(!file.isEmpty());
        const auto photo = preparePhoto(file);
        QVERIFY2(photo, qPrintable(photo ? QString() : photo.error().message));
        QCOMPARE(photo->width, 2048);
        QCOMPARE(photo->height, 1536);
        QCOMPARE(formatOf(photo->image), u"jpeg"_s);
        QCOMPARE(formatOf(photo->thumbnail), u"jpeg"_s);
        QCOMPARE(rentdesk::test::decodedImage(photo->image).size(), QSize(2048, 1536));
        QCOMPARE(rentdesk::test::decodedImage(photo->thumbnail).size(), QSize(320, 240));
        QCOMPARE(photo->imageSha256,
                 QString::fromLatin1(QCryptographicHash::hash(photo->image, QCryptographicHash::Sha256).toHex()));
        QCOMPARE(photo->thumbnailSha256,
                 QString::fromLatin1(QCryptographicHash::hash(photo->thumbnail, QCryptographicHash::Sha256).toHex()));
        QCOMPARE(photo->imageSha256.size(), 64);
        QCOMPARE(photo->imageSha256, photo->imageSha256.toLower());
        QVERIFY(photo->imageSha256 != photo->thumbnailSha256);
        // The same file makes the same bytes: stored once, by hash.
        const auto again = preparePhoto(file);
        QVERIFY(again);
        QCOMPARE(again->imageSha256, photo->imageSha256);
    }

    void aSmallImageIsNotEnlarged()
    {
        const auto photo = preparePhoto(rentdesk::test::encoded(rentdesk::test::twoColourImage(100, 80), "jpeg"));
        QVERIFY2(photo, qPrintable(photo ? QString() : photo.error().message));
        QCOMPARE(QSize(photo->width, photo->height), QSize(100, 80));
        QCOMPARE(rentdesk::test::decodedImage(photo->image).size(), QSize(100, 80));
        QCOMPARE(rentdesk::test::decodedImage(photo->thumbnail).size(), QSize(100, 80));
    }

    // Transparency is flattened on white, and a PNG is a PNG whatever its name says.
    void aPngWithAlphaIsFlattenedOnWhite()
    {
        QImage image(200, 100, QImage::Format_ARGB32);
        image.fill(Qt::transparent);
        QPainter painter(&image);
        painter.fillRect(0, 0, 100, 100, QColor(0, 128, 0));
        painter.end();
        const QByteArray png = rentdesk::test::encoded(image, "png");
        QCOMPARE(formatOf(png), u"png"_s);
        QTemporaryDir dir;
        QFile named(dir.filePath(u"photo.jpg"_s));
        QVERIFY(named.open(QIODevice::WriteOnly));
        named.write(png);
        named.close();
        QVERIFY(named.open(QIODevice::ReadOnly));
        const auto photo = preparePhoto(named.readAll());
        QVERIFY2(photo, qPrintable(photo ? QString() : photo.error().message));
        const QImage stored = rentdesk::test::decodedImage(photo->image);
        QCOMPARE(stored.size(), QSize(200, 100));
        QVERIFY(!stored.hasAlphaChannel());
        QVERIFY2(near(stored.pixel(150, 50), Qt::white, 4), qPrintable(QColor(stored.pixel(150, 50)).name()));
        QVERIFY2(near(stored.pixel(50, 50), QColor(0, 128, 0)), qPrintable(QColor(stored.pixel(50, 50)).name()));
    }

    void aWebpIsAccepted()
    {
        const QByteArray webp = rentdesk::test::encoded(rentdesk::test::twoColourImage(300, 200), "webp");
        if (!QImageReader::supportedImageFormats().contains("webp")) {
            // Without Qt's image format plugins WebP is refused with a sentence saying why.
            QByteArray riff("RIFF\x20\x00\x00\x00WEBPVP8 ", 16);
            riff.append(QByteArray(32, '\0'));
            QVERIFY2(refusal(riff).contains(u"qt6-image-formats-plugins"_s), qPrintable(refusal(riff)));
            // The test scripts install it (scripts/lib.sh): its absence is a failure, not a skip.
            QFAIL("Qt's WebP plugin is not installed: install qt6-image-formats-plugins (scripts/test does)");
        }
        QCOMPARE(formatOf(webp), u"webp"_s);
        const auto photo = preparePhoto(webp);
        QVERIFY2(photo, qPrintable(photo ? QString() : photo.error().message));
        QCOMPARE(QSize(photo->width, photo->height), QSize(300, 200));
        QCOMPARE(formatOf(photo->image), u"jpeg"_s);
        const QImage stored = rentdesk::test::decodedImage(photo->image);
        QVERIFY(near(stored.pixel(150, 20), Qt::red));
        QVERIFY(near(stored.pixel(150, 180), Qt::blue));
    }

    void otherFilesAreRefusedByContent()
    {
        const QString text = refusal("This is a text file named photo.jpg, not an image.\n");
        QVERIFY2(text.contains(u"JPEG, PNG or WebP"_s), qPrintable(text));
        // A GIF is an image, but not one of the accepted kinds.
        const QByteArray gif = rentdesk::test::encoded(rentdesk::test::twoColourImage(64, 64), "gif");
        if (!gif.isEmpty())
            QVERIFY2(refusal(gif).contains(u"JPEG, PNG or WebP"_s), qPrintable(refusal(gif)));
        QVERIFY(refusal(QByteArray()).contains(u"JPEG, PNG or WebP"_s));
    }

    // The size limit is checked on the bytes, before anything is decoded: a valid JPEG padded past
    // it is refused for its size, not for its content.
    void aFileOverTwentyFiveMegabytesIsRefusedFirst()
    {
        QByteArray file = rentdesk::test::encoded(rentdesk::test::twoColourImage(64, 64), "jpeg");
        QVERIFY(preparePhoto(file));
        file.append(QByteArray(PhotoLimits::maxInputBytes + 1 - file.size(), '\0'));
        QCOMPARE(file.size(), PhotoLimits::maxInputBytes + 1);
        const QString message = refusal(file);
        QVERIFY2(message.contains(u"at most 25 MB"_s), qPrintable(message));
        // Exactly the limit is not refused for its size (the padding after the image is ignored).
        file.chop(1);
        QVERIFY2(!refusal(file).contains(u"25 MB"_s), qPrintable(refusal(file)));
    }

    // The pixel limits are read from the header: these files claim sizes they could never
    // decode to, and are refused without being decoded.
    void pixelLimitsAreReadFromTheHeader_data()
    {
        QTest::addColumn<int>("width");
        QTest::addColumn<int>("height");
        QTest::addColumn<QString>("expected");
        QTest::newRow("12 001 wide") << 12001 << 100 << u"12001 × 100 pixels; each side must be between 32 and 12000"_s;
        QTest::newRow("31 high") << 400 << 31 << u"400 × 31 pixels; each side must be between 32 and 12000"_s;
        QTest::newRow("60 megapixels") << 10000 << 6000 << u"60 megapixels; a photo may have at most 50"_s;
    }

    void pixelLimitsAreReadFromTheHeader()
    {
        QFETCH(int, width);
        QFETCH(int, height);
        QFETCH(QString, expected);
        const QByteArray real = rentdesk::test::encoded(rentdesk::test::twoColourImage(64, 64), "jpeg");
        const QByteArray lying = rentdesk::test::withClaimedSize(real, width, height);
        QVERIFY(!lying.isEmpty());
        QBuffer buffer;
        buffer.setData(lying);
        buffer.open(QIODevice::ReadOnly);
        QCOMPARE(QImageReader(&buffer).size(), QSize(width, height));
        const QString message = refusal(lying);
        QVERIFY2(message.contains(expected), qPrintable(message));
    }

    // A file whose data ends before its header's image does: libjpeg would fill the rest grey.
    void aTruncatedFileIsRefused_data()
    {
        QTest::addColumn<QByteArray>("file");
        const QImage image = rentdesk::test::twoColourImage(640, 480);
        const QByteArray jpeg = rentdesk::test::encoded(image, "jpeg");
        const QByteArray png = rentdesk::test::encoded(image, "png");
        QTest::newRow("JPEG, half") << jpeg.left(jpeg.size() / 2);
        QTest::newRow("JPEG, without its end marker") << jpeg.chopped(2);
        QTest::newRow("PNG, half") << png.left(png.size() / 2);
        QTest::newRow("PNG, without IEND") << png.chopped(12);
    }

    void aTruncatedFileIsRefused()
    {
        QFETCH(QByteArray, file);
        const QString message = refusal(file);
        QVERIFY2(message.contains(u"damaged"_s), qPrintable(message));
    }

    // The camera's orientation is applied, and no metadata survives: not the GPS position, not
    // the camera's serial number.
    void exifOrientationIsAppliedAndMetadataDropped()
    {
        // Landscape as stored, red on top; orientation 6 shows it portrait, red on the right.
        const QByteArray file =
            rentdesk::test::withExif(rentdesk::test::encoded(rentdesk::test::twoColourImage(400, 200), "jpeg"));
        QVERIFY(file.contains(QByteArray("Exif\0\0", 6)));
        QVERIFY(file.contains("SN-4711-0815"));
        {
            QBuffer buffer;
            buffer.setData(file);
            buffer.open(QIODevice::ReadOnly);
            QImageReader reader(&buffer);
            QCOMPARE(reader.transformation(), QImageIOHandler::TransformationRotate90);
        }
        const auto photo = preparePhoto(file);
        QVERIFY2(photo, qPrintable(photo ? QString() : photo.error().message));
        QCOMPARE(QSize(photo->width, photo->height), QSize(200, 400));
        const QImage stored = rentdesk::test::decodedImage(photo->image);
        QCOMPARE(stored.size(), QSize(200, 400));
        QVERIFY2(near(stored.pixel(180, 200), Qt::red), qPrintable(QColor(stored.pixel(180, 200)).name()));
        QVERIFY2(near(stored.pixel(20, 200), Qt::blue), qPrintable(QColor(stored.pixel(20, 200)).name()));
        for (const QByteArray &bytes : { photo->image, photo->thumbnail }) {
            QVERIFY(!bytes.contains("Exif"));
            QVERIFY(!bytes.contains("SN-4711-0815"));
            QVERIFY(!bytes.contains("RentDeskCam"));
        }
        QCOMPARE(rentdesk::test::decodedImage(photo->thumbnail).size(), QSize(160, 320));
    }

    // What a desktop will upload for sync is checked by the server with checkStoredJpeg.
    void storedJpegsAreChecked()
    {
        const auto photo = preparePhoto(rentdesk::test::encoded(rentdesk::test::twoColourImage(4096, 1024), "jpeg"));
        QVERIFY(photo);
        const auto size = checkStoredJpeg(photo->image, PhotoLimits::imageSide);
        QVERIFY2(size, qPrintable(size ? QString() : size.error().message));
        QCOMPARE(*size, QSize(2048, 512));
        QCOMPARE(checkStoredJpeg(photo->thumbnail, PhotoLimits::thumbnailSide).value_or(QSize()), QSize(320, 80));
        QVERIFY(!checkStoredJpeg(photo->image, PhotoLimits::thumbnailSide));
        QVERIFY(!checkStoredJpeg(rentdesk::test::encoded(rentdesk::test::twoColourImage(64, 64), "png"), 2048));
        QVERIFY(!checkStoredJpeg(photo->image.left(photo->image.size() / 2), 2048));
        QVERIFY(!checkStoredJpeg("not an image", 2048));
    }
};

QTEST_GUILESS_MAIN(TestPhotoImage)
#include "tst_photoimage.moc"
