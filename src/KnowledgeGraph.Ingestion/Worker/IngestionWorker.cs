using KnowledgeGraph.Storage;
using KnowledgeGraph.Storage.Jobs;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting;
using KnowledgeGraph.Ingestion.Documents;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KnowledgeGraph.Ingestion.Worker;

/// <summary>
/// Takes jobs from the durable queue and runs them. A job holds a lease that is renewed while it runs; if the
/// process dies, the lease runs out and another worker takes the job again (the effects are idempotent).
/// When the store cannot answer (see <see cref="StoreFault"/>), the job goes back to the queue without counting an
/// attempt and the worker pauses, checking the store with a growing delay, and resumes by itself once it answers.
/// Other store errors put the job back with a growing delay; a job that fails five times is marked failed. On
/// shutdown a running job is returned to the queue unless it finished first.
/// </summary>
public sealed class IngestionWorker(IJobQueue queue, JobProcessor processor, JobSignal signal, IGraphStore store, IOptions<IngestionOptions> options, ILogger<IngestionWorker> logger) : BackgroundService
{
    private readonly TimeSpan _lease = TimeSpan.FromSeconds(Math.Clamp(options.Value.LeaseSeconds, 1, 3600));
    private static readonly TimeSpan FirstPause = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LongestPause = TimeSpan.FromSeconds(30);
    private const int MaxAttempts = 5;
    private readonly string _workerId = $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid():N}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await signal.WaitUntilStoreReadyAsync(stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            Exception? fault;
            try
            {
                var job = await queue.ClaimAsync(_workerId, _lease, stoppingToken);
                if (job is null)
                {
                    await signal.WaitAsync(TimeSpan.FromSeconds(2), stoppingToken);
                    continue;
                }

                fault = await RunAsync(job, stoppingToken);
            }
            catch (Exception ex) when (IsStoreError(ex) && !stoppingToken.IsCancellationRequested)
            {
                // The queue itself did not answer (it lives in the store's file): a job this worker held runs
                // again once its lease has run out.
                fault = ex;
            }

            if (fault is not null)
            {
                await PauseAsync(fault, stoppingToken);
            }
        }
    }

    /// <summary>Runs one job; returns the fault when the store stopped answering and the worker must pause.</summary>
    private async Task<Exception?> RunAsync(ImportJob job, CancellationToken stoppingToken)
    {
        using var renew = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var renewing = RenewLeaseAsync(job.Id, renew.Token);
        try
        {
            var progress = new JobProgressWriter(queue, job.Id);
            var (counts, failures) = await processor.RunAsync(job, progress, stoppingToken);
            await progress.FlushAsync();
            await queue.CompleteAsync(job.Id, counts, failures, CancellationToken.None);
            logger.LogInformation("Job {Job} done: {Documents} documents, {Edges} new edges, {Failures} failures", job.Id, counts.Documents, counts.NewEdges, counts.Failures);
            return null;
        }
        catch (Exception) when (stoppingToken.IsCancellationRequested)
        {
            // Graceful shutdown: the job goes back to the queue and runs again (idempotently) on the next start.
            try
            {
                await queue.ReleaseAsync(job.Id, _workerId, CancellationToken.None);
                logger.LogInformation("Job {Job} returned to the queue at shutdown", job.Id);
            }
            catch (Exception ex) when (IsStoreError(ex))
            {
                logger.LogWarning(ex, "Job {Job} could not be returned to the queue at shutdown; it runs again when its lease runs out", job.Id);
            }

            return null;
        }
        catch (Exception ex) when (IsStoreError(ex))
        {
            if (StoreFault.Is(ex) && !await StoreAnswersAsync(stoppingToken))
            {
                // The store is down, not this job at fault: no attempt is counted.
                await queue.ReleaseAsync(job.Id, _workerId, CancellationToken.None);
                return ex;
            }

            if (job.Attempts >= MaxAttempts)
            {
                logger.LogError(ex, "Job {Job} failed after {Attempts} attempts", job.Id, job.Attempts);
                await queue.FailAsync(job.Id, ex.Message, null, CancellationToken.None);
                return null;
            }

            var delay = TimeSpan.FromSeconds(Math.Pow(2, job.Attempts));
            logger.LogWarning(ex, "Job {Job} hit a store error; retrying in {Delay}", job.Id, delay);
            await queue.FailAsync(job.Id, ex.Message, delay, CancellationToken.None);
            return null;
        }
#pragma warning disable CA1031 // one bad job must not stop the worker; its reason is recorded on the job
        catch (Exception ex)
#pragma warning restore CA1031
        {
            logger.LogError(ex, "Job {Job} failed", job.Id);
            await queue.FailAsync(job.Id, ex.Message, null, CancellationToken.None);
            return null;
        }
        finally
        {
            await renew.CancelAsync();
            try
            {
                await renewing;
            }
            catch (OperationCanceledException)
            {
                // renewal stopped with the job
            }
            catch (Exception ex) when (IsStoreError(ex))
            {
                logger.LogWarning(ex, "Job {Job}: the lease could not be renewed", job.Id);
            }
        }
    }

    /// <summary>Waits, checking with a growing delay, until the store and the queue answer again.</summary>
    private async Task PauseAsync(Exception fault, CancellationToken stoppingToken)
    {
        logger.LogWarning(fault, "The store cannot answer ({Reason}); the worker pauses until it does", StoreFault.Describe(fault) ?? fault.Message);
        var delay = FirstPause;
        do
        {
            await Task.Delay(delay, stoppingToken);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, LongestPause.Ticks));
        }
        while (!await StoreAnswersAsync(stoppingToken));

        logger.LogInformation("The store answers again; the worker resumes");
    }

    private async Task<bool> StoreAnswersAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await store.PingAsync(cancellationToken) && await queue.CountByStateAsync(cancellationToken) is not null;
        }
        catch (Exception ex) when (IsStoreError(ex))
        {
            return false;
        }
    }

    private static bool IsStoreError(Exception ex) => ex is SqliteException || StoreFault.Is(ex);

    private async Task RenewLeaseAsync(string jobId, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            await Task.Delay(_lease / 3, cancellationToken);
            await queue.RenewAsync(jobId, _workerId, _lease, cancellationToken);
        }
    }
}
