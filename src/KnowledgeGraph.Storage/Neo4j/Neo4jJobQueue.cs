using System.Globalization;
using System.Text.Json;
using KnowledgeGraph.Storage.Jobs;

namespace KnowledgeGraph.Storage.Neo4j;

/// <summary>
/// The durable job queue as (:Job) nodes in Neo4j, shared by the API (which enqueues) and any number of `kg worker`
/// processes. Every call is one statement over the Query API, every value a parameter.
/// </summary>
/// <remarks>
/// <para>
/// Why a claim cannot hand one job to two workers: Neo4j runs statements at read-committed isolation and takes a
/// node's write lock only when the statement writes it. Two claims that both read "job J is queued" and then both
/// SET it would each think J is theirs (the second waits for the first's lock, then overwrites). So a claim first
/// writes the one (:WriteLock {id: 'jobs'}) node, which makes every other claim (and every lease change: renew,
/// release, complete, fail) wait until it commits, and only then reads which job is claimable. Clauses after an
/// updating clause run after it, so that read sees everything the previous holder committed; the lock is held until
/// the statement's transaction ends. Job transitions are short single statements, so serializing them costs little;
/// reads (<see cref="GetAsync"/>, <see cref="CountByStateAsync"/>) and progress reports do not take the lock.
/// </para>
/// <para>
/// <see cref="EnqueueOnceAsync"/> is a MERGE on the job id, which the uniqueness constraint of
/// graph-schema/neo4j/004_jobs.cypher makes race-safe (concurrent MERGEs of one id create one node). Whether this
/// call created it is told by a token the call writes only ON CREATE.
/// </para>
/// <para>
/// Times are UTC stamps of fixed width (they compare as text) from this process's clock: workers on several machines
/// need clocks in step to well within a lease (NTP gives milliseconds; leases are a minute). A statement whose
/// answer was lost is retried by the client: a repeated claim can leave the first claimed job running under this
/// worker until its lease runs out, when it is claimed again. Processing is at-least-once, as on SQLite.
/// </para>
/// </remarks>
public sealed class Neo4jJobQueue(Neo4jQueryClient client, TimeProvider? clock = null) : IJobQueue
{
    private const string Columns =
        "j.id AS id, j.kind AS kind, j.state AS state, j.payload AS payload, j.attempts AS attempts, j.createdAt AS createdAt, " +
        "j.startedAt AS startedAt, j.finishedAt AS finishedAt, j.error AS error, j.counts AS counts, j.failures AS failures";

    /// <summary>Serializes every change of a job's state or lease (see the remarks).</summary>
    private const string Lock = "MERGE (l:WriteLock {id: 'jobs'}) SET l.at = $now\nWITH l\n";

    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    public async Task<ImportJob> EnqueueAsync(string kind, string payload, CancellationToken cancellationToken) =>
        (await EnqueueOnceAsync("job-" + Guid.CreateVersion7().ToString("N"), kind, payload, cancellationToken)).Job;

    public async Task<(ImportJob Job, bool Created)> EnqueueOnceAsync(string jobId, string kind, string payload, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(jobId);
        var token = Guid.NewGuid().ToString("N");
        var result = await client.RunAsync(
            $$"""
            MERGE (j:Job {id: $id})
            ON CREATE SET j.kind = $kind, j.state = 'queued', j.payload = $payload, j.attempts = 0, j.createdAt = $now,
                          j.counts = $counts, j.failures = '[]', j.enqueuedBy = $token
            RETURN {{Columns}}, j.enqueuedBy = $token AS created
            """,
            P(("id", jobId), ("kind", kind), ("payload", payload), ("now", Now()), ("counts", JsonSerializer.Serialize(JobCounts.Zero)), ("token", token)),
            cancellationToken);
        var record = Single(result, "enqueue", jobId) ?? throw new Neo4jException($"Neo4j answered no row when enqueuing job '{jobId}'");
        return (Read(record), record.GetBoolean("created"));
    }

    public async Task<ImportJob?> ClaimAsync(string workerId, TimeSpan lease, CancellationToken cancellationToken)
    {
        var result = await client.RunAsync(
            Lock + $$"""
            CALL {
              MATCH (j:Job) WHERE j.state = 'queued' AND (j.notBefore IS NULL OR j.notBefore <= $now) RETURN j
              UNION
              MATCH (j:Job) WHERE j.state = 'running' AND j.leaseUntil < $now RETURN j
            }
            WITH j ORDER BY j.createdAt, j.id LIMIT 1
            SET j.state = 'running', j.worker = $worker, j.leaseUntil = $lease, j.attempts = coalesce(j.attempts, 0) + 1,
                j.startedAt = coalesce(j.startedAt, $now)
            RETURN {{Columns}}
            """,
            P(("now", Now()), ("worker", workerId), ("lease", Stamp(_clock.GetUtcNow() + lease))),
            cancellationToken);
        return Single(result, "claim", workerId) is { } record ? Read(record) : null;
    }

