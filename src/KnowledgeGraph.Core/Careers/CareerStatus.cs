using KnowledgeGraph.Core.Dates;

namespace KnowledgeGraph.Core.Careers;

/// <summary>EMPLOYED at an organization since a date, DEPARTED from one on a date, or UNKNOWN.</summary>
public sealed record CareerStatus(CareerStatusKind Kind, string? OrganizationId, PartialDate? Since)
{
    public static CareerStatus Unknown { get; } = new(CareerStatusKind.Unknown, null, null);
}
