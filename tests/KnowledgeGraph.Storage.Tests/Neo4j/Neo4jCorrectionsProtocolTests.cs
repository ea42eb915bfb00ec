using System.Text.Json;
using KnowledgeGraph.Core.Graph;
using KnowledgeGraph.Storage.Neo4j;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using static KnowledgeGraph.Storage.Tests.TestGraph;

namespace KnowledgeGraph.Storage.Tests.Neo4j;

/// <summary>
/// What the corrections send to Neo4j, checked on a scripted server that answers each read by its statement: one
/// transaction per correction that takes the write lock first and commits last, a rollback on refusal or failure,
/// values only as parameters, and the writes that follow from what was read.
/// </summary>
[Trait("Category", "Store")]
public sealed class Neo4jCorrectionsProtocolTests : IAsyncLifetime
{
    private const string Hostile = "Robert'}) DETACH DELETE n; MATCH (m) //\"`";
    private const string Earlier = "2026-01-01T00:00:00.0000000+00:00";
    private const string JTworek = "person:j-tworek";
    private const string Withdrawn = "RETURN p.edgeId AS edgeId, count(p) AS claims";
    private const string DeleteClaims = "MATCH (:Source {id: $id})<-[:CITES]-(p:Provenance) DETACH DELETE p";
    private static readonly CancellationToken Ct = CancellationToken.None;
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly string NowStamp = Neo4jBatchPlan.Timestamp(Now);
    private static readonly string[] EdgeFields =
        ["id", "relation", "fromId", "toId", "role", "start", "finish", "confidence", "recordedAt", "inConflict",
         "resolvedStart", "resolvedStartNote", "resolvedStartAt", "resolvedEnd", "resolvedEndNote", "resolvedEndAt", "claims"];

    private static readonly string[] NodeFields = ["id", "kind", "name", "names", "orgKind", "parentId", "year", "venue", "norms"];
    private readonly ScriptedNeo4jServer _server = new();
    private readonly List<(string Contains, Func<RecordedRequest, ScriptedResponse> Answer)> _routes = [];

    public Neo4jCorrectionsProtocolTests() => _server.Fallback = Route;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private Neo4jGraphStore Store(int retries = 3) =>
        new(_server.Client(o => o.MaxRetryAttempts = retries), Options.Create(_server.Options()), new FakeTimeProvider(Now));

    /// <summary>Answers statements containing <paramref name="contains"/> (first route that matches wins); others get the generic answer.</summary>
    private void When(string contains, Func<RecordedRequest, ScriptedResponse> answer) => _routes.Add((contains, answer));

    private void When(string contains, ScriptedResponse answer) => When(contains, _ => answer);

    private ScriptedResponse Route(RecordedRequest request)
    {
        if (request.Body.Length > 0 && request.Json.TryGetProperty("statement", out _))
        {
            foreach (var (contains, answer) in _routes)
            {
                if (request.Statement.Contains(contains, StringComparison.Ordinal))
                {
                    return answer(request);
                }
            }
        }

        return Answers.Generic(request);
    }

    private List<RecordedRequest> Statements => _server.Requests.Where(r => r.Body.Length > 0).ToList();

    private RecordedRequest Single(string contains) => Assert.Single(Statements, r => r.Statement.Contains(contains, StringComparison.Ordinal));

    private static List<JsonElement> Rows(RecordedRequest request, string name = "rows") => request.Parameters.GetProperty(name).EnumerateArray().ToList();

    private static string? Text(JsonElement row, string name) => row.GetProperty(name).ValueKind == JsonValueKind.Null ? null : row.GetProperty(name).GetString();

    /// <summary>One transaction: opened by the write lock, every later request in it, committed last (or rolled back).</summary>
    private void AssertOneTransaction(bool committed)
    {
        var requests = _server.Requests.ToList();
        Assert.Equal(("POST", "/db/neo4j/query/v2/tx"), (requests[0].Method, requests[0].Path));
        Assert.StartsWith("MERGE (l:WriteLock {id: 'graph'})", requests[0].Statement, StringComparison.Ordinal);
        Assert.All(requests.Skip(1), r => Assert.StartsWith("/db/neo4j/query/v2/tx/tx1", r.Path, StringComparison.Ordinal));
        if (committed)
        {
            Assert.Equal(("POST", "/db/neo4j/query/v2/tx/tx1/commit"), (requests[^1].Method, requests[^1].Path));
            Assert.DoesNotContain(requests, r => r.Method == "DELETE");
        }
        else
        {
            Assert.Equal(("DELETE", "/db/neo4j/query/v2/tx/tx1"), (requests[^1].Method, requests[^1].Path));
            Assert.DoesNotContain(requests, r => r.Path.EndsWith("/commit", StringComparison.Ordinal));
        }
    }

