using KnowledgeGraph.Core.Careers;

namespace KnowledgeGraph.Core.Analytics;

/// <summary>
/// Departures from an organization counted per month, quarter or year, each bucket split by destination.
/// A departure goes in a bucket only when its date is precise enough to say which one: "2025-03-14" and "2025-03"
/// are in March and in Q1, "2025" is in the year 2025 but in no month or quarter, so by month or quarter it is
/// counted in <see cref="TooCoarse"/> (and still in <see cref="Overall"/>). An undated departure (only counted when
/// the period is unbounded) is in <see cref="Undated"/>.
/// </summary>
public sealed record DepartureStatistics(Granularity Granularity, IReadOnlyList<DepartureBucket> Buckets, DepartureBreakdown Overall)
{
    /// <summary>Dated departures too coarse for the granularity ("2025" by month or quarter).</summary>
    public int TooCoarse => Overall.Departures.Count(d => d.On is { } on && TimeBucket.Of(on, Granularity) is null);

    /// <summary>Departures with no known date.</summary>
    public int Undated => Overall.Departures.Count(d => d.On is null);

    /// <summary>
    /// Buckets from the one holding the first day of the period to the one holding its last day, empty ones included;
    /// an open bound is taken from the earliest (or latest) departure placed. <paramref name="departures"/> are those of
    /// the period (<see cref="CareerRules.Departures"/>).
    /// </summary>
    public static DepartureStatistics Of(IEnumerable<Departure> departures, Period period, Granularity granularity)
    {
        var all = departures
            .OrderBy(d => d.On?.FirstDay ?? DateOnly.MaxValue)
            .ThenBy(d => d.PersonId, StringComparer.Ordinal)
            .ToList();
        var placed = all
            .Select(d => (Departure: d, Bucket: d.On is { } on ? TimeBucket.Of(on, granularity) : null))
            .Where(p => p.Bucket is not null)
            .ToLookup(p => p.Bucket!.Value, p => p.Departure);

        var buckets = new List<DepartureBucket>();
        var first = period.From is { } from ? TimeBucket.Containing(from.FirstDay, granularity) : placed.Select(g => g.Key).DefaultIfEmpty().Min();
        var last = period.To is { } to ? TimeBucket.Containing(to.LastDay, granularity) : placed.Select(g => g.Key).DefaultIfEmpty().Max();
        if (placed.Count > 0 || (period.From is not null && period.To is not null))
        {
            foreach (var bucket in TimeBucket.Range(first, last))
            {
                buckets.Add(new DepartureBucket(bucket, DepartureBreakdown.Of([.. placed[bucket]])));
            }
        }

        return new DepartureStatistics(granularity, buckets, DepartureBreakdown.Of(all));
    }
}
