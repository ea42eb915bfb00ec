using KnowledgeGraph.Core.Dates;
using KnowledgeGraph.Core.Graph;

namespace KnowledgeGraph.Core.Tests;

/// <summary>Hand-built career edges for one person, written the way a biography reads.</summary>
internal static class Career
{
    public const string Person = "person:jerry-tworek";

    public static PartialDate D(string text) => PartialDate.Parse(text);

    public static PartialDate? Maybe(string? text) => text is null ? null : PartialDate.Parse(text);

    public static GraphEdge WorkedAt(string org, string? start, string? end = null, string? title = null) =>
        Edge(Relation.WorkedAt, org, start, end, title);

    public static GraphEdge StudiedAt(string org, string? start, string? end = null, string? degree = null) =>
        Edge(Relation.StudiedAt, org, start, end, degree);

    public static GraphEdge Joined(string org, string? on) => Edge(Relation.Joined, org, on, null, null);

    public static GraphEdge Left(string org, string? on) => Edge(Relation.Left, org, on, null, null);

    public static GraphEdge Founded(string org, string? on) => Edge(Relation.Founded, org, on, null, null);

    public static GraphEdge WorkedOn(string model, string? start, string? role = null) =>
        Edge(Relation.WorkedOn, model, start, null, role);

    private static GraphEdge Edge(Relation relation, string to, string? start, string? end, string? role) =>
        new(EdgeIdentity.NewId(relation, Person, to, role, Maybe(start)) + "/" + (end ?? "-"), relation, Person, to)
        {
            Start = Maybe(start),
            End = Maybe(end),
            Role = role,
        };
}
