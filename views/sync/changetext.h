// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/services/domainerror.h"
#include "models/sync/mutations.h"

#include <QString>
#include <QUuid>

#include <memory>

namespace rentdesk::models::db {
class Database;
}

namespace rentdesk::views {

// A change the server refused, told to the person who made it: what it would have changed
// ("Request for Apartment 12, Nevsky 5: 10 Mar 2027 – 15 Mar 2027"), with the rows it names
// looked up in the replica where they are still there.
[[nodiscard]] QString changeText(const models::sync::Mutation &mutation, const QUuid &viewer,
                                 const std::shared_ptr<models::db::Database> &database);

// Why the server refused it, in this desktop's language: a sentence for the refusal's code;
// the server's own words (in the server's language) follow when they add to it.
[[nodiscard]] QString refusalText(const models::services::DomainError &error);

} // namespace rentdesk::views
