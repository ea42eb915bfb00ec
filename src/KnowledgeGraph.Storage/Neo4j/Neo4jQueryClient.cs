using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace KnowledgeGraph.Storage.Neo4j;

/// <summary>
/// A small client of Neo4j's HTTP Query API (5.19+, Aura): <c>POST /db/{db}/query/v2</c> with
/// <c>{"statement", "parameters"}</c> for one statement, and the explicit transaction endpoints
/// (<c>…/query/v2/tx</c>, <c>…/tx/{id}</c>, <c>…/tx/{id}/commit</c>, <c>DELETE …/tx/{id}</c>) for work that needs
/// several. Every value travels as a parameter. <c>errors[].code</c> is mapped to our exceptions whatever the HTTP
/// status; each unit of work runs inside <see cref="Neo4jResilience"/>.
/// </summary>
public sealed class Neo4jQueryClient
{
    /// <summary>The name of the HttpClient registered for Neo4j with IHttpClientFactory.</summary>
    public const string HttpClientName = "neo4j";

    /// <summary>The header a cluster (or Aura) gives when a transaction opens, to be sent back with each later request of it.</summary>
    public const string AffinityHeader = "neo4j-cluster-affinity";

    private static readonly MediaTypeWithQualityHeaderValue Json = new("application/json");
    private readonly HttpClient _http;
    private readonly Neo4jStoreOptions _options;
    private readonly ILogger _logger;
    private readonly ResiliencePipeline _pipeline;
    private readonly AuthenticationHeaderValue _auth;
    private readonly Uri _queryUri;

    public Neo4jQueryClient(HttpClient http, IOptions<Neo4jStoreOptions> options, ILogger<Neo4jQueryClient>? logger = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        var problems = _options.Validate();
        if (problems.Count > 0)
        {
            throw new OptionsValidationException(Neo4jStoreOptions.Section, typeof(Neo4jStoreOptions), problems);
        }

        _http = http;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _pipeline = Neo4jResilience.Build(_options, _logger, time ?? TimeProvider.System);
        _auth = string.IsNullOrEmpty(_options.Token)
            ? new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{_options.User}:{_options.Password}")))
            : new AuthenticationHeaderValue("Bearer", _options.Token);
        _queryUri = new Uri(_options.BaseAddress, $"db/{Uri.EscapeDataString(_options.Database)}/query/v2");
    }

    /// <summary>Where statements go: {Uri}/db/{Database}/query/v2.</summary>
    public Uri QueryUri => _queryUri;

    /// <summary>Runs one statement in its own (implicit) transaction.</summary>
    public Task<Neo4jResult> RunAsync(string statement, IReadOnlyDictionary<string, object?>? parameters, CancellationToken cancellationToken) =>
        ExecuteAsync(_options.RequestTimeout, ct => SendStatementAsync(HttpMethod.Post, _queryUri, statement, parameters, null, ct), cancellationToken);

    /// <summary>
    /// Runs <paramref name="work"/> in one explicit transaction and commits it; rolls back when the work throws. A
    /// transient failure retries the whole work in a new transaction, so the work must be safe to run again.
    /// </summary>
    public Task<T> InTransactionAsync<T>(Func<Neo4jTransaction, CancellationToken, Task<T>> work, CancellationToken cancellationToken) =>
        ExecuteAsync(_options.BatchTimeout, async ct =>
        {
            var transaction = new Neo4jTransaction(this);
            try
            {
                var result = await work(transaction, ct);
                await transaction.CommitAsync(ct);
                return result;
            }
            catch
            {
                await transaction.RollbackAsync();
                throw;
            }
        }, cancellationToken);

    internal Uri TransactionUri(string? id, string? action = null) =>
        new(_queryUri + "/tx" + (id is null ? string.Empty : "/" + Uri.EscapeDataString(id)) + (action is null ? string.Empty : "/" + action));

