using System.Text.Encodings.Web;
using System.Text.Json;
using KnowledgeGraph.Core.Graph;
using KnowledgeGraph.Ingestion.Export;
using KnowledgeGraph.Storage;
using KnowledgeGraph.Storage.Export;

namespace KnowledgeGraph.Ingestion.Records;

/// <summary>
/// Writes a graph in the records format <see cref="RecordsReader"/> reads (graph-schema/records.md): sources, then
/// nodes, then one edge line per group of an edge's sources that claimed the same dates (<see cref="EdgeClaims"/>).
/// Importing the file into an empty store gives the same graph; importing it again changes nothing.
/// </summary>
public static class RecordsWriter
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly ReadOnlyMemory<byte> NewLine = "\n"u8.ToArray();

    public static async Task<ExportCounts> WriteAsync(IGraphExporter graph, Stream output, int pageSize, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(output);
        var counts = ExportCounts.Zero;
        await using var json = new Utf8JsonWriter(output, Options);
        await foreach (var page in GraphPages.SourcesAsync(graph, pageSize, string.Empty, cancellationToken))
        {
            foreach (var source in page)
            {
                await LineAsync(json, output, w => WriteSource(w, source), cancellationToken);
            }

            counts = counts with { Sources = counts.Sources + page.Count };
        }

        await foreach (var page in GraphPages.NodesAsync(graph, pageSize, string.Empty, cancellationToken))
        {
            foreach (var node in page)
            {
                await LineAsync(json, output, w => WriteNode(w, node), cancellationToken);
            }

            counts = counts with { Nodes = counts.Nodes + page.Count };
        }

        await foreach (var page in GraphPages.EdgesAsync(graph, pageSize, string.Empty, cancellationToken))
        {
            foreach (var edge in page)
            {
                var claims = EdgeClaims.Of(edge);
                foreach (var claim in claims)
                {
                    await LineAsync(json, output, w => WriteEdge(w, claim), cancellationToken);
                }

                counts = counts with { Edges = counts.Edges + (claims.Count > 0 ? 1 : 0), Claims = counts.Claims + claims.Count, SkippedEdges = counts.SkippedEdges + (claims.Count == 0 ? 1 : 0) };
            }
        }

        return counts;
    }

    /// <summary>One JSON object and a newline; the writer is reset so the next object starts a new document.</summary>
    private static async Task LineAsync(Utf8JsonWriter json, Stream output, Action<Utf8JsonWriter> write, CancellationToken cancellationToken)
    {
        json.Reset();
        write(json);
        await json.FlushAsync(cancellationToken);
        await output.WriteAsync(NewLine, cancellationToken);
    }

    private static void WriteSource(Utf8JsonWriter w, Source source)
    {
        w.WriteStartObject();
        w.WriteString("record", "source");
        w.WriteString("id", source.Id);
        Optional(w, "title", source.Title);
        Optional(w, "url", source.Url);
        Optional(w, "publishedOn", source.PublishedOn?.ToString());
        Optional(w, "contentHash", source.ContentHash);
        w.WriteEndObject();
    }

    private static void WriteNode(Utf8JsonWriter w, GraphNode node)
    {
        w.WriteStartObject();
        w.WriteString("record", "node");
        w.WriteString("kind", node.Kind.ToString());
        w.WriteString("id", node.Id);
        w.WriteString("name", node.Name);
        w.WriteStartArray("aliases");
        foreach (var alias in node.Aliases)
        {
            w.WriteStringValue(alias);
        }

        w.WriteEndArray();
        Optional(w, "orgKind", node.OrganizationKind?.ToString().ToUpperInvariant());
        Optional(w, "parent", node.ParentId);
        if (node.Year is { } year)
        {
            w.WriteNumber("year", year);
        }

        Optional(w, "venue", node.Venue);
        w.WriteEndObject();
    }

    private static void WriteEdge(Utf8JsonWriter w, EdgeInput edge)
    {
        w.WriteStartObject();
        w.WriteString("record", "edge");
        w.WriteString("relation", edge.Relation.ToWire());
        w.WriteString("from", edge.From);
        w.WriteString("to", edge.To);
        Optional(w, "start", edge.Start?.ToString());
        Optional(w, "end", edge.End?.ToString());
        Optional(w, "role", edge.Role);
        w.WriteNumber("confidence", edge.Confidence);
        w.WriteStartArray("sources");
        foreach (var source in edge.Sources)
        {
            w.WriteStartObject();
            w.WriteString("source", source.SourceId);
            Optional(w, "quote", source.Quote);
            Optional(w, "note", source.Note);
            if (source.QuoteStart is { } start)
            {
                w.WriteNumber("quoteStart", start);
            }

            if (source.QuoteEnd is { } end)
            {
                w.WriteNumber("quoteEnd", end);
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void Optional(Utf8JsonWriter w, string name, string? value)
    {
        if (value is not null)
        {
            w.WriteString(name, value);
        }
    }
}
