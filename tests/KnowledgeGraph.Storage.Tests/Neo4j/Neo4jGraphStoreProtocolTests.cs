using System.Text.Json;
using KnowledgeGraph.Core.Graph;
using KnowledgeGraph.Storage.Neo4j;
using Microsoft.Extensions.Options;
using static KnowledgeGraph.Storage.Tests.TestGraph;

namespace KnowledgeGraph.Storage.Tests.Neo4j;

/// <summary>What the Neo4j store sends, checked on a scripted server: values only as parameters, one statement per read, a batch in one transaction.</summary>
[Trait("Category", "Store")]
public sealed class Neo4jGraphStoreProtocolTests : IAsyncLifetime
{
    private const string Hostile = "Robert'}) DETACH DELETE n; MATCH (m) //\"`";
    private static readonly CancellationToken Ct = CancellationToken.None;
    private readonly ScriptedNeo4jServer _server = new() { Fallback = Answers.Generic };

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private Neo4jGraphStore Store() => new(_server.Client(), Options.Create(_server.Options()));

    private void AssertNoStatementContains(string text) =>
        Assert.All(_server.Requests.Where(r => r.Body.Length > 0), r => Assert.DoesNotContain(text, r.Statement, StringComparison.Ordinal));

    [Fact]
    public async Task Hostile_text_travels_only_as_parameters()
    {
        var store = Store();

        await store.FindByNameAsync(Hostile, NodeKind.Person, Ct);
        await store.SetMetaAsync(Hostile, Hostile, Ct);
        await store.GetMetaAsync(Hostile, Ct);
        await store.GetNodesAsync([Hostile], Ct);
        await store.GetEdgesFromAsync([Hostile], [Relation.WorkedAt], Ct);
        await store.GetSourcesAsync([Hostile], Ct);
        await store.SearchAsync(Hostile, 10, Ct);
        await store.ApplyAsync(new GraphBatch
        {
            Sources = { new Source("src:evil", Hostile, null, null, DateTimeOffset.UnixEpoch) },
            Nodes = { Person("person:bobby", Hostile, Hostile + " alias") },
        }, Ct);

        AssertNoStatementContains("Robert");
        AssertNoStatementContains("DETACH DELETE");
        var parameters = string.Join('\n', _server.Requests.Where(r => r.Body.Length > 0).Select(r => r.Parameters.GetRawText()));
        var values = _server.Requests.Where(r => r.Body.Length > 0).SelectMany(r => r.ParameterStrings).ToList();
        Assert.Contains(Hostile, values);
        Assert.Contains("robert'}) detach delete n; match (m) //\"`", values); // the normalized name
        Assert.Contains(values, v => v.StartsWith("+robert +detach +delete +n +match", StringComparison.Ordinal)); // the full-text query is words only
        Assert.NotEmpty(parameters);
    }