    private async Task<T> ExecuteAsync<T>(TimeSpan timeout, Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(Neo4jResilience.Timeout, timeout);
        try
        {
            return await _pipeline.ExecuteAsync(static async (ctx, w) => await w(ctx.CancellationToken), context, work);
        }
        catch (BrokenCircuitException ex)
        {
            throw new Neo4jUnavailableException($"Neo4j at {_options.Uri} is unavailable: recent calls kept failing, so calls fail fast until it is tried again{(ex.RetryAfter is { } after ? $" in {Math.Ceiling(after.TotalSeconds)} s" : string.Empty)}", ex)
            {
                RetryAfter = ex.RetryAfter,
            };
        }
        catch (TimeoutRejectedException ex)
        {
            throw new Neo4jUnavailableException($"Neo4j at {_options.Uri} did not answer within {timeout.TotalSeconds:0.###} s", ex);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    /// <summary>One HTTP request with a statement (or none); answers the parsed body and the affinity header, or throws the mapped error.</summary>
    internal async Task<Neo4jResult> SendStatementAsync(HttpMethod method, Uri uri, string? statement, IReadOnlyDictionary<string, object?>? parameters, string? affinity, CancellationToken ct, Action<JsonElement, HttpResponseMessage>? inspect = null)
    {
        using var request = new HttpRequestMessage(method, uri);
        request.Headers.Accept.Add(Json);
        request.Headers.Authorization = _auth;
        if (affinity is not null)
        {
            request.Headers.TryAddWithoutValidation(AffinityHeader, affinity);
        }

        if (statement is not null)
        {
            var body = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object?>
            {
                ["statement"] = statement,
                ["parameters"] = parameters ?? new Dictionary<string, object?>(),
            });
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        }

        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, ct);
        }
        catch (HttpRequestException ex)
        {
            // Connection refused, reset, DNS: the server may come back.
            throw new Neo4jTransientException($"could not reach Neo4j at {_options.Uri}: {ex.Message}", null, null, ex);
        }

        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(ct);
            JsonElement? root = null;
            if (text.Length > 0)
            {
                try
                {
                    using var document = JsonDocument.Parse(text);
                    root = document.RootElement.Clone();
                }
                catch (JsonException)
                {
                    root = null; // an HTML error page from a proxy, say; the status decides
                }
            }

            var status = (int)response.StatusCode;
            if (root is { ValueKind: JsonValueKind.Object } body && body.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array && errors.GetArrayLength() > 0)
            {
                throw MapError(errors[0], status);
            }

            if (!response.IsSuccessStatusCode)
            {
                throw MapStatus(response.StatusCode, text);
            }

            if (root is not { ValueKind: JsonValueKind.Object } answer)
            {
                if (statement is null)
                {
                    return Neo4jResult.Empty; // commit or rollback without a body
                }

                throw new Neo4jException($"Neo4j answered HTTP {status} without a JSON body", null, status);
            }

            inspect?.Invoke(answer, response);
            return Neo4jResult.Parse(answer);
        }
    }

    private static Neo4jException MapError(JsonElement error, int status)
    {
        var code = error.TryGetProperty("code", out var c) ? c.GetString() ?? string.Empty : string.Empty;
        var message = error.TryGetProperty("message", out var m) ? m.GetString() ?? string.Empty : string.Empty;
        var text = $"Neo4j: {code}: {message}";
        return code switch
        {
            _ when code.StartsWith("Neo.ClientError.Security.", StringComparison.Ordinal) => new Neo4jAuthenticationException(text, code, status),
            _ when code.StartsWith("Neo.ClientError.", StringComparison.Ordinal) => new Neo4jClientException(text, code, status),
            _ when code.StartsWith("Neo.TransientError.", StringComparison.Ordinal) => new Neo4jTransientException(text, code, status),
            _ when code.StartsWith("Neo.DatabaseError.", StringComparison.Ordinal) => new Neo4jDatabaseException(text, code, status),
            _ => new Neo4jException(text, code, status),
        };
    }

    private static Neo4jException MapStatus(HttpStatusCode status, string body)
    {
        var code = (int)status;
        var excerpt = body.Length > 200 ? body[..200] + "…" : body;
        return status switch
        {
            HttpStatusCode.Unauthorized => new Neo4jAuthenticationException("Neo4j refused the credentials (HTTP 401): check Store:Neo4j:User and Password or Token", null, code),
            HttpStatusCode.Forbidden => new Neo4jAuthenticationException("Neo4j forbids this to the configured user (HTTP 403)", null, code),
            HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout => new Neo4jTransientException($"Neo4j is unavailable (HTTP {code}) {excerpt}".TrimEnd(), null, code),
            _ when code is >= 400 and < 500 => new Neo4jClientException($"Neo4j refused the request (HTTP {code}) {excerpt}".TrimEnd(), null, code),
            _ => new Neo4jDatabaseException($"Neo4j failed (HTTP {code}) {excerpt}".TrimEnd(), null, code),
        };
    }
}
