using KnowledgeGraph.Core.Graph;
using KnowledgeGraph.Ingestion.Imports;

namespace KnowledgeGraph.Storage.Tests.Imports;

/// <summary>Documents JSONL files: told apart from records by their fields, checked whole, unchanged documents skipped.</summary>
[Trait("Category", "Store")]
public sealed class DocumentLinesImportTests : IAsyncLifetime
{
    private const string Ada = """{"text": "Ada Quillfeather joined Anthropic in 2021 as a research scientist.", "title": "Ada profile", "url": "https://example.org/docs/ada", "date": "2026-03-01"}""";
    private const string Bram = """{"text": "Bram Oakheart joined Mistral AI in 2024.", "title": "Bram note", "publishedOn": "2024-05"}""";
    private const string Cora = """{"text": "Cora Lindqvist joined Google DeepMind in 2022."}""";

    private readonly ImportHarness _harness = new();

    public async Task InitializeAsync() => await _harness.InitializeAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    private static string Lines(params string[] lines) => string.Join("\n", lines) + "\n";

    [Fact]
    public async Task Each_line_becomes_a_source_with_its_claims()
    {
        var path = await _harness.WriteAsync("docs.jsonl", Lines(Ada, string.Empty, Bram, Cora));

        var job = await _harness.ImportAsync(path);

        Assert.Empty(job.Failures);
        Assert.Equal(3, job.Counts.Documents);
        Assert.True(job.Counts.Claims >= 3, $"{job.Counts.Claims} claims");
        var stats = await _harness.StatsAsync();
        Assert.Equal(3, stats.Sources);

        var ada = Assert.Single(await _harness.Store.FindByNameAsync("Ada Quillfeather", NodeKind.Person, CancellationToken.None));
        var joined = Assert.Single((await _harness.Store.GetEdgesFromAsync([ada.Id], [Relation.Joined], CancellationToken.None))[ada.Id]);
        var reference = Assert.Single((await _harness.Store.GetSourceRefsAsync([joined.Id], CancellationToken.None))[joined.Id]);
        Assert.Contains("joined Anthropic in 2021", reference.Quote, StringComparison.Ordinal);
        var source = (await _harness.Store.GetSourcesAsync([reference.SourceId], CancellationToken.None))[reference.SourceId];
        Assert.Equal(("Ada profile", "https://example.org/docs/ada", "2026-03-01"), (source.Title, source.Url, source.PublishedOn?.ToString()));
    }

    [Fact]
    public async Task A_second_run_skips_unchanged_documents_by_content_hash_and_a_changed_one_alone_is_ingested()
    {
        var path = await _harness.WriteAsync("docs.jsonl", Lines(Ada, Bram, Cora));
        await _harness.ImportAsync(path);
        var before = await _harness.StatsAsync();

        var again = await _harness.ImportAsync(path);

        Assert.Equal((3, 0, 0, 0), (again.Counts.Documents, again.Counts.Claims, again.Counts.NewEdges, again.Counts.Failures));
        Assert.Equal(before, await _harness.StatsAsync());

        await _harness.WriteAsync("docs.jsonl", Lines(Ada, Bram, """{"text": "Cora Lindqvist joined Google DeepMind in 2022. She left Google DeepMind in 2025."}"""));
        var changed = await _harness.ImportAsync(path);

        Assert.Empty(changed.Failures);
        Assert.Equal(before.Sources + 1, (await _harness.StatsAsync()).Sources);
        var cora = Assert.Single(await _harness.Store.FindByNameAsync("Cora Lindqvist", NodeKind.Person, CancellationToken.None));
        Assert.Single((await _harness.Store.GetEdgesFromAsync([cora.Id], [Relation.Left], CancellationToken.None))[cora.Id]);
    }

    [Fact]
    public async Task A_bad_line_keeps_the_whole_file_out_and_names_file_line_and_field()
    {
        var path = await _harness.WriteAsync("docs.jsonl", Lines(Ada, """{"text": "Dana Reyes joined Example Lab in 2019.", "date": "2019-13"}""", Cora));

        var job = await _harness.ImportAsync(path);

        var failure = Assert.Single(job.Failures);
        Assert.StartsWith($"{path}:2: date: ", failure.Reason, StringComparison.Ordinal);
        Assert.Contains("2019-13", failure.Reason, StringComparison.Ordinal);
        Assert.Equal(0, job.Counts.Documents);
        Assert.Equal(new GraphStats(0, 0, 0, 0), await _harness.StatsAsync());
    }

