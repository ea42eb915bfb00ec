using CsvHelper;
using KnowledgeGraph.Core.Graph;
using KnowledgeGraph.Storage;
using KnowledgeGraph.Storage.Export;

namespace KnowledgeGraph.Ingestion.Export;

/// <summary>
/// Writes employment (WORKED_AT edges) as a CSV of affiliations with a header: person, organization, title, start,
/// end, source. One row per source of an edge, with the dates that source gave, so every row keeps its provenance;
/// person and organization are names, source is the source's URL (its id when it has none). RFC 4180 quoting.
/// </summary>
public static class AffiliationsCsvWriter
{
    public static readonly IReadOnlyList<string> Header = ["person", "organization", "title", "start", "end", "source"];

    public static async Task<ExportCounts> WriteAsync(IGraphExporter graph, IGraphStore store, Stream output, int pageSize, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(store);
        await using var csv = CsvWriter.Create(output, CsvWriterOptions.Default, leaveOpen: true);
        await csv.WriteRecordAsync([.. Header], cancellationToken);
        long edges = 0, rows = 0;
        await foreach (var page in GraphPages.EdgesAsync(graph, pageSize, string.Empty, cancellationToken))
        {
            var employment = page.Where(e => e.Relation == Relation.WorkedAt).ToList();
            if (employment.Count == 0)
            {
                continue;
            }

            // Names and source addresses of this page only: memory stays one page.
            var nodes = await store.GetNodesAsync(employment.SelectMany(e => new[] { e.From, e.To }).Distinct(StringComparer.Ordinal).ToList(), cancellationToken);
            var sources = await store.GetSourcesAsync(employment.SelectMany(e => e.Sources).Select(s => s.SourceId).Distinct(StringComparer.Ordinal).ToList(), cancellationToken);
            foreach (var edge in employment)
            {
                foreach (var claim in edge.Sources)
                {
                    await csv.WriteRecordAsync(
                        [
                            nodes.TryGetValue(edge.From, out var person) ? person.Name : edge.From,
                            nodes.TryGetValue(edge.To, out var organization) ? organization.Name : edge.To,
                            edge.Role ?? string.Empty,
                            claim.ClaimedStart?.ToString() ?? string.Empty,
                            claim.ClaimedEnd?.ToString() ?? string.Empty,
                            sources.TryGetValue(claim.SourceId, out var source) && source.Url is { } url ? url : claim.SourceId,
                        ],
                        cancellationToken);
                    rows++;
                }

                edges++;
            }
        }

        await csv.FlushAsync(cancellationToken);
        return new ExportCounts(0, 0, edges, rows, 0);
    }
}
