using System.Xml.Linq;
using CsvHelper;
using KnowledgeGraph.Core.Graph;
using KnowledgeGraph.Ingestion.Export;
using KnowledgeGraph.Ingestion.Records;

namespace KnowledgeGraph.Storage.Tests.Export;

/// <summary>`kg export`: records JSONL that imports back to the same graph, GraphML that parses, CSV of affiliations.</summary>
[Trait("Category", "Store")]
public sealed class ExportFormatTests : IDisposable
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private static readonly XNamespace GraphMl = GraphMlWriter.Namespace;
    private readonly TempStores _stores = new();

    public void Dispose() => _stores.Dispose();

    private string OutPath(string name) => Path.Combine(_stores.Folder, name);

    [Fact]
    public async Task Records_export_imported_into_an_empty_store_gives_the_same_graph_and_a_reimport_changes_nothing()
    {
        var original = await _stores.SeededAsync();
        var file = OutPath("graph.jsonl");

        // A small page size so every list spans several pages.
        var counts = await GraphExport.ToFileAsync(original, ExportFormat.Jsonl, file, 97, Ct);
        var copy = await _stores.EmptyAsync();
        var importer = new RecordsImporter(copy, TimeProvider.System);
        var first = await importer.ImportFileAsync(file, Ct);
        var again = await importer.ImportFileAsync(file, Ct);

        var stats = await original.GetStatsAsync(Ct);
        Assert.True(stats.Edges > 500, $"only {stats.Edges} edges: the test graph should span many pages");
        Assert.Equal((stats.Sources, stats.Nodes, stats.Edges), (counts.Sources, counts.Nodes, counts.Edges));
        Assert.Equal(stats, await copy.GetStatsAsync(Ct));
        Assert.Equal((int)stats.Edges, first.NewEdges);
        Assert.Equal((int)stats.Provenance, first.NewProvenance);
        Assert.Equal(WriteResult.Empty, again);
        var (before, after) = (await original.GetBreakdownAsync(Ct), await copy.GetBreakdownAsync(Ct));
        Assert.Equal(before.ConflictedEdges, after.ConflictedEdges);
        Assert.True(after.ConflictedEdges > 0, "the seed data's Tworek departure conflict should come through");
        Assert.Equal(await TempStores.SnapshotAsync(original), await TempStores.SnapshotAsync(copy));
    }

    [Fact]
    public async Task Records_export_lines_are_what_the_records_reader_accepts()
    {
        var original = await _stores.SeededAsync(people: 20);
        var file = OutPath("graph.jsonl");

        var counts = await GraphExport.ToFileAsync(original, ExportFormat.Jsonl, file, 50, Ct);
        var parsed = await RecordsReader.ReadAsync(file, TimeProvider.System, Ct);

        Assert.Equal(counts.Sources, parsed.Batch.Sources.Count);
        Assert.Equal(counts.Nodes, parsed.Batch.Nodes.Count);
        Assert.Equal(counts.Claims, parsed.Batch.Edges.Count);
        Assert.Equal(counts.Sources + counts.Nodes + counts.Claims, File.ReadLines(file).Count());
        var tworekLeft = parsed.Batch.Edges.Where(e => e.Relation == Relation.Left && e.From == "person:jerry-tworek" && e.To == "org:openai").ToList();
        Assert.Contains(tworekLeft, e => e.Start?.ToString() == "2026-01-05");
        Assert.Contains(tworekLeft, e => e.Start?.ToString() == "2026-01-07");
        Assert.All(tworekLeft, e => Assert.All(e.Sources, s => Assert.False(s.Quote is null && s.Note is null, $"{s.SourceId} lost its quote or note")));
    }

    [Fact]
    public async Task GraphML_parses_declares_every_key_and_has_one_element_per_node_and_edge()
    {
        var original = await _stores.SeededAsync(people: 40);
        await original.ApplyAsync(new GraphBatch
        {
            Sources = { TestGraph.Src("src:odd") },
            Nodes = { TestGraph.Person("person:odd-name", "Ada \"Q\" <Lovelace> & Co\u0001") },
        }, Ct);
        var file = OutPath("graph.graphml");

        var counts = await GraphExport.ToFileAsync(original, ExportFormat.GraphMl, file, 64, Ct);
        var document = XDocument.Load(file);

        var stats = await original.GetStatsAsync(Ct);
        var graph = Assert.Single(document.Root!.Elements(GraphMl + "graph"));
        Assert.Equal("directed", graph.Attribute("edgedefault")?.Value);
        var nodes = graph.Elements(GraphMl + "node").ToList();
        var edges = graph.Elements(GraphMl + "edge").ToList();
        Assert.Equal(stats.Nodes, nodes.Count);
        Assert.Equal(stats.Edges, edges.Count);
        Assert.Equal((stats.Nodes, stats.Edges), (counts.Nodes, counts.Edges));

        var keys = document.Root.Elements(GraphMl + "key").ToDictionary(k => k.Attribute("id")!.Value, k => k.Attribute("for")!.Value);
        Assert.All(nodes.SelectMany(n => n.Elements(GraphMl + "data")), d => Assert.Equal("node", keys[d.Attribute("key")!.Value]));
        Assert.All(edges.SelectMany(e => e.Elements(GraphMl + "data")), d => Assert.Equal("edge", keys[d.Attribute("key")!.Value]));
        var ids = nodes.Select(n => n.Attribute("id")!.Value).ToHashSet(StringComparer.Ordinal);
        Assert.All(edges, e => Assert.True(ids.Contains(e.Attribute("source")!.Value) && ids.Contains(e.Attribute("target")!.Value)));

        string? Data(XElement element, string key) => element.Elements(GraphMl + "data").SingleOrDefault(d => d.Attribute("key")!.Value == key)?.Value;
        var odd = Assert.Single(nodes, n => n.Attribute("id")!.Value == "person:odd-name");
        Assert.Equal("Ada \"Q\" <Lovelace> & Co\uFFFD", Data(odd, "n_label"));
        var left = Assert.Single(edges, e => e.Attribute("source")!.Value == "person:jerry-tworek" && e.Attribute("target")!.Value == "org:openai" && Data(e, "e_relation") == "LEFT");
        Assert.Equal("2026-01", Data(left, "e_start"));
        Assert.Equal("string", document.Root.Elements(GraphMl + "key").Single(k => k.Attribute("id")!.Value == "e_start").Attribute("attr.type")!.Value);
        Assert.True(int.Parse(Data(left, "e_sourceCount")!, System.Globalization.CultureInfo.InvariantCulture) >= 3);
    }

    [Fact]
    public async Task Affiliations_CSV_has_the_header_one_row_per_source_of_each_employment_and_quotes_what_needs_it()
    {
        var original = await _stores.SeededAsync(people: 40);
        var file = OutPath("affiliations.csv");

        var counts = await GraphExport.ToFileAsync(original, ExportFormat.Csv, file, 64, Ct);

        var expectedRows = 0;
        var expectedEdges = 0;
        await foreach (var page in KnowledgeGraph.Storage.Export.GraphPages.EdgesAsync(original, 500, string.Empty, Ct))
        {
            expectedRows += page.Where(e => e.Relation == Relation.WorkedAt).Sum(e => e.Sources.Count);
            expectedEdges += page.Count(e => e.Relation == Relation.WorkedAt);
        }

        using var reader = CsvReader.Create(File.OpenRead(file), CsvReaderOptions.Default, leaveOpen: false);
        var rows = new List<string[]>();
        while (reader.Read())
        {
            rows.Add(Enumerable.Range(0, reader.FieldCount).Select(reader.GetString).ToArray());
        }

        Assert.Equal(["person", "organization", "title", "start", "end", "source"], File.ReadLines(file).First().Split(','));
        Assert.Equal(expectedRows, rows.Count);
        Assert.Equal((expectedRows, expectedEdges), ((int)counts.Claims, (int)counts.Edges));
        Assert.All(rows, r => Assert.Equal(6, r.Length));
        var titled = Assert.Single(rows, r => r[0] == "Liam Fedus" && r[2] == "VP of Research, Post-Training" && r[5].StartsWith("https://ctol.digital", StringComparison.Ordinal));
        Assert.Equal(("OpenAI", "2024"), (titled[1], titled[3]));
        Assert.Contains("\"VP of Research, Post-Training\"", await File.ReadAllTextAsync(file, Ct), StringComparison.Ordinal);
    }
}
