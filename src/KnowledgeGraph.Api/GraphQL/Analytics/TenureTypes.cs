using GraphQL.Types;
using KnowledgeGraph.Api.GraphQL.Types;
using KnowledgeGraph.Core.Analytics;
using KnowledgeGraph.Core.Dates;

namespace KnowledgeGraph.Api.GraphQL.Analytics;

/// <summary>Tenure lengths at one organization, as the API shows them.</summary>
public sealed record TenureStatsView(string OrganizationId, DateOnly AsOf, TenureDistribution Distribution);

/// <summary>How long people stay at an organization.</summary>
public sealed class TenureStatsType : ObjectGraphType<TenureStatsView>
{
    public TenureStatsType()
    {
        Name = "TenureStats";
        Field<NonNullGraphType<OrganizationType>>("organization").Resolve(c => c.Loaders().Nodes.Load(c.Source.OrganizationId));
        Field<NonNullGraphType<PartialDateGraphType>>("asOf").Description("The month ongoing tenures are measured up to (today's).").Resolve(c => PartialDate.OfMonth(c.Source.AsOf.Year, c.Source.AsOf.Month));
        Field<NonNullGraphType<TenureSummaryType>>("completed").Description("Ended tenures whose start and end are both known to the month.").Resolve(c => c.Source.Distribution.Completed);
        Field<NonNullGraphType<TenureSummaryType>>("ongoing").Description("Open tenures whose start is known to the month, measured up to asOf.").Resolve(c => c.Source.Distribution.Ongoing);
        Field<NonNullGraphType<IntGraphType>>("leftOut")
            .Description("Tenures not measured, completed and ongoing together: a start (or end) known only to the year, or not at all.")
            .Resolve(c => c.Source.Distribution.Completed.LeftOut + c.Source.Distribution.Ongoing.LeftOut);
    }
}

/// <summary>Median and 90th percentile of tenure lengths, in months.</summary>
public sealed class TenureSummaryType : ObjectGraphType<TenureSummary>
{
    public TenureSummaryType()
    {
        Name = "TenureSummary";
        Field<NonNullGraphType<IntGraphType>>("count").Description("Tenures measured.").Resolve(c => c.Source.Count);
        Field<FloatGraphType>("medianMonths").Description("Whole calendar months from start month to end month; linear interpolation between ranks; null when none was measured.").Resolve(c => c.Source.MedianMonths);
        Field<FloatGraphType>("p90Months").Description("90th percentile, same method.").Resolve(c => c.Source.P90Months);
        Field<NonNullGraphType<IntGraphType>>("leftOut").Description("Tenures of this kind whose dates are not known to the month.").Resolve(c => c.Source.LeftOut);
    }
}
