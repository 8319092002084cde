-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Schema version 3: indexes for the buildings and reviews pages (as
-- resources/migrations/sqlite/0003_browse.sql says).

CREATE INDEX buildings_name_idx ON buildings (name, id);
CREATE INDEX reviews_created_idx ON reviews (created_at, id, kind, rating);
CREATE INDEX users_display_name_idx ON users (display_name);
