using GraphQL.Types;
using KnowledgeGraph.Api.GraphQL.Types;
using KnowledgeGraph.Core.Analytics;
using KnowledgeGraph.Core.Careers;

namespace KnowledgeGraph.Api.GraphQL.Analytics;

/// <summary>Departure statistics of one organization over a period, as the API shows them.</summary>
public sealed record DepartureStatsView(string OrganizationId, Period Period, DepartureStatistics Statistics);

/// <summary>MONTH, QUARTER, YEAR.</summary>
public sealed class GranularityType : EnumerationGraphType<Granularity>
{
    public GranularityType()
    {
        Name = "Granularity";
        Description = "Calendar buckets: a date is placed only when it is at least as precise (\"2025\" is in no MONTH or QUARTER).";
    }
}

/// <summary>Departures from an organization per month, quarter or year, split by destination.</summary>
public sealed class DepartureStatsType : ObjectGraphType<DepartureStatsView>
{
    public DepartureStatsType()
    {
        Name = "DepartureStats";
        Field<NonNullGraphType<OrganizationType>>("organization").Resolve(c => c.Loaders().Nodes.Load(c.Source.OrganizationId));
        Field<PartialDateGraphType>("from").Resolve(c => c.Source.Period.From);
        Field<PartialDateGraphType>("to").Resolve(c => c.Source.Period.To);
        Field<NonNullGraphType<GranularityType>>("by").Resolve(c => c.Source.Statistics.Granularity);
        Field<NonNullGraphType<IntGraphType>>("tooCoarse")
            .Description("Departures in the period dated too coarsely for a bucket (\"2025\" by MONTH or QUARTER); counted in the totals, in no bucket.")
            .Resolve(c => c.Source.Statistics.TooCoarse);
        Field<NonNullGraphType<IntGraphType>>("undated")
            .Description("Departures with no known date (counted only when the period is unbounded); in no bucket.")
            .Resolve(c => c.Source.Statistics.Undated);
        BreakdownFields.Add(this, s => s.Statistics.Overall, "All departures in the period, bucketed or not.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<DepartureBucketType>>>>("buckets")
            .Description("Every bucket from the first to the last day of the period (empty ones too); an open bound ends at the first or last departure.")
            .Resolve(c => c.Source.Statistics.Buckets);
    }
}

/// <summary>The departures of one month, quarter or year.</summary>
public sealed class DepartureBucketType : ObjectGraphType<DepartureBucket>
{
    public DepartureBucketType()
    {
        Name = "DepartureBucket";
        Field<NonNullGraphType<StringGraphType>>("label").Description("\"2025\", \"2025-Q1\" or \"2025-03\".").Resolve(c => c.Source.Period.Label);
        Field<NonNullGraphType<PartialDateGraphType>>("start").Description("The first month (or the year) of the bucket.").Resolve(c => c.Source.Period.Start);
        Field<NonNullGraphType<PartialDateGraphType>>("end").Description("The last month (or the year) of the bucket.").Resolve(c => c.Source.Period.End);
        BreakdownFields.Add(this, b => b.Departures, "Departures whose date lies inside this bucket.");
    }
}

/// <summary>The departures whose next affiliation was one organization.</summary>
public sealed class DestinationShareType : ObjectGraphType<DestinationShare>
{
    public DestinationShareType()
    {
        Name = "DestinationShare";
        Field<NonNullGraphType<OrganizationType>>("organization").Resolve(c => c.Loaders().Nodes.Load(c.Source.OrganizationId));
        Field<NonNullGraphType<IntGraphType>>("count").Resolve(c => c.Source.Count);
        Field<NonNullGraphType<FloatGraphType>>("share").Description("count / departures counted alongside (0..1).").Resolve(c => c.Source.Share);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PersonType>>>>("people").Resolve(c => AnalyticsLists.People(c, c.Source.PersonIds));
    }
}

/// <summary>The count, destination shares and unknown share every set of departures shows.</summary>
internal static class BreakdownFields
{
    public static void Add<TSource>(ObjectGraphType<TSource> type, Func<TSource, DepartureBreakdown> breakdown, string countDescription)
    {
        type.Field<NonNullGraphType<IntGraphType>>("count").Description(countDescription).Resolve(c => breakdown(c.Source).Count);
        type.Field<NonNullGraphType<ListGraphType<NonNullGraphType<DestinationShareType>>>>("destinations")
            .Description("Where people went next, most first; shares are of count.")
            .Resolve(c => breakdown(c.Source).Destinations);
        type.Field<NonNullGraphType<IntGraphType>>("unknownCount").Description("Departures whose next affiliation is not known.").Resolve(c => breakdown(c.Source).UnknownCount);
        type.Field<NonNullGraphType<FloatGraphType>>("unknownShare").Description("unknownCount / count (0 when count is 0); with the destination shares it adds up to 1.").Resolve(c => breakdown(c.Source).UnknownShare);
        type.Field<NonNullGraphType<ListGraphType<NonNullGraphType<DepartureType>>>>("departures").Description("The departures counted, by date.").Resolve(c => breakdown(c.Source).Departures);
    }
}
