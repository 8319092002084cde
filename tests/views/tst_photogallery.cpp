// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/db/query.h"
#include "models/demo/demogenerator.h"
#include "models/domain/storedvalues.h"
#include "models/i18n/translator.h"
#include "models/services/photoservice.h"
#include "tests/photos/phototesting.h"
#include "tests/support/testsupport.h"
#include "tests/views/demowindow.h"
#include "tests/views/guitesting.h"
#include "views/apartments/apartmentspage.h"
#include "views/common/messages.h"
#include "views/mainwindow/mainactions.h"
#include "views/mainwindow/mainwindow.h"
#include "views/mainwindow/workspace.h"
#include "views/photos/photogallery.h"
#include "views/photos/photolistmodel.h"
#include "views/photos/photoviewer.h"
#include "views/widgets/taskprogress.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFile>
#include <QLabel>
#include <QListView>
#include <QMimeData>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QUrl>

using namespace Qt::StringLiterals;
using namespace rentdesk;
using views::MainWindow;
using views::PhotoGallery;
using views::PhotoListModel;

// The photo gallery of the Apartments page as its owner and a renter use it, on demo data and
// real image files: adding (the file dialog, files dropped), the order (dragging within the
// strip, the arrow buttons, Ctrl+arrows), removing (asked first), refusals naming the file, a
// photo whose bytes have not arrived, and the larger viewer.
class TestPhotoGallery : public QObject
{
    Q_OBJECT

    test::DemoWindow m_demo;
    QTemporaryDir m_files;

    views::ApartmentsPage *page() const { return m_demo.window->apartmentsPage(); }
    PhotoGallery *gallery() const { return page()->gallery(); }
    PhotoListModel *model() const { return gallery()->model(); }

    // A JPEG file of the given size, top and bottom in two colours.
    QString imageFile(const QString &name, int width, int height, const QColor &top = Qt::red) const
    {
        const QString path = m_files.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            return {};
        file.write(test::encoded(test::twoColourImage(width, height, top), name.endsWith(u".png"_s) ? "PNG" : "JPEG"));
        return path;
    }

    // Selects the first apartment on the page whose owner is (own) or is not the signed-in user.
    QUuid selectApartment(bool own)
    {
        auto *apartments = page()->apartments();
        for (int row = 0; row < apartments->rowCount(); ++row) {
            const auto data = apartments->rowData(row);
            if (data && (data->apartment.ownerId == m_demo.session.userId()) == own) {
                page()->table()->selectRow(row);
                return data->apartment.id;
            }
        }
        return {};
    }

    // The gallery's photo ids in order, and the database's.
    QList<QUuid> shown() const
    {
        QList<QUuid> ids;
        for (int row = 0; row < model()->rowCount(); ++row)
            ids << model()->index(row).data(PhotoListModel::IdRole).toUuid();
        return ids;
    }
    QList<QUuid> stored(const QUuid &apartment) const
    {
        QList<QUuid> ids;
        auto query = models::db::exec(m_demo.db.connection(),
                                      u"SELECT id FROM apartment_photos WHERE apartment_id = :a ORDER BY position"_s,
                                      { { u":a"_s, models::domain::toStoredId(apartment) } });
        while (query && query->next())
            ids << QUuid::fromString(query->value(0).toString());
        return ids;
    }

    // Adds n photos to the apartment through the Add… button and the file dialog.
    void addThroughTheDialog(const QStringList &paths)
    {
        auto *add = gallery()->findChild<QToolButton *>(u"addPhotosButton"_s);
        QVERIFY(add && add->isVisible() && add->isEnabled());
        views::messages::setNextFileNames(paths);
        add->click();
    }

