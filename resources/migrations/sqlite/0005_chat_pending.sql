-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Schema version 5: the desktop's queue of chat messages the server has not acknowledged
-- yet (net/chat/chatclient.h, models/chat/chatqueue.h).
--
-- A message typed while the server cannot be reached, or in flight when the connection
-- dropped, must survive a restart of the app and be sent once the server is back (the
-- server recognises a resend by message_id, so sending a row twice stores it once). The
-- row is written before the first attempt to send and deleted only after the server's
-- acknowledgement, which comes after the server's commit.
--
-- No foreign keys: conversation_id and account_id are the server's ids (the server's
-- conversation, the server account that wrote the message), not rows of this database.
-- The server keeps a common schema with the desktop (0004_chat.sql says why) and leaves
-- this table empty.
CREATE TABLE chat_pending (
    message_id      TEXT NOT NULL,
    account_id      TEXT NOT NULL,
    conversation_id TEXT NOT NULL,
    text            TEXT NOT NULL,
    queued_at       TEXT NOT NULL,
    CONSTRAINT chat_pending_pk PRIMARY KEY (message_id),
    CONSTRAINT chat_pending_message_id_uuid CHECK (message_id GLOB '[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]'),
    CONSTRAINT chat_pending_account_id_uuid CHECK (account_id GLOB '[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]'),
    CONSTRAINT chat_pending_conversation_id_uuid CHECK (conversation_id GLOB '[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]'),
    CONSTRAINT chat_pending_text_length CHECK (length(text) BETWEEN 1 AND 4000),
    CONSTRAINT chat_pending_queued_at_format CHECK (queued_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9].[0-9][0-9][0-9]Z')
) STRICT;

-- An account's queue in the order it was typed: what the client sends on reconnect.
CREATE INDEX chat_pending_account_idx ON chat_pending (account_id, queued_at, message_id);
