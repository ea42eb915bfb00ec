using KnowledgeGraph.Core.Graph;

namespace KnowledgeGraph.Extraction.Entities;

/// <summary>A known entity: its name, the other names it goes by, and its kind.</summary>
public sealed record GazetteerEntry(string Name, NodeKind Kind, IReadOnlyList<string> Aliases)
{
    /// <summary>For organizations: lab, company, university or team, when known.</summary>
    public OrganizationKind? OrganizationKind { get; init; }

    public GazetteerEntry(string name, NodeKind kind, params string[] aliases)
        : this(name, kind, (IReadOnlyList<string>)aliases)
    {
    }

    public IEnumerable<string> Names => Aliases.Prepend(Name);
}
