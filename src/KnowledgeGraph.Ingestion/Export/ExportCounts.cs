namespace KnowledgeGraph.Ingestion.Export;

/// <summary>What an export wrote: sources, nodes, edges, lines or rows of claims, and edges left out (no provenance).</summary>
public sealed record ExportCounts(long Sources, long Nodes, long Edges, long Claims, long SkippedEdges)
{
    public static ExportCounts Zero { get; } = new(0, 0, 0, 0, 0);
}
