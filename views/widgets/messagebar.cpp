// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/widgets/messagebar.h"

#include "views/widgets/formerrors.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>

namespace rentdesk::views {

using namespace Qt::StringLiterals;

MessageBar::MessageBar(const QString &actionText, QWidget *parent)
    : QFrame(parent)
    , m_icon(new QLabel(this))
    , m_text(new QLabel(this))
    , m_button(new QPushButton(actionText, this))
{
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);

    const int iconSize = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    m_icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxWarning, nullptr, this).pixmap(iconSize));
    m_icon->setAlignment(Qt::AlignTop);
    m_text->setObjectName(u"messageBarText"_s);
    m_text->setTextFormat(Qt::PlainText); // the message comes from elsewhere: never markup
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_button->setObjectName(u"messageBarButton"_s);
    // Enter in the table must not press it.
    m_button->setAutoDefault(false);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 4, 4, 4);
    layout->addWidget(m_icon);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_button, 0, Qt::AlignVCenter);

    connect(m_button, &QPushButton::clicked, this, &MessageBar::actionTriggered);
    updateColors();
    hide();
}

MessageBar::~MessageBar() = default;

void MessageBar::showMessage(const QString &text)
{
    m_text->setText(text);
    setAccessibleDescription(text);
    show();
}

QString MessageBar::text() const
{
    return m_text->text();
}

void MessageBar::changeEvent(QEvent *event)
{
    QFrame::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::StyleChange)
        updateColors();
}

void MessageBar::updateColors()
{
    // A tint of the error colour over the window's own, so that the text keeps the
    // contrast it has everywhere else, on a light theme and on a dark one.
    const QPalette inherited = parentWidget() ? parentWidget()->palette() : palette();
    const QColor window = inherited.color(QPalette::Window);
    const QColor error = FormErrors::errorColor(inherited);
    constexpr double tint = 0.18;
    const QColor background = QColor::fromRgbF(float(window.redF() * (1 - tint) + error.redF() * tint),
                                               float(window.greenF() * (1 - tint) + error.greenF() * tint),
                                               float(window.blueF() * (1 - tint) + error.blueF() * tint));
    QPalette own = palette();
    if (own.color(QPalette::Window) == background)
        return; // also ends the PaletteChange that setPalette() below causes
    own.setColor(QPalette::Window, background);
    setPalette(own);
}

} // namespace rentdesk::views
