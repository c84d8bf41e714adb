-- Search entries found by key, not by scanning the index.
--
-- 0001's triggers found the entry to replace with `DELETE FROM search_index WHERE kind = ...
-- AND ref = ...`: kind and ref are UNINDEXED columns of the FTS5 table, so every save of a
-- minutes item, agenda item, remark, decision or person name read the whole index (tens of
-- megabytes in a 20-year archive). Now each entry's FTS rowid is kept in search_doc (an
-- INTEGER PRIMARY KEY, which VACUUM keeps) and the triggers delete by rowid. An entry goes
-- with its own row: deleting a session removes its agenda items, minutes and the rest by
-- cascade, and each of them its entry.

CREATE TABLE search_doc (
    doc   INTEGER PRIMARY KEY,
    kind  TEXT NOT NULL,
    ref   TEXT NOT NULL,
    UNIQUE (kind, ref)
) STRICT;

-- The entries there are, renumbered to their search_doc rows.
INSERT OR IGNORE INTO search_doc (kind, ref) SELECT kind, ref FROM search_index ORDER BY rowid;
CREATE TEMP TABLE search_copy AS
    SELECT d.doc, s.kind, s.ref, s.session, s.title, s.body
    FROM search_index s JOIN search_doc d ON d.kind = s.kind AND d.ref = s.ref;
DELETE FROM search_index;
INSERT INTO search_index (rowid, kind, ref, session, title, body) SELECT * FROM temp.search_copy;
DROP TABLE temp.search_copy;

DROP TRIGGER session_search_ai;
DROP TRIGGER session_search_au;
DROP TRIGGER session_search_ad;
DROP TRIGGER agenda_search_ai;
DROP TRIGGER agenda_search_au;
DROP TRIGGER agenda_search_ad;
DROP TRIGGER minutes_item_search_ai;
DROP TRIGGER minutes_item_search_au;
DROP TRIGGER minutes_search_ai;
DROP TRIGGER minutes_search_au;
DROP TRIGGER remark_search_ai;
DROP TRIGGER remark_search_au;
DROP TRIGGER remark_search_ad;
DROP TRIGGER decision_search_ai;
DROP TRIGGER decision_search_au;
DROP TRIGGER decision_search_ad;
DROP TRIGGER person_name_search_ai;
DROP TRIGGER person_name_search_ad;
DROP TRIGGER person_search_ad;

CREATE TRIGGER session_search_ai AFTER INSERT ON session BEGIN
    INSERT OR IGNORE INTO search_doc (kind, ref) VALUES ('session', new.id);
    INSERT INTO search_index (rowid, kind, ref, session, title, body)
    SELECT d.doc, 'session', new.id, new.id,
        replace(replace((SELECT group_concat(value, ' ') FROM json_each(new.title)), 'ё', 'е'), 'Ё', 'Е'),
        replace(replace(coalesce((SELECT group_concat(value, ' ') FROM json_each(new.theme)), '') || ' ' ||
        coalesce((SELECT group_concat(value, ' ') FROM json_each(new.venue)), '') || ' ' || new.notes, 'ё', 'е'), 'Ё', 'Е')
    FROM search_doc d
    WHERE d.kind = 'session' AND d.ref = new.id;
END;
CREATE TRIGGER session_search_au AFTER UPDATE ON session BEGIN
    DELETE FROM search_index WHERE rowid = (SELECT doc FROM search_doc WHERE kind = 'session' AND ref = old.id);
    INSERT INTO search_index (rowid, kind, ref, session, title, body)
    SELECT d.doc, 'session', new.id, new.id,
        replace(replace((SELECT group_concat(value, ' ') FROM json_each(new.title)), 'ё', 'е'), 'Ё', 'Е'),
        replace(replace(coalesce((SELECT group_concat(value, ' ') FROM json_each(new.theme)), '') || ' ' ||
        coalesce((SELECT group_concat(value, ' ') FROM json_each(new.venue)), '') || ' ' || new.notes, 'ё', 'е'), 'Ё', 'Е')
    FROM search_doc d
    WHERE d.kind = 'session' AND d.ref = new.id;
END;
CREATE TRIGGER session_search_ad AFTER DELETE ON session BEGIN
    DELETE FROM search_index WHERE rowid = (SELECT doc FROM search_doc WHERE kind = 'session' AND ref = old.id);
    DELETE FROM search_doc WHERE kind = 'session' AND ref = old.id;
END;

CREATE TRIGGER agenda_search_ai AFTER INSERT ON agenda_item BEGIN
    INSERT OR IGNORE INTO search_doc (kind, ref) VALUES ('agenda', new.id);
    INSERT INTO search_index (rowid, kind, ref, session, title, body)
    SELECT d.doc, 'agenda', new.id, new.session_id,
        replace(replace((SELECT group_concat(value, ' ') FROM json_each(new.title)), 'ё', 'е'), 'Ё', 'Е'),
        replace(replace(coalesce((SELECT group_concat(value, ' ') FROM json_each(new.description)), ''), 'ё', 'е'), 'Ё', 'Е')
    FROM search_doc d
    WHERE d.kind = 'agenda' AND d.ref = new.id;
END;
CREATE TRIGGER agenda_search_au AFTER UPDATE OF title, description ON agenda_item BEGIN
    DELETE FROM search_index WHERE rowid = (SELECT doc FROM search_doc WHERE kind = 'agenda' AND ref = old.id);
    INSERT INTO search_index (rowid, kind, ref, session, title, body)
    SELECT d.doc, 'agenda', new.id, new.session_id,
        replace(replace((SELECT group_concat(value, ' ') FROM json_each(new.title)), 'ё', 'е'), 'Ё', 'Е'),
        replace(replace(coalesce((SELECT group_concat(value, ' ') FROM json_each(new.description)), ''), 'ё', 'е'), 'Ё', 'Е')
    FROM search_doc d
    WHERE d.kind = 'agenda' AND d.ref = new.id;
END;
CREATE TRIGGER agenda_search_ad AFTER DELETE ON agenda_item BEGIN
    DELETE FROM search_index WHERE rowid = (SELECT doc FROM search_doc WHERE kind = 'agenda' AND ref = old.id);
    DELETE FROM search_doc WHERE kind = 'agenda' AND ref = old.id;
END;

CREATE TRIGGER minutes_item_search_ai AFTER INSERT ON minutes_item BEGIN
    INSERT OR IGNORE INTO search_doc (kind, ref) VALUES ('minutes', new.agenda_item_id);
    INSERT INTO search_index (rowid, kind, ref, session, title, body)
    SELECT d.doc, 'minutes', new.agenda_item_id, a.session_id,
        replace(replace((SELECT group_concat(value, ' ') FROM json_each(a.title)), 'ё', 'е'), 'Ё', 'Е'),
        replace(replace(coalesce((SELECT group_concat(value, ' ') FROM json_each(new.notes)), '') || ' ' ||
        coalesce((SELECT group_concat(value, ' ') FROM json_each(new.key_points)), ''), 'ё', 'е'), 'Ё', 'Е')
    FROM search_doc d JOIN agenda_item a ON a.id = new.agenda_item_id
    WHERE d.kind = 'minutes' AND d.ref = new.agenda_item_id;
END;
CREATE TRIGGER minutes_item_search_au AFTER UPDATE ON minutes_item BEGIN
    DELETE FROM search_index WHERE rowid = (SELECT doc FROM search_doc WHERE kind = 'minutes' AND ref = old.agenda_item_id);
    INSERT INTO search_index (rowid, kind, ref, session, title, body)
    SELECT d.doc, 'minutes', new.agenda_item_id, a.session_id,
        replace(replace((SELECT group_concat(value, ' ') FROM json_each(a.title)), 'ё', 'е'), 'Ё', 'Е'),
        replace(replace(coalesce((SELECT group_concat(value, ' ') FROM json_each(new.notes)), '') || ' ' ||
        coalesce((SELECT group_concat(value, ' ') FROM json_each(new.key_points)), ''), 'ё', 'е'), 'Ё', 'Е')
    FROM search_doc d JOIN agenda_item a ON a.id = new.agenda_item_id
    WHERE d.kind = 'minutes' AND d.ref = new.agenda_item_id;
END;
CREATE TRIGGER minutes_item_search_ad AFTER DELETE ON minutes_item BEGIN
    DELETE FROM search_index WHERE rowid = (SELECT doc FROM search_doc WHERE kind = 'minutes' AND ref = old.agenda_item_id);
    DELETE FROM search_doc WHERE kind = 'minutes' AND ref = old.agenda_item_id;
END;

CREATE TRIGGER minutes_search_ai AFTER INSERT ON minutes BEGIN
    INSERT OR IGNORE INTO search_doc (kind, ref) VALUES ('summary', new.session_id);
    INSERT INTO search_index (rowid, kind, ref, session, title, body)
    SELECT d.doc, 'summary', new.session_id, new.session_id,
        '',
        replace(replace(coalesce((SELECT group_concat(value, ' ') FROM json_each(new.summary)), ''), 'ё', 'е'), 'Ё', 'Е')
    FROM search_doc d
    WHERE d.kind = 'summary' AND d.ref = new.session_id;
END;
CREATE TRIGGER minutes_search_au AFTER UPDATE OF summary ON minutes BEGIN
    DELETE FROM search_index WHERE rowid = (SELECT doc FROM search_doc WHERE kind = 'summary' AND ref = old.session_id);
    INSERT INTO search_index (rowid, kind, ref, session, title, body)
    SELECT d.doc, 'summary', new.session_id, new.session_id,
        '',
        replace(replace(coalesce((SELECT group_concat(value, ' ') FROM json_each(new.summary)), ''), 'ё', 'е'), 'Ё', 'Е')
    FROM search_doc d
    WHERE d.kind = 'summary' AND d.ref = new.session_id;
END;
CREATE TRIGGER minutes_search_ad AFTER DELETE ON minutes BEGIN
    DELETE FROM search_index WHERE rowid = (SELECT doc FROM search_doc WHERE kind = 'summary' AND ref = old.session_id);
    DELETE FROM search_doc WHERE kind = 'summary' AND ref = old.session_id;
END;

CREATE TRIGGER remark_search_ai AFTER INSERT ON remark BEGIN
    INSERT OR IGNORE INTO search_doc (kind, ref) VALUES ('remark', new.id);
    INSERT INTO search_index (rowid, kind, ref, session, title, body)
    SELECT d.doc, 'remark', new.id, a.session_id,
        '',
        replace(replace(coalesce((SELECT group_concat(value, ' ') FROM json_each(new.body)), ''), 'ё', 'е'), 'Ё', 'Е')
    FROM search_doc d JOIN agenda_item a ON a.id = new.agenda_item_id
    WHERE d.kind = 'remark' AND d.ref = new.id;
END;
CREATE TRIGGER remark_search_au AFTER UPDATE OF body ON remark BEGIN
    DELETE FROM search_index WHERE rowid = (SELECT doc FROM search_doc WHERE kind = 'remark' AND ref = old.id);
    INSERT INTO search_index (rowid, kind, ref, session, title, body)
    SELECT d.doc, 'remark', new.id, a.session_id,
        '',
        replace(replace(coalesce((SELECT group_concat(value, ' ') FROM json_each(new.body)), ''), 'ё', 'е'), 'Ё', 'Е')
    FROM search_doc d JOIN agenda_item a ON a.id = new.agenda_item_id
    WHERE d.kind = 'remark' AND d.ref = new.id;
END;
CREATE TRIGGER remark_search_ad AFTER DELETE ON remark BEGIN
    DELETE FROM search_index WHERE rowid = (SELECT doc FROM search_doc WHERE kind = 'remark' AND ref = old.id);
    DELETE FROM search_doc WHERE kind = 'remark' AND ref = old.id;
END;

CREATE TRIGGER decision_search_ai AFTER INSERT ON decision BEGIN
    INSERT OR IGNORE INTO search_doc (kind, ref) VALUES ('decision', new.id);
    INSERT INTO search_index (rowid, kind, ref, session, title, body)
    SELECT d.doc, 'decision', new.id, a.session_id,
        '',
        replace(replace(coalesce((SELECT group_concat(value, ' ') FROM json_each(new.body)), ''), 'ё', 'е'), 'Ё', 'Е')
    FROM search_doc d JOIN agenda_item a ON a.id = new.agenda_item_id
    WHERE d.kind = 'decision' AND d.ref = new.id;
END;
CREATE TRIGGER decision_search_au AFTER UPDATE OF body ON decision BEGIN
    DELETE FROM search_index WHERE rowid = (SELECT doc FROM search_doc WHERE kind = 'decision' AND ref = old.id);
    INSERT INTO search_index (rowid, kind, ref, session, title, body)
    SELECT d.doc, 'decision', new.id, a.session_id,
        '',
        replace(replace(coalesce((SELECT group_concat(value, ' ') FROM json_each(new.body)), ''), 'ё', 'е'), 'Ё', 'Е')
    FROM search_doc d JOIN agenda_item a ON a.id = new.agenda_item_id
    WHERE d.kind = 'decision' AND d.ref = new.id;
END;
CREATE TRIGGER decision_search_ad AFTER DELETE ON decision BEGIN
    DELETE FROM search_index WHERE rowid = (SELECT doc FROM search_doc WHERE kind = 'decision' AND ref = old.id);
    DELETE FROM search_doc WHERE kind = 'decision' AND ref = old.id;
END;

-- A person's entry is rewritten whenever a name of theirs changes.
CREATE TRIGGER person_name_search_ai AFTER INSERT ON person_name BEGIN
    INSERT OR IGNORE INTO search_doc (kind, ref) VALUES ('person', new.person_id);
    DELETE FROM search_index WHERE rowid = (SELECT doc FROM search_doc WHERE kind = 'person' AND ref = new.person_id);
    INSERT INTO search_index (rowid, kind, ref, session, title, body)
    SELECT d.doc, 'person', p.id, '',
        replace(replace((SELECT group_concat(n.family || ' ' || n.given || ' ' || n.patronymic || ' ' || n.family || n.given, ' ') FROM person_name n WHERE n.person_id = p.id), 'ё', 'е'), 'Ё', 'Е'),
        replace(replace(p.email || ' ' || p.notes, 'ё', 'е'), 'Ё', 'Е')
    FROM person p JOIN search_doc d ON d.kind = 'person' AND d.ref = p.id
    WHERE p.id = new.person_id;
END;
CREATE TRIGGER person_name_search_ad AFTER DELETE ON person_name BEGIN
    DELETE FROM search_index WHERE rowid = (SELECT doc FROM search_doc WHERE kind = 'person' AND ref = old.person_id);
    INSERT INTO search_index (rowid, kind, ref, session, title, body)
    SELECT d.doc, 'person', p.id, '',
        replace(replace((SELECT group_concat(n.family || ' ' || n.given || ' ' || n.patronymic || ' ' || n.family || n.given, ' ') FROM person_name n WHERE n.person_id = p.id), 'ё', 'е'), 'Ё', 'Е'),
        replace(replace(p.email || ' ' || p.notes, 'ё', 'е'), 'Ё', 'Е')
    FROM person p JOIN search_doc d ON d.kind = 'person' AND d.ref = p.id
    WHERE p.id = old.person_id
        AND EXISTS (SELECT 1 FROM person_name n WHERE n.person_id = p.id);
END;
CREATE TRIGGER person_search_ad AFTER DELETE ON person BEGIN
    DELETE FROM search_index WHERE rowid = (SELECT doc FROM search_doc WHERE kind = 'person' AND ref = old.id);
    DELETE FROM search_doc WHERE kind = 'person' AND ref = old.id;
END;
