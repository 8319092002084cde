-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Schema version 7: a replica's first pull writes its rows with the browsing indexes set
-- aside (models/sync/replica.cpp, docs/architecture.md "Sync"). SQLite builds an index in
-- one sorted pass far faster than it keeps it up to date row by row, and a first pull of a
-- large account is hundreds of thousands of rows. The pull spans many transactions (it
-- resumes from its last cursor after a disconnect or a restart), so the indexes' own
-- CREATE INDEX statements wait here, written in the transaction that dropped them, until
-- the transaction of the feed's last page builds them again and empties the table. Only
-- non-unique indexes are set aside: the unique ones are the rules.
CREATE TABLE replica_deferred_indexes (
    definition TEXT NOT NULL,
    CONSTRAINT replica_deferred_indexes_pk PRIMARY KEY (definition),
    CONSTRAINT replica_deferred_indexes_is_index CHECK (definition GLOB 'CREATE INDEX *')
) STRICT;
