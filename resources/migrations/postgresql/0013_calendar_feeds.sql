-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Schema version 13: the secret addresses of the apartments' calendars (PostgreSQL dialect of
-- resources/migrations/sqlite/0013_calendar_feeds.sql, which says what a row is and why the
-- token is kept as it is).

CREATE TABLE calendar_feeds (
    apartment_id text NOT NULL,
    token        text NOT NULL,
    created_at   text NOT NULL,
    CONSTRAINT calendar_feeds_pk PRIMARY KEY (apartment_id),
    CONSTRAINT calendar_feeds_apartment_fk FOREIGN KEY (apartment_id) REFERENCES apartments (id) ON DELETE CASCADE,
    CONSTRAINT calendar_feeds_token_format CHECK (token ~ '^[A-Za-z0-9_-]{43}$'),
    CONSTRAINT calendar_feeds_created_at_format CHECK (created_at ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{3}Z$')
);

CREATE UNIQUE INDEX calendar_feeds_token_unique ON calendar_feeds (token);
