namespace KnowledgeGraph.Ingestion.Documents;

/// <summary>How documents become facts (configuration "Ingestion").</summary>
public sealed class IngestionOptions
{
    public const string Section = "Ingestion";

    /// <summary>
    /// Claims the extractor is less sure of are not written (it marks guesses such as a departure's unnamed
    /// employer at 0.7): a wrong fact costs more than a missing one.
    /// </summary>
    public double MinConfidence { get; set; } = 0.8;
}
