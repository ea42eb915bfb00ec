using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace KnowledgeGraph.Storage.Neo4j;

/// <summary>
/// The words full-text search sees: names normalized as everywhere (<see cref="NameNormalizer"/>), accents folded,
/// split at anything not a letter or digit. Index text and queries are folded by this one function, so they always
/// agree, and a query is made of plain words only: Lucene syntax in user text is just text.
/// </summary>
internal static partial class SearchText
{
    private const int MaxQueryWords = 8;

    /// <summary>Letters that carry no combining mark to strip but still have a plain form.</summary>
    private static readonly Dictionary<char, string> Plain = new()
    {
        ['ł'] = "l",
        ['đ'] = "d",
        ['ð'] = "d",
        ['ø'] = "o",
        ['ß'] = "ss",
        ['æ'] = "ae",
        ['œ'] = "oe",
        ['þ'] = "th",
        ['ı'] = "i",
        ['ħ'] = "h",
        ['ŀ'] = "l",
    };

    public static IReadOnlyList<string> Words(string text)
    {
        var decomposed = NameNormalizer.Normalize(text).Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
            {
                continue;
            }

            if (Plain.TryGetValue(c, out var plain))
            {
                folded.Append(plain);
            }
            else
            {
                folded.Append(c);
            }
        }

        return NonWord().Split(folded.ToString().Normalize(NormalizationForm.FormC)).Where(w => w.Length > 0).ToList();
    }

    /// <summary>The indexed text of a node: the words of all its names, space-separated.</summary>
    public static string Document(IEnumerable<string> names) => string.Join(' ', names.SelectMany(Words));

    /// <summary>A Lucene query requiring every word, the last one as a prefix; null when the text has no word.</summary>
    public static string? Query(string text)
    {
        var words = Words(text).Take(MaxQueryWords).ToList();
        if (words.Count == 0)
        {
            return null;
        }

        // Words hold letters and digits only, lower-cased, so no Lucene operator or special character survives.
        return string.Join(' ', words.Select((w, i) => i == words.Count - 1 ? $"+{w}*" : $"+{w}"));
    }

    [GeneratedRegex(@"[^\p{L}\p{N}]+")]
    private static partial Regex NonWord();
}
