-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Schema version 5: the desktop's queue of unacknowledged chat messages
-- (resources/migrations/sqlite/0005_chat_pending.sql). A server leaves it empty.

CREATE TABLE chat_pending (
    message_id      text NOT NULL,
    account_id      text NOT NULL,
    conversation_id text NOT NULL,
    text            text NOT NULL,
    queued_at       text NOT NULL,
    CONSTRAINT chat_pending_pk PRIMARY KEY (message_id),
    CONSTRAINT chat_pending_message_id_uuid CHECK (message_id ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'),
    CONSTRAINT chat_pending_account_id_uuid CHECK (account_id ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'),
    CONSTRAINT chat_pending_conversation_id_uuid CHECK (conversation_id ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'),
    CONSTRAINT chat_pending_text_length CHECK (length(text) BETWEEN 1 AND 4000),
    CONSTRAINT chat_pending_queued_at_format CHECK (queued_at ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{3}Z$')
);

CREATE INDEX chat_pending_account_idx ON chat_pending (account_id, queued_at, message_id);
