using System.Globalization;
using KnowledgeGraph.Core.Graph;
using KnowledgeGraph.Ingestion.Generation;
using KnowledgeGraph.Ingestion.Records;
using KnowledgeGraph.Storage.Export;
using KnowledgeGraph.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace KnowledgeGraph.Storage.Tests.Export;

/// <summary>Embedded stores in a temp folder for the export, backup and copy tests, and a way to compare two graphs.</summary>
internal sealed class TempStores : IDisposable
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private int _next;

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "kg-export-tests", Guid.NewGuid().ToString("N"));

    public string NextPath(string name = "graph") => Path.Combine(Folder, $"{name}-{_next++}.db");

    public async Task<SqliteGraphStore> EmptyAsync(string? path = null)
    {
        var store = new SqliteGraphStore(Options.Create(new SqliteStoreOptions { DatabasePath = path ?? NextPath(), CacheSizeKiB = 2048 }));
        await store.InitializeAsync(Ct);
        return store;
    }

    /// <summary>The seed records (with the Tworek departure conflict) plus a synthetic graph of <paramref name="people"/> people.</summary>
    public async Task<SqliteGraphStore> SeededAsync(int people = 150)
    {
        var store = await EmptyAsync();
        var importer = new RecordsImporter(store, TimeProvider.System);
        await importer.ImportFolderAsync(RecordsImportTests.SeedRecordsFolder(), Ct);
        Directory.CreateDirectory(Folder);
        var generated = Path.Combine(Folder, $"generated-{_next++}.jsonl");
        await using (var writer = new StreamWriter(generated))
        {
            await new GraphGenerator(new GeneratorOptions(people, 7)).WriteAsync(writer, null, Ct);
        }

        await importer.ImportFileAsync(generated, Ct);
        return store;
    }

    /// <summary>
    /// Every source, node and edge (with each piece of provenance) as text, in id order: two stores holding the same
    /// graph give the same lines. Store-set times (ingestedAt, recordedAt) are left out.
    /// </summary>
    public static async Task<List<string>> SnapshotAsync(IGraphExporter graph)
    {
        var lines = new List<string>();
        await foreach (var page in GraphPages.SourcesAsync(graph, 500, string.Empty, Ct))
        {
            lines.AddRange(page.Select(s => $"source {s.Id}|{s.Title}|{s.Url}|{s.PublishedOn}|{s.ContentHash}"));
        }

        await foreach (var page in GraphPages.NodesAsync(graph, 500, string.Empty, Ct))
        {
            lines.AddRange(page.Select(n => $"node {n.Id}|{n.Kind}|{n.Name}|{string.Join(",", n.Aliases.Order(StringComparer.Ordinal))}|{n.OrganizationKind}|{n.ParentId}|{n.Year}|{n.Venue}"));
        }

        await foreach (var page in GraphPages.EdgesAsync(graph, 500, string.Empty, Ct))
        {
            lines.AddRange(page.Select(e => $"edge {e.Id}|{e.Relation.ToWire()}|{e.From}|{e.To}|{e.Start}|{e.End}|{e.Role}|{e.Confidence.ToString(CultureInfo.InvariantCulture)}|"
                + string.Join(";", e.Sources.Select(s => $"{s.SourceId},{s.ClaimedStart},{s.ClaimedEnd},{s.Quote},{s.Note},{s.QuoteStart},{s.QuoteEnd},{s.Confidence.ToString(CultureInfo.InvariantCulture)}").Order(StringComparer.Ordinal))));
        }

        return lines;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }
    }
}
