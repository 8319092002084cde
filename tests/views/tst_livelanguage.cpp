// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/demo/demogenerator.h"
#include "models/i18n/translator.h"
#include "models/services/clock.h"
#include "models/services/session.h"
#include "tests/support/testsupport.h"
#include "views/apartments/apartmentspage.h"
#include "views/bookings/bookingspage.h"
#include "views/buildings/buildingspage.h"
#include "views/common/messages.h"
#include "views/mainwindow/mainwindow.h"
#include "views/mainwindow/workspace.h"
#include "views/reviews/reviewspage.h"
#include "views/widgets/celldelegate.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractSpinBox>
#include <QAction>
#include <QComboBox>
#include <QDialog>
#include <QDockWidget>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QMap>
#include <QMenu>
#include <QPlainTextEdit>
#include <QSettings>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QTextBrowser>

#include <memory>
#include <vector>

using namespace Qt::StringLiterals;
using namespace rentdesk;
using models::domain::Language;

namespace {

// A widget's place in its window: the object names (or class and number among its siblings of
// that class) from the window down, the same for the same widget of two windows built alike.
QString pathOf(const QObject *object, const QObject *root)
{
    QStringList parts;
    for (const QObject *o = object; o && o != root; o = o->parent()) {
        QString part = o->objectName();
        if (part.isEmpty()) {
            int number = 0;
            if (const QObject *parent = o->parent()) {
                for (const QObject *sibling : parent->children()) {
                    if (sibling == o)
                        break;
                    if (qstrcmp(sibling->metaObject()->className(), o->metaObject()->className()) == 0
                        && sibling->objectName().isEmpty())
                        ++number;
                }
            }
            part = QString::fromLatin1(o->metaObject()->className()) + u'#' + QString::number(number);
        }
        parts.prepend(part);
    }
    return parts.join(u'/');
}

// What a model shows: the column titles and the first rows' texts and tips, as the view's
// delegate writes them when it has the CellDelegate (dates and money in the default locale).
void addModel(QMap<QString, QString> &texts, const QString &path, const QAbstractItemView *view)
{
    const QAbstractItemModel *model = view->model();
    if (!model)
        return;
    const bool cellDelegate = qobject_cast<views::CellDelegate *>(view->itemDelegate()) != nullptr;
    for (int column = 0; column < model->columnCount(); ++column)
        texts[path + u" header "_s + QString::number(column)] =
            model->headerData(column, Qt::Horizontal, Qt::DisplayRole).toString();
    for (int row = 0; row < std::min(model->rowCount(), 3); ++row) {
        for (int column = 0; column < model->columnCount(); ++column) {
            const QModelIndex index = model->index(row, column);
            const QString cell = path + u" cell "_s + QString::number(row) + u',' + QString::number(column);
            texts[cell] = cellDelegate ? views::CellDelegate::cellText(index) : index.data().toString();
            texts[cell + u" tip"_s] = index.data(Qt::ToolTipRole).toString();
        }
    }
}

// Every text a window shows or tells: labels, buttons, fields' placeholders and contents of
// spin boxes and date fields, combo boxes' items, tabs, docks, group boxes, menus, actions and
// their tips, the detail panes, and the models' headers and first cells.
QMap<QString, QString> textsOf(const QWidget *window)
{
    QMap<QString, QString> texts;
    QList<const QWidget *> widgets { window };
    for (const QWidget *w : window->findChildren<QWidget *>())
        widgets << w;
    for (const QWidget *w : std::as_const(widgets)) {
        const QString path = pathOf(w, window);
        if (!w->windowTitle().isEmpty())
            texts[path + u" title"_s] = w->windowTitle();
        if (!w->toolTip().isEmpty())
            texts[path + u" tip"_s] = w->toolTip();
        if (!w->accessibleName().isEmpty())
            texts[path + u" accessible name"_s] = w->accessibleName();
        if (const auto *label = qobject_cast<const QLabel *>(w))
            texts[path + u" text"_s] = label->text();
        else if (const auto *button = qobject_cast<const QAbstractButton *>(w))
            texts[path + u" text"_s] = button->text();
        else if (const auto *edit = qobject_cast<const QLineEdit *>(w))
            texts[path + u" placeholder"_s] = edit->placeholderText();
        else if (const auto *plain = qobject_cast<const QPlainTextEdit *>(w))
            texts[path + u" placeholder"_s] = plain->placeholderText();
        else if (const auto *browser = qobject_cast<const QTextBrowser *>(w))
            texts[path + u" text"_s] = browser->toPlainText();
        else if (const auto *group = qobject_cast<const QGroupBox *>(w))
            texts[path + u" title"_s] = group->title();
        else if (const auto *menu = qobject_cast<const QMenu *>(w))
            texts[path + u" title"_s] = menu->title();
        if (const auto *spin = qobject_cast<const QAbstractSpinBox *>(w))
            texts[path + u" value"_s] = spin->text();
        if (const auto *combo = qobject_cast<const QComboBox *>(w)) {
            for (int i = 0; i < combo->count(); ++i)
                texts[path + u" item "_s + QString::number(i)] = combo->itemText(i);
        }
        if (const auto *tabs = qobject_cast<const QTabWidget *>(w)) {
            for (int i = 0; i < tabs->count(); ++i) {
                texts[path + u" tab "_s + QString::number(i)] = tabs->tabText(i);
                texts[path + u" tab tip "_s + QString::number(i)] = tabs->tabToolTip(i);
            }
        }
        if (const auto *view = qobject_cast<const QAbstractItemView *>(w))
            addModel(texts, path, view);
    }
    for (const QAction *action : window->findChildren<QAction *>()) {
        if (action->objectName().isEmpty() || action->isSeparator())
            continue;
        const QString path = u"action "_s + action->objectName();
        texts[path + u" text"_s] = action->text();
        texts[path + u" tip"_s] = action->toolTip();
        texts[path + u" status"_s] = action->statusTip();
    }
    return texts;
}

// The texts that differ, one per line: "path: live | fresh". Each is also logged, since QTest
// cuts a long failure message short.
QString differences(const QMap<QString, QString> &live, const QMap<QString, QString> &fresh)
{
    QStringList lines;
    QStringList keys = live.keys() + fresh.keys();
    keys.removeDuplicates();
    std::sort(keys.begin(), keys.end());
    for (const QString &key : std::as_const(keys)) {
        const QString a = live.value(key, u"<none>"_s);
        const QString b = fresh.value(key, u"<none>"_s);
        if (a != b)
            lines << key + u": «"_s + a + u"» (switched) | «"_s + b + u"» (built fresh)"_s;
    }
    for (const QString &line : std::as_const(lines))
        qWarning().noquote() << "differs:" << line;
    if (lines.size() > 8)
        lines = lines.mid(0, 8) << u"… and %1 more (logged above)"_s.arg(lines.size() - 8);
    return lines.join(u'\n');
}

} // namespace

