using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using KnowledgeGraph.Core.Dates;
using KnowledgeGraph.Core.Graph;
using KnowledgeGraph.Ingestion.Documents;
using KnowledgeGraph.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeGraph.Api.Tests;

/// <summary>retractSource, resolveConflict, mergeEntities and new document versions through the real host, with a write key.</summary>
[Trait("Category", "Api")]
public sealed class CorrectionTests(CorrectionTests.KeyedHost fixture) : IClassFixture<CorrectionTests.KeyedHost>
{
    private const string WriteKey = "kg_corrections-write-key";
    private readonly ApiHost _host = fixture.Host;

    private IGraphStore Store => _host.Services.GetRequiredService<IGraphStore>();

    /// <summary>POSTs a GraphQL request with the write key (or without any key) and returns the status and body.</summary>
    private async Task<(HttpStatusCode Status, JsonNode Body)> SendAsync(string query, object? variables = null, bool withKey = true)
    {
        using var client = _host.CreateClient();
        if (withKey)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", WriteKey);
        }

        using var response = await client.PostAsJsonAsync(new Uri("/graphql", UriKind.Relative), new { query, variables });
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!);
    }

    private async Task<JsonNode> DataAsync(string query, object? variables = null)
    {
        var (_, body) = await SendAsync(query, variables);
        Assert.True(body["errors"] is null, $"unexpected errors: {body["errors"]?.ToJsonString()}");
        return body["data"]!;
    }

    private async Task<string> ErrorAsync(string query, object? variables = null)
    {
        var (_, body) = await SendAsync(query, variables);
        return body["errors"]?[0]?["message"]?.GetValue<string>() ?? throw new InvalidOperationException("expected an error, got " + body.ToJsonString());
    }

    /// <summary>A person (named after the test) who left OpenAI on a date two sources give differently, plus one claim only the second source makes.</summary>
    private async Task<(string Person, string SourceA, string SourceB)> DisputedDepartureAsync(string tag)
    {
        var person = $"person:test-{tag}";
        var (a, b) = ($"src:test-{tag}-a", $"src:test-{tag}-b");
        var batch = new GraphBatch
        {
            Sources = { new Source(a, "A", $"https://example.org/{tag}/a", null, DateTimeOffset.UnixEpoch), new Source(b, "B", $"https://example.org/{tag}/b", null, DateTimeOffset.UnixEpoch) },
            Nodes = { new GraphNode(person, NodeKind.Person, $"Testperson {tag}", []) },
            Edges =
            {
                new EdgeInput(Relation.Left, person, "org:openai", [new SourceRef(a) { Quote = "left on the 5th" }]) { Start = PartialDate.Parse("2026-01-05") },
                new EdgeInput(Relation.Left, person, "org:openai", [new SourceRef(b) { Quote = "left on the 7th" }]) { Start = PartialDate.Parse("2026-01-07") },
                new EdgeInput(Relation.WorkedOn, person, "model:codex", [new SourceRef(b) { Quote = "worked on Codex" }]),
            },
        };
        await Store.ApplyAsync(batch, CancellationToken.None);
        return (person, a, b);
    }

    private async Task<JsonNode> TimelineAsync(string person) =>
        (await DataAsync("query($id: ID) { person(id: $id) { timeline { relation start sources { source { id } } } } }", new { id = person }))["person"]!["timeline"]!;

    private async Task<string> LeftEdgeIdAsync(string person) =>
        Assert.Single((await Store.GetEdgesFromAsync([person], [Relation.Left], CancellationToken.None))[person]).Id;

    private async Task<List<string>> ConflictIdsAsync() =>
        (await DataAsync("{ conflicts(first: 500) { id } }"))["conflicts"]!.AsArray().Select(c => c!["id"]!.GetValue<string>()).ToList();

    [Fact]
    public async Task RetractSource_removes_its_claims_settles_the_rest_and_a_second_call_changes_nothing()
    {
        var (person, _, b) = await DisputedDepartureAsync("retract");
        const string Mutation = "mutation($id: ID!) { retractSource(id: $id) { source { id retractedAt } alreadyRetracted removedClaims removedEdges recomputedEdges } }";

        var first = (await DataAsync(Mutation, new { id = b }))["retractSource"]!;
        var timeline = await TimelineAsync(person);
        var second = (await DataAsync(Mutation, new { id = b }))["retractSource"]!;

        Assert.Equal((false, 2, 1, 1), (first["alreadyRetracted"]!.GetValue<bool>(), first["removedClaims"]!.GetValue<int>(), first["removedEdges"]!.GetValue<int>(), first["recomputedEdges"]!.GetValue<int>()));
        Assert.NotNull(first["source"]!["retractedAt"]?.GetValue<string>());
        var left = Assert.Single(timeline.AsArray());
        Assert.Equal("LEFT", left!["relation"]!.GetValue<string>());
        Assert.Equal("2026-01-05", left["start"]!.GetValue<string>());
        Assert.True(second["alreadyRetracted"]!.GetValue<bool>());
        Assert.Equal(0, second["removedClaims"]!.GetValue<int>());
        Assert.Contains("'src:test-nothing'", await ErrorAsync(Mutation, new { id = "src:test-nothing" }), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ResolveConflict_holds_the_chosen_date_and_takes_the_conflict_out_of_the_list_and_the_count()
    {
        var (person, _, _) = await DisputedDepartureAsync("resolve");
        var conflictId = (await LeftEdgeIdAsync(person)) + "/start";
        Assert.Contains(conflictId, await ConflictIdsAsync());
        var before = (await DataAsync("{ stats { conflicts } }"))["stats"]!["conflicts"]!.GetValue<int>();

        var resolved = (await DataAsync(
            "mutation($id: ID!, $value: PartialDate!) { resolveConflict(id: $id, value: $value, note: \"checked the filing\") { id field value note changed edge { start } } }",
            new { id = conflictId, value = "2026-01-07" }))["resolveConflict"]!;

        Assert.Equal(conflictId, resolved["id"]!.GetValue<string>());
        Assert.Equal("2026-01-07", resolved["value"]!.GetValue<string>());
        Assert.Equal("2026-01-07", resolved["edge"]!["start"]!.GetValue<string>());
        Assert.Equal("checked the filing", resolved["note"]!.GetValue<string>());
        Assert.DoesNotContain(conflictId, await ConflictIdsAsync());
        Assert.Equal(before - 1, (await DataAsync("{ stats { conflicts } }"))["stats"]!["conflicts"]!.GetValue<int>());
        Assert.Equal("2026-01-07", (await TimelineAsync(person)).AsArray().Single(e => e!["relation"]!.GetValue<string>() == "LEFT")!["start"]!.GetValue<string>());
        Assert.Contains("'edge:nope'", await ErrorAsync("mutation { resolveConflict(id: \"edge:nope/start\", value: \"2020\") { id } }"), StringComparison.Ordinal);
        Assert.Contains("PartialDate", await ErrorAsync("mutation { resolveConflict(id: \"edge:nope/start\", value: \"19th\") { id } }"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_founder_who_joined_years_later_is_listed_as_a_conflict_with_both_sides_until_the_wrong_source_is_retracted()
    {
        const string Person = "person:test-founder";
        const string Lab = "org:test-founder-lab";
        var (a, b) = ("src:test-founder-a", "src:test-founder-b");
        await Store.ApplyAsync(new GraphBatch
        {
            Sources = { new Source(a, "Founding story", "https://example.org/founder/a", null, DateTimeOffset.UnixEpoch), new Source(b, "Hiring note", "https://example.org/founder/b", null, DateTimeOffset.UnixEpoch) },
            Nodes = { new GraphNode(Person, NodeKind.Person, "Testperson founder", []), new GraphNode(Lab, NodeKind.Organization, "Founder Test Lab", []) },
            Edges =
            {
                new EdgeInput(Relation.Founded, Person, Lab, [new SourceRef(a) { Quote = "she founded the lab in 2016" }]) { Start = PartialDate.Parse("2016") },
                new EdgeInput(Relation.Joined, Person, Lab, [new SourceRef(b) { Quote = "she joined the lab in 2020" }]) { Start = PartialDate.Parse("2020") },
            },
        }, CancellationToken.None);
        var joinedId = Assert.Single((await Store.GetEdgesFromAsync([Person], [Relation.Joined], CancellationToken.None))[Person]).Id;
        const string Query = "{ conflicts(first: 100) { id subject { id } relation object { id } field heldValue values { value sources { source { id } quote } } } stats { conflicts } }";

        var before = await DataAsync(Query);
        var conflict = before["conflicts"]!.AsArray().Single(c => c!["id"]!.GetValue<string>() == joinedId + "/founder")!;
        var refused = await ErrorAsync("mutation($id: ID!) { resolveConflict(id: $id, value: \"2016\") { id } }", new { id = joinedId + "/founder" });
        await DataAsync("mutation($id: ID!) { retractSource(id: $id) { removedClaims } }", new { id = b });
        var after = await DataAsync(Query);

        Assert.Equal((Person, "JOINED", Lab, "founder"), (conflict["subject"]!["id"]!.GetValue<string>(), conflict["relation"]!.GetValue<string>(), conflict["object"]!["id"]!.GetValue<string>(), conflict["field"]!.GetValue<string>()));
        Assert.Null(conflict["heldValue"]);
        var values = conflict["values"]!.AsArray().Select(v => (v!["value"]!.GetValue<string>(), v["sources"]![0]!["source"]!["id"]!.GetValue<string>(), v["sources"]![0]!["quote"]!.GetValue<string>())).ToList();
        Assert.Equal([("FOUNDED 2016", a, "she founded the lab in 2016"), ("JOINED 2020", b, "she joined the lab in 2020")], values);
        Assert.Contains("founder contradiction", refused, StringComparison.Ordinal);
        Assert.DoesNotContain(after["conflicts"]!.AsArray(), c => c!["id"]!.GetValue<string>().StartsWith(joinedId, StringComparison.Ordinal));
        Assert.Equal(before["stats"]!["conflicts"]!.GetValue<int>() - 1, after["stats"]!["conflicts"]!.GetValue<int>());
    }

    [Fact]
    public async Task MergeEntities_folds_a_duplicate_person_and_its_name_then_finds_the_kept_one()
    {
        var (kept, _, _) = await DisputedDepartureAsync("merge-keep");
        var (removed, _, _) = await DisputedDepartureAsync("merge-dup");

        var merged = (await DataAsync(
            "mutation($keep: ID!, $remove: ID!) { mergeEntities(keep: $keep, remove: $remove) { kept { id aliases } removedId alreadyMerged movedEdges mergedEdges addedAliases } }",
            new { keep = kept, remove = removed }))["mergeEntities"]!;
        var found = (await DataAsync("query($name: String) { person(name: $name) { id } }", new { name = "Testperson merge-dup" }))["person"]!;
        var kinds = await ErrorAsync("mutation { mergeEntities(keep: \"org:openai\", remove: \"model:codex\") { removedId } }");

        Assert.Equal(kept, merged["kept"]!["id"]!.GetValue<string>());
        Assert.Contains("Testperson merge-dup", merged["kept"]!["aliases"]!.AsArray().Select(a => a!.GetValue<string>()));
        Assert.Equal(2, merged["mergedEdges"]!.GetValue<int>()); // LEFT and WORKED_ON were the same facts
        Assert.Equal(kept, found["id"]!.GetValue<string>());
        Assert.Null((await DataAsync("query($id: ID) { person(id: $id) { id } }", new { id = removed }))["person"]);
        Assert.Contains("Organization", kinds, StringComparison.Ordinal);
        Assert.Contains("Model", kinds, StringComparison.Ordinal);
        Assert.Single(await Store.GetNodesAsync(["model:codex"], CancellationToken.None));
    }

    [Fact]
    public async Task Corrections_without_the_write_key_are_refused_before_anything_changes()
    {
        var (_, a, _) = await DisputedDepartureAsync("unkeyed");

        var (status, body) = await SendAsync("mutation($id: ID!) { retractSource(id: $id) { removedClaims } }", new { id = a }, withKey: false);

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Null(body["data"]);
        Assert.Null((await Store.GetSourcesAsync([a], CancellationToken.None))[a].RetractedAt);
    }

    [Fact]
    public async Task A_new_version_of_a_document_replaces_its_claims_and_nothing_else()
    {
        var ingestor = _host.Services.GetRequiredService<DocumentIngestor>();
        const string Url = "https://example.org/test/versioned-profile";
        var other = await ingestor.IngestAsync(new DocumentInput("Wren Halloway joined Anthropic in 2021.") { Title = "Another page", Url = "https://example.org/test/other-page" }, CancellationToken.None);
        var v1 = await ingestor.IngestAsync(new DocumentInput("Wren Halloway joined Anthropic in 2021. She left Anthropic in March 2025.") { Title = "Profile", Url = Url }, CancellationToken.None);
        var v2 = await ingestor.IngestAsync(new DocumentInput("Wren Halloway joined Anthropic in 2021. She left Anthropic in June 2025.") { Title = "Profile", Url = Url }, CancellationToken.None);
        var again = await ingestor.IngestAsync(new DocumentInput("Wren Halloway joined Anthropic in 2021. She left Anthropic in June 2025.") { Title = "Profile", Url = Url }, CancellationToken.None);

        Assert.Equal(v1.SourceId, v2.SourceId);
        Assert.True(again.Unchanged);
        var timeline = (await DataAsync("{ person(name: \"Wren Halloway\") { timeline { relation start sources { source { id } } } } }"))["person"]!["timeline"]!.AsArray();
        var left = Assert.Single(timeline, e => e!["relation"]!.GetValue<string>() == "LEFT")!;
        Assert.Equal("2025-06", left["start"]!.GetValue<string>()); // March is gone with the old version, not in conflict
        var joined = Assert.Single(timeline, e => e!["relation"]!.GetValue<string>() == "JOINED")!;
        Assert.Equal([other.SourceId, v1.SourceId], joined["sources"]!.AsArray().Select(s => s!["source"]!["id"]!.GetValue<string>()).Order(StringComparer.Ordinal));
        var wren = (await DataAsync("{ person(name: \"Wren Halloway\") { id } }"))["person"]!["id"]!.GetValue<string>();
        Assert.DoesNotContain(await LeftEdgeIdAsync(wren) + "/start", await ConflictIdsAsync());
    }

    /// <summary>One host with a write key configured, so mutations are checked as in production.</summary>
    public sealed class KeyedHost : IAsyncLifetime
    {
        public ApiHost Host { get; } = new()
        {
            Settings = new Dictionary<string, string?>
            {
                ["Auth:Keys:0:Name"] = "corrections",
                ["Auth:Keys:0:Scope"] = "write",
                ["Auth:Keys:0:Sha256"] = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(WriteKey))),
            },
        };

        public Task InitializeAsync() => Host.InitializeAsync();

        public Task DisposeAsync() => Host.DisposeAsync().AsTask();
    }
}
