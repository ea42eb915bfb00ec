using KnowledgeGraph.Core.Dates;

namespace KnowledgeGraph.Extraction;

/// <summary>
/// One input text with what its front matter says about it. <see cref="Text"/> is the whole input, front matter
/// included, so evidence offsets point into the file the user gave; the prose starts at <see cref="BodyStart"/>.
/// </summary>
public sealed record Document(string Text)
{
    public string? Title { get; init; }

    public string? Url { get; init; }

    /// <summary>When the document was published; anchors "last year" and "earlier this year".</summary>
    public PartialDate? Date { get; init; }

    /// <summary>Offset of the first character after the front matter (0 when there is none).</summary>
    public int BodyStart { get; init; }

    /// <summary>A document with no front matter: the whole text is prose.</summary>
    public static Document FromText(string text, PartialDate? date = null) => new(text) { Date = date };
}
