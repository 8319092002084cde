// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/widgets/windowfit.h"

#include <QCoreApplication>
#include <QEvent>
#include <QLayout>
#include <QWidget>

namespace rentdesk::views {

void growWindowToFit(QWidget *widget)
{
    QWidget *window = widget->window();
    QLayout *layout = window->layout();
    if (!layout || !window->isVisible())
        return; // a window not yet shown takes its size when it is
    // A line just shown reaches the window's layout through posted LayoutRequest events, one
    // widget up at a time; until they ran, the layouts still measure it as hidden. The widget
    // trees here are a few levels deep.
    for (int level = 0; level < 16; ++level)
        QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    layout->activate();
    const int needed =
        layout->hasHeightForWidth() ? layout->totalHeightForWidth(window->width()) : layout->totalSizeHint().height();
    if (needed > window->height())
        window->resize(window->width(), needed);
}

} // namespace rentdesk::views
