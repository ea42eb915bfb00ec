using GraphQL.Types;
using GraphQL.Utilities;
using KnowledgeGraph.Api.GraphQL;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeGraph.Api.Tests;

/// <summary>graph-schema/schema.graphql is the running schema; regenerate it with the command in the message.</summary>
[Trait("Category", "Api")]
public sealed class SchemaFileTests(ApiHost host) : IClassFixture<ApiHost>
{
    [Fact]
    public void The_schema_file_matches_the_running_schema()
    {
        var schema = host.Services.GetRequiredService<KnowledgeGraphSchema>();
        var printed = SchemaExport.Print(schema);
        var file = Path.Combine(RepositoryRoot(), "graph-schema", "schema.graphql");
        Assert.True(File.Exists(file), $"missing {file}; create it with: dotnet run --project src/KnowledgeGraph.Api -- export-schema graph-schema/schema.graphql");
        var expected = File.ReadAllText(file).ReplaceLineEndings("\n");
        Assert.True(expected == printed, "graph-schema/schema.graphql differs from the running schema; regenerate it with: dotnet run --project src/KnowledgeGraph.Api -- export-schema graph-schema/schema.graphql");
    }

    [Fact]
    public void The_contract_core_names_are_in_the_schema()
    {
        var printed = SchemaExport.Print(host.Services.GetRequiredService<KnowledgeGraphSchema>());
        foreach (var part in new[]
        {
            "scalar PartialDate", "interface Node", "type CareerStatus", "kind: CareerStatusKind!", "currentAffiliation: Affiliation",
            "affiliations(asOf: PartialDate): [Affiliation!]!", "members(asOf: PartialDate, first: Int, offset: Int): [Affiliation!]!",
            "departures(from: PartialDate, to: PartialDate): [Departure!]!", "builders(first: Int, offset: Int): [Contribution!]!",
            "neighborhood(id: ID!, depth: Int = 1, asOf: PartialDate): Subgraph!", "conflicts(first: Int = 50, offset: Int): [Conflict!]!",
            "search(text: String!, first: Int = 10): [Node!]!", "activeAsOf: Boolean!",
        })
        {
            Assert.Contains(part, printed, StringComparison.Ordinal);
        }
    }

    internal static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "KnowledgeGraph.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new DirectoryNotFoundException("KnowledgeGraph.sln not found above the test folder");
    }
}
