namespace KnowledgeGraph.Extraction.Dates;

/// <summary>How a date expression bounds what it dates.</summary>
internal enum DateShape
{
    /// <summary>"in 2019", "on January 6, 2026".</summary>
    Point,

    /// <summary>"from 2016 to 2018", "2021–present" (open end).</summary>
    Range,

    /// <summary>"since 2022".</summary>
    Since,

    /// <summary>"until 2020".</summary>
    Until,
}
