-- Short words: the trigram index cannot look up a word of one or two characters, and
-- those are how Chinese is searched (合作, 王) — so every such search scanned the whole
-- index. search_short holds, for each search entry, every Han, kana or Hangul character
-- as its own token and every other word of one or two letters (ЕС, UN, Ли), with a `_`
-- in place of anything else, so that a two-character Chinese word is a phrase of two
-- adjacent tokens and never matches across punctuation or other words. Its tokens are
-- written by the app (store/search.rs), which the triggers cannot call: each trigger
-- that changes a search entry lists it in search_stale, and every write transaction
-- brings the listed entries up to date before it commits. A database written by another
-- program (an SQLite shell) is brought up to date at the app's next write.

CREATE VIRTUAL TABLE search_short USING fts5(
    terms, content = '', contentless_delete = 1,
    tokenize = "unicode61 remove_diacritics 0 tokenchars '_'"
);

CREATE TABLE search_stale (
    doc INTEGER PRIMARY KEY
) STRICT;

-- Every entry there is: the app fills search_short after this migration.
INSERT INTO search_stale (doc) SELECT rowid FROM search_index;

DROP TRIGGER session_search_ai;
CREATE TRIGGER session_search_ai AFTER INSERT ON session BEGIN
    INSERT OR IGNORE INTO search_doc (kind, ref) VALUES ('session', new.id);
    INSERT INTO search_index (rowid, kind, ref, session, title, body)
    SELECT d.doc, 'session', new.id, new.id,
        replace(replace((SELECT group_concat(value, ' ') FROM json_each(new.title)), 'ё', 'е'), 'Ё', 'Е'),
        replace(replace(coalesce((SELECT group_concat(value, ' ') FROM json_each(new.theme)), '') || ' ' ||
        coalesce((SELECT group_concat(value, ' ') FROM json_each(new.venue)), '') || ' ' || new.notes, 'ё', 'е'), 'Ё', 'Е')
    FROM search_doc d
    WHERE d.kind = 'session' AND d.ref = new.id;
    INSERT OR IGNORE INTO search_stale (doc) SELECT doc FROM search_doc WHERE kind = 'session' AND ref = new.id;
END;

DROP TRIGGER session_search_au;
CREATE TRIGGER session_search_au AFTER UPDATE ON session BEGIN
    DELETE FROM search_index WHERE rowid = (SELECT doc FROM search_doc WHERE kind = 'session' AND ref = old.id);
    INSERT INTO search_index (rowid, kind, ref, session, title, body)
    SELECT d.doc, 'session', new.id, new.id,
        replace(replace((SELECT group_concat(value, ' ') FROM json_each(new.title)), 'ё', 'е'), 'Ё', 'Е'),
        replace(replace(coalesce((SELECT group_concat(value, ' ') FROM json_each(new.theme)), '') || ' ' ||
        coalesce((SELECT group_concat(value, ' ') FROM json_each(new.venue)), '') || ' ' || new.notes, 'ё', 'е'), 'Ё', 'Е')
    FROM search_doc d
    WHERE d.kind = 'session' AND d.ref = new.id;
    INSERT OR IGNORE INTO search_stale (doc) SELECT doc FROM search_doc WHERE kind = 'session' AND ref IN (old.id, new.id);
END;

DROP TRIGGER session_search_ad;
CREATE TRIGGER session_search_ad AFTER DELETE ON session BEGIN
    INSERT OR IGNORE INTO search_stale (doc) SELECT doc FROM search_doc WHERE kind = 'session' AND ref = old.id;
    DELETE FROM search_index WHERE rowid = (SELECT doc FROM search_doc WHERE kind = 'session' AND ref = old.id);
    DELETE FROM search_doc WHERE kind = 'session' AND ref = old.id;
END;

