using GraphQL;
using GraphQL.Types;
using KnowledgeGraph.Api.GraphQL.Loading;
using KnowledgeGraph.Core.Careers;
using KnowledgeGraph.Core.Dates;
using KnowledgeGraph.Core.Graph;

namespace KnowledgeGraph.Api.GraphQL.Types;

/// <summary>A lab, company, university or team.</summary>
public sealed class OrganizationType : ObjectGraphType<GraphNode>
{
    public OrganizationType()
    {
        Name = "Organization";
        NodeFields.Implement(this, NodeKind.Organization);

        Field<NonNullGraphType<OrganizationKindType>>("kind").Resolve(c => c.Source.OrganizationKind ?? Core.Graph.OrganizationKind.Other);

        Field<OrganizationType>("parent")
            .Description("The organization this one is part of (a team in a lab, a lab in a company).")
            .Resolve(c => c.Source.ParentId is { } parent
                ? c.Loaders().Nodes.Load(parent)
                : c.Loaders().EdgesFrom.Load(c.Source.Id).Then(edges =>
                    edges.FirstOrDefault(e => e.Relation == Relation.PartOf) is { } partOf ? c.Loaders().Nodes.Load(partOf.To) : LoaderResults.Completed<GraphNode?>(null)));

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AffiliationType>>>>("members")
            .Description("People affiliated now (no asOf) or on a date; tenures with an unknown start are not counted for a date.")
            .Argument<PartialDateGraphType>("asOf")
            .Argument<IntGraphType>("first")
            .Argument<IntGraphType>("offset")
            .ResolveAsync(async c => c.Page(await c.Careers().MembersAsync(c.Source.Id, c.GetArgument<PartialDate?>("asOf"), c.CancellationToken)).ToList());

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<DepartureType>>>>("departures")
            .Description("Tenures here that ended within the inclusive period (a date counts when all of it lies inside).")
            .Argument<PartialDateGraphType>("from")
            .Argument<PartialDateGraphType>("to")
            .ResolveAsync(async c => await c.Careers().DeparturesAsync(c.Source.Id, new Period(c.GetArgument<PartialDate?>("from"), c.GetArgument<PartialDate?>("to")), c.CancellationToken));

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ModelType>>>>("models")
            .Description("Models this organization developed.")
            .ResolveAsync(async c =>
            {
                var edges = await c.Loaders().ModelsOf.LoadNowAsync(c.Source.Id, c.CancellationToken);
                var pending = edges.Select(e => c.Loaders().Nodes.Load(e.From)).ToList();
                var models = new List<GraphNode>();
                foreach (var p in pending)
                {
                    if (await p.GetResultAsync(c.CancellationToken) is { } node)
                    {
                        models.Add(node);
                    }
                }

                return models.OrderBy(m => m.Name, StringComparer.OrdinalIgnoreCase).ToList();
            });
    }
}
