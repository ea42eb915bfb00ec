using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using KnowledgeGraph.Storage.Neo4j;
using Microsoft.Extensions.Options;

namespace KnowledgeGraph.Storage.Tests.Neo4j;

/// <summary>A request the scripted server received.</summary>
public sealed record RecordedRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public string? Header(string name) => Headers.TryGetValue(name.ToLowerInvariant(), out var value) ? value : null;

    public JsonElement Json => JsonDocument.Parse(Body).RootElement;

    public string Statement => Json.GetProperty("statement").GetString()!;

    public JsonElement Parameters => Json.GetProperty("parameters");

    /// <summary>Every string value among the parameters, however deep.</summary>
    public IEnumerable<string> ParameterStrings => Strings(Parameters);

    private static IEnumerable<string> Strings(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => [element.GetString()!],
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Strings),
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Strings(p.Value)),
        _ => [],
    };
}

/// <summary>What the scripted server answers to one request.</summary>
public sealed record ScriptedResponse(int Status, string? Body = null)
{
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    public TimeSpan Delay { get; init; }
}

/// <summary>
/// A local HTTP server on a free loopback port that answers like Neo4j's Query API from a script: queued answers
/// first, then a fallback. It records every request so tests can check paths, headers and bodies.
/// </summary>
public sealed class ScriptedNeo4jServer : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentQueue<Func<RecordedRequest, ScriptedResponse>> _script = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public ScriptedNeo4jServer()
    {
        Port = FreePort();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    public int Port { get; }

    public string Uri => $"http://127.0.0.1:{Port}";

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    /// <summary>The answer when the script is used up: an empty successful result.</summary>
    public Func<RecordedRequest, ScriptedResponse> Fallback { get; set; } = _ => Answers.Data([]);

    public ScriptedNeo4jServer Then(ScriptedResponse response) => Then(_ => response);

    public ScriptedNeo4jServer Then(Func<RecordedRequest, ScriptedResponse> responder)
    {
        _script.Enqueue(responder);
        return this;
    }

    /// <summary>A client for this server with fast retries, so tests stay quick.</summary>
    public Neo4jQueryClient Client(Action<Neo4jStoreOptions>? configure = null)
    {
        var options = Options(configure);
        return new Neo4jQueryClient(new HttpClient { Timeout = Timeout.InfiniteTimeSpan }, Microsoft.Extensions.Options.Options.Create(options));
    }

    public Neo4jStoreOptions Options(Action<Neo4jStoreOptions>? configure = null)
    {
        var options = new Neo4jStoreOptions
        {
            Uri = Uri,
            User = "neo4j",
            Password = "s3cret-pa55",
            RetryBaseDelay = TimeSpan.FromMilliseconds(5),
            MaxRetryAttempts = 3,
            RequestTimeout = TimeSpan.FromSeconds(10),
            BatchTimeout = TimeSpan.FromSeconds(20),
        };
        configure?.Invoke(options);
        return options;
    }

    public static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        var port = ((IPEndPoint)socket.LocalEndpoint).Port;
        socket.Stop();
        return port;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _loop;
        }
        catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or OperationCanceledException)
        {
        }

        _listener.Close();
        _stop.Dispose();
    }

    private async Task LoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(() => AnswerAsync(context));
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        try
        {
            string body;
            using (var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8))
            {
                body = await reader.ReadToEndAsync();
            }

            var headers = context.Request.Headers.AllKeys.Where(k => k is not null)
                .ToDictionary(k => k!.ToLowerInvariant(), k => context.Request.Headers[k]!, StringComparer.Ordinal);
            var request = new RecordedRequest(context.Request.HttpMethod, context.Request.Url!.AbsolutePath, headers, body);
            Requests.Enqueue(request);
            var response = _script.TryDequeue(out var next) ? next(request) : Fallback(request);
            if (response.Delay > TimeSpan.Zero)
            {
                await Task.Delay(response.Delay, _stop.Token);
            }

            context.Response.StatusCode = response.Status;
            foreach (var (name, value) in response.Headers)
            {
                context.Response.Headers[name] = value;
            }

            if (response.Body is not null)
            {
                var bytes = Encoding.UTF8.GetBytes(response.Body);
                context.Response.ContentType = response.Body.StartsWith('{') ? "application/json" : "text/html";
                context.Response.ContentLength64 = bytes.Length;
                await context.Response.OutputStream.WriteAsync(bytes);
            }

            context.Response.Close();
        }
        catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or OperationCanceledException or IOException)
        {
            // The client went away (a timeout test) or the server is stopping.
        }
    }
}

/// <summary>Query API answers, shaped as its documentation gives them.</summary>
public static class Answers
{
    /// <summary>202 with data.fields / data.values (rows of values) and bookmarks.</summary>
    public static ScriptedResponse Data(string[] fields, params object?[][] rows) =>
        new(202, JsonSerializer.Serialize(new { data = new { fields, values = rows }, bookmarks = new[] { "FB:kcwQ" } }));

    /// <summary>An error answer: errors[] with code and message, at the status Neo4j 5.26 gives (400 for client errors).</summary>
    public static ScriptedResponse Error(string code, string message = "it failed", int status = 400) =>
        new(status, JsonSerializer.Serialize(new { errors = new[] { new { code, message } } }));

    /// <summary>202 opening (or continuing) a transaction, with the cluster affinity header.</summary>
    public static ScriptedResponse Transaction(string id, string? affinity = "MTAuOC41Ljc6MTc0NzQ=", string[]? fields = null, params object?[][] rows) =>
        new(202, JsonSerializer.Serialize(new
        {
            data = new { fields = fields ?? [], values = rows },
            bookmarks = Array.Empty<string>(),
            transaction = new { id, expires = "2026-02-01T10:00:30Z" },
        }))
        {
            Headers = affinity is null ? new Dictionary<string, string>() : new Dictionary<string, string> { [Neo4jQueryClient.AffinityHeader] = affinity },
        };

    /// <summary>An answer like a protocol-agnostic Query API endpoint: transactions get an id, everything else empty data.</summary>
    public static ScriptedResponse Generic(RecordedRequest request) =>
        request.Method == "POST" && request.Path.EndsWith("/query/v2/tx", StringComparison.Ordinal) ? Transaction("tx1")
        : request.Path.EndsWith("/commit", StringComparison.Ordinal) || request.Method == "DELETE" ? new ScriptedResponse(202, "{\"bookmarks\":[\"FB:1\"]}")
        : Data([]);
}
