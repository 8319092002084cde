// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/demo/demogenerator.h"
#include "models/i18n/translator.h"
#include "net/chat/chatclient.h"
#include "net/connection/serverconnection.h"
#include "net/secrets/secretstore.h"
#include "tests/views/demowindow.h"
#include "tests/views/guitesting.h"
#include "views/accounts/logindialog.h"
#include "views/apartments/apartmentspage.h"
#include "views/chat/chatpanel.h"
#include "views/editors/apartmenteditor.h"
#include "views/editors/bookingrequestdialog.h"
#include "views/editors/buildingeditor.h"
#include "views/editors/revieweditor.h"
#include "views/firstrun/firstrunwizard.h"
#include "views/settings/settingsdialog.h"

#include <QAbstractButton>
#include <QAbstractSpinBox>
#include <QAccessible>
#include <QApplication>
#include <QCalendarWidget>
#include <QCheckBox>
#include <QComboBox>
#include <QDockWidget>
#include <QLabel>
#include <QLineEdit>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QStatusBar>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QToolButton>

#include <map>
#include <set>

using namespace Qt::StringLiterals;
using namespace rentdesk;
using namespace rentdesk::test;

namespace {

// A widget Qt makes inside one of its own (a spin box's line edit, a calendar's buttons): the
// name belongs to the outer widget, which the audit checks.
bool isQtInternal(const QWidget *widget)
{
    if (widget->objectName().startsWith(u"qt_"_s) && !qobject_cast<const QTabBar *>(widget))
        return true;
    for (const QWidget *w = widget->parentWidget(); w; w = w->parentWidget()) {
        if (qobject_cast<const QCalendarWidget *>(w) || qobject_cast<const QAbstractSpinBox *>(w)
            || qobject_cast<const QComboBox *>(w))
            return true;
    }
    return false;
}

// What a person can Tab to: enabled, shown, taking focus from the Tab key, and not standing in
// for another widget.
bool isControl(const QWidget *widget, const QWidget *root)
{
    return widget->isVisibleTo(root) && widget->isEnabled() && (widget->focusPolicy() & Qt::TabFocus)
        && !widget->focusProxy() && !isQtInternal(widget);
}

QList<QWidget *> controlsOf(QWidget *root)
{
    QList<QWidget *> controls;
    for (QWidget *widget : root->findChildren<QWidget *>()) {
        if (widget->window() == root && isControl(widget, root))
            controls << widget;
    }
    return controls;
}

// The name assistive technology reads: the accessible name, else what Qt derives from a buddy
// label or the control's own text.
QString accessibleName(QWidget *widget)
{
    QAccessibleInterface *interface = QAccessible::queryAccessibleInterface(widget);
    return interface ? interface->text(QAccessible::Name).trimmed() : QString();
}

QString describe(const QWidget *widget)
{
    QStringList path;
    for (const QWidget *w = widget; w && !w->isWindow(); w = w->parentWidget()) {
        if (!w->objectName().isEmpty())
            path.prepend(w->objectName());
    }
    QString text;
    if (const auto *button = qobject_cast<const QAbstractButton *>(widget))
        text = u" \""_s + button->text() + u'"';
    return QString::fromLatin1(widget->metaObject()->className()) + u" "_s + path.join(u'/') + text;
}

QStringList unnamed(QWidget *root)
{
    QStringList missing;
    for (QWidget *control : controlsOf(root)) {
        if (accessibleName(control).isEmpty())
            missing << describe(control);
    }
    return missing;
}

// The controls that Tab does not reach from the window's focus, going round once.
QStringList unreachable(QWidget &dialog)
{
    const QList<QWidget *> controls = controlsOf(&dialog);
    std::set<const QWidget *> reached;
    QWidget *first = QApplication::focusWidget();
    if (!first)
        return { u"(no focus in the dialog)"_s };
    for (int i = 0; i < 4 * int(controls.size()) + 8; ++i) {
        reached.insert(QApplication::focusWidget());
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        if (QApplication::focusWidget() == first)
            break;
    }
    QStringList missing;
    for (QWidget *control : controls) {
        if (!reached.contains(control))
            missing << describe(control);
    }
    return missing;
}

// Where Tab goes backwards on the screen: from a control to one above it, or to one left of it on
// the same line. Going round once from wherever the focus is, it wraps from the last control to
// the first once: one step back is that wrap, a second one is out of order.
QStringList outOfOrder(QWidget &window)
{
    QList<QWidget *> order;
    QWidget *first = QApplication::focusWidget();
    if (!first)
        return { u"(no focus in the window)"_s };
    for (int i = 0; i < 200; ++i) {
        order << QApplication::focusWidget();
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        if (QApplication::focusWidget() == first)
            break;
    }
    order << first; // the step that closes the round
    QStringList backwards;
    for (qsizetype i = 1; i < order.size(); ++i) {
        const QRect before(order[i - 1]->mapTo(&window, QPoint(0, 0)), order[i - 1]->size());
        const QRect after(order[i]->mapTo(&window, QPoint(0, 0)), order[i]->size());
        const bool sameLine = after.top() < before.bottom() && before.top() < after.bottom();
        if (sameLine ? after.left() < before.left() : after.top() < before.top())
            backwards << describe(order[i - 1]) + u" → "_s + describe(order[i]);
    }
    return backwards.size() > 1 ? backwards : QStringList();
}

void show(QDialog &dialog)
{
    dialog.show();
    dialog.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&dialog));
    QTRY_VERIFY(dialog.isActiveWindow()); // for QApplication too, whose focus widget it is then
}

