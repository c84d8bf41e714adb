-- Schema v1: the whole Club model. Append-only: never edit a released migration,
-- add the next file instead. Multilingual values are JSON objects {"ru": …, "zh": …}.
-- Timestamps are RFC 3339 UTC text; dates YYYY-MM-DD; times of day HH:MM.

CREATE TABLE setting (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;

CREATE TABLE organisation (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL CHECK (json_valid(name)),
    short_name  TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(short_name)),
    country     TEXT,                      -- ISO 3166-1 alpha-2
    kind        TEXT NOT NULL DEFAULT 'other'
                CHECK (kind IN ('embassy','government','institute','university','media','company','other')),
    notes       TEXT NOT NULL DEFAULT '',
    is_demo     INTEGER NOT NULL DEFAULT 0 CHECK (is_demo IN (0,1)),
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
) STRICT;

-- Ranked groups for the order of precedence (serving ambassadors, former ambassadors, …).
CREATE TABLE precedence_category (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL CHECK (json_valid(name)),
    rank        INTEGER NOT NULL,
    is_demo     INTEGER NOT NULL DEFAULT 0 CHECK (is_demo IN (0,1))
) STRICT;

CREATE TABLE person (
    id                      TEXT PRIMARY KEY,
    honorific               TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(honorific)),
    organisation_id         TEXT REFERENCES organisation(id) ON DELETE SET NULL,
    country                 TEXT,
    email                   TEXT NOT NULL DEFAULT '',
    phone                   TEXT NOT NULL DEFAULT '',
    wechat                  TEXT NOT NULL DEFAULT '',
    languages               TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(languages)),
    precedence_category_id  TEXT REFERENCES precedence_category(id) ON DELETE SET NULL,
    precedence_rank         INTEGER,       -- order inside the category; lower goes first
    notes                   TEXT NOT NULL DEFAULT '',
    is_demo                 INTEGER NOT NULL DEFAULT 0 CHECK (is_demo IN (0,1)),
    created_at              TEXT NOT NULL,
    updated_at              TEXT NOT NULL
) STRICT;
CREATE INDEX person_organisation ON person(organisation_id);
CREATE INDEX person_precedence_category ON person(precedence_category_id);

-- A person's name in one language/script: 张明 (zh, family first) / Чжан Мин (ru) / Zhang Ming (en).
CREATE TABLE person_name (
    person_id     TEXT NOT NULL REFERENCES person(id) ON DELETE CASCADE,
    lang          TEXT NOT NULL CHECK (lang IN ('ru','kk','zh','en')),
    family        TEXT NOT NULL DEFAULT '',
    given         TEXT NOT NULL DEFAULT '',
    patronymic    TEXT NOT NULL DEFAULT '',
    family_first  INTEGER NOT NULL DEFAULT 0 CHECK (family_first IN (0,1)),
    PRIMARY KEY (person_id, lang)
) STRICT, WITHOUT ROWID;

-- Positions with dates, so "former Ambassador of China to Kazakhstan, 2016–2021" is derived.
CREATE TABLE person_position (
    id               TEXT PRIMARY KEY,
    person_id        TEXT NOT NULL REFERENCES person(id) ON DELETE CASCADE,
    title            TEXT NOT NULL CHECK (json_valid(title)),
    organisation_id  TEXT REFERENCES organisation(id) ON DELETE SET NULL,
    started_on       TEXT,
    ended_on         TEXT,
    CHECK (ended_on IS NULL OR started_on IS NULL OR ended_on >= started_on)
) STRICT;
CREATE INDEX person_position_person ON person_position(person_id);
CREATE INDEX person_position_organisation ON person_position(organisation_id);

CREATE TABLE tag (
    id    TEXT PRIMARY KEY,
    name  TEXT NOT NULL UNIQUE COLLATE NOCASE
) STRICT;

