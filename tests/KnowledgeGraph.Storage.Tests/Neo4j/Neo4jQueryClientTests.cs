using System.Diagnostics;
using System.Text;
using System.Text.Json;
using KnowledgeGraph.Storage.Neo4j;

namespace KnowledgeGraph.Storage.Tests.Neo4j;

/// <summary>The Query API client against a scripted local server: request shape, response mapping, error classes, resilience.</summary>
[Trait("Category", "Store")]
public sealed class Neo4jQueryClientTests : IAsyncLifetime
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private readonly ScriptedNeo4jServer _server = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private static Dictionary<string, object?> P(params (string, object?)[] values) => values.ToDictionary(v => v.Item1, v => v.Item2);

    // ---- request shape -----------------------------------------------------------------------------------

    [Fact]
    public async Task A_statement_is_posted_to_the_query_endpoint_with_its_parameters_as_json()
    {
        _server.Then(Answers.Data(["n"], [1]));

        await _server.Client().RunAsync("MATCH (n:Node {id: $id}) RETURN n.name AS n", P(("id", "person:jerry"), ("first", 10), ("ids", new[] { "a", "b" }), ("kind", null)), Ct);

        var request = Assert.Single(_server.Requests);
        Assert.Equal(("POST", "/db/neo4j/query/v2"), (request.Method, request.Path));
        Assert.StartsWith("application/json", request.Header("content-type"), StringComparison.Ordinal);
        Assert.Equal("application/json", request.Header("accept"));
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("neo4j:s3cret-pa55")), request.Header("authorization"));
        Assert.Equal("MATCH (n:Node {id: $id}) RETURN n.name AS n", request.Statement);
        Assert.Equal("person:jerry", request.Parameters.GetProperty("id").GetString());
        Assert.Equal(10, request.Parameters.GetProperty("first").GetInt32());
        Assert.Equal(["a", "b"], request.Parameters.GetProperty("ids").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(JsonValueKind.Null, request.Parameters.GetProperty("kind").ValueKind);
        Assert.Null(request.Header(Neo4jQueryClient.AffinityHeader));
    }

    [Fact]
    public async Task A_statement_without_parameters_sends_an_empty_parameters_object()
    {
        await _server.Client().RunAsync("RETURN 1 AS ok", null, Ct);

        var request = Assert.Single(_server.Requests);
        Assert.Equal(JsonValueKind.Object, request.Parameters.ValueKind);
        Assert.Empty(request.Parameters.EnumerateObject());
    }

    [Fact]
    public async Task A_token_is_sent_as_bearer_and_the_database_name_goes_in_the_path()
    {
        var client = _server.Client(o =>
        {
            o.User = null;
            o.Password = null;
            o.Token = "eyJhbGciOi.token";
            o.Database = "graph.test-1";
        });

        await client.RunAsync("RETURN 1 AS ok", null, Ct);

        var request = Assert.Single(_server.Requests);
        Assert.Equal("/db/graph.test-1/query/v2", request.Path);
        Assert.Equal("Bearer eyJhbGciOi.token", request.Header("authorization"));
    }

    [Fact]
    public async Task A_base_uri_with_a_path_keeps_it()
    {
        var client = _server.Client(o => o.Uri = _server.Uri + "/neo4j-proxy/");

        await client.RunAsync("RETURN 1 AS ok", null, Ct);

        Assert.Equal("/neo4j-proxy/db/neo4j/query/v2", Assert.Single(_server.Requests).Path);
    }

    // ---- response mapping --------------------------------------------------------------------------------

    [Fact]
    public async Task Fields_and_values_map_to_records_with_typed_reads()
    {
        _server.Then(new ScriptedResponse(202, """
            {"data":{"fields":["name","year","confidence","current","aliases","venue","props"],
                     "values":[["Jerry Tworek",2019,0.75,true,["Jerry","J. Tworek"],null,{"a":1}],
                               ["Łukasz Kaiser",2021,1,false,[],"NeurIPS",{}]]},
             "bookmarks":["FB:kcwQ/wTfJf8rS1WY+GiIKXsCXgmQ"]}
            """));

        var result = await _server.Client().RunAsync("RETURN 1", null, Ct);

        Assert.Equal(["name", "year", "confidence", "current", "aliases", "venue", "props"], result.Fields);
        Assert.Equal(["FB:kcwQ/wTfJf8rS1WY+GiIKXsCXgmQ"], result.Bookmarks);
        Assert.Equal(2, result.Records.Count);
        var jerry = result.Records[0];
        Assert.Equal("Jerry Tworek", jerry.GetString("name"));
        Assert.Equal(2019, jerry.GetInt64("year"));
        Assert.Equal(0.75, jerry.GetDouble("confidence"));
        Assert.True(jerry.GetBoolean("current"));
        Assert.Equal(["Jerry", "J. Tworek"], jerry.GetStringList("aliases"));
        Assert.Null(jerry.GetStringOrNull("venue"));
        Assert.True(jerry.IsNull("venue"));
        Assert.Equal(JsonValueKind.Object, jerry["props"].ValueKind);
        var lukasz = result.Records[1];
        Assert.Equal("Łukasz Kaiser", lukasz.GetString("name"));
        Assert.Equal(1.0, lukasz.GetDouble("confidence"));
        Assert.Empty(lukasz.GetStringList("aliases"));
        Assert.Throws<KeyNotFoundException>(() => lukasz["nope"]);
    }

    [Fact]
    public async Task Typed_json_values_are_read_too()
    {
        _server.Then(new ScriptedResponse(202, """
            {"data":{"fields":["s","i","f","b","n","l"],
                     "values":[[{"$type":"String","_value":"x"},{"$type":"Integer","_value":"9007199254740993"},{"$type":"Float","_value":"0.5"},
                                {"$type":"Boolean","_value":true},{"$type":"Null","_value":null},{"$type":"List","_value":[{"$type":"String","_value":"a"}]}]]}}
            """));

        var record = Assert.Single((await _server.Client().RunAsync("RETURN 1", null, Ct)).Records);

        Assert.Equal("x", record.GetString("s"));
        Assert.Equal(9007199254740993L, record.GetInt64("i"));
        Assert.Equal(0.5, record.GetDouble("f"));
        Assert.True(record.GetBoolean("b"));
        Assert.True(record.IsNull("n"));
        Assert.Equal(["a"], record.GetStringList("l"));
    }

    [Fact]
    public async Task An_answer_without_rows_is_an_empty_result()
    {
        _server.Then(new ScriptedResponse(202, """{"data":{"fields":["id"],"values":[]},"bookmarks":[]}"""));

        var result = await _server.Client().RunAsync("MATCH (n) RETURN n.id AS id", null, Ct);

        Assert.Equal(["id"], result.Fields);
        Assert.Empty(result.Records);
    }

    [Fact]
    public async Task A_row_of_the_wrong_width_is_an_error()
    {
        _server.Then(new ScriptedResponse(202, """{"data":{"fields":["a","b"],"values":[[1]]}}"""));

        await Assert.ThrowsAsync<Neo4jException>(() => _server.Client().RunAsync("RETURN 1", null, Ct));
    }

    // ---- errors ------------------------------------------------------------------------------------------

    [Theory]
    [InlineData(400)]
    [InlineData(202)]
    [InlineData(200)]
    public async Task A_syntax_error_is_a_client_error_whatever_the_status_and_is_not_retried(int status)
    {
        _server.Then(Answers.Error("Neo.ClientError.Statement.SyntaxError", "Invalid input 'RETRUN'", status));

        var error = await Assert.ThrowsAsync<Neo4jClientException>(() => _server.Client().RunAsync("RETRUN 1", null, Ct));

        Assert.Equal("Neo.ClientError.Statement.SyntaxError", error.Code);
        Assert.Equal(status, error.HttpStatus);
        Assert.Contains("Invalid input 'RETRUN'", error.Message, StringComparison.Ordinal);
        Assert.Single(_server.Requests);
    }

    [Theory]
    [InlineData("Neo.ClientError.Schema.ConstraintValidationFailed", typeof(Neo4jClientException))]
    [InlineData("Neo.ClientError.Statement.ParameterMissing", typeof(Neo4jClientException))]
    [InlineData("Neo.ClientError.Database.DatabaseNotFound", typeof(Neo4jClientException))]
    [InlineData("Neo.ClientError.Security.Unauthorized", typeof(Neo4jAuthenticationException))]
    [InlineData("Neo.ClientError.Security.Forbidden", typeof(Neo4jAuthenticationException))]
    [InlineData("Neo.DatabaseError.General.UnknownError", typeof(Neo4jDatabaseException))]
    [InlineData("Neo.DatabaseError.Statement.ExecutionFailed", typeof(Neo4jDatabaseException))]
    public async Task Error_codes_map_to_exception_classes_and_are_not_retried(string code, Type expected)
    {
        _server.Then(Answers.Error(code, status: code.StartsWith("Neo.DatabaseError", StringComparison.Ordinal) ? 500 : 400));

        var error = await Assert.ThrowsAnyAsync<Neo4jException>(() => _server.Client().RunAsync("RETURN 1", null, Ct));

        Assert.IsType(expected, error);
        Assert.Equal(code, error.Code);
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task Only_the_first_of_several_errors_decides_and_each_keeps_its_message()
    {
        _server.Then(new ScriptedResponse(400, """{"errors":[{"code":"Neo.ClientError.Statement.TypeError","message":"expected a string"},{"code":"Neo.TransientError.General.DatabaseUnavailable","message":"later"}]}"""));

        var error = await Assert.ThrowsAsync<Neo4jClientException>(() => _server.Client().RunAsync("RETURN 1", null, Ct));

        Assert.Equal("Neo.ClientError.Statement.TypeError", error.Code);
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task A_401_without_a_body_is_an_authentication_error_that_does_not_leak_the_password()
    {
        _server.Then(new ScriptedResponse(401, """{"errors":[]}"""));

        var error = await Assert.ThrowsAsync<Neo4jAuthenticationException>(() => _server.Client().RunAsync("RETURN 1", null, Ct));

        Assert.Equal(401, error.HttpStatus);
        Assert.Contains("credentials", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret-pa55", error.ToString(), StringComparison.Ordinal);
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task A_500_without_errors_is_a_database_error_and_an_html_page_does_not_confuse_the_client()
    {
        _server.Then(new ScriptedResponse(500, "<html>Internal error</html>"));

        var error = await Assert.ThrowsAsync<Neo4jDatabaseException>(() => _server.Client().RunAsync("RETURN 1", null, Ct));

        Assert.Equal(500, error.HttpStatus);
        Assert.Single(_server.Requests);
    }

    // ---- retry -------------------------------------------------------------------------------------------

    [Theory]
    [InlineData("Neo.TransientError.Transaction.DeadlockDetected", 400)]
    [InlineData("Neo.TransientError.General.DatabaseUnavailable", 503)]
    [InlineData("Neo.TransientError.Transaction.LockClientStopped", 202)]
    public async Task A_transient_error_is_retried_until_it_passes(string code, int status)
    {
        _server.Then(Answers.Error(code, status: status)).Then(Answers.Error(code, status: status)).Then(Answers.Data(["ok"], [1]));

        var result = await _server.Client().RunAsync("RETURN 1 AS ok", null, Ct);

        Assert.Equal(1, result.Records.Single().GetInt64("ok"));
        Assert.Equal(3, _server.Requests.Count);
        Assert.All(_server.Requests, r => Assert.Equal("RETURN 1 AS ok", r.Statement));
    }

    [Theory]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    public async Task A_gateway_or_unavailable_status_is_retried(int status)
    {
        _server.Then(new ScriptedResponse(status, "<html>Bad gateway</html>")).Then(new ScriptedResponse(status)).Then(Answers.Data(["ok"], [1]));

        var result = await _server.Client().RunAsync("RETURN 1 AS ok", null, Ct);

        Assert.Single(result.Records);
        Assert.Equal(3, _server.Requests.Count);
    }

    [Fact]
    public async Task Retries_stop_after_the_configured_attempts_with_the_last_error()
    {
        _server.Fallback = _ => Answers.Error("Neo.TransientError.General.MemoryPoolOutOfMemoryError", status: 400);

        var error = await Assert.ThrowsAsync<Neo4jTransientException>(() => _server.Client(o => o.MaxRetryAttempts = 2).RunAsync("RETURN 1", null, Ct));

        Assert.Equal("Neo.TransientError.General.MemoryPoolOutOfMemoryError", error.Code);
        Assert.Equal(3, _server.Requests.Count);
    }

    [Fact]
    public async Task A_refused_connection_is_retried_then_reported_as_unreachable()
    {
        var port = ScriptedNeo4jServer.FreePort();
        var client = _server.Client(o =>
        {
            o.Uri = $"http://127.0.0.1:{port}";
            o.MaxRetryAttempts = 2;
        });

        var error = await Assert.ThrowsAsync<Neo4jTransientException>(() => client.RunAsync("RETURN 1", null, Ct));

        Assert.Contains($"could not reach Neo4j at http://127.0.0.1:{port}", error.Message, StringComparison.Ordinal);
        Assert.IsType<HttpRequestException>(error.InnerException);
    }

    [Fact]
    public async Task A_refused_connection_that_comes_back_succeeds()
    {
        // The first attempt goes to a closed port through a handler that then points at the live server.
        var attempts = 0;
        var handler = new RedirectingHandler(() => Interlocked.Increment(ref attempts) == 1 ? ScriptedNeo4jServer.FreePort() : _server.Port);
        var client = new Neo4jQueryClient(new HttpClient(handler), Microsoft.Extensions.Options.Options.Create(_server.Options()));
        _server.Then(Answers.Data(["ok"], [1]));

        var result = await client.RunAsync("RETURN 1 AS ok", null, Ct);

        Assert.Single(result.Records);
        Assert.Equal(2, attempts);
    }

    // ---- timeout and circuit breaker ---------------------------------------------------------------------

    [Fact]
    public async Task A_statement_that_takes_too_long_times_out_with_a_clear_error_and_is_not_retried()
    {
        _server.Fallback = _ => Answers.Data(["ok"], [1]) with { Delay = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<Neo4jUnavailableException>(() => _server.Client(o => o.RequestTimeout = TimeSpan.FromMilliseconds(300)).RunAsync("RETURN 1", null, Ct));

        Assert.Contains("did not answer within 0.3 s", error.Message, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(4), $"took {clock.Elapsed}");
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task A_caller_cancelling_is_a_cancellation_not_a_timeout()
    {
        _server.Fallback = _ => Answers.Data(["ok"], [1]) with { Delay = TimeSpan.FromSeconds(5) };
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _server.Client().RunAsync("RETURN 1", null, cancel.Token));
    }

    [Fact]
    public async Task After_repeated_failures_the_circuit_opens_and_calls_fail_fast_without_reaching_the_server()
    {
        _server.Fallback = _ => new ScriptedResponse(503, "<html>down</html>");
        var client = _server.Client(o =>
        {
            o.MaxRetryAttempts = 0;
            o.BreakerMinimumThroughput = 3;
            o.BreakerFailureRatio = 0.5;
            o.BreakerBreakDuration = TimeSpan.FromSeconds(30);
        });
        for (var i = 0; i < 3; i++)
        {
            await Assert.ThrowsAsync<Neo4jTransientException>(() => client.RunAsync("RETURN 1", null, Ct));
        }

        var clock = Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<Neo4jUnavailableException>(() => client.RunAsync("RETURN 1", null, Ct));

        Assert.Contains("is unavailable", error.Message, StringComparison.Ordinal);
        Assert.NotNull(error.RetryAfter);
        Assert.Equal(3, _server.Requests.Count);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task Client_errors_never_open_the_circuit()
    {
        _server.Fallback = _ => Answers.Error("Neo.ClientError.Statement.SyntaxError");
        var client = _server.Client(o =>
        {
            o.BreakerMinimumThroughput = 2;
            o.BreakerFailureRatio = 0.5;
        });

        for (var i = 0; i < 6; i++)
        {
            await Assert.ThrowsAsync<Neo4jClientException>(() => client.RunAsync("RETRUN", null, Ct));
        }

        Assert.Equal(6, _server.Requests.Count);
    }

    /// <summary>Sends each request to the loopback port the callback gives, whatever the request's own port.</summary>
    private sealed class RedirectingHandler(Func<int> port) : DelegatingHandler(new HttpClientHandler())
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.RequestUri = new UriBuilder(request.RequestUri!) { Port = port() }.Uri;
            return base.SendAsync(request, cancellationToken);
        }
    }
}
