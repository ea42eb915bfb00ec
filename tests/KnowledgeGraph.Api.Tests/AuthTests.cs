using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeGraph.Api.Tests;

/// <summary>Write keys, read keys, the loopback rule with no key configured, CORS and rate limiting, against real hosts.</summary>
[Trait("Category", "Api")]
public sealed class AuthTests(AuthTests.Hosts hosts) : IClassFixture<AuthTests.Hosts>
{
    private const string WriteKey = "kg_test-write-key";
    private const string ReadKey = "kg_test-read-key";
    private const string RemoteHeader = "X-Test-Remote-Address";
    private const string Mutation = """{"query":"mutation { ingestDocument(text: \"\") { id } }"}""";
    private const string Read = """{"query":"{ person(id: \"person:jerry-tworek\") { name } }"}""";

    private static async Task<(HttpStatusCode Status, JsonNode? Body, HttpResponseMessage Response)> SendAsync(
        ApiHost host, string path, string body, string contentType = "application/json", Action<HttpRequestHeaders>? headers = null)
    {
        using var client = host.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        headers?.Invoke(request.Headers);
        var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.NotEqual(HttpStatusCode.InternalServerError, response.StatusCode);
        return (response.StatusCode, JsonNode.Parse(text), response);
    }

    private static string Message(JsonNode? body) => body?["errors"]?[0]?["message"]?.GetValue<string>() ?? body?["error"]?.GetValue<string>() ?? "";

    private static Action<HttpRequestHeaders> Bearer(string key) => h => h.Authorization = new AuthenticationHeaderValue("Bearer", key);

    private static Action<HttpRequestHeaders> ApiKey(string key) => h => h.Add("X-Api-Key", key);

    private static Action<HttpRequestHeaders> FromRemote => h => h.Add(RemoteHeader, "203.0.113.7");

    [Fact]
    public async Task A_mutation_without_a_key_is_a_401_naming_the_headers()
    {
        var (status, body, _) = await SendAsync(hosts.Keyed, "/graphql", Mutation);
        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Contains("X-Api-Key", Message(body), StringComparison.Ordinal);
        Assert.Null(body?["data"]);
    }

