using KnowledgeGraph.Core.Dates;

namespace KnowledgeGraph.Core.Graph;

/// <summary>A document facts come from: an article, a page, a record file.</summary>
public sealed record Source(string Id, string? Title, string? Url, PartialDate? PublishedOn, DateTimeOffset IngestedAt)
{
    public string? ContentHash { get; init; }

    /// <summary>When its claims were withdrawn (retractSource); a retracted source keeps its record but supports nothing.</summary>
    public DateTimeOffset? RetractedAt { get; init; }
}
