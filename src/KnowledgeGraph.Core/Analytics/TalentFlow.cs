namespace KnowledgeGraph.Core.Analytics;

/// <summary>The people who moved from one organization to another in a period.</summary>
public sealed record TalentFlow(string FromOrganizationId, string ToOrganizationId, IReadOnlyList<string> PersonIds)
{
    public int Count => PersonIds.Count;
}
