namespace KnowledgeGraph.Core.Analytics;

/// <summary>
/// Tenure lengths in whole months: how many were measured, their median and 90th percentile (linear interpolation
/// between the nearest ranks; null when none was measured), and how many were left out for want of precise dates.
/// </summary>
public sealed record TenureSummary(int Count, double? MedianMonths, double? P90Months, int LeftOut)
{
    public static TenureSummary Of(IReadOnlyCollection<int> months, int leftOut)
    {
        var sorted = months.Order().ToArray();
        return new TenureSummary(sorted.Length, Percentile(sorted, 0.5), Percentile(sorted, 0.9), leftOut);
    }

    /// <summary>The p-th percentile of sorted values: rank (n - 1)·p, interpolated between its two neighbours.</summary>
    public static double? Percentile(IReadOnlyList<int> sorted, double p)
    {
        if (sorted.Count == 0)
        {
            return null;
        }

        var rank = (sorted.Count - 1) * p;
        var below = (int)Math.Floor(rank);
        var above = Math.Min(sorted.Count - 1, below + 1);
        return sorted[below] + ((rank - below) * (sorted[above] - sorted[below]));
    }
}
