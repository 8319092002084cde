-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Schema version 1: people, property, stays and reviews (SQLite dialect).
--
-- Tables are STRICT, so a value of the wrong type is refused instead of stored. Every
-- constraint has a name, which is how a refusal is mapped to a field and a message.
-- Ids are lowercase UUIDs without braces; timestamps are UTC with milliseconds and Z;
-- dates of stays are YYYY-MM-DD, half-open [start_date, end_date); money is an integer in
-- minor units with an ISO 4217 currency code. Averages are never stored: rating_sum and
-- rating_count are, so the average stays exact.
-- The engine-specific rules (the overlap of stays, role checks) are in 0001_triggers.sql.

CREATE TABLE users (
    id            TEXT    NOT NULL,
    email         TEXT    NOT NULL,
    display_name  TEXT    NOT NULL,
    phone         TEXT,
    role          TEXT    NOT NULL,
    language      TEXT    NOT NULL DEFAULT 'en',
    rating_sum    INTEGER NOT NULL DEFAULT 0,
    rating_count  INTEGER NOT NULL DEFAULT 0,
    password_hash TEXT,
    created_at    TEXT    NOT NULL,
    updated_at    TEXT    NOT NULL,
    CONSTRAINT users_pk PRIMARY KEY (id),
    CONSTRAINT users_id_uuid CHECK (id GLOB '[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]'),
    -- The service normalises (trim, Unicode lower case); SQLite's lower() knows only ASCII,
    -- so this catches what escaped normalisation without rejecting Cyrillic.
    CONSTRAINT users_email_normalized CHECK (email = lower(trim(email))),
    CONSTRAINT users_email_format CHECK (length(email) BETWEEN 3 AND 254 AND email LIKE '%_@_%'),
    CONSTRAINT users_display_name_present CHECK (length(trim(display_name)) BETWEEN 1 AND 200),
    CONSTRAINT users_phone_format CHECK (phone IS NULL OR (length(phone) BETWEEN 3 AND 32 AND phone NOT GLOB '*[^0-9 ()+-]*')),
    CONSTRAINT users_role_code CHECK (role IN ('landlord', 'renter')),
    CONSTRAINT users_language_code CHECK (language IN ('en', 'ru')),
    CONSTRAINT users_rating_consistent CHECK (rating_count >= 0 AND rating_sum BETWEEN rating_count AND 5 * rating_count),
    -- Only in standalone mode; a connected replica's users carry no hash.
    CONSTRAINT users_password_hash_format CHECK (password_hash IS NULL OR password_hash GLOB '$argon2id$*'),
    CONSTRAINT users_created_at_format CHECK (created_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9].[0-9][0-9][0-9]Z'),
    CONSTRAINT users_updated_at_format CHECK (updated_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9].[0-9][0-9][0-9]Z' AND updated_at >= created_at)
) STRICT;

CREATE UNIQUE INDEX users_email_unique ON users (email);

CREATE TABLE buildings (
    id          TEXT    NOT NULL,
    owner_id    TEXT    NOT NULL,
    name        TEXT    NOT NULL,
    address     TEXT    NOT NULL,
    city        TEXT    NOT NULL,
    floors      INTEGER NOT NULL,
    year_built  INTEGER,
    created_at  TEXT    NOT NULL,
    updated_at  TEXT    NOT NULL,
    CONSTRAINT buildings_pk PRIMARY KEY (id),
    CONSTRAINT buildings_id_uuid CHECK (id GLOB '[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]'),
    CONSTRAINT buildings_owner_fk FOREIGN KEY (owner_id) REFERENCES users (id) ON DELETE RESTRICT,
    CONSTRAINT buildings_name_present CHECK (length(trim(name)) BETWEEN 1 AND 200),
    CONSTRAINT buildings_address_present CHECK (length(trim(address)) BETWEEN 1 AND 500),
    CONSTRAINT buildings_city_present CHECK (length(trim(city)) BETWEEN 1 AND 100),
    CONSTRAINT buildings_floors_range CHECK (floors BETWEEN 1 AND 300),
    CONSTRAINT buildings_year_built_range CHECK (year_built IS NULL OR year_built BETWEEN 1000 AND 2200),
    CONSTRAINT buildings_created_at_format CHECK (created_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9].[0-9][0-9][0-9]Z'),
    CONSTRAINT buildings_updated_at_format CHECK (updated_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9].[0-9][0-9][0-9]Z' AND updated_at >= created_at)
) STRICT;

-- The parent key of apartments_building_fk: an apartment's owner is its building's owner.
CREATE UNIQUE INDEX buildings_id_owner_unique ON buildings (id, owner_id);
CREATE INDEX buildings_owner_idx ON buildings (owner_id);
CREATE INDEX buildings_city_idx ON buildings (city);

