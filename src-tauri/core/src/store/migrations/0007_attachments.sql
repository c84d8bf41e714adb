-- Schema v7: files kept with a session or one of its agenda items — the speaker's slides,
-- photos, the signed sign-in sheet, scans (attachments/ owns the three tables).
--
-- The bytes live in the database, so a file takes part in everything the data does
-- (transactions, backups, the portable archive, sync). They are cut into chunks of at
-- most 1 MiB belonging to one attachment (never shared: removing a file on one laptop can
-- never take the bytes of another's), each chunk written in a transaction of its own so
-- that no sync push grows past the hub's limit. The attachment row, written last in one
-- transaction after every chunk is in, makes the file appear whole or not at all; its
-- SHA-256 checks every read.
CREATE TABLE attachment_chunk (
    attachment_id  TEXT NOT NULL,       -- no foreign key: the chunks come before the row
    n              INTEGER NOT NULL CHECK (n >= 0),
    bytes          BLOB NOT NULL,
    added_at       TEXT NOT NULL,
    PRIMARY KEY (attachment_id, n)
) STRICT;

CREATE TABLE attachment (
    id              TEXT PRIMARY KEY,
    session_id      TEXT NOT NULL REFERENCES session(id) ON DELETE CASCADE,
    agenda_item_id  TEXT REFERENCES agenda_item(id) ON DELETE SET NULL,
    name            TEXT NOT NULL,
    -- What the bytes are (sniffed, never taken from the name).
    kind            TEXT NOT NULL CHECK (kind IN ('pdf','jpeg','png','webp','docx','xlsx','pptx',
                                                  'odt','ods','odp','doc','xls','ppt')),
    size            INTEGER NOT NULL CHECK (size > 0),
    sha256          TEXT NOT NULL CHECK (length(sha256) = 64),
    chunks          INTEGER NOT NULL CHECK (chunks > 0),
    -- A picture's size as it is shown (after its EXIF orientation); a PDF's pages.
    width           INTEGER,
    height          INTEGER,
    orientation     INTEGER NOT NULL DEFAULT 1 CHECK (orientation BETWEEN 1 AND 8),
    pages           INTEGER,
    caption         TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(caption)),
    -- Marked to go into the dossier as an annex.
    in_dossier      INTEGER NOT NULL DEFAULT 0 CHECK (in_dossier IN (0,1)),
    -- A photo chosen for the press note (and the website's fragment).
    in_press        INTEGER NOT NULL DEFAULT 0 CHECK (in_press IN (0,1)),
    position        INTEGER NOT NULL,
    added_by        TEXT NOT NULL DEFAULT '',
    added_at        TEXT NOT NULL
) STRICT;
CREATE INDEX attachment_session ON attachment(session_id, position);
CREATE INDEX attachment_item ON attachment(agenda_item_id);
CREATE INDEX attachment_sha ON attachment(sha256);

-- Small previews of pictures, made once on each machine (never synced).
CREATE TABLE attachment_thumb (
    sha256  TEXT PRIMARY KEY,
    jpeg    BLOB NOT NULL
) STRICT;
