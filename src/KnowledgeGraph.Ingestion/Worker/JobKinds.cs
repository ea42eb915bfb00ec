namespace KnowledgeGraph.Ingestion.Worker;

/// <summary>The kinds of job and their payloads (JSON).</summary>
public static class JobKinds
{
    /// <summary>One document: {"text", "title", "url", "date"}.</summary>
    public const string Document = "document";

    /// <summary>A path on the worker's machine (kg import only): a folder of .md/.txt/.jsonl files or one file.</summary>
    public const string Path = "path";
}

/// <summary>The payload of a document job.</summary>
public sealed record DocumentPayload(string Text, string? Title, string? Url, string? Date, string? Name);

/// <summary>The payload of a path job.</summary>
public sealed record PathPayload(string Path);
