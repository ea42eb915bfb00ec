using GraphQL.Types;
using KnowledgeGraph.Api.GraphQL.Types;

namespace KnowledgeGraph.Api.GraphQL;

/// <summary>The GraphQL schema: the contract of graph-schema/schema.graphql.</summary>
public sealed class KnowledgeGraphSchema : Schema
{
    public KnowledgeGraphSchema(IServiceProvider services, QueryType query, MutationType mutation)
        : base(services)
    {
        Query = query;
        Mutation = mutation;
        RegisterType(typeof(PersonType));
        RegisterType(typeof(OrganizationType));
        RegisterType(typeof(ModelType));
        RegisterType(typeof(PaperType));
        RegisterTypeMapping(typeof(Core.Dates.PartialDate), typeof(PartialDateGraphType));
    }
}
