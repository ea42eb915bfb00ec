using KnowledgeGraph.Core.Dates;
using KnowledgeGraph.Core.Graph;

namespace KnowledgeGraph.Storage.Export;

/// <summary>
/// An edge read back as the statements that make it again: one per group of its sources that claimed the same dates
/// with the same confidence. Merging them into a store that lacks the edge rebuilds it with the same provenance;
/// merging them into one that has it changes nothing.
/// </summary>
public static class EdgeClaims
{
    // Ids a store tried for one edge before it found a free one (EdgeIdentity.NewId's attempt).
    private const int Attempts = 4;

    /// <summary>
    /// The statements for <paramref name="edge"/>, none when it has no provenance (it could not be written again).
    /// The first is the one that created the edge (found by rebuilding its id from the role and the claimed start), so
    /// the rebuilt edge gets the same id: provenance recorded in one batch shares one time, which says nothing about
    /// which claim came first. When the edge was created without the role a later source added, that first statement
    /// has no role either.
    /// </summary>
    public static IReadOnlyList<EdgeInput> Of(GraphEdge edge)
    {
        ArgumentNullException.ThrowIfNull(edge);
        var groups = edge.Sources
            .GroupBy(s => (s.ClaimedStart, s.ClaimedEnd, s.Confidence))
            .Select(group => new EdgeInput(edge.Relation, edge.From, edge.To, [.. group])
            {
                Start = group.Key.ClaimedStart,
                End = group.Key.ClaimedEnd,
                Role = edge.Role,
                Confidence = group.Key.Confidence,
            })
            .ToList();
        var creator = groups.FindIndex(g => Creates(edge, edge.Role, g.Start));
        if (creator < 0 && edge.Role is not null && groups.FindIndex(g => Creates(edge, null, g.Start)) is var roleless and >= 0)
        {
            creator = roleless;
            groups[creator] = groups[creator] with { Role = null };
        }

        if (creator > 0)
        {
            var first = groups[creator];
            groups.RemoveAt(creator);
            groups.Insert(0, first);
        }

        return groups;
    }

    private static bool Creates(GraphEdge edge, string? role, PartialDate? start)
    {
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            if (string.Equals(EdgeIdentity.NewId(edge.Relation, edge.From, edge.To, role, start, attempt), edge.Id, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
