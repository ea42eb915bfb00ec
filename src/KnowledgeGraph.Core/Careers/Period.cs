using KnowledgeGraph.Core.Dates;

namespace KnowledgeGraph.Core.Careers;

/// <summary>
/// An inclusive period filter (<c>from</c>, <c>to</c>, either open). A date belongs to the period when all of it
/// lies inside: a departure in "2025" is in the period 2025..2025 but not in 2025-01..2025-06.
/// </summary>
public readonly record struct Period(PartialDate? From, PartialDate? To)
{
    public bool Includes(PartialDate? date) =>
        date is { } d
            ? (From is not { } f || d.FirstDay >= f.FirstDay) && (To is not { } t || d.LastDay <= t.LastDay)
            : From is null && To is null;
}
