using KnowledgeGraph.Ingestion;
using KnowledgeGraph.Storage.Jobs;
using KnowledgeGraph.Storage.Neo4j;
using KnowledgeGraph.Storage.Sqlite;
using KnowledgeGraph.Storage.Tests.Neo4j;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeGraph.Storage.Tests;

/// <summary>Store:Kind picks the store, its job queue and its schema together; where the worker runs follows from it.</summary>
[Trait("Category", "Store")]
public sealed class StoreSelectionTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "kg-selection-tests", Guid.NewGuid().ToString("N"));

    private static IConfiguration Config(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public async Task Store_Kind_Neo4j_resolves_the_Neo4j_store_queue_and_schema_without_contacting_the_server()
    {
        await using var server = new ScriptedNeo4jServer();
        var configuration = Config(("Store:Kind", "Neo4j"), ("Store:Neo4j:Uri", server.Uri), ("Store:Neo4j:User", "neo4j"), ("Store:Neo4j:Password", "pw"));
        await using var provider = new ServiceCollection().AddGraphStore(configuration, _ => throw new InvalidOperationException("no SQLite path on Neo4j")).BuildServiceProvider();

        Assert.IsType<Neo4jGraphStore>(provider.GetRequiredService<IGraphStore>());
        Assert.IsType<Neo4jJobQueue>(provider.GetRequiredService<IJobQueue>());
        var schema = Assert.IsType<Neo4jSchemaMigrator>(provider.GetRequiredService<IStoreSchema>());
        Assert.Equal(5, schema.LatestVersion);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task The_default_kind_is_the_embedded_store_with_its_queue_in_the_same_file()
    {
        var path = Path.Combine(_folder, "graph.db");
        await using var provider = new ServiceCollection().AddGraphStore(Config(), _ => path).BuildServiceProvider();

        var store = Assert.IsType<SqliteGraphStore>(provider.GetRequiredService<IGraphStore>());
        Assert.IsType<SqliteJobQueue>(provider.GetRequiredService<IJobQueue>());
        Assert.Same(store, provider.GetRequiredService<IStoreSchema>());
        Assert.Equal(Path.GetFullPath(path), store.DatabasePath);
    }

    [Fact]
    public async Task The_embedded_schema_reports_its_version_before_and_after_applying_the_missing_steps()
    {
        await using var provider = new ServiceCollection().AddGraphStore(Config(), _ => Path.Combine(_folder, "graph.db")).BuildServiceProvider();
        var schema = provider.GetRequiredService<IStoreSchema>();

        var before = await schema.CurrentVersionAsync(CancellationToken.None);
        var applied = await schema.ApplyMissingAsync(CancellationToken.None);
        var after = await schema.CurrentVersionAsync(CancellationToken.None);
        var again = await schema.ApplyMissingAsync(CancellationToken.None);

        Assert.Equal((0, schema.LatestVersion, schema.LatestVersion, 0), (before, applied, after, again));
        Assert.True(schema.LatestVersion >= 3);
    }

    [Theory]
    [InlineData(null, null, true)]
    [InlineData("Sqlite", null, true)]
    [InlineData("Neo4j", null, false)]
    [InlineData("Neo4j", "true", true)]
    [InlineData("Sqlite", "false", false)]
    [InlineData("neo4j", null, false)]
    public void The_host_runs_the_worker_on_the_embedded_store_and_only_enqueues_on_Neo4j_unless_told(string? kind, string? enabled, bool expected)
    {
        var values = new List<(string, string)>();
        if (kind is not null)
        {
            values.Add(("Store:Kind", kind));
        }

        if (enabled is not null)
        {
            values.Add(("Worker:Enabled", enabled));
        }

        Assert.Equal(expected, IngestionServiceCollectionExtensions.WorkerRunsInHost(Config([.. values])));
    }
}
