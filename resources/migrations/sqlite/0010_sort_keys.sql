-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Schema version 10: an index for each order of the Apartments page that had none
-- (query/apartmentsql.cpp, orderBy()), so that a sort of every apartment reads the first
-- page's entries and stops instead of sorting the whole table (README, "The Apartments
-- page"). Only indexes: nothing stored changes. Each ends with id, the sort's tie-breaker;
-- where the page sorts by an expression, the index holds that very expression (SQLite uses
-- an expression index only for the same expression), and tst_apartmentquery's
-- everySortWalksAnIndex fails if the two drift apart.

CREATE INDEX apartments_number_sort_idx ON apartments (CAST(number AS INTEGER), number, id);
CREATE INDEX apartments_floor_sort_idx ON apartments (floor, id);
-- Version 1's rooms and area indexes end with the row, not the id: a page sorted by rooms
-- sorted each group of equal rooms (a fifth of the table) by id. They take the id now.
DROP INDEX apartments_rooms_idx;
CREATE INDEX apartments_rooms_idx ON apartments (rooms, id);
DROP INDEX apartments_area_idx;
CREATE INDEX apartments_area_idx ON apartments (area, id);
CREATE INDEX apartments_created_sort_idx ON apartments (created_at, id);
CREATE INDEX apartments_furnished_sort_idx ON apartments (furnished, id);
CREATE INDEX apartments_pets_sort_idx ON apartments (pets_allowed, id);

-- The status in the order of domain::ApartmentStatus (free, booked, rented), not of its codes.
CREATE INDEX apartments_status_sort_idx ON apartments (
    CASE status WHEN 'free' THEN 0 WHEN 'booked' THEN 1 WHEN 'rented' THEN 2 END, id);

-- The average rating, unrated apartments last in both orders: one index for the ascending
-- order (rated first, then unrated), walked forwards, and one whose first key is reversed,
-- walked backwards for the descending order.
CREATE INDEX apartments_rating_up_idx ON apartments (rating_count = 0, rating_sum * 1.0 / rating_count, id);
CREATE INDEX apartments_rating_down_idx ON apartments (rating_count > 0, rating_sum * 1.0 / rating_count, id);

-- By the building's name, address or city: the buildings walked in that order, each one's
-- apartments by id. The buildings' indexes are UNIQUE (id is): only then does SQLite know
-- that one entry is one building and the apartments' order within it is the page's order
-- (otherwise it sorts each group of equal names again). The name's and the city's indexes of
-- versions 3 and 1 become such indexes under their old names (the city's keeps serving the
-- City filter, now covering it).
DROP INDEX buildings_name_idx;
CREATE UNIQUE INDEX buildings_name_idx ON buildings (name, id);
DROP INDEX buildings_city_idx;
CREATE UNIQUE INDEX buildings_city_idx ON buildings (city, id);
CREATE UNIQUE INDEX buildings_address_idx ON buildings (address, id);
CREATE INDEX apartments_building_sort_idx ON apartments (building_id, id);
