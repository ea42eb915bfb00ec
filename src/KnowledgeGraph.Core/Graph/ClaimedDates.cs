using KnowledgeGraph.Core.Dates;

namespace KnowledgeGraph.Core.Graph;

/// <summary>
/// Settles the value an edge holds when its sources give dates: values that agree at different precision give
/// the most precise one ("2019" and "2019-03" give "2019-03"); values that differ inside one year give the part
/// they share ("2026-01-05", "2026-01-06" give "2026-01") and are a conflict; values in different years give the
/// best-supported value (most sources, then the first recorded) and are a conflict.
/// </summary>
public static class ClaimedDates
{
    public static (PartialDate? Value, bool InConflict) Settle(IReadOnlyList<PartialDate> claimed)
    {
        if (claimed.Count == 0)
        {
            return (null, false);
        }

        var distinct = claimed.Distinct().ToList();
        var agree = distinct.All(a => distinct.All(b => a.IsCompatibleWith(b)));
        if (agree)
        {
            return (distinct.OrderByDescending(d => d.Precision).First(), false);
        }

        PartialDate? shared = distinct[0];
        foreach (var value in distinct.Skip(1))
        {
            shared = shared is { } s ? PartialDate.SharedPart(s, value) : null;
        }

        if (shared is not null)
        {
            return (shared, true);
        }

        var best = claimed
            .Select((value, index) => (value, index))
            .GroupBy(p => p.value)
            .OrderByDescending(g => g.Count())
            .ThenBy(g => g.Min(p => p.index))
            .First().Key;
        return (best, true);
    }
}
