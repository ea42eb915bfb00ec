using KnowledgeGraph.Core.Claims;
using KnowledgeGraph.Core.Dates;
using KnowledgeGraph.Core.Graph;

namespace KnowledgeGraph.Extraction.Tests;

/// <summary>Runs the built-in extractor on a short text and renders claims compactly for assertions.</summary>
internal static class Extract
{
    private static readonly BuiltInExtractor Extractor = new();

    public static IReadOnlyList<Claim> From(string text, string? documentDate = null) =>
        Extractor.Extract(Document.FromText(text, documentDate is null ? null : PartialDate.Parse(documentDate)));

    /// <summary>"Jerry Tworek JOINED OpenAI 2019..", role left out.</summary>
    public static string[] Lines(string text, string? documentDate = null) =>
        [.. From(text, documentDate).Select(Line)];

    public static string Line(Claim c) =>
        $"{c.Subject.Name} {c.Relation.ToWire()} {c.Object.Name} {c.Start}..{c.End}";
}
