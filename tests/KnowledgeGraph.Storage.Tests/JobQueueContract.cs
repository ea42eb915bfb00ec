using KnowledgeGraph.Storage.Jobs;
using KnowledgeGraph.Storage.Tests.Neo4j;

namespace KnowledgeGraph.Storage.Tests;

/// <summary>
/// What every <see cref="IJobQueue"/> must do: jobs in age order, one worker per job, leases that run out, retries not
/// before their time, ids created once whoever races. An adapter's tests subclass this and make a fresh, empty queue.
/// </summary>
[Trait("Category", "Store")]
public abstract class JobQueueContract
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(60);
    private readonly ManualClock _clock = new(new DateTimeOffset(2026, 11, 25, 3, 0, 0, TimeSpan.Zero));

    /// <summary>A fresh, empty queue on an initialized store, reading time from <paramref name="clock"/>.</summary>
    protected abstract Task<IJobQueue> CreateQueueAsync(TimeProvider clock);

    private Task<IJobQueue> QueueAsync() => CreateQueueAsync(_clock);

    [StoreFact]
    public async Task A_job_runs_under_one_worker_and_ends_with_its_counts_and_failures()
    {
        var queue = await QueueAsync();
        var job = await queue.EnqueueAsync("document", "{\"text\":\"a\"}", Ct);

        var claimed = await queue.ClaimAsync("worker-a", Lease, Ct);
        var second = await queue.ClaimAsync("worker-b", Lease, Ct);
        await queue.ReportAsync(job.Id, new JobCounts(1, 2, 0, 0, 0, 0), Ct);
        var running = await queue.GetAsync(job.Id, Ct);
        await queue.CompleteAsync(job.Id, new JobCounts(1, 3, 1, 2, 0, 1), [new JobFailure("b.md", "binary")], Ct);
        var done = await queue.GetAsync(job.Id, Ct);

        Assert.Equal(JobState.Queued, job.State);
        Assert.Equal((job.Id, JobState.Running, 1, "{\"text\":\"a\"}"), (claimed?.Id, claimed?.State, claimed?.Attempts, claimed?.Payload));
        Assert.Null(second);
        Assert.Equal(new JobCounts(1, 2, 0, 0, 0, 0), running?.Counts);
        Assert.NotNull(done);
        Assert.Equal(JobState.Succeeded, done.State);
        Assert.Equal(new JobCounts(1, 3, 1, 2, 0, 1), done.Counts);
        Assert.Equal([new JobFailure("b.md", "binary")], done.Failures);
        Assert.Equal(_clock.GetUtcNow(), done.FinishedAt);
        Assert.Equal(new Dictionary<JobState, int> { [JobState.Queued] = 0, [JobState.Running] = 0, [JobState.Succeeded] = 1, [JobState.Failed] = 0 }, await queue.CountByStateAsync(Ct));
        Assert.Null(await queue.GetAsync("job-unknown", Ct));
    }

    [StoreFact]
    public async Task A_progress_write_that_arrives_after_the_job_finished_leaves_the_final_counts()
    {
        var queue = await QueueAsync();
        var job = await queue.EnqueueAsync("document", "{\"text\":\"a\"}", Ct);
        await queue.ClaimAsync("worker-a", Lease, Ct);
        await queue.CompleteAsync(job.Id, new JobCounts(600, 900, 10, 20, 0, 0), [], Ct);

        await queue.ReportAsync(job.Id, new JobCounts(575, 850, 9, 19, 0, 0), Ct);

        Assert.Equal(new JobCounts(600, 900, 10, 20, 0, 0), (await queue.GetAsync(job.Id, Ct))?.Counts);
    }

    [StoreFact]
    public async Task The_oldest_job_is_claimed_first()
    {
        var queue = await QueueAsync();
        var first = await queue.EnqueueAsync("document", "1", Ct);
        _clock.Advance(TimeSpan.FromMilliseconds(1));
        var second = await queue.EnqueueAsync("document", "2", Ct);

        Assert.Equal(first.Id, (await queue.ClaimAsync("w", Lease, Ct))?.Id);
        Assert.Equal(second.Id, (await queue.ClaimAsync("w", Lease, Ct))?.Id);
    }

    [StoreFact]
    public async Task A_job_whose_lease_ran_out_is_claimed_again_and_its_old_worker_loses_it()
    {
        var queue = await QueueAsync();
        var job = await queue.EnqueueAsync("document", "{}", Ct);
        await queue.ClaimAsync("worker-a", Lease, Ct);

        _clock.Advance(Lease - TimeSpan.FromSeconds(1));
        var early = await queue.ClaimAsync("worker-b", Lease, Ct);
        Assert.True(await queue.RenewAsync(job.Id, "worker-a", Lease, Ct));
        _clock.Advance(Lease + TimeSpan.FromSeconds(1));
        var late = await queue.ClaimAsync("worker-b", Lease, Ct);

        Assert.Null(early);
        Assert.Equal((job.Id, 2), (late?.Id, late?.Attempts));
        Assert.False(await queue.RenewAsync(job.Id, "worker-a", Lease, Ct));
        Assert.True(await queue.RenewAsync(job.Id, "worker-b", Lease, Ct));
    }

    [StoreFact]
    public async Task A_failed_attempt_waits_for_its_retry_time_and_a_final_failure_keeps_the_error()
    {
        var queue = await QueueAsync();
        var job = await queue.EnqueueAsync("document", "{}", Ct);
        await queue.ClaimAsync("w", Lease, Ct);

        await queue.FailAsync(job.Id, "store busy", TimeSpan.FromSeconds(30), Ct);
        var tooSoon = await queue.ClaimAsync("w", Lease, Ct);
        _clock.Advance(TimeSpan.FromSeconds(31));
        var retried = await queue.ClaimAsync("w", Lease, Ct);
        await queue.FailAsync(job.Id, "bad document", null, Ct);
        var failed = await queue.GetAsync(job.Id, Ct);

        Assert.Null(tooSoon);
        Assert.Equal((job.Id, 2), (retried?.Id, retried?.Attempts));
        Assert.Equal((JobState.Failed, "bad document"), (failed?.State, failed?.Error));
        Assert.Null(await queue.ClaimAsync("w", Lease, Ct));
    }

    [StoreFact]
    public async Task A_released_job_goes_back_to_the_queue_without_counting_the_attempt()
    {
        var queue = await QueueAsync();
        var job = await queue.EnqueueAsync("document", "{}", Ct);
        await queue.ClaimAsync("worker-a", Lease, Ct);

        await queue.ReleaseAsync(job.Id, "worker-b", Ct); // not worker-b's: nothing changes
        var stillRunning = await queue.GetAsync(job.Id, Ct);
        await queue.ReleaseAsync(job.Id, "worker-a", Ct);
        var again = await queue.ClaimAsync("worker-b", Lease, Ct);

        Assert.Equal(JobState.Running, stillRunning?.State);
        Assert.Equal((job.Id, 1), (again?.Id, again?.Attempts));
    }

    [StoreFact]
    public async Task Workers_claiming_at_once_never_share_a_job()
    {
        var queue = await QueueAsync();
        var jobs = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            jobs.Add((await queue.EnqueueAsync("document", i.ToString(System.Globalization.CultureInfo.InvariantCulture), Ct)).Id);
        }

        var claims = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => queue.ClaimAsync($"worker-{i}", Lease, Ct)));

        var claimed = claims.Where(c => c is not null).Select(c => c!.Id).ToList();
        Assert.Equal(jobs.Order(StringComparer.Ordinal), claimed.Order(StringComparer.Ordinal));
        Assert.Equal(6, claims.Count(c => c is null));
    }

    [StoreFact]
    public async Task A_job_under_a_chosen_id_is_created_once()
    {
        var queue = await QueueAsync();
        var (first, created) = await queue.EnqueueOnceAsync("schedule:nightly:2026-11-25T02:00Z", "path", "{\"path\":\"a\"}", Ct);
        var (second, createdAgain) = await queue.EnqueueOnceAsync("schedule:nightly:2026-11-25T02:00Z", "path", "{\"path\":\"b\"}", Ct);

        Assert.True(created);
        Assert.False(createdAgain);
        Assert.Equal(first.Id, second.Id);
        Assert.Equal("{\"path\":\"a\"}", second.Payload);
        Assert.Equal(1, (await queue.CountByStateAsync(Ct))[JobState.Queued]);
    }

    [StoreFact]
    public async Task Enqueuing_one_id_at_once_makes_one_job()
    {
        var queues = new List<IJobQueue>();
        for (var i = 0; i < 8; i++)
        {
            queues.Add(i == 0 ? await QueueAsync() : OpenAgain());
        }

        var results = await Task.WhenAll(queues.Select(q => q.EnqueueOnceAsync("schedule:feed:1", "path", "{}", Ct)));

        Assert.Single(results, r => r.Created);
        Assert.Single(results.Select(r => r.Job.Id).Distinct());
    }

    /// <summary>Another queue object on the same store as the last <see cref="CreateQueueAsync"/> (another process, in effect).</summary>
    protected abstract IJobQueue OpenAgain();
}
