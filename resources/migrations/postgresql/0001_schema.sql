-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Schema version 1: people, property, stays and reviews (PostgreSQL dialect; the SQLite one is
-- resources/migrations/sqlite/0001_schema.sql, and docs/architecture.md says what differs).
--
-- The same tables, columns and constraint names as SQLite's, so that a refusal maps to the
-- same rule and message on both engines. Ids are lowercase UUID text and timestamps text in
-- the same format (YYYY-MM-DDThh:mm:ss.zzzZ), checked by regular expressions where SQLite uses
-- GLOB: the services compare and order them as text on both engines. Stay dates are real
-- dates here, which the exclusion constraint of 0001_triggers.sql needs; money and counters
-- are bigint where SQLite's 64-bit INTEGER may exceed 32 bits. Flags stay integers 0/1, as in
-- SQLite, so the services read and write them the same way.

CREATE TABLE users (
    id            text    NOT NULL,
    email         text    NOT NULL,
    display_name  text    NOT NULL,
    phone         text,
    role          text    NOT NULL,
    language      text    NOT NULL DEFAULT 'en',
    rating_sum    bigint  NOT NULL DEFAULT 0,
    rating_count  bigint  NOT NULL DEFAULT 0,
    password_hash text,
    created_at    text    NOT NULL,
    updated_at    text    NOT NULL,
    CONSTRAINT users_pk PRIMARY KEY (id),
    CONSTRAINT users_id_uuid CHECK (id ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'),
    CONSTRAINT users_email_normalized CHECK (email = lower(trim(email))),
    CONSTRAINT users_email_format CHECK (length(email) BETWEEN 3 AND 254 AND email LIKE '%_@_%'),
    CONSTRAINT users_display_name_present CHECK (length(trim(display_name)) BETWEEN 1 AND 200),
    CONSTRAINT users_phone_format CHECK (phone IS NULL OR (length(phone) BETWEEN 3 AND 32 AND phone !~ '[^0-9 ()+-]')),
    CONSTRAINT users_role_code CHECK (role IN ('landlord', 'renter')),
    CONSTRAINT users_language_code CHECK (language IN ('en', 'ru')),
    CONSTRAINT users_rating_consistent CHECK (rating_count >= 0 AND rating_sum BETWEEN rating_count AND 5 * rating_count),
    CONSTRAINT users_password_hash_format CHECK (password_hash IS NULL OR password_hash LIKE '$argon2id$%'),
    CONSTRAINT users_created_at_format CHECK (created_at ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{3}Z$'),
    CONSTRAINT users_updated_at_format CHECK (updated_at ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{3}Z$' AND updated_at >= created_at)
);

CREATE UNIQUE INDEX users_email_unique ON users (email);

CREATE TABLE buildings (
    id          text    NOT NULL,
    owner_id    text    NOT NULL,
    name        text    NOT NULL,
    address     text    NOT NULL,
    city        text    NOT NULL,
    floors      integer NOT NULL,
    year_built  integer,
    created_at  text    NOT NULL,
    updated_at  text    NOT NULL,
    CONSTRAINT buildings_pk PRIMARY KEY (id),
    CONSTRAINT buildings_id_uuid CHECK (id ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'),
    CONSTRAINT buildings_owner_fk FOREIGN KEY (owner_id) REFERENCES users (id) ON DELETE RESTRICT,
    CONSTRAINT buildings_name_present CHECK (length(trim(name)) BETWEEN 1 AND 200),
    CONSTRAINT buildings_address_present CHECK (length(trim(address)) BETWEEN 1 AND 500),
    CONSTRAINT buildings_city_present CHECK (length(trim(city)) BETWEEN 1 AND 100),
    CONSTRAINT buildings_floors_range CHECK (floors BETWEEN 1 AND 300),
    CONSTRAINT buildings_year_built_range CHECK (year_built IS NULL OR year_built BETWEEN 1000 AND 2200),
    CONSTRAINT buildings_created_at_format CHECK (created_at ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{3}Z$'),
    CONSTRAINT buildings_updated_at_format CHECK (updated_at ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{3}Z$' AND updated_at >= created_at)
);

-- The parent key of apartments_building_fk: an apartment's owner is its building's owner.
CREATE UNIQUE INDEX buildings_id_owner_unique ON buildings (id, owner_id);
CREATE INDEX buildings_owner_idx ON buildings (owner_id);
CREATE INDEX buildings_city_idx ON buildings (city);

CREATE TABLE apartments (
    id            text             NOT NULL,
    building_id   text             NOT NULL,
    owner_id      text             NOT NULL,
    number        text             NOT NULL,
    floor         integer          NOT NULL,
    rooms         integer          NOT NULL,
    area          double precision NOT NULL, -- square metres
    monthly_price bigint           NOT NULL, -- minor units of currency
    currency      text             NOT NULL,
    status        text             NOT NULL DEFAULT 'free',
    status_manual integer          NOT NULL DEFAULT 0,
    booked_by     text,
    furnished     integer          NOT NULL DEFAULT 0,
    pets_allowed  integer          NOT NULL DEFAULT 0,
    description   text             NOT NULL DEFAULT '',
    rating_sum    bigint           NOT NULL DEFAULT 0,
    rating_count  bigint           NOT NULL DEFAULT 0,
    created_at    text             NOT NULL,
    updated_at    text             NOT NULL,
    CONSTRAINT apartments_pk PRIMARY KEY (id),
    CONSTRAINT apartments_id_uuid CHECK (id ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'),
    CONSTRAINT apartments_building_fk FOREIGN KEY (building_id, owner_id)
        REFERENCES buildings (id, owner_id) ON DELETE RESTRICT,
    CONSTRAINT apartments_owner_fk FOREIGN KEY (owner_id) REFERENCES users (id) ON DELETE RESTRICT,
    CONSTRAINT apartments_booked_by_fk FOREIGN KEY (booked_by) REFERENCES users (id) ON DELETE RESTRICT,
    CONSTRAINT apartments_number_present CHECK (length(trim(number)) BETWEEN 1 AND 20),
    CONSTRAINT apartments_floor_range CHECK (floor BETWEEN -5 AND 300),
    CONSTRAINT apartments_rooms_range CHECK (rooms BETWEEN 1 AND 50),
    CONSTRAINT apartments_area_range CHECK (area > 0 AND area <= 100000),
    CONSTRAINT apartments_price_range CHECK (monthly_price BETWEEN 0 AND 100000000000),
    CONSTRAINT apartments_currency_code CHECK (currency ~ '^[A-Z]{3}$'),
    CONSTRAINT apartments_status_code CHECK (status IN ('free', 'booked', 'rented')),
    CONSTRAINT apartments_status_manual_bool CHECK (status_manual IN (0, 1)),
    CONSTRAINT apartments_booked_by_status CHECK (booked_by IS NULL OR status IN ('booked', 'rented')),
    CONSTRAINT apartments_furnished_bool CHECK (furnished IN (0, 1)),
    CONSTRAINT apartments_pets_allowed_bool CHECK (pets_allowed IN (0, 1)),
    CONSTRAINT apartments_description_length CHECK (length(description) <= 5000),
    CONSTRAINT apartments_rating_consistent CHECK (rating_count >= 0 AND rating_sum BETWEEN rating_count AND 5 * rating_count),
    CONSTRAINT apartments_created_at_format CHECK (created_at ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{3}Z$'),
    CONSTRAINT apartments_updated_at_format CHECK (updated_at ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{3}Z$' AND updated_at >= created_at)
);

CREATE UNIQUE INDEX apartments_number_unique ON apartments (building_id, number);
CREATE INDEX apartments_owner_idx ON apartments (owner_id);
CREATE INDEX apartments_booked_by_idx ON apartments (booked_by);
CREATE INDEX apartments_price_idx ON apartments (currency, monthly_price);
CREATE INDEX apartments_rooms_idx ON apartments (rooms);
CREATE INDEX apartments_area_idx ON apartments (area);
CREATE INDEX apartments_status_idx ON apartments (status);

CREATE TABLE bookings (
    id           text   NOT NULL,
    apartment_id text   NOT NULL,
    renter_id    text   NOT NULL,
    start_date   date   NOT NULL, -- first night
    end_date     date   NOT NULL, -- day of departure (exclusive)
    status       text   NOT NULL DEFAULT 'requested',
    total_price  bigint NOT NULL,
    currency     text   NOT NULL,
    decided_by   text,
    decided_at   text,
    created_at   text   NOT NULL,
    updated_at   text   NOT NULL,
    CONSTRAINT bookings_pk PRIMARY KEY (id),
    CONSTRAINT bookings_id_uuid CHECK (id ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'),
    CONSTRAINT bookings_apartment_fk FOREIGN KEY (apartment_id) REFERENCES apartments (id) ON DELETE CASCADE,
    CONSTRAINT bookings_renter_fk FOREIGN KEY (renter_id) REFERENCES users (id) ON DELETE RESTRICT,
    CONSTRAINT bookings_decided_by_fk FOREIGN KEY (decided_by) REFERENCES users (id) ON DELETE RESTRICT,
    -- The type refuses 30 February; these keep SQLite's four-digit years (YYYY-MM-DD).
    CONSTRAINT bookings_start_date_format CHECK (start_date BETWEEN DATE '0001-01-01' AND DATE '9999-12-31'),
    CONSTRAINT bookings_end_date_format CHECK (end_date BETWEEN DATE '0001-01-01' AND DATE '9999-12-31'),
    CONSTRAINT bookings_dates_order CHECK (end_date > start_date),
    CONSTRAINT bookings_status_code CHECK (status IN ('requested', 'confirmed', 'declined', 'cancelled', 'completed')),
    CONSTRAINT bookings_total_price_range CHECK (total_price BETWEEN 0 AND 1000000000000000),
    CONSTRAINT bookings_currency_code CHECK (currency ~ '^[A-Z]{3}$'),
    CONSTRAINT bookings_decision_recorded CHECK ((decided_by IS NULL) = (decided_at IS NULL)
                                                 AND (status = 'requested') = (decided_at IS NULL)),
    CONSTRAINT bookings_decided_at_format CHECK (decided_at IS NULL OR decided_at ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{3}Z$'),
    CONSTRAINT bookings_created_at_format CHECK (created_at ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{3}Z$'),
    CONSTRAINT bookings_updated_at_format CHECK (updated_at ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{3}Z$' AND updated_at >= created_at)
);

CREATE INDEX bookings_apartment_dates_idx ON bookings (apartment_id, start_date, end_date);
CREATE INDEX bookings_stays_idx ON bookings (apartment_id, start_date, end_date)
    WHERE status IN ('confirmed', 'completed');
CREATE INDEX bookings_renter_idx ON bookings (renter_id, start_date);
CREATE INDEX bookings_status_idx ON bookings (status, start_date);
CREATE INDEX bookings_decided_by_idx ON bookings (decided_by);

CREATE TABLE reviews (
    id                  text    NOT NULL,
    author_id           text    NOT NULL,
    kind                text    NOT NULL,
    target_user_id      text,
    target_apartment_id text,
    rating              integer NOT NULL,
    body                text    NOT NULL DEFAULT '',
    created_at          text    NOT NULL,
    updated_at          text    NOT NULL,
    CONSTRAINT reviews_pk PRIMARY KEY (id),
    CONSTRAINT reviews_id_uuid CHECK (id ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'),
    CONSTRAINT reviews_author_fk FOREIGN KEY (author_id) REFERENCES users (id) ON DELETE RESTRICT,
    CONSTRAINT reviews_target_user_fk FOREIGN KEY (target_user_id) REFERENCES users (id) ON DELETE RESTRICT,
    CONSTRAINT reviews_target_apartment_fk FOREIGN KEY (target_apartment_id)
        REFERENCES apartments (id) ON DELETE CASCADE,
    CONSTRAINT reviews_kind_code CHECK (kind IN ('renter', 'landlord', 'apartment')),
    CONSTRAINT reviews_target_matches_kind CHECK (CASE kind
        WHEN 'apartment' THEN target_apartment_id IS NOT NULL AND target_user_id IS NULL
        ELSE target_user_id IS NOT NULL AND target_apartment_id IS NULL END),
    CONSTRAINT reviews_not_self CHECK (target_user_id IS NULL OR target_user_id <> author_id),
    CONSTRAINT reviews_rating_range CHECK (rating BETWEEN 1 AND 5),
    CONSTRAINT reviews_body_length CHECK (length(body) <= 5000),
    CONSTRAINT reviews_created_at_format CHECK (created_at ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{3}Z$'),
    CONSTRAINT reviews_updated_at_format CHECK (updated_at ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{3}Z$' AND updated_at >= created_at)
);

CREATE UNIQUE INDEX reviews_one_per_author_user ON reviews (author_id, target_user_id);
CREATE UNIQUE INDEX reviews_one_per_author_apartment ON reviews (author_id, target_apartment_id);
CREATE INDEX reviews_target_user_idx ON reviews (target_user_id);
CREATE INDEX reviews_target_apartment_idx ON reviews (target_apartment_id);
