using System.Text.Json;

namespace KnowledgeGraph.Ingestion.Imports;

/// <summary>What a file to import holds.</summary>
public enum ImportFormat
{
    /// <summary>One document: .md, .markdown or .txt, YAML front matter allowed.</summary>
    Document,

    /// <summary>Records JSONL (graph-schema/records.md): every line has "record".</summary>
    Records,

    /// <summary>Documents JSONL: one {"text", "title", "url", "date"} per line, no "record".</summary>
    DocumentLines,

    /// <summary>Affiliations CSV: person, organization, title, start, end, source.</summary>
    Affiliations,
}

/// <summary>
/// Tells the formats apart. A .jsonl file is records or documents by its first non-blank line: a JSON object with a
/// "text" field and no "record" field makes it documents; anything else reads as records (whose reader then names
/// what is wrong). Every later line must be of the same kind, or it is reported as a bad line.
/// </summary>
public static class ImportFormats
{
    /// <summary>Whether <c>kg import</c> and folder schedules read this file.</summary>
    public static bool IsImportable(string path) =>
        Path.GetExtension(path).ToLowerInvariant() is ".md" or ".markdown" or ".txt" or ".jsonl" or ".csv";

    /// <summary>The format of a file to import, by its extension and, for .jsonl, its first line.</summary>
    public static async Task<ImportFormat> DetectAsync(string path, CancellationToken cancellationToken) =>
        Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".csv" => ImportFormat.Affiliations,
            ".jsonl" => await DetectJsonlAsync(path, cancellationToken),
            _ => ImportFormat.Document,
        };

    /// <summary>Records or documents, by the first non-blank line of a JSONL file.</summary>
    public static async Task<ImportFormat> DetectJsonlAsync(string path, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(path);
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (!string.IsNullOrWhiteSpace(line))
            {
                return IsDocumentLine(line) ? ImportFormat.DocumentLines : ImportFormat.Records;
            }
        }

        return ImportFormat.Records;
    }

    /// <summary>A JSON object with "text" and without "record".</summary>
    public static bool IsDocumentLine(string line)
    {
        try
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            return root.ValueKind == JsonValueKind.Object && root.TryGetProperty("text", out _) && !root.TryGetProperty("record", out _);
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
