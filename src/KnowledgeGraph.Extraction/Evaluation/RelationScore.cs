namespace KnowledgeGraph.Extraction.Evaluation;

/// <summary>Counts and precision, recall and F1 for one relation (or "overall").</summary>
public sealed record RelationScore(string Relation, int TruePositives, int FalsePositives, int FalseNegatives)
{
    /// <summary>Share of extracted claims that are right; 1 when nothing was extracted.</summary>
    public double Precision => TruePositives + FalsePositives == 0 ? 1 : (double)TruePositives / (TruePositives + FalsePositives);

    /// <summary>Share of gold claims extracted; 1 when there is nothing to find.</summary>
    public double Recall => TruePositives + FalseNegatives == 0 ? 1 : (double)TruePositives / (TruePositives + FalseNegatives);

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
}