    [Fact]
    public async Task A_mutation_with_an_unknown_key_is_a_401()
    {
        var (status, body, _) = await SendAsync(hosts.Keyed, "/graphql", Mutation, headers: Bearer("kg_guess"));
        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Contains("not recognized", Message(body), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_mutation_with_a_read_key_is_a_403_naming_the_scope()
    {
        var (status, body, _) = await SendAsync(hosts.Keyed, "/graphql", Mutation, headers: ApiKey(ReadKey));
        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Contains("'write'", Message(body), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_mutation_with_the_write_key_runs_either_header()
    {
        foreach (var headers in new[] { Bearer(WriteKey), ApiKey(WriteKey) })
        {
            // An empty document: past the gate, refused by the mutation itself, so nothing is queued.
            var (status, body, _) = await SendAsync(hosts.Keyed, "/graphql", Mutation, headers: headers);
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Contains("the document is empty", Message(body), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Reads_need_a_key_when_configured_so_and_a_read_key_serves()
    {
        var (status, body, _) = await SendAsync(hosts.Keyed, "/graphql", Read);
        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Contains("'read'", Message(body), StringComparison.Ordinal);

        (status, body, _) = await SendAsync(hosts.Keyed, "/graphql", Read, headers: ApiKey(ReadKey));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Jerry Tworek", body?["data"]?["person"]?["name"]?.GetValue<string>());

        (status, _, _) = await SendAsync(hosts.Keyed, "/graphql", Read, headers: Bearer(WriteKey));
        Assert.Equal(HttpStatusCode.OK, status);
    }

    [Fact]
    public async Task Posting_a_document_needs_the_write_key()
    {
        var (status, body, _) = await SendAsync(hosts.Keyed, "/api/documents", "Ilya left.", "text/plain");
        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.False(string.IsNullOrEmpty(body?["error"]?.GetValue<string>()));

        (status, body, _) = await SendAsync(hosts.Keyed, "/api/documents", "Ilya left.", "text/plain", ApiKey(ReadKey));
        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Contains("scope 'read'", body?["error"]?.GetValue<string>(), StringComparison.Ordinal);

        (status, body, _) = await SendAsync(hosts.Keyed, "/api/documents", "   ", "text/plain", Bearer(WriteKey));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("empty", body?["error"]?.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_no_key_configured_writes_come_from_loopback_only()
    {
        var (status, body, _) = await SendAsync(hosts.Open, "/graphql", Mutation, headers: FromRemote);
        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Contains("loopback", Message(body), StringComparison.Ordinal);

        (status, body, _) = await SendAsync(hosts.Open, "/api/documents", "Ilya left.", "text/plain", FromRemote);
        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Contains("loopback", body?["error"]?.GetValue<string>(), StringComparison.Ordinal);

        (status, _, _) = await SendAsync(hosts.Open, "/graphql", Read, headers: FromRemote);
        Assert.Equal(HttpStatusCode.OK, status);

        (status, body, _) = await SendAsync(hosts.Open, "/graphql", Mutation);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("the document is empty", Message(body), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Configured_cors_origins_are_allowed_and_others_are_not()
    {
        using var client = hosts.Open.CreateClient();
        foreach (var (origin, allowed) in new[] { ("https://dash.example", true), ("https://evil.example", false) })
        {
            using var request = new HttpRequestMessage(HttpMethod.Options, "/graphql");
            request.Headers.Add("Origin", origin);
            request.Headers.Add("Access-Control-Request-Method", "POST");
            request.Headers.Add("Access-Control-Request-Headers", "content-type,x-api-key");
            using var response = await client.SendAsync(request);
            Assert.Equal(allowed, response.Headers.TryGetValues("Access-Control-Allow-Origin", out var values) && values.Contains(origin));
        }
    }

    [Fact]
    public async Task Over_the_rate_limit_is_a_429_with_retry_after()
    {
        HttpStatusCode status = default;
        JsonNode? body = null;
        HttpResponseMessage? response = null;
        for (var i = 0; i < 4; i++)
        {
            response?.Dispose();
            (status, body, response) = await SendAsync(hosts.Limited, "/graphql", Read);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, status);
        Assert.NotNull(response!.Headers.RetryAfter);
        Assert.Contains("RateLimit:PermitsPerMinute", Message(body), StringComparison.Ordinal);

        // Another key is another partition.
        (status, _, var other) = await SendAsync(hosts.Limited, "/graphql", Read, headers: ApiKey("kg_someone-else"));
        Assert.NotEqual(HttpStatusCode.TooManyRequests, status);
        other.Dispose();
        response.Dispose();
    }

    [Fact]
    public async Task A_misconfigured_key_stops_the_start_naming_the_entry()
    {
        await using var host = new ApiHost
        {
            Settings = new Dictionary<string, string?> { ["Auth:Keys:0:Scope"] = "write", ["Auth:Keys:0:Sha256"] = "not-a-hash" },
        };
        var error = Assert.ThrowsAny<Exception>(() => host.CreateClient());
        Assert.Contains("Auth:Keys:0:Sha256 must be 64 hex digits", error.ToString(), StringComparison.Ordinal);
    }

    private static string Sha256(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>A host with a write and a read key and reads needing a key; one with no key (and CORS); one rate limited.</summary>
    public sealed class Hosts : IAsyncLifetime
    {
        public ApiHost Keyed { get; } = new()
        {
            Settings = new Dictionary<string, string?>
            {
                ["Auth:RequireReadKey"] = "true",
                ["Auth:Keys:0:Name"] = "importer",
                ["Auth:Keys:0:Scope"] = "write",
                ["Auth:Keys:0:Sha256"] = Sha256(WriteKey),
                ["Auth:Keys:1:Name"] = "dashboard",
                ["Auth:Keys:1:Scope"] = "read",
                ["Auth:Keys:1:Sha256"] = Sha256(ReadKey).ToUpperInvariant(),
            },
        };

        public ApiHost Open { get; } = new()
        {
            Settings = new Dictionary<string, string?> { ["Cors:Origins:0"] = "https://dash.example" },
            ConfigureTestServices = services => services.AddSingleton<IStartupFilter, RemoteAddressFromHeader>(),
        };

        public ApiHost Limited { get; } = new() { Settings = new Dictionary<string, string?> { ["RateLimit:PermitsPerMinute"] = "3" } };

        public Task InitializeAsync() => Task.WhenAll(Keyed.InitializeAsync(), Open.InitializeAsync(), Limited.InitializeAsync());

        public async Task DisposeAsync()
        {
            await Keyed.DisposeAsync();
            await Open.DisposeAsync();
            await Limited.DisposeAsync();
        }
    }

    /// <summary>Lets a test pretend to call from another machine: the test server has no remote address of its own.</summary>
    private sealed class RemoteAddressFromHeader : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (context, following) =>
            {
                if (context.Request.Headers[RemoteHeader].ToString() is { Length: > 0 } address)
                {
                    context.Connection.RemoteIpAddress = IPAddress.Parse(address);
                }

                await following(context);
            });
            next(app);
        };
    }
}
