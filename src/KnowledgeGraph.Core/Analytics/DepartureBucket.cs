namespace KnowledgeGraph.Core.Analytics;

/// <summary>The departures placed in one month, quarter or year.</summary>
public sealed record DepartureBucket(TimeBucket Period, DepartureBreakdown Departures);
