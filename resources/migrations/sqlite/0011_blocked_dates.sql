-- SPDX-License-Identifier: GPL-3.0-or-later
-- rentdesk: rebuilds tables
--
-- Schema version 11: blocked dates (docs/architecture.md, "Calendars"). A landlord's
-- apartment can be blocked for dates it is let elsewhere: an event of a calendar another
-- booking site publishes (iCalendar, imported from a file or a subscribed address). A block is
-- a booking in the new state 'blocked' whose renter is the apartment's owner (as with a held
-- stay, version 8) and which names where it came from: block_source (the file's name or the
-- calendar's address) and block_uid (the event's UID), so that importing the same calendar
-- again updates and removes blocks by UID. Blocked nights are taken like confirmed ones: the
-- overlap triggers and the index of stays count them.
--
-- SQLite cannot change a CHECK in place, so bookings is rebuilt, with its indexes and
-- triggers; the Migrator runs this step with foreign keys off and checks them all before its
-- COMMIT (the marker line). No table refers to bookings.

CREATE TABLE bookings_rebuilt (
    id           TEXT    NOT NULL,
    apartment_id TEXT    NOT NULL,
    renter_id    TEXT    NOT NULL,
    start_date   TEXT    NOT NULL, -- first night
    end_date     TEXT    NOT NULL, -- day of departure (exclusive)
    status       TEXT    NOT NULL DEFAULT 'requested',
    total_price  INTEGER NOT NULL, -- monthly price * nights / 30, rounded half up, minor units
    currency     TEXT    NOT NULL,
    decided_by   TEXT,
    decided_at   TEXT,
    created_at   TEXT    NOT NULL,
    updated_at   TEXT    NOT NULL,
    block_source TEXT, -- a blocked stay's calendar: its file name or address
    block_uid    TEXT, -- and the event's UID in it
    CONSTRAINT bookings_pk PRIMARY KEY (id),
    CONSTRAINT bookings_id_uuid CHECK (id GLOB '[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]'),
    -- Deleting an apartment (allowed only without active stays) takes its history along.
    CONSTRAINT bookings_apartment_fk FOREIGN KEY (apartment_id) REFERENCES apartments (id) ON DELETE CASCADE,
    CONSTRAINT bookings_renter_fk FOREIGN KEY (renter_id) REFERENCES users (id) ON DELETE RESTRICT,
    CONSTRAINT bookings_decided_by_fk FOREIGN KEY (decided_by) REFERENCES users (id) ON DELETE RESTRICT,
    -- date() alone accepts 2026-02-30; a '+0 days' modifier normalises it, so a real date is its own normal form.
    CONSTRAINT bookings_start_date_format CHECK (date(start_date, '+0 days') IS start_date),
    CONSTRAINT bookings_end_date_format CHECK (date(end_date, '+0 days') IS end_date),
    CONSTRAINT bookings_dates_order CHECK (end_date > start_date),
    CONSTRAINT bookings_status_code CHECK (status IN ('requested', 'confirmed', 'declined', 'cancelled', 'completed', 'blocked')),
    CONSTRAINT bookings_total_price_range CHECK (total_price BETWEEN 0 AND 1000000000000000),
    CONSTRAINT bookings_currency_code CHECK (currency GLOB '[A-Z][A-Z][A-Z]'),
    -- A request is undecided; every other state records who moved it there and when.
    CONSTRAINT bookings_decision_recorded CHECK ((decided_by IS NULL) = (decided_at IS NULL)
                                                 AND (status = 'requested') = (decided_at IS NULL)),
    CONSTRAINT bookings_decided_at_format CHECK (decided_at IS NULL OR decided_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9].[0-9][0-9][0-9]Z'),
    CONSTRAINT bookings_created_at_format CHECK (created_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9].[0-9][0-9][0-9]Z'),
    CONSTRAINT bookings_updated_at_format CHECK (updated_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9].[0-9][0-9][0-9]Z' AND updated_at >= created_at),
    -- Only a block comes from a calendar; one from a calendar names both the calendar and the event.
    CONSTRAINT bookings_block_source CHECK ((block_source IS NULL) = (block_uid IS NULL)
                                           AND (block_source IS NULL OR status = 'blocked')
                                           AND length(block_source) BETWEEN 1 AND 500
                                           AND length(block_uid) BETWEEN 1 AND 1000)
) STRICT;

INSERT INTO bookings_rebuilt (id, apartment_id, renter_id, start_date, end_date, status, total_price, currency,
                              decided_by, decided_at, created_at, updated_at)
SELECT id, apartment_id, renter_id, start_date, end_date, status, total_price, currency, decided_by, decided_at,
       created_at, updated_at
FROM bookings;
DROP TABLE bookings;
ALTER TABLE bookings_rebuilt RENAME TO bookings;

CREATE INDEX bookings_apartment_dates_idx ON bookings (apartment_id, start_date, end_date);
CREATE INDEX bookings_decided_by_idx ON bookings (decided_by);
CREATE INDEX bookings_renter_idx ON bookings (renter_id, start_date);
CREATE INDEX bookings_status_idx ON bookings (status, start_date);
-- The stays that take an apartment's nights, by apartment and end date, carrying the status:
-- what "free between", the calendar and the overlap triggers probe.
CREATE INDEX bookings_stays_idx ON bookings (apartment_id, end_date, start_date, status)
    WHERE status IN ('confirmed', 'completed', 'blocked');
-- One block per event of a calendar, per apartment.
CREATE UNIQUE INDEX bookings_block_unique ON bookings (apartment_id, block_source, block_uid)
    WHERE block_uid IS NOT NULL;

-- Confirmed, completed and blocked stays never overlap.
CREATE TRIGGER bookings_no_overlap_insert
BEFORE INSERT ON bookings
WHEN NEW.status IN ('confirmed', 'completed', 'blocked')
BEGIN
    SELECT RAISE(ABORT, 'bookings_no_overlap')
    WHERE EXISTS (
        SELECT 1 FROM bookings AS b
        WHERE b.apartment_id = NEW.apartment_id
          AND b.status IN ('confirmed', 'completed', 'blocked')
          AND b.start_date < NEW.end_date
          AND NEW.start_date < b.end_date);
END;

CREATE TRIGGER bookings_no_overlap_update
BEFORE UPDATE OF status, start_date, end_date, apartment_id ON bookings
WHEN NEW.status IN ('confirmed', 'completed', 'blocked')
BEGIN
    SELECT RAISE(ABORT, 'bookings_no_overlap')
    WHERE EXISTS (
        SELECT 1 FROM bookings AS b
        WHERE b.apartment_id = NEW.apartment_id
          AND b.id <> NEW.id
          AND b.status IN ('confirmed', 'completed', 'blocked')
          AND b.start_date < NEW.end_date
          AND NEW.start_date < b.end_date);
END;

-- Renters book; a landlord books only their own apartment, to hold or block its nights.
CREATE TRIGGER bookings_renter_is_renter
BEFORE INSERT ON bookings
WHEN EXISTS (SELECT 1 FROM users WHERE id = NEW.renter_id AND role <> 'renter')
     AND NOT EXISTS (SELECT 1 FROM apartments WHERE id = NEW.apartment_id AND owner_id = NEW.renter_id)
BEGIN
    SELECT RAISE(ABORT, 'bookings_renter_is_renter');
END;

-- The change feed and the acquaintances of a server (version 6), as they were.
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
