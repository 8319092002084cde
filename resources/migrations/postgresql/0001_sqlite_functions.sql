-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Schema version 1, on PostgreSQL only: SQLite's functions that the services' SQL uses
-- and PostgreSQL lacks, so that one statement serves both engines. SQLite's max() with two
-- arguments is the larger one (PostgreSQL's greatest()); beside the aggregate max(x), which
-- takes one, PostgreSQL allows a function max(a, b).

CREATE FUNCTION max(a text, b text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT greatest(a, b)
$$;

CREATE FUNCTION max(a bigint, b bigint) RETURNS bigint LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT greatest(a, b)
$$;
