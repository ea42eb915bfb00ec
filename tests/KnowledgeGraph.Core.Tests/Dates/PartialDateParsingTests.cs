using KnowledgeGraph.Core.Dates;

namespace KnowledgeGraph.Core.Tests.Dates;

[Trait("Category", "Unit")]
public class PartialDateParsingTests
{
    [Theory]
    [InlineData("2019", 2019, null, null, DatePrecision.Year)]
    [InlineData("2019-07", 2019, 7, null, DatePrecision.Month)]
    [InlineData("2019-07-15", 2019, 7, 15, DatePrecision.Day)]
    [InlineData("0001", 1, null, null, DatePrecision.Year)]
    [InlineData("9999-12-31", 9999, 12, 31, DatePrecision.Day)]
    [InlineData("2019-01-01", 2019, 1, 1, DatePrecision.Day)]
    [InlineData("2019-12", 2019, 12, null, DatePrecision.Month)]
    [InlineData("2020-02-29", 2020, 2, 29, DatePrecision.Day)]
    [InlineData("2000-02-29", 2000, 2, 29, DatePrecision.Day)]
    public void Parse_valid_values_keeps_their_parts_and_precision(string text, int year, int? month, int? day, DatePrecision precision)
    {
        var date = PartialDate.Parse(text);

        Assert.Equal(year, date.Year);
        Assert.Equal(month, date.Month);
        Assert.Equal(day, date.Day);
        Assert.Equal(precision, date.Precision);
    }

    [Theory]
    [InlineData(" 2019 ", "2019")]
    [InlineData("2019-07\n", "2019-07")]
    [InlineData("\t2019-07-15", "2019-07-15")]
    public void Parse_ignores_surrounding_whitespace(string text, string expected) =>
        Assert.Equal(expected, PartialDate.Parse(text).ToString());

