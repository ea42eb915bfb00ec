using KnowledgeGraph.Core.Graph;
using KnowledgeGraph.Storage.Neo4j;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace KnowledgeGraph.Storage.Tests.Neo4j;

/// <summary>The Neo4j schema files, the options and their registration, and the search text folding: no server needed.</summary>
[Trait("Category", "Store")]
public sealed class Neo4jSchemaAndOptionsTests
{
    [Fact]
    public void The_schema_steps_are_numbered_in_order_and_every_statement_is_idempotent()
    {
        var steps = Neo4jSchemaMigrator.Steps;

        Assert.Equal([1, 2, 3, 4, 5], steps.Select(s => s.Number));
        Assert.All(steps.SelectMany(s => s.Statements), s => Assert.Contains("IF NOT EXISTS", s, StringComparison.Ordinal));
        Assert.All(steps.SelectMany(s => s.Statements), s => Assert.DoesNotContain("//", s, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Node")]
    [InlineData("Person")]
    [InlineData("Organization")]
    [InlineData("Model")]
    [InlineData("Paper")]
    [InlineData("Source")]
    [InlineData("Provenance")]
    [InlineData("Name")]
    [InlineData("Meta")]
    [InlineData("WriteLock")]
    [InlineData("SchemaMigration")]
    [InlineData("Job")]
    [InlineData("Redirect")]
    public void Every_label_has_a_unique_id(string label)
    {
        var statements = Neo4jSchemaMigrator.Steps.SelectMany(s => s.Statements);

        Assert.Contains(statements, s => s.Contains($"FOR (", StringComparison.Ordinal) && s.Contains($":{label}) REQUIRE", StringComparison.Ordinal) && s.EndsWith(".id IS UNIQUE", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_relationship_type_has_a_unique_id_and_a_conflict_index()
    {
        var statements = Neo4jSchemaMigrator.Steps.SelectMany(s => s.Statements).ToList();

        Assert.All(Relations.All, r =>
        {
            Assert.Contains(statements, s => s.Contains($"()-[r:{r.ToWire()}]-() REQUIRE r.id IS UNIQUE", StringComparison.Ordinal));
            Assert.Contains(statements, s => s.Contains($"()-[r:{r.ToWire()}]-() ON (r.inConflict)", StringComparison.Ordinal));
        });
    }

    [Fact]
    public void A_schema_file_is_split_into_statements_without_comments()
    {
        var step = Neo4jSchemaMigrator.Parse("007_example", "// a comment; with a semicolon\nCREATE INDEX a IF NOT EXISTS FOR (n:Node) ON (n.a);\r\n\r\nCREATE FULLTEXT INDEX b IF NOT EXISTS FOR (n:Node)\nON EACH [n.b];\n");

        Assert.Equal(7, step.Number);
        Assert.Equal(["CREATE INDEX a IF NOT EXISTS FOR (n:Node) ON (n.a)", "CREATE FULLTEXT INDEX b IF NOT EXISTS FOR (n:Node)\nON EACH [n.b]"], step.Statements);
        Assert.Throws<InvalidDataException>(() => Neo4jSchemaMigrator.Parse("constraints", ""));
    }

    [Theory]
    [InlineData("bolt://127.0.0.1:7687", "bolt://")]
    [InlineData("neo4j+s://x.databases.neo4j.io", "http:// or https://")]
    [InlineData("127.0.0.1:7474", "http:// or https://")]
    [InlineData("", "must be set")]
    public void A_uri_that_is_not_an_http_address_is_refused_with_a_clear_message(string uri, string expected)
    {
        var options = new Neo4jStoreOptions { Uri = uri, User = "neo4j", Password = "pw" };

        var problem = Assert.Single(options.Validate());

        Assert.Contains("Store:Neo4j:Uri", problem, StringComparison.Ordinal);
        Assert.Contains(expected, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Credentials_and_a_database_name_are_required_and_the_password_is_never_printed()
    {
        var options = new Neo4jStoreOptions { Uri = "https://x.databases.neo4j.io", User = "neo4j", Password = "hunter2-secret", Database = "bad name/../x" };

        Assert.Single(options.Validate(), p => p.StartsWith("Store:Neo4j:Database", StringComparison.Ordinal));
        Assert.DoesNotContain("hunter2-secret", options.ToString(), StringComparison.Ordinal);
        Assert.Contains("password set", options.ToString(), StringComparison.Ordinal);
        Assert.Contains(new Neo4jStoreOptions { Uri = "http://h:7474" }.Validate(), p => p.Contains("credentials are required", StringComparison.Ordinal));
        Assert.Empty(new Neo4jStoreOptions { Uri = "http://h:7474", Token = "t" }.Validate());
        Assert.Throws<OptionsValidationException>(() => new Neo4jQueryClient(new HttpClient(), Options.Create(new Neo4jStoreOptions())));
    }

    [Fact]
    public async Task Store_Kind_Neo4j_is_registered_from_the_Store_Neo4j_section_and_environment_style_keys()
    {
        await using var server = new ScriptedNeo4jServer();
        server.Then(Answers.Data(["ok"], [1]));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Store:Kind"] = "Neo4j",
            ["Store:Neo4j:Uri"] = server.Uri,
            ["Store:Neo4j:User"] = "neo4j",
            ["Store:Neo4j:Password"] = "pw",
            ["Store:Neo4j:Database"] = "graph",
        }).Build();
        await using var provider = new ServiceCollection().AddGraphStore(configuration, _ => "unused.db").BuildServiceProvider();

        var store = provider.GetRequiredService<IGraphStore>();

        Assert.IsType<Neo4jGraphStore>(store);
        Assert.True(await store.PingAsync(CancellationToken.None));
        Assert.Equal("/db/graph/query/v2", Assert.Single(server.Requests).Path);
    }

    [Fact]
    public async Task Store_Kind_Neo4j_without_a_uri_fails_naming_the_setting()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Store:Kind"] = "Neo4j" }).Build();
        await using var provider = new ServiceCollection().AddGraphStore(configuration, _ => "unused.db").BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IGraphStore>());

        Assert.Contains("Store:Neo4j:Uri", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Łukasz Kaiser", "+lukasz +kaiser*")]
    [InlineData("Jose\u0301 Garci\u0301a", "+jose +garcia*")]
    [InlineData("GPT-4o", "+gpt +4o*")]
    [InlineData("tworek OR jerry", "+tworek +or +jerry*")]
    [InlineData("NEAR(jerry tworek, 2)", "+near +jerry +tworek +2*")]
    [InlineData("names:jerry^2 ~ \"x\" \\ /", "+names +jerry +2 +x*")]
    [InlineData("\u200B 🙂 ", null)]
    public void Search_queries_are_folded_words_only(string text, string? expected)
    {
        Assert.Equal(expected, SearchText.Query(text));
    }

    [Fact]
    public void A_search_document_holds_the_folded_words_of_every_name()
    {
        Assert.Equal("łukasz kaiser lukasz".Replace('ł', 'l'), SearchText.Document(["Łukasz Kaiser", "ŁUKASZ"]));
    }
}
