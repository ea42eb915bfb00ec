using KnowledgeGraph.Core.Careers;
using KnowledgeGraph.Core.Dates;
using KnowledgeGraph.Core.Graph;

namespace KnowledgeGraph.Core.Analytics;

/// <summary>
/// The people of an organization ranked by what they built: distinct works (models and papers they WORKED_ON, LED or
/// AUTHORED), then models led, then models; ties by id. People who built nothing are not listed.
/// </summary>
public static class KeyPeople
{
    /// <summary>
    /// Which tenures at the organization select a person. <paramref name="left"/> true: tenures that ended within the
    /// period (the departure date wholly inside it, as for departures; an undated one only when the period is
    /// unbounded). False: tenures still open. Null: any tenure. For false and null a period keeps tenures that overlap it
    /// (started, with a known start, by the end of the period and not ended before it began), like the as-of rule.
    /// </summary>
    public static bool Selects(Tenure tenure, bool? left, Period period)
    {
        if (left == true)
        {
            return !tenure.IsOpen && period.Includes(tenure.End);
        }

        if (left == false && !tenure.IsOpen)
        {
            return false;
        }

        return (period.From is null && period.To is null)
            || (tenure.Start is { } start
                && (period.To is not { } to || start.FirstDay <= to.LastDay)
                && (period.From is not { } from || tenure.End is not { } end || end.LastDay >= from.FirstDay));
    }

    /// <summary>
    /// Ranks the people whose careers (all their edges) have a selected employment tenure at <paramref name="organizationId"/>.
    /// <paramref name="kindOf"/> says whether a contribution's target is a model or a paper (a LED team is no work).
    /// </summary>
    public static IReadOnlyList<KeyPerson> Rank(string organizationId, IEnumerable<IReadOnlyList<GraphEdge>> careers, bool? left, Period period, Func<string, NodeKind?> kindOf)
    {
        ArgumentNullException.ThrowIfNull(kindOf);
        var ranked = new List<KeyPerson>();
        foreach (var edges in careers)
        {
            var tenures = TenureBuilder.Build(edges);
            var selected = tenures
                .Where(t => !t.IsStudy && string.Equals(t.OrganizationId, organizationId, StringComparison.Ordinal) && Selects(t, left, period))
                .LastOrDefault();
            if (selected is null)
            {
                continue;
            }

            var works = edges.Where(e => e.Relation.IsContribution()).Select(e => (Edge: e, Kind: kindOf(e.To))).ToList();
            var models = works.Where(w => w.Kind == NodeKind.Model).Select(w => w.Edge.To).ToHashSet(StringComparer.Ordinal);
            var led = works.Where(w => w.Kind == NodeKind.Model && w.Edge.Relation == Relation.Led).Select(w => w.Edge.To).ToHashSet(StringComparer.Ordinal);
            var papers = works.Where(w => w.Kind == NodeKind.Paper).Select(w => w.Edge.To).ToHashSet(StringComparer.Ordinal);
            if (models.Count + papers.Count > 0)
            {
                ranked.Add(new KeyPerson(selected.PersonId, selected, CareerRules.IsCurrent(selected, tenures), CareerRules.Status(tenures), models.Count, led.Count, papers.Count));
            }
        }

        return ranked
            .OrderByDescending(p => p.Works)
            .ThenByDescending(p => p.ModelsLed)
            .ThenByDescending(p => p.Models)
            .ThenBy(p => p.PersonId, StringComparer.Ordinal)
            .ToList();
    }
}
