-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Schema version 4: the server's sessions and chat (services/sessionservice.h,
-- services/chatservice.h; docs/protocol.md, "Accounts" and "Chat").
--
-- Why these tables are in the common migration set, which the desktop runs too: RentDesk has
-- one versioned schema for both programs. A desktop database and a server database are then
-- always the same schema at the same version, a fixture of any release upgrades the same way
-- on both sides, and nothing has to know which program made a file before it can migrate it.
-- The desktop leaves these tables empty (it keeps no sessions, and its chat history will
-- live in tables of its own when the chat client is built); empty tables cost a few pages.
--
-- Conventions as in version 1: STRICT tables, every constraint named <table>_<rule>, ids
-- lowercase UUID text, timestamps UTC with milliseconds and Z. Users are never deleted
-- (RESTRICT), so chat_messages.sender_id and chat_marks.user_id have no index of their own:
-- it would only serve the foreign key's check on a delete RentDesk never makes, and every
-- message sent would pay for it.

-- A logged-in client. Only the SHA-256 of the token is stored (lowercase hex), so a copy of
-- the database does not let anyone resume a session. A session ends at expires_at or when it
-- is revoked (logout); revoked rows stay until they would have expired, then housekeeping
-- removes them with the expired ones.
CREATE TABLE sessions (
    id           TEXT NOT NULL,
    user_id      TEXT NOT NULL,
    token_hash   TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    expires_at   TEXT NOT NULL,
    last_seen_at TEXT NOT NULL,
    revoked_at   TEXT,
    CONSTRAINT sessions_pk PRIMARY KEY (id),
    CONSTRAINT sessions_id_uuid CHECK (id GLOB '[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]'),
    CONSTRAINT sessions_user_fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE RESTRICT,
    CONSTRAINT sessions_token_hash_format CHECK (length(token_hash) = 64 AND token_hash NOT GLOB '*[^0-9a-f]*'),
    CONSTRAINT sessions_created_at_format CHECK (created_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9].[0-9][0-9][0-9]Z'),
    CONSTRAINT sessions_expires_at_format CHECK (expires_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9].[0-9][0-9][0-9]Z'),
    CONSTRAINT sessions_expires_after_created CHECK (expires_at > created_at),
    CONSTRAINT sessions_last_seen_at_format CHECK (last_seen_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9].[0-9][0-9][0-9]Z' AND last_seen_at >= created_at),
    CONSTRAINT sessions_revoked_at_format CHECK (revoked_at IS NULL OR (revoked_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9].[0-9][0-9][0-9]Z' AND revoked_at >= created_at))
) STRICT;

-- resume() finds a session by its token's hash; housekeeping deletes by expiry.
CREATE UNIQUE INDEX sessions_token_hash_unique ON sessions (token_hash);
CREATE INDEX sessions_user_idx ON sessions (user_id);
CREATE INDEX sessions_expires_idx ON sessions (expires_at);

-- Two people, optionally about an apartment or a booking. The pair is stored in one order
-- (user_a < user_b), so that "Ann and Tom" and "Tom and Ann" are the same row and one unique
-- index finds it. The about reference is metadata, not a foreign key: the server does not
-- hold the listings until sync puts them there (DESIGN.md, "Chat"), so it keeps the title
-- the client gave. last_seq is the seq of the latest message (0: none yet); the next one is
-- last_seq + 1, assigned in the transaction that stores it. last_activity_at is created_at
-- until the first message and then the latest message's sent_at: the order of the list.
CREATE TABLE conversations (
    id               TEXT    NOT NULL,
    user_a           TEXT    NOT NULL,
    user_b           TEXT    NOT NULL,
    about_kind       TEXT,
    about_id         TEXT,
    about_title      TEXT,
    created_at       TEXT    NOT NULL,
    last_activity_at TEXT    NOT NULL,
    last_seq         INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT conversations_pk PRIMARY KEY (id),
    CONSTRAINT conversations_id_uuid CHECK (id GLOB '[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]'),
    CONSTRAINT conversations_user_a_fk FOREIGN KEY (user_a) REFERENCES users (id) ON DELETE RESTRICT,
    CONSTRAINT conversations_user_b_fk FOREIGN KEY (user_b) REFERENCES users (id) ON DELETE RESTRICT,
    -- Before the order, so that talking to oneself is refused as that and not as an order.
    CONSTRAINT conversations_not_self CHECK (user_a <> user_b),
    CONSTRAINT conversations_pair_ordered CHECK (user_a < user_b),
    CONSTRAINT conversations_about_kind_code CHECK (about_kind IS NULL OR about_kind IN ('apartment', 'booking')),
    -- About nothing, or about one thing with its id and title.
    CONSTRAINT conversations_about_complete CHECK ((about_id IS NULL) = (about_kind IS NULL)
                                                   AND (about_title IS NULL) = (about_kind IS NULL)),
    CONSTRAINT conversations_about_id_uuid CHECK (about_id IS NULL OR about_id GLOB '[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]'),
    CONSTRAINT conversations_about_title_present CHECK (about_title IS NULL OR length(trim(about_title)) BETWEEN 1 AND 200),
    CONSTRAINT conversations_last_seq_range CHECK (last_seq >= 0),
    CONSTRAINT conversations_created_at_format CHECK (created_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9].[0-9][0-9][0-9]Z'),
    CONSTRAINT conversations_last_activity_at_format CHECK (last_activity_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9].[0-9][0-9][0-9]Z' AND last_activity_at >= created_at)
) STRICT;

-- One conversation per pair and about. A single UNIQUE over (user_a, user_b, about_kind,
-- about_id) would let a pair have any number of conversations about nothing, since NULLs
-- never collide in a UNIQUE index (the reviews' problem in version 1): the partial index
-- makes "about nothing" unique per pair, the full one covers the rest.
CREATE UNIQUE INDEX conversations_one_per_pair ON conversations (user_a, user_b) WHERE about_kind IS NULL;
CREATE UNIQUE INDEX conversations_one_per_pair_about ON conversations (user_a, user_b, about_kind, about_id);
-- A person's conversations, latest first: whichever side of the pair they are on.
CREATE INDEX conversations_user_a_idx ON conversations (user_a, last_activity_at, id);
CREATE INDEX conversations_user_b_idx ON conversations (user_b, last_activity_at, id);

-- The messages, numbered per conversation from 1 without gaps. The id is the client's UUID,
-- so a resend after a reconnect is recognised and stored once. length() counts characters
-- (code points), as the service does.
CREATE TABLE chat_messages (
    id              TEXT    NOT NULL,
    conversation_id TEXT    NOT NULL,
    seq             INTEGER NOT NULL,
    sender_id       TEXT    NOT NULL,
    text            TEXT    NOT NULL,
    sent_at         TEXT    NOT NULL,
    CONSTRAINT chat_messages_pk PRIMARY KEY (id),
    CONSTRAINT chat_messages_id_uuid CHECK (id GLOB '[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]'),
    CONSTRAINT chat_messages_conversation_fk FOREIGN KEY (conversation_id) REFERENCES conversations (id) ON DELETE CASCADE,
    CONSTRAINT chat_messages_sender_fk FOREIGN KEY (sender_id) REFERENCES users (id) ON DELETE RESTRICT,
    CONSTRAINT chat_messages_seq_range CHECK (seq >= 1),
    CONSTRAINT chat_messages_text_length CHECK (length(text) BETWEEN 1 AND 4000),
    CONSTRAINT chat_messages_sent_at_format CHECK (sent_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9].[0-9][0-9][0-9]Z')
) STRICT;

-- A seq is used once per conversation; the same index reads history in seq order, both
-- ways, and finds a conversation's last message.
CREATE UNIQUE INDEX chat_messages_seq_unique ON chat_messages (conversation_id, seq);

-- Each person's watermarks in a conversation: every message up to delivered_seq has reached
-- their app, every one up to read_seq has been read. They only grow, and reading implies
-- having received. No row: both 0. Without rowid, since the key is the whole lookup.
CREATE TABLE chat_marks (
    conversation_id TEXT    NOT NULL,
    user_id         TEXT    NOT NULL,
    delivered_seq   INTEGER NOT NULL DEFAULT 0,
    read_seq        INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT chat_marks_pk PRIMARY KEY (conversation_id, user_id),
    CONSTRAINT chat_marks_conversation_fk FOREIGN KEY (conversation_id) REFERENCES conversations (id) ON DELETE CASCADE,
    CONSTRAINT chat_marks_user_fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE RESTRICT,
    CONSTRAINT chat_marks_delivered_range CHECK (delivered_seq >= 0),
    CONSTRAINT chat_marks_read_range CHECK (read_seq >= 0),
    CONSTRAINT chat_marks_read_within_delivered CHECK (read_seq <= delivered_seq)
) STRICT, WITHOUT ROWID;