DROP TRIGGER agenda_search_ai;
CREATE TRIGGER agenda_search_ai AFTER INSERT ON agenda_item BEGIN
    INSERT OR IGNORE INTO search_doc (kind, ref) VALUES ('agenda', new.id);
    INSERT INTO search_index (rowid, kind, ref, session, title, body)
    SELECT d.doc, 'agenda', new.id, new.session_id,
        replace(replace((SELECT group_concat(value, ' ') FROM json_each(new.title)), 'ё', 'е'), 'Ё', 'Е'),
        replace(replace(coalesce((SELECT group_concat(value, ' ') FROM json_each(new.description)), ''), 'ё', 'е'), 'Ё', 'Е')
    FROM search_doc d
    WHERE d.kind = 'agenda' AND d.ref = new.id;
    INSERT OR IGNORE INTO search_stale (doc) SELECT doc FROM search_doc WHERE kind = 'agenda' AND ref = new.id;
END;

DROP TRIGGER agenda_search_au;
CREATE TRIGGER agenda_search_au AFTER UPDATE OF title, description ON agenda_item BEGIN
    DELETE FROM search_index WHERE rowid = (SELECT doc FROM search_doc WHERE kind = 'agenda' AND ref = old.id);
    INSERT INTO search_index (rowid, kind, ref, session, title, body)
    SELECT d.doc, 'agenda', new.id, new.session_id,
        replace(replace((SELECT group_concat(value, ' ') FROM json_each(new.title)), 'ё', 'е'), 'Ё', 'Е'),
        replace(replace(coalesce((SELECT group_concat(value, ' ') FROM json_each(new.description)), ''), 'ё', 'е'), 'Ё', 'Е')
    FROM search_doc d
    WHERE d.kind = 'agenda' AND d.ref = new.id;
    INSERT OR IGNORE INTO search_stale (doc) SELECT doc FROM search_doc WHERE kind = 'agenda' AND ref IN (old.id, new.id);
END;

DROP TRIGGER agenda_search_ad;
CREATE TRIGGER agenda_search_ad AFTER DELETE ON agenda_item BEGIN
    INSERT OR IGNORE INTO search_stale (doc) SELECT doc FROM search_doc WHERE kind = 'agenda' AND ref = old.id;
    DELETE FROM search_index WHERE rowid = (SELECT doc FROM search_doc WHERE kind = 'agenda' AND ref = old.id);
    DELETE FROM search_doc WHERE kind = 'agenda' AND ref = old.id;
END;

DROP TRIGGER minutes_item_search_ai;
CREATE TRIGGER minutes_item_search_ai AFTER INSERT ON minutes_item BEGIN
    INSERT OR IGNORE INTO search_doc (kind, ref) VALUES ('minutes', new.agenda_item_id);
    INSERT INTO search_index (rowid, kind, ref, session, title, body)
    SELECT d.doc, 'minutes', new.agenda_item_id, a.session_id,
        replace(replace((SELECT group_concat(value, ' ') FROM json_each(a.title)), 'ё', 'е'), 'Ё', 'Е'),
        replace(replace(coalesce((SELECT group_concat(value, ' ') FROM json_each(new.notes)), '') || ' ' ||
        coalesce((SELECT group_concat(value, ' ') FROM json_each(new.key_points)), ''), 'ё', 'е'), 'Ё', 'Е')
    FROM search_doc d JOIN agenda_item a ON a.id = new.agenda_item_id
    WHERE d.kind = 'minutes' AND d.ref = new.agenda_item_id;
    INSERT OR IGNORE INTO search_stale (doc) SELECT doc FROM search_doc WHERE kind = 'minutes' AND ref = new.agenda_item_id;
END;

DROP TRIGGER minutes_item_search_au;
CREATE TRIGGER minutes_item_search_au AFTER UPDATE ON minutes_item BEGIN
    DELETE FROM search_index WHERE rowid = (SELECT doc FROM search_doc WHERE kind = 'minutes' AND ref = old.agenda_item_id);
    INSERT INTO search_index (rowid, kind, ref, session, title, body)
    SELECT d.doc, 'minutes', new.agenda_item_id, a.session_id,
        replace(replace((SELECT group_concat(value, ' ') FROM json_each(a.title)), 'ё', 'е'), 'Ё', 'Е'),
        replace(replace(coalesce((SELECT group_concat(value, ' ') FROM json_each(new.notes)), '') || ' ' ||
        coalesce((SELECT group_concat(value, ' ') FROM json_each(new.key_points)), ''), 'ё', 'е'), 'Ё', 'Е')
    FROM search_doc d JOIN agenda_item a ON a.id = new.agenda_item_id
    WHERE d.kind = 'minutes' AND d.ref = new.agenda_item_id;
    INSERT OR IGNORE INTO search_stale (doc) SELECT doc FROM search_doc WHERE kind = 'minutes' AND ref IN (old.agenda_item_id, new.agenda_item_id);
