namespace KnowledgeGraph.Extraction.Text;

/// <summary>
/// Splits prose into sentences: every line on its own (headings, bullets, CV lines), and inside a line at
/// '.', '!' or '?' unless the period ends an abbreviation ("Dr.", "U.S.", "Inc.") or an initial ("J.").
/// </summary>
internal static class SentenceSplitter
{
    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "dr", "mr", "mrs", "ms", "prof", "jr", "sr", "st", "inc", "ltd", "co", "corp", "vs", "etc", "e.g", "i.e",
        "no", "fig", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "u.s",
        "u.k", "ph.d", "b.s", "m.s", "b.a", "m.a", "b.sc", "m.sc", "approx", "dept", "univ",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> AbbreviationLookup =
        Abbreviations.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Appends the sentences of text[start..) to <paramref name="sentences"/>, trimmed of blanks.</summary>
    public static void Split(string text, int start, List<TextSpan> sentences)
    {
        var lineStart = start;
        while (lineStart < text.Length)
        {
            var newline = text.IndexOf('\n', lineStart);
            var lineEnd = newline < 0 ? text.Length : newline;
            SplitLine(text, lineStart, lineEnd, sentences);
            lineStart = lineEnd + 1;
        }
    }

    private static void SplitLine(string text, int start, int end, List<TextSpan> sentences)
    {
        var sentenceStart = start;
        for (var i = start; i < end; i++)
        {
            var c = text[i];
            if (c is not ('.' or '!' or '?'))
            {
                continue;
            }

            // Closing quotes and brackets belong to the sentence they close.
            var after = i + 1;
            while (after < end && text[after] is '"' or '”' or '’' or '\'' or ')' or ']' or '*')
            {
                after++;
            }

            if (after < end && !char.IsWhiteSpace(text[after]))
            {
                continue;
            }

            if (c == '.' && !EndsSentence(text, sentenceStart, i, after, end))
            {
                continue;
            }

            Add(text, sentenceStart, after, sentences);
            sentenceStart = after;
        }

        Add(text, sentenceStart, end, sentences);
    }

    private static bool EndsSentence(string text, int sentenceStart, int period, int after, int end)
    {
        var wordStart = period;
        while (wordStart > sentenceStart && (char.IsLetter(text[wordStart - 1]) || text[wordStart - 1] == '.'))
        {
            wordStart--;
        }

        var word = text.AsSpan(wordStart, period - wordStart);
        if (word.Length == 1 && char.IsUpper(word[0]))
        {
            return false; // an initial: "J. R. R. Tolkien"
        }

        if (AbbreviationLookup.Contains(word))
        {
            // "Inc." or "U.S." can still end a sentence; only when the next word starts a new one do we split.
            return NextStartsSentence(text, after, end, strict: true);
        }

        return NextStartsSentence(text, after, end, strict: false);
    }

    private static bool NextStartsSentence(string text, int after, int end, bool strict)
    {
        var next = after;
        while (next < end && char.IsWhiteSpace(text[next]))
        {
            next++;
        }

        if (next >= end)
        {
            return true;
        }

        var c = text[next];
        if (strict)
        {
            // After an abbreviation, only a pronoun or function word starting a sentence is convincing.
            return c is 'H' or 'S' or 'T' or 'I' or 'W' && next + 2 < end && char.IsLower(text[next + 1]) && IsSentenceOpener(text, next, end);
        }

        return char.IsUpper(c) || char.IsDigit(c) || c is '"' or '“' or '\'' or '‘' or '(' or '[' or '-' or '*' or '#';
    }

    private static bool IsSentenceOpener(string text, int start, int end)
    {
        var wordEnd = start;
        while (wordEnd < end && char.IsLetter(text[wordEnd]))
        {
            wordEnd++;
        }

        return text.AsSpan(start, wordEnd - start) is "He" or "She" or "They" or "The" or "This" or "That" or "It" or "In" or "We" or "I" or "His" or "Her" or "Their";
    }

    private static void Add(string text, int start, int end, List<TextSpan> sentences)
    {
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        if (end > start)
        {
            sentences.Add(new TextSpan(start, end));
        }
    }
}
