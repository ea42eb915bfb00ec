using KnowledgeGraph.Storage.Jobs;

namespace KnowledgeGraph.Api.Tests;

/// <summary>An IJobQueue decorator that throws <see cref="StoreSwitch.QueueFault"/> from every call while it is set.</summary>
public sealed class FaultingJobQueue(IJobQueue inner, StoreSwitch control) : IJobQueue
{
    public Task<ImportJob> EnqueueAsync(string kind, string payload, CancellationToken cancellationToken) => Guard(() => inner.EnqueueAsync(kind, payload, cancellationToken));

    public Task<(ImportJob Job, bool Created)> EnqueueOnceAsync(string jobId, string kind, string payload, CancellationToken cancellationToken) =>
        Guard(() => inner.EnqueueOnceAsync(jobId, kind, payload, cancellationToken));

    public Task<ImportJob?> ClaimAsync(string workerId, TimeSpan lease, CancellationToken cancellationToken) => Guard(() => inner.ClaimAsync(workerId, lease, cancellationToken));

    public Task<bool> RenewAsync(string jobId, string workerId, TimeSpan lease, CancellationToken cancellationToken) => Guard(() => inner.RenewAsync(jobId, workerId, lease, cancellationToken));

    public Task ReportAsync(string jobId, JobCounts counts, CancellationToken cancellationToken) => Guard(() => inner.ReportAsync(jobId, counts, cancellationToken));

    public Task CompleteAsync(string jobId, JobCounts counts, IReadOnlyList<JobFailure> failures, CancellationToken cancellationToken) =>
        Guard(() => inner.CompleteAsync(jobId, counts, failures, cancellationToken));

    public Task FailAsync(string jobId, string error, TimeSpan? retryAfter, CancellationToken cancellationToken) => Guard(() => inner.FailAsync(jobId, error, retryAfter, cancellationToken));

    public Task ReleaseAsync(string jobId, string workerId, CancellationToken cancellationToken) => Guard(() => inner.ReleaseAsync(jobId, workerId, cancellationToken));

    public Task<ImportJob?> GetAsync(string jobId, CancellationToken cancellationToken) => Guard(() => inner.GetAsync(jobId, cancellationToken));

    public Task<IReadOnlyDictionary<JobState, int>> CountByStateAsync(CancellationToken cancellationToken) => Guard(() => inner.CountByStateAsync(cancellationToken));

    private Task<T> Guard<T>(Func<Task<T>> call) => control.QueueFault is { } fault ? Task.FromException<T>(fault) : call();

    private Task Guard(Func<Task> call) => control.QueueFault is { } fault ? Task.FromException(fault) : call();
}
