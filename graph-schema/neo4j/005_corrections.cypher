// Corrections (retractSource, resolveConflict, mergeEntities). Idempotent: safe to run again. Never edit a released
// file; add the next number. A retracted source is `retractedAt` on its (:Source) and a person's choice lives on its
// relationship (`resolvedStart`, `resolvedEnd`, …), both found by the ids the earlier files index.
// A node merged away leaves (:Redirect {id: its old id, newId, mergedAt}): every batch looks up the ids it names here.
CREATE CONSTRAINT redirect_id IF NOT EXISTS FOR (m:Redirect) REQUIRE m.id IS UNIQUE;
// Merging the kept node away later re-points the redirects that name it.
CREATE INDEX redirect_new IF NOT EXISTS FOR (m:Redirect) ON (m.newId);
// A merge moves the children of the removed organization (parentId) to the kept one.
CREATE INDEX node_parent IF NOT EXISTS FOR (n:Node) ON (n.parentId);
