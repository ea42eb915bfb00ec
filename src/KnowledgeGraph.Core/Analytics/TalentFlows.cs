using KnowledgeGraph.Core.Careers;

namespace KnowledgeGraph.Core.Analytics;

/// <summary>
/// Moves between organizations: a departure from A (a LEFT, or the end of a WORKED_AT) followed by the person's next
/// affiliation at B, as <see cref="CareerRules.NextAffiliation"/> finds it. A move belongs to a period when the
/// departure date lies wholly inside it ("2025" is in 2025..2025, not in 2025-01..2025-06); an undated departure
/// only when the period is unbounded. A departure with no known next affiliation is no flow.
/// </summary>
public static class TalentFlows
{
    /// <summary>
    /// Flows in the period, most people first. With <paramref name="organizations"/>, only flows that leave or reach
    /// one of them. A person who made the same move twice in the period is counted once.
    /// </summary>
    public static IReadOnlyList<TalentFlow> Between(IEnumerable<IReadOnlyList<Tenure>> careers, Period period, IReadOnlySet<string>? organizations = null)
    {
        var flows = new Dictionary<(string From, string To), SortedSet<string>>();
        foreach (var tenures in careers)
        {
            var left = tenures
                .Where(t => !t.IsStudy && !t.IsOpen)
                .Select(t => t.OrganizationId)
                .Distinct(StringComparer.Ordinal);
            foreach (var organizationId in left)
            {
                foreach (var departure in CareerRules.Departures(tenures, organizationId, period))
                {
                    if (departure.Next is not { } next
                        || (organizations is not null && !organizations.Contains(departure.OrganizationId) && !organizations.Contains(next.OrganizationId)))
                    {
                        continue;
                    }

                    var key = (departure.OrganizationId, next.OrganizationId);
                    if (!flows.TryGetValue(key, out var people))
                    {
                        flows[key] = people = new SortedSet<string>(StringComparer.Ordinal);
                    }

                    people.Add(departure.PersonId);
                }
            }
        }

        return flows
            .Select(f => new TalentFlow(f.Key.From, f.Key.To, [.. f.Value]))
            .OrderByDescending(f => f.Count)
            .ThenBy(f => f.FromOrganizationId, StringComparer.Ordinal)
            .ThenBy(f => f.ToOrganizationId, StringComparer.Ordinal)
            .ToList();
    }
}
