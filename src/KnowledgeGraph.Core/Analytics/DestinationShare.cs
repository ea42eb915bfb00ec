namespace KnowledgeGraph.Core.Analytics;

/// <summary>The departures whose next affiliation was one organization, and their share of all departures counted.</summary>
public sealed record DestinationShare(string OrganizationId, IReadOnlyList<string> PersonIds, double Share)
{
    public int Count => PersonIds.Count;
}
