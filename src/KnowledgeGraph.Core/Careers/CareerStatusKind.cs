namespace KnowledgeGraph.Core.Careers;

/// <summary>Where a person stands: employed somewhere, departed from their last place, or unknown.</summary>
public enum CareerStatusKind
{
    Employed,
    Departed,
    Unknown,
}
