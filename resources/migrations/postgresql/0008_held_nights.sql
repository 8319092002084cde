-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Schema version 8: nights a landlord holds (resources/migrations/sqlite/0008_held_nights.sql
-- says why). The renters-only rule lets the owner of the apartment hold it, and the journal
-- knows the holdDates mutation; both change in place.

CREATE OR REPLACE FUNCTION bookings_renter_is_renter() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM users WHERE id = NEW.renter_id AND role <> 'renter')
       AND NOT EXISTS (SELECT 1 FROM apartments WHERE id = NEW.apartment_id AND owner_id = NEW.renter_id) THEN
        PERFORM rentdesk_refuse('bookings_renter_is_renter');
    END IF;
    RETURN NEW;
END
$$;

ALTER TABLE pending_mutations DROP CONSTRAINT pending_mutations_name_known;
ALTER TABLE pending_mutations ADD CONSTRAINT pending_mutations_name_known CHECK (name IN (
    'createBuilding', 'updateBuilding', 'deleteBuilding',
    'createApartment', 'updateApartment', 'deleteApartment', 'setApartmentStatus',
    'requestBooking', 'confirmBooking', 'declineBooking', 'cancelBooking', 'holdDates',
    'createReview', 'updateReview', 'deleteReview'));
