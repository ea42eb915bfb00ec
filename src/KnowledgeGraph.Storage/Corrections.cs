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

/// <summary>The rules every store applies to a correction before writing it.</summary>
public static class CorrectionRules
{
    /// <summary>The edge and field a resolveConflict id names; a malformed id is a <see cref="CorrectionException"/>.</summary>
    public static (string EdgeId, string? Field) ParseConflictId(string conflictId)
    {
        ArgumentNullException.ThrowIfNull(conflictId);
        try
        {
            return ConflictResolution.ParseConflictId(conflictId);
        }
        catch (FormatException ex)
        {
            throw new CorrectionException("resolveConflict: " + ex.Message, ex);
        }
    }

    /// <summary>
    /// The field of <paramref name="edge"/> (with its sources) a resolveConflict is about: the one asked, which must be
    /// disputed or already resolved, or when none is asked the only such field. Throws <see cref="CorrectionException"/>
    /// naming the edge otherwise.
    /// </summary>
    public static string ChooseField(string edgeId, string? field, GraphEdge edge, IEnumerable<string> resolvedFields)
    {
        var disputed = Conflicts.Of(edge).Select(c => c.Field);
        var open = disputed.Union(resolvedFields, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (field is null)
        {
            return open.Count switch
            {
                1 => open[0],
                0 => throw new CorrectionException($"resolveConflict: edge '{edgeId}' has no conflict: its sources agree"),
                _ => throw new CorrectionException($"resolveConflict: edge '{edgeId}' has conflicts on {string.Join(" and ", open)}; name one, e.g. '{ConflictResolution.ConflictKey(edgeId, open[0])}'"),
            };
        }

        return open.Contains(field, StringComparer.Ordinal)
            ? field
            : throw new CorrectionException($"resolveConflict: edge '{edgeId}' has no conflict on '{field}': its sources agree");
    }
}
