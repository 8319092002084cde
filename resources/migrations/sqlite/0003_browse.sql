-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Schema version 3: indexes for the buildings and reviews pages (query/buildingquery.h,
-- query/reviewquery.h); only indexes, so nothing stored changes. Bookings need none: a
-- page of them always belongs to one renter or one landlord, and version 1's indexes by
-- renter and by apartment find those directly.

-- The buildings listing, sorted by name (its default): walked in order, so a page reads its
-- own rows only. id is the sort's tie-breaker.
CREATE INDEX buildings_name_idx ON buildings (name, id);

-- The reviews listing, latest first (its default): walked backwards, so the first page stops
-- after its rows and a deep page skips index entries instead of sorting every review. id is
-- the sort's tie-breaker. The kind and the rating are carried so that those filters are
-- tested in the index, and so that counting them, or sorting by them, reads the index
-- rather than every review's text.
CREATE INDEX reviews_created_idx ON reviews (created_at, id, kind, rating);

-- Reviews sorted by their author's name: the authors are walked by name and each one's
-- reviews found through a unique index that starts with the author, so a page does not look
-- up the author of every review in the database first.
CREATE INDEX users_display_name_idx ON users (display_name);
