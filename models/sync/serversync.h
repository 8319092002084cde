// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/services/servicecontext.h"
#include "models/sync/mutations.h"

#include <QJsonArray>
#include <QSet>
#include <QUuid>

#include <memory>
#include <optional>

namespace rentdesk::models::db {
}

namespace rentdesk::models::sync {

// The server's half of sync (docs/protocol.md, "Sync"): applies the mutations a desktop
// pushes, once each, through the same services as the desktop, and reads the change feed
// back to each person as pages of the rows they may see. Runs on the server's database
// (mode "server", whose triggers keep sync_changes).
class ServerSync final
{
public:
    explicit ServerSync(services::ServiceContext context);
    ~ServerSync();
    Q_DISABLE_COPY_MOVE(ServerSync)

    struct Outcome
    {
        qint64 mutationId = 0;
        bool applied = false; // else refused, with error
        bool duplicate = false; // handled by an earlier push: the stored outcome again
        services::DomainError error;
        std::optional<qint64> dependsOn; // refused because this earlier refused mutation made what it needs
    };
    struct PushResult
    {
        QList<Outcome> outcomes;
        qint64 lastMutationId = 0;
        // The feed before and after: who can see (after, through] gets a poke.
        qint64 seqBefore = 0;
        qint64 seqAfter = 0;
    };
    // Each mutation in its own transaction together with the client's last mutation id, so
    // that a resend after a lost acknowledgement is applied once and answered the same way.
    // Fails as a whole only when the database does (a storage error): the outcomes before it
    // are committed and will be answered as duplicates when the client sends them again.
    [[nodiscard]] services::Result<PushResult> push(const QUuid &user, const QUuid &clientId,
                                                    const QList<Mutation> &mutations) const;

    struct Page
    {
        // The rows as the JSON text of an array: { entity, id, seq, row } or { entity, id, seq,
        // deleted: true }, in order. Text, since most rows are made as JSON by the database.
        QByteArray rows;
        qint64 cursor = 0;
        bool more = false;
        bool resync = false; // the cursor was older than the tombstones kept: this is from the start
        qint64 lastMutationId = 0;
        // Changes of the whole feed after the page's cursor, of which the user sees some: a bound
        // of what is left, for progress and for a replica to tell a large first pull.
        qint64 remaining = 0;
    };
    // One page of what the user may see that changed after `after` (0: everything), read in
    // one snapshot: at most `limit` changes, and no more once its rows reach maxBytes of JSON.
    // Rows a row of the page needs (its apartment, its building, the people it names) come
    // before it when the replica may not have them yet.
    [[nodiscard]] services::Result<Page> pull(const QUuid &user, const QUuid &clientId, qint64 after, int limit,
                                              qint64 maxBytes) const;

    // The last sequence number of the feed.
    [[nodiscard]] services::Result<qint64> lastSeq() const;
    // Of `online`, who may see a row that changed in (after, through]: to be poked.
    [[nodiscard]] services::Result<QSet<QUuid>> audience(qint64 after, qint64 through, const QSet<QUuid> &online) const;
    // Forgets tombstones that every replica seen since `activeSince` has pulled, and those older
    // than `activeSince` in any case; a replica behind the mark gets a full resync.
    [[nodiscard]] services::Result<int> pruneTombstones(const QDateTime &activeSince) const;

private:
    services::ServiceContext m_context;
    MutationApplier m_applier;
};

} // namespace rentdesk::models::sync
