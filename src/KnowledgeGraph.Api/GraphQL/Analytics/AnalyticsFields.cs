using GraphQL.Types;

namespace KnowledgeGraph.Api.GraphQL.Analytics;

/// <summary>The aggregate queries dashboards use (talent flows, departure statistics, tenure, key people).</summary>
internal static class AnalyticsFields
{
    public static void Register(ObjectGraphType query)
    {
        ArgumentNullException.ThrowIfNull(query);
    }
}
