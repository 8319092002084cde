-- SPDX-License-Identifier: GPL-3.0-or-later
-- rentdesk: rebuilds tables
--
-- Schema version 17: an apartment's photos travel in the server's change feed (issue 14;
-- docs/architecture.md, "Photos of an apartment"). A replica learns of a photo added, moved or
-- removed by its row in sync.pull, as of any other synced row, and fetches the bytes by hash
-- afterwards (photo.get). The feed's entity CHECK learns 'photo'; SQLite cannot change a
-- CHECK in place, so sync_changes is rebuilt with its indexes (no table refers to it; the
-- other tables' feed triggers name it only by name, which the Migrator's legacy rename keeps).
--
-- A photo's landlord is its apartment's owner: whoever sees the apartment sees its photos (a
-- renter every listing's, a landlord their own). A photo deleted with its apartment (ON DELETE
-- CASCADE) can no longer look the owner up; its tombstone keeps the landlord its row had, as a
-- booking's does (coalesce below).

CREATE TABLE sync_changes_rebuilt (
    seq         INTEGER NOT NULL,
    entity      TEXT    NOT NULL,
    row_id      TEXT    NOT NULL,
    deleted     INTEGER NOT NULL DEFAULT 0,
    landlord_id TEXT,
    renter_id   TEXT,
    changed_at  TEXT    NOT NULL,
    CONSTRAINT sync_changes_pk PRIMARY KEY (entity, row_id),
    CONSTRAINT sync_changes_entity_code CHECK (entity IN ('user', 'building', 'apartment', 'booking', 'review', 'photo')),
    CONSTRAINT sync_changes_deleted_bool CHECK (deleted IN (0, 1)),
    CONSTRAINT sync_changes_seq_positive CHECK (seq > 0)
) STRICT;

INSERT INTO sync_changes_rebuilt (seq, entity, row_id, deleted, landlord_id, renter_id, changed_at)
SELECT seq, entity, row_id, deleted, landlord_id, renter_id, changed_at FROM sync_changes;
DROP TABLE sync_changes;
ALTER TABLE sync_changes_rebuilt RENAME TO sync_changes;

CREATE UNIQUE INDEX sync_changes_seq_unique ON sync_changes (seq);
CREATE INDEX sync_changes_landlord_idx ON sync_changes (landlord_id, seq);
CREATE INDEX sync_changes_renter_idx ON sync_changes (renter_id, seq);
CREATE INDEX sync_changes_entity_idx ON sync_changes (entity, seq);

-- A server whose photos were added before this version enters them into the feed now, after
-- every change it has: a replica that pulled through them still gets them.
INSERT INTO sync_changes (seq, entity, row_id, deleted, landlord_id, renter_id, changed_at)
SELECT (SELECT max(coalesce(max(c.seq), 0), (SELECT coalesce(max(CAST(value AS INTEGER)), 0) FROM database_meta
                                             WHERE key = 'feed_pruned_through')) FROM sync_changes AS c)
       + row_number() OVER (ORDER BY p.created_at, p.id),
       'photo', p.id, 0, a.owner_id, NULL, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
FROM apartment_photos AS p JOIN apartments AS a ON a.id = p.apartment_id
WHERE (SELECT value FROM database_meta WHERE key = 'mode') = 'server';

CREATE TRIGGER apartment_photos_feed_insert
AFTER INSERT ON apartment_photos
WHEN (SELECT value FROM database_meta WHERE key = 'mode') = 'server'
BEGIN
    INSERT INTO sync_changes (seq, entity, row_id, deleted, landlord_id, renter_id, changed_at)
    VALUES ((SELECT max(coalesce(max(seq), 0), (SELECT coalesce(max(CAST(value AS INTEGER)), 0) FROM database_meta
                                                                  WHERE key = 'feed_pruned_through')) + 1 FROM sync_changes), 'photo', NEW.id, 0, (SELECT owner_id FROM apartments WHERE id = NEW.apartment_id), NULL,
            strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
    ON CONFLICT (entity, row_id) DO UPDATE SET seq = excluded.seq, deleted = excluded.deleted,
        landlord_id = coalesce(excluded.landlord_id, landlord_id), renter_id = coalesce(excluded.renter_id, renter_id),
        changed_at = excluded.changed_at;
END;

CREATE TRIGGER apartment_photos_feed_update
AFTER UPDATE ON apartment_photos
WHEN (SELECT value FROM database_meta WHERE key = 'mode') = 'server'
BEGIN
    INSERT INTO sync_changes (seq, entity, row_id, deleted, landlord_id, renter_id, changed_at)
    VALUES ((SELECT max(coalesce(max(seq), 0), (SELECT coalesce(max(CAST(value AS INTEGER)), 0) FROM database_meta
                                                                  WHERE key = 'feed_pruned_through')) + 1 FROM sync_changes), 'photo', NEW.id, 0, (SELECT owner_id FROM apartments WHERE id = NEW.apartment_id), NULL,
            strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
    ON CONFLICT (entity, row_id) DO UPDATE SET seq = excluded.seq, deleted = excluded.deleted,
        landlord_id = coalesce(excluded.landlord_id, landlord_id), renter_id = coalesce(excluded.renter_id, renter_id),
        changed_at = excluded.changed_at;
END;

CREATE TRIGGER apartment_photos_feed_delete
AFTER DELETE ON apartment_photos
WHEN (SELECT value FROM database_meta WHERE key = 'mode') = 'server'
BEGIN
    INSERT INTO sync_changes (seq, entity, row_id, deleted, landlord_id, renter_id, changed_at)
    VALUES ((SELECT max(coalesce(max(seq), 0), (SELECT coalesce(max(CAST(value AS INTEGER)), 0) FROM database_meta
                                                                  WHERE key = 'feed_pruned_through')) + 1 FROM sync_changes), 'photo', OLD.id, 1, (SELECT owner_id FROM apartments WHERE id = OLD.apartment_id), NULL,
            strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
    ON CONFLICT (entity, row_id) DO UPDATE SET seq = excluded.seq, deleted = excluded.deleted,
        landlord_id = coalesce(excluded.landlord_id, landlord_id), renter_id = coalesce(excluded.renter_id, renter_id),
        changed_at = excluded.changed_at;
END;
