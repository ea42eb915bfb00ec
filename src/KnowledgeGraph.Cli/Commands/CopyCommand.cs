using System.CommandLine;
using System.Diagnostics;
using KnowledgeGraph.Core.Graph;
using KnowledgeGraph.Ingestion.Seeding;
using KnowledgeGraph.Storage;
using KnowledgeGraph.Storage.Export;
using KnowledgeGraph.Storage.Neo4j;
using Microsoft.Extensions.Options;
using Spectre.Console;

namespace KnowledgeGraph.Cli.Commands;

/// <summary>
/// `kg copy --from sqlite:PATH --to neo4j`: the whole graph with provenance from one store into another, in batches
/// through the target's own writes, resumable (a checkpoint in the target's meta), and checked by counts at the end.
/// </summary>
internal static class CopyCommand
{
    public static Command Create()
    {
        var from = new Option<string>("--from") { Description = "The store to read: sqlite:PATH (an embedded store file) or neo4j (Store:Neo4j:* settings).", Required = true };
        var to = new Option<string>("--to") { Description = "The store to write: neo4j (Store:Neo4j:* settings, e.g. Store__Neo4j__Uri) or sqlite:PATH.", Required = true };
        var batchSize = new Option<int>("--batch-size") { Description = "Items per batch (one target transaction each).", DefaultValueFactory = _ => GraphPages.DefaultSize };
        var restart = new Option<bool>("--restart") { Description = "Ignore a recorded checkpoint and copy from the beginning (harmless: writes merge)." };
        var command = new Command("copy", "Copy a whole graph with its provenance between stores, in batches, resumable after an interruption; checks the counts on both sides at the end (exit 1 when they differ).") { from, to, batchSize, restart };
        command.SetAction(async (parse, ct) =>
        {
            if (!StoreEndpoint.TryParse(parse.GetValue(from)!, out var fromKind, out var fromPath, out var error)
                || !StoreEndpoint.TryParse(parse.GetValue(to)!, out var toKind, out var toPath, out error))
            {
                await Console.Error.WriteLineAsync($"kg copy: {error}");
                return 2;
            }

            if (fromKind == toKind && string.Equals(fromPath, toPath, StringComparison.Ordinal))
            {
                await Console.Error.WriteLineAsync("kg copy: --from and --to name the same store");
                return 2;
            }

            if (parse.GetValue(batchSize) is < 1 or > 50_000)
            {
                await Console.Error.WriteLineAsync($"kg copy: --batch-size must be between 1 and 50000, got {parse.GetValue(batchSize)}");
                return 2;
            }

            var configuration = KgConfiguration.Load();
            try
            {
                await using var source = await StoreEndpoint.OpenAsync(fromKind, fromPath, mustExist: true, configuration, ct);
                await using var target = await StoreEndpoint.OpenAsync(toKind, toPath, mustExist: false, configuration, ct);
                return await CopyAsync(source, target, parse.GetValue(batchSize), parse.GetValue(restart), ct);
            }
            catch (Exception ex) when (ex is Neo4jException or OptionsValidationException or FileNotFoundException or InvalidDataException)
            {
                await Console.Error.WriteLineAsync($"kg copy: {ex.Message}");
                return 1;
            }
            catch (GraphValidationException ex)
            {
                await Console.Error.WriteLineAsync($"kg copy: the target refused a batch (nothing of it was written; the checkpoint is before it): {ex.Message}");
                return 1;
            }
        });
        return command;
    }

