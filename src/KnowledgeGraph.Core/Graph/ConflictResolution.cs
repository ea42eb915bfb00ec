using KnowledgeGraph.Core.Dates;

namespace KnowledgeGraph.Core.Graph;

/// <summary>
/// A person's choice for one disputed field of an edge ("start" or "end"). The edge then holds <see cref="Value"/>
/// for that field whatever its sources say, and the field no longer counts as a conflict; the sources and their
/// differing values are kept.
/// </summary>
public sealed record ConflictResolution(string EdgeId, string Field, PartialDate Value, DateTimeOffset ResolvedAt)
{
    public const string StartField = "start";
    public const string EndField = "end";

    public string? Note { get; init; }

    /// <summary>The id of the conflict it settles, as <see cref="Conflicts.Of(GraphEdge)"/> names it.</summary>
    public string ConflictId => ConflictKey(EdgeId, Field);

    public static string ConflictKey(string edgeId, string field) => $"{edgeId}/{field}";

    /// <summary>"edge:…/start" → the edge id and the field; a bare edge id gives a null field.</summary>
    public static (string EdgeId, string? Field) ParseConflictId(string id)
    {
        var slash = id.LastIndexOf('/');
        if (slash < 0)
        {
            return (id.Trim(), null);
        }

        var field = id[(slash + 1)..].Trim();
        if (field == FounderContradictions.Field)
        {
            throw new FormatException($"conflict '{id}' is a founder contradiction, which has no date to choose: retract the source that is wrong (retractSource), or correct it and import it again");
        }

        if (field is not (StartField or EndField))
        {
            throw new FormatException($"conflict id '{id}': the part after '/' must be '{StartField}' or '{EndField}', got '{field}'");
        }

        return (id[..slash].Trim(), field);
    }
}
