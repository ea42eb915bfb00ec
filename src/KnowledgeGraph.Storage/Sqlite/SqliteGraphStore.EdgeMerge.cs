using System.Buffers;
using System.Text;
using System.Text.Json;
using KnowledgeGraph.Core.Graph;

namespace KnowledgeGraph.Storage.Sqlite;

/// <summary>
/// The edges of a batch, merged as a set: the edges they may join and the claims those hold are read in a few
/// set-based queries, each input is merged in batch order against that state in memory (the same rules, in the same
/// order, as one lookup per input would apply), and the new rows are written at the end in id order, many per
/// statement. An edge that gets new support is settled from the store (its rows written first), as before.
/// </summary>
public sealed partial class SqliteGraphStore
{
    private sealed partial class BatchWriter
    {
        /// <summary>Rows per multi-row statement, and ids per set-based lookup.</summary>
        private const int Chunk = 2_000;

        private bool _foreignKeysDeferred;

        /// <summary>New edges from which a batch into a smaller store rebuilds the indexes instead of growing them.</summary>
        private const int BulkIndexRows = 10_000;

        /// <summary>An edge the batch may merge into or creates, as the batch leaves it so far.</summary>
        private sealed class EdgeState(GraphEdge edge, bool inConflict, bool stored)
        {
            public GraphEdge Edge { get; set; } = edge;

            public bool InConflict { get; set; } = inConflict;

            /// <summary>Whether its row is in the store (else it is written with the batch's new rows).</summary>
            public bool Stored { get; set; } = stored;

            /// <summary>Claims of this batch not written yet.</summary>
            public List<(SourceRef Source, string Start, string End)>? Pending { get; set; }
        }

        /// <summary>The primary key of a claim (edge_sources), compared as SQLite compares text: ordinally.</summary>
        private readonly record struct ClaimKey(string EdgeId, string SourceId, string Start, string End, string Quote, string Note);

        private readonly record struct Fact(string From, Relation Relation, string To);

        /// <summary>The order the one-edge lookup returned candidates in: ORDER BY start (nulls first), id.</summary>
        private static int CandidateOrder(EdgeState a, EdgeState b)
        {
            var byStart = (a.Edge.Start, b.Edge.Start) switch
            {
                (null, null) => 0,
                (null, _) => -1,
                (_, null) => 1,
                var (x, y) => string.CompareOrdinal(x.Value.ToString(), y.Value.ToString()),
            };
            return byStart != 0 ? byStart : string.CompareOrdinal(a.Edge.Id, b.Edge.Id);
        }

