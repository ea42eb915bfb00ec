using KnowledgeGraph.Core.Careers;

namespace KnowledgeGraph.Core.Analytics;

/// <summary>
/// A person of an organization with what they built: distinct models and papers they worked on, led or authored.
/// <see cref="Tenure"/> is their (latest selected) tenure at the organization, <see cref="IsCurrent"/> whether it is
/// their current affiliation, <see cref="Status"/> where they stand now.
/// </summary>
public sealed record KeyPerson(string PersonId, Tenure Tenure, bool IsCurrent, CareerStatus Status, int Models, int ModelsLed, int Papers)
{
    /// <summary>Distinct works built: models plus papers.</summary>
    public int Works => Models + Papers;
}
