-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Schema version 2, the SQLite-specific part of browsing (query/apartmentquery.h): full-text
-- search over apartments with FTS5, and the indexes that the browsing filters and sorts
-- read. A PostgreSQL dialect would use a tsvector with a GIN index and its own indexes.

-- What is searched for an apartment: its building's address and city and its own
-- description. "ё" is folded to "е" here and in the query text, because Russian is often
-- typed without it and unicode61 removes diacritics from Latin letters only.
CREATE VIEW apartments_search_documents AS
SELECT a.rowid AS apartment_rowid,
       replace(replace(b.address, 'ё', 'е'), 'Ё', 'Е') AS address,
       replace(replace(b.city, 'ё', 'е'), 'Ё', 'Е') AS city,
       replace(replace(a.description, 'ё', 'е'), 'Ё', 'Е') AS description
FROM apartments AS a
JOIN buildings AS b ON b.id = a.building_id;

-- One row per apartment, keyed by the apartment's rowid (VACUUM keeps the rowids of
-- ordinary tables; tst_apartmentquery guards that). unicode61 folds case in every script,
-- removes diacritics from Latin letters ("cafe" finds "café") and splits on whatever is not
-- a letter or a digit. The prefix indexes serve search as you type, whose last word is a
-- prefix query; a single letter is not searched as a prefix (it would match most rows).
CREATE VIRTUAL TABLE apartments_search USING fts5(
    address,
    city,
    description,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '2 3'
);

INSERT INTO apartments_search (rowid, address, city, description)
SELECT apartment_rowid, address, city, description
FROM apartments_search_documents;

-- Why triggers do not write the index themselves: every connection runs with
-- trusted_schema=OFF, and under it SQLite refuses to let a trigger or a view touch a
-- virtual table that is not marked innocuous, which FTS5 is not ("unsafe use of virtual
-- table"). So the triggers below only note, in the same transaction as the change, which
-- apartments' rows in the index are stale; ApartmentQuery rewrites those rows with
-- top-level statements (query/searchindex.h) before it searches, in the same snapshot as
-- the search. A change cannot be missed, whoever makes it (services, sync, a script).
CREATE TABLE apartments_search_stale (
    apartment_rowid INTEGER NOT NULL,
    CONSTRAINT apartments_search_stale_pk PRIMARY KEY (apartment_rowid)
) STRICT;

-- NOT EXISTS rather than INSERT OR IGNORE: a conflict clause on the statement that fires
-- a trigger overrides the trigger's own, so "INSERT OR ABORT INTO apartments" would make a
-- second mark of the same row an error.
CREATE TRIGGER apartments_search_insert
AFTER INSERT ON apartments
BEGIN
    INSERT INTO apartments_search_stale (apartment_rowid)
    SELECT NEW.rowid
    WHERE NOT EXISTS (SELECT 1 FROM apartments_search_stale WHERE apartment_rowid = NEW.rowid);
END;

CREATE TRIGGER apartments_search_update
AFTER UPDATE ON apartments
WHEN NEW.description IS NOT OLD.description
  OR NEW.building_id IS NOT OLD.building_id
  OR NEW.rowid IS NOT OLD.rowid
BEGIN
    INSERT INTO apartments_search_stale (apartment_rowid)
    SELECT changed.r
    FROM (SELECT NEW.rowid AS r UNION SELECT OLD.rowid) AS changed
    WHERE NOT EXISTS (SELECT 1 FROM apartments_search_stale WHERE apartment_rowid = changed.r);
END;

CREATE TRIGGER apartments_search_delete
AFTER DELETE ON apartments
BEGIN
    INSERT INTO apartments_search_stale (apartment_rowid)
    SELECT OLD.rowid
    WHERE NOT EXISTS (SELECT 1 FROM apartments_search_stale WHERE apartment_rowid = OLD.rowid);
END;

-- A REPLACE conflict resolution deletes the conflicting row without firing its DELETE
-- triggers (recursive_triggers is off), so the rows an INSERT or UPDATE may replace are
-- noted before it runs. A row noted but kept is merely indexed again.
CREATE TRIGGER apartments_search_insert_replaces
BEFORE INSERT ON apartments
BEGIN
    INSERT INTO apartments_search_stale (apartment_rowid)
    SELECT a.rowid
    FROM apartments AS a
    WHERE (a.id = NEW.id OR (a.building_id = NEW.building_id AND a.number = NEW.number) OR a.rowid = NEW.rowid)
      AND NOT EXISTS (SELECT 1 FROM apartments_search_stale WHERE apartment_rowid = a.rowid);
END;

CREATE TRIGGER apartments_search_update_replaces
BEFORE UPDATE ON apartments
WHEN NEW.id IS NOT OLD.id
  OR NEW.building_id IS NOT OLD.building_id
  OR NEW.number IS NOT OLD.number
  OR NEW.rowid IS NOT OLD.rowid
BEGIN
    INSERT INTO apartments_search_stale (apartment_rowid)
    SELECT a.rowid
    FROM apartments AS a
    WHERE a.rowid <> OLD.rowid
      AND (a.id = NEW.id OR (a.building_id = NEW.building_id AND a.number = NEW.number) OR a.rowid = NEW.rowid)
      AND NOT EXISTS (SELECT 1 FROM apartments_search_stale WHERE apartment_rowid = a.rowid);
END;

-- A building's address and city are part of each of its apartments' rows.
CREATE TRIGGER buildings_search_update
AFTER UPDATE OF address, city ON buildings
WHEN NEW.address IS NOT OLD.address OR NEW.city IS NOT OLD.city
BEGIN
    INSERT INTO apartments_search_stale (apartment_rowid)
    SELECT a.rowid
    FROM apartments AS a
    WHERE a.building_id = NEW.id
      AND NOT EXISTS (SELECT 1 FROM apartments_search_stale WHERE apartment_rowid = a.rowid);
END;

-- Browsing sorted by price (the default): walked in order within a currency, so the first
-- page stops after its rows. id is the sort's tie-breaker; rooms and building_id are carried
-- so that the rooms filter and the city (a list of building ids) are checked in the index,
-- before any row is read.
CREATE INDEX apartments_browse_price_idx ON apartments (currency, monthly_price, id, rooms, building_id);

-- Browsing one city: its buildings' apartments by price range, with rooms and id in the
-- index, so that counting a city's matches reads no apartment row.
CREATE INDEX apartments_browse_building_idx ON apartments (building_id, currency, monthly_price, rooms, id);

-- "Free between two dates" asks whether a confirmed or completed stay of an apartment
-- overlaps [from, to); so does the overlap check of 0001_triggers.sql. Both read
-- bookings_stays_idx, which version 1 ordered by start date and without the status: each
-- probe scanned every earlier stay of the apartment and read each booking row for its
-- status. It is made again under its name, ordered by end date (stays of one apartment never
-- overlap, so the first one ending after "from" is the only candidate, and past stays are
-- skipped however many there are) and carrying the status, so no booking row is read.
DROP INDEX bookings_stays_idx;
CREATE INDEX bookings_stays_idx ON bookings (apartment_id, end_date, start_date, status)
    WHERE status IN ('confirmed', 'completed');
