using System.Globalization;
using System.Text;
using System.Xml;
using KnowledgeGraph.Core.Graph;
using KnowledgeGraph.Storage;
using KnowledgeGraph.Storage.Export;

namespace KnowledgeGraph.Ingestion.Export;

/// <summary>
/// Writes the graph as GraphML (http://graphml.graphdrawing.org/) for Gephi, yEd, NetworkX and the like: one node
/// per person, organization, model and paper, one directed edge per fact, every attribute declared as a key first.
/// Partial dates stay text ("2019", "2019-07"): a tool must not turn "2019" into January 1st.
/// </summary>
public static class GraphMlWriter
{
    public const string Namespace = "http://graphml.graphdrawing.org/xmlns";

    /// <summary>The declared attributes: id, whom it is for, name and GraphML type.</summary>
    public static readonly IReadOnlyList<(string Id, string For, string Name, string Type)> Keys =
    [
        ("n_label", "node", "label", "string"),
        ("n_kind", "node", "kind", "string"),
        ("n_aliases", "node", "aliases", "string"),
        ("n_orgKind", "node", "orgKind", "string"),
        ("n_parent", "node", "parent", "string"),
        ("n_year", "node", "year", "int"),
        ("n_venue", "node", "venue", "string"),
        ("e_label", "edge", "label", "string"),
        ("e_relation", "edge", "relation", "string"),
        ("e_start", "edge", "start", "string"),
        ("e_end", "edge", "end", "string"),
        ("e_role", "edge", "role", "string"),
        ("e_confidence", "edge", "confidence", "double"),
        ("e_sources", "edge", "sources", "string"),
        ("e_sourceCount", "edge", "sourceCount", "int"),
    ];

    public static async Task<ExportCounts> WriteAsync(IGraphExporter graph, Stream output, int pageSize, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var settings = new XmlWriterSettings { Async = true, Indent = true, Encoding = new UTF8Encoding(false) };
        await using var xml = XmlWriter.Create(output, settings);
        await xml.WriteStartDocumentAsync();
        await xml.WriteStartElementAsync(null, "graphml", Namespace);
        foreach (var (id, owner, name, type) in Keys)
        {
            await xml.WriteStartElementAsync(null, "key", Namespace);
            await xml.WriteAttributeStringAsync(null, "id", null, id);
            await xml.WriteAttributeStringAsync(null, "for", null, owner);
            await xml.WriteAttributeStringAsync(null, "attr.name", null, name);
            await xml.WriteAttributeStringAsync(null, "attr.type", null, type);
            await xml.WriteEndElementAsync();
        }

        await xml.WriteStartElementAsync(null, "graph", Namespace);
        await xml.WriteAttributeStringAsync(null, "id", null, "knowledge-graph");
        await xml.WriteAttributeStringAsync(null, "edgedefault", null, "directed");
        long nodes = 0, edges = 0, claims = 0;
        await foreach (var page in GraphPages.NodesAsync(graph, pageSize, string.Empty, cancellationToken))
        {
            foreach (var node in page)
            {
                await xml.WriteStartElementAsync(null, "node", Namespace);
                await xml.WriteAttributeStringAsync(null, "id", null, Text(node.Id));
                await DataAsync(xml, "n_label", node.Name);
                await DataAsync(xml, "n_kind", node.Kind.ToString());
                await DataAsync(xml, "n_aliases", node.Aliases.Count == 0 ? null : string.Join(" | ", node.Aliases));
                await DataAsync(xml, "n_orgKind", node.OrganizationKind?.ToString().ToUpperInvariant());
                await DataAsync(xml, "n_parent", node.ParentId);
                await DataAsync(xml, "n_year", node.Year?.ToString(CultureInfo.InvariantCulture));
                await DataAsync(xml, "n_venue", node.Venue);
                await xml.WriteEndElementAsync();
            }

            nodes += page.Count;
        }

        await foreach (var page in GraphPages.EdgesAsync(graph, pageSize, string.Empty, cancellationToken))
        {
            foreach (var edge in page)
            {
                await xml.WriteStartElementAsync(null, "edge", Namespace);
                await xml.WriteAttributeStringAsync(null, "id", null, Text(edge.Id));
                await xml.WriteAttributeStringAsync(null, "source", null, Text(edge.From));
                await xml.WriteAttributeStringAsync(null, "target", null, Text(edge.To));
                await DataAsync(xml, "e_label", edge.Relation.ToWire());
                await DataAsync(xml, "e_relation", edge.Relation.ToWire());
                await DataAsync(xml, "e_start", edge.Start?.ToString());
                await DataAsync(xml, "e_end", edge.End?.ToString());
                await DataAsync(xml, "e_role", edge.Role);
                await DataAsync(xml, "e_confidence", edge.Confidence.ToString("R", CultureInfo.InvariantCulture));
                await DataAsync(xml, "e_sources", string.Join(' ', edge.Sources.Select(s => s.SourceId).Distinct(StringComparer.Ordinal)));
                await DataAsync(xml, "e_sourceCount", edge.Sources.Count.ToString(CultureInfo.InvariantCulture));
                await xml.WriteEndElementAsync();
                claims += edge.Sources.Count;
            }

            edges += page.Count;
        }

        await xml.WriteEndElementAsync();
        await xml.WriteEndElementAsync();
        await xml.WriteEndDocumentAsync();
        await xml.FlushAsync();
        return new ExportCounts(0, nodes, edges, claims, 0);
    }

    private static async Task DataAsync(XmlWriter xml, string key, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return;
        }

        await xml.WriteStartElementAsync(null, "data", Namespace);
        await xml.WriteAttributeStringAsync(null, "key", null, key);
        await xml.WriteStringAsync(Text(value));
        await xml.WriteEndElementAsync();
    }

    /// <summary>Characters XML 1.0 cannot hold (control characters, lone surrogates) become U+FFFD; the rest is kept.</summary>
    private static string Text(string value)
    {
        if (value.All(XmlConvert.IsXmlChar))
        {
            return value;
        }

        var clean = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                clean.Append(value, i, 2);
                i++;
            }
            else
            {
                clean.Append(XmlConvert.IsXmlChar(value[i]) ? value[i] : '\uFFFD');
            }
        }

        return clean.ToString();
    }
}
