-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Schema version 15: photos of an apartment (PostgreSQL dialect of
-- resources/migrations/sqlite/0015_apartment_photos.sql, which says why the bytes are stored by
-- hash and why no foreign key leads from a photo to its blobs: a replica may hold a photo's row
-- before its bytes arrive). The journal knows addPhoto, movePhoto and removePhoto; it changes in
-- place.

CREATE TABLE photo_blobs (
    sha256     text    NOT NULL,
    bytes      bytea   NOT NULL,
    size       integer NOT NULL,
    created_at text    NOT NULL,
    CONSTRAINT photo_blobs_pk PRIMARY KEY (sha256),
    CONSTRAINT photo_blobs_sha256_format CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    CONSTRAINT photo_blobs_size_matches CHECK (size > 0 AND size = length(bytes)),
    CONSTRAINT photo_blobs_created_at_format CHECK (created_at ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{3}Z$')
);

CREATE TABLE apartment_photos (
    id               text    NOT NULL,
    apartment_id     text    NOT NULL,
    position         integer NOT NULL,
    image_sha256     text    NOT NULL,
    thumbnail_sha256 text    NOT NULL,
    width            integer NOT NULL,
    height           integer NOT NULL,
    created_at       text    NOT NULL,
    updated_at       text    NOT NULL,
    CONSTRAINT apartment_photos_pk PRIMARY KEY (id),
    CONSTRAINT apartment_photos_id_uuid CHECK (id ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'),
    CONSTRAINT apartment_photos_apartment_fk FOREIGN KEY (apartment_id) REFERENCES apartments (id) ON DELETE CASCADE,
    CONSTRAINT apartment_photos_position_range CHECK (position >= 0),
    CONSTRAINT apartment_photos_image_sha256_format CHECK (image_sha256 ~ '^[0-9a-f]{64}$'),
    CONSTRAINT apartment_photos_thumbnail_sha256_format CHECK (thumbnail_sha256 ~ '^[0-9a-f]{64}$'),
    CONSTRAINT apartment_photos_width_range CHECK (width BETWEEN 1 AND 2048),
    CONSTRAINT apartment_photos_height_range CHECK (height BETWEEN 1 AND 2048),
    CONSTRAINT apartment_photos_created_at_format CHECK (created_at ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{3}Z$'),
    CONSTRAINT apartment_photos_updated_at_format CHECK (updated_at ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{3}Z$' AND updated_at >= created_at)
);

CREATE INDEX apartment_photos_order_idx ON apartment_photos (apartment_id, position, id);
CREATE INDEX apartment_photos_image_idx ON apartment_photos (image_sha256);
CREATE INDEX apartment_photos_thumbnail_idx ON apartment_photos (thumbnail_sha256);

ALTER TABLE pending_mutations DROP CONSTRAINT pending_mutations_name_known;
ALTER TABLE pending_mutations ADD CONSTRAINT pending_mutations_name_known CHECK (name IN (
    'createBuilding', 'updateBuilding', 'deleteBuilding',
    'createApartment', 'updateApartment', 'deleteApartment', 'setApartmentStatus',
    'requestBooking', 'confirmBooking', 'declineBooking', 'cancelBooking', 'holdDates',
    'createReview', 'updateReview', 'deleteReview', 'blockDates',
    'addPhoto', 'movePhoto', 'removePhoto'));
