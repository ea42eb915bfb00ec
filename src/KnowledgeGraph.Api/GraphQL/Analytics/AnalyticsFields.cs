using GraphQL;
using GraphQL.Types;
using KnowledgeGraph.Core.Analytics;
using KnowledgeGraph.Core.Careers;
using KnowledgeGraph.Core.Dates;

namespace KnowledgeGraph.Api.GraphQL.Analytics;

/// <summary>The aggregate queries dashboards use (talent flows, departure statistics, tenure, key people).</summary>
internal static class AnalyticsFields
{
    private const int MaxOrganizations = 100;
    private const int MaxBuckets = 1200;

    public static void Register(ObjectGraphType query)
    {
        ArgumentNullException.ThrowIfNull(query);

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<FlowType>>>>("talentFlow")
            .Description("""
                People moving from one organization to another: a departure from A (a LEFT, or the end of a WORKED_AT) followed
                by the person's next affiliation at B. A move counts in the inclusive period when its departure date lies wholly
                inside it ("2025" is in 2025..2025, not in 2025-01..2025-06); undated departures only when no bound is given.
                With organizations (ids or names), only flows leaving or reaching one of them. Most people first.
                """)
            .Argument<PartialDateGraphType>("from")
            .Argument<PartialDateGraphType>("to")
            .Argument<ListGraphType<NonNullGraphType<StringGraphType>>>("organizations")
            .Argument<IntGraphType>("first")
            .Argument<IntGraphType>("offset")
            .ResolveAsync(async c =>
            {
                var names = c.GetArgument<List<string>?>("organizations");
                if (names is { Count: > MaxOrganizations })
                {
                    throw new ExecutionError($"Argument 'organizations' names {names.Count} organizations; the maximum is {MaxOrganizations}.");
                }

                List<string>? ids = null;
                if (names is not null)
                {
                    ids = [];
                    foreach (var name in names)
                    {
                        ids.Add((await c.Careers().OrganizationAsync(name, c.CancellationToken)).Id);
                    }
                }

                var flows = await Queries(c).TalentFlowAsync(PeriodOf(c), ids, c.CancellationToken);
                return c.Page(flows).ToList();
            });

        query.Field<NonNullGraphType<DepartureStatsType>>("departureStats")
            .Description("""
                Departures from an organization (id or name) in the inclusive period, per MONTH, QUARTER or YEAR, each bucket with
                the share that went to each next organization and the share still unknown. A departure counts in the period when
                its date lies wholly inside it, and goes in a bucket only when its date is at least as precise: "2025" belongs to
                the YEAR 2025 and to no month or quarter, so by MONTH or QUARTER it is counted in tooCoarse (and in the totals).
                """)
            .Argument<NonNullGraphType<StringGraphType>>("organization")
            .Argument<PartialDateGraphType>("from")
            .Argument<PartialDateGraphType>("to")
            .Argument<GranularityType>("by", a => a.DefaultValue = Granularity.Year)
            .ResolveAsync(async c =>
            {
                var org = await c.Careers().OrganizationAsync(c.GetArgument<string>("organization"), c.CancellationToken);
                var period = PeriodOf(c);
                var by = c.GetArgument("by", Granularity.Year);
                var stats = await Queries(c).DepartureStatsAsync(org.Id, period, by, c.CancellationToken);
                return stats.Buckets.Count <= MaxBuckets
                    ? new DepartureStatsView(org.Id, period, stats)
                    : throw new ExecutionError($"The period spans {stats.Buckets.Count} buckets by {by.ToString().ToUpperInvariant()}; the maximum is {MaxBuckets}. Give a narrower 'from'/'to' or a coarser 'by'.");
            });

        query.Field<NonNullGraphType<TenureStatsType>>("tenure")
            .Description("""
                How long people stay at an organization (id or name): median and 90th percentile, in whole calendar months
                from the start month to the end month, of completed tenures and of ongoing ones (measured up to this month).
                Only tenures whose start, and for a completed one its end, is known at least to the month are measured;
                the others (a year-only or unknown date) are counted in leftOut.
                """)
            .Argument<NonNullGraphType<StringGraphType>>("organization")
            .ResolveAsync(async c =>
            {
                var org = await c.Careers().OrganizationAsync(c.GetArgument<string>("organization"), c.CancellationToken);
                var (distribution, asOf) = await Queries(c).TenureAsync(org.Id, c.CancellationToken);
                return new TenureStatsView(org.Id, asOf, distribution);
            });

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<KeyPersonType>>>>("keyPeople")
            .Description("""
                People of an organization (id or name) ranked by what they built: distinct models and papers they worked on,
                led or authored, then models led; people who built nothing are not listed. left: true keeps those whose tenure
                there ended in the inclusive period (the departure date wholly inside it); false, those still there; null,
                anyone. For false and null a period keeps tenures overlapping it (a known start by its end, no end before its start).
                """)
            .Argument<NonNullGraphType<StringGraphType>>("organization")
            .Argument<BooleanGraphType>("left")
            .Argument<PartialDateGraphType>("from")
            .Argument<PartialDateGraphType>("to")
            .Argument<IntGraphType>("first")
            .Argument<IntGraphType>("offset")
            .ResolveAsync(async c =>
            {
                var org = await c.Careers().OrganizationAsync(c.GetArgument<string>("organization"), c.CancellationToken);
                var people = await Queries(c).KeyPeopleAsync(org.Id, c.GetArgument<bool?>("left"), PeriodOf(c), c.CancellationToken);
                return c.Page(people).ToList();
            });
    }

    private static AnalyticsQueries Queries(IResolveFieldContext context) =>
        context.RequestServices!.GetRequiredService<AnalyticsQueries>();

    private static Period PeriodOf(IResolveFieldContext context)
    {
        var period = new Period(context.GetArgument<PartialDate?>("from"), context.GetArgument<PartialDate?>("to"));
        return period is { From: { } from, To: { } to } && from.FirstDay > to.LastDay
            ? throw new ExecutionError($"Argument 'from' ({from}) is after 'to' ({to}).")
            : period;
    }
}
