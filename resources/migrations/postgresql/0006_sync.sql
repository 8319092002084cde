-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Schema version 6: sync (PostgreSQL dialect of resources/migrations/sqlite/0006_sync.sql,
-- which says what each table is for). PostgreSQL changes columns and constraints in place, so
-- nothing is rebuilt.

ALTER TABLE users ALTER COLUMN email DROP NOT NULL;
ALTER TABLE users DROP CONSTRAINT users_email_normalized;
ALTER TABLE users DROP CONSTRAINT users_email_format;
ALTER TABLE users ADD CONSTRAINT users_email_normalized CHECK (email IS NULL OR email = lower(trim(email)));
ALTER TABLE users ADD CONSTRAINT users_email_format
    CHECK (email IS NULL OR (length(email) BETWEEN 3 AND 254 AND email LIKE '%_@_%'));
ALTER TABLE users ADD CONSTRAINT users_email_required CHECK (password_hash IS NULL OR email IS NOT NULL);

ALTER TABLE database_meta DROP CONSTRAINT database_meta_key_known;
ALTER TABLE database_meta DROP CONSTRAINT database_meta_mode_code;
ALTER TABLE database_meta ADD CONSTRAINT database_meta_key_known CHECK (key IN ('mode', 'feed_pruned_through'));
ALTER TABLE database_meta ADD CONSTRAINT database_meta_mode_code
    CHECK (key <> 'mode' OR value IN ('standalone', 'connected', 'server'));
ALTER TABLE database_meta ADD CONSTRAINT database_meta_pruned_number CHECK (key <> 'feed_pruned_through' OR value ~ '^[0-9]');

ALTER TABLE pending_mutations ADD COLUMN changes bytea;
ALTER TABLE pending_mutations ADD COLUMN state text NOT NULL DEFAULT 'pending'
    CONSTRAINT pending_mutations_state_code CHECK (state IN ('pending', 'applied', 'refused'));
ALTER TABLE pending_mutations ADD COLUMN error_code text;
ALTER TABLE pending_mutations ADD CONSTRAINT pending_mutations_refusal_recorded
    CHECK ((error_code IS NOT NULL) = (state = 'refused'));
ALTER TABLE pending_mutations ADD COLUMN error_entity text;
ALTER TABLE pending_mutations ADD COLUMN error_field text;
ALTER TABLE pending_mutations ADD COLUMN error_message text;
ALTER TABLE pending_mutations ADD COLUMN depends_on bigint;

CREATE INDEX pending_mutations_state_idx ON pending_mutations (state, id);

