using System.Text.RegularExpressions;

namespace KnowledgeGraph.Extraction.Career;

/// <summary>CV lines and bullets ("2017–2021: Research Scientist, Google Brain", "- Co-authored ..."): no subject, the page's person.</summary>
internal static partial class CvLine
{
    [GeneratedRegex(
        @"^[\s\-*•#>\d.:,;()–—/]*(?:(?:in|since|from|to|present|previously|then|later|also|and|until|between|early|late|mid|spring|summer|fall|autumn|winter)[\s\-*•#>\d.:,;()–—/]*)*$",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex DatesOnly();

    /// <summary>True when text[start..end) holds only bullets, punctuation and date words: the line has no subject of its own.</summary>
    public static bool OnlyDatesBefore(string text, int start, int end) =>
        end >= start && DatesOnly().IsMatch(text.AsSpan(start, end - start));
}
