namespace KnowledgeGraph.Storage.Jobs;

/// <summary>
/// The durable job queue: a submitted job survives a restart; a worker claims a job with a lease, and a job whose
/// lease ran out (its worker died) is claimed again. Processing is at-least-once, so job effects are idempotent.
/// </summary>
public interface IJobQueue
{
    Task<ImportJob> EnqueueAsync(string kind, string payload, CancellationToken cancellationToken);

    /// <summary>
    /// Enqueues a job under a caller-chosen id unless a job with that id exists already (in any state); two
    /// processes racing on the same id create one job. Used for scheduled runs: the id names the schedule and the due time.
    /// </summary>
    Task<(ImportJob Job, bool Created)> EnqueueOnceAsync(string jobId, string kind, string payload, CancellationToken cancellationToken);

    /// <summary>The oldest queued job (or one whose lease expired), now running under this worker; null when none.</summary>
    Task<ImportJob?> ClaimAsync(string workerId, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>Extends the lease while a long job runs; false when the job is no longer this worker's.</summary>
    Task<bool> RenewAsync(string jobId, string workerId, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>Records progress counts of a running job.</summary>
    Task ReportAsync(string jobId, JobCounts counts, CancellationToken cancellationToken);

    Task CompleteAsync(string jobId, JobCounts counts, IReadOnlyList<JobFailure> failures, CancellationToken cancellationToken);

    /// <summary>Marks a job failed for good, or puts it back in the queue to retry after <paramref name="retryAfter"/>.</summary>
    Task FailAsync(string jobId, string error, TimeSpan? retryAfter, CancellationToken cancellationToken);

    /// <summary>Returns a running job to the queue (graceful shutdown).</summary>
    Task ReleaseAsync(string jobId, string workerId, CancellationToken cancellationToken);

    Task<ImportJob?> GetAsync(string jobId, CancellationToken cancellationToken);

    Task<IReadOnlyDictionary<JobState, int>> CountByStateAsync(CancellationToken cancellationToken);
}
