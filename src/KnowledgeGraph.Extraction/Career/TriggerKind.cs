namespace KnowledgeGraph.Extraction.Career;

/// <summary>The career verbs and phrases the extractor recognizes, grouped by the claims they make.</summary>
internal enum TriggerKind
{
    /// <summary>joined, joins, rejoined.</summary>
    Join,

    /// <summary>was hired by, was poached by, was recruited by: the organization follows "by".</summary>
    HiredBy,

    /// <summary>"Parallax AI has hired Daria Ivanova as its head of research": the organization hires the person after it.</summary>
    Hire,

    /// <summary>moved to.</summary>
    MoveTo,

    /// <summary>left, departed, resigned, stepped down, quit.</summary>
    Leave,

    /// <summary>founded, co-founded.</summary>
    Found,

    /// <summary>co-founder of.</summary>
    FounderOf,

    /// <summary>worked at, had been with, four years at.</summary>
    WorkAt,

    /// <summary>studied, attended.</summary>
    Study,

    /// <summary>graduated (from).</summary>
    Graduate,

    /// <summary>PhD, master's degree...: the degree names the role of a STUDIED_AT.</summary>
    Degree,

    /// <summary>built, developed, contributed to, worked on, trained, "key figure in building", "architect of".</summary>
    WorkOn,

    /// <summary>led, co-led, headed, spearheaded, ran, "at the helm of".</summary>
    Lead,

    /// <summary>co-authored, wrote, "author of".</summary>
    Author,

    /// <summary>promoted to, became, named, appointed: a new title.</summary>
    Promote,

    /// <summary>"VP of Research at OpenAI", "OpenAI's chief scientist", "a former Google engineer".</summary>
    Title,
}
