// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/widgets/accessiblename.h"

#include <QLabel>

namespace rentdesk::views {

QString withoutMnemonic(const QString &text)
{
    QString plain;
    plain.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text[i] == u'&') {
            if (i + 1 < text.size() && text[i + 1] == u'&')
                plain += text[++i];
            continue;
        }
        plain += text[i];
    }
    return plain;
}

void nameAfterCaption(QWidget *input, const QLabel *caption)
{
    if (input && caption)
        input->setAccessibleName(withoutMnemonic(caption->text()));
}

} // namespace rentdesk::views
