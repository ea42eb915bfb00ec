using KnowledgeGraph.Api.GraphQL.Loading;
using KnowledgeGraph.Core.Analytics;
using KnowledgeGraph.Core.Careers;
using KnowledgeGraph.Core.Graph;
using KnowledgeGraph.Storage;

namespace KnowledgeGraph.Api.GraphQL.Analytics;

/// <summary>
/// Gathers the people each aggregate applies to (a date-first read, then their careers through the request's loaders,
/// one batched store call) and hands them to the rules in <c>KnowledgeGraph.Core.Analytics</c>.
/// </summary>
public sealed class AnalyticsQueries(IAnalyticsReader reader, GraphLoaders loaders, TimeProvider clock)
{
    /// <summary>Flows in the period; with organizations, those leaving or reaching one of them.</summary>
    public async Task<IReadOnlyList<TalentFlow>> TalentFlowAsync(Period period, IReadOnlyCollection<string>? organizationIds, CancellationToken cancellationToken)
    {
        var people = organizationIds is null
            ? await reader.GetLeaverIdsAsync(period, null, cancellationToken)
            : await reader.GetLeaverIdsAffiliatedWithAsync(period, organizationIds, cancellationToken);
        var careers = await LoadAllAsync(loaders.Tenures, people, cancellationToken);
        return TalentFlows.Between(careers, period, organizationIds?.ToHashSet(StringComparer.Ordinal));
    }

    public async Task<DepartureStatistics> DepartureStatsAsync(string organizationId, Period period, Granularity granularity, CancellationToken cancellationToken)
    {
        var people = await reader.GetLeaverIdsAsync(period, [organizationId], cancellationToken);
        var careers = await LoadAllAsync(loaders.Tenures, people, cancellationToken);
        return DepartureStatistics.Of(careers.SelectMany(t => CareerRules.Departures(t, organizationId, period)), period, granularity);
    }

    /// <summary>Tenures at one organization depend only on the edges to it, so only those (and only their dates) are read.</summary>
    public async Task<(TenureDistribution Distribution, DateOnly AsOf)> TenureAsync(string organizationId, CancellationToken cancellationToken)
    {
        var edges = await reader.GetEmploymentDatesAsync(organizationId, cancellationToken);
        var tenures = edges.GroupBy(e => e.From, StringComparer.Ordinal).SelectMany(TenureBuilder.Build);
        var asOf = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        return (TenureDistribution.At(organizationId, tenures, asOf), asOf);
    }

    /// <summary>Leavers come from the date-first read; current or all members from the organization's affiliation edges.</summary>
    public async Task<IReadOnlyList<KeyPerson>> KeyPeopleAsync(string organizationId, bool? left, Period period, CancellationToken cancellationToken)
    {
        var people = left == true
            ? await reader.GetLeaverIdsAsync(period, [organizationId], cancellationToken)
            : (await loaders.MemberEdges.LoadNowAsync(organizationId, cancellationToken)).Select(e => e.From).Distinct(StringComparer.Ordinal).ToList();
        var careers = await LoadAllAsync(loaders.EdgesFrom, people, cancellationToken);
        return KeyPeople.Rank(organizationId, careers, left, period, KindOf);
    }

    /// <summary>Ids carry their kind ("model:codex", "paper:..."), a contract every store enforces on write.</summary>
    private static NodeKind? KindOf(string id) =>
        id.StartsWith(BatchValidator.PrefixOf(NodeKind.Model), StringComparison.Ordinal) ? NodeKind.Model
        : id.StartsWith(BatchValidator.PrefixOf(NodeKind.Paper), StringComparison.Ordinal) ? NodeKind.Paper
        : null;

    /// <summary>Registers every key before awaiting any, so the loader fetches them in one call.</summary>
    private static async Task<List<T>> LoadAllAsync<T>(BatchLoader<string, T> loader, IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        var pending = ids.Select(loader.Load).ToList();
        var result = new List<T>(pending.Count);
        foreach (var item in pending)
        {
            result.Add(await item.GetResultAsync(cancellationToken));
        }

        return result;
    }
}
