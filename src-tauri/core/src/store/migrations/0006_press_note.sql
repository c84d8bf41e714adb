-- Schema v6: the press note of a session, per language (press/mod.rs owns both tables):
-- drafted from what the app knows, then edited by a person. Synced like the minutes.

-- The note as it stands. `drafted` is the text as last drafted (headline, a blank line,
-- the body): the note was edited by a person when it differs, and drafting again then
-- asks before it replaces the note.
CREATE TABLE press_note (
    session_id  TEXT NOT NULL REFERENCES session(id) ON DELETE CASCADE,
    lang        TEXT NOT NULL CHECK (lang IN ('ru','kk','zh','en')),
    headline    TEXT NOT NULL,
    body        TEXT NOT NULL,          -- minutes text (docs/minutes-text.md)
    drafted     TEXT NOT NULL,
    revision    INTEGER NOT NULL DEFAULT 0,
    updated_at  TEXT NOT NULL,
    PRIMARY KEY (session_id, lang)
) STRICT;

-- A frozen copy of a note at each save point: drafted, saved (at most one per ten minutes
-- of editing), restored.
CREATE TABLE press_revision (
    id          TEXT PRIMARY KEY,
    session_id  TEXT NOT NULL REFERENCES session(id) ON DELETE CASCADE,
    lang        TEXT NOT NULL CHECK (lang IN ('ru','kk','zh','en')),
    number      INTEGER NOT NULL,
    reason      TEXT NOT NULL CHECK (reason IN ('drafted','saved','restored')),
    headline    TEXT NOT NULL,
    body        TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    UNIQUE (session_id, lang, number)
) STRICT;
