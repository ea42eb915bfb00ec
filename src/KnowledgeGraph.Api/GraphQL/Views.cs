using KnowledgeGraph.Core.Careers;
using KnowledgeGraph.Core.Dates;
using KnowledgeGraph.Core.Graph;

namespace KnowledgeGraph.Api.GraphQL;

/// <summary>
/// A tenure as the API shows it, with whether it is the person's current affiliation; seen as of a date, its title
/// is the one held then.
/// </summary>
public sealed record AffiliationView(Tenure Tenure, bool IsCurrent, PartialDate? AsOf = null)
{
    public string? Title => AsOf is { } date ? Tenure.TitleAsOf(date) : Tenure.Title;
}

/// <summary>An edge in a subgraph, marked active or not as of the date asked for.</summary>
public sealed record EdgeView(GraphEdge Edge, PartialDate? AsOf)
{
    /// <summary>
    /// Active as of D when it had begun by the end of D and had not ended before D began; events count from
    /// their date on; undated edges count as active (nothing says otherwise).
    /// </summary>
    public bool ActiveAsOf => AsOf is not { } date
        || ((Edge.Start is not { } s || s.FirstDay <= date.LastDay)
            && (Edge.Relation.IsEvent() || Edge.End is not { } e || e.LastDay >= date.FirstDay));
}

/// <summary>The nodes and edges around a node.</summary>
public sealed record SubgraphView(IReadOnlyList<GraphNode> Nodes, IReadOnlyList<EdgeView> Edges);