// Changing the language while a window is open retranslates it at once: the window that was
// open when the Translator switched shows the same texts, dates and money as a window built
// afresh in the new language (and again after switching back).
class TestLiveLanguage final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_db.isValid(), qPrintable(m_db.errorMessage()));
        models::demo::DemoOptions options;
        options.apartments = 12;
        options.today = m_clock.today();
        QVERIFY(models::demo::generateDemoData(m_db.connection(), options));
        QSettings().clear();
        QVERIFY(m_translator.switchTo(Language::English).rentdesk);
        m_workspace =
            std::make_unique<views::Workspace>(m_db.shared(), m_clock, models::services::Mode::Standalone, m_session);
    }

    void cleanup()
    {
        m_translator.switchTo(Language::English);
        QCoreApplication::processEvents();
        m_session.signOut();
        QSettings().clear();
    }

    void cleanupTestCase()
    {
        m_workspace.reset();
        QSettings().clear();
    }

    void switchedWindowEqualsFreshOne_data()
    {
        QTest::addColumn<QString>("account");
        QTest::newRow("nobody") << QString();
        QTest::newRow("landlord") << models::demo::demoLandlord().email;
    }

    void switchedWindowEqualsFreshOne()
    {
        QFETCH(QString, account);
        if (!account.isEmpty())
            signIn(account);
        const auto live = openWindow();
        // A dialog that stays alive while the window lives: the mail queue (not modal).
        live->showMailQueue();
        const QDialog *liveQueue = live->findChild<QDialog *>(u"mailQueueDialog"_s);
        QVERIFY(liveQueue);
        const QMap<QString, QString> english = textsOf(live.get());

        // The pages' models say that every header and cell changed, so that the views ask again.
        std::vector<std::unique_ptr<QSignalSpy>> spies;
        for (const QAbstractItemModel *model : pageModels(*live)) {
            spies.push_back(std::make_unique<QSignalSpy>(model, &QAbstractItemModel::headerDataChanged));
            if (model->rowCount() > 0) // bookings are nobody's without a sign-in
                spies.push_back(std::make_unique<QSignalSpy>(model, &QAbstractItemModel::dataChanged));
        }

        QVERIFY(m_translator.switchTo(Language::Russian).rentdesk);
        QCoreApplication::processEvents();
        const QMap<QString, QString> switched = textsOf(live.get());
        QVERIFY2(switched != english, "nothing changed: is the Russian catalogue empty?");
        for (const auto &spy : spies)
            QVERIFY2(!spy->isEmpty(),
                     qPrintable(u"a page's model did not announce "_s + QString::fromLatin1(spy->signal())));
        {
            const auto fresh = openWindow();
            fresh->showMailQueue();
            const QString diff = differences(switched, textsOf(fresh.get()));
            QVERIFY2(diff.isEmpty(), qPrintable(u"\nEnglish → Russian, texts that were not retranslated:\n"_s + diff));
            const QString queueDiff =
                differences(textsOf(liveQueue), textsOf(fresh->findChild<QDialog *>(u"mailQueueDialog"_s)));
            QVERIFY2(queueDiff.isEmpty(), qPrintable(u"\nThe mail queue, not retranslated:\n"_s + queueDiff));
        }

        QVERIFY(m_translator.switchTo(Language::English).rentdesk);
        QCoreApplication::processEvents();
        const QMap<QString, QString> back = textsOf(live.get());
        {
            const auto fresh = openWindow();
            fresh->showMailQueue();
            const QString diff = differences(back, textsOf(fresh.get()));
            QVERIFY2(diff.isEmpty(), qPrintable(u"\nRussian → English, texts that were not retranslated:\n"_s + diff));
        }
        const QString diff = differences(back, english);
        QVERIFY2(diff.isEmpty(), qPrintable(u"\nEnglish again differs from the first English:\n"_s + diff));
    }

    // A date and an amount of money in a page's cells follow the language's locale at once.
    void datesAndMoneyFollowTheLocale()
    {
        signIn(models::demo::demoLandlord().email);
        const auto live = openWindow();
        const auto find = [](const QAbstractItemModel *model, models::itemmodels::CellKind kind) {
            for (int column = 0; column < model->columnCount(); ++column) {
                if (model->headerData(column, Qt::Horizontal, models::itemmodels::CellKindRole).toInt() == int(kind))
                    return model->index(0, column);
            }
            return QModelIndex();
        };
        const QAbstractItemModel *bookings = live->bookingsPage()->model();
        QVERIFY(bookings->rowCount() > 0);
        const QModelIndex date = find(bookings, models::itemmodels::CellKind::Date);
        const QModelIndex money = find(live->apartmentsPage()->model(), models::itemmodels::CellKind::Money);
        QVERIFY(date.isValid());
        QVERIFY(money.isValid());
        const QString englishDate = views::CellDelegate::cellText(date);
        const QString englishMoney = views::CellDelegate::cellText(money);

        QVERIFY(m_translator.switchTo(Language::Russian).rentdesk);
        QCoreApplication::processEvents();
        const QLocale russian = models::i18n::Translator::localeFor(Language::Russian);
        QCOMPARE(views::CellDelegate::cellText(date),
                 russian.toString(date.data(models::itemmodels::ValueRole).toDate(), QLocale::ShortFormat));
        QVERIFY(views::CellDelegate::cellText(date) != englishDate);
        QVERIFY(views::CellDelegate::cellText(money) != englishMoney);
        // The widgets take the new locale too (date fields, spin boxes).
        QCOMPARE(live->locale().language(), QLocale::Russian);
    }

