using System.Text.Json;
using KnowledgeGraph.Ingestion;
using KnowledgeGraph.Ingestion.Worker;
using KnowledgeGraph.Storage.Jobs;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace KnowledgeGraph.Storage.Tests.Imports;

/// <summary>
/// The ingestion services as the worker composes them (AddGraphStore + AddIngestion) on an embedded store in a
/// temporary folder (or a folder another harness owns, to share its store), with a way to run a path or feed job the way the worker does.
/// </summary>
public sealed class ImportHarness : IAsyncDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly bool _ownsFolder;

    public ImportHarness(TimeProvider? clock = null, IReadOnlyDictionary<string, string?>? settings = null, string? folder = null)
    {
        _ownsFolder = folder is null;
        Folder = folder ?? Path.Combine(Path.GetTempPath(), "kg-import-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
        Configuration = new ConfigurationBuilder().AddInMemoryCollection(settings ?? new Dictionary<string, string?>()).Build();
        var services = new ServiceCollection();
        services.AddSingleton(clock ?? TimeProvider.System);
        services.AddSingleton<ILoggerFactory, NullLoggerFactory>();
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddGraphStore(Configuration, _ => Path.Combine(Folder, "graph.db"));
        services.AddIngestion(Configuration, runWorker: false);
        Services = services.BuildServiceProvider();
    }

    public string Folder { get; }

    public IConfiguration Configuration { get; }

    public ServiceProvider Services { get; }

    public IGraphStore Store => Services.GetRequiredService<IGraphStore>();

    public IJobQueue Queue => Services.GetRequiredService<IJobQueue>();

    public async Task<ImportHarness> InitializeAsync()
    {
        await Store.InitializeAsync(CancellationToken.None);
        return this;
    }

    /// <summary>Writes a file into the harness folder and returns its path.</summary>
    public async Task<string> WriteAsync(string name, string content)
    {
        var path = Path.Combine(Folder, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllTextAsync(path, content);
        return path;
    }

    /// <summary>Enqueues a path job, runs it as the worker would and records its outcome on the job.</summary>
    public async Task<ImportJob> ImportAsync(string path) =>
        await RunAsync(await Queue.EnqueueAsync(JobKinds.Path, JsonSerializer.Serialize(new PathPayload(path), Json), CancellationToken.None));

    /// <summary>Enqueues a feed job for <paramref name="url"/> and runs it.</summary>
    public async Task<ImportJob> ImportFeedAsync(Uri url) =>
        await RunAsync(await Queue.EnqueueAsync(JobKinds.Feed, JsonSerializer.Serialize(new FeedPayload(url.ToString(), null), Json), CancellationToken.None));

    /// <summary>Runs a queued job as the worker would and returns it as the queue now shows it.</summary>
    public async Task<ImportJob> RunAsync(ImportJob job)
    {
        var (counts, failures) = await Services.GetRequiredService<JobProcessor>().RunAsync(job, null, CancellationToken.None);
        await Queue.CompleteAsync(job.Id, counts, failures, CancellationToken.None);
        return (await Queue.GetAsync(job.Id, CancellationToken.None))!;
    }

    public async Task<GraphStats> StatsAsync() => await Store.GetStatsAsync(CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (_ownsFolder && Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }
    }
}
