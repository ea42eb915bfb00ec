using KnowledgeGraph.Core.Dates;

namespace KnowledgeGraph.Ingestion.Documents;

/// <summary>A document as submitted: its text (front matter allowed) and what the caller says about it.</summary>
public sealed record DocumentInput(string Text)
{
    /// <summary>Where it came from, for error messages ("bios/ada.md", "POST /api/documents").</summary>
    public string Name { get; init; } = "document";

    public string? Title { get; init; }

    public string? Url { get; init; }

    public PartialDate? Date { get; init; }
}

/// <summary>What ingesting one document did.</summary>
public sealed record DocumentResult(string SourceId, bool Unchanged, int Claims, int SkippedClaims, Storage.WriteResult Write);

/// <summary>A document that cannot be ingested, with a message naming it and the problem.</summary>
public sealed class DocumentRejectedException : Exception
{
    public DocumentRejectedException()
    {
    }

    public DocumentRejectedException(string message)
        : base(message)
    {
    }

    public DocumentRejectedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
