using System.CommandLine;
using System.Text.Json;
using KnowledgeGraph.Core.Graph;
using KnowledgeGraph.Storage;
using KnowledgeGraph.Storage.Jobs;
using KnowledgeGraph.Storage.Neo4j;
using KnowledgeGraph.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Spectre.Console;

namespace KnowledgeGraph.Cli.Commands;

/// <summary>`kg stats`: the counts of the GraphQL `stats` query, as a table or (--json) in the same shape for scripts.</summary>
internal static class StatsCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static Command Create()
    {
        var json = new Option<bool>("--json") { Description = "Print JSON shaped like the GraphQL stats query: nodes, edges, sources, conflicts, nodesByKind, edgesByRelation, jobsByState." };
        var command = new Command("stats", "Count the nodes, edges, sources, conflicts and jobs of the configured store (Store:Kind).") { json };
        command.SetAction(async (parse, ct) =>
        {
            var configuration = KgConfiguration.Load();
            await using var services = KgConfiguration.StoreServices(configuration);
            StatsReport report;
            try
            {
                var store = services.GetRequiredService<IGraphStore>();
                await store.InitializeAsync(ct);
                IAnalyticsReader reader = StoreOptions.KindOf(configuration) == StoreKind.Neo4j
                    ? new Neo4jAnalyticsReader(services.GetRequiredService<Neo4jQueryClient>())
                    : new SqliteAnalyticsReader(Options.Create(new SqliteStoreOptions { DatabasePath = KgConfiguration.DatabasePath(configuration) }));
                report = await StatsReport.ReadAsync(store, reader, services.GetRequiredService<IJobQueue>(), ct);
            }
            catch (Exception ex) when (ex is Neo4jException or OptionsValidationException)
            {
                await Console.Error.WriteLineAsync($"kg stats: {KgConfiguration.Describe(configuration)}: {ex.Message}");
                return 1;
            }

            if (parse.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(report, Json));
                return 0;
            }

            AnsiConsole.MarkupLineInterpolated($"[bold]{KgConfiguration.Describe(configuration)}[/]: {report.Nodes} nodes, {report.Edges} edges, {report.Sources} sources, {report.Conflicts} conflicts");
            var table = new Table().AddColumns("counted by", "value", "count");
            foreach (var kind in report.NodesByKind)
            {
                table.AddRow("node kind", kind.Kind, kind.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            foreach (var relation in report.EdgesByRelation)
            {
                table.AddRow("edge relation", relation.Relation, relation.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            foreach (var state in report.JobsByState)
            {
                table.AddRow("job state", state.State, state.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            AnsiConsole.Write(table);
            return 0;
        });
        return command;
    }
}

/// <summary>The GraphQL `stats` answer, field for field (labels as the API gives them: Person, WORKED_AT, queued).</summary>
internal sealed record StatsReport(
    long Nodes,
    long Edges,
    long Sources,
    long Conflicts,
    IReadOnlyList<KindCount> NodesByKind,
    IReadOnlyList<RelationCount> EdgesByRelation,
    IReadOnlyList<StateCount> JobsByState)
{
    public static async Task<StatsReport> ReadAsync(IGraphStore store, IAnalyticsReader reader, IJobQueue jobs, CancellationToken cancellationToken)
    {
        var stats = await store.GetStatsAsync(cancellationToken);
        var founders = await FounderConflicts.FindAsync(store, reader, cancellationToken);
        var breakdown = await store.GetBreakdownAsync(cancellationToken);
        var states = await jobs.CountByStateAsync(cancellationToken);
        return new StatsReport(
            stats.Nodes,
            stats.Edges,
            stats.Sources,
            breakdown.ConflictedEdges + founders.Count,
            breakdown.NodesByKind.OrderBy(p => p.Key).Select(p => new KindCount(p.Key.ToString(), p.Value)).ToList(),
            breakdown.EdgesByRelation.OrderBy(p => p.Key).Select(p => new RelationCount(p.Key.ToWire(), p.Value)).ToList(),
            states.OrderBy(p => p.Key).Select(p => new StateCount(p.Key.ToString().ToLowerInvariant(), p.Value)).ToList());
    }
}

/// <summary>Nodes of one kind.</summary>
internal sealed record KindCount(string Kind, long Count);

/// <summary>Edges of one relation.</summary>
internal sealed record RelationCount(string Relation, long Count);

/// <summary>Jobs in one state.</summary>
internal sealed record StateCount(string State, long Count);
