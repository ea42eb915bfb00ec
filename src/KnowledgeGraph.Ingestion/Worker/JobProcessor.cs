using System.Text;
using System.Text.Json;
using KnowledgeGraph.Core.Dates;
using KnowledgeGraph.Ingestion.Documents;
using KnowledgeGraph.Ingestion.Records;
using KnowledgeGraph.Storage;
using KnowledgeGraph.Storage.Jobs;

namespace KnowledgeGraph.Ingestion.Worker;

/// <summary>
/// Runs one job: a document through the pipeline, or a path (folder or file) item by item. A bad item is recorded
/// with its reason and the rest goes on; the unit is the document, or the whole file for a records file.
/// </summary>
public sealed class JobProcessor(DocumentIngestor documents, IGraphStore store, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Processes a job; <paramref name="progress"/> receives counts as items finish.</summary>
    public async Task<(JobCounts Counts, IReadOnlyList<JobFailure> Failures)> RunAsync(ImportJob job, IProgress<JobCounts>? progress, CancellationToken cancellationToken)
    {
        return job.Kind switch
        {
            JobKinds.Document => await RunDocumentAsync(JsonSerializer.Deserialize<DocumentPayload>(job.Payload, Json) ?? throw new InvalidDataException($"job {job.Id}: empty payload"), cancellationToken),
            JobKinds.Path => await RunPathAsync(JsonSerializer.Deserialize<PathPayload>(job.Payload, Json) ?? throw new InvalidDataException($"job {job.Id}: empty payload"), progress, cancellationToken),
            _ => throw new InvalidDataException($"job {job.Id}: unknown kind '{job.Kind}'"),
        };
    }

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
            .Where(f => System.IO.Path.GetExtension(f).ToLowerInvariant() is ".md" or ".txt" or ".jsonl" or ".markdown")
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    private async Task<(JobCounts, IReadOnlyList<JobFailure>)> RunDocumentAsync(DocumentPayload payload, CancellationToken cancellationToken)
    {
        var failures = new List<JobFailure>();
        var counts = await IngestOneAsync(ToInput(payload), failures, cancellationToken);
        return (counts, failures);
    }

    private async Task<(JobCounts, IReadOnlyList<JobFailure>)> RunPathAsync(PathPayload payload, IProgress<JobCounts>? progress, CancellationToken cancellationToken)
    {
        var failures = new List<JobFailure>();
        var total = JobCounts.Zero;
        foreach (var file in FilesOf(payload.Path))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (file.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase))
            {
                total = total.Add(await ImportRecordsAsync(file, failures, cancellationToken));
            }
            else
            {
                string text;
                try
                {
                    text = await ReadTextAsync(file, cancellationToken);
                }
                catch (DocumentRejectedException ex)
                {
                    failures.Add(new JobFailure(file, ex.Message));
                    total = total.Add(JobCounts.Zero with { Documents = 1, Failures = 1 });
                    continue;
                }

                total = total.Add(await IngestOneAsync(new DocumentInput(text) { Name = file }, failures, cancellationToken));
            }

            progress?.Report(total);
        }

        return (total, failures);
    }

    private async Task<JobCounts> IngestOneAsync(DocumentInput input, List<JobFailure> failures, CancellationToken cancellationToken)
    {
        try
        {
            var result = await documents.IngestAsync(input, cancellationToken);
            return new JobCounts(1, result.Claims, result.Write.NewNodes, result.Write.NewEdges, result.Write.Conflicts, 0);
        }
        catch (DocumentRejectedException ex)
        {
            failures.Add(new JobFailure(input.Name, ex.Message));
        }
        catch (GraphValidationException ex)
        {
            failures.Add(new JobFailure(input.Name, $"{input.Name}: {ex.Message}"));
        }

        return JobCounts.Zero with { Documents = 1, Failures = 1 };
    }

    private async Task<JobCounts> ImportRecordsAsync(string file, List<JobFailure> failures, CancellationToken cancellationToken)
    {
        try
        {
            var result = await new RecordsImporter(store, clock).ImportFileAsync(file, cancellationToken);
            return new JobCounts(0, 0, result.NewNodes, result.NewEdges, result.Conflicts, 0);
        }
        catch (RecordsRejectedException ex)
        {
            failures.Add(new JobFailure(file, string.Join("; ", ex.Problems.Take(20).Select(p => p.ToString()))));
            return JobCounts.Zero with { Failures = 1 };
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
