using KnowledgeGraph.Core.Graph;
using KnowledgeGraph.Ingestion.Records;
using KnowledgeGraph.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace KnowledgeGraph.Storage.Tests;

/// <summary>Records files (JSONL) into the embedded store: whole or nothing, problems as file:line: field: message.</summary>
[Trait("Category", "Store")]
public sealed class RecordsImportTests : IDisposable
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "kg-records-tests", Guid.NewGuid().ToString("N"));

    private static readonly string[] GoodLines =
    [
        """{"record": "source", "id": "src:a", "title": "An article", "url": "https://example.org/a", "publishedOn": "2026-01-07"}""",
        """{"record": "source", "id": "src:b", "title": "Another article", "url": "https://example.org/b"}""",
        """{"record": "node", "kind": "Person", "id": "person:jerry-tworek", "name": "Jerry Tworek", "aliases": ["Jerry"]}""",
        """{"record": "node", "kind": "Organization", "id": "org:openai", "name": "OpenAI", "aliases": ["Open AI"], "orgKind": "LAB"}""",
        """{"record": "node", "kind": "Model", "id": "model:codex", "name": "Codex"}""",
        """{"record": "edge", "relation": "WORKED_ON", "from": "person:jerry-tworek", "to": "model:codex", "sources": [{"source": "src:a", "quote": "He worked on Codex."}]}""",
    ];

    private const string GoodLine7 =
        """{"record": "edge", "relation": "LEFT", "from": "person:jerry-tworek", "to": "org:openai", "start": "2026-01-05", "sources": [{"source": "src:a", "note": "Left on the 5th."}]}""";

    public RecordsImportTests() => Directory.CreateDirectory(_folder);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private async Task<SqliteGraphStore> StoreAsync()
    {
        var store = new SqliteGraphStore(Options.Create(new SqliteStoreOptions { DatabasePath = Path.Combine(_folder, "graph.db"), CacheSizeKiB = 2048 }));
        await store.InitializeAsync(Ct);
        return store;
    }

    private async Task<string> FileAsync(string name, params string[] lines)
    {
        var path = Path.Combine(_folder, name);
        await File.WriteAllLinesAsync(path, lines, Ct);
        return path;
    }

    private static RecordsImporter Importer(IGraphStore store) => new(store, TimeProvider.System);

    /// <summary>Imports six good lines and a seventh as given; asserts the file is refused at line 7 and nothing was written.</summary>
    private async Task<RecordProblem> RefusedAtLine7Async(string line7, string field)
    {
        var store = await StoreAsync();
        var path = await FileAsync("people.jsonl", [.. GoodLines, line7]);

        var error = await Assert.ThrowsAsync<RecordsRejectedException>(() => Importer(store).ImportFileAsync(path, Ct));

        var problem = Assert.Single(error.Problems);
        Assert.Equal((path, 7, field), (problem.File, problem.Line, problem.Field));
        Assert.StartsWith($"{path}:7: {field}: ", problem.ToString(), StringComparison.Ordinal);
        Assert.Contains($"{path}:7: {field}: ", error.Message, StringComparison.Ordinal);
        Assert.Equal(new GraphStats(0, 0, 0, 0), await store.GetStatsAsync(Ct));
        return problem;
    }

    [Fact]
    public async Task A_good_file_is_applied_whole()
    {
        var store = await StoreAsync();
        var path = await FileAsync("people.jsonl", [.. GoodLines, GoodLine7]);

        var result = await Importer(store).ImportFileAsync(path, Ct);

        Assert.Equal(new WriteResult(3, 0, 2, 2, 2, 0), result);
        var org = (await store.GetNodesAsync(["org:openai"], Ct))["org:openai"];
        Assert.Equal(OrganizationKind.Lab, org.OrganizationKind);
        Assert.Equal(["Open AI"], org.Aliases);
        var left = Assert.Single((await store.GetEdgesFromAsync(["person:jerry-tworek"], [Relation.Left], Ct))["person:jerry-tworek"]);
        Assert.Equal("2026-01-05", left.Start.ToString());
        var sourceRef = Assert.Single((await store.GetSourceRefsAsync([left.Id], Ct))[left.Id]);
        Assert.Equal(("src:a", "Left on the 5th."), (sourceRef.SourceId, sourceRef.Note));
    }

    [Fact]
    public async Task Importing_the_same_file_again_changes_nothing()
    {
        var store = await StoreAsync();
        var path = await FileAsync("people.jsonl", [.. GoodLines, GoodLine7]);
        await Importer(store).ImportFileAsync(path, Ct);
        var stats = await store.GetStatsAsync(Ct);

        var again = await Importer(store).ImportFileAsync(path, Ct);

        Assert.Equal(WriteResult.Empty, again);
        Assert.Equal(stats, await store.GetStatsAsync(Ct));
    }

    [Fact]
    public async Task An_edge_to_an_unknown_node_is_reported_at_its_line()
    {
        var problem = await RefusedAtLine7Async(
            """{"record": "edge", "relation": "LEFT", "from": "person:jerry-tworek", "to": "org:nowhere", "start": "2026-01", "sources": [{"source": "src:a"}]}""",
            "to");

        Assert.Contains("org:nowhere", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_field_is_reported()
    {
        var problem = await RefusedAtLine7Async(
            """{"record": "node", "kind": "Person", "id": "person:ilya", "name": "Ilya", "colour": "red"}""",
            "colour");

        Assert.Contains("unknown field", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_date_is_reported_with_the_value()
    {
        var problem = await RefusedAtLine7Async(
            """{"record": "edge", "relation": "LEFT", "from": "person:jerry-tworek", "to": "org:openai", "start": "19th", "sources": [{"source": "src:a"}]}""",
            "start");

        Assert.Contains("'19th'", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_impossible_calendar_date_is_reported()
    {
        await RefusedAtLine7Async(
            """{"record": "edge", "relation": "WORKED_AT", "from": "person:jerry-tworek", "to": "org:openai", "start": "2019", "end": "2021-02-30", "sources": [{"source": "src:a"}]}""",
            "end");
    }

    [Fact]
    public async Task A_bad_relation_is_reported()
    {
        var problem = await RefusedAtLine7Async(
            """{"record": "edge", "relation": "EMPLOYED_BY", "from": "person:jerry-tworek", "to": "org:openai", "sources": [{"source": "src:a"}]}""",
            "relation");

        Assert.Contains("EMPLOYED_BY", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_relation_between_the_wrong_kinds_is_reported_at_its_line()
    {
        await RefusedAtLine7Async(
            """{"record": "edge", "relation": "WORKED_AT", "from": "person:jerry-tworek", "to": "model:codex", "sources": [{"source": "src:a"}]}""",
            "relation");
    }

    [Fact]
    public async Task An_unknown_source_is_reported_at_its_line()
    {
        await RefusedAtLine7Async(
            """{"record": "edge", "relation": "WORKED_ON", "from": "person:jerry-tworek", "to": "model:codex", "sources": [{"source": "src:nowhere"}]}""",
            "sources");
    }

    [Fact]
    public async Task A_node_with_a_bad_id_is_reported_at_its_line()
    {
        await RefusedAtLine7Async("""{"record": "node", "kind": "Person", "id": "Ilya Sutskever", "name": "Ilya Sutskever"}""", "id");
    }

    [Fact]
    public async Task A_line_that_is_not_json_is_reported()
    {
        await RefusedAtLine7Async("""{"record": "node", "kind": "Person", """, "(line)");
    }

    [Fact]
    public async Task Every_bad_line_of_a_file_is_reported_at_once()
    {
        var store = await StoreAsync();
        var path = await FileAsync("people.jsonl",
        [
            .. GoodLines,
            """{"record": "edge", "relation": "LEFT", "from": "person:jerry-tworek", "to": "org:openai", "start": "19th", "sources": [{"source": "src:a"}]}""",
            "",
            """{"record": "nod", "id": "person:x"}""",
        ]);

        var error = await Assert.ThrowsAsync<RecordsRejectedException>(() => Importer(store).ImportFileAsync(path, Ct));

        Assert.Equal([(7, "start"), (9, "record")], error.Problems.Select(p => (p.Line, p.Field)));
        Assert.Equal(new GraphStats(0, 0, 0, 0), await store.GetStatsAsync(Ct));
    }

    [Fact]
    public async Task A_long_file_keeps_its_line_numbers_and_order_across_the_blocks_parsed_in_parallel()
    {
        // Far more lines than one parse block, with blank lines, so every line number depends on the blocks before it.
        var lines = new List<string>(GoodLines);
        for (var i = 0; i < 12_000; i++)
        {
            lines.Add(i % 1_000 == 0 ? string.Empty : $$"""{"record": "node", "kind": "Person", "id": "person:p-{{i}}", "name": "Person {{i}}"}""");
        }

        var good = await FileAsync("good.jsonl", [.. lines]);
        var file = await RecordsReader.ReadAsync(good, TimeProvider.System, Ct);
        var expectedNodes = lines.Select((line, index) => (line, index)).Where(p => p.line.Contains("\"node\"", StringComparison.Ordinal)).ToList();
        Assert.Equal(expectedNodes.Select(p => p.index + 1), file.NodeLines);
        Assert.Equal(["person:jerry-tworek", "org:openai", "model:codex", .. Enumerable.Range(0, 12_000).Where(i => i % 1_000 != 0).Select(i => $"person:p-{i}")], file.Batch.Nodes.Select(n => n.Id));
        Assert.Equal([6], file.EdgeLines);

        lines[5_000] = """{"record": "nod", "id": "person:x"}""";
        lines[9_999] = "not json";
        lines[11_500] = """{"record": "node", "kind": "Robot", "id": "person:y", "name": "Y"}""";
        var bad = await FileAsync("bad.jsonl", [.. lines]);
        var error = await Assert.ThrowsAsync<RecordsRejectedException>(() => RecordsReader.ReadAsync(bad, TimeProvider.System, Ct));
        Assert.Equal([(5_001, "record"), (10_000, "(line)"), (11_501, "kind")], error.Problems.Select(p => (p.Line, p.Field)));
    }

    [Fact]
    public async Task A_refused_file_leaves_earlier_imports_as_they_were()
    {
        var store = await StoreAsync();
        await Importer(store).ImportFileAsync(await FileAsync("good.jsonl", [.. GoodLines]), Ct);
        var stats = await store.GetStatsAsync(Ct);
        var bad = await FileAsync("bad.jsonl",
            """{"record": "node", "kind": "Person", "id": "person:ilya", "name": "Ilya Sutskever"}""",
            """{"record": "edge", "relation": "WORKED_ON", "from": "person:ilya", "to": "model:codex", "sources": [{"source": "src:b"}]}""",
            """{"record": "edge", "relation": "WORKED_ON", "from": "person:ilya", "to": "model:nothing", "sources": [{"source": "src:b"}]}""");

        var error = await Assert.ThrowsAsync<RecordsRejectedException>(() => Importer(store).ImportFileAsync(bad, Ct));

        Assert.Equal((bad, 3, "to"), (error.Problems[0].File, error.Problems[0].Line, error.Problems[0].Field));
        Assert.Equal(stats, await store.GetStatsAsync(Ct));
        Assert.Empty(await store.FindByNameAsync("Ilya Sutskever", null, Ct));
    }

    // ---- the real seed data ------------------------------------------------------------------------------

    internal static string SeedRecordsFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "KnowledgeGraph.sln")))
            {
                return Path.Combine(dir.FullName, "seed-data", "records");
            }
        }

        throw new DirectoryNotFoundException($"no KnowledgeGraph.sln above {AppContext.BaseDirectory}");
    }

    [Fact]
    public async Task The_seed_records_import_with_their_people_and_the_tworek_departure_conflict()
    {
        var folder = SeedRecordsFolder();
        var store = await StoreAsync();

        var result = await Importer(store).ImportFolderAsync(folder, Ct);

        Assert.True(result.NewEdges > 0);
        var personIds = new List<string>();
        foreach (var path in Directory.EnumerateFiles(folder, "*.jsonl"))
        {
            var file = await RecordsReader.ReadAsync(path, TimeProvider.System, Ct);
            personIds.AddRange(file.Batch.Nodes.Where(n => n.Kind == NodeKind.Person).Select(n => n.Id));
        }

        var people = await store.GetNodesAsync(personIds, Ct);
        Assert.True(people.Values.Count(n => n.Kind == NodeKind.Person) >= 60, $"only {people.Count} people");

        var left = Assert.Single(
            (await store.GetEdgesFromAsync(["person:jerry-tworek"], [Relation.Left], Ct))["person:jerry-tworek"],
            e => e.To == "org:openai");
        Assert.Equal("2026-01", left.Start.ToString());
        var conflicted = Assert.Single(await store.GetConflictedEdgesAsync(10_000, 0, Ct), e => e.Id == left.Id);
        var conflict = Assert.Single(Conflicts.Of(conflicted), c => c.Field == "start");
        Assert.Superset(new HashSet<string> { "2026-01-05", "2026-01-06", "2026-01-07" }, conflict.Values.Select(v => v.Value).ToHashSet());
        Assert.All(conflict.Values, v => Assert.NotEmpty(v.Sources));
    }

    [Fact]
    public async Task Importing_the_seed_records_again_changes_nothing()
    {
        var folder = SeedRecordsFolder();
        var store = await StoreAsync();
        await Importer(store).ImportFolderAsync(folder, Ct);
        var stats = await store.GetStatsAsync(Ct);

        var again = await Importer(store).ImportFolderAsync(folder, Ct);

        Assert.Equal(WriteResult.Empty, again);
        Assert.Equal(stats, await store.GetStatsAsync(Ct));
    }
}
