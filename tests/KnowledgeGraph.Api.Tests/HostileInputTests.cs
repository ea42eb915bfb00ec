using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using GraphQL.Types;
using KnowledgeGraph.Api.GraphQL;
using KnowledgeGraph.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeGraph.Api.Tests;

/// <summary>Bad and hostile requests against the real host: never a 500, never a hang, each answer naming the problem, nothing written.</summary>
[Trait("Category", "Api")]
public sealed class HostileInputTests(ApiHost host) : IClassFixture<ApiHost>
{
    private const string ResponseJson = "application/graphql-response+json";

    /// <summary>SQL, Cypher, path and template injection attempts, and Unicode tricks, sent in every string argument.</summary>
    public static readonly string[] HostileStrings =
    [
        "'; DROP TABLE nodes; --",
        "\" OR 1=1 --",
        "x' UNION SELECT * FROM sqlite_master --",
        "') MATCH (n) DETACH DELETE n //",
        "}) WITH 1 AS x MATCH (n) SET n.name = 'pwned' RETURN x //",
        "../../../../etc/passwd",
        "${jndi:ldap://example.invalid/a}",
        "<script>alert(1)</script>",
        "OpenAI\u202Egnp.exe",
        "Open\u200BAI\u200D\uFEFF",
        "Open\0AI",
        "\uD800 lone surrogate",
        "Ｏｐｅｎ\u0041\u030A",
        "%00%27%22",
        "",
    ];

    private async Task<(HttpStatusCode Status, JsonNode? Body, string Text)> SendAsync(string path, HttpContent? content, string? accept = ResponseJson, HttpMethod? method = null)
    {
        using var client = host.CreateClient();
        client.Timeout = TimeSpan.FromSeconds(30);
        using var request = new HttpRequestMessage(method ?? HttpMethod.Post, path) { Content = content };
        if (accept is not null)
        {
            request.Headers.Accept.ParseAdd(accept);
        }

        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode != HttpStatusCode.InternalServerError, $"500 for {path}: {text}");
        JsonNode? body;
        try
        {
            body = JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            body = null;
        }