    private void AssertNoStatementContains(string text) =>
        Assert.All(Statements, r => Assert.DoesNotContain(text, r.Statement, StringComparison.Ordinal));

    private static Dictionary<string, object?> Claim(string edgeId, string sourceId, string claimedStart, string claimedEnd = "", string recordedAt = Earlier) => new()
    {
        ["id"] = Neo4jBatchPlan.ProvenanceId(edgeId, sourceId, claimedStart, claimedEnd, $"{sourceId} says so", string.Empty),
        ["sourceId"] = sourceId,
        ["claimedStart"] = claimedStart,
        ["claimedEnd"] = claimedEnd,
        ["quote"] = $"{sourceId} says so",
        ["note"] = string.Empty,
        ["quoteStart"] = null,
        ["quoteEnd"] = null,
        ["confidence"] = 0.9,
        ["recordedAt"] = recordedAt,
    };

    private static object?[] EdgeRow(string id, Relation relation, string from, string to, string? start, bool inConflict, object[] claims, string? resolvedStart = null, string? resolvedStartAt = null) =>
        [id, relation.ToWire(), from, to, null, start, null, 0.9, Earlier, inConflict,
         resolvedStart, resolvedStart is null ? null : string.Empty, resolvedStartAt, null, null, null, claims];

    private static object?[] NodeRow(string id, NodeKind kind, string name, params string[] aliases)
    {
        var names = aliases.Prepend(name).ToList();
        return [id, kind.ToString(), name, names, null, null, null, null, names.Select(NameNormalizer.Normalize).ToList()];
    }

    private static ScriptedResponse Edges(params object?[][] rows) => Answers.Data(EdgeFields, rows);

    // ---- retractSource --------------------------------------------------------------------------------------

