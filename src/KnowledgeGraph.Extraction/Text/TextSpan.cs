namespace KnowledgeGraph.Extraction.Text;

/// <summary>A range [Start, End) of character offsets into a document's text.</summary>
internal readonly record struct TextSpan(int Start, int End)
{
    public int Length => End - Start;

    public bool Contains(int offset) => offset >= Start && offset < End;

    public bool Overlaps(TextSpan other) => Start < other.End && other.Start < End;
}
