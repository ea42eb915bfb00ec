namespace KnowledgeGraph.Core.Graph;

/// <summary>Edge kinds: career edges go from a person, structural edges between things.</summary>
public enum Relation
{
    WorkedAt,
    StudiedAt,
    WorkedOn,
    Led,
    Authored,
    Joined,
    Left,
    Founded,
    DevelopedBy,
    PartOf,
}
