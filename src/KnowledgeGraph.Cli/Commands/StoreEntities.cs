using System.Text.RegularExpressions;
using KnowledgeGraph.Core.Graph;
using KnowledgeGraph.Storage;

namespace KnowledgeGraph.Cli.Commands;

/// <summary>The store's nodes a text may name: each run of capitalized words (and its shorter runs) looked up by name or alias, read only.</summary>
public static partial class StoreEntities
{
    private const int MaxWords = 6;

    public static async Task<IReadOnlyList<GraphNode>> NamedInAsync(IGraphStore store, string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(text);
        var found = new Dictionary<string, GraphNode>(StringComparer.Ordinal);
        foreach (var candidate in Candidates(text))
        {
            foreach (var node in await store.FindByNameAsync(candidate, null, cancellationToken))
            {
                found.TryAdd(node.Id, node);
            }
        }

        return [.. found.Values];
    }

    /// <summary>Every run of up to <see cref="MaxWords"/> consecutive name-like words ("Halden Labs", "o1", "GPT-4"), once each.</summary>
    public static IReadOnlySet<string> Candidates(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var candidates = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (Match run in NameRun().Matches(text))
        {
            var words = run.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            for (var start = 0; start < words.Length; start++)
            {
                for (var length = 1; length <= MaxWords && start + length <= words.Length; length++)
                {
                    candidates.Add(string.Join(' ', words, start, length));
                }
            }
        }

        return candidates;
    }

    // Words starting with a capital or holding a digit, joined by single spaces, with "of"/"for"/"de" inside ("University of Warsaw").
    [GeneratedRegex(@"(?:\p{Lu}[\p{L}\p{N}.&'-]*|\p{Ll}*\p{N}[\p{L}\p{N}-]*)(?: (?:(?:of|for|the|de|and) )?(?:\p{Lu}[\p{L}\p{N}.&'-]*|\p{Ll}*\p{N}[\p{L}\p{N}-]*))*")]
    private static partial Regex NameRun();
}
