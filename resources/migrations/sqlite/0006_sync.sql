-- SPDX-License-Identifier: GPL-3.0-or-later
-- rentdesk: rebuilds tables
--
-- Schema version 6: sync (docs/architecture.md, "Sync"). What the server needs to be the
-- authority for listings, bookings and reviews, and what a desktop needs to be its replica.
--
-- users is rebuilt because SQLite cannot drop a NOT NULL in place: a connected replica holds
-- other people's public profiles, without their e-mail. Standalone databases and the server
-- keep an e-mail for every account that has a password (users_email_required). The Migrator
-- runs this step with foreign keys off and checks them all before its COMMIT (the marker
-- line above), so the rows that point at users keep pointing at the same ids.

CREATE TABLE users_rebuilt (
    id            TEXT    NOT NULL,
    email         TEXT,
    display_name  TEXT    NOT NULL,
    phone         TEXT,
    role          TEXT    NOT NULL,
    language      TEXT    NOT NULL DEFAULT 'en',
    rating_sum    INTEGER NOT NULL DEFAULT 0,
    rating_count  INTEGER NOT NULL DEFAULT 0,
    password_hash TEXT,
    created_at    TEXT    NOT NULL,
    updated_at    TEXT    NOT NULL,
    CONSTRAINT users_pk PRIMARY KEY (id),
    CONSTRAINT users_id_uuid CHECK (id GLOB '[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]'),
    -- The service normalises (trim, Unicode lower case); SQLite's lower() knows only ASCII,
    -- so this catches what escaped normalisation without rejecting Cyrillic.
    CONSTRAINT users_email_normalized CHECK (email IS NULL OR email = lower(trim(email))),
    CONSTRAINT users_email_format CHECK (email IS NULL OR (length(email) BETWEEN 3 AND 254 AND email LIKE '%_@_%')),
    -- An account that signs in here has an address; a replica's profile of someone else has none.
    CONSTRAINT users_email_required CHECK (password_hash IS NULL OR email IS NOT NULL),
    CONSTRAINT users_display_name_present CHECK (length(trim(display_name)) BETWEEN 1 AND 200),
    CONSTRAINT users_phone_format CHECK (phone IS NULL OR (length(phone) BETWEEN 3 AND 32 AND phone NOT GLOB '*[^0-9 ()+-]*')),
    CONSTRAINT users_role_code CHECK (role IN ('landlord', 'renter')),
    CONSTRAINT users_language_code CHECK (language IN ('en', 'ru')),
    CONSTRAINT users_rating_consistent CHECK (rating_count >= 0 AND rating_sum BETWEEN rating_count AND 5 * rating_count),
    -- Only in standalone mode and on the server; a connected replica's users carry no hash.
    CONSTRAINT users_password_hash_format CHECK (password_hash IS NULL OR password_hash GLOB '$argon2id$*'),
    CONSTRAINT users_created_at_format CHECK (created_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9].[0-9][0-9][0-9]Z'),
    CONSTRAINT users_updated_at_format CHECK (updated_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9].[0-9][0-9][0-9]Z' AND updated_at >= created_at)
) STRICT;

INSERT INTO users_rebuilt (id, email, display_name, phone, role, language, rating_sum, rating_count,
                           password_hash, created_at, updated_at)
SELECT id, email, display_name, phone, role, language, rating_sum, rating_count, password_hash, created_at, updated_at
FROM users;

DROP TABLE users;
ALTER TABLE users_rebuilt RENAME TO users;
-- NULLs never collide in a UNIQUE index: profiles without an address do not either.
CREATE UNIQUE INDEX users_email_unique ON users (email);
CREATE INDEX users_display_name_idx ON users (display_name);

