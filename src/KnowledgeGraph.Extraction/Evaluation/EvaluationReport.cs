using System.Globalization;
using System.Text;

namespace KnowledgeGraph.Extraction.Evaluation;

/// <summary>One difference between extracted and gold claims.</summary>
public sealed record EvaluationDifference(string Document, bool Missing, ClaimKey Claim)
{
    public override string ToString() => $"{Document}: {(Missing ? "missing " : "spurious")} {Claim}";
}

/// <summary>The result of comparing an extractor with a gold corpus: per relation, overall, and every difference.</summary>
public sealed record EvaluationReport(int Documents, IReadOnlyList<RelationScore> Relations, RelationScore Overall, IReadOnlyList<EvaluationDifference> Differences)
{
    /// <summary>A Markdown table: relation, gold, extracted, TP, precision, recall, F1.</summary>
    public string ToTable()
    {
        var builder = new StringBuilder();
        builder.AppendLine(CultureInfo.InvariantCulture, $"Documents: {Documents}");
        builder.AppendLine("| relation | gold | extracted | correct | precision | recall | F1 |");
        builder.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var score in Relations.Append(Overall))
        {
            builder.AppendLine(CultureInfo.InvariantCulture,
                $"| {score.Relation} | {score.TruePositives + score.FalseNegatives} | {score.TruePositives + score.FalsePositives} | {score.TruePositives} | {score.Precision:0.000} | {score.Recall:0.000} | {score.F1:0.000} |");
        }

        return builder.ToString();
    }
}
