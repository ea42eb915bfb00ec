namespace KnowledgeGraph.Core.Graph;

/// <summary>Finds the disagreements inside an edge's provenance.</summary>
public static class Conflicts
{
    public static IEnumerable<Conflict> Of(GraphEdge edge) => Of(edge, []);

    /// <summary>The disagreements a person has not settled: fields in <paramref name="resolvedFields"/> are left out.</summary>
    public static IEnumerable<Conflict> Of(GraphEdge edge, IReadOnlyCollection<string> resolvedFields)
    {
        foreach (var (field, pick) in new (string, Func<SourceRef, Dates.PartialDate?>)[] { ("start", s => s.ClaimedStart), ("end", s => s.ClaimedEnd) })
        {
            if (resolvedFields.Contains(field))
            {
                continue;
            }

            var claimed = edge.Sources.Where(s => pick(s) is not null).ToList();
            var values = claimed.Select(s => pick(s)!.Value).ToList();
            if (!ClaimedDates.Settle(values).InConflict)
            {
                continue;
            }

            var grouped = claimed
                .GroupBy(s => pick(s)!.Value)
                .OrderBy(g => g.Key)
                .Select(g => new ConflictValue(g.Key.ToString(), g.ToList()))
                .ToList();
            yield return new Conflict($"{edge.Id}/{field}", edge, field, grouped);
        }
    }
}
