using KnowledgeGraph.Core.Dates;

namespace KnowledgeGraph.Core.Graph;

/// <summary>
/// A dated fact between two nodes with its provenance. Events (JOINED, LEFT, FOUNDED) use <see cref="Start"/> alone.
/// <see cref="Role"/> is the title (WORKED_AT, LED), the degree (STUDIED_AT) or the part played (WORKED_ON).
/// </summary>
public sealed record GraphEdge(string Id, Relation Relation, string From, string To)
{
    public PartialDate? Start { get; init; }

    public PartialDate? End { get; init; }

    public string? Role { get; init; }

    public double Confidence { get; init; } = 0.9;

    public IReadOnlyList<SourceRef> Sources { get; init; } = [];

    public DateTimeOffset RecordedAt { get; init; }

    public DateRange Range => new(Start, Relation.IsEvent() ? Start : End);
}
