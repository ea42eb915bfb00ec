using System.Globalization;
using System.Text.RegularExpressions;
using KnowledgeGraph.Core.Dates;
using KnowledgeGraph.Extraction.Text;

namespace KnowledgeGraph.Extraction.Dates;

/// <summary>
/// Finds date expressions in a sentence and states them exactly as precisely as the text does: "2019",
/// "2019-07", "2026-01-06". Durations ("nearly seven years") and months without a year give nothing; "last year"
/// and "this year" count from the document's date, and give nothing when the document has none.
/// </summary>
internal static partial class DateExpressionFinder
{
    private const string Month =
        @"(?<month>January|February|March|April|May|June|July|August|September|October|November|December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)";

    private const string Year = @"(?<year>19[5-9]\d|20\d\d)";

    [GeneratedRegex(
        @"\G(?:\b(?<iy>19[5-9]\d|20\d\d)-(?<im>0[1-9]|1[0-2])-(?<id>0[1-9]|[12]\d|3[01])\b"
        + @"|\b(?<day>[0-3]?\d)(?:st|nd|rd|th)?\s+" + Month + @",?\s+" + Year + @"\b"
        + @"|\b" + Month + @"\s+(?<day>[0-3]?\d)(?:st|nd|rd|th)?,?\s+" + Year + @"\b"
        + @"|\b" + Month + @",?\s+(?:of\s+)?" + Year + @"\b"
        + @"|\b(?<season>(?:[Ee]arly|[Ll]ate|[Mm]id|[Ss]pring|[Ss]ummer|[Ff]all|[Aa]utumn|[Ww]inter)(?:[-\s]+of)?)[-\s]+" + Year + @"\b"
        + @"|\b" + Year + @"\b"
        + @"|\b(?<rel>[Ll]ast\s+year|(?:[Ee]arlier\s+|[Ll]ater\s+)?this\s+year|[Ll]ast\s+month|this\s+month|[Yy]esterday)\b)",
        RegexOptions.CultureInvariant)]
    private static partial Regex PointPattern();

    // Words a date expression can start with; the pattern is only tried at these and at numbers.
    private static readonly HashSet<string> FirstWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
        "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "jan.", "feb.",
        "mar.", "apr.", "jun.", "jul.", "aug.", "sep.", "sept.", "oct.", "nov.", "dec.", "early", "late", "mid", "spring",
        "summer", "fall", "autumn", "winter", "last", "this", "earlier", "later", "yesterday",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> FirstWordsLookup = FirstWords.GetAlternateLookup<ReadOnlySpan<char>>();

