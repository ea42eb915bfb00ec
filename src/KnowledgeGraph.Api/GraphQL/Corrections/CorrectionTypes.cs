using GraphQL.Types;
using KnowledgeGraph.Api.GraphQL.Loading;
using KnowledgeGraph.Api.GraphQL.Types;
using KnowledgeGraph.Storage;

namespace KnowledgeGraph.Api.GraphQL.Corrections;

/// <summary>What retracting a source did.</summary>
public sealed class RetractResultType : ObjectGraphType<RetractResult>
{
    public RetractResultType()
    {
        Name = "RetractResult";
        Field<NonNullGraphType<SourceType>>("source").Resolve(c => c.Loaders().Sources.Load(c.Source.SourceId));
        Field<NonNullGraphType<BooleanGraphType>>("alreadyRetracted").Description("True when it was retracted before: nothing changed.").Resolve(c => c.Source.AlreadyRetracted);
        Field<NonNullGraphType<IntGraphType>>("removedClaims").Description("Source references removed from edges.").Resolve(c => c.Source.RemovedClaims);
        Field<NonNullGraphType<IntGraphType>>("removedEdges").Description("Edges no other source supports, removed.").Resolve(c => c.Source.RemovedEdges);
        Field<NonNullGraphType<IntGraphType>>("recomputedEdges").Description("Edges other sources still support, settled again from them.").Resolve(c => c.Source.RecomputedEdges);
    }
}

/// <summary>A person's choice for a disputed field, and the edge as it now reads.</summary>
public sealed class ConflictResolutionType : ObjectGraphType<ResolveResult>
{
    public ConflictResolutionType()
    {
        Name = "ConflictResolution";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The conflict it settles (edge id/field).").Resolve(c => c.Source.Resolution.ConflictId);
        Field<NonNullGraphType<StringGraphType>>("field").Resolve(c => c.Source.Resolution.Field);
        Field<NonNullGraphType<PartialDateGraphType>>("value").Resolve(c => c.Source.Resolution.Value);
        Field<StringGraphType>("note").Resolve(c => c.Source.Resolution.Note);
        Field<NonNullGraphType<StringGraphType>>("resolvedAt").Resolve(c => c.Source.Resolution.ResolvedAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        Field<NonNullGraphType<BooleanGraphType>>("changed").Description("False when the same choice was recorded before.").Resolve(c => c.Source.Changed);
        Field<NonNullGraphType<GraphEdgeType>>("edge").Resolve(c => new EdgeView(c.Source.Edge, null));
    }
}

/// <summary>What merging two nodes did.</summary>
public sealed class MergeResultType : ObjectGraphType<MergeResult>
{
    public MergeResultType()
    {
        Name = "MergeResult";
        Field<NonNullGraphType<NodeInterface>>("kept").Resolve(c => c.Loaders().Nodes.Load(c.Source.KeptId));
        Field<NonNullGraphType<IdGraphType>>("removedId").Resolve(c => c.Source.RemovedId);
        Field<NonNullGraphType<BooleanGraphType>>("alreadyMerged").Description("True when it was merged before: nothing changed.").Resolve(c => c.Source.AlreadyMerged);
        Field<NonNullGraphType<IntGraphType>>("movedEdges").Description("Edges re-pointed to the kept node.").Resolve(c => c.Source.MovedEdges);
        Field<NonNullGraphType<IntGraphType>>("mergedEdges").Description("Edges folded into the kept node's edge for the same fact, sources unioned.").Resolve(c => c.Source.MergedEdges);
        Field<NonNullGraphType<IntGraphType>>("droppedEdges").Description("Edges between the two nodes, which would join the kept node to itself.").Resolve(c => c.Source.DroppedEdges);
        Field<NonNullGraphType<IntGraphType>>("addedAliases").Description("Names of the removed node added as aliases of the kept one.").Resolve(c => c.Source.AddedAliases);
    }
}
