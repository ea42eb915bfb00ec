using KnowledgeGraph.Extraction.Evaluation;
using Xunit.Abstractions;

namespace KnowledgeGraph.Extraction.Tests;

/// <summary>
/// Holds the built-in extractor at the quality it reached on the development corpus (Corpus/, 26 documents written
/// for this project, 186 gold claims): precision and F1 1.000 when this test was written, after tuning on it
/// (documents 22-26 scored P 0.81 / R 0.74 / F1 0.78 before they were tuned on). The bar is set a little below the
/// reached value so one new hard sentence does not fail the build, but a real slide does; the targets
/// are precision 0.9 and F1 0.85.
/// </summary>
[Trait("Category", "Quality")]
public class GoldCorpusQualityTests(ITestOutputHelper output)
{
    private static string CorpusDirectory => Path.Combine(AppContext.BaseDirectory, "Corpus");

    [Fact]
    public async Task Development_corpus_stays_at_the_reached_quality()
    {
        var report = await ExtractionEvaluation.RunAsync(CorpusDirectory, new BuiltInExtractor());
        output.WriteLine(report.ToTable());
        foreach (var difference in report.Differences)
        {
            output.WriteLine(difference.ToString());
        }

        Assert.True(report.Documents >= 20, $"the corpus must hold at least 20 documents, found {report.Documents}");
        Assert.True(report.Overall.Precision >= 0.98, $"precision {report.Overall.Precision:0.000} fell below 0.98");
        Assert.True(report.Overall.F1 >= 0.97, $"F1 {report.Overall.F1:0.000} fell below 0.97");
    }

    [Fact]
    public void Every_gold_file_reads_and_every_document_has_one()
    {
        var documents = Directory.GetFiles(CorpusDirectory, "*.md");
        Assert.True(documents.Length >= 20);
        foreach (var document in documents)
        {
            var gold = Path.ChangeExtension(document, ".gold.jsonl");
            Assert.True(File.Exists(gold), $"{gold} is missing");
            Assert.All(File.ReadAllLines(gold).Where(l => l.Length > 0), l => Wire.ClaimJson.Read(l));
        }
    }
}