    public async Task<bool> RenewAsync(string jobId, string workerId, TimeSpan lease, CancellationToken cancellationToken)
    {
        var result = await client.RunAsync(
            Lock + """
            MATCH (j:Job {id: $id}) WHERE j.worker = $worker AND j.state = 'running'
            SET j.leaseUntil = $lease
            RETURN j.id AS id
            """,
            P(("now", Now()), ("id", jobId), ("worker", workerId), ("lease", Stamp(_clock.GetUtcNow() + lease))),
            cancellationToken);
        return Single(result, "renew", jobId) is not null;
    }

    public Task ReportAsync(string jobId, JobCounts counts, CancellationToken cancellationToken) =>
        client.RunAsync(
            "MATCH (j:Job {id: $id}) WHERE j.state = 'running' SET j.counts = $counts",
            P(("id", jobId), ("counts", JsonSerializer.Serialize(counts))),
            cancellationToken);

    public Task CompleteAsync(string jobId, JobCounts counts, IReadOnlyList<JobFailure> failures, CancellationToken cancellationToken) =>
        client.RunAsync(
            Lock + """
            MATCH (j:Job {id: $id})
            SET j.state = 'succeeded', j.finishedAt = $now, j.counts = $counts, j.failures = $failures, j.leaseUntil = null, j.error = null
            """,
            P(("now", Now()), ("id", jobId), ("counts", JsonSerializer.Serialize(counts)), ("failures", JsonSerializer.Serialize(failures))),
            cancellationToken);

    public Task FailAsync(string jobId, string error, TimeSpan? retryAfter, CancellationToken cancellationToken) =>
        client.RunAsync(
            Lock + (retryAfter is null
                ? "MATCH (j:Job {id: $id}) SET j.state = 'failed', j.finishedAt = $now, j.error = $error, j.leaseUntil = null"
                : "MATCH (j:Job {id: $id}) SET j.state = 'queued', j.error = $error, j.leaseUntil = null, j.worker = null, j.notBefore = $notBefore"),
            P(("now", Now()), ("id", jobId), ("error", error), ("notBefore", Stamp(_clock.GetUtcNow() + (retryAfter ?? TimeSpan.Zero)))),
            cancellationToken);

    public Task ReleaseAsync(string jobId, string workerId, CancellationToken cancellationToken) =>
        client.RunAsync(
            Lock + """
            MATCH (j:Job {id: $id}) WHERE j.worker = $worker AND j.state = 'running'
            SET j.state = 'queued', j.worker = null, j.leaseUntil = null, j.attempts = CASE WHEN j.attempts > 0 THEN j.attempts - 1 ELSE 0 END
            """,
            P(("now", Now()), ("id", jobId), ("worker", workerId)),
            cancellationToken);

    public async Task<ImportJob?> GetAsync(string jobId, CancellationToken cancellationToken)
    {
        var result = await client.RunAsync($"MATCH (j:Job {{id: $id}}) RETURN {Columns}", P(("id", jobId)), cancellationToken);
        return Single(result, "read", jobId) is { } record ? Read(record) : null;
    }

    public async Task<IReadOnlyDictionary<JobState, int>> CountByStateAsync(CancellationToken cancellationToken)
    {
        var result = await client.RunAsync("MATCH (j:Job) RETURN j.state AS state, count(*) AS jobs", null, cancellationToken);
        var counts = Enum.GetValues<JobState>().ToDictionary(s => s, _ => 0);
        foreach (var record in result.Records)
        {
            counts[ParseState(record.GetString("state"))] = checked((int)record.GetInt64("jobs"));
        }

        return counts;
    }

    private static Neo4jRecord? Single(Neo4jResult result, string what, string key) => result.Records.Count switch
    {
        0 => null,
        1 => result.Records[0],
        var n => throw new Neo4jException($"Neo4j answered {n} rows to a job {what} for '{key}', expected at most one"),
    };

    private static ImportJob Read(Neo4jRecord record) =>
        new(record.GetString("id"), record.GetString("kind"), ParseState(record.GetString("state")), record.GetString("payload"))
        {
            Attempts = checked((int)(record.GetInt64OrNull("attempts") ?? 0)),
            CreatedAt = ParseStamp(record.GetString("createdAt")),
            StartedAt = record.GetStringOrNull("startedAt") is { } started ? ParseStamp(started) : null,
            FinishedAt = record.GetStringOrNull("finishedAt") is { } finished ? ParseStamp(finished) : null,
            Error = record.GetStringOrNull("error"),
            Counts = record.GetStringOrNull("counts") is { } counts ? JsonSerializer.Deserialize<JobCounts>(counts) ?? JobCounts.Zero : JobCounts.Zero,
            Failures = record.GetStringOrNull("failures") is { } failures ? JsonSerializer.Deserialize<List<JobFailure>>(failures) ?? [] : [],
        };

    private static JobState ParseState(string state) =>
        Enum.TryParse<JobState>(state, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed)
            ? parsed
            : throw new InvalidDataException($"a (:Job) node has state '{state}'; expected queued, running, succeeded or failed");

    private static DateTimeOffset ParseStamp(string stamp) => DateTimeOffset.Parse(stamp, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    private static Dictionary<string, object?> P(params (string Name, object? Value)[] parameters) => Neo4jGraphStore.P(parameters);

    private string Now() => Stamp(_clock.GetUtcNow());

    // Fixed-width UTC stamps compare correctly as text, in Cypher as in SQLite.
    private static string Stamp(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
}
