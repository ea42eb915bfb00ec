using KnowledgeGraph.Core.Graph;

namespace KnowledgeGraph.Storage.Neo4j;

/// <summary>
/// The parts of statements that cannot be parameters (labels, relationship types), made only from our closed enums.
/// No text from input is ever placed in a statement.
/// </summary>
internal static class Neo4jCypher
{
    /// <summary>Every career and structural relationship type, as a Cypher type alternation: WORKED_AT|STUDIED_AT|….</summary>
    public static string AllTypes { get; } = string.Join('|', Relations.All.Select(Type));

    /// <summary>The relationship type of a relation: its wire name, which is a valid Cypher identifier.</summary>
    public static string Type(Relation relation) => relation.ToWire();

    /// <summary>The label of a node kind.</summary>
    public static string Label(NodeKind kind) => kind switch
    {
        NodeKind.Person => "Person",
        NodeKind.Organization => "Organization",
        NodeKind.Model => "Model",
        NodeKind.Paper => "Paper",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>The columns an edge is read from, for a relationship r from a to b.</summary>
    public const string EdgeColumns =
        "r.id AS id, type(r) AS relation, a.id AS fromId, b.id AS toId, r.role AS role, r.start AS start, r.`end` AS finish, r.confidence AS confidence, r.recordedAt AS recordedAt";

    /// <summary>The columns a node is read from, for a node n.</summary>
    public const string NodeColumns =
        "n.id AS id, n.kind AS kind, n.name AS name, n.names AS names, n.orgKind AS orgKind, n.parentId AS parentId, n.year AS year, n.venue AS venue";

    /// <summary>The columns a source is read from, for a node s (retractedAt is read apart: exports leave it out).</summary>
    public const string SourceColumns =
        "s.id AS id, s.title AS title, s.url AS url, s.publishedOn AS publishedOn, s.contentHash AS contentHash, s.ingestedAt AS ingestedAt";

    /// <summary>
    /// The columns of the person's choices held on a relationship r: for each of the two fields (start, end) the value
    /// (a partial date string), the note ('' for none) and when it was chosen; all null when the field was not chosen.
    /// </summary>
    public const string ResolutionColumns =
        "r.resolvedStart AS resolvedStart, r.resolvedStartNote AS resolvedStartNote, r.resolvedStartAt AS resolvedStartAt, " +
        "r.resolvedEnd AS resolvedEnd, r.resolvedEndNote AS resolvedEndNote, r.resolvedEndAt AS resolvedEndAt";

    /// <summary>The relationship property holding the choice for a field ("start" or "end"); its note and time add "Note" and "At".</summary>
    public static string ResolvedProperty(string field) => field switch
    {
        ConflictResolution.StartField => "resolvedStart",
        ConflictResolution.EndField => "resolvedEnd",
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "a conflict field is 'start' or 'end'"),
    };

    /// <summary>
    /// A subquery finding relationships of every type by a property held in <paramref name="variable"/>, one index seek
    /// per type (a relationship lookup without a type could not use an index).
    /// </summary>
    public static string EdgesWhere(string property, string variable) =>
        "CALL { WITH " + variable + "\n" + string.Join("\n  UNION\n  WITH " + variable + "\n", Relations.All.Select(r =>
            $"  MATCH (a:Node)-[r:{Type(r)}]->(b:Node) WHERE r.{property} = {variable} RETURN a, r, b")) + "\n}";

    /// <summary>A subquery over relationships of every type whose <paramref name="property"/> is true, one index lookup per type.</summary>
    public static string EdgesFlagged(string property) =>
        "CALL {\n" + string.Join("\n  UNION ALL\n", Relations.All.Select(r =>
            $"  MATCH (a:Node)-[r:{Type(r)}]->(b:Node) WHERE r.{property} = true RETURN a, r, b")) + "\n}";
}
