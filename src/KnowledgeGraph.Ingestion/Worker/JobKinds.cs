namespace KnowledgeGraph.Ingestion.Worker;

/// <summary>The kinds of job and their payloads (JSON).</summary>
public static class JobKinds
{
    /// <summary>One document: {"text", "title", "url", "date"}.</summary>
    public const string Document = "document";

    /// <summary>A path on the worker's machine (kg import and folder schedules): a folder of importable files or one file.</summary>
    public const string Path = "path";

    /// <summary>An http(s) feed of JSONL or CSV, downloaded when the job runs (feed schedules).</summary>
    public const string Feed = "feed";

    /// <summary>An uploaded records, documents JSONL or affiliations CSV file, its content in the payload (POST /api/imports).</summary>
    public const string Upload = "upload";
}

/// <summary>The payload of a document job.</summary>
public sealed record DocumentPayload(string Text, string? Title, string? Url, string? Date, string? Name);

/// <summary>The payload of a path job.</summary>
public sealed record PathPayload(string Path);

/// <summary>The payload of a feed job: the url and the schedule that asked for it.</summary>
public sealed record FeedPayload(string Url, string? Schedule);

/// <summary>The payload of an upload job: the format (an ImportFormat name), the name problems cite, and the content.</summary>
public sealed record UploadPayload(string Format, string Name, string Content);
