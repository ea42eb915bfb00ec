using KnowledgeGraph.Core.Dates;
using static KnowledgeGraph.Core.Tests.Career;

namespace KnowledgeGraph.Core.Tests.Dates;

[Trait("Category", "Unit")]
public class DateRangeTests
{
    private static DateRange Range(string? start, string? end) => new(Maybe(start), Maybe(end));

    [Theory]
    [InlineData("2018-06", "2020", "2019", true)]
    [InlineData("2018-06", "2020", "2018-06", true)]
    [InlineData("2018-06", "2020", "2018-06-01", true)]
    [InlineData("2018-06", "2020", "2020-12-31", true)]
    [InlineData("2018-06", "2020", "2020", true)]
    [InlineData("2018-06", "2020", "2018", false)]
    [InlineData("2018-06", "2020", "2018-05-31", false)]
    [InlineData("2018-06", "2020", "2021-01-01", false)]
    [InlineData("2019-03-01", "2019-09-30", "2019-03", true)]
    [InlineData("2019-03-02", "2019-09-30", "2019-03", false)]
    [InlineData("2019-03-01", "2019-09-30", "2019", false)]
    public void Contains_requires_every_day_of_the_date_inside_the_inclusive_bounds(string start, string end, string date, bool expected) =>
        Assert.Equal(expected, Range(start, end).Contains(D(date)));

    [Theory]
    [InlineData(null, "2020", "1900", true)]
    [InlineData(null, "2020", "2020-12", true)]
    [InlineData(null, "2020", "2021", false)]
    [InlineData("2018-06", null, "2999", true)]
    [InlineData("2018-06", null, "2018-06-01", true)]
    [InlineData("2018-06", null, "2018", false)]
    [InlineData(null, null, "2019", true)]
    public void Contains_with_an_open_end_bounds_only_the_known_side(string? start, string? end, string date, bool expected) =>
        Assert.Equal(expected, Range(start, end).Contains(D(date)));

    [Theory]
    [InlineData("2018-06", "2020", "2018", true)]
    [InlineData("2018-06", "2020", "2018-06-01", true)]
    [InlineData("2018-06", "2020", "2020-12-31", true)]
    [InlineData("2018-06", "2020", "2018-05", false)]
    [InlineData("2018-06", "2020", "2021", false)]
    [InlineData("2019-03-01", "2019-09-30", "2019", true)]
    [InlineData("2019-03-01", "2019-09-30", "2019-02", false)]
    [InlineData("2019-03-01", "2019-09-30", "2019-10-01", false)]
    [InlineData(null, "2020", "1900", true)]
    [InlineData(null, "2020", "2021-01", false)]
    [InlineData("2018-06", null, "2018", true)]
    [InlineData("2018-06", null, "2017", false)]
    [InlineData(null, null, "2019", true)]
    public void Overlaps_requires_one_shared_day(string? start, string? end, string date, bool expected) =>
        Assert.Equal(expected, Range(start, end).Overlaps(D(date)));

    [Fact]
    public void A_date_contained_in_a_range_also_overlaps_it()
    {
        var range = Range("2018-06", "2020");
        foreach (var text in new[] { "2018-06", "2019", "2019-07-15", "2020", "2020-12" })
        {
            Assert.True(range.Contains(D(text)));
            Assert.True(range.Overlaps(D(text)));
        }
    }

    [Fact]
    public void Ranges_with_the_same_bounds_are_equal()
    {
        Assert.Equal(Range("2018-06", "2020"), Range("2018-06", "2020"));
        Assert.NotEqual(Range("2018-06", "2020"), Range("2018-06", null));
    }
}
