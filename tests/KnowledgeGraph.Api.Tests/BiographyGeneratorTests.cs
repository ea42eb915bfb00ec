using KnowledgeGraph.Core.Graph;
using KnowledgeGraph.Extraction;
using KnowledgeGraph.Ingestion.Generation;

namespace KnowledgeGraph.Api.Tests;

/// <summary>Synthetic biographies for the import benchmark: deterministic, distinct people, and readable by the extractor.</summary>
public sealed class BiographyGeneratorTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "kg-bios-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task The_same_seed_writes_the_same_files_and_another_seed_does_not()
    {
        await new BiographyGenerator(30, 7).WriteAsync(Path.Combine(folder, "a"), CancellationToken.None);
        await new BiographyGenerator(30, 7).WriteAsync(Path.Combine(folder, "b"), CancellationToken.None);
        await new BiographyGenerator(30, 8).WriteAsync(Path.Combine(folder, "c"), CancellationToken.None);
        var a = Directory.GetFiles(Path.Combine(folder, "a")).Order(StringComparer.Ordinal).Select(File.ReadAllText).ToList();
        var b = Directory.GetFiles(Path.Combine(folder, "b")).Order(StringComparer.Ordinal).Select(File.ReadAllText).ToList();
        var c = Directory.GetFiles(Path.Combine(folder, "c")).Order(StringComparer.Ordinal).Select(File.ReadAllText).ToList();
        Assert.Equal(30, a.Count);
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
    }

    [Fact]
    public void Names_are_distinct_across_more_than_one_name_cycle()
    {
        var names = Enumerable.Range(0, 20_000).Select(BiographyGenerator.NameOf).ToList();
        Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public async Task Every_biography_gives_the_extractor_career_claims_about_its_person()
    {
        await new BiographyGenerator(40, 42).WriteAsync(folder, CancellationToken.None);
        var extractor = new BuiltInExtractor();
        var index = 0;
        foreach (var file in Directory.GetFiles(folder).Order(StringComparer.Ordinal))
        {
            var document = FrontMatter.Read(await File.ReadAllTextAsync(file), file);
            var claims = extractor.Extract(document);
            var name = BiographyGenerator.NameOf(index++);
            Assert.Contains(claims, c => c.Subject.Name == name && c.Relation is Relation.Joined or Relation.WorkedAt);
            Assert.True(claims.Count >= 3, $"{file}: {claims.Count} claims");
        }
    }
}