-- database_meta, rebuilt for its new values: mode "server" (rentdesk-server's database, which
-- keeps the change feed below), and the feed's pruning mark.
CREATE TABLE database_meta_rebuilt (
    key   TEXT NOT NULL,
    value TEXT NOT NULL,
    CONSTRAINT database_meta_pk PRIMARY KEY (key),
    CONSTRAINT database_meta_key_known CHECK (key IN ('mode', 'feed_pruned_through')),
    CONSTRAINT database_meta_mode_code CHECK (key <> 'mode' OR value IN ('standalone', 'connected', 'server')),
    CONSTRAINT database_meta_pruned_number CHECK (key <> 'feed_pruned_through' OR value GLOB '[0-9]*')
) STRICT;

INSERT INTO database_meta_rebuilt (key, value) SELECT key, value FROM database_meta;
DROP TABLE database_meta;
ALTER TABLE database_meta_rebuilt RENAME TO database_meta;

-- The journal becomes the replica's queue of mutations for the server. On a standalone
-- desktop the rows stay "pending" (what publishing will send). On a connected replica:
-- changes is the SQLite session changeset the mutation made here, undone before the server's
-- rows are applied and made again after (the rebase); "applied" rows were acknowledged by the
-- server and leave with the next pull, which carries their effect; "refused" rows have had
-- their effect undone and wait, with the server's reason, for the person to retry or discard.
ALTER TABLE pending_mutations ADD COLUMN changes BLOB;
ALTER TABLE pending_mutations ADD COLUMN state TEXT NOT NULL DEFAULT 'pending'
    CONSTRAINT pending_mutations_state_code CHECK (state IN ('pending', 'applied', 'refused'));
ALTER TABLE pending_mutations ADD COLUMN error_code TEXT
    CONSTRAINT pending_mutations_refusal_recorded CHECK ((error_code IS NOT NULL) = (state = 'refused'));
ALTER TABLE pending_mutations ADD COLUMN error_entity TEXT;
ALTER TABLE pending_mutations ADD COLUMN error_field TEXT;
ALTER TABLE pending_mutations ADD COLUMN error_message TEXT;
ALTER TABLE pending_mutations ADD COLUMN depends_on INTEGER;

CREATE INDEX pending_mutations_state_idx ON pending_mutations (state, id);

-- A connected replica's link to its server account (one row; none in other modes). cursor is
-- the server's opaque position in its change feed after the last page applied, so that a
-- large first pull resumes where it stopped; synced_at is when the last pull reached the end.
CREATE TABLE replica_state (
    singleton    INTEGER NOT NULL DEFAULT 1,
    server_url   TEXT    NOT NULL,
    account_id   TEXT    NOT NULL,
    client_id    TEXT    NOT NULL,
    cursor       TEXT,
    synced_at    TEXT,
    CONSTRAINT replica_state_pk PRIMARY KEY (singleton),
    CONSTRAINT replica_state_one_row CHECK (singleton = 1),
    CONSTRAINT replica_state_account_uuid CHECK (account_id GLOB '[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]'),
    CONSTRAINT replica_state_client_uuid CHECK (client_id GLOB '[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]'),
    CONSTRAINT replica_state_synced_at_format CHECK (synced_at IS NULL OR synced_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9].[0-9][0-9][0-9]Z')
) STRICT;

-- The server's change feed: one row per row of users, buildings, apartments, bookings and
-- reviews, with the sequence number of its latest change (a new number on every change, so
-- "changed since N" is "seq > N") and, once the row is deleted, a tombstone (deleted = 1).
-- landlord_id and renter_id are the parties who may see a private row, kept for tombstones
-- whose row is gone: the landlord of a building, apartment, booking or review (the one
-- landlord every review concerns), and the renter of a booking. Written by the triggers
-- below, on the server only (mode "server"); SQLite serialises writers, so sequence numbers
-- commit in order. A number is never given twice, not even after the tombstones at the top of
-- the feed were pruned (feed_pruned_through): replicas have pulled past it. A tombstone keeps the parties its row had: a booking deleted with its
-- apartment can no longer look up the apartment's owner, and its landlord must still hear of it.
CREATE TABLE sync_changes (
    seq         INTEGER NOT NULL,
    entity      TEXT    NOT NULL,
    row_id      TEXT    NOT NULL,
    deleted     INTEGER NOT NULL DEFAULT 0,
    landlord_id TEXT,
    renter_id   TEXT,
    changed_at  TEXT    NOT NULL,
    CONSTRAINT sync_changes_pk PRIMARY KEY (entity, row_id),
    CONSTRAINT sync_changes_entity_code CHECK (entity IN ('user', 'building', 'apartment', 'booking', 'review')),
    CONSTRAINT sync_changes_deleted_bool CHECK (deleted IN (0, 1)),
    CONSTRAINT sync_changes_seq_positive CHECK (seq > 0)
) STRICT;

