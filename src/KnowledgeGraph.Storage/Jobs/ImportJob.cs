namespace KnowledgeGraph.Storage.Jobs;

/// <summary>Where a job is: waiting, being processed by a worker, or finished.</summary>
public enum JobState
{
    Queued,
    Running,
    Succeeded,
    Failed,
}

/// <summary>What a job did, for dashboards and for checking imports.</summary>
public sealed record JobCounts(int Documents, int Claims, int NewNodes, int NewEdges, int Conflicts, int Failures)
{
    public static JobCounts Zero { get; } = new(0, 0, 0, 0, 0, 0);

    public JobCounts Add(JobCounts other) => new(
        Documents + other.Documents,
        Claims + other.Claims,
        NewNodes + other.NewNodes,
        NewEdges + other.NewEdges,
        Conflicts + other.Conflicts,
        Failures + other.Failures);
}

/// <summary>One item of a job that failed, and why.</summary>
public sealed record JobFailure(string Item, string Reason);

/// <summary>A unit of ingestion work in the durable queue: a document, a records file, a folder.</summary>
public sealed record ImportJob(string Id, string Kind, JobState State, string Payload)
{
    public int Attempts { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? StartedAt { get; init; }

    public DateTimeOffset? FinishedAt { get; init; }

    public string? Error { get; init; }

    public JobCounts Counts { get; init; } = JobCounts.Zero;

    public IReadOnlyList<JobFailure> Failures { get; init; } = [];
}
