using KnowledgeGraph.Core.Careers;
using KnowledgeGraph.Core.Graph;
using static KnowledgeGraph.Core.Tests.Career;

namespace KnowledgeGraph.Core.Tests.Careers;

/// <summary>The as-of rule of the architecture note, on tenures built by hand.</summary>
[Trait("Category", "Unit")]
public class AsOfTests
{
    private static Tenure Stay(string? start, string? end) =>
        new(Person, "org:openai", Relation.WorkedAt) { Start = Maybe(start), End = Maybe(end) };

    [Theory]
    [InlineData("2019", "2025", "2025-10", true)]
    [InlineData("2025-11", null, "2025-10", false)]
    [InlineData("2025-10-31", null, "2025-10", true)]
    [InlineData("2025", null, "2025-10", true)]
    [InlineData("2025-10", null, "2025", true)]
    [InlineData("2019", "2025-09", "2025-10", false)]
    [InlineData("2019", "2025-10-01", "2025-10", true)]
    [InlineData("2019", "2025-09-30", "2025-10", false)]
    [InlineData("2019", "2025", "2026", false)]
    [InlineData("2019", "2025", "2019", true)]
    [InlineData("2019", "2025", "2018-12-31", false)]
    [InlineData("2019-07-15", "2019-07-15", "2019-07", true)]
    [InlineData("2019-07-15", "2019-07-15", "2019-07-15", true)]
    [InlineData("2019-07-15", "2019-07-15", "2019-07-16", false)]
    [InlineData("2019", null, "2099", true)]
    [InlineData("2019", null, "2018", false)]
    public void A_tenure_counts_when_it_starts_by_the_end_of_D_and_ends_no_earlier_than_its_start(string? start, string? end, string asOf, bool expected) =>
        Assert.Equal(expected, Stay(start, end).IsActiveAsOf(D(asOf)));

    [Theory]
    [InlineData("2025")]
    [InlineData("2019")]
    [InlineData("1990")]
    public void An_unknown_start_never_counts(string asOf)
    {
        Assert.False(Stay(null, "2025").IsActiveAsOf(D(asOf)));
        Assert.False(Stay(null, null).IsActiveAsOf(D(asOf)));
    }

    [Fact]
    public void ActiveAsOf_a_date_keeps_the_tenures_that_count()
    {
        var early = Stay("2016", "2018");
        var late = Stay("2020", null);

        Assert.Equal([early], CareerRules.ActiveAsOf([early, late], D("2017")));
        Assert.Equal([late], CareerRules.ActiveAsOf([early, late], D("2021-03")));
        Assert.Empty(CareerRules.ActiveAsOf([early, late], D("2019")));
        Assert.Equal([early, late], CareerRules.ActiveAsOf([early, late], D("2016")).Concat(CareerRules.ActiveAsOf([early, late], D("2020"))));
    }

    [Fact]
    public void ActiveAsOf_now_keeps_the_open_tenures()
    {
        var early = Stay("2016", "2018");
        var late = Stay("2020", null);

        Assert.Equal([late], CareerRules.ActiveAsOf([early, late], null));
    }
}
