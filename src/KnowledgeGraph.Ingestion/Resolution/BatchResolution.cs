using KnowledgeGraph.Core.Claims;
using KnowledgeGraph.Core.Graph;

namespace KnowledgeGraph.Ingestion.Resolution;

/// <summary>
/// Resolves the mentions of one batch (a document, a CSV file): each mention once, and the nodes it has to create
/// kept together so a second mention of the same new name finds the first.
/// </summary>
public sealed class BatchResolution(EntityResolver resolver)
{
    private readonly Dictionary<string, GraphNode> _pending = new(StringComparer.Ordinal);
    private readonly Dictionary<Mention, string> _resolved = [];

    /// <summary>The nodes this batch creates, in the order first mentioned.</summary>
    public IEnumerable<GraphNode> NewNodes => _pending.Values;

    /// <summary>The node id a mention stands for, and the node when this call is the one that creates it.</summary>
    public async Task<(string Id, GraphNode? Created)> ResolveAsync(Mention mention, CancellationToken cancellationToken)
    {
        if (_resolved.TryGetValue(mention, out var id))
        {
            return (id, null);
        }

        var resolution = await resolver.ResolveAsync(mention, _pending, cancellationToken);
        GraphNode? created = null;
        if (resolution.IsNew && !_pending.ContainsKey(resolution.NodeId))
        {
            created = new GraphNode(resolution.NodeId, mention.Kind, mention.Name.Trim(), [])
            {
                OrganizationKind = mention.Kind == NodeKind.Organization ? GuessKind(mention.Name) : null,
            };
            _pending[resolution.NodeId] = created;
        }

        _resolved[mention] = resolution.NodeId;
        return (resolution.NodeId, created);
    }

    private static OrganizationKind GuessKind(string name) =>
        name.Contains("University", StringComparison.OrdinalIgnoreCase) || name.Contains("Institute of Technology", StringComparison.OrdinalIgnoreCase) || name.Contains("College", StringComparison.OrdinalIgnoreCase)
            ? OrganizationKind.University
            : name.Contains("team", StringComparison.OrdinalIgnoreCase) ? OrganizationKind.Team : OrganizationKind.Other;
}
