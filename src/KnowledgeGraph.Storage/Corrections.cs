using KnowledgeGraph.Core.Graph;

namespace KnowledgeGraph.Storage;

/// <summary>What retracting a source did: claims removed, edges left without support removed, the others settled again.</summary>
public sealed record RetractResult(string SourceId, bool AlreadyRetracted, int RemovedClaims, int RemovedEdges, int RecomputedEdges);

/// <summary>A person's choice for a conflict, and the edge as it now reads.</summary>
public sealed record ResolveResult(ConflictResolution Resolution, GraphEdge Edge, bool Changed);

/// <summary>
/// What merging two nodes did: edges moved onto the kept node, edges folded into one it already had (sources
/// unioned), edges dropped because they would join the node to itself, and names added as aliases.
/// </summary>
public sealed record MergeResult(string KeptId, string RemovedId, bool AlreadyMerged, int MovedEdges, int MergedEdges, int DroppedEdges, int AddedAliases);

/// <summary>A correction that cannot be made as asked (unknown id, different kinds, no such conflict); nothing was changed.</summary>
public sealed class CorrectionException : Exception
{
    public CorrectionException()
    {
    }

    public CorrectionException(string message)
        : base(message)
    {
    }

    public CorrectionException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
