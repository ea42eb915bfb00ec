using System.CommandLine;
using KnowledgeGraph.Storage;
using KnowledgeGraph.Storage.Neo4j;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace KnowledgeGraph.Cli.Commands;

/// <summary>`kg migrate-schema`: applies the schema steps the configured store lacks and prints its version before and after.</summary>
internal static class SchemaCommands
{
    public static Command MigrateSchema()
    {
        var check = new Option<bool>("--check") { Description = "Only print the versions; exit 1 when steps are missing." };
        var command = new Command(
            "migrate-schema",
            "Apply the missing schema steps of the configured store (Store:Kind: SQLite migrations, or graph-schema/neo4j files on Neo4j) and print the version before and after.")
        { check };
        command.SetAction(async (parse, ct) =>
        {
            var configuration = KgConfiguration.Load();
            await using var services = KgConfiguration.StoreServices(configuration);
            try
            {
                var schema = services.GetRequiredService<IStoreSchema>();
                var before = await schema.CurrentVersionAsync(ct);
                Console.WriteLine($"{KgConfiguration.Describe(configuration)}: schema version {before} (this build: {schema.LatestVersion})");
                if (parse.GetValue(check))
                {
                    return before >= schema.LatestVersion ? 0 : 1;
                }

                var applied = await schema.ApplyMissingAsync(ct);
                Console.WriteLine($"applied {applied} step{(applied == 1 ? string.Empty : "s")}; schema version now {await schema.CurrentVersionAsync(ct)}");
                return 0;
            }
            catch (Exception ex) when (ex is Neo4jException or OptionsValidationException)
            {
                await Console.Error.WriteLineAsync($"kg migrate-schema: {ex.Message}");
                return 1;
            }
        });
        return command;
    }
}
