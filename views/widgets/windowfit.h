// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

class QWidget;

namespace rentdesk::views {

// Makes the window that holds widget tall enough for its contents at its present width,
// never smaller. A wrapped line that appears after the window was shown (a warning, a
// refusal under a field, a server's reply) needs height the window did not take: Qt sizes
// a window by its contents' minimum sizes, which ignore how tall wrapped text gets, and a
// page inside a tab widget does not make its window grow by itself. Without this the line
// is clipped to its first words.
void growWindowToFit(QWidget *widget);

} // namespace rentdesk::views
