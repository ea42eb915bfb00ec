using GraphQL.Types;
using KnowledgeGraph.Api.GraphQL.Loading;
using KnowledgeGraph.Core.Graph;

namespace KnowledgeGraph.Api.GraphQL.Types;

/// <summary>Nodes and edges around a node.</summary>
public sealed class SubgraphType : ObjectGraphType<SubgraphView>
{
    public SubgraphType()
    {
        Name = "Subgraph";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<NodeInterface>>>>("nodes").Resolve(c => c.Source.Nodes);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<GraphEdgeType>>>>("edges").Resolve(c => c.Source.Edges);
    }
}

/// <summary>An edge of a subgraph; asOf marks it active or not, it does not drop it.</summary>
public sealed class GraphEdgeType : ObjectGraphType<EdgeView>
{
    public GraphEdgeType()
    {
        Name = "GraphEdge";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Edge.Id);
        Field<NonNullGraphType<IdGraphType>>("from").Resolve(c => c.Source.Edge.From);
        Field<NonNullGraphType<IdGraphType>>("to").Resolve(c => c.Source.Edge.To);
        Field<NonNullGraphType<StringGraphType>>("relation").Resolve(c => c.Source.Edge.Relation.ToWire());
        Field<StringGraphType>("role").Resolve(c => c.Source.Edge.Role);
        Field<PartialDateGraphType>("start").Resolve(c => c.Source.Edge.Start);
        Field<PartialDateGraphType>("end").Resolve(c => c.Source.Edge.End);
        Field<NonNullGraphType<BooleanGraphType>>("activeAsOf").Resolve(c => c.Source.ActiveAsOf);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SourceRefType>>>>("sources").Resolve(c => c.Loaders().SourceRefs.Load(c.Source.Edge.Id));
    }
}

/// <summary>Sources that disagree about one field of one fact.</summary>
public sealed class ConflictType : ObjectGraphType<Conflict>
{
    public ConflictType()
    {
        Name = "Conflict";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<NodeInterface>>("subject").Resolve(c => c.Loaders().Nodes.Load(c.Source.Edge.From));
        Field<NonNullGraphType<StringGraphType>>("relation").Resolve(c => c.Source.Edge.Relation.ToWire());
        Field<NodeInterface>("object").Resolve(c => c.Loaders().Nodes.Load(c.Source.Edge.To));
        Field<NonNullGraphType<StringGraphType>>("field").Resolve(c => c.Source.Field);
        Field<StringGraphType>("heldValue").Description("The value the edge holds: the part the sources share, or the best-supported one; null for a founder contradiction (both claims are kept).")
            .Resolve(c => c.Source.Field switch
            {
                "start" => c.Source.Edge.Start?.ToString(),
                "end" => c.Source.Edge.End?.ToString(),
                _ => null,
            });
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ConflictValueType>>>>("values").Resolve(c => c.Source.Values);
    }
}

/// <summary>One of the disagreeing values with its sources.</summary>
public sealed class ConflictValueType : ObjectGraphType<ConflictValue>
{
    public ConflictValueType()
    {
        Name = "ConflictValue";
        Field<NonNullGraphType<StringGraphType>>("value").Resolve(c => c.Source.Value);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SourceRefType>>>>("sources").Resolve(c => c.Source.Sources);
    }
}
