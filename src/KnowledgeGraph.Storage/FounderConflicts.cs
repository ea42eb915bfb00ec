using KnowledgeGraph.Core.Graph;

namespace KnowledgeGraph.Storage;

/// <summary>
/// Finds every founder contradiction in a store ("founded X" against "joined X" years later, see
/// <see cref="FounderContradictions"/>), with the sources of both sides. A few reads whatever the graph's size:
/// the candidate pairs, the pairs' edges, the organizations' foundings, the sources of the edges involved.
/// </summary>
public static class FounderConflicts
{
    private static readonly Relation[] PairRelations = [Relation.Founded, Relation.Joined, Relation.Left, Relation.WorkedAt];

    /// <summary>The contradictions, ordered by conflict id.</summary>
    public static async Task<IReadOnlyList<Conflict>> FindAsync(IGraphStore store, IAnalyticsReader reader, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(reader);
        var pairs = await reader.GetFounderJoinPairsAsync(cancellationToken);
        if (pairs.Count == 0)
        {
            return [];
        }

        var careers = await store.GetEdgesFromAsync(pairs.Select(p => p.PersonId).Distinct().ToList(), PairRelations, cancellationToken);
        var foundings = await store.GetEdgesToAsync(pairs.Select(p => p.OrganizationId).Distinct().ToList(), [Relation.Founded], cancellationToken);
        // The sources of both sides (the edge reads above carry none): FOUNDED and JOINED edges of the pairs are few.
        var pairEdges = pairs.ToDictionary(p => p, p => careers.GetValueOrDefault(p.PersonId, []).Where(e => e.To == p.OrganizationId).ToList());
        var sides = pairEdges.Values.SelectMany(edges => edges).Where(e => e.Relation is Relation.Founded or Relation.Joined).Select(e => e.Id).Distinct().ToList();
        var refs = await store.GetSourceRefsAsync(sides, cancellationToken);
        return pairs
            .SelectMany(p => FounderContradictions.Of(
                pairEdges[p].Select(e => e with { Sources = refs.GetValueOrDefault(e.Id, e.Sources) }).ToList(),
                foundings.GetValueOrDefault(p.OrganizationId, [])))
            .OrderBy(c => c.Id, StringComparer.Ordinal)
            .ToList();
    }
}
