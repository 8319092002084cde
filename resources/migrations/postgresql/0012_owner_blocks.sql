-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Schema version 12: nights the owner blocks by hand (resources/migrations/sqlite/
-- 0012_owner_blocks.sql says why). The journal knows the blockDates mutation; it changes in
-- place.

ALTER TABLE pending_mutations DROP CONSTRAINT pending_mutations_name_known;
ALTER TABLE pending_mutations ADD CONSTRAINT pending_mutations_name_known CHECK (name IN (
    'createBuilding', 'updateBuilding', 'deleteBuilding',
    'createApartment', 'updateApartment', 'deleteApartment', 'setApartmentStatus',
    'requestBooking', 'confirmBooking', 'declineBooking', 'cancelBooking', 'holdDates',
    'createReview', 'updateReview', 'deleteReview', 'blockDates'));
