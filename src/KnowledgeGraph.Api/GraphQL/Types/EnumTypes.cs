using GraphQL.Types;
using KnowledgeGraph.Core.Careers;

namespace KnowledgeGraph.Api.GraphQL.Types;

/// <summary>LAB, COMPANY, UNIVERSITY, TEAM, OTHER.</summary>
public sealed class OrganizationKindType : EnumerationGraphType<Core.Graph.OrganizationKind>
{
    public OrganizationKindType() => Name = "OrganizationKind";
}

/// <summary>EMPLOYED, DEPARTED, UNKNOWN.</summary>
public sealed class CareerStatusKindType : EnumerationGraphType<CareerStatusKind>
{
    public CareerStatusKindType() => Name = "CareerStatusKind";
}