CREATE TABLE apartments (
    id            TEXT    NOT NULL,
    building_id   TEXT    NOT NULL,
    owner_id      TEXT    NOT NULL,
    number        TEXT    NOT NULL,
    floor         INTEGER NOT NULL,
    rooms         INTEGER NOT NULL,
    area          REAL    NOT NULL, -- square metres
    monthly_price INTEGER NOT NULL, -- minor units of currency
    currency      TEXT    NOT NULL,
    status        TEXT    NOT NULL DEFAULT 'free',
    status_manual INTEGER NOT NULL DEFAULT 0, -- 1: the owner set status by hand; time does not move it
    booked_by     TEXT,
    furnished     INTEGER NOT NULL DEFAULT 0,
    pets_allowed  INTEGER NOT NULL DEFAULT 0,
    description   TEXT    NOT NULL DEFAULT '',
    rating_sum    INTEGER NOT NULL DEFAULT 0,
    rating_count  INTEGER NOT NULL DEFAULT 0,
    created_at    TEXT    NOT NULL,
    updated_at    TEXT    NOT NULL,
    CONSTRAINT apartments_pk PRIMARY KEY (id),
    CONSTRAINT apartments_id_uuid CHECK (id GLOB '[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]'),
    CONSTRAINT apartments_building_fk FOREIGN KEY (building_id, owner_id)
        REFERENCES buildings (id, owner_id) ON DELETE RESTRICT,
    CONSTRAINT apartments_owner_fk FOREIGN KEY (owner_id) REFERENCES users (id) ON DELETE RESTRICT,
    CONSTRAINT apartments_booked_by_fk FOREIGN KEY (booked_by) REFERENCES users (id) ON DELETE RESTRICT,
    CONSTRAINT apartments_number_present CHECK (length(trim(number)) BETWEEN 1 AND 20),
    CONSTRAINT apartments_floor_range CHECK (floor BETWEEN -5 AND 300),
    CONSTRAINT apartments_rooms_range CHECK (rooms BETWEEN 1 AND 50),
    CONSTRAINT apartments_area_range CHECK (area > 0 AND area <= 100000),
    CONSTRAINT apartments_price_range CHECK (monthly_price BETWEEN 0 AND 100000000000),
    CONSTRAINT apartments_currency_code CHECK (currency GLOB '[A-Z][A-Z][A-Z]'),
    CONSTRAINT apartments_status_code CHECK (status IN ('free', 'booked', 'rented')),
    CONSTRAINT apartments_status_manual_bool CHECK (status_manual IN (0, 1)),
    CONSTRAINT apartments_booked_by_status CHECK (booked_by IS NULL OR status IN ('booked', 'rented')),
    CONSTRAINT apartments_furnished_bool CHECK (furnished IN (0, 1)),
    CONSTRAINT apartments_pets_allowed_bool CHECK (pets_allowed IN (0, 1)),
    CONSTRAINT apartments_description_length CHECK (length(description) <= 5000),
    CONSTRAINT apartments_rating_consistent CHECK (rating_count >= 0 AND rating_sum BETWEEN rating_count AND 5 * rating_count),
    CONSTRAINT apartments_created_at_format CHECK (created_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9].[0-9][0-9][0-9]Z'),
    CONSTRAINT apartments_updated_at_format CHECK (updated_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9].[0-9][0-9][0-9]Z' AND updated_at >= created_at)
) STRICT;

CREATE UNIQUE INDEX apartments_number_unique ON apartments (building_id, number);
CREATE INDEX apartments_owner_idx ON apartments (owner_id);
CREATE INDEX apartments_booked_by_idx ON apartments (booked_by);
-- Browsing filters: a price range is always within one currency.
CREATE INDEX apartments_price_idx ON apartments (currency, monthly_price);
CREATE INDEX apartments_rooms_idx ON apartments (rooms);
CREATE INDEX apartments_area_idx ON apartments (area);
CREATE INDEX apartments_status_idx ON apartments (status);

