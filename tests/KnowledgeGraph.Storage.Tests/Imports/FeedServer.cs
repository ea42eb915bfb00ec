using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace KnowledgeGraph.Storage.Tests.Imports;

/// <summary>A local HTTP server on a free loopback port that serves feeds set by the test, and counts requests.</summary>
public sealed class FeedServer : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentDictionary<string, Feed> _feeds = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _requests = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private readonly int _port;

    public FeedServer()
    {
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            _port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
        }

        _listener.Prefixes.Add($"http://127.0.0.1:{_port}/");
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    public Uri Url(string path) => new($"http://127.0.0.1:{_port}/{path.TrimStart('/')}");

    /// <summary>Serves <paramref name="body"/> at <paramref name="path"/> from now on.</summary>
    public void Serve(string path, string? contentType, string body, int status = 200, TimeSpan delay = default) =>
        _feeds["/" + path.TrimStart('/')] = new Feed(contentType, Encoding.UTF8.GetBytes(body), status, delay);

    public int RequestsTo(string path) => _requests.GetValueOrDefault("/" + path.TrimStart('/'));

    private async Task LoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }

            _ = Task.Run(() => AnswerAsync(context));
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        var path = context.Request.Url!.AbsolutePath;
        _requests.AddOrUpdate(path, 1, (_, n) => n + 1);
        try
        {
            if (!_feeds.TryGetValue(path, out var feed))
            {
                context.Response.StatusCode = 404;
                context.Response.Close();
                return;
            }

            if (feed.Delay > TimeSpan.Zero)
            {
                await Task.Delay(feed.Delay, _stop.Token);
            }

            context.Response.StatusCode = feed.Status;
            if (feed.ContentType is not null)
            {
                context.Response.ContentType = feed.ContentType;
            }

            context.Response.ContentLength64 = feed.Body.Length;
            await context.Response.OutputStream.WriteAsync(feed.Body, _stop.Token);
            context.Response.Close();
        }
        catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or OperationCanceledException or IOException)
        {
            // the client went away (a timeout test) or the server is stopping
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        _listener.Close();
        try
        {
            await _loop;
        }
        catch (ObjectDisposedException)
        {
        }

        _stop.Dispose();
    }

    private sealed record Feed(string? ContentType, byte[] Body, int Status, TimeSpan Delay);
}
