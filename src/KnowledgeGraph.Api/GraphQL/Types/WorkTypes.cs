using GraphQL.Types;
using KnowledgeGraph.Api.GraphQL.Loading;
using KnowledgeGraph.Core.Graph;

namespace KnowledgeGraph.Api.GraphQL.Types;

/// <summary>An AI model or product.</summary>
public sealed class ModelType : ObjectGraphType<GraphNode>
{
    public ModelType()
    {
        Name = "Model";
        NodeFields.Implement(this, NodeKind.Model);

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<OrganizationType>>>>("developers")
            .ResolveAsync(async c =>
            {
                var edges = await c.Loaders().EdgesFrom.LoadNowAsync(c.Source.Id, c.CancellationToken);
                var nodes = new List<GraphNode>();
                foreach (var edge in edges.Where(e => e.Relation == Relation.DevelopedBy))
                {
                    if (await c.Loaders().Nodes.LoadNowAsync(edge.To, c.CancellationToken) is { } org)
                    {
                        nodes.Add(org);
                    }
                }

                return nodes;
            });

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ContributionType>>>>("builders")
            .Description("People who worked on or led this model.")
            .Argument<IntGraphType>("first")
            .Argument<IntGraphType>("offset")
            .Resolve(c => c.Loaders().Builders.Load(c.Source.Id).Then(edges =>
                c.Page(edges.OrderBy(e => e.Relation == Relation.Led ? 0 : 1).ThenBy(e => e.From, StringComparer.Ordinal)).ToList()));
    }
}

/// <summary>A paper; its name is its title.</summary>
public sealed class PaperType : ObjectGraphType<GraphNode>
{
    public PaperType()
    {
        Name = "Paper";
        NodeFields.Implement(this, NodeKind.Paper);
        Field<NonNullGraphType<StringGraphType>>("title").Resolve(c => c.Source.Name);
        Field<IntGraphType>("year").Resolve(c => c.Source.Year);
        Field<StringGraphType>("venue").Resolve(c => c.Source.Venue);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ContributionType>>>>("authors")
            .Resolve(c => c.Loaders().Authors.Load(c.Source.Id).Then(edges =>
                edges.OrderBy(e => e.Relation == Relation.Authored ? 0 : 1).ThenBy(e => e.From, StringComparer.Ordinal).ToList()));
    }
}
