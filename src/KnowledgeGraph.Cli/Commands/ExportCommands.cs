using System.CommandLine;
using System.Diagnostics;
using KnowledgeGraph.Ingestion.Export;
using KnowledgeGraph.Storage;
using KnowledgeGraph.Storage.Export;
using KnowledgeGraph.Storage.Neo4j;
using KnowledgeGraph.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace KnowledgeGraph.Cli.Commands;

/// <summary>`kg export` (records JSONL, GraphML, affiliations CSV) and `kg backup` (a consistent copy of the embedded store).</summary>
internal static class ExportCommands
{
    public static Command Export()
    {
        var format = new Option<string>("--format") { Description = "jsonl (records, re-importable with kg import), graphml (Gephi, yEd, NetworkX) or csv (affiliations: person, organization, title, start, end, source).", Required = true };
        format.AcceptOnlyFromAmong("jsonl", "graphml", "csv");
        var output = new Option<FileInfo>("--out") { Description = "The file to write (replaced when it exists; written beside it first, renamed when complete).", Required = true };
        var pageSize = new Option<int>("--page-size") { Description = "Rows read per round trip.", DefaultValueFactory = _ => GraphPages.DefaultSize };
        var command = new Command("export", "Write the whole graph of the configured store (Store:Kind) to a file, page by page, with provenance.") { format, output, pageSize };
        command.SetAction(async (parse, ct) =>
        {
            var kind = parse.GetValue(format) switch
            {
                "graphml" => ExportFormat.GraphMl,
                "csv" => ExportFormat.Csv,
                _ => ExportFormat.Jsonl,
            };
            if (parse.GetValue(pageSize) is < 1 or > 100_000)
            {
                await Console.Error.WriteLineAsync($"kg export: --page-size must be between 1 and 100000, got {parse.GetValue(pageSize)}");
                return 2;
            }

            var configuration = KgConfiguration.Load();
            await using var services = KgConfiguration.StoreServices(configuration);
            var file = parse.GetValue(output)!.FullName;
            var clock = Stopwatch.StartNew();
            try
            {
                var store = services.GetRequiredService<IGraphStore>();
                await store.InitializeAsync(ct);
                var counts = await GraphExport.ToFileAsync(store, kind, file, parse.GetValue(pageSize), ct);
                Console.WriteLine(kind switch
                {
                    ExportFormat.Jsonl => $"Wrote {file} from {KgConfiguration.Describe(configuration)}: {counts.Sources} sources, {counts.Nodes} nodes, {counts.Edges} edges as {counts.Claims} edge lines, in {clock.Elapsed.TotalSeconds:F1} s.",
                    ExportFormat.GraphMl => $"Wrote {file} from {KgConfiguration.Describe(configuration)}: {counts.Nodes} nodes, {counts.Edges} edges ({counts.Claims} source references), in {clock.Elapsed.TotalSeconds:F1} s.",
                    _ => $"Wrote {file} from {KgConfiguration.Describe(configuration)}: {counts.Claims} affiliation rows from {counts.Edges} WORKED_AT edges, in {clock.Elapsed.TotalSeconds:F1} s.",
                });
                if (counts.SkippedEdges > 0)
                {
                    await Console.Error.WriteLineAsync($"kg export: {counts.SkippedEdges} edges have no source and were left out (a records edge needs at least one).");
                }

                return 0;
            }
            catch (Exception ex) when (ex is Neo4jException or OptionsValidationException or IOException or UnauthorizedAccessException)
            {
                await Console.Error.WriteLineAsync($"kg export: {ex.Message}");
                return 1;
            }
        });
        return command;
    }

    public static Command Backup()
    {
        var output = new Option<FileInfo>("--out") { Description = "The backup file to write (a SQLite database the service can open as Data:Path/graph.db).", Required = true };
        var force = new Option<bool>("--force") { Description = "Replace the file when it exists." };
        var command = new Command("backup", "Take a consistent copy of the embedded store (Data:Path/graph.db) while the service runs (SQLite online backup). On Neo4j, use Neo4j's own backup tools.") { output, force };
        command.SetAction(async (parse, ct) =>
        {
            var configuration = KgConfiguration.Load();
            if (StoreOptions.KindOf(configuration) == StoreKind.Neo4j)
            {
                await Console.Error.WriteLineAsync("kg backup: not supported with Store:Kind=Neo4j. Use Neo4j's own tools: neo4j-admin database dump or backup (self-hosted), or snapshots (Aura). `kg export --format jsonl` writes a re-importable copy of the graph from any store.");
                return 2;
            }

            var database = KgConfiguration.DatabasePath(configuration);
            var file = parse.GetValue(output)!.FullName;
            var clock = Stopwatch.StartNew();
            try
            {
                await SqliteBackup.BackupAsync(database, file, parse.GetValue(force), ct);
            }
            catch (Exception ex) when (ex is IOException or InvalidDataException or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException)
            {
                await Console.Error.WriteLineAsync($"kg backup: {ex.Message}");
                return 1;
            }

            var stats = await new SqliteGraphStore(Options.Create(new SqliteStoreOptions { DatabasePath = file })).GetStatsAsync(ct);
            Console.WriteLine($"Backed up {database} to {file} ({new FileInfo(file).Length / 1024.0 / 1024.0:F1} MB) in {clock.Elapsed.TotalSeconds:F1} s: {stats.Nodes} nodes, {stats.Edges} edges, {stats.Sources} sources, {stats.Provenance} source references.");
            return 0;
        });
        return command;
    }
}
