using KnowledgeGraph.Core.Graph;
using KnowledgeGraph.Extraction.Entities;
using KnowledgeGraph.Extraction.Text;

namespace KnowledgeGraph.Extraction.Career;

/// <summary>A career verb or title found in a sentence, with what the phrase itself already tells.</summary>
internal sealed record Trigger(TriggerKind Kind, TextSpan Span)
{
    /// <summary>The title or degree the phrase states ("VP of Research", "master's degree in physics").</summary>
    public string? Role { get; init; }

    public TextSpan RoleSpan { get; init; }

    /// <summary>For titles: the organization the title is held at, found with the title.</summary>
    public EntityMention? Organization { get; init; }

    /// <summary>For titles: WORKED_AT, STUDIED_AT ("PhD student at") or LED ("head of the X team").</summary>
    public Relation TitleRelation { get; init; } = Relation.WorkedAt;

    /// <summary>Where the clause of this trigger starts: dates and hedges are looked for from here.</summary>
    public int RegionStart { get; set; }

    public int RegionEnd { get; set; }
}
