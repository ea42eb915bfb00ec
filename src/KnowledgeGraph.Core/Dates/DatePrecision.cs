namespace KnowledgeGraph.Core.Dates;

/// <summary>How much of a calendar date a <see cref="PartialDate"/> states.</summary>
public enum DatePrecision
{
    Year = 1,
    Month = 2,
    Day = 3,
}
