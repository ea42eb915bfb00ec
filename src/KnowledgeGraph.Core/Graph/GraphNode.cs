namespace KnowledgeGraph.Core.Graph;

/// <summary>
/// One node: a person, organization, model or paper. Kind-specific fields are null where they do not apply
/// (<see cref="OrganizationKind"/> and <see cref="ParentId"/> for organizations, <see cref="Year"/> and
/// <see cref="Venue"/> for papers).
/// </summary>
public sealed record GraphNode(string Id, NodeKind Kind, string Name, IReadOnlyList<string> Aliases)
{
    public OrganizationKind? OrganizationKind { get; init; }

    public string? ParentId { get; init; }

    public int? Year { get; init; }

    public string? Venue { get; init; }
}
