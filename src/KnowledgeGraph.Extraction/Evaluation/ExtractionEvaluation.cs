using KnowledgeGraph.Core.Claims;
using KnowledgeGraph.Core.Graph;
using KnowledgeGraph.Extraction.Wire;

namespace KnowledgeGraph.Extraction.Evaluation;

/// <summary>
/// Scores an extractor against a gold corpus: a folder of documents (<c>NN-name.md</c> or <c>.txt</c>) each with
/// its hand-written claims beside it (<c>NN-name.gold.jsonl</c>, the claim wire format, evidence optional).
/// </summary>
public static class ExtractionEvaluation
{
    private static readonly string[] DocumentExtensions = [".md", ".txt"];

    /// <summary>Extracts every document of <paramref name="directory"/> and compares with its gold claims.</summary>
    public static async Task<EvaluationReport> RunAsync(string directory, IClaimExtractor extractor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(extractor);
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"{directory}: no such folder; give the folder holding NN-name.md and NN-name.gold.jsonl files");
        }

        var results = new List<(string Name, IReadOnlyList<Claim> Extracted, IReadOnlyList<Claim> Gold)>();
        foreach (var path in Directory.EnumerateFiles(directory).Where(IsDocument).Order(StringComparer.Ordinal))
        {
            var goldPath = Path.ChangeExtension(path, ".gold.jsonl");
            if (!File.Exists(goldPath))
            {
                continue;
            }

            var name = Path.GetFileName(path);
            var document = FrontMatter.Read(await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false), name);
            var extracted = await extractor.ExtractAsync(document, cancellationToken).ConfigureAwait(false);
            var gold = ReadGold(goldPath, await File.ReadAllLinesAsync(goldPath, cancellationToken).ConfigureAwait(false));
            results.Add((name, extracted, gold));
        }

        if (results.Count == 0)
        {
            throw new FileNotFoundException($"{directory}: no document with a gold file (NN-name.md next to NN-name.gold.jsonl)");
        }

        return Score(results);
    }

    /// <summary>Compares extracted and gold claims document by document; duplicates count once.</summary>
    public static EvaluationReport Score(IEnumerable<(string Name, IReadOnlyList<Claim> Extracted, IReadOnlyList<Claim> Gold)> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var counts = new Dictionary<Relation, (int Tp, int Fp, int Fn)>();
        var differences = new List<EvaluationDifference>();
        var count = 0;
        foreach (var (name, extracted, gold) in documents)
        {
            count++;
            var predicted = extracted.Select(ClaimKey.Of).ToHashSet();
            var expected = gold.Select(ClaimKey.Of).ToHashSet();
            foreach (var key in predicted.Union(expected))
            {
                var (tp, fp, fn) = counts.GetValueOrDefault(key.Relation);
                var inPredicted = predicted.Contains(key);
                var inExpected = expected.Contains(key);
                counts[key.Relation] = (tp + (inPredicted && inExpected ? 1 : 0), fp + (inPredicted && !inExpected ? 1 : 0), fn + (!inPredicted && inExpected ? 1 : 0));
                if (inPredicted != inExpected)
                {
                    differences.Add(new EvaluationDifference(name, inExpected, key));
                }
            }
        }

        var relations = Relations.All
            .Where(r => r.IsAffiliation() || r.IsContribution())
            .Select(r => counts.TryGetValue(r, out var c) ? new RelationScore(r.ToWire(), c.Tp, c.Fp, c.Fn) : new RelationScore(r.ToWire(), 0, 0, 0))
            .ToList();
        var overall = new RelationScore("overall", counts.Values.Sum(c => c.Tp), counts.Values.Sum(c => c.Fp), counts.Values.Sum(c => c.Fn));
        return new EvaluationReport(count, relations, overall, differences);
    }

    private static bool IsDocument(string path) =>
        DocumentExtensions.Contains(Path.GetExtension(path), StringComparer.OrdinalIgnoreCase);

    private static List<Claim> ReadGold(string path, string[] lines)
    {
        var claims = new List<Claim>();
        for (var i = 0; i < lines.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i]))
            {
                continue;
            }

            try
            {
                claims.Add(ClaimJson.Read(lines[i]));
            }
            catch (FormatException ex)
            {
                throw new FormatException($"{path} line {i + 1}: {ex.Message}", ex);
            }
        }

        return claims;
    }
}
