using KnowledgeGraph.Core.Claims;
using KnowledgeGraph.Core.Dates;
using KnowledgeGraph.Core.Graph;
using KnowledgeGraph.Extraction.Evaluation;

namespace KnowledgeGraph.Extraction.Tests;

[Trait("Category", "Unit")]
public class EvaluationTests
{
    private static Claim Joined(string org, int? year) =>
        new(new Mention("Ada Brook", NodeKind.Person), Relation.Joined, new Mention(org, NodeKind.Organization), new Evidence(0, 0, string.Empty))
        {
            Start = year is { } y ? PartialDate.OfYear(y) : null,
        };

    [Fact]
    public void Matches_subject_relation_object_and_dates()
    {
        var report = ExtractionEvaluation.Score([("a.md", [Joined("openai", 2019), Joined("Meta", 2020), Joined("Meta", 2020)], [Joined("OpenAI", 2019), Joined("Anthropic", 2021)])]);
        var joined = report.Relations.Single(r => r.Relation == "JOINED");

        Assert.Equal((1, 1, 1), (joined.TruePositives, joined.FalsePositives, joined.FalseNegatives));
        Assert.Equal(0.5, report.Overall.Precision);
        Assert.Equal(0.5, report.Overall.Recall);
        Assert.Equal(2, report.Differences.Count);
    }

    [Fact]
    public void A_wrong_date_is_a_miss_and_a_spurious_claim()
    {
        var report = ExtractionEvaluation.Score([("a.md", [Joined("OpenAI", 2018)], [Joined("OpenAI", 2019)])]);
        Assert.Equal(0, report.Overall.F1);
    }

    [Fact]
    public void The_table_lists_every_relation_and_overall()
    {
        var table = ExtractionEvaluation.Score([("a.md", [Joined("OpenAI", 2019)], [Joined("OpenAI", 2019)])]).ToTable();
        foreach (var name in new[] { "WORKED_AT", "STUDIED_AT", "WORKED_ON", "LED", "AUTHORED", "JOINED", "LEFT", "FOUNDED", "overall" })
        {
            Assert.Contains($"| {name} |", table, StringComparison.Ordinal);
        }
    }
}
