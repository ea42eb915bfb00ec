using System.Globalization;
using KnowledgeGraph.Core.Dates;

namespace KnowledgeGraph.Core.Analytics;

/// <summary>
/// One calendar month, quarter or year (<see cref="Index"/>: the month 1..12, the quarter 1..4, or 1 for a year).
/// A date is placed in a bucket only when its precision says which one: "2025-03" is in 2025-Q1, while "2025" is in
/// the year 2025 and in no month or quarter.
/// </summary>
public readonly record struct TimeBucket(Granularity Granularity, int Year, int Index) : IComparable<TimeBucket>
{
    /// <summary>The first month (or the year) the bucket covers.</summary>
    public PartialDate Start => Granularity switch
    {
        Granularity.Year => PartialDate.OfYear(Year),
        Granularity.Quarter => PartialDate.OfMonth(Year, ((Index - 1) * 3) + 1),
        _ => PartialDate.OfMonth(Year, Index),
    };

    /// <summary>The last month (or the year) the bucket covers.</summary>
    public PartialDate End => Granularity switch
    {
        Granularity.Year => PartialDate.OfYear(Year),
        Granularity.Quarter => PartialDate.OfMonth(Year, Index * 3),
        _ => PartialDate.OfMonth(Year, Index),
    };

    /// <summary>"2025", "2025-Q1" or "2025-03".</summary>
    public string Label => Granularity switch
    {
        Granularity.Year => Year.ToString("D4", CultureInfo.InvariantCulture),
        Granularity.Quarter => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-Q{Index}"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Index:D2}"),
    };

    private int PerYear => Granularity switch
    {
        Granularity.Year => 1,
        Granularity.Quarter => 4,
        _ => 12,
    };

    private int Ordinal => (Year * PerYear) + Index - 1;

    /// <summary>The bucket holding all of <paramref name="date"/>; null when the date is too coarse ("2025" by month).</summary>
    public static TimeBucket? Of(PartialDate date, Granularity granularity) => (granularity, date.Month) switch
    {
        (Granularity.Year, _) => new TimeBucket(granularity, date.Year, 1),
        (_, null) => null,
        (Granularity.Quarter, { } month) => new TimeBucket(granularity, date.Year, ((month - 1) / 3) + 1),
        (_, { } month) => new TimeBucket(granularity, date.Year, month),
    };

    /// <summary>The bucket holding a calendar day (a bound of a period, never too coarse).</summary>
    public static TimeBucket Containing(DateOnly day, Granularity granularity) => Of(PartialDate.From(day), granularity)!.Value;

    /// <summary>How many buckets run from <paramref name="first"/> to <paramref name="last"/>, both included.</summary>
    public static int Count(TimeBucket first, TimeBucket last) => Math.Max(0, last.Ordinal - first.Ordinal + 1);

    /// <summary>Every bucket from <paramref name="first"/> to <paramref name="last"/>, both included.</summary>
    public static IEnumerable<TimeBucket> Range(TimeBucket first, TimeBucket last)
    {
        for (var bucket = first; bucket.CompareTo(last) <= 0; bucket = bucket.Next())
        {
            yield return bucket;
        }
    }

    public TimeBucket Next() => Index < PerYear ? this with { Index = Index + 1 } : this with { Year = Year + 1, Index = 1 };

    public int CompareTo(TimeBucket other) => Ordinal.CompareTo(other.Ordinal);

    public override string ToString() => Label;
}
