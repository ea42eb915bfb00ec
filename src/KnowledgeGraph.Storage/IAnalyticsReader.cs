using KnowledgeGraph.Core.Careers;
using KnowledgeGraph.Core.Graph;

namespace KnowledgeGraph.Storage;

/// <summary>
/// Reads for aggregate questions that start from dates rather than from a node: who left somewhere in a period.
/// Answers are supersets by design (only the year of a date is looked at); the career rules narrow them down.
/// </summary>
public interface IAnalyticsReader
{
    /// <summary>
    /// People with a departure (a LEFT, or a WORKED_AT end) dated in the years of <paramref name="period"/> (undated ones
    /// too when it is unbounded), at one of <paramref name="organizationIds"/> or, when null, anywhere. Ordered by id.
    /// </summary>
    Task<IReadOnlyList<string>> GetLeaverIdsAsync(Period period, IReadOnlyCollection<string>? organizationIds, CancellationToken cancellationToken);

    /// <summary>
    /// People with a departure from anywhere dated in the years of <paramref name="period"/> who have an affiliation
    /// edge (WORKED_AT, JOINED, FOUNDED, LEFT) at one of <paramref name="organizationIds"/>: everyone who may have moved
    /// from or to one of them. Ordered by id.
    /// </summary>
    Task<IReadOnlyList<string>> GetLeaverIdsAffiliatedWithAsync(Period period, IReadOnlyCollection<string> organizationIds, CancellationToken cancellationToken);

    /// <summary>
    /// The employment edges (WORKED_AT, JOINED, FOUNDED, LEFT) arriving at an organization with only what tenure lengths
    /// need: id, relation, ends and dates (no role, confidence or provenance).
    /// </summary>
    Task<IReadOnlyList<GraphEdge>> GetEmploymentDatesAsync(string organizationId, CancellationToken cancellationToken);

    /// <summary>
    /// The edges leaving each person (only <paramref name="relations"/>, or all when null) with what the career rules and
    /// rankings read: id, relation, target, role and dates; no confidence, recording time or provenance (sources are
    /// loaded by edge id when shown). Every distinct id is a key of the answer, with an empty list when it has no edge.
    /// </summary>
    Task<IReadOnlyDictionary<string, IReadOnlyList<GraphEdge>>> GetCareerEdgesAsync(IReadOnlyCollection<string> personIds, IReadOnlyCollection<Relation>? relations, CancellationToken cancellationToken);

    /// <summary>
    /// Every (person, organization) pair with both a FOUNDED and a JOINED edge between them, ordered by person then
    /// organization: the candidates for a founder contradiction (see <see cref="FounderContradictions"/>).
    /// </summary>
    Task<IReadOnlyList<(string PersonId, string OrganizationId)>> GetFounderJoinPairsAsync(CancellationToken cancellationToken);
}