END;

DROP TRIGGER minutes_item_search_ad;
CREATE TRIGGER minutes_item_search_ad AFTER DELETE ON minutes_item BEGIN
    INSERT OR IGNORE INTO search_stale (doc) SELECT doc FROM search_doc WHERE kind = 'minutes' AND ref = old.agenda_item_id;
    DELETE FROM search_index WHERE rowid = (SELECT doc FROM search_doc WHERE kind = 'minutes' AND ref = old.agenda_item_id);
    DELETE FROM search_doc WHERE kind = 'minutes' AND ref = old.agenda_item_id;
END;

DROP TRIGGER minutes_search_ai;
CREATE TRIGGER minutes_search_ai AFTER INSERT ON minutes BEGIN
    INSERT OR IGNORE INTO search_doc (kind, ref) VALUES ('summary', new.session_id);
    INSERT INTO search_index (rowid, kind, ref, session, title, body)
    SELECT d.doc, 'summary', new.session_id, new.session_id,
        '',
        replace(replace(coalesce((SELECT group_concat(value, ' ') FROM json_each(new.summary)), ''), 'ё', 'е'), 'Ё', 'Е')
    FROM search_doc d
    WHERE d.kind = 'summary' AND d.ref = new.session_id;
    INSERT OR IGNORE INTO search_stale (doc) SELECT doc FROM search_doc WHERE kind = 'summary' AND ref = new.session_id;
END;

DROP TRIGGER minutes_search_au;
CREATE TRIGGER minutes_search_au AFTER UPDATE OF summary ON minutes BEGIN
    DELETE FROM search_index WHERE rowid = (SELECT doc FROM search_doc WHERE kind = 'summary' AND ref = old.session_id);
    INSERT INTO search_index (rowid, kind, ref, session, title, body)
    SELECT d.doc, 'summary', new.session_id, new.session_id,
        '',
        replace(replace(coalesce((SELECT group_concat(value, ' ') FROM json_each(new.summary)), ''), 'ё', 'е'), 'Ё', 'Е')
    FROM search_doc d
    WHERE d.kind = 'summary' AND d.ref = new.session_id;
    INSERT OR IGNORE INTO search_stale (doc) SELECT doc FROM search_doc WHERE kind = 'summary' AND ref IN (old.session_id, new.session_id);
END;

DROP TRIGGER minutes_search_ad;
CREATE TRIGGER minutes_search_ad AFTER DELETE ON minutes BEGIN
    INSERT OR IGNORE INTO search_stale (doc) SELECT doc FROM search_doc WHERE kind = 'summary' AND ref = old.session_id;
    DELETE FROM search_index WHERE rowid = (SELECT doc FROM search_doc WHERE kind = 'summary' AND ref = old.session_id);
    DELETE FROM search_doc WHERE kind = 'summary' AND ref = old.session_id;
END;

DROP TRIGGER remark_search_ai;
CREATE TRIGGER remark_search_ai AFTER INSERT ON remark BEGIN
    INSERT OR IGNORE INTO search_doc (kind, ref) VALUES ('remark', new.id);
    INSERT INTO search_index (rowid, kind, ref, session, title, body)
    SELECT d.doc, 'remark', new.id, a.session_id,
        '',
        replace(replace(coalesce((SELECT group_concat(value, ' ') FROM json_each(new.body)), ''), 'ё', 'е'), 'Ё', 'Е')
    FROM search_doc d JOIN agenda_item a ON a.id = new.agenda_item_id
    WHERE d.kind = 'remark' AND d.ref = new.id;
    INSERT OR IGNORE INTO search_stale (doc) SELECT doc FROM search_doc WHERE kind = 'remark' AND ref = new.id;
END;

