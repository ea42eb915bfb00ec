using KnowledgeGraph.Core.Dates;
using KnowledgeGraph.Core.Graph;

namespace KnowledgeGraph.Core.Careers;

/// <summary>
/// One continuous stay of a person at an organization, built from WORKED_AT, JOINED, FOUNDED and LEFT edges
/// (or STUDIED_AT for study). <see cref="Start"/> null means the start is unknown; <see cref="End"/> null
/// means no end is known (ongoing).
/// </summary>
public sealed record Tenure(string PersonId, string OrganizationId, Relation Relation)
{
    public PartialDate? Start { get; init; }

    public PartialDate? End { get; init; }

    /// <summary>The latest title held in this tenure (a promotion changes it; it does not end the tenure).</summary>
    public string? Title { get; init; }

    /// <summary>The edges this tenure was built from, with their sources.</summary>
    public IReadOnlyList<GraphEdge> Edges { get; init; } = [];

    /// <summary>No end is known and no departure is recorded (an undated LEFT ends a tenure without an end date).</summary>
    public bool IsOpen => End is null && !Edges.Any(e => e.Relation == Relation.Left);

    public bool IsStudy => Relation == Relation.StudiedAt;

    /// <summary>The title held on a date: the latest titled WORKED_AT (or STUDIED_AT) begun by then, else the tenure's title.</summary>
    public string? TitleAsOf(PartialDate date) =>
        Edges
            .Where(e => e.Relation is Relation.WorkedAt or Relation.StudiedAt && e.Role is not null && e.Start is { } s && s.FirstDay <= date.LastDay)
            .OrderBy(e => e.Start!.Value)
            .LastOrDefault()?.Role
        ?? Title;

    /// <summary>
    /// As of a (partial) date D: the tenure counts when its start is known and not after the end of D, and
    /// it has no end or its end is not before the start of D. "2025" counts as of "2025-10";
    /// "2025-11" does not. An unknown start never counts: membership before a departure is not invented.
    /// </summary>
    public bool IsActiveAsOf(PartialDate date) =>
        Start is { } s && s.FirstDay <= date.LastDay && (End is not { } e || e.LastDay >= date.FirstDay);
}
