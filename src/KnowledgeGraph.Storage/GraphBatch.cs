using KnowledgeGraph.Core.Dates;
using KnowledgeGraph.Core.Graph;

namespace KnowledgeGraph.Storage;

/// <summary>Writes applied together: all or none. Nodes and sources are upserted by id; edges are merged by fact.</summary>
public sealed class GraphBatch
{
    public List<Source> Sources { get; } = [];

    public List<GraphNode> Nodes { get; } = [];

    public List<EdgeInput> Edges { get; } = [];

    public bool IsEmpty => Sources.Count == 0 && Nodes.Count == 0 && Edges.Count == 0;
}

/// <summary>A statement to merge into the graph: an edge as one source gives it.</summary>
public sealed record EdgeInput(Relation Relation, string From, string To, IReadOnlyList<SourceRef> Sources)
{
    public PartialDate? Start { get; init; }

    public PartialDate? End { get; init; }

    public string? Role { get; init; }

    public double Confidence { get; init; } = 0.9;
}
