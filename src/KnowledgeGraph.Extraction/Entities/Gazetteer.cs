using KnowledgeGraph.Core.Graph;
using KnowledgeGraph.Extraction.Text;

namespace KnowledgeGraph.Extraction.Entities;

/// <summary>
/// Known labs, companies, universities, models and people, looked up by name or alias in text. Built in, and
/// extended at runtime (the ingestion pipeline adds every node already in the graph). Immutable: extending returns
/// a new gazetteer, so one instance can be shared by concurrent extractions.
/// </summary>
public sealed class Gazetteer
{
    private readonly Dictionary<string, List<GazetteerName>> _byFirstWord;
    private readonly Dictionary<string, List<GazetteerName>>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    private Gazetteer(IReadOnlyList<GazetteerEntry> entries)
    {
        Entries = entries;
        _byFirstWord = new Dictionary<string, List<GazetteerName>>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in entries)
        {
            foreach (var name in entry.Names.Distinct(StringComparer.Ordinal))
            {
                var words = Tokenizer.Words(name);
                if (words.Length == 0)
                {
                    continue;
                }

                if (!_byFirstWord.TryGetValue(words[0], out var list))
                {
                    list = [];
                    _byFirstWord[words[0]] = list;
                }

                list.Add(new GazetteerName(name, words, entry));
            }
        }

        // Longest names first, so "Google DeepMind" wins over "Google"; on the same name an organization or a model wins
        // over a person, so a node mistaken for a person once ("Goldman Sachs") cannot make the company a person again.
        foreach (var list in _byFirstWord.Values)
        {
            var ordered = list.OrderByDescending(n => n.Words.Length).ThenBy(n => n.Entry.Kind == NodeKind.Person ? 1 : 0).ToList();
            list.Clear();
            list.AddRange(ordered);
        }

        _lookup = _byFirstWord.GetAlternateLookup<ReadOnlySpan<char>>();
        _lowercaseStarts = [.. _byFirstWord.Values.SelectMany(l => l).Where(n => char.IsLower(n.Text[0])).Select(n => n.Text[0]).Distinct()];
    }

    private readonly char[] _lowercaseStarts;

    /// <summary>False when no name starts with this lower-case letter, so lower-case words need no lookup.</summary>
    internal bool MayStartLowercase(char first) => _lowercaseStarts.AsSpan().Contains(first);

    /// <summary>The entities every extraction knows: well-known labs, companies, universities and models.</summary>
    public static Gazetteer BuiltIn { get; } = new(BuiltInEntities.All);

    public IReadOnlyList<GazetteerEntry> Entries { get; }

    /// <summary>A gazetteer that also knows <paramref name="extra"/> (for instance the graph's nodes).</summary>
    public Gazetteer With(IEnumerable<GazetteerEntry> extra) => new([.. Entries, .. extra]);

    /// <summary>A gazetteer that also knows the given graph nodes, under their names and aliases.</summary>
    public Gazetteer WithNodes(IEnumerable<GraphNode> nodes) =>
        With(nodes.Select(n => new GazetteerEntry(n.Name, n.Kind, n.Aliases) { OrganizationKind = n.OrganizationKind }));

    /// <summary>Names starting with the given word (case-insensitive), longest first.</summary>
    internal IReadOnlyList<GazetteerName> StartingWith(ReadOnlySpan<char> firstWord) =>
        _lookup.TryGetValue(firstWord, out var list) ? list : [];

    /// <summary>All names of organizations and models, for spotting typos ("OpenAL" for "OpenAI").</summary>
    internal IEnumerable<GazetteerName> AllNames => _byFirstWord.Values.SelectMany(l => l);
}

/// <summary>One name of a gazetteer entry, split into words for matching.</summary>
internal sealed record GazetteerName(string Text, string[] Words, GazetteerEntry Entry);
