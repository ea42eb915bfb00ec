namespace KnowledgeGraph.Extraction.Text;

/// <summary>Splits text into words, numbers and punctuation, keeping "GPT-4", "U.S." and "co-founded" whole.</summary>
internal static class Tokenizer
{
    private static readonly HashSet<string> DottedAbbreviations = new(StringComparer.Ordinal)
    {
        "Dr", "Mr", "Mrs", "Ms", "Prof", "Jr", "Sr", "St", "Inc", "Ltd", "Co", "Corp", "vs", "etc", "No",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> DottedLookup =
        DottedAbbreviations.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Appends the tokens of text[start..end) to <paramref name="tokens"/>.</summary>
    public static void Tokenize(string text, int start, int end, List<Token> tokens)
    {
        var i = start;
        while (i < end)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            if (!char.IsLetterOrDigit(c))
            {
                tokens.Add(new Token(i, i + 1, TokenShape.Punctuation, false));
                i++;
                continue;
            }

            var tokenStart = i;
            var hasDigit = false;
            var hasLetter = false;
            var hasInnerDot = false;
            while (i < end)
            {
                c = text[i];
                if (char.IsLetterOrDigit(c))
                {
                    hasDigit |= char.IsDigit(c);
                    hasLetter |= char.IsLetter(c);
                    i++;
                    continue;
                }

                var next = i + 1 < end ? text[i + 1] : '\0';
                if (c is '-' or '.' or '·' or '&' or '\'' or '’' && char.IsLetterOrDigit(next))
                {
                    // "Rubik's" and "OpenAI's" end before the possessive; "didn't" stays whole.
                    if (c is '\'' or '’' && next is 's' && (i + 2 >= end || !char.IsLetter(text[i + 2])))
                    {
                        break;
                    }

                    hasInnerDot |= c == '.';
                    i++;
                    continue;
                }

                break;
            }

            if (i < end && text[i] == '.' && hasLetter)
            {
                var word = text.AsSpan(tokenStart, i - tokenStart);
                var initial = word.Length == 1 && char.IsUpper(word[0]);
                if (hasInnerDot || initial || DottedLookup.Contains(word))
                {
                    i++;
                }
            }

            var shape = !hasLetter ? TokenShape.Number
                : char.IsUpper(text[tokenStart]) ? TokenShape.Capitalized
                : TokenShape.Lower;
            tokens.Add(new Token(tokenStart, i, shape, hasDigit));
        }
    }

    /// <summary>The word and number tokens of a short string, for indexing names.</summary>
    public static string[] Words(string text)
    {
        var tokens = new List<Token>();
        Tokenize(text, 0, text.Length, tokens);
        return [.. tokens.Where(t => t.Shape != TokenShape.Punctuation || text[t.Start] == ',').Select(t => text[t.Start..t.End])];
    }
}
