using GraphQL;
using GraphQL.Types;
using KnowledgeGraph.Api.GraphQL.Loading;
using KnowledgeGraph.Core.Careers;
using KnowledgeGraph.Core.Dates;
using KnowledgeGraph.Core.Graph;

namespace KnowledgeGraph.Api.GraphQL.Types;

/// <summary>A researcher, with career answers computed by the career rules.</summary>
public sealed class PersonType : ObjectGraphType<GraphNode>
{
    public PersonType()
    {
        Name = "Person";
        NodeFields.Implement(this, NodeKind.Person);

        Field<AffiliationType>("currentAffiliation")
            .Description("The open tenure with the latest start; null when none is known.")
            .Resolve(c => c.Loaders().Tenures.Load(c.Source.Id).Then(t => CareerRules.CurrentAffiliation(t) is { } current ? new AffiliationView(current, true) : null));

        Field<NonNullGraphType<CareerStatusType>>("status")
            .Resolve(c => c.Loaders().Tenures.Load(c.Source.Id).Then(CareerRules.Status));

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AffiliationType>>>>("affiliations")
            .Description("Tenures at organizations (employment and study); with asOf, only those active on that date.")
            .Argument<PartialDateGraphType>("asOf")
            .Resolve(c =>
            {
                var asOf = c.GetArgument<PartialDate?>("asOf");
                return c.Loaders().Tenures.Load(c.Source.Id).Then(all =>
                    (asOf is { } d ? all.Where(t => t.IsActiveAsOf(d)) : all)
                        .Select(t => new AffiliationView(t, CareerRules.IsCurrent(t, all), asOf))
                        .ToList());
            });

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ContributionType>>>>("contributions")
            .Description("Models and papers this person worked on, led or authored.")
            .Resolve(c => c.Loaders().EdgesFrom.Load(c.Source.Id).Then(edges =>
                edges.Where(e => e.Relation.IsContribution()).OrderBy(e => e.Start?.FirstDay ?? DateOnly.MaxValue).ThenBy(e => e.To, StringComparer.Ordinal).ToList()));

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CareerEventType>>>>("timeline")
            .Description("Every dated career fact in date order; undated facts last.")
            .Resolve(c => c.Loaders().EdgesFrom.Load(c.Source.Id).Then(edges =>
                edges.OrderBy(e => e.Start is null ? 1 : 0).ThenBy(e => e.Start).ThenBy(e => e.Relation).ThenBy(e => e.To, StringComparer.Ordinal).ToList()));
    }
}