// Names, then the Tab chain, on each page of each tab widget the dialog has.
void audit(QDialog &dialog)
{
    show(dialog);
    RENTDESK_RETURN_IF_FAILED();
    QList<QTabWidget *> tabs = dialog.findChildren<QTabWidget *>();
    const auto check = [&dialog](const QString &where) {
        const QStringList missing = unnamed(&dialog);
        QVERIFY2(missing.isEmpty(), qPrintable(where + u": no accessible name: "_s + missing.join(u", "_s)));
        const QStringList away = unreachable(dialog);
        QVERIFY2(away.isEmpty(), qPrintable(where + u": Tab never reaches: "_s + away.join(u", "_s)));
        const QStringList backwards = outOfOrder(dialog);
        QVERIFY2(backwards.isEmpty(), qPrintable(where + u": Tab goes back: "_s + backwards.join(u", "_s)));
    };
    check(dialog.objectName());
    RENTDESK_RETURN_IF_FAILED();
    for (QTabWidget *tabWidget : tabs) {
        for (int i = 0; i < tabWidget->count(); ++i) {
            if (!tabWidget->isTabEnabled(i) || !tabWidget->isTabVisible(i))
                continue;
            tabWidget->setCurrentIndex(i);
            tabWidget->tabBar()->setFocus(Qt::TabFocusReason);
            check(dialog.objectName() + u" tab "_s + tabWidget->tabText(i));
            RENTDESK_RETURN_IF_FAILED();
        }
    }
}

// Labels and buttons of the window whose text does not fit the room they were given: a label
// narrower than its text (or, wrapped, lower than its lines), a button narrower than its text.
QStringList clipped(QWidget *root)
{
    QStringList found;
    for (QWidget *widget : root->findChildren<QWidget *>()) {
        if (!widget->isVisibleTo(root) || widget->window() != root || isQtInternal(widget))
            continue;
        if (auto *label = qobject_cast<QLabel *>(widget); label && !label->text().isEmpty() && !label->pixmap()) {
            const bool fits = label->wordWrap() ? label->height() >= label->heightForWidth(label->width())
                                                : label->width() >= label->minimumSizeHint().width()
                    && label->height() >= label->minimumSizeHint().height();
            if (!fits)
                found << describe(label) + u" \""_s + label->text().left(40) + u'"';
        } else if (auto *button = qobject_cast<QAbstractButton *>(widget); button && !button->text().isEmpty()) {
            if (button->width() < button->minimumSizeHint().width())
                found << describe(button);
        }
    }
    return found;
}

// The letter Alt takes in a text ("&Save" → 's'), or none.
QChar mnemonic(const QString &text)
{
    for (qsizetype i = 0; i + 1 < text.size(); ++i) {
        if (text[i] != u'&')
            continue;
        if (text[i + 1] != u'&')
            return text[i + 1].toLower();
        ++i;
    }
    return {};
}

