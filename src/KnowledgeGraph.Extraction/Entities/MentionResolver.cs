using System.Text.RegularExpressions;
using KnowledgeGraph.Extraction.Text;

namespace KnowledgeGraph.Extraction.Entities;

/// <summary>
/// Gives every mention of a document the name it prints under: the fullest form the document uses ("Jerry" is
/// "Jerry Tworek", "DeepMind" is "Google DeepMind" when the text also says that), one spelling per name ("O1" is
/// "o1"), and typos of a name the document also spells right ("OpenAL" is "OpenAI").
/// </summary>
internal static partial class MentionResolver
{
    public static void Resolve(List<EntityMention> mentions, string text)
    {
        ResolveAliases(mentions, text);
        ResolvePeople(mentions);
        ResolveSpellings(mentions);
        ResolveTypos(mentions);
    }

    /// <summary>
    /// The fullest organization name in the document that starts with <paramref name="name"/> ("Vireo" → "Vireo Labs"),
    /// else the one name that holds it as its distinctive word ("Olin" → "Franklin W. Olin College of Engineering").
    /// </summary>
    public static string CanonicalOrganization(string name, IEnumerable<string> organizationNames)
    {
        var best = name;
        string? inner = null;
        var innerCount = 0;
        foreach (var candidate in organizationNames)
        {
            if (candidate.Length > best.Length && candidate.Length > name.Length && candidate[name.Length] == ' '
                && candidate.StartsWith(name, StringComparison.OrdinalIgnoreCase))
            {
                best = candidate;
            }
            else if (candidate.Length > name.Length && candidate != inner && HoldsAsInnerWord(candidate, name))
            {
                inner = candidate;
                innerCount++;
            }
        }

        return best == name && innerCount == 1 && IsDistinctiveWord(name) ? inner! : best;
    }

    private static bool HoldsAsInnerWord(string candidate, string word)
    {
        for (var at = candidate.IndexOf(word, 1, StringComparison.Ordinal); at > 0; at = candidate.IndexOf(word, at + 1, StringComparison.Ordinal))
        {
            var end = at + word.Length;
            if (candidate[at - 1] == ' ' && (end == candidate.Length || candidate[end] == ' '))
            {
                return true;
            }
        }

        return false;
    }

    // A single capitalized word that is not a generic part of organization names ("College", "AI", "Research").
    private static bool IsDistinctiveWord(string word) =>
        word.Length >= 3 && char.IsUpper(word[0]) && !word.Contains(' ', StringComparison.Ordinal)
        && !Words.OrganizationHeads.Contains(word) && !Words.NotNames.Contains(word) && !Words.Places.Contains(word);

    // The recognizer names a misspelt known name by its right spelling ("Tsinghua Universty" is "Tsinghua University").
    private static string Form(EntityMention m) =>
        m.Entry is not null && m.Name != m.Surface && m.Entry.Names.Contains(m.Name, StringComparer.Ordinal) ? m.Name : m.Surface;

    [GeneratedRegex(@"^\s*\(\s*(?:(?:also|sometimes|often|written|spelled|spelt|known|as|born|or|né|née)\s+){0,3}$", RegexOptions.CultureInvariant)]
    private static partial Regex AliasOpening();

    // "Igor Babuschkin (also spelled Igor Babushkin)", "Shuchao Bi (Bi Shuchao)": one person under two names, printed
    // under the one the document uses more (the first on a tie).
    private static void ResolveAliases(List<EntityMention> mentions, string text)
    {
        for (var i = 1; i < mentions.Count; i++)
        {
            EntityMention first = mentions[i - 1], alias = mentions[i];
            if (first.Kind != MentionKind.Person || alias.Kind != MentionKind.Person || first.Name == alias.Name
                || alias.End >= text.Length || text[alias.End] != ')' || !AliasOpening().IsMatch(text.AsSpan(first.End, alias.Start - first.End)))
            {
                continue;
            }

            var (from, to) = mentions.Count(m => m.Name == alias.Name) > mentions.Count(m => m.Name == first.Name)
                ? (first.Name, alias.Name)
                : (alias.Name, first.Name);
            foreach (var m in mentions)
            {
                if (m.Kind == MentionKind.Person && m.Name == from)
                {
                    m.Name = to;
                }
            }
        }
    }

