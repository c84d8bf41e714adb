-- Sync between organizers (docs/SYNC.md). Every base table is synced except those
-- named in store/capture.rs LOCAL; the tables below are sync's own.

-- This machine as a member of a team: present once it has joined a hub. Local.
CREATE TABLE sync_state (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    replica_id  TEXT NOT NULL,            -- this database's id (UUID), the origin of its changes
    author      TEXT NOT NULL,            -- the organizer's name, recorded with each change
    hub_url     TEXT,                     -- https://host:port
    hub_pin     TEXT,                     -- SHA-256 of the hub's certificate, from the join code
    token       TEXT,                     -- this organizer's token (the hub keeps its hash)
    last_seq    INTEGER NOT NULL DEFAULT 0 CHECK (last_seq >= 0), -- the hub's log, applied up to here
    joined_at   TEXT NOT NULL,
    synced_at   TEXT,                     -- the last exchange with the hub that went through
    last_error  TEXT                      -- why the last one did not, or what the hub refused
);

-- Changes made here and not yet acknowledged by the hub, in order. Local.
CREATE TABLE sync_outbox (
    op_id      TEXT PRIMARY KEY,          -- UUID v7: one write transaction
    base_seq   INTEGER NOT NULL,          -- the hub's sequence the change was made on
    author     TEXT NOT NULL,
    made_at    TEXT NOT NULL,
    changeset  BLOB NOT NULL,             -- as made: what is pushed
    applied    BLOB NOT NULL              -- as it stands here now (undone and redone on a pull)
);

-- The hub's append-only log: each accepted operation and its effect on the hub. Hub only.
CREATE TABLE hub_log (
    seq          INTEGER PRIMARY KEY,
    op_id        TEXT NOT NULL UNIQUE,
    origin       TEXT NOT NULL,
    author       TEXT NOT NULL,
    base_seq     INTEGER NOT NULL,
    made_at      TEXT NOT NULL,
    received_at  TEXT NOT NULL,
    effect       BLOB NOT NULL,           -- the changeset as applied to the hub's database
    -- What became of the pushed changes: each counts once (sync/merge.rs Outcome).
    applied      INTEGER NOT NULL DEFAULT 0,
    unchanged    INTEGER NOT NULL DEFAULT 0,
    conflicted   INTEGER NOT NULL DEFAULT 0,
    held         INTEGER NOT NULL DEFAULT 0
);

-- Who last changed each row on the hub, for the conflict register. Hub only.
CREATE TABLE hub_row (
    table_name  TEXT NOT NULL,
    row_key     TEXT NOT NULL,            -- JSON array of the primary key's values
    seq         INTEGER NOT NULL,
    author      TEXT NOT NULL,
    changed_at  TEXT NOT NULL,
    PRIMARY KEY (table_name, row_key)
) WITHOUT ROWID;

-- The team as the hub knows it: each organizer's role and revocable token (its SHA-256
-- only), and the one-time join codes handed out. Hub only.
CREATE TABLE hub_member (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    role        TEXT NOT NULL CHECK (role IN ('door', 'organizer', 'admin')),
    token_hash  TEXT NOT NULL UNIQUE,
    created_at  TEXT NOT NULL,
    revoked_at  TEXT
);

CREATE TABLE hub_invite (
    code_hash   TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    role        TEXT NOT NULL CHECK (role IN ('door', 'organizer', 'admin')),
    created_at  TEXT NOT NULL,
    expires_at  TEXT NOT NULL,
    used_at     TEXT,
    member_id   TEXT REFERENCES hub_member(id) ON DELETE SET NULL
);
CREATE INDEX hub_invite_member ON hub_invite (member_id);

-- Every change the hub could not apply as pushed. Written by the hub, synced to all.
CREATE TABLE sync_conflict (
    id               TEXT PRIMARY KEY,
    kind             TEXT NOT NULL CHECK (kind IN ('data', 'not_found', 'unique', 'foreign_key', 'constraint')),
    table_name       TEXT NOT NULL,
    row_key          TEXT NOT NULL,       -- JSON array of the primary key's values
    column_name      TEXT,                -- a data conflict: the column both changed
    kept             TEXT,                -- JSON: the value (or row) that stands on the hub
    proposed         TEXT,                -- JSON: the value (or row) pushed and not applied
    kept_author      TEXT,
    kept_at          TEXT,
    proposed_author  TEXT NOT NULL,
    proposed_at      TEXT NOT NULL,
    op_id            TEXT NOT NULL,
    seq              INTEGER NOT NULL,
    detail           TEXT NOT NULL DEFAULT '',
    resolved_at      TEXT,
    resolved_by      TEXT,
    resolution       TEXT CHECK (resolution IN ('kept', 'proposed', 'edited'))
);
CREATE INDEX sync_conflict_open ON sync_conflict (resolved_at, seq);
