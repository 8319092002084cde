-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Schema version 9: the attempts the servers' limits count, judged together by every server on
-- the database (resources/migrations/sqlite/0009_shared_limits.sql says what a row is).

CREATE TABLE rate_attempts (
    id       text NOT NULL,
    kind     text NOT NULL,
    key_hash text NOT NULL,
    state    text NOT NULL,
    at       text NOT NULL,
    CONSTRAINT rate_attempts_pk PRIMARY KEY (id),
    CONSTRAINT rate_attempts_id_uuid CHECK (id ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'),
    CONSTRAINT rate_attempts_kind_code CHECK (kind IN ('login_account', 'login_address', 'signup_address',
                                                      'welcome_domain', 'conversation_user')),
    CONSTRAINT rate_attempts_key_hash_format CHECK (key_hash ~ '^[0-9a-f]{64}$'),
    CONSTRAINT rate_attempts_state_code CHECK (state IN ('running', 'counted')),
    CONSTRAINT rate_attempts_at_format CHECK (at ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{3}Z$')
);

CREATE INDEX rate_attempts_key_idx ON rate_attempts (kind, key_hash, at);
CREATE INDEX rate_attempts_at_idx ON rate_attempts (kind, at);