// Alt letters that two things of the window answer to at once (the menus, the page tabs, and the
// buttons and buddy labels shown): Qt takes turns between them instead of doing either.
QStringList sharedMnemonics(QMainWindow &window, QTabWidget *pages)
{
    std::map<QChar, QStringList> owners;
    for (QAction *menu : window.menuBar()->actions()) {
        if (menu->isVisible())
            owners[mnemonic(menu->text())] << menu->text();
    }
    for (int i = 0; i < pages->count(); ++i) {
        if (pages->isTabVisible(i))
            owners[mnemonic(pages->tabText(i))] << pages->tabText(i);
    }
    for (QWidget *widget : window.findChildren<QWidget *>()) {
        if (!widget->isVisibleTo(&window) || widget->window() != &window || qobject_cast<QToolButton *>(widget))
            continue;
        if (auto *label = qobject_cast<QLabel *>(widget); label && label->buddy())
            owners[mnemonic(label->text())] << label->text();
        else if (auto *button = qobject_cast<QAbstractButton *>(widget))
            owners[mnemonic(button->text())] << button->text();
    }
    QStringList shared;
    for (const auto &[letter, texts] : owners) {
        if (!letter.isNull() && texts.size() > 1)
            shared << texts.join(u" / "_s);
    }
    // Within each menu, whose letters are its own.
    for (QAction *menu : window.menuBar()->actions()) {
        std::map<QChar, QStringList> items;
        for (QAction *item : menu->menu()->actions()) {
            if (item->isVisible() && !item->isSeparator())
                items[mnemonic(item->text())] << item->text();
        }
        for (const auto &[letter, texts] : items) {
            if (!letter.isNull() && texts.size() > 1)
                shared << menu->text() + u": "_s + texts.join(u" / "_s);
        }
    }
    return shared;
}

// The dark palette and the larger font a desktop may give; restores the application's own.
class LargeDarkLook
{
public:
    LargeDarkLook()
        : m_palette(QApplication::palette())
        , m_font(QApplication::font())
    {
        QPalette dark;
        const QColor window(0x2B, 0x2B, 0x2B);
        const QColor text(0xE6, 0xE6, 0xE6);
        for (const auto role : { QPalette::Window, QPalette::Button })
            dark.setColor(role, window);
        for (const auto role : { QPalette::WindowText, QPalette::Text, QPalette::ButtonText })
            dark.setColor(role, text);
        dark.setColor(QPalette::Base, QColor(0x1E, 0x1E, 0x1E));
        dark.setColor(QPalette::AlternateBase, QColor(0x26, 0x26, 0x26));
        QApplication::setPalette(dark);
        QFont large = m_font;
        large.setPointSizeF(14);
        QApplication::setFont(large);
    }
    ~LargeDarkLook()
    {
        QApplication::setPalette(m_palette);
        QApplication::setFont(m_font);
    }
    Q_DISABLE_COPY_MOVE(LargeDarkLook)

private:
    QPalette m_palette;
    QFont m_font;
};

} // namespace

// Every control of the main window (each page in turn, the status bar) and of the main dialogs
// has a name for a screen reader, and Tab reaches every control of a dialog.
class TestAccessibility final : public QObject
{
    Q_OBJECT

    DemoWindow m_demo;

    QUuid firstApartment() const
    {
        auto *model = m_demo.window->apartmentsPage()->model();
        return model->rowCount() > 0 ? model->idAt(0) : QUuid();
    }

private Q_SLOTS:
    void initTestCase() { m_demo.prepare(30); }
    void init()
    {
        m_demo.open();
        m_demo.signIn(models::demo::demoLandlord().email);
    }
    void cleanup() { m_demo.close(); }

    void mainWindowPagesNameEveryControl()
    {
        views::MainWindow &window = *m_demo.window;
        auto *tabs = window.findChild<QTabWidget *>(u"pageTabs"_s);
        QVERIFY(tabs);
        int audited = 0;
        for (int i = 0; i < tabs->count(); ++i) {
            if (!tabs->isTabVisible(i))
                continue;
            tabs->setCurrentIndex(i);
            // A selected row shows what a page adds for it (the apartments' photos).
            if (auto *table = tabs->widget(i)->findChild<QTableView *>(); table && table->model()->rowCount() > 0)
                table->selectRow(0);
            const QStringList missing = unnamed(&window);
            QVERIFY2(missing.isEmpty(),
                     qPrintable(tabs->tabText(i) + u": no accessible name: "_s + missing.join(u", "_s)));
            const QStringList shared = sharedMnemonics(window, tabs);
            QVERIFY2(shared.isEmpty(),
                     qPrintable(tabs->tabText(i) + u": one Alt letter for "_s + shared.join(u", "_s)));
            // Tab goes round the page: no control keeps it (a table going along its cells).
            tabs->tabBar()->setFocus(Qt::TabFocusReason);
            const QStringList away = unreachable(window);
            QVERIFY2(away.isEmpty(), qPrintable(tabs->tabText(i) + u": Tab never reaches: "_s + away.join(u", "_s)));
            ++audited;
        }
        QCOMPARE(audited, 6); // the landlord sees the dashboard too
    }

