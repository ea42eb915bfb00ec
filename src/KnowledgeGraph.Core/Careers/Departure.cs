using KnowledgeGraph.Core.Dates;

namespace KnowledgeGraph.Core.Careers;

/// <summary>A person leaving an organization, with where they went next when the graph knows it.</summary>
public sealed record Departure(string PersonId, string OrganizationId, PartialDate? On, Tenure Tenure, Tenure? Next);
