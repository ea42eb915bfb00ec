using KnowledgeGraph.Core.Analytics;
using static KnowledgeGraph.Core.Tests.Career;

namespace KnowledgeGraph.Core.Tests.Analytics;

/// <summary>Months, quarters and years, and which dates are precise enough to be placed in them.</summary>
[Trait("Category", "Unit")]
public class TimeBucketTests
{
    [Theory]
    [InlineData("2025-03-14", Granularity.Month, "2025-03")]
    [InlineData("2025-03", Granularity.Month, "2025-03")]
    [InlineData("2025", Granularity.Month, null)]
    [InlineData("2025-03-31", Granularity.Quarter, "2025-Q1")]
    [InlineData("2025-04", Granularity.Quarter, "2025-Q2")]
    [InlineData("2025-12", Granularity.Quarter, "2025-Q4")]
    [InlineData("2025", Granularity.Quarter, null)]
    [InlineData("2025", Granularity.Year, "2025")]
    [InlineData("2025-12-31", Granularity.Year, "2025")]
    public void A_date_is_placed_only_when_precise_enough(string date, Granularity granularity, string? label) =>
        Assert.Equal(label, TimeBucket.Of(D(date), granularity)?.Label);

    [Fact]
    public void A_quarter_covers_three_months()
    {
        var q2 = TimeBucket.Of(D("2025-05"), Granularity.Quarter)!.Value;

        Assert.Equal(D("2025-04"), q2.Start);
        Assert.Equal(D("2025-06"), q2.End);
    }

    [Fact]
    public void Next_wraps_at_the_end_of_the_year()
    {
        Assert.Equal("2026-Q1", TimeBucket.Of(D("2025-11"), Granularity.Quarter)!.Value.Next().Label);
        Assert.Equal("2026-01", TimeBucket.Of(D("2025-12"), Granularity.Month)!.Value.Next().Label);
        Assert.Equal("2026", TimeBucket.Of(D("2025"), Granularity.Year)!.Value.Next().Label);
    }

    [Fact]
    public void A_range_includes_both_ends()
    {
        var first = TimeBucket.Of(D("2024-11"), Granularity.Month)!.Value;
        var last = TimeBucket.Of(D("2025-02"), Granularity.Month)!.Value;

        Assert.Equal(["2024-11", "2024-12", "2025-01", "2025-02"], TimeBucket.Range(first, last).Select(b => b.Label));
        Assert.Equal(4, TimeBucket.Count(first, last));
        Assert.Equal(0, TimeBucket.Count(last, first));
    }
}
