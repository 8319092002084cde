// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/demo/demogenerator.h"
#include "models/i18n/translator.h"
#include "models/services/clock.h"
#include "models/services/session.h"
#include "tests/support/testsupport.h"
#include "views/common/messages.h"
#include "views/mainwindow/mainwindow.h"
#include "views/mainwindow/workspace.h"

#include <QSettings>
#include <QTest>

#include <memory>

namespace rentdesk::test {

// The main window on a demo database of its own, in English, on 1 June 2026, as the GUI tests of
// a page use it: prepare() once (initTestCase), open() and close() around each test function,
// signIn() as a demo account.
class DemoWindow final
{
public:
    TempDatabase db;
    models::services::ManualClock clock { QDateTime(QDate(2026, 6, 1), QTime(10, 0), Qt::UTC) };
    models::services::Session session;
    std::unique_ptr<views::Workspace> workspace;
    std::unique_ptr<views::MainWindow> window;

    // Demo data of this many apartments; no settings; English.
    void prepare(int apartments)
    {
        QVERIFY2(db.isValid(), qPrintable(db.errorMessage()));
        models::demo::DemoOptions options;
        options.apartments = apartments;
        options.today = clock.today();
        QVERIFY(models::demo::generateDemoData(db.connection(), options));
        QSettings().clear();
        QVERIFY(m_translator.switchTo(models::domain::Language::English).rentdesk);
    }

    // A window shown at 1280 × 800, nobody signed in, questions answered by the tests.
    void open()
    {
        session.signOut();
        workspace = std::make_unique<views::Workspace>(db.shared(), clock, models::services::Mode::Standalone, session);
        window = std::make_unique<views::MainWindow>(*workspace);
        window->resize(1280, 800);
        window->show();
        QVERIFY(QTest::qWaitForWindowExposed(window.get()));
        views::messages::setNextAnswer(std::nullopt);
    }

    void close()
    {
        views::messages::setNextAnswer(std::nullopt);
        window.reset();
        workspace.reset();
        QSettings().clear();
    }

    void signIn(const QString &email)
    {
        const auto user = workspace->accounts.logIn(email, models::demo::demoPassword());
        QVERIFY2(user, qPrintable(user ? QString() : user.error().message));
        session.signIn(*user);
    }

private:
    models::i18n::Translator m_translator;
};

} // namespace rentdesk::test
