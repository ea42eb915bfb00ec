using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace KnowledgeGraph.Api.Tests;

/// <summary>GraphQL over HTTP: content types, status codes and errors that name the problem, never a 500.</summary>
[Trait("Category", "Api")]
public sealed class GraphQLHttpTests(ApiHost host) : IClassFixture<ApiHost>
{
    private const string ResponseJson = "application/graphql-response+json";

    private async Task<(HttpStatusCode Status, string? ContentType, JsonNode Body)> PostAsync(string body, string contentType = "application/json", string? accept = null)
    {
        using var client = host.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        if (accept is not null)
        {
            request.Headers.Accept.ParseAdd(accept);
        }

        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, response.Content.Headers.ContentType?.MediaType, JsonNode.Parse(text)!);
    }

    private static string FirstError(JsonNode body) => body["errors"]![0]!["message"]!.GetValue<string>();

    [Fact]
    public async Task A_valid_query_answers_200_in_the_accepted_media_type()
    {
        var (status, type, body) = await PostAsync("""{"query":"{ person(id: \"person:jerry-tworek\") { name } }"}""", accept: ResponseJson);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(ResponseJson, type);
        Assert.Equal("Jerry Tworek", body["data"]!["person"]!["name"]!.GetValue<string>());

        var legacy = await PostAsync("""{"query":"{ person(id: \"person:jerry-tworek\") { name } }"}""");
        Assert.Equal(HttpStatusCode.OK, legacy.Status);
        Assert.Equal("application/json", legacy.ContentType);
    }

    [Fact]
    public async Task A_malformed_query_is_a_400_naming_the_syntax_error()
    {
        var (status, type, body) = await PostAsync("""{"query":"{ person(id: \"x\") { name "}""", accept: ResponseJson);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(ResponseJson, type);
        Assert.Contains("Error parsing query", FirstError(body), StringComparison.Ordinal);
        Assert.Null(body["data"]);
    }

    [Fact]
    public async Task A_malformed_query_with_legacy_json_is_200_with_errors()
    {
        var (status, _, body) = await PostAsync("""{"query":"{ person(id: \"x\") { name "}""");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.NotNull(body["errors"]);
    }

    [Fact]
    public async Task An_unknown_field_is_named_in_the_error()
    {
        var (status, _, body) = await PostAsync("""{"query":"{ person(id: \"person:jerry-tworek\") { shoeSize } }"}""", accept: ResponseJson);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("shoeSize", FirstError(body), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_partial_date_literal_is_an_error_naming_the_value()
    {
        var (status, _, body) = await PostAsync("""{"query":"{ organization(name: \"OpenAI\") { members(asOf: \"2020-13\") { person { name } } } }"}""", accept: ResponseJson);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        var message = string.Join(" ", body["errors"]!.AsArray().Select(e => e!["message"]!.GetValue<string>()));
        Assert.Contains("asOf", message, StringComparison.Ordinal);
        Assert.Contains("2020-13", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_partial_date_variable_is_an_error_naming_the_variable()
    {
        var (status, _, body) = await PostAsync("""{"query":"query($d: PartialDate) { departures(organization: \"OpenAI\", from: $d) { on } }","variables":{"d":"19th"}}""", accept: ResponseJson);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        var message = FirstError(body);
        Assert.Contains("$d", message, StringComparison.Ordinal);
        Assert.Contains("19th", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_organization_is_a_field_error_naming_it()
    {
        var (status, _, body) = await PostAsync("""{"query":"{ departures(organization: \"Nowhere Labs\") { on } }"}""", accept: ResponseJson);
        Assert.Equal(HttpStatusCode.OK, status); // executed: a field error, per the spec
        Assert.Contains("Nowhere Labs", FirstError(body), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_page_size_over_the_maximum_is_refused_with_the_limit()
    {
        var (_, _, body) = await PostAsync("""{"query":"{ organization(name: \"OpenAI\") { members(first: 100000) { title } } }"}""");
        Assert.Contains("500", FirstError(body), StringComparison.Ordinal);
        Assert.Contains("first", FirstError(body), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_json_is_a_400()
    {
        var (status, _, body) = await PostAsync("{\"query\": ");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("not a valid GraphQL request", FirstError(body), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_query_is_a_400()
    {
        var (status, _, body) = await PostAsync("""{"variables":{}}""");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("query", FirstError(body), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_content_type_is_a_415()
    {
        var (status, _, body) = await PostAsync("{ person(id: \"x\") { name } }", contentType: "text/plain");
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, status);
        Assert.Contains("application/json", FirstError(body), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unacceptable_accept_header_is_a_406()
    {
        var (status, _, _) = await PostAsync("""{"query":"{ __typename }"}""", accept: "text/html");
        Assert.Equal(HttpStatusCode.NotAcceptable, status);
    }

    [Fact]
    public async Task Get_runs_queries()
    {
        using var client = host.CreateClient();
        var response = await client.GetAsync(new Uri("/graphql?query=" + Uri.EscapeDataString("{ model(name: \"o1\") { id } }"), UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("model:o1", body["data"]!["model"]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Get_refuses_mutations_with_405()
    {
        using var client = host.CreateClient();
        var response = await client.GetAsync(new Uri("/graphql?query=" + Uri.EscapeDataString("mutation { __typename }"), UriKind.Relative));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Contains("GET", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_endpoints_answer()
    {
        using var client = host.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/health/live", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/health/ready", UriKind.Relative))).StatusCode);
    }

    [Theory]
    [InlineData("'; DROP TABLE nodes; --")]
    [InlineData("\" OR 1=1 --")]
    [InlineData("NEAR(a b) AND * OR \"")]
    [InlineData("MATCH (n) DETACH DELETE n")]
    public async Task Injection_attempts_in_string_arguments_are_just_text(string hostile)
    {
        var result = await host.QueryAsync(
            "query($t: String!) { search(text: $t) { id } person(name: $t) { id } organization(name: $t) { id } }",
            new { t = hostile });
        Assert.Null(result["errors"]);
        var after = await host.DataAsync("""{ person(id: "person:jerry-tworek") { name } }""");
        Assert.Equal("Jerry Tworek", after["person"]!["name"]!.GetValue<string>());
    }
}
