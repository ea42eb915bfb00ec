using System.Collections.Concurrent;
using System.Text.Json;
using KnowledgeGraph.Ingestion.Worker;
using KnowledgeGraph.Storage.Jobs;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KnowledgeGraph.Ingestion.Imports;

/// <summary>
/// Runs the periodic imports of <see cref="ImportsOptions.Schedules"/> beside the worker: it waits for each
/// schedule's next occurrence and enqueues that run under a job id made of the schedule name and the occurrence
/// time, with <see cref="IJobQueue.EnqueueOnceAsync"/>, so any number of workers create one job per occurrence.
/// An occurrence is skipped while the schedule's previous run (as this process saw it enqueued) is still queued or
/// running, so one schedule never runs twice at once. Occurrences missed while no worker ran are not made up; the
/// next one after start runs.
/// </summary>
public sealed class ImportScheduler(IOptions<ImportsOptions> options, IJobQueue queue, JobSignal signal, TimeProvider clock, ILogger<ImportScheduler> logger) : BackgroundService
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(10);

    // Timers take at most about 49 days; a wait is cut into pieces well below that.
    private static readonly TimeSpan LongestWait = TimeSpan.FromHours(6);
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly ConcurrentDictionary<string, DateTimeOffset?> _next = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _lastJob = new(StringComparer.Ordinal);

    /// <summary>Each schedule's next occurrence as planned (null: the cron never fires again); empty until the store is ready.</summary>
    public IReadOnlyDictionary<string, DateTimeOffset?> NextRuns => _next;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var schedules = ImportSchedule.ParseAll(options.Value);
        if (schedules.Count == 0)
        {
            return;
        }

        await signal.WaitUntilStoreReadyAsync(stoppingToken);
        var started = clock.GetUtcNow();
        foreach (var schedule in schedules)
        {
            _next[schedule.Name] = schedule.NextAfter(started);
            logger.LogInformation("Import schedule {Schedule} ({Source}): next run at {Next}", schedule.Name, schedule.Source, _next[schedule.Name]);
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            var due = _next.Values.Where(v => v is not null).Min();
            if (due is null)
            {
                logger.LogInformation("No import schedule fires again");
                return;
            }

            var wait = due.Value - clock.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait < LongestWait ? wait : LongestWait, clock, stoppingToken);
                continue;
            }

            var retry = false;
            foreach (var schedule in schedules.Where(s => _next[s.Name] is { } next && next <= clock.GetUtcNow()))
            {
                var occurrence = _next[schedule.Name]!.Value;
                if (await TryRunAsync(schedule, occurrence, stoppingToken))
                {
                    var now = clock.GetUtcNow();
                    _next[schedule.Name] = schedule.NextAfter(occurrence > now ? occurrence : now);
                }
                else
                {
                    retry = true;
                }
            }

            if (retry)
            {
                await Task.Delay(RetryDelay, clock, stoppingToken);
            }
        }
    }

    /// <summary>Enqueues the run of one occurrence (or skips it while the previous run is unfinished); false when the queue did not answer.</summary>
    private async Task<bool> TryRunAsync(ImportSchedule schedule, DateTimeOffset occurrence, CancellationToken cancellationToken)
    {
        try
        {
            if (_lastJob.TryGetValue(schedule.Name, out var previousId) && await queue.GetAsync(previousId, cancellationToken) is { State: JobState.Queued or JobState.Running } previous)
            {
                logger.LogWarning("Import schedule {Schedule}: the run due at {Occurrence} is skipped; the previous run {Job} is still {State}", schedule.Name, occurrence, previous.Id, previous.State);
                return true;
            }

            var (kind, payload) = schedule.FeedUrl is { } url
                ? (JobKinds.Feed, JsonSerializer.Serialize(new FeedPayload(url.ToString(), schedule.Name), Json))
                : (JobKinds.Path, JsonSerializer.Serialize(new PathPayload(schedule.Source), Json));
            var (job, created) = await queue.EnqueueOnceAsync(schedule.JobId(occurrence), kind, payload, cancellationToken);
            _lastJob[schedule.Name] = job.Id;
            if (created)
            {
                signal.Notify();
                logger.LogInformation("Import schedule {Schedule}: enqueued job {Job} for {Occurrence}", schedule.Name, job.Id, occurrence);
            }
            else
            {
                logger.LogInformation("Import schedule {Schedule}: job {Job} for {Occurrence} was already enqueued by another worker", schedule.Name, job.Id, occurrence);
            }

            return true;
        }
#pragma warning disable CA1031 // the scheduler must outlive a store that is briefly down; it retries the same occurrence
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
#pragma warning restore CA1031
        {
            logger.LogWarning(ex, "Import schedule {Schedule}: the run due at {Occurrence} could not be enqueued; retrying in {Delay}", schedule.Name, occurrence, RetryDelay);
            return false;
        }
    }
}
