-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Schema version 2, the PostgreSQL part of browsing: full-text search of apartments with a
-- tsvector and a GIN index (SQLite uses FTS5, resources/migrations/sqlite/0002_search.sql), and
-- the browsing indexes.
--
-- What is searched for an apartment: its building's address and city and its own description,
-- with accents removed (unaccent: "cafe" finds "café", and "е" finds "ё") and each word both in
-- the English and in the Russian configuration, so that "apartments" finds "apartment" and
-- "квартиры" finds "квартира" whatever the language of the listing. The document is kept in a
-- table of its own, written by triggers in the same transaction as the change: an apartment's
-- row carries nothing extra, and a building's new address rewrites the documents of its
-- apartments without touching the apartments themselves (nor the sync feed).

CREATE EXTENSION IF NOT EXISTS unaccent;

CREATE FUNCTION apartments_search_document(address text, city text, description text)
RETURNS tsvector LANGUAGE sql STABLE AS $$
    SELECT to_tsvector('english', d.t) || to_tsvector('russian', d.t)
    FROM (SELECT unaccent(concat_ws(' ', address, city, description)) AS t) AS d
$$;

CREATE TABLE apartments_search (
    apartment_id text     NOT NULL,
    document     tsvector NOT NULL,
    CONSTRAINT apartments_search_pk PRIMARY KEY (apartment_id),
    CONSTRAINT apartments_search_apartment_fk FOREIGN KEY (apartment_id) REFERENCES apartments (id) ON DELETE CASCADE
);

CREATE INDEX apartments_search_document_idx ON apartments_search USING gin (document);

INSERT INTO apartments_search (apartment_id, document)
SELECT a.id, apartments_search_document(b.address, b.city, a.description)
FROM apartments AS a JOIN buildings AS b ON b.id = a.building_id;

CREATE FUNCTION apartments_search_write() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO apartments_search (apartment_id, document)
    SELECT NEW.id, apartments_search_document(b.address, b.city, NEW.description)
    FROM buildings AS b WHERE b.id = NEW.building_id
    ON CONFLICT (apartment_id) DO UPDATE SET document = excluded.document;
    RETURN NULL;
END
$$;

CREATE TRIGGER apartments_search_insert
AFTER INSERT ON apartments
FOR EACH ROW EXECUTE FUNCTION apartments_search_write();

CREATE TRIGGER apartments_search_update
AFTER UPDATE OF description, building_id ON apartments
FOR EACH ROW WHEN (NEW.description IS DISTINCT FROM OLD.description OR NEW.building_id IS DISTINCT FROM OLD.building_id)
EXECUTE FUNCTION apartments_search_write();

-- A building's address and city are part of each of its apartments' documents.
CREATE FUNCTION buildings_search_write() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE apartments_search AS s
    SET document = apartments_search_document(NEW.address, NEW.city, a.description)
    FROM apartments AS a
    WHERE a.building_id = NEW.id AND s.apartment_id = a.id;
    RETURN NULL;
END
$$;

CREATE TRIGGER buildings_search_update
AFTER UPDATE OF address, city ON buildings
FOR EACH ROW WHEN (NEW.address IS DISTINCT FROM OLD.address OR NEW.city IS DISTINCT FROM OLD.city)
EXECUTE FUNCTION buildings_search_write();

CREATE INDEX apartments_browse_price_idx ON apartments (currency, monthly_price, id, rooms, building_id);
CREATE INDEX apartments_browse_building_idx ON apartments (building_id, currency, monthly_price, rooms, id);

DROP INDEX bookings_stays_idx;
CREATE INDEX bookings_stays_idx ON bookings (apartment_id, end_date, start_date, status)
    WHERE status IN ('confirmed', 'completed');
