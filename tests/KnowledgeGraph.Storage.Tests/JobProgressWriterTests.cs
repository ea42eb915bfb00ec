using System.Collections.Concurrent;
using KnowledgeGraph.Ingestion.Worker;
using KnowledgeGraph.Storage.Jobs;

namespace KnowledgeGraph.Storage.Tests;

/// <summary>Progress of a running job reaches the queue in order, and a flush waits for the last write.</summary>
public sealed class JobProgressWriterTests
{
    [Fact]
    public async Task Counts_are_written_in_the_order_reported_and_the_last_one_is_written_before_flush_returns()
    {
        var queue = new SlowQueue();
        var writer = new JobProgressWriter(queue, "job-1");

        for (var i = 1; i <= 500; i++)
        {
            writer.Report(new JobCounts(i, 0, 0, 0, 0, 0));
            if (i % 50 == 0)
            {
                await Task.Delay(3);
            }
        }

        await writer.FlushAsync();

        var written = queue.Written.Select(c => c.Documents).ToList();
        Assert.NotEmpty(written);
        Assert.Equal(500, written[^1]);
        Assert.Equal(written.Order().ToList(), written); // never goes backwards
        Assert.Equal(written.Distinct().Count(), written.Count);
    }

    /// <summary>Records what is written; every write takes a moment, so reports pile up behind it.</summary>
    private sealed class SlowQueue : IJobQueue
    {
        public ConcurrentQueue<JobCounts> Written { get; } = new();

        public async Task ReportAsync(string jobId, JobCounts counts, CancellationToken cancellationToken)
        {
            await Task.Delay(1, cancellationToken);
            Written.Enqueue(counts);
        }

        public Task<ImportJob> EnqueueAsync(string kind, string payload, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task<(ImportJob Job, bool Created)> EnqueueOnceAsync(string jobId, string kind, string payload, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task<ImportJob?> ClaimAsync(string workerId, TimeSpan lease, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task<bool> RenewAsync(string jobId, string workerId, TimeSpan lease, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task CompleteAsync(string jobId, JobCounts counts, IReadOnlyList<JobFailure> failures, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task FailAsync(string jobId, string error, TimeSpan? retryAfter, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task ReleaseAsync(string jobId, string workerId, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task<ImportJob?> GetAsync(string jobId, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task<IReadOnlyDictionary<JobState, int>> CountByStateAsync(CancellationToken cancellationToken) => throw new NotSupportedException();
    }
}
