namespace KnowledgeGraph.Storage;

/// <summary>How big the graph is.</summary>
public sealed record GraphStats(long Nodes, long Edges, long Sources, long Provenance);
