using System.Runtime.CompilerServices;
using System.Text.Json;
using KnowledgeGraph.Ingestion.Documents;
using KnowledgeGraph.Ingestion.Records;

namespace KnowledgeGraph.Ingestion.Imports;

/// <summary>
/// Reads a documents JSONL file: one JSON object per line with "text" (required), "title", "url" and "date"
/// ("publishedOn" is accepted instead of "date"). A file is checked whole before any document of it is ingested,
/// so a bad line (naming file, line and field) keeps the whole file out; each line is read strictly as UTF-8.
/// </summary>
public static class DocumentLinesReader
{
    private static readonly HashSet<string> Fields = ["text", "title", "url", "date", "publishedOn"];

    /// <summary>Checks every line; returns the number of documents or throws <see cref="RecordsRejectedException"/> with every problem.</summary>
    public static async Task<int> CheckAsync(string path, string name, CancellationToken cancellationToken)
    {
        var problems = new List<RecordProblem>();
        var count = 0;
        await foreach (var _ in ParseAsync(path, name, problems, cancellationToken))
        {
            count++;
        }

        return problems.Count > 0 ? throw new RecordsRejectedException(problems) : count;
    }

    /// <summary>The documents of a file <see cref="CheckAsync"/> accepted, one at a time (the file is not held in memory).</summary>
    public static async IAsyncEnumerable<DocumentInput> ReadAsync(string path, string name, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var problems = new List<RecordProblem>();
        await foreach (var input in ParseAsync(path, name, problems, cancellationToken))
        {
            yield return input;
        }

        if (problems.Count > 0)
        {
            throw new RecordsRejectedException(problems);
        }
    }

    private static async IAsyncEnumerable<DocumentInput> ParseAsync(string path, string name, List<RecordProblem> problems, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(path);
        await foreach (var line in Utf8LineReader.ReadAsync(stream, cancellationToken))
        {
            if (line.Text is null)
            {
                problems.Add(new RecordProblem(name, line.Number, "(line)", "not valid UTF-8 text"));
            }
            else if (!string.IsNullOrWhiteSpace(line.Text) && Parse(line.Text, new RecordsReader.LineContext(name, line.Number, problems)) is { } input)
            {
                yield return input;
            }
        }
    }

    private static DocumentInput? Parse(string line, RecordsReader.LineContext context)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line);
        }
        catch (JsonException ex)
        {
            context.Problem("(line)", $"not valid JSON: {ex.Message.Split(" Path:")[0]}");
            return null;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                context.Problem("(line)", "must be a JSON object {\"text\", \"title\", \"url\", \"date\"}");
                return null;
            }

            if (root.TryGetProperty("record", out _))
            {
                context.Problem("record", "this file holds documents (its first line has \"text\"); a records line does not belong in it");
                return null;
            }

            context.UnknownFields(root, Fields);
            var text = context.String(root, "text", required: true);
            if (text is not null && text.Length > DocumentIngestor.MaxChars)
            {
                context.Problem("text", $"the document has {text.Length:N0} characters; the limit is {DocumentIngestor.MaxChars:N0}");
            }
            else if (text is not null && text.Contains('\0', StringComparison.Ordinal))
            {
                context.Problem("text", "holds NUL characters: not text");
            }

            var url = context.String(root, "url");
            if (url is not null && !(Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
            {
                context.Problem("url", $"must be an http(s) address, got '{url}'");
            }

            if (root.TryGetProperty("date", out _) && root.TryGetProperty("publishedOn", out _))
            {
                context.Problem("publishedOn", "give \"date\" or \"publishedOn\", not both");
            }

            var date = context.Date(root, "date") ?? context.Date(root, "publishedOn");
            var title = context.String(root, "title");
            return context.Clean
                ? new DocumentInput(text!) { Name = $"{context.File}:{context.Line}", Title = title, Url = url, Date = date }
                : null;
        }
    }
}