        private async Task<(int NewEdges, int Provenance, int Conflicts)> MergeEdgesAsync(IReadOnlyList<EdgeInput> inputs, CancellationToken ct)
        {
            if (inputs.Count == 0)
            {
                return (0, 0, 0);
            }

            // A store without edges (a first bulk load) has no candidates, taken ids or claims to read.
            var anyStored = await Command("SELECT EXISTS (SELECT 1 FROM edges);").ExecuteScalarAsync(ct) is 1L;
            var facts = anyStored ? await LoadCandidatesAsync(inputs, ct) : [];
            var firstIds = new string[inputs.Count];
            for (var i = 0; i < inputs.Count; i++)
            {
                var input = inputs[i];
                firstIds[i] = EdgeIdentity.NewId(input.Relation, input.From, input.To, input.Role, input.Start);
            }

            var stored = facts.Values.SelectMany(list => list).Select(s => s.Edge.Id).ToList();
            var taken = anyStored ? await ExistingEdgeIdsAsync(firstIds, ct) : new HashSet<string>(StringComparer.Ordinal);
            taken.UnionWith(stored);
            var claims = await LoadClaimKeysAsync(stored, ct);

            var created = new List<EdgeState>();
            var touched = new List<EdgeState>();
            int provenance = 0, conflicts = 0;
            for (var i = 0; i < inputs.Count; i++)
            {
                var input = inputs[i];
                var fact = new Fact(input.From, input.Relation, input.To);
                if (!facts.TryGetValue(fact, out var candidates))
                {
                    candidates = [];
                    facts[fact] = candidates;
                }

                if (candidates.Count > 1)
                {
                    candidates.Sort(CandidateOrder);
                }

                var match = candidates.FirstOrDefault(c => EdgeIdentity.IsSameFact(c.Edge, input.Relation, input.From, input.To, input.Role, input.Start));
                var isNew = match is null;
                var wasInConflict = match?.InConflict ?? false;
                if (match is null)
                {
                    var id = await FreeIdAsync(input, firstIds[i], taken, ct);
                    taken.Add(id);
                    match = new EdgeState(
                        new GraphEdge(id, input.Relation, input.From, input.To)
                        {
                            Role = input.Role?.Trim(),
                            Start = input.Start,
                            End = input.End,
                            Confidence = input.Confidence,
                        },
                        false,
                        false);
                    candidates.Add(match);
                    created.Add(match);
                }

                var added = 0;
                var start = input.Start?.ToString() ?? string.Empty;
                var end = input.End?.ToString() ?? string.Empty;
                foreach (var source in input.Sources)
                {
                    if (claims.Add(new ClaimKey(match.Edge.Id, source.SourceId, start, end, source.Quote ?? string.Empty, source.Note ?? string.Empty)))
                    {
                        if (match.Pending is null)
                        {
                            match.Pending = [];
                            touched.Add(match);
                        }

                        match.Pending.Add((source, start, end));
                        added++;
                    }
                }

                provenance += added;
                if (isNew || added == 0)
                {
                    continue;
                }

                // New support for an edge: settle its dates again from every source's claim, as held in the store.
                await WriteEdgesAsync([match], ct);
                var settled = await SettleAsync(match.Edge.Id, input.Role, input.Confidence, ct);
                match.Edge = match.Edge with
                {
                    Start = settled.Start,
                    End = settled.End,
                    Role = match.Edge.Role ?? input.Role?.Trim(),
                    Confidence = Math.Max(match.Edge.Confidence, input.Confidence),
                };
                match.InConflict = settled.InConflict;
                conflicts += settled.InConflict && !wasInConflict ? 1 : 0;
            }

            var rows = created.Where(e => !e.Stored).OrderBy(e => e.Edge.Id, StringComparer.Ordinal).ToList();
            var dropped = await DropIndexesForBulkAsync(rows.Count, ct);
            await WriteEdgesAsync(rows, ct);
            await WriteClaimsAsync(touched.Distinct().Where(e => e.Pending is { Count: > 0 }).OrderBy(e => e.Edge.Id, StringComparer.Ordinal).ToList(), ct);
            foreach (var sql in dropped)
            {
                await Command(sql).ExecuteNonQueryAsync(ct);
            }
            return (created.Count, provenance, conflicts);
        }

        /// <summary>
        /// Before writing many new edges into a store holding fewer, drops the secondary indexes of edges and
        /// edge_sources and returns the statements that create them again: building an index once from all rows is
        /// several times cheaper than inserting each row into it. The reads of the merge are done by then, the
        /// primary keys (which the foreign keys use) stay, and it all happens in the batch's transaction, so another
        /// connection sees the indexes throughout and a failed batch leaves them as they were.
        /// </summary>
        private async Task<IReadOnlyList<string>> DropIndexesForBulkAsync(int newEdges, CancellationToken ct)
        {
            if (newEdges < BulkIndexRows || await Command("SELECT count(*) FROM edges;").ExecuteScalarAsync(ct) is not long stored || stored > newEdges)
            {
                return [];
            }

            var indexes = new List<(string Name, string Sql)>();
            {
                var read = Command("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name IN ('edges', 'edge_sources') AND sql IS NOT NULL ORDER BY name;");
                await using var reader = await read.ExecuteReaderAsync(ct);
                while (await reader.ReadAsync(ct))
                {
                    indexes.Add((reader.GetString(0), reader.GetString(1)));
                }
            }

            foreach (var (name, _) in indexes)
            {
                await Command($"DROP INDEX \"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\";").ExecuteNonQueryAsync(ct);
            }

            return indexes.Select(i => i.Sql + ";").ToList();
        }

