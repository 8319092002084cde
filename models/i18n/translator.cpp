// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/i18n/translator.h"

#include <QCoreApplication>
#include <QEvent>
#include <QLibraryInfo>
#include <QLocale>
#include <QLoggingCategory>
#include <QTranslator>

Q_LOGGING_CATEGORY(lcI18n, "rentdesk.i18n", QtWarningMsg)

namespace rentdesk::models::i18n {

using namespace Qt::StringLiterals;

Translator::Translator() = default;

Translator::~Translator()
{
    removeAll();
}

QString Translator::catalogueResource(domain::Language language)
{
    return u":/i18n/rentdesk_"_s + domain::toCode(language) + u".qm"_s;
}

void Translator::removeAll()
{
    for (auto *translator : { &m_rentdesk, &m_qt }) {
        if (*translator) {
            QCoreApplication::removeTranslator(translator->get());
            translator->reset();
        }
    }
}

QLocale Translator::localeFor(domain::Language language)
{
    // Numbers, money and dates follow the language of the interface; the system's own
    // locale where it speaks that language (en_US and en_GB write dates differently).
    const QLocale::Language wanted = language == domain::Language::Russian ? QLocale::Russian : QLocale::English;
    const QLocale system = QLocale::system();
    if (system.language() == wanted)
        return system;
    return wanted == QLocale::Russian ? QLocale(QLocale::Russian, QLocale::Russia)
                                      : QLocale(QLocale::English, QLocale::UnitedKingdom);
}

Translator::Loaded Translator::switchTo(domain::Language language)
{
    removeAll();
    m_language = language;
    Loaded loaded;
    QLocale::setDefault(localeFor(language));
    // Widgets copy the default locale when they are made: a QApplication that gets LocaleChange
    // gives every window (and its children) the new one, so that date fields and spin boxes
    // write in it too. The catalogues installed below send LanguageChange, on which each widget
    // sets its texts again (retranslate()) and asks its models for theirs.
    if (QCoreApplication *app = QCoreApplication::instance()) {
        QEvent changed(QEvent::LocaleChange);
        QCoreApplication::sendEvent(app, &changed);
    }

    auto own = std::make_unique<QTranslator>();
    if (own->load(catalogueResource(language))) {
        QCoreApplication::installTranslator(own.get());
        m_rentdesk = std::move(own);
        loaded.rentdesk = true;
    } else {
        qCWarning(lcI18n) << "RentDesk's catalogue is missing:" << catalogueResource(language);
    }

    if (language != domain::Language::English) {
        const QString code = domain::toCode(language);
        auto qt = std::make_unique<QTranslator>();
        if (qt->load(u"qtbase_"_s + code, QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
            QCoreApplication::installTranslator(qt.get());
            m_qt = std::move(qt);
            loaded.qt = true;
        } else {
            // Not fatal: our own texts are translated; only Qt's standard buttons stay English.
            qCInfo(lcI18n) << "Qt's catalogue for" << code << "is not installed (Debian package qt6-translations-l10n)";
        }
    }
    return loaded;
}

} // namespace rentdesk::models::i18n
