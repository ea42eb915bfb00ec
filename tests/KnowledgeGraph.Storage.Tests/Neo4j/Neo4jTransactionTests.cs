using KnowledgeGraph.Storage.Neo4j;

namespace KnowledgeGraph.Storage.Tests.Neo4j;

/// <summary>Explicit transactions of the Query API against a scripted server: begin, run, commit, rollback, affinity, retry of the whole.</summary>
[Trait("Category", "Store")]
public sealed class Neo4jTransactionTests : IAsyncLifetime
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private readonly ScriptedNeo4jServer _server = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task A_transaction_opens_with_its_first_statement_sends_the_affinity_back_and_commits()
    {
        _server
            .Then(Answers.Transaction("lyU", "MTAuOC41Ljc6MTc0NzQ=", ["n"], [1]))
            .Then(Answers.Data(["m"], [2]))
            .Then(new ScriptedResponse(202, """{"bookmarks":["FB:after-commit"]}"""));

        var sum = await _server.Client().InTransactionAsync(async (tx, ct) =>
        {
            var first = await tx.RunAsync("RETURN 1 AS n", null, ct);
            Assert.Equal(("lyU", "MTAuOC41Ljc6MTc0NzQ="), (tx.Id, tx.Affinity));
            var second = await tx.RunAsync("RETURN $x AS m", new Dictionary<string, object?> { ["x"] = 2 }, ct);
            return first.Records[0].GetInt64("n") + second.Records[0].GetInt64("m");
        }, Ct);

        Assert.Equal(3, sum);
        var requests = _server.Requests.ToList();
        Assert.Equal(
            [("POST", "/db/neo4j/query/v2/tx"), ("POST", "/db/neo4j/query/v2/tx/lyU"), ("POST", "/db/neo4j/query/v2/tx/lyU/commit")],
            requests.Select(r => (r.Method, r.Path)));
        Assert.Equal("RETURN 1 AS n", requests[0].Statement);
        Assert.Null(requests[0].Header(Neo4jQueryClient.AffinityHeader));
        Assert.Equal("RETURN $x AS m", requests[1].Statement);
        Assert.Equal(2, requests[1].Parameters.GetProperty("x").GetInt32());
        Assert.All(requests.Skip(1), r => Assert.Equal("MTAuOC41Ljc6MTc0NzQ=", r.Header(Neo4jQueryClient.AffinityHeader)));
        Assert.All(requests, r => Assert.StartsWith("Basic ", r.Header("authorization"), StringComparison.Ordinal));
        Assert.Equal(string.Empty, requests[2].Body);
    }

    [Fact]
    public async Task A_server_without_affinity_gets_none_back()
    {
        _server.Then(Answers.Transaction("t1", affinity: null)).Then(Answers.Data([])).Then(new ScriptedResponse(202, "{}"));

        await _server.Client().InTransactionAsync(async (tx, ct) =>
        {
            await tx.RunAsync("CREATE (:X)", null, ct);
            await tx.RunAsync("CREATE (:Y)", null, ct);
            return 0;
        }, Ct);

        Assert.All(_server.Requests, r => Assert.Null(r.Header(Neo4jQueryClient.AffinityHeader)));
    }

    [Fact]
    public async Task Work_that_throws_rolls_the_transaction_back_with_a_delete_and_the_error_comes_through()
    {
        _server.Then(Answers.Transaction("t9", "aff-9")).Then(new ScriptedResponse(202, "{}"));

        await Assert.ThrowsAsync<GraphValidationException>(() => _server.Client().InTransactionAsync<int>(async (tx, ct) =>
        {
            await tx.RunAsync("MATCH (n) RETURN n", null, ct);
            throw new GraphValidationException("refused");
        }, Ct));

        var requests = _server.Requests.ToList();
        Assert.Equal([("POST", "/db/neo4j/query/v2/tx"), ("DELETE", "/db/neo4j/query/v2/tx/t9")], requests.Select(r => (r.Method, r.Path)));
        Assert.Equal("aff-9", requests[1].Header(Neo4jQueryClient.AffinityHeader));
    }

    [Fact]
    public async Task A_client_error_inside_a_transaction_ends_it_and_is_not_retried()
    {
        _server
            .Then(Answers.Transaction("t2"))
            .Then(Answers.Error("Neo.ClientError.Statement.SyntaxError"))
            .Then(Answers.Error("Neo.ClientError.Request.Invalid", "transaction not found", 404));

        await Assert.ThrowsAsync<Neo4jClientException>(() => _server.Client().InTransactionAsync(async (tx, ct) =>
        {
            await tx.RunAsync("RETURN 1", null, ct);
            await tx.RunAsync("RETRUN 1", null, ct);
            return 0;
        }, Ct));

        Assert.Equal(
            [("POST", "/db/neo4j/query/v2/tx"), ("POST", "/db/neo4j/query/v2/tx/t2"), ("DELETE", "/db/neo4j/query/v2/tx/t2")],
            _server.Requests.Select(r => (r.Method, r.Path)));
    }

    [Fact]
    public async Task A_transient_error_inside_a_transaction_reruns_the_whole_work_in_a_new_transaction()
    {
        _server
            .Then(Answers.Transaction("first"))
            .Then(Answers.Error("Neo.TransientError.Transaction.DeadlockDetected"))
            .Then(new ScriptedResponse(404, """{"errors":[{"code":"Neo.ClientError.Transaction.TransactionNotFound","message":"gone"}]}"""))
            .Then(Answers.Transaction("second"))
            .Then(Answers.Data([]))
            .Then(new ScriptedResponse(202, "{}"));
        var runs = 0;

        await _server.Client().InTransactionAsync(async (tx, ct) =>
        {
            runs++;
            await tx.RunAsync("MERGE (l:WriteLock {id: 'graph'})", null, ct);
            await tx.RunAsync("UNWIND $rows AS row MERGE (n:Node {id: row.id})", null, ct);
            return 0;
        }, Ct);

        Assert.Equal(2, runs);
        Assert.Equal(
            [
                ("POST", "/db/neo4j/query/v2/tx"), ("POST", "/db/neo4j/query/v2/tx/first"), ("DELETE", "/db/neo4j/query/v2/tx/first"),
                ("POST", "/db/neo4j/query/v2/tx"), ("POST", "/db/neo4j/query/v2/tx/second"), ("POST", "/db/neo4j/query/v2/tx/second/commit"),
            ],
            _server.Requests.Select(r => (r.Method, r.Path)));
    }

    [Fact]
    public async Task A_failed_commit_is_reported()
    {
        _server.Then(Answers.Transaction("t3")).Then(Answers.Error("Neo.DatabaseError.Transaction.TransactionCommitFailed", status: 500));

        await Assert.ThrowsAsync<Neo4jDatabaseException>(() => _server.Client().InTransactionAsync(async (tx, ct) =>
        {
            await tx.RunAsync("CREATE (:X)", null, ct);
            return 0;
        }, Ct));

        Assert.Equal(("POST", "/db/neo4j/query/v2/tx/t3/commit"), _server.Requests.Select(r => (r.Method, r.Path)).ElementAt(1));
    }

    [Fact]
    public async Task A_transaction_answer_without_an_id_is_an_error()
    {
        _server.Then(Answers.Data([]));

        await Assert.ThrowsAsync<Neo4jException>(() => _server.Client().InTransactionAsync(async (tx, ct) =>
        {
            await tx.RunAsync("RETURN 1", null, ct);
            return 0;
        }, Ct));
    }

    [Fact]
    public async Task Work_that_runs_nothing_opens_no_transaction()
    {
        var answer = await _server.Client().InTransactionAsync((_, _) => Task.FromResult(42), Ct);

        Assert.Equal(42, answer);
        Assert.Empty(_server.Requests);
    }
}