    static QMimeData *filesMime(const QStringList &paths)
    {
        auto *mime = new QMimeData;
        QList<QUrl> urls;
        for (const QString &path : paths)
            urls << QUrl::fromLocalFile(path);
        mime->setUrls(urls);
        return mime;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_files.isValid());
        m_demo.prepare(40);
    }

    void init()
    {
        QVERIFY(models::db::exec(m_demo.db.connection(), u"DELETE FROM apartment_photos"_s));
        QVERIFY(models::db::exec(m_demo.db.connection(), u"DELETE FROM photo_blobs"_s));
        m_demo.open();
    }

    void cleanup() { m_demo.close(); }

    // The owner adds photos with the dialog: each is stored, shown by its thumbnail in the
    // order added, and the last one added is selected; a file that is not an image is refused
    // by its name while the others go in.
    void theOwnerAddsPhotosFromFiles()
    {
        m_demo.signIn(models::demo::demoLandlord().email);
        RENTDESK_RETURN_IF_FAILED();
        const QUuid apartment = selectApartment(true);
        QVERIFY(!apartment.isNull());
        QTRY_COMPARE(gallery()->apartment(), apartment);
        QVERIFY(gallery()->isVisible());
        QVERIFY(gallery()->isEditable());
        QVERIFY(gallery()->findChild<QLabel *>(u"photoGalleryEmpty"_s)->isVisible());
        QVERIFY(m_demo.window->actions().addPhotos->isEnabled());
        QAbstractItemModelTester tester(model(), QAbstractItemModelTester::FailureReportingMode::QtTest);

        const QString notAnImage = m_files.filePath(u"notes.jpg"_s);
        {
            QFile file(notAnImage);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("These are not the pixels you are looking for.");
        }
        views::messages::setNextAnswer(std::nullopt); // tell() opens no box
        addThroughTheDialog(
            { imageFile(u"kitchen.jpg"_s, 1600, 1200), notAnImage, imageFile(u"balcony.png"_s, 800, 1000, Qt::green) });
        RENTDESK_RETURN_IF_FAILED();
        QTRY_COMPARE(model()->rowCount(), 2);
        QCOMPARE(shown(), stored(apartment));
        QVERIFY2(views::messages::lastText().contains(u"notes.jpg: "_s), qPrintable(views::messages::lastText()));
        QVERIFY(!views::messages::lastText().contains(u"kitchen.jpg"_s));
        QCOMPARE(gallery()->currentPhoto(), shown().at(1));
        QCOMPARE(gallery()->findChild<QLabel *>(u"photoGalleryTitle"_s)->text(), u"Photos (2)"_s);
        QVERIFY(gallery()->strip()->isVisible());
        for (int row = 0; row < 2; ++row) {
            QVERIFY(model()->index(row).data(PhotoListModel::ArrivedRole).toBool());
            const auto pixmap = model()->index(row).data(Qt::DecorationRole).value<QPixmap>();
            QVERIFY(!pixmap.isNull());
            QVERIFY(pixmap.width() <= PhotoListModel::iconSize().width());
            QVERIFY(pixmap.height() <= PhotoListModel::iconSize().height());
        }
        // Landscape then portrait, as added.
        const auto first = model()->index(0).data(Qt::DecorationRole).value<QPixmap>();
        const auto second = model()->index(1).data(Qt::DecorationRole).value<QPixmap>();
        QVERIFY(first.width() > first.height());
        QVERIFY(second.width() < second.height());
        QCOMPARE(model()->index(0).data(Qt::ToolTipRole).toString(), u"Photo 1 of 2, 1600 × 1200"_s);
    }

    // Adding several photos shows the long tasks' progress window; Stop there keeps the photos
    // added before it and adds no more.
    void stopWhileAddingKeepsWhatWasAdded()
    {
        m_demo.signIn(models::demo::demoLandlord().email);
        RENTDESK_RETURN_IF_FAILED();
        const QUuid apartment = selectApartment(true);
        QVERIFY(!apartment.isNull());
        QTRY_COMPARE(gallery()->apartment(), apartment);
        views::TaskProgress::stopNextAt(2); // as if Stop were pressed before the third file
        addThroughTheDialog({ imageFile(u"one.jpg"_s, 640, 480), imageFile(u"two.jpg"_s, 640, 480),
                              imageFile(u"three.jpg"_s, 640, 480), imageFile(u"four.jpg"_s, 640, 480) });
        views::TaskProgress::stopNextAt(-1);
        RENTDESK_RETURN_IF_FAILED();
        QTRY_COMPARE(model()->rowCount(), 2);
        QCOMPARE(stored(apartment).size(), 2);
        QCOMPARE(shown(), stored(apartment));
    }

    // Image files dropped on the strip (or on the empty gallery) are added; a photo dragged
    // within the strip moves there; neither happens on someone else's apartment.
    void dropsAddFilesAndMovePhotos()
    {
        m_demo.signIn(models::demo::demoLandlord().email);
        RENTDESK_RETURN_IF_FAILED();
        const QUuid apartment = selectApartment(true);
        QTRY_COMPARE(gallery()->apartment(), apartment);

        // On the empty gallery's sentence: the gallery takes the drop. Sent to the window, which
        // finds the widget under the point that accepts drops, as a drag from a file manager is.
        std::unique_ptr<QMimeData> one(filesMime({ imageFile(u"a.jpg"_s, 640, 480) }));
        auto *empty = gallery()->findChild<QLabel *>(u"photoGalleryEmpty"_s);
        QVERIFY(empty->isVisible());
        const QPointF point = empty->mapTo(m_demo.window.get(), empty->rect().center());
        QDragEnterEvent enter(point.toPoint(), Qt::CopyAction, one.get(), Qt::LeftButton, {});
        QApplication::sendEvent(m_demo.window->windowHandle(), &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(point, Qt::CopyAction, one.get(), Qt::LeftButton, {});
        QApplication::sendEvent(m_demo.window->windowHandle(), &drop);
        QVERIFY(drop.isAccepted());
        QTRY_COMPARE(model()->rowCount(), 1);

        std::unique_ptr<QMimeData> two(
            filesMime({ imageFile(u"b.jpg"_s, 640, 480, Qt::yellow), imageFile(u"c.jpg"_s, 640, 480, Qt::cyan) }));
        QVERIFY(model()->canDropMimeData(two.get(), Qt::CopyAction, -1, -1, {}));
        QVERIFY(model()->dropMimeData(two.get(), Qt::CopyAction, -1, -1, {}));
        QTRY_COMPARE(model()->rowCount(), 3);
        const QList<QUuid> added = shown();
        QCOMPARE(added, stored(apartment));

        // The last photo dragged onto the first: it goes before it.
        auto *dragged = model()->mimeData({ model()->index(2) });
        QVERIFY(dragged);
        std::unique_ptr<QMimeData> owned(dragged);
        QCOMPARE(model()->supportedDragActions(), Qt::CopyAction); // the view never removes the row itself
        QVERIFY(model()->dropMimeData(dragged, Qt::CopyAction, -1, 0, model()->index(0)));
        const QList<QUuid> moved { added.at(2), added.at(0), added.at(1) };
        QTRY_COMPARE(stored(apartment), moved);
        QTRY_COMPARE(shown(), moved);
        QCOMPARE(gallery()->currentPhoto(), added.at(2));
        // The first dropped after the last (row 3: the end).
        std::unique_ptr<QMimeData> again(model()->mimeData({ model()->index(0) }));
        QVERIFY(model()->dropMimeData(again.get(), Qt::CopyAction, 3, 0, {}));
        QTRY_COMPARE(stored(apartment), (QList<QUuid> { added.at(0), added.at(1), added.at(2) }));
        QTRY_COMPARE(shown(), stored(apartment));

        // Someone else's apartment takes no drop.
        const QUuid other = selectApartment(false);
        QTRY_COMPARE(gallery()->apartment(), other);
        QVERIFY(!gallery()->isEditable());
        QVERIFY(!model()->canDropMimeData(two.get(), Qt::CopyAction, -1, -1, {}));
        QVERIFY(!gallery()->strip()->dragEnabled());
        QVERIFY(!gallery()->findChild<QWidget *>(u"addPhotosButton"_s)->isVisible());
        QVERIFY(!m_demo.window->actions().addPhotos->isEnabled());
        QCOMPARE(stored(other), QList<QUuid>());
    }

    // The arrow buttons and Ctrl+Left/Right move the selected photo by one place, each stopping
    // at its end; Delete removes it once the owner confirms, and not when they cancel.
    void buttonsAndKeysMoveAndRemove()
    {
        m_demo.signIn(models::demo::demoLandlord().email);
        RENTDESK_RETURN_IF_FAILED();
        const QUuid apartment = selectApartment(true);
        QTRY_COMPARE(gallery()->apartment(), apartment);
        QList<QUuid> ids;
        for (const QColor &colour : { QColor(Qt::red), QColor(Qt::green), QColor(Qt::blue) }) {
            const auto photo = m_demo.workspace->photos.add(
                m_demo.session.userId(), apartment, test::encoded(test::twoColourImage(400, 300, colour), "JPEG"));
            QVERIFY2(photo, qPrintable(photo ? QString() : photo.error().message));
            ids << photo->id;
        }
        gallery()->reload();
        QCOMPARE(shown(), ids);

        auto *earlier = gallery()->findChild<QToolButton *>(u"photoEarlierButton"_s);
        auto *later = gallery()->findChild<QToolButton *>(u"photoLaterButton"_s);
        auto *remove = gallery()->findChild<QToolButton *>(u"removePhotoButton"_s);
        QVERIFY(!remove->isEnabled()); // nothing selected
        gallery()->setCurrentPhoto(ids.at(0));
        QVERIFY(!earlier->isEnabled());
        QVERIFY(later->isEnabled());
        later->click();
        QTRY_COMPARE(stored(apartment), (QList<QUuid> { ids.at(1), ids.at(0), ids.at(2) }));
        QCOMPARE(shown(), stored(apartment));
        QCOMPARE(gallery()->currentPhoto(), ids.at(0));

        gallery()->strip()->setFocus();
        QTest::keyClick(gallery()->strip(), Qt::Key_Right, Qt::ControlModifier);
        QTRY_COMPARE(stored(apartment), (QList<QUuid> { ids.at(1), ids.at(2), ids.at(0) }));
        QVERIFY(!later->isEnabled());
        QTest::keyClick(gallery()->strip(), Qt::Key_Right, Qt::ControlModifier); // at the end: nothing
        QTest::keyClick(gallery()->strip(), Qt::Key_Left, Qt::ControlModifier);
        QTRY_COMPARE(stored(apartment), (QList<QUuid> { ids.at(1), ids.at(0), ids.at(2) }));
        QCOMPARE(shown(), stored(apartment));

        views::messages::setNextAnswer(false);
        QTest::keyClick(gallery()->strip(), Qt::Key_Delete);
        QVERIFY2(views::messages::lastText().startsWith(u"Remove this photo"_s),
                 qPrintable(views::messages::lastText()));
        QCOMPARE(stored(apartment).size(), 3);
        views::messages::setNextAnswer(true);
        QTest::keyClick(gallery()->strip(), Qt::Key_Delete);
        QTRY_COMPARE(stored(apartment), (QList<QUuid> { ids.at(1), ids.at(2) }));
        QCOMPARE(shown(), stored(apartment));
        QCOMPARE(test::valueIn(m_demo.db.path(), u"SELECT count(*) FROM photo_blobs"_s), 4); // the removed one's went
    }

    // The 21st photo is refused with the limit named, and nothing of it is stored.
    void theLimitIsSaid()
    {
        m_demo.signIn(models::demo::demoLandlord().email);
        RENTDESK_RETURN_IF_FAILED();
        const QUuid apartment = selectApartment(true);
        QTRY_COMPARE(gallery()->apartment(), apartment);
        QStringList paths;
        for (int i = 0; i < models::services::PhotoService::maxPhotosPerApartment + 1; ++i)
            paths << imageFile(u"p%1.jpg"_s.arg(i), 64, 48, QColor::fromHsv(i * 17, 200, 200));
        addThroughTheDialog(paths);
        RENTDESK_RETURN_IF_FAILED();
        QTRY_COMPARE(model()->rowCount(), 20);
        QCOMPARE(stored(apartment).size(), 20);
        QVERIFY2(views::messages::lastText().contains(u"p20.jpg: "_s) && views::messages::lastText().contains(u"20"_s),
                 qPrintable(views::messages::lastText()));
        QVERIFY2(views::messages::lastText().startsWith(u"20 photos added."_s),
                 qPrintable(views::messages::lastText()));
    }

    // A renter sees the owner's photos and changes nothing: no buttons, no drop, no Delete.
    void aRenterOnlyLooks()
    {
        m_demo.signIn(models::demo::demoLandlord().email);
        RENTDESK_RETURN_IF_FAILED();
        const QUuid apartment = selectApartment(true);
        QVERIFY(m_demo.workspace->photos.add(m_demo.session.userId(), apartment,
                                             test::encoded(test::twoColourImage(400, 300), "JPEG")));
        m_demo.session.signOut();
        m_demo.signIn(models::demo::demoRenter().email);
        RENTDESK_RETURN_IF_FAILED();
        page()->refresh();
        int row = -1;
        for (int r = 0; r < page()->apartments()->rowCount() && row < 0; ++r) {
            if (page()->apartments()->rowData(r)->apartment.id == apartment)
                row = r;
        }
        QVERIFY(row >= 0);
        page()->table()->selectRow(row);
        QTRY_COMPARE(gallery()->apartment(), apartment);
        QCOMPARE(model()->rowCount(), 1);
        QVERIFY(!gallery()->isEditable());
        QVERIFY(!gallery()->findChild<QToolButton *>(u"removePhotoButton"_s)->isVisible());
        gallery()->setCurrentPhoto(shown().at(0));
        views::messages::setNextAnswer(true);
        QTest::keyClick(gallery()->strip(), Qt::Key_Delete);
        QCOMPARE(stored(apartment).size(), 1);
        QVERIFY(!model()->flags(model()->index(0)).testFlag(Qt::ItemIsDragEnabled));
    }

    // A photo whose bytes are not here (a replica waiting for them) shows a placeholder, and
    // its thumbnail once the bytes have come and the gallery reads again; the viewer falls back
    // to the thumbnail and says so.
    void photosWaitingForTheirBytes()
    {
        m_demo.signIn(models::demo::demoLandlord().email);
        RENTDESK_RETURN_IF_FAILED();
        const QUuid apartment = selectApartment(true);
        const auto photo = m_demo.workspace->photos.add(m_demo.session.userId(), apartment,
                                                        test::encoded(test::twoColourImage(3000, 2000), "JPEG"));
        QVERIFY(photo);
        const auto thumbnail = m_demo.workspace->photos.thumbnail(photo->thumbnailSha256);
        QVERIFY(thumbnail && *thumbnail);
        QVERIFY(models::db::exec(m_demo.db.connection(), u"DELETE FROM photo_blobs"_s));
        gallery()->reload();
        QCOMPARE(model()->rowCount(), 1);
        QVERIFY(!model()->index(0).data(PhotoListModel::ArrivedRole).toBool());
        QCOMPARE(model()->index(0).data(Qt::DecorationRole).value<QPixmap>().size(), PhotoListModel::iconSize());

        views::PhotoViewer missing(
            model()->photos(), 0, [](const QString &) { return std::optional<QByteArray>(); },
            [](const QString &) { return std::optional<QByteArray>(); });
        QVERIFY(missing.caption().contains(u"has not arrived"_s));
        QVERIFY(missing.pictureSize().isEmpty());

        // The thumbnail's bytes arrive (as a sync stores them).
        QVERIFY(models::db::exec(
            m_demo.db.connection(),
            u"INSERT INTO photo_blobs (sha256, bytes, size, created_at) "
            "VALUES (:h, :b, :s, '2026-06-01T10:00:00.000Z')"_s,
            { { u":h"_s, photo->thumbnailSha256 }, { u":b"_s, **thumbnail }, { u":s"_s, (*thumbnail)->size() } }));
        gallery()->reload();
        QVERIFY(model()->index(0).data(PhotoListModel::ArrivedRole).toBool());
        const auto shownThumbnail = model()->index(0).data(Qt::DecorationRole).value<QPixmap>();
        QCOMPARE(shownThumbnail.width(), 120); // 3:2 within 120 × 90
        QVERIFY(std::abs(shownThumbnail.height() - 80) <= 1);

        gallery()->setCurrentPhoto(photo->id);
        gallery()->openViewer();
        auto *viewer = m_demo.window->findChild<views::PhotoViewer *>();
        QVERIFY(viewer);
        QTRY_VERIFY(viewer->isVisible());
        QVERIFY2(viewer->caption().contains(u"full-size picture has not arrived"_s), qPrintable(viewer->caption()));
        QCOMPARE(viewer->pictureSize(), QSize(320, 213));
        viewer->close();
    }

    // The viewer goes through the photos in order with the keys, at their stored size.
    void theViewerGoesThroughThePhotos()
    {
        m_demo.signIn(models::demo::demoLandlord().email);
        RENTDESK_RETURN_IF_FAILED();
        const QUuid apartment = selectApartment(true);
        QTRY_COMPARE(gallery()->apartment(), apartment);
        const QList<QSize> sizes { { 4000, 3000 }, { 600, 900 }, { 1000, 1000 } };
        for (const QSize &size : sizes) {
            QVERIFY(
                m_demo.workspace->photos.add(m_demo.session.userId(), apartment,
                                             test::encoded(test::twoColourImage(size.width(), size.height()), "JPEG")));
        }
        gallery()->reload();
        gallery()->setCurrentPhoto(shown().at(1));
        // Return on the strip opens it on the selected photo.
        gallery()->strip()->setFocus();
        QTest::keyClick(gallery()->strip(), Qt::Key_Return);
        views::PhotoViewer *viewer = nullptr;
        QTRY_VERIFY((viewer = m_demo.window->findChild<views::PhotoViewer *>()) && viewer->isVisible());
        QCOMPARE(viewer->current(), 1);
        QCOMPARE(viewer->caption(), u"Photo 2 of 3"_s);
        QCOMPARE(viewer->pictureSize(), QSize(600, 900));
        QTest::keyClick(viewer, Qt::Key_Right);
        QCOMPARE(viewer->current(), 2);
        QCOMPARE(viewer->pictureSize(), QSize(1000, 1000));
        QTest::keyClick(viewer, Qt::Key_Right); // the last stays
        QCOMPARE(viewer->current(), 2);
        QTest::keyClick(viewer, Qt::Key_Home);
        QCOMPARE(viewer->caption(), u"Photo 1 of 3"_s);
        QCOMPARE(viewer->pictureSize(), QSize(2048, 1536)); // stored within 2048
        // Shown within the window, never larger than the photo.
        const auto *picture = viewer->findChild<QLabel *>(u"photoViewerPicture"_s);
        QTRY_VERIFY(!picture->pixmap().isNull());
        QVERIFY(picture->pixmap().width() <= picture->width());
        QVERIFY(picture->pixmap().height() <= picture->height());
        QTest::keyClick(viewer, Qt::Key_Escape);
        QTRY_VERIFY(!m_demo.window->findChild<views::PhotoViewer *>());
    }
};

QTEST_MAIN(TestPhotoGallery)
#include "tst_photogallery.moc"
