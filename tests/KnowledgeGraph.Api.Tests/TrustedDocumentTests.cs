using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using KnowledgeGraph.Api.Security.TrustedDocuments;

namespace KnowledgeGraph.Api.Tests;

/// <summary>Trusted documents: operations sent by id from the shipped folder, and the switch that refuses any other.</summary>
[Trait("Category", "Api")]
public sealed class TrustedDocumentTests(TrustedDocumentTests.Hosts hosts) : IClassFixture<TrustedDocumentTests.Hosts>
{
    private const string TextQuery = """{ model(id: "model:codex") { name } }""";

    /// <summary>Variables for every shipped document, chosen on the seed data.</summary>
    private static readonly Dictionary<string, object> Variables = new()
    {
        ["builders-by-model"] = new { model = "model:codex" },
        ["person-career"] = new { name = "Jerry Tworek" },
        ["organization-members-as-of"] = new { organization = "OpenAI", asOf = "2020-06", first = 20 },
        ["search"] = new { text = "jerry" },
        ["departures"] = new { organization = "OpenAI", from = "2025", to = "2025" },
    };

    private static string ShippedFolder => Path.Combine(AppContext.BaseDirectory, "trusted-documents");

    private static async Task<(HttpStatusCode Status, JsonNode Body)> PostAsync(ApiHost host, object request)
    {
        using var client = host.CreateClient();
        using var response = await client.PostAsJsonAsync(new Uri("/graphql", UriKind.Relative), request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.NotEqual(HttpStatusCode.InternalServerError, response.StatusCode);
        return (response.StatusCode, JsonNode.Parse(text)!);
    }

    private static string FirstError(JsonNode body) => body["errors"]?[0]?["message"]?.GetValue<string>() ?? $"no error in {body.ToJsonString()}";

    [Fact]
    public void The_shipped_folder_holds_the_dashboard_documents()
    {
        var names = TrustedDocumentSet.Load(new TrustedDocumentOptions { Path = ShippedFolder }).Select(d => d.Name).Order(StringComparer.Ordinal);
        Assert.Equal(Variables.Keys.Order(StringComparer.Ordinal), names);
    }

    [Fact]
    public async Task Every_shipped_document_runs_by_name_on_the_seed_data()
    {
        foreach (var (name, variables) in Variables)
        {
            var (status, body) = await PostAsync(hosts.Open, new { documentId = name, variables });
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.True(body["errors"] is null, $"{name}: {body["errors"]?.ToJsonString()}");
            Assert.NotNull(body["data"]);
        }
    }

    [Fact]
    public async Task A_document_by_name_answers_as_its_text_does()
    {
        var text = await File.ReadAllTextAsync(Path.Combine(ShippedFolder, "builders-by-model.graphql"));
        var variables = Variables["builders-by-model"];
        var byId = await PostAsync(hosts.Open, new { documentId = "builders-by-model", variables });
        var byText = await PostAsync(hosts.Open, new { query = text, variables });

        Assert.Equal("Codex", byId.Body["data"]!["model"]!["name"]!.GetValue<string>());
        Assert.True(byId.Body["data"]!["model"]!["builders"]!.AsArray().Count >= 20);
        Assert.Equal(byText.Body.ToJsonString(), byId.Body.ToJsonString());
    }

    [Fact]
    public async Task A_document_by_sha256_runs_and_a_get_by_id_runs()
    {
        var text = await File.ReadAllTextAsync(Path.Combine(ShippedFolder, "search.graphql"));
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
        var (status, body) = await PostAsync(hosts.Only, new { documentId = "sha256:" + hash, variables = new { text = "jerry" } });
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(body["data"]!["search"]!.AsArray(), n => n!["id"]!.GetValue<string>() == "person:jerry-tworek");

        using var client = hosts.Only.CreateClient();
        var get = JsonNode.Parse(await client.GetStringAsync(new Uri("/graphql?documentId=search&variables=" + Uri.EscapeDataString("""{"text":"tworek"}"""), UriKind.Relative)))!;
        Assert.Contains(get["data"]!["search"]!.AsArray(), n => n!["id"]!.GetValue<string>() == "person:jerry-tworek");
    }

    [Fact]
    public async Task An_unknown_id_is_an_error_naming_the_id()
    {
        // Ids are looked up in the loaded set, never as paths: a traversal is just an unknown id.
        foreach (var id in new[] { "no-such-document", "sha256:" + new string('a', 64), "../../appsettings", "builders-by-model.graphql" })
        {
            var (_, body) = await PostAsync(hosts.Open, new { documentId = id });
            Assert.Contains($"No trusted document has the id '{id}'", FirstError(body), StringComparison.Ordinal);
            Assert.Null(body["data"]);
        }

        var (_, invalid) = await PostAsync(hosts.Open, new { documentId = "sha256:ABC" });
        Assert.Contains("is not valid", FirstError(invalid), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Query_text_is_refused_when_only_trusted_documents_may_run()
    {
        var (status, body) = await PostAsync(hosts.Only, new { query = TextQuery });
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("TrustedDocuments:Only", FirstError(body), StringComparison.Ordinal);
        Assert.Null(body["data"]);

        // The text of a trusted document is refused too: the switch is about how the operation is sent.
        var text = await File.ReadAllTextAsync(Path.Combine(ShippedFolder, "search.graphql"));
        var (_, asText) = await PostAsync(hosts.Only, new { query = text, variables = new { text = "jerry" } });
        Assert.Contains("TrustedDocuments:Only", FirstError(asText), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Query_text_runs_when_the_switch_is_off()
    {
        var (status, body) = await PostAsync(hosts.Open, new { query = TextQuery });
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Codex", body["data"]!["model"]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Query_and_document_id_together_are_refused()
    {
        var (_, body) = await PostAsync(hosts.Open, new { query = TextQuery, documentId = "search" });
        Assert.Contains("not both", FirstError(body), StringComparison.Ordinal);
        Assert.Null(body["data"]);
    }

    [Fact]
    public void A_document_that_does_not_parse_is_named_with_its_line()
    {
        var folder = Directory.CreateTempSubdirectory("kg-trusted-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "broken.graphql"), "query Broken {\n  model(id: \"x\") {\n    name\n");
            var error = Assert.Throws<InvalidOperationException>(() => TrustedDocumentSet.Load(new TrustedDocumentOptions { Path = folder }));
            Assert.Contains("broken.graphql line", error.Message, StringComparison.Ordinal);

            var missing = Assert.Throws<InvalidOperationException>(() => TrustedDocumentSet.Load(new TrustedDocumentOptions { Path = Path.Combine(folder, "absent") }));
            Assert.Contains("TrustedDocuments:Path", missing.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>A host accepting both ids and text, and one accepting trusted documents only; both on the shipped folder.</summary>
    public sealed class Hosts : IAsyncLifetime
    {
        public ApiHost Open { get; } = new();

        public ApiHost Only { get; } = new() { Settings = new Dictionary<string, string?> { ["TrustedDocuments:Only"] = "true" } };

        public Task InitializeAsync() => Task.WhenAll(Open.InitializeAsync(), Only.InitializeAsync());

        public async Task DisposeAsync()
        {
            await Open.DisposeAsync();
            await Only.DisposeAsync();
        }
    }
}
