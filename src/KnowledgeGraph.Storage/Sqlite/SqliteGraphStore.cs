using System.Globalization;
using System.Text.Json;
using KnowledgeGraph.Core.Dates;
using KnowledgeGraph.Core.Graph;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace KnowledgeGraph.Storage.Sqlite;

/// <summary>
/// The embedded store: one SQLite file in WAL mode (readers never wait for the writer). Lists of ids travel as one
/// JSON parameter read with json_each, so every value is a parameter and a list is one statement.
/// </summary>
public sealed partial class SqliteGraphStore : IGraphStore, IStoreSchema, IDisposable
{
    private const string EdgeColumns = "e.id, e.relation, e.from_id, e.to_id, e.role, e.start, e.\"end\", e.confidence, e.recorded_at";
    private readonly string _connectionString;
    private readonly int _cacheSizeKiB;
    private readonly long _mmapSizeBytes;
    private readonly int _walAutoCheckpointPages;
    private readonly TimeProvider _clock;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<object, object> _configured = [];
    private readonly SqliteReadCache? _cache;

    public SqliteGraphStore(IOptions<SqliteStoreOptions> options, TimeProvider? clock = null)
    {
        var path = Path.GetFullPath(options.Value.DatabasePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
        _cacheSizeKiB = options.Value.CacheSizeKiB;
        _mmapSizeBytes = (long)options.Value.MmapSizeMiB * 1024 * 1024;
        _walAutoCheckpointPages = options.Value.WalAutoCheckpointPages;
        _cache = options.Value.ReadCacheItems > 0 ? new SqliteReadCache(_connectionString, options.Value.ReadCacheItems) : null;
        _clock = clock ?? TimeProvider.System;
    }

    /// <summary>Closes the read cache's watching connection; pooled connections close with the pool.</summary>
    public void Dispose() => _cache?.Dispose();

    /// <summary>The read cache, when on (Store:Sqlite:ReadCacheItems above 0).</summary>
    internal SqliteReadCache? ReadCache => _cache;

    public string DatabasePath => new SqliteConnectionStringBuilder(_connectionString).DataSource;

    public Task InitializeAsync(CancellationToken cancellationToken) => ApplyMissingAsync(cancellationToken);

    /// <summary>The embedded store applies its missing migrations whenever it is opened (<see cref="InitializeAsync"/>).</summary>
    public int LatestVersion => SqliteMigrations.Steps.Count;

    public async Task<int> CurrentVersionAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return Convert.ToInt32(await ScalarAsync(connection, "PRAGMA user_version;", cancellationToken), CultureInfo.InvariantCulture);
    }

    public async Task<int> ApplyMissingAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await ExecuteAsync(connection, "PRAGMA journal_mode = WAL;", cancellationToken);
        var version = Convert.ToInt32(await ScalarAsync(connection, "PRAGMA user_version;", cancellationToken), CultureInfo.InvariantCulture);
        for (var step = version; step < SqliteMigrations.Steps.Count; step++)
        {
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            await using (var command = connection.CreateCommand())
            {
                command.Transaction = transaction;
                command.CommandText = SqliteMigrations.Steps[step] + $"\nPRAGMA user_version = {step + 1};";
                await command.ExecuteNonQueryAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }

        return Math.Max(0, SqliteMigrations.Steps.Count - version);
    }