CREATE UNIQUE INDEX sync_changes_seq_unique ON sync_changes (seq);
-- A landlord's pull walks their own rows in order; everyone's pull walks profiles in order.
CREATE INDEX sync_changes_landlord_idx ON sync_changes (landlord_id, seq);
CREATE INDEX sync_changes_renter_idx ON sync_changes (renter_id, seq);
CREATE INDEX sync_changes_entity_idx ON sync_changes (entity, seq);

CREATE TRIGGER users_feed_insert
AFTER INSERT ON users
WHEN (SELECT value FROM database_meta WHERE key = 'mode') = 'server'
BEGIN
    INSERT INTO sync_changes (seq, entity, row_id, deleted, landlord_id, renter_id, changed_at)
    VALUES ((SELECT max(coalesce(max(seq), 0), (SELECT coalesce(max(CAST(value AS INTEGER)), 0) FROM database_meta
                                                                  WHERE key = 'feed_pruned_through')) + 1 FROM sync_changes), 'user', NEW.id, 0, NULL, NULL,
            strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
    ON CONFLICT (entity, row_id) DO UPDATE SET seq = excluded.seq, deleted = excluded.deleted,
        landlord_id = coalesce(excluded.landlord_id, landlord_id), renter_id = coalesce(excluded.renter_id, renter_id),
        changed_at = excluded.changed_at;
END;

CREATE TRIGGER users_feed_update
AFTER UPDATE ON users
WHEN (SELECT value FROM database_meta WHERE key = 'mode') = 'server'
BEGIN
    INSERT INTO sync_changes (seq, entity, row_id, deleted, landlord_id, renter_id, changed_at)
    VALUES ((SELECT max(coalesce(max(seq), 0), (SELECT coalesce(max(CAST(value AS INTEGER)), 0) FROM database_meta
                                                                  WHERE key = 'feed_pruned_through')) + 1 FROM sync_changes), 'user', NEW.id, 0, NULL, NULL,
            strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
    ON CONFLICT (entity, row_id) DO UPDATE SET seq = excluded.seq, deleted = excluded.deleted,
        landlord_id = coalesce(excluded.landlord_id, landlord_id), renter_id = coalesce(excluded.renter_id, renter_id),
        changed_at = excluded.changed_at;
END;

CREATE TRIGGER users_feed_delete
AFTER DELETE ON users
WHEN (SELECT value FROM database_meta WHERE key = 'mode') = 'server'
BEGIN
    INSERT INTO sync_changes (seq, entity, row_id, deleted, landlord_id, renter_id, changed_at)
    VALUES ((SELECT max(coalesce(max(seq), 0), (SELECT coalesce(max(CAST(value AS INTEGER)), 0) FROM database_meta
                                                                  WHERE key = 'feed_pruned_through')) + 1 FROM sync_changes), 'user', OLD.id, 1, NULL, NULL,
            strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
    ON CONFLICT (entity, row_id) DO UPDATE SET seq = excluded.seq, deleted = excluded.deleted,
        landlord_id = coalesce(excluded.landlord_id, landlord_id), renter_id = coalesce(excluded.renter_id, renter_id),
        changed_at = excluded.changed_at;
END;

CREATE TRIGGER buildings_feed_insert
AFTER INSERT ON buildings
WHEN (SELECT value FROM database_meta WHERE key = 'mode') = 'server'
BEGIN
    INSERT INTO sync_changes (seq, entity, row_id, deleted, landlord_id, renter_id, changed_at)
    VALUES ((SELECT max(coalesce(max(seq), 0), (SELECT coalesce(max(CAST(value AS INTEGER)), 0) FROM database_meta
                                                                  WHERE key = 'feed_pruned_through')) + 1 FROM sync_changes), 'building', NEW.id, 0, NEW.owner_id, NULL,
            strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
    ON CONFLICT (entity, row_id) DO UPDATE SET seq = excluded.seq, deleted = excluded.deleted,
        landlord_id = coalesce(excluded.landlord_id, landlord_id), renter_id = coalesce(excluded.renter_id, renter_id),
        changed_at = excluded.changed_at;
END;

CREATE TRIGGER buildings_feed_update
AFTER UPDATE ON buildings
WHEN (SELECT value FROM database_meta WHERE key = 'mode') = 'server'
BEGIN
    INSERT INTO sync_changes (seq, entity, row_id, deleted, landlord_id, renter_id, changed_at)
    VALUES ((SELECT max(coalesce(max(seq), 0), (SELECT coalesce(max(CAST(value AS INTEGER)), 0) FROM database_meta
                                                                  WHERE key = 'feed_pruned_through')) + 1 FROM sync_changes), 'building', NEW.id, 0, NEW.owner_id, NULL,
            strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
    ON CONFLICT (entity, row_id) DO UPDATE SET seq = excluded.seq, deleted = excluded.deleted,
        landlord_id = coalesce(excluded.landlord_id, landlord_id), renter_id = coalesce(excluded.renter_id, renter_id),
        changed_at = excluded.changed_at;
END;

CREATE TRIGGER buildings_feed_delete
AFTER DELETE ON buildings
WHEN (SELECT value FROM database_meta WHERE key = 'mode') = 'server'
BEGIN
    INSERT INTO sync_changes (seq, entity, row_id, deleted, landlord_id, renter_id, changed_at)
    VALUES ((SELECT max(coalesce(max(seq), 0), (SELECT coalesce(max(CAST(value AS INTEGER)), 0) FROM database_meta
                                                                  WHERE key = 'feed_pruned_through')) + 1 FROM sync_changes), 'building', OLD.id, 1, OLD.owner_id, NULL,
            strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
    ON CONFLICT (entity, row_id) DO UPDATE SET seq = excluded.seq, deleted = excluded.deleted,
        landlord_id = coalesce(excluded.landlord_id, landlord_id), renter_id = coalesce(excluded.renter_id, renter_id),
        changed_at = excluded.changed_at;
END;

CREATE TRIGGER apartments_feed_insert
AFTER INSERT ON apartments
WHEN (SELECT value FROM database_meta WHERE key = 'mode') = 'server'
BEGIN
    INSERT INTO sync_changes (seq, entity, row_id, deleted, landlord_id, renter_id, changed_at)
    VALUES ((SELECT max(coalesce(max(seq), 0), (SELECT coalesce(max(CAST(value AS INTEGER)), 0) FROM database_meta
                                                                  WHERE key = 'feed_pruned_through')) + 1 FROM sync_changes), 'apartment', NEW.id, 0, NEW.owner_id, NULL,
            strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
    ON CONFLICT (entity, row_id) DO UPDATE SET seq = excluded.seq, deleted = excluded.deleted,
        landlord_id = coalesce(excluded.landlord_id, landlord_id), renter_id = coalesce(excluded.renter_id, renter_id),
        changed_at = excluded.changed_at;
END;

CREATE TRIGGER apartments_feed_update
AFTER UPDATE ON apartments
WHEN (SELECT value FROM database_meta WHERE key = 'mode') = 'server'
BEGIN
    INSERT INTO sync_changes (seq, entity, row_id, deleted, landlord_id, renter_id, changed_at)
    VALUES ((SELECT max(coalesce(max(seq), 0), (SELECT coalesce(max(CAST(value AS INTEGER)), 0) FROM database_meta
                                                                  WHERE key = 'feed_pruned_through')) + 1 FROM sync_changes), 'apartment', NEW.id, 0, NEW.owner_id, NULL,
            strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
    ON CONFLICT (entity, row_id) DO UPDATE SET seq = excluded.seq, deleted = excluded.deleted,
        landlord_id = coalesce(excluded.landlord_id, landlord_id), renter_id = coalesce(excluded.renter_id, renter_id),
        changed_at = excluded.changed_at;
END;

CREATE TRIGGER apartments_feed_delete
AFTER DELETE ON apartments
WHEN (SELECT value FROM database_meta WHERE key = 'mode') = 'server'
BEGIN
    INSERT INTO sync_changes (seq, entity, row_id, deleted, landlord_id, renter_id, changed_at)
    VALUES ((SELECT max(coalesce(max(seq), 0), (SELECT coalesce(max(CAST(value AS INTEGER)), 0) FROM database_meta
                                                                  WHERE key = 'feed_pruned_through')) + 1 FROM sync_changes), 'apartment', OLD.id, 1, OLD.owner_id, NULL,
            strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
    ON CONFLICT (entity, row_id) DO UPDATE SET seq = excluded.seq, deleted = excluded.deleted,
        landlord_id = coalesce(excluded.landlord_id, landlord_id), renter_id = coalesce(excluded.renter_id, renter_id),
        changed_at = excluded.changed_at;
END;

CREATE TRIGGER bookings_feed_insert
AFTER INSERT ON bookings
WHEN (SELECT value FROM database_meta WHERE key = 'mode') = 'server'
BEGIN
    INSERT INTO sync_changes (seq, entity, row_id, deleted, landlord_id, renter_id, changed_at)
    VALUES ((SELECT max(coalesce(max(seq), 0), (SELECT coalesce(max(CAST(value AS INTEGER)), 0) FROM database_meta
                                                                  WHERE key = 'feed_pruned_through')) + 1 FROM sync_changes), 'booking', NEW.id, 0, (SELECT owner_id FROM apartments WHERE id = NEW.apartment_id), NEW.renter_id,
            strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
    ON CONFLICT (entity, row_id) DO UPDATE SET seq = excluded.seq, deleted = excluded.deleted,
        landlord_id = coalesce(excluded.landlord_id, landlord_id), renter_id = coalesce(excluded.renter_id, renter_id),
        changed_at = excluded.changed_at;
END;

CREATE TRIGGER bookings_feed_update
AFTER UPDATE ON bookings
WHEN (SELECT value FROM database_meta WHERE key = 'mode') = 'server'
BEGIN
    INSERT INTO sync_changes (seq, entity, row_id, deleted, landlord_id, renter_id, changed_at)
    VALUES ((SELECT max(coalesce(max(seq), 0), (SELECT coalesce(max(CAST(value AS INTEGER)), 0) FROM database_meta
                                                                  WHERE key = 'feed_pruned_through')) + 1 FROM sync_changes), 'booking', NEW.id, 0, (SELECT owner_id FROM apartments WHERE id = NEW.apartment_id), NEW.renter_id,
            strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
    ON CONFLICT (entity, row_id) DO UPDATE SET seq = excluded.seq, deleted = excluded.deleted,
        landlord_id = coalesce(excluded.landlord_id, landlord_id), renter_id = coalesce(excluded.renter_id, renter_id),
        changed_at = excluded.changed_at;
END;

CREATE TRIGGER bookings_feed_delete
AFTER DELETE ON bookings
WHEN (SELECT value FROM database_meta WHERE key = 'mode') = 'server'
BEGIN
    INSERT INTO sync_changes (seq, entity, row_id, deleted, landlord_id, renter_id, changed_at)
    VALUES ((SELECT max(coalesce(max(seq), 0), (SELECT coalesce(max(CAST(value AS INTEGER)), 0) FROM database_meta
                                                                  WHERE key = 'feed_pruned_through')) + 1 FROM sync_changes), 'booking', OLD.id, 1, (SELECT owner_id FROM apartments WHERE id = OLD.apartment_id), OLD.renter_id,
            strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
    ON CONFLICT (entity, row_id) DO UPDATE SET seq = excluded.seq, deleted = excluded.deleted,
        landlord_id = coalesce(excluded.landlord_id, landlord_id), renter_id = coalesce(excluded.renter_id, renter_id),
        changed_at = excluded.changed_at;
END;

CREATE TRIGGER reviews_feed_insert
AFTER INSERT ON reviews
WHEN (SELECT value FROM database_meta WHERE key = 'mode') = 'server'
BEGIN
    INSERT INTO sync_changes (seq, entity, row_id, deleted, landlord_id, renter_id, changed_at)
    VALUES ((SELECT max(coalesce(max(seq), 0), (SELECT coalesce(max(CAST(value AS INTEGER)), 0) FROM database_meta
                                                                  WHERE key = 'feed_pruned_through')) + 1 FROM sync_changes), 'review', NEW.id, 0, CASE NEW.kind WHEN 'renter' THEN NEW.author_id WHEN 'landlord' THEN NEW.target_user_id ELSE (SELECT owner_id FROM apartments WHERE id = NEW.target_apartment_id) END, NULL,
            strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
    ON CONFLICT (entity, row_id) DO UPDATE SET seq = excluded.seq, deleted = excluded.deleted,
        landlord_id = coalesce(excluded.landlord_id, landlord_id), renter_id = coalesce(excluded.renter_id, renter_id),
        changed_at = excluded.changed_at;
END;

CREATE TRIGGER reviews_feed_update
AFTER UPDATE ON reviews
WHEN (SELECT value FROM database_meta WHERE key = 'mode') = 'server'
BEGIN
    INSERT INTO sync_changes (seq, entity, row_id, deleted, landlord_id, renter_id, changed_at)
    VALUES ((SELECT max(coalesce(max(seq), 0), (SELECT coalesce(max(CAST(value AS INTEGER)), 0) FROM database_meta
                                                                  WHERE key = 'feed_pruned_through')) + 1 FROM sync_changes), 'review', NEW.id, 0, CASE NEW.kind WHEN 'renter' THEN NEW.author_id WHEN 'landlord' THEN NEW.target_user_id ELSE (SELECT owner_id FROM apartments WHERE id = NEW.target_apartment_id) END, NULL,
            strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
    ON CONFLICT (entity, row_id) DO UPDATE SET seq = excluded.seq, deleted = excluded.deleted,
        landlord_id = coalesce(excluded.landlord_id, landlord_id), renter_id = coalesce(excluded.renter_id, renter_id),
        changed_at = excluded.changed_at;
END;

CREATE TRIGGER reviews_feed_delete
AFTER DELETE ON reviews
WHEN (SELECT value FROM database_meta WHERE key = 'mode') = 'server'
BEGIN
    INSERT INTO sync_changes (seq, entity, row_id, deleted, landlord_id, renter_id, changed_at)
    VALUES ((SELECT max(coalesce(max(seq), 0), (SELECT coalesce(max(CAST(value AS INTEGER)), 0) FROM database_meta
                                                                  WHERE key = 'feed_pruned_through')) + 1 FROM sync_changes), 'review', OLD.id, 1, CASE OLD.kind WHEN 'renter' THEN OLD.author_id WHEN 'landlord' THEN OLD.target_user_id ELSE (SELECT owner_id FROM apartments WHERE id = OLD.target_apartment_id) END, NULL,
            strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
    ON CONFLICT (entity, row_id) DO UPDATE SET seq = excluded.seq, deleted = excluded.deleted,
        landlord_id = coalesce(excluded.landlord_id, landlord_id), renter_id = coalesce(excluded.renter_id, renter_id),
        changed_at = excluded.changed_at;
END;

-- Which renters each landlord knows: those who ever asked to book one of their apartments.
-- A landlord sees these people's profiles for good (the reviews between them outlive the
-- bookings, which go when the apartment is deleted), so a profile never silently drops out of
-- a landlord's view. Written by a trigger on the server only.
CREATE TABLE sync_acquaintances (
    landlord_id TEXT NOT NULL,
    renter_id   TEXT NOT NULL,
    CONSTRAINT sync_acquaintances_pk PRIMARY KEY (landlord_id, renter_id),
    CONSTRAINT sync_acquaintances_landlord_fk FOREIGN KEY (landlord_id) REFERENCES users (id) ON DELETE CASCADE,
    CONSTRAINT sync_acquaintances_renter_fk FOREIGN KEY (renter_id) REFERENCES users (id) ON DELETE CASCADE
) STRICT;

CREATE INDEX sync_acquaintances_renter_idx ON sync_acquaintances (renter_id);

CREATE TRIGGER bookings_acquaint
AFTER INSERT ON bookings
WHEN (SELECT value FROM database_meta WHERE key = 'mode') = 'server'
BEGIN
    INSERT INTO sync_acquaintances (landlord_id, renter_id)
    SELECT a.owner_id, NEW.renter_id FROM apartments AS a
    WHERE a.id = NEW.apartment_id
      AND NOT EXISTS (SELECT 1 FROM sync_acquaintances
                      WHERE landlord_id = a.owner_id AND renter_id = NEW.renter_id);
END;

-- What the server knows of each desktop replica (a client id per replica and account): the
-- last mutation it applied for it, so that a resend after a lost acknowledgement is applied
-- once, and the replica's cursor and last visit, which decide how long tombstones are kept.
CREATE TABLE sync_clients (
    user_id          TEXT    NOT NULL,
    client_id        TEXT    NOT NULL,
    last_mutation_id INTEGER NOT NULL DEFAULT 0,
    pulled_through   INTEGER NOT NULL DEFAULT 0,
    seen_at          TEXT    NOT NULL,
    CONSTRAINT sync_clients_pk PRIMARY KEY (user_id, client_id),
    CONSTRAINT sync_clients_user_fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
    CONSTRAINT sync_clients_client_uuid CHECK (client_id GLOB '[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]'),
    CONSTRAINT sync_clients_last_mutation_range CHECK (last_mutation_id >= 0),
    CONSTRAINT sync_clients_seen_at_format CHECK (seen_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9].[0-9][0-9][0-9]Z')
) STRICT;

-- The mutations the server refused, so that a resend is answered with the same refusal
-- rather than applied or reported as done.
CREATE TABLE sync_refusals (
    user_id     TEXT    NOT NULL,
    client_id   TEXT    NOT NULL,
    mutation_id INTEGER NOT NULL,
    code        TEXT    NOT NULL,
    entity      TEXT    NOT NULL DEFAULT '',
    field       TEXT    NOT NULL DEFAULT '',
    message     TEXT    NOT NULL,
    depends_on  INTEGER,
    created_id  TEXT, -- the row the refused mutation would have made: what a later one may need
    refused_at  TEXT    NOT NULL,
    CONSTRAINT sync_refusals_pk PRIMARY KEY (user_id, client_id, mutation_id),
    CONSTRAINT sync_refusals_client_fk FOREIGN KEY (user_id, client_id)
        REFERENCES sync_clients (user_id, client_id) ON DELETE CASCADE
) STRICT;

CREATE INDEX sync_refusals_created_idx ON sync_refusals (user_id, client_id, created_id);
