using KnowledgeGraph.Core.Graph;
using static KnowledgeGraph.Core.Tests.Career;

namespace KnowledgeGraph.Core.Tests.Graph;

[Trait("Category", "Unit")]
public class ClaimedDatesTests
{
    private static (string? Value, bool InConflict) Settle(params string[] claimed)
    {
        var (value, inConflict) = ClaimedDates.Settle(claimed.Select(D).ToList());
        return (value?.ToString(), inConflict);
    }

    [Fact]
    public void Nothing_claimed_settles_on_nothing() => Assert.Equal((null, false), Settle());

    [Theory]
    [InlineData("2019")]
    [InlineData("2019-03")]
    [InlineData("2019-03-01")]
    public void One_value_is_held_as_given(string value) => Assert.Equal((value, false), Settle(value));

    [Fact]
    public void Repeated_values_agree() => Assert.Equal(("2019-03", false), Settle("2019-03", "2019-03", "2019-03"));

    [Theory]
    [InlineData("2019-03", "2019", "2019-03")]
    [InlineData("2019-03", "2019-03", "2019")]
    [InlineData("2019-03-01", "2019", "2019-03-01")]
    [InlineData("2019-03-01", "2019-03-01", "2019")]
    [InlineData("2019-03-01", "2019", "2019-03", "2019-03-01")]
    [InlineData("2019-03-01", "2019-03-01", "2019-03", "2019")]
    public void Agreeing_values_at_different_precision_give_the_most_precise_without_conflict(string expected, params string[] claimed) =>
        Assert.Equal((expected, false), Settle(claimed));

    [Theory]
    [InlineData("2026-01", "2026-01-05", "2026-01-06", "2026-01-07")]
    [InlineData("2026-01", "2026-01-07", "2026-01-05")]
    [InlineData("2026-01", "2026-01-05", "2026-01", "2026-01-07")]
    [InlineData("2026-01", "2026-01-05", "2026-01-05", "2026-01-05", "2026-01-06")]
    [InlineData("2026", "2026-01-05", "2026-03")]
    [InlineData("2026", "2026-01", "2026-02", "2026")]
    public void Values_that_differ_inside_one_year_give_the_part_they_share_and_a_conflict(string expected, params string[] claimed) =>
        Assert.Equal((expected, true), Settle(claimed));

    [Theory]
    [InlineData("2019", "2019", "2020")]
    [InlineData("2020", "2019", "2020", "2020")]
    [InlineData("2019", "2019", "2020", "2021")]
    [InlineData("2020-05", "2019-07", "2020-05", "2020-05")]
    [InlineData("2019-07", "2019-07", "2020-05")]
    public void Values_in_different_years_give_the_best_supported_value_and_a_conflict(string expected, params string[] claimed) =>
        Assert.Equal((expected, true), Settle(claimed));
}
