-- Schema v5: the seating plan of a session (planning/seating.rs is the rule,
-- planning/seating_plan.rs owns its two tables) and invitations out by e-mail (mail/).
-- All synced like the rest of the plan.

-- A session's table: its shape, how the rule was applied, and who hosts.
CREATE TABLE seating_plan (
    session_id      TEXT PRIMARY KEY REFERENCES session(id) ON DELETE CASCADE,
    shape           TEXT NOT NULL CHECK (shape IN ('round','rectangular','u_shape','rows')),
    cohost          INTEGER NOT NULL DEFAULT 0 CHECK (cohost IN (0,1)),
    first_on_right  INTEGER NOT NULL DEFAULT 1 CHECK (first_on_right IN (0,1)),
    seat_count      INTEGER NOT NULL CHECK (seat_count BETWEEN 1 AND 400),
    updated_at      TEXT NOT NULL
) STRICT;

-- Who sits where: one row per seat given; a guest taken off the list leaves the seat
-- empty (the plan shows the gap) rather than moving everyone up.
CREATE TABLE seat (
    session_id     TEXT NOT NULL REFERENCES seating_plan(session_id) ON DELETE CASCADE,
    seat_index     INTEGER NOT NULL CHECK (seat_index >= 0),
    invitation_id  TEXT REFERENCES invitation(id) ON DELETE SET NULL,
    PRIMARY KEY (session_id, seat_index)
) STRICT;
CREATE UNIQUE INDEX seat_invitation ON seat(invitation_id) WHERE invitation_id IS NOT NULL;

-- E-mail templates saved over the built-in wording (mail/mod.rs owns it): per kind and
-- language, with fields in braces.
CREATE TABLE mail_template (
    kind        TEXT NOT NULL CHECK (kind IN ('invitation','reminder')),
    lang        TEXT NOT NULL CHECK (lang IN ('ru','kk','zh','en')),
    subject     TEXT NOT NULL,
    body        TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    PRIMARY KEY (kind, lang)
) STRICT;

-- Every invitation or reminder sent by e-mail or saved as .eml (mail/log.rs owns it): a
-- second run sends only to whom nothing went, and a message whose sending was cut off
-- ('sending') is asked about, never sent again by itself.
CREATE TABLE mail_log (
    id             TEXT PRIMARY KEY,
    invitation_id  TEXT NOT NULL REFERENCES invitation(id) ON DELETE CASCADE,
    kind           TEXT NOT NULL CHECK (kind IN ('invitation','reminder')),
    way            TEXT NOT NULL CHECK (way IN ('smtp','eml')),
    address        TEXT NOT NULL,
    outcome        TEXT NOT NULL CHECK (outcome IN ('sending','sent','failed','saved')),
    detail         TEXT NOT NULL DEFAULT '',   -- the server's reason, when it refused
    message_id     TEXT NOT NULL,
    at             TEXT NOT NULL
) STRICT;
CREATE INDEX mail_log_invitation ON mail_log(invitation_id, kind);