    private static async Task<int> CopyAsync(StoreEndpoint source, StoreEndpoint target, int batchSize, bool restart, CancellationToken ct)
    {
        var copier = new GraphCopier(source.Exporter, target.Store, source.Description, batchSize);
        if (restart)
        {
            await copier.ResetAsync(ct);
        }

        var before = await copier.CheckpointAsync(ct);
        var sourceStats = await source.Store.GetStatsAsync(ct);
        AnsiConsole.MarkupLineInterpolated($"Copying {source.Description} -> {target.Description}: {sourceStats.Sources} sources, {sourceStats.Nodes} nodes, {sourceStats.Edges} edges, {sourceStats.Provenance} source references");
        if (before.Phase == CopyPhase.Done)
        {
            AnsiConsole.MarkupLineInterpolated($"A copy from {source.Description} already completed here; checking the counts (--restart copies again).");
        }
        else if (before != CopyCheckpoint.Start)
        {
            AnsiConsole.MarkupLineInterpolated($"Resuming at {before.Phase} after '{before.AfterId}' ({before.Done} done in that step); --restart starts over.");
        }

        var clock = Stopwatch.StartNew();
        var written = WriteResult.Empty;
        await AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                var tasks = new Dictionary<CopyPhase, ProgressTask>
                {
                    [CopyPhase.Sources] = context.AddTask("sources", maxValue: Math.Max(1, sourceStats.Sources)),
                    [CopyPhase.Nodes] = context.AddTask("nodes", maxValue: Math.Max(1, sourceStats.Nodes)),
                    [CopyPhase.Parents] = context.AddTask("parents", maxValue: Math.Max(1, sourceStats.Nodes)),
                    [CopyPhase.Edges] = context.AddTask("edges", maxValue: Math.Max(1, sourceStats.Edges)),
                };
                var progress = new ImmediateProgress<CopyCheckpoint>(at =>
                {
                    foreach (var (phase, task) in tasks)
                    {
                        task.Value = phase < at.Phase ? task.MaxValue : phase == at.Phase ? Math.Min(at.Done, task.MaxValue) : 0;
                    }
                });
                written = await copier.RunAsync(progress, ct);
            });

        var seedMarker = await source.Store.GetMetaAsync(SeedImporter.MarkerKey, ct);
        if (seedMarker is not null)
        {
            // The copy holds the seed data already: a host starting on the target must not import it again.
            await target.Store.SetMetaAsync(SeedImporter.MarkerKey, seedMarker, ct);
        }

        AnsiConsole.MarkupLineInterpolated($"Copied in {clock.Elapsed.TotalSeconds:F1} s: {written.NewSources} new sources, {written.NewNodes} new nodes, {written.NewEdges} new edges, {written.NewProvenance} new source references.");
        if (copier.SkippedEdges > 0)
        {
            AnsiConsole.MarkupLineInterpolated($"[yellow]{copier.SkippedEdges} edges without any source were not copied.[/]");
        }

        return await CompareAsync(source, target, ct);
    }

    /// <summary>Prints the counts of both stores side by side; 0 when they match, 1 otherwise.</summary>
    private static async Task<int> CompareAsync(StoreEndpoint source, StoreEndpoint target, CancellationToken ct)
    {
        var (a, b) = (await source.Store.GetStatsAsync(ct), await target.Store.GetStatsAsync(ct));
        var (x, y) = (await source.Store.GetBreakdownAsync(ct), await target.Store.GetBreakdownAsync(ct));
        var rows = new List<(string Name, long From, long To)>
        {
            ("nodes", a.Nodes, b.Nodes),
            ("edges", a.Edges, b.Edges),
            ("sources", a.Sources, b.Sources),
            ("source references", a.Provenance, b.Provenance),
            ("conflicts", x.ConflictedEdges, y.ConflictedEdges),
        };
        rows.AddRange(x.NodesByKind.OrderBy(p => p.Key).Select(p => ($"  {p.Key} nodes", p.Value, y.NodesByKind.GetValueOrDefault(p.Key))));
        rows.AddRange(x.EdgesByRelation.OrderBy(p => p.Key).Select(p => ($"  {p.Key.ToWire()} edges", p.Value, y.EdgesByRelation.GetValueOrDefault(p.Key))));
        var table = new Table().AddColumns("count", "from", "to", "");
        foreach (var (name, from, to) in rows)
        {
            table.AddRow(name, from.ToString(System.Globalization.CultureInfo.InvariantCulture), to.ToString(System.Globalization.CultureInfo.InvariantCulture), from == to ? "ok" : "DIFFERENT");
        }

        AnsiConsole.Write(table);
        var mismatches = rows.Count(r => r.From != r.To);
        if (mismatches == 0)
        {
            Console.WriteLine("Counts match on both sides.");
            return 0;
        }

        await Console.Error.WriteLineAsync($"kg copy: {mismatches} counts differ between {source.Description} and {target.Description} (did the target hold other data, or the source change during the copy?).");
        return 1;
    }

    /// <summary>Reports on the caller's thread, in order (Progress&lt;T&gt; posts to the thread pool and may reorder).</summary>
    private sealed class ImmediateProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
