-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Schema version 14: the other booking sites' calendars (iCalendar addresses) an apartment
-- follows (issue 14; docs/architecture.md, "Calendar subscriptions"). The desktop that is the
-- authority fetches each address at start and every few hours and blocks the events' dates
-- through BookingService::importBlocks, with the address as the blocks' source; this table keeps
-- only what the next fetch needs (the validators of the last answer) and what the owner is shown
-- (when it was last checked, what came of it). Deleting the apartment takes its subscriptions
-- along; its blocks go with the bookings.
--
-- The address is kept as given: a booking site's export address is often the secret that lets
-- anyone read that calendar, so it is shown to the owner alone (elsewhere by its host only,
-- domain::calendarLabel), and this table is no part of sync.
--
-- In the common schema (0004_chat.sql says why); only a standalone desktop writes it for now.
CREATE TABLE calendar_subscriptions (
    id              TEXT NOT NULL,
    apartment_id    TEXT NOT NULL,
    url             TEXT NOT NULL,
    created_at      TEXT NOT NULL,
    last_checked_at TEXT,
    last_success_at TEXT,
    last_error      TEXT,
    etag            TEXT,
    last_modified   TEXT,
    event_count     INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT calendar_subscriptions_pk PRIMARY KEY (id),
    CONSTRAINT calendar_subscriptions_apartment_fk FOREIGN KEY (apartment_id) REFERENCES apartments (id) ON DELETE CASCADE,
    CONSTRAINT calendar_subscriptions_url_length CHECK (length(url) BETWEEN 1 AND 500),
    CONSTRAINT calendar_subscriptions_url_scheme CHECK (url GLOB 'http://?*' OR url GLOB 'https://?*'),
    CONSTRAINT calendar_subscriptions_event_count_range CHECK (event_count >= 0),
    CONSTRAINT calendar_subscriptions_created_at_format CHECK (created_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9].[0-9][0-9][0-9]Z')
) STRICT, WITHOUT ROWID;

CREATE UNIQUE INDEX calendar_subscriptions_url_unique ON calendar_subscriptions (apartment_id, url);
