using System.CommandLine;

namespace KnowledgeGraph.Cli.Commands;

/// <summary>Commands from other features (extraction, keys, the worker), listed in one place, one per line.</summary>
internal static class ExtraCommands
{
    public static IEnumerable<Command> All() =>
    [
        ExtractCommands.Extract(),
        ExtractCommands.EvalExtract(),
        KeyCommands.Keys(),
        WorkerCommand.Create(),
        SchemaCommands.MigrateSchema(),
        CorrectionCommands.RetractSource(),
        CorrectionCommands.ResolveConflict(),
        CorrectionCommands.MergeEntities(),
        ExportCommands.Export(),
        ExportCommands.Backup(),
        StatsCommand.Create(),
        CopyCommand.Create(),
    ];
}
