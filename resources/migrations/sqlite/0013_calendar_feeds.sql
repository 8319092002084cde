-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Schema version 13: the secret addresses at which rentdesk-server publishes an apartment's
-- calendar over HTTP, for other booking sites to subscribe to (docs/architecture.md, "The
-- calendar feed"; docs/protocol.md, "calendar.feed"). One row per apartment that has one: its
-- token, 32 random bytes in base64url without padding, is the only thing the address holds, so
-- that the address names no apartment. Renewing replaces the token; the old address then opens
-- nothing. Deleting the apartment takes its feed along.
--
-- The token is kept as it is, not hashed like a session's (0004_chat.sql): its owner must be
-- able to read the address again, from any computer, and what it opens (the taken dates of one
-- apartment, without names) is less than what a copy of this database shows anyway. The
-- server looks a token up through its unique index, never by comparing secrets itself.
--
-- In the common schema (0004_chat.sql says why); only the server writes it.
CREATE TABLE calendar_feeds (
    apartment_id TEXT NOT NULL,
    token        TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    CONSTRAINT calendar_feeds_pk PRIMARY KEY (apartment_id),
    CONSTRAINT calendar_feeds_apartment_fk FOREIGN KEY (apartment_id) REFERENCES apartments (id) ON DELETE CASCADE,
    CONSTRAINT calendar_feeds_token_format CHECK (length(token) = 43 AND token NOT GLOB '*[^A-Za-z0-9_-]*'),
    CONSTRAINT calendar_feeds_created_at_format CHECK (created_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9].[0-9][0-9][0-9]Z')
) STRICT, WITHOUT ROWID;

CREATE UNIQUE INDEX calendar_feeds_token_unique ON calendar_feeds (token);
