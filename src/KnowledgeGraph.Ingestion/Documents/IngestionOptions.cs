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

    /// <summary>
    /// How long a worker's claim on a job lasts without renewal (renewed every third of it while the job runs): after a
    /// worker dies, its job is taken again by another worker once this has run out.
    /// </summary>
    public int LeaseSeconds { get; set; } = 60;
}
