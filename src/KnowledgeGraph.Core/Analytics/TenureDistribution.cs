using KnowledgeGraph.Core.Careers;
using KnowledgeGraph.Core.Dates;

namespace KnowledgeGraph.Core.Analytics;

/// <summary>
/// How long people stay at an organization, for completed tenures (ended) and ongoing ones (measured up to a date).
/// A length is counted in whole calendar months from the start month to the end month ("2019-07-15".."2021-03" is 20),
/// so a tenure is measured only when its start, and for a completed one its end, is known to the month at least;
/// year-only, unknown or inverted dates put it in <see cref="TenureSummary.LeftOut"/>.
/// </summary>
public sealed record TenureDistribution(TenureSummary Completed, TenureSummary Ongoing)
{
    /// <summary>The employment tenures at <paramref name="organizationId"/>; ongoing ones are measured up to the month of <paramref name="asOf"/>.</summary>
    public static TenureDistribution At(string organizationId, IEnumerable<Tenure> tenures, DateOnly asOf)
    {
        var now = PartialDate.OfMonth(asOf.Year, asOf.Month);
        List<int> completed = [], ongoing = [];
        int completedLeftOut = 0, ongoingLeftOut = 0;
        foreach (var tenure in tenures.Where(t => !t.IsStudy && string.Equals(t.OrganizationId, organizationId, StringComparison.Ordinal)))
        {
            var open = tenure.IsOpen;
            var months = Months(tenure.Start, open ? now : tenure.End);
            if (months is { } m)
            {
                (open ? ongoing : completed).Add(m);
            }
            else if (open)
            {
                ongoingLeftOut++;
            }
            else
            {
                completedLeftOut++;
            }
        }

        return new TenureDistribution(TenureSummary.Of(completed, completedLeftOut), TenureSummary.Of(ongoing, ongoingLeftOut));
    }

    /// <summary>Whole months from the start month to the end month; null unless both are known to the month and in order.</summary>
    public static int? Months(PartialDate? start, PartialDate? end)
    {
        if (start is not { Month: { } startMonth } s || end is not { Month: { } endMonth } e)
        {
            return null;
        }

        var months = ((e.Year * 12) + endMonth) - ((s.Year * 12) + startMonth);
        return months >= 0 ? months : null;
    }
}
