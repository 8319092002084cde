// SPDX-License-Identifier: GPL-3.0-or-later
#include "i18n/translator.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLoggingCategory>
#include <QTranslator>

Q_LOGGING_CATEGORY(lcI18n, "rentdesk.i18n", QtWarningMsg)

namespace rentdesk::i18n {

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

Translator::Loaded Translator::switchTo(domain::Language language)
{
    removeAll();
    m_language = language;
    Loaded loaded;

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

} // namespace rentdesk::i18n