CREATE TABLE replica_state (
    singleton    integer NOT NULL DEFAULT 1,
    server_url   text    NOT NULL,
    account_id   text    NOT NULL,
    client_id    text    NOT NULL,
    cursor       text,
    synced_at    text,
    CONSTRAINT replica_state_pk PRIMARY KEY (singleton),
    CONSTRAINT replica_state_one_row CHECK (singleton = 1),
    CONSTRAINT replica_state_account_uuid CHECK (account_id ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'),
    CONSTRAINT replica_state_client_uuid CHECK (client_id ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'),
    CONSTRAINT replica_state_synced_at_format CHECK (synced_at IS NULL OR synced_at ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{3}Z$')
);

-- The server's change feed. SQLite serialises writers, so there max(seq) + 1 commits in order.
-- Here transactions run side by side, on one server or several: a number taken from a sequence
-- could commit after a larger one, and a replica that pulled in between would skip it for good.
-- So a transaction that writes the feed first takes one advisory lock (held to its end) and only
-- then its number: feed writers commit one after another in the order of their numbers, while
-- chat, sessions and reads go on beside them. A sequence never gives a number twice, pruned
-- tombstones or not (feed_pruned_through is still kept, for the replicas' "gone" check).
CREATE TABLE sync_changes (
    seq         bigint  NOT NULL,
    entity      text    NOT NULL,
    row_id      text    NOT NULL,
    deleted     integer NOT NULL DEFAULT 0,
    landlord_id text,
    renter_id   text,
    changed_at  text    NOT NULL,
    CONSTRAINT sync_changes_pk PRIMARY KEY (entity, row_id),
    CONSTRAINT sync_changes_entity_code CHECK (entity IN ('user', 'building', 'apartment', 'booking', 'review')),
    CONSTRAINT sync_changes_deleted_bool CHECK (deleted IN (0, 1)),
    CONSTRAINT sync_changes_seq_positive CHECK (seq > 0)
);

CREATE UNIQUE INDEX sync_changes_seq_unique ON sync_changes (seq);
CREATE INDEX sync_changes_landlord_idx ON sync_changes (landlord_id, seq);
CREATE INDEX sync_changes_renter_idx ON sync_changes (renter_id, seq);
CREATE INDEX sync_changes_entity_idx ON sync_changes (entity, seq);

CREATE SEQUENCE sync_changes_seq_counter AS bigint MINVALUE 1;

-- The advisory lock's key: "RDFEED" in ASCII, so it does not collide with another program's.
CREATE FUNCTION sync_feed_lock() RETURNS void LANGUAGE sql AS $$
    SELECT pg_advisory_xact_lock(82688469456196)
$$;

CREATE FUNCTION sync_feed_record() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    r          record;
    row_entity text;
    landlord   text;
    renter     text;
BEGIN
    IF (SELECT value FROM database_meta WHERE key = 'mode') IS DISTINCT FROM 'server' THEN
        RETURN NULL;
    END IF;
    IF TG_OP = 'DELETE' THEN
        r := OLD;
    ELSE
        r := NEW;
    END IF;
    CASE TG_TABLE_NAME
    WHEN 'users' THEN
        row_entity := 'user';
    WHEN 'buildings' THEN
        row_entity := 'building';
        landlord := r.owner_id;
    WHEN 'apartments' THEN
        row_entity := 'apartment';
        landlord := r.owner_id;
    WHEN 'bookings' THEN
        row_entity := 'booking';
        landlord := (SELECT owner_id FROM apartments WHERE id = r.apartment_id);
        renter := r.renter_id;
    ELSE
        row_entity := 'review';
        landlord := CASE r.kind WHEN 'renter' THEN r.author_id WHEN 'landlord' THEN r.target_user_id
                    ELSE (SELECT owner_id FROM apartments WHERE id = r.target_apartment_id) END;
    END CASE;
    PERFORM sync_feed_lock();
    INSERT INTO sync_changes AS c (seq, entity, row_id, deleted, landlord_id, renter_id, changed_at)
    VALUES (nextval('sync_changes_seq_counter'), row_entity, r.id, CASE TG_OP WHEN 'DELETE' THEN 1 ELSE 0 END,
            landlord, renter, to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
    ON CONFLICT (entity, row_id) DO UPDATE SET seq = excluded.seq, deleted = excluded.deleted,
        landlord_id = coalesce(excluded.landlord_id, c.landlord_id), renter_id = coalesce(excluded.renter_id, c.renter_id),
        changed_at = excluded.changed_at;
    RETURN NULL;
END
$$;

CREATE TRIGGER users_feed
AFTER INSERT OR UPDATE OR DELETE ON users
FOR EACH ROW EXECUTE FUNCTION sync_feed_record();
CREATE TRIGGER buildings_feed
AFTER INSERT OR UPDATE OR DELETE ON buildings
FOR EACH ROW EXECUTE FUNCTION sync_feed_record();
CREATE TRIGGER apartments_feed
AFTER INSERT OR UPDATE OR DELETE ON apartments
FOR EACH ROW EXECUTE FUNCTION sync_feed_record();
CREATE TRIGGER bookings_feed
AFTER INSERT OR UPDATE OR DELETE ON bookings
FOR EACH ROW EXECUTE FUNCTION sync_feed_record();
CREATE TRIGGER reviews_feed
AFTER INSERT OR UPDATE OR DELETE ON reviews
FOR EACH ROW EXECUTE FUNCTION sync_feed_record();

CREATE TABLE sync_acquaintances (
    landlord_id text NOT NULL,
    renter_id   text NOT NULL,
    CONSTRAINT sync_acquaintances_pk PRIMARY KEY (landlord_id, renter_id),
    CONSTRAINT sync_acquaintances_landlord_fk FOREIGN KEY (landlord_id) REFERENCES users (id) ON DELETE CASCADE,
    CONSTRAINT sync_acquaintances_renter_fk FOREIGN KEY (renter_id) REFERENCES users (id) ON DELETE CASCADE
);

CREATE INDEX sync_acquaintances_renter_idx ON sync_acquaintances (renter_id);

CREATE FUNCTION bookings_acquaint() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF (SELECT value FROM database_meta WHERE key = 'mode') IS DISTINCT FROM 'server' THEN
        RETURN NULL;
    END IF;
    INSERT INTO sync_acquaintances (landlord_id, renter_id)
    SELECT a.owner_id, NEW.renter_id FROM apartments AS a WHERE a.id = NEW.apartment_id
    ON CONFLICT DO NOTHING;
    RETURN NULL;
END
$$;

CREATE TRIGGER bookings_acquaint
AFTER INSERT ON bookings
FOR EACH ROW EXECUTE FUNCTION bookings_acquaint();

CREATE TABLE sync_clients (
    user_id          text   NOT NULL,
    client_id        text   NOT NULL,
    last_mutation_id bigint NOT NULL DEFAULT 0,
    pulled_through   bigint NOT NULL DEFAULT 0,
    seen_at          text   NOT NULL,
    CONSTRAINT sync_clients_pk PRIMARY KEY (user_id, client_id),
    CONSTRAINT sync_clients_user_fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
    CONSTRAINT sync_clients_client_uuid CHECK (client_id ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'),
    CONSTRAINT sync_clients_last_mutation_range CHECK (last_mutation_id >= 0),
    CONSTRAINT sync_clients_seen_at_format CHECK (seen_at ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{3}Z$')
);

CREATE TABLE sync_refusals (
    user_id     text   NOT NULL,
    client_id   text   NOT NULL,
    mutation_id bigint NOT NULL,
    code        text   NOT NULL,
    entity      text   NOT NULL DEFAULT '',
    field       text   NOT NULL DEFAULT '',
    message     text   NOT NULL,
    depends_on  bigint,
    created_id  text,
    refused_at  text   NOT NULL,
    CONSTRAINT sync_refusals_pk PRIMARY KEY (user_id, client_id, mutation_id),
    CONSTRAINT sync_refusals_client_fk FOREIGN KEY (user_id, client_id)
        REFERENCES sync_clients (user_id, client_id) ON DELETE CASCADE
);

CREATE INDEX sync_refusals_created_idx ON sync_refusals (user_id, client_id, created_id);