DROP TRIGGER remark_search_au;
CREATE TRIGGER remark_search_au AFTER UPDATE OF body ON remark BEGIN
    DELETE FROM search_index WHERE rowid = (SELECT doc FROM search_doc WHERE kind = 'remark' AND ref = old.id);
    INSERT INTO search_index (rowid, kind, ref, session, title, body)
    SELECT d.doc, 'remark', new.id, a.session_id,
        '',
        replace(replace(coalesce((SELECT group_concat(value, ' ') FROM json_each(new.body)), ''), 'ё', 'е'), 'Ё', 'Е')
    FROM search_doc d JOIN agenda_item a ON a.id = new.agenda_item_id
    WHERE d.kind = 'remark' AND d.ref = new.id;
    INSERT OR IGNORE INTO search_stale (doc) SELECT doc FROM search_doc WHERE kind = 'remark' AND ref IN (old.id, new.id);
END;

DROP TRIGGER remark_search_ad;
CREATE TRIGGER remark_search_ad AFTER DELETE ON remark BEGIN
    INSERT OR IGNORE INTO search_stale (doc) SELECT doc FROM search_doc WHERE kind = 'remark' AND ref = old.id;
    DELETE FROM search_index WHERE rowid = (SELECT doc FROM search_doc WHERE kind = 'remark' AND ref = old.id);
    DELETE FROM search_doc WHERE kind = 'remark' AND ref = old.id;
END;

DROP TRIGGER decision_search_ai;
CREATE TRIGGER decision_search_ai AFTER INSERT ON decision BEGIN
    INSERT OR IGNORE INTO search_doc (kind, ref) VALUES ('decision', new.id);
    INSERT INTO search_index (rowid, kind, ref, session, title, body)
    SELECT d.doc, 'decision', new.id, a.session_id,
        '',
        replace(replace(coalesce((SELECT group_concat(value, ' ') FROM json_each(new.body)), ''), 'ё', 'е'), 'Ё', 'Е')
    FROM search_doc d JOIN agenda_item a ON a.id = new.agenda_item_id
    WHERE d.kind = 'decision' AND d.ref = new.id;
    INSERT OR IGNORE INTO search_stale (doc) SELECT doc FROM search_doc WHERE kind = 'decision' AND ref = new.id;
END;

DROP TRIGGER decision_search_au;
CREATE TRIGGER decision_search_au AFTER UPDATE OF body ON decision BEGIN
    DELETE FROM search_index WHERE rowid = (SELECT doc FROM search_doc WHERE kind = 'decision' AND ref = old.id);
    INSERT INTO search_index (rowid, kind, ref, session, title, body)
    SELECT d.doc, 'decision', new.id, a.session_id,
        '',
        replace(replace(coalesce((SELECT group_concat(value, ' ') FROM json_each(new.body)), ''), 'ё', 'е'), 'Ё', 'Е')
    FROM search_doc d JOIN agenda_item a ON a.id = new.agenda_item_id
    WHERE d.kind = 'decision' AND d.ref = new.id;
    INSERT OR IGNORE INTO search_stale (doc) SELECT doc FROM search_doc WHERE kind = 'decision' AND ref IN (old.id, new.id);
END;

DROP TRIGGER decision_search_ad;
CREATE TRIGGER decision_search_ad AFTER DELETE ON decision BEGIN
    INSERT OR IGNORE INTO search_stale (doc) SELECT doc FROM search_doc WHERE kind = 'decision' AND ref = old.id;
    DELETE FROM search_index WHERE rowid = (SELECT doc FROM search_doc WHERE kind = 'decision' AND ref = old.id);
    DELETE FROM search_doc WHERE kind = 'decision' AND ref = old.id;
END;

DROP TRIGGER person_search_ad;
CREATE TRIGGER person_search_ad AFTER DELETE ON person BEGIN
    INSERT OR IGNORE INTO search_stale (doc) SELECT doc FROM search_doc WHERE kind = 'person' AND ref = old.id;
    DELETE FROM search_index WHERE rowid = (SELECT doc FROM search_doc WHERE kind = 'person' AND ref = old.id);
    DELETE FROM search_doc WHERE kind = 'person' AND ref = old.id;
END;
