-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Schema version 14: the calendars an apartment follows (PostgreSQL dialect of
-- resources/migrations/sqlite/0014_calendar_subscriptions.sql, which says what a row is). The
-- server fetches no calendars yet; the table is here so that both engines have one schema.

CREATE TABLE calendar_subscriptions (
    id              text NOT NULL,
    apartment_id    text NOT NULL,
    url             text NOT NULL,
    created_at      text NOT NULL,
    last_checked_at text,
    last_success_at text,
    last_error      text,
    etag            text,
    last_modified   text,
    event_count     integer NOT NULL DEFAULT 0,
    CONSTRAINT calendar_subscriptions_pk PRIMARY KEY (id),
    CONSTRAINT calendar_subscriptions_apartment_fk FOREIGN KEY (apartment_id) REFERENCES apartments (id) ON DELETE CASCADE,
    CONSTRAINT calendar_subscriptions_url_length CHECK (char_length(url) BETWEEN 1 AND 500),
    CONSTRAINT calendar_subscriptions_url_scheme CHECK (url ~ '^https?://.'),
    CONSTRAINT calendar_subscriptions_event_count_range CHECK (event_count >= 0),
    CONSTRAINT calendar_subscriptions_created_at_format CHECK (created_at ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{3}Z$')
);

CREATE UNIQUE INDEX calendar_subscriptions_url_unique ON calendar_subscriptions (apartment_id, url);
