namespace KnowledgeGraph.Core.Graph;

/// <summary>The kinds of node the graph holds.</summary>
public enum NodeKind
{
    Person,
    Organization,
    Model,
    Paper,
}