private:
    void signIn(const QString &email)
    {
        const auto user = m_workspace->accounts.logIn(email, models::demo::demoPassword());
        QVERIFY2(user, qPrintable(user ? QString() : user.error().message));
        m_session.signIn(*user);
    }

    std::unique_ptr<views::MainWindow> openWindow()
    {
        auto window = std::make_unique<views::MainWindow>(*m_workspace);
        window->resize(1280, 800);
        window->show();
        [[maybe_unused]] const bool exposed = QTest::qWaitForWindowExposed(window.get());
        views::messages::setNextAnswer(std::nullopt);
        QCoreApplication::processEvents();
        return window;
    }

    static QList<const QAbstractItemModel *> pageModels(const views::MainWindow &window)
    {
        return { window.apartmentsPage()->model(), window.buildingsPage()->model(), window.bookingsPage()->model(),
                 window.reviewsPage()->model() };
    }

    test::TempDatabase m_db;
    models::services::ManualClock m_clock { QDateTime(QDate(2026, 6, 1), QTime(10, 0), Qt::UTC) };
    models::services::Session m_session;
    std::unique_ptr<views::Workspace> m_workspace;
    models::i18n::Translator m_translator;
};

QTEST_MAIN(TestLiveLanguage)
#include "tst_livelanguage.moc"