        /// <summary>The edges already stored for each (from, relation, to) of the batch, with their conflict flags.</summary>
        private async Task<Dictionary<Fact, List<EdgeState>>> LoadCandidatesAsync(IReadOnlyList<EdgeInput> inputs, CancellationToken ct)
        {
            var facts = new Dictionary<Fact, List<EdgeState>>();
            var wanted = inputs.Select(e => new Fact(e.From, e.Relation, e.To)).Distinct().ToList();
            foreach (var chunk in wanted.Chunk(Chunk))
            {
                var read = Command($"""
                    SELECT {EdgeColumns}, e.in_conflict
                    FROM json_each(@facts) j CROSS JOIN edges e
                        ON e.from_id = j.value ->> 0 AND e.relation = j.value ->> 1 AND e.to_id = j.value ->> 2;
                    """);
                read.Parameters.AddWithValue("@facts", JsonRows(chunk, (w, f) =>
                {
                    w.WriteStringValue(f.From);
                    w.WriteStringValue(f.Relation.ToWire());
                    w.WriteStringValue(f.To);
                }));
                await using var reader = await read.ExecuteReaderAsync(ct);
                while (await reader.ReadAsync(ct))
                {
                    var edge = ReadEdge(reader);
                    var fact = new Fact(edge.From, edge.Relation, edge.To);
                    if (!facts.TryGetValue(fact, out var list))
                    {
                        list = [];
                        facts[fact] = list;
                    }

                    list.Add(new EdgeState(edge, reader.GetInt64(9) == 1, true));
                }
            }

            return facts;
        }

        private async Task<HashSet<string>> ExistingEdgeIdsAsync(IEnumerable<string> ids, CancellationToken ct)
        {
            var found = new HashSet<string>(StringComparer.Ordinal);
            foreach (var chunk in ids.Distinct(StringComparer.Ordinal).Chunk(Chunk))
            {
                var read = Command("SELECT e.id FROM json_each(@ids) j CROSS JOIN edges e ON e.id = j.value;");
                read.Parameters.AddWithValue("@ids", JsonSerializer.Serialize(chunk));
                await using var reader = await read.ExecuteReaderAsync(ct);
                while (await reader.ReadAsync(ct))
                {
                    found.Add(reader.GetString(0));
                }
            }

            return found;
        }

        /// <summary>The claims the stored edges already hold, by primary key (a claim again adds no provenance).</summary>
        private async Task<HashSet<ClaimKey>> LoadClaimKeysAsync(IReadOnlyList<string> edgeIds, CancellationToken ct)
        {
            var keys = new HashSet<ClaimKey>();
            foreach (var chunk in edgeIds.Chunk(Chunk))
            {
                var read = Command("SELECT s.edge_id, s.source_id, s.claimed_start, s.claimed_end, s.quote, s.note FROM json_each(@ids) j CROSS JOIN edge_sources s ON s.edge_id = j.value;");
                read.Parameters.AddWithValue("@ids", JsonSerializer.Serialize(chunk));
                await using var reader = await read.ExecuteReaderAsync(ct);
                while (await reader.ReadAsync(ct))
                {
                    keys.Add(new ClaimKey(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5)));
                }
            }

            return keys;
        }

        /// <summary>The input's stable id, or the next attempt when an edge (stored or of this batch) already has it.</summary>
        private async Task<string> FreeIdAsync(EdgeInput input, string firstId, HashSet<string> taken, CancellationToken ct)
        {
            if (!taken.Contains(firstId))
            {
                return firstId;
            }

            for (var attempt = 1; ; attempt++)
            {
                var id = EdgeIdentity.NewId(input.Relation, input.From, input.To, input.Role, input.Start, attempt);
                if (taken.Contains(id))
                {
                    continue;
                }

                var exists = Command("SELECT 1 FROM edges WHERE id = @id;");
                exists.Parameters.AddWithValue("@id", id);
                if (await exists.ExecuteScalarAsync(ct) is null)
                {
                    return id;
                }
            }
        }

        /// <summary>Writes the rows of edges not stored yet and then every pending claim of those edges.</summary>
        private async Task WriteEdgesAsync(IReadOnlyList<EdgeState> edges, CancellationToken ct)
        {
            var rows = edges.Where(e => !e.Stored).ToList();
            await DeferForeignKeysAsync(ct);
            foreach (var chunk in rows.Chunk(Chunk))
            {
                var insert = Command("""
                    INSERT OR IGNORE INTO edges(id, relation, from_id, to_id, role, start, "end", confidence, recorded_at)
                    SELECT j.value ->> 0, j.value ->> 1, j.value ->> 2, j.value ->> 3, j.value ->> 4, j.value ->> 5, j.value ->> 6, j.value ->> 7, @now
                    FROM json_each(@rows) j;
                    """);
                insert.Parameters.AddWithValue("@rows", JsonRows(chunk, (w, state) =>
                {
                    var edge = state.Edge;
                    w.WriteStringValue(edge.Id);
                    w.WriteStringValue(edge.Relation.ToWire());
                    w.WriteStringValue(edge.From);
                    w.WriteStringValue(edge.To);
                    WriteNullable(w, edge.Role);
                    WriteNullable(w, edge.Start?.ToString());
                    WriteNullable(w, edge.End?.ToString());
                    w.WriteNumberValue(edge.Confidence);
                }));
                insert.Parameters.AddWithValue("@now", _now);
                Expect(await insert.ExecuteNonQueryAsync(ct), chunk.Length, "edges");
            }

            foreach (var state in rows)
            {
                state.Stored = true;
            }

            await WriteClaimsAsync(edges.Where(e => e.Pending is { Count: > 0 }).ToList(), ct);
        }

