namespace KnowledgeGraph.Api.Tests;

/// <summary>GraphiQL and code generators read the schema; the complexity limit guards the graph, not introspection.</summary>
[Trait("Category", "Api")]
public sealed class IntrospectionTests(ApiHost host) : IClassFixture<ApiHost>
{
    // The shape GraphiQL sends at start-up (types, fields, arguments, seven levels of ofType).
    private const string Introspection = """
        query IntrospectionQuery { __schema { queryType { name } mutationType { name } subscriptionType { name }
          types { ...FullType } directives { name description locations args { ...InputValue } } } }
        fragment FullType on __Type { kind name description fields(includeDeprecated: true) { name description
          args { ...InputValue } type { ...TypeRef } isDeprecated deprecationReason } inputFields { ...InputValue }
          interfaces { ...TypeRef } enumValues(includeDeprecated: true) { name description isDeprecated deprecationReason }
          possibleTypes { ...TypeRef } }
        fragment InputValue on __InputValue { name description type { ...TypeRef } defaultValue }
        fragment TypeRef on __Type { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name
          ofType { kind name ofType { kind name ofType { kind name } } } } } } } }
        """;

    [Fact]
    public async Task The_full_introspection_query_is_answered()
    {
        var data = await host.DataAsync(Introspection);
        Assert.Equal("Query", data["__schema"]!["queryType"]!["name"]!.GetValue<string>());
        Assert.Contains(data["__schema"]!["types"]!.AsArray(), t => t!["name"]!.GetValue<string>() == "PartialDate");
    }

    [Fact]
    public async Task A_costly_graph_query_is_still_refused()
    {
        var result = await host.QueryAsync("""
            { organization(name: "OpenAI") { members(first: 500) { person { affiliations { organization { members(first: 500) { title } } } } } } }
            """);
        Assert.Contains("too complex", result["errors"]![0]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
