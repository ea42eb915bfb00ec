using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace KnowledgeGraph.Api.Tests;

/// <summary>POST /api/imports: uploaded CSV and JSONL files checked whole, queued as jobs, and imported with provenance.</summary>
[Trait("Category", "Api")]
public sealed class ImportUploadTests(ImportUploadTests.Hosts hosts) : IClassFixture<ImportUploadTests.Hosts>
{
    private const string WriteKey = "kg_test-import-key";

    private const string People = "person,organization,title,start,end,source\n" +
        "Orla Fenwick,Halcyon Research,Research Engineer,2020,2023-02,https://example.org/orla\n" +
        "Piet Marlowe,Halcyon Research,Research Lead,2021,,Halcyon annual report 2024\n";

    private static async Task<(HttpStatusCode Status, JsonNode Body, string? Location)> PostAsync(ApiHost host, string body, string contentType, string query = "", string? key = null)
    {
        using var client = host.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/imports" + query, UriKind.Relative)) { Content = new StringContent(body, Encoding.UTF8, contentType) };
        if (key is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        using var response = await client.SendAsync(request);
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!, response.Headers.Location?.ToString());
    }

    [Fact]
    public async Task An_affiliations_csv_becomes_a_job_whose_edges_carry_their_sources_and_a_second_upload_changes_nothing()
    {
        var (status, body, location) = await PostAsync(hosts.Open, People, "text/csv", "?name=people.csv");

        Assert.Equal(HttpStatusCode.Accepted, status);
        Assert.Equal("affiliations", body["format"]!.GetValue<string>());
        Assert.Equal($"/api/jobs/{body["id"]!.GetValue<string>()}", location);
        var job = await hosts.Open.WaitForJobAsync(location!);
        Assert.Equal("succeeded", job["state"]!.GetValue<string>());
        Assert.Equal(2, job["counts"]!["newEdges"]!.GetValue<int>());

        var data = await hosts.Open.DataAsync("""
            { person(name: "Piet Marlowe") { currentAffiliation { title start organization { name } sources { quote source { title url } } } } }
            """);
        var affiliation = data["person"]!["currentAffiliation"]!;
        Assert.Equal(("Research Lead", "2021", "Halcyon Research"), (affiliation["title"]!.GetValue<string>(), affiliation["start"]!.GetValue<string>(), affiliation["organization"]!["name"]!.GetValue<string>()));
        var source = affiliation["sources"]![0]!;
        Assert.Equal("Piet Marlowe,Halcyon Research,Research Lead,2021,,Halcyon annual report 2024", source["quote"]!.GetValue<string>());
        Assert.Equal("Halcyon annual report 2024", source["source"]!["title"]!.GetValue<string>());

        var again = await hosts.Open.WaitForJobAsync((await PostAsync(hosts.Open, People, "text/csv")).Location!);
        Assert.Equal((0, 0), (again["counts"]!["newNodes"]!.GetValue<int>(), again["counts"]!["newEdges"]!.GetValue<int>()));
    }

    [Fact]
    public async Task A_documents_jsonl_upload_is_ingested_document_by_document()
    {
        const string documents = """
            {"text": "Quentin Aldous joined Mistral AI in 2023.", "title": "Quentin note", "url": "https://example.org/quentin"}
            {"text": "Rhea Tamsin joined Google DeepMind in 2022.", "title": "Rhea note", "date": "2024-02"}
            """;

        var (status, body, location) = await PostAsync(hosts.Open, documents, "application/x-ndjson");

        Assert.Equal(HttpStatusCode.Accepted, status);
        Assert.Equal("documents", body["format"]!.GetValue<string>());
        var job = await hosts.Open.WaitForJobAsync(location!);
        Assert.Equal(("succeeded", 2, 0), (job["state"]!.GetValue<string>(), job["counts"]!["documents"]!.GetValue<int>(), job["counts"]!["failures"]!.GetValue<int>()));
        var data = await hosts.Open.DataAsync("""{ person(name: "Rhea Tamsin") { timeline { relation target { name } } } }""");
        Assert.Contains(data["person"]!["timeline"]!.AsArray(), e => e!["relation"]!.GetValue<string>() == "JOINED" && e["target"]!["name"]!.GetValue<string>() == "Google DeepMind");
    }

    [Theory]
    [InlineData("text/csv", "person,organization,title,start,end,source\nA,B,,2019-13,,x\n", "people.csv:2: start: ")]
    [InlineData("application/x-ndjson", "{\"record\": \"node\", \"kind\": \"Person\", \"id\": \"person:a\", \"name\": \"A\"}\n{\"record\": \"edge\", \"relation\": \"WORKED_AT\"}\n", "people.csv:2: from: required")]
    [InlineData("application/x-ndjson", "{\"text\": \"A joined B.\"}\n{\"text\": \"C\", \"date\": \"19th\"}\n", "people.csv:2: date: ")]
    public async Task A_bad_line_refuses_the_upload_at_once_naming_line_and_field(string contentType, string body, string expected)
    {
        var (status, answer, _) = await PostAsync(hosts.Open, body, contentType, "?name=people.csv");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(answer["problems"]!.AsArray(), p => p!.GetValue<string>().StartsWith(expected, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Other_content_types_and_empty_bodies_are_refused()
    {
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await PostAsync(hosts.Open, People, "text/plain")).Status);
        var (status, body, _) = await PostAsync(hosts.Open, string.Empty, "text/csv");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("the body is empty", body["error"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_keys_configured_an_upload_needs_the_write_key()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(hosts.Keyed, People, "text/csv")).Status);
        Assert.Equal(HttpStatusCode.Accepted, (await PostAsync(hosts.Keyed, People, "text/csv", key: WriteKey)).Status);
    }

    /// <summary>A host with no key (loopback writes allowed) and one with a write key, both without the seed data.</summary>
    public sealed class Hosts : IAsyncLifetime
    {
        public ApiHost Open { get; } = new() { Settings = new Dictionary<string, string?> { ["Seed:Enabled"] = "false" } };

        public ApiHost Keyed { get; } = new()
        {
            Settings = new Dictionary<string, string?>
            {
                ["Seed:Enabled"] = "false",
                ["Auth:Keys:0:Name"] = "importer",
                ["Auth:Keys:0:Scope"] = "write",
                ["Auth:Keys:0:Sha256"] = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(WriteKey))),
            },
        };

        public Task InitializeAsync() => Task.WhenAll(Open.InitializeAsync(), Keyed.InitializeAsync());

        public async Task DisposeAsync()
        {
            await Open.DisposeAsync();
            await Keyed.DisposeAsync();
        }
    }
}
