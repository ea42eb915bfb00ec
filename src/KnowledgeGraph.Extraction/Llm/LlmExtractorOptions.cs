namespace KnowledgeGraph.Extraction.Llm;

/// <summary>Extraction:Llm settings: an OpenAI-compatible endpoint. Off unless <see cref="Url"/> is set.</summary>
public sealed class LlmExtractorOptions
{
    public const string Section = "Extraction:Llm";

    /// <summary>Base URL of the API, e.g. "http://localhost:11434/v1"; "/chat/completions" is added.</summary>
    public string? Url { get; set; }

    public string Model { get; set; } = string.Empty;

    /// <summary>Sent as a bearer token; never logged or put in an error message.</summary>
    public string? ApiKey { get; set; }

    public int TimeoutSeconds { get; set; } = 60;

    /// <summary>Attempts per document when the endpoint answers 429 or 5xx.</summary>
    public int MaxAttempts { get; set; } = 3;

    /// <summary>Wait before a retry, doubled each time (a Retry-After header wins, capped at 30 s).</summary>
    public int RetryDelayMilliseconds { get; set; } = 500;
}
