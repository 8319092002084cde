-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Schema version 16: the journal learns importBlocks, a calendar file imported on a connected
-- desktop (PostgreSQL dialect of resources/migrations/sqlite/0016_calendar_import.sql); it
-- changes in place.

ALTER TABLE pending_mutations DROP CONSTRAINT pending_mutations_name_known;
ALTER TABLE pending_mutations ADD CONSTRAINT pending_mutations_name_known CHECK (name IN (
    'createBuilding', 'updateBuilding', 'deleteBuilding',
    'createApartment', 'updateApartment', 'deleteApartment', 'setApartmentStatus',
    'requestBooking', 'confirmBooking', 'declineBooking', 'cancelBooking', 'holdDates',
    'createReview', 'updateReview', 'deleteReview', 'blockDates',
    'addPhoto', 'movePhoto', 'removePhoto', 'importBlocks'));
