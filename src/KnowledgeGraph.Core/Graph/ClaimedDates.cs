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

    /// <summary>
    /// The dates an edge holds from every source's claim (start and end settled apart), with a person's choices
    /// (<see cref="ConflictResolution"/>) taking the place of what the sources say; a chosen field is not a conflict.
    /// </summary>
    public static SettledDates SettleEdge(IReadOnlyList<(PartialDate? Start, PartialDate? End)> claims, IReadOnlyCollection<ConflictResolution> resolutions)
    {
        var start = Settle(claims.Where(c => c.Start is not null).Select(c => c.Start!.Value).ToList());
        var end = Settle(claims.Where(c => c.End is not null).Select(c => c.End!.Value).ToList());
        foreach (var resolution in resolutions)
        {
            if (resolution.Field == ConflictResolution.StartField)
            {
                start = (resolution.Value, false);
            }
            else if (resolution.Field == ConflictResolution.EndField)
            {
                end = (resolution.Value, false);
            }
        }

        return new SettledDates(start.Value, end.Value, start.InConflict || end.InConflict);
    }
}

/// <summary>What an edge holds once its sources' claims (and any person's choice) are settled.</summary>
public sealed record SettledDates(PartialDate? Start, PartialDate? End, bool InConflict);
