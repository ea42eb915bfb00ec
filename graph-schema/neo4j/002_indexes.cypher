// Indexes for the lookups the store makes beyond ids.
// Provenance of many edges at once (GetSourceRefs, conflicts, batch merges).
CREATE INDEX provenance_edge IF NOT EXISTS FOR (p:Provenance) ON (p.edgeId);
// Nodes of one kind (FindByName with a kind).
CREATE INDEX node_kind IF NOT EXISTS FOR (n:Node) ON (n.kind);
// Sources by content hash (re-ingesting a document).
CREATE INDEX source_hash IF NOT EXISTS FOR (s:Source) ON (s.contentHash);
// Edges whose sources disagree (the conflicts query), per relationship type.
CREATE INDEX worked_at_conflict IF NOT EXISTS FOR ()-[r:WORKED_AT]-() ON (r.inConflict);
CREATE INDEX studied_at_conflict IF NOT EXISTS FOR ()-[r:STUDIED_AT]-() ON (r.inConflict);
CREATE INDEX worked_on_conflict IF NOT EXISTS FOR ()-[r:WORKED_ON]-() ON (r.inConflict);
CREATE INDEX led_conflict IF NOT EXISTS FOR ()-[r:LED]-() ON (r.inConflict);
CREATE INDEX authored_conflict IF NOT EXISTS FOR ()-[r:AUTHORED]-() ON (r.inConflict);
CREATE INDEX joined_conflict IF NOT EXISTS FOR ()-[r:JOINED]-() ON (r.inConflict);
CREATE INDEX left_conflict IF NOT EXISTS FOR ()-[r:LEFT]-() ON (r.inConflict);
CREATE INDEX founded_conflict IF NOT EXISTS FOR ()-[r:FOUNDED]-() ON (r.inConflict);
CREATE INDEX developed_by_conflict IF NOT EXISTS FOR ()-[r:DEVELOPED_BY]-() ON (r.inConflict);
CREATE INDEX part_of_conflict IF NOT EXISTS FOR ()-[r:PART_OF]-() ON (r.inConflict);
// Departures by date (analytics: who left in a period).
CREATE INDEX left_start IF NOT EXISTS FOR ()-[r:LEFT]-() ON (r.start);
CREATE INDEX worked_at_end IF NOT EXISTS FOR ()-[r:WORKED_AT]-() ON (r.end);
