using KnowledgeGraph.Core.Dates;
using KnowledgeGraph.Core.Graph;
using KnowledgeGraph.Storage.Jobs;

namespace KnowledgeGraph.Storage.Tests.Imports;

/// <summary>Affiliations CSV files into WORKED_AT edges: whole or nothing, problems by line and column, re-runs change nothing.</summary>
[Trait("Category", "Store")]
public sealed class AffiliationsImportTests : IAsyncLifetime
{
    private const string Header = "person,organization,title,start,end,source";

    private static readonly string[] GoodRows =
    [
        "Ada Quillfeather,Example Lab,Research Scientist,2019,2021-06,https://example.org/ada",
        "Ada Quillfeather,Northwind Robotics,Head of Research,2021-07,,https://example.org/ada",
        "Bram Oakheart,Example Lab,Engineer,2020,,Company filing 2024",
        "\"Lindqvist, Cora\",Example Lab,\"Member of Technical Staff, Safety\",2022-03,2024-01,Company filing 2024",
        "Bram Oakheart,Example Lab,Staff Engineer,2023,,https://example.org/bram",
    ];

    private readonly ImportHarness _harness = new();

    public async Task InitializeAsync() => await _harness.InitializeAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    private static string Csv(params string[] rows) => string.Join("\n", [Header, .. rows]) + "\n";

    private async Task<GraphNode> PersonAsync(string name) =>
        Assert.Single(await _harness.Store.FindByNameAsync(name, NodeKind.Person, CancellationToken.None));

    [Fact]
    public async Task A_good_file_becomes_worked_at_edges_with_one_source_per_distinct_source_value_and_the_row_as_quote()
    {
        var path = await _harness.WriteAsync("people.csv", Csv(GoodRows));

        var job = await _harness.ImportAsync(path);

        Assert.Empty(job.Failures);
        Assert.Equal(new JobCounts(0, 5, 5, 5, 0, 0), job.Counts);
        Assert.Equal(new GraphStats(5, 5, 3, 5), await _harness.StatsAsync());

        var ada = await PersonAsync("Ada Quillfeather");
        var edges = (await _harness.Store.GetEdgesFromAsync([ada.Id], [Relation.WorkedAt], CancellationToken.None))[ada.Id];
        var lab = Assert.Single(edges, e => e.Role == "Research Scientist");
        Assert.Equal((PartialDate.Parse("2019"), PartialDate.Parse("2021-06")), (lab.Start!.Value, lab.End!.Value));
        var organization = (await _harness.Store.GetNodesAsync([lab.To], CancellationToken.None))[lab.To];
        Assert.Equal(("Example Lab", NodeKind.Organization), (organization.Name, organization.Kind));

        var refs = (await _harness.Store.GetSourceRefsAsync([lab.Id], CancellationToken.None))[lab.Id];
        var reference = Assert.Single(refs);
        Assert.Equal(GoodRows[0], reference.Quote);
        var source = (await _harness.Store.GetSourcesAsync([reference.SourceId], CancellationToken.None))[reference.SourceId];
        Assert.Equal("https://example.org/ada", source.Url);

        var cora = await PersonAsync("Lindqvist, Cora");
        var safety = Assert.Single((await _harness.Store.GetEdgesFromAsync([cora.Id], [Relation.WorkedAt], CancellationToken.None))[cora.Id]);
        Assert.Equal("Member of Technical Staff, Safety", safety.Role);
        var filing = Assert.Single((await _harness.Store.GetSourceRefsAsync([safety.Id], CancellationToken.None))[safety.Id]);
        Assert.Equal("Company filing 2024", (await _harness.Store.GetSourcesAsync([filing.SourceId], CancellationToken.None))[filing.SourceId].Title);
    }

    [Fact]
    public async Task Importing_the_same_file_again_changes_nothing()
    {
        var path = await _harness.WriteAsync("people.csv", Csv(GoodRows));
        await _harness.ImportAsync(path);
        var before = await _harness.StatsAsync();

        var again = await _harness.ImportAsync(path);

        Assert.Empty(again.Failures);
        Assert.Equal((0, 0, 0), (again.Counts.NewNodes, again.Counts.NewEdges, again.Counts.Failures));
        Assert.Equal(before, await _harness.StatsAsync());
    }

    [Fact]
    public async Task Names_resolve_to_people_and_organizations_already_in_the_graph()
    {
        var records = await _harness.WriteAsync("known.jsonl", """
            {"record": "node", "kind": "Person", "id": "person:ada-q", "name": "Ada Quillfeather", "aliases": ["Ada Q."]}
            {"record": "node", "kind": "Organization", "id": "org:example-lab", "name": "Example Lab", "orgKind": "LAB"}
            """);
        await _harness.ImportAsync(records);
        var path = await _harness.WriteAsync("people.csv", Csv("Ada Q.,example lab,Researcher,2019,,https://example.org/ada"));

        var job = await _harness.ImportAsync(path);

        Assert.Equal(0, job.Counts.NewNodes);
        var edge = Assert.Single((await _harness.Store.GetEdgesFromAsync(["person:ada-q"], [Relation.WorkedAt], CancellationToken.None))["person:ada-q"]);
        Assert.Equal("org:example-lab", edge.To);
    }

