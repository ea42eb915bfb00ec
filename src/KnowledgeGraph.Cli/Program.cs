using System.CommandLine;
using KnowledgeGraph.Cli.Commands;

var root = new RootCommand("kg: the KnowledgeGraph command line (import, generate, extract).");
root.Subcommands.Add(StoreCommands.Import());
root.Subcommands.Add(StoreCommands.Generate());
foreach (var command in ExtraCommands.All())
{
    root.Subcommands.Add(command);
}

return await root.Parse(args).InvokeAsync();
