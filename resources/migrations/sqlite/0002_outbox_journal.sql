-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Schema version 2: the mail outbox, the journal of local changes, and the database's mode.

-- Mail waiting to be sent, written in the same transaction as the change it reports, so a
-- change and its notification are both stored or neither is. Only the authoritative side
-- (a standalone desktop, or the server) queues mail. The recipient's address, name and
-- language are copied in: the mail goes where the account pointed when it was queued.
-- The Message-ID is fixed here, so a resend after a crash can be recognised as the same
-- mail by the receiver.
CREATE TABLE mail_outbox (
    id              TEXT    NOT NULL,
    event           TEXT    NOT NULL,
    recipient_id    TEXT,
    recipient_email TEXT    NOT NULL,
    recipient_name  TEXT    NOT NULL,
    language        TEXT    NOT NULL,
    params          TEXT    NOT NULL DEFAULT '{}', -- JSON object: what the template fills in
    message_id      TEXT    NOT NULL,
    status          TEXT    NOT NULL DEFAULT 'queued',
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT    NOT NULL,
    last_error      TEXT,
    created_at      TEXT    NOT NULL,
    sent_at         TEXT,
    CONSTRAINT mail_outbox_pk PRIMARY KEY (id),
    CONSTRAINT mail_outbox_id_uuid CHECK (id GLOB '[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]'),
    CONSTRAINT mail_outbox_recipient_fk FOREIGN KEY (recipient_id) REFERENCES users (id) ON DELETE SET NULL,
    CONSTRAINT mail_outbox_event_code CHECK (event IN ('welcome', 'booking_requested', 'booking_confirmed',
                                                       'booking_declined', 'booking_cancelled')),
    CONSTRAINT mail_outbox_recipient_email_format CHECK (length(recipient_email) BETWEEN 3 AND 254
                                                         AND recipient_email LIKE '%_@_%'),
    CONSTRAINT mail_outbox_recipient_name_present CHECK (length(trim(recipient_name)) BETWEEN 1 AND 200),
    CONSTRAINT mail_outbox_language_code CHECK (language IN ('en', 'ru')),
    -- json_valid() may not run in a CHECK under trusted_schema=OFF; the writers produce JSON
    -- with QJsonDocument, and the shape is checked here.
    CONSTRAINT mail_outbox_params_object CHECK (params GLOB '{*}'),
    CONSTRAINT mail_outbox_message_id_format CHECK (message_id GLOB '<?*@?*>'),
    -- queued: waiting for its next attempt; sent; failed: a permanent refusal, with the
    -- reason in last_error, until someone retries or discards it.
    CONSTRAINT mail_outbox_status_code CHECK (status IN ('queued', 'sent', 'failed', 'discarded')),
    CONSTRAINT mail_outbox_attempts_range CHECK (attempts >= 0),
    CONSTRAINT mail_outbox_sent_recorded CHECK ((status = 'sent') = (sent_at IS NOT NULL)),
    CONSTRAINT mail_outbox_failure_recorded CHECK (status <> 'failed' OR last_error IS NOT NULL),
    CONSTRAINT mail_outbox_next_attempt_at_format CHECK (next_attempt_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9].[0-9][0-9][0-9]Z'),
    CONSTRAINT mail_outbox_created_at_format CHECK (created_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9].[0-9][0-9][0-9]Z'),
    CONSTRAINT mail_outbox_sent_at_format CHECK (sent_at IS NULL OR sent_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9].[0-9][0-9][0-9]Z')
) STRICT;

CREATE UNIQUE INDEX mail_outbox_message_id_unique ON mail_outbox (message_id);
-- The sender's question: what is due now?
CREATE INDEX mail_outbox_due_idx ON mail_outbox (status, next_attempt_at);
CREATE INDEX mail_outbox_recipient_idx ON mail_outbox (recipient_id);

-- Every successful listing, booking and review change made on this desktop, as a named
-- mutation with its arguments, in order, written in the same transaction as the change.
-- Sync publishes them to the server later. The id only ever grows (AUTOINCREMENT), so
-- (client, mutation id) identifies a mutation for good. Account operations never appear
-- here, so no password is ever stored in it.
CREATE TABLE pending_mutations (
    id         INTEGER NOT NULL CONSTRAINT pending_mutations_pk PRIMARY KEY AUTOINCREMENT,
    name       TEXT    NOT NULL,
    args       TEXT    NOT NULL,
    actor_id   TEXT    NOT NULL,
    created_at TEXT    NOT NULL,
    CONSTRAINT pending_mutations_actor_fk FOREIGN KEY (actor_id) REFERENCES users (id) ON DELETE RESTRICT,
    CONSTRAINT pending_mutations_name_known CHECK (name IN (
        'createBuilding', 'updateBuilding', 'deleteBuilding',
        'createApartment', 'updateApartment', 'deleteApartment', 'setApartmentStatus',
        'requestBooking', 'confirmBooking', 'declineBooking', 'cancelBooking',
        'createReview', 'updateReview', 'deleteReview')),
    CONSTRAINT pending_mutations_args_object CHECK (args GLOB '{*}'),
    CONSTRAINT pending_mutations_created_at_format CHECK (created_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9].[0-9][0-9][0-9]Z')
) STRICT;

CREATE INDEX pending_mutations_actor_idx ON pending_mutations (actor_id);

-- Facts about this database file. "mode" is fixed when the database is created
-- (DESIGN.md): standalone (the authority) or connected (a replica of a server account).
CREATE TABLE database_meta (
    key   TEXT NOT NULL,
    value TEXT NOT NULL,
    CONSTRAINT database_meta_pk PRIMARY KEY (key),
    CONSTRAINT database_meta_key_known CHECK (key IN ('mode')),
    CONSTRAINT database_meta_mode_code CHECK (key <> 'mode' OR value IN ('standalone', 'connected'))
) STRICT;

INSERT INTO database_meta (key, value) VALUES ('mode', 'standalone');
