using KnowledgeGraph.Core.Graph;
using KnowledgeGraph.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using static KnowledgeGraph.Storage.Tests.TestGraph;

namespace KnowledgeGraph.Storage.Tests;

/// <summary>The contract on the embedded store (a temp file per test), plus what only SQLite has: WAL, migrations, indexes.</summary>
[Trait("Category", "Store")]
public sealed class SqliteGraphStoreTests : GraphStoreContract, IDisposable
{
    private readonly TempDatabase _database = new();

    protected override async Task<IGraphStore> CreateStoreAsync() => await OpenAsync(_database.NextPath());

    public void Dispose() => _database.Dispose();

    private static async Task<SqliteGraphStore> OpenAsync(string path)
    {
        var store = new SqliteGraphStore(Options.Create(new SqliteStoreOptions { DatabasePath = path, CacheSizeKiB = 2048 }));
        await store.InitializeAsync(Ct);
        return store;
    }

    private static async Task<object?> ScalarAsync(string path, string sql)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false, Mode = SqliteOpenMode.ReadOnly }.ToString());
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(Ct);
    }

    [Fact]
    public async Task The_file_is_in_wal_mode()
    {
        var path = _database.NextPath();
        await OpenAsync(path);

        Assert.Equal("wal", await ScalarAsync(path, "PRAGMA journal_mode;"));
    }

    [Fact]
    public async Task Migrations_are_recorded_and_running_them_again_is_harmless()
    {
        var path = _database.NextPath();
        var store = await OpenAsync(path);
        await store.ApplyAsync(Base(), Ct);
        var version = (long)(await ScalarAsync(path, "PRAGMA user_version;"))!;
        var stats = await store.GetStatsAsync(Ct);

        await store.InitializeAsync(Ct);
        await store.InitializeAsync(Ct);

        Assert.True(version >= 1);
        Assert.Equal(version, await ScalarAsync(path, "PRAGMA user_version;"));
        Assert.Equal(stats, await store.GetStatsAsync(Ct));
        Assert.True(await store.PingAsync(Ct));
    }

    [Fact]
    public async Task Data_survives_reopening_the_file()
    {
        var path = _database.NextPath();
        var first = await OpenAsync(path);
        await first.ApplyAsync(Base(), Ct);
        await first.ApplyAsync(Of(Edge(Relation.Left, Jerry, OpenAi, "src:a", "2026-01-05"), Edge(Relation.Left, Jerry, OpenAi, "src:b", "2026-01-07")), Ct);
        await first.SetMetaAsync("seed.imported", "yes", Ct);
        var stats = await first.GetStatsAsync(Ct);
        SqliteConnection.ClearAllPools();

        var reopened = await OpenAsync(path);

        Assert.Equal(stats, await reopened.GetStatsAsync(Ct));
        Assert.Equal("yes", await reopened.GetMetaAsync("seed.imported", Ct));
        Assert.Equal(Jerry, Assert.Single(await reopened.FindByNameAsync("jerry", null, Ct)).Id);
        Assert.Equal(Jerry, Assert.Single(await reopened.SearchAsync("twor", 10, Ct)).Id);
        var conflicted = Assert.Single(await reopened.GetConflictedEdgesAsync(10, 0, Ct));
        Assert.Equal(D("2026-01"), conflicted.Start);
        Assert.Equal(WriteResult.Empty, await reopened.ApplyAsync(Base(), Ct));
    }

    [Theory]
    [InlineData("index", "ix_edges_from")]
    [InlineData("index", "ix_edges_to")]
    [InlineData("index", "ix_edges_relation")]
    [InlineData("index", "ix_aliases_norm")]
    [InlineData("table", "node_search")]
    [InlineData("table", "nodes")]
    [InlineData("table", "edges")]
    [InlineData("table", "edge_sources")]
    [InlineData("table", "meta")]
    public async Task The_schema_has_its_tables_and_indexes(string type, string name)
    {
        var path = _database.NextPath();
        await OpenAsync(path);

        var count = await ScalarAsync(path, $"SELECT count(*) FROM sqlite_master WHERE type = '{type}' AND name = '{name}';");

        Assert.Equal(1L, count);
    }

    [Fact]
    public async Task Search_runs_on_an_fts5_table()
    {
        var path = _database.NextPath();
        await OpenAsync(path);

        var sql = (string?)await ScalarAsync(path, "SELECT sql FROM sqlite_master WHERE name = 'node_search';");

        Assert.Contains("fts5", sql, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("from_id", "ix_edges_from")]
    [InlineData("to_id", "ix_edges_to")]
    public async Task Edge_lookups_by_end_use_the_indexes(string column, string index)
    {
        var path = _database.NextPath();
        await OpenAsync(path);
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();

        // The shape of the store's own query for edges at many nodes with a relation filter.
        command.CommandText = $"EXPLAIN QUERY PLAN SELECT e.id FROM json_each(@ids) j JOIN json_each(@relations) r JOIN edges e ON e.{column} = j.value AND e.relation = r.value;";
        command.Parameters.AddWithValue("@ids", "[\"org:openai\"]");
        command.Parameters.AddWithValue("@relations", "[\"LEFT\"]");
        var details = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync(Ct))
        {
            while (await reader.ReadAsync(Ct))
            {
                details.Add(reader.GetString(3));
            }
        }

        Assert.Contains(details, d => d.Contains(index, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_data_folder_is_created_when_missing()
    {
        var path = Path.Combine(Path.GetDirectoryName(_database.NextPath())!, "nested", "deeper", "graph.db");

        var store = await OpenAsync(path);

        Assert.True(File.Exists(path));
        Assert.True(await store.PingAsync(Ct));
    }

    [Fact]
    public async Task Two_stores_on_one_file_see_each_others_writes()
    {
        var path = _database.NextPath();
        var writer = await OpenAsync(path);
        var reader = await OpenAsync(path);

        await writer.ApplyAsync(Base(), Ct);

        Assert.Equal(6, (await reader.GetStatsAsync(Ct)).Nodes);
    }

    [Fact]
    public async Task Concurrent_batches_on_one_store_are_all_applied()
    {
        var store = await OpenAsync(_database.NextPath());
        await store.ApplyAsync(Base(), Ct);

        await Task.WhenAll(Enumerable.Range(0, 8).Select(i => store.ApplyAsync(new GraphBatch
        {
            Nodes = { Person($"person:p{i}", $"Person {i}") },
            Edges = { Edge(Relation.WorkedAt, $"person:p{i}", OpenAi, "src:a", "2020") },
        }, Ct)));

        Assert.Equal(new GraphStats(14, 8, 3, 8), await store.GetStatsAsync(Ct));
    }
}