CREATE TABLE person_tag (
    person_id  TEXT NOT NULL REFERENCES person(id) ON DELETE CASCADE,
    tag_id     TEXT NOT NULL REFERENCES tag(id) ON DELETE CASCADE,
    PRIMARY KEY (person_id, tag_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX person_tag_tag ON person_tag(tag_id);

CREATE TABLE session (
    id          TEXT PRIMARY KEY,
    number      INTEGER UNIQUE CHECK (number IS NULL OR number > 0),
    title       TEXT NOT NULL CHECK (json_valid(title)),
    theme       TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(theme)),
    venue       TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(venue)),
    date        TEXT NOT NULL,             -- local date in time_zone
    start_time  TEXT NOT NULL,             -- local wall-clock time in time_zone
    end_time    TEXT NOT NULL,
    time_zone   TEXT NOT NULL,             -- IANA name, e.g. Asia/Shanghai
    status      TEXT NOT NULL DEFAULT 'planned'
                CHECK (status IN ('planned','invitations_sent','held','minutes_approved')),
    notes       TEXT NOT NULL DEFAULT '',
    is_demo     INTEGER NOT NULL DEFAULT 0 CHECK (is_demo IN (0,1)),
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    CHECK (end_time > start_time)
) STRICT;
CREATE INDEX session_date ON session(date);

-- Discussion themes, reusable across sessions.
CREATE TABLE theme (
    id       TEXT PRIMARY KEY,
    name     TEXT NOT NULL CHECK (json_valid(name)),
    is_demo  INTEGER NOT NULL DEFAULT 0 CHECK (is_demo IN (0,1))
) STRICT;

CREATE TABLE session_theme (
    session_id  TEXT NOT NULL REFERENCES session(id) ON DELETE CASCADE,
    theme_id    TEXT NOT NULL REFERENCES theme(id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    PRIMARY KEY (session_id, theme_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX session_theme_theme ON session_theme(theme_id);

CREATE TABLE agenda_item (
    id            TEXT PRIMARY KEY,
    session_id    TEXT NOT NULL REFERENCES session(id) ON DELETE CASCADE,
    position      INTEGER NOT NULL,
    kind          TEXT NOT NULL DEFAULT 'other'
                  CHECK (kind IN ('opening','report','remarks','discussion','break','closing','other')),
    title         TEXT NOT NULL CHECK (json_valid(title)),
    description   TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(description)),
    duration_min  INTEGER NOT NULL CHECK (duration_min BETWEEN 0 AND 1440),
    pinned_start  TEXT,                    -- HH:MM when the item must start at a fixed time
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL
) STRICT;
CREATE INDEX agenda_item_session ON agenda_item(session_id, position);

-- Who speaks, chairs or moderates an item; one person may hold several roles.
CREATE TABLE agenda_role (
    agenda_item_id  TEXT NOT NULL REFERENCES agenda_item(id) ON DELETE CASCADE,
    person_id       TEXT NOT NULL REFERENCES person(id) ON DELETE CASCADE,
    role            TEXT NOT NULL CHECK (role IN ('speaker','chair','moderator')),
    position        INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (agenda_item_id, person_id, role)
) STRICT, WITHOUT ROWID;
CREATE INDEX agenda_role_person ON agenda_role(person_id);

CREATE TABLE invitation (
    id                 TEXT PRIMARY KEY,
    session_id         TEXT NOT NULL REFERENCES session(id) ON DELETE CASCADE,
    person_id          TEXT NOT NULL REFERENCES person(id) ON DELETE CASCADE,
    role               TEXT NOT NULL DEFAULT 'guest'
                       CHECK (role IN ('guest','speaker','moderator','organizer','press','observer')),
    status             TEXT NOT NULL DEFAULT 'to_invite'
                       CHECK (status IN ('to_invite','invited','confirmed','tentative','declined','deputy','no_reply')),
    channel            TEXT CHECK (channel IS NULL OR channel IN ('email','letter','phone','wechat','in_person')),
    invited_at         TEXT,
    responded_at       TEXT,
    deputy_person_id   TEXT REFERENCES person(id) ON DELETE SET NULL,
    precedence_override INTEGER,
    walk_in            INTEGER NOT NULL DEFAULT 0 CHECK (walk_in IN (0,1)),
    notes              TEXT NOT NULL DEFAULT '',
    created_at         TEXT NOT NULL,
    updated_at         TEXT NOT NULL,
    UNIQUE (session_id, person_id)
) STRICT;
CREATE INDEX invitation_person ON invitation(person_id);
CREATE INDEX invitation_deputy ON invitation(deputy_person_id);

CREATE TABLE attendance (
    invitation_id  TEXT PRIMARY KEY REFERENCES invitation(id) ON DELETE CASCADE,
    status         TEXT NOT NULL CHECK (status IN ('present','absent','excused','late','left_early')),
    checked_in_at  TEXT,
    note           TEXT NOT NULL DEFAULT ''
) STRICT;

-- Minutes: one per session, notes per agenda item. Rich text is stored as the
-- portable document JSON that the minutes module documents.
CREATE TABLE minutes (
    session_id   TEXT PRIMARY KEY REFERENCES session(id) ON DELETE CASCADE,
    summary      TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(summary)),
    approved_at  TEXT,
    revision     INTEGER NOT NULL DEFAULT 0,
    updated_at   TEXT NOT NULL
) STRICT;

CREATE TABLE minutes_item (
    agenda_item_id  TEXT PRIMARY KEY REFERENCES agenda_item(id) ON DELETE CASCADE,
    notes           TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(notes)),
    key_points      TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(key_points)),
    updated_at      TEXT NOT NULL
) STRICT;

