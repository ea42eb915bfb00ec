using KnowledgeGraph.Storage.Jobs;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace KnowledgeGraph.Ingestion.Worker;

/// <summary>
/// Takes jobs from the durable queue and runs them. A job holds a lease that is renewed while it runs; if the
/// process dies, the lease runs out and another worker takes the job again (the effects are idempotent). Transient
/// store errors put the job back with a growing delay; a job that fails five times is marked failed.
/// </summary>
public sealed class IngestionWorker(IJobQueue queue, JobProcessor processor, JobSignal signal, ILogger<IngestionWorker> logger) : BackgroundService
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(60);
    private const int MaxAttempts = 5;
    private readonly string _workerId = $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid():N}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await signal.WaitUntilStoreReadyAsync(stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            ImportJob? job;
            try
            {
                job = await queue.ClaimAsync(_workerId, Lease, stoppingToken);
            }
            catch (SqliteException ex)
            {
                logger.LogWarning(ex, "The job queue did not answer; trying again shortly");
                await Task.Delay(TimeSpan.FromSeconds(2), stoppingToken);
                continue;
            }

            if (job is null)
            {
                await signal.WaitAsync(TimeSpan.FromSeconds(2), stoppingToken);
                continue;
            }

            await RunAsync(job, stoppingToken);
        }
    }

    private async Task RunAsync(ImportJob job, CancellationToken stoppingToken)
    {
        using var renew = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var renewing = RenewLeaseAsync(job.Id, renew.Token);
        try
        {
            var (counts, failures) = await processor.RunAsync(job, new Progress<JobCounts>(c => _ = queue.ReportAsync(job.Id, c, CancellationToken.None)), stoppingToken);
            await queue.CompleteAsync(job.Id, counts, failures, CancellationToken.None);
            logger.LogInformation("Job {Job} done: {Documents} documents, {Edges} new edges, {Failures} failures", job.Id, counts.Documents, counts.NewEdges, counts.Failures);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Graceful shutdown: the job goes back to the queue and runs again (idempotently) on the next start.
            await queue.ReleaseAsync(job.Id, _workerId, CancellationToken.None);
        }
        catch (SqliteException ex) when (job.Attempts < MaxAttempts)
        {
            var delay = TimeSpan.FromSeconds(Math.Pow(2, job.Attempts));
            logger.LogWarning(ex, "Job {Job} hit a store error; retrying in {Delay}", job.Id, delay);
            await queue.FailAsync(job.Id, ex.Message, delay, CancellationToken.None);
        }
#pragma warning disable CA1031 // one bad job must not stop the worker; its reason is recorded on the job
        catch (Exception ex)
#pragma warning restore CA1031
        {
            logger.LogError(ex, "Job {Job} failed", job.Id);
            await queue.FailAsync(job.Id, ex.Message, null, CancellationToken.None);
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
        }
    }

    private async Task RenewLeaseAsync(string jobId, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            await Task.Delay(Lease / 3, cancellationToken);
            await queue.RenewAsync(jobId, _workerId, Lease, cancellationToken);
        }
    }
}