    [GeneratedRegex(@"(?:\bfrom|\bbetween|\b[Ff]rom|\b[Bb]etween)\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex RangeOpener();

    [GeneratedRegex(@"^\s*(?:–|—|-|to|until|till|through|and)\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex RangeJoiner();

    [GeneratedRegex(@"^\s*(?:–|—|-|to|until|till)\s*(?:the\s+)?(?:present|now|today|date)\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex OpenEnd();

    [GeneratedRegex(@"\b(?:since|as\s+of)\s*$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex SinceBefore();

    [GeneratedRegex(@"\b(?:until|till|through)\s*$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex UntilBefore();

    [GeneratedRegex(@"\b(?:born|by|before|after|circa|around|c\.)\s*$|[$€£]\s*$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex InexactBefore();

    // "as reported on June 26, 2025", "a report from July 16", "in a post on February 7": when it was written, not
    // when anything in the career happened.
    [GeneratedRegex(@"\b(?:(?:reported|published|posted|written)\s+on|(?:report|post|article|memo|interview|blog\s+post|statement)\s+(?:on|from|dated|of))\s*$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex PublishedBefore();

    /// <summary>Appends the date expressions of text[span] to <paramref name="found"/>, in order.</summary>
    public static void Find(string text, TextSpan span, IReadOnlyList<Token> tokens, PartialDate? documentDate, List<DateExpression> found)
    {
        var first = found.Count;
        var covered = span.Start;
        foreach (var token in tokens)
        {
            var word = token.In(text);
            var dash = word.IndexOf('-');
            var candidate = token.Shape == TokenShape.Number || char.IsDigit(word[0]) || FirstWordsLookup.Contains(word)
                || (dash > 0 && FirstWordsLookup.Contains(word[..dash]));
            if (!candidate || token.Start < covered)
            {
                continue;
            }

            var position = token.Start;
            while (position < token.End)
            {
                var m = PointPattern().Match(text, position, span.End - position);
                if (!m.Success || m.Length == 0)
                {
                    break;
                }

                covered = m.Index + m.Length;
                var date = ToDate(m, documentDate);
                if (date is not null && !IsNotACareerDate(text, span.Start, m))
                {
                    found.Add(new DateExpression(new TextSpan(m.Index, m.Index + m.Length), DateShape.Point, date, null));
                }

                // "2010-2014" is one token holding two years.
                position = covered < token.End - 1 && text[covered] == '-' && char.IsDigit(text[covered + 1]) ? covered + 1 : token.End;
            }
        }

        Combine(text, span, found, first);
    }

    private static PartialDate? ToDate(Match m, PartialDate? documentDate)
    {
        if (m.Groups["iy"].Success)
        {
            var iso = $"{m.Groups["iy"].Value}-{m.Groups["im"].Value}-{m.Groups["id"].Value}";
            return PartialDate.TryParse(iso, out var isoDate) ? isoDate : null;
        }

        if (m.Groups["rel"].Success)
        {
            return Relative(m.Groups["rel"].Value, documentDate);
        }

        var year = int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture);
        if (!m.Groups["month"].Success)
        {
            return PartialDate.OfYear(year);
        }

        var month = MonthNumber(m.Groups["month"].Value);
        if (!m.Groups["day"].Success)
        {
            return PartialDate.OfMonth(year, month);
        }

        var day = int.Parse(m.Groups["day"].Value, CultureInfo.InvariantCulture);
        return day >= 1 && day <= DateTime.DaysInMonth(year, month) ? PartialDate.OfDay(year, month, day) : PartialDate.OfMonth(year, month);
    }

    private static PartialDate? Relative(string phrase, PartialDate? documentDate)
    {
        if (documentDate is not { } anchor)
        {
            return null;
        }

        var lower = phrase.ToLowerInvariant();
        if (lower.EndsWith("year", StringComparison.Ordinal))
        {
            return lower.StartsWith("last", StringComparison.Ordinal) ? PartialDate.OfYear(anchor.Year - 1) : PartialDate.OfYear(anchor.Year);
        }

        if (anchor.Month is not { } month)
        {
            return null;
        }

        if (lower == "this month")
        {
            return PartialDate.OfMonth(anchor.Year, month);
        }

        if (lower == "last month")
        {
            return month == 1 ? PartialDate.OfMonth(anchor.Year - 1, 12) : PartialDate.OfMonth(anchor.Year, month - 1);
        }

        // "yesterday" needs the day.
        return anchor.Day is null ? null : PartialDate.From(anchor.FirstDay.AddDays(-1));
    }

    private static int MonthNumber(string name) => name[..3].ToLowerInvariant() switch
    {
        "jan" => 1,
        "feb" => 2,
        "mar" => 3,
        "apr" => 4,
        "may" => 5,
        "jun" => 6,
        "jul" => 7,
        "aug" => 8,
        "sep" => 9,
        "oct" => 10,
        "nov" => 11,
        _ => 12,
    };

    // "NeurIPS 2019" names an event and "(born 1988)" is no career date; "$2020" is money; "reported on June 26" dates the report.
    private static bool IsNotACareerDate(string text, int sentenceStart, Match m)
    {
        var before = text.AsSpan(sentenceStart, m.Index - sentenceStart);
        if (InexactBefore().IsMatch(before) || PublishedBefore().IsMatch(before))
        {
            return true;
        }

        if (m.Groups["month"].Success || m.Groups["season"].Success || m.Groups["rel"].Success || m.Groups["iy"].Success)
        {
            return false;
        }

        var trimmed = before.TrimEnd();
        var wordStart = trimmed.Length;
        while (wordStart > 0 && char.IsLetterOrDigit(trimmed[wordStart - 1]))
        {
            wordStart--;
        }

        var word = trimmed[wordStart..];
        return word.Length > 0 && char.IsUpper(word[0]) && !IsDateWord(word);
    }

    private static bool IsDateWord(ReadOnlySpan<char> word) =>
        word is "In" or "Since" or "From" or "Until" or "Till" or "By" or "Between" or "And" or "Of" or "Early" or "Late"
            or "Mid" or "During" or "Around" or "Through" or "To" or "After" or "Before";

    private static void Combine(string text, TextSpan sentence, List<DateExpression> found, int first)
    {
        var i = first;
        while (i < found.Count)
        {
            var current = found[i];
            var prefix = text.AsSpan(sentence.Start, current.Span.Start - sentence.Start);
            if (i + 1 < found.Count && current.Shape == DateShape.Point)
            {
                var next = found[i + 1];
                var between = text.AsSpan(current.Span.End, next.Span.Start - current.Span.End);
                var openerIndex = -1;
                foreach (var opener in RangeOpener().EnumerateMatches(prefix))
                {
                    openerIndex = opener.Index;
                }

                if (RangeJoiner().IsMatch(between) && (between.Trim() is not "and" || openerIndex >= 0))
                {
                    var start = openerIndex >= 0 ? sentence.Start + openerIndex : current.Span.Start;
                    found[i] = new DateExpression(new TextSpan(start, next.Span.End), DateShape.Range, current.From, next.From);
                    found.RemoveAt(i + 1);
                    i++;
                    continue;
                }
            }

            var rest = text.AsSpan(current.Span.End, sentence.End - current.Span.End);
            var openLength = 0;
            foreach (var open in OpenEnd().EnumerateMatches(rest))
            {
                openLength = open.Length;
            }

            if (openLength > 0)
            {
                found[i] = new DateExpression(new TextSpan(current.Span.Start, current.Span.End + openLength), DateShape.Range, current.From, null);
            }
            else if (SinceBefore().IsMatch(prefix))
            {
                found[i] = current with { Shape = DateShape.Since };
            }
            else if (UntilBefore().IsMatch(prefix))
            {
                found[i] = current with { Shape = DateShape.Until, From = null, To = current.From };
            }

            i++;
        }
    }
}
