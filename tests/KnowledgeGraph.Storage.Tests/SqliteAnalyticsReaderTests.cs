using KnowledgeGraph.Core.Dates;
using KnowledgeGraph.Core.Graph;
using KnowledgeGraph.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using static KnowledgeGraph.Storage.Tests.TestGraph;

namespace KnowledgeGraph.Storage.Tests;

/// <summary>The lean career read of the embedded store's analytics reader: the same edges as the store's own read, from one covering index.</summary>
[Trait("Category", "Store")]
public sealed class SqliteAnalyticsReaderTests : IDisposable
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "kg-analytics-reader-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public async Task Career_edges_match_the_store_read_field_by_field_and_every_person_asked_is_a_key()
    {
        var path = Path.Combine(_folder, $"{Guid.NewGuid():N}.db");
        var store = new SqliteGraphStore(Options.Create(new SqliteStoreOptions { DatabasePath = path, CacheSizeKiB = 2048 }));
        await store.InitializeAsync(Ct);
        await store.ApplyAsync(Base(), Ct);
        await store.ApplyAsync(Of(
            Edge(Relation.WorkedAt, Jerry, OpenAi, "src:a", "2019-07", "2025-01", "VP of Research"),
            Edge(Relation.Left, Jerry, OpenAi, "src:b", "2025-01-15"),
            Edge(Relation.WorkedOn, Jerry, Codex, "src:a", role: "lead")), Ct);
        var reader = new SqliteAnalyticsReader(Options.Create(new SqliteStoreOptions { DatabasePath = path }));

        var all = await reader.GetCareerEdgesAsync([Lukasz, Jerry, Jerry], null, Ct);
        var employment = await reader.GetCareerEdgesAsync([Jerry], [Relation.WorkedAt, Relation.Left], Ct);
        var expected = (await store.GetEdgesFromAsync([Jerry], null, Ct))[Jerry];

        Assert.Equal([Jerry, Lukasz], all.Keys.Order(StringComparer.Ordinal));
        Assert.Empty(all[Lukasz]);
        Assert.Equal(3, expected.Count);
        Assert.Equal(
            expected.Select(e => (e.Id, e.Relation, e.From, e.To, e.Role, e.Start, e.End)).OrderBy(e => e.Id, StringComparer.Ordinal),
            all[Jerry].Select(e => (e.Id, e.Relation, e.From, e.To, e.Role, e.Start, e.End)).OrderBy(e => e.Id, StringComparer.Ordinal));
        Assert.Equal([Relation.Left, Relation.WorkedAt], employment[Jerry].Select(e => e.Relation).OrderBy(r => r.ToWire(), StringComparer.Ordinal));
        Assert.Equal(PartialDate.Parse("2025-01-15"), employment[Jerry].Single(e => e.Relation == Relation.Left).Start);
    }

    [Fact]
    public async Task The_career_read_is_served_by_the_covering_index()
    {
        var path = Path.Combine(_folder, $"{Guid.NewGuid():N}.db");
        await new SqliteGraphStore(Options.Create(new SqliteStoreOptions { DatabasePath = path, CacheSizeKiB = 2048 })).InitializeAsync(Ct);
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();

        // The shape of GetCareerEdgesAsync's statement.
        command.CommandText = """
            EXPLAIN QUERY PLAN SELECT e.id, e.relation, e.from_id, e.to_id, e.role, e.start, e."end"
            FROM json_each(@ids) j CROSS JOIN edges e ON e.from_id = j.value AND e.relation IN (SELECT value FROM json_each(@relations));
            """;
        command.Parameters.AddWithValue("@ids", "[\"person:a\"]");
        command.Parameters.AddWithValue("@relations", "[\"LEFT\"]");
        var details = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync(Ct))
        {
            while (await reader.ReadAsync(Ct))
            {
                details.Add(reader.GetString(3));
            }
        }

        Assert.Contains(details, d => d.Contains("COVERING INDEX ix_edges_from_career", StringComparison.Ordinal));
    }
}