CREATE TABLE remark (
    id              TEXT PRIMARY KEY,
    agenda_item_id  TEXT NOT NULL REFERENCES agenda_item(id) ON DELETE CASCADE,
    person_id       TEXT REFERENCES person(id) ON DELETE SET NULL,
    position        INTEGER NOT NULL,
    body            TEXT NOT NULL CHECK (json_valid(body)),
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
) STRICT;
CREATE INDEX remark_item ON remark(agenda_item_id, position);
CREATE INDEX remark_person ON remark(person_id);

CREATE TABLE decision (
    id              TEXT PRIMARY KEY,
    agenda_item_id  TEXT NOT NULL REFERENCES agenda_item(id) ON DELETE CASCADE,
    position        INTEGER NOT NULL,
    body            TEXT NOT NULL CHECK (json_valid(body)),
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
) STRICT;
CREATE INDEX decision_item ON decision(agenda_item_id, position);

CREATE TABLE follow_up (
    id               TEXT PRIMARY KEY,
    session_id       TEXT NOT NULL REFERENCES session(id) ON DELETE CASCADE,
    decision_id      TEXT REFERENCES decision(id) ON DELETE SET NULL,
    owner_person_id  TEXT REFERENCES person(id) ON DELETE SET NULL,
    body             TEXT NOT NULL CHECK (json_valid(body)),
    due_on           TEXT,
    status           TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open','in_progress','done','dropped')),
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL,
    closed_at        TEXT
) STRICT;
CREATE INDEX follow_up_session ON follow_up(session_id);
CREATE INDEX follow_up_decision ON follow_up(decision_id);
CREATE INDEX follow_up_owner ON follow_up(owner_person_id);

-- A frozen copy of a session's minutes at each save point (approve, reopen, restore, explicit).
CREATE TABLE minutes_revision (
    id          TEXT PRIMARY KEY,
    session_id  TEXT NOT NULL REFERENCES session(id) ON DELETE CASCADE,
    number      INTEGER NOT NULL,
    reason      TEXT NOT NULL CHECK (reason IN ('saved','approved','reopened','restored')),
    snapshot    TEXT NOT NULL CHECK (json_valid(snapshot)),
    created_at  TEXT NOT NULL,
    UNIQUE (session_id, number)
) STRICT;

-- Saved starting points for new sessions: venue, times, agenda structure, regular invitees
-- (a JSON blueprint that the series module reads and writes).
CREATE TABLE session_template (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL CHECK (json_valid(name)),
    blueprint   TEXT NOT NULL CHECK (json_valid(blueprint)),
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
) STRICT;

-- Archive search: one FTS5 trigram index (substrings of 3+ characters in any script,
-- case-insensitive) over sessions, agenda items, minutes, remarks, decisions, follow-ups
-- and people. Triggers keep it in the same transaction as every write. Text is folded
-- ё→е so that either spelling finds both; the query side folds the same way.
CREATE VIRTUAL TABLE search_index USING fts5(
    kind UNINDEXED, ref UNINDEXED, session UNINDEXED, title, body, tokenize = 'trigram'
);

CREATE TRIGGER session_search_ai AFTER INSERT ON session BEGIN
    INSERT INTO search_index (kind, ref, session, title, body) VALUES ('session', new.id, new.id,
        replace(replace((SELECT group_concat(value, ' ') FROM json_each(new.title)), 'ё', 'е'), 'Ё', 'Е'),
        replace(replace(coalesce((SELECT group_concat(value, ' ') FROM json_each(new.theme)), '') || ' ' ||
                        coalesce((SELECT group_concat(value, ' ') FROM json_each(new.venue)), '') || ' ' || new.notes, 'ё', 'е'), 'Ё', 'Е'));
