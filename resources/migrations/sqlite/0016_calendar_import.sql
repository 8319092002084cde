-- SPDX-License-Identifier: GPL-3.0-or-later
-- rentdesk: rebuilds tables
--
-- Schema version 16: a connected desktop imports a calendar file (issue 14). The import is
-- journaled as importBlocks (the apartment, the calendar's name and its coming events;
-- models/services/calendarimport.h) for the server to make by its own rules, so the journal
-- learns the name. It is rebuilt because SQLite cannot change a CHECK in place (as
-- 0015_apartment_photos.sql did). The Migrator runs this step with foreign keys off and checks
-- them all before its COMMIT.

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
        'createReview', 'updateReview', 'deleteReview', 'blockDates',
        'addPhoto', 'movePhoto', 'removePhoto', 'importBlocks')),
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
