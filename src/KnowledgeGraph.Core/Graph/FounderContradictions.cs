using KnowledgeGraph.Core.Dates;

namespace KnowledgeGraph.Core.Graph;

/// <summary>
/// A claim that a person founded an organization against a claim that the same person joined it after it was founded
/// ("a founder of OpenAI" against "joined OpenAI in 2019"): both cannot be true unless the person left in between,
/// so the pair is reported as a conflict with both sides and their sources, and neither edge is changed.
/// </summary>
public static class FounderContradictions
{
    /// <summary>The conflict's field; its id is the JOINED edge's id followed by "/founder".</summary>
    public const string Field = "founder";

    /// <summary>
    /// The contradictions between one person and one organization. <paramref name="pairEdges"/> are the person's
    /// edges to the organization (FOUNDED, JOINED, LEFT, WORKED_AT), with their sources; <paramref name="foundings"/>
    /// are the organization's FOUNDED edges from anyone, which date the founding when the person's own claim has no date.
    /// A JOINED is a contradiction only when its date lies wholly after every known founding date and nothing says the
    /// person left before it (a LEFT or an ended WORKED_AT not after the join, or an undated LEFT, means a possible return).
    /// </summary>
    public static IEnumerable<Conflict> Of(IReadOnlyList<GraphEdge> pairEdges, IReadOnlyList<GraphEdge> foundings)
    {
        ArgumentNullException.ThrowIfNull(pairEdges);
        ArgumentNullException.ThrowIfNull(foundings);
        var founded = pairEdges.Where(e => e.Relation == Relation.Founded).OrderBy(e => e.Id, StringComparer.Ordinal).ToList();
        if (founded.Count == 0)
        {
            yield break;
        }

        var own = founded.Where(e => e.Start is not null).Select(e => e.Start!.Value).ToList();
        var dates = own.Count > 0 ? own : foundings.Where(e => e.Start is not null).Select(e => e.Start!.Value).ToList();
        if (dates.Count == 0)
        {
            yield break;
        }

        foreach (var joined in pairEdges.Where(e => e.Relation == Relation.Joined && e.Start is not null).OrderBy(e => e.Id, StringComparer.Ordinal))
        {
            var join = joined.Start!.Value;
            if (!dates.All(join.IsAfter) || LeftBefore(pairEdges, join))
            {
                continue;
            }

            var values = founded
                .Select(f => new ConflictValue(f.Start is { } d ? $"FOUNDED {d}" : "FOUNDED", f.Sources))
                .Append(new ConflictValue($"JOINED {join}", joined.Sources))
                .ToList();
            yield return new Conflict($"{joined.Id}/{Field}", joined, Field, values);
        }
    }

    private static bool LeftBefore(IReadOnlyList<GraphEdge> pairEdges, PartialDate join) =>
        pairEdges.Any(e => e.Relation switch
        {
            Relation.Left => e.Start is not { } left || !left.IsAfter(join),
            Relation.WorkedAt => e.End is { } end && !end.IsAfter(join),
            _ => false,
        });
}
