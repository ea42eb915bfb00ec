using KnowledgeGraph.Core.Careers;

namespace KnowledgeGraph.Core.Analytics;

/// <summary>
/// A set of departures split by where people went next; the destination shares and the unknown share add up to 1
/// (both are 0 when there are no departures).
/// </summary>
public sealed record DepartureBreakdown(IReadOnlyList<Departure> Departures, IReadOnlyList<DestinationShare> Destinations)
{
    public int Count => Departures.Count;

    /// <summary>Departures whose next affiliation the graph does not know.</summary>
    public int UnknownCount => Departures.Count(d => d.Next is null);

    public double UnknownShare => Count == 0 ? 0 : (double)UnknownCount / Count;

    public static DepartureBreakdown Of(IReadOnlyList<Departure> departures)
    {
        var destinations = departures
            .Where(d => d.Next is not null)
            .GroupBy(d => d.Next!.OrganizationId, StringComparer.Ordinal)
            .Select(g => new DestinationShare(g.Key, g.Select(d => d.PersonId).Order(StringComparer.Ordinal).ToList(), (double)g.Count() / departures.Count))
            .OrderByDescending(d => d.Count)
            .ThenBy(d => d.OrganizationId, StringComparer.Ordinal)
            .ToList();
        return new DepartureBreakdown(departures, destinations);
    }
}