CREATE TABLE bookings (
    id           TEXT    NOT NULL,
    apartment_id TEXT    NOT NULL,
    renter_id    TEXT    NOT NULL,
    start_date   TEXT    NOT NULL, -- first night
    end_date     TEXT    NOT NULL, -- day of departure (exclusive)
    status       TEXT    NOT NULL DEFAULT 'requested',
    total_price  INTEGER NOT NULL, -- monthly price * nights / 30, rounded half up, minor units
    currency     TEXT    NOT NULL,
    decided_by   TEXT,
    decided_at   TEXT,
    created_at   TEXT    NOT NULL,
    updated_at   TEXT    NOT NULL,
    CONSTRAINT bookings_pk PRIMARY KEY (id),
    CONSTRAINT bookings_id_uuid CHECK (id GLOB '[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]'),
    -- Deleting an apartment (allowed only without active stays) takes its history along.
    CONSTRAINT bookings_apartment_fk FOREIGN KEY (apartment_id) REFERENCES apartments (id) ON DELETE CASCADE,
    CONSTRAINT bookings_renter_fk FOREIGN KEY (renter_id) REFERENCES users (id) ON DELETE RESTRICT,
    CONSTRAINT bookings_decided_by_fk FOREIGN KEY (decided_by) REFERENCES users (id) ON DELETE RESTRICT,
    -- date() alone accepts 2026-02-30; a '+0 days' modifier normalises it, so a real date is its own normal form.
    CONSTRAINT bookings_start_date_format CHECK (date(start_date, '+0 days') IS start_date),
    CONSTRAINT bookings_end_date_format CHECK (date(end_date, '+0 days') IS end_date),
    CONSTRAINT bookings_dates_order CHECK (end_date > start_date),
    CONSTRAINT bookings_status_code CHECK (status IN ('requested', 'confirmed', 'declined', 'cancelled', 'completed')),
    CONSTRAINT bookings_total_price_range CHECK (total_price BETWEEN 0 AND 1000000000000000),
    CONSTRAINT bookings_currency_code CHECK (currency GLOB '[A-Z][A-Z][A-Z]'),
    -- A request is undecided; every other state records who moved it there and when.
    CONSTRAINT bookings_decision_recorded CHECK ((decided_by IS NULL) = (decided_at IS NULL)
                                                 AND (status = 'requested') = (decided_at IS NULL)),
    CONSTRAINT bookings_decided_at_format CHECK (decided_at IS NULL OR decided_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9].[0-9][0-9][0-9]Z'),
    CONSTRAINT bookings_created_at_format CHECK (created_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9].[0-9][0-9][0-9]Z'),
    CONSTRAINT bookings_updated_at_format CHECK (updated_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9].[0-9][0-9][0-9]Z' AND updated_at >= created_at)
) STRICT;

CREATE INDEX bookings_apartment_dates_idx ON bookings (apartment_id, start_date, end_date);
-- The stays that occupy an apartment: the overlap check and "free between" read only these.
CREATE INDEX bookings_stays_idx ON bookings (apartment_id, start_date, end_date)
    WHERE status IN ('confirmed', 'completed');
CREATE INDEX bookings_renter_idx ON bookings (renter_id, start_date);
CREATE INDEX bookings_status_idx ON bookings (status, start_date);
CREATE INDEX bookings_decided_by_idx ON bookings (decided_by);

CREATE TABLE reviews (
    id                  TEXT    NOT NULL,
    author_id           TEXT    NOT NULL,
    kind                TEXT    NOT NULL,
    target_user_id      TEXT,
    target_apartment_id TEXT,
    rating              INTEGER NOT NULL,
    body                TEXT    NOT NULL DEFAULT '',
    created_at          TEXT    NOT NULL,
    updated_at          TEXT    NOT NULL,
    CONSTRAINT reviews_pk PRIMARY KEY (id),
    CONSTRAINT reviews_id_uuid CHECK (id GLOB '[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]'),
    CONSTRAINT reviews_author_fk FOREIGN KEY (author_id) REFERENCES users (id) ON DELETE RESTRICT,
    CONSTRAINT reviews_target_user_fk FOREIGN KEY (target_user_id) REFERENCES users (id) ON DELETE RESTRICT,
    CONSTRAINT reviews_target_apartment_fk FOREIGN KEY (target_apartment_id)
        REFERENCES apartments (id) ON DELETE CASCADE,
    CONSTRAINT reviews_kind_code CHECK (kind IN ('renter', 'landlord', 'apartment')),
    -- Exactly the target column that matches the kind is set.
    CONSTRAINT reviews_target_matches_kind CHECK (CASE kind
        WHEN 'apartment' THEN target_apartment_id IS NOT NULL AND target_user_id IS NULL
        ELSE target_user_id IS NOT NULL AND target_apartment_id IS NULL END),
    CONSTRAINT reviews_not_self CHECK (target_user_id IS NULL OR target_user_id <> author_id),
    CONSTRAINT reviews_rating_range CHECK (rating BETWEEN 1 AND 5),
    CONSTRAINT reviews_body_length CHECK (length(body) <= 5000),
    CONSTRAINT reviews_created_at_format CHECK (created_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9].[0-9][0-9][0-9]Z'),
    CONSTRAINT reviews_updated_at_format CHECK (updated_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9].[0-9][0-9][0-9]Z' AND updated_at >= created_at)
) STRICT;

-- One review per author per target, for every kind. A single UNIQUE over both target
-- columns would not do it: one of them is always NULL, and NULLs never collide in a
-- UNIQUE index. Each index covers the kinds whose target is in its column; rows whose
-- column is NULL are simply not constrained by it.
CREATE UNIQUE INDEX reviews_one_per_author_user ON reviews (author_id, target_user_id);
CREATE UNIQUE INDEX reviews_one_per_author_apartment ON reviews (author_id, target_apartment_id);
CREATE INDEX reviews_target_user_idx ON reviews (target_user_id);
CREATE INDEX reviews_target_apartment_idx ON reviews (target_apartment_id);
