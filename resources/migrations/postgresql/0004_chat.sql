-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Schema version 4: the server's sessions and chat (PostgreSQL dialect of
-- resources/migrations/sqlite/0004_chat.sql, which says why they are in the common set).

CREATE TABLE sessions (
    id           text NOT NULL,
    user_id      text NOT NULL,
    token_hash   text NOT NULL,
    created_at   text NOT NULL,
    expires_at   text NOT NULL,
    last_seen_at text NOT NULL,
    revoked_at   text,
    CONSTRAINT sessions_pk PRIMARY KEY (id),
    CONSTRAINT sessions_id_uuid CHECK (id ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'),
    CONSTRAINT sessions_user_fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE RESTRICT,
    CONSTRAINT sessions_token_hash_format CHECK (token_hash ~ '^[0-9a-f]{64}$'),
    CONSTRAINT sessions_created_at_format CHECK (created_at ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{3}Z$'),
    CONSTRAINT sessions_expires_at_format CHECK (expires_at ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{3}Z$'),
    CONSTRAINT sessions_expires_after_created CHECK (expires_at > created_at),
    CONSTRAINT sessions_last_seen_at_format CHECK (last_seen_at ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{3}Z$' AND last_seen_at >= created_at),
    CONSTRAINT sessions_revoked_at_format CHECK (revoked_at IS NULL OR (revoked_at ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{3}Z$' AND revoked_at >= created_at))
);

CREATE UNIQUE INDEX sessions_token_hash_unique ON sessions (token_hash);
CREATE INDEX sessions_user_idx ON sessions (user_id);
CREATE INDEX sessions_expires_idx ON sessions (expires_at);

CREATE TABLE conversations (
    id               text   NOT NULL,
    user_a           text   NOT NULL,
    user_b           text   NOT NULL,
    about_kind       text,
    about_id         text,
    about_title      text,
    created_at       text   NOT NULL,
    last_activity_at text   NOT NULL,
    last_seq         bigint NOT NULL DEFAULT 0,
    CONSTRAINT conversations_pk PRIMARY KEY (id),
    CONSTRAINT conversations_id_uuid CHECK (id ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'),
    CONSTRAINT conversations_user_a_fk FOREIGN KEY (user_a) REFERENCES users (id) ON DELETE RESTRICT,
    CONSTRAINT conversations_user_b_fk FOREIGN KEY (user_b) REFERENCES users (id) ON DELETE RESTRICT,
    CONSTRAINT conversations_not_self CHECK (user_a <> user_b),
    -- Byte order, as SQLite compares text: the order must not depend on the database's collation.
    CONSTRAINT conversations_pair_ordered CHECK (user_a COLLATE "C" < user_b COLLATE "C"),
    CONSTRAINT conversations_about_kind_code CHECK (about_kind IS NULL OR about_kind IN ('apartment', 'booking')),
    CONSTRAINT conversations_about_complete CHECK ((about_id IS NULL) = (about_kind IS NULL)
                                                   AND (about_title IS NULL) = (about_kind IS NULL)),
    CONSTRAINT conversations_about_id_uuid CHECK (about_id IS NULL OR about_id ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'),
    CONSTRAINT conversations_about_title_present CHECK (about_title IS NULL OR length(trim(about_title)) BETWEEN 1 AND 200),
    CONSTRAINT conversations_last_seq_range CHECK (last_seq >= 0),
    CONSTRAINT conversations_created_at_format CHECK (created_at ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{3}Z$'),
    CONSTRAINT conversations_last_activity_at_format CHECK (last_activity_at ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{3}Z$' AND last_activity_at >= created_at)
);

CREATE UNIQUE INDEX conversations_one_per_pair ON conversations (user_a, user_b) WHERE about_kind IS NULL;
CREATE UNIQUE INDEX conversations_one_per_pair_about ON conversations (user_a, user_b, about_kind, about_id);
CREATE INDEX conversations_user_a_idx ON conversations (user_a, last_activity_at, id);
CREATE INDEX conversations_user_b_idx ON conversations (user_b, last_activity_at, id);

CREATE TABLE chat_messages (
    id              text   NOT NULL,
    conversation_id text   NOT NULL,
    seq             bigint NOT NULL,
    sender_id       text   NOT NULL,
    text            text   NOT NULL,
    sent_at         text   NOT NULL,
    CONSTRAINT chat_messages_pk PRIMARY KEY (id),
    CONSTRAINT chat_messages_id_uuid CHECK (id ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'),
    CONSTRAINT chat_messages_conversation_fk FOREIGN KEY (conversation_id) REFERENCES conversations (id) ON DELETE CASCADE,
    CONSTRAINT chat_messages_sender_fk FOREIGN KEY (sender_id) REFERENCES users (id) ON DELETE RESTRICT,
    CONSTRAINT chat_messages_seq_range CHECK (seq >= 1),
    CONSTRAINT chat_messages_text_length CHECK (length(text) BETWEEN 1 AND 4000),
    CONSTRAINT chat_messages_sent_at_format CHECK (sent_at ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{3}Z$')
);

CREATE UNIQUE INDEX chat_messages_seq_unique ON chat_messages (conversation_id, seq);

CREATE TABLE chat_marks (
    conversation_id text   NOT NULL,
    user_id         text   NOT NULL,
    delivered_seq   bigint NOT NULL DEFAULT 0,
    read_seq        bigint NOT NULL DEFAULT 0,
    CONSTRAINT chat_marks_pk PRIMARY KEY (conversation_id, user_id),
    CONSTRAINT chat_marks_conversation_fk FOREIGN KEY (conversation_id) REFERENCES conversations (id) ON DELETE CASCADE,
    CONSTRAINT chat_marks_user_fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE RESTRICT,
    CONSTRAINT chat_marks_delivered_range CHECK (delivered_seq >= 0),
    CONSTRAINT chat_marks_read_range CHECK (read_seq >= 0),
    CONSTRAINT chat_marks_read_within_delivered CHECK (read_seq <= delivered_seq)
);
