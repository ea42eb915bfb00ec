using System.Net.Http.Headers;
using Microsoft.Extensions.Options;

namespace KnowledgeGraph.Ingestion.Imports;

/// <summary>
/// Downloads an http(s) feed (JSONL or CSV) to a temporary file, within the time and size limits of
/// <see cref="ImportsOptions"/>, and tells its format: by the content type (text/csv; application/x-ndjson,
/// application/jsonl, application/json), else by the url's extension, else by the first character ('{' for JSONL).
/// </summary>
public sealed class FeedDownloader(HttpClient http, IOptions<ImportsOptions> options)
{
    /// <summary>The downloaded file (deleted when disposed) and its format.</summary>
    public async Task<DownloadedFeed> DownloadAsync(Uri url, CancellationToken cancellationToken)
    {
        var limits = options.Value;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(limits.FeedTimeoutSeconds));
        var path = Path.Combine(Path.GetTempPath(), $"kg-feed-{Guid.NewGuid():N}.download");
        try
        {
            using var response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            if (!response.IsSuccessStatusCode)
            {
                throw new FeedException($"{url}: the server answered {(int)response.StatusCode} {response.ReasonPhrase}");
            }

            if (response.Content.Headers.ContentLength > limits.MaxFeedBytes)
            {
                throw new FeedException($"{url}: the feed has {response.Content.Headers.ContentLength:N0} bytes; the limit is {limits.MaxFeedBytes:N0} (Imports:MaxFeedBytes)");
            }

            await using (var body = await response.Content.ReadAsStreamAsync(timeout.Token))
            await using (var file = File.Create(path))
            {
                await CopyWithinLimitAsync(body, file, url, limits.MaxFeedBytes, timeout.Token);
            }

            var format = FormatOf(response.Content.Headers.ContentType, url) ?? await SniffAsync(path, cancellationToken);
            if (format == ImportFormat.DocumentLines)
            {
                format = await ImportFormats.DetectJsonlAsync(path, cancellationToken);
            }

            return new DownloadedFeed(path, format);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            File.Delete(path);
            throw new FeedException($"{url}: no complete answer within {limits.FeedTimeoutSeconds} s (Imports:FeedTimeoutSeconds)");
        }
        catch (HttpRequestException ex)
        {
            File.Delete(path);
            throw new FeedException($"{url}: {ex.Message}", ex);
        }
        catch
        {
            File.Delete(path);
            throw;
        }
    }

    private static async Task CopyWithinLimitAsync(Stream body, Stream file, Uri url, long limit, CancellationToken cancellationToken)
    {
        var buffer = new byte[81920];
        long total = 0;
        int read;
        while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
        {
            total += read;
            if (total > limit)
            {
                throw new FeedException($"{url}: the feed is larger than the limit of {limit:N0} bytes (Imports:MaxFeedBytes)");
            }

            await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }
    }

    /// <summary>CSV or JSONL (records or documents, decided later from the first line); null when neither header nor url tells.</summary>
    private static ImportFormat? FormatOf(MediaTypeHeaderValue? contentType, Uri url)
    {
        var media = contentType?.MediaType?.ToLowerInvariant();
        if (media is "text/csv" || url.AbsolutePath.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
        {
            return ImportFormat.Affiliations;
        }

        return media is "application/x-ndjson" or "application/jsonl" or "application/jsonlines" or "application/json" || url.AbsolutePath.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase)
            ? ImportFormat.DocumentLines
            : null;
    }

    private static async Task<ImportFormat> SniffAsync(string path, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(path);
        var buffer = new char[1];
        while (await reader.ReadAsync(buffer.AsMemory(), cancellationToken) == 1)
        {
            if (!char.IsWhiteSpace(buffer[0]))
            {
                return buffer[0] == '{' ? ImportFormat.DocumentLines : ImportFormat.Affiliations;
            }
        }

        return ImportFormat.Records;
    }
}

/// <summary>A downloaded feed in a temporary file, deleted on dispose.</summary>
public sealed record DownloadedFeed(string Path, ImportFormat Format) : IDisposable
{
    public void Dispose() => File.Delete(Path);
}

/// <summary>A feed that could not be fetched, with a message naming its url and the reason.</summary>
public sealed class FeedException : Exception
{
    public FeedException()
    {
    }

    public FeedException(string message)
        : base(message)
    {
    }

    public FeedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
