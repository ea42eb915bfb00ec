using System.Text.RegularExpressions;

namespace KnowledgeGraph.Extraction.Career;

/// <summary>Negation and speculation: what must not become a claim ("did not join", "may join", "is expected to").</summary>
internal static partial class Hedges
{
    [GeneratedRegex(
        @"\b(?:not|never|no\s+longer|neither|nor|denied|denies|deny|may|might|could|would|will|shall|should|expected|likely|unlikely|reportedly|plans?|planned|planning|considering|considers|whether|if|maybe|perhaps|possibly|potentially|hopes?|hoping|wants?|wanted|set\s+to|in\s+talks|about\s+to|going\s+to|rumou?red|said\s+to|poised|intends?|aims?\s+to|to\s+pursue|offered|declined|refused|failed)\b|n['’]t\b|['’]ll\b",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Hedge();

    [GeneratedRegex(@"\b(?:rumou?rs?|rumou?red|speculation|speculates?|speculated|unconfirmed|hypothetical(?:ly)?)\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex RumourSentence();

    /// <summary>True when text[start..end) negates or hedges the verb it ends with.</summary>
    public static bool InRegion(string text, int start, int end) =>
        end > start && Hedge().IsMatch(text.AsSpan(start, end - start));

    /// <summary>True when the whole sentence is a rumour or speculation, or a question.</summary>
    public static bool IsSpeculative(ReadOnlySpan<char> sentence)
    {
        var trimmed = sentence.TrimEnd();
        while (!trimmed.IsEmpty && trimmed[^1] is '"' or '”' or '\'' or '’' or ')' or '*')
        {
            trimmed = trimmed[..^1];
        }

        return (!trimmed.IsEmpty && trimmed[^1] == '?') || RumourSentence().IsMatch(sentence);
    }
}
