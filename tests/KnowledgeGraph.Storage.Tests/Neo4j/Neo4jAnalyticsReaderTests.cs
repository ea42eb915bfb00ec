using KnowledgeGraph.Core.Careers;
using KnowledgeGraph.Core.Dates;
using KnowledgeGraph.Core.Graph;
using KnowledgeGraph.Ingestion.Records;
using KnowledgeGraph.Storage.Neo4j;
using KnowledgeGraph.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace KnowledgeGraph.Storage.Tests.Neo4j;

/// <summary>The analytics reads on Neo4j, on a scripted server: one statement each, ids and years as parameters, rows mapped.</summary>
[Trait("Category", "Store")]
public sealed class Neo4jAnalyticsReaderTests : IAsyncLifetime
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private readonly ScriptedNeo4jServer _server = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private Neo4jAnalyticsReader Reader() => new(_server.Client());

    [Fact]
    public async Task Leavers_in_a_period_are_a_year_range_on_both_departure_kinds_with_the_organizations_as_a_parameter()
    {
        _server.Then(Answers.Data(["id"], ["person:a"], ["person:b"]));

        var ids = await Reader().GetLeaverIdsAsync(new Period(PartialDate.Parse("2025-03"), PartialDate.Parse("2025")), ["org:openai", "org:x'})//"], Ct);

        Assert.Equal(["person:a", "person:b"], ids);
        var request = Assert.Single(_server.Requests);
        Assert.Contains("MATCH (p:Node)-[r:LEFT]->(o:Node) WHERE true AND r.start >= $low AND r.start < $high AND o.id IN $orgs", request.Statement, StringComparison.Ordinal);
        Assert.Contains("MATCH (p:Node)-[r:WORKED_AT]->(o:Node) WHERE r.`end` IS NOT NULL AND r.`end` >= $low AND r.`end` < $high AND o.id IN $orgs", request.Statement, StringComparison.Ordinal);
        Assert.EndsWith("RETURN p.id AS id ORDER BY id", request.Statement, StringComparison.Ordinal);
        Assert.Equal(("2025", "2026"), (request.Parameters.GetProperty("low").GetString(), request.Parameters.GetProperty("high").GetString()));
        Assert.Equal(["org:openai", "org:x'})//"], request.Parameters.GetProperty("orgs").EnumerateArray().Select(e => e.GetString()));
        Assert.DoesNotContain("org:", request.Statement, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Founder_join_pairs_are_one_statement_over_both_relation_types()
    {
        _server.Then(Answers.Data(["personId", "organizationId"], ["person:a", "org:x"], ["person:b", "org:y"]));

        var pairs = await Reader().GetFounderJoinPairsAsync(Ct);

        Assert.Equal([("person:a", "org:x"), ("person:b", "org:y")], pairs);
        var request = Assert.Single(_server.Requests);
        Assert.StartsWith("MATCH (p:Node)-[:FOUNDED]->(o:Node) WHERE EXISTS { MATCH (p)-[:JOINED]->(o) }", request.Statement, StringComparison.Ordinal);
        Assert.EndsWith("RETURN DISTINCT p.id AS personId, o.id AS organizationId ORDER BY personId, organizationId", request.Statement, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Career_edges_are_one_statement_with_ids_and_relations_as_parameters_and_every_person_asked_is_a_key()
    {
        _server.Then(Answers.Data(
            ["asked", "id", "relation", "toId", "role", "start", "finish"],
            ["person:a", "edge:1", "WORKED_AT", "org:openai", "VP of Research", "2019-07", "2025-01"],
            ["person:a", "edge:2", "LEFT", "org:openai", null, "2025-01-15", null]));

        var careers = await Reader().GetCareerEdgesAsync(["person:a", "person:b", "person:a"], [Relation.WorkedAt, Relation.Left], Ct);

        Assert.Equal(["person:a", "person:b"], careers.Keys.Order(StringComparer.Ordinal));
        Assert.Empty(careers["person:b"]);
        var worked = careers["person:a"][0];
        Assert.Equal(("edge:1", Relation.WorkedAt, "person:a", "org:openai", "VP of Research"), (worked.Id, worked.Relation, worked.From, worked.To, worked.Role));
        Assert.Equal((PartialDate.Parse("2019-07"), PartialDate.Parse("2025-01")), (worked.Start!.Value, worked.End!.Value));
        Assert.Equal((Relation.Left, (string?)null, PartialDate.Parse("2025-01-15")), (careers["person:a"][1].Relation, careers["person:a"][1].Role, careers["person:a"][1].Start!.Value));
        var request = Assert.Single(_server.Requests);
        Assert.Equal(["person:a", "person:b"], request.Parameters.GetProperty("ids").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["WORKED_AT", "LEFT"], request.Parameters.GetProperty("relations").EnumerateArray().Select(e => e.GetString()));
        Assert.DoesNotContain("person:", request.Statement, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unbounded_period_has_no_date_test_and_no_organizations_means_anywhere()
    {
        await Reader().GetLeaverIdsAsync(new Period(null, null), null, Ct);
        await Reader().GetLeaverIdsAsync(new Period(PartialDate.Parse("2024"), null), null, Ct);

        var (unbounded, from2024) = (_server.Requests.First(), _server.Requests.Last());
        Assert.DoesNotContain("$low", unbounded.Statement, StringComparison.Ordinal);
        Assert.DoesNotContain("$orgs", unbounded.Statement, StringComparison.Ordinal);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, unbounded.Parameters.GetProperty("orgs").ValueKind);
        Assert.Equal(("2024", "A"), (from2024.Parameters.GetProperty("low").GetString(), from2024.Parameters.GetProperty("high").GetString()));
    }

    [Fact]
    public async Task Leavers_affiliated_with_organizations_are_filtered_by_any_affiliation_edge()
    {
        await Reader().GetLeaverIdsAffiliatedWithAsync(new Period(null, PartialDate.Parse("2025")), ["org:meta"], Ct);

        var request = Assert.Single(_server.Requests);
        Assert.Contains("}\nWITH p WHERE EXISTS { MATCH (p)-[:WORKED_AT|JOINED|FOUNDED|LEFT]->(a:Node) WHERE a.id IN $orgs }", request.Statement, StringComparison.Ordinal);
        Assert.DoesNotContain("o.id IN $orgs", request.Statement, StringComparison.Ordinal);
        Assert.Equal(("0000", "2026"), (request.Parameters.GetProperty("low").GetString(), request.Parameters.GetProperty("high").GetString()));
    }

    [Fact]
    public async Task Employment_dates_map_relation_ends_and_partial_dates()
    {
        _server.Then(Answers.Data(["id", "relation", "fromId", "start", "finish"],
            ["e1", "WORKED_AT", "person:a", "2019-07", "2025"],
            ["e2", "JOINED", "person:b", "2021", null]));
        _server.Then(Answers.Data(["id", "relation", "fromId", "start", "finish"], ["e3", "LIKED", "person:c", null, null]));
        var reader = Reader();

        var edges = await reader.GetEmploymentDatesAsync("org:openai", Ct);
        var error = await Assert.ThrowsAsync<InvalidDataException>(() => reader.GetEmploymentDatesAsync("org:openai", Ct));

        Assert.Equal(2, edges.Count);
        Assert.Equal(("e1", Relation.WorkedAt, "person:a", "org:openai"), (edges[0].Id, edges[0].Relation, edges[0].From, edges[0].To));
        Assert.Equal((PartialDate.Parse("2019-07"), PartialDate.Parse("2025")), (edges[0].Start, edges[0].End));
        Assert.Equal((Relation.Joined, PartialDate.Parse("2021"), (PartialDate?)null), (edges[1].Relation, edges[1].Start, edges[1].End));
        Assert.Contains("'LIKED'", error.Message, StringComparison.Ordinal);
        var request = _server.Requests.First();
        Assert.StartsWith("MATCH (p:Node)-[r:WORKED_AT|JOINED|FOUNDED|LEFT]->(o:Node {id: $org})", request.Statement, StringComparison.Ordinal);
        Assert.Equal("org:openai", request.Parameters.GetProperty("org").GetString());
    }

    [Fact]
    public async Task A_client_error_is_mapped_and_not_retried()
    {
        _server.Then(Answers.Error("Neo.ClientError.Statement.SyntaxError", "bad"));

        await Assert.ThrowsAsync<Neo4jClientException>(() => Reader().GetEmploymentDatesAsync("org:openai", Ct));

        Assert.Single(_server.Requests);
    }
}

/// <summary>
/// The analytics reads answer the same on Neo4j as on SQLite after importing the seed records into both, when
/// NEO4J_URI, NEO4J_USER and NEO4J_PASSWORD are set (skipped with that reason otherwise). Empties the database first.
/// </summary>
[Trait("Category", "Neo4j")]
[RequiresEnvironment("Neo4j", "NEO4J_URI", "NEO4J_USER", "NEO4J_PASSWORD")]
public sealed class Neo4jAnalyticsParityTests : IDisposable
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "kg-parity-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [StoreFact]
    public async Task The_seed_graph_gives_the_same_analytics_answers_on_both_stores()
    {
        var path = Path.Combine(_folder, "graph.db");
        var sqlite = new SqliteGraphStore(Options.Create(new SqliteStoreOptions { DatabasePath = path }));
        await sqlite.InitializeAsync(Ct);
        var options = Neo4jEnvironment.Options();
        var client = Neo4jEnvironment.Client(options);
        await client.RunAsync("MATCH (n) WHERE NOT n:SchemaMigration CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS", null, Ct);
        var neo4j = new Neo4jGraphStore(client, options);
        await neo4j.InitializeAsync(Ct);
        foreach (var file in Directory.EnumerateFiles(RecordsImportTests.SeedRecordsFolder(), "*.jsonl").Order(StringComparer.Ordinal))
        {
            await new RecordsImporter(sqlite, TimeProvider.System).ImportFileAsync(file, Ct);
            await new RecordsImporter(neo4j, TimeProvider.System).ImportFileAsync(file, Ct);
        }

        IAnalyticsReader expected = new SqliteAnalyticsReader(Options.Create(new SqliteStoreOptions { DatabasePath = path }));
        IAnalyticsReader actual = new Neo4jAnalyticsReader(client);
        Period[] periods = [new(null, null), new(PartialDate.Parse("2025"), PartialDate.Parse("2025")), new(PartialDate.Parse("2024-06"), null), new(null, PartialDate.Parse("2023"))];
        string[] organizations = ["org:openai", "org:anthropic", "org:meta-superintelligence-labs"];
        foreach (var period in periods)
        {
            Assert.Equal(await expected.GetLeaverIdsAsync(period, null, Ct), await actual.GetLeaverIdsAsync(period, null, Ct));
            Assert.Equal(await expected.GetLeaverIdsAsync(period, organizations, Ct), await actual.GetLeaverIdsAsync(period, organizations, Ct));
            Assert.Equal(await expected.GetLeaverIdsAffiliatedWithAsync(period, organizations, Ct), await actual.GetLeaverIdsAffiliatedWithAsync(period, organizations, Ct));
        }

        foreach (var organization in organizations)
        {
            var want = (await expected.GetEmploymentDatesAsync(organization, Ct)).OrderBy(e => e.Id, StringComparer.Ordinal).Select(e => (e.Id, e.Relation, e.From, e.Start, e.End));
            var got = (await actual.GetEmploymentDatesAsync(organization, Ct)).OrderBy(e => e.Id, StringComparer.Ordinal).Select(e => (e.Id, e.Relation, e.From, e.Start, e.End));
            Assert.Equal(want, got);
        }

        Assert.NotEmpty(await expected.GetLeaverIdsAsync(new Period(PartialDate.Parse("2025"), PartialDate.Parse("2025")), ["org:openai"], Ct));
    }
}
