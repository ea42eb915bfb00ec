namespace KnowledgeGraph.Extraction.Entities;

/// <summary>What a stretch of text refers to, before claims are built from it.</summary>
internal enum MentionKind
{
    Person,
    Organization,

    /// <summary>A team inside an organization ("the post-training team"): an Organization node.</summary>
    Team,
    Model,
    Paper,

    /// <summary>A capitalized name of unknown type ("Quill", "Vireo"); the verb around it decides.</summary>
    Unknown,

    /// <summary>he, she, they, his, her.</summary>
    Pronoun,

    /// <summary>"who" after a name: the person just before.</summary>
    Relative,

    /// <summary>"the company", "the lab", "its": the organization the text is talking about.</summary>
    OrganizationReference,

    /// <summary>"the paper": the last paper named.</summary>
    PaperReference,
}
