using GraphQL;
using GraphQL.Types;
using GraphQL.Utilities;

namespace KnowledgeGraph.Api.GraphQL;

/// <summary>The schema as SDL, sorted, as kept in graph-schema/schema.graphql.</summary>
public static class SchemaExport
{
    public static string Print(ISchema schema)
    {
        schema.Initialize();
        var text = schema.Print(new PrintOptions { IncludeDescriptions = true, IncludeDeprecationReasons = true });
        return text.ReplaceLineEndings("\n").TrimEnd() + "\n";
    }

    /// <summary>`export-schema PATH`: writes the file and exits, without starting the server.</summary>
    public static bool TryRun(string[] args, IServiceProvider services)
    {
        if (args.Length < 1 || args[0] != "export-schema")
        {
            return false;
        }

        var path = args.Length > 1 ? args[1] : Path.Combine("graph-schema", "schema.graphql");
        File.WriteAllText(path, Print(services.GetRequiredService<KnowledgeGraphSchema>()));
        Console.WriteLine($"Wrote {Path.GetFullPath(path)}");
        return true;
    }
}
