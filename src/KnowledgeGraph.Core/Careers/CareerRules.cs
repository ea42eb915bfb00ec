using KnowledgeGraph.Core.Dates;
using KnowledgeGraph.Core.Graph;

namespace KnowledgeGraph.Core.Careers;

/// <summary>The career questions, answered as pure functions over a person's tenures.</summary>
public static class CareerRules
{
    /// <summary>
    /// The open employment tenure with the latest start (ties: the most precise date). A tenure with an unknown
    /// start is current only when no dated tenure exists, so an old undated job does not outrank a known move.
    /// </summary>
    public static Tenure? CurrentAffiliation(IReadOnlyList<Tenure> tenures)
    {
        var open = tenures.Where(t => t.IsOpen && !t.IsStudy).ToList();
        var dated = open.Where(t => t.Start is not null).ToList();
        if (dated.Count > 0)
        {
            return dated
                .OrderByDescending(t => t.Start!.Value.FirstDay)
                .ThenByDescending(t => t.Start!.Value.Precision)
                .ThenBy(t => t.OrganizationId, StringComparer.Ordinal)
                .First();
        }

        return tenures.Any(t => !t.IsStudy && t.Start is not null) ? null : open.FirstOrDefault();
    }

    /// <summary>EMPLOYED (current organization, since its start), else DEPARTED (latest ended tenure), else UNKNOWN.</summary>
    public static CareerStatus Status(IReadOnlyList<Tenure> tenures)
    {
        if (CurrentAffiliation(tenures) is { } current)
        {
            return new CareerStatus(CareerStatusKind.Employed, current.OrganizationId, current.Start);
        }

        // An ended tenure with no end date (an undated LEFT) still makes the person DEPARTED, since an unknown date.
        var last = tenures
            .Where(t => !t.IsStudy && !t.IsOpen)
            .OrderByDescending(t => t.End?.LastDay ?? DateOnly.MinValue)
            .ThenByDescending(t => t.End?.Precision)
            .FirstOrDefault();
        return last is null ? CareerStatus.Unknown : new CareerStatus(CareerStatusKind.Departed, last.OrganizationId, last.End);
    }

    /// <summary>Tenures current now (asOf null: open tenures) or active as of a partial date.</summary>
    public static IEnumerable<Tenure> ActiveAsOf(IEnumerable<Tenure> tenures, PartialDate? asOf) =>
        asOf is { } date ? tenures.Where(t => t.IsActiveAsOf(date)) : tenures.Where(t => t.IsOpen && (t.Start is not null || t.Relation != Relation.Left));

    /// <summary>Whether a tenure is the person's current affiliation, for display beside each affiliation.</summary>
    public static bool IsCurrent(Tenure tenure, IReadOnlyList<Tenure> all) =>
        ReferenceEquals(CurrentAffiliation(all), tenure) || (tenure.IsOpen && tenure.IsStudy);

    /// <summary>
    /// Ended employment tenures at <paramref name="organizationId"/> within the period, each with the person's next
    /// affiliation. A departure with no known date is listed only when the period is unbounded.
    /// </summary>
    public static IEnumerable<Departure> Departures(IReadOnlyList<Tenure> tenures, string organizationId, Period period)
    {
        foreach (var tenure in tenures)
        {
            if (tenure.IsStudy || tenure.IsOpen || !string.Equals(tenure.OrganizationId, organizationId, StringComparison.Ordinal) || !period.Includes(tenure.End))
            {
                continue;
            }

            yield return new Departure(tenure.PersonId, organizationId, tenure.End, tenure, NextAffiliation(tenures, tenure));
        }
    }

    /// <summary>
    /// Where a person went after a tenure: the earliest-starting tenure elsewhere that starts on or after the
    /// departure; failing that, one that started in the six months before it and outlasted it (sources often
    /// date the new job before the old one's official end). Null when the graph does not say.
    /// </summary>
    public static Tenure? NextAffiliation(IReadOnlyList<Tenure> tenures, Tenure left)
    {
        var elsewhere = tenures
            .Where(t => !t.IsStudy && t.Start is not null && !string.Equals(t.OrganizationId, left.OrganizationId, StringComparison.Ordinal))
            .OrderBy(t => t.Start!.Value)
            .ToList();
        if (left.End is not { } end)
        {
            return left.Start is { } since ? elsewhere.FirstOrDefault(t => t.Start!.Value.FirstDay > since.LastDay) : null;
        }

        return elsewhere.FirstOrDefault(t => t.Start!.Value.LastDay >= end.FirstDay)
            ?? elsewhere.FirstOrDefault(t =>
                t.Start!.Value.FirstDay >= end.FirstDay.AddMonths(-6)
                && (left.Start is not { } began || t.Start!.Value.FirstDay > began.LastDay)
                && (t.End is not { } otherEnd || otherEnd.LastDay >= end.LastDay));
    }
}
