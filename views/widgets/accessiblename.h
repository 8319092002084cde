// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

class QLabel;
class QString;
class QWidget;

namespace rentdesk::views {

// Gives an input the words of its caption, without the mnemonic's '&', as the name a screen
// reader reads. Qt takes that name from a buddy label only when the label and the input are
// siblings; a form whose input shares a column widget with its error line, or sits in a row of
// its own layout, needs this. Where the caption's text is set again (a language change), call
// it again.
void nameAfterCaption(QWidget *input, const QLabel *caption);

// "&Rating:" → "Rating:", "Fish && chips" → "Fish & chips".
[[nodiscard]] QString withoutMnemonic(const QString &text);

} // namespace rentdesk::views
