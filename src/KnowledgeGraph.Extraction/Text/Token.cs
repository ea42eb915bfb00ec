namespace KnowledgeGraph.Extraction.Text;

/// <summary>What a token looks like; enough to tell names, numbers and punctuation apart.</summary>
internal enum TokenShape
{
    /// <summary>All lower case: "joined", "o1".</summary>
    Lower,

    /// <summary>Starts upper case: "Jerry", "OpenAI", "GPT-4".</summary>
    Capitalized,

    /// <summary>Digits only: "2019", "1.5".</summary>
    Number,

    /// <summary>A single punctuation character.</summary>
    Punctuation,
}

/// <summary>One word, number or punctuation mark, by its offsets in the document text.</summary>
internal readonly record struct Token(int Start, int End, TokenShape Shape, bool HasDigit)
{
    public int Length => End - Start;

    public bool IsWord => Shape is TokenShape.Lower or TokenShape.Capitalized;

    public ReadOnlySpan<char> In(string text) => text.AsSpan(Start, End - Start);
}