END;
CREATE TRIGGER session_search_au AFTER UPDATE ON session BEGIN
    DELETE FROM search_index WHERE kind = 'session' AND ref = old.id;
    INSERT INTO search_index (kind, ref, session, title, body) VALUES ('session', new.id, new.id,
        replace(replace((SELECT group_concat(value, ' ') FROM json_each(new.title)), 'ё', 'е'), 'Ё', 'Е'),
        replace(replace(coalesce((SELECT group_concat(value, ' ') FROM json_each(new.theme)), '') || ' ' ||
                        coalesce((SELECT group_concat(value, ' ') FROM json_each(new.venue)), '') || ' ' || new.notes, 'ё', 'е'), 'Ё', 'Е'));
END;
CREATE TRIGGER session_search_ad AFTER DELETE ON session BEGIN
    DELETE FROM search_index WHERE session = old.id;
END;

CREATE TRIGGER agenda_search_ai AFTER INSERT ON agenda_item BEGIN
    INSERT INTO search_index (kind, ref, session, title, body) VALUES ('agenda', new.id, new.session_id,
        replace(replace((SELECT group_concat(value, ' ') FROM json_each(new.title)), 'ё', 'е'), 'Ё', 'Е'),
        replace(replace(coalesce((SELECT group_concat(value, ' ') FROM json_each(new.description)), ''), 'ё', 'е'), 'Ё', 'Е'));
END;
CREATE TRIGGER agenda_search_au AFTER UPDATE OF title, description ON agenda_item BEGIN
    DELETE FROM search_index WHERE kind = 'agenda' AND ref = old.id;
    INSERT INTO search_index (kind, ref, session, title, body) VALUES ('agenda', new.id, new.session_id,
        replace(replace((SELECT group_concat(value, ' ') FROM json_each(new.title)), 'ё', 'е'), 'Ё', 'Е'),
        replace(replace(coalesce((SELECT group_concat(value, ' ') FROM json_each(new.description)), ''), 'ё', 'е'), 'Ё', 'Е'));
END;
CREATE TRIGGER agenda_search_ad AFTER DELETE ON agenda_item BEGIN
    DELETE FROM search_index WHERE kind IN ('agenda', 'minutes') AND ref = old.id;
END;

CREATE TRIGGER minutes_item_search_ai AFTER INSERT ON minutes_item BEGIN
    INSERT INTO search_index (kind, ref, session, title, body) SELECT 'minutes', new.agenda_item_id, a.session_id,
        replace(replace((SELECT group_concat(value, ' ') FROM json_each(a.title)), 'ё', 'е'), 'Ё', 'Е'),
        replace(replace(coalesce((SELECT group_concat(value, ' ') FROM json_each(new.notes)), '') || ' ' ||
                        coalesce((SELECT group_concat(value, ' ') FROM json_each(new.key_points)), ''), 'ё', 'е'), 'Ё', 'Е')
    FROM agenda_item a WHERE a.id = new.agenda_item_id;
END;
CREATE TRIGGER minutes_item_search_au AFTER UPDATE ON minutes_item BEGIN
    DELETE FROM search_index WHERE kind = 'minutes' AND ref = old.agenda_item_id;
    INSERT INTO search_index (kind, ref, session, title, body) SELECT 'minutes', new.agenda_item_id, a.session_id,
        replace(replace((SELECT group_concat(value, ' ') FROM json_each(a.title)), 'ё', 'е'), 'Ё', 'Е'),
        replace(replace(coalesce((SELECT group_concat(value, ' ') FROM json_each(new.notes)), '') || ' ' ||
                        coalesce((SELECT group_concat(value, ' ') FROM json_each(new.key_points)), ''), 'ё', 'е'), 'Ё', 'Е')
    FROM agenda_item a WHERE a.id = new.agenda_item_id;
END;

CREATE TRIGGER minutes_search_ai AFTER INSERT ON minutes BEGIN
    INSERT INTO search_index (kind, ref, session, title, body) VALUES ('summary', new.session_id, new.session_id, '',
        replace(replace(coalesce((SELECT group_concat(value, ' ') FROM json_each(new.summary)), ''), 'ё', 'е'), 'Ё', 'Е'));
