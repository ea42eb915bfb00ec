using KnowledgeGraph.Core.Careers;
using KnowledgeGraph.Core.Graph;

namespace KnowledgeGraph.Core.Tests.Analytics;

/// <summary>One person's career edges, written the way a biography reads, for small hand-built graphs.</summary>
internal sealed class Someone(string name)
{
    private readonly List<GraphEdge> _edges = [];

    public string Id { get; } = "person:" + name;

    public IReadOnlyList<GraphEdge> Edges => _edges;

    public IReadOnlyList<Tenure> Tenures => TenureBuilder.Build(_edges);

    public Someone WorkedAt(string org, string? start, string? end = null) => Add(Relation.WorkedAt, org, start, end);

    public Someone StudiedAt(string org, string? start, string? end = null) => Add(Relation.StudiedAt, org, start, end);

    public Someone Joined(string org, string? on) => Add(Relation.Joined, org, on, null);

    public Someone Left(string org, string? on) => Add(Relation.Left, org, on, null);

    public Someone WorkedOn(string work, string? role = null) => Add(Relation.WorkedOn, work, null, null, role);

    public Someone Led(string work) => Add(Relation.Led, work, null, null);

    public Someone Authored(string paper) => Add(Relation.Authored, paper, null, null);

    private Someone Add(Relation relation, string to, string? start, string? end, string? role = null)
    {
        _edges.Add(new GraphEdge($"edge:{name}-{_edges.Count}", relation, Id, to)
        {
            Start = Career.Maybe(start),
            End = Career.Maybe(end),
            Role = role,
        });
        return this;
    }
}