    void signInDialog()
    {
        m_demo.session.signOut();
        views::LoginDialog dialog(*m_demo.workspace, m_demo.window.get());
        audit(dialog);
    }

    void bookingRequestDialog()
    {
        const auto apartment = m_demo.workspace->listings.apartment(firstApartment());
        QVERIFY(apartment);
        views::BookingRequestDialog dialog(m_demo.workspace->bookings, m_demo.session.userId(), *apartment, u"Flat 1"_s,
                                           {}, m_demo.clock.today(), m_demo.window.get());
        audit(dialog);
    }

    void reviewEditor()
    {
        views::ReviewEditor dialog(m_demo.workspace->reviews, m_demo.session.userId(),
                                   { models::domain::ReviewKind::Apartment, firstApartment() }, u"Flat 1"_s,
                                   m_demo.window.get());
        audit(dialog);
    }

    void apartmentEditor()
    {
        const auto apartment = m_demo.workspace->listings.apartment(firstApartment());
        QVERIFY(apartment);
        const auto building = m_demo.workspace->listings.building(apartment->buildingId);
        QVERIFY(building);
        views::ApartmentEditor dialog(m_demo.workspace->listings, m_demo.session.userId(), { *building }, std::nullopt,
                                      m_demo.window.get());
        audit(dialog);
    }

    void buildingEditor()
    {
        views::BuildingEditor dialog(m_demo.workspace->listings, m_demo.session.userId(), std::nullopt,
                                     m_demo.window.get());
        audit(dialog);
    }

    void settingsDialog()
    {
        net::secrets::MemorySecretStore secrets;
        views::SettingsDialog dialog({ models::domain::Language::English, u"/tmp/a.sqlite"_s, {} }, secrets,
                                     m_demo.window.get());
        audit(dialog);
    }

    // Each page of the first-run assistant, with its optional parts switched on.
    void firstRunAssistant()
    {
        net::secrets::MemorySecretStore secrets;
        views::FirstRunWizard::Context context;
        context.databasePath = u"/tmp/a.sqlite"_s;
        views::FirstRunWizard wizard(context, secrets, {}, m_demo.window.get());
        audit(wizard);
        RENTDESK_RETURN_IF_FAILED();
        wizard.next();
        QCOMPARE(wizard.currentId(), int(views::FirstRunWizard::StartPage));
        audit(wizard);
        RENTDESK_RETURN_IF_FAILED();
        wizard.findChild<QRadioButton *>(u"serverRadio"_s)->setChecked(true);
        audit(wizard);
        RENTDESK_RETURN_IF_FAILED();
        wizard.findChild<QRadioButton *>(u"thisComputerRadio"_s)->setChecked(true);
        wizard.next();
        QCOMPARE(wizard.currentId(), int(views::FirstRunWizard::MailPage));
        wizard.findChild<QCheckBox *>(u"setUpMailCheck"_s)->setChecked(true);
        audit(wizard);
    }

    // The chat panel of the dock, before it is connected (its inputs wait, disabled) and with a
    // conversation's input enabled.
    void chatPanel()
    {
        net::connection::ServerConnection connection;
        net::chat::ChatClient client(connection, m_demo.db.shared(), m_demo.clock);
        views::ChatPanel panel(client);
        panel.resize(420, 600);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QStringList missing = unnamed(&panel);
        QVERIFY2(missing.isEmpty(), qPrintable(u"no accessible name: "_s + missing.join(u", "_s)));
        for (QWidget *widget : panel.findChildren<QWidget *>())
            widget->setEnabled(true);
        missing = unnamed(&panel);
        QVERIFY2(missing.isEmpty(), qPrintable(u"enabled, no accessible name: "_s + missing.join(u", "_s)));
    }

    // In Russian, whose words are longer, the window with its chat dock still fits a 1280 pixel
    // wide screen: its minimum is what Qt asks the window manager for.
    void russianWindowFitsA1280Screen()
    {
        m_demo.close();
        models::i18n::Translator russian;
        QVERIFY(russian.switchTo(models::domain::Language::Russian).rentdesk);
        m_demo.open();
        m_demo.signIn(models::demo::demoLandlord().email);
        net::connection::ServerConnection connection;
        net::chat::ChatClient client(connection, m_demo.db.shared(), m_demo.clock);
        views::ChatPanel chat(client);
        const int window = m_demo.window->minimumSizeHint().width();
        const int dock = chat.minimumSizeHint().width();
        QVERIFY2(window + dock <= 1280, qPrintable(u"%1 + %2"_s.arg(window).arg(dock)));
        m_demo.close();
        QVERIFY(russian.switchTo(models::domain::Language::English).rentdesk);
        m_demo.open();
    }

