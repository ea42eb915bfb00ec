namespace KnowledgeGraph.Core.Dates;

/// <summary>
/// A span between two partial dates, either side open (null start: unknown; null end: ongoing or unbounded).
/// Bounds are inclusive at their own precision: 2018-06..2020 covers 2018-06-01 to 2020-12-31.
/// </summary>
public readonly record struct DateRange(PartialDate? Start, PartialDate? End)
{
    /// <summary>True when the span includes every day of <paramref name="date"/> ("2019" is within 2018-06..2020).</summary>
    public bool Contains(PartialDate date) =>
        (Start is not { } s || s.FirstDay <= date.FirstDay) && (End is not { } e || date.LastDay <= e.LastDay);

    /// <summary>True when the span shares at least one day with <paramref name="date"/>.</summary>
    public bool Overlaps(PartialDate date) =>
        (Start is not { } s || s.FirstDay <= date.LastDay) && (End is not { } e || e.LastDay >= date.FirstDay);

    public override string ToString() => $"{Start?.ToString() ?? "?"}..{End?.ToString() ?? ""}";
}
