using System.Diagnostics.CodeAnalysis;

namespace KnowledgeGraph.Core.Graph;

/// <summary>Wire names ("WORKED_AT") and the rules each relation follows.</summary>
public static class Relations
{
    private static readonly Dictionary<Relation, string> Names = new()
    {
        [Relation.WorkedAt] = "WORKED_AT",
        [Relation.StudiedAt] = "STUDIED_AT",
        [Relation.WorkedOn] = "WORKED_ON",
        [Relation.Led] = "LED",
        [Relation.Authored] = "AUTHORED",
        [Relation.Joined] = "JOINED",
        [Relation.Left] = "LEFT",
        [Relation.Founded] = "FOUNDED",
        [Relation.DevelopedBy] = "DEVELOPED_BY",
        [Relation.PartOf] = "PART_OF",
    };

    private static readonly Dictionary<string, Relation> ByName =
        Names.ToDictionary(p => p.Value, p => p.Key, StringComparer.OrdinalIgnoreCase);

    public static IReadOnlyCollection<Relation> All => Names.Keys;

    public static string ToWire(this Relation relation) => Names[relation];

    public static bool TryParse([NotNullWhen(true)] string? name, out Relation relation) =>
        ByName.TryGetValue(name ?? string.Empty, out relation);

    /// <summary>Events happen on one date, held in <c>start</c>.</summary>
    public static bool IsEvent(this Relation relation) => relation is Relation.Joined or Relation.Left or Relation.Founded;

    /// <summary>Edges that say someone built or led a work (a model or a paper).</summary>
    public static bool IsContribution(this Relation relation) =>
        relation is Relation.WorkedOn or Relation.Led or Relation.Authored;

    /// <summary>Edges that shape a person's affiliations with organizations.</summary>
    public static bool IsAffiliation(this Relation relation) =>
        relation is Relation.WorkedAt or Relation.StudiedAt or Relation.Joined or Relation.Left or Relation.Founded;

    /// <summary>The node kinds an edge may go from and to; anything else is rejected on write.</summary>
    public static bool Allows(this Relation relation, NodeKind from, NodeKind to) => relation switch
    {
        Relation.WorkedAt or Relation.StudiedAt or Relation.Joined or Relation.Left or Relation.Founded =>
            from == NodeKind.Person && to == NodeKind.Organization,
        Relation.WorkedOn => from == NodeKind.Person && to is NodeKind.Model or NodeKind.Paper,
        Relation.Led => from == NodeKind.Person && to is NodeKind.Model or NodeKind.Organization or NodeKind.Paper,
        Relation.Authored => from == NodeKind.Person && to == NodeKind.Paper,
        Relation.DevelopedBy => from == NodeKind.Model && to == NodeKind.Organization,
        Relation.PartOf => from == NodeKind.Organization && to == NodeKind.Organization,
        _ => false,
    };
}
