using System.Text;
using System.Text.Json;
using KnowledgeGraph.Core.Dates;
using KnowledgeGraph.Ingestion.Documents;
using KnowledgeGraph.Ingestion.Imports;
using KnowledgeGraph.Storage.Jobs;

namespace KnowledgeGraph.Ingestion.Worker;

/// <summary>
/// Runs one job: a document through the pipeline, a path (folder or file) file by file, or a feed downloaded and
/// imported as its format. A bad item is recorded with its reason and the rest goes on; the unit is the document,
/// or the whole file for a records, affiliations or documents JSONL file (see <see cref="FileImporter"/>).
/// </summary>
public sealed class JobProcessor(FileImporter files, FeedDownloader feeds)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Processes a job; <paramref name="progress"/> receives counts as files finish.</summary>
    public async Task<(JobCounts Counts, IReadOnlyList<JobFailure> Failures)> RunAsync(ImportJob job, IProgress<JobCounts>? progress, CancellationToken cancellationToken)
    {
        return job.Kind switch
        {
            JobKinds.Document => await RunDocumentAsync(Payload<DocumentPayload>(job), cancellationToken),
            JobKinds.Path => await RunPathAsync(Payload<PathPayload>(job), progress, cancellationToken),
            JobKinds.Feed => await RunFeedAsync(Payload<FeedPayload>(job), cancellationToken),
            JobKinds.Upload => await RunUploadAsync(Payload<UploadPayload>(job), cancellationToken),
            _ => throw new InvalidDataException($"job {job.Id}: unknown kind '{job.Kind}'"),
        };
    }

    private static T Payload<T>(ImportJob job) =>
        JsonSerializer.Deserialize<T>(job.Payload, Json) ?? throw new InvalidDataException($"job {job.Id}: empty payload");

    /// <summary>The files a path job will read, in the order it reads them.</summary>
    public static IReadOnlyList<string> FilesOf(string path)
    {
        if (File.Exists(path))
        {
            return [path];
        }

        if (!Directory.Exists(path))
        {
            throw new FileNotFoundException($"no file or folder at '{path}'");
        }

        return Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
            .Where(ImportFormats.IsImportable)
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    private async Task<(JobCounts, IReadOnlyList<JobFailure>)> RunDocumentAsync(DocumentPayload payload, CancellationToken cancellationToken)
    {
        var failures = new List<JobFailure>();
        var counts = await files.IngestOneAsync(ToInput(payload), failures, cancellationToken);
        return (counts, failures);
    }

    private async Task<(JobCounts, IReadOnlyList<JobFailure>)> RunPathAsync(PathPayload payload, IProgress<JobCounts>? progress, CancellationToken cancellationToken)
    {
        var failures = new List<JobFailure>();
        var total = JobCounts.Zero;
        foreach (var file in FilesOf(payload.Path))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var format = await ImportFormats.DetectAsync(file, cancellationToken);
            total = total.Add(await files.ImportAsync(file, file, format, failures, cancellationToken));
            progress?.Report(total);
        }

        return (total, failures);
    }

    private async Task<(JobCounts, IReadOnlyList<JobFailure>)> RunFeedAsync(FeedPayload payload, CancellationToken cancellationToken)
    {
        var url = new Uri(payload.Url, UriKind.Absolute);
        var failures = new List<JobFailure>();
        using var feed = await feeds.DownloadAsync(url, cancellationToken);
        var counts = await files.ImportAsync(feed.Path, url.ToString(), feed.Format, failures, cancellationToken);
        return (counts, failures);
    }

    private async Task<(JobCounts, IReadOnlyList<JobFailure>)> RunUploadAsync(UploadPayload payload, CancellationToken cancellationToken)
    {
        var format = Enum.Parse<ImportFormat>(payload.Format);
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"kg-upload-{Guid.NewGuid():N}.tmp");
        try
        {
            await File.WriteAllTextAsync(path, payload.Content, new UTF8Encoding(false), cancellationToken);
            var failures = new List<JobFailure>();
            var counts = await files.ImportAsync(path, payload.Name, format, failures, cancellationToken);
            return (counts, failures);
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>Reads a file as strict UTF-8: invalid bytes are an error naming the file, never replacement characters.</summary>
    public static async Task<string> ReadTextAsync(string file, CancellationToken cancellationToken)
    {
        var bytes = await File.ReadAllBytesAsync(file, cancellationToken);
        if (bytes.Length == 0)
        {
            throw new DocumentRejectedException($"{file}: the file is empty");
        }

        if (bytes.Length > DocumentIngestor.MaxChars * 2)
        {
            throw new DocumentRejectedException($"{file}: the file has {bytes.Length:N0} bytes; the limit is {DocumentIngestor.MaxChars * 2:N0}");
        }

        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException ex)
        {
            throw new DocumentRejectedException($"{file}: not valid UTF-8 text (byte {ex.Index})", ex);
        }
    }

    public static DocumentInput ToInput(DocumentPayload payload)
    {
        PartialDate? date = null;
        if (payload.Date is { Length: > 0 } text)
        {
            date = PartialDate.TryParse(text, out var parsed, out var error)
                ? parsed
                : throw new DocumentRejectedException($"{payload.Name ?? "document"}: date {error}");
        }

        var input = new DocumentInput(payload.Text ?? string.Empty) { Name = payload.Name ?? "document", Title = payload.Title, Url = payload.Url, Date = date };
        DocumentIngestor.Check(input);
        return input;
    }
}
