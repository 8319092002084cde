-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Schema version 7: a replica's deferred indexes (resources/migrations/sqlite/0007_replica_bulk.sql).
-- Replicas are SQLite files; on PostgreSQL the table is part of the one schema and stays empty.

CREATE TABLE replica_deferred_indexes (
    definition text NOT NULL,
    CONSTRAINT replica_deferred_indexes_pk PRIMARY KEY (definition),
    CONSTRAINT replica_deferred_indexes_is_index CHECK (definition LIKE 'CREATE INDEX %')
);
