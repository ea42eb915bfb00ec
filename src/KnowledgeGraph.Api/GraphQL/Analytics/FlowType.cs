using GraphQL;
using GraphQL.Types;
using KnowledgeGraph.Api.GraphQL.Types;
using KnowledgeGraph.Core.Analytics;

namespace KnowledgeGraph.Api.GraphQL.Analytics;

/// <summary>People who moved from one organization to another in a period.</summary>
public sealed class FlowType : ObjectGraphType<TalentFlow>
{
    public FlowType()
    {
        Name = "Flow";
        Field<NonNullGraphType<OrganizationType>>("from").Description("Where they left.").Resolve(c => c.Loaders().Nodes.Load(c.Source.FromOrganizationId));
        Field<NonNullGraphType<OrganizationType>>("to").Description("Their next affiliation.").Resolve(c => c.Loaders().Nodes.Load(c.Source.ToOrganizationId));
        Field<NonNullGraphType<IntGraphType>>("count").Description("People who made this move in the period (each once).").Resolve(c => c.Source.Count);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PersonType>>>>("people")
            .Description("The people behind the count, by id.")
            .Argument<IntGraphType>("first")
            .Argument<IntGraphType>("offset")
            .Resolve(c => AnalyticsLists.People(c, c.Page(c.Source.PersonIds)));
    }
}
