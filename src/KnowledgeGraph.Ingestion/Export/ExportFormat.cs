namespace KnowledgeGraph.Ingestion.Export;

/// <summary>The formats `kg export` writes.</summary>
public enum ExportFormat
{
    /// <summary>Records JSONL (graph-schema/records.md), which `kg import` reads back.</summary>
    Jsonl,

    /// <summary>GraphML for Gephi, yEd, NetworkX and similar tools.</summary>
    GraphMl,

    /// <summary>A CSV of affiliations: person, organization, title, start, end, source.</summary>
    Csv,
}
