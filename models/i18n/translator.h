// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/domain/enums.h"

#include <QLocale>
#include <QString>

#include <memory>

class QTranslator;

namespace rentdesk::models::i18n {

// Installs the catalogues for one language on the running application: RentDesk's own
// (compiled into the binary as :/i18n/rentdesk_<code>.qm) and Qt's (qtbase_<code>.qm from
// the Qt installation, for the texts of standard dialogs and buttons). Switching
// language replaces both; destroying the Translator removes them. Switching while windows
// are open retranslates them: the default QLocale changes (and LocaleChange tells the
// widgets), and installing the catalogues makes Qt send LanguageChange to every widget,
// whose changeEvent() sets its texts again.
class Translator final
{
public:
    Translator();
    ~Translator();
    Q_DISABLE_COPY_MOVE(Translator)

    struct Loaded
    {
        bool rentdesk = false;
        bool qt = false;
    };

    // Needs a QCoreApplication. English needs no Qt catalogue (its source texts are English).
    Loaded switchTo(domain::Language language);

    [[nodiscard]] domain::Language language() const { return m_language; }

    // The locale that numbers, money and dates are written in for a language (set as the
    // default QLocale by switchTo()).
    [[nodiscard]] static QLocale localeFor(domain::Language language);

    // The resource path of RentDesk's compiled catalogue for a language.
    [[nodiscard]] static QString catalogueResource(domain::Language language);

private:
    void removeAll();

    domain::Language m_language = domain::Language::English;
    std::unique_ptr<QTranslator> m_rentdesk;
    std::unique_ptr<QTranslator> m_qt;
};

} // namespace rentdesk::models::i18n
