using KnowledgeGraph.Core.Analytics;
using static KnowledgeGraph.Core.Tests.Career;

namespace KnowledgeGraph.Core.Tests.Analytics;

/// <summary>Median and p90 tenure at A on a hand-built graph, worked out by hand.</summary>
[Trait("Category", "Unit")]
public class TenureDistributionTests
{
    private const string A = "org:a";
    private static readonly DateOnly Today = new(2026, 1, 15);

    // Completed, in months: 2019-07-15..2021-03 = 20, 2020-01..2020-07 = 6, 2018-02..2023-02-10 = 60.
    //   Sorted 6, 20, 60: median 20; p90 at rank 2 × 0.9 = 1.8: 20 + 0.8 × 40 = 52.
    //   Left out: a year-only start, a year-only end, a LEFT with no known start (3).
    // Ongoing up to 2026-01: 2025-01 = 12, 2024-07-01 = 18, 2023-01 = 36, 2016-01 = 120.
    //   Sorted 12, 18, 36, 120: median at rank 1.5: 18 + 0.5 × 18 = 27; p90 at rank 2.7: 36 + 0.7 × 84 = 94.8.
    //   Left out: a year-only start (1).
    // Not counted at all: a study at A, a job at B.
    private static readonly Someone[] Graph =
    [
        new Someone("c1").WorkedAt(A, "2019-07-15", "2021-03"),
        new Someone("c2").WorkedAt(A, "2020-01", "2020-07"),
        new Someone("c3").WorkedAt(A, "2018-02", "2023-02-10"),
        new Someone("c4").WorkedAt(A, "2019", "2021-05"),
        new Someone("c5").WorkedAt(A, "2019-05", "2022"),
        new Someone("c6").Left(A, "2024-03"),
        new Someone("o1").WorkedAt(A, "2025-01"),
        new Someone("o2").WorkedAt(A, "2024-07-01"),
        new Someone("o3").WorkedAt(A, "2023-01"),
        new Someone("o4").WorkedAt(A, "2016-01"),
        new Someone("o5").WorkedAt(A, "2022"),
        new Someone("s1").StudiedAt(A, "2010-09", "2014-06"),
        new Someone("b1").WorkedAt("org:b", "2010-01", "2020-01"),
    ];

    [Fact]
    public void Completed_and_ongoing_medians_and_p90_count_only_month_precise_tenures()
    {
        var stats = TenureDistribution.At(A, Graph.SelectMany(p => p.Tenures), Today);

        Assert.Equal(new TenureSummary(3, 20, 52, 3), stats.Completed);
        Assert.Equal(4, stats.Ongoing.Count);
        Assert.Equal(27, stats.Ongoing.MedianMonths);
        Assert.Equal(94.8, stats.Ongoing.P90Months!.Value, 6);
        Assert.Equal(1, stats.Ongoing.LeftOut);
    }

    [Theory]
    [InlineData("2019-07-15", "2021-03", 20)]
    [InlineData("2021-03", "2021-03-31", 0)]
    [InlineData("2019-12", "2020-01", 1)]
    [InlineData("2019", "2021-03", null)]
    [InlineData("2019-03", "2021", null)]
    [InlineData("2021-03", "2019-03", null)]
    public void Months_run_from_start_month_to_end_month(string start, string end, int? months) =>
        Assert.Equal(months, TenureDistribution.Months(D(start), D(end)));

    [Fact]
    public void No_tenures_have_no_median()
    {
        var stats = TenureDistribution.At(A, [], Today);

        Assert.Equal(new TenureSummary(0, null, null, 0), stats.Completed);
        Assert.Equal(new TenureSummary(0, null, null, 0), stats.Ongoing);
    }

    [Fact]
    public void One_value_is_its_own_median_and_p90() =>
        Assert.Equal(new TenureSummary(1, 7, 7, 0), TenureSummary.Of([7], 0));
}