    // At a 14 pt font on a dark palette no label or button of the main window (at the size of
    // a 1920 × 1200 screen) or of the booking dialog is cut short.
    void largeFontClipsNoText()
    {
        m_demo.close();
        const LargeDarkLook look;
        m_demo.open();
        m_demo.signIn(models::demo::demoRenter().email);
        views::MainWindow &window = *m_demo.window;
        window.resize(1700, 1080);
        QTRY_COMPARE(window.width(), 1700);
        QVERIFY(QApplication::font().pointSizeF() >= 14);
        QCOMPARE(window.findChild<QLabel *>(u"userStatus"_s)->font().pointSizeF(), 14.0);
        auto *tabs = window.findChild<QTabWidget *>(u"pageTabs"_s);
        for (int i = 0; i < tabs->count(); ++i) {
            if (!tabs->isTabVisible(i))
                continue;
            tabs->setCurrentIndex(i);
            const QStringList cut = clipped(&window);
            QVERIFY2(cut.isEmpty(), qPrintable(tabs->tabText(i) + u": text cut: "_s + cut.join(u", "_s)));
        }
        const auto apartment = m_demo.workspace->listings.apartment(firstApartment());
        QVERIFY(apartment);
        views::BookingRequestDialog dialog(m_demo.workspace->bookings, m_demo.session.userId(), *apartment,
                                           u"Elm Apartments, apartment Flat 5"_s, {}, m_demo.clock.today(), &window);
        show(dialog);
        dialog.setStay(m_demo.clock.today().addDays(3), m_demo.clock.today().addDays(10));
        QTRY_VERIFY2(clipped(&dialog).isEmpty(), qPrintable(clipped(&dialog).join(u", "_s)));
    }

    // The audit itself: a control without a name is found, and so is one that Tab skips.
    void auditFindsWhatIsMissing()
    {
        QDialog dialog;
        dialog.setObjectName(u"probe"_s);
        auto *named = new QPushButton(u"&Go"_s, &dialog);
        named->move(0, 0);
        auto *bare = new QLineEdit(&dialog);
        bare->setObjectName(u"bare"_s);
        bare->move(0, 40);
        show(dialog);
        QCOMPARE(unnamed(&dialog), QStringList { u"QLineEdit bare"_s });
        bare->setAccessibleName(u"Bare"_s);
        QVERIFY(unnamed(&dialog).isEmpty());
        named->setFocus();
        QVERIFY(unreachable(dialog).isEmpty());
        // A widget outside the chain Tab follows: a plain text edit that keeps the Tab key.
        auto *trap = new QPlainTextEdit(&dialog);
        trap->setObjectName(u"trap"_s);
        trap->setAccessibleName(u"Trap"_s);
        trap->move(0, 80);
        trap->show();
        auto *after = new QPushButton(u"&After"_s, &dialog);
        after->setObjectName(u"after"_s);
        after->move(0, 200);
        after->show();
        named->setFocus();
        QCOMPARE(unreachable(dialog), QStringList { u"QPushButton after \"&After\""_s });
    }

    // And Tab order that goes up the screen.
    void auditFindsTabGoingBack()
    {
        QDialog dialog;
        auto *top = new QLineEdit(&dialog);
        auto *middle = new QLineEdit(&dialog);
        auto *bottom = new QLineEdit(&dialog);
        middle->setObjectName(u"middle"_s);
        bottom->setObjectName(u"bottom"_s);
        top->setGeometry(0, 0, 100, 30);
        middle->setGeometry(0, 40, 100, 30);
        bottom->setGeometry(0, 80, 100, 30);
        show(dialog);
        top->setFocus();
        QVERIFY(outOfOrder(dialog).isEmpty());
        QWidget::setTabOrder(top, bottom);
        QWidget::setTabOrder(bottom, middle);
        top->setFocus();
        QCOMPARE(outOfOrder(dialog).size(), 2);
        QCOMPARE(outOfOrder(dialog).constFirst(), u"QLineEdit bottom → QLineEdit middle"_s);
    }
};

QTEST_MAIN(TestAccessibility)
#include "tst_accessibility.moc"
