-- SPDX-License-Identifier: GPL-3.0-or-later
-- rentdesk: rebuilds tables
--
-- Schema version 15: photos of an apartment (issue 14; docs/architecture.md, "Photos").
-- PhotoService checks, resizes and re-encodes each file (models/photos/photoimage.cpp) and
-- stores it here as two JPEGs, the image and its thumbnail.
--
-- The bytes are content-addressed: photo_blobs holds each JPEG once, named by the SHA-256 of
-- its bytes (lowercase hex), and a photo's row names its two blobs by hash. So sync can later
-- move bytes by hash (a desktop uploads the blobs the server lacks before it pushes addPhoto; a
-- replica fetches the blobs it lacks after a pull), and the same image added twice is stored
-- once. There is deliberately no foreign key from apartment_photos to photo_blobs: a replica may
-- hold a photo's row before its bytes arrive. PhotoService deletes a blob that no photo names
-- any more in the transaction that removes the last photo naming it.
--
-- The photos go with their apartment (ON DELETE CASCADE). Positions are 0..n-1 per apartment,
-- kept without gaps by PhotoService; no UNIQUE on them, as a reorder moves several rows by one
-- statement each.
--
-- The journal learns addPhoto, movePhoto and removePhoto; it is rebuilt because SQLite cannot
-- change a CHECK in place (as 0012_owner_blocks.sql did). The Migrator runs this step with
-- foreign keys off and checks them all before its COMMIT (the marker line).

CREATE TABLE photo_blobs (
    sha256     TEXT    NOT NULL,
    bytes      BLOB    NOT NULL,
    size       INTEGER NOT NULL,
    created_at TEXT    NOT NULL,
    CONSTRAINT photo_blobs_pk PRIMARY KEY (sha256),
    CONSTRAINT photo_blobs_sha256_format CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
    CONSTRAINT photo_blobs_size_matches CHECK (size > 0 AND size = length(bytes)),
    CONSTRAINT photo_blobs_created_at_format CHECK (created_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9].[0-9][0-9][0-9]Z')
) STRICT;

CREATE TABLE apartment_photos (
    id               TEXT    NOT NULL,
    apartment_id     TEXT    NOT NULL,
    position         INTEGER NOT NULL,
    image_sha256     TEXT    NOT NULL,
    thumbnail_sha256 TEXT    NOT NULL,
    width            INTEGER NOT NULL,
    height           INTEGER NOT NULL,
    created_at       TEXT    NOT NULL,
    updated_at       TEXT    NOT NULL,
    CONSTRAINT apartment_photos_pk PRIMARY KEY (id),
    CONSTRAINT apartment_photos_id_uuid CHECK (id GLOB '[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]'),
    CONSTRAINT apartment_photos_apartment_fk FOREIGN KEY (apartment_id) REFERENCES apartments (id) ON DELETE CASCADE,
    CONSTRAINT apartment_photos_position_range CHECK (position >= 0),
    CONSTRAINT apartment_photos_image_sha256_format CHECK (length(image_sha256) = 64 AND image_sha256 NOT GLOB '*[^0-9a-f]*'),
    CONSTRAINT apartment_photos_thumbnail_sha256_format CHECK (length(thumbnail_sha256) = 64 AND thumbnail_sha256 NOT GLOB '*[^0-9a-f]*'),
    CONSTRAINT apartment_photos_width_range CHECK (width BETWEEN 1 AND 2048),
    CONSTRAINT apartment_photos_height_range CHECK (height BETWEEN 1 AND 2048),
    CONSTRAINT apartment_photos_created_at_format CHECK (created_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9].[0-9][0-9][0-9]Z'),
    CONSTRAINT apartment_photos_updated_at_format CHECK (updated_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9].[0-9][0-9][0-9]Z' AND updated_at >= created_at)
) STRICT, WITHOUT ROWID;

CREATE INDEX apartment_photos_order_idx ON apartment_photos (apartment_id, position, id);
-- Whether a blob is still named, when a photo is removed.
CREATE INDEX apartment_photos_image_idx ON apartment_photos (image_sha256);
CREATE INDEX apartment_photos_thumbnail_idx ON apartment_photos (thumbnail_sha256);

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
        'addPhoto', 'movePhoto', 'removePhoto')),
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
