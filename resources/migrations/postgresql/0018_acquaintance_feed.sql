-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Schema version 18: a renter's profile enters the change feed again when a landlord first
-- becomes acquainted with them (PostgreSQL dialect of
-- resources/migrations/sqlite/0018_acquaintance_feed.sql, which says why).

CREATE FUNCTION sync_acquaintances_feed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM sync_feed_lock();
    UPDATE sync_changes
    SET seq = nextval('sync_changes_seq_counter'),
        changed_at = to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
    WHERE entity = 'user' AND row_id = NEW.renter_id AND deleted = 0;
    RETURN NULL;
END
$$;

CREATE TRIGGER sync_acquaintances_feed
AFTER INSERT ON sync_acquaintances
FOR EACH ROW EXECUTE FUNCTION sync_acquaintances_feed();
