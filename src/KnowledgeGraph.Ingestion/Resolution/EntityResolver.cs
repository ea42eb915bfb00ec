using System.Globalization;
using System.Text;
using FuzzySharp;
using KnowledgeGraph.Core.Claims;
using KnowledgeGraph.Core.Graph;
using KnowledgeGraph.Storage;

namespace KnowledgeGraph.Ingestion.Resolution;

/// <summary>
/// Mentions to node ids: an exact name or alias first (case-insensitive), then a fuzzy match within the kind
/// (FuzzySharp token-sort ratio) over full-text candidates; an unsure match makes a new node rather than merge two
/// different things. People need a near-exact match and the same last name, since merging two people is the worst
/// mistake this step can make.
/// </summary>
public sealed class EntityResolver(IGraphStore store)
{
    private const int OtherThreshold = 90;
    private const int PersonThreshold = 95;

    /// <summary>The node a mention refers to, or a new node to create (<see cref="Resolution.IsNew"/>).</summary>
    public async Task<Resolution> ResolveAsync(Mention mention, IReadOnlyDictionary<string, GraphNode> pending, CancellationToken cancellationToken)
    {
        var exact = (await store.FindByNameAsync(mention.Name, mention.Kind, cancellationToken)).FirstOrDefault();
        if (exact is not null)
        {
            return new Resolution(exact.Id, false);
        }

        var norm = NameNormalizer.Normalize(mention.Name);
        var inBatch = pending.Values.FirstOrDefault(n => n.Kind == mention.Kind && NameNormalizer.Normalize(n.Name) == norm);
        if (inBatch is not null)
        {
            return new Resolution(inBatch.Id, false);
        }

        var candidates = (await store.SearchAsync(LastWord(mention.Name), 20, cancellationToken)).Where(n => n.Kind == mention.Kind).ToList();
        var best = candidates
            .SelectMany(n => n.Aliases.Prepend(n.Name).Select(name => (Node: n, Score: Fuzz.TokenSortRatio(NameNormalizer.Normalize(name), norm), Name: name)))
            .OrderByDescending(c => c.Score)
            .FirstOrDefault();
        if (best.Node is not null && IsSure(mention, best.Name, best.Score))
        {
            return new Resolution(best.Node.Id, false);
        }

        var id = BatchValidator.PrefixOf(mention.Kind) + Slug(mention.Name);
        var suffix = 2;
        var baseId = id;
        while ((await store.GetNodesAsync([id], cancellationToken)).ContainsKey(id) || (pending.TryGetValue(id, out var taken) && NameNormalizer.Normalize(taken.Name) != norm))
        {
            id = $"{baseId}-{suffix++}";
        }

        return new Resolution(id, true);
    }

    private static bool IsSure(Mention mention, string candidate, int score) => mention.Kind switch
    {
        NodeKind.Person => score >= PersonThreshold && string.Equals(LastWord(candidate), LastWord(mention.Name), StringComparison.OrdinalIgnoreCase),
        _ => score >= OtherThreshold,
    };

    private static string LastWord(string name) => name.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? name;

    /// <summary>"Łukasz Kaiser" → "lukasz-kaiser": ASCII letters and digits joined by dashes.</summary>
    public static string Slug(string name)
    {
        var decomposed = name.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        var dash = false;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            var folded = c switch
            {
                'ł' or 'Ł' => 'l',
                'ø' or 'Ø' => 'o',
                'đ' or 'Đ' => 'd',
                _ => char.ToLowerInvariant(c),
            };
            if (char.IsAsciiLetterOrDigit(folded))
            {
                if (dash && builder.Length > 0)
                {
                    builder.Append('-');
                }

                builder.Append(folded);
                dash = false;
            }
            else
            {
                dash = true;
            }
        }

        var slug = builder.ToString();
        return slug.Length == 0 ? "x" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(name)).AsSpan(0, 6)) : slug[..Math.Min(slug.Length, 80)];
    }
}

/// <summary>Where a mention resolved: an existing node, or a new one with this id.</summary>
public sealed record Resolution(string NodeId, bool IsNew);
