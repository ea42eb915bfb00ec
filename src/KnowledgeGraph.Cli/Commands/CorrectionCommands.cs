using System.CommandLine;
using KnowledgeGraph.Core.Dates;
using KnowledgeGraph.Core.Graph;
using KnowledgeGraph.Storage;
using KnowledgeGraph.Storage.Neo4j;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace KnowledgeGraph.Cli.Commands;

/// <summary>`kg retract-source`, `kg resolve-conflict`, `kg merge-entities`: the GraphQL corrections, on the configured store.</summary>
internal static class CorrectionCommands
{
    public static Command RetractSource()
    {
        var id = new Argument<string>("id") { Description = "The source id (src:…), as `sources { source { id } }` shows it." };
        var command = new Command("retract-source", "Withdraw one source's claims: edges only it supported are removed, the others settled again; the source stays, marked retracted.") { id };
        command.SetAction((parse, ct) => RunAsync("retract-source", async store =>
        {
            var result = await store.RetractSourceAsync(parse.GetValue(id)!, ct);
            return result.AlreadyRetracted
                ? $"{result.SourceId} was already retracted; nothing changed."
                : $"{result.SourceId} retracted: {result.RemovedClaims} claims removed, {result.RemovedEdges} edges removed, {result.RecomputedEdges} edges settled again from their other sources.";
        }, ct));
        return command;
    }

    public static Command ResolveConflict()
    {
        var id = new Argument<string>("edge") { Description = "A conflict id from `conflicts` (edge:…/start or edge:…/end), or an edge id when one field is disputed." };
        var value = new Argument<string>("value") { Description = "The value to hold, a date like 2026, 2026-01 or 2026-01-06." };
        var note = new Option<string?>("--note") { Description = "Why this value (kept with the choice)." };
        var command = new Command("resolve-conflict", "Record a person's value for a disputed date; the edge holds it and it leaves the conflicts, across re-imports.") { id, value, note };
        command.SetAction(async (parse, ct) =>
        {
            if (!PartialDate.TryParse(parse.GetValue(value), out var date, out var error))
            {
                await Console.Error.WriteLineAsync($"kg resolve-conflict: value: {error}");
                return 2;
            }

            return await RunAsync("resolve-conflict", async store =>
            {
                var result = await store.ResolveConflictAsync(parse.GetValue(id)!, date, parse.GetValue(note), ct);
                var edge = result.Edge;
                return $"{result.Resolution.ConflictId} = {result.Resolution.Value}{(result.Changed ? string.Empty : " (already recorded)")}: {edge.From} {edge.Relation.ToWire()} {edge.To} now holds start {edge.Start?.ToString() ?? "-"}, end {edge.End?.ToString() ?? "-"}.";
            }, ct);
        });
        return command;
    }

    public static Command MergeEntities()
    {
        var keep = new Argument<string>("keep") { Description = "The node id to keep." };
        var remove = new Argument<string>("remove") { Description = "The node id to fold into it (same kind) and delete." };
        var command = new Command("merge-entities", "Fold one node into another of the same kind: edges, sources and names move over; later imports naming the removed one reach the kept one.") { keep, remove };
        command.SetAction((parse, ct) => RunAsync("merge-entities", async store =>
        {
            var result = await store.MergeEntitiesAsync(parse.GetValue(keep)!, parse.GetValue(remove)!, ct);
            return result.AlreadyMerged
                ? $"{result.RemovedId} was already merged into {result.KeptId}; nothing changed."
                : $"{result.RemovedId} merged into {result.KeptId}: {result.MovedEdges} edges moved, {result.MergedEdges} folded into the same fact, {result.DroppedEdges} dropped (between the two), {result.AddedAliases} names added as aliases.";
        }, ct));
        return command;
    }

    /// <summary>Opens the configured store, runs the correction and prints its summary; a refusal prints its reason and exits 1.</summary>
    private static async Task<int> RunAsync(string name, Func<IGraphStore, Task<string>> correction, CancellationToken ct)
    {
        await using var services = KgConfiguration.StoreServices(KgConfiguration.Load());
        try
        {
            var store = services.GetRequiredService<IGraphStore>();
            await store.InitializeAsync(ct);
            Console.WriteLine(await correction(store));
            return 0;
        }
        catch (Exception ex) when (ex is CorrectionException or NotSupportedException or Neo4jException or OptionsValidationException)
        {
            await Console.Error.WriteLineAsync($"kg {name}: {ex.Message}");
            return 1;
        }
    }
}
