using KnowledgeGraph.Core.Dates;

namespace KnowledgeGraph.Core.Graph;

/// <summary>
/// One source's support for an edge: the quote and its offsets in the source text when extracted, a note
/// in our words for curated records, and the values this source gave (so disagreements stay visible).
/// </summary>
public sealed record SourceRef(string SourceId)
{
    public string? Quote { get; init; }

    public int? QuoteStart { get; init; }

    public int? QuoteEnd { get; init; }

    public string? Note { get; init; }

    public PartialDate? ClaimedStart { get; init; }

    public PartialDate? ClaimedEnd { get; init; }

    public double Confidence { get; init; } = 0.9;
}
