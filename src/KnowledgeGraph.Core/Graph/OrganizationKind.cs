namespace KnowledgeGraph.Core.Graph;

/// <summary>What sort of organization a node is.</summary>
public enum OrganizationKind
{
    Lab,
    Company,
    University,
    Team,
    Other,
}
