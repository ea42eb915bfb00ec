// Uniqueness of `id` for every label the store writes (each constraint also gives the lookup index).
// Idempotent: safe to run again. Never edit a released file; add the next number.
CREATE CONSTRAINT node_id IF NOT EXISTS FOR (n:Node) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT person_id IF NOT EXISTS FOR (n:Person) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT organization_id IF NOT EXISTS FOR (n:Organization) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT model_id IF NOT EXISTS FOR (n:Model) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT paper_id IF NOT EXISTS FOR (n:Paper) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT source_id IF NOT EXISTS FOR (s:Source) REQUIRE s.id IS UNIQUE;
CREATE CONSTRAINT provenance_id IF NOT EXISTS FOR (p:Provenance) REQUIRE p.id IS UNIQUE;
CREATE CONSTRAINT name_id IF NOT EXISTS FOR (n:Name) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT meta_id IF NOT EXISTS FOR (m:Meta) REQUIRE m.id IS UNIQUE;
CREATE CONSTRAINT write_lock_id IF NOT EXISTS FOR (l:WriteLock) REQUIRE l.id IS UNIQUE;
CREATE CONSTRAINT schema_migration_id IF NOT EXISTS FOR (m:SchemaMigration) REQUIRE m.id IS UNIQUE;
// Edge ids are unique per relationship type (relationship uniqueness constraints: Neo4j 5.7+).
CREATE CONSTRAINT worked_at_id IF NOT EXISTS FOR ()-[r:WORKED_AT]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT studied_at_id IF NOT EXISTS FOR ()-[r:STUDIED_AT]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT worked_on_id IF NOT EXISTS FOR ()-[r:WORKED_ON]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT led_id IF NOT EXISTS FOR ()-[r:LED]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT authored_id IF NOT EXISTS FOR ()-[r:AUTHORED]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT joined_id IF NOT EXISTS FOR ()-[r:JOINED]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT left_id IF NOT EXISTS FOR ()-[r:LEFT]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT founded_id IF NOT EXISTS FOR ()-[r:FOUNDED]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT developed_by_id IF NOT EXISTS FOR ()-[r:DEVELOPED_BY]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT part_of_id IF NOT EXISTS FOR ()-[r:PART_OF]-() REQUIRE r.id IS UNIQUE;
