-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Schema version 1, the PostgreSQL-specific rules: what a CHECK cannot see because it spans
-- rows or tables. Where SQLite needs triggers for overlapping stays, an exclusion constraint
-- does it here, also between transactions that run at the same time (two servers confirming
-- two stays of one apartment). The other rules are trigger functions that refuse with
-- the rule's name as both message and CONSTRAINT field, the SQLite triggers' RAISE(ABORT, name),
-- so a refusal maps to the same rule on both engines.

CREATE EXTENSION IF NOT EXISTS btree_gist;

-- Rule 2: confirmed and completed stays of one apartment never overlap. daterange is
-- half-open [start, end) like the stays, so back-to-back stays do not collide.
ALTER TABLE bookings ADD CONSTRAINT bookings_no_overlap
    EXCLUDE USING gist (apartment_id WITH =, daterange(start_date, end_date) WITH &&)
    WHERE (status IN ('confirmed', 'completed'));

-- Refuses the statement with a rule's name, as SQLite's RAISE(ABORT, '<rule>') does.
CREATE FUNCTION rentdesk_refuse(rule text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION USING MESSAGE = rule, ERRCODE = 'raise_exception', CONSTRAINT = rule;
END
$$;

-- Rule 1: only landlords own property. A missing user is left to the foreign key.
CREATE FUNCTION buildings_owner_is_landlord() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM users WHERE id = NEW.owner_id AND role <> 'landlord') THEN
        PERFORM rentdesk_refuse('buildings_owner_is_landlord');
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER buildings_owner_is_landlord_insert
BEFORE INSERT ON buildings
FOR EACH ROW EXECUTE FUNCTION buildings_owner_is_landlord();

CREATE TRIGGER buildings_owner_is_landlord_update
BEFORE UPDATE OF owner_id ON buildings
FOR EACH ROW EXECUTE FUNCTION buildings_owner_is_landlord();

-- Renters book; a landlord does not book.
CREATE FUNCTION bookings_renter_is_renter() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM users WHERE id = NEW.renter_id AND role <> 'renter') THEN
        PERFORM rentdesk_refuse('bookings_renter_is_renter');
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER bookings_renter_is_renter
BEFORE INSERT ON bookings
FOR EACH ROW EXECUTE FUNCTION bookings_renter_is_renter();

-- Rule 3, the part about roles: a landlord reviews a renter; a renter reviews a landlord
-- or an apartment.
CREATE FUNCTION reviews_roles_match_kind() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM users WHERE id = NEW.author_id
                  AND role <> CASE NEW.kind WHEN 'renter' THEN 'landlord' ELSE 'renter' END)
       OR EXISTS (SELECT 1 FROM users WHERE id = NEW.target_user_id
                  AND role <> CASE NEW.kind WHEN 'renter' THEN 'renter' ELSE 'landlord' END) THEN
        PERFORM rentdesk_refuse('reviews_roles_match_kind');
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER reviews_roles_match_kind
BEFORE INSERT ON reviews
FOR EACH ROW EXECUTE FUNCTION reviews_roles_match_kind();

-- A review keeps its author, kind and target; only its rating and text change.
CREATE FUNCTION reviews_target_fixed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.author_id IS DISTINCT FROM OLD.author_id OR NEW.kind IS DISTINCT FROM OLD.kind
       OR NEW.target_user_id IS DISTINCT FROM OLD.target_user_id
       OR NEW.target_apartment_id IS DISTINCT FROM OLD.target_apartment_id THEN
        PERFORM rentdesk_refuse('reviews_target_fixed');
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER reviews_target_fixed
BEFORE UPDATE OF author_id, kind, target_user_id, target_apartment_id ON reviews
FOR EACH ROW EXECUTE FUNCTION reviews_target_fixed();
