-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Schema version 17: an apartment's photos travel in the server's change feed (PostgreSQL
-- dialect of resources/migrations/sqlite/0017_photo_feed.sql, which says why). The feed's
-- entity CHECK changes in place; sync_feed_record() learns apartment_photos, whose landlord is
-- its apartment's owner (kept by the tombstone of a photo deleted with its apartment, whose
-- owner can no longer be looked up).

ALTER TABLE sync_changes DROP CONSTRAINT sync_changes_entity_code;
ALTER TABLE sync_changes ADD CONSTRAINT sync_changes_entity_code
    CHECK (entity IN ('user', 'building', 'apartment', 'booking', 'review', 'photo'));

CREATE OR REPLACE FUNCTION sync_feed_record() RETURNS trigger LANGUAGE plpgsql AS $$
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
    WHEN 'apartment_photos' THEN
        row_entity := 'photo';
        landlord := (SELECT owner_id FROM apartments WHERE id = r.apartment_id);
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

-- A server whose photos were added before this version enters them into the feed now, after
-- every change it has, under the feed's lock like any writer of it.
SELECT sync_feed_lock();
INSERT INTO sync_changes (seq, entity, row_id, deleted, landlord_id, renter_id, changed_at)
SELECT nextval('sync_changes_seq_counter'), 'photo', p.id, 0, a.owner_id, NULL,
       to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
FROM (SELECT p.id, p.apartment_id FROM apartment_photos AS p ORDER BY p.created_at, p.id) AS p
JOIN apartments AS a ON a.id = p.apartment_id
WHERE (SELECT value FROM database_meta WHERE key = 'mode') = 'server';

CREATE TRIGGER apartment_photos_feed
AFTER INSERT OR UPDATE OR DELETE ON apartment_photos
FOR EACH ROW EXECUTE FUNCTION sync_feed_record();
