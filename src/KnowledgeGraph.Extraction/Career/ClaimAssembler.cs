using System.Text.RegularExpressions;
using KnowledgeGraph.Core.Claims;
using KnowledgeGraph.Core.Dates;
using KnowledgeGraph.Core.Graph;
using KnowledgeGraph.Extraction.Dates;
using KnowledgeGraph.Extraction.Entities;
using KnowledgeGraph.Extraction.Text;

namespace KnowledgeGraph.Extraction.Career;

/// <summary>
/// Builds the claims of one document, sentence by sentence: for each career verb or title, who (the subject,
/// through pronouns, first names and "who"), what (the organization, model, team or paper), when (the date
/// expression of its clause), and in what role. Keeps the state coreference needs: the person the text is about,
/// where each person works, which organizations were named.
/// </summary>
internal sealed partial class ClaimAssembler
{
    private const double Confident = 0.9;
    private const double Inferred = 0.7;

    private static readonly HashSet<string> BaseForms = new(StringComparer.OrdinalIgnoreCase)
    {
        "leave", "join", "build", "develop", "to lead", "work at", "work for", "work in", "participate", "participate in",
        "study", "attend", "graduate", "quit", "resign", "depart", "step down", "co-found", "cofound", "promote to",
    };

    private static readonly HashSet<string> ImpliedObjectFollowers = new(StringComparer.OrdinalIgnoreCase)
    {
        "in", "on", "after", "amid", "last", "this", "earlier", "because", "to", "and", "as", "over", "due", "following",
        "citing", "without", "recently", "yesterday", "today", "when", "but", "early", "late", "shortly", "abruptly",
        "quietly", "officially", "effective", "at", "from",
    };

    private static readonly HashSet<string> ObjectMarkers = new(StringComparer.OrdinalIgnoreCase)
    {
        "like", "unlike", "with", "by", "from", "of", "for", "to", "than", "under", "alongside", "against", "between",
        "among", "including", "behind", "besides", "via", "toward", "towards", "about", "told", "met", "saw", "replaces",
        "replace", "replacing", "succeeds", "succeeding", "thanks", "hires", "hire", "hiring", "names", "recruits",
        "beat", "beats", "as", "at", "on", "into", "onto", "over", "after", "before", "follows", "following",
    };

    private readonly string _text;
    private readonly List<EntityMention> _all;
    private readonly List<Claim> _claims = [];
    private readonly Dictionary<(string, Relation, string, PartialDate?, PartialDate?), int> _seen = [];
    private readonly Dictionary<string, string> _affiliation = new(StringComparer.Ordinal);
    private readonly HashSet<(string Person, string Organization)> _left = [];
    private readonly Dictionary<string, int> _organizationCounts = new(StringComparer.Ordinal);
    private readonly string? _topic;
    private string? _focus;
    private string? _lastSubject;

    // Per sentence.
    private TextSpan _sentence;
    private List<EntityMention> _mentions = [];
    private List<DateExpression> _dates = [];
    private int _claimsBeforeSentence;

    private readonly HashSet<string> _organizationNames;
    private readonly Dictionary<string, string> _canonicalOrganizations = new(StringComparer.Ordinal);

