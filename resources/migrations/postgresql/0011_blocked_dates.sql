-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Schema version 11: blocked dates, as resources/migrations/sqlite/0011_blocked_dates.sql
-- says. PostgreSQL changes the constraints in place; the exclusion constraint and the index of
-- stays count blocked nights as taken.

ALTER TABLE bookings ADD COLUMN block_source text;
ALTER TABLE bookings ADD COLUMN block_uid text;

ALTER TABLE bookings DROP CONSTRAINT bookings_status_code;
ALTER TABLE bookings ADD CONSTRAINT bookings_status_code
    CHECK (status IN ('requested', 'confirmed', 'declined', 'cancelled', 'completed', 'blocked'));

ALTER TABLE bookings ADD CONSTRAINT bookings_block_source
    CHECK ((block_source IS NULL) = (block_uid IS NULL)
           AND (block_source IS NULL OR status = 'blocked')
           AND length(block_source) BETWEEN 1 AND 500
           AND length(block_uid) BETWEEN 1 AND 1000);

ALTER TABLE bookings DROP CONSTRAINT bookings_no_overlap;
ALTER TABLE bookings ADD CONSTRAINT bookings_no_overlap
    EXCLUDE USING gist (apartment_id WITH =, daterange(start_date, end_date) WITH &&)
    WHERE (status IN ('confirmed', 'completed', 'blocked'));

DROP INDEX bookings_stays_idx;
CREATE INDEX bookings_stays_idx ON bookings (apartment_id, end_date, start_date, status)
    WHERE status IN ('confirmed', 'completed', 'blocked');

CREATE UNIQUE INDEX bookings_block_unique ON bookings (apartment_id, block_source, block_uid)
    WHERE block_uid IS NOT NULL;
