// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/services/clock.h"
#include "models/services/domainerror.h"
#include "models/services/mode.h"

#include <QString>

#include <memory>

namespace rentdesk::models::db {
class Database;
}

namespace rentdesk::models::services {

class JournalSink;

// What every service depends on — the database, the clock and the mode. Built by the
// composition root and passed to each service; there is no global "current user": the actor
// is an argument of every call. The steps the services share inside their transactions
// (reading the acting user, journaling, queueing mail) take an SQL connection and are in
// servicesteps.h, which only models/ includes: this header is seen by views, which get no
// QtSql.
class ServiceContext
{
public:
    ServiceContext(std::shared_ptr<db::Database> database, const Clock &clock, Mode mode);

    [[nodiscard]] const std::shared_ptr<db::Database> &database() const { return m_database; }
    [[nodiscard]] const Clock &clock() const { return m_clock; }
    [[nodiscard]] Mode mode() const { return m_mode; }
    [[nodiscard]] QString nowStored() const;
    // A connected replica journals through its sink (with each mutation's changeset); without
    // one, journal() writes the plain row.
    void setJournalSink(std::shared_ptr<JournalSink> sink) { m_sink = std::move(sink); }
    [[nodiscard]] JournalSink *journalSink() const { return m_sink.get(); }

private:
    std::shared_ptr<db::Database> m_database;
    const Clock &m_clock;
    Mode m_mode;
    std::shared_ptr<JournalSink> m_sink;
};

} // namespace rentdesk::models::services