    private static void ResolvePeople(List<EntityMention> mentions)
    {
        var fullNames = new List<string>();
        foreach (var m in mentions)
        {
            if (m.Kind == MentionKind.Person && m.Name.Contains(' ', StringComparison.Ordinal) && !fullNames.Contains(m.Name))
            {
                fullNames.Add(m.Name);
            }
        }

        // "Ana Sousa" inside "Ana Sousa Pereira": the longer one is the person.
        var byPart = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var full in fullNames)
        {
            foreach (var part in full.Split(' '))
            {
                if (part.Length < 2 || Words.NameParticles.Contains(part))
                {
                    continue;
                }

                byPart[part] = byPart.TryGetValue(part, out var existing) && existing is not null && existing != full && !Contains(existing, full) && !Contains(full, existing)
                    ? null
                    : LongerOf(existing, full);
            }
        }

        foreach (var m in mentions)
        {
            if (m.Kind is MentionKind.Person or MentionKind.Unknown && !m.Name.Contains(' ', StringComparison.Ordinal)
                && byPart.TryGetValue(m.Name, out var full) && full is not null)
            {
                m.Kind = MentionKind.Person;
                m.Name = full;
            }
            else if (m.Kind == MentionKind.Person && m.Name.Contains(' ', StringComparison.Ordinal))
            {
                var longest = fullNames.Where(f => f.Length > m.Name.Length && Contains(f, m.Name)).MaxBy(f => f.Length);
                if (longest is not null)
                {
                    m.Name = longest;
                }
            }
        }
    }

    private static string LongerOf(string? a, string b) => a is null || b.Length > a.Length ? b : a;

    private static void ResolveSpellings(List<EntityMention> mentions)
    {
        var surfacesByEntry = new Dictionary<GazetteerEntry, List<string>>(ReferenceEqualityComparer.Instance);
        foreach (var m in mentions)
        {
            if (m.Kind is MentionKind.Organization or MentionKind.Model && m.Entry is not null)
            {
                if (!surfacesByEntry.TryGetValue(m.Entry, out var list))
                {
                    list = [];
                    surfacesByEntry[m.Entry] = list;
                }

                if (!list.Contains(Form(m)))
                {
                    list.Add(Form(m));
                }
            }
        }

        foreach (var m in mentions)
        {
            if (m.Kind is not (MentionKind.Organization or MentionKind.Model) || m.Entry is null)
            {
                continue;
            }

            // The longest form of the same entity the document uses ("o1" → "OpenAI o1"; "DeepMind" → "Google DeepMind").
            var best = Form(m);
            // Other names of the same entry count too ("AI2" prints as "Allen Institute for AI" when the text says both).
            foreach (var other in surfacesByEntry[m.Entry])
            {
                if (other.Length > best.Length)
                {
                    best = other;
                }
            }

            // One spelling per name: the one the gazetteer knows ("O1" and "o1" print as "o1").
            if (!m.Entry.Names.Contains(best, StringComparer.Ordinal))
            {
                var known = m.Entry.Names.FirstOrDefault(n => n.Equals(best, StringComparison.OrdinalIgnoreCase));
                if (known is not null)
                {
                    best = known;
                    m.IsVariant = true;
                }
            }

            m.Name = best;
        }
    }

    private static void ResolveTypos(List<EntityMention> mentions)
    {
        List<EntityMention>? known = null;
        foreach (var m in mentions)
        {
            if (m.Kind != MentionKind.Unknown || m.Surface.Length < 5 || m.Surface.Contains(' ', StringComparison.Ordinal))
            {
                continue;
            }

            known ??= [.. mentions.Where(o => o.Kind is MentionKind.Organization or MentionKind.Model && !o.IsVariant && o.Surface.Length >= 5)
                .DistinctBy(o => o.Surface)];
            var match = known.FirstOrDefault(o => char.ToUpperInvariant(o.Surface[0]) == char.ToUpperInvariant(m.Surface[0])
                && EditDistance.AtMostOne(o.Surface, m.Surface));
            if (match is not null)
            {
                m.Kind = match.Kind;
                m.Name = match.Name;
                m.IsVariant = true;
            }
        }
    }

    /// <summary>True when <paramref name="inner"/> occurs in <paramref name="outer"/> as whole words, ignoring case.</summary>
    private static bool Contains(string outer, string inner)
    {
        var index = outer.IndexOf(inner, StringComparison.OrdinalIgnoreCase);
        while (index >= 0)
        {
            var before = index == 0 || !char.IsLetterOrDigit(outer[index - 1]);
            var afterIndex = index + inner.Length;
            var after = afterIndex >= outer.Length || !char.IsLetterOrDigit(outer[afterIndex]);
            if (before && after)
            {
                return true;
            }

            index = outer.IndexOf(inner, index + 1, StringComparison.OrdinalIgnoreCase);
        }

        return false;
    }
}
