using GraphQL.Types;
using KnowledgeGraph.Core.Graph;

namespace KnowledgeGraph.Api.GraphQL.Types;

/// <summary>The Node interface every person, organization, model and paper implements.</summary>
public sealed class NodeInterface : InterfaceGraphType<GraphNode>
{
    public NodeInterface()
    {
        Name = "Node";
        Description = "Anything in the graph: a person, organization, model or paper.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("Stable id, e.g. person:jerry-tworek.");
        Field<NonNullGraphType<StringGraphType>>("name");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("aliases").Description("Other names this node is known by.");
    }
}

/// <summary>The fields shared by every node type.</summary>
internal static class NodeFields
{
    private static void Add(ObjectGraphType<GraphNode> type)
    {
        type.Field<NonNullGraphType<IdGraphType>>("id").Description("Stable id, e.g. person:jerry-tworek.").Resolve(c => c.Source.Id);
        type.Field<NonNullGraphType<StringGraphType>>("name").Resolve(c => c.Source.Name);
        type.Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("aliases").Description("Other names this node is known by.").Resolve(c => c.Source.Aliases);
    }

    public static void Implement(ObjectGraphType<GraphNode> type, NodeKind kind)
    {
        Add(type);
        type.Interface<NodeInterface>();
        type.IsTypeOf = o => o is GraphNode n && n.Kind == kind;
    }
}
