using KnowledgeGraph.Core.Graph;

namespace KnowledgeGraph.Storage;

/// <summary>The graph counted by node kind and by relation, with the number of edges whose sources disagree.</summary>
public sealed record GraphBreakdown(IReadOnlyDictionary<NodeKind, long> NodesByKind, IReadOnlyDictionary<Relation, long> EdgesByRelation, long ConflictedEdges);
