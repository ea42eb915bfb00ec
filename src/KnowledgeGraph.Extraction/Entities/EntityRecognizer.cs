using System.Text.RegularExpressions;
using KnowledgeGraph.Core.Graph;
using KnowledgeGraph.Extraction.Text;

namespace KnowledgeGraph.Extraction.Entities;

/// <summary>
/// Finds the names in one sentence: gazetteer entries, quoted paper titles, teams, organization-like names
/// ("University of X", "X Labs", "X AI"), names with digits (models), personal names, pronouns and references
/// ("the company", "the paper"). Names of unknown type are kept as <see cref="MentionKind.Unknown"/>.
/// </summary>
internal sealed partial class EntityRecognizer(Gazetteer gazetteer)
{
    private static readonly HashSet<string> ModelVariants = new(StringComparer.Ordinal)
    {
        "Pro", "Ultra", "Flash", "Opus", "Sonnet", "Haiku", "Nano", "Turbo", "Mini", "mini", "Large", "Small",
    };

    private static readonly Comparer<EntityMention> ByStart = Comparer<EntityMention>.Create((a, b) => a.Start.CompareTo(b.Start));

    private static readonly HashSet<string> ReferenceNouns = new(StringComparer.OrdinalIgnoreCase)
    {
        "company", "lab", "laboratory", "startup", "start-up", "firm", "organization", "organisation", "institute", "university",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> ReferenceNounsLookup = ReferenceNouns.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> ModelVariantsLookup = ModelVariants.GetAlternateLookup<ReadOnlySpan<char>>();

    [GeneratedRegex(@"[""“](?<title>[^""“”\n]{3,200}?)[""”]", RegexOptions.CultureInvariant)]
    private static partial Regex QuotedText();

    [GeneratedRegex(@"\b[Tt]he\s+paper\s+that\s+introduced\s+(?:the\s+)?(?<x>[A-Za-z][\w.·-]*(?:\s+[A-Z0-9][\w.·-]*)*)", RegexOptions.CultureInvariant)]
    private static partial Regex PaperThatIntroduced();

    [GeneratedRegex(@"\b[Tt]he\s+(?:paper|study|article)\b(?!\s*,?\s*[""“]|\s+that\s+introduced)", RegexOptions.CultureInvariant)]
    private static partial Regex PaperReference();

    [GeneratedRegex(
        @"(?:\b(?i:the|its|our|their|his|her)|\b(?:[Tt]he\s+)?(?:company|lab|startup|firm|institute|university)['’]s|\b[A-Z][\w.-]*['’]s)\s+"
        + @"(?:(?:entire|whole|new|small|former|same|own|core|current|newly\s+formed)\s+)*"
        + @"(?<name>(?:(?!(?:of|a|an|the|and|or|to|in|at|on|for|with|that|this|is|was|entire|whole|own|same)\b)[A-Za-z][\w-]*\s+){1,3}(?:team|group))\b",
        RegexOptions.CultureInvariant)]
    private static partial Regex Team();

    /// <summary>Appends the mentions of one sentence to <paramref name="mentions"/>, ordered by position.</summary>
    public void Recognize(string text, TextSpan sentence, List<Token> tokens, List<EntityMention> mentions)
    {
        var first = mentions.Count;
        AddPatterns(text, sentence, tokens, mentions);
        var patternCount = mentions.Count;

        var i = 0;
        var forcePerson = false;
        while (i < tokens.Count)
        {
            var token = tokens[i];
            if (Covered(mentions, first, patternCount, token.Start))
            {
                i++;
                continue;
            }

            var word = token.In(text);
            if (token.IsWord && Words.HonorificsLookup.Contains(word))
            {
                forcePerson = true;
                i++;
                continue;
            }

            if (token.IsWord && AddPronoun(text, tokens, i, mentions))
            {
                i++;
                continue;
            }

            if (!forcePerson && TryGazetteer(text, tokens, i, out var end, out var entry, out var typo))
            {
                var span = new TextSpan(token.Start, tokens[end].End);
                var mention = new EntityMention(span, KindOf(entry), text[span.Start..span.End]) { Entry = entry };
                if (typo is not null)
                {
                    mention.Name = typo; // printed as the known name, not the misspelling
                }

                mentions.Add(mention);
                i = end + 1;
                continue;
            }

            if (token.Shape == TokenShape.Capitalized && !Words.OpenersLookup.Contains(word))
            {
                i = AddNameRun(text, tokens, i, forcePerson, mentions, first, patternCount);
                forcePerson = false;
                continue;
            }

            forcePerson = false;
            i++;
        }

        mentions.Sort(first, mentions.Count - first, ByStart);
        NameDescribedAsOrganization(text, tokens, mentions, first);
    }

    // "the company Indico Data Solutions", "the startup Vela": the name after the noun is an organization.
    private static void NameDescribedAsOrganization(string text, List<Token> tokens, List<EntityMention> mentions, int first)
    {
        for (var i = first; i < mentions.Count; i++)
        {
            var m = mentions[i];
            if (m.Kind is not (MentionKind.Person or MentionKind.Unknown) || m.Entry is not null)
            {
                continue;
            }

            var index = 0;
            while (index < tokens.Count && tokens[index].Start != m.Start)
            {
                index++;
            }

            if (index >= 2 && index < tokens.Count && tokens[index - 2].In(text).Equals("the", StringComparison.OrdinalIgnoreCase)
                && ReferenceNounsLookup.Contains(tokens[index - 1].In(text)) && tokens[index - 1].End + 1 == m.Start)
            {
                m.Kind = MentionKind.Organization;
            }
        }
    }

    private static MentionKind KindOf(GazetteerEntry entry) => entry.Kind switch
    {
        NodeKind.Person => MentionKind.Person,
        NodeKind.Model => MentionKind.Model,
        NodeKind.Paper => MentionKind.Paper,
        _ => entry.OrganizationKind == OrganizationKind.Team && entry.Name.EndsWith(" team", StringComparison.OrdinalIgnoreCase)
            ? MentionKind.Team
            : MentionKind.Organization,
    };

    private static bool Covered(List<EntityMention> mentions, int from, int to, int offset)
    {
        for (var m = from; m < to; m++)
        {
            if (mentions[m].Span.Contains(offset))
            {
                return true;
            }
        }

        return false;
    }

    private static void AddPatterns(string text, TextSpan sentence, List<Token> tokens, List<EntityMention> mentions)
    {
        var first = mentions.Count;
        var sentenceText = text.AsSpan(sentence.Start, sentence.Length);
        var hasQuote = sentenceText.ContainsAny('"', '“');
        for (var m = hasQuote ? QuotedText().Match(text, sentence.Start, sentence.Length) : Match.Empty; m.Success; m = m.NextMatch())
        {
            var title = m.Groups["title"];
            if (LooksLikeTitle(text.AsSpan(title.Index, title.Length)))
            {
                // A quoted name after "project" or "product" names a work, not a paper.
                var before = text.AsSpan(sentence.Start, m.Index - sentence.Start).TrimEnd();
                var kind = before.EndsWith("project", StringComparison.OrdinalIgnoreCase) || before.EndsWith("product", StringComparison.OrdinalIgnoreCase)
                    || before.EndsWith("model", StringComparison.OrdinalIgnoreCase) ? MentionKind.Model : MentionKind.Paper;
                mentions.Add(new EntityMention(new TextSpan(m.Index, m.Index + m.Length), kind, title.Value.Trim()));
            }
        }

        var hasPaper = sentenceText.Contains("paper", StringComparison.OrdinalIgnoreCase) || sentenceText.Contains("study", StringComparison.OrdinalIgnoreCase)
            || sentenceText.Contains("article", StringComparison.OrdinalIgnoreCase);
        for (var m = hasPaper ? PaperThatIntroduced().Match(text, sentence.Start, sentence.Length) : Match.Empty; m.Success; m = m.NextMatch())
        {
            var span = new TextSpan(m.Index, m.Index + m.Length);
            if (!Overlaps(mentions, first, span))
            {
                // No title is given: the paper goes by what the text says it did ("paper that introduced Hydra").
                mentions.Add(new EntityMention(span, MentionKind.Paper, text[(m.Index + 4)..span.End]));
            }
        }

        if (hasPaper)
        {
            AddIfFree(PaperReference(), MentionKind.PaperReference, text, sentence, mentions, first);
        }

        var hasTeam = sentenceText.Contains(" team", StringComparison.Ordinal) || sentenceText.Contains(" group", StringComparison.Ordinal);
        for (var m = hasTeam ? Team().Match(text, sentence.Start, sentence.Length) : Match.Empty; m.Success; m = m.NextMatch())
        {
            var span = new TextSpan(m.Index, m.Index + m.Length);
            if (!Overlaps(mentions, first, span) && !NameFollows(text, span.End, sentence.End))
            {
                var name = m.Groups["name"];
                mentions.Add(new EntityMention(span, MentionKind.Team, name.Value));
            }
        }

        AddOrganizationReferences(text, sentence, tokens, mentions, first);
    }

    // "the French aerospace group Zodiac Aerospace", "the company Indico Data Solutions": a description before a
    // name is not a name of its own.
    private static bool NameFollows(string text, int end, int sentenceEnd) =>
        end + 2 < sentenceEnd && text[end] == ' ' && char.IsUpper(text[end + 1]);

    // "the company", "the lab", "its": found by token, as they are tried in nearly every sentence.
    private static void AddOrganizationReferences(string text, TextSpan sentence, List<Token> tokens, List<EntityMention> mentions, int first)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            var word = tokens[i].In(text);
            TextSpan span;
            if (word.Equals("its", StringComparison.OrdinalIgnoreCase))
            {
                span = new TextSpan(tokens[i].Start, tokens[i].End);
            }
            else if (word.Equals("the", StringComparison.OrdinalIgnoreCase) && i + 1 < tokens.Count && tokens[i + 1].Shape == TokenShape.Lower
                && ReferenceNounsLookup.Contains(tokens[i + 1].In(text)))
            {
                span = new TextSpan(tokens[i].Start, tokens[i + 1].End);
            }
            else
            {
                continue;
            }

            if (!Overlaps(mentions, first, span) && !(span.End - tokens[i].Start > 3 && NameFollows(text, span.End, sentence.End)))
            {
                mentions.Add(new EntityMention(span, MentionKind.OrganizationReference, text[span.Start..span.End]));
            }
        }
    }

    private static void AddIfFree(Regex pattern, MentionKind kind, string text, TextSpan sentence, List<EntityMention> mentions, int first)
    {
        for (var m = pattern.Match(text, sentence.Start, sentence.Length); m.Success; m = m.NextMatch())
        {
            var span = new TextSpan(m.Index, m.Index + m.Length);
            if (!Overlaps(mentions, first, span))
            {
                mentions.Add(new EntityMention(span, kind, m.Value));
            }
        }
    }

    private static bool Overlaps(List<EntityMention> mentions, int first, TextSpan span)
    {
        for (var i = first; i < mentions.Count; i++)
        {
            if (mentions[i].Span.Overlaps(span))
            {
                return true;
            }
        }

        return false;
    }

    // A title is mostly capitalized words and does not end like speech ("..., said"); quotes of speech do.
    private static bool LooksLikeTitle(ReadOnlySpan<char> quoted)
    {
        var trimmed = quoted.Trim();
        if (trimmed.IsEmpty || trimmed[^1] is ',' or '.' or '!' or '?' or ':' || !char.IsUpper(trimmed[0]))
        {
            return false;
        }

        int words = 0, capitalized = 0, content = 0;
        foreach (var range in trimmed.Split(' '))
        {
            var w = trimmed[range];
            if (w.IsEmpty)
            {
                continue;
            }

            words++;
            if (w.Length > 3 || char.IsUpper(w[0]))
            {
                content++;
                if (char.IsUpper(w[0]) || char.IsDigit(w[0]))
                {
                    capitalized++;
                }
            }
        }

        return words is >= 2 and <= 20 && capitalized * 10 >= content * 7;
    }

    private static bool AddPronoun(string text, List<Token> tokens, int i, List<EntityMention> mentions)
    {
        var token = tokens[i];
        if (token.Length is < 2 or > 4)
        {
            return false;
        }

        var word = token.In(text);
        MentionKind kind;
        if (word.Equals("he", StringComparison.OrdinalIgnoreCase) || word.Equals("she", StringComparison.OrdinalIgnoreCase)
            || word.Equals("they", StringComparison.OrdinalIgnoreCase) || word.Equals("his", StringComparison.OrdinalIgnoreCase)
            || word.Equals("her", StringComparison.OrdinalIgnoreCase) || word.Equals("him", StringComparison.OrdinalIgnoreCase))
        {
            kind = MentionKind.Pronoun;
        }
        else if (word.Equals("who", StringComparison.OrdinalIgnoreCase) && i > 0 && tokens[i - 1].Shape != TokenShape.Lower)
        {
            kind = MentionKind.Relative;
        }
        else
        {
            return false;
        }

        mentions.Add(new EntityMention(new TextSpan(token.Start, token.End), kind, word.ToString().ToLowerInvariant()));
        return true;
    }

    private bool TryGazetteer(string text, List<Token> tokens, int i, out int end, out GazetteerEntry entry, out string? typo)
    {
        end = i;
        entry = null!;
        typo = null;
        var token = tokens[i];
        if (token.Shape == TokenShape.Punctuation || (token.Shape == TokenShape.Lower && !gazetteer.MayStartLowercase(text[token.Start])))
        {
            return false;
        }

        foreach (var name in gazetteer.StartingWith(token.In(text)))
        {
            if (i + name.Words.Length > tokens.Count)
            {
                continue;
            }

            // Lower-case text only matches a lower-case name exactly ("o1"); "meta-learning" is not Meta.
            var firstWord = token.In(text);
            if (!firstWord.SequenceEqual(name.Words[0]) && !char.IsUpper(firstWord[0]))
            {
                continue;
            }

            var matches = true;
            var misspelt = false;
            for (var w = 1; w < name.Words.Length && matches; w++)
            {
                var word = tokens[i + w].In(text);
                matches = word.Equals(name.Words[w], StringComparison.OrdinalIgnoreCase);
                if (!matches && IsTypoOf(word, name.Words[w]))
                {
                    matches = misspelt = true;
                }
            }

            if (!matches)
            {
                continue;
            }

            typo = misspelt ? name.Text : null;

            end = i + name.Words.Length - 1;
            entry = name.Entry;
            if (entry.Kind == NodeKind.Model)
            {
                end = ExtendVersion(text, tokens, end);
            }

            return true;
        }

        return false;
    }

    // A later word of a known name with one letter wrong ("Tsinghua Universty"), in a long capitalized word only.
    private static bool IsTypoOf(ReadOnlySpan<char> word, string expected) =>
        expected.Length >= 6 && word.Length >= 5 && char.IsUpper(word[0]) && word[0] == expected[0]
        && EditDistance.AtMostOne(word.ToString(), expected);

    // "Claude 3", "Gemini 1.5 Pro": a known model followed by a version is that version.
    private static int ExtendVersion(string text, List<Token> tokens, int end)
    {
        if (end + 1 < tokens.Count && tokens[end + 1].Shape == TokenShape.Number && tokens[end + 1].Start == tokens[end].End + 1)
        {
            var number = tokens[end + 1].In(text);
            var isYear = number.Length == 4 && (number.StartsWith("19") || number.StartsWith("20"));
            if (!isYear)
            {
                end++;
                if (end + 1 < tokens.Count && ModelVariantsLookup.Contains(tokens[end + 1].In(text)))
                {
                    end++;
                }
            }
        }

        return end;
    }

    private int AddNameRun(string text, List<Token> tokens, int i, bool forcePerson, List<EntityMention> mentions, int first, int patternCount)
    {
        var start = i;
        var end = i;
        var j = i + 1;
        while (j < tokens.Count)
        {
            var t = tokens[j];
            if (Covered(mentions, first, patternCount, t.Start) || t.Start > tokens[j - 1].End + 1)
            {
                break;
            }

            var w = t.In(text);
            if (t.Shape == TokenShape.Capitalized && !Words.OpenersLookup.Contains(w) && !StartsGazetteerEntry(text, tokens, j))
            {
                end = j;
                j++;
                continue;
            }

            // "Institute of Physics and Technology", "Ponde de Oliveira": connectors only when a capital follows.
            var connector = t.Shape == TokenShape.Lower && (Words.NameParticlesLookup.Contains(w) || Words.OrganizationConnectorsLookup.Contains(w))
                || (t.Shape == TokenShape.Punctuation && w is "&");
            if (connector && j + 1 < tokens.Count && tokens[j + 1].Shape == TokenShape.Capitalized && !Words.OpenersLookup.Contains(tokens[j + 1].In(text)))
            {
                j++;
                continue;
            }

            break;
        }

        AddRun(text, tokens, start, end, forcePerson, mentions, split: true);
        return end + 1;
    }

    private static void AddRun(string text, List<Token> tokens, int start, int end, bool forcePerson, List<EntityMention> mentions, bool split)
    {
        var kind = Classify(text, tokens, start, end, forcePerson);
        if (kind is { } k)
        {
            var span = new TextSpan(tokens[start].Start, tokens[end].End);
            mentions.Add(new EntityMention(span, k, text[span.Start..span.End]));
            return;
        }

        if (!split)
        {
            return;
        }

        // "Hannah Berg and Jonas Lindqvist" is two people, not one organization.
        var partStart = start;
        for (var t = start; t <= end + 1; t++)
        {
            if (t <= end && (tokens[t].Shape == TokenShape.Capitalized || Words.NameParticlesLookup.Contains(tokens[t].In(text))))
            {
                continue;
            }

            if (t - 1 >= partStart)
            {
                AddRun(text, tokens, partStart, t - 1, forcePerson && partStart == start, mentions, split: false);
            }

            partStart = t + 1;
        }
    }

    private bool StartsGazetteerEntry(string text, List<Token> tokens, int j) =>
        TryGazetteer(text, tokens, j, out _, out _, out _);

    private static MentionKind? Classify(string text, List<Token> tokens, int start, int end, bool forcePerson)
    {
        if (start == end && Words.GenericAbbreviationsLookup.Contains(tokens[start].In(text)))
        {
            return null; // "AI systems", "scaling GPT models": a field or a family, not a name
        }

        bool hasOrganizationHead = false, hasTitleHead = false, hasNotName = false, hasDigit = false, hasConnector = false;
        bool hasPlace = false, hasCamelCase = false;
        var nameWords = 0;
        for (var t = start; t <= end; t++)
        {
            var token = tokens[t];
            var w = token.In(text);
            if (token.Shape != TokenShape.Capitalized)
            {
                hasConnector |= !Words.NameParticlesLookup.Contains(w);
                continue;
            }

            nameWords++;
            hasPlace |= Words.PlacesLookup.Contains(w);
            hasCamelCase |= IsCamelOrUpper(w);
            hasOrganizationHead |= Words.OrganizationHeadsLookup.Contains(w);
            hasTitleHead |= Words.TitleHeadsLookup.Contains(w) || Words.DegreeWordsLookup.Contains(w);
            hasNotName |= Words.NotNamesLookup.Contains(w);
            hasDigit |= token.HasDigit;
        }

        if (hasTitleHead)
        {
            return null;
        }

        if (hasOrganizationHead && (nameWords > 1 || tokens[start].In(text) is "Labs"))
        {
            return MentionKind.Organization;
        }

        if (hasDigit)
        {
            return nameWords == 1 && start == end ? MentionKind.Model : null;
        }

        if (hasNotName || hasConnector || hasPlace)
        {
            return null;
        }

        // "HyperCLOVA X" and "NASA" are products and acronyms, not people; "McGill" is still a name.
        if ((forcePerson || nameWords is >= 2 and <= 4) && !hasCamelCase)
        {
            return nameWords <= 4 ? MentionKind.Person : null;
        }

        return MentionKind.Unknown;
    }

    private static bool IsCamelOrUpper(ReadOnlySpan<char> word)
    {
        var upper = 0;
        for (var i = 1; i < word.Length; i++)
        {
            upper += char.IsUpper(word[i]) ? 1 : 0;
        }

        return upper >= 2 || (word.Length == 1 && char.IsUpper(word[0])) || (word.Length > 1 && upper == word.Length - 1);
    }
}
