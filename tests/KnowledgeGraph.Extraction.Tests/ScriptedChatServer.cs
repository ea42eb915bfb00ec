using System.Net;
using System.Net.Sockets;
using System.Text;

namespace KnowledgeGraph.Extraction.Tests;

/// <summary>
/// A local HTTP server on 127.0.0.1 and a free port that answers each request with the next scripted reply
/// (status, body, optional delay) and records what it was sent.
/// </summary>
internal sealed class ScriptedChatServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Queue<(int Status, string Body, TimeSpan Delay)> _replies = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public ScriptedChatServer(params (int Status, string Body, TimeSpan Delay)[] replies)
    {
        foreach (var reply in replies)
        {
            _replies.Enqueue(reply);
        }

        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public string Url => $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/v1";

    public List<(string Headers, string Body)> Requests { get; } = [];

    /// <summary>A chat completion whose message content is <paramref name="content"/>.</summary>
    public static string Completion(string content) =>
        System.Text.Json.JsonSerializer.Serialize(new { choices = new[] { new { message = new { role = "assistant", content } } } });

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _loop;
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // stopping
        }

        _stop.Dispose();
    }

    private async Task ServeAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            using var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            var stream = client.GetStream();
            var (headers, body) = await ReadRequestAsync(stream);
            (int Status, string Body, TimeSpan Delay) reply;
            lock (Requests)
            {
                Requests.Add((headers, body));
                reply = _replies.Count > 0 ? _replies.Dequeue() : (500, "no more scripted replies", TimeSpan.Zero);
            }

            try
            {
                await Task.Delay(reply.Delay, _stop.Token);
                var payload = Encoding.UTF8.GetBytes(reply.Body);
                var head = $"HTTP/1.1 {reply.Status} Scripted\r\nContent-Type: application/json\r\nContent-Length: {payload.Length}\r\nConnection: close\r\n\r\n";
                await stream.WriteAsync(Encoding.ASCII.GetBytes(head), _stop.Token);
                await stream.WriteAsync(payload, _stop.Token);
            }
            catch (IOException)
            {
                // the client gave up (timeout test)
            }
        }
    }

    private static async Task<(string Headers, string Body)> ReadRequestAsync(NetworkStream stream)
    {
        var buffer = new List<byte>();
        var one = new byte[1];
        while (!EndsWithBlankLine(buffer) && await stream.ReadAsync(one) == 1)
        {
            buffer.Add(one[0]);
        }

        var headers = Encoding.ASCII.GetString([.. buffer]);
        var length = headers.Split("\r\n")
            .Where(l => l.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
            .Select(l => int.Parse(l["Content-Length:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture))
            .FirstOrDefault();
        var body = new byte[length];
        var read = 0;
        while (read < length)
        {
            var n = await stream.ReadAsync(body.AsMemory(read));
            if (n == 0)
            {
                break;
            }

            read += n;
        }

        return (headers, Encoding.UTF8.GetString(body, 0, read));
    }

    private static bool EndsWithBlankLine(List<byte> b) =>
        b.Count >= 4 && b[^4] == '\r' && b[^3] == '\n' && b[^2] == '\r' && b[^1] == '\n';
}
