-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Schema version 1, the SQLite-specific rules: what a CHECK cannot see because it spans
-- rows or tables. PostgreSQL's dialect replaces the overlap triggers with an exclusion
-- constraint. Each trigger aborts with its own name as the message, so a refusal maps to
-- a rule just like a named constraint does.

-- Rule 2: confirmed and completed stays of one apartment never overlap. Stays are
-- half-open [start_date, end_date), so a departure and an arrival on the same day do not
-- collide. Requests, declined and cancelled bookings occupy nothing.
CREATE TRIGGER bookings_no_overlap_insert
BEFORE INSERT ON bookings
WHEN NEW.status IN ('confirmed', 'completed')
BEGIN
    SELECT RAISE(ABORT, 'bookings_no_overlap')
    WHERE EXISTS (
        SELECT 1 FROM bookings AS b
        WHERE b.apartment_id = NEW.apartment_id
          AND b.status IN ('confirmed', 'completed')
          AND b.start_date < NEW.end_date
          AND NEW.start_date < b.end_date);
END;

CREATE TRIGGER bookings_no_overlap_update
BEFORE UPDATE OF status, start_date, end_date, apartment_id ON bookings
WHEN NEW.status IN ('confirmed', 'completed')
BEGIN
    SELECT RAISE(ABORT, 'bookings_no_overlap')
    WHERE EXISTS (
        SELECT 1 FROM bookings AS b
        WHERE b.apartment_id = NEW.apartment_id
          AND b.id <> NEW.id
          AND b.status IN ('confirmed', 'completed')
          AND b.start_date < NEW.end_date
          AND NEW.start_date < b.end_date);
END;

-- Rule 1: only landlords own property. (An apartment's owner is its building's owner,
-- through apartments_building_fk, so checking buildings covers apartments.) A missing
-- user is left to the foreign key, which reports it as such.
CREATE TRIGGER buildings_owner_is_landlord_insert
BEFORE INSERT ON buildings
WHEN EXISTS (SELECT 1 FROM users WHERE id = NEW.owner_id AND role <> 'landlord')
BEGIN
    SELECT RAISE(ABORT, 'buildings_owner_is_landlord');
END;

CREATE TRIGGER buildings_owner_is_landlord_update
BEFORE UPDATE OF owner_id ON buildings
WHEN EXISTS (SELECT 1 FROM users WHERE id = NEW.owner_id AND role <> 'landlord')
BEGIN
    SELECT RAISE(ABORT, 'buildings_owner_is_landlord');
END;

-- Renters book; a landlord does not book, least of all their own apartment.
CREATE TRIGGER bookings_renter_is_renter
BEFORE INSERT ON bookings
WHEN EXISTS (SELECT 1 FROM users WHERE id = NEW.renter_id AND role <> 'renter')
BEGIN
    SELECT RAISE(ABORT, 'bookings_renter_is_renter');
END;

-- Rule 3, the part about roles: a landlord reviews a renter; a renter reviews a landlord
-- or an apartment. (That a real stay lies behind it is the ReviewService's check.)
CREATE TRIGGER reviews_roles_match_kind
BEFORE INSERT ON reviews
WHEN EXISTS (SELECT 1 FROM users WHERE id = NEW.author_id
                AND role <> CASE NEW.kind WHEN 'renter' THEN 'landlord' ELSE 'renter' END)
  OR EXISTS (SELECT 1 FROM users WHERE id = NEW.target_user_id
                AND role <> CASE NEW.kind WHEN 'renter' THEN 'renter' ELSE 'landlord' END)
BEGIN
    SELECT RAISE(ABORT, 'reviews_roles_match_kind');
END;

-- A review keeps its author, kind and target; only its rating and text change.
CREATE TRIGGER reviews_target_fixed
BEFORE UPDATE OF author_id, kind, target_user_id, target_apartment_id ON reviews
WHEN NEW.author_id IS NOT OLD.author_id OR NEW.kind IS NOT OLD.kind
  OR NEW.target_user_id IS NOT OLD.target_user_id OR NEW.target_apartment_id IS NOT OLD.target_apartment_id
BEGIN
    SELECT RAISE(ABORT, 'reviews_target_fixed');
END;