    [Fact]
    public async Task Reads_of_many_ids_are_one_statement_each()
    {
        var store = Store();
        var ids = Enumerable.Range(0, 3000).Select(i => $"person:p{i}").ToList();

        await store.GetEdgesFromAsync(ids, null, Ct);
        await store.GetEdgesToAsync(ids, [Relation.Left, Relation.Joined], Ct);
        await store.GetNodesAsync(ids, Ct);
        await store.GetSourceRefsAsync(ids, Ct);

        var requests = _server.Requests.ToList();
        Assert.Equal(4, requests.Count);
        Assert.All(requests, r => Assert.Equal("/db/neo4j/query/v2", r.Path));
        Assert.All(requests, r => Assert.StartsWith("UNWIND $ids AS id", r.Statement, StringComparison.Ordinal));
        Assert.Equal(3000, requests[0].Parameters.GetProperty("ids").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, requests[0].Parameters.GetProperty("relations").ValueKind);
        Assert.Equal(["LEFT", "JOINED"], requests[1].Parameters.GetProperty("relations").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task A_batch_is_one_transaction_that_locks_reads_writes_with_unwind_and_commits()
    {
        var store = Store();
        var batch = Base();
        batch.Edges.Add(Edge(Relation.WorkedAt, Jerry, OpenAi, "src:a", "2019", role: "Research Scientist"));
        batch.Edges.Add(Edge(Relation.Left, Jerry, OpenAi, "src:b", "2026-01-05"));

        var result = await store.ApplyAsync(batch, Ct);

        Assert.Equal(new WriteResult(6, 0, 3, 2, 2, 0), result);
        var requests = _server.Requests.ToList();
        Assert.Equal(("POST", "/db/neo4j/query/v2/tx"), (requests[0].Method, requests[0].Path));
        Assert.StartsWith("MERGE (l:WriteLock", requests[0].Statement, StringComparison.Ordinal);
        Assert.Equal(("POST", "/db/neo4j/query/v2/tx/tx1/commit"), (requests[^1].Method, requests[^1].Path));
        Assert.All(requests.Skip(1), r => Assert.Equal("MTAuOC41Ljc6MTc0NzQ=", r.Header(Neo4jQueryClient.AffinityHeader)));
        var writes = requests.Skip(1).SkipLast(1).Where(r => r.Statement.Contains("MERGE", StringComparison.Ordinal)).ToList();
        Assert.All(writes, w => Assert.StartsWith("UNWIND $rows AS row", w.Statement, StringComparison.Ordinal));
        Assert.Contains(writes, w => w.Statement.Contains("MERGE (a)-[r:WORKED_AT {id: row.id}]->(b)", StringComparison.Ordinal));
        Assert.Contains(writes, w => w.Statement.Contains("MERGE (a)-[r:LEFT {id: row.id}]->(b)", StringComparison.Ordinal));
        Assert.Contains(writes, w => w.Statement.Contains("SET n:Person", StringComparison.Ordinal) && w.Parameters.GetProperty("rows").GetArrayLength() == 2);
        var provenance = Assert.Single(writes, w => w.Statement.Contains("MERGE (p:Provenance", StringComparison.Ordinal));
        Assert.Equal(2, provenance.Parameters.GetProperty("rows").GetArrayLength());
    }

    [Fact]
    public async Task A_refused_batch_rolls_back_and_writes_nothing()
    {
        var store = Store();

        var error = await Assert.ThrowsAsync<GraphValidationException>(() => store.ApplyAsync(Of(Edge(Relation.WorkedAt, Jerry, OpenAi, "src:a")), Ct));

        Assert.Equal(["edges[0]: from", "edges[0]: to", "edges[0]: sources"], error.Problems.Select(p => $"{p.List}[{p.Index}]: {p.Field}"));
        Assert.Equal("DELETE", _server.Requests.Last().Method);
        Assert.DoesNotContain(_server.Requests, r => r.Path.EndsWith("/commit", StringComparison.Ordinal));
        Assert.DoesNotContain(_server.Requests, r => r.Body.Contains("UNWIND $rows", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_invalid_batch_never_reaches_the_server_and_an_empty_one_neither()
    {
        var store = Store();

        await Assert.ThrowsAsync<GraphValidationException>(() => store.ApplyAsync(new GraphBatch { Nodes = { Person("person:Bad Id", "X") } }, Ct));
        Assert.Equal(WriteResult.Empty, await store.ApplyAsync(new GraphBatch(), Ct));

        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task Ping_is_false_when_the_server_fails_and_true_when_it_answers()
    {
        _server.Then(Answers.Data(["ok"], [1])).Then(Answers.Error("Neo.ClientError.Security.Unauthorized", status: 401));
        var store = new Neo4jGraphStore(_server.Client(o => o.MaxRetryAttempts = 0), Options.Create(_server.Options()));

        Assert.True(await store.PingAsync(Ct));
        Assert.False(await store.PingAsync(Ct));
    }

    [Fact]
    public async Task Initialize_applies_every_schema_step_once_and_records_it()
    {
        var recorded = new List<long>();
        _server.Fallback = request =>
        {
            var statement = request.Statement;
            if (statement.StartsWith("MATCH (m:SchemaMigration) RETURN m.id", StringComparison.Ordinal))
            {
                return Answers.Data(["id"], recorded.Select(id => new object?[] { id }).ToArray());
            }

            if (statement.StartsWith("MERGE (m:SchemaMigration", StringComparison.Ordinal))
            {
                recorded.Add(request.Parameters.GetProperty("id").GetInt64());
            }

            return Answers.Data([]);
        };
        var store = Store();

        await store.InitializeAsync(Ct);
        var first = _server.Requests.Select(r => r.Statement).ToList();
        _server.Requests.Clear();
        await store.InitializeAsync(Ct);
        var second = _server.Requests.Select(r => r.Statement).ToList();

        Assert.Equal(Neo4jSchemaMigrator.Steps.Select(s => (long)s.Number), recorded);
        Assert.Contains(first, s => s.StartsWith("CREATE CONSTRAINT node_id IF NOT EXISTS", StringComparison.Ordinal));
        Assert.Contains(first, s => s.StartsWith("CREATE FULLTEXT INDEX node_search IF NOT EXISTS", StringComparison.Ordinal));
        Assert.Equal(["MATCH (m:SchemaMigration) RETURN m.id AS id", "CALL db.awaitIndexes(300)"], second);
    }

    [Fact]
    public async Task Without_applying_the_schema_on_start_a_missing_step_fails_naming_it_and_the_command()
    {
        var recorded = Neo4jSchemaMigrator.Steps.Select(s => (long)s.Number).SkipLast(1).ToList();
        _server.Fallback = _ => Answers.Data(["id"], recorded.Select(id => new object?[] { id }).ToArray());
        var store = new Neo4jGraphStore(_server.Client(), Options.Create(_server.Options(o => o.ApplySchemaOnStart = false)));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => store.InitializeAsync(Ct));
        recorded.Add(Neo4jSchemaMigrator.Steps[^1].Number);
        await store.InitializeAsync(Ct);

        Assert.Contains(Neo4jSchemaMigrator.Steps[^1].Name, error.Message, StringComparison.Ordinal);
        Assert.Contains("kg migrate-schema", error.Message, StringComparison.Ordinal);
        Assert.All(_server.Requests, r => Assert.Equal("MATCH (m:SchemaMigration) RETURN m.id AS id", r.Statement));
        Assert.Equal(2, _server.Requests.Count);
    }

    [Fact]
    public async Task The_schema_version_is_the_highest_recorded_step_and_only_missing_steps_are_applied()
    {
        var recorded = new List<long> { 1, 2 };
        _server.Fallback = request =>
        {
            if (request.Statement.StartsWith("MATCH (m:SchemaMigration) RETURN coalesce(max(m.id), 0) AS version", StringComparison.Ordinal))
            {
                return Answers.Data(["version"], [recorded.Max()]);
            }

            if (request.Statement.StartsWith("MATCH (m:SchemaMigration) RETURN m.id", StringComparison.Ordinal))
            {
                return Answers.Data(["id"], recorded.Select(id => new object?[] { id }).ToArray());
            }

            if (request.Statement.StartsWith("MERGE (m:SchemaMigration", StringComparison.Ordinal))
            {
                recorded.Add(request.Parameters.GetProperty("id").GetInt64());
            }

            return Answers.Data([]);
        };
        IStoreSchema schema = new Neo4jSchemaMigrator(_server.Client());

        var before = await schema.CurrentVersionAsync(Ct);
        var applied = await schema.ApplyMissingAsync(Ct);
        var after = await schema.CurrentVersionAsync(Ct);

        Assert.Equal((2, 3, 5, 5), (before, applied, after, schema.LatestVersion));
        Assert.Contains(_server.Requests, r => r.Statement.StartsWith("CREATE CONSTRAINT job_id IF NOT EXISTS FOR (j:Job)", StringComparison.Ordinal));
        Assert.DoesNotContain(_server.Requests, r => r.Statement.StartsWith("CREATE CONSTRAINT node_id", StringComparison.Ordinal));
    }
}