    [Theory]
    [InlineData("19th")]
    [InlineData("2019-7")]
    [InlineData("2019-07-1")]
    [InlineData("19")]
    [InlineData("20190")]
    [InlineData("2019/07/15")]
    [InlineData("2019-07-15-01")]
    [InlineData("2019-")]
    [InlineData("2019--07")]
    [InlineData("-2019")]
    [InlineData("+2019")]
    [InlineData("2019 -07")]
    [InlineData("2019-07-15T00:00")]
    [InlineData("July 2019")]
    [InlineData("\u0662\u0660\u0661\u0669")]
    [InlineData("２０１９")]
    [InlineData("20a9")]
    [InlineData("2019x07")]
    [InlineData("2019-07x15")]
    [InlineData("2019-0a-15")]
    public void Parse_rejects_a_wrong_shape_and_quotes_the_input(string text)
    {
        var error = Assert.Throws<FormatException>(() => PartialDate.Parse(text));

        Assert.Equal($"must be a date like 2019, 2019-07 or 2019-07-15, got '{text}'", error.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("\t\n")]
    public void Parse_rejects_an_empty_value(string text)
    {
        var error = Assert.Throws<FormatException>(() => PartialDate.Parse(text));

        Assert.Equal("must be a date like 2019, 2019-07 or 2019-07-15, got an empty value", error.Message);
    }

    [Theory]
    [InlineData("2019-13", "'2019-13' is not a calendar date: month 13 is out of range 1..12")]
    [InlineData("2019-99-01", "'2019-99-01' is not a calendar date: month 99 is out of range 1..12")]
    [InlineData("2019-02-30", "'2019-02-30' is not a calendar date: day 30 does not exist in 2019-02")]
    [InlineData("2019-02-29", "'2019-02-29' is not a calendar date: day 29 does not exist in 2019-02")]
    [InlineData("1900-02-29", "'1900-02-29' is not a calendar date: day 29 does not exist in 1900-02")]
    [InlineData("2019-04-31", "'2019-04-31' is not a calendar date: day 31 does not exist in 2019-04")]
    [InlineData("2019-07-32", "'2019-07-32' is not a calendar date: day 32 does not exist in 2019-07")]
    [InlineData("0000", "'0000' is not a calendar date: year 0 is out of range 1..9999")]
    [InlineData("2019-00", "'2019-00' is not a calendar date: month and day start at 01")]
    [InlineData("2019-07-00", "'2019-07-00' is not a calendar date: month and day start at 01")]
    [InlineData("2019-00-15", "'2019-00-15' is not a calendar date: month and day start at 01")]
    public void Parse_rejects_a_date_that_is_not_on_the_calendar_and_names_the_part(string text, string message)
    {
        var error = Assert.Throws<FormatException>(() => PartialDate.Parse(text));

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void TryParse_reports_the_same_error_without_throwing()
    {
        Assert.False(PartialDate.TryParse("19th", out var value, out var error));
        Assert.Equal(default, value);
        Assert.Equal("must be a date like 2019, 2019-07 or 2019-07-15, got '19th'", error);
    }

    [Fact]
    public void TryParse_of_null_is_false_with_the_empty_message()
    {
        Assert.False(PartialDate.TryParse(null, out _));
        Assert.False(PartialDate.TryParse(null, out _, out var error));
        Assert.Equal("must be a date like 2019, 2019-07 or 2019-07-15, got an empty value", error);
    }

    [Fact]
    public void TryParse_of_a_valid_value_has_no_error()
    {
        Assert.True(PartialDate.TryParse("2019-07", out var value, out var error));
        Assert.Null(error);
        Assert.Equal(PartialDate.OfMonth(2019, 7), value);
        Assert.True(PartialDate.TryParse("2019-07", out var again));
        Assert.Equal(value, again);
    }

    [Theory]
    [InlineData("2019")]
    [InlineData("2019-07")]
    [InlineData("2019-07-15")]
    [InlineData("0001")]
    [InlineData("0042-01")]
    [InlineData("9999-12-31")]
    [InlineData("2020-02-29")]
    public void ToString_round_trips_through_Parse(string text)
    {
        var date = PartialDate.Parse(text);

        Assert.Equal(text, date.ToString());
        Assert.Equal(date, PartialDate.Parse(date.ToString()));
    }

    [Fact]
    public void ToString_pads_to_the_wire_format()
    {
        Assert.Equal("0042", PartialDate.OfYear(42).ToString());
        Assert.Equal("2019-03", PartialDate.OfMonth(2019, 3).ToString());
        Assert.Equal("2019-03-05", PartialDate.OfDay(2019, 3, 5).ToString());
    }

    [Fact]
    public void Factories_build_the_value_of_each_precision()
    {
        Assert.Equal(PartialDate.Parse("2019"), PartialDate.OfYear(2019));
        Assert.Equal(PartialDate.Parse("2019-07"), PartialDate.OfMonth(2019, 7));
        Assert.Equal(PartialDate.Parse("2019-07-15"), PartialDate.OfDay(2019, 7, 15));
        Assert.Equal(PartialDate.Parse("2019-07-15"), PartialDate.From(new DateOnly(2019, 7, 15)));
    }

    [Theory]
    [InlineData(0, "year 0 is out of range 1..9999")]
    [InlineData(10000, "year 10000 is out of range 1..9999")]
    [InlineData(-5, "year -5 is out of range 1..9999")]
    public void OfYear_rejects_a_year_out_of_range(int year, string message) =>
        Assert.Equal(message, Assert.Throws<FormatException>(() => PartialDate.OfYear(year)).Message);

    [Theory]
    [InlineData(13, "month 13 is out of range 1..12")]
    [InlineData(-1, "month -1 is out of range 1..12")]
    [InlineData(0, "month 0 is out of range 1..12")]
    public void OfMonth_rejects_a_month_out_of_range(int month, string message) =>
        Assert.Equal(message, Assert.Throws<FormatException>(() => PartialDate.OfMonth(2019, month)).Message);

    [Theory]
    [InlineData(2019, 2, 29, "day 29 does not exist in 2019-02")]
    [InlineData(2019, 7, 0, "day 0 does not exist in 2019-07")]
    [InlineData(2019, 7, 32, "day 32 does not exist in 2019-07")]
    [InlineData(2019, 0, 5, "month 0 is out of range 1..12")]
    public void OfDay_rejects_a_day_that_does_not_exist(int year, int month, int day, string message) =>
        Assert.Equal(message, Assert.Throws<FormatException>(() => PartialDate.OfDay(year, month, day)).Message);
}
