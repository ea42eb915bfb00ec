using KnowledgeGraph.Core.Graph;

namespace KnowledgeGraph.Storage;

/// <summary>Checks a batch on its own, before any store is touched: ids, names, dates, sources.</summary>
public static class BatchValidator
{
    private static readonly Dictionary<NodeKind, string> Prefixes = new()
    {
        [NodeKind.Person] = "person:",
        [NodeKind.Organization] = "org:",
        [NodeKind.Model] = "model:",
        [NodeKind.Paper] = "paper:",
    };

    public static string PrefixOf(NodeKind kind) => Prefixes[kind];

    public static IReadOnlyList<BatchProblem> Validate(GraphBatch batch)
    {
        var problems = new List<BatchProblem>();
        for (var i = 0; i < batch.Sources.Count; i++)
        {
            var source = batch.Sources[i];
            if (!IsId(source.Id, "src:"))
            {
                problems.Add(new BatchProblem("sources", i, "id", $"must look like 'src:some-name', got '{source.Id}'"));
            }

            if (source.Url is { } url && !(Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
            {
                problems.Add(new BatchProblem("sources", i, "url", $"must be an http(s) address, got '{url}'"));
            }
        }

        for (var i = 0; i < batch.Nodes.Count; i++)
        {
            var node = batch.Nodes[i];
            if (!IsId(node.Id, Prefixes[node.Kind]))
            {
                problems.Add(new BatchProblem("nodes", i, "id", $"a {node.Kind} id must look like '{Prefixes[node.Kind]}some-name', got '{node.Id}'"));
            }

            if (string.IsNullOrWhiteSpace(node.Name))
            {
                problems.Add(new BatchProblem("nodes", i, "name", "must not be empty"));
            }

            if (node.OrganizationKind is not null && node.Kind != NodeKind.Organization)
            {
                problems.Add(new BatchProblem("nodes", i, "orgKind", "only organizations have an organization kind"));
            }
        }

        for (var i = 0; i < batch.Edges.Count; i++)
        {
            var edge = batch.Edges[i];
            if (edge.Sources.Count == 0)
            {
                problems.Add(new BatchProblem("edges", i, "sources", "every edge needs at least one source"));
            }

            if (string.Equals(edge.From, edge.To, StringComparison.Ordinal))
            {
                problems.Add(new BatchProblem("edges", i, "to", "an edge cannot point at its own start node"));
            }

            if (edge.Relation.IsEvent() && edge.End is not null)
            {
                problems.Add(new BatchProblem("edges", i, "end", $"{edge.Relation.ToWire()} is an event: its date goes in 'start'"));
            }

            if (edge.Start is { } start && edge.End is { } end && end.IsBefore(start))
            {
                problems.Add(new BatchProblem("edges", i, "end", $"{end} is before the start {start}"));
            }

            if (edge.Confidence is < 0 or > 1 || double.IsNaN(edge.Confidence))
            {
                problems.Add(new BatchProblem("edges", i, "confidence", $"must be between 0 and 1, got {edge.Confidence}"));
            }
        }

        return problems;
    }

    /// <summary>
    /// The checks that need the graph: every parent, edge end and source named in the batch must be known (in the
    /// batch or the store), and each relation must suit the kinds of its ends. Shared by every adapter.
    /// </summary>
    public static IEnumerable<BatchProblem> CheckReferences(GraphBatch batch, Func<string, NodeKind?> kindOf, Func<string, bool> sourceKnown)
    {
        for (var i = 0; i < batch.Nodes.Count; i++)
        {
            if (batch.Nodes[i].ParentId is { } parent && kindOf(parent) != NodeKind.Organization)
            {
                yield return new BatchProblem("nodes", i, "parent", $"'{parent}' is not a known organization");
            }
        }

        for (var i = 0; i < batch.Edges.Count; i++)
        {
            var edge = batch.Edges[i];
            var fromKind = kindOf(edge.From);
            var toKind = kindOf(edge.To);
            if (fromKind is null)
            {
                yield return new BatchProblem("edges", i, "from", $"no node '{edge.From}' in this batch or the graph");
            }

            if (toKind is null)
            {
                yield return new BatchProblem("edges", i, "to", $"no node '{edge.To}' in this batch or the graph");
            }

            if (fromKind is { } from && toKind is { } to && !edge.Relation.Allows(from, to))
            {
                yield return new BatchProblem("edges", i, "relation", $"{edge.Relation.ToWire()} cannot go from a {from} to a {to}");
            }

            foreach (var source in edge.Sources.Where(s => !sourceKnown(s.SourceId)))
            {
                yield return new BatchProblem("edges", i, "sources", $"no source '{source.SourceId}' in this batch or the graph");
            }
        }
    }

    private static bool IsId(string id, string prefix) =>
        id.Length > prefix.Length && id.Length <= 200 && id.StartsWith(prefix, StringComparison.Ordinal)
        && id.Skip(prefix.Length).All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '_' or '.');
}