END;
CREATE TRIGGER minutes_search_au AFTER UPDATE OF summary ON minutes BEGIN
    DELETE FROM search_index WHERE kind = 'summary' AND ref = old.session_id;
    INSERT INTO search_index (kind, ref, session, title, body) VALUES ('summary', new.session_id, new.session_id, '',
        replace(replace(coalesce((SELECT group_concat(value, ' ') FROM json_each(new.summary)), ''), 'ё', 'е'), 'Ё', 'Е'));
END;

CREATE TRIGGER remark_search_ai AFTER INSERT ON remark BEGIN
    INSERT INTO search_index (kind, ref, session, title, body) SELECT 'remark', new.id, a.session_id, '',
        replace(replace(coalesce((SELECT group_concat(value, ' ') FROM json_each(new.body)), ''), 'ё', 'е'), 'Ё', 'Е')
    FROM agenda_item a WHERE a.id = new.agenda_item_id;
END;
CREATE TRIGGER remark_search_au AFTER UPDATE OF body ON remark BEGIN
    DELETE FROM search_index WHERE kind = 'remark' AND ref = old.id;
    INSERT INTO search_index (kind, ref, session, title, body) SELECT 'remark', new.id, a.session_id, '',
        replace(replace(coalesce((SELECT group_concat(value, ' ') FROM json_each(new.body)), ''), 'ё', 'е'), 'Ё', 'Е')
    FROM agenda_item a WHERE a.id = new.agenda_item_id;
END;
CREATE TRIGGER remark_search_ad AFTER DELETE ON remark BEGIN
    DELETE FROM search_index WHERE kind = 'remark' AND ref = old.id;
END;

CREATE TRIGGER decision_search_ai AFTER INSERT ON decision BEGIN
    INSERT INTO search_index (kind, ref, session, title, body) SELECT 'decision', new.id, a.session_id, '',
        replace(replace(coalesce((SELECT group_concat(value, ' ') FROM json_each(new.body)), ''), 'ё', 'е'), 'Ё', 'Е')
    FROM agenda_item a WHERE a.id = new.agenda_item_id;
END;
CREATE TRIGGER decision_search_au AFTER UPDATE OF body ON decision BEGIN
    DELETE FROM search_index WHERE kind = 'decision' AND ref = old.id;
    INSERT INTO search_index (kind, ref, session, title, body) SELECT 'decision', new.id, a.session_id, '',
        replace(replace(coalesce((SELECT group_concat(value, ' ') FROM json_each(new.body)), ''), 'ё', 'е'), 'Ё', 'Е')
    FROM agenda_item a WHERE a.id = new.agenda_item_id;
END;
CREATE TRIGGER decision_search_ad AFTER DELETE ON decision BEGIN
    DELETE FROM search_index WHERE kind = 'decision' AND ref = old.id;
END;

-- A person's entry is rewritten whenever a name of theirs changes.
CREATE TRIGGER person_name_search_ai AFTER INSERT ON person_name BEGIN
    DELETE FROM search_index WHERE kind = 'person' AND ref = new.person_id;
    INSERT INTO search_index (kind, ref, session, title, body) SELECT 'person', p.id, '',
        replace(replace((SELECT group_concat(n.family || ' ' || n.given || ' ' || n.patronymic || ' ' || n.family || n.given, ' ') FROM person_name n WHERE n.person_id = p.id), 'ё', 'е'), 'Ё', 'Е'),
        replace(replace(p.email || ' ' || p.notes, 'ё', 'е'), 'Ё', 'Е')
    FROM person p WHERE p.id = new.person_id;
END;
CREATE TRIGGER person_name_search_ad AFTER DELETE ON person_name BEGIN
    DELETE FROM search_index WHERE kind = 'person' AND ref = old.person_id;
    INSERT INTO search_index (kind, ref, session, title, body) SELECT 'person', p.id, '',
        replace(replace((SELECT group_concat(n.family || ' ' || n.given || ' ' || n.patronymic || ' ' || n.family || n.given, ' ') FROM person_name n WHERE n.person_id = p.id), 'ё', 'е'), 'Ё', 'Е'),
        replace(replace(p.email || ' ' || p.notes, 'ё', 'е'), 'Ё', 'Е')
    FROM person p WHERE p.id = old.person_id AND EXISTS (SELECT 1 FROM person_name n WHERE n.person_id = p.id);
END;
CREATE TRIGGER person_search_ad AFTER DELETE ON person BEGIN
    DELETE FROM search_index WHERE kind = 'person' AND ref = old.id;
END;
