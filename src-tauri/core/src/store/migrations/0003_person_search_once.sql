-- A person's search entry is written once per change by the app (club_core::search::
-- index_people, after all of the person's names), no longer by a trigger on every name
-- row: three names rewrote the entry three times, two thirds of an import's time.
-- Deleting a person still removes the entry (person_search_ad).
DROP TRIGGER person_name_search_ai;
DROP TRIGGER person_name_search_ad;
