-- SPDX-License-Identifier: GPL-3.0-or-later
-- rentdesk: rebuilds tables
--
-- Schema version 8: nights a landlord holds (docs/architecture.md, "Publishing a standalone
-- database"). A landlord who publishes a standalone database brings its future stays to the
-- server; their renters are accounts of that file, not of the server, and the server never
-- takes a landlord's word for who another account is. So a published stay becomes the
-- owner's hold on those nights (the holdDates mutation): a confirmed booking whose renter is
-- the apartment's own owner. It keeps every rule of confirmed stays (no overlap, completed by
-- time, the apartment's status) and names nobody else.
--
-- The renters-only trigger gives way to one that lets the owner of the apartment hold it;
-- the journal is rebuilt because SQLite cannot change a CHECK in place. The Migrator runs
-- this step with foreign keys off and checks them all before its COMMIT (the marker line).

DROP TRIGGER bookings_renter_is_renter;

-- Renters book; a landlord books only their own apartment, and only to hold its nights.
CREATE TRIGGER bookings_renter_is_renter
BEFORE INSERT ON bookings
WHEN EXISTS (SELECT 1 FROM users WHERE id = NEW.renter_id AND role <> 'renter')
     AND NOT EXISTS (SELECT 1 FROM apartments WHERE id = NEW.apartment_id AND owner_id = NEW.renter_id)
BEGIN
    SELECT RAISE(ABORT, 'bookings_renter_is_renter');
END;

CREATE TABLE pending_mutations_rebuilt (
    id            INTEGER NOT NULL CONSTRAINT pending_mutations_pk PRIMARY KEY AUTOINCREMENT,
    name          TEXT    NOT NULL,
    args          TEXT    NOT NULL,
    actor_id      TEXT    NOT NULL,
    created_at    TEXT    NOT NULL,
    changes       BLOB,
    state         TEXT    NOT NULL DEFAULT 'pending',
    error_code    TEXT,
    error_entity  TEXT,
    error_field   TEXT,
    error_message TEXT,
    depends_on    INTEGER,
    CONSTRAINT pending_mutations_actor_fk FOREIGN KEY (actor_id) REFERENCES users (id) ON DELETE RESTRICT,
    CONSTRAINT pending_mutations_name_known CHECK (name IN (
        'createBuilding', 'updateBuilding', 'deleteBuilding',
        'createApartment', 'updateApartment', 'deleteApartment', 'setApartmentStatus',
        'requestBooking', 'confirmBooking', 'declineBooking', 'cancelBooking', 'holdDates',
        'createReview', 'updateReview', 'deleteReview')),
    CONSTRAINT pending_mutations_args_object CHECK (args GLOB '{*}'),
    CONSTRAINT pending_mutations_created_at_format CHECK (created_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9].[0-9][0-9][0-9]Z'),
    CONSTRAINT pending_mutations_state_code CHECK (state IN ('pending', 'applied', 'refused')),
    CONSTRAINT pending_mutations_refusal_recorded CHECK ((error_code IS NOT NULL) = (state = 'refused'))
) STRICT;

INSERT INTO pending_mutations_rebuilt (id, name, args, actor_id, created_at, changes, state, error_code,
                                       error_entity, error_field, error_message, depends_on)
SELECT id, name, args, actor_id, created_at, changes, state, error_code, error_entity, error_field,
       error_message, depends_on
FROM pending_mutations;
DROP TABLE pending_mutations;
ALTER TABLE pending_mutations_rebuilt RENAME TO pending_mutations;

CREATE INDEX pending_mutations_actor_idx ON pending_mutations (actor_id);
CREATE INDEX pending_mutations_state_idx ON pending_mutations (state, id);
