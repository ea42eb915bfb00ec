using GraphQL;
using KnowledgeGraph.Api.GraphQL.Loading;
using KnowledgeGraph.Core.Careers;
using KnowledgeGraph.Core.Dates;
using KnowledgeGraph.Core.Graph;
using KnowledgeGraph.Storage;

namespace KnowledgeGraph.Api.GraphQL;

/// <summary>
/// Organization-wide questions (members, departures) and lookups by id or name, over the request's loaders.
/// The rules themselves are <see cref="CareerRules"/>; this class only gathers the people they apply to.
/// </summary>
public sealed class CareerQueries(IGraphStore store, GraphLoaders loaders)
{
    /// <summary>A node by id, or by name or alias (case-insensitive) within a kind; null when neither matches.</summary>
    public async Task<GraphNode?> FindAsync(NodeKind kind, string? id, string? name, CancellationToken cancellationToken)
    {
        if (id is not null)
        {
            var node = await loaders.Nodes.LoadNowAsync(id, cancellationToken);
            return node?.Kind == kind ? node : null;
        }

        if (name is not null)
        {
            return (await store.FindByNameAsync(name, kind, cancellationToken)).FirstOrDefault();
        }

        throw new ExecutionError($"Give an 'id' or a '{(kind == NodeKind.Paper ? "title" : "name")}' to find a {kind}.");
    }

    /// <summary>An organization named by id or name; an error naming the argument when there is none.</summary>
    public async Task<GraphNode> OrganizationAsync(string idOrName, CancellationToken cancellationToken)
    {
        var byId = idOrName.StartsWith(BatchValidator.PrefixOf(NodeKind.Organization), StringComparison.Ordinal)
            ? await FindAsync(NodeKind.Organization, idOrName, null, cancellationToken)
            : null;
        return byId
            ?? await FindAsync(NodeKind.Organization, null, idOrName, cancellationToken)
            ?? throw new ExecutionError($"No organization with id or name '{idOrName}'.");
    }

    public async Task<IReadOnlyList<AffiliationView>> MembersAsync(string organizationId, PartialDate? asOf, CancellationToken cancellationToken)
    {
        var careers = await CareersAtAsync(organizationId, cancellationToken);
        return careers
            .SelectMany(c => CareerRules.ActiveAsOf(c.Tenures, asOf)
                .Where(t => !t.IsStudy && t.OrganizationId == organizationId)
                .Select(t => new AffiliationView(t, CareerRules.IsCurrent(t, c.Tenures), asOf)))
            .OrderBy(a => a.Tenure.Start?.FirstDay ?? DateOnly.MaxValue)
            .ThenBy(a => a.Tenure.PersonId, StringComparer.Ordinal)
            .ToList();
    }

    public async Task<IReadOnlyList<Departure>> DeparturesAsync(string organizationId, Period period, CancellationToken cancellationToken)
    {
        var careers = await CareersAtAsync(organizationId, cancellationToken);
        return careers
            .SelectMany(c => CareerRules.Departures(c.Tenures, organizationId, period))
            .OrderBy(d => d.On?.FirstDay ?? DateOnly.MaxValue)
            .ThenBy(d => d.PersonId, StringComparer.Ordinal)
            .ToList();
    }

    private async Task<List<(string PersonId, IReadOnlyList<Tenure> Tenures)>> CareersAtAsync(string organizationId, CancellationToken cancellationToken)
    {
        var edges = await loaders.MemberEdges.LoadNowAsync(organizationId, cancellationToken);
        var pending = edges.Select(e => e.From).Distinct(StringComparer.Ordinal).Select(id => (id, loaders.Tenures.Load(id))).ToList();
        var result = new List<(string, IReadOnlyList<Tenure>)>(pending.Count);
        foreach (var (id, tenures) in pending)
        {
            result.Add((id, await tenures.GetResultAsync(cancellationToken)));
        }

        return result;
    }

    /// <summary>Nodes and edges within <paramref name="depth"/> steps of a node, both directions, up to a node budget.</summary>
    public async Task<SubgraphView> NeighborhoodAsync(string id, int depth, PartialDate? asOf, int maxNodes, CancellationToken cancellationToken)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal) { id };
        var edges = new Dictionary<string, GraphEdge>(StringComparer.Ordinal);
        var frontier = new List<string> { id };
        for (var step = 0; step < depth && frontier.Count > 0 && seen.Count < maxNodes; step++)
        {
            var outgoing = await store.GetEdgesFromAsync(frontier, null, cancellationToken);
            var incoming = await store.GetEdgesToAsync(frontier, null, cancellationToken);
            var next = new List<string>();
            foreach (var edge in outgoing.Values.SelectMany(e => e).Concat(incoming.Values.SelectMany(e => e)).OrderBy(e => e.Id, StringComparer.Ordinal))
            {
                foreach (var end in new[] { edge.From, edge.To })
                {
                    if (!seen.Contains(end) && seen.Count < maxNodes)
                    {
                        seen.Add(end);
                        next.Add(end);
                    }
                }

                if (seen.Contains(edge.From) && seen.Contains(edge.To))
                {
                    edges.TryAdd(edge.Id, edge);
                }
            }

            frontier = next;
        }

        var nodes = await store.GetNodesAsync(seen, cancellationToken);
        if (!nodes.ContainsKey(id))
        {
            throw new ExecutionError($"No node with id '{id}'.");
        }

        return new SubgraphView(
            seen.Where(nodes.ContainsKey).Select(n => nodes[n]).ToList(),
            edges.Values.Select(e => new EdgeView(e, asOf)).ToList());
    }
}
