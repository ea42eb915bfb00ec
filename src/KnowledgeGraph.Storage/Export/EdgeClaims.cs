using KnowledgeGraph.Core.Graph;

namespace KnowledgeGraph.Storage.Export;

/// <summary>
/// An edge read back as the statements that make it again: one per group of its sources that claimed the same dates
/// with the same confidence, in the order they were first recorded. Merging them into a store that lacks the edge
/// rebuilds it with the same provenance; merging them into one that has it changes nothing.
/// </summary>
public static class EdgeClaims
{
    /// <summary>The statements for <paramref name="edge"/>; none when it has no provenance (it could not be written again).</summary>
    public static IReadOnlyList<EdgeInput> Of(GraphEdge edge)
    {
        ArgumentNullException.ThrowIfNull(edge);
        return edge.Sources
            .GroupBy(s => (s.ClaimedStart, s.ClaimedEnd, s.Confidence))
            .Select(group => new EdgeInput(edge.Relation, edge.From, edge.To, [.. group])
            {
                Start = group.Key.ClaimedStart,
                End = group.Key.ClaimedEnd,
                Role = edge.Role,
                Confidence = group.Key.Confidence,
            })
            .ToList();
    }
}