    [Fact]
    public async Task A_bad_date_on_line_7_refuses_the_whole_file_naming_file_line_and_column()
    {
        var path = await _harness.WriteAsync("people.csv", Csv([.. GoodRows, "Dana Reyes,Example Lab,Engineer,2019-13,,https://example.org/dana"]));

        var job = await _harness.ImportAsync(path);

        var failure = Assert.Single(job.Failures);
        Assert.Equal(path, failure.Item);
        Assert.StartsWith($"{path}:7: start: ", failure.Reason, StringComparison.Ordinal);
        Assert.Contains("'2019-13'", failure.Reason, StringComparison.Ordinal);
        Assert.Equal(1, job.Counts.Failures);
        Assert.Equal(new GraphStats(0, 0, 0, 0), await _harness.StatsAsync());
    }

    [Theory]
    [InlineData("Dana Reyes,,Engineer,2019,,https://example.org/dana", "organization: required")]
    [InlineData(",Example Lab,Engineer,2019,,https://example.org/dana", "person: required")]
    [InlineData("Dana Reyes,Example Lab,Engineer,2019,,", "source: required")]
    [InlineData("Dana Reyes,Example Lab,Engineer,2021,2019,https://example.org/dana", "end: '2019' is before the start '2021'")]
    [InlineData("Dana Reyes,Example Lab,Engineer,2019,,ftp://example.org/dana", "source: a web address must be http(s)")]
    [InlineData("Dana Reyes,Example Lab,Engineer,2019,,https://example.org/dana,extra", "(line): has a different number of fields")]
    [InlineData("Dana \"the\" Reyes,Example Lab,Engineer,2019,,https://example.org/dana", "(line): ")]
    public async Task Each_kind_of_bad_row_is_named_by_line_and_column_and_nothing_is_written(string row, string expected)
    {
        var path = await _harness.WriteAsync("people.csv", Csv(GoodRows[0], row, GoodRows[1]));

        var job = await _harness.ImportAsync(path);

        var failure = Assert.Single(job.Failures);
        Assert.Contains($"{path}:3: {expected}", failure.Reason, StringComparison.Ordinal);
        Assert.Equal(new GraphStats(0, 0, 0, 0), await _harness.StatsAsync());
    }

    [Theory]
    [InlineData("person,organization,title,strat,end,source", ":1: strat: unknown column")]
    [InlineData("person,title,start,end,source", ":1: organization: required column missing")]
    [InlineData("", ":1: (file): the file is empty")]
    public async Task A_bad_header_is_named(string header, string expected)
    {
        var path = await _harness.WriteAsync("people.csv", header + "\n" + (header.Length > 0 ? GoodRows[0] + "\n" : string.Empty));

        var job = await _harness.ImportAsync(path);

        Assert.Contains(expected, Assert.Single(job.Failures).Reason, StringComparison.Ordinal);
        Assert.Equal(new GraphStats(0, 0, 0, 0), await _harness.StatsAsync());
    }

    [Fact]
    public async Task A_spreadsheet_export_with_a_byte_order_mark_and_crlf_line_ends_reads_the_same()
    {
        var path = Path.Combine(_harness.Folder, "people.csv");
        await File.WriteAllTextAsync(path, "Person,Organization,Title,Start,End,Source\r\n" + GoodRows[0] + "\r\n", new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: true));

        var job = await _harness.ImportAsync(path);

        Assert.Empty(job.Failures);
        var ada = await PersonAsync("Ada Quillfeather");
        var edge = Assert.Single((await _harness.Store.GetEdgesFromAsync([ada.Id], [Relation.WorkedAt], CancellationToken.None))[ada.Id]);
        Assert.Equal(GoodRows[0], Assert.Single((await _harness.Store.GetSourceRefsAsync([edge.Id], CancellationToken.None))[edge.Id]).Quote);
    }

    [Fact]
    public async Task Bytes_that_are_not_utf8_are_named_with_their_line_and_column()
    {
        var path = Path.Combine(_harness.Folder, "people.csv");
        await File.WriteAllBytesAsync(path, [.. System.Text.Encoding.UTF8.GetBytes(Csv(GoodRows[0]) + "Dana Re"), 0xC3, 0x28, .. ",Example Lab,,2019,,x\n"u8.ToArray()]);

        var job = await _harness.ImportAsync(path);

        Assert.Contains($"{path}:3: person: not valid UTF-8", Assert.Single(job.Failures).Reason, StringComparison.Ordinal);
        Assert.Equal(new GraphStats(0, 0, 0, 0), await _harness.StatsAsync());
    }

    [Fact]
    public async Task Every_problem_of_a_file_is_reported_in_one_run()
    {
        var path = await _harness.WriteAsync("people.csv", Csv(GoodRows[0], "A,B,,19th,,x", GoodRows[1], "C,,,2020,2019,y"));

        var job = await _harness.ImportAsync(path);

        var reason = Assert.Single(job.Failures).Reason;
        Assert.Contains($"{path}:3: start: ", reason, StringComparison.Ordinal);
        Assert.Contains($"{path}:5: organization: required", reason, StringComparison.Ordinal);
        Assert.Contains($"{path}:5: end: ", reason, StringComparison.Ordinal);
    }
}
