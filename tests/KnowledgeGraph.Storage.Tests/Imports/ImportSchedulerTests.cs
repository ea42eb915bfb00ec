using KnowledgeGraph.Ingestion;
using KnowledgeGraph.Ingestion.Imports;
using KnowledgeGraph.Ingestion.Worker;
using KnowledgeGraph.Storage.Jobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace KnowledgeGraph.Storage.Tests.Imports;

/// <summary>
/// The scheduler on a fake clock: each occurrence becomes one job with a deterministic id, however many schedulers
/// run; a schedule whose previous run is unfinished skips an occurrence; the worker runs scheduled jobs like others.
/// </summary>
[Trait("Category", "Store")]
public sealed class ImportSchedulerTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 1, 7, 9, 59, 30, TimeSpan.Zero);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private readonly FakeTimeProvider _clock = new(Start);
    private readonly List<IAsyncDisposable> _owned = [];
    private string _source = string.Empty;

    public async Task InitializeAsync()
    {
        var sources = new ImportHarness();
        _owned.Add(sources);
        _source = await sources.WriteAsync("in/people.csv", "person,organization,title,start,end,source\nAda Quillfeather,Example Lab,Researcher,2019,,https://example.org/ada\n");
    }

    public async Task DisposeAsync()
    {
        foreach (var owned in Enumerable.Reverse(_owned))
        {
            await owned.DisposeAsync();
        }
    }

    private Dictionary<string, string?> Hourly(string source) => new()
    {
        ["Imports:Schedules:0:Name"] = "hourly",
        ["Imports:Schedules:0:Source"] = source,
        ["Imports:Schedules:0:Cron"] = "0 * * * *",
    };

    /// <summary>A scheduler on its own services (its own queue connection) over the store in <paramref name="folder"/>.</summary>
    private async Task<(ImportScheduler Scheduler, ImportHarness Harness)> StartSchedulerAsync(string? folder = null)
    {
        var harness = await new ImportHarness(_clock, Hourly(_source), folder).InitializeAsync();
        _owned.Add(harness);
        var signal = harness.Services.GetRequiredService<JobSignal>();
        var scheduler = new ImportScheduler(harness.Services.GetRequiredService<IOptions<ImportsOptions>>(), harness.Queue, signal, _clock, NullLogger<ImportScheduler>.Instance);
        _owned.Add(new Stopping(scheduler));
        await scheduler.StartAsync(CancellationToken.None);
        signal.MarkStoreReady();
        await Until(() => scheduler.NextRuns.Count == 1, "the scheduler planned its first run");
        return (scheduler, harness);
    }

    private static async Task Until(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"waited {Patience.TotalSeconds} s for: {what}");
            }

            await Task.Delay(20);
        }
    }

    /// <summary>
    /// Moves the fake clock by <paramref name="by"/>, then by a second at a time until <paramref name="happened"/>: a
    /// scheduler that read the clock just before the move sets its timer just after it, due a little later than the
    /// occurrence (a race of the fake clock only; a real clock keeps moving).
    /// </summary>
    private async Task AdvanceAsync(TimeSpan by, Func<Task<bool>> happened, string what)
    {
        _clock.Advance(by);
        var deadline = DateTime.UtcNow + Patience;
        while (!await happened())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"waited {Patience.TotalSeconds} s for: {what}");
            }

            await Task.Delay(100);
            _clock.Advance(TimeSpan.FromSeconds(1));
        }
    }

    private static Func<Task<bool>> Exists(IJobQueue queue, string id) => async () => await queue.GetAsync(id, CancellationToken.None) is not null;

    private static async Task<ImportJob> JobAsync(IJobQueue queue, string id)
    {
        ImportJob? job = null;
        var deadline = DateTime.UtcNow + Patience;
        while ((job = await queue.GetAsync(id, CancellationToken.None)) is null)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"no job '{id}' after {Patience.TotalSeconds} s");
            }

            await Task.Delay(20);
        }

        return job;
    }

    private static DateTimeOffset At(int hour) => new(2026, 1, 7, hour, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task An_occurrence_becomes_one_queued_path_job_named_by_schedule_and_time()
    {
        var (scheduler, harness) = await StartSchedulerAsync();
        Assert.Equal(At(10), scheduler.NextRuns["hourly"]);
        Assert.Null(await harness.Queue.GetAsync("sched-hourly-20260107T100000Z", CancellationToken.None));

        await AdvanceAsync(TimeSpan.FromSeconds(31), Exists(harness.Queue, "sched-hourly-20260107T100000Z"), "the 10:00 job");

        var job = await JobAsync(harness.Queue, "sched-hourly-20260107T100000Z");
        Assert.Equal((JobKinds.Path, JobState.Queued), (job.Kind, job.State));
        Assert.Equal(_source, System.Text.Json.JsonSerializer.Deserialize<PathPayload>(job.Payload, new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web))!.Path);
        await Until(() => scheduler.NextRuns["hourly"] == At(11), "the next run is planned for 11:00");
    }

    [Fact]
    public async Task A_second_scheduler_on_the_same_store_does_not_create_a_second_job_for_the_same_occurrence()
    {
        var (first, harness) = await StartSchedulerAsync();
        var (second, _) = await StartSchedulerAsync(harness.Folder);

        await AdvanceAsync(TimeSpan.FromSeconds(31), () => Task.FromResult(first.NextRuns["hourly"] == At(11) && second.NextRuns["hourly"] == At(11)), "both schedulers handled 10:00");

        var counts = await harness.Queue.CountByStateAsync(CancellationToken.None);
        Assert.Equal(1, counts.Values.Sum());
        Assert.Equal(JobState.Queued, (await JobAsync(harness.Queue, "sched-hourly-20260107T100000Z")).State);
    }

    [Fact]
    public async Task An_occurrence_is_skipped_while_the_previous_run_is_unfinished()
    {
        var (scheduler, harness) = await StartSchedulerAsync();
        await AdvanceAsync(TimeSpan.FromSeconds(31), Exists(harness.Queue, "sched-hourly-20260107T100000Z"), "the 10:00 job");
        var first = await JobAsync(harness.Queue, "sched-hourly-20260107T100000Z");

        await AdvanceAsync(TimeSpan.FromHours(1), () => Task.FromResult(scheduler.NextRuns["hourly"] == At(12)), "11:00 was handled");
        Assert.Null(await harness.Queue.GetAsync("sched-hourly-20260107T110000Z", CancellationToken.None));

        var claimed = await harness.Queue.ClaimAsync("test-worker", TimeSpan.FromMinutes(5), CancellationToken.None);
        Assert.Equal(first.Id, claimed!.Id);
        await harness.RunAsync(claimed);
        await AdvanceAsync(TimeSpan.FromHours(1), Exists(harness.Queue, "sched-hourly-20260107T120000Z"), "the 12:00 job");

        Assert.Equal(JobState.Queued, (await JobAsync(harness.Queue, "sched-hourly-20260107T120000Z")).State);
    }

    [Fact]
    public async Task The_worker_host_runs_a_scheduled_feed_as_a_job_with_counts_and_an_unchanged_feed_adds_nothing()
    {
        await using var server = new FeedServer();
        server.Serve("people.csv", "text/csv", "person,organization,title,start,end,source\nAda Quillfeather,Example Lab,Researcher,2019,,https://example.org/ada\nBram Oakheart,Example Lab,Engineer,2020,,https://example.org/bram\n");
        var folder = Path.Combine(Path.GetTempPath(), "kg-import-tests", Guid.NewGuid().ToString("N"));
        var settings = new Dictionary<string, string?>
        {
            ["Imports:Schedules:0:Name"] = "people-feed",
            ["Imports:Schedules:0:Source"] = server.Url("people.csv").ToString(),
            ["Imports:Schedules:0:Cron"] = "*/15 * * * *",
        };
        using var host = WorkerHost(folder, settings);
        var store = host.Services.GetRequiredService<IGraphStore>();
        await store.InitializeAsync(CancellationToken.None);
        await host.StartAsync();
        host.Services.GetRequiredService<JobSignal>().MarkStoreReady();
        var scheduler = host.Services.GetRequiredService<ImportScheduler>();
        var queue = host.Services.GetRequiredService<IJobQueue>();
        try
        {
            await Until(() => scheduler.NextRuns.Count == 1, "the scheduler planned its first run");
            await AdvanceAsync(TimeSpan.FromSeconds(31), Exists(queue, "sched-people-feed-20260107T100000Z"), "the 10:00 feed job");
            var first = await FinishedAsync(queue, "sched-people-feed-20260107T100000Z");
            var stats = await store.GetStatsAsync(CancellationToken.None);

            await AdvanceAsync(TimeSpan.FromMinutes(15), Exists(queue, "sched-people-feed-20260107T101500Z"), "the 10:15 feed job");
            var second = await FinishedAsync(queue, "sched-people-feed-20260107T101500Z");

            Assert.Equal((JobKinds.Feed, JobState.Succeeded), (first.Kind, first.State));
            Assert.Equal((3, 2, 0), (first.Counts.NewNodes, first.Counts.NewEdges, first.Counts.Failures));
            Assert.Equal(JobState.Succeeded, second.State);
            Assert.Equal((0, 0), (second.Counts.NewNodes, second.Counts.NewEdges));
            Assert.Equal(stats, await store.GetStatsAsync(CancellationToken.None));
            Assert.Equal(2, server.RequestsTo("people.csv"));
        }
        finally
        {
            await host.StopAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task A_bad_schedule_stops_the_worker_host_at_start_naming_the_schedule_and_field()
    {
        var folder = Path.Combine(Path.GetTempPath(), "kg-import-tests", Guid.NewGuid().ToString("N"));
        using var host = WorkerHost(folder, new Dictionary<string, string?>
        {
            ["Imports:Schedules:0:Name"] = "nightly",
            ["Imports:Schedules:0:Source"] = _source,
            ["Imports:Schedules:0:Cron"] = "61 * * * *",
        });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Imports:Schedules:0 (nightly): Cron '61 * * * *' is not a valid cron expression", error.Message, StringComparison.Ordinal);
    }

    private IHost WorkerHost(string folder, Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddSingleton<TimeProvider>(_clock);
        builder.Services.AddLogging();
        builder.Services.AddGraphStore(builder.Configuration, _ => Path.Combine(folder, "graph.db"));
        builder.Services.AddIngestion(builder.Configuration, runWorker: true);
        return builder.Build();
    }

    private static async Task<ImportJob> FinishedAsync(IJobQueue queue, string id)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            if (await queue.GetAsync(id, CancellationToken.None) is { State: JobState.Succeeded or JobState.Failed } job)
            {
                return job;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"job '{id}' did not finish in {Patience.TotalSeconds} s");
            }

            await Task.Delay(50);
        }
    }

    /// <summary>Stops a started scheduler when the test ends.</summary>
    private sealed class Stopping(ImportScheduler scheduler) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await scheduler.StopAsync(CancellationToken.None);
            scheduler.Dispose();
        }
    }
}