        return (response.StatusCode, body, text);
    }

    private static StringContent Body(string text, string? contentType = "application/json")
    {
        var content = new StringContent(text, Encoding.UTF8);
        content.Headers.ContentType = contentType is null ? null : MediaTypeHeaderValue.Parse(contentType);
        return content;
    }

    private static string GraphQLBody(string query, object? variables = null) => JsonSerializer.Serialize(new { query, variables });

    private static string Messages(JsonNode? body) =>
        body?["errors"] is JsonArray errors ? string.Join(" | ", errors.Select(e => e?["message"]?.GetValue<string>())) : body?["error"]?.GetValue<string>() ?? "";

    private Task<GraphStats> StatsAsync() => host.Services.GetRequiredService<IGraphStore>().GetStatsAsync(CancellationToken.None);

    private async Task NothingWrittenAsync(Func<Task> act)
    {
        var before = await StatsAsync();
        await act();
        Assert.Equal(before, await StatsAsync());
    }

    [Theory]
    [InlineData(40)]
    [InlineData(5_000)]
    public async Task A_deeply_nested_query_is_refused_naming_the_depth(int depth)
    {
        var query = "{ organization(name: \"OpenAI\") { " + string.Concat(Enumerable.Repeat("parent { ", depth)) + "id" + new string('}', depth) + " } }";
        var (status, body, _) = await SendAsync("/graphql", Body(GraphQLBody(query)));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        var message = Messages(body);
        Assert.True(message.Contains("depth", StringComparison.OrdinalIgnoreCase) || message.Contains("nest", StringComparison.OrdinalIgnoreCase), message);
        Assert.Null(body?["data"]);
    }

    [Fact]
    public async Task Nesting_within_the_limit_still_runs()
    {
        var query = "{ organization(name: \"OpenAI\") { " + string.Concat(Enumerable.Repeat("parent { ", 10)) + "id" + new string('}', 10) + " } }";
        var (status, body, _) = await SendAsync("/graphql", Body(GraphQLBody(query)));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Null(body?["errors"]);
    }

    [Fact]
    public async Task An_alias_bomb_is_refused_naming_the_alias_limit_and_count()
    {
        var query = "{ " + string.Join(" ", Enumerable.Range(0, 1_000).Select(i => $"a{i}: search(text: \"a\") {{ id }}")) + " }";
        var (status, body, _) = await SendAsync("/graphql", Body(GraphQLBody(query)));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        var message = Messages(body);
        Assert.Contains("1000 aliases", message, StringComparison.Ordinal);
        Assert.Contains("maximum of 30", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_query_whose_lists_multiply_past_the_complexity_limit_is_refused()
    {
        var query = "{ search(text: \"a\", first: 500) { ... on Organization { members(first: 500) { person { affiliations { organization { members(first: 500) { person { name } } } } } } } } }";
        await NothingWrittenAsync(async () =>
        {
            var (status, body, _) = await SendAsync("/graphql", Body(GraphQLBody(query)));
            Assert.Equal(HttpStatusCode.BadRequest, status);
            var message = Messages(body);
            Assert.Contains("complexity", message, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("250000", message, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task A_huge_string_argument_within_the_body_limit_is_answered()
    {
        var (status, body, _) = await SendAsync("/graphql", Body(GraphQLBody("query($n: String) { person(name: $n) { id } }", new { n = new string('x', 900_000) })));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Null(body?["data"]?["person"]);
    }

    [Fact]
    public async Task A_graphql_body_over_the_limit_is_a_413_naming_the_limit()
    {
        var (status, body, _) = await SendAsync("/graphql", Body(GraphQLBody("query($n: String) { person(name: $n) { id } }", new { n = new string('x', 2_000_000) })));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        Assert.Contains("1048576", Messages(body), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_chunked_graphql_body_over_the_limit_is_a_413_too()
    {
        var bytes = Encoding.UTF8.GetBytes(GraphQLBody("{ __typename }", new { n = new string('x', 2_000_000) }));
        var content = new StreamContent(new NoLengthStream(bytes));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var (status, body, _) = await SendAsync("/graphql", content);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        Assert.Contains("Limits:MaxGraphQLBodyBytes", Messages(body), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_document_over_the_limit_is_a_413_and_nothing_is_queued()
    {
        await NothingWrittenAsync(async () =>
        {
            var (status, body, _) = await SendAsync("/api/documents", Body(new string('a', 5_000_000), "text/plain"), accept: null);
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
            Assert.Contains("4194304", Messages(body), StringComparison.Ordinal);
        });
    }

    [Theory]
    [InlineData("{")]
    [InlineData("[]")]
    [InlineData("\"query\"")]
    [InlineData("null")]
    [InlineData("{\"query\": 5}")]
    [InlineData("{\"query\": \"{ __typename }\", \"variables\": \"nope\"}")]
    [InlineData("{\"query\": \"{ __typename }\", \"variables\": [1, 2]}")]
    [InlineData("\u0000\u0001\u0002")]
    [InlineData("{\"query\": \"{ __typename }\"} trailing")]
    public async Task Invalid_json_is_a_400_naming_the_problem(string text)
    {
        var (status, body, raw) = await SendAsync("/graphql", Body(text));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.False(string.IsNullOrWhiteSpace(Messages(body)), raw);
    }

    [Fact]
    public async Task Invalid_json_for_a_document_is_a_400_naming_the_problem()
    {
        await NothingWrittenAsync(async () =>
        {
            var (status, body, _) = await SendAsync("/api/documents", Body("{\"text\": ", "application/json"), accept: null);
            Assert.Equal(HttpStatusCode.BadRequest, status);
            Assert.Contains("JSON", Messages(body), StringComparison.Ordinal);
        });
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/xml")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("multipart/form-data; boundary=x")]
    [InlineData("application/graphql")]
    [InlineData(null)]
    public async Task A_wrong_content_type_is_a_415_naming_it(string? contentType)
    {
        var (status, body, _) = await SendAsync("/graphql", Body("{\"query\":\"{ __typename }\"}", contentType));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, status);
        Assert.Contains(contentType?.Split(';')[0] ?? "none", Messages(body), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("application/xml")]
    [InlineData("image/png")]
    public async Task A_document_in_a_wrong_content_type_is_a_415_naming_it(string contentType)
    {
        await NothingWrittenAsync(async () =>
        {
            var (status, body, _) = await SendAsync("/api/documents", Body("<doc>Ilya left OpenAI</doc>", contentType), accept: null);
            Assert.Equal(HttpStatusCode.UnsupportedMediaType, status);
            Assert.Contains(contentType, Messages(body), StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Unicode_tricks_in_query_text_are_answered_without_a_fault()
    {
        string[] queries =
        [
            "{ person(name: \"Jerry\u202ETworek\") { id } }",
            "{ per\u200Bson(name: \"x\") { id } }",
            "{ person(name: \"a\0b\") { id } }",
            "\uFEFF{ __typename }",
            "{ \u0000 }",
        ];
        await NothingWrittenAsync(async () =>
        {
            foreach (var query in queries)
            {
                var (_, body, raw) = await SendAsync("/graphql", Body(GraphQLBody(query)));
                Assert.True(body?["data"] is not null || Messages(body).Length > 0, raw);
            }
        });
    }

    [Fact]
    public async Task Injection_strings_in_every_string_argument_change_nothing()
    {
        var schema = host.Services.GetRequiredService<KnowledgeGraphSchema>();
        schema.Initialize();
        var probes = 0;
        await NothingWrittenAsync(async () =>
        {
            foreach (var field in schema.Query.Fields)
            {
                var arguments = field.Arguments?.ToList() ?? [];
                if (arguments.Any(a => a.ResolvedType is NonNullGraphType && !IsText(a.ResolvedType)))
                {
                    continue;
                }

                foreach (var argument in arguments.Where(a => IsText(a.ResolvedType)))
                {
                    // Required text arguments other than the probed one get a harmless value.
                    var others = arguments.Where(a => a != argument && a.ResolvedType is NonNullGraphType).Select(a => $", {a.Name}: \"OpenAI\"");
                    var selection = Unwrap(field.ResolvedType!) is ScalarGraphType or EnumerationGraphType ? "" : " { __typename }";
                    var query = $"query($v: {TypeName(argument.ResolvedType!)}) {{ {field.Name}({argument.Name}: $v{string.Concat(others)}){selection} }}";
                    foreach (var value in HostileStrings)
                    {
                        var (status, body, raw) = await SendAsync("/graphql", Body(GraphQLBody(query, new { v = value })));
                        Assert.True(status is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"{field.Name}({argument.Name}: {value}): {status} {raw}");
                        Assert.True(body?["data"] is not null || Messages(body).Length > 0, raw);
                        probes++;
                    }
                }
            }
        });
        Assert.True(probes > 50, $"only {probes} probes");
    }

    [Fact]
    public async Task Injection_strings_in_a_document_upload_are_refused_or_queued_as_text_without_touching_the_graph()
    {
        await NothingWrittenAsync(async () =>
        {
            foreach (var value in HostileStrings.Where(v => v.Length > 0))
            {
                // A bad date is refused before anything is queued, whatever the other fields hold.
                var json = JsonSerializer.Serialize(new { text = value, title = value, url = value, date = value });
                var (status, body, _) = await SendAsync("/api/documents", Body(json), accept: null);
                Assert.Equal(HttpStatusCode.BadRequest, status);
                Assert.False(string.IsNullOrWhiteSpace(Messages(body)));
            }
        });
    }

    private static bool IsText(IGraphType? type) => (type is NonNullGraphType n ? n.ResolvedType : type) is StringGraphType or IdGraphType;

    private static IGraphType Unwrap(IGraphType type) => type switch
    {
        NonNullGraphType n => Unwrap(n.ResolvedType!),
        ListGraphType l => Unwrap(l.ResolvedType!),
        _ => type,
    };

    private static string TypeName(IGraphType type) => type switch
    {
        NonNullGraphType n => TypeName(n.ResolvedType!) + "!",
        ListGraphType l => "[" + TypeName(l.ResolvedType!) + "]",
        _ => type.Name,
    };

    /// <summary>A body whose length is unknown up front, so it is sent chunked.</summary>
    private sealed class NoLengthStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
