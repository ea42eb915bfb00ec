using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using KnowledgeGraph.Ingestion;
using KnowledgeGraph.Ingestion.Generation;
using KnowledgeGraph.Ingestion.Worker;
using KnowledgeGraph.Storage;
using KnowledgeGraph.Storage.Jobs;
using KnowledgeGraph.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Spectre.Console;

namespace KnowledgeGraph.Cli.Commands;

/// <summary>`kg import` and `kg generate`: documents and records into the store, and synthetic records for benchmarks.</summary>
internal static class StoreCommands
{
    public static Command Import()
    {
        var path = new Argument<FileSystemInfo>("path") { Description = "A folder of .md/.txt documents (YAML front matter allowed), .jsonl files (records, or documents: one {text, title, url, date} per line) and affiliations .csv files (person, organization, title, start, end, source), or one such file." };
        var command = new Command("import", "Import documents and records into the store named by Data:Path, as a job (visible with importJob / GET /api/jobs/{id}).") { path };
        command.SetAction(async (parse, ct) =>
        {
            var target = parse.GetValue(path)!;
            IReadOnlyList<string> files;
            try
            {
                files = JobProcessor.FilesOf(target.FullName);
            }
            catch (FileNotFoundException ex)
            {
                await Console.Error.WriteLineAsync($"kg import: {ex.Message}");
                return 2;
            }

            using var services = IngestionServices();
            await services.GetRequiredService<IGraphStore>().InitializeAsync(ct);
            var jobs = services.GetRequiredService<IJobQueue>();
            var processor = services.GetRequiredService<JobProcessor>();
            var job = await jobs.EnqueueAsync(JobKinds.Path, JsonSerializer.Serialize(new PathPayload(target.FullName), new JsonSerializerOptions(JsonSerializerDefaults.Web)), ct);
            AnsiConsole.MarkupLineInterpolated($"Job {job.Id}: importing {files.Count} files from {target.FullName}");
            var clock = Stopwatch.StartNew();
            (JobCounts Counts, IReadOnlyList<JobFailure> Failures) outcome = (JobCounts.Zero, []);
            await AnsiConsole.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
                .StartAsync(async context =>
                {
                    var task = context.AddTask("files", maxValue: Math.Max(1, files.Count));
                    // The processor reports once per finished file.
                    var progress = new Progress<JobCounts>(counts =>
                    {
                        task.Increment(1);
                        task.Description = $"files ({task.Value / Math.Max(clock.Elapsed.TotalSeconds, 0.001):F0}/s, {counts.NewEdges} new edges, {counts.Failures} failures)";
                    });
                    outcome = await processor.RunAsync(job, progress, ct);
                    task.Value = task.MaxValue;
                });
            await jobs.CompleteAsync(job.Id, outcome.Counts, outcome.Failures, ct);

            var counts = outcome.Counts;
            var seconds = clock.Elapsed.TotalSeconds;
            AnsiConsole.MarkupLineInterpolated($"Job {job.Id} done in {seconds:F1} s ({files.Count / Math.Max(seconds, 0.001):F0} files/s): {counts.Documents} documents, {counts.Claims} claims, {counts.NewNodes} new nodes, {counts.NewEdges} new edges, {counts.Conflicts} conflicts, {counts.Failures} failures.");
            foreach (var failure in outcome.Failures.Take(50))
            {
                await Console.Error.WriteLineAsync(failure.Reason);
            }

            if (outcome.Failures.Count > 50)
            {
                await Console.Error.WriteLineAsync($"... and {outcome.Failures.Count - 50} more failures (see the job)");
            }

            return counts.Failures == 0 ? 0 : 1;
        });
        return command;
    }

    /// <summary>The store, queue and pipeline as the worker composes them, for an import run in this process.</summary>
    private static ServiceProvider IngestionServices()
    {
        var configuration = KgConfiguration.Load();
        var databasePath = KgConfiguration.DatabasePath(configuration);
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(TimeProvider.System);
        services.AddGraphStore(configuration, _ => databasePath);
        services.AddIngestion(configuration, runWorker: false);
        return services.BuildServiceProvider();
    }

    public static Command Generate()
    {
        var people = new Option<int>("--people") { Description = "How many people (records file)." };
        var bios = new Option<int>("--bios") { Description = "How many synthetic biographies (.md files with front matter, into the folder --out)." };
        var seed = new Option<int>("--seed") { Description = "Random seed; the same seed gives the same file.", DefaultValueFactory = _ => 42 };
        var output = new Option<FileInfo>("--out") { Description = "The records file to write (--people), or the folder (--bios).", Required = true };
        var command = new Command("generate", "Write a deterministic synthetic graph in the records format, or synthetic biographies (for benchmarks and load tests).") { people, bios, seed, output };
        command.SetAction(async (parse, ct) =>
        {
            if (parse.GetValue(bios) is var bioCount and not 0)
            {
                if (bioCount is < 1 or > 1_000_000)
                {
                    await Console.Error.WriteLineAsync($"kg generate: --bios must be between 1 and 1000000, got {bioCount}");
                    return 2;
                }

                var folder = parse.GetValue(output)!.FullName;
                await new BiographyGenerator(bioCount, parse.GetValue(seed)).WriteAsync(folder, ct);
                AnsiConsole.MarkupLineInterpolated($"Wrote {bioCount} biographies into {folder}.");
                return 0;
            }

            var count = parse.GetValue(people);
            if (count is < 1 or > 10_000_000)
            {
                await Console.Error.WriteLineAsync($"kg generate: --people must be between 1 and 10000000, got {count}");
                return 2;
            }

            var file = parse.GetValue(output)!;
            file.Directory?.Create();
            await using var writer = new StreamWriter(file.FullName, append: false, new System.Text.UTF8Encoding(false), 1 << 16);
            var generator = new GraphGenerator(new GeneratorOptions(count, parse.GetValue(seed)));
            var (nodes, edges, sources) = await generator.WriteAsync(writer, null, ct);
            AnsiConsole.MarkupLineInterpolated($"Wrote {file.FullName}: {nodes} nodes, {edges} edges, {sources} sources.");
            return 0;
        });
        return command;
    }

    public static async Task<IGraphStore> OpenStoreAsync(CancellationToken ct)
    {
        var store = KgConfiguration.StoreServices(KgConfiguration.Load()).GetRequiredService<IGraphStore>();
        await store.InitializeAsync(ct);
        return store;
    }
}