    [Fact]
    public async Task Retracting_withdraws_the_claims_deletes_unsupported_edges_settles_the_others_and_marks_the_source_in_one_transaction()
    {
        When("RETURN s.retractedAt IS NOT NULL AS retracted", Answers.Data(["retracted"], [false]));
        When(Withdrawn, Answers.Data(["edgeId", "claims"], ["edge:left", 1], ["edge:wo", 1]));
        When("COLLECT { MATCH (p:Provenance {edgeId: r.id})", Edges(
            EdgeRow("edge:left", Relation.Left, Jerry, OpenAi, "2026-01", true, [Claim("edge:left", "src:a", "2026-01-05"), Claim("edge:left", "src:b", "2026-01-06")]),
            EdgeRow("edge:wo", Relation.WorkedOn, Jerry, Codex, "2021", false, [])));

        var result = await Store().RetractSourceAsync(Hostile, Ct);

        Assert.Equal(new RetractResult(Hostile, false, 2, 1, 1), result);
        AssertOneTransaction(committed: true);
        Assert.Equal(Hostile, Single(Withdrawn).Parameters.GetProperty("id").GetString());
        Assert.Equal(Hostile, Single(DeleteClaims).Parameters.GetProperty("id").GetString());
        Assert.True(Statements.FindIndex(r => r.Statement == DeleteClaims) < Statements.FindIndex(r => r.Statement.Contains("COLLECT { MATCH (p:Provenance", StringComparison.Ordinal)));
        var read = Single("COLLECT { MATCH (p:Provenance {edgeId: r.id})");
        Assert.StartsWith("UNWIND $ids AS id", read.Statement, StringComparison.Ordinal);
        Assert.Equal(["edge:left", "edge:wo"], Rows(read, "ids").Select(e => e.GetString()));
        var delete = Single("DELETE r");
        Assert.Equal("UNWIND $ids AS id MATCH (:Node)-[r:WORKED_ON {id: id}]->(:Node) DELETE r", delete.Statement);
        Assert.Equal(["edge:wo"], Rows(delete, "ids").Select(e => e.GetString()));
        var settle = Single("SET r.role = row.role");
        Assert.Contains("MATCH (:Node)-[r:LEFT {id: row.id}]->(:Node)", settle.Statement, StringComparison.Ordinal);
        var row = Assert.Single(Rows(settle));
        Assert.Equal(("edge:left", "2026-01", true), (Text(row, "id"), Text(row, "start"), row.GetProperty("inConflict").GetBoolean()));
        var mark = Single("SET s.retractedAt = $at");
        Assert.Equal((Hostile, NowStamp), (mark.Parameters.GetProperty("id").GetString(), mark.Parameters.GetProperty("at").GetString()));
        AssertNoStatementContains("Robert");
        Assert.True(Statements.FindIndex(r => r.Statement.Contains("DELETE r", StringComparison.Ordinal)) < Statements.FindIndex(r => r.Statement.Contains("SET s.retractedAt", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Retracting_a_retracted_source_changes_nothing_and_an_unknown_one_rolls_back_naming_it()
    {
        When("RETURN s.retractedAt IS NOT NULL AS retracted", Answers.Data(["retracted"], [true]));

        var again = await Store().RetractSourceAsync("src:c", Ct);

        Assert.Equal(new RetractResult("src:c", true, 0, 0, 0), again);
        AssertOneTransaction(committed: true);
        Assert.Equal(3, _server.Requests.Count); // lock, state, commit

        _server.Requests.Clear();
        _routes.Clear();
        When("RETURN s.retractedAt IS NOT NULL AS retracted", Answers.Data(["retracted"]));
        var unknown = await Assert.ThrowsAsync<CorrectionException>(() => Store().RetractSourceAsync("src:nope", Ct));

        Assert.Contains("'src:nope'", unknown.Message, StringComparison.Ordinal);
        AssertOneTransaction(committed: false);
        Assert.DoesNotContain(Statements, r => r.Statement.Contains("DETACH DELETE", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_refused_statement_rolls_the_correction_back_and_is_mapped_and_a_transient_one_reruns_it_whole()
    {
        When("RETURN s.retractedAt IS NOT NULL AS retracted", Answers.Data(["retracted"], [false]));
        When(Withdrawn, Answers.Error("Neo.ClientError.Statement.SyntaxError", "Invalid input"));

        var refused = await Assert.ThrowsAsync<Neo4jClientException>(() => Store().RetractSourceAsync("src:a", Ct));

        Assert.Equal("Neo.ClientError.Statement.SyntaxError", refused.Code);
        AssertOneTransaction(committed: false);
        Assert.DoesNotContain(Statements, r => r.Statement.Contains("SET s.retractedAt", StringComparison.Ordinal));

        _server.Requests.Clear();
        _routes.Clear();
        var failures = 1;
        When("RETURN s.retractedAt IS NOT NULL AS retracted", Answers.Data(["retracted"], [false]));
        When(Withdrawn, _ => failures-- > 0
            ? Answers.Error("Neo.TransientError.Transaction.DeadlockDetected", "deadlock")
            : Answers.Data(["edgeId", "claims"]));
        var result = await Store().RetractSourceAsync("src:a", Ct);

        Assert.Equal(new RetractResult("src:a", false, 0, 0, 0), result);
        Assert.Equal(2, Statements.Count(r => r.Statement.StartsWith("MERGE (l:WriteLock", StringComparison.Ordinal)));
        Assert.Equal("DELETE", _server.Requests.First(r => r.Method == "DELETE" || r.Path.EndsWith("/commit", StringComparison.Ordinal)).Method);
        Assert.EndsWith("/commit", _server.Requests.Last().Path, StringComparison.Ordinal);
        Assert.Single(Statements, r => r.Statement.Contains("SET s.retractedAt", StringComparison.Ordinal));
    }

    // ---- a new version of a document ------------------------------------------------------------------------

    [Fact]
    public async Task Replacing_withdraws_the_old_claims_clears_the_retraction_and_writes_the_batch_in_one_transaction()
    {
        When("RETURN s.retractedAt IS NOT NULL AS retracted", Answers.Data(["retracted"], [true]));
        When(Withdrawn, Answers.Data(["edgeId", "claims"]));
        When("n.norms AS norms", Answers.Data(NodeFields, NodeRow(Jerry, NodeKind.Person, "Jerry Tworek"), NodeRow(Gpt4, NodeKind.Model, "GPT-4")));
        var batch = Of(Edge(Relation.WorkedOn, Jerry, Gpt4, "src:a", "2023"));
        batch.Sources.Add(Src("src:a") with { ContentHash = "v2" });

        var result = await Store().ReplaceSourceAsync("src:a", batch, Ct);

        Assert.Equal(1, result.NewEdges);
        AssertOneTransaction(committed: true);
        var statements = Statements.Select(r => r.Statement).ToList();
        var unmark = statements.FindIndex(s => s.Contains("SET s.retractedAt = $at", StringComparison.Ordinal));
        Assert.Equal(JsonValueKind.Null, Statements[unmark].Parameters.GetProperty("at").ValueKind);
        Assert.True(statements.FindIndex(s => s.Contains(Withdrawn, StringComparison.Ordinal)) < unmark);
        Assert.True(unmark < statements.FindIndex(s => s.Contains("MATCH (m:Redirect {id: id})", StringComparison.Ordinal)));
        Assert.True(unmark < statements.FindIndex(s => s.Contains("MERGE (a)-[r:WORKED_ON {id: row.id}]->(b)", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_replacement_that_is_invalid_never_reaches_the_server_and_one_the_store_refuses_rolls_back()
    {
        await Assert.ThrowsAsync<GraphValidationException>(() => Store().ReplaceSourceAsync("src:a", new GraphBatch { Nodes = { Person("person:Bad Id", "X") } }, Ct));
        Assert.Empty(_server.Requests);

        When("RETURN s.retractedAt IS NOT NULL AS retracted", Answers.Data(["retracted"], [false]));
        When(Withdrawn, Answers.Data(["edgeId", "claims"]));
        var error = await Assert.ThrowsAsync<GraphValidationException>(() => Store().ReplaceSourceAsync("src:a", Of(Edge(Relation.WorkedOn, Jerry, "model:missing", "src:a")), Ct));

        Assert.Contains(error.Problems, p => p.Field == "to");
        AssertOneTransaction(committed: false);
        Assert.DoesNotContain(Statements, r => r.Statement.Contains("UNWIND $rows AS row", StringComparison.Ordinal));
    }

    // ---- resolveConflict ------------------------------------------------------------------------------------

    [Fact]
    public async Task Resolving_holds_the_choice_on_the_relationship_and_settles_it_in_one_transaction()
    {
        var claims = new object[] { Claim("edge:left", "src:a", "2026-01-05"), Claim("edge:left", "src:b", "2026-01-06"), Claim("edge:left", "src:c", "2026-01-07") };
        When("WITH $id AS id", Edges(EdgeRow("edge:left", Relation.Left, Jerry, OpenAi, "2026-01", true, claims)));

        var result = await Store().ResolveConflictAsync("edge:left/start", D("2026-01-06"), "  " + Hostile + " ", Ct);

        Assert.True(result.Changed);
        Assert.Equal((D("2026-01-06"), Hostile, Now), (result.Edge.Start, result.Resolution.Note, result.Resolution.ResolvedAt));
        Assert.Equal(["src:a", "src:b", "src:c"], result.Edge.Sources.Select(s => s.SourceId));
        AssertOneTransaction(committed: true);
        Assert.Equal("edge:left", Single("WITH $id AS id").Parameters.GetProperty("id").GetString());
        var write = Single("SET r.role = row.role");
        Assert.Contains("MATCH (:Node)-[r:LEFT {id: row.id}]->(:Node)", write.Statement, StringComparison.Ordinal);
        var row = Assert.Single(Rows(write));
        Assert.Equal(("2026-01-06", "2026-01-06", Hostile, NowStamp, false), (Text(row, "start"), Text(row, "resolvedStart"), Text(row, "resolvedStartNote"), Text(row, "resolvedStartAt"), row.GetProperty("inConflict").GetBoolean()));
        Assert.Null(Text(row, "resolvedEnd"));
        AssertNoStatementContains("Robert");
    }

    [Fact]
    public async Task Resolving_again_with_the_same_value_keeps_the_first_choice_and_its_time()
    {
        var claims = new object[] { Claim("edge:left", "src:a", "2026-01-05"), Claim("edge:left", "src:b", "2026-01-06") };
        When("WITH $id AS id", Edges(EdgeRow("edge:left", Relation.Left, Jerry, OpenAi, "2026-01-06", false, claims, resolvedStart: "2026-01-06", resolvedStartAt: Earlier)));

        var again = await Store().ResolveConflictAsync("edge:left", D("2026-01-06"), null, Ct);

        Assert.False(again.Changed);
        Assert.Equal(DateTimeOffset.Parse(Earlier, System.Globalization.CultureInfo.InvariantCulture), again.Resolution.ResolvedAt);
        var row = Assert.Single(Rows(Single("SET r.role = row.role")));
        Assert.Equal((Earlier, false), (Text(row, "resolvedStartAt"), row.GetProperty("inConflict").GetBoolean()));
    }

    [Fact]
    public async Task Resolving_a_bad_field_is_refused_before_any_request_and_an_unknown_edge_or_agreed_field_rolls_back()
    {
        var badField = await Assert.ThrowsAsync<CorrectionException>(() => Store().ResolveConflictAsync("edge:x/title", D("2020"), null, Ct));
        Assert.Contains("'title'", badField.Message, StringComparison.Ordinal);
        Assert.Empty(_server.Requests);

        var unknown = await Assert.ThrowsAsync<CorrectionException>(() => Store().ResolveConflictAsync("edge:nope/start", D("2020"), null, Ct));
        Assert.Contains("'edge:nope'", unknown.Message, StringComparison.Ordinal);
        AssertOneTransaction(committed: false);

        _server.Requests.Clear();
        When("WITH $id AS id", Edges(EdgeRow("edge:j", Relation.Joined, Jerry, OpenAi, "2019", false, [Claim("edge:j", "src:a", "2019"), Claim("edge:j", "src:b", "2019")])));
        var agreed = await Assert.ThrowsAsync<CorrectionException>(() => Store().ResolveConflictAsync("edge:j/start", D("2020"), null, Ct));
        Assert.Contains("sources agree", agreed.Message, StringComparison.Ordinal);
        AssertOneTransaction(committed: false);
        Assert.DoesNotContain(Statements, r => r.Statement.Contains("SET r.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Resolutions_of_many_edges_are_one_read_and_none_are_asked_for_no_edges()
    {
        When("WITH r WHERE r.resolvedStart IS NOT NULL OR r.resolvedEnd IS NOT NULL", Answers.Data(
            ["id", "resolvedStart", "resolvedStartNote", "resolvedStartAt", "resolvedEnd", "resolvedEndNote", "resolvedEndAt"],
            ["edge:a", "2019-03", "HR letter", Earlier, "2025", string.Empty, NowStamp]));
        var store = Store();

        var resolutions = await store.GetResolutionsAsync(["edge:a", "edge:b", "edge:a"], Ct);
        var none = await store.GetResolutionsAsync([], Ct);

        var request = Assert.Single(_server.Requests);
        Assert.Equal(("POST", "/db/neo4j/query/v2"), (request.Method, request.Path));
        Assert.StartsWith("UNWIND $ids AS id", request.Statement, StringComparison.Ordinal);
        Assert.Equal(["edge:a", "edge:b"], Rows(request, "ids").Select(e => e.GetString()));
        Assert.Empty(resolutions["edge:b"]);
        Assert.Equal(["end", "start"], resolutions["edge:a"].Select(r => r.Field));
        Assert.Equal((D("2025"), (string?)null), (resolutions["edge:a"][0].Value, resolutions["edge:a"][0].Note));
        Assert.Equal((D("2019-03"), "HR letter", "edge:a/start"), (resolutions["edge:a"][1].Value, resolutions["edge:a"][1].Note, resolutions["edge:a"][1].ConflictId));
        Assert.Empty(none);
    }

    // ---- mergeEntities --------------------------------------------------------------------------------------

    [Fact]
    public async Task Merging_moves_folds_and_drops_edges_folds_the_node_and_leaves_a_redirect_in_one_transaction()
    {
        When("n.norms AS norms", Answers.Data(NodeFields, NodeRow(Jerry, NodeKind.Person, "Jerry Tworek", "Jerry"), NodeRow(JTworek, NodeKind.Person, "J. Tworek")));
        When("MATCH (a:Node {id: $remove})", Edges(
            EdgeRow("edge:r2", Relation.WorkedOn, JTworek, Codex, "2021", false, [Claim("edge:r2", "src:c", "2021")]),
            EdgeRow("edge:r0", Relation.WorkedOn, JTworek, Jerry, null, false, [Claim("edge:r0", "src:a", string.Empty)]),
            EdgeRow("edge:r1", Relation.Joined, JTworek, OpenAi, "2019", false, [Claim("edge:r1", "src:b", "2019", recordedAt: NowStamp)])));
        When("UNWIND $triples AS t", Edges(EdgeRow("edge:k1", Relation.Joined, Jerry, OpenAi, "2019-07", false, [Claim("edge:k1", "src:a", "2019-07")])));

        var result = await Store().MergeEntitiesAsync(Jerry, JTworek, Ct);

        Assert.Equal(new MergeResult(Jerry, JTworek, false, 1, 1, 1, 1), result);
        AssertOneTransaction(committed: true);
        Assert.Equal(
            [$"{Jerry} JOINED {OpenAi}", $"{Jerry} WORKED_ON {Codex}"],
            Rows(Single("UNWIND $triples AS t"), "triples").Select(t => $"{Text(t, "fromId")} {Text(t, "relation")} {Text(t, "toId")}"));
        var deletes = Statements.Where(r => r.Statement.EndsWith("DELETE r", StringComparison.Ordinal)).ToList();
        Assert.Equal(
            ["JOINED: edge:r1", "WORKED_ON: edge:r0 edge:r2"],
            deletes.Select(d => $"{(d.Statement.Contains("r:JOINED", StringComparison.Ordinal) ? "JOINED" : "WORKED_ON")}: {string.Join(' ', Rows(d, "ids").Select(e => e.GetString()))}").Order(StringComparer.Ordinal));
        Assert.Equal(["edge:r0", "edge:r1"], Rows(Single("MATCH (p:Provenance {edgeId: id}) DETACH DELETE p"), "ids").Select(e => e.GetString()));
        var create = Single("CREATE (a)-[r:WORKED_ON {id: row.id}]->(b)");
        var moved = Assert.Single(Rows(create));
        Assert.Equal(("edge:r2", Jerry, Codex, "2021", Earlier), (Text(moved, "id"), Text(moved, "fromId"), Text(moved, "toId"), Text(moved, "start"), Text(moved, "recordedAt")));
        var claim = Assert.Single(Rows(Single("MERGE (p:Provenance {id: row.id})")));
        Assert.Equal(
            (Neo4jBatchPlan.ProvenanceId("edge:k1", "src:b", "2019", string.Empty, "src:b says so", string.Empty), "edge:k1", "src:b", NowStamp),
            (Text(claim, "id"), Text(claim, "edgeId"), Text(claim, "sourceId"), Text(claim, "recordedAt")));
        var settled = Assert.Single(Rows(Single("MATCH (:Node)-[r:JOINED {id: row.id}]->(:Node)")));
        Assert.Equal(("edge:k1", "2019-07", false), (Text(settled, "id"), Text(settled, "start"), settled.GetProperty("inConflict").GetBoolean()));
        var node = Single("MATCH (n:Node {id: $keep})");
        Assert.Equal(["Jerry Tworek", "Jerry", "J. Tworek"], node.Parameters.GetProperty("names").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal([NameNormalizer.Normalize("J. Tworek")], node.Parameters.GetProperty("newNorms").EnumerateArray().Select(e => e.GetString()));
        Assert.Contains("j tworek", node.Parameters.GetProperty("search").GetString(), StringComparison.Ordinal);
        Assert.Equal(JTworek, Single("DETACH DELETE n").Parameters.GetProperty("remove").GetString());
        var redirect = Single("MERGE (m:Redirect {id: $remove})");
        Assert.Equal((JTworek, Jerry, NowStamp), (redirect.Parameters.GetProperty("remove").GetString(), redirect.Parameters.GetProperty("keep").GetString(), redirect.Parameters.GetProperty("now").GetString()));

        // The order that keeps every write valid: old relationships go before they are created again, the node last.
        var order = Statements.Select(r => r.Statement).ToList();
        Assert.True(order.FindIndex(s => s.Contains("r:WORKED_ON {id: id}]->(:Node) DELETE r", StringComparison.Ordinal)) < order.IndexOf(create.Statement));
        Assert.True(order.IndexOf(create.Statement) < order.FindIndex(s => s.Contains("DETACH DELETE n", StringComparison.Ordinal)));
        Assert.True(order.FindIndex(s => s.Contains("DETACH DELETE n", StringComparison.Ordinal)) < order.IndexOf(redirect.Statement));
    }

    [Fact]
    public async Task Merging_again_answers_already_merged_and_other_refusals_roll_back_before_any_write()
    {
        Assert.Contains("same node", (await Assert.ThrowsAsync<CorrectionException>(() => Store().MergeEntitiesAsync(Jerry, Jerry, Ct))).Message, StringComparison.Ordinal);
        Assert.Empty(_server.Requests);

        When("n.norms AS norms", Answers.Data(NodeFields, NodeRow(OpenAi, NodeKind.Organization, "OpenAI")));
        When("MATCH (m:Redirect {id: $id})", Answers.Data(["newId"], [OpenAi]));
        var again = await Store().MergeEntitiesAsync(OpenAi, "org:open-ai-inc", Ct);
        Assert.Equal(new MergeResult(OpenAi, "org:open-ai-inc", true, 0, 0, 0, 0), again);
        AssertOneTransaction(committed: true);

        _server.Requests.Clear();
        var unknown = await Assert.ThrowsAsync<CorrectionException>(() => Store().MergeEntitiesAsync(Jerry, "person:nobody", Ct));
        Assert.Contains($"'{Jerry}'", unknown.Message, StringComparison.Ordinal);
        AssertOneTransaction(committed: false);

        _server.Requests.Clear();
        _routes.Clear();
        When("n.norms AS norms", Answers.Data(NodeFields, NodeRow(OpenAi, NodeKind.Organization, "OpenAI"), NodeRow(Codex, NodeKind.Model, "Codex")));
        var kinds = await Assert.ThrowsAsync<CorrectionException>(() => Store().MergeEntitiesAsync(OpenAi, Codex, Ct));
        Assert.Contains("Organization", kinds.Message, StringComparison.Ordinal);
        Assert.Contains("Model", kinds.Message, StringComparison.Ordinal);
        AssertOneTransaction(committed: false);
        Assert.DoesNotContain(Statements, r => r.Statement.Contains("DELETE", StringComparison.Ordinal) || r.Statement.Contains("SET n.", StringComparison.Ordinal));
    }

    // ---- later batches --------------------------------------------------------------------------------------

    [Fact]
    public async Task A_batch_follows_redirects_and_leaves_out_the_claims_of_retracted_sources()
    {
        When("MATCH (m:Redirect {id: id})", Answers.Data(["id", "newId"], [JTworek, Jerry], ["org:openai-dup", OpenAi]));
        When("n.norms AS norms", request => Answers.Data(NodeFields, Rows(request, "ids").Select(e => e.GetString()).Select(id => id switch
        {
            Jerry => NodeRow(Jerry, NodeKind.Person, "Jerry Tworek"),
            Codex => NodeRow(Codex, NodeKind.Model, "Codex"),
            OpenAi => NodeRow(OpenAi, NodeKind.Organization, "OpenAI"),
            _ => null,
        }).OfType<object?[]>().ToArray()));
        When("s.retractedAt AS retractedAt", Answers.Data(
            ["id", "title", "url", "publishedOn", "contentHash", "ingestedAt", "retractedAt"],
            ["src:a", "A", null, null, null, Earlier, null],
            ["src:c", "C", null, null, null, Earlier, Earlier]));
        var batch = Of(
            Edge(Relation.WorkedOn, JTworek, Codex, "src:a", "2021"),
            Edge(Relation.Left, Jerry, OpenAi, "src:c", "2026-01-07"),
            Edge(Relation.PartOf, "org:openai-dup", OpenAi, "src:a"));

        var result = await Store().ApplyAsync(batch, Ct);

        Assert.Equal(new WriteResult(0, 0, 0, 1, 1, 0), result);
        AssertOneTransaction(committed: true);
        var lookup = Single("MATCH (m:Redirect {id: id})");
        Assert.Contains(JTworek, Rows(lookup, "ids").Select(e => e.GetString()));
        Assert.DoesNotContain(JTworek, Rows(Single("n.norms AS norms"), "ids").Select(e => e.GetString()));
        var edge = Assert.Single(Rows(Single("MERGE (a)-[r:WORKED_ON {id: row.id}]->(b)")));
        Assert.Equal((Jerry, Codex), (Text(edge, "fromId"), Text(edge, "toId")));
        Assert.DoesNotContain(Statements, r => r.Statement.Contains("MERGE (a)-[r:LEFT", StringComparison.Ordinal) || r.Statement.Contains("MERGE (a)-[r:PART_OF", StringComparison.Ordinal));
        Assert.Equal(["src:a"], Rows(Single("MERGE (p:Provenance {id: row.id})")).Select(r => Text(r, "sourceId")));
    }

    [Fact]
    public async Task A_new_source_for_an_edge_with_a_chosen_value_keeps_the_value_and_adds_no_conflict()
    {
        When("n.norms AS norms", Answers.Data(NodeFields, NodeRow(Jerry, NodeKind.Person, "Jerry Tworek"), NodeRow(OpenAi, NodeKind.Organization, "OpenAI")));
        When("UNWIND $triples AS t", Edges(EdgeRow(
            "edge:left", Relation.Left, Jerry, OpenAi, "2026-01-06", false,
            [Claim("edge:left", "src:a", "2026-01-05"), Claim("edge:left", "src:b", "2026-01-06")],
            resolvedStart: "2026-01-06", resolvedStartAt: Earlier)));
        var batch = new GraphBatch { Sources = { Src("src:d") } };
        batch.Edges.Add(Edge(Relation.Left, Jerry, OpenAi, "src:d", "2026-02-01"));

        var result = await Store().ApplyAsync(batch, Ct);

        Assert.Equal(new WriteResult(0, 0, 1, 0, 1, 0), result);
        AssertOneTransaction(committed: true);
        var edge = Assert.Single(Rows(Single("MERGE (a)-[r:LEFT {id: row.id}]->(b)")));
        Assert.Equal(("edge:left", "2026-01-06", false), (Text(edge, "id"), Text(edge, "start"), edge.GetProperty("inConflict").GetBoolean()));
        Assert.Contains("COLLECT { MATCH (p:Provenance", Single("UNWIND $triples AS t").Statement, StringComparison.Ordinal);
        Assert.Contains("r.resolvedStart AS resolvedStart", Single("UNWIND $triples AS t").Statement, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hostile_ids_values_and_notes_travel_only_as_parameters_in_every_correction()
    {
        When("RETURN s.retractedAt IS NOT NULL AS retracted", Answers.Data(["retracted"], [false]));
        When(Withdrawn, Answers.Data(["edgeId", "claims"], [Hostile, 1]));
        When("WITH $id AS id", Edges(EdgeRow(Hostile, Relation.Left, Jerry, OpenAi, "2026-01", true, [Claim(Hostile, "src:a", "2026-01-05"), Claim(Hostile, "src:b", "2026-01-06")])));
        When("n.norms AS norms", Answers.Data(NodeFields, NodeRow(Jerry, NodeKind.Person, Hostile), NodeRow(Hostile, NodeKind.Person, Hostile + " Jr")));
        var store = Store();

        await store.RetractSourceAsync(Hostile, Ct);
        await store.ReplaceSourceAsync(Hostile, new GraphBatch(), Ct);
        await store.ResolveConflictAsync(Hostile + "/start", D("2026-01-05"), Hostile, Ct);
        await store.GetResolutionsAsync([Hostile], Ct);
        await store.MergeEntitiesAsync(Jerry, Hostile, Ct);

        AssertNoStatementContains("Robert");
        AssertNoStatementContains("DETACH DELETE n;");
        var values = Statements.SelectMany(r => r.ParameterStrings).ToList();
        Assert.True(values.Count(v => v == Hostile) >= 6);
        Assert.Contains(Hostile + " Jr", values);
    }
}
