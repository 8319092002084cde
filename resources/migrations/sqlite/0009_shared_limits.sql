-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Schema version 9: the attempts that the server's limits count (log-ins per account and per
-- address, sign-ups per address, welcome mails per domain, conversations started per user),
-- kept in the database so that several servers on one database judge them together
-- (docs/architecture.md, "Several servers on one database"). A server on SQLite is the only one
-- on its file and keeps counting in memory; the table is in the common schema (0004_chat.sql
-- says why) and stays empty there.
--
-- A row is one attempt: "running" from when it began until it ends, then "counted" (a failed
-- log-in, an account made) from when it ended, or deleted (a log-in that succeeded). The key
-- is the SHA-256 of what is limited (an e-mail, an address), so that the table holds no
-- address anyone typed. Rows older than their limit's window are deleted as the limit reads
-- its key, and swept now and then.
CREATE TABLE rate_attempts (
    id       TEXT NOT NULL,
    kind     TEXT NOT NULL,
    key_hash TEXT NOT NULL,
    state    TEXT NOT NULL,
    at       TEXT NOT NULL,
    CONSTRAINT rate_attempts_pk PRIMARY KEY (id),
    CONSTRAINT rate_attempts_id_uuid CHECK (id GLOB '[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]'),
    CONSTRAINT rate_attempts_kind_code CHECK (kind IN ('login_account', 'login_address', 'signup_address',
                                                      'welcome_domain', 'conversation_user')),
    CONSTRAINT rate_attempts_key_hash_format CHECK (length(key_hash) = 64 AND key_hash NOT GLOB '*[^0-9a-f]*'),
    CONSTRAINT rate_attempts_state_code CHECK (state IN ('running', 'counted')),
    CONSTRAINT rate_attempts_at_format CHECK (at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9].[0-9][0-9][0-9]Z')
) STRICT;

CREATE INDEX rate_attempts_key_idx ON rate_attempts (kind, key_hash, at);
CREATE INDEX rate_attempts_at_idx ON rate_attempts (kind, at);
