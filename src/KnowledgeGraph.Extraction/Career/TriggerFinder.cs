using System.Text.RegularExpressions;
using KnowledgeGraph.Core.Graph;
using KnowledgeGraph.Extraction.Entities;
using KnowledgeGraph.Extraction.Text;

namespace KnowledgeGraph.Extraction.Career;

/// <summary>Finds career verbs, degrees and job titles in a sentence.</summary>
internal static partial class TriggerFinder
{
    private static readonly HashSet<string> TitleStops = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "an", "the", "as", "is", "was", "were", "be", "been", "being", "became", "become", "becomes", "has", "have",
        "had", "to", "he", "she", "they", "his", "her", "their", "its", "our", "now", "then", "currently", "later",
        "named", "appointed", "hired", "served", "serves", "serving", "promoted", "promote", "joined", "joins", "join",
        "remains", "remained", "previously", "formerly", "also", "and", "who", "which", "that", "while", "where",
        "when", "after", "before", "since", "during", "worked", "working", "works", "work", "began", "begin", "career",
        "spent", "until", "from", "in", "on", "at", "by", "with", "for", "said", "says", "told", "years", "year",
        "most", "recently", "once", "still", "both", "or", "but", "not", "never", "this", "these", "he's", "she's",
    };

    private static readonly HashSet<string> TitleAdjectives = new(StringComparer.OrdinalIgnoreCase)
    {
        "former", "current", "new", "then", "ex", "longtime", "long-time", "founding",
    };

    private static readonly string[] TitleLeads = ["title of ", "role of ", "position of ", "post of "];

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> TitleStopsLookup = TitleStops.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> TitleAdjectivesLookup = TitleAdjectives.GetAlternateLookup<ReadOnlySpan<char>>();

    [GeneratedRegex(
        @"\G(?:(?<join>\b(?:re-?)?join(?:ed|s|ing)?\b)"
        + @"|(?<hired>\b(?:hired|recruited|poached)\s+by\b)"
        + @"|(?<hire>\b(?:hired|hires|recruited|recruits|poached)\b(?!\s+by\b))"
        + @"|(?<move>\bmov(?:ed|es|ing)\s+to\b)"
        + @"|(?<leave>\b(?:left|leaves|leaving|leave|quit|quits|quitting|exited|depart(?:ed|s|ing)?|departure\s+from|resign(?:ed|s|ing)?|step(?:ped|s)?\s+down|stepping\s+down)\b)"
        + @"|(?<found>\b(?:co-?)?found(?:ed|ing)\b|\bco-?founds?\b)"
        + @"|(?<founder>\b(?:co-?)?founders?\s+of\b)"
        + @"|(?<workat>\b(?:work(?:ed|s|ing)?|conducted\s+research|did\s+research)\s+(?:at|for|in)\b|\b(?:has|had|have)\s+been\s+with\b|\byears?\s+(?:at|with)\b)"
        + @"|(?<study>\bstud(?:ied|ies|ying)\b|\battend(?:ed|s)\b)"
        + @"|(?<graduate>\bgraduat(?:ed|es|e|ing)\b)"
        + @"|(?<degree>(?<![\w.])(?:[Pp]h\.?\s?[Dd]\.?|PHD|[Dd]octorate|[Mm]aster['’]?s(?:\s+degree)?|[Mm]aster\s+degree|[Bb]achelor['’]?s(?:\s+degree)?|[Bb]achelor\s+degree|B\.S\.|M\.S\.|B\.Sc\.|M\.Sc\.|BSc|MSc|B\.A\.|M\.A\.|MBA|MEng|BEng|DPhil)(?=[\s,;)]|\.?$))"
        + @"|(?<workon>\b(?:helped\s+(?:to\s+)?)?(?:built|build|builds|building|co-?created|created|co-?developed|developed|develop|develops|developing|trained|designed|contribut(?:ed|es|ing)\s+to|contributors?\s+(?:to|of)|work(?:ed|s|ing)\s+on|participat(?:ed|es|e|ing)(?:\s+in)?|(?:was|were)\s+involved\s+in|architect\s+of|co-?creator\s+of|creator\s+of|(?:main\s+|lead\s+|core\s+|key\s+|principal\s+)?developers?\s+of|key\s+figure\s+in\s+building)\b)"
        + @"|(?<lead>\bto\s+lead\b|\b(?:co-?led|led|leads|leading|co-?leads|co-?leading|headed|heads|heading|spearhead(?:ed|s|ing)|oversaw|oversees|ran|runs|at\s+the\s+helm\s+of)\b)"
        + @"|(?<author>\b(?:co-?authored|authored|co-?wrote|wrote|(?:first\s+|lead\s+)?(?:co-?)?authors?\s+of|(?:first\s+|lead\s+)?(?:co-?)?authors?\s+on)\b)"
        + @"|(?<promote>\bpromot(?:ed|e|es)\s+to\b|\belevated\s+to\b|\bbec(?:ame|omes)\b|\bnamed\b|\bappointed(?:\s+as)?\b|\bserv(?:ed|es|ing)\s+as\b))",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Verbs();

    // The words a career phrase can start with; the pattern is only tried at these tokens, which keeps extraction fast.
    private static readonly HashSet<string> FirstWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "join", "joined", "joins", "joining", "rejoin", "rejoined", "rejoins", "re-joined", "re-join", "hired", "recruited",
        "poached", "moved", "moves", "moving", "left", "leaves", "leaving", "leave", "quit", "quits", "quitting", "exited",
        "depart", "departed", "departs", "departing", "departure", "resign", "resigned", "resigns", "resigning", "step",
        "stepped", "steps", "stepping", "founded", "founding", "co-founded", "cofounded", "co-founding", "cofounding",
        "co-found", "co-founds", "cofound", "cofounds", "founder", "founders", "co-founder", "cofounder", "co-founders",
        "cofounders", "work", "worked", "works", "working", "conducted", "did", "has", "had", "have", "years", "year",
        "studied", "studies", "studying", "attended", "attends", "graduated", "graduates", "graduate", "graduating", "phd",
        "ph.d.", "ph.d", "ph", "doctorate", "master", "masters", "bachelor", "bachelors", "b.s.", "m.s.", "b.sc.", "m.sc.",
        "bsc", "msc", "b.a.", "m.a.", "mba", "meng", "beng", "dphil", "helped", "built", "build", "builds", "building",
        "co-created", "cocreated", "created", "co-developed", "codeveloped", "developed", "develop", "develops",
        "developing", "trained", "designed", "contributed", "contributes", "contributing", "contributor", "contributors",
        "participated", "participates", "participate", "participating", "was", "were", "architect", "co-creator",
        "cocreator", "creator", "key", "co-led", "coled", "led", "leads", "leading", "co-leads", "coleads", "co-leading",
        "coleading", "headed", "heads", "heading", "spearhead", "spearheaded", "spearheads", "spearheading", "oversaw",
        "oversees", "ran", "runs", "at", "to", "co-authored", "coauthored", "authored", "co-wrote", "cowrote", "wrote",
        "first", "lead", "author", "authors", "co-author", "coauthor", "co-authors", "coauthors", "promoted", "promote",
        "promotes", "became", "becomes", "named", "appointed", "served", "serves", "serving", "developer", "developers",
        "main", "core", "principal", "hires", "hire", "hiring", "recruits", "recruiting", "elevated",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> FirstWordsLookup = FirstWords.GetAlternateLookup<ReadOnlySpan<char>>();

    [GeneratedRegex(
        @"^\s*(?:as\s+)?(?:a|an|the|its|our|their|his|her)?\s*(?<t>[A-Za-z][\w'’.-]*(?:\s+(?!(?:at|in|from|since|until|on|and|to|for|after|before|where|with|when|focusing|working|who|which|while|but|during|between|amid|following|because|starting|effective)\b)[A-Za-z][\w'’.&-]*){0,7})",
        RegexOptions.CultureInvariant)]
    private static partial Regex TitleAfter();

    [GeneratedRegex(@"^\s*(?:in|of)\s+(?<field>(?!the\b)[A-Za-z][\w-]*(?:\s+(?!(?:from|at|in|and|with|of|on|by|the)\b)[A-Za-z][\w-]*){0,3})", RegexOptions.CultureInvariant)]
    private static partial Regex DegreeField();

    /// <summary>Appends the triggers of the sentence to <paramref name="triggers"/>, in order of position.</summary>
    public static void Find(string text, TextSpan sentence, List<Token> tokens, List<EntityMention> mentions, List<Trigger> triggers)
    {
        var covered = sentence.Start;
        for (var t = 0; t < tokens.Count; t++)
        {
            var token = tokens[t];
            if (token.Start < covered || !token.IsWord || !FirstWordsLookup.Contains(token.In(text)) || !NextWordFits(text, tokens, t))
            {
                continue;
            }

            var length = MatchLength(text, token.Start, sentence.End);
            if (length <= 0)
            {
                continue;
            }

            covered = token.Start + length;
            var span = new TextSpan(token.Start, covered);
            var kind = KindOf(text.AsSpan(span.Start, span.Length));
            if (Inside(mentions, span))
            {
                continue; // "Join" inside a quoted title, "Research Lead" inside a name...
            }

            var trigger = new Trigger(kind, span);
            if (kind == TriggerKind.Promote)
            {
                var role = TitleFollowing(text, span.End, sentence.End);
                if (role is null)
                {
                    continue;
                }

                trigger = trigger with { Role = role.Value.Title, RoleSpan = role.Value.Span };
            }
            else if (kind == TriggerKind.Degree)
            {
                var (degree, degreeSpan) = DegreePhrase(text, span, sentence.End, mentions);
                trigger = trigger with { Role = degree, RoleSpan = degreeSpan };
            }

            triggers.Add(trigger);
        }

        FindTitles(text, sentence, tokens, mentions, triggers);
        MergePromotions(triggers);
        triggers.Sort((a, b) => a.Span.Start.CompareTo(b.Span.Start));
    }

    // Common words start a career phrase only with a given next word ("at the helm", "to lead", "had been with");
    // checking it first spares the pattern most tries.
    private static bool NextWordFits(string text, List<Token> tokens, int index)
    {
        var word = tokens[index].In(text);
        string? next = word.Length switch
        {
            2 when word.Equals("at", StringComparison.OrdinalIgnoreCase) => "the",
            2 when word.Equals("to", StringComparison.OrdinalIgnoreCase) => "lead",
            3 when word.Equals("has", StringComparison.OrdinalIgnoreCase) || word.Equals("had", StringComparison.OrdinalIgnoreCase) => "been",
            4 when word.Equals("have", StringComparison.OrdinalIgnoreCase) => "been",
            3 when word.Equals("was", StringComparison.OrdinalIgnoreCase) => "involved",
            4 when word.Equals("were", StringComparison.OrdinalIgnoreCase) => "involved",
            3 when word.Equals("key", StringComparison.OrdinalIgnoreCase) => "figure",
            3 when word.Equals("did", StringComparison.OrdinalIgnoreCase) => "research",
            9 when word.Equals("conducted", StringComparison.OrdinalIgnoreCase) => "research",
            5 when word.Equals("first", StringComparison.OrdinalIgnoreCase) => "author",
            _ => null,
        };
        if (next is null)
        {
            return true;
        }

        return index + 1 < tokens.Count && tokens[index + 1].In(text).StartsWith(next, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The title written after "as", "promoted to" or "became", cut after its last head word.</summary>
    public static (string Title, TextSpan Span)? TitleFollowing(string text, int start, int end)
    {
        var m = TitleAfter().Match(text, start, end - start);
        if (!m.Success)
        {
            return null;
        }

        var group = m.Groups["t"];
        var words = group.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var keep = -1;
        for (var i = 0; i < words.Length; i++)
        {
            var word = words[i].TrimEnd('.', ',');
            if (Words.TitleHeads.Contains(word))
            {
                keep = i;
                // "Head of Alignment", "VP of Research", "member of technical staff": the "of" part belongs to it.
                if (i + 2 < words.Length && words[i + 1] == "of")
                {
                    var last = i + 2;
                    while (last + 1 < words.Length && (Words.TitleHeads.Contains(words[last + 1]) || words[last] is "of" || char.IsUpper(words[last + 1][0]) || words[last + 1] is "staff" or "research"))
                    {
                        last++;
                    }

                    keep = last;
                }
            }
        }

        if (keep < 0)
        {
            return null;
        }

        var title = string.Join(' ', words[..(keep + 1)]).TrimEnd('.', ',');
        if (title.Length == 0 || title.Split(' ').Length > 7)
        {
            return null;
        }

        var titleStart = group.Index;
        return (title, new TextSpan(titleStart, titleStart + title.Length));
    }

    // The pattern is anchored at the token (\G), so a match is a phrase starting there; no Match object is needed.
    private static int MatchLength(string text, int start, int end)
    {
        foreach (var match in Verbs().EnumerateMatches(text.AsSpan(0, end), start))
        {
            return match.Index == start ? match.Length : 0;
        }

        return 0;
    }

    // Which trigger a matched phrase is, from its words (the pattern has already checked the whole phrase).
    private static TriggerKind KindOf(ReadOnlySpan<char> phrase)
    {
        Span<char> buffer = stackalloc char[Math.Min(phrase.Length, 64)];
        var written = phrase[..buffer.Length].ToLowerInvariant(buffer);
        ReadOnlySpan<char> lower = buffer[..written];
        if (lower.EndsWith(" by", StringComparison.Ordinal))
        {
            return TriggerKind.HiredBy;
        }

        var space = lower.IndexOfAny(' ', '\t', '\n');
        var first = space < 0 ? lower : lower[..space];
        return first switch
        {
            "hired" or "hires" or "recruited" or "recruits" or "poached" => TriggerKind.Hire,
            _ when first.Contains("join", StringComparison.Ordinal) => TriggerKind.Join,
            "moved" or "moves" or "moving" => TriggerKind.MoveTo,
            "left" or "leaves" or "leaving" or "leave" or "quit" or "quits" or "quitting" or "exited" or "step" or "stepped" or "steps" or "stepping" => TriggerKind.Leave,
            _ when first.StartsWith("depart", StringComparison.Ordinal) || first.StartsWith("resign", StringComparison.Ordinal) => TriggerKind.Leave,
            _ when first.Contains("founder", StringComparison.Ordinal) => TriggerKind.FounderOf,
            _ when first.Contains("found", StringComparison.Ordinal) => TriggerKind.Found,
            "work" or "worked" or "works" or "working" => lower.EndsWith(" on", StringComparison.Ordinal) ? TriggerKind.WorkOn : TriggerKind.WorkAt,
            "conducted" or "did" or "has" or "had" or "have" or "years" or "year" => TriggerKind.WorkAt,
            _ when first.StartsWith("stud", StringComparison.Ordinal) || first.StartsWith("attend", StringComparison.Ordinal) => TriggerKind.Study,
            _ when first.StartsWith("graduat", StringComparison.Ordinal) => TriggerKind.Graduate,
            "co-led" or "coled" or "led" or "leads" or "leading" or "co-leads" or "coleads" or "co-leading" or "coleading" or "headed" or "heads"
                or "heading" or "oversaw" or "oversees" or "ran" or "runs" or "at" or "to" => TriggerKind.Lead,
            _ when first.StartsWith("spearhead", StringComparison.Ordinal) => TriggerKind.Lead,
            _ when first.Contains("author", StringComparison.Ordinal) || first.Contains("wrote", StringComparison.Ordinal) || first is "first" or "lead" => TriggerKind.Author,
            "promoted" or "promote" or "promotes" or "elevated" or "became" or "becomes" or "named" or "appointed" or "served" or "serves" or "serving" => TriggerKind.Promote,
            _ when IsDegree(first) => TriggerKind.Degree,
            _ => TriggerKind.WorkOn,
        };
    }

    private static bool IsDegree(ReadOnlySpan<char> word) =>
        word.StartsWith("ph", StringComparison.Ordinal) || word.StartsWith("doctor", StringComparison.Ordinal) || word.StartsWith("master", StringComparison.Ordinal)
        || word.StartsWith("bachelor", StringComparison.Ordinal) || word is "b.s." or "m.s." or "b.sc." or "m.sc." or "bsc" or "msc" or "b.a." or "m.a." or "mba" or "meng" or "beng" or "dphil";

    private static bool Inside(List<EntityMention> mentions, TextSpan span)
    {
        foreach (var m in mentions)
        {
            if (m.Kind is MentionKind.Paper or MentionKind.Organization or MentionKind.Model && m.Span.Start <= span.Start && span.End <= m.Span.End)
            {
                return true;
            }
        }

        return false;
    }

    // "master's degree in physics", "PhD in Machine Learning"; the field stops where the organization starts.
    private static (string Degree, TextSpan Span) DegreePhrase(string text, TextSpan degree, int end, List<EntityMention> mentions)
    {
        var field = DegreeField().Match(text, degree.End, end - degree.End);
        var phraseEnd = degree.End;
        if (field.Success)
        {
            var group = field.Groups["field"];
            var fieldStart = group.Index;
            var fieldEnd = group.Index + group.Length;
            foreach (var m in mentions)
            {
                if (m.Kind is MentionKind.Organization or MentionKind.Unknown && m.Start >= fieldStart && m.Start < fieldEnd)
                {
                    fieldEnd = m.Start;
                }
            }

            var candidate = text.AsSpan(fieldStart, Math.Max(0, fieldEnd - fieldStart)).TrimEnd();
            if (!candidate.IsEmpty && !char.IsDigit(candidate[0]))
            {
                phraseEnd = fieldStart + candidate.Length;
            }
        }

        return (text[degree.Start..phraseEnd].TrimEnd('.'), new TextSpan(degree.Start, phraseEnd));
    }

    private static void FindTitles(string text, TextSpan sentence, List<Token> tokens, List<EntityMention> mentions, List<Trigger> triggers)
    {
        foreach (var org in mentions)
        {
            if (org.Kind is not (MentionKind.Organization or MentionKind.Team or MentionKind.OrganizationReference or MentionKind.Unknown))
            {
                continue;
            }

            var title = TitleBefore(text, sentence, tokens, org, mentions) ?? TitleAfterOrganization(text, sentence, tokens, org);
            if (title is not null)
            {
                triggers.Add(title);
            }
        }
    }

    // "VP of Research at OpenAI", "CEO of Northwind Labs", CV lines "Research Scientist, Google Brain".
    private static Trigger? TitleBefore(string text, TextSpan sentence, List<Token> tokens, EntityMention org, List<EntityMention> mentions)
    {
        var index = FirstTokenFrom(tokens, org.Start) - 1;
        if (index < 1)
        {
            return null;
        }

        if (tokens[index].In(text).Equals("the", StringComparison.OrdinalIgnoreCase))
        {
            index--;
        }

        if (index < 1)
        {
            return null;
        }

        var preposition = tokens[index].In(text);
        var isComma = preposition is "," or "·" or "|" or "@" or "–" or "—";
        if (!isComma && preposition is not ("at" or "of" or "with" or "for"))
        {
            return null;
        }

        // An unknown name after "of" is more often a work ("architect of the Tessera model") than an employer.
        if (org.Kind == MentionKind.Unknown && preposition is not "at")
        {
            return null;
        }

        var last = index - 1;
        var first = index;
        for (var t = last; t >= 0 && last - t < 7; t--)
        {
            var token = tokens[t];
            var word = token.In(text);
            var isWord = token.IsWord || (token.Shape == TokenShape.Punctuation && word is "&");
            if (!isWord || TitleStopsLookup.Contains(word))
            {
                break;
            }

            first = t;
        }

        while (first <= last && TitleAdjectivesLookup.Contains(tokens[first].In(text)))
        {
            first++;
        }

        if (first > last)
        {
            return null;
        }

        var lastWord = tokens[last].In(text);
        var lastIsHead = Words.TitleHeadsLookup.Contains(lastWord);
        var headThenOf = false;
        for (var t = first; t + 2 <= last && !headThenOf; t++)
        {
            headThenOf = Words.TitleHeadsLookup.Contains(tokens[t].In(text)) && tokens[t + 1].In(text) is "of";
        }

        if (!(lastIsHead || (headThenOf && !isComma && preposition is not "of")) || tokens[first].In(text) is "of" || IsPlural(lastWord))
        {
            return null;
        }

        if (isComma && !CvLine.OnlyDatesBefore(text, sentence.Start, tokens[first].Start))
        {
            return null;
        }

        var titleSpan = new TextSpan(tokens[first].Start, tokens[last].End);
        if (preposition is "of" && org.Entry is null && EmployerBeforeAs(text, tokens, first, mentions) is { } employer)
        {
            // "joined OpenAI as VP of Applied AI": the name after "of" is a department of OpenAI, part of the title.
            var role = new TextSpan(titleSpan.Start, org.End);
            return MakeTitle(text, role, employer);
        }

        return MakeTitle(text, titleSpan, org);
    }

    // The organization right before "as" that a title follows: "OpenAI" in "joined OpenAI as VP of ...".
    private static EntityMention? EmployerBeforeAs(string text, List<Token> tokens, int titleFirst, List<EntityMention> mentions)
    {
        if (titleFirst < 2 || !tokens[titleFirst - 1].In(text).Equals("as", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var end = tokens[titleFirst - 2].End;
        return mentions.FirstOrDefault(m => m.End == end && m.Kind == MentionKind.Organization);
    }

    // "OpenAI's chief scientist", "its chief scientist", "a former Google engineer".
    private static Trigger? TitleAfterOrganization(string text, TextSpan sentence, List<Token> tokens, EntityMention org)
    {
        if (org.Kind == MentionKind.Unknown)
        {
            return null;
        }

        var index = FirstTokenFrom(tokens, org.End);
        if (index < 0)
        {
            return null;
        }

        var isIts = org.Surface.Equals("its", StringComparison.OrdinalIgnoreCase);
        var possessive = index + 1 < tokens.Count && tokens[index].In(text) is "'" or "’" && tokens[index + 1].In(text) is "s";
        // A plural name takes the apostrophe alone: "Orbis Labs' head of safety".
        var pluralPossessive = !possessive && index + 1 < tokens.Count && tokens[index].In(text) is "'" or "’"
            && org.Surface.EndsWith('s') && tokens[index + 1].IsWord;
        if (possessive)
        {
            index += 2;
        }
        else if (pluralPossessive)
        {
            index += 1;
            possessive = true;
        }
        else if (!isIts)
        {
            // Attributive use needs an article or "former" before the organization.
            var before = FirstTokenFrom(tokens, org.Start) - 1;
            if (before < 0 || org.Kind != MentionKind.Organization || tokens[before].In(text) is not ("a" or "an" or "former" or "ex"))
            {
                return null;
            }
        }

        var first = index;
        var last = -1;
        for (var t = index; t < tokens.Count && t - index < 6; t++)
        {
            var token = tokens[t];
            var word = token.In(text);
            if (!token.IsWord || (TitleStopsLookup.Contains(word) && word is not "of"))
            {
                break;
            }

            if (Words.TitleHeadsLookup.Contains(word) && !IsPlural(word))
            {
                last = t;
            }
        }

        if (last < 0)
        {
            return null;
        }

        // "OpenAI's Vice President of Research", "OpenAI's CEO of applications": the "of" part belongs to the title.
        if (last + 2 < tokens.Count && tokens[last + 1].In(text) is "of" && tokens[last + 2].IsWord && !TitleStopsLookup.Contains(tokens[last + 2].In(text)))
        {
            last += 2;
            while (last + 1 < tokens.Count && tokens[last + 1].Shape == TokenShape.Capitalized && tokens[last + 1].Start == tokens[last].End + 1)
            {
                last++;
            }
        }

        // Only lower-case titles after an attributive name ("Google engineer"), any case after a possessive.
        var titleSpan = new TextSpan(tokens[first].Start, tokens[last].End);
        if (!possessive && !isIts && char.IsUpper(text[titleSpan.Start]))
        {
            return null;
        }

        return MakeTitle(text, titleSpan, org) with { Span = new TextSpan(Math.Min(org.Start, titleSpan.Start), Math.Max(org.End, titleSpan.End)) };
    }

    private static int FirstTokenFrom(List<Token> tokens, int offset)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            if (tokens[i].Start >= offset)
            {
                return i;
            }
        }

        return -1;
    }

    private static Trigger MakeTitle(string text, TextSpan titleSpan, EntityMention org)
    {
        var title = text[titleSpan.Start..titleSpan.End];
        // "held the title of Principal Scientist at SSI": the title is what follows.
        foreach (var lead in TitleLeads)
        {
            if (title.StartsWith(lead, StringComparison.OrdinalIgnoreCase) && title.Length > lead.Length)
            {
                title = title[lead.Length..];
            }
        }

        var words = title.Split(' ');
        var relation = Relation.WorkedAt;
        if (words.Any(w => w.Equals("student", StringComparison.OrdinalIgnoreCase) || w.Equals("candidate", StringComparison.OrdinalIgnoreCase)))
        {
            relation = Relation.StudiedAt;
        }
        else if (org.Kind == MentionKind.Team && words.Any(w => w is "lead" or "Lead" or "leader" or "Leader" or "head" or "Head" or "director" or "Director" or "manager" or "Manager"))
        {
            relation = Relation.Led;
        }

        return new Trigger(TriggerKind.Title, new TextSpan(titleSpan.Start, Math.Max(titleSpan.End, org.End)))
        {
            Role = relation == Relation.StudiedAt ? StudentDegree(title) : title,
            RoleSpan = titleSpan,
            Organization = org,
            TitleRelation = relation,
        };
    }

    private static string? StudentDegree(string title)
    {
        var degree = title.Replace("student", string.Empty, StringComparison.OrdinalIgnoreCase)
            .Replace("candidate", string.Empty, StringComparison.OrdinalIgnoreCase).Trim();
        return degree.Length == 0 ? null : degree;
    }

    private static bool IsPlural(ReadOnlySpan<char> word) =>
        word.Length > 3 && word[^1] == 's' && word[^2] != 's' && Words.TitleHeadsLookup.Contains(word[..^1]);

    // "was promoted to VP of Research at Vireo Labs": the title found at the organization carries the promotion.
    private static void MergePromotions(List<Trigger> triggers)
    {
        for (var i = triggers.Count - 1; i >= 0; i--)
        {
            var promote = triggers[i];
            if (promote.Kind != TriggerKind.Promote)
            {
                continue;
            }

            // Also when the promotion's words hold the title's owner: "became the company's CTO".
            var title = triggers.FindIndex(t => t.Kind == TriggerKind.Title && t.RoleSpan.Start >= promote.Span.End
                && (t.RoleSpan.Start <= promote.RoleSpan.Start + 1 || (t.Organization is { } o && o.Start >= promote.RoleSpan.Start - 4 && t.RoleSpan.Start < promote.RoleSpan.End)));
            if (title >= 0)
            {
                triggers[title] = triggers[title] with { Span = new TextSpan(promote.Span.Start, triggers[title].Span.End) };
                triggers.RemoveAt(i);
            }
        }
    }
}
