using KnowledgeGraph.Core.Dates;
using static KnowledgeGraph.Core.Tests.Career;

namespace KnowledgeGraph.Core.Tests.Dates;

[Trait("Category", "Unit")]
public class PartialDateTests
{
    [Theory]
    [InlineData("2019", "2019-01-01", "2019-12-31")]
    [InlineData("2019-07", "2019-07-01", "2019-07-31")]
    [InlineData("2019-04", "2019-04-01", "2019-04-30")]
    [InlineData("2019-07-15", "2019-07-15", "2019-07-15")]
    [InlineData("2019-02", "2019-02-01", "2019-02-28")]
    [InlineData("2020-02", "2020-02-01", "2020-02-29")]
    [InlineData("1900-02", "1900-02-01", "1900-02-28")]
    [InlineData("2000-02", "2000-02-01", "2000-02-29")]
    [InlineData("2020", "2020-01-01", "2020-12-31")]
    [InlineData("0001", "0001-01-01", "0001-12-31")]
    [InlineData("9999", "9999-01-01", "9999-12-31")]
    public void FirstDay_and_LastDay_span_every_day_the_value_covers(string text, string first, string last)
    {
        var date = D(text);

        Assert.Equal(DateOnly.Parse(first, System.Globalization.CultureInfo.InvariantCulture), date.FirstDay);
        Assert.Equal(DateOnly.Parse(last, System.Globalization.CultureInfo.InvariantCulture), date.LastDay);
    }

    [Fact]
    public void Ordering_puts_the_less_precise_value_first_on_the_same_first_day()
    {
        Assert.True(D("2019") < D("2019-01"));
        Assert.True(D("2019-01") < D("2019-01-01"));
        Assert.True(D("2019") < D("2019-01-01"));
        Assert.True(D("2019-01-01") < D("2019-01-02"));
    }

    [Theory]
    [InlineData("2019-12", "2020")]
    [InlineData("2019-12-31", "2020")]
    [InlineData("2019", "2019-02")]
    [InlineData("2019-06-30", "2019-07")]
    [InlineData("2018", "2019")]
    [InlineData("2019-07", "2019-07-02")]
    public void Ordering_follows_the_first_day(string earlier, string later)
    {
        Assert.True(D(earlier) < D(later));
        Assert.True(D(later) > D(earlier));
        Assert.True(D(earlier) <= D(later));
        Assert.True(D(later) >= D(earlier));
        Assert.True(D(earlier).CompareTo(D(later)) < 0);
        Assert.True(D(later).CompareTo(D(earlier)) > 0);
    }

    [Fact]
    public void Ordering_is_by_first_day_even_when_a_later_value_ends_first()
    {
        // "2019" begins before "2019-03-01" although it ends after it.
        Assert.True(D("2019") < D("2019-03-01"));
    }

    [Fact]
    public void Sorting_a_mixed_list_gives_a_stable_total_order()
    {
        var sorted = new[] { "2020", "2019-01-02", "2019-12", "2019-01-01", "2019", "2019-01" }.Select(D).Order().Select(d => d.ToString());

        Assert.Equal(["2019", "2019-01", "2019-01-01", "2019-01-02", "2019-12", "2020"], sorted);
    }

    [Fact]
    public void Equality_includes_the_precision()
    {
        Assert.Equal(D("2019"), PartialDate.OfYear(2019));
        Assert.True(D("2019-07") == PartialDate.OfMonth(2019, 7));
        Assert.True(D("2019") != D("2019-01"));
        Assert.NotEqual(D("2019-01"), D("2019-01-01"));
        Assert.Equal(0, D("2019-07").CompareTo(D("2019-07")));
        Assert.False(D("2019").Equals((object)"2019"));
        Assert.True(D("2019").Equals((object)D("2019")));
        Assert.Equal(D("2019-07-15").GetHashCode(), PartialDate.OfDay(2019, 7, 15).GetHashCode());
        Assert.Equal(3, new HashSet<PartialDate> { D("2019"), D("2019-01"), D("2019-01-01"), D("2019") }.Count);
    }

    [Theory]
    [InlineData("2019", "2019-03-01", true)]
    [InlineData("2019", "2019-03", true)]
    [InlineData("2019", "2019", true)]
    [InlineData("2019-03", "2019-03-31", true)]
    [InlineData("2019-03", "2019-04-01", false)]
    [InlineData("2019-03-01", "2019", false)]
    [InlineData("2019-03", "2019", false)]
    [InlineData("2019", "2020-01", false)]
    [InlineData("2019-07-15", "2019-07-15", true)]
    [InlineData("2019-07-15", "2019-07-16", false)]
    public void Contains_is_true_when_every_day_of_the_other_is_inside(string outer, string inner, bool expected) =>
        Assert.Equal(expected, D(outer).Contains(D(inner)));

