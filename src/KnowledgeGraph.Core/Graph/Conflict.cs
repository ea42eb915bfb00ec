namespace KnowledgeGraph.Core.Graph;

/// <summary>Sources disagree about one field of one edge; each value keeps the sources that gave it.</summary>
public sealed record Conflict(string Id, GraphEdge Edge, string Field, IReadOnlyList<ConflictValue> Values);

/// <summary>One of the disagreeing values and who says so.</summary>
public sealed record ConflictValue(string Value, IReadOnlyList<SourceRef> Sources);
