-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Schema version 18: a renter's profile enters the change feed again when a landlord first
-- becomes acquainted with them (their first request for one of the landlord's apartments).
--
-- A landlord sees a renter's profile from that request on, for good (sync_acquaintances). The
-- pull sent the profile only as the parent of the request's row; a request deleted before the
-- landlord pulled it (its apartment deleted, say) left a tombstone without parents, and the
-- profile, whose place in the feed the landlord's cursor had passed long before, never came.
-- Now the new acquaintance gives the profile a new sequence number, so every landlord's pull
-- that has not seen it yet reaches it; renters, who see every profile, get it once more.

CREATE TRIGGER sync_acquaintances_feed
AFTER INSERT ON sync_acquaintances
BEGIN
    UPDATE sync_changes
    SET seq = (SELECT max(coalesce(max(c.seq), 0), (SELECT coalesce(max(CAST(value AS INTEGER)), 0) FROM database_meta
                                                     WHERE key = 'feed_pruned_through')) + 1 FROM sync_changes AS c),
        changed_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
    WHERE entity = 'user' AND row_id = NEW.renter_id AND deleted = 0;
END;