    [Theory]
    [InlineData("2019", "2019-03-01", true)]
    [InlineData("2019-03-01", "2019", true)]
    [InlineData("2019-03", "2019-03-15", true)]
    [InlineData("2019-03", "2019", true)]
    [InlineData("2019", "2019", true)]
    [InlineData("2019-03", "2019-04", false)]
    [InlineData("2019-03-01", "2019-03-02", false)]
    [InlineData("2019", "2020", false)]
    [InlineData("2019-12", "2020-01-01", false)]
    public void IsCompatibleWith_is_true_when_one_may_be_the_other_at_another_precision(string a, string b, bool expected)
    {
        Assert.Equal(expected, D(a).IsCompatibleWith(D(b)));
        Assert.Equal(expected, D(b).IsCompatibleWith(D(a)));
    }

    [Theory]
    [InlineData("2018", "2019", true)]
    [InlineData("2019-06", "2019-07-01", true)]
    [InlineData("2019-06-30", "2019-07", true)]
    [InlineData("2019", "2019-07", false)]
    [InlineData("2019-07", "2019", false)]
    [InlineData("2019-07", "2019-07", false)]
    [InlineData("2019-07-01", "2019-07", false)]
    [InlineData("2020", "2019", false)]
    public void IsBefore_means_it_ends_before_the_other_begins(string a, string b, bool expected) =>
        Assert.Equal(expected, D(a).IsBefore(D(b)));

    [Theory]
    [InlineData("2020", "2019", true)]
    [InlineData("2019-08-01", "2019-07", true)]
    [InlineData("2020-01", "2019", true)]
    [InlineData("2019-07", "2019", false)]
    [InlineData("2019", "2019-07", false)]
    [InlineData("2019-12-31", "2019", false)]
    [InlineData("2018", "2019", false)]
    public void IsAfter_means_it_begins_after_the_other_ends(string a, string b, bool expected) =>
        Assert.Equal(expected, D(a).IsAfter(D(b)));

    [Fact]
    public void Overlapping_values_are_neither_before_nor_after_each_other()
    {
        var year = D("2019");
        var day = D("2019-03-01");

        Assert.False(year.IsBefore(day));
        Assert.False(year.IsAfter(day));
        Assert.False(day.IsBefore(year));
        Assert.False(day.IsAfter(year));
    }

    [Theory]
    [InlineData("2019", "2019-03-01", "2019-03-01")]
    [InlineData("2019-03-01", "2019", "2019-03-01")]
    [InlineData("2019", "2019-03", "2019-03")]
    [InlineData("2019-03", "2019-03-31", "2019-03-31")]
    [InlineData("2019", "2019", "2019")]
    public void Refine_gives_the_more_precise_of_two_compatible_values(string a, string b, string expected) =>
        Assert.Equal(D(expected), PartialDate.Refine(D(a), D(b)));

    [Theory]
    [InlineData("2019", "2020")]
    [InlineData("2019-03", "2019-04-01")]
    [InlineData("2026-01-05", "2026-01-07")]
    public void Refine_of_values_that_disagree_is_null(string a, string b) =>
        Assert.Null(PartialDate.Refine(D(a), D(b)));

    [Theory]
    [InlineData("2026-01-05", "2026-01-07", "2026-01")]
    [InlineData("2026-01-05", "2026-01-05", "2026-01-05")]
    [InlineData("2026-01-05", "2026-03-05", "2026")]
    [InlineData("2026-01", "2026-03", "2026")]
    [InlineData("2026-01", "2026-01-07", "2026-01")]
    [InlineData("2026", "2026-01-07", "2026")]
    [InlineData("2026-01", "2026-01", "2026-01")]
    [InlineData("2026", "2026", "2026")]
    public void SharedPart_is_the_most_precise_value_both_fall_in(string a, string b, string expected)
    {
        Assert.Equal(D(expected), PartialDate.SharedPart(D(a), D(b)));
        Assert.Equal(D(expected), PartialDate.SharedPart(D(b), D(a)));
    }

    [Theory]
    [InlineData("2025-12-31", "2026-01-01")]
    [InlineData("2025", "2026")]
    [InlineData("2019-07", "2020-07")]
    public void SharedPart_of_different_years_is_null(string a, string b) =>
        Assert.Null(PartialDate.SharedPart(D(a), D(b)));
}
