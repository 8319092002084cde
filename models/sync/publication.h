// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/services/domainerror.h"
#include "models/sync/mutations.h"

#include <QDate>
#include <QHash>
#include <QList>
#include <QSet>
#include <QUuid>

#include <memory>

namespace rentdesk::models::db {
class Database;
}

namespace rentdesk::models::sync {

class Replica;

// What a landlord who started on a standalone database brings to a server account, read from
// that file and never written to it (docs/architecture.md, "Publishing a standalone
// database"): their buildings and apartments with the ids they have, the statuses they set by
// hand, each stay that is not over as nights the owner holds (holdDates), and the blocked nights
// not over: by hand as blocks (blockDates), from a calendar as that calendar's import
// (importBlocks, its blocks' UIDs and dates), and the apartments' photos (addPhoto, their bytes
// copied from the file into the replica as each is made, then uploaded by sync). The file's
// renters are its own accounts, not the server's, so neither they, their requests nor the
// reviews go.
struct Publication
{
    QList<Mutation> changes; // in the order made: buildings, apartments, statuses, photos, holds, blocks
    int buildings = 0;
    int apartments = 0;
    int stays = 0; // confirmed stays not over, sent as holds
    int blocks = 0; // blocked periods not over: by hand (blockDates) and from calendars (importBlocks)
    int photos = 0;
    // The file the photos' bytes are read from while publishing (kept open as long as this).
    std::shared_ptr<const db::Database> source;
    // What stays only in the file.
    int pastStays = 0;
    int requests = 0;
    int reviews = 0;

    // The landlord's part of a standalone database, as of today.
    [[nodiscard]] static services::Result<Publication> read(const db::Database &standalone, const QUuid &landlord,
                                                            QDate today);
    [[nodiscard]] bool isEmpty() const { return changes.isEmpty(); }
};

// What publishing made of each change on the replica of the server account.
struct PublishedChanges
{
    QList<qint64> queued; // the mutations journaled, to push: the ones to follow to the server
    int alreadyThere = 0; // rows with these ids the account has already (published before)
    // Refused on the replica at once, by the same rules the server applies: never sent.
    QList<std::pair<Mutation, services::DomainError>> refused;
};

// Makes a publication's changes on a connected replica of a landlord's account, as that
// account: each one through its service, journaled to be pushed like any other change. Rows
// the account already has under the same id are left as they are, and a change an earlier
// publishing made and the server refused is not made again (it waits in Sync problems), so
// publishing again after an interruption sends only what is missing. A few at a time (next()),
// so that a window stays responsive while thousands are made.
class Publisher final
{
public:
    // Reads what the replica's queue holds already.
    [[nodiscard]] static services::Result<Publisher> start(const Replica &replica, Publication publication);

    // Makes up to `count` more changes; true once all are made (and result() is complete).
    [[nodiscard]] services::Result<bool> next(qsizetype count);
    [[nodiscard]] qsizetype made() const { return m_next; }
    [[nodiscard]] qsizetype total() const { return m_publication.changes.size(); }
    [[nodiscard]] const PublishedChanges &result() const { return m_done; }

private:
    Publisher(const Replica &replica, Publication publication);

    const Replica *m_replica;
    Publication m_publication;
    qsizetype m_next = 0;
    QHash<QString, services::DomainError> m_refusedBefore; // by refusalKey(): the name and id
    QSet<QString> m_madeHere; // apartments made by this run: only theirs get a status by hand
    PublishedChanges m_done;
};

// All of a publication at once (Publisher in one go).
[[nodiscard]] services::Result<PublishedChanges> publish(const Replica &replica, const Publication &publication);

} // namespace rentdesk::models::sync