    public async Task<bool> PingAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await OpenAsync(cancellationToken);
            return await ScalarAsync(connection, "SELECT count(*) FROM meta;", cancellationToken) is not null;
        }
        catch (SqliteException)
        {
            return false;
        }
    }

    public async Task<IReadOnlyDictionary<string, GraphNode>> GetNodesAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        var result = new Dictionary<string, GraphNode>(StringComparer.Ordinal);
        if (ids.Count == 0)
        {
            return result;
        }

        var cached = _cache?.Current();
        var missing = cached is null ? ids : cached.TakeNodes(ids, result);
        if (missing.Count > 0)
        {
            await using var connection = await OpenAsync(cancellationToken);
            await ReadNodesAsync(connection, null, "WHERE n.id IN (SELECT value FROM json_each(@ids))", p => p.AddWithValue("@ids", JsonList(missing)), result, cancellationToken);
            cached?.PutNodes(missing, result);
        }

        return result;
    }

    public async Task<IReadOnlyList<GraphNode>> FindByNameAsync(string name, NodeKind? kind, CancellationToken cancellationToken)
    {
        var norm = NameNormalizer.Normalize(name);
        if (norm.Length == 0)
        {
            return [];
        }

        await using var connection = await OpenAsync(cancellationToken);
        var found = new Dictionary<string, GraphNode>(StringComparer.Ordinal);
        var filter = "WHERE n.id IN (SELECT node_id FROM node_aliases WHERE norm = @norm)" + (kind is null ? string.Empty : " AND n.kind = @kind");
        await ReadNodesAsync(connection, null, filter, p =>
        {
            p.AddWithValue("@norm", norm);
            if (kind is { } k)
            {
                p.AddWithValue("@kind", k.ToString());
            }
        }, found, cancellationToken);

        // The node whose own name matches comes before one that only has it as an alias.
        return found.Values
            .OrderBy(n => NameNormalizer.Normalize(n.Name) == norm ? 0 : 1)
            .ThenBy(n => n.Id, StringComparer.Ordinal)
            .ToList();
    }

    public async Task<IReadOnlyList<GraphNode>> SearchAsync(string text, int first, CancellationToken cancellationToken)
    {
        var match = FtsQuery(text);
        if (match is null || first <= 0)
        {
            return [];
        }

        await using var connection = await OpenAsync(cancellationToken);
        var ranked = new List<string>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT n.id FROM node_search s JOIN nodes n ON n.rowid = s.rowid WHERE node_search MATCH @match ORDER BY bm25(node_search), length(s.names) LIMIT @first;";
            command.Parameters.AddWithValue("@match", match);
            command.Parameters.AddWithValue("@first", first);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                ranked.Add(reader.GetString(0));
            }
        }

        var nodes = new Dictionary<string, GraphNode>(StringComparer.Ordinal);
        await ReadNodesAsync(connection, null, "WHERE n.id IN (SELECT value FROM json_each(@ids))", p => p.AddWithValue("@ids", JsonList(ranked)), nodes, cancellationToken);
        return ranked.Where(nodes.ContainsKey).Select(id => nodes[id]).ToList();
    }

    public Task<IReadOnlyDictionary<string, IReadOnlyList<GraphEdge>>> GetEdgesFromAsync(IReadOnlyCollection<string> nodeIds, IReadOnlyCollection<Relation>? relations, CancellationToken cancellationToken) =>
        GetEdgesByEndAsync("from_id", nodeIds, relations, cancellationToken);

    public Task<IReadOnlyDictionary<string, IReadOnlyList<GraphEdge>>> GetEdgesToAsync(IReadOnlyCollection<string> nodeIds, IReadOnlyCollection<Relation>? relations, CancellationToken cancellationToken) =>
        GetEdgesByEndAsync("to_id", nodeIds, relations, cancellationToken);

    public async Task<IReadOnlyDictionary<string, GraphEdge>> GetEdgesAsync(IReadOnlyCollection<string> edgeIds, CancellationToken cancellationToken)
    {
        var result = new Dictionary<string, GraphEdge>(StringComparer.Ordinal);
        if (edgeIds.Count == 0)
        {
            return result;
        }

        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {EdgeColumns} FROM edges e WHERE e.id IN (SELECT value FROM json_each(@ids));";
        command.Parameters.AddWithValue("@ids", JsonList(edgeIds));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var edge = ReadEdge(reader);
            result[edge.Id] = edge;
        }

        return result;
    }

    public async Task<IReadOnlyDictionary<string, IReadOnlyList<SourceRef>>> GetSourceRefsAsync(IReadOnlyCollection<string> edgeIds, CancellationToken cancellationToken)
    {
        var ids = edgeIds.Distinct(StringComparer.Ordinal).ToList();
        var result = new Dictionary<string, IReadOnlyList<SourceRef>>(ids.Count, StringComparer.Ordinal);
        if (ids.Count == 0)
        {
            return result;
        }

        var cached = _cache?.Current();
        var missing = cached is null ? ids : cached.TakeSourceRefs(ids, result);
        if (missing.Count > 0)
        {
            var read = missing.ToDictionary(id => id, _ => new List<SourceRef>(), StringComparer.Ordinal);
            await using var connection = await OpenAsync(cancellationToken);
            await ReadSourceRefsAsync(connection, null, read, cancellationToken);
            foreach (var (id, refs) in read)
            {
                result[id] = refs;
            }

            cached?.PutSourceRefs(read);
        }

        return result;
    }

    public async Task<IReadOnlyDictionary<string, Source>> GetSourcesAsync(IReadOnlyCollection<string> sourceIds, CancellationToken cancellationToken)
    {
        var result = new Dictionary<string, Source>(StringComparer.Ordinal);
        if (sourceIds.Count == 0)
        {
            return result;
        }

        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, title, url, published_on, content_hash, ingested_at, retracted_at FROM sources WHERE id IN (SELECT value FROM json_each(@ids));";
        command.Parameters.AddWithValue("@ids", JsonList(sourceIds));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var source = new Source(
                reader.GetString(0),
                NullableString(reader, 1),
                NullableString(reader, 2),
                ParseDate(NullableString(reader, 3)),
                DateTimeOffset.Parse(reader.GetString(5), CultureInfo.InvariantCulture))
            {
                ContentHash = NullableString(reader, 4),
                RetractedAt = NullableString(reader, 6) is { } retracted ? ParseStamp(retracted) : null,
            };
            result[source.Id] = source;
        }

        return result;
    }

    public async Task<IReadOnlyList<GraphEdge>> GetConflictedEdgesAsync(int first, int offset, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await ReadEdgesWithSourcesAsync(
            connection,
            null,
            "e.in_conflict = 1 ORDER BY e.id LIMIT @first OFFSET @offset",
            parameters =>
            {
                parameters.AddWithValue("@first", first);
                parameters.AddWithValue("@offset", offset);
            },
            cancellationToken);
    }

    /// <summary>The edges <paramref name="filter"/> selects (a WHERE clause over alias e, with its order), each with its provenance.</summary>
    private async Task<List<GraphEdge>> ReadEdgesWithSourcesAsync(SqliteConnection connection, SqliteTransaction? transaction, string filter, Action<SqliteParameterCollection> bind, CancellationToken cancellationToken)
    {
        var edges = new List<GraphEdge>();
        await using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = $"SELECT {EdgeColumns} FROM edges e WHERE {filter};";
            bind(command.Parameters);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                edges.Add(ReadEdge(reader));
            }
        }

        var refs = edges.ToDictionary(e => e.Id, _ => new List<SourceRef>(), StringComparer.Ordinal);
        if (refs.Count > 0)
        {
            await ReadSourceRefsAsync(connection, transaction, refs, cancellationToken);
        }

        return edges.Select(e => e with { Sources = refs[e.Id] }).ToList();
    }

    public async Task<string?> GetMetaAsync(string key, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT value FROM meta WHERE key = @key;";
        command.Parameters.AddWithValue("@key", key);
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }

    public async Task SetMetaAsync(string key, string value, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO meta(key, value) VALUES (@key, @value) ON CONFLICT(key) DO UPDATE SET value = excluded.value;";
        command.Parameters.AddWithValue("@key", key);
        command.Parameters.AddWithValue("@value", value);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<GraphStats> GetStatsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT (SELECT count(*) FROM nodes), (SELECT count(*) FROM edges), (SELECT count(*) FROM sources), (SELECT count(*) FROM edge_sources);";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new GraphStats(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3));
    }

    public async Task<GraphBreakdown> GetBreakdownAsync(CancellationToken cancellationToken)
    {
        var kinds = Enum.GetValues<NodeKind>().ToDictionary(k => k, _ => 0L);
        var relations = Relations.All.ToDictionary(r => r, _ => 0L);
        await using var connection = await OpenAsync(cancellationToken);
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT kind, count(*) FROM nodes GROUP BY kind;";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                kinds[Enum.Parse<NodeKind>(reader.GetString(0))] = reader.GetInt64(1);
            }
        }

        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT relation, count(*) FROM edges GROUP BY relation;";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                if (Relations.TryParse(reader.GetString(0), out var relation))
                {
                    relations[relation] = reader.GetInt64(1);
                }
            }
        }

        var conflicts = Convert.ToInt64(await ScalarAsync(connection, "SELECT count(*) FROM edges WHERE in_conflict = 1;", cancellationToken), CultureInfo.InvariantCulture);
        return new GraphBreakdown(kinds, relations, conflicts);
    }

    private async Task<IReadOnlyDictionary<string, IReadOnlyList<GraphEdge>>> GetEdgesByEndAsync(string column, IReadOnlyCollection<string> nodeIds, IReadOnlyCollection<Relation>? relations, CancellationToken cancellationToken)
    {
        var ids = nodeIds.Distinct(StringComparer.Ordinal).ToList();
        var result = new Dictionary<string, IReadOnlyList<GraphEdge>>(ids.Count, StringComparer.Ordinal);
        if (ids.Count == 0)
        {
            return result;
        }

        var relationsKey = relations is null ? "*" : string.Join(',', relations.Select(r => r.ToWire()).Order(StringComparer.Ordinal));
        var cached = _cache?.Current();
        var missing = cached is null ? ids : cached.TakeEdges(column, relationsKey, ids, result);
        if (missing.Count == 0)
        {
            return result;
        }

        var read = missing.ToDictionary(id => id, _ => new List<GraphEdge>(), StringComparer.Ordinal);
        await using var connection = await OpenAsync(cancellationToken);
        await using (var command = connection.CreateCommand())
        {
            // column is one of two constants chosen above, never input. CROSS JOIN keeps the id list as the outer
            // loop: without statistics the planner may otherwise scan a relation's whole index.
            command.CommandText = relations is null
                ? $"SELECT {EdgeColumns} FROM json_each(@ids) j CROSS JOIN edges e ON e.{column} = j.value;"
                : $"SELECT {EdgeColumns} FROM json_each(@ids) j CROSS JOIN edges e ON e.{column} = j.value AND e.relation IN (SELECT value FROM json_each(@relations));";
            command.Parameters.AddWithValue("@ids", JsonList(read.Keys));
            if (relations is not null)
            {
                command.Parameters.AddWithValue("@relations", JsonList(relations.Select(r => r.ToWire())));
            }

            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var edge = ReadEdge(reader);
                read[column == "from_id" ? edge.From : edge.To].Add(edge);
            }
        }

        foreach (var (id, edges) in read)
        {
            result[id] = edges;
        }

        cached?.PutEdges(column, relationsKey, read);
        return result;
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);

        // Pooled connections keep their settings: set them once per underlying SQLite handle, not on every open.
        if (connection.Handle is { } handle && !_configured.TryGetValue(handle, out _))
        {
            await ExecuteAsync(connection, $"PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL; PRAGMA cache_size = -{_cacheSizeKiB}; PRAGMA temp_store = MEMORY; PRAGMA mmap_size = {_mmapSizeBytes}; PRAGMA wal_autocheckpoint = {_walAutoCheckpointPages};", cancellationToken);
            _configured.AddOrUpdate(handle, handle);
        }

        return connection;
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken, SqliteTransaction? transaction = null)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<object?> ScalarAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(cancellationToken);
    }

    private static async Task ReadNodesAsync(SqliteConnection connection, SqliteTransaction? transaction, string filter, Action<SqliteParameterCollection> bind, Dictionary<string, GraphNode> into, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"""
            SELECT n.id, n.kind, n.name, n.org_kind, n.parent_id, n.year, n.venue,
                   (SELECT json_group_array(a.alias) FROM node_aliases a WHERE a.node_id = n.id AND a.norm <> lower(n.name))
            FROM nodes n {filter};
            """;
        bind(command.Parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var aliases = JsonSerializer.Deserialize<List<string>>(reader.GetString(7)) ?? [];
            var name = reader.GetString(2);
            aliases.RemoveAll(a => NameNormalizer.Normalize(a) == NameNormalizer.Normalize(name));
            aliases.Sort(StringComparer.Ordinal);
            var node = new GraphNode(reader.GetString(0), Enum.Parse<NodeKind>(reader.GetString(1)), name, aliases)
            {
                OrganizationKind = NullableString(reader, 3) is { } k ? Enum.Parse<OrganizationKind>(k) : null,
                ParentId = NullableString(reader, 4),
                Year = reader.IsDBNull(5) ? null : reader.GetInt32(5),
                Venue = NullableString(reader, 6),
            };
            into[node.Id] = node;
        }
    }

    private static async Task ReadSourceRefsAsync(SqliteConnection connection, SqliteTransaction? transaction, Dictionary<string, List<SourceRef>> into, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            SELECT s.edge_id, s.source_id, s.claimed_start, s.claimed_end, s.quote, s.note, s.quote_start, s.quote_end, s.confidence
            FROM json_each(@ids) j CROSS JOIN edge_sources s ON s.edge_id = j.value
            ORDER BY s.recorded_at, s.source_id;
            """;
        command.Parameters.AddWithValue("@ids", JsonList(into.Keys));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            into[reader.GetString(0)].Add(new SourceRef(reader.GetString(1))
            {
                ClaimedStart = ParseDate(reader.GetString(2)),
                ClaimedEnd = ParseDate(reader.GetString(3)),
                Quote = EmptyToNull(reader.GetString(4)),
                Note = EmptyToNull(reader.GetString(5)),
                QuoteStart = reader.IsDBNull(6) ? null : reader.GetInt32(6),
                QuoteEnd = reader.IsDBNull(7) ? null : reader.GetInt32(7),
                Confidence = reader.GetDouble(8),
            });
        }
    }

    private static GraphEdge ReadEdge(SqliteDataReader reader) =>
        new(reader.GetString(0), Relations.TryParse(reader.GetString(1), out var relation) ? relation : throw new InvalidDataException($"unknown relation '{reader.GetString(1)}' in edge {reader.GetString(0)}"), reader.GetString(2), reader.GetString(3))
        {
            Role = NullableString(reader, 4),
            Start = ParseDate(NullableString(reader, 5)),
            End = ParseDate(NullableString(reader, 6)),
            Confidence = reader.GetDouble(7),
            RecordedAt = ParseStamp(reader.GetString(8)),
        };

    private static DateTimeOffset ParseStamp(string text) =>
        DateTimeOffset.TryParseExact(text, "O", CultureInfo.InvariantCulture, DateTimeStyles.None, out var stamp)
            ? stamp
            : DateTimeOffset.Parse(text, CultureInfo.InvariantCulture);

    private static string? NullableString(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static string? EmptyToNull(string value) => value.Length == 0 ? null : value;

    private static PartialDate? ParseDate(string? value) => string.IsNullOrEmpty(value) ? null : PartialDate.Parse(value);

    private static string JsonList(IEnumerable<string> values) => JsonSerializer.Serialize(values);

    /// <summary>
    /// Turns user text into a safe FTS5 query: each word becomes a quoted term (so FTS syntax in the input is
    /// just text), the last one a prefix, all required.
    /// </summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"[^\p{L}\p{N}]+")]
    private static partial System.Text.RegularExpressions.Regex NonWord();

    private static string? FtsQuery(string text)
    {
        var words = NonWord().Split(NameNormalizer.Normalize(text))
            .Where(w => w.Length > 0)
            .Take(8)
            .ToList();
        if (words.Count == 0)
        {
            return null;
        }

        return string.Join(' ', words.Select((w, i) => i == words.Count - 1 ? $"\"{w}\"*" : $"\"{w}\""));
    }
}
