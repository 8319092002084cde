// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/db/dberror.h"

#include <QByteArray>
#include <QHash>
#include <QSqlDatabase>
#include <QStringList>

#include <expected>
#include <memory>

struct sqlite3;
struct sqlite3_session;

namespace rentdesk::models::db {

// Records, with SQLite's session extension, what one connection changes in the named tables:
// the undo/redo seam of the sync engine. The replica takes the changeset of each local
// mutation, so that before it applies the server's rows it can undo the still-pending ones
// (their inverses, newest first) and afterwards run them again.
//
// SQLite keeps, per changed row, its values before the first change, and reads the row as it
// is now when take() makes the changeset. What follows from that:
// - A transaction that rolled back leaves nothing behind: its rows are as they were, so they
//   produce no change (inserted, updated and deleted rows alike).
// - A row that was recorded once is read again at take(), so whatever changed it since is in
//   the changeset, recorded or not: writes while disabled, writes by another connection.
//   Hence take() (or restart()) at the end of every mutation, committed or rolled back, so
//   that each changeset holds exactly one mutation and a pull starts with nothing recorded.
// - Changes that triggers and foreign key actions make are recorded when their table is
//   attached and left out when it is not.
// - applyChangeset() on the same connection is recorded like any other write: disable the
//   recorder around undo and redo.
//
// A recorder belongs to its connection's thread and must be destroyed before that connection
// closes (SQLite's session would otherwise point at a freed connection). One that finds its
// connection closed leaks its session with a warning rather than touch freed memory.
class ChangeRecorder final
{
public:
    // Starts recording on db's connection. Refused: a connection that is not an open SQLite
    // one, a table that does not exist or has no primary key (SQLite would silently ignore it).
    [[nodiscard]] static std::expected<std::unique_ptr<ChangeRecorder>, DbError> attach(const QSqlDatabase &db,
                                                                                        const QStringList &tables);

    ~ChangeRecorder();
    Q_DISABLE_COPY_MOVE(ChangeRecorder)

    // The changeset of what changed since attach() or the last take() or restart() (empty when
    // nothing did), and starts afresh. On failure the recording is kept, to be taken again or
    // restarted.
    [[nodiscard]] std::expected<QByteArray, DbError> take();

    // Forgets what was recorded and starts afresh.
    [[nodiscard]] std::expected<void, DbError> restart();

    // Stops and resumes recording, for bulk writes that are not mutations (a pull). Rows
    // recorded before are still read at take(): take() before disabling.
    void setEnabled(bool enabled);
    [[nodiscard]] bool isEnabled() const { return m_enabled; }

    [[nodiscard]] QStringList tables() const { return m_tables; }

private:
    ChangeRecorder(QSqlDatabase db, sqlite3 *handle, QStringList tables);

    // A new session on the connection, attached to the tables and enabled as this recorder is.
    [[nodiscard]] std::expected<sqlite3_session *, DbError> newSession() const;
    void deleteSession();

    QSqlDatabase m_db;
    sqlite3 *m_handle = nullptr;
    sqlite3_session *m_session = nullptr;
    QStringList m_tables;
    bool m_enabled = true;
};

// The inverse of a changeset: inserts become deletes, deletes inserts, updates swap their old
// and new values. Applying it right after the changeset restores what was there before.
[[nodiscard]] std::expected<QByteArray, DbError> invertChangeset(const QByteArray &changeset);

// What applyChangeset() met and resolved. Constraint and foreign key conflicts are not
// resolved but refused, so they come back as the error.
struct ChangesetConflicts
{
    int data = 0; // a row to update or delete no longer held the recorded old values
    int notFound = 0; // a row to update or delete was not there
    int conflict = 0; // a row to insert was already there

    friend bool operator==(const ChangesetConflicts &, const ChangesetConflicts &) = default;
};

// Applies a changeset on db's connection, inside the transaction the caller holds (BEGIN
// IMMEDIATE, through transact()): refused outside one, so that undo, pull and redo commit or
// roll back together. SQLite wraps the apply in a savepoint of its own; a refused changeset is
// rolled back to it, leaving the caller's transaction open and as it was.
//
// Conflicts mean a bug or a write behind the sync engine's back, since undo finds the rows as
// the inverse expects them. The recorded state wins where it can:
// - a row that differs from the recorded old values (DATA) is overwritten with the new ones;
// - a row to insert that is already there (CONFLICT) is updated in place to the recorded
//   values. Not SQLite's REPLACE, which deletes the row first and so, through ON DELETE
//   CASCADE, the bookings and reviews of an apartment with it;
// - a row to update or delete that is not there (NOTFOUND) is skipped: it is already gone;
// - a change the database refuses (CHECK, UNIQUE, NOT NULL, a trigger's RAISE) or a foreign
//   key left dangling refuses the whole changeset with a DbError of kind Constraint.
//
// The tables' triggers run during the apply as for any write; foreign keys stay enforced, but
// SQLite defers them to the end of the apply (PRAGMA defer_foreign_keys, which it turns off
// again afterwards), so the order of changes within the changeset does not matter.
[[nodiscard]] std::expected<ChangesetConflicts, DbError> applyChangeset(const QSqlDatabase &db,
                                                                        const QByteArray &changeset);

// How many row changes a changeset holds, per table (for tests and logs).
[[nodiscard]] std::expected<QHash<QString, int>, DbError> countChanges(const QByteArray &changeset);

} // namespace rentdesk::models::db
