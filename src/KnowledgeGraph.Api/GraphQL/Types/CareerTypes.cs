using GraphQL.Types;
using KnowledgeGraph.Api.GraphQL.Loading;
using KnowledgeGraph.Core.Careers;
using KnowledgeGraph.Core.Graph;

namespace KnowledgeGraph.Api.GraphQL.Types;

/// <summary>Where a person stands now.</summary>
public sealed class CareerStatusType : ObjectGraphType<CareerStatus>
{
    public CareerStatusType()
    {
        Name = "CareerStatus";
        Field<NonNullGraphType<CareerStatusKindType>>("kind").Resolve(c => c.Source.Kind);
        Field<OrganizationType>("organization").Resolve(c => c.Source.OrganizationId is { } id ? c.Loaders().Nodes.Load(id) : null);
        Field<PartialDateGraphType>("since").Resolve(c => c.Source.Since);
    }
}

/// <summary>A tenure of a person at an organization.</summary>
public sealed class AffiliationType : ObjectGraphType<AffiliationView>
{
    public AffiliationType()
    {
        Name = "Affiliation";
        Field<NonNullGraphType<PersonType>>("person").Resolve(c => c.Loaders().Nodes.Load(c.Source.Tenure.PersonId));
        Field<NonNullGraphType<OrganizationType>>("organization").Resolve(c => c.Loaders().Nodes.Load(c.Source.Tenure.OrganizationId));
        Field<NonNullGraphType<StringGraphType>>("relation")
            .Description("What opened the tenure: WORKED_AT, JOINED, FOUNDED, STUDIED_AT, or LEFT when only the departure is known.")
            .Resolve(c => c.Source.Tenure.Relation.ToWire());
        Field<StringGraphType>("title").Description("The latest title (or degree) held in this tenure.").Resolve(c => c.Source.Title);
        Field<PartialDateGraphType>("start").Resolve(c => c.Source.Tenure.Start);
        Field<PartialDateGraphType>("end").Resolve(c => c.Source.Tenure.End);
        Field<NonNullGraphType<BooleanGraphType>>("isCurrent").Resolve(c => c.Source.IsCurrent);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SourceRefType>>>>("sources").Resolve(c => c.Loaders().SourceRefsOf(c.Source.Tenure.Edges));
    }
}

/// <summary>A person's part in building a model or paper.</summary>
public sealed class ContributionType : ObjectGraphType<GraphEdge>
{
    public ContributionType()
    {
        Name = "Contribution";
        Field<NonNullGraphType<PersonType>>("person").Resolve(c => c.Loaders().Nodes.Load(c.Source.From));
        Field<NonNullGraphType<NodeInterface>>("work").Resolve(c => c.Loaders().Nodes.Load(c.Source.To));
        EdgeFields.AddCommon(this);
    }
}

/// <summary>One dated fact in a person's career.</summary>
public sealed class CareerEventType : ObjectGraphType<GraphEdge>
{
    public CareerEventType()
    {
        Name = "CareerEvent";
        Field<NonNullGraphType<NodeInterface>>("target").Resolve(c => c.Loaders().Nodes.Load(c.Source.To));
        EdgeFields.AddCommon(this);
    }
}

/// <summary>A person leaving an organization.</summary>
public sealed class DepartureType : ObjectGraphType<Departure>
{
    public DepartureType()
    {
        Name = "Departure";
        Field<NonNullGraphType<PersonType>>("person").Resolve(c => c.Loaders().Nodes.Load(c.Source.PersonId));
        Field<NonNullGraphType<OrganizationType>>("organization").Resolve(c => c.Loaders().Nodes.Load(c.Source.OrganizationId));
        Field<PartialDateGraphType>("on").Resolve(c => c.Source.On);
        Field<AffiliationType>("nextAffiliation")
            .Description("The first tenure elsewhere that starts on or after the departure, when known.")
            .Resolve(c => c.Source.Next is { } next
                ? c.Loaders().Tenures.Load(c.Source.PersonId).Then(all => new AffiliationView(next, CareerRules.IsCurrent(all.FirstOrDefault(t => t.OrganizationId == next.OrganizationId && t.Start == next.Start) ?? next, all)))
                : null);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SourceRefType>>>>("sources")
            .Resolve(c => c.Loaders().SourceRefsOf(c.Source.Tenure.Edges.Where(e => e.Relation == Relation.Left || e.End is not null).DefaultIfEmpty(c.Source.Tenure.Edges[^1]).ToList()));
    }
}

/// <summary>Fields every edge-shaped type shares.</summary>
internal static class EdgeFields
{
    public static void AddCommon(ObjectGraphType<GraphEdge> type)
    {
        type.Field<NonNullGraphType<StringGraphType>>("relation").Resolve(c => c.Source.Relation.ToWire());
        type.Field<StringGraphType>("role").Resolve(c => c.Source.Role);
        type.Field<PartialDateGraphType>("start").Resolve(c => c.Source.Start);
        type.Field<PartialDateGraphType>("end").Resolve(c => c.Source.End);
        type.Field<NonNullGraphType<ListGraphType<NonNullGraphType<SourceRefType>>>>("sources").Resolve(c => c.Loaders().SourceRefs.Load(c.Source.Id));
    }
}