    [Fact]
    public async Task Every_bad_line_is_reported_at_once()
    {
        var path = await _harness.WriteAsync("docs.jsonl", Lines(
            """{"text": "Ada joined Example Lab.", "titel": "typo"}""",
            Bram,
            """{"text": "   "}""",
            """{"text": "x", "url": "ftp://example.org/x"}""",
            """{"text": "x", "date": "2020", "publishedOn": "2020"}""",
            """["not", "an", "object"]""",
            """{"text": "x",""",
            """{"record": "node", "kind": "Person", "id": "person:x", "name": "X"}"""));

        var job = await _harness.ImportAsync(path);

        var reason = Assert.Single(job.Failures).Reason;
        Assert.Contains($"{path}:1: titel: unknown field", reason, StringComparison.Ordinal);
        Assert.Contains($"{path}:3: text: must not be empty", reason, StringComparison.Ordinal);
        Assert.Contains($"{path}:4: url: must be an http(s) address", reason, StringComparison.Ordinal);
        Assert.Contains($"{path}:5: publishedOn: ", reason, StringComparison.Ordinal);
        Assert.Contains($"{path}:6: (line): must be a JSON object", reason, StringComparison.Ordinal);
        Assert.Contains($"{path}:7: (line): not valid JSON", reason, StringComparison.Ordinal);
        Assert.Contains($"{path}:8: record: ", reason, StringComparison.Ordinal);
        Assert.DoesNotContain(":2:", reason, StringComparison.Ordinal);
        Assert.Equal(new GraphStats(0, 0, 0, 0), await _harness.StatsAsync());
    }

    [Fact]
    public async Task Invalid_utf8_is_named_with_its_line()
    {
        var path = Path.Combine(_harness.Folder, "docs.jsonl");
        await File.WriteAllBytesAsync(path, [.. System.Text.Encoding.UTF8.GetBytes(Ada + "\n{\"text\": \"bad "), 0xC3, 0x28, .. "\"}\n"u8.ToArray()]);

        var job = await _harness.ImportAsync(path);

        Assert.Contains($"{path}:2: (line): not valid UTF-8", Assert.Single(job.Failures).Reason, StringComparison.Ordinal);
        Assert.Equal(new GraphStats(0, 0, 0, 0), await _harness.StatsAsync());
    }

    [Fact]
    public async Task A_folder_mixes_documents_records_and_affiliations_each_read_as_its_format()
    {
        await _harness.WriteAsync("in/a-records.jsonl", """
            {"record": "source", "id": "src:registry", "title": "A registry"}
            {"record": "node", "kind": "Organization", "id": "org:example-lab", "name": "Example Lab", "orgKind": "LAB"}
            """);
        await _harness.WriteAsync("in/b-docs.jsonl", Lines(Bram));
        await _harness.WriteAsync("in/c-people.csv", "person,organization,title,start,end,source\nAda Quillfeather,Example Lab,Researcher,2019,,A registry\n");
        await _harness.WriteAsync("in/d-note.md", "---\ntitle: A note\n---\nCora Lindqvist joined Google DeepMind in 2022.\n");

        var job = await _harness.ImportAsync(Path.Combine(_harness.Folder, "in"));

        Assert.Empty(job.Failures);
        Assert.Equal(2, job.Counts.Documents);
        Assert.Equal(ImportFormat.Records, await ImportFormats.DetectAsync(Path.Combine(_harness.Folder, "in/a-records.jsonl"), CancellationToken.None));
        Assert.Equal(ImportFormat.DocumentLines, await ImportFormats.DetectAsync(Path.Combine(_harness.Folder, "in/b-docs.jsonl"), CancellationToken.None));
        var ada = Assert.Single(await _harness.Store.FindByNameAsync("Ada Quillfeather", NodeKind.Person, CancellationToken.None));
        Assert.Equal("org:example-lab", Assert.Single((await _harness.Store.GetEdgesFromAsync([ada.Id], [Relation.WorkedAt], CancellationToken.None))[ada.Id]).To);
    }
}
