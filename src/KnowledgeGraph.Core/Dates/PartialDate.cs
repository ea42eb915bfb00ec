using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace KnowledgeGraph.Core.Dates;

/// <summary>
/// A calendar date known to a year, a month or a day ("2019", "2019-07", "2019-07-15").
/// The value stands for every day it covers: "2019" is the span 2019-01-01..2019-12-31.
/// </summary>
public readonly struct PartialDate : IEquatable<PartialDate>, IComparable<PartialDate>
{
    private readonly short _year;
    private readonly byte _month;
    private readonly byte _day;

    private PartialDate(int year, int month, int day)
    {
        _year = (short)year;
        _month = (byte)month;
        _day = (byte)day;
    }

    public int Year => _year;

    /// <summary>The month, or null when only the year is known.</summary>
    public int? Month => _month == 0 ? null : _month;

    /// <summary>The day of the month, or null when the day is not known.</summary>
    public int? Day => _day == 0 ? null : _day;

    public DatePrecision Precision => _day != 0 ? DatePrecision.Day : _month != 0 ? DatePrecision.Month : DatePrecision.Year;

    /// <summary>The first calendar day the value covers.</summary>
    public DateOnly FirstDay => new(Year, _month == 0 ? 1 : _month, _day == 0 ? 1 : _day);

    /// <summary>The last calendar day the value covers.</summary>
    public DateOnly LastDay => Precision switch
    {
        DatePrecision.Year => new DateOnly(Year, 12, 31),
        DatePrecision.Month => new DateOnly(Year, _month, DateTime.DaysInMonth(Year, _month)),
        _ => FirstDay,
    };

    public static PartialDate OfYear(int year) => Create(year, 0, 0, DatePrecision.Year);

    public static PartialDate OfMonth(int year, int month) => Create(year, month, 0, DatePrecision.Month);

    public static PartialDate OfDay(int year, int month, int day) => Create(year, month, day, DatePrecision.Day);

    public static PartialDate From(DateOnly date) => OfDay(date.Year, date.Month, date.Day);

    private static PartialDate Create(int year, int month, int day, DatePrecision stated)
    {
        var error = Validate(year, month, day, stated);
        return error is null ? new PartialDate(year, month, day) : throw new FormatException(error);
    }

    // 0 means "not stated" inside the struct only: OfMonth(2019, 0) must fail, not quietly become "2019".
    private static string? Validate(int year, int month, int day, DatePrecision stated)
    {
        if (year is < 1 or > 9999)
        {
            return $"year {year} is out of range 1..9999";
        }

        if (month is < 0 or > 12 || (month == 0 && stated >= DatePrecision.Month))
        {
            return $"month {month} is out of range 1..12";
        }

        if (month == 0 && day != 0)
        {
            return "a day needs a month";
        }

        if ((day != 0 || stated == DatePrecision.Day) && (day < 1 || day > DateTime.DaysInMonth(year, month)))
        {
            return $"day {day} does not exist in {year:D4}-{month:D2}";
        }

        return null;
    }

    /// <summary>Parses "YYYY", "YYYY-MM" or "YYYY-MM-DD"; throws <see cref="FormatException"/> saying what is wrong.</summary>
    public static PartialDate Parse(string text) =>
        TryParse(text, out var value, out var error) ? value : throw new FormatException(error);

    public static bool TryParse([NotNullWhen(true)] string? text, out PartialDate value) => TryParse(text, out value, out _);

    public static bool TryParse([NotNullWhen(true)] string? text, out PartialDate value, [NotNullWhen(false)] out string? error)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "must be a date like 2019, 2019-07 or 2019-07-15, got an empty value";
            return false;
        }

        if (TryParseCanonical(text, out value))
        {
            error = null;
            return true;
        }

        var parts = text.Trim().Split('-');
        var shapeOk = parts.Length <= 3
            && parts[0].Length == 4
            && parts.Skip(1).All(p => p.Length == 2)
            && parts.All(p => p.All(char.IsAsciiDigit));
        if (!shapeOk)
        {
            error = $"must be a date like 2019, 2019-07 or 2019-07-15, got '{text}'";
            return false;
        }

        var numbers = parts.Select(p => int.Parse(p, CultureInfo.InvariantCulture)).ToArray();
        var year = numbers[0];
        var month = numbers.Length > 1 ? numbers[1] : 0;
        var day = numbers.Length > 2 ? numbers[2] : 0;
        if ((numbers.Length > 1 && month == 0) || (numbers.Length > 2 && day == 0))
        {
            error = $"'{text}' is not a calendar date: month and day start at 01";
            return false;
        }

        var problem = Validate(year, month, day, (DatePrecision)numbers.Length);
        if (problem is not null)
        {
            error = $"'{text}' is not a calendar date: {problem}";
            return false;
        }

        value = new PartialDate(year, month, day);
        error = null;
        return true;
    }

    /// <summary>
    /// Reads a well-formed value ("2019", "2019-07", "2019-07-15", as stores hold them) without allocating; anything
    /// else (spaces, another shape, an impossible date) is left to the general path and its error messages.
    /// </summary>
    private static bool TryParseCanonical(string text, out PartialDate value)
    {
        value = default;
        var length = text.Length;
        if (length is not (4 or 7 or 10) || (length >= 7 && text[4] != '-') || (length == 10 && text[7] != '-'))
        {
            return false;
        }

        var precision = length == 4 ? DatePrecision.Year : length == 7 ? DatePrecision.Month : DatePrecision.Day;
        var year = Digits(text, 0, 4);
        var month = precision >= DatePrecision.Month ? Digits(text, 5, 2) : 0;
        var day = precision == DatePrecision.Day ? Digits(text, 8, 2) : 0;
        if (year < 0 || month < 0 || day < 0 || Validate(year, month, day, precision) is not null)
        {
            return false;
        }

        value = new PartialDate(year, month, day);
        return true;
    }

    /// <summary>The number written by <paramref name="count"/> ASCII digits at <paramref name="start"/>, or -1.</summary>
    private static int Digits(string text, int start, int count)
    {
        var number = 0;
        for (var i = start; i < start + count; i++)
        {
            if (!char.IsAsciiDigit(text[i]))
            {
                return -1;
            }

            number = (number * 10) + (text[i] - '0');
        }

        return number;
    }

    /// <summary>True when every day of <paramref name="other"/> is a day of this value ("2019" contains "2019-03-01").</summary>
    public bool Contains(PartialDate other) => FirstDay <= other.FirstDay && other.LastDay <= LastDay;

    /// <summary>True when one value contains the other: they may describe the same moment at different precision.</summary>
    public bool IsCompatibleWith(PartialDate other) => Contains(other) || other.Contains(this);

    /// <summary>True when this value ends before <paramref name="other"/> begins.</summary>
    public bool IsBefore(PartialDate other) => LastDay < other.FirstDay;

    /// <summary>True when this value begins after <paramref name="other"/> ends.</summary>
    public bool IsAfter(PartialDate other) => FirstDay > other.LastDay;

    /// <summary>The more precise of two compatible values; null when they are not compatible.</summary>
    public static PartialDate? Refine(PartialDate a, PartialDate b) =>
        a.Contains(b) ? b : b.Contains(a) ? a : null;

    /// <summary>
    /// The most precise value both share ("2026-01-05" and "2026-01-07" share "2026-01"),
    /// or null when they differ in the year.
    /// </summary>
    public static PartialDate? SharedPart(PartialDate a, PartialDate b)
    {
        if (a.Year != b.Year)
        {
            return null;
        }

        if (a._month == 0 || b._month == 0 || a._month != b._month)
        {
            return OfYear(a.Year);
        }

        if (a._day == 0 || b._day == 0 || a._day != b._day)
        {
            return OfMonth(a.Year, a._month);
        }

        return a;
    }

    /// <summary>Orders by first day, then the less precise value first ("2019" before "2019-01-01").</summary>
    public int CompareTo(PartialDate other)
    {
        var byDay = FirstDay.CompareTo(other.FirstDay);
        return byDay != 0 ? byDay : Precision.CompareTo(other.Precision);
    }

    public bool Equals(PartialDate other) => _year == other._year && _month == other._month && _day == other._day;

    public override bool Equals(object? obj) => obj is PartialDate other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(_year, _month, _day);

    public override string ToString() => Precision switch
    {
        DatePrecision.Year => Year.ToString("D4", CultureInfo.InvariantCulture),
        DatePrecision.Month => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{_month:D2}"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{_month:D2}-{_day:D2}"),
    };

    public static bool operator ==(PartialDate left, PartialDate right) => left.Equals(right);

    public static bool operator !=(PartialDate left, PartialDate right) => !left.Equals(right);

    public static bool operator <(PartialDate left, PartialDate right) => left.CompareTo(right) < 0;

    public static bool operator >(PartialDate left, PartialDate right) => left.CompareTo(right) > 0;

    public static bool operator <=(PartialDate left, PartialDate right) => left.CompareTo(right) <= 0;

    public static bool operator >=(PartialDate left, PartialDate right) => left.CompareTo(right) >= 0;
}
