using KnowledgeGraph.Core.Analytics;
using KnowledgeGraph.Core.Careers;
using KnowledgeGraph.Core.Graph;
using KnowledgeGraph.Storage;

namespace KnowledgeGraph.Api.GraphQL.Analytics;

/// <summary>
/// Gathers the people each aggregate applies to (a date-first read, then their careers in one lean read of only the
/// columns the rules look at) and hands them to the rules in <c>KnowledgeGraph.Core.Analytics</c>.
/// </summary>
public sealed class AnalyticsQueries(IAnalyticsReader reader, TimeProvider clock, AnalyticsResultCache cache)
{
    /// <summary>Departures and next affiliations are made of employment tenures only; study edges cannot change them.</summary>
    private static readonly Relation[] EmploymentRelations = [Relation.WorkedAt, Relation.Joined, Relation.Left, Relation.Founded];

    /// <summary>Flows in the period; with organizations, those leaving or reaching one of them.</summary>
    public Task<IReadOnlyList<TalentFlow>> TalentFlowAsync(Period period, IReadOnlyCollection<string>? organizationIds, CancellationToken cancellationToken) =>
        cache.GetOrComputeAsync(
            $"talentFlow|{period.From}|{period.To}|{(organizationIds is null ? "*" : string.Join(',', organizationIds.Order(StringComparer.Ordinal)))}",
            () => ComputeTalentFlowAsync(period, organizationIds, cancellationToken));

    private async Task<IReadOnlyList<TalentFlow>> ComputeTalentFlowAsync(Period period, IReadOnlyCollection<string>? organizationIds, CancellationToken cancellationToken)
    {
        var people = organizationIds is null
            ? await reader.GetLeaverIdsAsync(period, null, cancellationToken)
            : await reader.GetLeaverIdsAffiliatedWithAsync(period, organizationIds, cancellationToken);
        var careers = await EmploymentTenuresAsync(people, cancellationToken);
        return TalentFlows.Between(careers, period, organizationIds?.ToHashSet(StringComparer.Ordinal));
    }

    public Task<DepartureStatistics> DepartureStatsAsync(string organizationId, Period period, Granularity granularity, CancellationToken cancellationToken) =>
        cache.GetOrComputeAsync(
            $"departureStats|{organizationId}|{period.From}|{period.To}|{granularity}",
            () => ComputeDepartureStatsAsync(organizationId, period, granularity, cancellationToken));

    private async Task<DepartureStatistics> ComputeDepartureStatsAsync(string organizationId, Period period, Granularity granularity, CancellationToken cancellationToken)
    {
        var people = await reader.GetLeaverIdsAsync(period, [organizationId], cancellationToken);
        var careers = await EmploymentTenuresAsync(people, cancellationToken);
        return DepartureStatistics.Of(careers.SelectMany(t => CareerRules.Departures(t, organizationId, period)), period, granularity);
    }

    /// <summary>Tenures at one organization depend only on the edges to it, so only those (and only their dates) are read.</summary>
    public async Task<(TenureDistribution Distribution, DateOnly AsOf)> TenureAsync(string organizationId, CancellationToken cancellationToken)
    {
        var asOf = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var distribution = await cache.GetOrComputeAsync($"tenure|{organizationId}|{asOf:yyyy-MM-dd}", async () =>
        {
            var edges = await reader.GetEmploymentDatesAsync(organizationId, cancellationToken);
            var tenures = edges.GroupBy(e => e.From, StringComparer.Ordinal).SelectMany(TenureBuilder.Build);
            return TenureDistribution.At(organizationId, tenures, asOf);
        });
        return (distribution, asOf);
    }

    /// <summary>Leavers come from the date-first read; current or all members from the organization's employment edges.</summary>
    public Task<IReadOnlyList<KeyPerson>> KeyPeopleAsync(string organizationId, bool? left, Period period, CancellationToken cancellationToken) =>
        cache.GetOrComputeAsync(
            $"keyPeople|{organizationId}|{left}|{period.From}|{period.To}",
            () => ComputeKeyPeopleAsync(organizationId, left, period, cancellationToken));

    private async Task<IReadOnlyList<KeyPerson>> ComputeKeyPeopleAsync(string organizationId, bool? left, Period period, CancellationToken cancellationToken)
    {
        var people = left == true
            ? await reader.GetLeaverIdsAsync(period, [organizationId], cancellationToken)
            : (await reader.GetEmploymentDatesAsync(organizationId, cancellationToken)).Select(e => e.From).Distinct(StringComparer.Ordinal).ToList();
        var careers = await reader.GetCareerEdgesAsync(people, null, cancellationToken);
        return KeyPeople.Rank(organizationId, people.Select(p => careers[p]), left, period, KindOf);
    }

    /// <summary>Ids carry their kind ("model:codex", "paper:..."), a contract every store enforces on write.</summary>
    private static NodeKind? KindOf(string id) =>
        id.StartsWith(BatchValidator.PrefixOf(NodeKind.Model), StringComparison.Ordinal) ? NodeKind.Model
        : id.StartsWith(BatchValidator.PrefixOf(NodeKind.Paper), StringComparison.Ordinal) ? NodeKind.Paper
        : null;

    /// <summary>Each person's employment tenures, in the order of <paramref name="people"/>.</summary>
    private async Task<List<IReadOnlyList<Tenure>>> EmploymentTenuresAsync(IReadOnlyList<string> people, CancellationToken cancellationToken)
    {
        var edges = await reader.GetCareerEdgesAsync(people, EmploymentRelations, cancellationToken);
        return people.Select(p => TenureBuilder.Build(edges[p])).ToList();
    }
}
