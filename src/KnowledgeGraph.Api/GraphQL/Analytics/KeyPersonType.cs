using GraphQL.Types;
using KnowledgeGraph.Api.GraphQL.Types;
using KnowledgeGraph.Core.Analytics;

namespace KnowledgeGraph.Api.GraphQL.Analytics;

/// <summary>A person of an organization with what they built.</summary>
public sealed class KeyPersonType : ObjectGraphType<KeyPerson>
{
    public KeyPersonType()
    {
        Name = "KeyPerson";
        Field<NonNullGraphType<PersonType>>("person").Resolve(c => c.Loaders().Nodes.Load(c.Source.PersonId));
        Field<NonNullGraphType<CareerStatusType>>("status").Description("Where the person stands now.").Resolve(c => c.Source.Status);
        Field<NonNullGraphType<AffiliationType>>("affiliation")
            .Description("The tenure at the organization that selected the person (the latest one when several did).")
            .Resolve(c => new AffiliationView(c.Source.Tenure, c.Source.IsCurrent));
        Field<NonNullGraphType<IntGraphType>>("works").Description("Distinct models and papers worked on, led or authored (the rank).").Resolve(c => c.Source.Works);
        Field<NonNullGraphType<IntGraphType>>("models").Description("Distinct models worked on or led.").Resolve(c => c.Source.Models);
        Field<NonNullGraphType<IntGraphType>>("modelsLed").Description("Distinct models led (the first tie-break).").Resolve(c => c.Source.ModelsLed);
        Field<NonNullGraphType<IntGraphType>>("papers").Description("Distinct papers authored, worked on or led.").Resolve(c => c.Source.Papers);
    }
}
