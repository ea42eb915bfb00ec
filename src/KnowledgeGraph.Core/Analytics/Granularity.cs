namespace KnowledgeGraph.Core.Analytics;

/// <summary>How finely dated events are counted over time: per calendar month, quarter or year.</summary>
public enum Granularity
{
    Month,
    Quarter,
    Year,
}
