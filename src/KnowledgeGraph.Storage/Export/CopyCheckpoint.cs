using System.Text.Json;

namespace KnowledgeGraph.Storage.Export;

/// <summary>
/// How far a copy got, kept in the target's meta after every batch: the phase, the last id written in it and how
/// many items the phase has written. A re-run starts after that id; repeating a batch is harmless (writes merge).
/// </summary>
public sealed record CopyCheckpoint(CopyPhase Phase, string AfterId, long Done)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    public static CopyCheckpoint Start { get; } = new(CopyPhase.Sources, string.Empty, 0);

    /// <summary>The meta key of a copy from <paramref name="from"/> (its description), so copies from two stores keep apart.</summary>
    public static string KeyFor(string from) => "copy-checkpoint:" + from;

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>The checkpoint stored under a key, or <see cref="Start"/> when there is none; a damaged one is an error naming the key.</summary>
    public static CopyCheckpoint Parse(string? json, string key)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return Start;
        }

        try
        {
            return JsonSerializer.Deserialize<CopyCheckpoint>(json, Json) ?? Start;
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"the target's meta '{key}' is not a copy checkpoint ({ex.Message}); re-run with --restart to copy from the beginning", ex);
        }
    }
}

/// <summary>The steps of a copy, in order: parents are set after every node exists, edges after every node and source.</summary>
public enum CopyPhase
{
    Sources,
    Nodes,
    Parents,
    Edges,
    Done,
}
