namespace KnowledgeGraph.Storage.Sqlite;

/// <summary>
/// The schema, as numbered steps. A database records the last step applied (PRAGMA user_version);
/// start-up applies the missing ones in one transaction each. Never edit a released step: add one.
/// </summary>
internal static class SqliteMigrations
{
    public static readonly IReadOnlyList<string> Steps =
    [
        """
        CREATE TABLE nodes (
            id TEXT PRIMARY KEY,
            kind TEXT NOT NULL,
            name TEXT NOT NULL,
            org_kind TEXT,
            parent_id TEXT,
            year INTEGER,
            venue TEXT,
            created_at TEXT NOT NULL
        );
        CREATE INDEX ix_nodes_kind ON nodes(kind);
        CREATE TABLE node_aliases (
            node_id TEXT NOT NULL REFERENCES nodes(id) ON DELETE CASCADE,
            norm TEXT NOT NULL,
            alias TEXT NOT NULL,
            PRIMARY KEY (node_id, norm)
        ) WITHOUT ROWID;
        CREATE INDEX ix_aliases_norm ON node_aliases(norm);
        CREATE VIRTUAL TABLE node_search USING fts5(names, tokenize = 'unicode61 remove_diacritics 2');
        CREATE TABLE sources (
            id TEXT PRIMARY KEY,
            title TEXT,
            url TEXT,
            published_on TEXT,
            content_hash TEXT,
            ingested_at TEXT NOT NULL
        );
        CREATE INDEX ix_sources_hash ON sources(content_hash);
        CREATE TABLE edges (
            id TEXT PRIMARY KEY,
            relation TEXT NOT NULL,
            from_id TEXT NOT NULL REFERENCES nodes(id),
            to_id TEXT NOT NULL REFERENCES nodes(id),
            role TEXT,
            start TEXT,
            "end" TEXT,
            confidence REAL NOT NULL,
            recorded_at TEXT NOT NULL,
            in_conflict INTEGER NOT NULL DEFAULT 0
        ) WITHOUT ROWID;
        CREATE INDEX ix_edges_from ON edges(from_id, relation);
        CREATE INDEX ix_edges_to ON edges(to_id, relation);
        CREATE INDEX ix_edges_relation ON edges(relation);
        CREATE INDEX ix_edges_conflict ON edges(in_conflict) WHERE in_conflict = 1;
        CREATE TABLE edge_sources (
            edge_id TEXT NOT NULL REFERENCES edges(id) ON DELETE CASCADE,
            source_id TEXT NOT NULL REFERENCES sources(id),
            claimed_start TEXT NOT NULL DEFAULT '',
            claimed_end TEXT NOT NULL DEFAULT '',
            quote TEXT NOT NULL DEFAULT '',
            note TEXT NOT NULL DEFAULT '',
            quote_start INTEGER,
            quote_end INTEGER,
            confidence REAL NOT NULL,
            recorded_at TEXT NOT NULL,
            PRIMARY KEY (edge_id, source_id, claimed_start, claimed_end, quote, note)
        ) WITHOUT ROWID;
        CREATE INDEX ix_edge_sources_source ON edge_sources(source_id);
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
        """,
        """
        CREATE TABLE jobs (
            id TEXT PRIMARY KEY,
            kind TEXT NOT NULL,
            state TEXT NOT NULL,
            payload TEXT NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 0,
            worker TEXT,
            lease_until TEXT,
            not_before TEXT,
            created_at TEXT NOT NULL,
            started_at TEXT,
            finished_at TEXT,
            error TEXT,
            counts TEXT NOT NULL DEFAULT '{}',
            failures TEXT NOT NULL DEFAULT '[]'
        );
        CREATE INDEX ix_jobs_state ON jobs(state, created_at);
        -- The merge lookup names all three columns; with only (from_id, relation) the planner could pick the
        -- to_id index and scan every edge of a big lab.
        DROP INDEX ix_edges_from;
        CREATE INDEX ix_edges_from ON edges(from_id, relation, to_id);
        """,
        """
        -- Period reads of the analytics queries ("who left in 2025", "tenures at this lab").
        CREATE INDEX ix_edges_relation_start ON edges(relation, start, to_id, from_id);
        CREATE INDEX ix_edges_relation_end ON edges(relation, "end", to_id, from_id) WHERE "end" IS NOT NULL;
        CREATE INDEX ix_edges_to_dates ON edges(to_id, relation, from_id, start, "end");
        """,
        """
        -- Corrections: retracted sources stay (so re-imports do not bring their claims back), a person's choice for a
        -- disputed field outlives re-imports, and the id of a node merged away points to the node it went into.
        ALTER TABLE sources ADD COLUMN retracted_at TEXT;
        CREATE INDEX ix_sources_retracted ON sources(id) WHERE retracted_at IS NOT NULL;
        CREATE TABLE conflict_resolutions (
            edge_id TEXT NOT NULL REFERENCES edges(id) ON DELETE CASCADE,
            field TEXT NOT NULL CHECK (field IN ('start', 'end')),
            value TEXT NOT NULL,
            note TEXT NOT NULL DEFAULT '',
            resolved_at TEXT NOT NULL,
            PRIMARY KEY (edge_id, field)
        ) WITHOUT ROWID;
        CREATE TABLE node_redirects (
            old_id TEXT PRIMARY KEY,
            new_id TEXT NOT NULL,
            merged_at TEXT NOT NULL
        ) WITHOUT ROWID;
        CREATE INDEX ix_node_redirects_new ON node_redirects(new_id);
        """,
        """
        -- The careers of thousands of people at once (analytics): every column the career rules read is in the index,
        -- so a person's edges are one range of it, with no lookup into the table (the planner prefers a covering index).
        CREATE INDEX IF NOT EXISTS ix_edges_from_career ON edges(from_id, relation, to_id, start, "end", role);
        """,
    ];
}