    public ClaimAssembler(string text, List<EntityMention> all, string? topic)
    {
        _text = text;
        _all = all;
        _topic = topic;
        _organizationNames = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < all.Count; i++)
        {
            all[i].Index = i;
            if (all[i].Kind == MentionKind.Organization)
            {
                _organizationNames.Add(all[i].Name);
            }
        }
    }

    private string CanonicalOrganization(string name)
    {
        if (!_canonicalOrganizations.TryGetValue(name, out var canonical))
        {
            canonical = MentionResolver.CanonicalOrganization(name, _organizationNames);
            _canonicalOrganizations[name] = canonical;
        }

        return canonical;
    }

    public IReadOnlyList<Claim> Claims => _claims;

    [GeneratedRegex(@",\s*(?:and|but|while|where|after\s+that|then|who|which|before)\b|;|\s(?:and|but|while|then)\s", RegexOptions.CultureInvariant)]
    private static partial Regex ClauseBoundary();

    [GeneratedRegex(@"\b(?:later|then|subsequently|afterwards|eventually|previously|earlier|before\s+that)\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex OwnTime();

    [GeneratedRegex(@"\b(?:was|were|been|being|is|are)\s+(?:\w+ly\s+)?$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex PassiveBefore();

    // "On May 28 he announced that he had joined Anthropic": the date is the announcement's; the joining came before it.
    [GeneratedRegex(@"\b(?:said|says|announced|announces|confirmed|confirms|wrote|writes|posted|posts|stated|states|revealed|reveals|told\s+\w+)\b[^.;]*\bthat\s+(?:\w+\s+){1,3}?had\s+(?:already\s+)?$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex ReportedAsPast();

    [GeneratedRegex(@",\s*(?:who|which|where)\b[^,]*", RegexOptions.CultureInvariant)]
    private static partial Regex RelativeClause();

    [GeneratedRegex(@"\bas\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex As();

    [GeneratedRegex(@"^\s*,\s*(?:(?:the|a|an|its|his|her|their|now|then|also)\s+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex AppositiveGap();

    [GeneratedRegex(@"^\s+as\s+(?:(?:the|a|an|its|their|his|her|interim|acting|new)\s+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex AsGap();

    [GeneratedRegex(@"\b(?:with|among|by|from|of|for|to|alongside|like)\s+(?:[a-z-]+\s+){0,3}[a-z]+s\s+who\s+(?:(?:had|has|have|also|all|later|then|since|were|was|already|recently)\s+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex CommonNounWho();

    /// <summary>Adds the claims of one sentence.</summary>
    public void AddSentence(TextSpan sentence, List<EntityMention> mentions, List<Trigger> triggers, List<DateExpression> dates)
    {
        _sentence = sentence;
        _mentions = mentions;
        _dates = dates;
        _claimsBeforeSentence = _claims.Count;

        if (triggers.Count > 0 && !Hedges.IsSpeculative(_text.AsSpan(sentence.Start, sentence.Length)))
        {
            SetRegions(triggers);
            for (var i = 0; i < triggers.Count; i++)
            {
                AddClaims(triggers, i);
            }
        }

        foreach (var m in mentions)
        {
            if (m.Kind == MentionKind.Organization)
            {
                _organizationCounts[m.Name] = _organizationCounts.GetValueOrDefault(m.Name) + 1;
            }
        }

        UpdateFocus();
    }

    private void SetRegions(List<Trigger> triggers)
    {
        for (var i = 0; i < triggers.Count; i++)
        {
            var start = triggers[i].Span.Start;
            if (i > 0)
            {
                var previousEnd = Math.Min(triggers[i - 1].Span.End, start);
                var boundary = -1;
                for (var m = ClauseBoundary().Match(_text, previousEnd, start - previousEnd); m.Success; m = m.NextMatch())
                {
                    if (!JoinsTwoNames(m))
                    {
                        boundary = m.Index;
                    }
                }

                start = boundary >= 0 ? boundary : start;
            }

            triggers[i].RegionStart = start;
        }

        for (var i = 0; i < triggers.Count; i++)
        {
            triggers[i].RegionEnd = i + 1 < triggers.Count ? Math.Max(triggers[i + 1].RegionStart, triggers[i].Span.End) : _sentence.End;
        }
    }

    // "Bob McGrew and Barret Zoph": an "and" between two names joins the names, not two clauses.
    private bool JoinsTwoNames(Match boundary)
    {
        var after = boundary.Index + boundary.Length;
        if (!char.IsWhiteSpace(_text[boundary.Index]) || after >= _text.Length || !char.IsUpper(_text[after]))
        {
            return false;
        }

        bool personBefore = false, personAfter = false;
        foreach (var m in _mentions)
        {
            personBefore |= m.Kind == MentionKind.Person && m.End == boundary.Index;
            personAfter |= m.Kind == MentionKind.Person && m.Start == after;
        }

        return personBefore && personAfter;
    }

    private void AddClaims(List<Trigger> triggers, int index)
    {
        var trigger = triggers[index];
        if (trigger.Kind == TriggerKind.Hire)
        {
            AddHire(triggers, index);
            return;
        }

        var subject = FindSubjects(trigger);
        if (subject.Names.Count == 0)
        {
            return;
        }

        var hedgeStart = Math.Max(subject.HedgeFrom, LastBoundaryBefore(trigger.Span.Start, subject.HedgeFrom));
        if (Hedges.InRegion(_text, hedgeStart, trigger.Span.End))
        {
            return;
        }

        var date = DateFor(triggers, index);
        if (subject.Undated && date is { } outside && outside.Span.Start < trigger.Span.Start)
        {
            date = null; // "On May 2, Fidji Simo, OpenAI's CEO, said": the title did not begin then ("head of safety since 2019" did)
        }

        var before = _claims.Count;
        foreach (var person in subject.Names)
        {
            AddClaimsFor(trigger, person, subject, date);
        }

        if (_claims.Count > before && !subject.Aside)
        {
            _lastSubject = subject.Names[0];
        }
    }

    private void AddClaimsFor(Trigger trigger, string person, Subject subject, DateExpression? date)
    {
        var confidence = subject.Inferred ? Inferred : Confident;
        switch (trigger.Kind)
        {
            case TriggerKind.Join or TriggerKind.HiredBy or TriggerKind.MoveTo:
                {
                    var target = Organization(trigger, person, maxGap: trigger.Kind == TriggerKind.MoveTo ? 5 : 30, allowTeam: true);
                    if (target is null)
                    {
                        return;
                    }

                    var joined = Emit(person, Relation.Joined, target.Value, date, null, subject, trigger, confidence);
                    var asIndex = FindAs(target.Value.End, trigger.RegionEnd);
                    var role = asIndex < 0 ? null : TriggerFinder.TitleFollowing(_text, asIndex, trigger.RegionEnd);
                    if (role is { } r && joined is not null)
                    {
                        Emit(person, Relation.WorkedAt, target.Value, date, r.Title, subject, trigger, confidence, r.Span.End);
                    }

                    break;
                }

            case TriggerKind.Leave:
                {
                    // "departed for Corvid AI": where one goes is joined; what is left is the current employer, if known.
                    var destination = Destination(trigger, person);
                    var target = Organization(trigger, person, maxGap: 12, allowTeam: true)
                        ?? (LeavesWithoutObject(trigger) || destination is not null ? CurrentOrganization(person) : null);
                    if (destination is { } d)
                    {
                        Emit(person, Relation.Joined, d, date, null, subject, trigger, confidence);
                        if (target is { } same && same.Name == d.Name)
                        {
                            break;
                        }
                    }

                    if (target is { } t)
                    {
                        Emit(person, Relation.Left, t, date, null, subject, trigger, t.Inferred ? Inferred : confidence);
                        _left.Add((person, t.Name));
                    }

                    break;
                }

            case TriggerKind.Found or TriggerKind.FounderOf:
                {
                    var target = subject.Passive ? OrganizationBefore(trigger)
                        : Organization(trigger, person, maxGap: 12, allowTeam: false) ?? RelativeObject(trigger);
                    if (target is { } t)
                    {
                        Emit(person, Relation.Founded, t, date, null, subject, trigger, confidence);
                    }

                    break;
                }

            case TriggerKind.WorkAt:
                {
                    var target = Organization(trigger, person, maxGap: 5, allowTeam: true);
                    if (target is { } t)
                    {
                        var asIndex = FindAs(t.End, trigger.RegionEnd);
                        var role = asIndex < 0 ? null : TriggerFinder.TitleFollowing(_text, asIndex, trigger.RegionEnd);
                        Emit(person, Relation.WorkedAt, t, date, role?.Title, subject, trigger, confidence, role?.Span.End ?? -1);
                    }

                    break;
                }

            case TriggerKind.Study:
                {
                    var target = Organization(trigger, person, maxGap: 40, allowTeam: false);
                    if (target is { } t)
                    {
                        Emit(person, Relation.StudiedAt, t, date, null, subject, trigger, confidence);
                    }
                    else
                    {
                        CompleteStudy(person, null, date);
                    }

                    break;
                }

            case TriggerKind.Graduate or TriggerKind.Degree:
                {
                    var from = trigger.Kind == TriggerKind.Degree ? trigger.RoleSpan.End : trigger.Span.End;
                    var target = OrganizationRightAfter(from, trigger.RegionEnd, person);
                    if (target is { } t)
                    {
                        Emit(person, Relation.StudiedAt, t, date, trigger.Role, subject, trigger, confidence, trigger.RoleSpan.End);
                    }
                    else
                    {
                        CompleteStudy(person, trigger.Role, date);
                    }

                    break;
                }

            case TriggerKind.WorkOn or TriggerKind.Lead or TriggerKind.Author:
                {
                    var relation = trigger.Kind switch
                    {
                        TriggerKind.WorkOn => Relation.WorkedOn,
                        TriggerKind.Lead => Relation.Led,
                        _ => Relation.Authored,
                    };
                    var works = subject.Passive ? WorkBefore(trigger, relation) : Works(trigger, relation);
                    foreach (var work in works)
                    {
                        Emit(person, relation, work, date, null, subject, trigger, confidence);
                    }

                    break;
                }

            case TriggerKind.Promote:
                {
                    var at = OrganizationRightAfter(trigger.RoleSpan.End, trigger.RegionEnd, person) ?? OrganizationAfterAt(trigger.RoleSpan.End, trigger.RegionEnd, person)
                        ?? CurrentOrganization(person);
                    if (at is { } t && trigger.Role is not null)
                    {
                        Emit(person, Relation.WorkedAt, t, date, trigger.Role, subject, trigger, t.Inferred ? Inferred : confidence, trigger.RoleSpan.End);
                    }

                    break;
                }

            case TriggerKind.Title:
                {
                    var org = trigger.Organization is { } o ? ResolveOrganization(o, person, allowTeam: true) : null;
                    if (org is { } t)
                    {
                        Emit(person, trigger.TitleRelation, t, date, trigger.Role, subject, trigger, confidence);
                    }

                    break;
                }
        }
    }

    // "Parallax AI has hired former Google researcher Daria Ivanova as its head of research."
    private void AddHire(List<Trigger> triggers, int index)
    {
        var trigger = triggers[index];
        var hired = _mentions.FirstOrDefault(m => m.Kind == MentionKind.Person && m.Start >= trigger.Span.End
            && m.Start - trigger.Span.End < 60 && !_text.AsSpan(trigger.Span.End, m.Start - trigger.Span.End).ContainsAny(".;"));
        var employer = _mentions.LastOrDefault(m => m.End <= trigger.Span.Start && m.Kind is MentionKind.Organization or MentionKind.OrganizationReference);
        if (hired is null || employer is null || Hedges.InRegion(_text, employer.End, trigger.Span.End))
        {
            return;
        }

        var target = ResolveOrganization(employer, hired.Name, allowTeam: false);
        if (target is not { } t)
        {
            return;
        }

        var subject = new Subject([hired.Name], employer.Start, employer.End, false, false);
        var date = DateFor(triggers, index);
        Emit(hired.Name, Relation.Joined, t, date, null, subject, trigger, Confident, hired.End);
        var asIndex = FindAs(hired.End, _sentence.End);
        if ((asIndex < 0 ? null : TriggerFinder.TitleFollowing(_text, asIndex, _sentence.End)) is { } role)
        {
            Emit(hired.Name, Relation.WorkedAt, t, date, role.Title, subject, trigger, Confident, role.Span.End);
        }

        _lastSubject = hired.Name;
    }

    // ---- subjects ----

    /// <param name="Aside">Named beside a title in passing ("reports to Shengjia Zhao, the chief scientist"): the
    /// sentence is not about them, so they do not take the next "he".</param>
    private readonly record struct Subject(List<string> Names, int EvidenceStart, int HedgeFrom, bool Inferred, bool Passive, bool Aside = false)
    {
        /// <summary>Where the quote must reach to show every subject ("... with Mira Murati and Luke Metz"); -1 when no further.</summary>
        public int EvidenceEnd { get; init; } = -1;

        /// <summary>A title written beside a name describes the person; a date earlier in the sentence is not when it began.</summary>
        public bool Undated { get; init; }
    }

    private Subject FindSubjects(Trigger trigger)
    {
        var names = new List<string>();
        if (trigger.Kind == TriggerKind.Title && TitledPerson(trigger) is { } titled)
        {
            // Start is where the name starts, or where it ends when it follows the title ("OpenAI chief scientist Ilya Sutskever").
            names.Add(titled.Name);
            var start = Math.Min(titled.Start, trigger.Span.Start);
            return new Subject(names, start, start, false, false, titled.Aside)
            {
                EvidenceEnd = titled.Start > trigger.Span.Start ? titled.Start : -1,
                Undated = titled.Described,
            };
        }

        if (AfterCommonNounWho(trigger))
        {
            return new Subject(names, 0, 0, false, false);
        }
        if (trigger.Kind is not (TriggerKind.HiredBy or TriggerKind.Title) && IsPassive(trigger))
        {
            var by = _text.IndexOf(" by ", trigger.Span.End, Math.Max(0, trigger.RegionEnd - trigger.Span.End), StringComparison.Ordinal);
            if (by >= 0)
            {
                var listEnd = PeopleList(by + 4, names);
                return new Subject(names, trigger.Span.Start, trigger.Span.Start, false, true) with { EvidenceStart = Math.Min(trigger.Span.Start, listEnd) };
            }

            return new Subject(names, 0, 0, false, true);
        }

        for (var i = _mentions.Count - 1; i >= 0; i--)
        {
            var m = _mentions[i];
            if (m.End > trigger.Span.Start || !m.IsPersonLike || AfterPreposition(m) || (m.Kind == MentionKind.Person && !IsSubjectPosition(m)
                && !_text.AsSpan(m.End, trigger.Span.Start - m.End).Contains(" who ", StringComparison.Ordinal)))
            {
                continue;
            }

            // "his"/"her" name the subject only right before the trigger ("his departure", "her PhD"), "him" only before
            // "as" ("described him as a co-founder").
            if (m.Kind == MentionKind.Pronoun && m.Name is "his" or "her" && !OnlySpaceBetween(m.End, trigger.Span.Start))
            {
                continue;
            }

            if (m.Kind == MentionKind.Pronoun && m.Name is "him" && !AsGap().IsMatch(_text.AsSpan(m.End, trigger.Span.Start - m.End)))
            {
                continue;
            }

            var person = Resolve(i);
            if (person is null)
            {
                return new Subject(names, 0, 0, false, false);
            }

            names.Add(person);
            if (m.Kind == MentionKind.Person)
            {
                AddCoordinated(i, names);
            }

            var coFoundersEnd = AddCoFounders(trigger, names);
            return new Subject(names, m.Start, m.End, false, false) { EvidenceEnd = coFoundersEnd };
        }

        // Title with the name after it: "The core researcher of OpenAI, Chen Jie, ...".
        if (trigger.Kind == TriggerKind.Title && trigger.Organization is { } org)
        {
            // The name follows the organization ("researcher of OpenAI, Chen Jie") or the title ("OpenAI's head of
            // research, Sam Altman"), after a comma with no other name before it.
            var after = Math.Max(org.End, trigger.Span.End);
            var next = _mentions.FindIndex(m => m.Start >= after);
            var comma = next < 0 ? -1 : _text.IndexOf(',', after, _mentions[next].Start - after);
            if (next >= 0 && _mentions[next].Kind == MentionKind.Person && comma >= 0 && comma - after < 30
                && !_text.AsSpan(after, comma - after).ContainsAny(".;:()") && OnlySpaceBetween(comma + 1, _mentions[next].Start))
            {
                names.Add(_mentions[next].Name);
                return new Subject(names, trigger.Span.Start, trigger.Span.Start, false, false);
            }
        }

        // "Before joining Lumen, Rafael spent..."; "After leaving Google, she...".
        if (_text.AsSpan(trigger.Span.Start, trigger.Span.Length).EndsWith("ing", StringComparison.OrdinalIgnoreCase))
        {
            var comma = _text.IndexOf(',', trigger.Span.End, _sentence.End - trigger.Span.End);
            var after = comma < 0 ? -1 : _mentions.FindIndex(m => m.Start > comma && m.IsPersonLike);
            if (after >= 0 && _mentions[after].Start - comma < 4)
            {
                var person = Resolve(after);
                if (person is not null)
                {
                    names.Add(person);
                    return new Subject(names, trigger.Span.Start, _sentence.Start, false, false);
                }
            }
        }

        // CV lines and bullets without a subject: "2019–2022: Research Scientist, OpenAI", "- Co-authored ...".
        // A base form opening a line is an imperative or a caption ("Leave OpenAI and ..."), not a CV entry.
        if (!BaseForms.Contains(_text[trigger.Span.Start..trigger.Span.End]) && CvLine.OnlyDatesBefore(_text, _sentence.Start, trigger.Span.Start) && (_topic ?? _focus) is { } topic)
        {
            names.Add(topic);
            return new Subject(names, trigger.Span.Start, _sentence.Start, true, false);
        }

        return new Subject(names, 0, 0, false, false);
    }

    // "was founded by", and a participle with "by" right after it: "the new startup founded by ...".
    private bool IsPassive(Trigger trigger) =>
        (PassiveBefore().IsMatch(_text.AsSpan(_sentence.Start, trigger.Span.Start - _sentence.Start))
            && _text.IndexOf(" by ", trigger.Span.End, Math.Max(0, trigger.RegionEnd - trigger.Span.End), StringComparison.Ordinal) >= 0)
        || (_text.AsSpan(trigger.Span.Start, trigger.Span.Length).EndsWith("ed", StringComparison.OrdinalIgnoreCase)
            && _text.AsSpan(trigger.Span.End).StartsWith(" by ", StringComparison.Ordinal));

    // The person a title is written next to: "Fidji Simo, OpenAI's CEO", "Shengjia Zhao, the chief scientist of the
    // lab", "former OpenAI chief scientist Ilya Sutskever", "appointed Julien Marchetti as its chief scientist",
    // "installed her as interim CEO" (but "replaced Ilya Sutskever as chief scientist" gives the title to the subject).
    private (string Name, int Start, bool Aside, bool Described)? TitledPerson(Trigger trigger)
    {
        // A title merged with the verb before it ("serving as its CTO") is not an appositive.
        var titleStart = Math.Min(trigger.RoleSpan.Start, trigger.Organization?.Start ?? int.MaxValue);
        var merged = trigger.Span.Start < titleStart;
        for (var i = 0; i < _mentions.Count; i++)
        {
            var m = _mentions[i];
            var isPerson = m.Kind == MentionKind.Person;
            if (!isPerson && !(m.Kind == MentionKind.Pronoun && m.Name is "her" or "him"))
            {
                continue;
            }

            if (m.End <= trigger.Span.Start && !merged && isPerson && AppositiveGap().IsMatch(_text.AsSpan(m.End, trigger.Span.Start - m.End)))
            {
                return (m.Name, m.Start, !IsSubjectPosition(m), true);
            }

            if (m.End <= titleStart && !AfterSuccession(m) && (AsGap().IsMatch(_text.AsSpan(m.End, titleStart - m.End))
                || (OnlySpaceBetween(m.End, titleStart) && m.Kind == MentionKind.Pronoun && OpensWithDeterminer(titleStart))))
            {
                return Resolve(i) is { } name ? (name, m.Start, false, false) : null;
            }

            if (isPerson && m.Start > trigger.Span.End && OnlySpaceBetween(trigger.Span.End, m.Start))
            {
                return (m.Name, m.End, true, true);
            }
        }

        return null;
    }

    // "made him its Chief Research Officer".
    private bool OpensWithDeterminer(int start) =>
        _text.AsSpan(start).StartsWith("its ", StringComparison.Ordinal) || _text.AsSpan(start).StartsWith("the ", StringComparison.Ordinal);

    private bool AfterSuccession(EntityMention m)
    {
        var before = _text.AsSpan(_sentence.Start, m.Start - _sentence.Start).TrimEnd();
        return before.EndsWith("replaced", StringComparison.OrdinalIgnoreCase) || before.EndsWith("replaces", StringComparison.OrdinalIgnoreCase)
            || before.EndsWith("replacing", StringComparison.OrdinalIgnoreCase) || before.EndsWith("succeeded", StringComparison.OrdinalIgnoreCase)
            || before.EndsWith("succeeds", StringComparison.OrdinalIgnoreCase) || before.EndsWith("succeeding", StringComparison.OrdinalIgnoreCase);
    }

    // "researchers who had left OpenAI": the subject is the noun before "who", not a person.
    private bool AfterCommonNounWho(Trigger trigger)
    {
        return CommonNounWho().IsMatch(_text.AsSpan(_sentence.Start, trigger.Span.Start - _sentence.Start));
    }

    private int PeopleList(int from, List<string> names)
    {
        var end = from;
        var expectPerson = true;
        foreach (var m in _mentions)
        {
            if (m.Start < end || !expectPerson)
            {
                continue;
            }

            var gap = _text.AsSpan(end, m.Start - end).Trim();
            if (!(gap.IsEmpty || gap is "," or "and" or ", and" or "&") || m.Kind != MentionKind.Person)
            {
                break;
            }

            names.Add(m.Name);
            end = m.End;
        }

        return end;
    }

    private void AddCoordinated(int index, List<string> names)
    {
        var current = _mentions[index];
        for (var i = index - 1; i >= 0; i--)
        {
            var m = _mentions[i];
            var gap = _text.AsSpan(m.End, current.Start - m.End).Trim();
            if (m.Kind != MentionKind.Person || !(gap is "and" or "," or "&" or ", and"))
            {
                break;
            }

            names.Insert(0, m.Name);
            current = m;
        }
    }

    // "co-founded Vistula Robotics with Ewa Nowak": Ewa Nowak founded it too. Returns where the list ends (-1 if none),
    // so the quote shows the names.
    private int AddCoFounders(Trigger trigger, List<string> names)
    {
        if (trigger.Kind != TriggerKind.Found)
        {
            return -1;
        }

        var with = _text.IndexOf(" with ", trigger.Span.End, trigger.RegionEnd - trigger.Span.End, StringComparison.Ordinal);
        if (with >= 0 && with - trigger.Span.End < 60)
        {
            var count = names.Count;
            var end = PeopleList(with + 6, names);
            return names.Count > count ? end : -1;
        }

        return -1;
    }

    private bool AfterPreposition(EntityMention m)
    {
        var before = _text.AsSpan(_sentence.Start, m.Start - _sentence.Start).TrimEnd();
        return before.EndsWith(" with", StringComparison.OrdinalIgnoreCase) || before.EndsWith(" by", StringComparison.OrdinalIgnoreCase)
            || before.EndsWith(" from", StringComparison.OrdinalIgnoreCase) || before.EndsWith(" alongside", StringComparison.OrdinalIgnoreCase)
            || before.EndsWith(" replaces", StringComparison.OrdinalIgnoreCase) || before.EndsWith(" replacing", StringComparison.OrdinalIgnoreCase)
            || before.EndsWith(" under", StringComparison.OrdinalIgnoreCase) || before.EndsWith(" than", StringComparison.OrdinalIgnoreCase)
            || before.EndsWith(" succeeds", StringComparison.OrdinalIgnoreCase) || before.EndsWith(" to", StringComparison.OrdinalIgnoreCase)
            || before.EndsWith(" at", StringComparison.OrdinalIgnoreCase) || before.EndsWith(" of", StringComparison.OrdinalIgnoreCase);
    }

    // A person named as the subject of a clause: at its start (after a date, a comma, a conjunction or "that"), not
    // after a verb or a preposition ("removed Sam Altman", "with Elon Musk", "like Jason Wei"), not as a possessive
    // ("Mark Zuckerberg's memo"), and not later in a list that started as an object ("with Mira Murati and Luke Metz").
    private bool IsSubjectPosition(EntityMention m)
    {
        if (m.End + 1 < _text.Length && _text[m.End] is '\'' or '’' && _text[m.End + 1] == 's')
        {
            return false;
        }

        var before = _text.AsSpan(_sentence.Start, m.Start - _sentence.Start).TrimEnd();
        var previous = m.Index > 0 ? _all[m.Index - 1] : null;
        if (previous is { Kind: MentionKind.Person } && previous.End >= _sentence.Start && previous.End <= m.Start
            && _text.AsSpan(previous.End, m.Start - previous.End).Trim() is "," or "and" or ", and" or "&")
        {
            return IsSubjectPosition(previous);
        }

        while (true)
        {
            if (before.IsEmpty)
            {
                return true;
            }

            var space = before.LastIndexOfAny(' ', '\n', '\t');
            var word = before[(space + 1)..];
            if (Words.HonorificsLookup.Contains(word))
            {
                before = before[..Math.Max(0, space)].TrimEnd();
                continue;
            }

            var last = word[^1];
            if (!char.IsLetter(last))
            {
                return true; // a date, a comma, a colon, a bullet
            }

            // After a verb or a preposition the name is an object; after a noun it has a title before it
            // ("Halden Labs co-founder Elise Marchand", "the model expert Zhang Wei").
            return char.IsUpper(word[0])
                || !(ObjectMarkers.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word) || (word.Length > 3 && word.EndsWith("ed", StringComparison.Ordinal)));
        }
    }

    private bool OnlySpaceBetween(int start, int end) => end >= start && _text.AsSpan(start, end - start).IsWhiteSpace();

    private string? Resolve(int index)
    {
        var m = _mentions[index];
        switch (m.Kind)
        {
            case MentionKind.Person:
                return m.Name;
            case MentionKind.Relative:
                for (var i = index - 1; i >= 0; i--)
                {
                    if (_mentions[i].Kind == MentionKind.Person)
                    {
                        return _mentions[i].Name;
                    }
                }

                return null;
            default:
                // "they" names a group here ("They are called the co-founders"), not one person.
                if (m.Name == "they")
                {
                    return null;
                }

                // "Zuckerberg also described him as...": an object pronoun is not the subject of its own clause.
                if (m.Name == "him")
                {
                    var candidate = _focus ?? _topic;
                    return candidate is not null && _mentions.Any(o => o.Kind == MentionKind.Person && o.Name == candidate && o.End <= m.Start && IsSubjectPosition(o))
                        ? (_topic != candidate ? _topic : null)
                        : candidate;
                }

                // A pronoun: the last person named earlier in this sentence as a subject, else the person in focus.
                for (var i = index - 1; i >= 0; i--)
                {
                    if (_mentions[i].Kind == MentionKind.Person && IsSubjectPosition(_mentions[i]))
                    {
                        return _mentions[i].Name;
                    }
                }

                return _focus ?? _topic;
        }
    }

    private void UpdateFocus()
    {
        // A sentence naming the person the text is about as a subject is about them, whoever else it names.
        foreach (var m in _mentions)
        {
            if (_topic is not null && m.Kind == MentionKind.Person && m.Name == _topic && IsSubjectPosition(m))
            {
                _focus = _topic;
                return;
            }
        }

        if (_claims.Count > _claimsBeforeSentence && _lastSubject is not null)
        {
            _focus = _lastSubject;
            return;
        }

        foreach (var m in _mentions)
        {
            if (m.Kind is MentionKind.Pronoun or MentionKind.Relative)
            {
                return; // the sentence is about the person already in focus
            }

            if (m.Kind == MentionKind.Person && IsSubjectPosition(m))
            {
                _focus = m.Name;
                return;
            }
        }
    }

    // ---- objects ----

    private readonly record struct Target(string Name, NodeKind Kind, int Start, int End, bool Inferred);

    private Target? Organization(Trigger trigger, string person, int maxGap, bool allowTeam)
    {
        var from = trigger.Span.End;
        foreach (var m in _mentions)
        {
            if (m.Start < from || m.Start >= trigger.RegionEnd)
            {
                continue;
            }

            var gap = _text.AsSpan(from, m.Start - from);
            if (gap.Length > maxGap + 5 || gap.ContainsAny(",.;:()") || m.IsPersonLike)
            {
                return null;
            }

            if (trigger.Kind == TriggerKind.Leave && gap.Contains(" for ", StringComparison.Ordinal))
            {
                return null; // "leave for Google" names where one goes
            }

            if (trigger.Kind is TriggerKind.Join or TriggerKind.HiredBy or TriggerKind.MoveTo && gap.TrimEnd().EndsWith(" from", StringComparison.Ordinal))
            {
                return null; // "joins us as Research Scientist from Google DeepMind" names where one comes from
            }

            if (m.Kind == MentionKind.Unknown && (!IsShortGap(gap, 2) || !MayBeOrganization(trigger, m, gap)))
            {
                continue;
            }

            // "left OpenAI after seven years at the company", "was leaving the company": the one just left counts.
            var target = ResolveOrganization(m, trigger.Kind is TriggerKind.WorkAt or TriggerKind.Leave ? null : person, allowTeam);
            if (target is not null)
            {
                return target;
            }
        }

        return null;
    }

    // An unknown name is an employer after "joined" or "at", not after "in" or "to": "worked in Amsterdam", "moved to London".
    private bool MayBeOrganization(Trigger trigger, EntityMention m, ReadOnlySpan<char> gap)
    {
        if (CanonicalOrganization(m.Name) != m.Name)
        {
            return true;
        }

        var phrase = _text.AsSpan(trigger.Span.Start, trigger.Span.Length);
        var endsWithPlace = phrase.EndsWith(" in", StringComparison.OrdinalIgnoreCase) || phrase.EndsWith(" to", StringComparison.OrdinalIgnoreCase)
            || gap.TrimEnd().EndsWith(" in", StringComparison.Ordinal) || gap.Trim() is "in" or "to";
        return !endsWithPlace && trigger.Kind is not (TriggerKind.MoveTo or TriggerKind.Study);
    }

    private Target? OrganizationRightAfter(int from, int regionEnd, string person)
    {
        foreach (var m in _mentions)
        {
            if (m.Start < from || m.Start >= Math.Max(regionEnd, from + 1))
            {
                continue;
            }

            var gap = _text.AsSpan(from, m.Start - from).Trim();
            if (gap.StartsWith("the ", StringComparison.OrdinalIgnoreCase) || gap.Equals("the", StringComparison.OrdinalIgnoreCase))
            {
                gap = gap[3..].Trim();
            }

            if (gap is "" or "," or "from" or "at" or "in" or "of" or "with" or ", from" or "from the" or "at the" or "in the" or "of the")
            {
                return ResolveOrganization(m, person, allowTeam: false);
            }

            return null;
        }

        return null;
    }

    // "a tenured research scientist (chargé de recherche) at CNRS": the employer after a note on the title.
    private Target? OrganizationAfterAt(int from, int regionEnd, string person)
    {
        var m = _mentions.FirstOrDefault(o => o.Start >= from && o.Start < regionEnd);
        if (m is null || m.Kind != MentionKind.Organization)
        {
            return null;
        }

        var gap = _text.AsSpan(from, m.Start - from).Trim();
        var closed = gap.Length > 0 && gap[0] == '(' && gap.IndexOf(')') is var close && close > 0 && !gap[..close].ContainsAny(",.;");
        var rest = closed ? gap[(gap.IndexOf(')') + 1)..].Trim() : gap;
        return closed && rest is "at" or "at the" ? ResolveOrganization(m, person, allowTeam: false) : null;
    }

    // "Orbital Labs, which he co-founded in 2020": the organization before "which" is the object.
    private Target? RelativeObject(Trigger trigger)
    {
        var before = _text.AsSpan(_sentence.Start, trigger.Span.Start - _sentence.Start);
        var which = before.LastIndexOf(", which ", StringComparison.Ordinal);
        if (which < 0 || before.Length - which > 30)
        {
            return null;
        }

        var at = _sentence.Start + which;
        var organization = _mentions.LastOrDefault(m => m.End <= at && m.End >= at - 1 && m.Kind == MentionKind.Organization);
        return organization is null ? null : ResolveOrganization(organization, null, allowTeam: false);
    }

    private Target? OrganizationBefore(Trigger trigger)
    {
        for (var i = _mentions.Count - 1; i >= 0; i--)
        {
            var m = _mentions[i];
            if (m.End <= trigger.Span.Start && m.Kind is MentionKind.Organization or MentionKind.OrganizationReference)
            {
                return ResolveOrganization(m, null, allowTeam: false);
            }
        }

        return null;
    }

    private Target? ResolveOrganization(EntityMention m, string? person, bool allowTeam)
    {
        return m.Kind switch
        {
            MentionKind.Organization => new Target(m.Name, NodeKind.Organization, m.Start, m.End, false),
            MentionKind.Team when allowTeam => new Target(m.Name, NodeKind.Organization, m.Start, m.End, false),
            MentionKind.Unknown => new Target(CanonicalOrganization(m.Name), NodeKind.Organization, m.Start, m.End, false),
            MentionKind.OrganizationReference => ReferencedOrganization(m, person) is { } name
                ? new Target(name, NodeKind.Organization, m.Start, m.End, true)
                : null,
            _ => null,
        };
    }

    // "the company", "the lab", "its": the organization last named, skipping those named inside a "who..." clause
    // of this sentence and those the person has just left.
    private string? ReferencedOrganization(EntityMention reference, string? person)
    {
        var noun = reference.Surface.Split(' ')[^1].ToLowerInvariant();
        var sentenceText = _text.AsSpan(_sentence.Start, _sentence.Length);
        var relative = new List<TextSpan>();
        foreach (var match in RelativeClause().EnumerateMatches(sentenceText))
        {
            relative.Add(new TextSpan(_sentence.Start + match.Index, _sentence.Start + match.Index + match.Length));
        }

        string? fallback = null;
        string? left = null;
        for (var i = reference.Index - 1; i >= 0; i--)
        {
            var m = _all[i];
            var name = m.Kind switch
            {
                MentionKind.Organization => m.Name,
                MentionKind.Unknown when CanonicalOrganization(m.Name) is var full && full != m.Name => full,
                _ => null,
            };
            if (name is null || relative.Any(r => r.Contains(m.Start)))
            {
                continue;
            }

            if (person is not null && _left.Contains((person, name)))
            {
                left ??= name;
                continue;
            }

            // "the lab" after "a former engineer at Tesla" is still the Fernhill Robotics Lab named before.
            if (noun is "institute" or "university" or "lab" && !name.Contains(noun, StringComparison.OrdinalIgnoreCase))
            {
                fallback ??= name;
                continue;
            }

            return name;
        }

        return fallback ?? left;
    }

    // "resigned in November", "left in 2021": the employer is implied; "after leaving school" names something else.
    private bool LeavesWithoutObject(Trigger trigger)
    {
        var rest = _text.AsSpan(trigger.Span.End, _sentence.End - trigger.Span.End).TrimStart();
        if (rest.IsEmpty || !char.IsLetter(rest[0]))
        {
            return true;
        }

        var wordEnd = rest.IndexOfAny(' ', ',', '.');
        var word = wordEnd < 0 ? rest : rest[..wordEnd];
        return ImpliedObjectFollowers.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word);
    }

    private Target? Destination(Trigger trigger, string person)
    {
        var rest = _text.AsSpan(trigger.Span.End, Math.Max(0, trigger.RegionEnd - trigger.Span.End));
        return rest.StartsWith(" for ", StringComparison.Ordinal)
            ? OrganizationRightAfter(trigger.Span.End + 5, trigger.RegionEnd, person)
            : null;
    }

    private Target? CurrentOrganization(string person)
    {
        if (_affiliation.TryGetValue(person, out var organization))
        {
            return new Target(organization, NodeKind.Organization, -1, -1, true);
        }

        var best = _organizationCounts.OrderByDescending(p => p.Value).Select(p => p.Key).FirstOrDefault();
        return best is null ? null : new Target(best, NodeKind.Organization, -1, -1, true);
    }

    private List<Target> Works(Trigger trigger, Relation relation)
    {
        var works = new List<Target>();
        EntityMention? previous = null;
        foreach (var m in _mentions)
        {
            if (m.Start < trigger.Span.End || m.Start >= trigger.RegionEnd)
            {
                continue;
            }

            if (previous is null)
            {
                var gap = _text.AsSpan(trigger.Span.End, m.Start - trigger.Span.End);
                if (gap.Length > 60 || gap.ContainsAny(".;") || m.IsPersonLike)
                {
                    break;
                }

                if (gap.Contains(" related to ", StringComparison.Ordinal))
                {
                    break; // "led projects related to Gemini" did not lead Gemini
                }

                // "Google's Gemini models": the owner is not the work.
                var possessive = m.Kind is MentionKind.Organization && m.End + 1 < _text.Length && _text[m.End] is '\'' or '’';
                var located = gap.TrimEnd().EndsWith(" at", StringComparison.Ordinal) || gap.TrimEnd().EndsWith(" in", StringComparison.Ordinal)
                    || gap.TrimEnd().EndsWith(" from", StringComparison.Ordinal) || possessive;
                if (located || (m.Kind == MentionKind.Unknown && !IsShortGap(gap, 4)))
                {
                    continue;
                }
            }
            else
            {
                var gap = _text.AsSpan(previous.End, m.Start - previous.End).Trim();
                if (!(gap is "," or "and" or ", and" or "&" or "as well as" or ", as well as" or ", the" or "and the"))
                {
                    break;
                }
            }

            var work = WorkTarget(m, relation);
            if (work is null)
            {
                if (previous is null)
                {
                    continue;
                }

                break;
            }

            works.Add(work.Value);
            previous = m;
        }

        return works;
    }

    private List<Target> WorkBefore(Trigger trigger, Relation relation)
    {
        for (var i = _mentions.Count - 1; i >= 0; i--)
        {
            if (_mentions[i].End <= trigger.Span.Start && WorkTarget(_mentions[i], relation) is { } work)
            {
                return [work];
            }
        }

        return [];
    }

    private Target? WorkTarget(EntityMention m, Relation relation)
    {
        switch (m.Kind)
        {
            case MentionKind.Paper:
                return new Target(m.Name, NodeKind.Paper, m.Start, m.End, false);
            case MentionKind.PaperReference:
                var paper = LastPaperBefore(m.Index);
                return paper is null ? null : new Target(paper.Name, NodeKind.Paper, m.Start, m.End, true);
            case MentionKind.Model when relation != Relation.Authored:
                return new Target(m.Name, NodeKind.Model, m.Start, m.End, false);
            case MentionKind.Unknown when relation != Relation.Authored:
                // Works named by the verb around them: "built Quill", "co-led the Dactyl project".
                return new Target(m.Name, NodeKind.Model, m.Start, m.End, false);
            case MentionKind.Team or MentionKind.Organization when relation == Relation.Led:
                return new Target(m.Name, NodeKind.Organization, m.Start, m.End, false);
            default:
                return null;
        }
    }

    private EntityMention? LastPaperBefore(int index)
    {
        for (var i = index - 1; i >= 0; i--)
        {
            if (_all[i].Kind == MentionKind.Paper)
            {
                return _all[i];
            }
        }

        return null;
    }

    private static bool IsShortGap(ReadOnlySpan<char> gap, int maxWords)
    {
        var words = 0;
        foreach (var range in gap.Trim().Split(' '))
        {
            var w = gap.Trim()[range];
            if (w.IsEmpty)
            {
                continue;
            }

            if (!char.IsLower(w[0]))
            {
                return false;
            }

            words++;
        }

        return words <= maxWords;
    }

    private int FindAs(int from, int end)
    {
        if (from < 0 || end <= from)
        {
            return -1;
        }

        var m = As().Match(_text, from, end - from);
        return m.Success && !_text.AsSpan(from, m.Index - from).ContainsAny(",;") ? m.Index + 2 : -1;
    }

    // ---- dates ----

    private DateExpression? DateFor(List<Trigger> triggers, int index)
    {
        var trigger = triggers[index];
        foreach (var d in _dates)
        {
            if (d.Span.Start >= trigger.RegionStart && d.Span.Start < trigger.RegionEnd && !InOtherRelativeClause(d.Span.Start, trigger)
                && !(d.Span.Start > trigger.Span.End && _text.AsSpan(trigger.Span.End, d.Span.Start - trigger.Span.End).Contains(" who ", StringComparison.Ordinal))
                && !ReportedBefore(d, trigger))
            {
                return d;
            }
        }

        // A date opening the sentence ("In 2019, ...", "Since 2022, she ...") dates every clause without its own,
        // unless the clause marks its own time ("later", "then"). A date after the subject dates only the first verb.
        // A duration ("seven years at the company") is never dated by a date outside it.
        if (_text.AsSpan(trigger.Span.Start, trigger.Span.Length).StartsWith("year", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var firstRegion = triggers[0].RegionStart;
        var firstPerson = _mentions.FindIndex(m => m.IsPersonLike);
        var subjectStart = firstPerson >= 0 ? _mentions[firstPerson].Start : int.MaxValue;
        foreach (var d in _dates)
        {
            if (d.Span.Start < firstRegion && (index == 0 || d.Span.Start < subjectStart)
                && !OwnTime().IsMatch(_text.AsSpan(trigger.RegionStart, trigger.RegionEnd - trigger.RegionStart))
                && !ReportedBefore(d, trigger))
            {
                return d;
            }
        }

        return null;
    }

    // "On May 28, 2024, he announced that he had joined Anthropic": the date is when he said it, and "had joined"
    // puts the event before that day, so the date does not date it.
    private bool ReportedBefore(DateExpression date, Trigger trigger) =>
        date.Span.End <= trigger.Span.Start && ReportedAsPast().IsMatch(_text.AsSpan(date.Span.End, trigger.Span.Start - date.Span.End));

    // "Weber, who has run the lab since 2017, said": 2017 dates the clause's verb, not a title outside it.
    private bool InOtherRelativeClause(int position, Trigger trigger)
    {
        foreach (var match in RelativeClause().EnumerateMatches(_text.AsSpan(_sentence.Start, _sentence.Length)))
        {
            var start = _sentence.Start + match.Index;
            var end = start + match.Length;
            if (position >= start && position < end)
            {
                return trigger.Span.Start < start || trigger.Span.Start >= end;
            }
        }

        return false;
    }

    private int LastBoundaryBefore(int position, int floor)
    {
        var start = Math.Max(_sentence.Start, floor);
        var last = start;
        if (position <= start)
        {
            return start;
        }

        foreach (var m in ClauseBoundary().EnumerateMatches(_text.AsSpan(start, position - start)))
        {
            last = start + m.Index;
        }

        return last;
    }

    private static (PartialDate? Start, PartialDate? End) Dates(Relation relation, DateExpression? date)
    {
        if (date is not { } d)
        {
            return (null, null);
        }

        var isEvent = relation.IsEvent();
        return d.Shape switch
        {
            DateShape.Point when relation == Relation.StudiedAt => (null, d.From),
            DateShape.Point or DateShape.Since => (d.From, null),
            DateShape.Range => isEvent ? (d.From, null) : (d.From, d.To),
            DateShape.Until => isEvent ? (null, null) : (null, d.To),
            _ => (null, null),
        };
    }

    // ---- studies ----

    // "graduating in 2011", "with bachelor degree in 2014": completes the STUDIED_AT the sentence already made.
    private void CompleteStudy(string person, string? role, DateExpression? date)
    {
        for (var i = _claims.Count - 1; i >= _claimsBeforeSentence; i--)
        {
            var claim = _claims[i];
            if (claim.Relation != Relation.StudiedAt || claim.Subject.Name != person)
            {
                continue;
            }

            var (_, end) = Dates(Relation.StudiedAt, date);
            var updated = claim with { Role = claim.Role ?? role, End = claim.End ?? end };
            Replace(i, updated);
            return;
        }
    }

    // ---- output ----

    private Claim? Emit(string person, Relation relation, Target target, DateExpression? date, string? role, Subject subject, Trigger trigger, double confidence, int roleEnd = -1)
    {
        if (target.Name.Equals(person, StringComparison.Ordinal) || !relation.Allows(NodeKind.Person, target.Kind))
        {
            return null;
        }

        var (start, end) = Dates(relation, date);
        var evidenceStart = Math.Min(trigger.Span.Start, subject.EvidenceStart >= _sentence.Start ? subject.EvidenceStart : trigger.Span.Start);
        var evidenceEnd = Math.Max(trigger.Span.End, target.End);
        if (date is { } d && d.Span.Start >= trigger.RegionStart && d.Span.End <= trigger.RegionEnd)
        {
            evidenceEnd = Math.Max(evidenceEnd, d.Span.End);
        }

        if (date is { } fronted && fronted.Span.Start < trigger.RegionStart)
        {
            evidenceStart = Math.Min(evidenceStart, fronted.Span.Start);
        }

        evidenceEnd = Math.Max(Math.Max(evidenceEnd, roleEnd), subject.EvidenceEnd);
        evidenceStart = Math.Max(evidenceStart, _sentence.Start);
        evidenceEnd = Math.Min(evidenceEnd, _sentence.End);
        var evidence = new Evidence(evidenceStart, evidenceEnd, _text[evidenceStart..evidenceEnd]);
        var claim = new Claim(new Mention(person, NodeKind.Person), relation, new Mention(target.Name, target.Kind), evidence)
        {
            Start = start,
            End = end,
            Role = role,
            Confidence = Math.Min(confidence, target.Inferred ? Inferred : Confident),
        };

        if (relation is Relation.WorkedAt or Relation.Joined && target.Kind == NodeKind.Organization && !IsTeamName(target.Name))
        {
            _affiliation[person] = target.Name;
        }

        var key = (person, relation, target.Name, start, end);
        if (_seen.TryGetValue(key, out var existing))
        {
            if (_claims[existing].Role is null && role is not null)
            {
                _claims[existing] = _claims[existing] with { Role = role };
            }

            return _claims[existing];
        }

        _seen[key] = _claims.Count;
        _claims.Add(claim);
        return claim;
    }

    private void Replace(int index, Claim updated)
    {
        var old = _claims[index];
        _seen.Remove((old.Subject.Name, old.Relation, old.Object.Name, old.Start, old.End));
        var key = (updated.Subject.Name, updated.Relation, updated.Object.Name, updated.Start, updated.End);
        if (_seen.ContainsKey(key))
        {
            _claims.RemoveAt(index);
            RebuildIndex();
            return;
        }

        _claims[index] = updated;
        _seen[key] = index;
    }

    private void RebuildIndex()
    {
        _seen.Clear();
        for (var i = 0; i < _claims.Count; i++)
        {
            var c = _claims[i];
            _seen[(c.Subject.Name, c.Relation, c.Object.Name, c.Start, c.End)] = i;
        }
    }

    private static bool IsTeamName(string name) =>
        name.EndsWith(" team", StringComparison.OrdinalIgnoreCase) || name.EndsWith(" group", StringComparison.OrdinalIgnoreCase);
}