        /// <summary>Writes the pending claims of stored edges (new by their primary key, as merged in memory).</summary>
        private async Task WriteClaimsAsync(IReadOnlyList<EdgeState> edges, CancellationToken ct)
        {
            var rows = edges.SelectMany(e => e.Pending!.Select(p => (e.Edge.Id, p.Source, p.Start, p.End))).ToList();
            await DeferForeignKeysAsync(ct);
            foreach (var chunk in rows.Chunk(Chunk))
            {
                var insert = Command("""
                    INSERT OR IGNORE INTO edge_sources(edge_id, source_id, claimed_start, claimed_end, quote, note, quote_start, quote_end, confidence, recorded_at)
                    SELECT j.value ->> 0, j.value ->> 1, j.value ->> 2, j.value ->> 3, j.value ->> 4, j.value ->> 5, j.value ->> 6, j.value ->> 7, j.value ->> 8, @now
                    FROM json_each(@rows) j;
                    """);
                insert.Parameters.AddWithValue("@rows", JsonRows(chunk, (w, row) =>
                {
                    w.WriteStringValue(row.Id);
                    w.WriteStringValue(row.Source.SourceId);
                    w.WriteStringValue(row.Start);
                    w.WriteStringValue(row.End);
                    w.WriteStringValue(row.Source.Quote ?? string.Empty);
                    w.WriteStringValue(row.Source.Note ?? string.Empty);
                    WriteNullable(w, row.Source.QuoteStart);
                    WriteNullable(w, row.Source.QuoteEnd);
                    w.WriteNumberValue(row.Source.Confidence);
                }));
                insert.Parameters.AddWithValue("@now", _now);
                Expect(await insert.ExecuteNonQueryAsync(ct), chunk.Length, "edge_sources");
            }

            foreach (var state in edges)
            {
                state.Pending = null;
            }
        }

        /// <summary>
        /// The multi-row inserts are OR IGNORE, with foreign keys checked at commit, so that nothing in them can abort
        /// and SQLite needs no statement journal (a copy of every page a statement touches); the rows are new by
        /// construction, and a row that was not written anyway fails the batch here.
        /// </summary>
        private async Task DeferForeignKeysAsync(CancellationToken ct)
        {
            if (!_foreignKeysDeferred)
            {
                await Command("PRAGMA defer_foreign_keys = ON;").ExecuteNonQueryAsync(ct);
                _foreignKeysDeferred = true;
            }
        }

        private static void Expect(int written, int expected, string table)
        {
            if (written != expected)
            {
                throw new InvalidOperationException($"bulk insert into {table} wrote {written} of {expected} rows; the batch is rolled back");
            }
        }

        /// <summary>A JSON array of arrays, one per item, for json_each.</summary>
        private static string JsonRows<T>(IEnumerable<T> items, Action<Utf8JsonWriter, T> row)
        {
            var buffer = new ArrayBufferWriter<byte>(64 * 1024);
            using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            {
                writer.WriteStartArray();
                foreach (var item in items)
                {
                    writer.WriteStartArray();
                    row(writer, item);
                    writer.WriteEndArray();
                }

                writer.WriteEndArray();
            }

            return Encoding.UTF8.GetString(buffer.WrittenSpan);
        }

        private static void WriteNullable(Utf8JsonWriter writer, string? value)
        {
            if (value is null)
            {
                writer.WriteNullValue();
            }
            else
            {
                writer.WriteStringValue(value);
            }
        }

        private static void WriteNullable(Utf8JsonWriter writer, int? value)
        {
            if (value is null)
            {
                writer.WriteNullValue();
            }
            else
            {
                writer.WriteNumberValue(value.Value);
            }
        }
    }
}
