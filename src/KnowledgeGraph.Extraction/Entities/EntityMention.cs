using KnowledgeGraph.Extraction.Text;

namespace KnowledgeGraph.Extraction.Entities;

/// <summary>A name, pronoun or reference found in a sentence, with the name it prints under in this document.</summary>
internal sealed class EntityMention(TextSpan span, MentionKind kind, string name)
{
    public TextSpan Span { get; } = span;

    public MentionKind Kind { get; set; } = kind;

    /// <summary>The fullest form the document gives ("Jerry Tworek" for "Jerry"; "OpenAI" for "OpenAL").</summary>
    public string Name { get; set; } = name;

    /// <summary>The surface text, as written.</summary>
    public string Surface { get; } = name;

    public GazetteerEntry? Entry { get; init; }

    /// <summary>Set when the name was taken to be a variant of another one (a typo or a case variant).</summary>
    public bool IsVariant { get; set; }

    /// <summary>Position in the document's list of mentions, for looking back from a reference.</summary>
    public int Index { get; set; }

    public int Start => Span.Start;

    public int End => Span.End;

    public bool IsPersonLike => Kind is MentionKind.Person or MentionKind.Pronoun or MentionKind.Relative;

    public override string ToString() => $"{Kind}:{Name}@{Span.Start}";
}
