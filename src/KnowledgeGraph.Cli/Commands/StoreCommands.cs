using System.CommandLine;
using System.Diagnostics;
using KnowledgeGraph.Ingestion.Generation;
using KnowledgeGraph.Ingestion.Records;
using KnowledgeGraph.Storage;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace KnowledgeGraph.Cli.Commands;

/// <summary>`kg import` and `kg generate`: records into the store, and synthetic records for benchmarks.</summary>
internal static class StoreCommands
{
    public static Command Import()
    {
        var path = new Argument<FileSystemInfo>("path") { Description = "A records .jsonl file, or a folder of them (applied in name order, each file whole or not at all)." };
        var command = new Command("import", "Load records (JSONL) into the store named by Data:Path.") { path };
        command.SetAction(async (parse, ct) =>
        {
            var target = parse.GetValue(path)!;
            var files = target switch
            {
                DirectoryInfo dir when dir.Exists => dir.EnumerateFiles("*.jsonl").OrderBy(f => f.Name, StringComparer.Ordinal).Select(f => f.FullName).ToList(),
                FileInfo file when file.Exists => [file.FullName],
                _ => null,
            };
            if (files is null)
            {
                await Console.Error.WriteLineAsync($"kg import: no file or folder at '{target.FullName}'");
                return 2;
            }

            var store = await OpenStoreAsync(ct);
            var importer = new RecordsImporter(store, TimeProvider.System);
            var total = WriteResult.Empty;
            var clock = Stopwatch.StartNew();
            foreach (var file in files)
            {
                try
                {
                    var result = await AnsiConsole.Status().StartAsync($"Importing {Path.GetFileName(file)}", _ => importer.ImportFileAsync(file, ct));
                    total = total.Add(result);
                    AnsiConsole.MarkupLineInterpolated($"{Path.GetFileName(file)}: {result.NewNodes} new nodes, {result.NewEdges} new edges, {result.NewProvenance} new sources of facts, {result.Conflicts} new conflicts");
                }
                catch (RecordsRejectedException ex)
                {
                    foreach (var problem in ex.Problems.Take(50))
                    {
                        await Console.Error.WriteLineAsync(problem.ToString());
                    }

                    if (ex.Problems.Count > 50)
                    {
                        await Console.Error.WriteLineAsync($"... and {ex.Problems.Count - 50} more problems");
                    }

                    await Console.Error.WriteLineAsync($"kg import: {file} was not applied; nothing from it was written.");
                    return 1;
                }
            }

            var stats = await store.GetStatsAsync(ct);
            AnsiConsole.MarkupLineInterpolated($"Done in {clock.Elapsed.TotalSeconds:F1} s: {total.NewNodes} new nodes, {total.NewEdges} new edges. The graph now holds {stats.Nodes} nodes and {stats.Edges} edges.");
            return 0;
        });
        return command;
    }

    public static Command Generate()
    {
        var people = new Option<int>("--people") { Description = "How many people.", Required = true };
        var seed = new Option<int>("--seed") { Description = "Random seed; the same seed gives the same file.", DefaultValueFactory = _ => 42 };
        var output = new Option<FileInfo>("--out") { Description = "The records file to write.", Required = true };
        var command = new Command("generate", "Write a deterministic synthetic graph in the records format (for benchmarks and load tests).") { people, seed, output };
        command.SetAction(async (parse, ct) =>
        {
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
