using KnowledgeGraph.Core.Analytics;
using KnowledgeGraph.Core.Careers;
using static KnowledgeGraph.Core.Tests.Career;

namespace KnowledgeGraph.Core.Tests.Analytics;

/// <summary>Departures from A per month, quarter and year, each answer worked out by hand.</summary>
[Trait("Category", "Unit")]
public class DepartureStatisticsTests
{
    private const string A = "org:a";

    // Departures from A:
    // ann  2025-03     -> B
    // bob  "2025"      -> B   (too coarse for a month or a quarter)
    // cat  2025-06-30  -> C
    // ivy  2025-11-15  -> unknown
    // jon  2025-02     -> D
    // dan  2024-12     -> B   (not in 2025)
    // kim  undated     -> unknown (only when the period is unbounded)
    private static readonly Someone[] Graph =
    [
        new Someone("ann").WorkedAt(A, "2019", "2025-03").WorkedAt("org:b", "2025-04"),
        new Someone("bob").WorkedAt(A, "2020-01").Left(A, "2025").Joined("org:b", "2025-07"),
        new Someone("cat").WorkedAt(A, "2018", "2025-06-30").WorkedAt("org:c", "2025-07-01"),
        new Someone("ivy").WorkedAt(A, "2019-02", "2025-11-15"),
        new Someone("jon").WorkedAt(A, "2023", "2025-02").WorkedAt("org:d", "2025-03"),
        new Someone("dan").WorkedAt(A, "2021", "2024-12").WorkedAt("org:b", "2025-01"),
        new Someone("kim").WorkedAt(A, "2020-01").Left(A, null),
    ];

    private static DepartureStatistics Stats(string? from, string? to, Granularity by)
    {
        var period = new Period(Maybe(from), Maybe(to));
        return DepartureStatistics.Of(Graph.SelectMany(p => CareerRules.Departures(p.Tenures, A, period)), period, by);
    }

    private static string Shares(DepartureBreakdown b) =>
        string.Join(' ', b.Destinations.Select(d => $"{d.OrganizationId}={d.Share:0.##}").Append($"?={b.UnknownShare:0.##}"));

    [Fact]
    public void By_quarter_2025_places_four_and_reports_the_year_only_departure_as_too_coarse()
    {
        var stats = Stats("2025", "2025", Granularity.Quarter);

        Assert.Equal(["2025-Q1:2", "2025-Q2:1", "2025-Q3:0", "2025-Q4:1"], stats.Buckets.Select(b => $"{b.Period.Label}:{b.Departures.Count}"));
        Assert.Equal(1, stats.TooCoarse);
        Assert.Equal(0, stats.Undated);
        Assert.Equal("org:b=0.5 org:d=0.5 ?=0", Shares(stats.Buckets[0].Departures));
        Assert.Equal("org:c=1 ?=0", Shares(stats.Buckets[1].Departures));
        Assert.Equal("?=0", Shares(stats.Buckets[2].Departures));
        Assert.Equal("?=1", Shares(stats.Buckets[3].Departures));

        // The totals count bob too: 5 departures, 2 to B.
        Assert.Equal(5, stats.Overall.Count);
        Assert.Equal("org:b=0.4 org:c=0.2 org:d=0.2 ?=0.2", Shares(stats.Overall));
        Assert.Equal(["person:ann", "person:bob"], stats.Overall.Destinations[0].PersonIds);
    }

    [Fact]
    public void By_month_2025_has_twelve_buckets()
    {
        var stats = Stats("2025", "2025", Granularity.Month);

        Assert.Equal(12, stats.Buckets.Count);
        Assert.Equal(
            ["2025-02", "2025-03", "2025-06", "2025-11"],
            stats.Buckets.Where(b => b.Departures.Count > 0).Select(b => b.Period.Label));
        Assert.Equal(1, stats.TooCoarse);
    }

    [Fact]
    public void By_year_the_year_only_departure_is_placed()
    {
        var stats = Stats("2025", "2025", Granularity.Year);

        var only = Assert.Single(stats.Buckets);
        Assert.Equal(5, only.Departures.Count);
        Assert.Equal(0, stats.TooCoarse);
    }

    [Fact]
    public void A_half_year_period_leaves_the_year_only_departure_out_entirely()
    {
        var stats = Stats("2025-01", "2025-06", Granularity.Month);

        Assert.Equal(6, stats.Buckets.Count);
        Assert.Equal(3, stats.Overall.Count);
        Assert.Equal(0, stats.TooCoarse);
    }

    [Fact]
    public void Unbounded_runs_from_the_first_to_the_last_departure_and_counts_the_undated_one()
    {
        var stats = Stats(null, null, Granularity.Year);

        Assert.Equal(["2024:1", "2025:5"], stats.Buckets.Select(b => $"{b.Period.Label}:{b.Departures.Count}"));
        Assert.Equal(7, stats.Overall.Count);
        Assert.Equal(1, stats.Undated);
        Assert.Equal(2, stats.Overall.UnknownCount);
    }

    [Fact]
    public void No_departures_and_a_bounded_period_still_lists_empty_buckets()
    {
        var stats = DepartureStatistics.Of([], new Period(D("2020"), D("2020")), Granularity.Quarter);

        Assert.Equal(4, stats.Buckets.Count);
        Assert.All(stats.Buckets, b => Assert.Equal(0, b.Departures.Count));
        Assert.Equal(0, stats.Overall.UnknownShare);
    }
}
