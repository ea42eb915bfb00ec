using System.Text.Json;
using KnowledgeGraph.Storage.Jobs;
using KnowledgeGraph.Storage.Neo4j;

namespace KnowledgeGraph.Storage.Tests.Neo4j;

/// <summary>What the Neo4j job queue sends and how it reads the answers, on a scripted server: one statement per call, values only as parameters, leases serialized by a lock node.</summary>
[Trait("Category", "Store")]
public sealed class Neo4jJobQueueProtocolTests : IAsyncLifetime
{
    private const string Hostile = "x'}) DETACH DELETE j; MATCH (n) //\"`";
    private const string LockClause = "MERGE (l:WriteLock {id: 'jobs'}) SET l.at = $now";
    private static readonly CancellationToken Ct = CancellationToken.None;
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 3, 0, 0, TimeSpan.Zero);
    private static readonly string[] JobFields = ["id", "kind", "state", "payload", "attempts", "createdAt", "startedAt", "finishedAt", "error", "counts", "failures"];
    private readonly ScriptedNeo4jServer _server = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private Neo4jJobQueue Queue(Action<Neo4jStoreOptions>? configure = null) => new(_server.Client(configure), new ManualClock(Now));

    private RecordedRequest Only() => Assert.Single(_server.Requests);

    private static object?[] JobRow(string id, string state, int attempts = 0, string? started = null, string? finished = null, string? error = null, string counts = "{\"Documents\":0,\"Claims\":0,\"NewNodes\":0,\"NewEdges\":0,\"Conflicts\":0,\"Failures\":0}", string failures = "[]") =>
        [id, "document", state, "{\"text\":\"hi\"}", attempts, "2026-11-25T02:59:00.0000000Z", started, finished, error, counts, failures];

    private static ScriptedResponse OneJob(object?[] row, params (string Field, object? Value)[] extra) =>
        Answers.Data([.. JobFields, .. extra.Select(e => e.Field)], [.. row, .. extra.Select(e => e.Value)]);

    // ---- enqueue ------------------------------------------------------------------------------------------

    [Fact]
    public async Task Enqueue_merges_a_new_job_under_a_fresh_id_with_every_value_a_parameter()
    {
        _server.Fallback = r => OneJob(JobRow(r.Parameters.GetProperty("id").GetString()!, "queued"), ("created", true));

        var job = await Queue().EnqueueAsync("document", Hostile, Ct);

        var request = Only();
        Assert.Equal(("POST", "/db/neo4j/query/v2"), (request.Method, request.Path));
        Assert.StartsWith("MERGE (j:Job {id: $id})", request.Statement, StringComparison.Ordinal);
        Assert.Contains("ON CREATE SET", request.Statement, StringComparison.Ordinal);
        Assert.DoesNotContain("DETACH", request.Statement, StringComparison.Ordinal);
        Assert.Equal(Hostile, request.Parameters.GetProperty("payload").GetString());
        Assert.Equal("document", request.Parameters.GetProperty("kind").GetString());
        Assert.Equal("2026-11-25T03:00:00.0000000Z", request.Parameters.GetProperty("now").GetString());
        Assert.StartsWith("job-", request.Parameters.GetProperty("id").GetString(), StringComparison.Ordinal);
        Assert.Equal(request.Parameters.GetProperty("id").GetString(), job.Id);
        Assert.Equal(JobState.Queued, job.State);
        Assert.Equal(new DateTimeOffset(2026, 11, 25, 2, 59, 0, TimeSpan.Zero), job.CreatedAt);
        Assert.Equal(JobCounts.Zero, job.Counts);
        Assert.Null(job.StartedAt);
    }

    [Fact]
    public async Task Enqueue_once_reports_created_only_for_the_call_whose_token_the_server_kept()
    {
        // Like MERGE ... ON CREATE SET j.enqueuedBy = $token: the first call's token is stored; later calls see it.
        string? kept = null;
        var gate = new object();
        _server.Fallback = r =>
        {
            var token = r.Parameters.GetProperty("token").GetString()!;
            lock (gate)
            {
                kept ??= token;
            }

            return OneJob(JobRow(r.Parameters.GetProperty("id").GetString()!, "queued"), ("created", kept == token));
        };
        var queues = Enumerable.Range(0, 8).Select(_ => Queue()).ToList();

        var results = await Task.WhenAll(queues.Select(q => q.EnqueueOnceAsync("schedule:nightly:2026-11-25T02:00Z", "path", "{}", Ct)));

        Assert.Single(results, r => r.Created);
        Assert.All(results, r => Assert.Equal("schedule:nightly:2026-11-25T02:00Z", r.Job.Id));
        Assert.Equal(8, _server.Requests.Select(r => r.Parameters.GetProperty("token").GetString()).Distinct().Count());
    }

    [Fact]
    public async Task Enqueue_once_refuses_a_blank_id_before_any_request()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Queue().EnqueueOnceAsync(" ", "path", "{}", Ct));

        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task Enqueue_with_no_row_in_the_answer_is_an_error_naming_the_job()
    {
        _server.Then(Answers.Data([.. JobFields, "created"]));

        var error = await Assert.ThrowsAsync<Neo4jException>(() => Queue().EnqueueOnceAsync("job-1", "path", "{}", Ct));

        Assert.Contains("job-1", error.Message, StringComparison.Ordinal);
    }

    // ---- claim and leases ------------------------------------------------------------------------------------

    [Fact]
    public async Task A_claim_locks_first_then_picks_the_oldest_claimable_job_and_sets_the_lease_in_one_statement()
    {
        _server.Then(OneJob(JobRow("job-7", "running", attempts: 1, started: "2026-11-25T03:00:00.0000000Z")));

        var job = await Queue().ClaimAsync("worker-a", TimeSpan.FromSeconds(60), Ct);

        var request = Only();
        var statement = request.Statement;
        Assert.StartsWith(LockClause, statement, StringComparison.Ordinal);
        var lockAt = statement.IndexOf("SET l.at", StringComparison.Ordinal);
        var candidates = statement.IndexOf("MATCH (j:Job)", StringComparison.Ordinal);
        Assert.True(lockAt < candidates, "the candidates must be read after the lock is taken");
        Assert.Contains("j.state = 'queued' AND (j.notBefore IS NULL OR j.notBefore <= $now)", statement, StringComparison.Ordinal);
        Assert.Contains("j.state = 'running' AND j.leaseUntil < $now", statement, StringComparison.Ordinal);
        Assert.Contains("ORDER BY j.createdAt, j.id LIMIT 1", statement, StringComparison.Ordinal);
        Assert.Contains("SET j.state = 'running', j.worker = $worker, j.leaseUntil = $lease", statement, StringComparison.Ordinal);
        Assert.Equal("worker-a", request.Parameters.GetProperty("worker").GetString());
        Assert.Equal("2026-11-25T03:01:00.0000000Z", request.Parameters.GetProperty("lease").GetString());
        Assert.NotNull(job);
        Assert.Equal(("job-7", JobState.Running, 1), (job.Id, job.State, job.Attempts));
        Assert.Equal(Now, job.StartedAt);
    }

    [Fact]
    public async Task A_claim_with_nothing_to_do_answers_null()
    {
        _server.Then(Answers.Data(JobFields));

        Assert.Null(await Queue().ClaimAsync("worker-a", TimeSpan.FromSeconds(60), Ct));
    }

    [Fact]
    public async Task A_claim_answered_with_two_rows_is_an_error_rather_than_a_silent_pick()
    {
        _server.Then(Answers.Data(JobFields, JobRow("job-1", "running"), JobRow("job-2", "running")));

        var error = await Assert.ThrowsAsync<Neo4jException>(() => Queue().ClaimAsync("worker-a", TimeSpan.FromSeconds(60), Ct));

        Assert.Contains("2 rows", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Renew_extends_only_this_workers_running_job_and_says_whether_it_still_holds_it()
    {
        _server.Then(Answers.Data(["id"], ["job-7"])).Then(Answers.Data(["id"]));
        var queue = Queue();

        Assert.True(await queue.RenewAsync("job-7", "worker-a", TimeSpan.FromMinutes(2), Ct));
        Assert.False(await queue.RenewAsync("job-7", "worker-a", TimeSpan.FromMinutes(2), Ct));

        var request = _server.Requests.First();
        Assert.StartsWith(LockClause, request.Statement, StringComparison.Ordinal);
        Assert.Contains("MATCH (j:Job {id: $id}) WHERE j.worker = $worker AND j.state = 'running'", request.Statement, StringComparison.Ordinal);
        Assert.Equal("2026-11-25T03:02:00.0000000Z", request.Parameters.GetProperty("lease").GetString());
        Assert.Equal("worker-a", request.Parameters.GetProperty("worker").GetString());
    }

    [Fact]
    public async Task Release_returns_this_workers_job_to_the_queue_without_counting_the_attempt()
    {
        await Queue().ReleaseAsync("job-7", "worker-a", Ct);

        var request = Only();
        Assert.StartsWith(LockClause, request.Statement, StringComparison.Ordinal);
        Assert.Contains("WHERE j.worker = $worker AND j.state = 'running'", request.Statement, StringComparison.Ordinal);
        Assert.Contains("SET j.state = 'queued', j.worker = null, j.leaseUntil = null", request.Statement, StringComparison.Ordinal);
        Assert.Contains("j.attempts - 1", request.Statement, StringComparison.Ordinal);
        Assert.Equal(("job-7", "worker-a"), (request.Parameters.GetProperty("id").GetString(), request.Parameters.GetProperty("worker").GetString()));
    }

    // ---- outcomes --------------------------------------------------------------------------------------------

    [Fact]
    public async Task Report_writes_the_counts_as_json_only_while_the_job_runs_without_taking_the_lock()
    {
        await Queue().ReportAsync("job-7", new JobCounts(1, 2, 3, 4, 5, 6), Ct);

        var request = Only();
        Assert.Equal("MATCH (j:Job {id: $id}) WHERE j.state = 'running' SET j.counts = $counts", request.Statement);
        var counts = JsonSerializer.Deserialize<JobCounts>(request.Parameters.GetProperty("counts").GetString()!);
        Assert.Equal(new JobCounts(1, 2, 3, 4, 5, 6), counts);
    }

    [Fact]
    public async Task Complete_marks_the_job_succeeded_with_its_counts_and_failures()
    {
        await Queue().CompleteAsync("job-7", new JobCounts(1, 3, 1, 3, 0, 1), [new JobFailure("a.md", Hostile)], Ct);

        var request = Only();
        Assert.StartsWith(LockClause, request.Statement, StringComparison.Ordinal);
        Assert.Contains("SET j.state = 'succeeded', j.finishedAt = $now", request.Statement, StringComparison.Ordinal);
        Assert.DoesNotContain("DETACH", request.Statement, StringComparison.Ordinal);
        var failures = JsonSerializer.Deserialize<List<JobFailure>>(request.Parameters.GetProperty("failures").GetString()!);
        Assert.Equal([new JobFailure("a.md", Hostile)], failures);
    }

    [Fact]
    public async Task Fail_for_good_or_back_to_the_queue_not_before_the_retry_time()
    {
        var queue = Queue();

        await queue.FailAsync("job-7", Hostile, null, Ct);
        await queue.FailAsync("job-8", "store busy", TimeSpan.FromSeconds(30), Ct);

        var (final, retry) = (_server.Requests.First(), _server.Requests.Last());
        Assert.Contains("SET j.state = 'failed', j.finishedAt = $now, j.error = $error", final.Statement, StringComparison.Ordinal);
        Assert.Equal(Hostile, final.Parameters.GetProperty("error").GetString());
        Assert.DoesNotContain("DETACH", final.Statement, StringComparison.Ordinal);
        Assert.Contains("SET j.state = 'queued', j.error = $error, j.leaseUntil = null, j.worker = null, j.notBefore = $notBefore", retry.Statement, StringComparison.Ordinal);
        Assert.Equal("2026-11-25T03:00:30.0000000Z", retry.Parameters.GetProperty("notBefore").GetString());
        Assert.All(_server.Requests, r => Assert.StartsWith(LockClause, r.Statement, StringComparison.Ordinal));
    }

    // ---- reads -----------------------------------------------------------------------------------------------

    [Fact]
    public async Task Get_maps_every_field_and_answers_null_for_an_unknown_id()
    {
        _server.Then(OneJob(JobRow(
            "job-7", "failed", attempts: 5, started: "2026-11-25T02:59:30.0000000Z", finished: "2026-11-25T02:59:45.5000000Z", error: "bad document",
            counts: "{\"Documents\":2,\"Claims\":9,\"NewNodes\":1,\"NewEdges\":4,\"Conflicts\":1,\"Failures\":1}", failures: "[{\"Item\":\"b.md\",\"Reason\":\"binary\"}]")));
        _server.Then(Answers.Data(JobFields));
        var queue = Queue();

        var job = await queue.GetAsync("job-7", Ct);
        var missing = await queue.GetAsync(Hostile, Ct);

        Assert.NotNull(job);
        Assert.Equal(("job-7", "document", JobState.Failed, "{\"text\":\"hi\"}", 5), (job.Id, job.Kind, job.State, job.Payload, job.Attempts));
        Assert.Equal(new DateTimeOffset(2026, 11, 25, 2, 59, 30, TimeSpan.Zero), job.StartedAt);
        Assert.Equal(new DateTimeOffset(2026, 11, 25, 2, 59, 45, 500, TimeSpan.Zero), job.FinishedAt);
        Assert.Equal("bad document", job.Error);
        Assert.Equal(new JobCounts(2, 9, 1, 4, 1, 1), job.Counts);
        Assert.Equal([new JobFailure("b.md", "binary")], job.Failures);
        Assert.Null(missing);
        Assert.All(_server.Requests, r => Assert.StartsWith("MATCH (j:Job {id: $id}) RETURN j.id AS id", r.Statement, StringComparison.Ordinal));
        Assert.Equal(Hostile, _server.Requests.Last().Parameters.GetProperty("id").GetString());
    }

    [Fact]
    public async Task Typed_json_answers_read_the_same()
    {
        _server.Then(new ScriptedResponse(202, JsonSerializer.Serialize(new
        {
            data = new
            {
                fields = JobFields,
                values = new[]
                {
                    new object?[]
                    {
                        new { _type = "String", _value = "job-9" }, "document", new { _type = "String", _value = "succeeded" }, "{}",
                        new { _type = "Integer", _value = "2" }, "2026-11-25T02:00:00.0000000Z", null, null, null, null, null,
                    },
                },
            },
        }).Replace("\"_type\"", "\"$type\"", StringComparison.Ordinal)));

        var job = await Queue().GetAsync("job-9", Ct);

        Assert.NotNull(job);
        Assert.Equal(("job-9", JobState.Succeeded, 2), (job.Id, job.State, job.Attempts));
        Assert.Equal(JobCounts.Zero, job.Counts);
        Assert.Empty(job.Failures);
    }

    [Fact]
    public async Task Counts_by_state_fill_in_zeros_and_an_unknown_state_is_named()
    {
        _server.Then(Answers.Data(["state", "jobs"], ["queued", 3], ["succeeded", 12]));
        _server.Then(Answers.Data(["state", "jobs"], ["paused", 1]));
        var queue = Queue();

        var counts = await queue.CountByStateAsync(Ct);
        var error = await Assert.ThrowsAsync<InvalidDataException>(() => queue.CountByStateAsync(Ct));

        Assert.Equal(new Dictionary<JobState, int> { [JobState.Queued] = 3, [JobState.Running] = 0, [JobState.Succeeded] = 12, [JobState.Failed] = 0 }, counts);
        Assert.Contains("'paused'", error.Message, StringComparison.Ordinal);
        Assert.Equal("MATCH (j:Job) RETURN j.state AS state, count(*) AS jobs", _server.Requests.First().Statement);
    }

    // ---- errors ----------------------------------------------------------------------------------------------

    [Fact]
    public async Task A_deadlock_between_two_claims_is_transient_and_the_claim_is_tried_again()
    {
        _server.Then(Answers.Error("Neo.TransientError.Transaction.DeadlockDetected", "deadlock", status: 400))
            .Then(OneJob(JobRow("job-7", "running", attempts: 1)));

        var job = await Queue().ClaimAsync("worker-a", TimeSpan.FromSeconds(60), Ct);

        Assert.Equal("job-7", job?.Id);
        Assert.Equal(2, _server.Requests.Count);
    }

    [Theory]
    [InlineData("Neo.ClientError.Statement.SyntaxError", typeof(Neo4jClientException))]
    [InlineData("Neo.ClientError.Schema.ConstraintValidationFailed", typeof(Neo4jClientException))]
    [InlineData("Neo.ClientError.Security.Unauthorized", typeof(Neo4jAuthenticationException))]
    [InlineData("Neo.DatabaseError.General.UnknownError", typeof(Neo4jDatabaseException))]
    public async Task Errors_map_to_our_exceptions_and_are_not_retried(string code, Type expected)
    {
        _server.Fallback = _ => Answers.Error(code, "refused");
        var queue = Queue(o => o.BreakerMinimumThroughput = 100); // nine failures in a row would open the circuit otherwise
        var calls = new Func<Task>[]
        {
            () => queue.EnqueueAsync("document", "{}", Ct),
            () => queue.ClaimAsync("w", TimeSpan.FromSeconds(1), Ct),
            () => queue.RenewAsync("job-1", "w", TimeSpan.FromSeconds(1), Ct),
            () => queue.ReportAsync("job-1", JobCounts.Zero, Ct),
            () => queue.CompleteAsync("job-1", JobCounts.Zero, [], Ct),
            () => queue.FailAsync("job-1", "e", null, Ct),
            () => queue.ReleaseAsync("job-1", "w", Ct),
            () => queue.GetAsync("job-1", Ct),
            () => queue.CountByStateAsync(Ct),
        };

        foreach (var call in calls)
        {
            var error = await Assert.ThrowsAnyAsync<Neo4jException>(call);
            Assert.IsType(expected, error);
            Assert.Equal(code, error.Code);
        }

        Assert.Equal(calls.Length, _server.Requests.Count);
    }

    [Fact]
    public async Task An_unavailable_server_is_retried_and_then_reported_as_transient()
    {
        _server.Fallback = _ => new ScriptedResponse(503, "<html>down</html>");

        var error = await Assert.ThrowsAsync<Neo4jTransientException>(() => Queue().GetAsync("job-1", Ct));

        Assert.Equal(503, error.HttpStatus);
        Assert.Equal(4, _server.Requests.Count); // the first call and MaxRetryAttempts = 3 retries
    }

    [Fact]
    public async Task No_statement_carries_a_value_from_the_caller()
    {
        _server.Fallback = r => r.Statement.StartsWith("MERGE (j:Job", StringComparison.Ordinal)
            ? OneJob(JobRow(Hostile, "queued"), ("created", true))
            : Answers.Data(JobFields);
        var queue = Queue();

        await queue.EnqueueOnceAsync(Hostile, Hostile, Hostile, Ct);
        await queue.ClaimAsync(Hostile, TimeSpan.FromSeconds(1), Ct);
        await queue.RenewAsync(Hostile, Hostile, TimeSpan.FromSeconds(1), Ct);
        await queue.CompleteAsync(Hostile, JobCounts.Zero, [new JobFailure(Hostile, Hostile)], Ct);
        await queue.FailAsync(Hostile, Hostile, TimeSpan.FromSeconds(1), Ct);
        await queue.ReleaseAsync(Hostile, Hostile, Ct);
        await queue.GetAsync(Hostile, Ct);

        Assert.Equal(7, _server.Requests.Count);
        Assert.All(_server.Requests, r => Assert.DoesNotContain("DETACH", r.Statement, StringComparison.Ordinal));
        Assert.All(_server.Requests, r => Assert.Contains(Hostile, r.ParameterStrings));
    }
}

/// <summary>A clock tests move by hand.</summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
