using KnowledgeGraph.Core.Careers;
using static KnowledgeGraph.Core.Tests.Career;

namespace KnowledgeGraph.Core.Tests.Careers;

[Trait("Category", "Unit")]
public class PeriodTests
{
    private static Period Between(string? from, string? to) => new(Maybe(from), Maybe(to));

    [Theory]
    [InlineData("2025", "2025", "2025", true)]
    [InlineData("2025", "2025", "2025-01", true)]
    [InlineData("2025", "2025", "2025-01-01", true)]
    [InlineData("2025", "2025", "2025-12-31", true)]
    [InlineData("2025", "2025", "2024-12-31", false)]
    [InlineData("2025", "2025", "2026-01-01", false)]
    [InlineData("2025-01", "2025-06", "2025", false)]
    [InlineData("2025-01", "2025-06", "2025-06", true)]
    [InlineData("2025-01", "2025-06", "2025-06-30", true)]
    [InlineData("2025-01", "2025-06", "2025-07-01", false)]
    [InlineData("2025-01", "2025-06", "2025-01-01", true)]
    [InlineData("2025-03-15", "2025-03-15", "2025-03-15", true)]
    [InlineData("2025-03-15", "2025-03-15", "2025-03", false)]
    public void Includes_is_inclusive_and_needs_all_of_the_date_inside(string from, string to, string date, bool expected) =>
        Assert.Equal(expected, Between(from, to).Includes(D(date)));

    [Theory]
    [InlineData(null, "2025", "1990", true)]
    [InlineData(null, "2025", "2025-12", true)]
    [InlineData(null, "2025", "2026", false)]
    [InlineData("2025", null, "2025-01-01", true)]
    [InlineData("2025", null, "2099", true)]
    [InlineData("2025", null, "2024-12", false)]
    [InlineData(null, null, "2019", true)]
    public void Includes_with_an_open_side_bounds_only_the_other(string? from, string? to, string date, bool expected) =>
        Assert.Equal(expected, Between(from, to).Includes(D(date)));

    [Fact]
    public void An_unknown_date_belongs_only_to_the_unbounded_period()
    {
        Assert.True(Between(null, null).Includes(null));
        Assert.False(Between("2025", null).Includes(null));
        Assert.False(Between(null, "2025").Includes(null));
        Assert.False(Between("2025", "2025").Includes(null));
    }
}
